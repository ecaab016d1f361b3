"""Extraction benchmark: articles per second per core for the whole extract stage.

    python bench/extract.py --n 500

Generates articles with ``bench/corpus.py``, cleans them (not timed), then times
``extract_article`` (sentences, entities and resolution, quotes, times, claims)
in CPU time of this one process, so the figure is per core whatever else the
shared machine is doing. Each sub-extractor is timed too, as shares of the total.
"""

from __future__ import annotations

import argparse
import time

from corroborate.extract import anchor_date, extract_article
from corroborate.extract.claims import find_claims
from corroborate.extract.entities import find_mentions
from corroborate.extract.quotes import find_attributions
from corroborate.extract.resolve import resolve_article
from corroborate.extract.sentences import split_sentences
from corroborate.extract.times import find_times
from corroborate.model import Article, RawDocument, SourceMeta
from corroborate.pipeline import clean_stage
from corroborate.settings import Settings

try:
    from corpus import generate_articles
except ImportError:  # run as ``python -m bench.extract``
    from bench.corpus import generate_articles  # type: ignore[no-redef]


def cleaned_articles(n: int, seed: int) -> list[Article]:
    settings = Settings()
    out = []
    for rec in generate_articles(n, seed=seed):
        meta = SourceMeta(outlet=rec.get("outlet"), published=rec.get("published"))
        raw = RawDocument(str(rec["id"]), f"{rec['title']}\n{rec['text']}", "text", meta=meta)
        out.append(clean_stage(raw, settings))
    return out


def cpu(fn, items) -> float:  # type: ignore[no-untyped-def]
    start = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - start


def parts(article: Article) -> dict[str, float]:
    """CPU seconds of each extractor on one article, run in pipeline order."""
    text, out, t = article.text, {}, time.process_time()

    def lap(name: str) -> None:
        nonlocal t
        now = time.process_time()
        out[name], t = now - t, now

    sentences = split_sentences(text)
    lap("sentences")
    mentions = find_mentions(text)
    lap("mentions")
    local = resolve_article(text, mentions, pronouns=True)
    lap("resolve")
    atts = find_attributions(text, sentences)
    lap("quotes")
    times = find_times(text, anchor_date(article.meta.published))
    lap("times")
    find_claims(text, sentences, atts, mentions, local, times)
    lap("claims")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    articles = cleaned_articles(args.n, args.seed)
    kb = sum(len(a.text) for a in articles) / len(articles) / 1024
    settings = Settings()
    extract_article(articles[0], settings)  # load lexicons outside the timing
    total = cpu(lambda a: extract_article(a, settings), articles)
    split: dict[str, float] = {}
    for a in articles:
        for name, sec in parts(a).items():
            split[name] = split.get(name, 0.0) + sec
    print(f"extract stage: {len(articles)} articles of {kb:.1f} KB average")
    print(
        f"  {len(articles) / total:8.1f} articles/s per core (CPU time {1000 * total / len(articles):.2f} ms/article)"
    )
    whole = sum(split.values())
    for name, sec in split.items():
        print(f"  {name:10} {100 * sec / whole:5.1f} %  {1000 * sec / len(articles):6.2f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
