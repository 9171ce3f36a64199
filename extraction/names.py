"""People's names: which capitalised runs can be a person's name, which words never are, which
two forms of a name are the same person, and family names written first."""

from __future__ import annotations

import re
from functools import lru_cache

from . import gazetteer as gz
from .text import fold, normalize_key
from .titles import title_words

# "Mata'afa", "Ng'ang'a": an apostrophe inside a name (not a possessive "'s")
_WORD = (
    r"(?:[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?(?:['’](?!s(?![a-z]))[a-z]+)*|'[A-Z][a-z]+)"
    r"(?:-[A-Za-z][a-z]+)*)"
)
_INITIAL = r"(?:[A-Z]\.)"
PARTICLE_PATTERN = (
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
    + r"|(?:(?:"
    + PARTICLE_PATTERN
    + r"|"
    + _PART_CAP
    + r")\s+){1,2}"  # "Ursula von der Leyen"
    + _WORD
    + r"|(?:al|el)-"
    + _WORD
    + r"))*(?:,?\s+(?:Jr\.|Sr\.|II|III|IV)(?!\w))?(?![\w-])"
)

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
Zeitung Gazette Herald Tribune Telegraph Chronicle Extraordinary Ordinary Arab
Instead Still Yet Then Now There Here What Who Why How Where Which Whose Every Each Several Few
One Two Three Four Five First Second Third New Old Top Senior Former Acting Deputy Vice Chief
Foreign Prime Minister Ministers Secretary President Presidents Premier Chancellor King Queen
Prince Princess Emperor Emir Sultan Pope Senator Governor Mayor Ambassador Envoy General Admiral
Authorities Officials Strip Accompanying Arriving Speaking Visiting Addressing Welcoming
Following According Attending Leaving Returning Spokesman Spokeswoman Spokesperson Leader
Speaker Representative Congressman Congresswoman HRH Hrh Crown Consort Generals Secretaries
Department Ministry Committee University College School Party Administration Government Council
Union Nations Organization Organisation House Senate Congress Parliament Court Agency Bank Fund
Forum Group Institute Center Centre Times Post Journal Television News Press Service Office Police
Army Navy Force Forces Guard Security Summit Dialogue Conference Agreement Treaty Accord Accords
Pact Deal Alliance Partnership Initiative Act Plan Program Programme Strategy Declaration Street
Avenue Palace Hall Airport Square City State States Republic Kingdom Republican Republicans Bhavan
Assembly Presidency Justices Stadium Hotel Castle Residence Grid
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
Highness Excellency Majesty Shri Smt Shrimati H.E. HE Datuk Dato Datin Seri Tun
Peace Prosperity Stability Sustainable Cabinet Cabinets Secretariat Express Project Barrage
Community Exchange Transfer Humanitarian Storage Consumption Trafficking Problems Technology
Others Information Member Members Just Academy Offshore Steel Representatives Lord
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


# month names that are also family names ("Theresa May", "Jean-Pierre August")
MONTH_NAMES = frozenset({"May", "June", "April", "August"})

# Styles that open a name and, with the given name, make a short form of it ("Sheikh Mohammed").
STYLE_FIRST = {"Sheikh", "Sheikha", "Prince", "Princess", "Emir", "Sultan", "King", "Queen"}

PATRONYMIC = {"bin", "ibn", "bint", "ben"}


def patronymic(toks: list[str]) -> bool:
    """Arabic-style names ("Faisal bin Farhan", "Mohammed bin Salman"): the given name comes
    first and is the short form used on later reference."""
    return len(toks) >= 3 and toks[1].lower() in PATRONYMIC


def pre_particle_name(toks: list[str]) -> str | None:
    """The name before a closing particle in long Lusophone/Hispanic names: "Luiz Inacio Lula da
    Silva" or "Lula da Silva" -> "Lula"."""
    if len(toks) >= 3 and toks[-2].lower() in PARTICLES and toks[-3].lower() not in PARTICLES:
        return toks[-3]
    return None


def _tokens(text: str) -> list[str]:
    return text.split()


def split_blocked(m: re.Match[str], text: str) -> list[tuple[int, int]]:
    """Split a capitalised run at words that cannot be part of a name."""
    blocked = blocked_words()
    pieces = []
    cur_start = None
    last_end = None
    before = re.search(r"(\w+)\s+$", text[max(0, m.start() - 30) : m.start()])
    after_office = bool(before) and before.group(1).lower() in title_words()
    toks_in_run = list(re.finditer(r"\S+", m.group(0)))
    skip_to = -1
    for i, tm in enumerate(toks_in_run):
        a, b = m.start() + tm.start(), m.start() + tm.end()
        # "our French and New Caledonian hosts": a country told in several words is no name
        for k in (3, 2):
            words = [t.group(0).rstrip(",.") for t in toks_in_run[i : i + k]]
            if i > skip_to and len(words) == k and fold(" ".join(words)) in gz.country_names():
                skip_to = i + k - 1
                break
        if i <= skip_to:
            if cur_start is not None:
                pieces.append((cur_start, last_end))
            cur_start = None
            after_office = False
            continue
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
        # "Theresa May": a month's name after a given name is a family name
        month_surname = (
            cur_start is not None
            and bare in MONTH_NAMES
            and not re.match(r"\s*\d", m.string[b : b + 3])
        )
        # "Prime Minister Georgia Meloni": a country's name right after an office, before a
        # family name, is a given name (not "the President of Georgia Salome ...")
        nxt = toks_in_run[i + 1].group(0).rstrip(",.") if i + 1 < len(toks_in_run) else ""
        given_country = (
            after_office
            and bare in blocked
            and gz.country_code(bare) is not None
            and nxt[:1].isupper()
            and nxt not in blocked
            and nxt.lower() not in title_words()
        )
        office_word = bare.lower() in title_words()
        if (bare in blocked or tok in blocked or office_word or office_compound) and not (
            he_surname or initial or month_surname or given_country
        ):
            if cur_start is not None:
                pieces.append((cur_start, last_end))
            cur_start = None
            after_office = office_word
            continue
        after_office = False
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
        # "the president of Sierra Leone Julius Maada Bio": a country's name opens the run
        for k in (3, 2):
            if len(toks) >= k + 2 and fold(" ".join(toks[:k])) in gz.country_names():
                a += len(" ".join(toks[:k])) + 1
                toks = toks[k:]
                break
        if toks:
            out.append((a, a + len(" ".join(toks))))
    return out


ARTICLE_PREFIX = re.compile(r"^(?:al|el|Al|El)-(?=[A-Z])")


@lru_cache(maxsize=8192)
def name_tokens(toks: tuple[str, ...]) -> tuple[str, ...]:
    # "al-Sisi" is "Sisi" on second reference
    return tuple(
        normalize_key(ARTICLE_PREFIX.sub("", t))
        for t in toks
        if not re.fullmatch(r"[A-Z]\.", t) and not GENERATION.fullmatch(t)
    )


def place_name(text: str) -> bool:
    """A city or country name ("Buenos Aires", "Tel Aviv"), not a person's."""
    if gz.is_city(text) or gz.country_code(text) is not None:
        return True
    # "St. Vincent" (and the Grenadines), "St Kitts" (and Nevis): a country's first words
    if not text.startswith(("St.", "St ", "Saint ")):
        return False
    head = fold(text) + " "
    return any(n.startswith(head) for n in gz.country_names())


def compatible(a_toks: list[str], b_toks: list[str]) -> bool:
    a = list(name_tokens(tuple(a_toks)))
    b = list(name_tokens(tuple(b_toks)))
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
    if len(short) == 1 and patronymic(long_) and long_[0] == short[0]:
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
