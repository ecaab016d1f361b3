"""Deterministic generator of realistic, fictional news articles for benchmarks.

Everything is invented: countries, places, people, outlets (``*.example``
domains). Articles about one event share its facts, stated in several
wordings. They sometimes disagree on a number or a day, and spell a name
differently. Filler sentences use a Zipf-distributed vocabulary. Outlets add
captions, embeds, bios, boilerplate and copyright tails, and a few articles
arrive as cp1252 mojibake. Wire stories are occasionally republished almost
verbatim under another outlet's headline, giving near-duplicates.

    >>> arts = list(generate_articles(5, seed=3))
    >>> sorted(arts[0])
    ['author', 'id', 'outlet', 'published', 'text', 'title', 'url']
    >>> arts == list(generate_articles(5, seed=3))
    True

Command line: ``python bench/corpus.py OUT_DIR --n 1000 --fmt jsonl``.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import math
import random
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------- vocabulary


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Word classes in rough frequency order (most common first); each class is drawn with Zipf weights.
GROUPS = _words(
    "residents officials workers families people police volunteers engineers farmers teachers doctors "
    "nurses students drivers passengers shopkeepers pensioners investors lawyers inspectors firefighters "
    "soldiers journalists neighbours commuters tenants fishermen exporters parents"
)
THINGS = _words(
    "road bridge school hospital station building port market terminal factory airport harbour "
    "pipeline reservoir runway motorway dam embankment clinic library warehouse quay depot tunnel"
)
DOCUMENTS = _words(
    "plan report review decision agreement budget policy inquiry investigation proposal contract "
    "statement law deal programme strategy timetable ban permit scheme audit ruling"
)
THING_ADJECTIVES = _words(
    "main old new local damaged busy small large nearby central temporary coastal rural modern historic"
)
DOCUMENT_ADJECTIVES = _words(
    "new final independent detailed official provisional controversial long-awaited emergency "
    "national regional public draft revised"
)
THING_VERBS = tuple(
    tuple(t.split(":"))
    for t in _words(
        "inspect:inspected:inspected repair:repaired:repaired close:closed:closed reopen:reopened:reopened "
        "rebuild:rebuilt:rebuilt evacuate:evacuated:evacuated protect:protected:protected "
        "upgrade:upgraded:upgraded secure:secured:secured clear:cleared:cleared restore:restored:restored"
    )
)
DOCUMENT_VERBS = tuple(
    tuple(t.split(":"))
    for t in _words(
        "publish:published:published approve:approved:approved review:reviewed:reviewed "
        "delay:delayed:delayed announce:announced:announced reject:rejected:rejected revise:revised:revised "
        "suspend:suspended:suspended extend:extended:extended challenge:challenged:challenged "
        "examine:examined:examined adopt:adopted:adopted"
    )
)
FIRST_NAMES = _words(
    "Maren Piet Ines Amara Callum Devan Rosalind Jonah Clare Teodor Bettina Gideon Ruth Leif "
    "Ingrid Saoirse Anders Lisbeth Kjell Renata Tobiah Ysolde Matthis Oren Katarin Aurel Nadia "
    "Emeric Solveig Halvard Idris Marisol Tamsin Casimir Elin Ragna Bastien Odile Yannick Zofia "
    "Lorcan Mireille Dagny Anselm Felka Rurik Signe Ambrose Vesna Hakon Liesel Joaquim Thea"
)
SURNAME_HEADS = _words(
    "Hal Vor Kes Mar Bren Tol Ask Dun Fen Grav Ild Jor Kal Lun Mor Nes Ost Pell Quin Rav Sol Tam "
    "Ulv Vel Wen Yar Zor Okon Achter Hryts Kov Lind Bjor Dras Evr Gorsk Holl Ivan Kast Lev Myr Sav"
)
SURNAME_TAILS = _words(
    "sen berg ström ova enko ic ski ard well ley ez ani oglu hart mann quist ovic ada es ton "
    "yev chuk ssen gaard é"
)
PLACE_TAILS = _words("mere ford vik holm by stad bridge haven dal wick thorpe grad ovo avia minde kirk")
COUNTRY_TAILS = _words("mark land ovia ania istra mere")
PAPERS = _words(
    "Times Herald Courier Gazette Post Ledger Chronicle Observer Tribune Star Sentinel Mercury "
    "Record Review Examiner Lantern Dispatch Journal Bulletin Echo"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = _words("January February March April May June July August September October November December")
#: (open, close) quote marks by house style, and how often outlets use each.
QUOTE_MARKS: tuple[tuple[str, str], ...] = (
    ('"', '"'),
    ("\u201c", "\u201d"),
    ("\u2018", "\u2019"),
    ("\u00ab ", " \u00bb"),
)
QUOTE_WEIGHTS = (10, 7, 2, 1)

# --------------------------------------------------------------------------- sentence templates
# <G> people (plural), <T> a thing, <D> a document, <AT>/<AD> adjectives for them, <VT>/<VD> verbs
# (+p past, +n participle): filled once, when a pool is built.
# {slots} are filled per article (names vary by outlet, numbers may conflict between outlets).
FILLER = (
    "Local <G> said they had been warned about the state of the <T> for years.",
    "Officials in {L} said they would <VT> the <T> as soon as possible.",
    "The <AD> <D> is expected to be <VDn> over the coming weeks.",
    "It was not immediately clear how the <D> would affect <G> in {L}.",
    "Earlier this year, the {O0} <VDp> a <AD> <D> for the region.",
    "Residents of {L} have long complained about the <AT> <T> and the lack of support for <G>.",
    "The <D> comes after months of debate over the future of the <T> in {L}.",
    "Analysts said the <D> could affect <G> across the region for years.",
    "{L} is home to about {pop} people, many of whom commute to {L2} for work.",
    "Television pictures showed <G> gathered outside the <T> on {day}.",
    "A spokesperson for the {O0} declined to comment on the <D>.",
    "The <T> was last <VTn> in {year0}, according to local records.",
    "Opposition politicians called for the <D> to be <VDn> without delay.",
    "The <AT> <T> has been <VTn> twice since {year0}, most recently last year.",
    "The <T> remained closed on {day} while it was <VTn>.",
    "Groups representing <G> said the <D> had ignored their concerns.",
    "The {O0} said it had <VDn> the <D> and would <VT> the <T> next week.",
    "Questions remain over who will pay for the <D>, which could cost millions.",
    "In {L}, <G> and <G> were still waiting for news late into the evening.",
    "It is the latest in a series of setbacks for <G> in {C} this year.",
    "Police asked the public to avoid the area around the <T>.",
    "The <D> was drawn up by a <AD> committee that was set up last month.",
    "A <AD> meeting will be held in {L} on {next_day}, officials said.",
    "The {O1} said it would <VD> its <D> within {within} days.",
    "Neighbouring {L2} offered to send <G> and equipment if needed.",
    "Many <G> in {L} said they had heard nothing from the authorities until {day} evening.",
    "Last year, the {O0} promised to <VT> the <T>, but work never began.",
    "Shops and cafés in the centre of {L} stayed shut for most of {day}.",
    "Volunteers set up a collection point at the <T>, where <G> brought food and blankets.",
    "The <D> will be debated in parliament next month, according to the {O1}.",
)
QUOTE_LINES = (
    "We will <VT> the <T> as quickly as we can, and we will not stop until the job is done",
    "This is a difficult day for {L} and for the whole of {C}",
    "Nobody expected it to happen so fast",
    "People are frightened, and they want answers",
    "We need action, not more promises",
    "The <T> must be <VTn> before anything else happens",
    "I have lived here all my life and I have never seen anything like it",
    "Our first duty is to the families",
    "There will be a <AD> <D>, and its findings will be made public",
    "It is too early to say what went wrong",
    "We warned about the <T> last year, and nobody listened",
    "The <G> did everything they could",
    "We are still counting the cost",
    "My thoughts are with everyone in {L} tonight",
)
QUOTE_FORMS = (
    "{qo}{q1},{qc} {S#} said.",
    "{qo}{q1},{qc} said {P#}, {R#}. {qo}{q2}.{qc}",
    "{qo}{q1},{qc} {T#} {P#} told reporters, {qo}{q2l}.{qc}",
    "{P#}, {R#}, said: {qo}{q1}.{qc}",
    "{qo}{q1},{qc} {pr#} said. {qo}{q2}.{qc}",
    "{qo}{q1},{qc} {S#} said, {qo}{q2l}.{qc}",
)
REPORTED = (
    "{P#} said that the <D> would be <VDn> {when}.",
    "According to {S#}, the {O0} will <VD> a <AD> <D> {when}.",
    "{Pr#} confirmed that the <T> had been <VTn> {then}.",
    "{T#} {P#} told reporters the <T> would be <VTn> {when}.",
    "{S#} said the <G> had not been consulted, and that a <AD> <D> would follow {when}.",
    "{P#} said the <D> had been <VDn> {then}, and that <G> would be told {when}.",
)
#: Relative times, future and past.
WHEN = (
    "on {next_day}",
    "next week",
    "within {within} days",
    "by the end of the month",
    "next month",
    "before the end of the year",
)
THEN = ("on {day}", "last year", "earlier this month", "last month", "this week", "in {year0}")
TAILS = (
    "{author} is a correspondent for {outlet}. Follow {aobj} on X @{handle}",
    "Sign up for the {outlet} morning newsletter and get the day's news in your inbox.",
    "Comments are moderated. Please read our community guidelines before posting.",
    "Comments are reviewed before they appear. Keep it civil: personal attacks and spam are deleted.",
    "Do you have a story? Email the newsdesk at tips@{domain}",
    "Share this article: Facebook | X | WhatsApp | Email",
    "Related stories\n{rel1}\n{rel2}\n{rel3}",
)
CAPTIONS = (
    "Rescue workers near the scene in {L} on {day}",
    "Residents gather outside the town hall in {L}",
    "{P0} speaks to reporters in {L} on {day}",
    "A view of {L} on {day}",
    "Officials from the {O0} at a briefing in {L}",
)


@dataclass(frozen=True)
class EventType:
    name: str
    #: number slots: (low, high); a float range is drawn with one decimal.
    numbers: dict[str, tuple[float, float]]
    #: the number that outlets sometimes disagree on
    disputed: str
    orgs: tuple[str, str]
    #: (title before a name, description) per actor
    roles: tuple[tuple[str, str], ...]
    facts: tuple[str, ...]
    titles: tuple[str, ...]
    decks: tuple[str, ...]


EVENT_TYPES = (
    EventType(
        "earthquake",
        {"dead": (2, 60), "injured": (10, 400), "mag": (4.8, 7.3), "depth": (5, 35), "km": (4, 40)},
        "dead",
        ("{C} Geological Survey", "{L} emergency service"),
        (
            ("Interior Minister", "the interior minister"),
            ("Seismologist", "a seismologist at the {O0}"),
            ("Mayor", "the mayor of {L}"),
        ),
        (
            "A magnitude {mag} earthquake struck near {L} on {day}, killing at least {dead} people, officials said.",
            "At least {dead} people were killed and {injured} injured when a {mag}-magnitude quake hit the area around {L} on {day}.",
            "The {O0} said the quake measured {mag} and struck at a depth of {depth} kilometres.",
            "The epicentre was about {km} km from {L}, according to the {O0}.",
            "Rescuers searched collapsed buildings through the night as the death toll rose to {dead}.",
            "More than {injured} people were treated in hospital, most of them for cuts and broken bones.",
            "Dozens of aftershocks followed, the strongest of them felt as far away as {L2}.",
        ),
        (
            "{dead} dead as magnitude {mag} earthquake strikes near {L}",
            "Earthquake kills {dead} in {L}",
            "Strong quake hits {L}, at least {dead} killed",
            "{L} earthquake: death toll rises to {dead}",
        ),
        (
            "Rescuers search the rubble as aftershocks shake the region",
            "Hundreds spend the night outdoors after {day}'s quake",
            "The {O0} warns that more tremors are likely",
        ),
    ),
    EventType(
        "flood",
        {"dead": (2, 30), "evacuated": (200, 9000), "rain": (80, 400), "days": (2, 6)},
        "dead",
        ("{C} Environment Agency", "{L} fire service"),
        (
            ("Environment Minister", "the environment minister"),
            ("Fire Chief", "the head of the {O1}"),
            ("Mayor", "the mayor of {L}"),
        ),
        (
            "Floods caused by {days} days of heavy rain have killed {dead} people in and around {L}, officials said on {day}.",
            "The river {river} burst its banks near {L} on {day}, forcing {evacuated} people from their homes.",
            "About {evacuated} residents were evacuated as the water rose, the {O0} said.",
            "Up to {rain} millimetres of rain fell in {days} days, more than the area usually gets in a month.",
            "The death toll rose to {dead} after rescuers recovered more bodies downstream.",
            "Roads between {L} and {L2} remained under water, and several bridges were closed.",
        ),
        (
            "{dead} dead as floods hit {L}",
            "River {river} bursts its banks, thousands flee {L}",
            "Floods in {L}: {evacuated} evacuated, {dead} killed",
        ),
        ("Rescue boats reach villages cut off by the water", "The {O0} warns that more rain is on the way"),
    ),
    EventType(
        "train crash",
        {"dead": (3, 80), "injured": (10, 200), "aboard": (80, 900), "insp": (2, 40)},
        "dead",
        ("{C} National Railways", "{C} Accident Investigation Board"),
        (
            ("Transport Minister", "the transport minister"),
            ("Chief Executive", "the chief executive of {O0}"),
            ("Passenger", "a passenger on the train"),
        ),
        (
            "A passenger train carrying {aboard} people derailed near {L} on {day}, killing at least {dead}.",
            "At least {dead} people died and {injured} were hurt when the {train} express left the tracks outside {L}.",
            "The {O1} has opened an investigation into the cause of the derailment.",
            "The train, operated by {O0}, was travelling from {L2} to {L} when several carriages overturned.",
            "There were {aboard} passengers and crew on board, according to {O0}.",
            "Investigators said the track had been inspected {insp} days before the crash.",
        ),
        (
            "{dead} killed as train derails near {L}",
            "Train crash near {L}: at least {dead} dead",
            "Derailment outside {L} leaves {dead} dead, {injured} injured",
        ),
        (
            "Investigators examine the track as survivors describe the moment of impact",
            "Services between {L2} and {L} suspended until further notice",
        ),
    ),
    EventType(
        "strike",
        {"workers": (300, 20000), "pct": (2.0, 12.0), "days": (3, 30)},
        "pct",
        ("{L} Transport Workers' Union", "{L} Port Authority"),
        (
            ("Labour Minister", "the labour minister"),
            ("General Secretary", "the general secretary of the {O0}"),
            ("Chief Executive", "the chief executive of the {O1}"),
        ),
        (
            "The {O0} agreed on {day} to end a {days}-day strike after accepting a {pct}% pay rise.",
            "About {workers} workers will return to work after the union accepted a {pct}% offer from the {O1}.",
            "The strike, which lasted {days} days, halted services across {L} and cost millions in lost revenue.",
            "Under the deal, wages will rise by {pct}% over two years, the {O1} said.",
            "Union members will vote on the agreement next week, the {O0} said.",
            "The walkout by {workers} members of the {O0} began over pay and night-shift staffing.",
        ),
        (
            "Strike ends in {L} as union accepts {pct}% pay deal",
            "{O0} agrees deal, ending {days}-day walkout",
            "Workers to return after {days}-day strike in {L}",
        ),
        (
            "Union leaders say the offer is fair but not perfect",
            "The {O1} says clearing the backlog will take weeks",
        ),
    ),
    EventType(
        "election",
        {"pct": (30.0, 58.0), "turnout": (45, 82), "seats": (20, 90)},
        "pct",
        ("{L} Democratic Alliance", "{C} Electoral Commission"),
        (
            ("Candidate", "the candidate of the {O0}"),
            ("Chair", "the chair of the {O1}"),
            ("Opposition Candidate", "the opposition candidate"),
        ),
        (
            "The {O0} won {pct}% of the vote in {L} on {day}, according to preliminary results.",
            "{P0} claimed victory late on {day}, telling supporters the result was a mandate for change.",
            "Turnout was {turnout}%, the {O1} said.",
            "With almost all ballots counted, the {O0} was on course for {seats} seats.",
            "Observers said the vote in {L} was largely orderly, though some polling stations opened late.",
        ),
        (
            "{O0} wins {L} vote with {pct}%",
            "{P0} claims victory as {O0} takes {pct}%",
            "{L} election: turnout {turnout}% as {O0} leads",
        ),
        ("Opposition concedes as counting nears its end", "The {O1} will publish final results next week"),
    ),
    EventType(
        "trial",
        {"years": (2, 18), "fine": (1, 40), "counts": (2, 9)},
        "years",
        ("{L} District Court", "{C} Prosecution Service"),
        (
            ("Judge", "the presiding judge"),
            ("Prosecutor", "a prosecutor for the {O1}"),
            ("Defendant", "the defendant"),
        ),
        (
            "A court in {L} on {day} sentenced {P2} to {years} years in prison for fraud.",
            "{P2} was found guilty on {counts} counts of fraud and money laundering by the {O0}.",
            "The {O0} also ordered {S2} to repay {fine} million euros in misappropriated funds.",
            "Prosecutors had asked for a sentence of {years} years, the {O1} said.",
            "{S2}'s lawyers said they would appeal against the verdict within {within} days.",
        ),
        (
            "{P2} jailed for {years} years in {L} fraud case",
            "Court sentences {S2} to {years} years",
            "{L} court finds {S2} guilty on {counts} counts",
        ),
        ("The judge says the fraud was carefully planned", "Defence lawyers say they will appeal"),
    ),
    EventType(
        "wildfire",
        {"hectares": (200, 20000), "firefighters": (50, 900), "homes": (3, 300), "dead": (2, 12)},
        "homes",
        ("{L} Fire and Rescue Service", "{C} Forestry Agency"),
        (
            ("Fire Chief", "the head of the {O0}"),
            ("Mayor", "the mayor of {L}"),
            ("Resident", "a resident of {L}"),
        ),
        (
            "A wildfire near {L} has burned {hectares} hectares of forest and destroyed {homes} homes, the {O0} said on {day}.",
            "More than {firefighters} firefighters, backed by water-bombing aircraft, were battling the blaze.",
            "At least {dead} people have died in the fire, officials said.",
            "Strong winds pushed the flames towards the outskirts of {L} on {day}.",
            "The blaze has destroyed {homes} houses and forced hundreds of people to leave.",
        ),
        (
            "Wildfire near {L} destroys {homes} homes",
            "{firefighters} firefighters battle blaze near {L}",
            "Fire near {L} kills {dead}, burns {hectares} hectares",
        ),
        (
            "Residents told to be ready to leave at short notice",
            "The {O1} blames a dry winter and strong winds",
        ),
    ),
    EventType(
        "takeover",
        {"amount": (50, 9000), "jobs": (100, 5000), "pct": (5, 40)},
        "amount",
        ("{L} Holdings", "{L2} Logistics"),
        (
            ("Chief Executive", "the chief executive of {O0}"),
            ("Economy Minister", "the economy minister"),
            ("Union Representative", "a union representative"),
        ),
        (
            "{O0} agreed on {day} to buy {O1} for {amount} million euros.",
            "The deal, worth {amount} million, will create the largest company of its kind in {C}.",
            "Up to {jobs} jobs could be cut as the two companies combine, according to unions.",
            "Shares in {O1} rose {pct}% after the announcement.",
            "The takeover still needs the approval of competition regulators, which could take months.",
        ),
        (
            "{O0} to buy {O1} for {amount} million",
            "{O0}-{O1} deal puts {jobs} jobs at risk",
            "{O1} shares jump {pct}% on takeover news",
        ),
        ("Unions demand guarantees for workers", "Regulators will examine the deal over the coming months"),
    ),
    EventType(
        "protest",
        {"crowd": (500, 60000), "arrests": (3, 200), "injured": (2, 80)},
        "crowd",
        ("{L} police", "{C} Students' Federation"),
        (
            ("Police Chief", "the head of the {O0}"),
            ("Organiser", "one of the organisers"),
            ("Interior Minister", "the interior minister"),
        ),
        (
            "About {crowd} people marched through {L} on {day} to protest against a new tax law.",
            "Police arrested {arrests} people after clashes near the parliament building in {L}.",
            "Organisers said {crowd} people took part; the {O0} gave a lower figure.",
            "At least {injured} people, including several police officers, were injured.",
            "The protest was organised by the {O1} and several opposition groups.",
        ),
        (
            "{crowd} march in {L} against new tax law",
            "Police arrest {arrests} as protest turns violent in {L}",
            "Thousands protest in {L}; {arrests} arrested",
        ),
        ("Organisers promise more protests next week", "The {O0} says most demonstrators were peaceful"),
    ),
)

#: Spelling variants (transliteration-like) for names: the first rule that applies wins.
VARIANT_RULES = (
    ("ks", "x"),
    ("sz", "s"),
    ("y", "i"),
    ("ch", "kh"),
    ("k", "c"),
    ("v", "w"),
    ("ou", "u"),
    ("é", "e"),
    ("ö", "oe"),
    ("ström", "strom"),
    ("ova", "owa"),
    ("enko", "enco"),
    ("ss", "s"),
)
TRAIN_NAMES = _words("Northern Coastal Valley Border Lakeside Highland Harbour")
TRAIN_KINDS = _words("Arrow Star Flyer Comet Express Runner")
_SLOT = re.compile(r"<(VTp|VTn|VT|VDp|VDn|VD|AT|AD|G|T|D)>")
_ARTICLE = re.compile(r"\b([Aa]) (?=[aeio]|u(?!ni))")
START_DATE = dt.date(2023, 1, 2)
SPAN_DAYS = 1000


# --------------------------------------------------------------------------- small helpers
def sloppy_cp1252(text: str) -> str:
    """UTF-8 bytes read back as cp1252, undefined bytes kept as C1 controls (broken scrapers).

    >>> sloppy_cp1252("café’s")
    'cafÃ©â€™s'
    """
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


_MOJIBAKE = str.maketrans({c: sloppy_cp1252(c) for c in "’‘“”–—éèüöäåøñ«»€·"})


def _variant(name: str) -> str:
    """A transliteration-like respelling, keeping the first letter.

    >>> _variant("Kovenko"), _variant("Halsen")
    ('Kovenco', 'Halsenn')
    """
    for old, new in VARIANT_RULES:
        if old in name[1:]:
            return name[0] + name[1:].replace(old, new, 1)
    return name[:-1] + name[-1] * 2


def _fmt_number(value: float) -> str:
    return f"{value:.1f}" if isinstance(value, float) else f"{value:,}"


def _perturb(value: float, rng: random.Random) -> float:
    """Another outlet's figure for the same thing: close, but not the same."""
    if isinstance(value, float):
        return round(value + rng.choice((-0.5, -0.2, 0.2, 0.5)), 1)
    step = max(1, int(value) // 5)
    return max(1, int(value) + rng.choice((-1, 1)) * rng.randint(1, step))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _ascii_handle(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())[:15]


class _Zipf:
    """Draws items with probability proportional to 1 / rank."""

    def __init__(self, items: tuple, exponent: float = 1.0) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(1 / (r + 1) ** exponent for r in range(len(items))))

    def draw(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


_THING_VERBS, _DOCUMENT_VERBS = _Zipf(THING_VERBS), _Zipf(DOCUMENT_VERBS)
#: slot -> (word class, verb form or None)
_SLOTS: dict[str, tuple[_Zipf, int | None]] = {
    "G": (_Zipf(GROUPS), None),
    "T": (_Zipf(THINGS), None),
    "D": (_Zipf(DOCUMENTS), None),
    "AT": (_Zipf(THING_ADJECTIVES), None),
    "AD": (_Zipf(DOCUMENT_ADJECTIVES), None),
    "VT": (_THING_VERBS, 0),
    "VTp": (_THING_VERBS, 1),
    "VTn": (_THING_VERBS, 2),
    "VD": (_DOCUMENT_VERBS, 0),
    "VDp": (_DOCUMENT_VERBS, 1),
    "VDn": (_DOCUMENT_VERBS, 2),
}


def fill_words(template: str, rng: random.Random) -> str:
    """Fill the <word-class> slots with Zipf-drawn words; leave {slots} alone.

    >>> fill_words("The <T> was <VTn> on {day}.", random.Random(1))
    'The road was protected on {day}.'
    """

    def pick(m: re.Match[str]) -> str:
        words, form = _SLOTS[m.group(1)]
        word = words.draw(rng)
        return word if form is None else word[form]

    return _ARTICLE.sub(r"\1n ", _SLOT.sub(pick, template))


# --------------------------------------------------------------------------- world
@dataclass(frozen=True)
class Actor:
    first: str
    surname: str
    alt_surname: str
    title: str
    role: str
    pronoun: str


@dataclass(frozen=True)
class Outlet:
    name: str
    short: str
    domain: str
    #: (name, object pronoun) per reporter
    staff: tuple[tuple[str, str], ...]
    quotes: tuple[str, str]
    wire: bool
    #: 0 no dateline, 1 "PLACE —", 2 "PLACE, Month D, YYYY (SHORT) —"
    dateline: int
    date_line: bool
    paragraph_sep: str
    tails: tuple[int, ...]


@dataclass
class Event:
    kind: EventType
    date: dt.date
    slots: dict[str, str]
    numbers: dict[str, float]
    actors: tuple[Actor, ...]
    filler: tuple[str, ...]
    quotes: tuple[str, ...]
    reported: tuple[str, ...]
    weight: float


@dataclass
class _Draft:
    """One article before rendering to a JSONL record or a text file."""

    id: str
    url: str
    outlet: Outlet
    title: str
    deck: str
    author: str
    published: dt.datetime | None
    paragraphs: list[str]
    ctx: dict[str, str] = field(default_factory=dict)
    event: Event | None = None


@dataclass
class _Pools:
    """What one article may still use, each item at most once (shuffled copies of the event's)."""

    facts: list[str]
    filler: list[str]
    quotes: list[str]
    reported: list[str]
    seen: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, ev: Event, rng: random.Random) -> _Pools:
        pools = cls(list(ev.kind.facts[2:]), list(ev.filler), list(ev.quotes), list(ev.reported))
        for items in (pools.facts, pools.filler, pools.quotes, pools.reported):
            rng.shuffle(items)
        return pools


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST_NAMES), rng.choice(SURNAME_HEADS) + rng.choice(SURNAME_TAILS)


def _place(rng: random.Random) -> str:
    return rng.choice(SURNAME_HEADS) + rng.choice(PLACE_TAILS)


def _make_outlet(rng: random.Random, country: str, wire: bool) -> Outlet:
    if wire:
        name = rng.choice((f"{country} Press Agency", f"{_place(rng)} News Service", f"{country} Wire"))
        short = "".join(w[0] for w in name.split()).upper()
    else:
        name = f"The {_place(rng)} {rng.choice(PAPERS)}"
        short = name.split()[1]
    staff = tuple((" ".join(_person(rng)), rng.choice(("her", "him"))) for _ in range(rng.randint(3, 7)))
    return Outlet(
        name=name,
        short=short,
        domain=_slug(name.removeprefix("The ")).replace("-", "") + ".example",
        staff=staff,
        quotes=rng.choices(QUOTE_MARKS, QUOTE_WEIGHTS)[0],
        wire=wire,
        dateline=2 if wire else rng.choice((0, 1, 1, 2)),
        date_line=not wire and rng.random() < 0.6,
        paragraph_sep="\n" if rng.random() < 0.15 else "\n\n",
        tails=tuple(sorted(rng.sample(range(len(TAILS)), rng.randint(1, 4)))),
    )


def _make_actors(kind: EventType, slots: dict[str, str], rng: random.Random) -> tuple[Actor, ...]:
    actors = []
    for title, role in kind.roles:
        first, surname = _person(rng)
        actors.append(
            Actor(first, surname, _variant(surname), title, role.format_map(slots), rng.choice(("she", "he")))
        )
    return tuple(actors)


def _event_slots(kind: EventType, country: str, rng: random.Random) -> dict[str, str]:
    slots = {
        "L": _place(rng),
        "L2": _place(rng),
        "C": country,
        "within": str(rng.choice((7, 10, 14, 30, 60, 90))),
        "pop": f"{rng.randint(3, 400) * 1000:,}",
        "year0": str(rng.randint(1960, 2019)),
        "river": rng.choice(SURNAME_HEADS) + rng.choice(("a", "e", "in", "ey")),
        "train": f"{rng.choice(TRAIN_NAMES)} {rng.choice(TRAIN_KINDS)}",
    }
    slots["O0"], slots["O1"] = (org.format_map(slots) for org in kind.orgs)
    return slots


def _actor_slots(actors: tuple[Actor, ...]) -> dict[str, str]:
    slots: dict[str, str] = {}
    for k, a in enumerate(actors):
        slots |= {
            f"T{k}": a.title,
            f"R{k}": a.role,
            f"pr{k}": a.pronoun,
            f"Pr{k}": a.pronoun.capitalize(),
            f"P{k}": f"{a.first} {a.surname}",
            f"S{k}": a.surname,
        }
    return slots


def _draw_numbers(kind: EventType, rng: random.Random) -> dict[str, float]:
    numbers: dict[str, float] = {}
    for key, (low, high) in kind.numbers.items():
        if isinstance(low, float):
            numbers[key] = round(rng.uniform(low, high), 1)
        else:
            numbers[key] = int(round(math.exp(rng.uniform(math.log(low), math.log(high)))))
    return numbers


def make_event(seed: int, index: int, count: int, countries: tuple[str, ...]) -> Event:
    """Event ``index`` of ``count``: the same whenever it is asked for, dated in index order."""
    rng = random.Random(f"{seed}:{index}")
    kind = rng.choice(EVENT_TYPES)
    date = START_DATE + dt.timedelta(days=index * SPAN_DAYS // max(1, count) + rng.randint(0, 2))
    slots = _event_slots(kind, rng.choice(countries), rng)
    slots |= {"day": WEEKDAYS[date.weekday()], "next_day": WEEKDAYS[(date.weekday() + 2) % 7]}
    actors = _make_actors(kind, slots, rng)
    return Event(
        kind=kind,
        date=date,
        slots=slots | _actor_slots(actors),
        numbers=_draw_numbers(kind, rng),
        actors=actors,
        filler=tuple(fill_words(t, rng) for t in rng.sample(FILLER, 10)),
        quotes=tuple(fill_words(t, rng) for t in rng.sample(QUOTE_LINES, 8)),
        reported=tuple(fill_words(t, rng) for t in REPORTED),
        weight=min(1.0, 0.12 * rng.paretovariate(1.3)),
    )


# --------------------------------------------------------------------------- articles
class _Generator:
    """Streams drafts: event choice drifts through time, so stories arrive in bursts."""

    def __init__(self, n: int, seed: int = 0, events: int | None = None) -> None:
        self.n, self.seed = n, seed
        self.rng = random.Random(seed)
        self.n_events = max(1, events if events is not None else n // 8)
        self.window = 6
        self.countries = tuple(
            dict.fromkeys(self.rng.choice(SURNAME_HEADS) + self.rng.choice(COUNTRY_TAILS) for _ in range(4))
        )
        count = min(150, max(12, n // 300))
        self.outlets = tuple(
            _make_outlet(self.rng, self.rng.choice(self.countries), i < 3) for i in range(count)
        )
        self.papers = tuple(o for o in self.outlets if not o.wire)
        self.filler = tuple(fill_words(self.rng.choice(FILLER), self.rng) for _ in range(4000))
        self.events: dict[int, Event] = {}
        self.wire_recent: deque[_Draft] = deque(maxlen=40)
        self.titles: deque[str] = deque(maxlen=60)

    def drafts(self) -> Iterator[_Draft]:
        for i in range(self.n):
            draft = None
            if self.wire_recent and self.rng.random() < 0.03:
                draft = self._republish(i)
            draft = draft or self._article(i)
            self.titles.append(draft.title)
            if draft.outlet.wire:
                self.wire_recent.append(draft)
            yield draft

    def _event(self, index: int) -> Event:
        ev = self.events.get(index)
        if ev is None:
            ev = self.events[index] = make_event(self.seed, index, self.n_events, self.countries)
            self.events.pop(index - 4 * self.window - 1, None)
        return ev

    def _pick_event(self, i: int) -> Event:
        center = i * self.n_events // max(1, self.n)
        for _ in range(4):
            index = min(self.n_events - 1, max(0, center + self.rng.randint(-self.window, self.window)))
            ev = self._event(index)
            if self.rng.random() < ev.weight:
                break
        return ev

    def _context(self, ev: Event, outlet: Outlet) -> dict[str, str]:
        rng = self.rng
        ctx = dict(ev.slots)
        for k, actor in enumerate(ev.actors):
            if rng.random() < 0.2:
                ctx[f"P{k}"], ctx[f"S{k}"] = f"{actor.first} {actor.alt_surname}", actor.alt_surname
        numbers = dict(ev.numbers)
        if rng.random() < 0.15:
            numbers[ev.kind.disputed] = _perturb(numbers[ev.kind.disputed], rng)
        ctx |= {key: _fmt_number(value) for key, value in numbers.items()}
        if rng.random() < 0.06:
            ctx["day"] = WEEKDAYS[(ev.date.weekday() + 1) % 7]
        ctx["qo"], ctx["qc"] = outlet.quotes
        return ctx

    def _article(self, i: int) -> _Draft:
        rng = self.rng
        ev = self._pick_event(i)
        outlet = rng.choice(self.outlets)
        ctx = self._context(ev, outlet)
        day = ev.date + dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
        published = dt.datetime.combine(day, dt.time(rng.randint(5, 22), rng.choice((0, 5, 15, 30, 45, 52))))
        ctx["embed_date"] = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
        title = rng.choice(ev.kind.titles).format_map(ctx)
        author, obj = rng.choice(outlet.staff)
        paragraphs = self._body(ev, ctx, outlet, published) + self._tail(
            outlet, ctx, (author, obj), published
        )
        draft = _Draft(
            id=f"g{self.seed}-{i:07d}",
            url=f"https://{outlet.domain}/{day:%Y/%m/%d}/{_slug(title)}-{i}",
            outlet=outlet,
            title=title,
            deck=rng.choice(ev.kind.decks).format_map(ctx),
            author=author,
            published=None if rng.random() < 0.02 else published,
            paragraphs=paragraphs,
            ctx=ctx,
            event=ev,
        )
        return self._noise(draft)

    def _body(self, ev: Event, ctx: dict[str, str], outlet: Outlet, published: dt.datetime) -> list[str]:
        rng = self.rng
        paragraphs = [_dateline(ev, outlet, published) + rng.choice(ev.kind.facts[:2]).format_map(ctx)]
        if rng.random() < 0.25:
            paragraphs.insert(0, self._caption(ctx, outlet))
        pools = _Pools.of(ev, rng)
        size, target = 0, rng.randint(1900, 3900)
        while size < target:
            new = self._paragraph(ev, ctx, pools)
            paragraphs += new
            size += sum(len(p) for p in new)
        if rng.random() < 0.2:
            paragraphs.insert(rng.randint(2, len(paragraphs) - 1), "Advertisement")
        return paragraphs

    def _paragraph(self, ev: Event, ctx: dict[str, str], pools: _Pools) -> list[str]:
        """One paragraph (or a quote plus its embed): a fact, a quote, reported speech or background."""
        rng = self.rng
        r = rng.random()
        if r < 0.3 and pools.facts:
            return [
                " ".join([pools.facts.pop().format_map(ctx), *self._fillers(ctx, pools, rng.randint(0, 1))])
            ]
        if r < 0.5 and len(pools.quotes) >= 2:
            return self._quote(ev, ctx, pools)
        if r < 0.6 and pools.reported:
            ctx["when"], ctx["then"] = rng.choice(WHEN).format_map(ctx), rng.choice(THEN).format_map(ctx)
            speaker = str(rng.randrange(len(ev.actors)))
            return [pools.reported.pop().replace("#", speaker).format_map(ctx)]
        return [" ".join(self._fillers(ctx, pools, rng.randint(1, 3)))]

    def _fillers(self, ctx: dict[str, str], pools: _Pools, k: int) -> list[str]:
        """``k`` background sentences, from the event's own pool or the shared one, none repeated."""
        rng = self.rng
        out: list[str] = []
        for _ in range(3 * k):
            if len(out) == k:
                break
            own = pools.filler and rng.random() < 0.5
            sentence = (pools.filler.pop() if own else rng.choice(self.filler)).format_map(ctx)
            if sentence not in pools.seen:
                pools.seen.add(sentence)
                out.append(sentence)
        return out

    def _quote(self, ev: Event, ctx: dict[str, str], pools: _Pools) -> list[str]:
        """A direct quote paragraph; now and then followed by a social-media embed repeating it."""
        rng = self.rng
        k = rng.randrange(len(ev.actors))
        q1, q2 = pools.quotes.pop().format_map(ctx), pools.quotes.pop().format_map(ctx)
        q2l = q2 if q2.startswith(("I ", "I'", "My ", "People ")) else q2[0].lower() + q2[1:]
        form = rng.choice(QUOTE_FORMS).replace("#", str(k))
        paragraph = form.format_map(ctx | {"q1": q1, "q2": q2, "q2l": q2l})
        if rng.random() > 0.06:
            return [paragraph]
        name = ctx[f"P{k}"]
        return [paragraph, f"{q1}.", f"— {name} (@{_ascii_handle(name)}) {ctx['embed_date']}"]

    def _caption(self, ctx: dict[str, str], outlet: Outlet) -> str:
        text = self.rng.choice(CAPTIONS).format_map(ctx)
        if self.rng.random() < 0.5:
            return f"{text}. (Photo: {' '.join(_person(self.rng))}/{outlet.name})"
        return f"{text}. ({outlet.name} photo)"

    def _tail(
        self, outlet: Outlet, ctx: dict[str, str], author: tuple[str, str], published: dt.datetime
    ) -> list[str]:
        rng = self.rng
        related = [rng.choice(self.titles) if self.titles else "More news from the region" for _ in range(3)]
        values = {
            "author": author[0],
            "aobj": author[1],
            "handle": _ascii_handle(author[0]),
            "outlet": outlet.name,
            "domain": outlet.domain,
            "rel1": related[0],
            "rel2": related[1],
            "rel3": related[2],
        }
        out = [TAILS[i].format_map(values) for i in outlet.tails if rng.random() < 0.8]
        if outlet.wire:
            out.insert(0, f"(Reporting by {author[0]}; editing by {rng.choice(outlet.staff)[0]})")
        if rng.random() < 0.6:
            out.append(f"© {published.year} {outlet.name}. All rights reserved.")
        return out

    def _noise(self, draft: _Draft) -> _Draft:
        """Mojibake: the whole article now and then, one paragraph a little more often."""
        r = self.rng.random()
        if r < 0.04:
            draft.title, draft.deck = draft.title.translate(_MOJIBAKE), draft.deck.translate(_MOJIBAKE)
            draft.paragraphs = [p.translate(_MOJIBAKE) for p in draft.paragraphs]
        elif r < 0.09:
            k = self.rng.randrange(len(draft.paragraphs))
            draft.paragraphs[k] = draft.paragraphs[k].translate(_MOJIBAKE)
        return draft

    def _republish(self, i: int) -> _Draft | None:
        """A wire story run again by a paper: new headline, one paragraph cut, the paper's own tail."""
        rng = self.rng
        src = rng.choice(self.wire_recent)
        if src.event is None or src.published is None:
            return None
        outlet = rng.choice(self.papers)
        paragraphs = [p for p in src.paragraphs if not p.startswith(("©", "(Reporting", "Related"))]
        if len(paragraphs) > 5:
            del paragraphs[rng.randrange(2, len(paragraphs) - 1)]
        others = [t.format_map(src.ctx) for t in src.event.kind.titles]
        title = rng.choice([t for t in others if t != src.title] or [f"UPDATE: {src.title}"])
        published = src.published + dt.timedelta(minutes=rng.randint(20, 600))
        author = f"{src.author}, {src.outlet.name}"
        paragraphs += self._tail(outlet, src.ctx, (author, "her"), published)
        return _Draft(
            id=f"g{self.seed}-{i:07d}",
            url=f"https://{outlet.domain}/{published:%Y/%m/%d}/{_slug(title)}-{i}",
            outlet=outlet,
            title=title,
            deck=src.deck,
            author=author,
            published=published,
            paragraphs=paragraphs,
            ctx=src.ctx,
            event=src.event,
        )


def _dateline(ev: Event, outlet: Outlet, published: dt.datetime) -> str:
    place = ev.slots["L"].upper()
    if outlet.dateline == 2:
        month = MONTHS[published.month - 1]
        return f"{place}, {month} {published.day}, {published.year} ({outlet.short}) — "
    return f"{place} — " if outlet.dateline == 1 else ""


# --------------------------------------------------------------------------- output
def as_record(draft: _Draft) -> dict[str, str | None]:
    """The JSONL-ingest shape: id, url, outlet, title, author, published, text."""
    return {
        "id": draft.id,
        "url": draft.url,
        "outlet": draft.outlet.name,
        "title": draft.title,
        "author": draft.author,
        "published": draft.published.strftime("%Y-%m-%dT%H:%M:00Z") if draft.published else None,
        "text": draft.outlet.paragraph_sep.join(draft.paragraphs),
    }


def as_text(draft: _Draft) -> str:
    """A plain-text article: title line, deck line, byline (and date line), then the body."""
    head = [draft.title, draft.deck, f"By {draft.author}"]
    if draft.outlet.date_line and draft.published:
        p = draft.published
        head.append(f"Published {p.day} {MONTHS[p.month - 1]} {p.year}, {p:%H:%M}")
    return "\n".join(head) + "\n\n" + draft.outlet.paragraph_sep.join(draft.paragraphs) + "\n"


def generate_articles(n: int, seed: int = 0, events: int | None = None) -> Iterator[dict[str, str | None]]:
    """``n`` articles about ``events`` events (default n // 8), deterministic for a seed."""
    for draft in _Generator(n, seed, events).drafts():
        yield as_record(draft)


def write_corpus(
    path_dir: str | Path, n: int, fmt: str = "txt", seed: int = 0, events: int | None = None
) -> list[Path]:
    """Write ``n`` articles as ``n`` text files or one ``corpus.jsonl``; returns the paths written."""
    out = Path(path_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        path = out / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for record in generate_articles(n, seed, events):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [path]
    if fmt != "txt":
        raise ValueError(f"fmt must be 'txt' or 'jsonl', not {fmt!r}")
    paths = []
    for i, draft in enumerate(_Generator(n, seed, events).drafts()):
        path = out / f"{i:07d}.txt"
        path.write_text(as_text(draft), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic news corpus (fictional, deterministic).")
    parser.add_argument("out_dir")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--fmt", choices=("txt", "jsonl"), default="txt")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--events", type=int, default=None)
    args = parser.parse_args(argv)
    paths = write_corpus(args.out_dir, args.n, args.fmt, args.seed, args.events)
    print(f"wrote {args.n} articles to {len(paths)} file(s) in {args.out_dir}")


if __name__ == "__main__":
    main()
