"""Photo captions and credits.

A caption is recognised by its credit, never by its wording alone: a credit in
brackets at the end ("(AP Photo/Jane Roe)", "(Example photo)"), an agency
credit closing the paragraph ("... on Monday. REUTERS/Jane Roe", "Jane Roe/Getty
Images"), or a credit label opening it ("Photo: ...", "Image source, ...").
Reporting that merely mentions a photo or an agency ("The photo, taken by a
Reuters photographer, ...") has none of these shapes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .paragraphs import Paragraph
from .verdict import Context, Verdict

#: Picture agencies and libraries that appear as credits.
AGENCIES = (
    r"(?:Getty Images|AFP via Getty Images|AFP|AP|AP Images|Associated Press|Reuters|REUTERS|EPA|EPA-EFE|"
    r"Shutterstock|Alamy(?: Stock Photo)?|iStock(?:photo)?|Bloomberg|PA(?: Wire| Images| Media)?|Xinhua|"
    r"Anadolu(?: Agency)?|NurPhoto|SOPA Images|LightRocket|ZUMA(?: Press| Wire)?|Pool|dpa|ANSA|Kyodo|"
    r"Yonhap|Sipa(?: USA)?|Corbis|WireImage|FilmMagic|Wikimedia Commons|Flickr|Unsplash|Pexels|Handout|TASS)"
)
_CREDIT_WORD = (
    r"(?:photo|photos|photograph|photography|image|images|picture|pictures|screenshot|screengrab|"
    r"illustration|credit|courtesy|file photo|handout)"
)
_PERSON = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
#: "(Example photo)", "(Photo: Jane Roe)", "(AP Photo/Jane Roe, File)", "(File)".
_BRACKETED = re.compile(
    rf"[(\[](?:[^()\[\]]{{0,80}}\b)?{_CREDIT_WORD}\b[^()\[\]]{{0,80}}[)\]]\.?\s*$|\((?:File|Handout)\)\.?\s*$",
    re.IGNORECASE,
)
#: An agency credit closing the paragraph after a slash, "via", a bar or a full stop.
_TRAILING = re.compile(
    rf"(?:(?:^|[\s(])(?:{_PERSON}\s?/\s?{AGENCIES}|{AGENCIES}\s?/\s?{_PERSON})"
    rf"|(?:\bvia|\bfor|\||/|[.!?]\s|^){{1}}\s*{AGENCIES}(?:\s?/\s?{_PERSON})?"
    r"|(?:[.!?]\s|^)(?:File photo|Handout photo|Photo illustration))\)?\.?\s*$"
)
#: "Photo: ...", "Image source, ...", "Photo by ...", "Credit: ...".
_LEADING = re.compile(
    r"^(?:(?:photo|photograph|image|picture|video|main image|top image|header image|file photo|pictured|above|"
    r"top|caption|image caption|media caption|photo credit|image credit|credit|credits)\s*(?:[:|]|\s[\u2014\u2013-]\s)"
    r"|image source\s*,|(?:photo|photograph|image|picture|illustration)s?\s+(?:by|courtesy of|via)\s)",
    re.IGNORECASE,
)
#: Credits label short paragraphs; a long one is running prose whatever it ends with.
_MAX_WORDS = 60


def caption_reason(text: str) -> str | None:
    """Why ``text`` is a caption or credit, or None.

    >>> caption_reason("The minister at a rally on May 2 (Example photo)")
    'ends with a bracketed photo credit'
    >>> caption_reason("A man walks past a mural. Jane Roe/Getty Images")
    'ends with an agency credit'
    >>> caption_reason("Getty Images declined to comment on the lawsuit.") is None
    True
    """
    if len(text.split()) > _MAX_WORDS:
        return None
    if _BRACKETED.search(text):
        return "ends with a bracketed photo credit"
    if _TRAILING.search(text):
        return "ends with an agency credit"
    if _LEADING.search(text):
        return "opens with a photo or credit label"
    return None


def detect_captions(paragraphs: Sequence[Paragraph], ctx: Context) -> dict[int, Verdict]:
    """Paragraphs that carry a photo credit in a caption's place (end or start)."""
    out: dict[int, Verdict] = {}
    for p in paragraphs:
        if p.index in ctx.earlier:
            continue
        reason = caption_reason(p.text)
        if reason:
            out[p.index] = Verdict("caption", reason)
    return out
