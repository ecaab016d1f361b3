"""The search syntax of the SQLite store (FTS5's), translated into a PostgreSQL tsquery.

Users write the same queries whatever the backend: barewords, ``"quoted phrases"``, a trailing
``*`` for a prefix, ``AND`` / ``OR`` / binary ``NOT`` (FTS5 precedence: NOT, then AND, then
OR), implicit AND and parentheses. What FTS5 rejects is rejected here too, with the same
message. Column filters, ``NEAR(...)``, ``^`` and ``+`` are SQLite-only and say so.

The result is a SQL expression over bound parameters: query text never becomes SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import QueryError
from .sqlbase import search_syntax_error

#: The text search configuration created by migrations/postgres/0001_initial.sql.
CONFIG = "corroborate"

_SQLITE_ONLY = {":": "column filters", "^": "'^' (first token)", "+": "'+' phrase joins",
                "{": "column filters", "}": "column filters", "-": "column filters"}  # fmt: skip
_OPERATORS = ("AND", "OR", "NOT")


def _bareword_char(c: str) -> bool:
    """FTS5 barewords: ASCII letters and digits, '_', U+001A, and anything beyond ASCII."""
    return not c.isascii() or c.isalnum() or c in "_\x1a"


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "phrase", "(", ")", "*", or an operator
    text: str = ""


def tokens(query: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(query):
        c = query[i]
        if c.isspace():
            i += 1
        elif c in "()*":
            out.append(Token(c))
            i += 1
        elif c == '"':
            i = _quoted(query, i, out)
        elif _bareword_char(c):
            j = i
            while j < len(query) and _bareword_char(query[j]):
                j += 1
            word = query[i:j]
            if word == "NEAR" and query[j : j + 1] == "(":
                raise search_syntax_error(query, "NEAR(...) works only with the SQLite store")
            out.append(Token(word) if word in _OPERATORS else Token("word", word))
            i = j
        elif c in _SQLITE_ONLY:
            raise search_syntax_error(query, f"{_SQLITE_ONLY[c]} work only with the SQLite store")
        else:
            raise search_syntax_error(query, f"syntax error near {c!r}")
    return out


def _quoted(query: str, start: int, out: list[Token]) -> int:
    """Read a "phrase" ("" inside is a literal quote); return the index after it."""
    text: list[str] = []
    i = start + 1
    while i < len(query):
        if query[i] == '"':
            if query[i + 1 : i + 2] != '"':
                out.append(Token("phrase", "".join(text)))
                return i + 1
            i += 1
        text.append(query[i])
        i += 1
    raise search_syntax_error(query, "unterminated string")


#: Deeper nesting is refused (Python's recursion limit would be reached long before a real query).
MAX_NESTING = 32


class _Parser:
    """Recursive descent over the FTS5 grammar, building (sql, params)."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = tokens(query)
        self.pos = 0
        self.params: list[str] = []
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos].kind if self.pos < len(self.tokens) else None

    def fail(self) -> QueryError:
        near = (self.tokens[self.pos].text or self.tokens[self.pos].kind) if self.peek() else "end of query"
        return search_syntax_error(self.query, f"syntax error near {near!r}")

    def parse(self) -> str:
        sql = self.or_expr()
        if self.peek() is not None:
            raise self.fail()
        return sql

    def or_expr(self) -> str:
        sql = self.and_expr()
        while self.peek() == "OR":
            self.pos += 1
            sql = f"({sql} || {self.and_expr()})"
        return sql

    def and_expr(self) -> str:
        sql = self.not_expr()
        while self.peek() in ("AND", "word", "phrase", "("):
            if self.peek() == "AND":
                self.pos += 1
            sql = f"({sql} && {self.not_expr()})"
        return sql

    def not_expr(self) -> str:
        sql = self.primary()
        while self.peek() == "NOT":
            self.pos += 1
            sql = f"({sql} && !!{self.primary()})"
        return sql

    def primary(self) -> str:
        kind = self.peek()
        if kind == "(":
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise search_syntax_error(self.query, f"more than {MAX_NESTING} nested parentheses")
            self.pos += 1
            sql = self.or_expr()
            self.depth -= 1
            if self.peek() != ")":
                raise self.fail()
            self.pos += 1
            return sql
        if kind not in ("word", "phrase"):
            raise self.fail()
        text = self.tokens[self.pos].text
        self.pos += 1
        if self.peek() == "*":
            self.pos += 1
            return self.prefix(text)
        self.params.append(text)
        return f"phraseto_tsquery('{CONFIG}', ?)"

    def prefix(self, text: str) -> str:
        """A phrase whose last word is a prefix: 'storm' <-> 'rep':*."""
        words = [w for w in re.split(r"\W+", text) if w]
        if not words:
            return f"phraseto_tsquery('{CONFIG}', '')"
        self.params.append(" <-> ".join(f"'{w}'" for w in words) + ":*")
        return f"to_tsquery('{CONFIG}', ?)"


def to_tsquery_sql(query: str) -> tuple[str, list[str]]:
    """A SQL expression (with ``?`` parameters, as all shared SQL) whose value is the tsquery of ``query``.

    >>> to_tsquery_sql('"harbour bridge" AND reopen*')
    ("(phraseto_tsquery('corroborate', ?) && to_tsquery('corroborate', ?))", ['harbour bridge', "'reopen':*"])
    """
    parser = _Parser(query)
    if not parser.tokens:
        raise search_syntax_error(query, "empty query")
    return parser.parse(), parser.params
