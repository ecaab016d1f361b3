"""Generated articles wrapped as ordinary news web pages, for the trafilatura comparison.

A page has what a news site's article page has: a head with Open Graph and JSON-LD
metadata, a stylesheet and scripts, a cookie banner, a header with the outlet's
name and a navigation bar, the article (headline, deck, byline, time, paragraphs, a
figure with caption, share buttons, tags), a sidebar with "most read" and a newsletter
box, related stories and a footer with link columns and a copyright line. All names
are invented (``bench/corpus.py``). Pages are about 14 KB; real ones are often larger,
with more scripts, which would only make trafilatura slower.

    >>> page = news_page({"id": "a1", "url": "https://x.example/a1", "outlet": "Hollin Post",
    ...                   "title": "Bridge reopens", "author": "Ana Pell", "published": "2024-05-01T10:00:00Z",
    ...                   "text": "First paragraph.\\n\\nSecond paragraph."})
    >>> "<article" in page and "Second paragraph." in page and page.count("<li") > 20
    True
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping

_SECTIONS = ("World", "Politics", "Business", "Science", "Health", "Sport", "Culture", "Opinion",
             "Weather", "Local", "Travel", "Technology")  # fmt: skip
_HEADLINES = tuple(
    f"{a} {b}"
    for a, b in zip(
        (
            "Council",
            "Harbour",
            "Rail",
            "School",
            "Museum",
            "Market",
            "River",
            "Airport",
            "Festival",
            "Clinic",
        ),
        (
            "budget approved after long debate",
            "works delayed again",
            "fares to rise in spring",
            "wins national award",
            "reopens after repairs",
            "traders protest new rules",
            "levels fall after dry month",
            "adds three routes",
            "draws record crowds",
            "extends opening hours",
        ),
        strict=True,
    )
)
_STYLE = "body{font-family:Georgia,serif;margin:0}" + "".join(
    f".c{i}{{margin:{i}px;padding:{i % 7}px;color:#{i * 1117 % 4096:03x}}}" for i in range(60)
)
_SCRIPT = (
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
    "gtag('js',new Date());gtag('config','UA-000000-1');"
    + "".join(f"var slot{i}={{id:'ad-{i}',sizes:[[300,250],[728,90]],lazy:true}};" for i in range(12))
)
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n|\n")


def _links(prefix: str, labels: tuple[str, ...], cls: str) -> str:
    items = "".join(
        f'<li class="{cls}"><a href="/{prefix}/{i}">{html.escape(t)}</a></li>' for i, t in enumerate(labels)
    )
    return f"<ul>{items}</ul>"


def _head(rec: Mapping[str, str | None], title: str) -> str:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": rec.get("title"),
          "datePublished": rec.get("published"), "author": {"@type": "Person", "name": rec.get("author")},
          "publisher": {"@type": "Organization", "name": rec.get("outlet")}}  # fmt: skip
    meta = {"og:title": rec.get("title"), "og:type": "article", "og:url": rec.get("url"),
            "og:site_name": rec.get("outlet"), "article:published_time": rec.get("published")}  # fmt: skip
    tags = "".join(f'<meta property="{k}" content="{html.escape(v or "")}">' for k, v in meta.items())
    return (
        f'<head><meta charset="utf-8"><title>{title} | {html.escape(rec.get("outlet") or "")}</title>'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="author" content="{html.escape(rec.get("author") or "")}">{tags}'
        f'<link rel="canonical" href="{html.escape(rec.get("url") or "")}"><style>{_STYLE}</style>'
        f'<script type="application/ld+json">{json.dumps(ld)}</script><script>{_SCRIPT}</script></head>'
    )


def _header(outlet: str) -> str:
    return (
        '<div id="cookie-banner" class="c1"><p>We use cookies to improve your experience. By continuing '
        "you agree to our cookie policy.</p><button>Accept</button><button>Settings</button></div>"
        f'<header class="c2"><a class="logo" href="/">{outlet}</a><form action="/search"><input name="q">'
        f'<button>Search</button></form><a href="/subscribe">Subscribe</a><a href="/login">Sign in</a></header>'
        f'<nav class="c3">{_links("section", _SECTIONS, "nav-item")}</nav>'
    )


def _article(rec: Mapping[str, str | None], title: str) -> str:
    paragraphs = [
        f"<p>{html.escape(p.strip())}</p>" for p in _PARAGRAPH_SPLIT.split(rec.get("text") or "") if p.strip()
    ]
    figure = ('<figure class="c4"><img src="/img/photo.jpg" alt=""><figcaption>The scene on the day. '
              "Photograph: Staff photographer</figcaption></figure>")  # fmt: skip
    body = "".join(paragraphs[:2]) + figure + "".join(paragraphs[2:])  # the photo after the lead, as sites do
    author = html.escape(rec.get("author") or "Staff")
    published = html.escape(rec.get("published") or "")
    return (
        f'<main><article class="c5"><h1>{title}</h1><p class="byline">By <a href="/author">{author}</a> '
        f'<time datetime="{published}">{published}</time></p>'
        '<div class="share"><a href="/share/f">Share</a><a href="/share/x">Post</a><a href="/share/m">Email</a></div>'
        f'<div class="article-body">{body}</div>'
        f'<div class="tags">{_links("tag", _SECTIONS[:4], "tag")}</div></article>'
    )


def _aside_and_footer(outlet: str) -> str:
    columns = "".join(
        f"<div class='c6'><h4>{s}</h4>{_links(s.lower(), _HEADLINES[:5], 'foot')}</div>"
        for s in _SECTIONS[:4]
    )
    return (
        f'<aside class="c7"><h3>Most read</h3><ol>{"".join(f"<li><a href=/mr/{i}>{h}</a></li>" for i, h in enumerate(_HEADLINES))}</ol>'
        '<div class="newsletter"><h3>Morning briefing</h3><p>The day\'s news in your inbox.</p>'
        '<form><input type="email"><button>Sign up</button></form></div>'
        '<div class="ad" id="ad-1">Advertisement</div></aside></main>'
        f'<section class="related"><h2>Related stories</h2>{_links("related", _HEADLINES[3:9], "rel")}</section>'
        f'<footer class="c8">{columns}<p>© 2024 {outlet}. All rights reserved. '
        '<a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact us</a></p></footer>'
    )


def news_page(rec: Mapping[str, str | None]) -> str:
    """One generated article record (``corpus.generate_articles``) as a complete news page."""
    outlet = html.escape(rec.get("outlet") or "The Daily")
    title = html.escape(rec.get("title") or "")
    return (
        f'<!DOCTYPE html><html lang="en">{_head(rec, title)}<body>{_header(outlet)}'
        f"{_article(rec, title)}{_aside_and_footer(outlet)}"
        f'<script src="/static/app.js"></script><script>{_SCRIPT}</script></body></html>'
    )
