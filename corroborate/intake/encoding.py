"""Bytes -> text, choosing the encoding the author most plausibly used.

Order matters: byte-order marks are certain, then UTF-8 (which almost never decodes
by accident), then the Windows code pages news sites really used, and only then
charset-normalizer's statistical guess, which is unreliable on short texts. Nothing
here changes the text beyond decoding it: mojibake repair happens later, where each
fix can be recorded.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import InputError
from .common import SUPPORTED

#: Checked longest first, because the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Encodings a news page or feed realistically uses. Limiting charset-normalizer to these
#: stops it picking exotic code pages (EBCDIC, DOS, Mac) that happen to decode noise.
_WEB_ENCODINGS = [
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "iso8859_15", "koi8_r", "koi8_u",
    "cp866", "cp874", "gb18030", "big5", "euc_jp", "shift_jis", "iso2022_jp", "euc_kr",
]  # fmt: skip
#: charset-normalizer measures no language coherence for these, so low chaos is all we get.
_CJK = {"gb18030", "big5", "euc_jp", "shift_jis", "iso2022_jp", "euc_kr"}

_SAMPLE = 65536
#: Share of control bytes above which a file is data, not prose.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = set("\t\n\v\f\r\x1b")
#: Characters that legitimately sit between two letters in Latin-script words.
_WORD_JOINERS = set("’‘'·-–—…")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode a whole input, or raise InputError saying why it is not text."""
    bom = _decode_bom(data, source)
    if bom is not None:
        return _checked_controls(bom, source)
    if b"\x00" in data:
        return _checked_controls(_decode_utf16_without_bom(data, source), source)
    _reject_control_bytes(data, source)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    guess = _guess_legacy(data)
    if guess is None:
        raise InputError(
            source,
            f"undecodable bytes: not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) "
            "and no other encoding fits; re-save the file as UTF-8",
        )
    return guess


def _decode_bom(data: bytes, source: str) -> Decoded | None:
    """A byte-order mark is the author telling us the encoding, so trust it strictly."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data if encoding == "utf-8-sig" else data[len(bom) :]
            try:
                return Decoded(body.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                offset = exc.start + (0 if encoding == "utf-8-sig" else len(bom))
                raise InputError(
                    source,
                    f"undecodable bytes: the file starts with a {encoding} byte-order mark "
                    f"but is not valid {encoding} (at byte offset {offset})",
                ) from exc
    return None


def _decode_utf16_without_bom(data: bytes, source: str) -> Decoded:
    """NULs are binary, unless they alternate the way mostly-ASCII UTF-16 does."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.3 * len(zeros) and other.count(0) <= 0.05 * len(other):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                break
    raise InputError(source, f"binary file (NUL bytes at offset {data.index(0)}); {SUPPORTED}")


#: C0 controls no text file needs (tab, newlines, form feed and escape are allowed).
_SUSPICIOUS_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _control_share(text: str) -> float:
    """Share of characters that are C0 controls no text file needs."""
    sample = text[:_SAMPLE]
    controls = len(_SUSPICIOUS_CONTROLS.findall(sample))
    return controls / max(1, len(sample))


def _reject_control_bytes(data: bytes, source: str) -> None:
    """Latin-1 maps each byte to one character, so the text check also works on raw bytes."""
    share = _control_share(data[:_SAMPLE].decode("latin-1"))
    if share > _MAX_CONTROL_SHARE:
        raise InputError(source, f"binary file ({share:.0%} control bytes); {SUPPORTED}")


def _checked_controls(decoded: Decoded, source: str) -> Decoded:
    share = _control_share(decoded.text)
    if share > _MAX_CONTROL_SHARE:
        raise InputError(source, f"binary file ({share:.0%} control characters); {SUPPORTED}")
    return decoded


def _latin(data: bytes) -> Decoded | None:
    """cp1252 (a superset of Latin-1 for printable text) when the result reads as Latin script."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if not _plausible_latin(text):
        return None
    uses_c1_range = any(0x80 <= byte <= 0x9F for byte in data)
    return Decoded(text, "cp1252" if uses_c1_range else "latin-1")


def _plausible_latin(text: str) -> bool:
    """Accents are sprinkled among ASCII letters; other code pages read as cp1252 are not.

    Cyrillic bytes become whole words of accented letters ("Ïðèâåò"); Central European
    bytes put symbols inside words ("gê¶l±").
    """
    accented_words = [w for w in _words(text) if any(ord(ch) > 127 for ch in w)]
    all_accented = [w for w in accented_words if len(w) > 1 and all(ord(ch) > 127 for ch in w)]
    if len(all_accented) > 0.2 * len(accented_words):
        return False
    sample = text[:_SAMPLE]
    high = [i for i, ch in enumerate(sample) if ord(ch) > 127]
    odd = [i for i in high if not sample[i].isalpha() and _between_letters(sample, i)]
    return len(odd) <= 0.1 * len(high)


def _between_letters(text: str, i: int) -> bool:
    inside = 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
    return inside and text[i] not in _WORD_JOINERS


def _cyrillic(data: bytes) -> Decoded | None:
    """cp1251 when the result reads as Russian/Ukrainian/Bulgarian prose."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    return Decoded(text, "cp1251") if _plausible_cyrillic(text) else None


def _plausible_cyrillic(text: str) -> bool:
    """Real Cyrillic prose uses the core alphabet, mostly lower case, in single-script words.

    The case test rejects KOI8-R read as cp1251, which swaps upper and lower case.
    """
    cyrillic = [ch for ch in text[:_SAMPLE] if "CYRILLIC" in unicodedata.name(ch, "")]
    if not cyrillic:
        return False
    core = sum(1 for ch in cyrillic if "А" <= ch <= "я" or ch in "Ёё")
    upper = sum(1 for ch in cyrillic if ch.isupper())
    words = [w for w in _words(text) if any("CYRILLIC" in unicodedata.name(ch, "") for ch in w)]
    mixed = sum(1 for w in words if any(ch.isascii() for ch in w))
    return core >= 0.8 * len(cyrillic) and upper <= 0.5 * len(cyrillic) and mixed <= 0.1 * len(words)


def _words(text: str) -> list[str]:
    """Runs of letters in the sample; enough to judge which script a text is in."""
    return _LETTER_RUN.findall(text[:_SAMPLE])


def _guess_legacy(data: bytes) -> Decoded | None:
    """charset-normalizer picks the script; within Latin and Cyrillic we prefer the Windows code pages.

    Its statistics often name a sibling code page (cp1250 for French, mac_cyrillic for
    Russian) that decodes most bytes the same way but a few differently. Without language
    evidence (short texts; CJK, which it does not score) our cp1252 and cp1251 checks go
    first, because any short byte string also "decodes" as some CJK encoding.
    """
    best = from_bytes(data, cp_isolation=_WEB_ENCODINGS).best()
    if best is None or best.chaos > 0.1:
        return _latin(data) or _cyrillic(data)
    statistical = Decoded(str(best), best.encoding)
    if best.coherence < 0.2:
        fallback = statistical if best.encoding in _CJK else None
        return _latin(data) or _cyrillic(data) or fallback
    script = _main_script(statistical.text)
    if script == "LATIN":
        return _latin(data) or statistical
    if script == "CYRILLIC":
        return _cyrillic(data) or statistical
    return statistical


def _main_script(text: str) -> str:
    """The script most non-ASCII letters belong to ("LATIN" when there are none)."""
    counts: dict[str, int] = {}
    for ch in text[:_SAMPLE]:
        if ord(ch) > 127 and ch.isalpha():
            script = unicodedata.name(ch, "UNKNOWN").split()[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "LATIN"
