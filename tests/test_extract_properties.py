"""The whole extract stage never raises on odd text, and every span points at the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.model import RawDocument
from corroborate.pipeline import run_stages
from corroborate.settings import Settings

ODD = st.sampled_from(['"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u2018", "\u2019", "\u05e9\u05dc\u05d5\u05dd",
                       "\U0001f600", "SAID", " said ", "\n", "\n\n", ". ", "Mr. ", "on Monday", "according to"])  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(ODD, st.text(max_size=12)), max_size=60).map("".join),
    st.integers(1, 3000).map(lambda n: '"' + "word " * n),  # a quote that never closes
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extract_never_raises_and_spans_point_at_the_text(text):
    article = run_stages(RawDocument("odd.txt", text, "text"), Settings())
    x = article.extraction
    spans = [
        *x.sentences,
        *(m.span for m in x.mentions),
        *(t.span for t in x.times),
        *(c.span for c in x.claims),
    ]
    spans += [q.content for q in x.quotes] + [s for q in x.quotes for s in (q.speaker, q.cue) if s]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(article.text)
        assert span.text == article.text[span.start : span.end]
        assert 0 <= span.raw_start <= span.raw_end <= len(article.raw_text)
