"""Officials: names with titles and countries, and the resolution of later mentions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import gazetteer as gz
from .text import Sentence, normalize_key
from .titles import NON_OFFICIAL_ROLES, TITLE_PATTERN, title_regex, title_words

_WORD = r"(?:[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?|'[A-Z][a-z]+)(?:-[A-Za-z][a-z]+)*)"
_INITIAL = r"(?:[A-Z]\.)"
_PART = (
    r"(?:de|da|di|del|della|der|den|van|von|le|la|du|dos|das|do|bin|ibn|al|el|ben|abu|y|zu|ter|ten)"
)
_PART_CAP = r"(?:De|Da|Di|Del|Della|Van|Von|Le|La|Du|Dos|Das|Bin|Ibn|Al|El|Abu|Ben|Mac|St\.)"
NAME_RE = re.compile(
    r"(?<![\w.'-])(?:"
    + _PART_CAP
    + r"\s+)?"
    + r"(?:"  # leading initials: "S. Jaishankar"
    + _INITIAL
    + r"\s+){0,2}"
    + _WORD
    + r"(?:\s+(?:"
    + _INITIAL
    + r"|"
    + _WORD
    + r"|(?:"
    + _PART
    + r"|"
    + _PART_CAP
    + r")\s+"
    + _WORD
    + r"|(?:al|el)-"
    + _WORD
    + r"))*(?:,?\s+(?:Jr\.|Sr\.|II|III|IV)(?!\w))?(?![\w-])"
)
HONORIFIC_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Sheikh|Sen|Rep|Gov|Gen)\.?\s+$")

GENERATION = re.compile(r"(?:Jr|Sr|II|III|IV)\.?")

PARTICLES = {
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das",
    "do", "bin", "ibn", "al", "el", "ben", "abu", "y", "zu", "ter", "ten", "mac", "st.",
}  # fmt: skip

# Capitalised words that are never part of a person's name.
_BLOCK = """
The A An In On At But And After Before Meanwhile However Under Some This That These Those It He
She They We I You His Her Their Our Its If When While As For With From By To Of Since During No
Not So Also Both Many More Most Other Such Last Next Earlier Later Today Yesterday Tomorrow Read
Source Photo Video Watch Image Reuters AP AFP Mr Mrs Ms Dr Despite Although Though Even Only
Instead Still Yet Then Now There Here What Who Why How Where Which Whose Every Each Several Few
One Two Three Four Five First Second Third New Old Top Senior Former Acting Deputy Vice Chief
Foreign Prime Minister Ministers Secretary President Presidents Premier Chancellor King Queen
Prince Princess Emperor Emir Sultan Pope Senator Governor Mayor Ambassador Envoy General Admiral
Spokesman Spokeswoman Spokesperson Leader Speaker Representative Congressman Congresswoman
Department Ministry Committee University College School Party Administration Government Council
Union Nations Organization Organisation House Senate Congress Parliament Court Agency Bank Fund
Forum Group Institute Center Centre Times Post Journal Television News Press Service Office Police
Army Navy Force Forces Guard Security Summit Dialogue Conference Agreement Treaty Accord Accords
Pact Deal Alliance Partnership Initiative Act Plan Program Programme Strategy Declaration Street
Avenue Palace Hall Airport Square City State States Republic Kingdom Republican Republicans
Democrat Democrats Democratic Covid Coronavirus Indo-Pacific Pacific Atlantic Europe European Asia
Asian Africa African America Americas Middle East West North South Central Gulf Sea Ocean Island
Islands Strait Inauguration God Christmas Easter Ramadan Olympics Internet Twitter Facebook
Instagram Telegram YouTube TikTok Google Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December Feb
Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Affairs Defense Defence Trade Commerce Justice Interior
Homeland Treasury Energy Health Finance Economy Economic High Level Ministerial Capitol Pentagon
Kremlin White Downing Elysee Brexit Islamic Muslim Muslims Jewish Catholic Sunni Shia
Federal National International Global World Western Eastern Northern Southern Cooperation
Development Relations Network Company Corporation Inc Ltd Group Foundation Council Commission
Board Bureau Embassy Consulate Mission Station Base Fleet Command Zone Region Province County
District Valley River Mountain Mount Lake Bay Coast Border Road Bridge Tower Building Church
Mosque Temple Cathedral Museum Stadium Hotel Club League Cup Games Award Prize Day Week Year
Month Weekend Era Age War Crisis Revolution Movement Front Coalition Bloc Axis Quad Board
According Asked Sources Officials Official Analysts Experts Critics Residents People Police Thank
Thanks Please Yes Sign Subscribe Follow Share Click Comments Advertisement Related Trending
Breaking Live Update Updated Exclusive Opinion Analysis Editorial Letter Report Reports Reporting
Additional Writing Editing Contributed Editor Correspondent Staff Bureau Agency Wire Daily
Weekly Sunday Morning Evening Night Afternoon Ukrainian Haitian Migrants Climate Pandemic
Attorney Aides Aide Team Talks Meeting Meetings Visit Trip Call Calls Tour Negotiations
Association Associations Federation Confederation Organization Directorate Intelligence
Another Typhoon Hurricane Cyclone Storm Tropical Maj Lt Col Capt Sgt Brig Cmdr Adm
Highness Excellency Majesty Shri Smt Shrimati H.E. HE
"""

EAST_ASIAN_SURNAMES = {
    "kim", "lee", "park", "choi", "jung", "chung", "kang", "cho", "yoon", "moon", "han", "lim",
    "shin", "oh", "seo", "kwon", "hwang", "ahn", "song", "yoo", "hong", "jeon", "ko", "wang",
    "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "ma",
    "zhu", "hu", "guo", "he", "lin", "luo", "gao", "xi", "qin", "wen", "deng", "mao", "jiang",
    "xie", "tang", "feng", "dong", "cai", "pan", "du", "ye", "wei", "yu", "lu", "tsai", "lai",
    "nguyen", "tran", "pham", "hoang", "vo", "dang", "bui", "ngo", "hun", "thaksin",
}  # fmt: skip
EAST_ASIAN_COUNTRIES = {"CN", "KR", "KP", "TW", "VN", "HK", "MO", "KH", "MN"}

SPEECH_VERBS = (
    r"said|says|told|tells|declared|declares|added|noted|stressed|warned|insisted|tweeted|wrote|"
    r"announced|urged|accused|met|meets|visited|visits|spoke|speaks|agreed|signed|called|calls|"
    r"took|takes|became|becomes|assumed|began|begins|held|holds|closes|opened|leads|led|"
    r"returned|left|flew|landed|joined|attended|traveled|wants|hosts|"
    r"highlighted|pledged|vowed|praised|welcomed|hosted|arrived|traveled|travelled|heads|headed|"
    r"discussed|expressed|emphasized|emphasised|affirmed|reiterated|thanked|congratulated|"
    r"criticized|criticised|condemned|proposed|offered|asked|wants|wanted|hopes|hoped|plans|"
    r"planned|insists|argued|argues|responded|replied|explained|acknowledged|admitted|denied|"
    r"rejected|dismissed|confirmed|cautioned|stated|wrote|posted|threatened|ordered|signaled|"
    r"signalled|described|told|urges|seeks|sought|promised|repeated|reaffirmed|briefed|lauded|"
    r"embraced|greeted|hugged"
)
WEAK_VERBS = r"is|was|has|had|will|would|could|can|may|might|also|did|does|and|himself|herself"


@lru_cache(maxsize=1)
def blocked_words() -> frozenset[str]:
    words = set(_BLOCK.split())
    for form in gz.country_names():
        if " " not in form:
            words.add(form)
    for m in gz._METONYMS:
        if " " not in m:
            words.add(m)
    return frozenset(words)


@dataclass
class Candidate:
    start: int
    end: int
    text: str  # folded
    tokens: list[str]
    sentence: Sentence
    orig: str = ""
    title: str | None = None
    title_span: tuple[int, int] | None = None
    country: str | None = None
    evidence: float = 0.0
    non_official: bool = False
    possessive: bool = False
    counterpart: bool = False
    owner_at: int | None = None  # where the superior whose office it is is named


@dataclass
class Person:
    id: int
    forms: Counter = field(default_factory=Counter)
    originals: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    country: str | None = None
    country_conf: float = 0.0
    country_guessed: bool = False  # the report's home country, for want of anything said
    # the text calls them by their first word alone ("Park Jin" ... "Park said")
    surname_first: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    mention_forms: list[str] = field(default_factory=list)
    evidence: float = 0.0
    non_official: bool = False
    first: int = 10**9
    title_source: str | None = None
    counterpart_at: int | None = None
    owner_at: int | None = None

    _name_cache: tuple[tuple[int, int], str] | None = None

    @property
    def name(self) -> str:
        stamp = (len(self.forms), sum(self.forms.values()))
        if self._name_cache is None or self._name_cache[0] != stamp:
            self._name_cache = (stamp, self._best_name())
        return self._name_cache[1]

    def _best_name(self) -> str:
        multi = [f for f in self.forms if len(f.split()) > 1]
        if not multi:
            return max(self.forms, key=lambda f: (self.forms[f], len(f)))
        plain = [f for f in multi if not re.search(r"\b[A-Z]\.", f)]
        pool = plain or multi
        return max(pool, key=lambda f: (len(f.split()), self.forms[f], len(f)))

    def tokens(self) -> list[str]:
        return self.name.split()

    def name_keys(self) -> list[str]:
        """Surface forms that refer to this person (full name and surname variants)."""
        toks = self.tokens()
        keys = {self.name}
        keys.update(self.forms)
        # "Ferdinand Marcos Jr." is "Marcos" on second reference
        toks_nomid = [
            t for t in toks if not re.fullmatch(r"[A-Z]\.", t) and not GENERATION.fullmatch(t)
        ]
        if len(toks_nomid) >= 2:
            keys.add(" ".join(toks_nomid))
            last = toks_nomid[-1]
            if toks_nomid[-2].lower() in PARTICLES:
                keys.add(" ".join(toks_nomid[-2:]))
                if len(toks_nomid) >= 3 and toks_nomid[-3].lower() in PARTICLES:
                    keys.add(" ".join(toks_nomid[-3:]))
            else:
                keys.add(last)
                if _ARTICLE_PREFIX.match(last):
                    keys.add(_ARTICLE_PREFIX.sub("", last))
                if len(toks_nomid) >= 3:
                    keys.add(" ".join(toks_nomid[-2:]))
            if self.is_east_asian():
                keys.add(toks_nomid[0])
            if _pre_particle_name(toks_nomid):
                keys.add(_pre_particle_name(toks_nomid))
            if _patronymic(toks_nomid):
                keys.add(toks_nomid[0])  # "Faisal bin Farhan Al Saud" is "Faisal" later on
                keys.add(" ".join(toks_nomid[:3]))
            if toks_nomid[0] in STYLE_FIRST and len(toks_nomid) >= 3:
                keys.add(" ".join(toks_nomid[:2]))  # "Sheikh Mohammed"
        return sorted(keys, key=len, reverse=True)

    def is_east_asian(self) -> bool:
        toks = self.tokens()
        if len(toks) < 2 or len(toks) > 3:
            return False
        if self.country in EAST_ASIAN_COUNTRIES or self.surname_first:
            return True
        first = toks[0].lower()
        return first in EAST_ASIAN_SURNAMES and (
            "-" in toks[-1] or len(toks) == 3 or self.country in EAST_ASIAN_COUNTRIES
        )


# Styles that open a name and, with the given name, make a short form of it ("Sheikh Mohammed").
STYLE_FIRST = {"Sheikh", "Sheikha", "Prince", "Princess", "Emir", "Sultan", "King", "Queen"}


PATRONYMIC = {"bin", "ibn", "bint", "ben"}


def _patronymic(toks: list[str]) -> bool:
    """Arabic-style names ("Faisal bin Farhan", "Mohammed bin Salman"): the given name comes
    first and is the short form used on later reference."""
    return len(toks) >= 3 and toks[1].lower() in PATRONYMIC


def _pre_particle_name(toks: list[str]) -> str | None:
    """The name before a closing particle in long Lusophone/Hispanic names: "Luiz Inacio Lula da
    Silva" -> "Lula" (only with two or more given names before it)."""
    if len(toks) >= 4 and toks[-2].lower() in PARTICLES and toks[-3].lower() not in PARTICLES:
        return toks[-3]
    return None


def _tokens(text: str) -> list[str]:
    return text.split()


def _split_blocked(m: re.Match[str], text: str) -> list[tuple[int, int]]:
    """Split a capitalised run at words that cannot be part of a name."""
    blocked = blocked_words()
    pieces = []
    cur_start = None
    last_end = None
    for tm in re.finditer(r"\S+", m.group(0)):
        a, b = m.start() + tm.start(), m.start() + tm.end()
        tok = tm.group(0).rstrip(",")
        bare = tok.rstrip(".")
        # "Vice Premier He Lifeng": a capitalised "He" inside a sentence is a surname
        he_surname = bare == "He" and a > 0 and tm.end() < len(m.group(0))
        parts = bare.split("-")
        office_compound = len(parts) > 1 and all(
            p in blocked or p.lower() in title_words() or p.lower() in ("elect", "designate")
            for p in parts
        )
        # "Enrique A. Manalo": a middle initial, not the article "A"
        initial = cur_start is not None and re.fullmatch(r"[A-Z]\.", tok) is not None
        if (
            bare in blocked or tok in blocked or bare.lower() in title_words() or office_compound
        ) and not (he_surname or initial):
            if cur_start is not None:
                pieces.append((cur_start, last_end))
            cur_start = None
            continue
        if cur_start is None:
            cur_start = a
        last_end = a + len(tok)
    if cur_start is not None:
        pieces.append((cur_start, last_end))
    out = []
    for a, b in pieces:
        span = text[a:b]
        toks = span.split()
        # drop particles or initials at the edges
        while toks and (toks[-1].lower() in PARTICLES or re.fullmatch(r"[A-Z]\.", toks[-1])):
            b -= len(toks[-1]) + 1
            toks.pop()
            b = a + len(" ".join(toks))
        while toks and toks[0].lower() in PARTICLES and len(toks) == 1:
            toks.pop()
        if toks:
            out.append((a, a + len(" ".join(toks))))
    return out


_REVERSE_APPOSITIVE = re.compile(
    r"(?P<title>" + TITLE_PATTERN + r")(?:\s+of\s+(?:the\s+)?(?P<of>(?-i:[A-Z][\w.'-]*)"
    r"(?:\s+(?-i:[A-Z][\w.'-]*)){0,2}))?\s*,\s+$",
    re.I,
)
# a name after an appositive title: in "Modi, Brazil's president, Lula," the title is Lula's
_NAME_NEXT = re.compile(r",\s+(?:[A-Z][\w'-]+\s+(?:" + _PART + r"\s+)?)+[A-Z][\w'-]+(?:,|\s+and\b)")
_OF_COUNTRY = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,3})\s+")
# what stands before such a title: "the " or a superior's name ("Biden's ")
_DEFINITE_BEFORE = re.compile(r"(?:^|(?<=\W))the\s+$", re.I)
_OWNER_BEFORE = re.compile(r"(?<![\w.'-])([A-Z][\w-]+)['\u2019]s\s+$")


# Seats of government that stand for it in an official's title ("Kremlin spokesman").
INSTITUTIONS = ("Kremlin", "White House", "Pentagon", "Downing Street", "Elysee")
_INSTITUTION_BEFORE = re.compile(
    r"\b(" + "|".join(INSTITUTIONS) + r")(?:'s)?\s+(?:[a-z]+\s+){0,2}$"
)


def country_before(text: str, pos: int) -> tuple[str | None, int]:
    """Country named just before ``pos`` ("U.S. ", "Italian ", "South Korea's ", "the French ")."""
    left = text[max(0, pos - 60) : pos]
    best = None
    for m in gz.country_regex().finditer(left):
        tail = left[m.end() :]
        if re.fullmatch(r"(?:'s)?\s*(?:-based\s+)?", tail):
            best = m
    if best:
        code = gz.country_code(best.group(0))
        return code, max(0, pos - 60) + best.start()
    agency = re.search(
        r"\b(" + "|".join(re.escape(k) for k in gz.AGENCIES) + r")(?:'s)?\s+(?:[a-z]+\s+)?$", left
    )
    if agency:
        return gz.AGENCIES[agency.group(1)], max(0, pos - 60) + agency.start()
    seat = _INSTITUTION_BEFORE.search(left)
    if seat:
        return gz.metonym_code(seat.group(1)), max(0, pos - 60) + seat.start()
    m = re.search(r"\b(?:the\s+)?(?:nation|country)'s\s+(?:new\s+|top\s+)?$", left, re.I)
    if m:
        return "SELF", max(0, pos - 60) + m.start()
    m = re.search(
        r"(?:\b(?:European Union|EU|NATO|U\.N\.|UN|United Nations|African Union|"
        r"ASEAN|OPEC|WHO|IAEA|World Bank|IMF|European Commission|European Council)"
        r"(?:'s)?\s+)$",
        left,
    )
    if m:
        return "ORG", max(0, pos - 60) + m.start()
    return None, pos


def find_candidates(sentences: list[Sentence], full: str) -> list[Candidate]:
    """Capitalised runs that look like people, with titles and other evidence."""
    cands: list[Candidate] = []
    trx = title_regex()
    for s in sentences:
        t = s.text
        titles = [(m.start("title"), m.end("title"), m.group("title")) for m in trx.finditer(t)]
        for m in NAME_RE.finditer(t):
            for a, b in _split_blocked(m, t):
                name = t[a:b]
                toks = name.split()
                if len(toks) == 1 and len(name) < 2:
                    continue
                c = Candidate(
                    s.start + a, s.start + b, name, toks, s, full[s.start + a : s.start + b]
                )
                after = t[b:]
                before = t[max(0, a - 120) : a]
                c.possessive = after.startswith("'s") or after.startswith("' ")
                # title right before the name ("Foreign Minister Luigi Di Maio")
                for ta, tb, ttl in titles:
                    gap = t[tb:a]
                    # "Minister of Foreign Affairs of the Republic of Uzbekistan Bakhtiyor Saidov"
                    of = _OF_COUNTRY.fullmatch(gap) if tb <= a and len(toks) > 1 else None
                    of_code = gz.country_code(of.group(1)) if of else None
                    if (
                        re.fullmatch(r"\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?", gap) or of_code
                    ) and tb <= a:
                        c.title = ttl
                        c.title_span = (s.start + ta, s.start + tb)
                        code, _ = country_before(t, ta)
                        code = of_code or code
                        chained = [
                            (xa, xb, x) for xa, xb, x in titles if xb < ta and not t[xb:ta].strip()
                        ]
                        if chained:
                            # "Saudi Foreign Minister Prince Faisal": the office before the style
                            xa, xb, x = chained[-1]
                            if code is None:
                                code, _ = country_before(t, xa)
                            if ttl.split()[-1] in STYLE_FIRST:
                                c.title = x
                                c.title_span = (s.start + xa, s.start + xb)
                        if code is None and re.search(r"\band\s+$", t[:ta]):
                            # "Chinese Vice Premier He Lifeng and Commerce Minister Wang Wentao"
                            prev = [p for p in cands if p.sentence is s and p.end - s.start < ta]
                            if prev and prev[-1].title and prev[-1].country:
                                code = prev[-1].country
                        c.country = code
                        c.evidence += 1.0
                # appositive after: "X, the French foreign minister," / "X, Italy's ..."
                app = re.match(
                    r",\s+(?:who\s+is\s+|who\s+was\s+)?(?:the|a|an|his|her)?\s*"
                    r"(?:former\s+|new\s+|then-)?"
                    r"(?P<mod>(?:(?-i:[A-Z][\w.'-]*)(?:'s)?\s+|(?:former|new|top|then|current|"
                    r"outgoing|incoming|acting|country's|nation's)\s+){0,3})"
                    r"\s*(?P<title>" + TITLE_PATTERN + r")"
                    r"(?:\s+(?:of|for)\s+(?P<of>[A-Z][\w.' -]{1,80}?))?"
                    r"\s*(?=[,;.)]|\s+(?:who|and|said|told)\b|$)",
                    after,
                    re.I,
                )
                if app and _NAME_NEXT.match(after, app.end()):
                    app = None
                if app and not c.title:
                    mod = app.group("mod") or ""
                    code = None
                    cm = gz.country_regex().search(mod)
                    if cm:
                        code = gz.country_code(cm.group(0))
                    elif app.group("of"):
                        code = gz.country_code(app.group("of"))
                    if code is None:
                        code = _long_office_country(after, app.start("title"))
                    seat = re.search(r"\b(" + "|".join(INSTITUTIONS) + r")\b", mod)
                    if code is None and seat:
                        code = gz.metonym_code(seat.group(1))  # "the Kremlin spokesman"
                    if re.search(r"(?:nation|country)'s", mod):
                        code = "SELF"
                    if re.search(r"\b(?:EU|UN|U\.N\.|NATO|AU|ASEAN|WHO|IMF|OPEC)\b", mod):
                        code = "ORG"
                    if cm or not mod.strip() or re.fullmatch(r"[\w' -]*", mod):
                        c.title = app.group("title")
                        ta = b + app.start("title")
                        c.title_span = (s.start + ta, s.start + b + app.end("title"))
                        c.country = code
                        c.evidence += 1.0
                # reverse appositive: "France's foreign minister, Jean-Yves Le Drian,"
                rev = _REVERSE_APPOSITIVE.search(before) if before.rstrip().endswith(",") else None
                if rev and not c.title:
                    base = a - len(before)
                    code, _ = country_before(t, base + rev.start("title"))
                    if rev.group("of"):
                        code = gz.country_code(rev.group("of")) or code  # "the president of Peru"
                    # "the foreign minister, Penny Wong," / "Biden's national security
                    # adviser, Jake Sullivan,": the office is theirs, the country the
                    # home one or the superior's
                    at = base + rev.start("title")
                    lead = t[max(0, at - 40) : at]
                    owner = _OWNER_BEFORE.search(lead)
                    if code is None and owner and not gz.country_code(owner.group(1)):
                        c.owner_at = s.start + at - len(lead) + owner.start(1)
                    if code or c.owner_at is not None or _DEFINITE_BEFORE.search(lead):
                        c.title = rev.group("title")
                        c.title_span = (
                            s.start + base + rev.start("title"),
                            s.start + base + rev.end("title"),
                        )
                        c.country = code
                        c.evidence += 1.0
                # "her French counterpart, Stephane Sejourne"
                cp = re.search(
                    r"\b(?:his|her|their|its)\s+(?P<mod>(?:[A-Z][\w.-]*\s+){0,2})counterparts?,?\s+$",
                    before,
                )
                if cp and not c.title:
                    c.counterpart = True
                    c.evidence += 1.0
                    cm = gz.country_regex().search(cp.group("mod"))
                    if cm:
                        c.country = gz.country_code(cm.group(0))
                # non-official role in an appositive
                role = re.match(r",\s+(?:a|an|the)\s+([^,.;]{0,60})", after)
                if role and NON_OFFICIAL_ROLES.search(role.group(1)) and not c.title:
                    c.non_official = True
                if re.match(
                    r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w-]*\s+(?:University|Institute|"
                    r"Institution|Center|Centre|Foundation|Council on|School)",
                    after,
                ):
                    c.non_official = True
                # speech or action verb after (allowing ", who ... ," in between)
                after2 = re.sub(r"^'s?", "", after)
                after2 = re.sub(r"^,\s+(?:who|a|an|the|of)\b[^,]{0,120},", "", after2)
                if re.match(r"\s+(?:" + SPEECH_VERBS + r")\b", after2):
                    c.evidence += 0.8
                elif re.match(r"\s+(?:" + WEAK_VERBS + r")\b", after2) and len(toks) > 1:
                    c.evidence += 0.4
                if re.search(
                    r"(?:\b(?:said|told|with|between|predecessor,?|successor,?|counterpart|leader|"
                    r"met|meet|meeting|called|visited|hosted|welcomed|received|and|dictator|"
                    r"strongman|rival|ally|by)\s+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)$",
                    before,
                ):
                    c.evidence += 0.5 if len(toks) > 1 else 0.2
                    if HONORIFIC_RE.search(before):
                        c.evidence += 0.5
                if len(toks) > 1 and c.possessive:
                    c.evidence += 0.3
                cands.append(c)
    cands.sort(key=lambda c: c.start)
    return cands


@lru_cache(maxsize=8192)
def _key_regex(key: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.-])" + re.escape(key) + r"(?![\w-])")


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|Al|El)-(?=[A-Z])")


@lru_cache(maxsize=8192)
def _name_tokens(toks: tuple[str, ...]) -> tuple[str, ...]:
    # "al-Sisi" is "Sisi" on second reference
    return tuple(
        normalize_key(_ARTICLE_PREFIX.sub("", t))
        for t in toks
        if not re.fullmatch(r"[A-Z]\.", t) and not GENERATION.fullmatch(t)
    )


def _place_name(text: str) -> bool:
    """A city or country name ("Buenos Aires", "Tel Aviv"), not a person's."""
    return gz.is_city(text) or gz.country_code(text) is not None


def _compatible(a_toks: list[str], b_toks: list[str]) -> bool:
    a = list(_name_tokens(tuple(a_toks)))
    b = list(_name_tokens(tuple(b_toks)))
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 2 and long_[-len(short) :] == short:
        return True
    styles = {w.lower() for w in STYLE_FIRST}
    if len(short) == 2 and short[0] in styles and long_[:2] == short:
        return True
    if len(short) == 1 and len(long_) >= 4 and long_[-2] in PARTICLES and long_[-3] == short[0]:
        return True
    if len(short) == 1 and _patronymic(long_) and long_[0] == short[0]:
        return True
    # a family name after a particle left out: "Mohamed bin Zayed" of "... bin Zayed Al Nahyan"
    family_left_out = len(long_) == len(short) + 2 and long_[-2] in PARTICLES
    if len(short) >= 2 and family_left_out and long_[: len(short)] == short:
        return True
    # two surnames, paternal then maternal ("Gustavo Petro Urrego"), later one of them only
    # ("Gustavo Petro", "Petro")
    two_surnames = len(long_) in (3, 4) and not {long_[-1], long_[-2]} & PARTICLES
    if two_surnames and (short == long_[:-1] or (len(short) == 1 and short[0] == long_[-2])):
        return True
    if a[-1] != b[-1]:
        # Asian order: family name first ("Kang Kyung-wha" / "Kang")
        return (len(a) == 1 and a[0] == b[0] and len(b) in (2, 3)) or (
            len(b) == 1 and b[0] == a[0] and len(a) in (2, 3)
        )
    if len(a) == 1 or len(b) == 1:
        return True
    # "Sheikh Mishal ... Al-Sabah" and "Sheikh Salem ... Al-Sabah": the style is no given name
    a = [t for t in a if t not in styles] or a
    b = [t for t in b if t not in styles] or b
    return a[0] == b[0] or a[0][0] == b[0][0]


def _long_office_country(after: str, at: int) -> str | None:
    """ "Mauro Vieira, Minister of External Relations of the Federative Republic of Brazil,":
    the country an office written out in full belongs to."""
    window = re.split(r"[.;]|\s\(|,\s+(?:on|at|in|who|and|said)\b", after[at : at + 160])[0]
    for cm in gz.country_regex().finditer(window):
        if re.search(r"\bof\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:of\s+)?$", window[: cm.start()]):
            return gz.country_code(cm.group(0))
    return None


_CAPS_SURNAME = re.compile(r"(?<=[a-z.]\s)[A-Z]{3,}(?=\s+([A-Z][a-z]+)\b)")


def family_names_in_capitals(text: str) -> tuple[str, frozenset[str]]:
    """ "Ms. KAMIKAWA Yoko", "Prime Minister KISHIDA Fumio": Japanese releases write the family
    name first, in capitals. Returns the text with those names in title case (offsets kept)
    and the family names, in title case."""
    found: set[str] = set()

    def fix(m: re.Match[str]) -> str:
        word, given = m.group(0), m.group(1)
        if given in blocked_words() or given.lower() in title_words():
            return word
        if word in gz.ORG_ACRONYMS or gz.country_code(word):
            return word
        found.add(word.title())
        return word.title()

    return _CAPS_SURNAME.sub(fix, text), frozenset(found)


def build_people(
    sentences: list[Sentence], full: str, family_first: frozenset[str] = frozenset()
) -> tuple[list[Person], list[Candidate], dict[int, list[tuple[int, int, int]]]]:
    """Resolve candidates into people and return per-sentence mention lists (start, end, pid).

    Two-word names whose first word is in family_first are written family name first."""
    cands = find_candidates(sentences, full)
    people: list[Person] = []

    # every compatible pair of names shares a token: index people by their name tokens
    by_token: dict[str, set[int]] = {}

    def find_person(toks: list[str]) -> Person | None:
        ids: set[int] = set()
        for t in _name_tokens(tuple(toks)):
            ids |= by_token.get(t, set())
        pool = [people[i] for i in sorted(ids)]
        matches = [p for p in pool if any(_compatible(toks, f.split()) for f in p.forms)]
        if not matches:
            return None
        return max(matches, key=lambda p: p.first)

    def attach(p: Person, c: Candidate) -> None:
        for t in _name_tokens(tuple(c.tokens)):
            by_token.setdefault(t, set()).add(p.id)
        p.forms[c.text] += 1
        p.originals.setdefault(c.text, c.orig)
        p.evidence += c.evidence
        p.first = min(p.first, c.start)
        p.non_official = p.non_official or c.non_official
        if c.counterpart and p.counterpart_at is None:
            p.counterpart_at = c.start
        if c.owner_at is not None and p.owner_at is None:
            p.owner_at = c.owner_at
        if c.title and (p.title is None or p.title_source == "role"):
            p.title = c.title
            p.title_source = "title"
        if c.country and c.country != "SELF" and p.country_conf < 1.0:
            p.country = c.country
            p.country_conf = 1.0
        elif c.country == "SELF" and p.country is None:
            p.country = "SELF"

    # multi-word names first (they define surnames), then single words
    for c in sorted(cands, key=lambda c: (len(c.tokens) == 1, c.start)):
        body_like = c.sentence.kind in ("body", "caption")
        if len(c.tokens) >= 2:
            p = find_person(c.tokens)
            if p:
                attach(p, c)
            elif c.evidence >= 0.4 and body_like and (c.title or not _place_name(c.text)):
                p = Person(len(people))
                attach(p, c)
                people.append(p)
        else:
            p = find_person(c.tokens)
            if p:
                if c.title or c.evidence:
                    attach(p, c)
                continue
            strong = c.title is not None or (c.evidence >= 0.8 and not gz.is_city(c.text))
            if strong and body_like and not gz.country_code(c.text):
                p = Person(len(people))
                attach(p, c)
                people.append(p)

    # "Park Jin" ... "Park will fly": a two-word name whose first word, an East Asian
    # surname, stands alone elsewhere in the text is written family name first
    for p in people:
        toks = p.tokens()
        if len(toks) == 2 and toks[0] in family_first:
            p.surname_first = True
        elif len(toks) == 2 and toks[0].lower() in EAST_ASIAN_SURNAMES:
            alone = re.compile(
                r"(?<![\w.'-])" + re.escape(toks[0]) + r"(?![\w-])(?!\s+" + re.escape(toks[1]) + ")"
            )
            p.surname_first = alone.search(full) is not None
    # mentions: every occurrence of a person's keys, longest keys first
    owners_of: dict[str, list[Person]] = {}
    for p in people:
        for k in p.name_keys():
            owners_of.setdefault(k, []).append(p)
    keys = sorted(owners_of, key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    mentions: dict[int, list[tuple[int, int, int]]] = {}
    for s in sentences:
        t = s.text
        for k in keys:
            if k not in t:
                continue
            for m in _key_regex(k).finditer(t):
                a, b = s.start + m.start(), s.start + m.end()
                if any(a < tb and ta < b for ta, tb in taken):
                    continue
                # several people share this key: take the one mentioned most recently
                owners = owners_of[k]
                if len(owners) > 1:
                    before = [q for q in owners if q.first <= a]
                    owner = max(
                        before or owners,
                        key=lambda q: max(
                            [x for x, _ in q.mentions if x < a] + [q.first if q.first <= a else -1]
                        ),
                    )
                else:
                    owner = owners[0]
                taken.append((a, b))
                owner.mentions.append((a, b))
                owner.mention_forms.append(full[a:b])
                mentions.setdefault(s.index, []).append((a, b, owner.id))
    for v in mentions.values():
        v.sort()
    for p in people:
        p.mentions.sort()
        if p.mentions:
            p.first = p.mentions[0][0]
    return people, cands, mentions


def is_official(p: Person) -> bool:
    if p.non_official and not p.title:
        return False
    if p.title:
        return True
    multi = len(p.name.split()) > 1
    return (multi and p.evidence >= 0.4) or p.evidence >= 0.8
