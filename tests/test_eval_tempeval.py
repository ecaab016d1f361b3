import datetime as dt
from pathlib import Path

import pytest

from corroborate.eval import tempeval
from corroborate.eval.tempeval import (
    DataMissing,
    evaluate_times,
    format_report,
    in_split,
    load_documents,
    parse_tml,
)
from corroborate.eval.timex_metrics import count, match, prf, score_documents
from corroborate.extract.base import TimeExpr

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
#: Value F1 measured on all 256 TempEval-3 training documents, less about a point of slack.
VALUE_F1_GATE = 80.0


def tx(start: int, end: int, value: str = "2025", type_: str = "DATE") -> TimeExpr:
    return TimeExpr(start, end, type_, value)


def test_overlapping_spans_match_one_to_one() -> None:
    gold = [tx(0, 10), tx(12, 20)]
    system = [tx(5, 15)]
    pairs = match(gold, system)
    assert len(pairs) == 1 and pairs[0][0] == gold[0]  # overlap 5 beats overlap 3


def test_touching_spans_do_not_match() -> None:
    assert match([tx(0, 5)], [tx(5, 9)]) == []


def test_counts_strict_type_and_value() -> None:
    gold = [tx(0, 8, "2025-11-24"), tx(10, 14, "P2D", "DURATION"), tx(20, 24, "PRESENT_REF")]
    system = [tx(0, 8, "2025-11-24"), tx(9, 14, "P3D", "DURATION"), tx(30, 35, "P1W", "SET")]
    c = count(gold, system)
    assert (c.gold, c.system, c.relaxed, c.strict, c.type_ok, c.value_ok) == (3, 3, 2, 1, 2, 1)


def test_value_f1_counts_misses_and_spurious_timexes() -> None:
    gold = [tx(0, 4, "1998"), tx(10, 14, "1999")]
    system = [tx(0, 4, "1998"), tx(10, 14, "2000"), tx(20, 24, "2001")]
    s = score_documents([(gold, system)])
    assert s["relaxed_p"] == pytest.approx(200 / 3)
    assert s["relaxed_r"] == 100.0
    assert s["value_p"] == pytest.approx(100 / 3)
    assert s["value_r"] == 50.0
    assert s["value_f1"] == pytest.approx(40.0)
    assert s["value_accuracy"] == 50.0


def test_prf_of_nothing_is_zero() -> None:
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)


_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-11-27" functionInDocument="CREATION_TIME">20251127</TIMEX3></DCT>
<TITLE>Bakers strike</TITLE>
<TEXT>
The bakers <EVENT eid="e1">walked</EVENT> out <TIMEX3 tid="t1" type="DATE" value="2025-11-24">Monday</TIMEX3> and
will stay out for <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.
</TEXT>
</TimeML>
"""


def _write_corpus(root: Path, n: int = 1) -> Path:
    folder = root / "tempeval3" / "Training" / "demo"
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"doc{i:02d}.tml").write_text(_TML, encoding="utf-8")
    return root


def test_reader_gives_plain_text_offsets_and_creation_date(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    doc = parse_tml(tmp_path / "tempeval3" / "Training" / "demo" / "doc00.tml")
    assert doc.dct == dt.date(2025, 11, 27)
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold] == [
        ("Monday", "DATE", "2025-11-24"),
        ("two weeks", "DURATION", "P2W"),
    ]
    assert "20251127" not in doc.text and "Bakers strike" not in doc.text


def test_every_fifth_document_is_dev(tmp_path: Path) -> None:
    _write_corpus(tmp_path, n=10)
    assert len(load_documents(tmp_path, "dev")) == 2
    assert len(load_documents(tmp_path, "train")) == 8
    assert [i for i in range(10) if in_split(i, "dev")] == [4, 9]
    with pytest.raises(ValueError):
        in_split(0, "test")


def test_evaluate_and_report_on_a_tiny_corpus(tmp_path: Path) -> None:
    _write_corpus(tmp_path, n=2)
    metrics = evaluate_times(str(tmp_path))
    assert metrics["documents"] == 2 and metrics["gold"] == 4
    assert metrics["value_f1"] == 100.0
    report = format_report(metrics)
    assert "value" in report and "100.0" in report


def test_missing_corpus_is_reported_as_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(DataMissing):
        evaluate_times(str(tmp_path))
    assert tempeval.main(["--data", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("skipped: ")


def test_error_listing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_corpus(tmp_path)
    tempeval.main(["--data", str(tmp_path), "--errors", "5"])
    assert "value" in capsys.readouterr().out


@pytest.mark.quality
@pytest.mark.skipif(not (DATA / "tempeval3").is_dir(), reason="../shared/data/tempeval3 not found")
def test_value_f1_on_the_training_documents() -> None:
    metrics = evaluate_times(str(DATA), "all")
    assert metrics["documents"] == 256
    assert metrics["value_f1"] >= VALUE_F1_GATE, format_report(metrics)
    assert metrics["relaxed_f1"] >= 90.0, format_report(metrics)
