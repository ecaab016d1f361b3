"""Mojibake repair: UTF-8 text that was decoded as cp1252 or latin-1 on its way to us.

Repairs are local. The text is cut into *runs* (maximal stretches of non-ASCII,
non-space characters, since a UTF-8 multi-byte sequence never contains ASCII
bytes) and each run is judged on its own evidence, so the source's own words,
curly quotes and typos outside a broken run stay exactly as written and every
repaired character keeps the raw offsets of the characters it came from.

How a run is judged and repaired:

* ftfy's badness heuristic (``ftfy.badness.is_bad``) decides whether a run looks
  like mojibake at all; "Ñandú", "Ðakovo", "naïve" or real Cyrillic never do.
* A run made only of cp1252/latin-1 characters is re-encoded to bytes and decoded
  as UTF-8 sequence by sequence. Complete sequences give the same characters ftfy
  would, but with per-character offsets, and also where some bytes are missing.
* Bytes 0x80-0x9F are often lost on the way (latin-1 text whose C1 controls were
  stripped, or cp1252 decoding with ``errors="ignore"``/``"replace"``). A sequence
  that lost a byte cannot be recovered and becomes U+FFFD: no letter is invented.
* One exception, with evidence: a three-byte sequence led by 0xE2 that lost one
  byte. E2 80 xx (General Punctuation: dashes, quotes, "…", "•") is overwhelmingly
  the most common E2 block in running text, so "â" + one continuation byte xx is
  read as E2 80 xx when that is a punctuation mark ("â¦" -> "…"), and "â€" with
  its last byte lost is read as "”": under cp1252 the only undefined byte that
  completes a common E2 80 character is 0x9D, the closing double quote.
* Other runs ftfy judges bad (UTF-8 read as cp1251 or MacRoman, stray C1 controls)
  are left to ``ftfy.fix_text``, with every normalisation but the encoding fix off.
* Runs ftfy finds too ambiguous on their own ("Ã…" may be written on purpose) are
  decoded when the document's other runs are mojibake and they decode completely
  to plausible text (:func:`_consistent`).
* A lead byte standing alone (its continuation dropped) is only taken as lost when
  the document shows the damage and nothing else on its line looks like genuine
  non-ASCII text (:func:`_lost_leads`).
* A no-break space that is not a byte of a repaired sequence separates runs, as the
  space layout will turn it into (:func:`find_runs`).

Repairs run until nothing changes (at most three rounds) so that text that was
mis-decoded twice is repaired too, and repairing repaired text changes nothing.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import ftfy
from ftfy.badness import is_bad

from ..model import Fix
from ..offsets import Edit, TrackedText

#: A byte the source had already lost (U+FFFD in the text).
UNKNOWN = -1
_RUN = re.compile(r"(?:[^\x00-\x7f\s]|\xa0)+")
#: Runs are made of non-ASCII characters, so they are looked for only in stretches of these
#: (the regex engine skips to such a stretch fast; ``_RUN`` alone tries every position).
_NON_ASCII = re.compile(r"[^\x00-\x7f][^\x00-\x7f]*")
_CP1252 = {
    bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
#: Lone lead bytes that are implausible as real letters: "Â"/"Ã" start Latin-1 Supplement
#: mojibake and "â" General Punctuation; Ð, Ñ, é... are real letters in real words.
_TELLTALE_LEADS = "ÂÃâ"
_MAX_ROUNDS = 3
#: An English contraction whose apostrophe (E2 80 99) lost both continuation bytes.
_BARE_APOSTROPHE = re.compile(r"[A-Za-z]\u00e2(?:s|t|m|re|ve|ll|d)\b")
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=False,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


@dataclass(frozen=True)
class Piece:
    """Characters ``[start, end)`` of a run and what they decode to."""

    start: int
    end: int
    text: str
    #: "ok" (complete sequence), "inferred" (E2 80 xx), "lost" (U+FFFD) or "literal" (kept)
    status: str


def byte_of(ch: str) -> int | None:
    """The byte a cp1252/latin-1 decoder turned into ``ch`` (None: not such a character).

    >>> byte_of("Ã"), byte_of("€"), byte_of("\\x9d"), byte_of("й")
    (195, 128, 157, None)
    """
    code = ord(ch)
    if 0x80 <= code <= 0xFF:
        return code
    if ch == "\ufffd":
        return UNKNOWN
    return _CP1252.get(ch)


def _continuations(lead: int) -> int:
    """How many continuation bytes a UTF-8 lead byte announces (0: not a lead)."""
    if 0xC2 <= lead <= 0xDF:
        return 1
    if 0xE0 <= lead <= 0xEF:
        return 2
    return 3 if 0xF0 <= lead <= 0xF4 else 0


def _is_continuation(b: int) -> bool:
    return 0x80 <= b <= 0xBF or b == UNKNOWN


def general_punctuation(got: Sequence[int]) -> str | None:
    """Read an E2 sequence that lost one byte as General Punctuation (E2 80 xx).

    >>> general_punctuation([0xE2, 0xA6]), general_punctuation([0xE2, 0x80])
    ('…', '”')
    >>> general_punctuation([0xE2, 0xA6, 0x80]) is None
    True
    """
    if len(got) < 2 or got[0] != 0xE2:
        return None
    rest = [b for b in got[1:] if b != UNKNOWN]
    if len(got) == 3 and len(rest) == 2:
        return None  # nothing was lost
    if rest == [0x80]:
        return "\u201d"  # cp1252 dropped 0x9D: "â€" + nothing is the closing quote
    if len(rest) != 1:
        return None
    ch = bytes([0xE2, 0x80, rest[0]]).decode("utf-8")
    return ch if unicodedata.category(ch).startswith("P") else None


def _sequence(run: str, codes: Sequence[int], i: int) -> Piece:
    """The piece starting at the lead byte ``codes[i]``."""
    need = _continuations(codes[i])
    j = i + 1
    while j < len(codes) and j - i <= need and _is_continuation(codes[j]):
        j += 1
    got = codes[i:j]
    if len(got) == need + 1 and UNKNOWN not in got:
        try:
            return Piece(i, j, bytes(got).decode("utf-8"), "ok")
        except UnicodeDecodeError:  # overlong or surrogate: not UTF-8 after all
            return Piece(i, i + 1, run[i], "literal")
    guess = general_punctuation(got) if need == 2 else None
    if guess is not None:
        return Piece(i, j, guess, "inferred")
    return Piece(i, j, "\ufffd", "lost")


def decode_run(run: str) -> list[Piece] | None:
    """Decode a run's cp1252/latin-1 bytes as UTF-8, piece by piece (None: not bytes).

    >>> [(p.text, p.status) for p in decode_run("“Ð¾Ñ")]
    [('“', 'literal'), ('о', 'ok'), ('\ufffd', 'lost')]
    """
    found = _decoded(run)
    return None if found is None else list(found)


@functools.lru_cache(maxsize=2048)
def _decoded(run: str) -> tuple[Piece, ...] | None:
    # Cached: the same runs ("—", "é", "’") come back in every document.
    codes = [byte_of(ch) for ch in run]
    if any(code is None for code in codes):
        return None
    known = [code for code in codes if code is not None]
    pieces: list[Piece] = []
    i = 0
    while i < len(known):
        piece = _sequence(run, known, i) if _continuations(known[i]) else Piece(i, i + 1, run[i], "literal")
        pieces.append(piece)
        i = piece.end
    return tuple(pieces)


def _weight(pieces: Sequence[Piece], statuses: tuple[str, ...]) -> int:
    return sum(p.end - p.start for p in pieces if p.status in statuses)


def convincing(run: str, pieces: Sequence[Piece]) -> bool:
    """Mojibake by ftfy's judgement, and made of enough (nearly) complete sequences.

    >>> convincing("Ã©", decode_run("Ã©")), convincing("É”", decode_run("É”"))
    (True, False)
    """
    decoded = _weight(pieces, ("ok", "inferred"))
    # Half the bytes may be gone: dropped C1 bytes take half of all Cyrillic letters.
    return decoded > 0 and 2 * decoded >= _weight(pieces, ("lost", "literal")) and is_bad(run)


def _kind(pieces: Sequence[Piece]) -> str:
    statuses = {p.status for p in pieces}
    if "lost" in statuses:
        return "mojibake_lost"
    return "mojibake_inferred" if "inferred" in statuses else "mojibake"


def _repair_run(run: str) -> tuple[list[Piece], str] | None:
    """The pieces to write over a run and the fix kind, or None to keep it as written."""
    found = _repair(run)
    return None if found is None else (list(found[0]), found[1])


@functools.lru_cache(maxsize=2048)
def _repair(run: str) -> tuple[tuple[Piece, ...], str] | None:
    pieces = _decoded(run)
    if pieces is not None and convincing(run, pieces):
        return pieces, _kind(pieces)
    if not is_bad(run):
        return None
    fixed = ftfy.fix_text(run, _FTFY)
    if fixed == run:
        return None
    lost = fixed.count("\ufffd") > run.count("\ufffd")
    return (Piece(0, len(run), fixed, "lost" if lost else "ok"),), "mojibake_lost" if lost else "mojibake"


def _lone_leads(run: str, before: str, after: str) -> list[Piece] | None:
    """A run of lead bytes whose continuations were all dropped, as lost characters.

    Only runs that cannot be a real word qualify: two or more leads in a row, a lead
    standing alone between non-letters, or one of the telltale leads "Â", "Ã", "â".
    """
    pieces = decode_run(run)
    if not pieces or any(p.status != "lost" for p in pieces):
        return None
    alone = not (before.isalpha() or after.isalpha())
    if len(pieces) > 1 or alone or run[0] in _TELLTALE_LEADS:
        return pieces
    return None


def _only_lost(run: str) -> bool:
    pieces = decode_run(run) or []
    return bool(pieces) and all(p.status == "lost" for p in pieces)


def _lost_leads(
    text: str, runs: Sequence[Run], untouched: Sequence[int], repaired: int
) -> dict[int, list[Piece]]:
    """Lone lead bytes (run index -> lost pieces) that are dropped-byte damage.

    They are when the document shows such damage (a repaired run, or English contractions
    whose apostrophe became a bare "â": "itâs", "donât") and nothing else on their line
    looks like genuine non-ASCII text ("’", "—", "é" before a quote...). The test is per
    line (a paragraph) so that removing other paragraphs cannot change it.
    """
    if not repaired and ("\u00e2" not in text or len(_BARE_APOSTROPHE.findall(text)) < 2):
        return {}
    breaks = [m.start() for m in re.finditer(r"[\r\n]", text)]
    blocked = {bisect.bisect(breaks, runs[i].start) for i in untouched if not _only_lost(runs[i].text)}
    found: dict[int, list[Piece]] = {}
    for i in untouched:
        run = runs[i]
        if bisect.bisect(breaks, run.start) in blocked:
            continue
        lost = _lone_leads(run.text, text[run.start - 1 : run.start], text[run.end : run.end + 1])
        if lost:
            found[i] = lost
    return found


def plausible(ch: str) -> bool:
    """A character running text is made of: Latin, Greek, Cyrillic, Hebrew, Arabic letters,
    General Punctuation, currency signs, CJK, emoji (not IPA or combining marks).

    >>> plausible("Å"), plausible("ж"), plausible("ɔ")
    (True, True, False)
    """
    code = ord(ch)
    ranges = ((0xA0, 0x17F), (0x370, 0x52F), (0x5D0, 0x6FF), (0x2000, 0x206F), (0x20A0, 0x20CF))
    return any(lo <= code <= hi for lo, hi in ranges) or code >= 0x3000


def _consistent(run: str) -> list[Piece] | None:
    """A run ftfy found too ambiguous ("Ã…" could be written on purpose), decoded when
    the document's other runs are mojibake and it decodes completely to plausible text."""
    pieces = decode_run(run)
    if not pieces or any(p.status not in ("ok", "literal") for p in pieces):
        return None
    decoded = [p.text for p in pieces if p.status == "ok"]
    return pieces if decoded and all(plausible(ch) for ch in "".join(decoded)) else None


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    text: str


def find_runs(text: str) -> list[Run]:
    """Maximal non-ASCII stretches, cut at no-break spaces unless a repair consumes them.

    Layout turns a free-standing no-break space into a space, so it separates runs exactly
    as the cleaned text will: repairing the cleaned text again then finds the same runs.

    >>> [r.text for r in find_runs("a \u00c3\u00a0b \u00e9\u00a0\u00e8 c")]
    ['Ã\xa0', 'é', 'è']
    """
    runs: list[Run] = []
    found = (m for stretch in _NON_ASCII.finditer(text) for m in _RUN.finditer(text, *stretch.span()))
    for m in found:
        if "\u00a0" not in m.group() or _consumes_spaces(m.group()):
            runs.append(Run(m.start(), m.end(), m.group()))
            continue
        cuts = [-1, *(i for i, ch in enumerate(m.group()) if ch == "\u00a0"), len(m.group())]
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            if hi > lo + 1:
                runs.append(Run(m.start() + lo + 1, m.start() + hi, m.group()[lo + 1 : hi]))
    return runs


def _consumes_spaces(run: str) -> bool:
    """The run is repaired on its own and every no-break space in it is a byte of a sequence."""
    found = _repair_run(run) if decode_run(run) is not None else None  # ftfy repairs runs whole
    if found is None:
        return False
    return all(p.status != "literal" for p in found[0] if "\u00a0" in run[p.start : p.end])


def _find_repairs(text: str, runs: Sequence[Run]) -> dict[int, tuple[list[Piece], str]]:
    """Run index -> (pieces, fix kind) for the runs to repair; see the module docstring."""
    repairs: dict[int, tuple[list[Piece], str]] = {}
    for i, run in enumerate(runs):
        found = _repair_run(run.text)
        if found:
            repairs[i] = found
    if repairs:
        for i, run in enumerate(runs):
            pieces = None if i in repairs else _consistent(run.text)
            if pieces:
                repairs[i] = (pieces, "mojibake")
    untouched = [i for i in range(len(runs)) if i not in repairs]
    for i, lost in _lost_leads(text, runs, untouched, len(repairs)).items():
        repairs[i] = (lost, "mojibake_lost")
    return repairs


def _one_round(tracked: TrackedText) -> tuple[TrackedText, list[Fix]]:
    """One pass over the runs of the text, each repair an edit and a :class:`Fix`."""
    runs = find_runs(tracked.text)
    edits: list[Edit] = []
    fixes: list[Fix] = []
    for i, (pieces, kind) in sorted(_find_repairs(tracked.text, runs).items()):
        run = runs[i]
        changed = [
            (run.start + p.start, run.start + p.end, p.text)
            for p in pieces
            if p.text != run.text[p.start : p.end]
        ]
        if changed:
            edits.extend(changed)
            after = "".join(p.text for p in pieces)
            fixes.append(Fix(kind, run.text, after, *tracked.raw_range(run.start, run.end)))
    return (tracked.edit(edits) if edits else tracked), fixes


def repair_mojibake(tracked: TrackedText) -> tuple[TrackedText, list[Fix]]:
    """Repair mojibake runs in place, keeping the clean->raw offset map exact.

    >>> t, fixes = repair_mojibake(TrackedText.from_raw("caf\u00c3\u00a9 \u00e2\u20ac\u0153ok\u00e2\u20ac"))
    >>> t.text, [f.kind for f in fixes]
    ('café “ok”', ['mojibake', 'mojibake', 'mojibake_inferred'])
    >>> t.raw_range(3, 4)
    (3, 5)
    """
    fixes: list[Fix] = []
    for _ in range(_MAX_ROUNDS):
        tracked, found = _one_round(tracked)
        if not found:
            break
        fixes.extend(found)
    return tracked, fixes
