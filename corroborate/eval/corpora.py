"""Readers for the story-clustering evaluation corpora under ``../shared/data``.

Each reader turns a token-level research corpus back into what the ingest
pipeline would hand the clusterer: a title, a plain-text body, a document id,
an optional publication date, plus the gold story used only for scoring.

Gold-story choices (why each corpus is read the way it is):

* **ECB+** -- ``gold_doc_topics.tsv``'s ``subtopic`` (``<topic>_ecb`` or
  ``<topic>_ecbplus``): each topic holds two deliberately similar events.
  The ``ecbplus`` files open with the source URL as "sentence 0"; that is
  page metadata, not article text, so it is dropped (keeping it would give
  every ``ecbplus`` file a shared ``http``/``www`` signal no real body has).
  Their next sentence is the headline and becomes the title.  ``ecb`` files
  have no headline.  ECB+ has no publication dates: ``published`` is None.
* **NewsWCL50** -- the event id in ``doc_key`` is the gold story.  The corpus
  has no train/dev split, so every split returns all 50 articles (it was
  never used for tuning).  The headline is the text before the first
  paragraph break token when that is short; the date comes from the
  ``/YYYY/MM/DD/`` part of the article URL in ``orig_urls.tsv`` when present
  (HuffPost and some Breitbart URLs have none, which exercises missing dates).
* **MEANTIME** -- 60 English Wikinews articles in two folders (airbus,
  apple).  The default gold story is the article's *headline event*: two
  articles share a story when an event mentioned in their headlines is the
  same cross-document instance (``REFERS_TO`` -> ``EVENT@instance_id``).  On
  this corpus no two headline events corefer, so the gold is 60 singleton
  stories spread over 2005-2011: a test that the clusterer does not merge
  different events of the same companies.  Two alternatives are available
  for comparison: ``meantime-topic`` (the folder: 2 "stories" of 30 articles
  spanning six years, a topic rather than a story) and ``meantime-coref``
  (connected components of documents sharing *any* cross-document event
  instance, which chains background mentions into a 12-article component
  spanning 2005-2011).  The date is the ``CREATION_TIME`` TIMEX3, else the
  dateline under the headline.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataNotFound

#: Default location of the shared evaluation data, relative to the working directory.
DEFAULT_DATA_DIR = "../shared/data"

#: Corpus names the harness accepts.  The ``meantime-*`` variants score the same
#: 60 articles against alternative gold groupings (see corroborate.eval.meantime).
CORPORA = ("ecbplus", "newswcl50", "meantime", "meantime-topic", "meantime-coref")

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|'re\b|n't\b|'ll\b|'ve\b|'d\b|'m\b|'')")
_NO_SPACE_AFTER = re.compile(r"([(\[{$#]|``) ")
#: Figures the corpus tokeniser cut apart: "2. 5" (a decimal), "3: 30" (a time), "20, 000" (thousands).
_SPLIT_FIGURE = re.compile(r"(?<=\d)(?:([.:]) (?=\d)|(,) (?=\d{3}\b))")
_URL_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")


#: One exception for absent evaluation data across harnesses.
CorpusNotFound = DataNotFound


@dataclass(frozen=True)
class GoldDoc:
    """One evaluation article: what the clusterer sees plus its gold story."""

    doc_id: str
    title: str
    text: str
    story: str
    published: dt.date | None = None


def detokenize(tokens: Iterable[str]) -> str:
    """Join corpus tokens into readable text so tokenisation is ours, not the corpus's."""
    text = " ".join(t for t in tokens if t)
    text = _SPLIT_FIGURE.sub(lambda m: m.group(1) or m.group(2), _NO_SPACE_BEFORE.sub(r"\1", text))
    return _NO_SPACE_AFTER.sub(r"\1", text).replace("``", '"').replace("''", '"')


def require(path: Path, what: str) -> Path:
    """Fail with the harness's "skipped" message when a corpus is missing."""
    if not path.exists():
        raise CorpusNotFound(f"skipped: {what} not found at {path}")
    return path


def xml_sentences(path: Path) -> dict[int, list[str]]:
    """Tokens of a token-XML file (ECB+, MEANTIME), grouped by sentence number."""
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    return sentences


# ---------------------------------------------------------------- ECB+


def ecbplus_gold(data_dir: Path, split: str) -> dict[str, tuple[str, str]]:
    """doc_id -> (topic, subtopic) for one split of ``gold_doc_topics.tsv``."""
    table = require(data_dir / "ecbplus" / "gold_doc_topics.tsv", "ECB+ gold_doc_topics.tsv")
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    splits = sorted({row["split_cybulska2015"] for row in rows})
    if split not in splits:
        raise ValueError(f"ECB+ has no split {split!r} here (this copy has: {', '.join(splits)})")
    return {r["doc_id"]: (r["topic"], r["subtopic"]) for r in rows if r["split_cybulska2015"] == split}


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Words a date/time stamp line may hold besides figures ("Updated: Jul 7, 2031 10:04 PM ET").
_STAMP_WORDS = _wordset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december monday tuesday wednesday thursday friday saturday sunday am pm "
    "a.m. p.m. gmt bst et est edt cst pst ist utc updated posted published last first at on by"
)


def is_stamp(tokens: list[str]) -> bool:
    """A line that only dates or times the page ("Updated: July 7, 2012, 10: 04 PM ET")."""
    words = [t.lower() for t in tokens if t[:1].isalpha()]
    return any(t[:1].isdigit() for t in tokens) and sum(w not in _STAMP_WORDS for w in words) <= 1


def is_headline(tokens: list[str], max_words: int = 20) -> bool:
    """Short and not ended like a sentence: how a headline looks once its markup is gone."""
    return 0 < len(tokens) <= max_words and tokens[-1] not in {".", "!", "?", '"', "''"}


def ecbplus_doc(path: Path, doc_id: str, story: str) -> GoldDoc:
    """One ECB+ file: the URL line (``ecbplus`` files) is dropped, the headline becomes the title.

    What the clean stage would do with the page: date/time stamp lines stay in
    the body (they date the article), and the first other line is the title if
    it looks like a headline (``ecb`` files often open with one too).
    """
    by_number = xml_sentences(path)
    sentences = [by_number[k] for k in sorted(by_number)]
    if sentences and sentences[0] and sentences[0][0].startswith("http"):
        sentences = sentences[1:]
    first = next((i for i, s in enumerate(sentences) if not is_stamp(s)), len(sentences))
    title = ""
    if first < len(sentences) and is_headline(sentences[first]):
        title = detokenize(sentences.pop(first))
    body = "\n".join(detokenize(s) for s in sentences)
    return GoldDoc(doc_id=doc_id, title=title, text=body, story=story)


def read_ecbplus(data_dir: Path, split: str = "dev") -> list[GoldDoc]:
    """All documents of one ECB+ split (every topic, mixed, as real input is)."""
    gold = ecbplus_gold(data_dir, split)
    root = require(data_dir / "ecbplus" / "ECBplus_xml", "ECB+ ECBplus_xml")
    docs = []
    for doc_id, (topic, subtopic) in sorted(gold.items()):
        path = root / topic / f"{doc_id}.xml"
        if path.exists():
            docs.append(ecbplus_doc(path, doc_id, subtopic))
    return docs


# ---------------------------------------------------------------- NewsWCL50


def conll_tokens(path: Path) -> dict[str, list[str]]:
    """doc_key -> its tokens in order (the coreference column is not needed)."""
    docs: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            docs.setdefault(fields[0], []).append(fields[3])
    return docs


def url_dates(path: Path) -> dict[str, dt.date]:
    """``<event>_<outlet>`` -> date parsed from the article URL, where it has one."""
    dates: dict[str, dt.date] = {}
    if not path.exists():
        return dates
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            match = _URL_DATE.search(row["URL"])
            if match:
                year, month, day = (int(g) for g in match.groups())
                dates[f"{row['Event ID']}_{row['Outlet']}"] = dt.date(year, month, day)
    return dates


def split_title(tokens: list[str], max_words: int = 30) -> tuple[str, list[str]]:
    """Headline = tokens before the first paragraph break, if that is short."""
    breaks = [i for i, tok in enumerate(tokens[: max_words + 1]) if tok == "\\n"]
    if not breaks:
        return "", tokens
    return detokenize(tokens[: breaks[0]]), tokens[breaks[0] + 1 :]


def paragraphs(tokens: list[str]) -> str:
    """Body text with the corpus's literal ``\\n`` tokens turned into line breaks."""
    text = " ".join(tokens).split("\\n")
    return "\n".join(detokenize(part.split()) for part in text if part.strip())


def read_newswcl50(data_dir: Path, split: str = "dev") -> list[GoldDoc]:
    """All 50 NewsWCL50 articles (no split exists; ``split`` is accepted and ignored)."""
    del split
    folder = data_dir / "newswcl50"
    docs_tokens = conll_tokens(require(folder / "NewsWCL50.conll", "NewsWCL50 NewsWCL50.conll"))
    dates = url_dates(folder / "orig_urls.tsv")
    docs = []
    for doc_key, tokens in sorted(docs_tokens.items()):
        event, _, doc_id = doc_key.split("/")
        title, body = split_title(tokens)
        docs.append(GoldDoc(doc_id, title, paragraphs(body), event, dates.get(doc_id)))
    return docs


# ---------------------------------------------------------------- MEANTIME

_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES.split(" "))}
_DATELINE = re.compile(r"^([A-Za-z]+) (\d{1,2}) ?, (\d{4})")


def event_instances(root: ET.Element, sentence: int | None = None) -> set[str]:
    """Cross-document event instances referred to (only in ``sentence``, if given)."""
    sentence_of = {t.get("t_id"): int(t.get("sentence", "0")) for t in root.iter("token")}
    mention_sentences = {
        m.get("m_id"): {sentence_of.get(a.get("t_id")) for a in m.iter("token_anchor")}
        for m in root.iter("EVENT_MENTION")
    }
    instance = {e.get("m_id"): e.get("instance_id") for e in root.iter("EVENT") if e.get("instance_id")}
    found: set[str] = set()
    for link in root.iter("REFERS_TO"):
        target = link.find("target")
        inst = instance.get(target.get("m_id") if target is not None else None)
        for source in link.findall("source"):
            where = mention_sentences.get(source.get("m_id"), set())
            if inst and where and (sentence is None or sentence in where):
                found.add(inst)
    return found


def meantime_date(root: ET.Element, dateline: str) -> dt.date | None:
    """The CREATION_TIME value, else the "Month DD, YYYY" line under the headline."""
    for timex in root.iter("TIMEX3"):
        value = timex.get("value", "")
        if timex.get("functionInDocument") == "CREATION_TIME" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            return dt.date.fromisoformat(value)
    match = _DATELINE.match(dateline)
    if match and match.group(1).lower() in _MONTHS:
        return dt.date(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
    return None


def shared_components(keys: dict[str, set[str]]) -> dict[str, str]:
    """doc -> smallest doc id of its component, linking docs that share any key."""
    parent = {doc: doc for doc in keys}

    def find(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    first_with: dict[str, str] = {}
    for doc in sorted(keys):
        for key in sorted(keys[doc]):
            other = first_with.setdefault(key, doc)
            a, b = sorted((find(doc), find(other)))
            parent[b] = a
    return {doc: find(doc) for doc in keys}


def read_meantime(data_dir: Path, gold: str = "headline") -> list[GoldDoc]:
    """The 60 MEANTIME articles with the chosen gold: headline, topic or coref."""
    if gold not in ("headline", "topic", "coref"):
        raise ValueError(f"unknown MEANTIME gold {gold!r} (headline, topic, coref)")
    root_dir = require(data_dir / "meantime_en" / "intra_cross-doc_annotation", "MEANTIME")
    docs, keys = [], {}
    for path in sorted(root_dir.glob("corpus_*/*.xml")):
        root = ET.parse(path).getroot()
        by_number = xml_sentences(path)
        sentences = [detokenize(by_number[k]) for k in sorted(by_number)]
        doc_id = root.get("doc_id") or path.stem
        date = meantime_date(root, sentences[1] if len(sentences) > 1 else "")
        topic = path.parent.name.removeprefix("corpus_")
        keys[doc_id] = (
            event_instances(root, 0 if gold == "headline" else None) if gold != "topic" else {topic}
        )
        docs.append(GoldDoc(doc_id, sentences[0] if sentences else "", "\n".join(sentences[1:]), "", date))
    story = shared_components(keys)
    return sorted((GoldDoc(d.doc_id, d.title, d.text, story[d.doc_id], d.published) for d in docs),
                  key=lambda d: d.doc_id)  # fmt: skip


# ---------------------------------------------------------------- dispatch


def load_corpus(corpus: str, split: str = "dev", data_dir: str | Path = DEFAULT_DATA_DIR) -> list[GoldDoc]:
    """Documents of one corpus, in the corpus's id order."""
    base = Path(data_dir)
    require(base, "evaluation data folder")
    if corpus == "ecbplus":
        return read_ecbplus(base, split)
    if corpus == "newswcl50":
        return read_newswcl50(base, split)
    if corpus.startswith("meantime"):
        return read_meantime(base, corpus.partition("-")[2] or "headline")
    raise ValueError(f"unknown corpus {corpus!r}; expected one of {', '.join(CORPORA)}")


def iter_stories(docs: Iterable[GoldDoc]) -> Iterator[tuple[str, list[str]]]:
    """Gold stories as (story, doc ids), for reports and tests."""
    stories: dict[str, list[str]] = {}
    for doc in docs:
        stories.setdefault(doc.story, []).append(doc.doc_id)
    yield from stories.items()
