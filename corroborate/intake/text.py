"""Plain text: the whole decoded file is the article, exactly as written."""

from __future__ import annotations

from ..errors import InputError
from ..model import RawDocument
from ..settings import Settings
from .common import sha256_hex
from .encoding import Decoded


def read_text(
    data: bytes, decoded: Decoded, source: str, settings: Settings
) -> list[RawDocument | InputError]:
    """No external id: the caller identifies a text file by its path."""
    return [
        RawDocument(
            source=source,
            text=decoded.text,
            format="text",
            encoding=decoded.encoding,
            input_hash=sha256_hex(data),
        )
    ]
