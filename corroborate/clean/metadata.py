"""Article metadata: what the input declares first, then what the removed text revealed.

Declared metadata is the publisher's own statement, so it wins; the detectors'
fields (a byline, an author bio, a copyright line) fill the gaps, and the page
address or an agency dateline names the outlet when nothing else does. Author
strings arrive in many shapes ("By Jane Roe", "Jane Roe, Staff Writer") and are
split into a name and a role here, once, so later stages see one form.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from ..model import Metadata, RawDocument, Removed
from ..settings import Settings
from .dates import infer_published, removed_text_date, upper_limit
from .verdict import Verdict

_BY = re.compile(r"^(?:(?:written|posted|reported|words|story|text)\s+)?by\b\s*:?\s*", re.IGNORECASE)
_HANDLE = re.compile(r"\(?\s*(?:[\w.+-]+@[\w-]+\.[\w.]+|@\w+)\s*\)?")
_SEPARATOR = re.compile(r"\s*(?:,|\||\s[-\u2013\u2014/]\s)\s*")
_ROLE_WORD = re.compile(
    r"\b(?:editor|writer|reporter|correspondent|columnist|contributor|journalist|staff|producer|chief|bureau"
    r"|author|photographer|intern|critic|host|blogger|anchor|desk|freelance)",
    re.IGNORECASE,
)
_PERSON = re.compile(r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3}")
_NAME_WORD = r"[A-Z][\w&'\u2019-]*(?:\.[A-Za-z]{2,})*"
_ORG = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|&|of|and|the)){{0,5}}"
_DOMAIN = r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3})\s+is\s+(?:an?\s+|the\s+)?"
    rf"(?P<role>[^.,;]{{2,60}}?)\s+(?:of|at|for|with)\s+(?P<outlet>{_ORG}|{_DOMAIN})"
)
_COPYRIGHT = re.compile(
    r"(?:\u00a9|\([cC]\)|(?i:copyright))\s*\u00a9?\s*"
    rf"(?:(?:19|20)\d\d(?:\s*[-\u2013]\s*(?:19|20)?\d\d(?:\d\d)?)?\s*,?\s*)?(?P<outlet>{_ORG}|{_DOMAIN})"
)
_PLACE = r"[A-Z][A-Za-z.'\u2019-]+(?:\s+[A-Z][A-Za-z.'\u2019-]+){0,3}"
#: "CITY, State, Mon. D (Agency) -" or "(Agency) -" opening the body.
_AGENCY_DATELINE = re.compile(
    rf"^(?:{_PLACE}(?:,\s*{_PLACE})?(?:,?\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*)?"
    r"\((?P<agency>[A-Z][A-Za-z&.' ]{0,30}[A-Za-z])\)\s*[-\u2013\u2014]"
)
_HOST_PREFIXES = ("www.", "amp.", "m.", "mobile.")
#: Removed kinds whose dates are about the article itself; related links and adverts are not.
_DATED_KINDS = frozenset(
    {"title", "subtitle", "byline", "timestamp", "bio", "caption", "embed", "copyright", "duplicate"}
)


def _squash(text: str | None) -> str | None:
    """One line, single spaces; empty means unknown."""
    text = " ".join((text or "").split())
    return text or None


def _looks_like_names(text: str) -> bool:
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", text) if p]
    return bool(parts) and all(_PERSON.fullmatch(p) for p in parts)


def clean_author(value: str | None) -> tuple[str | None, str | None]:
    """Split an author string into (name, role), dropping "By", handles and e-mail addresses.

    >>> clean_author("By Jane Roe")
    ('Jane Roe', None)
    >>> clean_author("Jane Roe, Staff Writer")
    ('Jane Roe', 'Staff Writer')
    >>> clean_author("BY JANE ROE | City Hall reporter @janeroe")
    ('Jane Roe', 'City Hall reporter')
    >>> clean_author("Jane Roe, John Doe")
    ('Jane Roe, John Doe', None)
    """
    text = _squash(_BY.sub("", _HANDLE.sub(" ", value or "").strip()))
    if not text:
        return None, None
    bio = _BIO.match(text)
    if bio:
        return bio["name"], bio["role"]
    parts = _SEPARATOR.split(text, maxsplit=1)
    name, role = parts[0].strip(), (parts[1].strip(" .") if len(parts) > 1 else "")
    if role and not _ROLE_WORD.search(role) and _looks_like_names(role):
        name, role = text, ""
    if name.isupper():
        name = name.title()
    return name or None, role or None


def outlet_from_url(url: str | None) -> str | None:
    """The site's host name, without the "www."/"amp."/"m." prefixes that vary per page.

    >>> outlet_from_url("https://www.example.com/news/1"), outlet_from_url("amp.example.org/x")
    ('example.com', 'example.org')
    >>> outlet_from_url("http://127.0.0.1/x") is None
    True
    """
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().rstrip(".")
    while host.startswith(_HOST_PREFIXES):
        host = host.split(".", 1)[1]
    if "." not in host or host.replace(".", "").isdigit():
        return None
    return host


#: Company-form and year tails that name the owner, not the publication: one outlet, one name.
_OWNER_TAIL = re.compile(
    r"(?:[\s,]+(?:ltd|limited|llc|inc|plc|gmbh|s\.?a|corp(?:oration)?|co|group|media group|"
    r"publishing|publications|holdings|\d{4}))+\.?$",
    re.IGNORECASE,
)


def _clean_outlet(name: str | None) -> str | None:
    """
    >>> _clean_outlet("The Example Times Ltd"), _clean_outlet("Example Post 2025"), _clean_outlet("Example Publishing")
    ('The Example Times', 'Example Post', 'Example Publishing')
    """
    name = _squash(name)
    if not name:
        return None
    name = re.sub(r"\s+(?:of|and|the|&)$", "", name).strip(" .,")
    trimmed = _OWNER_TAIL.sub("", name).strip(" .,")
    name = trimmed if len(trimmed.split()) >= 2 or "." in trimmed else name
    return None if re.match(r"all\b", name, re.IGNORECASE) else name or None


def bio_fields(text: str) -> dict[str, str]:
    """Author, role and outlet an author bio states ("Jane Roe is a reporter for Example News").

    Only newsroom roles name the outlet: "is a professor at Example University"
    names an employer, not the publisher.

    >>> bio_fields("Jane Roe is the city editor of Example.com. Follow her online.")
    {'author': 'Jane Roe', 'author_role': 'city editor', 'outlet': 'Example.com'}
    >>> bio_fields("Jane Roe is a professor at Example University.")
    {'author': 'Jane Roe', 'author_role': 'professor'}
    """
    bio = _BIO.search(text)
    if not bio:
        return {}
    found = {"author": bio["name"], "author_role": bio["role"]}
    outlet = _clean_outlet(bio["outlet"]) if _ROLE_WORD.search(bio["role"]) else None
    return found | ({"outlet": outlet} if outlet else {})


def outlet_from_copyright(text: str) -> str | None:
    """The holder a copyright notice names.

    >>> outlet_from_copyright("\u00a9 2025 Example Daily News. All rights reserved.")
    'Example Daily News'
    >>> outlet_from_copyright("Copyright 2019-2025 example.net") , outlet_from_copyright("(c) All rights reserved")
    ('example.net', None)
    """
    found = _COPYRIGHT.search(text)
    return _clean_outlet(found["outlet"]) if found else None


def outlet_from_dateline(body: str) -> str | None:
    """A wire agency credited at the start of the body: "CITY (Agency) - ...".

    >>> outlet_from_dateline("SPRINGFIELD, Nov. 3 (Example Wire) - The council met.")
    'Example Wire'
    >>> outlet_from_dateline("The mayor (Democrat) - who won - spoke.") is None
    True
    """
    found = _AGENCY_DATELINE.match(body.lstrip())
    return found["agency"].strip() if found else None


#: The same bylines and copyright notices recur from article to article: each is read once.
_author_parts = functools.lru_cache(maxsize=1024)(clean_author)
_copyright_outlet = functools.lru_cache(maxsize=1024)(outlet_from_copyright)


def first_fields(verdicts: Sequence[Verdict], removed: Sequence[Removed] = ()) -> dict[str, str]:
    """Each field as first found in document order; blank values are no evidence.

    Removed author bios are read too, after the detectors' own fields, so a bio
    detector that reports no fields still yields the author and outlet.
    """
    pairs = [pair for verdict in verdicts for pair in verdict.fields]
    pairs += [pair for r in removed if r.kind == "bio" for pair in bio_fields(r.text).items()]
    out: dict[str, str] = {}
    for key, value in pairs:
        clean = _squash(value)
        if clean and key not in out:
            out[key] = clean
    return out


def _author(raw: RawDocument, fields: dict[str, str]) -> tuple[str | None, str | None]:
    """Declared author first; the detected role is kept when it belongs to the same person."""
    declared, declared_role = _author_parts(raw.meta.author)
    found, found_role = _author_parts(fields.get("author"))
    role_field = fields.get("author_role")
    if declared:
        same = found is None or found.lower() == declared.lower()
        return declared, declared_role or (role_field or found_role if same else None)
    return found, role_field or found_role


def _outlet(raw: RawDocument, body: str, fields: dict[str, str], removed: Sequence[Removed]) -> str | None:
    """Declared, then the page address, then evidence in the text, else unknown."""
    return next((c for c in _outlet_candidates(raw, body, fields, removed) if c), None)


def _outlet_candidates(
    raw: RawDocument, body: str, fields: dict[str, str], removed: Sequence[Removed]
) -> Iterator[str | None]:
    """The outlet each source names, in :func:`_outlet`'s order; each is read only when
    the ones before it named none."""
    yield _squash(raw.meta.outlet)
    yield outlet_from_url(raw.meta.url)
    yield _clean_outlet(fields.get("outlet"))
    yield from (_copyright_outlet(r.text) for r in removed if r.kind == "copyright")
    yield outlet_from_dateline(body)


def timestamp_date(
    removed: Sequence[Removed], raw: RawDocument, settings: Settings, limit: dt.date | None = None
) -> tuple[str, str] | None:
    """The date a "Published ..." line in the header states: the publication day itself, not
    an event day that the weekdays in the text could move (so it wins over other dates).
    ``limit``: :func:`upper_limit`, when the caller has it already."""
    limit = limit or upper_limit(raw.meta, settings)
    for r in removed:
        day = removed_text_date(r.text) if r.kind == "timestamp" else None
        if day and settings.min_year <= day.year and day <= limit:
            return day.isoformat(), f'Read from the timestamp line "{" ".join(r.text.split())}".'
    return None


def build_metadata(
    raw: RawDocument, body: str, verdicts: Sequence[Verdict], removed: Sequence[Removed], settings: Settings
) -> Metadata:
    """The article's metadata from its declared fields, the detectors' findings and the text."""
    fields = first_fields(verdicts, removed)
    author, role = _author(raw, fields)
    dated = [r.text for r in removed if r.kind in _DATED_KINDS]
    limit = upper_limit(raw.meta, settings)  # once: it reads the clock and the fetch date
    published, published_from, evidence = infer_published(raw.meta, body, dated, settings, limit)
    stamped = timestamp_date(removed, raw, settings, limit)
    if stamped and published_from != "metadata":
        published, published_from, evidence = stamped[0], "text", stamped[1]
    return Metadata(
        title=_squash(raw.meta.title) or fields.get("title"),
        subtitle=_squash(raw.meta.subtitle) or fields.get("subtitle"),
        author=author,
        author_role=role,
        outlet=_outlet(raw, body, fields, removed),
        url=_squash(raw.meta.url),
        published=published,
        published_from=published_from,
        published_evidence=evidence,
    )
