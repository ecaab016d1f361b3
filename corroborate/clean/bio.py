"""Author biographies: "<Name> is the <role> of <Outlet>", "<Name> writes about ...".

The shapes alone also describe people in the news ("Jane Roe is the director
of the Example Institute"), so a bio needs either a way to reach the author
(a social handle, "can be reached at") or the tail of the article together
with a bio sentence; the tail test belongs to the caller.
"""

from __future__ import annotations

import functools
import re

from .vocab import NAME, OUTLET, SOCIAL

#: Roles of people who write for a publication.
_JOURNALIST = (
    r"(?:editor|editors|reporter|correspondent|journalist|writer|columnist|contributor|author|producer|"
    r"photographer|photojournalist|anchor|host|blogger|critic|commentator|freelancer|editor-at-large|"
    r"editor-in-chief|bureau chief|intern)"
)
#: Unambiguous anywhere in a bio's first sentence ("a lecturer at X and a contributing writer").
_WRITER = r"(?:editor|reporter|correspondent|journalist|writer|columnist|contributor|blogger|photojournalist)"
#: Roles that also introduce people in the news ("the director of the Example Institute"):
#: a bio only as the article's very last word.
_OTHER_ROLE = (
    r"(?:analyst|fellow|researcher|professor|lecturer|director|founder|publisher|economist|strategist)"
)
#: Bios sometimes open with a label.
_LABEL = r"^(?:(?i:about the authors?)\s*[:\u2014\u2013-]?\s*|\u2014\s*|-\s+)?"
#: "<Name> is the news editor of Example.com", "<Name>, a reporter at The Daily Example".
#: How a bio opens: its label, if any, and a name.
_NAMED = rf"{_LABEL}{NAME}"
_IS_ROLE = re.compile(
    rf"{_NAMED}(?:,\s+|\s+(?:is|was|has been|serves as)\s+)(?:a|an|the)\s+"
    rf"(?P<role>(?:[\w-]+\s+){{0,4}}?(?:co-)?(?P<noun>{_JOURNALIST}|{_OTHER_ROLE})(?:\s+[\w-]+){{0,2}}?)"
    rf"\s+(?:of|at|for|with|on|to)\s+{OUTLET}"
)
_WRITES = re.compile(
    rf"{_NAMED}\s+(?:(?:writes|reports|blogs)\s+(?:about|on|for)\b|covers\s"
    rf"|is\s+(?:the\s+)?(?:co-?)?author\s+of\b|(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}{_JOURNALIST}\b"
    rf"|(?:is|was)\s+(?:a|an|the)\s+[^.;]{{0,80}}?\b{_WRITER}\b)"
)
#: How ``_IS_ROLE`` and ``_WRITES`` both open: a name, then a comma or the first word either
#: takes after it. A text that does not open so opens as no bio.
_OPENING = re.compile(rf"{_NAMED}(?:,|\s+(?:is|was|has|serves|writes|reports|blogs|covers)\b)")
#: How to reach the author: the strongest sign that a paragraph is a bio.
CONTACT = re.compile(
    rf"\b(?i:follow|find|reach)\s+(?:him|her|them|me|us|(?:[A-Z][\w.'\u2019-]*\s+(?:and\s+)?){{1,6}}?)\s*"
    rf"(?i:on)\s+{SOCIAL}\b"
    rf"|\b(?i:on)\s+{SOCIAL}[:,]?\s+(?:(?i:at)\s+)?@\w+|\b(?i:on)\s+{SOCIAL}[:,]?\s+(?i:follow)\b"
    r"|\bcan be (?:reached|contacted|emailed)\b|\breach (?:him|her|them) (?:directly )?(?:at|by|via)\b"
    r"|\b(?:email|e-mail|contact)\s+(?:him|her|them)\s+at\b",
)
_MAX_WORDS = 80
#: Reported speech: a paragraph that quotes someone is reporting, not a bio.
_SPEECH = re.compile(r"\b(?:said|says|told|tells|according to)\b")
#: Every match of ``_SPEECH`` holds one of these: the regex runs only when the text does too.
_SPEECH_KEYS = ("said", "says", "told", "tells", "according to")


def _tidy(value: str) -> str:
    return value.strip().rstrip(".,;:")


def bio_fields(text: str) -> tuple[tuple[str, str], ...]:
    """Author, role and outlet a bio sentence names.

    >>> bio_fields("Jane Roe is the news editor of Example.com, follow her on X @janeroe.")
    (('author', 'Jane Roe'), ('author_role', 'news editor'), ('outlet', 'Example.com'))
    >>> bio_fields("Jane Roe writes about science.")
    (('author', 'Jane Roe'),)
    """
    m = _IS_ROLE.match(text)
    if m:
        return (
            ("author", _tidy(m["name"])),
            ("author_role", _tidy(m["role"])),
            ("outlet", _tidy(m["outlet"])),
        )
    m = _WRITES.match(text)
    return (("author", _tidy(m["name"])),) if m else ()


@functools.lru_cache(maxsize=4096)
def _shape(text: str) -> tuple[bool, bool] | None:
    """(names a journalist, opens as a bio) for a paragraph that can be a bio; None otherwise."""
    if len(text.split()) > _MAX_WORDS or (any(map(text.__contains__, _SPEECH_KEYS)) and _SPEECH.search(text)):
        return None
    role = _IS_ROLE.match(text)
    journalist = bool(_WRITES.match(text) or (role and re.fullmatch(_JOURNALIST, role["noun"])))
    return journalist, journalist or bool(role)


def opens_as_bio(text: str) -> bool:
    """Whether ``text`` opens like a bio: else :func:`bio_reason` finds one only in the tail.

    >>> opens_as_bio("Jane Roe is the director of the Example Institute."), opens_as_bio("It rained.")
    (True, False)
    """
    if not _OPENING.match(text):
        return False  # neither bio pattern can match: both open this way
    shape = _shape(text)
    return shape is not None and shape[1]


@functools.lru_cache(maxsize=4096)
def _contact(text: str) -> bool:
    return bool(CONTACT.search(text))


def bio_reason(text: str, after: int, tail: int = 2) -> str | None:
    """Why ``text`` is an author bio, or None; ``after`` unclaimed paragraphs follow it and
    the last ``tail`` + 1 paragraphs are the article's tail.

    >>> bio_reason("Jane Roe is a reporter for The Daily Example.", after=1)
    'a bio sentence at the end of the article'
    >>> bio_reason("Jane Roe is the director of the Example Institute.", after=1) is None
    True
    >>> bio_reason("Jane Roe is the director of the Example Institute.", after=0)
    'a bio sentence at the end of the article'
    """
    shape = _shape(text)
    if shape is None:
        return None
    journalist, opens = shape
    if (opens or after <= tail) and _contact(text):
        return "says how to reach or follow the author"
    if (journalist and after <= tail) or (opens and after == 0):
        return "a bio sentence at the end of the article"
    return None
