"""Cleaning: mojibake repair, the paragraph detectors, and golden cases (tests/cases/clean/*.json).

All text here and in the cases is our own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import ftfy
import pytest

from corroborate.clean import clean_document
from corroborate.clean.bio import bio_fields, bio_reason
from corroborate.clean.boilerplate import (
    DETECTORS,
    detect_bio,
    detect_boilerplate,
    detect_related,
    prompt_score,
)
from corroborate.clean.captions import caption_reason, detect_captions
from corroborate.clean.embeds import detect_embeds, is_signature, repeats
from corroborate.clean.footer import copyright_owner, copyright_reason, detect_copyright
from corroborate.clean.mojibake import decode_run, repair_mojibake
from corroborate.clean.paragraphs import Paragraph, split_paragraphs
from corroborate.clean.verdict import Context, Detector, Verdict
from corroborate.model import RawDocument, SourceMeta
from corroborate.offsets import TrackedText
from corroborate.settings import Settings

CASES = sorted((Path(__file__).parent / "cases" / "clean").glob("*.json"))
SETTINGS = Settings()


def cp1252(text: str, errors: str = "strict") -> str:
    return text.encode("utf-8").decode("cp1252", errors=errors)


def sloppy_cp1252(text: str) -> str:
    """cp1252 decoding that keeps undefined bytes as C1 controls (what browsers do)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def latin1_c1_dropped(text: str) -> str:
    return "".join(ch for ch in text.encode("utf-8").decode("latin-1") if not 0x80 <= ord(ch) < 0xA0)


def repaired(text: str) -> str:
    return repair_mojibake(TrackedText.from_raw(text))[0].text


def paragraphs(*texts: str) -> list[Paragraph]:
    return split_paragraphs("\n".join(texts))


def run(
    detector: Detector, paras: Sequence[Paragraph], earlier: dict[int, Verdict] | None = None
) -> dict[int, str]:
    found = detector(paras, Context(SourceMeta(), SETTINGS, earlier or {}))
    return {i: v.kind for i, v in found.items()}


def clean(text: str) -> tuple[str, list[str]]:
    doc = clean_document(RawDocument("t.txt", text, "text"), SETTINGS)
    return doc.tracked.text, [r.kind for r in doc.removed]


# --- mojibake -------------------------------------------------------------------------------

SAMPLES = [
    "Привет, мир",
    "naïve café — “quote” …",
    "Zoë’s 5 € ticket • 😀 ok",
    "日本語のテキスト",
    "Ærø – ½ ÷ 3",
]


@pytest.mark.parametrize("sample", SAMPLES)
def test_recoverable_mojibake_is_repaired_exactly(sample: str) -> None:
    assert repaired(sloppy_cp1252(sample)) == sample
    assert repaired(sample.encode("utf-8").decode("latin-1")) == sample


@pytest.mark.parametrize("sample", SAMPLES)
def test_repair_agrees_with_ftfy_where_ftfy_repairs(sample: str) -> None:
    broken = sloppy_cp1252(sample)
    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False, normalization=None)
    if ftfy.fix_text(broken, config) == sample:
        assert repaired(broken) == sample


def test_cp1252_ignore_infers_the_closing_quote() -> None:
    assert repaired(cp1252("He said “yes” and left…", "ignore")) == "He said “yes” and left…"
    assert repaired(cp1252("He said “yes” and left", "replace")) == "He said “yes” and left"


def test_dropped_c1_bytes_become_replacement_characters() -> None:
    out = repaired(latin1_c1_dropped("Привет, мир"))
    assert out == "\ufffd\ufffdиве\ufffd, ми\ufffd"
    assert not any(bad in out for bad in ("Ð", "Ñ"))


def test_dropped_middle_byte_of_general_punctuation_is_inferred() -> None:
    assert repaired("the end of our\u00e2\u00a6") == "the end of our…"
    assert repaired("wait \u00e2\u0094 then") == "wait — then"


def test_lone_leads_are_lost_only_with_evidence() -> None:
    assert repaired("Itâs true, we donât know.") == "It\ufffds true, we don\ufffdt know."
    for legit in ("Ñandú from Ðakovo", "pâté and château", "Ðakovo", "Ñ"):
        assert repaired(legit) == legit


@pytest.mark.parametrize(
    "text", ["naïve café", "Привет, мир", "Ñandú", "CAFÉ” she said", "“OLÉ”", "Ærø", "x" * 50]
)
def test_legitimate_text_is_untouched(text: str) -> None:
    tracked, fixes = repair_mojibake(TrackedText.from_raw(text))
    assert tracked.text == text and fixes == []


def test_fixes_record_raw_offsets_and_kind() -> None:
    raw = "ok caf\u00c3\u00a9 and \u00d0\u00bb\u00d1 end"
    tracked, fixes = repair_mojibake(TrackedText.from_raw(raw))
    assert tracked.text == "ok café and л\ufffd end"
    assert [(f.kind, raw[f.raw_start : f.raw_end], f.after) for f in fixes] == [
        ("mojibake", "caf\u00c3\u00a9"[3:], "é"),
        ("mojibake_lost", "\u00d0\u00bb\u00d1", "л\ufffd"),
    ]
    assert tracked.raw_range(6, 7) == (6, 8)


def test_decode_run_pieces() -> None:
    assert [(p.text, p.status) for p in decode_run("Ã©Ð")] == [("é", "ok"), ("\ufffd", "lost")]
    assert decode_run("Привет") is None


# --- embeds ---------------------------------------------------------------------------------


def test_signature_shapes() -> None:
    for line in (
        "Great day on the water! — Ana Ruiz (@anaruiz) May 2, 2024",
        "- Ana Ruiz (@anaruiz) 2 May 2024",
        "— Ana Ruiz (@anaruiz) on X",
        "— Harbour Office (@harbour_office)",
        "Look at this pic.twitter.com/abc123",
    ):
        assert is_signature(Paragraph(0, 0, len(line), line)), line
    for line in (
        "She wrote on X on May 2, 2024, that the day was great.",
        "Email ana@example.org for details.",
    ):
        assert not is_signature(Paragraph(0, 0, len(line), line)), line


def test_repeats_needs_whole_sentences() -> None:
    source = "“Thanks to all. We are proud of the crews who kept going,” she said."
    assert repeats("We are proud of the crews who kept going", source)
    assert repeats("We are proud of the cr…", source)
    assert not repeats("the crews who kept going", source)


def test_embed_detector_kinds() -> None:
    paras = paragraphs(
        "“We are proud of every crew member who kept the ferries going,” the mayor said.",
        "Thank you all! — Mayor Ana Ruiz (@mayor_ruiz) May 2, 2024",
        "We are proud of every crew member who kept the ferries going.",
        "The council meets next week.",
        "Its budget is due in June.",
        "The harbour office will publish a full report on the storm damage next month.",
        "Nothing else was decided.",
        "The harbour office will publish a full report on the storm damage next month.",
    )
    assert run(detect_embeds, paras) == {1: "embed", 2: "embed", 7: "duplicate"}


# --- captions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The mayor at the quay on May 2, 2024 (Harbour Office photo)",
        "Ferries at the quay. REUTERS/Jonas Berg",
        "Ana Ruiz/Getty Images",
        "Ana Ruiz via Getty Images.",
        "Photo: Ken Mori",
        "Image source, Getty Images",
        "Photo by Ken Mori for The Bay Courier",
        "Passengers board the ferry. (AP Photo/Ken Mori, File)",
        "Protesters at the quay. (Photo: Ken Mori/AFP via Getty Images)",
        "Handout/Reuters.",
        "File photo of the harbour office",
    ],
)
def test_captions_found(text: str) -> None:
    assert caption_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "The photo, taken by a Reuters photographer, shows the ferry in heavy seas.",
        "Getty Images declined to comment.",
        "She told a reporter for Reuters that the ferry would sail.",
        "The council said the ruling would hurt its credit (a point it disputes).",
        "The latest Reuters/Ipsos poll shows the mayor ahead by four points.",
        "Residents got free passes, courtesy of the city.",
    ],
)
def test_caption_near_misses(text: str) -> None:
    assert caption_reason(text) is None


def test_caption_detector_skips_claimed() -> None:
    paras = paragraphs("Photo: Ken Mori", "The ferry sailed.")
    assert run(detect_captions, paras) == {0: "caption"}
    assert run(detect_captions, paras, {0: Verdict("title", "")}) == {}


# --- bios, prompts, copyright, related ------------------------------------------------------


def test_bio_fields_and_reasons() -> None:
    text = "Tomas Reyes is the transport editor of Baynews.org, follow him on X @treyes."
    assert bio_fields(text) == (
        ("author", "Tomas Reyes"),
        ("author_role", "transport editor"),
        ("outlet", "Baynews.org"),
    )
    assert bio_reason(text, after=5)
    assert bio_reason("Pia Lund is the director of the Bay Institute.", after=5) is None
    assert bio_reason("Pia Lund is the director of the Bay Institute.", after=1) is None
    assert bio_reason("Pia Lund is the director of the Bay Institute.", after=0)
    assert bio_reason("Pia Lund is a columnist for The Bay Courier.", after=2)
    assert bio_reason("Pia Lund is a columnist, she told the court.", after=0) is None
    assert bio_reason("Pia Lund is a senior at Bay High School.", after=0) is None


def test_bio_detector_uses_tail() -> None:
    body = ["The ferry sailed on time.", "Passengers cheered.", "The next sailing is at noon."]
    bio = "Pia Lund is a columnist for The Bay Courier."
    assert run(detect_bio, paragraphs(bio, *body)) == {}
    assert run(detect_bio, paragraphs(*body, bio)) == {3: "bio"}


def test_prompt_scores() -> None:
    assert prompt_score("Advertisement") >= 5
    assert prompt_score("Sign up for our newsletter to get the news in your inbox.") >= 5
    assert prompt_score("Readers left hundreds of comments, many of them respectful.") == 0
    assert prompt_score("“Sign up for our newsletter,” the editor told readers.") < 5
    assert prompt_score("Share prices fell on Monday.") == 0


def test_boilerplate_tail_block_and_heading() -> None:
    paras = paragraphs(
        "The ferry sailed on time.",
        "Passengers cheered as it left.",
        "Have your say!",
        "Comments are moderated. Please be respectful or your comment will be removed.",
    )
    assert run(detect_boilerplate, paras) == {2: "boilerplate", 3: "boilerplate"}


def test_short_exclamation_in_body_is_kept() -> None:
    paras = paragraphs(
        "What a day!", "The ferry sailed on time.", "Passengers cheered as it left.", "It docked at noon."
    )
    assert run(detect_boilerplate, paras) == {}


def test_copyright() -> None:
    assert copyright_owner("© 2024 The Bay Courier. All rights reserved.") == "The Bay Courier"
    assert copyright_owner("Copyright © 2023 Baynews.org") == "Baynews.org"
    assert copyright_reason("All Rights Reserved.")
    assert copyright_reason("The band lost the copyright to its songs.") is None
    assert copyright_reason("(c) the operator must publish its fares.") is None
    found = detect_copyright(paragraphs("© 2024 The Bay Courier"), Context(SourceMeta(), SETTINGS, {}))
    assert found[0].fields == (("outlet", "The Bay Courier"),)


@pytest.mark.parametrize(
    "text",
    [
        "Terms of Use | Privacy Policy | Contact Us",
        "Home » Local » Transport",
        "Tags: ferries, harbour",
        "Comments (12)",
        "Skip Advertisement",
        "Paid Post",
        "Back to top",
        "What do you think? Let us know in the comments.",
        "Get the app",
    ],
)
def test_prompts_without_a_fixed_phrase_list(text: str) -> None:
    assert prompt_score(text) >= 5


@pytest.mark.parametrize(
    "text",
    [
        "05 / 02 / 2013",
        "The vote was 6-3 | a narrow win.",
        "Advertising revenue fell 4 percent last year.",
        "Tags are attached to every ferry ticket.",
        "Clinton wants to sign up 5 million volunteers, focusing on people under 30.",
        "“You should subscribe,” she said, laughing.",
    ],
)
def test_prompt_near_misses(text: str) -> None:
    assert prompt_score(text) < 5


def test_moved_and_federated_signatures() -> None:
    for line in (
        "— Ana Ruiz (@ana@harbour.social) May 2, 2024",
        "Posted by Bay Ferry Union on Thursday, May 2, 2024",
        "A post shared by Ana Ruiz (@anaruiz)",
    ):
        assert is_signature(Paragraph(0, 0, len(line), line)), line


def test_embed_copy_shown_before_the_article_quotes_it() -> None:
    paras = paragraphs(
        "The strike ended on Monday.",
        "Back at work and proud of it! — Bay Union (@bayunion) May 2, 2024",
        "Back at work and proud of it.",
        "“Back at work and proud of it,” the union wrote, adding that talks would go on.",
    )
    assert run(detect_embeds, paras) == {1: "embed", 2: "embed"}


def test_related_needs_items() -> None:
    with_items = paragraphs(
        "The ferry sailed.", "More from the harbour", "Ferry Fares Rise", "Island school reopens"
    )
    assert run(detect_related, with_items) == {1: "related", 2: "related", 3: "related"}
    section = paragraphs("The ferry sailed.", "More on the vote", "The council voted six to three.")
    assert run(detect_related, section) == {}


def test_detectors_are_documented() -> None:
    assert all(d.__doc__ for d in DETECTORS)


# --- golden cases ---------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_case(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    doc = clean_document(RawDocument(path.name, case["input"], "text"), SETTINGS)
    body = doc.tracked.text
    for want in case.get("expect_body_contains", []):
        assert _norm(want) in _norm(body) or want in body, f"missing {want!r} in {body!r}"
    for unwanted in case.get("expect_body_lacks", []):
        assert unwanted not in body, f"{unwanted!r} left in {body!r}"
    kinds = {r.kind for r in doc.removed}
    assert set(case.get("expect_removed_kinds", [])) <= kinds, doc.removed
    assert not set(case.get("expect_no_removed_kinds", [])) & kinds, doc.removed
    for name, value in case.get("expect_fields", {}).items():
        assert getattr(doc.meta, name) == value


def test_there_are_enough_golden_cases() -> None:
    assert len(CASES) >= 20


def test_control_characters_are_dropped_and_kept_as_fixes() -> None:
    raw = (
        "Harbour reopens\n\nThe harbour master said"
        + chr(0)
        + " on Monday that the quay"
        + chr(7)
        + " would reopen.\n"
    )
    doc = clean_document(RawDocument("ctl.txt", raw, "text"), Settings())
    text = doc.tracked.text
    assert chr(0) not in text and chr(7) not in text
    assert "said on Monday that the quay would reopen." in text
    controls = [f for f in doc.fixes if f.kind == "control"]
    assert [raw[f.raw_start : f.raw_end] for f in controls] == [chr(0), chr(7)]


def test_a_timestamp_line_under_the_byline_is_removed_and_dates_the_article() -> None:
    raw = (
        "Lock gates jam on the Varne canal\n"
        "By Ilse Marrow, Canal Gazette\n"
        "Posted April 4, 2025 at 7:15 a.m. | Updated 9:02 a.m.\n\n"
        "Barges queued for six hours on Thursday after the lower gates of the Varne lock jammed, "
        "the waterways office said.\n\n"
        "Engineers freed the gates by noon, and traffic resumed in the afternoon.\n"
    )
    doc = clean_document(RawDocument("canal.txt", raw, "text"), SETTINGS)
    assert "Posted" not in doc.tracked.text
    assert [r.kind for r in doc.removed if "Posted" in r.text] == ["timestamp"]
    assert doc.meta.published is not None and doc.meta.published.startswith("2025-04-04")
