"""Quote and attribution extraction measured on PolNeAR (train / dev).

``python -m corroborate.eval.polnear [--split dev] [--errors N] [--baseline]``
prints span P/R/F1 for source, cue and content (exact and overlap match),
content+speaker F1 over all attributions and direct-quote recall.
``--mine-cues`` rebuilds the cue lexicon from the train split.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..extract.base import Attribution
from .polnear_metrics import ArticleScore, Tally, score_article
from .polnear_reader import CorpusMissing, Frags, GoldArticle, GoldAttribution, load_split

Extractor = Callable[[str], Sequence[Attribution]]
ROLES = ("source", "cue", "content")
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def as_gold(att: Attribution) -> GoldAttribution:
    """System output in the reader's shape; split quotes keep their pieces."""
    pieces = getattr(att, "pieces", ()) or (att.content,)

    def frags(*extents: Any) -> Frags:
        return tuple((e.start, e.end) for e in extents if e is not None)

    return GoldAttribution(content=frags(*pieces), source=frags(att.source), cue=frags(att.cue))


def default_extractor() -> Extractor:
    from ..extract.quotes import find_attributions

    return find_attributions


def baseline_extractor() -> Extractor:
    from .polnear_baseline import naive_attributions

    return naive_attributions


def run_split(
    articles: Sequence[GoldArticle], extractor: Extractor
) -> tuple[list[ArticleScore], list, float]:
    """Scores per article, the system output, and the CPU seconds extraction took (CPU time,
    so that the speed is per core however busy the machine is)."""
    outputs, seconds = [], 0.0
    for art in articles:
        t0 = time.process_time()
        found = extractor(art.text)
        seconds += time.process_time() - t0
        outputs.append([as_gold(a) for a in found])
    scores = [score_article(a.text, a.attributions, out) for a, out in zip(articles, outputs, strict=True)]
    return scores, outputs, seconds


def summarise(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    """Pooled counts -> the metrics dict (percentages)."""
    metrics: dict[str, Any] = {}
    for role in ROLES:
        exact, overlap = Tally(), Tally()
        for s in scores:
            exact.add(s.exact[role])
            overlap.add(s.overlap[role])
        metrics[role] = {"exact": exact.prf(), "overlap": overlap.prf()}
    att, direct = Tally(), Tally()
    for s in scores:
        att.add(s.attribution)
        direct.add(s.direct)
    metrics["attribution"] = att.prf()
    metrics["direct_quote_recall"] = direct.prf()["r"]
    metrics["gold_attributions"], metrics["system_attributions"] = att.n_gold, att.n_sys
    metrics["gold_direct"] = direct.n_gold
    return metrics


def evaluate_quotes(
    data_dir: str | Path = "../shared/data", split: str = "dev", extractor: Extractor | None = None
) -> dict[str, Any]:
    """Metrics of ``extractor`` (default: :func:`find_attributions`) on one split."""
    articles = load_split(data_dir, split)
    scores, _, seconds = run_split(articles, extractor or default_extractor())
    metrics = summarise(scores)
    metrics.update(split=split, articles=len(articles), seconds=round(seconds, 3))
    metrics["articles_per_second"] = round(len(articles) / seconds, 1) if seconds else 0.0
    return metrics


def format_report(metrics: dict[str, Any]) -> str:
    """A plain-text table of :func:`evaluate_quotes` output."""
    lines = [
        f"PolNeAR {metrics.get('split', '?')}: {metrics.get('articles', 0)} articles, "
        f"{metrics['gold_attributions']} gold / {metrics['system_attributions']} system attributions",
        f"{'span':<10}{'exact P':>9}{'R':>7}{'F1':>7}{'overlap P':>12}{'R':>7}{'F1':>7}",
    ]
    for role in ROLES:
        e, o = metrics[role]["exact"], metrics[role]["overlap"]
        lines.append(f"{role:<10}{e['p']:>9}{e['r']:>7}{e['f1']:>7}{o['p']:>12}{o['r']:>7}{o['f1']:>7}")
    a = metrics["attribution"]
    lines.append(f"content+speaker  P {a['p']}  R {a['r']}  F1 {a['f1']}")
    lines.append(f"direct-quote recall {metrics['direct_quote_recall']} (of {metrics['gold_direct']})")
    if "articles_per_second" in metrics:
        lines.append(
            f"speed {metrics['articles_per_second']} articles/s per core ({metrics['seconds']} CPU s extracting)"
        )
    return "\n".join(lines)


def _snippet(text: str, frags: Frags, width: int = 160) -> str:
    if not frags:
        return "-"
    return " | ".join(text[a:b] for a, b in frags).replace("\n", " ")[:width]


def format_errors(
    articles: Sequence[GoldArticle], outputs: Sequence, scores: Sequence[ArticleScore], n: int
) -> str:
    """Up to ``n`` missed gold and ``n`` spurious system attributions, for error analysis."""
    missed, spurious = [], []
    for art, out, score in zip(articles, outputs, scores, strict=True):
        gold_hit = {g for g, _ in score.pairs}
        sys_hit = {s for _, s in score.pairs}
        for i, g in enumerate(art.attributions):
            if i not in gold_hit:
                missed.append(
                    f"MISS {art.name}: [{_snippet(art.text, g.source)}] [{_snippet(art.text, g.cue)}] {_snippet(art.text, g.content)}"
                )
        for j, s in enumerate(out):
            if j not in sys_hit:
                spurious.append(
                    f"FP   {art.name}: [{_snippet(art.text, s.source)}] [{_snippet(art.text, s.cue)}] {_snippet(art.text, s.content)}"
                )
    return "\n".join(missed[:n] + spurious[:n])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corroborate.eval.polnear", description=__doc__)
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--data-dir", default=str(DEFAULT_DATA))
    parser.add_argument("--errors", type=int, default=0, help="show N missed and N spurious attributions")
    parser.add_argument("--baseline", action="store_true", help="score the naive quote-mark baseline instead")
    parser.add_argument(
        "--mine-cues", action="store_true", help="rebuild the cue lexicon from the train split"
    )
    args = parser.parse_args(argv)
    try:
        if args.mine_cues:
            from .polnear_mine import mine_cues

            print(mine_cues(args.data_dir))
            return 0
        return _report(args)
    except CorpusMissing as exc:
        print(exc, file=sys.stderr)
        return 0


def _report(args: argparse.Namespace) -> int:
    extractor = baseline_extractor() if args.baseline else default_extractor()
    articles = load_split(args.data_dir, args.split)
    scores, outputs, seconds = run_split(articles, extractor)
    metrics = summarise(scores)
    metrics.update(split=args.split, articles=len(articles), seconds=round(seconds, 3))
    metrics["articles_per_second"] = round(len(articles) / seconds, 1) if seconds else 0.0
    print(format_report(metrics))
    if args.errors:
        print(format_errors(articles, outputs, scores, args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
