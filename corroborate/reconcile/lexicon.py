"""Small general-English word lists for reconciling claims across outlets.

Verb classes let a paraphrase meet its original ("will travel to" ~ "is set to visit");
generic words never count as the shared core of two claims; media words tell a cited
news outlet from a cited person; loaded headline words mark a headline's stance.
"""

from __future__ import annotations

from ..extract.claim_lexicon import stem


def _words(text: str, sep: str | None = None) -> frozenset[str]:
    """The words of a space- (or ``sep``-) separated list.

    >>> sorted(_words("b a"))
    ['a', 'b']
    """
    return frozenset(w.strip() for w in text.split(sep) if w.strip())


#: Words that name the same kind of event or thing; each class becomes one alignment feature.
_CLASSES: dict[str, str] = {
    "travel": "visit visits visited visiting travel travels traveled travelled traveling travelling trip "
    "trips journey arrive arrives arrived arrival fly flies flew",
    "kill": "kill kills killed killing dead die dies died death deaths fatalities toll",
    "injure": "injure injured injuries injury wound wounded hurt",
    "meet": "meet meets met meeting meetings summit summits",
    "arrest": "arrest arrests arrested detain detained detention custody",
    "resign": "resign resigns resigned resignation quit quits",
    # Accepting and rejecting fill one slot, so that "agreed" and "rejected" align and conflict.
    "respond": "agree agrees agreed agreeing accept accepts accepted accepting acceptance approve "
    "approves approved approval endorse endorsed endorses reject rejects rejected rejecting rejection "
    "refuse refuses refused refusal",
    "deal": "deal deals agreement agreements accord accords pact pacts treaty treaties",
    "fire": "fire fired firing shoot shot shooting",
    "sign": "sign signs signed signing",
    "withdraw": "withdraw withdraws withdrew withdrawal withdrawn withdrawing pullout retreat",
}
WORD_CLASS: dict[str, str] = {w: f"~{name}" for name, ws in _CLASSES.items() for w in ws.split()}

#: Stems too general to be the core two claims share ("officials said next week ...").
GENERIC = frozenset(
    stem(w)
    for w in _words(
        "official officials people year years week weeks day days month months time times next last new "
        "also first second one two three many some other include including accord report reports "
        "reported told go going get make made take taking come put set state states country countries "
        "president leader leaders minister government percent today yesterday tomorrow now still yet "
        "already very well just even way part thing things lot number going ask asked asking reporter "
        "reporters question questions call called u.s u.k us uk "
        # titles and roles name who acts, not what happened
        "prime minister deputy attorney general director former secretary chief chairman chairwoman "
        "ambassador spokesman spokeswoman spokesperson adviser advisor senator governor mayor lawmaker "
        "congressman congresswoman representative mr mrs ms dr"
    )
)

#: Words naming times: a claim's times are features of their own (normalised values), so
#: "on Wednesday" must not make a claim about golf match a claim about a tweet.
TIME_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december morning afternoon evening night tonight weekend "
    "today yesterday tomorrow week weeks month months year years day days hour hours minute minutes "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)

#: Words that make a cited name a news organisation ("the Daily Ledger", "Radio Free Nowhere").
MEDIA_WORDS = _words(
    "news times post journal herald tribune gazette agency press television tv radio daily telegraph "
    "guardian chronicle observer ledger courier wire broadcasting broadcaster network newspaper "
    "magazine review examiner dispatch bulletin sentinel mercury star record standard express mail "
    "mirror sun independent reporter inquirer monitor insider"
)
#: News agencies and broadcasters cited by name across the world's press.
AGENCIES = _words(
    "reuters|associated press|ap|afp|agence france-presse|bloomberg|dpa|efe|ansa|xinhua|kyodo|yonhap|"
    "tass|ria novosti|interfax|anadolu|pti|bbc|cnn|al jazeera|axios|politico|nhk|itar-tass|upi|"
    "bernama|antara|ukrinform|unian",
    "|",
)
#: Phrases that refer back to a news organisation named earlier ("told the news agency").
MEDIA_BACKREFS = (
    "the news agency",
    "the agency",
    "the newspaper",
    "the paper",
    "the broadcaster",
    "the outlet",
    "the network",
    "the wire service",
    "the daily",
    "the channel",
)

#: Loaded words in headlines: the stance a headline takes beyond "says".
LOADED_HEADLINE_WORDS = _words(
    "slams slam blasts blast hints hint admits admit claims claim vows vow breakthrough horror "
    "shock shocking outrage fury furious chaos crisis threatens threat warns warning brands "
    "rips lashes mocks defies caves humiliating triumph disaster bombshell explosive "
    "boasts insists denies concedes doubles dodges scandal stunning landmark historic "
    "ultimatum snubs clash clashes"
)
