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
* Runs outside that alphabet (UTF-8 read as cp1251 or MacRoman, ...) are left to
  ``ftfy.fix_text`` with every normalisation other than the encoding fix off.
* A lead byte standing alone (its continuation dropped) is only taken as lost when
  the document shows the damage elsewhere and nothing in it looks like genuine
  non-ASCII text; see :func:`_lone_leads_are_lost`.

Repairs run until nothing changes (at most three rounds) so that text that was
mis-decoded twice is repaired too, and repairing repaired text changes nothing.
"""

from __future__ import annotations

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
_CP1252 = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
#: Lone lead bytes that are implausible as real letters: "Â"/"Ã" start Latin-1 Supplement
#: mojibake and "â" General Punctuation; Ð, Ñ, é... are real letters in real words.
_TELLTALE_LEADS = "ÂÃâ"
_MAX_ROUNDS = 3
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
    codes = [byte_of(ch) for ch in run]
    if any(code is None for code in codes):
        return None
    known = [code for code in codes if code is not None]
    pieces: list[Piece] = []
    i = 0
    while i < len(known):
        if _continuations(known[i]):
            piece = _sequence(run, known, i)
        else:
            piece = Piece(i, i + 1, run[i], "literal")
        pieces.append(piece)
        i = piece.end
    return pieces


def _weight(pieces: Sequence[Piece], statuses: tuple[str, ...]) -> int:
    return sum(p.end - p.start for p in pieces if p.status in statuses)


def convincing(run: str, pieces: Sequence[Piece]) -> bool:
    """Mojibake by ftfy's judgement, and mostly made of (nearly) complete sequences.

    >>> convincing("Ã©", decode_run("Ã©")), convincing("É”", decode_run("É”"))
    (True, False)
    """
    decoded = _weight(pieces, ("ok", "inferred"))
    return decoded > 0 and decoded >= _weight(pieces, ("lost", "literal")) and is_bad(run)


def _kind(pieces: Sequence[Piece]) -> str:
    statuses = {p.status for p in pieces}
    if "lost" in statuses:
        return "mojibake_lost"
    return "mojibake_inferred" if "inferred" in statuses else "mojibake"


def _repair_run(run: str) -> tuple[list[Piece], str] | None:
    """The pieces to write over a run and the fix kind, or None to keep it as written."""
    pieces = decode_run(run)
    if pieces is not None and convincing(run, pieces):
        return pieces, _kind(pieces)
    if not is_bad(run):
        return None
    fixed = ftfy.fix_text(run, _FTFY)
    if fixed == run:
        return None
    lost = fixed.count("\ufffd") > run.count("\ufffd")
    return [Piece(0, len(run), fixed, "lost" if lost else "ok")], "mojibake_lost" if lost else "mojibake"


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


def _lone_leads_are_lost(repaired: int, untouched: Sequence[str]) -> bool:
    """Lone lead bytes are dropped-byte damage when the document shows such damage
    elsewhere and every run left untouched is made of lead bytes only: genuine
    non-ASCII text ("’", "—", "é" before a quote...) would leave other runs behind."""
    if not repaired:
        return False
    for run in untouched:
        pieces = decode_run(run)
        if pieces is None or any(p.status != "lost" for p in pieces):
            return False
    return True


def _run_edits(start: int, pieces: Sequence[Piece], run: str) -> list[Edit]:
    return [(start + p.start, start + p.end, p.text) for p in pieces if p.text != run[p.start : p.end]]


def _one_round(tracked: TrackedText) -> tuple[TrackedText, list[Fix]]:
    """One pass over the runs of the text; see the module docstring."""
    text = tracked.text
    repairs: list[tuple[re.Match[str], list[Piece], str]] = []
    untouched: list[re.Match[str]] = []
    for m in _RUN.finditer(text):
        found = _repair_run(m.group())
        if found:
            repairs.append((m, *found))
        else:
            untouched.append(m)
    if _lone_leads_are_lost(len(repairs), [m.group() for m in untouched]):
        for m in untouched:
            lost = _lone_leads(m.group(), text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1])
            if lost:
                repairs.append((m, lost, "mojibake_lost"))
    edits: list[Edit] = []
    fixes: list[Fix] = []
    for m, pieces, kind in sorted(repairs, key=lambda r: r[0].start()):
        run_edits = _run_edits(m.start(), pieces, m.group())
        if run_edits:
            edits.extend(run_edits)
            after = "".join(p.text for p in pieces)
            fixes.append(Fix(kind, m.group(), after, *tracked.raw_range(m.start(), m.end())))
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
