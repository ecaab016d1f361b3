"""Vocabularies and small text tests shared by the paragraph detectors.

Everything here is general: the words and shapes news sites use for page
furniture (prompts to the reader, credits, signatures), and the shapes of
running reporting (attribution verbs, quotations) that must never be taken
for furniture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .alternation import exact_alternation

_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """Lower case, one character for one, as IGNORECASE patterns compare text: characters
    that such a pattern takes for an ASCII letter become that letter ("ſ" -> "s", "İ" -> "i").

    >>> fold("Sign İN, ſhare")
    'sign in, share'
    """
    if text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        return text.lower()
    return text.translate(_FOLD).lower()


def split_keys(keys: str) -> tuple[str, ...]:
    """Prefilter keys written "k1|k2|..." (no key holds a bar)."""
    return tuple(keys.split("|"))


def may_match(keys: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` contains one of ``keys``: False means the pattern cannot match."""
    return any(map(folded.__contains__, keys))


def any_of(keys: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found in exactly the texts that contain one of ``keys``: a trie, one branch per
    next character, which the regex engine runs much faster than a list of the keys.

    >>> any_of(("sign up", "sign in", "sig")).pattern, bool(any_of(("ab", "cd")).search("xcdx"))
    ('sig', True)
    """
    tree: dict[str, dict] = {}
    for key in keys:
        node = tree
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(node: dict[str, dict]) -> str:
        if "" in node:  # a key ends here, and every longer key on this branch contains it
            return ""
        found = [re.escape(ch) + branches(child) for ch, child in sorted(node.items())]
        return found[0] if len(found) == 1 else "(?:" + "|".join(found) + ")"

    return re.compile(branches(tree) if keys else "(?!)")


def finditer_from(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that never matches empty text, tried only where
    ``starts`` (without overlaps, and fast) finds something: it must find every place a match
    can begin. Like finditer, the next match is looked for after the end of the last."""
    end = 0
    for found in starts.finditer(text):
        m = pattern.match(text, found.start()) if found.start() >= end else None
        if m:
            yield m
            end = m.end()


class Alternatives:
    """A pattern ``"a|b|..."`` built from its alternatives, each given with its keys ("k1|k2"):
    lower-case strings one of which every match of that alternative contains
    (tests/test_clean_prefilter.py proves it from the pattern).

    :meth:`findall` runs only the alternatives whose keys the folded text contains. One
    that cannot match anywhere in the text matches nowhere when it is left out either, and
    the others are tried at each position in the same order, so the matches are the same.
    """

    def __init__(self, alternatives: tuple[tuple[str, str], ...], flags: int) -> None:
        self.alternatives = tuple(alternative for alternative, _ in alternatives)
        self.pattern = re.compile("|".join(self.alternatives), flags)
        if self.pattern.groups:
            raise ValueError("alternatives must not capture: findall would return groups")
        self.by_key: dict[str, list[int]] = {}
        for i, (_, keys) in enumerate(alternatives):
            for key in split_keys(keys):
                self.by_key.setdefault(key, []).append(i)
        self.keys = tuple(self.by_key)
        self.gate = any_of(self.keys)
        self._patterns: dict[tuple[int, ...], re.Pattern[str]] = {}

    def findall(self, text: str, folded: str) -> list[str]:
        """``self.pattern.findall(text)``, where ``folded`` is ``fold(text)``."""
        if not self.gate.search(folded):
            return []
        possible = tuple(sorted({i for key in self.keys if key in folded for i in self.by_key[key]}))
        if not possible:
            return []
        pattern = self._patterns.get(possible)
        if pattern is None:
            if len(self._patterns) > 1000:
                self._patterns.clear()
            chosen = "|".join(self.alternatives[i] for i in possible)
            pattern = self._patterns[possible] = re.compile(chosen, self.pattern.flags)
        return pattern.findall(text)


MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: "November 27, 2025", "Nov. 27 2025", "27 November 2025", optionally "at 10:15 AM".
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?"
)
#: A personal name as it starts a bio: two to four capitalised words (particles allowed).
NAME = r"(?P<name>[A-Z][\w'\u2019.-]+(?:\s+(?:[A-Z][\w'\u2019.-]+|de|da|del|van|von|der|den|la|le|bin|al|el|ibn)){1,3})"
#: An outlet as written: "Example.com", "The Daily Example", "Example News & Media".
OUTLET = (
    r"(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w&'\u2019-]*(?:\.[A-Za-z]{2,})*"
    r"(?:\s+(?:of\s+|and\s+|&\s+|for\s+)?[A-Z][\w&'\u2019-]*(?:\.[A-Za-z]{2,})*){0,5})"
)
SOCIAL = (
    r"(?:Twitter|X|Instagram|Facebook|Threads|Bluesky|Mastodon|LinkedIn|TikTok|YouTube|Telegram|Substack)"
)

#: Verbs and phrases of attribution: a paragraph that reports speech is reporting.
REPORTING = re.compile(
    r"\b(?:said|says|told|tells|added|asked|according to|explained|noted|stated|argued|warned|claimed"
    r"|insisted|reported|announced|declared|testified|tweeted|wrote in|recalled|acknowledged)\b",
    re.IGNORECASE,
)
#: A quotation of six words or more: quoted speech (a quoted title is shorter).
QUOTED = re.compile(r"(?:^|[\s(\[])[\"\u201c\u201e\u00ab]\s?\w+(?:[^\"\u201d\u201c\u00bb\s]*\s+){5}")
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you['\u2019](?:re|ve|ll|d)|please)\b", re.IGNORECASE)
#: The site talking about itself: "We welcome ...", "our newsletter", "this site".
_SITE_NAMED = (
    r"\b(?:our|this) (?:site|website|page|newsletters?|comments?|comment section|policy|policies"
    r"|app|journalism|readers|community|team|editors|staff|terms|privacy|cookies?|partners|podcasts?"
    r"|coverage|reporting|mission|members|subscribers|forum|moderators)\b"
)
SITE_VOICE = re.compile(rf"^(?:we|our)\b|{_SITE_NAMED}", re.IGNORECASE)
#: Every match of ``_SITE_NAMED`` contains one of these (tests/test_clean_prefilter.py).
_SITE_NAMED_KEYS = ("our ", "this ")
#: The verbs a prompt to the reader opens with.
_IMPERATIVE_VERBS = split_keys(
    "sign|subscribe|join|share|click|tap|follow|download|read|get|enter|register|log|login|support|donate|like"
    "|watch|listen|visit|see|learn|find|check|become|don't|don\u2019t|do not|stay|send|tell|email|contact|discover"
    "|explore|try|start|continue|save|print|comment|leave|add|accept|manage|allow|install|give|keep|report"
    "|enable|disable|upgrade|unlock|claim|view|thanks|thank"
)
_IMPERATIVE_START = r"(?:^|[.!?]\s+|^for more(?: \w+){0,3},\s*)(?:please\s+)?"
#: A prompt starts with an imperative addressed to the reader.
IMPERATIVE = re.compile(
    rf"{_IMPERATIVE_START}(?:{'|'.join(map(re.escape, _IMPERATIVE_VERBS))})\b", re.IGNORECASE
)
#: ``IMPERATIVE`` with its verbs as a tree (:mod:`.alternation`), and past the first character,
#: where only its ``[.!?]\s+`` start can match (the stop opens the match: found fast).
_IMPERATIVE_FIRST = re.compile(rf"{_IMPERATIVE_START}{exact_alternation(_IMPERATIVE_VERBS)}\b", re.IGNORECASE)
_IMPERATIVE_LATER = re.compile(
    rf"[.!?]\s+(?:please\s+)?{exact_alternation(_IMPERATIVE_VERBS)}\b", re.IGNORECASE
)
#: Phrases that on their own mark a prompt, a widget label or an advert marker, each with its keys.
_STRONG = (
    (
        "comment(?:ing)? (?:policy|guidelines|rules)",
        "comment policy|comment guidelines|comment rules|commenting ",
    ),
    ("community (?:guidelines|standards|rules)", "community guidelines|community standards|community rules"),
    (
        "join the (?:discussion|conversation|debate)",
        "join the discussion|join the conversation|join the debate",
    ),
    ("(?:leave|post|add|share) (?:a|your) comment", "a comment|your comment"),
    (
        "comments? (?:are|is|have been) (?:closed|moderated|open)",
        "comment are|comment is|comment have|comments are|comments is|comments have",
    ),
    ("(?:sign|log) in to (?:comment|reply|continue|read)", "sign in to|log in to"),
    (
        r"(?:sign up|subscribe) (?:for|to) (?:our|the|a|my) (?:\S+ ){0,3}"
        r"(?:newsletters?|emails?|briefing|digest|alerts)",
        "sign up for|sign up to|subscribe for|subscribe to",
    ),
    ("subscribe (?:now|today|here)", "subscribe now|subscribe today|subscribe here"),
    ("sign up (?:now|today|here)", "sign up now|sign up today|sign up here"),
    (r"^(?:sign up|subscribe)\b", "sign up|subscribe"),
    ("(?:delivered |straight )?(?:to|in) your inbox", "your inbox"),
    ("enter your (?:email|e-mail)", "enter your"),
    (r"send (?:us )?(?:your )?(?:news )?tips?\b", "send tip|send us|send your|send news"),
    (r"^share (?:this|on|via)\b", "share this|share on|share via"),
    ("^share$", "share"),
    ("share (?:this|the) (?:article|story|post|page)", "share this|share the"),
    ("sponsored (?:content|post|links?|by)", "sponsored content|sponsored post|sponsored link|sponsored by"),
    ("paid (?:content|post|partnership)", "paid content|paid post|paid partnership"),
    ("promoted (?:content|stories|links)", "promoted content|promoted stories|promoted links"),
    ("click here", "click here"),
    ("tap here", "tap here"),
    (r"^read more\s*:", "read more"),
    ("^continue reading", "continue reading"),
    ("read the full (?:story|article)", "read the full story|read the full article"),
    (r"download (?:the|our) (?:\w+ ){0,3}app\b", "download the|download our"),
    ("app store", "app store"),
    ("google play", "google play"),
    ("(?:we|site|website) uses? cookies", "use cookies|uses cookies"),
    ("(?:accept|manage|reject) (?:all )?cookies", "cookies"),
    ("cookie (?:policy|settings|preferences)", "cookie policy|cookie settings|cookie preferences"),
    ("privacy policy", "privacy policy"),
    (
        "terms (?:of|and) (?:use|service|conditions)",
        "terms of use|terms of service|terms of conditions|terms and",
    ),
    (
        "support (?:our|independent|quality) (?:journalism|reporting|work)",
        "support our|support independent|support quality",
    ),
    (
        "(?:make|become) a (?:donation|contribution|member|supporter)",
        "a donation|a contribution|make a member|become a member|a supporter",
    ),
    (
        r"(?:got|have) an? (?:news )?(?:tip|story)\b",
        "a tip|an tip|news tip|got a story|got an story|have a story|have an story|news story",
    ),
    ("send us (?:a tip|your)", "send us"),
    ("(?:follow|like) us on", "follow us on|like us on"),
    (r"^follow us\b", "follow us"),
    ("give us a (?:follow|like|share)", "give us a"),
    ("like what you (?:read|see)", "like what you"),
    ("never miss (?:a|another) (?:story|thing|update)", "never miss"),
    (r"\b(?:get|try|install|download) (?:our |the )?(?:free )?(?:\w+ )?app\b", " app"),
    (
        "(?:let us know|tell us|share your (?:thoughts|views)|join the conversation) in the comments",
        "in the comments",
    ),
    ("in the comments? (?:below|section)", "in the comment"),
    (
        r"(?:don['\u2019]t forget|be sure|remember) to (?:subscribe|sign up|follow|like|share)",
        "to subscribe|to sign up|to follow|to like|to share",
    ),
    ("^report an? (?:error|typo|mistake|correction)", "report a"),
    (
        "^thanks? (?:you )?for (?:reading|watching|listening|visiting)",
        "for reading|for watching|for listening|for visiting",
    ),
    ("^listen to (?:this|the) (?:article|story)", "listen to"),
    ("enable javascript", "enable javascript"),
    ("unlimited (?:digital )?access", "unlimited access|unlimited digital access"),
    (r"free articles?\b", "free article"),
    ("already (?:a|an) (?:subscriber|member|account holder)", "already a"),
)
STRONG_PHRASES = Alternatives(_STRONG, re.IGNORECASE)
STRONG = STRONG_PHRASES.pattern
#: Widget and advert markers that need no reader address to be furniture.
_SELF_EVIDENT_ADVERT = (
    r"^(?:skip )?(?:advertisement|advertising|advert|ads?|sponsored|promoted|paid content)\b[\s\W]*$"
    r"|^(?:advertisement|advertising)\s*[-\u2013\u2014:|]"
)
_CONTINUES = r"continues? (?:below|after) (?:the |this )?(?:advertisement|advert|ad)\b"
_SELF_EVIDENT_REST = (
    r"^(?:story|article) continues\b"
    r"|^(?:tags|topics|filed under|categories|posted in)\s*:|^(?:paid (?:post|content|partnership)|sponsored by)\b"
    r"|^(?:read|see|show|load|view) more\W*$|^back to top\W*$"
    r"|^scroll (?:down )?to (?:continue|read)\b|^continue reading(?: the main story| below)?\W*$"
)
SELF_EVIDENT = re.compile(f"{_SELF_EVIDENT_ADVERT}|{_CONTINUES}|{_SELF_EVIDENT_REST}", re.IGNORECASE)
#: ``SELF_EVIDENT`` as its parts: all are anchored at the start but ``_CONTINUES``, which is
#: only looked for where the folded text holds "continue" (tests/test_clean_prefilter.py).
SELF_EVIDENT_AT_START = re.compile(f"{_SELF_EVIDENT_ADVERT}|{_SELF_EVIDENT_REST}", re.IGNORECASE)
CONTINUES = re.compile(_CONTINUES, re.IGNORECASE)
#: Words of site furniture; each distinct one adds a little evidence.
WEAK = re.compile(
    r"\b(?:comments?|commenting|commenters?|discussion|respectful|civil|civility|moderat(?:ed|ion|ors?)|hateful|abusive"
    r"|off-topic|(?:will|may) be (?:removed|deleted)|guidelines|newsletters?|subscribe|subscription|subscribers?"
    r"|inbox|unsubscribe|sign up|log in|sign in|register|account|share|facebook|whatsapp|linkedin|app|download"
    r"|notifications|alerts|cookies|consent|privacy|advertis\w*|sponsor\w*|click|tap|donat\w*|membership"
    r"|journalism|premium|free trial|podcast|follow)\b",
    re.IGNORECASE,
)


#: Prefilters: lower-case strings one of which every match of the pattern above them contains
#: (tests/test_clean_prefilter.py proves it from the patterns), looked for in the :func:`fold`-ed
#: text before the pattern itself runs.
WEAK_KEYS = split_keys(
    "comment|discussion|respectful|civil|moderat|hateful|abusive|off-topic|be removed|be deleted|guidelines"
    "|newsletter|subscri|inbox|sign up|log in|sign in|register|account|share|facebook|whatsapp|linkedin|app"
    "|download|notifications|alerts|cookies|consent|privacy|advertis|sponsor|click|tap|donat|membership"
    "|journalism|premium|free trial|podcast|follow"
)
SELF_EVIDENT_KEYS = split_keys("ad|sponsored|promoted|paid |continue|:|more|back to top|scroll")
SECOND_PERSON_KEYS = ("you", "please")


def _matches_at(pattern: re.Pattern[str], text: str, haystack: str, marks: tuple[str, ...]) -> bool:
    """Whether ``pattern`` matches ``text`` at its start or where ``haystack`` (``text`` or
    ``fold(text)``: the same positions) holds one of ``marks``."""
    if pattern.match(text):
        return True
    for mark in marks:
        i = haystack.find(mark)
        while i >= 0:
            if pattern.match(text, i):
                return True
            i = haystack.find(mark, i + 1)
    return False


def self_evident(text: str, folded: str) -> bool:
    """``SELF_EVIDENT.search(text)``, where ``folded`` is ``fold(text)``: at the start, or
    (only the ``_CONTINUES`` part can match later) wherever the text says "continue".

    >>> self_evident("Advertisement", "advertisement"), self_evident("Story continues below ad", "story continues below ad")
    (True, True)
    """
    return bool(SELF_EVIDENT_AT_START.match(text)) or ("continue" in folded and bool(CONTINUES.search(text)))


def site_voice(text: str, folded: str) -> bool:
    """``SITE_VOICE.search(text)``: after the first character only ``_SITE_NAMED`` can
    match, and only where the folded text holds "our " or "this "."""
    return _matches_at(SITE_VOICE, text, folded, _SITE_NAMED_KEYS)


def imperative(text: str) -> bool:
    """``IMPERATIVE.search(text)``: at the first character, or at a full stop, "!" or "?"
    (before the next sentence), the only places a match can start.

    >>> imperative("Great news. Sign up today"), imperative("They sign up. It rained.")
    (True, False)
    """
    return bool(_IMPERATIVE_FIRST.match(text) or _IMPERATIVE_LATER.search(text, 1))


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Short widget labels are made of these words only ("Share this article", "Advertisement").
LABEL_WORDS = _word_set(
    "advertisement advert ad ads sponsored content promoted paid share this "
    "article story page post on via facebook twitter x whatsapp linkedin email e-mail print copy "
    "link tweet pin comments comment newsletter newsletters subscribe sign up log in continues "
    "continue below after scroll to reading read more the our stories links main skip advertising "
    "show hide view load all save bookmark later "
)
#: ... and name at least one widget, not just "the page" or "read more".
_LABEL_CORE = _word_set(
    "advertisement advert ad ads sponsored promoted share facebook twitter whatsapp linkedin email "
    "e-mail print tweet pin comments comment newsletter newsletters subscribe sign log advertising "
    "bookmark "
)


_BAR = re.compile(r"[|\u2022\u00b7\u00bb\u203a>]")
_SEPARATOR = re.compile(r"\s[|\u2022\u00b7\u00bb\u203a>]\s")
_LINK_ITEM = re.compile(r"[^\W\d][^.]{0,40}")
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019-][a-z0-9]+)*")


def is_link_row(text: str) -> bool:
    """A row of links or a breadcrumb: three or more short items between bars or arrows.

    >>> is_link_row("Terms of Use | Privacy Policy | Contact Us"), is_link_row("Home » News » Politics")
    (True, True)
    >>> is_link_row("The vote was 6-3 | a narrow win.")
    False
    """
    if not (("|" in text or ">" in text) if text.isascii() else _BAR.search(text)):
        return False  # three items need two separators (and "|" and ">" are the ASCII ones)
    items = [item.strip() for item in _SEPARATOR.split(text)]
    return len(items) >= 3 and all(_LINK_ITEM.fullmatch(item) and len(item.split()) <= 4 for item in items)


def words(text: str) -> list[str]:
    """Lowercase words, apostrophes kept inside them.

    >>> words("Share this: Don't miss it!")
    ['share', 'this', "don't", 'miss', 'it']
    """
    return _WORD.findall(text.lower())


def is_label(text: str) -> bool:
    """A short line made only of widget words.

    >>> is_label("Share this article"), is_label("Share prices fall"), is_label("Read more")
    (True, False, False)
    """
    found: list[str] = []
    for m in _WORD.finditer(text.lower()):
        word = m.group()
        if word.isdigit():  # "Comments (12)"
            continue
        if word not in LABEL_WORDS or len(found) == 6:
            return False  # a word that is not a widget word, or more than six words
        found.append(word)
    if not found or (text.rstrip().endswith(".") and len(found) > 2):
        return False
    return any(w in _LABEL_CORE for w in found)


def reports_speech(text: str) -> bool:
    """Attribution or quoted speech: the paragraph is reporting, not a prompt.

    >>> reports_speech("“Sign up today,” she told supporters."), reports_speech("Sign up today.")
    (True, False)
    """
    return bool(REPORTING.search(text) or QUOTED.search(text))


def ends_sentence(text: str) -> bool:
    """Ends like a sentence of running text (closing quotes and brackets aside).

    >>> ends_sentence("It rained."), ends_sentence("Join us!"), ends_sentence("Related stories")
    (True, True, False)
    """
    return bool(re.search(r"[.!?\u2026][\"'\u201d\u2019)\]]*$", text.rstrip()))
