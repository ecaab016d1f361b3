"""`corroborate eval ...`: the evaluation harnesses on the gold corpora in ../shared/data.

Each command calls one harness module and prints its report. Where the data is
absent the harness raises FileNotFoundError, and the command says it skipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import click

DATA = click.option("--data", "data_dir", default="../shared/data", show_default=True, metavar="DIR",
                    help="Folder holding the gold corpora.")  # fmt: skip


def _run(module: str, evaluate: str, **kwargs: Any) -> None:
    harness = importlib.import_module(f"corroborate.eval.{module}")
    try:
        metrics = getattr(harness, evaluate)(**kwargs)
    except FileNotFoundError as exc:
        message = str(exc)
        click.echo(message if message.startswith("skipped") else f"skipped: {message}")
        return
    report: Callable[[Any], str] = harness.format_report
    click.echo(report(metrics))


@click.group("eval")
def eval_group() -> None:
    """Measure quality on the gold corpora (skips cleanly when they are absent)."""


@eval_group.command("intake")
@click.option("--split", type=click.Choice(["train", "dev"]), default="dev", show_default=True)
@DATA
def eval_intake(split: str, data_dir: str) -> None:
    """Paragraphs intact and boilerplate removed on real articles re-rendered with noise."""
    _run("intake_eval", "evaluate_intake", data_dir=data_dir, split=split)


@eval_group.command("clustering")
@click.option("--corpus", type=click.Choice(["ecbplus", "newswcl50", "meantime"]), required=True)
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="dev", show_default=True)
@click.option(
    "--backend", type=click.Choice(["lexical", "neural", "both"]), default="lexical", show_default=True
)
@click.option("--order", type=click.Choice(["date", "shuffled"]), default="date", show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the shuffled order.")
@DATA
def eval_clustering(corpus: str, split: str, backend: str, order: str, seed: int, data_dir: str) -> None:
    """Story clustering: BCubed P/R/F1, ARI, and predicted vs gold story counts."""
    _run("clustering", "evaluate_clustering", corpus=corpus, split=split, data_dir=data_dir,
         backend=backend, order=order, seed=seed)  # fmt: skip


@eval_group.command("quotes")
@click.option("--corpus", type=click.Choice(["polnear"]), default="polnear", show_default=True)
@click.option("--split", type=click.Choice(["train", "dev"]), default="dev", show_default=True)
@DATA
def eval_quotes(corpus: str, split: str, data_dir: str) -> None:
    """Attribution spans (source, cue, content), content+speaker F1, direct-quote recall."""
    _run("polnear", "evaluate_quotes", data_dir=data_dir, split=split)


@eval_group.command("times")
@click.option("--corpus", type=click.Choice(["tempeval3"]), default="tempeval3", show_default=True)
@click.option("--split", type=click.Choice(["all", "train", "dev"]), default="all", show_default=True)
@DATA
def eval_times(corpus: str, split: str, data_dir: str) -> None:
    """Time expressions: relaxed extent F1 and normalised-value F1 (DCT as publication date)."""
    _run("tempeval", "evaluate_times", data_dir=data_dir, split=split)


@eval_group.command("speakers")
@click.option("--corpus", type=click.Choice(["meantime"]), default="meantime", show_default=True)
@DATA
def eval_speakers(corpus: str, data_dir: str) -> None:
    """Accuracy of the resolved speaker of speech events with a gold Arg0."""
    _run("speakers", "evaluate_speakers", data_dir=data_dir)


@eval_group.command("alignment")
@click.option(
    "--corpus", type=click.Choice(["newswcl50", "meantime"]), default="newswcl50", show_default=True
)
@DATA
def eval_alignment(corpus: str, data_dir: str) -> None:
    """Claim alignment: pairwise precision and (indicative) recall against gold event coreference."""
    _run("alignment", "evaluate_alignment", corpus=corpus, data_dir=data_dir)
