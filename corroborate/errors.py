"""Exceptions named for what went wrong. Messages say how to fix the problem."""

from __future__ import annotations


class CorroborateError(Exception):
    """Base class of every error corroborate raises on purpose."""


class InputError(CorroborateError):
    """One input (a file, or one line of it) could not be read as an article.

    >>> str(InputError("feed.jsonl", "malformed JSON: Expecting value", line=3))
    'feed.jsonl:3: malformed JSON: Expecting value'
    """

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class StoreError(CorroborateError):
    """The store cannot be opened or written."""


class SchemaError(StoreError):
    """The store's schema is newer than this program, or damaged."""


class QueryError(CorroborateError):
    """A search query is not valid syntax."""


class NotFoundError(CorroborateError):
    """An id names nothing in the store."""


class DataNotFound(CorroborateError, FileNotFoundError):
    """Evaluation data is absent; harnesses say so and the caller skips."""
