"""Clustering scores: BCubed precision/recall/F1 and the adjusted Rand index.

BCubed (Bagga & Baldwin 1998) is the usual figure for document-to-story
clustering (Barhom et al. 2019 report it on ECB+): every item scores the
share of its predicted cluster that is gold-correct (precision) and the share
of its gold cluster it was grouped with (recall), averaged over items.  ARI is
reported next to it because it punishes the "one giant cluster" and "all
singletons" degenerate answers differently.

Both take ``{item: label}`` dicts with the same keys.

>>> gold = {"a": 1, "b": 1, "c": 2}
>>> bcubed(gold, {"a": "x", "b": "x", "c": "y"})
(1.0, 1.0, 1.0)
>>> round(adjusted_rand_index(gold, {"a": "x", "b": "y", "c": "y"}), 3)
-0.5
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from math import comb


def _check_keys(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> None:
    """Scores over different item sets are meaningless; fail loudly instead."""
    if set(gold) != set(predicted):
        missing = sorted(set(gold) ^ set(predicted))[:5]
        raise ValueError(f"gold and predicted cover different items, e.g. {missing}")


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def bcubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1) averaged over items; (1, 1, 1) for no items."""
    _check_keys(gold, predicted)
    if not gold:
        return 1.0, 1.0, 1.0
    pair_counts = Counter((gold[i], predicted[i]) for i in gold)
    gold_sizes = Counter(gold.values())
    pred_sizes = Counter(predicted.values())
    precision = recall = 0.0
    for (g, p), together in pair_counts.items():
        # each of the `together` items sees `together` correct companions
        precision += together * together / pred_sizes[p]
        recall += together * together / gold_sizes[g]
    n = len(gold)
    return precision / n, recall / n, _f1(precision / n, recall / n)


def adjusted_rand_index(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> float:
    """Hubert-Arabie ARI; 1.0 when both partitions are identical (even if trivial)."""
    _check_keys(gold, predicted)
    n = len(gold)
    index = sum(comb(c, 2) for c in Counter((gold[i], predicted[i]) for i in gold).values())
    gold_pairs = sum(comb(c, 2) for c in Counter(gold.values()).values())
    pred_pairs = sum(comb(c, 2) for c in Counter(predicted.values()).values())
    total = comb(n, 2)
    expected = gold_pairs * pred_pairs / total if total else 0.0
    maximum = (gold_pairs + pred_pairs) / 2
    if maximum == expected:
        return 1.0 if gold_pairs == pred_pairs == index else 0.0
    return (index - expected) / (maximum - expected)
