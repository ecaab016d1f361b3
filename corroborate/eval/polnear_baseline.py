"""The naive baseline: every double-quoted stretch is a quote, its speaker the
name or pronoun right beside a "said"-type verb next to it.

It exists to sanity-check the metric code (it should land near 40 direct-quote
recall and 10 content+speaker F1 on PolNeAR dev) and to show what the real
extractor adds.
"""

from __future__ import annotations

import re

from ..extract.base import Attribution, Extent

_QUOTE = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"|''[^'\n]+''")
_NAME = r"(?:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}|he|she|they|I|we)"
_VERB = r"(?:said|says|told|added|asked|wrote)"
_AFTER = re.compile(rf"\s*(?:(?P<s1>{_NAME}) (?P<c1>{_VERB})\b|(?P<c2>{_VERB}) (?P<s2>{_NAME}))")
_BEFORE = re.compile(rf"(?P<s3>{_NAME}) (?P<c3>{_VERB}):?\s*$")


def naive_attributions(text: str) -> list[Attribution]:
    """Quoted stretches with the adjacent "X said" / "said X", if any.

    >>> text = '"Go," he said.'
    >>> [text[a.source.start:a.source.end] for a in naive_attributions(text)]
    ['he']
    """
    out = []
    for m in _QUOTE.finditer(text):
        source = cue = None
        after = _AFTER.match(text, m.end())
        before = _BEFORE.search(text, max(0, m.start() - 80), m.start())
        hit = after or before
        if hit:
            for s_name, c_name in (("s1", "c1"), ("s2", "c2"), ("s3", "c3")):
                if hit.re.groupindex.get(s_name) and hit.group(s_name):
                    source = Extent(hit.start(s_name), hit.end(s_name))
                    cue = Extent(hit.start(c_name), hit.end(c_name))
                    break
        out.append(Attribution("direct", Extent(m.start(), m.end()), source, cue))
    return out
