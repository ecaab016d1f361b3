"""Vocabularies and small text tests shared by the paragraph detectors.

Everything here is general: the words and shapes news sites use for page
furniture (prompts to the reader, credits, signatures), and the shapes of
running reporting (attribution verbs, quotations) that must never be taken
for furniture.
"""

from __future__ import annotations

import re

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
SITE_VOICE = re.compile(
    r"^(?:we|our)\b|\b(?:our|this) (?:site|website|page|newsletters?|comments?|comment section|policy|policies"
    r"|app|journalism|readers|community|team|editors|staff|terms|privacy|cookies?|partners|podcasts?"
    r"|coverage|reporting|mission|members|subscribers|forum|moderators)\b",
    re.IGNORECASE,
)
#: A prompt starts with an imperative addressed to the reader.
IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s+|^for more(?: \w+){0,3},\s*)(?:please\s+)?(?:sign|subscribe|join|share|click|tap|follow|download|read|get|enter|register|log|login"
    r"|support|donate|like|watch|listen|visit|see|learn|find|check|become|don['\u2019]t|do not|stay|send|tell"
    r"|email|contact|discover|explore|try|start|continue|save|print|comment|leave|add|accept|manage|allow"
    r"|install|give|keep|report|enable|disable|upgrade|unlock|claim|view|thanks|thank)\b",
    re.IGNORECASE,
)
#: Phrases that on their own mark a prompt, a widget label or an advert marker.
STRONG = re.compile(
    r"comment(?:ing)? (?:policy|guidelines|rules)|community (?:guidelines|standards|rules)"
    r"|join the (?:discussion|conversation|debate)|(?:leave|post|add|share) (?:a|your) comment"
    r"|comments? (?:are|is|have been) (?:closed|moderated|open)|(?:sign|log) in to (?:comment|reply|continue|read)"
    r"|(?:sign up|subscribe) (?:for|to) (?:our|the|a|my) (?:\S+ ){0,3}(?:newsletters?|emails?|briefing|digest|alerts)"
    r"|subscribe (?:now|today|here)|sign up (?:now|today|here)|^(?:sign up|subscribe)\b"
    r"|(?:delivered |straight )?(?:to|in) your inbox|enter your (?:email|e-mail)"
    r"|send (?:us )?(?:your )?(?:news )?tips?\b"
    r"|^share (?:this|on|via)\b|^share$|share (?:this|the) (?:article|story|post|page)"
    r"|sponsored (?:content|post|links?|by)|paid (?:content|post|partnership)|promoted (?:content|stories|links)"
    r"|click here|tap here|^read more\s*:|^continue reading|read the full (?:story|article)"
    r"|download (?:the|our) (?:\w+ ){0,3}app\b|app store|google play"
    r"|(?:we|site|website) uses? cookies|(?:accept|manage|reject) (?:all )?cookies|cookie (?:policy|settings|preferences)"
    r"|privacy policy|terms (?:of|and) (?:use|service|conditions)"
    r"|support (?:our|independent|quality) (?:journalism|reporting|work)|(?:make|become) a (?:donation|contribution|member|supporter)"
    r"|(?:got|have) an? (?:news )?(?:tip|story)\b|send us (?:a tip|your)|(?:follow|like) us on|^follow us\b"
    r"|give us a (?:follow|like|share)|like what you (?:read|see)|never miss (?:a|another) (?:story|thing|update)"
    r"|\b(?:get|try|install|download) (?:our |the )?(?:free )?(?:\w+ )?app\b"
    r"|(?:let us know|tell us|share your (?:thoughts|views)|join the conversation) in the comments"
    r"|in the comments? (?:below|section)|(?:don['\u2019]t forget|be sure|remember) to (?:subscribe|sign up|follow|like|share)|^report an? (?:error|typo|mistake|correction)"
    r"|^thanks? (?:you )?for (?:reading|watching|listening|visiting)|^listen to (?:this|the) (?:article|story)"
    r"|enable javascript|unlimited (?:digital )?access|free articles?\b|already (?:a|an) (?:subscriber|member|account holder)",
    re.IGNORECASE,
)
#: Widget and advert markers that need no reader address to be furniture.
SELF_EVIDENT = re.compile(
    r"^(?:skip )?(?:advertisement|advertising|advert|ads?|sponsored|promoted|paid content)\b[\s\W]*$"
    r"|^(?:advertisement|advertising)\s*[-\u2013\u2014:|]"
    r"|continues? (?:below|after) (?:the |this )?(?:advertisement|advert|ad)\b|^(?:story|article) continues\b"
    r"|^(?:tags|topics|filed under|categories|posted in)\s*:|^(?:paid (?:post|content|partnership)|sponsored by)\b"
    r"|^(?:read|see|show|load|view) more\W*$|^back to top\W*$"
    r"|^scroll (?:down )?to (?:continue|read)\b|^continue reading(?: the main story| below)?\W*$",
    re.IGNORECASE,
)
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
#: (tests/test_clean_prefilter.py proves it from the patterns), checked with :func:`may_match`
#: on the :func:`fold`-ed text before the pattern itself runs.
STRONG_KEYS = (
    "comment", "community", "join the", "in to", "sign up", "subscribe", "inbox", "enter your", "send",
    "share", "sponsored", "paid content", "paid post", "paid partnership", "promoted", "click here",
    "tap here", "read more", "continue reading", "read the full", "download", "app store", "google play",
    "cookie", "privacy policy", "terms of use", "terms of service", "terms of conditions", "terms and use",
    "terms and service", "terms and conditions", "support our", "support independent",
    "support quality", "a donation", "a contribution", "make a member", "become a member", "a supporter",
    "a tip", "an tip", "news tip", "got a story", "got an story", "have a story", "have an story",
    "news story", "follow us", "like us on", "give us a", "like what you", "never miss", " app", "to follow",
    "to like", "report a", "thank", "listen to", "enable javascript", "unlimited", "free article", "already a",
)
WEAK_KEYS = (
    "comment", "discussion", "respectful", "civil", "moderat", "hateful", "abusive", "off-topic",
    "be removed", "be deleted", "guidelines", "newsletter", "subscri", "inbox", "sign up", "log in",
    "sign in", "register", "account", "share", "facebook", "whatsapp", "linkedin", "app", "download",
    "notifications", "alerts", "cookies", "consent", "privacy", "advertis", "sponsor", "click", "tap",
    "donat", "membership", "journalism", "premium", "free trial", "podcast", "follow",
)
SELF_EVIDENT_KEYS = ("ad", "sponsored", "promoted", "paid ", "continue", ":", "more", "back to top", "scroll")
SECOND_PERSON_KEYS = ("you", "please")
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """Lower case, one character for one, as IGNORECASE patterns compare text: characters
    that such a pattern takes for an ASCII letter become that letter ("ſ" -> "s", "İ" -> "i").

    >>> fold("Sign İN, ſhare")
    'sign in, share'
    """
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def may_match(keys: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` contains one of ``keys``: False means the pattern cannot match."""
    return any(map(folded.__contains__, keys))


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
    if not _BAR.search(text):  # three items need two separators
        return False
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
    lower = text.lower()
    first = _WORD.search(lower)
    if first is None or (first.group() not in LABEL_WORDS and not first.group().isdigit()):
        return False  # no words, or a first word that is not a widget word
    found = [w for w in _WORD.findall(lower) if not w.isdigit()]  # "Comments (12)"
    if not 0 < len(found) <= 6 or (text.rstrip().endswith(".") and len(found) > 2):
        return False
    return all(w in LABEL_WORDS for w in found) and any(w in _LABEL_CORE for w in found)


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
