"""An alternation of plain words as a tree the regex engine walks letter by letter.

``(?:sign|subscribe|share|...)`` makes the engine try each word in turn wherever it looks;
written as a tree (``s(?:ign|ubscribe|hare)``) it follows one branch per letter. The two
match exactly the same strings, so a pattern built with either finds the same matches.
"""

from __future__ import annotations

import re


def exact_alternation(words: tuple[str, ...]) -> str:
    """A pattern matching exactly ``words`` (each taken literally), as a tree of their letters.

    >>> exact_alternation(("log", "login", "like"))
    'l(?:ike|og(?:in)?)'
    >>> bool(re.fullmatch(exact_alternation(("log", "login", "do not")), "do not"))
    True
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(tree) if words else "(?!)"


def _branches(node: dict[str, dict]) -> str:
    found = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not found:
        return ""
    body = found[0] if len(found) == 1 else "(?:" + "|".join(found) + ")"
    if "" not in node:
        return body
    return body + "?" if len(body) == 1 else f"(?:{body})?"  # a word may also end here
