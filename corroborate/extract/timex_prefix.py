"""Which time rules can match where: a static reading of each rule's regex, so that a
candidate position is tried with the few rules that can start with its first characters.

Trying every rule in turn at a candidate (one alternation of all of them) was the costliest
step of time extraction: most rules open with long optional word lists ("about", "the past",
number words) that the regex engine walks through before failing. Here each pattern's parse
tree is read once for the single-character tests its first :data:`PREFIX` characters must
pass (a trie of tests); at a position only the rules whose trie accepts the next characters
are tried, in the same priority order, so the first rule that matches is the same as before.

The reading only ever lets too many rules through, never too few: lookarounds are skipped,
anything it does not know reads as "any character", and a text that ends early passes. If
the standard library's regex parser is not importable (a private module), every rule is tried.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

#: Characters read at a position; three tell "the"/"two"/"thu" apart, more gained little.
PREFIX = 3
#: Positions' prefixes remembered; a long-running worker clears them past this.
_MAX_MEMO = 20000
#: A trie of character tests: test -> subtrie; the key ``None`` marks "may end (or anything) here".
Trie = dict[Any, Any]

try:
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _ops: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without them tries every rule
    _parser = _compiler = _ops = None


class RuleFilter:
    """The rules (indexes into the patterns given) that may match at a position of a text.

    >>> f = RuleFilter([r"(?i:next)\\s+week", r"\\d{4}", r"(?:the\\s+)?past"])
    >>> f.rules_at("Next week", 0), f.rules_at("in 2024", 3), f.rules_at("the past", 0)
    ((0,), (1,), (2,))
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self._tests: dict[tuple[Any, ...], re.Pattern[str]] = {}
        self._tries = [self._trie(p) for p in patterns]
        self._memo: dict[str, tuple[int, ...]] = {}
        #: (id of a trie node, character) -> the subtries the character leads to
        self._steps: dict[tuple[int, str], list[Trie]] = {}

    def rules_at(self, text: str, pos: int) -> tuple[int, ...]:
        """Indexes, ascending, of the patterns that can match ``text`` at ``pos``."""
        key = text[pos : pos + PREFIX]
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > _MAX_MEMO:
                self._memo.clear()
                self._steps.clear()
            found = tuple(i for i, t in enumerate(self._tries) if t is None or self._accepts(t, key))
            self._memo[key] = found
        return found

    def _accepts(self, trie: Trie, chars: str) -> bool:
        if None in trie or not chars:
            return True
        rest = chars[1:]
        return any(self._accepts(sub, rest) for sub in self._step(trie, chars[0]))

    def _step(self, trie: Trie, char: str) -> list[Trie]:
        key = (id(trie), char)
        found = self._steps.get(key)
        if found is None:
            found = self._steps[key] = [
                sub
                for test, sub in trie.items()
                if test is _ANY or (test is not None and self._tests[test].match(char) is not None)
            ]
        return found

    def _trie(self, pattern: str) -> Trie | None:
        """The prefix trie of ``pattern``; None (try it everywhere) if it cannot be read."""
        if _parser is None:
            return None
        try:
            parsed = _parser.parse(pattern, 0)
            paths = _Reader(self._tests, parsed.state).sequence(parsed.data, parsed.state.flags)
        except Exception:  # noqa: BLE001 - a pattern this reader does not know is simply always tried
            return None
        trie: Trie = {}
        for path in paths:
            node = trie
            for test in path:
                node = node.setdefault(test, {})
            node[None] = True
        return trie


#: A test every character passes (what the reader does not know).
_ANY = ("any",)
Paths = set[tuple[Any, ...]]


class _Reader:
    """First-``PREFIX``-character paths of a parsed pattern: tuples of single-character tests;
    a path shorter than ``PREFIX`` is one where the pattern may end (or anything follows)."""

    def __init__(self, tests: dict[tuple[Any, ...], re.Pattern[str]], state: Any) -> None:
        self.tests, self.state = tests, state

    def sequence(self, items: Any, flags: int) -> Paths:
        paths: Paths = {()}
        for op, av in items:
            if all(len(p) >= PREFIX for p in paths):
                break
            paths = _concat(paths, self.item(op, av, flags))
        return paths

    def item(self, op: Any, av: Any, flags: int) -> Paths:
        o = _ops
        if op in (o.LITERAL, o.NOT_LITERAL, o.IN, o.ANY):
            return {(self._test(op, av, flags),)}
        if op is o.SUBPATTERN:
            return self.sequence(av[3], (flags | av[1]) & ~av[2])
        if op is o.BRANCH:
            return set().union(*(self.sequence(alt, flags) for alt in av[1]))
        if op in (o.MAX_REPEAT, o.MIN_REPEAT, o.POSSESSIVE_REPEAT):
            return self._repeat(av[0], av[1], self.sequence(av[2], flags))
        if op is o.ATOMIC_GROUP:
            return self.sequence(av, flags)
        if op in (o.AT, o.ASSERT, o.ASSERT_NOT):
            return {()}  # zero width; ignoring its condition only lets more through
        return {(_ANY,) * PREFIX}

    @staticmethod
    def _repeat(least: int, most: int, inner: Paths) -> Paths:
        # Past PREFIX copies nothing new can show within the first PREFIX characters.
        out: Paths = set()
        paths: Paths = {()}
        for n in range(min(most, PREFIX) + 1):
            if n >= min(least, PREFIX):
                out |= paths
            paths = _concat(paths, inner)
        return out

    def _test(self, op: Any, av: Any, flags: int) -> tuple[Any, ...]:
        """A key for the one-character regex of this item, compiled once."""
        key = (op, repr(av), flags)
        if key not in self.tests:
            self.tests[key] = _compiler.compile(_parser.SubPattern(self.state, [(op, av)]), flags)
        return key


def _concat(heads: Paths, tails: Paths) -> Paths:
    out: Paths = set()
    for h in heads:
        if len(h) >= PREFIX:
            out.add(h)
        else:
            out.update((h + t)[:PREFIX] for t in tails)
    return out
