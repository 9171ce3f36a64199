"""Office titles: the words of an office ("Foreign Minister", "Secretary of State for ..."),
the regex that finds them, the families they fall in, and the governments some imply."""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import country_names, trie_pattern

_TITLE_WORDS = """
minister ministers secretary adviser advisor advisers ambassador envoy spokesman spokeswoman
spokesperson commissioner negotiator coordinator czar premier president chancellor senator
congressman congresswoman governor chairman chairwoman chairperson undersecretary taoiseach diplomat
director secretary-general director-general president-elect vice-president
"""


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Lower-case head words of office titles ("adviser", "minister", "premier")."""
    return frozenset(_TITLE_WORDS.split())


_DOMAIN_WORDS = (
    "foreign|defen[cs]e|finance|trade|commerce|interior|home|homeland security|treasury|energy|"
    "health|justice|economy|economic|agriculture|education|environment|climate|transport|"
    "transportation|labou?r|foreign affairs|national security|security|intelligence|culture|"
    "tourism|industry|development|international development|digital|science|technology|"
    "immigration|migration|veterans affairs|housing|public security|european affairs|"
    "cabinet|press|white house|state department|pentagon|kremlin|government|military|"
    "presidential|state|europe|foreign policy|war|armed forces|internal affairs|"
    "external affairs|home affairs|information|communications?|infrastructure|water|"
    "petroleum|oil|mines|mining|fisheries|women|youth|sports?|planning|budget|"
    "overseas development|international trade|economic affairs|political affairs|"
    "arms control|counterterrorism|human rights|nuclear|space|navy|army|air force|"
    "ministry|foreign ministry|defen[cs]e ministry|state council|senate|house|"
    "unification|reconstruction|refugees"
)
_HEADS = (
    "minister|secretary|spokes(?:person|man|woman)|ambassador|envoy|advis[oe]r|"
    "representative|commissioner|negotiator|chief|counsell?or|director|coordinator|czar|"
    "official|undersecretary|under-secretary"
)
_STANDALONE = (
    "president-elect|vice[ -]president|president|prime minister|premier|first minister|"
    "chancellor|king|queen|crown prince|prince|princess|emir|sultan|pope|grand duke|"
    "senator|sen\\.|rep\\.|congressman|congresswoman|congressmember|house speaker|speaker|"
    "governor|mayor|"
    "general|gen\\.|admiral|adm\\.|secretary[- ]general|director[- ]general|"
    "high representative|attorney general|solicitor general|top diplomat|chief diplomat|"
    "foreign policy chief|foreign affairs chief|head of state|head of government|"
    "supreme leader|taoiseach|governor[- ]general|chief executive|leader|"
    "national security advis[oe]r|trade representative|lawmaker|legislator|"
    "chief of staff|crown princess|monarch|chairman|chairwoman|chairperson|chair|"
    "president of the [a-z ]+|"
    "emperor|empress|(?-i:FM|PM|DPM|EAM)"
)
# offices South Asian and other outlets abbreviate before a name ("FM Qureshi")
ABBREVIATED = {
    "FM": "Foreign Minister",
    "PM": "Prime Minister",
    "DPM": "Deputy Prime Minister",
    "EAM": "External Affairs Minister",
}
_MODS = (
    "deputy|vice|acting|assistant|under|special|chief|senior|first|principal|interim|"
    "associate|permanent|parliamentary|junior|state"
)
_KW = (
    r"(?:State|Defen[cs]e|Affairs|Security|Treasury|Commerce|Trade|Justice|Energy|Health|"
    r"Finance|Economy|Interior|Cooperation|Development|Europe|Relations|Agriculture|Labou?r|"
    r"Education|Transport(?:ation)?|Policy|Staff|Immigration|War|Foreign Affairs|Culture|"
    r"Tourism|Industry|Information|Oil|Petroleum|Water|Environment|Youth|Sports?|Planning|"
    r"Fisheries|Mines|Communications?|Infrastructure|Science|Technology|Housing)"
)
_POST = (
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?-i:(?:[A-Z][\w'-]*\s+(?:and\s+|&\s+)?){0,4}?)"
    + _KW
    + r"(?:\s+(?:and|&)\s+(?-i:(?:[A-Z][\w'-]*\s+){0,3}?)"
    + _KW
    + r")?)"
)
TITLE_PATTERN = (
    r"(?:(?:" + _MODS + r")[\s-]+){0,2}"
    r"(?:(?:(?:" + _DOMAIN_WORDS + r")\s+(?:and\s+(?:" + _DOMAIN_WORDS + r")\s+)?){0,2}"
    r"(?:" + _HEADS + r")" + _POST + r"?"
    r"|(?:" + _STANDALONE + r")" + _POST + r"?)"
)


@lru_cache(maxsize=1)
def title_regex() -> re.Pattern[str]:
    countries = trie_pattern([f for f in country_names() if not f.endswith("s") or len(f) < 4])
    to_post = r"(?:\s+to\s+(?:the\s+)?(?-i:U\.N\.|UN|United Nations|NATO|EU|European Union|"
    to_post += countries + r"))?"
    single = TITLE_PATTERN + to_post
    return re.compile(
        r"(?:(?<![\w-])|(?<=then-)|(?<=ex-))(?P<title>"
        + single
        + r"(?:\s+and\s+"
        + single
        + r")?)(?![\w-])",
        re.IGNORECASE,
    )


TITLE_FAMILIES = {
    "foreign": ("foreign", "secretary of state", "diplomat", "external affairs"),
    "defense": ("defense", "defence", "secretary of war", "armed forces"),
    "head": ("president", "prime minister", "premier", "chancellor", "king", "queen",
             "emir", "head of state", "head of government", "taoiseach", "sultan", "leader"),
    "trade": ("trade", "commerce"),
    "finance": ("finance", "treasury", "economy"),
    "security": ("homeland security", "interior", "home affairs", "public security",
                 "internal affairs", "attorney general", "justice"),
}  # fmt: skip


def title_family(title: str | None) -> str | None:
    if not title:
        return None
    t = title.lower()
    if "vice president" in t and "foreign" not in t:
        return "vice"
    for fam, keys in TITLE_FAMILIES.items():
        if any(k in t for k in keys):
            return fam
    return None


# Titles that, without a stated country, are almost always those of one government.
_TITLE_COUNTRY = [
    (re.compile(r"secretary of state(?! for)", re.I), "US"),
    (re.compile(r"homeland security|attorney general|national security advis|"
                r"trade representative|state department|white house|pentagon|house speaker|"
                r"speaker of the house|"
                r"^state spokes|senator|congress(?:wo)?man|^sen\.|^rep\.", re.I), "US"),
    (re.compile(r"kremlin", re.I), "RU"),
    (re.compile(r"taoiseach", re.I), "IE"),
]  # fmt: skip


def default_country_for_title(title: str | None) -> str | None:
    if not title:
        return None
    for rx, code in _TITLE_COUNTRY:
        if rx.search(title):
            return code
    return None


# Words that, in a role appositive, show a person is not a government official.
NON_OFFICIAL_ROLES = re.compile(
    r"\b(?:professor|analyst|researcher|expert|scholar|fellow|journalist|reporter|"
    r"correspondent|author|editor|photographer|columnist|economist|historian|lawyer|"
    r"attorney(?! general)|ceo|executive|founder|student|activist|businessman|businesswoman|"
    r"think[- ]tank|former|retired|ex-|"
    r"actor|actress|singer|writer|novelist|player|coach|athlete|doctor|scientist|"
    r"consultant|strategist|pollster|lobbyist)\b",
    re.I,
)
