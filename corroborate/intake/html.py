"""HTML -> article text and the metadata the page declares.

trafilatura finds the main text and reads the page's own metadata. Later stages keep
offsets into the text extracted here, not into the markup.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document

from ..errors import InputError
from ..model import RawDocument, SourceMeta
from ..settings import Settings
from .common import accept_date, latest_date, sha256_hex
from .encoding import Decoded

#: Elements that start a new line when a fragment is flattened to text.
_BLOCKS = (
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
)  # fmt: skip
_SPACE = re.compile(r"\s+")


class NoArticleText(Exception):
    """The markup holds no article text; callers add where it came from."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Extracted:
    text: str
    meta: SourceMeta


def read_html(
    data: bytes, decoded: Decoded, source: str, settings: Settings
) -> list[RawDocument | InputError]:
    """A whole file that is one HTML page; no text means nothing worth storing from it."""
    try:
        extracted = extract_article(decoded.text, settings)
    except NoArticleText as exc:
        raise InputError(source, exc.reason) from exc
    return [
        RawDocument(
            source=source,
            text=extracted.text,
            format="html",
            encoding=decoded.encoding,
            meta=extracted.meta,
            input_hash=sha256_hex(data),
        )
    ]


def extract_article(
    html: str, settings: Settings, url: str | None = None, latest: dt.date | None = None
) -> Extracted:
    """Main text (paragraphs joined by "\\n") and declared metadata of one page.

    ``url`` is the address the page came from (kept unless the page names a canonical
    one); ``latest`` is the last believable publication day (e.g. the fetch date).
    """
    latest = latest or latest_date(settings)
    doc = _run_trafilatura(html, url, latest)
    text = (doc.text or "").strip() if doc is not None else ""
    if doc is None or not text:
        raise NoArticleText("HTML has no article text (no main content found in the page)")
    return Extracted(text, _page_meta(doc, text, settings, url, latest))


def _run_trafilatura(html: str, url: str | None, latest: dt.date) -> Document | None:
    # Non-extensive date search: only dates the page declares in its markup, never one
    # guessed from numbers in the body text.
    date_params = {"original_date": True, "extensive_search": False, "max_date": latest.isoformat()}
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
            date_extraction_params=date_params,
        )
    except Exception as exc:  # lxml and trafilatura raise many types on hostile markup
        raise NoArticleText(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    return doc if isinstance(doc, Document) else None


def _page_meta(doc: Document, text: str, settings: Settings, url: str | None, latest: dt.date) -> SourceMeta:
    """trafilatura already prefers og:url and <link rel=canonical> over the fetch URL."""
    return SourceMeta(
        url=doc.url or url,
        outlet=doc.sitename or None,
        title=doc.title or None,
        subtitle=_subtitle(doc.description, doc.title, text),
        author=doc.author or None,
        published=accept_date(doc.date, settings, latest),
    )


def _subtitle(description: str | None, title: str | None, text: str) -> str | None:
    """A meta description is a deck only if it adds something.

    Many sites fill it with the title or the first sentence of the story; reporting
    that as a subtitle would have the cleaner strip real body text.
    """
    if not description:
        return None
    core = _squash(description).rstrip(" .…")
    if not core or core == _squash(title or "").rstrip(" .…"):
        return None
    lead = _squash(text[: 3 * len(description) + 200])
    return None if core in lead else description.strip()


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry body), one block per line.

    trafilatura drops boilerplate such as share links, but it skips short fragments
    entirely and can be too eager on longer ones; then the plain flattening wins.
    """
    flat = _flatten(fragment)
    try:
        doc = trafilatura.bare_extraction(fragment, include_comments=False, include_tables=False)
    except Exception:  # a fragment trafilatura cannot handle still has its plain text
        return flat
    extracted = (doc.text or "").strip() if isinstance(doc, Document) else ""
    return extracted if len(extracted) * 2 >= len(flat) else flat


def _flatten(fragment: str) -> str:
    """lxml's text_content with block elements on their own lines and HTML whitespace collapsed."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for junk in root.xpath("//script|//style"):
        junk.drop_tree()
    for element in root.iter(lxml.etree.Element):
        element.text = _SPACE.sub(" ", element.text) if element.text else element.text
        element.tail = _SPACE.sub(" ", element.tail) if element.tail else element.tail
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (line.strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
