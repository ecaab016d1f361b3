"""Clustering metrics, corpus readers (on tiny invented files) and the quality gate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corroborate.eval import clustering
from corroborate.eval.bcubed import adjusted_rand_index, bcubed
from corroborate.eval.clustering import evaluate_clustering, format_report, main, stream_order
from corroborate.eval.corpora import CorpusNotFound, GoldDoc, detokenize, is_headline, is_stamp, load_corpus

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# ---------------------------------------------------------------- metrics


def test_bcubed_hand_cases() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(gold, dict.fromkeys(gold, "all"))
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    p, r, f = bcubed(gold, {k: k for k in gold})
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)
    gold5 = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    p, r, f = bcubed(gold5, {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"})
    assert p == pytest.approx(11 / 15) and r == pytest.approx(11 / 15) and f == pytest.approx(11 / 15)


def test_ari_hand_cases() -> None:
    gold = {"a": 0, "b": 0, "c": 1, "d": 1}
    assert adjusted_rand_index(gold, {"a": 5, "b": 5, "c": 7, "d": 7}) == 1.0
    assert adjusted_rand_index(gold, {"a": 0, "b": 0, "c": 1, "d": 2}) == pytest.approx(4 / 7)
    singletons = {k: k for k in gold}
    assert adjusted_rand_index(singletons, singletons) == 1.0
    assert adjusted_rand_index(gold, dict.fromkeys(gold, 0)) == 0.0


def test_metrics_refuse_different_items() -> None:
    with pytest.raises(ValueError, match="different items"):
        bcubed({"a": 1}, {"b": 1})


# ---------------------------------------------------------------- readers on invented files


def _tokens_xml(name: str, sentences: list[str], extra: str = "") -> str:
    tokens, t_id = [], 1
    for s_no, sentence in enumerate(sentences):
        for word in sentence.split():
            tokens.append(f'<token t_id="{t_id}" sentence="{s_no}" number="{t_id}">{word}</token>')
            t_id += 1
    return f'<Document doc_name="{name}" doc_id="{name}">{"".join(tokens)}{extra}</Document>'


def _fake_ecbplus(root: Path) -> Path:
    folder = root / "ecbplus" / "ECBplus_xml" / "1"
    folder.mkdir(parents=True)
    rows = ["doc_id\ttopic\tsubtopic\tsplit_cybulska2015"]
    stories = {
        "1_1ecb": ["Floods close 12 roads in Lemberholm on Monday .", "The council opened two shelters ."],
        "1_2ecb": ["Lemberholm floods : 12 roads closed , shelters open .", "Rain kept falling on Monday ."],
        "1_1ecbplus": ["http : / / example . org / a", "Carrow bridge collapses after storm", "May 2 , 2031",
                       "The Carrow bridge fell into the river after a storm , police said ."],
    }  # fmt: skip
    for doc_id, sentences in stories.items():
        (folder / f"{doc_id}.xml").write_text(_tokens_xml(doc_id, sentences), encoding="utf-8")
        rows.append(f"{doc_id}\t1\t1_{doc_id.split('_')[1].lstrip('0123456789')}\tdev")
    (root / "ecbplus" / "gold_doc_topics.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_ecbplus_reader_drops_url_and_keeps_title(tmp_path: Path) -> None:
    docs = {d.doc_id: d for d in load_corpus("ecbplus", "dev", _fake_ecbplus(tmp_path))}
    plus = docs["1_1ecbplus"]
    assert plus.title == "Carrow bridge collapses after storm" and "http" not in plus.text
    assert plus.text.startswith("May 2, 2031") and plus.published is None and plus.story == "1_ecbplus"
    assert docs["1_1ecb"].title == "" and docs["1_1ecb"].story == "1_ecb"


def test_evaluate_clustering_end_to_end_on_invented_corpus(tmp_path: Path) -> None:
    result = evaluate_clustering("ecbplus", "dev", _fake_ecbplus(tmp_path))
    assert result["documents"] == 3 and result["gold_stories"] == 2
    assert 0 <= result["bcubed_f1"] <= 100
    assert "BCubed" in format_report(result) and "gold 2" in format_report(result)


def test_ecbplus_reader_skips_stamp_lines_when_looking_for_the_headline(tmp_path: Path) -> None:
    root = _fake_ecbplus(tmp_path)
    lines = ["http : / / example . org / b", "Updated : May 3 , 2031 , 10 : 04 PM ET",
             "Carrow bridge reopens", "Engineers reopened the Carrow bridge on Tuesday ."]  # fmt: skip
    folder = root / "ecbplus" / "ECBplus_xml" / "1"
    (folder / "1_2ecbplus.xml").write_text(_tokens_xml("1_2ecbplus", lines), encoding="utf-8")
    with (root / "ecbplus" / "gold_doc_topics.tsv").open("a", encoding="utf-8") as table:
        table.write("1_2ecbplus\t1\t1_ecbplus\tdev\n")
    docs = {d.doc_id: d for d in load_corpus("ecbplus", "dev", root)}
    assert docs["1_2ecbplus"].title == "Carrow bridge reopens"
    assert docs["1_2ecbplus"].text.startswith("Updated: May 3, 2031, 10:04 PM ET\n")


def _tokens(line: str) -> list[str]:
    return line.split()


def test_stamp_and_headline_shapes() -> None:
    assert is_stamp(_tokens("Posted : Jul 07 , 2031 7 : 40 PM ET"))
    assert is_stamp(_tokens("Tuesday 28 April 2031 22 . 34 BST"))
    assert not is_stamp(_tokens("Floods close 12 roads in Lemberholm"))
    assert not is_stamp(_tokens("Updated : the mayor spoke"))  # no figure at all
    assert is_headline(_tokens("Carrow bridge reopens")) and not is_headline(_tokens("The bridge reopened ."))


def test_detokenize_rejoins_split_figures() -> None:
    text = detokenize(_tokens("It cost $ 2 . 5 million at 3 : 30 a.m. on July 7 , 2031 , with 20 , 000 fans"))
    assert text == "It cost $2.5 million at 3:30 a.m. on July 7, 2031, with 20,000 fans"


def test_both_backends_are_reported_and_a_missing_extra_is_a_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = clustering.make_representer

    def no_neural(backend: str, settings: object) -> object:
        if backend == "neural":
            raise ImportError("the neural story backend needs the optional extra")
        return real(backend, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(clustering, "make_representer", no_neural)
    result = evaluate_clustering("ecbplus", "dev", _fake_ecbplus(tmp_path), backend="both")
    lexical, neural = result["runs"]
    assert lexical["backend"] == "lexical" and lexical["documents"] == 3 and "skipped" in neural
    report = format_report(result)
    assert "backend=lexical" in report and "backend=neural: skipped" in report


def test_newswcl50_reader(tmp_path: Path) -> None:
    folder = tmp_path / "newswcl50"
    folder.mkdir()
    lines = []
    for key, words in {
        "3/-/3_L": "Storm hits Carrow \\n Wind tore roofs off .",
        "3/-/3_M": "Roofs torn off .",
    }.items():
        lines += [f"#begin document {key}; part 000"]
        lines += [f"{key}\t0\t{i}\t{w}\t-\t" for i, w in enumerate(words.split())] + [""]
    (folder / "NewsWCL50.conll").write_text("\n".join(lines), encoding="utf-8")
    (folder / "orig_urls.tsv").write_text("Event ID\tOutlet\tURL\n3\tL\thttps://x.example/2031/05/02/storm\n")
    docs = {d.doc_id: d for d in load_corpus("newswcl50", "dev", tmp_path)}
    assert docs["3_L"].title == "Storm hits Carrow" and docs["3_L"].text == "Wind tore roofs off."
    assert docs["3_L"].published == dt.date(2031, 5, 2) and docs["3_M"].published is None
    assert {d.story for d in docs.values()} == {"3"}


def _meantime_xml(doc_id: str, headline: str, instance: str) -> str:
    markables = (
        '<Markables><EVENT_MENTION m_id="1"><token_anchor t_id="2"/></EVENT_MENTION>'
        f'<TIMEX3 m_id="3" functionInDocument="CREATION_TIME" value="2031-05-02"/>'
        f'<EVENT m_id="9" instance_id="{instance}"/></Markables>'
        '<Relations><REFERS_TO r_id="1"><source m_id="1"/><target m_id="9"/></REFERS_TO></Relations>'
    )
    xml = _tokens_xml(doc_id, [headline, "May 2 , 2031", "Body text here ."], markables)
    return xml.replace(f'doc_id="{doc_id}"', f'doc_id="{doc_id}"', 1)


def test_meantime_reader_gold_choices(tmp_path: Path) -> None:
    base = tmp_path / "meantime_en" / "intra_cross-doc_annotation"
    for folder, doc_id, instance in [
        ("corpus_a", "10", "EV1"),
        ("corpus_a", "11", "EV1"),
        ("corpus_b", "12", "EV2"),
    ]:
        (base / folder).mkdir(parents=True, exist_ok=True)
        (base / folder / f"{doc_id}_x.xml").write_text(_meantime_xml(doc_id, "Airline buys jets", instance))
    headline = {d.doc_id: d for d in load_corpus("meantime", "dev", tmp_path)}
    assert headline["10"].story == headline["11"].story != headline["12"].story
    assert headline["10"].published == dt.date(2031, 5, 2) and headline["10"].title == "Airline buys jets"
    topic = {d.doc_id: d.story for d in load_corpus("meantime-topic", "dev", tmp_path)}
    assert topic["10"] == topic["11"] != topic["12"]


def test_missing_data_is_a_clear_skip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(CorpusNotFound, match="skipped: .* not found"):
        load_corpus("ecbplus", "dev", tmp_path / "nowhere")
    assert main(["--corpus", "newswcl50", "--data-dir", str(tmp_path)]) == 2
    assert "skipped:" in capsys.readouterr().err


def test_stream_order_and_detokenize() -> None:
    docs = [
        GoldDoc("b", "", "", "s"),
        GoldDoc("a", "", "", "s", dt.date(2031, 1, 2)),
        GoldDoc("c", "", "", "s"),
    ]
    assert [d.doc_id for d in stream_order(docs, "date")] == ["a", "b", "c"]
    assert stream_order(docs, "shuffled", 3) == stream_order(docs, "shuffled", 3)
    assert (
        detokenize(["He", "said", "``", "no", "''", ",", "it", "'s", "over", "."])
        == 'He said "no", it\'s over.'
    )


# ---------------------------------------------------------------- quality gate (real data, if present)

#: Dev figures measured with the default settings, minus ~0.5 point (BCubed F1, percent).
GATE = [
    ("ecbplus", "date", 0, 90.1),  # measured 90.6
    ("ecbplus", "shuffled", 0, 87.0),  # measured 87.5
    ("newswcl50", "date", 0, 97.9),  # measured 98.4
    ("newswcl50", "shuffled", 0, 99.5),  # measured 100.0
    ("meantime", "date", 0, 98.7),  # measured 99.2
]


@pytest.mark.quality
@pytest.mark.skipif(not DATA.exists(), reason="../shared/data is absent")
@pytest.mark.parametrize(("corpus", "order", "seed", "floor"), GATE)
def test_quality_gate(corpus: str, order: str, seed: int, floor: float) -> None:
    result = evaluate_clustering(corpus, "dev", DATA, order=order, seed=seed)
    assert result["bcubed_f1"] >= floor, format_report(result)


#: The batch pass after the stream (``recluster``, with its split of two-event stories), same margin.
RECLUSTER_GATE = [
    ("ecbplus", "shuffled", 0, 90.8),  # measured 91.3 (streaming alone: 87.5)
    ("newswcl50", "shuffled", 0, 99.5),  # measured 100.0
]


@pytest.mark.quality
@pytest.mark.skipif(not DATA.exists(), reason="../shared/data is absent")
@pytest.mark.parametrize(("corpus", "order", "seed", "floor"), RECLUSTER_GATE)
def test_recluster_quality_gate(corpus: str, order: str, seed: int, floor: float) -> None:
    result = evaluate_clustering(corpus, "dev", DATA, order=order, seed=seed, recluster=True)
    assert result["bcubed_f1"] >= floor, format_report(result)
