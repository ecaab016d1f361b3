"""Story-clustering harness: stream a gold corpus through the clusterer and score it.

All documents of the chosen split go through ONE :class:`StoryIndex` in one
stream -- for ECB+ that means every dev topic mixed together, not one topic
at a time, because real input is mixed.  ``order="date"`` streams by
publication date (undated articles after the dated ones, each group in id
order; ECB+ has no dates, so this is id order); ``order="shuffled"`` uses a
seeded shuffle to show how much the result depends on arrival order.

Command line::

    python -m corroborate.eval.clustering --corpus ecbplus --split dev --order date
    python -m corroborate.eval.clustering --corpus newswcl50 --order shuffled --seed 3
    python -m corroborate.eval.clustering --corpus meantime          # or meantime-topic, meantime-coref

NewsWCL50 and MEANTIME have no train/dev split: every split is the whole
corpus (neither was used for tuning).  ``--backend neural`` needs the
optional ``neural`` extra; ``--backend both`` reports lexical and neural one
after the other.  ``--split test`` reads a test split where the gold table has
one (the shared copy of ECB+ deliberately has none).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..cluster import ClusterDoc, ClusterSettings, StoryIndex, make_representer
from ..cluster.settings import DEFAULT_CLUSTER_SETTINGS
from .bcubed import adjusted_rand_index, bcubed
from .corpora import CORPORA, DEFAULT_DATA_DIR, CorpusNotFound, GoldDoc, load_corpus


def stream_order(docs: Sequence[GoldDoc], order: str, seed: int = 0) -> list[GoldDoc]:
    """Arrival order: by date (undated last, ties by id) or a seeded shuffle."""
    if order == "date":
        dated = sorted((d for d in docs if d.published), key=lambda d: (d.published, d.doc_id))
        return dated + sorted((d for d in docs if not d.published), key=lambda d: d.doc_id)
    if order == "shuffled":
        shuffled = sorted(docs, key=lambda d: d.doc_id)
        random.Random(seed).shuffle(shuffled)
        return shuffled
    raise ValueError(f"unknown order {order!r} (date, shuffled)")


def cluster_docs(docs: Sequence[GoldDoc], settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
                 backend: str = "lexical", recluster: bool = False) -> dict[str, str]:  # fmt: skip
    """doc id -> predicted story id, assigning in the given order (streaming), then optionally reclustered."""
    index = StoryIndex(settings, make_representer(backend, settings))
    stream = [ClusterDoc(d.doc_id, d.title, d.text, d.published) for d in docs]
    streamed = {doc.id: index.assign(doc) for doc in stream}
    return index.recluster(stream).export_assignments() if recluster else streamed


def score(docs: Sequence[GoldDoc], predicted: dict[str, str]) -> dict[str, float]:
    """BCubed P/R/F1 and ARI in percent, with predicted and gold story counts."""
    gold = {d.doc_id: d.story for d in docs}
    precision, recall, f1 = bcubed(gold, predicted)
    return {
        "bcubed_p": 100 * precision,
        "bcubed_r": 100 * recall,
        "bcubed_f1": 100 * f1,
        "ari": 100 * adjusted_rand_index(gold, predicted),
        "stories": len(set(predicted.values())),
        "gold_stories": len(set(gold.values())),
    }


#: ``backend`` values: one backend, or "both" to run and report lexical and neural one after the other.
BACKENDS = ("lexical", "neural", "both")


def evaluate_clustering(corpus: str, split: str = "dev", data_dir: str | Path = DEFAULT_DATA_DIR,
                        backend: str = "lexical", order: str = "date", seed: int = 0,
                        settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
                        recluster: bool = False) -> dict[str, Any]:  # fmt: skip
    """Cluster one corpus split in one stream and score it; raises CorpusNotFound if absent.

    ``recluster=True`` scores the batch re-optimisation pass run after the stream.
    ``backend="both"`` returns ``{"runs": [lexical result, neural result]}``; the neural
    run becomes ``{"backend": "neural", "skipped": why}`` when its optional extra is missing.
    """
    if backend == "both":
        runs = [evaluate_clustering(corpus, split, data_dir, "lexical", order, seed, settings, recluster)]
        try:
            runs.append(
                evaluate_clustering(corpus, split, data_dir, "neural", order, seed, settings, recluster)
            )
        except ImportError as exc:
            runs.append({"backend": "neural", "skipped": str(exc)})
        return {"runs": runs}
    docs = stream_order(load_corpus(corpus, split, data_dir), order, seed)
    started = time.perf_counter()
    predicted = cluster_docs(docs, settings, backend, recluster)
    elapsed = time.perf_counter() - started
    result: dict[str, Any] = {"corpus": corpus, "split": split, "order": order, "seed": seed,
                              "backend": backend, "recluster": recluster, "documents": len(docs),
                              "seconds": elapsed}  # fmt: skip
    result.update(score(docs, predicted))
    return result


def format_report(result: dict[str, Any]) -> str:
    """One readable paragraph per run (per backend for ``backend="both"``)."""
    if "runs" in result:
        return "\n".join(format_report(run) for run in result["runs"])
    if "skipped" in result:
        return f"backend={result['backend']}: skipped: {result['skipped']}"
    return (
        f"{result['corpus']} {result['split']} ({result['documents']} docs, order={result['order']}, "
        f"seed={result['seed']}, backend={result['backend']}{', reclustered' if result.get('recluster') else ''})\n"
        f"  BCubed P {result['bcubed_p']:.1f}  R {result['bcubed_r']:.1f}  F1 {result['bcubed_f1']:.1f}  "
        f"ARI {result['ari']:.1f}\n"
        f"  stories predicted {result['stories']} vs gold {result['gold_stories']}  "
        f"({result['seconds']:.2f} s)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; exit status 2 when the corpus is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", choices=CORPORA, required=True)
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--order", choices=("date", "shuffled"), default="date")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--backend", choices=BACKENDS, default="lexical")
    parser.add_argument("--data-dir", default=DEFAULT_DATA_DIR)
    parser.add_argument("--recluster", action="store_true", help="score the batch pass after the stream")
    args = parser.parse_args(argv)
    try:
        result = evaluate_clustering(args.corpus, args.split, args.data_dir, args.backend, args.order,
                                     args.seed, recluster=args.recluster)  # fmt: skip
    except CorpusNotFound as exc:
        print(exc, file=sys.stderr)
        return 2
    print(format_report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
