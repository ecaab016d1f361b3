"""Reconcile: claim alignment, status, independence, timeline and framing on small article
sets written for these tests (tests/cases/dossier/*.json), plus helpers on their own."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from corroborate.corpus import link_entities
from corroborate.export import entity_record
from corroborate.extract.registry import EntityRegistry
from corroborate.model import Article, RawDocument, SourceMeta
from corroborate.pipeline import run_stages
from corroborate.reconcile import build_dossier
from corroborate.reconcile.dossier import ClaimGroup, Dossier
from corroborate.reconcile.echo import article_citations, wire_credit
from corroborate.reconcile.timeline import period_start
from corroborate.settings import Settings

CASES = sorted((Path(__file__).parent / "cases" / "dossier").glob("*.json"))
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def article(text: str, source: str, outlet: str | None, published: str = "2026-03-04") -> Article:
    meta = SourceMeta(outlet=outlet, published=published)
    return run_stages(RawDocument(source, text, "text", meta=meta), Settings())


def build_case(case: dict[str, Any]) -> tuple[Dossier, dict[str, Article]]:
    """The dossier of a case's articles (linked in one registry; copies marked as duplicates)."""
    registry, by_source = EntityRegistry(), {}
    for a in case["articles"]:
        by_source[a["source"]] = link_entities(
            registry, article(a["text"], a["source"], a["outlet"], a["published"])
        )
    for a in case["articles"]:
        if a.get("duplicate_of"):
            original = by_source[a["duplicate_of"]].id
            by_source[a["source"]] = dataclasses.replace(by_source[a["source"]], duplicate_of=original)
    entities = {r["id"]: entity_record(r) for r in registry.to_rows()}
    return build_dossier("story-1", list(by_source.values()), entities), by_source


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _texts(d: Dossier, g: ClaimGroup) -> str:
    return " ".join(c.text.lower() for c in g.claims)


def find_group(
    d: Dossier, arts: dict[str, Article], words: list[str], sources: list[str]
) -> ClaimGroup | None:
    """The group holding claims with all ``words`` from exactly the articles of ``sources``."""
    wanted = {arts[s].id for s in sources}
    for g in d.groups:
        if {c.article for c in g.claims} == wanted and all(w in _texts(d, g) for w in words):
            return g
    return None


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_groups(path: Path) -> None:
    case = load(path)
    d, arts = build_case(case)
    for want in case["expect"]:
        g = find_group(d, arts, want["words"], want["sources"])
        assert g is not None, f"no group with {want['words']} from {want['sources']}"
        assert g.status == want["status"], (g.status, g.conflicts)
        if "conflict" in want:
            assert want["conflict"] in [c.kind for c in g.conflicts]
        if "independent" in want:
            assert list(g.independent_outlets) == want["independent"]
        for outlet, source in want.get("echo", {}).items():
            assert any(e.outlet == outlet and e.source == source for e in g.echoes), g.echoes


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_keeps_apart_what_differs(path: Path) -> None:
    case = load(path)
    d, _ = build_case(case)
    for a, b in case["never_together"]:
        for g in d.groups:
            texts = [c.text.lower() for c in g.claims]
            assert not (any(a in t for t in texts) and any(b in t for t in texts)), (a, b, texts)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_timeline(path: Path) -> None:
    case = load(path)
    d, _ = build_case(case)
    dates = [t.date for t in d.timeline]
    for want in case["timeline"]:
        assert want in dates
    assert [period_start(x) for x in dates] == sorted(period_start(x) for x in dates)


def test_conflict_sides_quote_both_outlets() -> None:
    d, arts = build_case(load(CASES[0]))
    g = find_group(d, arts, ["killed"], ["herald.txt", "courier.txt"])
    assert g is not None
    sides = g.conflicts[0].sides
    assert {o for s in sides for o in s.outlets} == {"Harbour Herald", "Valley Courier"}
    by_id = {c.id: c for c in g.claims}
    for s in sides:
        for cid in s.claims:
            c = by_id[cid]
            assert arts_text(arts, c.article)[c.start : c.end] == c.text


def arts_text(arts: dict[str, Article], article_id: str) -> str:
    return next(a.text for a in arts.values() if a.id == article_id)


def test_order_of_articles_does_not_matter() -> None:
    d, arts = build_case(load(CASES[4]))
    forward = build_dossier("story-1", list(arts.values()), {})
    backward = build_dossier("story-1", list(reversed(list(arts.values()))), {})
    assert forward == backward
    assert [g.status for g in d.groups] == [g.status for g in forward.groups]


def test_hedged_figures_do_not_conflict() -> None:
    a = article(
        "Flood Toll Rises\nAbout 140 people were killed in the floods in Dorrin Vale, officials said.\n",
        "a",
        "North Post",
    )
    b = article(
        "Dorrin Vale Floods\n143 people were killed in the floods in Dorrin Vale, the army said.\n",
        "b",
        "South Mail",
    )
    d = build_dossier("s", [a, b], {})
    g = next(g for g in d.groups if len(g.claims) == 2)
    assert g.status == "corroborated"


def test_back_reference_to_the_news_agency_echoes_it() -> None:
    text = ("Port Talks Resume\nThe talks will resume on Friday, the Daily Beacon reported.\n"
            "A union official told the newspaper that a deal was close.\n")  # fmt: skip
    a = article(text, "a", "Harbour Herald")
    assert [c.outlet for c in article_citations(a)] == ["Daily Beacon", "Daily Beacon"]


def test_an_outlet_citing_itself_is_not_an_echo() -> None:
    a = article("Port Talks Resume\nThe harbour master told Reuters the port would reopen.\n", "a", "Reuters")
    assert article_citations(a) == ()


def test_wire_dateline_credits_the_agency() -> None:
    a = article(
        "Port Reopens\nKESSLER BAY (Reuters) - The port reopened on Friday after a week.\n",
        "a",
        "Harbour Herald",
    )
    assert wire_credit(a) == "Reuters"
    assert wire_credit(article("Port Reopens\nThe port reopened on Friday.\n", "b", "Harbour Herald")) is None


def test_framing_lead_headline_words_and_verbs() -> None:
    d, arts = build_case(load(CASES[2]))
    f = next(f for f in d.framing if f.outlet == "Daily Ledger")
    assert f.lead and all(g.startswith("story-1-g") for g in f.lead)
    assert any(v == "said" for v, _ in f.verbs)
    assert abs(sum(s for _, s in f.shares) - 1.0) < 0.01
    titled = article(
        "Mayor Slams Council Over Bridge Delay\nThe mayor criticised the council on Monday.\n", "x", "X"
    )
    assert build_dossier("s", [titled], {}).framing[0].headline_words == ("slams",)


def test_timeline_skips_present_and_durations() -> None:
    text = ("Bridge Works\nThe bridge is now closed for repairs lasting three weeks, engineers said on Tuesday.\n"
            "Every day hundreds of drivers take the long way round.\n")  # fmt: skip
    d = build_dossier("s", [article(text, "a", "X", "2026-03-05")], {})
    assert [t.date for t in d.timeline] == ["2026-03-03"]


def test_quotes_grouped_by_speaker_point_at_the_text() -> None:
    d, arts = build_case(load(CASES[6]))
    names = {s.name for s in d.quotes_by_speaker}
    assert {"Elena Vostrik", "Anton Pell"} <= names
    for s in d.quotes_by_speaker:
        for q in s.quotes:
            assert arts_text(arts, q.article)[q.start : q.end] == q.text


@pytest.mark.quality
@pytest.mark.skipif(not DATA.exists(), reason="../shared/data absent")
def test_alignment_quality_newswcl50() -> None:
    from corroborate.eval.alignment import evaluate_alignment

    scores = evaluate_alignment("newswcl50", DATA)
    # Measured 0.976 pairwise precision (124/127 pairs the gold judges) and 0.022 recall.
    assert scores.precision >= 0.95
    assert scores.recall >= 0.018
