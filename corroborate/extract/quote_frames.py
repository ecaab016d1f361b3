"""One attribution frame per cue: where its source and content are, by word order.

A unit is a sentence, or several when a quotation runs across sentence ends.
Around a cue the unit reads one of a few ways (PolNeAR's span conventions):

* ``X said (that) C.`` -- content after the cue, "that" included, final period not;
* ``C, X said.`` / ``"C," said X.`` -- content before, a quotation's marks (and
  the comma inside them) included; ``"C1," he said, "C2."`` adds a second piece;
* ``According to X, C.`` / ``C, according to X.``;
* ``X, adding that C`` -- a participle takes the speaker of the main clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import Extent
from .quote_phrases import PRONOUNS, STOP_WORDS, source_after, source_before, tokens
from .speech_verbs import ACCORDING, AUXILIARIES, OBJECT_CUES
from .word_lists import word_list

CLOSE_QUOTES = "\"”»’'“"
OPEN_QUOTES = "\"“„«‘'"
#: Punctuation after which a cue (or its subject) follows a finished content.
_BOUNDARY = ",—–" + CLOSE_QUOTES
_ADJUNCT = re.compile(
    r"(?:in|on|at|during|after|before|while|when|from|with|last|this|earlier|later|late|early|yesterday|today|"
    r"tonight|again|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday|afterward|afterwards|"
    r"\w+ly)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(
    r"\b(?:that(?!\s+(?:night|day|week|month|year|morning|afternoon|evening|time|point|moment)\b)"
    r"|how|what|why|whether|when|where|who|if)\b|[,:]\s*(?=[\"“„«‘'])|[\"“„«‘]",
    re.IGNORECASE,
)
#: A time adjunct right after a cue ("said on Thursday ..."), skipped before the content.
_TIME_PP = re.compile(
    r"(?:(?:on|last|this|early|late|earlier|later)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|week|month|year|night|morning|afternoon|evening|today|yesterday|tonight)\b(?:\s+(?:night|morning|"
    r"afternoon|evening))?,?",
    re.IGNORECASE,
)
#: ``, "`` / ``: "`` right after a cue: the quotation that follows is the content.
_QUOTE_LEAD = re.compile(r"\s*[,:]\s*(?=[\"“„«‘'])")
_LEAD_CONJ = re.compile(r"(?:but|and|so|yet|or)\s+", re.IGNORECASE)
_MAX_SKIP = 90


@dataclass
class Frame:
    """A cue with its source and content pieces, still open to more pieces."""

    cue: Extent
    source: Extent | None
    pieces: list[Extent] = field(default_factory=list)
    form: str = ""
    #: "pre" (X said C), "post" (C, X said), "part" (..., adding C) or "acc" (according to X)
    order: str = ""
    #: Where the frame's own clause starts (its subject, or the joiner before a participle).
    clause: int = -1
    #: Content still wanted from a neighbouring quotation: "after" a colon cue, or "before"
    #: when the unit is only "Brisk asked." after a quoted question.
    needs: str = ""


def extend_cue(text: str, lo: int, start: int, end: int) -> Extent:
    """The cue with the auxiliaries and adverbs before it and a colon right after it.

    >>> t = "He has also said: no"
    >>> e = extend_cue(t, 0, 12, 16); t[e.start:e.end]
    'has also said:'
    """
    window = max(lo, start - _AUX_WINDOW)
    if _may_extend(text[window:start]):
        for tok_start, _, word in reversed(tokens(text, window, start)):
            if word.lower() not in AUXILIARIES and not is_adverb(word):
                break
            start = tok_start
    if text[end : end + 1] == ":":
        end += 1
    return Extent(start, end)


_AUX_WINDOW = 60


def _may_extend(before: str) -> bool:
    """Can the last token of ``before`` be an auxiliary or adverb? Tokenizing every cue's left
    context costs more than this: a last run of letters after a space is that token, and a
    last mark other than an apostrophe is a token of its own.

    >>> _may_extend("He has"), _may_extend("Jones"), _may_extend("   "), _may_extend('no,"')
    (True, False, False, False)
    """
    chunks = before.rsplit(None, 1)
    if not chunks:
        return False
    word = chunks[-1]
    if word.isalpha():
        return word.lower() in AUXILIARIES or is_adverb(word)
    return word[-1].isalnum() or word[-1] in "_’'"


def trim_content(text: str, start: int, end: int) -> Extent | None:
    """Content without surrounding space, a final period or comma outside quote marks.

    >>> t = 'that it was "odd". '
    >>> e = trim_content(t, 0, len(t)); t[e.start:e.end]
    'that it was "odd"'
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-"):
        end -= 1
    return Extent(start, end) if end - start > 1 else None


def left_content(text: str, lo: int, boundary: int) -> Extent | None:
    """Content before a cue cluster: up to ``boundary`` (its comma / closing mark), leading "But" dropped."""
    while lo < boundary and text[lo].isspace():
        lo += 1
    m = _LEAD_CONJ.match(text, lo, boundary)
    if m and text[lo] not in OPEN_QUOTES:
        lo = m.end()
    end = boundary
    while end > lo and text[end - 1] in ",—– ":
        end -= 1
    return trim_content(text, lo, end)


def right_start(text: str, pos: int, end: int, form: str) -> int:
    """Where the content after a cue begins: past an addressee ("told reporters") or an adjunct
    ("on Thursday") when a "that", question word or quotation follows soon after.

    >>> t = "told reporters on Monday that it was over"
    >>> t[right_start(t, 4, len(t), "told"):]
    'that it was over'
    """
    while pos < end and text[pos].isspace():
        pos += 1
    lead = _QUOTE_LEAD.match(text, pos, end)
    if lead:
        return lead.end()
    starts_adjunct = _ADJUNCT.match(text, pos, end) is not None
    if form in OBJECT_CUES or starts_adjunct:
        m = _CLAUSE_START.search(text, pos, min(end, pos + _MAX_SKIP))
        if (
            m
            and "," not in text[pos : m.start()].strip(" ,")
            and (m.group()[0].isalpha() or m.group()[0] in ",:")
        ):
            return m.end() if not m.group()[0].isalpha() else m.start()
        time = _TIME_PP.match(text, pos, end)
        if time:
            return right_start(text, time.end(), end, "")
        if form in OBJECT_CUES and not starts_adjunct:
            return _skip_addressee(text, pos, end)
    return pos


def _skip_addressee(text: str, pos: int, end: int) -> int:
    """Past "reporters" / "Fox News" / "him" in "told X the plan ...", else ``pos``."""
    toks = tokens(text, pos, min(end, pos + _MAX_SKIP))
    j = 0
    while j < len(toks) and (toks[j][2][:1].isupper() or toks[j][2] == "."):
        j += 1
    if j == 0 and toks and toks[0][2].lower() in _ADDRESSEES:
        j = 1
    return toks[j][0] if 0 < j < len(toks) else pos


_ADDRESSEES = word_list("addressees")


def right_is_empty(text: str, pos: int, end: int) -> bool:
    """Nothing said after the cue: the unit ends, or only an adjunct or another clause follows.

    >>> t = "said during a visit to Tallinn, Estonia."
    >>> right_is_empty(t, 4, len(t)), right_is_empty("said it was over.", 4, 17)
    (True, False)
    """
    if _QUOTE_LEAD.match(text, pos, end):
        return False
    rest = text[pos:end].strip()
    if not rest.strip(".!?;:" + CLOSE_QUOTES) or rest[0] in ",;)—–":
        return True
    if _ADJUNCT.match(rest) is None:
        return False
    return _CLAUSE_START.search(rest) is None


def subject_span(text: str, lo: int, cue_start: int) -> tuple[Extent | None, int]:
    """The subject before a cue and where its clause starts.

    Handles an appositive or aside between commas ("Markov, while noting X, said";
    "Eddie Griffin, who was a member of X, a group of Y, said"): the source is the
    name before the first comma of the aside, with an appositive included.

    >>> t = "Even Lindsey Graham, who has endorsed Cruz, said"
    >>> e, _ = subject_span(t, 0, 44); t[e.start:e.end]
    'Lindsey Graham, who has endorsed Cruz,'
    """
    src = source_before(text, lo, cue_start)
    if src is not None:
        return src, src.start
    left = text[lo:cue_start].rstrip()
    if not left.endswith(","):
        return None, cue_start
    comma = lo + len(left) - 1
    first = comma
    for _ in range(_MAX_ASIDE_COMMAS):
        first = text.rfind(",", lo, first)
        if first < 0:
            break
        head = source_before(text, lo, first)
        if head is not None and _clause_lead(text[lo : head.start]):
            return _with_aside(text, head, first, comma), head.start
    return None, cue_start


_MAX_ASIDE_COMMAS = 3
_ASIDE_STARTS = frozenset(["while", "when", "as", "after", "before", "in", "at", "on", "speaking", "during"])


def _clause_lead(lead: str) -> bool:
    """Can ``lead`` precede a subject: nothing, a boundary, or only function words ("Even", "But")?"""
    lead = lead.strip()
    if not lead or lead[-1] in _BOUNDARY:
        return True
    return all(w.lower() in STOP_WORDS for w in lead.split())


def _with_aside(text: str, head: Extent, first: int, comma: int) -> Extent:
    """The head alone before a clause-like aside ("while noting"), else head plus appositive."""
    aside = text[first + 1 : comma].strip().split(" ", 1)[0].lower()
    if aside.endswith("ing") or aside in _ASIDE_STARTS:
        return head
    return Extent(head.start, comma + 1)


def is_adverb(word: str) -> bool:
    """A lower-case -ly word ("categorically"), which joins the cue after it.

    >>> is_adverb("publicly"), is_adverb("Kelly"), is_adverb("only")
    (True, False, False)
    """
    return len(word) > 4 and word.endswith("ly") and word.islower()


def is_participle(text: str, lo: int, cue: Extent, form: str) -> bool:
    """A cue that borrows the main clause's subject: ", adding that", "while noting", or a
    coordinated verb ("says X but argues Y", "and told reporters")."""
    before = text[lo : cue.start].rstrip().lower()
    if before.endswith((" and", " but", ", and", ", but")) or before in ("and", "but"):
        return True
    if not form.endswith("ing"):
        return False
    return before.endswith(",") or before.endswith((" and", " while", " before", " after", " by"))


_SUBJECT_WINDOW = 300


def main_subject(text: str, lo: int, hi: int) -> Extent | None:
    """The subject a clause opens with, past a dateline, a conjunction or an introductory
    phrase ending in a comma ("In London, Jones wrote ..., arguing" -> Jones)."""
    toks = tokens(text, lo, min(hi, lo + _SUBJECT_WINDOW))
    first = toks[0][2] if toks else ""
    if (
        first.isupper()
        and len(first) > 2
        or first.lower() in STOP_WORDS
        or is_adverb(first)
        or first.endswith("ing")
    ):
        comma = next((k for k, t in enumerate(toks) if t[2] in ",—–-"), None)
        toks = toks[comma + 1 :] if comma is not None else toks
    while toks and toks[0][2].lower() in STOP_WORDS and toks[0][2].lower() not in PRONOUNS:
        toks = toks[1:]
    j = 0
    while j < len(toks) and (
        toks[j][2][:1].isupper() or toks[j][2] == "." or toks[j][2].lower() in ("the", "a")
    ):
        j += 1
    if j == 0 and toks and toks[0][2].lower() in PRONOUNS:
        j = 1
    return Extent(toks[0][0], toks[j - 1][1]) if j else None


def according_frame(text: str, lo: int, hi: int, cue: Extent) -> Frame | None:
    """``According to X, C.``, ``C, according to X.`` or ``A, according to X, B.`` (both pieces)."""
    before = left_content(text, lo, cue.start)
    src = source_after(text, cue.end, hi, appositive=before is not None)
    if src is None:
        return None
    after = trim_content(text, src.end + 1, hi) if text[src.end : src.end + 1] == "," else None
    if before is None and after is None:
        return None
    if after is not None and len(text[after.start : after.end].split()) < _MIN_AFTER_WORDS:
        after = None
    pieces = [p for p in (before, after) if p is not None]
    return Frame(cue, src, pieces, ACCORDING, "acc", cue.start) if pieces else None


_MIN_AFTER_WORDS = 3


def inverted_source(text: str, cue_end: int, hi: int, form: str = "said") -> Extent | None:
    """The speaker after an inverted cue ("…," said X), if what follows it is a name and then
    ends. Only finite forms invert: "said X", "says X", "added X", never "say X"."""
    if form not in _INVERTING:
        return None
    src = source_after(text, cue_end, hi)
    if src is None or is_adverb(text[src.start : src.end].split(" ", 1)[0]):
        return None  # "..., Mr. Kaplan said dryly."
    rest = text[src.end : hi].lstrip()
    if text[src.end - 1] == "," or not rest or rest[0] in ".,;:!?—–(" + CLOSE_QUOTES + OPEN_QUOTES:
        return src
    if _ADJUNCT.match(rest):
        return src
    if rest.split(" ", 1)[0].lower() in ("who", "which", "whose", "of"):
        return src
    return None


_INVERTING = word_list("inverting_cues")
