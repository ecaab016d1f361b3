"""Intake quality on real articles re-rendered with noise.

Real news text (PolNeAR's article texts, which we may read but not ship) is
re-rendered the way scrapers deliver it: cp1252 mojibake on part of the
corpus, photo captions and credits, advert markers, share and newsletter
prompts, author bios, related-story lists and footer boilerplate. The noise
comes from templates written here, varied in wording and position. We then
clean each rendering and measure

* paragraphs intact: the share of the article's own paragraphs found word
  for word in the clean body (the headline counts when it became the title);
* boilerplate removed: the share of injected noise paragraphs absent from the body.

Run: ``corroborate eval intake [--split dev] [--data ../shared/data]``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..clean import clean_document
from ..model import RawDocument
from ..settings import Settings
from .corpora import CorpusNotFound

PEOPLE = ["Ana Petrova", "Tom Welling", "Grace Obi", "Luis Ortega", "Mei Chen", "Sam Adeyemi", "Ruth Kagan"]
PLACES = ["Denver", "Lagos", "Lyon", "Osaka", "Quito", "Tallinn", "Perth"]
AGENCIES = ["Reuters", "AP Photo/J. Smith", "Getty Images", "AFP via Getty Images", "Shutterstock", "EPA"]
OUTLETS = ["The Morning Ledger", "Capitol Wire", "Northside News", "DailyReport.com"]

CAPTIONS = [
    "{p} arrives for a meeting in {c} on Tuesday. (Photo: {a})",
    "{p} speaks to supporters in {c}, March 3, 2016 ({a})",
    "FILE PHOTO: {p} gestures during an interview in {c}. {a}",
    "Photo by {a} | {p} walks past reporters",
    "Image: {p} in {c} last year. Credit: {a}",
    "{p} and aides leave the building in {c} (Courtesy of {o})",
]
ADVERTS = ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored Content",
           "Continue reading the main story", "Scroll to continue with content"]  # fmt: skip
FOOTERS = [
    "Sign up for our newsletter to get the day's top stories delivered to your inbox.",
    "Share this article on Facebook and Twitter.",
    "© 2016 {o}. All rights reserved.",
    "Copyright 2016 {o}. This material may not be published, broadcast, rewritten or redistributed.",
    "{p} is a senior correspondent for {o}. Follow her on Twitter @{h}.",
    "{p} covers politics for {o}. You can reach him at {h}@example.org.",
    "We welcome your comments. Please keep them civil and on topic; abusive posts will be removed.",
    "Join the conversation below. Read our community guidelines before you post.",
    "Click here to subscribe and never miss an update.",
    "Download our app for breaking news alerts.",
]
RELATED_HEADINGS = ["Related:", "RELATED STORIES", "More from {o}", "You may also like", "Read more:"]


@dataclass(frozen=True)
class Rendering:
    text: str
    paragraphs: tuple[str, ...]
    noise: tuple[str, ...]


def _fill(template: str, rng: random.Random) -> str:
    name = rng.choice(PEOPLE)
    return template.format(p=name, c=rng.choice(PLACES), a=rng.choice(AGENCIES), o=rng.choice(OUTLETS),
                           h=name.split()[1].lower())  # fmt: skip


def _related(rng: random.Random) -> list[str]:
    heads = ["Senate Vote Delayed Again", "Governor Signs Budget Deal", "Five Takeaways From the Debate"]
    return [_fill(rng.choice(RELATED_HEADINGS), rng), *rng.sample(heads, 2)]


def render(text: str, rng: random.Random, mojibake: bool) -> Rendering:
    """Scatter captions and adverts inside the body and stack a noisy footer after it."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    noise: list[str] = []
    out = list(paragraphs)
    for _ in range(rng.randint(1, 2)):
        item = _fill(rng.choice(CAPTIONS), rng) if rng.random() < 0.6 else rng.choice(ADVERTS)
        out.insert(rng.randint(2, max(2, len(out) - 1)), item)
        noise.append(item)
    tail = [_fill(t, rng) for t in rng.sample(FOOTERS, rng.randint(2, 4))]
    if rng.random() < 0.4:
        tail = _related(rng) + tail
    out += tail
    noise += tail
    rendered = "\n".join(out) + "\n"
    if mojibake:
        rendered = rendered.encode("utf-8").decode("cp1252", errors="ignore")
    return Rendering(rendered, tuple(paragraphs), tuple(noise))


def _norm(text: str) -> str:
    return re.sub(
        r"\s+", " ", text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    ).strip()


def score(rendering: Rendering, settings: Settings) -> tuple[int, int, int, int]:
    """(paragraphs intact, paragraphs, noise removed, noise) for one rendering."""
    cleaned = clean_document(RawDocument("eval", rendering.text, "text"), settings)
    body = _norm(cleaned.tracked.text)
    title = _norm(cleaned.meta.title or "")
    intact = sum(_norm(p) in body or _norm(p) == title for p in rendering.paragraphs)
    removed = sum(_norm(n) not in body for n in rendering.noise)
    return intact, len(rendering.paragraphs), removed, len(rendering.noise)


def polnear_texts(data_dir: str, split: str) -> Iterator[str]:
    folder = Path(data_dir) / "polnear" / "data" / split / "text"
    if not folder.is_dir():
        raise CorpusNotFound(f"skipped: {folder} not found")
    for path in sorted(folder.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def evaluate_intake(data_dir: str = "../shared/data", split: str = "dev", seed: int = 0) -> dict[str, float]:
    rng = random.Random(seed)
    settings = Settings()
    totals = [0, 0, 0, 0]
    for i, text in enumerate(polnear_texts(data_dir, split)):
        counts = score(render(text, rng, mojibake=i % 2 == 0), settings)
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
    intact, paragraphs, removed, noise = totals
    return {"articles": i + 1 if totals[1] else 0, "paragraphs": paragraphs, "noise": noise,
            "paragraphs_intact": 100 * intact / max(paragraphs, 1),
            "boilerplate_removed": 100 * removed / max(noise, 1)}  # fmt: skip


def format_report(metrics: dict[str, float]) -> str:
    return (
        f"intake on {int(metrics['articles'])} re-rendered articles "
        f"({int(metrics['paragraphs'])} paragraphs, {int(metrics['noise'])} noise paragraphs)\n"
        f"  paragraphs intact    {metrics['paragraphs_intact']:6.2f} %\n"
        f"  boilerplate removed  {metrics['boilerplate_removed']:6.2f} %"
    )
