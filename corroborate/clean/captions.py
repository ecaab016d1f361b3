"""Photo captions and credits.

A caption is recognised by its credit, never by its wording alone: a credit in
brackets at the end ("(AP Photo/Jane Roe)", "(Example photo)"), an agency
credit closing the paragraph ("... on Monday. REUTERS/Jane Roe", "Jane Roe/Getty
Images", "Jane Roe via Getty Images"), a paragraph that is nothing but a credit
("Getty Images."), or a credit label opening it ("Photo: ...", "Image source, ...").
Reporting that merely mentions a photo or an agency ("The photo, taken by a
Reuters photographer, ...", "... said on Tuesday, according to Reuters.") has
none of these shapes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .paragraphs import Paragraph
from .verdict import Context, Verdict
from .vocab import any_of, split_keys

#: Picture libraries: a credit even when the name closes a sentence ("... in Paris. Getty Images").
LIBRARIES = (
    r"(?:(?:AFP via )?Getty Images|Shutterstock|Alamy(?: Stock Photo)?|iStock(?:photo)?|NurPhoto|SOPA Images"
    r"|LightRocket|ZUMA(?: Press| Wire)?|Corbis|WireImage|FilmMagic|Wikimedia Commons|Flickr|Unsplash|Pexels"
    r"|AP Images|PA Images)"
)
#: News agencies: a credit only next to a photographer ("AGENCY/Name", "Name/AGENCY") or
#: alone on a line, since "... the minister said. Reuters" may be a wire attribution.
AGENCIES = (
    rf"(?:{LIBRARIES}|Getty|AFP|AP(?: Photo)?|Associated Press|Reuters|REUTERS|EPA|EPA-EFE|Bloomberg"
    r"|PA(?: Wire| Media)?|Xinhua|Anadolu(?: Agency)?|Pool|POOL|dpa|ANSA|Kyodo|Yonhap|Sipa(?: USA)?|Handout|TASS)"
)
#: Platforms a picture is credited to when it was taken from a post ("Facebook/Jane Roe").
_PLATFORMS = r"(?:Facebook|Instagram|Twitter|X|YouTube|TikTok|Telegram)"
_PERSON = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
#: "Name/AGENCY", "AGENCY/Name", "Name via Getty Images", "NAME/AFP/Getty Images".
_SLASHED = (
    rf"(?:(?:{_PERSON}|{AGENCIES})\s?/\s?{AGENCIES}|{AGENCIES}\s?/\s?{_PERSON}|{_PERSON}\s+via\s+{LIBRARIES})"
    rf"(?:\s?/\s?(?:{AGENCIES}|{_PERSON}))*"
)
_END = r"[\s.)\]]*$"
#: An agency credit closing the paragraph.
_TRAILING = re.compile(
    rf"(?:^|[\s(\[]){_SLASHED}{_END}|(?:\||[.!?:]\s|^)\s*{LIBRARIES}{_END}"
    rf"|(?:[.!?]\s|^)(?:File photo|Handout photo|Photo illustration){_END}"
)
#: Prefilter: every match of ``_TRAILING`` contains one of these (tests/test_clean_prefilter.py).
_TRAILING_KEYS = split_keys(
    "/|Image|Shutterstock|Alamy|iStock|NurPhoto|LightRocket|ZUMA|Corbis|FilmMagic|Wikimedia Commons|Flickr"
    "|Unsplash|Pexels|File photo|Handout photo|Photo illustration"
)
_TRAILING_GATE = any_of(_TRAILING_KEYS)
#: What ``_END`` matches: white space (as ``\s`` and ``str.split`` take it), stops and brackets.
_END_CHARS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000.)]"
)
#: How every name ``_TRAILING`` can close with ends (a library, "File photo", ...), unless the
#: credit holds a slash (tests/test_clean_fast_path.py spells the names out).
_CREDIT_ENDINGS = (
    "Images", "Shutterstock", "Alamy", "Photo", "iStock", "photo", "LightRocket", "ZUMA", "Press",
    "Wire", "Corbis", "WireImage", "FilmMagic", "Commons", "Flickr", "Unsplash", "Pexels", "illustration",
)  # fmt: skip
#: A paragraph that is only a credit: "Getty.", "Handout/Reuters.", "Facebook/Jane Roe",
#: "Jane Roe/The Daily Example" (two capitalised names either side of a slash).
_BARE = re.compile(
    rf"^(?:{_SLASHED}|{AGENCIES}|{_PLATFORMS}\s?/\s?(?:{_PERSON}|{AGENCIES})|{_PERSON}\s?/\s?(?:the\s)?{_PERSON}){_END}"
)
#: The last bracket of a paragraph and what it holds.
_LAST_BRACKET = re.compile(r"[(\[]([^()\[\]]{1,100})[)\]]\.?\s*$")
#: A credit inside brackets: "(Photo: ...)", "(AP Photo/...)", "(Courtesy of ...)", "(Example photo)".
_BRACKET_CREDIT = re.compile(
    r"^(?:AP |AFP |Reuters |EPA )?(?:photo|photograph|photos|image|picture|screenshot|screengrab|illustration"
    r"|video still|file photo|handout)\b\s*(?:[:/]|by\b|via\b|courtesy\b|credit\b|$)"
    r"|^(?:credit|image credit|photo credit|courtesy(?: of)?)\b"
    r"|\b(?:photo|photograph|photos|picture|screenshot|screengrab|file photo|handout|file)$",
    re.IGNORECASE,
)
#: "Photo: ...", "Image source, ...", "Photo by ...", "Credit: ...".
_LEADING = re.compile(
    r"^(?:(?:photo|photograph|image|picture|video|main image|top image|header image|file photo|pictured|above|"
    r"top|caption|image caption|media caption|photo credit|image credit|credit|credits)\s*(?:[:|]|\s[\u2014\u2013-]\s)"
    r"|image source\s*,|(?:photo|photograph|image|picture|photo illustration|illustration)s?\s+(?:by|courtesy of|via)\s"
    r"|file (?:photo|image|picture)s?\b|file\s+[\u2014\u2013-]\s|credits?\s*(?:\.{2,}|\u2026))",
    re.IGNORECASE,
)
#: Credits label short paragraphs; a long one is running prose whatever it ends with.
_MAX_WORDS = 60
_BARE_WORDS = 8
#: How a text ends (before spaces) when ``_LAST_BRACKET`` finds something.
_BRACKET_ENDS = (")", "]", ").", "].")


def _bracket_credit(text: str) -> bool:
    m = _LAST_BRACKET.search(text) if text.rstrip().endswith(_BRACKET_ENDS) else None
    if not m or len(m.group(1).split()) > 10:
        return False
    inner = m.group(1).strip()
    if _BRACKET_CREDIT.search(inner) or re.fullmatch(rf"{_SLASHED}\.?", inner):
        return True
    # "(Agency)" closing an unpunctuated line is a credit; after a full stop it may be a wire attribution.
    before = text[: m.start()].rstrip()
    return bool(re.fullmatch(AGENCIES, inner)) and not before.endswith((".", "!", "?", '"', "\u201d"))


def caption_reason(text: str, words: int | None = None) -> str | None:
    """Why ``text`` (of ``words`` words, when known) is a caption or credit, or None.

    >>> caption_reason("The minister at a rally on May 2 (Example photo)")
    'ends with a bracketed photo credit'
    >>> caption_reason("A man walks past a mural. Jane Roe/Getty Images")
    'ends with an agency credit'
    >>> caption_reason("Getty Images declined to comment on the lawsuit.") is None
    True
    """
    n = len(text.split()) if words is None else words
    if not may_be_caption(text, n):
        return None
    if n <= _BARE_WORDS and _BARE.search(text):
        return "a credit line"
    if _bracket_credit(text):
        return "ends with a bracketed photo credit"
    if _TRAILING_GATE.search(text) and _TRAILING.search(text):
        return "ends with an agency credit"
    if _LEADING.search(text):
        return "opens with a photo or credit label"
    return None


def may_be_caption(text: str, words: int) -> bool:
    """False when :func:`caption_reason` finds nothing in ``text`` (of ``words`` words): it is
    not a bare credit (too long), does not end with a bracket, has no slash and does not close
    with a credit's name (no ``_TRAILING`` credit), and opens with no credit label.

    >>> may_be_caption("The ferry left at noon on Monday, an hour late.", 10)
    False
    >>> may_be_caption("Boats in the harbour at dawn. Jane Roe via Getty Images.", 11)
    True
    """
    if words > _MAX_WORDS:
        return False
    if words <= _BARE_WORDS or "/" in text or text.rstrip(_END_CHARS).endswith(_CREDIT_ENDINGS):
        return True
    return text.rstrip().endswith(_BRACKET_ENDS) or bool(_LEADING.search(text))


def detect_captions(paragraphs: Sequence[Paragraph], ctx: Context) -> dict[int, Verdict]:
    """Paragraphs that carry a photo credit in a caption's place (end or start), or are one."""
    out: dict[int, Verdict] = {}
    for p in paragraphs:
        reason = None if p.index in ctx.earlier else caption_reason(p.text, p.words)
        if reason:
            out[p.index] = Verdict("caption", reason)
    return out
