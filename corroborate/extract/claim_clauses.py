"""Clauses and polarity for claims: where a sentence asserts two things, and whether an
assertion is negated, hedged, or takes a stance (accept / reject).

Kept simple on purpose: a sentence splits only at "; ", ", while", ", whereas", ", though",
", although", a speech participle (", adding ...") or ", and" / ", but" before a new subject,
and only when both sides read as clauses (four words or more, one of them verb-like).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .claim_lexicon import (
    NEGATORS,
    SPEECH_CUES,
    STANCE,
    STOPWORDS,
    claim_words,
    has_verb,
    is_negator,
    is_verb_like,
    word_tuple,
)

_PARTICIPLES = sorted(w for w in SPEECH_CUES if w.endswith("ing") and "_" not in w)
_CONJUNCTIONS = "while|whereas|though|although|but|and|yet|" + "|".join(_PARTICIPLES)
_MARK = re.compile(rf";\s+|,\s+(?=(?P<conj>{_CONJUNCTIONS})\b)")
_SUBJECTS = claim_words("subjects")
_NEXT_WORD = re.compile(r"\s+[\"“‘']?([\w’'-]+)")
MIN_WORDS = 4


def clause_like(ws: Sequence[str]) -> bool:
    """Four words or more, one of them verb-like.

    >>> clause_like(word_tuple("Officials met in the capital")), clause_like(word_tuple("The capital at dawn today"))
    (True, False)
    """
    return len(ws) >= MIN_WORDS and has_verb(ws)


def _new_subject(text: str, m: re.Match[str], hi: int) -> bool:
    """After ", and" / ", but": does a subject follow (a pronoun, determiner, name or number)?"""
    conj = (m.group("conj") or "").lower()
    if conj not in ("and", "but", "yet"):
        return True
    nxt = _NEXT_WORD.match(text, m.end() + len(conj), hi)
    if nxt is None:
        return False
    word = nxt.group(1)
    low = word.lower()
    if low in _SUBJECTS or word[:1].isupper() or word[:1].isdigit():
        return True
    # a plural noun and a verb soon after: ", and insurers expect ..."
    if low in STOPWORDS or is_verb_like(low):
        return False
    return has_verb(word_tuple(text[nxt.end() : min(hi, nxt.end() + 30)])[:2])


def split_clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``text[lo:hi]`` that assert things of their own.

    >>> t = "Talks were held in the capital, while the rebels reported heavy losses overnight."
    >>> [t[a:b] for a, b in split_clauses(t, 0, len(t))]
    ['Talks were held in the capital', 'while the rebels reported heavy losses overnight.']
    >>> t = "He met the envoy, and set a deadline for the talks."
    >>> len(split_clauses(t, 0, len(t)))
    1
    """
    out: list[tuple[int, int]] = []
    begin = lo
    for m in _MARK.finditer(text, lo, hi):
        if not _new_subject(text, m, hi):
            continue
        left = text[begin : m.start()]
        if clause_like(word_tuple(main_scope(left))) and clause_like(word_tuple(text[m.end() : hi])):
            out.append((begin, m.start()))
            begin = m.end()
    out.append((begin, hi))
    return out


# Case-sensitive patterns on lower-cased text: far faster than re.IGNORECASE.
#: Subordinate clauses that end the main clause: after a comma, and anywhere (str.find is much
#: faster than a regex search here).
_AFTER_COMMA = re.compile(
    r"\s*(which|who|whom|whose|such as|including|although|though|while|whereas|as|since|because|"
    r"unless|if|after|before|when)\b"
)
_RELATIVE = frozenset(["which", "who", "whom", "whose"])
_CUTS = (" because ", " since ", " unless ", " if ", " so that ", " whereas ", " — ", " – ", " (")
_LEADING = re.compile(r"^[\s\"“‘'(]*(?:that\s+)?")
_CONDITION = re.compile(r"(?:if|when|unless|although|though|while|after|before|since|once|as|because)\b")


def main_scope(body: str) -> str:
    """The part of an assertion its main clause covers, lower-cased: a leading condition,
    relative clauses and trailing subordinate clauses left out.

    >>> main_scope("That if they don't leave, we will act, which is not new")
    'we will act'
    >>> main_scope("The mayor, who was not there, rejected it")
    'the mayor rejected it'
    """
    low = body.lower()
    lead = _LEADING.match(low)
    s = low[lead.end() :] if lead else low
    if _CONDITION.match(s):
        comma = s.find(", ")
        s = s[comma + 2 :] if comma > 0 else s
    for _ in range(3):
        cut, resume = _first_cut(s)
        if resume < 0:
            return s[:cut]
        s = s[:cut] + " " + s[resume:]
    return s


def _first_cut(s: str) -> tuple[int, int]:
    """Where the main clause of ``s`` stops, and where it resumes after a relative clause
    between its subject and its verb ("The mayor, who ..., rejected"), else -1."""
    end = len(s)
    for cut in _CUTS:
        i = s.find(cut, 0, end)
        end = i if i >= 0 else end
    i = s.find(",", 0, end)
    while i >= 0:
        m = _AFTER_COMMA.match(s, i + 1)
        if m is not None:
            if m.group(1) in _RELATIVE and not has_verb(word_tuple(s[:i])):
                j = s.find(", ", m.end())
                return (i, j + 2) if j > 0 else (i, -1)
            return i, -1
        i = s.find(",", i + 1, end)
    return end, -1


def _counts(ws: Sequence[str], i: int) -> bool:
    """Is ``ws[i]`` a negator of the main verb? Not in "to not go", "not to go", "not attacking"."""
    if not is_negator(ws, i):
        return False
    if ws[i] != "not":
        return True
    before = ws[i - 1] if i > 0 else ""
    after = ws[i + 1] if i + 1 < len(ws) else ""
    gerund = after.endswith("ing") and len(after) > 4 and before not in _BE
    return before != "to" and after != "to" and not gerund


_BE = frozenset(["am", "is", "are", "was", "were", "be", "been", "being", "'m", "'re", "'s"])


def negated(ws: Sequence[str]) -> bool:
    """Whether the main clause (as words) is negated.

    >>> negated(word_tuple("there wasn't a final draft")), negated(word_tuple("they agreed to not attack")), negated(word_tuple("no problem"))
    (True, False, False)
    """
    return not NEGATORS.isdisjoint(ws) and any(_counts(ws, i) for i in range(len(ws)))


_COMMITTING = claim_words("committing")


def stance(ws: Sequence[str]) -> str | None:
    """The stance, "accept" or "reject", from the first stance word of a main clause (as words); a negation
    just before turns an acceptance into a rejection. A bare infinitive ("pressure to agree")
    takes no stance.

    >>> stance(word_tuple("Kyiv agreed to the plan")), stance(word_tuple("they did not accept it"))
    ('accept', 'reject')
    >>> stance(word_tuple("they put pressure on them to agree")), stance(word_tuple("they refused to accept it"))
    (None, 'reject')
    """
    if STANCE.keys().isdisjoint(ws):
        return None
    for i, w in enumerate(ws):
        found = STANCE.get(w)
        if found is None:
            continue
        if i > 0 and ws[i - 1] == "to" and (i < 2 or ws[i - 2] not in _COMMITTING):
            continue
        if any(_counts(ws, j) for j in range(max(0, i - 3), i)):
            return "reject" if found == "accept" else None
        return found
    return None
