"""The PolNeAR harness: reader, metrics, report, CLI, and the quality gate on the real corpus."""

from pathlib import Path

import pytest

from corroborate.eval.polnear import as_gold, evaluate_quotes, format_report, main
from corroborate.eval.polnear_baseline import naive_attributions
from corroborate.eval.polnear_metrics import (
    Tally,
    attribution_pairs,
    is_direct,
    jaccard,
    max_matching,
    score_article,
    span_tally,
    speaker_agrees,
)
from corroborate.eval.polnear_reader import CorpusMissing, Frags, GoldAttribution, load_split, parse_ann
from corroborate.extract.base import Attribution, Extent
from corroborate.extract.quotes import QuoteAttribution

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# An invented article and its annotation, in PolNeAR's brat standoff layout.
TEXT = '"We will win," the mayor said. Officials said that taxes would rise.\n'
ANN = (
    'T1\tContent 0 14\t"We will win,"\n'
    "T2\tSource 15 24\tthe mayor\n"
    "T3\tCue 25 29\tsaid\n"
    "T4\tAttribution 25 29\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n"
    "T5\tSource 31 40\tOfficials\n"
    "T6\tCue 41 45\tsaid\n"
    "T7\tContent 46 67\tthat taxes would rise\n"
    "T8\tAttribution 41 45\tsaid\n"
    "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n"
    "#1\tAnnotatorNotes T7\ta note\n"
)


def make_corpus(root: Path, second_annotator: str = "") -> Path:
    """A one-article corpus under ``root/polnear/data/dev``; optionally a second annotator."""
    base = root / "polnear" / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "art-1.txt").write_text(TEXT, encoding="utf-8")
    (base / "attributions" / "art-1_aaaa.ann").write_text(ANN, encoding="utf-8")
    if second_annotator:
        (base / "attributions" / "art-1_ffff.ann").write_text(second_annotator, encoding="utf-8")
    return root


def g(content, source=(), cue=()):
    return GoldAttribution(content=tuple(content), source=tuple(source), cue=tuple(cue))


# --- reader ----------------------------------------------------------------------------------


def test_parse_ann_links_roles_and_keeps_discontinuous_spans():
    ann = "T1\tContent 0 5;9 12\tab cd\nT2\tCue 6 8\tsa\nT3\tAttribution 6 8\tsa\nE1\tAttribution:T3 Content:T1 Cue:T2\n"
    assert parse_ann(ann) == (g([(0, 5), (9, 12)], cue=[(6, 8)]),)


def test_parse_ann_drops_links_without_content():
    assert parse_ann("T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Cue:T1\n") == ()


def test_load_split_picks_the_first_annotator(tmp_path):
    root = make_corpus(
        tmp_path, second_annotator="T1\tContent 0 3\twe\nT2\tCue 4 8\tsaid\nE1\tCue:T2 Content:T1\n"
    )
    (art,) = load_split(root, "dev")
    assert (art.name, art.annotator, len(art.attributions)) == ("art-1", "aaaa", 2)
    assert art.text[slice(*art.attributions[0].source[0])] == "the mayor"


def test_missing_corpus_is_a_clear_skip(tmp_path, capsys):
    with pytest.raises(CorpusMissing, match="skipped: .*polnear not found"):
        load_split(tmp_path, "dev")
    assert main(["--data-dir", str(tmp_path)]) == 0
    assert "skipped:" in capsys.readouterr().err


# --- metrics -----------------------------------------------------------------------------------


def test_tally_jaccard_and_matching():
    assert Tally(1, 1, 2, 2).prf() == {"p": 50.0, "r": 50.0, "f1": 50.0}
    assert Tally().prf() == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert jaccard({1, 2}, {2, 3}) == pytest.approx(1 / 3)
    assert max_matching([[0], [0, 1], [1]], 2) == [(0, 0), (1, 1)]


def test_span_tally_exact_and_overlap_are_one_to_one():
    gold: set[Frags] = {((0, 5),), ((10, 15),)}
    system: set[Frags] = {((0, 5),), ((11, 13),), ((12, 14),)}
    assert span_tally(gold, system, exact=True) == Tally(1, 1, 2, 3)
    assert span_tally(gold, system, exact=False) == Tally(2, 2, 2, 3)


def test_speaker_agreement_needs_overlap_or_both_absent():
    assert speaker_agrees(((0, 3),), ((2, 6),))
    assert not speaker_agrees(((0, 3),), ((3, 6),))
    assert speaker_agrees((), ())
    assert not speaker_agrees((), ((0, 1),))


def test_attribution_pairs_need_half_the_content_and_the_speaker():
    gold = [g([(0, 10)], [(20, 25)])]
    assert attribution_pairs(gold, [g([(0, 8)], [(22, 24)])]) == [(0, 0)]
    assert attribution_pairs(gold, [g([(0, 4)], [(22, 24)])]) == []  # Jaccard 0.4
    assert attribution_pairs(gold, [g([(0, 10)], [(30, 34)])]) == []  # another speaker


def test_is_direct_wants_every_piece_quoted():
    text = '"Yes," he said, "sure." She said that it was "odd".'
    assert is_direct(text, ((0, 6), (16, 23)))
    assert not is_direct(text, ((34, 50),))


def test_split_quote_pieces_are_scored_as_pieces():
    att = QuoteAttribution(
        "direct", Extent(0, 20), Extent(8, 10), Extent(11, 15), (Extent(0, 6), Extent(16, 20))
    )
    assert as_gold(att) == g([(0, 6), (16, 20)], [(8, 10)], [(11, 15)])
    assert as_gold(Attribution("indirect", Extent(3, 9))) == g([(3, 9)])


def test_score_article_counts_roles_attributions_and_direct_quotes():
    gold = parse_ann(ANN)
    system = [g([(0, 14)], [(15, 24)], [(25, 29)]), g([(46, 60)], [(31, 40)], [(41, 45)])]
    score = score_article(TEXT, gold, system)
    assert score.exact["source"] == Tally(2, 2, 2, 2)
    assert score.exact["content"] == Tally(1, 1, 2, 2)
    assert score.overlap["content"] == Tally(2, 2, 2, 2)
    assert score.attribution == Tally(2, 2, 2, 2)
    assert score.direct == Tally(1, 1, 1, 0)


# --- harness -------------------------------------------------------------------------------------


def test_evaluate_and_report_on_a_tiny_corpus(tmp_path):
    metrics = evaluate_quotes(make_corpus(tmp_path), "dev")
    assert metrics["attribution"] == {"p": 100.0, "r": 100.0, "f1": 100.0}
    assert metrics["direct_quote_recall"] == 100.0
    assert metrics["source"]["exact"]["f1"] == 100.0
    report = format_report(metrics)
    assert "content+speaker" in report and "direct-quote recall 100.0" in report


def test_baseline_pairs_quotes_with_an_adjacent_speaker():
    text = '"Go," he said. Later: "Stop."'
    found = [
        (text[a.content.start : a.content.end], a.source and text[a.source.start : a.source.end])
        for a in naive_attributions(text)
    ]
    assert found == [('"Go,"', "he"), ('"Stop."', None)]


def test_cli_prints_the_report(tmp_path, capsys):
    assert main(["--data-dir", str(make_corpus(tmp_path)), "--split", "dev", "--errors", "3"]) == 0
    assert "PolNeAR dev: 1 articles" in capsys.readouterr().out


# --- quality gate on the real corpus (dev figures minus about a point) ---------------------------


@pytest.mark.quality
@pytest.mark.skipif(not (DATA / "polnear").is_dir(), reason="../shared/data/polnear not present")
def test_quality_on_polnear_dev():
    """Measured: direct-quote recall 85.7, content+speaker F1 60.9, exact source / cue / content F1
    67.5 / 64.5 / 51.2, about 500 articles/s per core."""
    metrics = evaluate_quotes(DATA, "dev")
    assert metrics["direct_quote_recall"] >= 84.7
    assert metrics["attribution"]["f1"] >= 59.9
    assert metrics["source"]["exact"]["f1"] >= 66.5
    assert metrics["cue"]["exact"]["f1"] >= 63.5
    assert metrics["content"]["exact"]["f1"] >= 50.2
    assert metrics["articles_per_second"] >= 100
