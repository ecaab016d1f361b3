"""Rendering a dossier: Markdown, self-contained HTML, and the JSON export record."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from corroborate.reconcile import build_dossier
from corroborate.reconcile.dossier import Dossier
from corroborate.render import dossier_json, render_html, render_markdown

from .test_reconcile import CASES, article, build_case, load

HOSTILE = (
    'Harbour <script>alert("x")</script> Closes\n'
    "The harbour <b>closed</b> on Tuesday after a storm & floods, officials said.\n"
    '"We need <em>help</em> now," said harbour master Ida Marsh.\n'
)


@pytest.fixture(scope="module")
def conflicting() -> Dossier:
    return build_case(load(CASES[0]))[0]


@pytest.fixture(scope="module")
def echoed() -> Dossier:
    return build_case(load(CASES[5]))[0]


class _Tags(HTMLParser):
    """Collects tags, attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    return p


def test_markdown_has_every_section(conflicting: Dossier) -> None:
    md = render_markdown(conflicting)
    for heading in ("## Outlets", "## Timeline", "## Actors", "## Who said what", "## Corroborated claims",
                    "## Conflicting claims", "## Reported by one outlet only", "## Framing"):  # fmt: skip
        assert heading in md
    assert "Harbour Herald" in md and "Valley Courier" in md
    assert "**number**" in md and "2026-03-03" in md


def test_markdown_quotes_evidence_with_offsets(conflicting: Dossier) -> None:
    md = render_markdown(conflicting)
    g = next(g for g in conflicting.groups if g.status == "conflicting")
    for c in g.claims:
        assert f"`{c.id}` chars {c.start}–{c.end}" in md


def test_markdown_escapes_markup() -> None:
    d = build_dossier(
        "s", [article("Pipes | Stars\nThe *pipe* | budget was cut by [half] on Tuesday.\n", "a", "X")], {}
    )
    md = render_markdown(d)
    assert "\\*pipe\\*" in md and "\\|" in md and "\\[half" in md


def test_html_is_self_contained(conflicting: Dossier) -> None:
    page = render_html(conflicting)
    tags = parse(page)
    assert "script" not in tags.tags and "link" not in tags.tags and "img" not in tags.tags
    assert "style" in tags.tags
    assert not any(k in ("src", "href") for k, _ in tags.attrs)
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page


def test_html_escapes_article_text() -> None:
    d = build_dossier("s", [article(HOSTILE, "h", "Harbour <Herald>")], {})
    page = render_html(d)
    tags = parse(page)
    assert "script" not in tags.tags and "b" not in tags.tags and "em" not in tags.tags
    assert "&lt;b&gt;closed&lt;/b&gt;" in page
    assert "Harbour &lt;Herald&gt;" in page


def test_html_shows_conflict_sides_and_timeline(conflicting: Dossier) -> None:
    page = render_html(conflicting)
    text = " ".join(parse(page).text)
    assert "conflicting" in text and "Twelve people" in text and "15 people" in text
    assert "<svg" in page and "2026-03-03" in text


def test_json_record_shape(echoed: Dossier) -> None:
    rec = dossier_json(echoed)
    json.dumps(rec)  # JSON-ready
    assert {"claim_groups", "timeline", "actors", "quotes_by_speaker", "framing"} <= set(rec)
    for g in rec["claim_groups"]:
        assert {
            "id",
            "status",
            "claims",
            "outlets",
            "independent_outlets",
            "summary",
            "echoes",
            "conflict",
        } <= set(g)
        assert all(isinstance(c, str) for c in g["claims"])
    for t in rec["timeline"]:
        assert {"date", "text", "claims", "articles"} <= set(t)


def test_json_echoes_name_whom_they_repeat(echoed: Dossier) -> None:
    rec = dossier_json(echoed)
    g = next(g for g in rec["claim_groups"] if g["echoes"])
    assert g["independent_outlets"] == ["Reuters"]
    assert g["echoes"]["Coastline Times"][0]["source"] == "Reuters"
    assert g["conflict"] is None


def test_json_conflict_evidence_points_at_the_source(conflicting: Dossier) -> None:
    _, arts = build_case(load(CASES[0]))
    text = {a.id: a.text for a in arts.values()}
    g = next(g for g in dossier_json(conflicting)["claim_groups"] if g["conflict"])
    assert g["conflict"]["kind"] == "number"
    for side in g["conflict"]["sides"]:
        for ev in side["evidence"]:
            assert text[ev["article"]][ev["start"] : ev["end"]] == ev["text"]


def test_renders_an_empty_story() -> None:
    d = build_dossier("empty", [], {})
    assert "Untitled story" in render_markdown(d)
    assert "<h1>" in render_html(d)
    assert dossier_json(d)["claim_groups"] == []


def test_cases_render_without_error() -> None:
    for path in CASES:
        d = build_case(load(Path(path)))[0]
        assert render_markdown(d) and render_html(d)
