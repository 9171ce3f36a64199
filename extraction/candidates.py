"""Candidate mentions of people: capitalised runs that may be names, with the title, country
and other evidence their surroundings give ("Italian Foreign Minister X", "X, the French
foreign minister,", "France's foreign minister, X,", "her French counterpart, X")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazetteer as gz
from .names import NAME_RE, PARTICLE_PATTERN, STYLE_FIRST, split_blocked
from .text import Sentence
from .titles import NON_OFFICIAL_ROLES, TITLE_PATTERN, title_regex

HONORIFIC_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Sheikh|Sen|Rep|Gov|Gen)\.?\s+$")

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
    r"embraced|greeted|hugged|invited|invites|passed|paid|pays|sent|extended|chaired|chairs|"
    r"addressed|inaugurated|laid|inspected|toured|witnessed|presented|conferred|received|"
    r"receives|postponed|cancelled|canceled|underlined|underscored|outlined|wrapped|concluded"
)
WEAK_VERBS = r"is|was|has|had|will|would|could|can|may|might|also|did|does|and|himself|herself"


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


_REVERSE_APPOSITIVE = re.compile(
    r"(?P<title>" + TITLE_PATTERN + r")(?:\s+(?:of|for|to)\s+(?:the\s+)?(?P<of>(?-i:[A-Z][\w.'-]*)"
    r"(?:\s+(?-i:[A-Z][\w.'-]*)){0,2}))?\s*,\s+$",
    re.I,
)
# a name after an appositive title: in "Modi, Brazil's president, Lula," the title is Lula's
_NAME_NEXT = re.compile(
    r",\s+(?:[A-Z][\w'-]+\s+(?:" + PARTICLE_PATTERN + r"\s+)?)+[A-Z][\w'-]+(?:,|\s+and\b)"
)
_TITLE_NEXT = re.compile(
    r"\s*(?:the\s+)?(?:(?-i:[A-Z][\w.'-]*)\s+){0,3}?(?:" + TITLE_PATTERN + r")", re.I
)
# "... arrives here Monday for his first official visit to Russia as Malaysian Prime Minister",
# "congratulated X on his election as President of the Kyrgyz Republic"
_AS_OFFICE = re.compile(
    r"[^.;]{0,80}?\b(?:his|her)\s+(?:first|maiden|last|second|inaugural|election|re-election|"
    r"appointment|swearing-in|inauguration)\b[^.;]{0,60}?"
    r"\bas\s+(?:the\s+)?(?:(?P<mod>(?-i:[A-Z][\w-]*))\s+)?(?P<title>" + TITLE_PATTERN + r")\b"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})))?",
    re.I,
)
_OF_COUNTRY = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,3})\s+")
# what stands before such a title: "the " or a superior's name ("Biden's ")
_DEFINITE_BEFORE = re.compile(r"(?:^|(?<=\W))the\s+$", re.I)
_OWNER_BEFORE = re.compile(r"(?<![\w.'-])([A-Z][\w-]+)['\u2019]s\s+$")

# Seats of government that stand for it in an official's title ("Kremlin spokesman").
INSTITUTIONS = ("Kremlin", "White House", "Pentagon", "Downing Street", "Elysee")
_INSTITUTION_BEFORE = re.compile(
    r"\b(" + "|".join(INSTITUTIONS) + r")(?:'s)?\s+(?:[a-z]+\s+){0,2}$"
)


# what may stand between an office and the name ("Prime Minister Datuk Seri Ismail Sabri")
_STYLES_GAP = r"\s+(?:(?:Mr|Mrs|Ms|Dr|Datuk|Dato'?|Datin|Seri|Tun)\.?\s+)*"

# what stands before the one met, called or hosted ("will meet with", "held talks with")
_MET_BEFORE = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|spoke|speaks|hosted|hosts|received|receives|"
    r"welcomed|welcomes|greeted|greets|phoned|telephoned|called)\s+(?:with\s+)?$"
)
_ENDS_PHRASE = re.compile(r"(?:\s+(?:and|in|on|at|for|to|during|after|before)\b|\s*[,.;]|$)")


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
        r"ASEAN|OPEC|WHO|IAEA|World Bank|IMF|European Commission|European Council|"
        r"(?:African Union|AU|ECOWAS|SADC) Commission)"
        r"(?:'s)?\s+)$",
        left,
    )
    if m:
        return "ORG", max(0, pos - 60) + m.start()
    return None, pos


# words of a portfolio or a programme, not of a name ("Information Technology", "Youth Education")
# "Luis Lacalle Pou (Uruguay)": a country in brackets after a name
BRACKETED_COUNTRY = re.compile(r"\s*\((?P<country>[A-Z][\w .'-]{2,30})\)")

_ABSTRACT = re.compile(r"(?:tion|sion|ment|ity|ness|ogy)$")
_POLICY_WORDS = frozenset(
    {"Youth", "Women", "Gender", "Science", "Academy", "Poverty", "Information", "Early",
     "Health", "Trade", "Labour", "Labor", "Energy", "Tourism", "Agriculture", "Water",
     "Luncheon", "Dinner", "Strip", "Recovery", "Relief", "Aid"}
)  # fmt: skip


_PORTFOLIO = _POLICY_WORDS | frozenset(
    {"Forestry", "Environment", "Fisheries", "Culture", "Education", "Finance", "Defence",
     "Defense", "Justice", "Interior", "Industry", "Commerce", "Mines", "Transport", "Sports",
     "Communications", "Planning", "Development", "Cooperation", "Economy", "Affairs",
     "Security", "Housing", "Investment", "Works", "Technology", "Innovation"}
)  # fmt: skip
# "Minister of Agriculture, Water and ", "Minister for Foreign Affairs and "
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Commissioner)\s+(?:of|for)\s+(?:[A-Z][\w-]*,?\s+){1,4}"
    r"(?:and|&)\s+$"
)


def _names_a_place(word: str) -> bool:
    """Whether a single word names a country or a large town."""
    if gz.country_code(word):
        return True
    city = gz.lookup_city(word)
    return city is not None and (city.capital or city.population >= 500_000)


def find_candidates(sentences: list[Sentence], full: str) -> list[Candidate]:
    """Capitalised runs that look like people, with titles and other evidence."""
    cands: list[Candidate] = []
    trx = title_regex()
    for s in sentences:
        t = s.text
        titles = [(m.start("title"), m.end("title"), m.group("title")) for m in trx.finditer(t)]
        for m in NAME_RE.finditer(t):
            for a, b in split_blocked(m, t):
                name = t[a:b]
                toks = name.split()
                if len(toks) == 1 and len(name) < 2:
                    continue
                if len(toks) > 1 and all(
                    _ABSTRACT.search(tok) or tok in _POLICY_WORDS for tok in toks
                ):
                    continue  # "Minister of Gender Equality", "Poverty Alleviation": a portfolio
                office = None
                port = _PORTFOLIO_BEFORE.search(t[:a]) if toks[0] in _PORTFOLIO else None
                if len(toks) > 2 and port:
                    # "Minister of Environment and Tourism Pohamba Shifeta": the office's last
                    # word is not the name's first
                    a += len(toks[0]) + 1
                    name, toks = t[a:b], toks[1:]
                    office = (port.start(), a - 1)
                dash = re.search(r"[\u2013\u2014]", full[s.start + a : s.start + b])
                if dash:
                    # "Kojima Tomonobu—will be sent back": a dash ends the name
                    b = a + dash.start()
                    name = t[a:b]
                    toks = name.split()
                    if not toks or (len(toks) == 1 and len(name) < 2):
                        continue
                c = Candidate(
                    s.start + a, s.start + b, name, toks, s, full[s.start + a : s.start + b]
                )
                after = t[b:]
                before = t[max(0, a - 120) : a]
                c.possessive = after.startswith("'s") or after.startswith("' ")
                if office:
                    c.title = t[office[0] : office[1]]
                    c.title_span = (s.start + office[0], s.start + office[1])
                    c.country, _ = country_before(t, office[0])
                    c.evidence += 1.0
                # title right before the name ("Foreign Minister Luigi Di Maio")
                for ta, tb, ttl in titles:
                    gap = t[tb:a]
                    # "Minister of Foreign Affairs of the Republic of Uzbekistan Bakhtiyor Saidov"
                    of = _OF_COUNTRY.fullmatch(gap) if tb <= a and len(toks) > 1 else None
                    of_code = gz.country_code(of.group(1)) if of else None
                    if (
                        re.fullmatch(
                            r"\s+(?:(?:Mr|Mrs|Ms|Dr|Datuk|Dato'?|Datin|Seri|Tun)\.?\s+)*", gap
                        )
                        or of_code
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
                plural = _PLURAL_OFFICE.search(before) if not c.title and len(toks) > 1 else None
                if plural:
                    # "Presidents A of Kyrgyzstan, B of Tajikistan and C of Uzbekistan"
                    c.title = re.sub(r"s$", "", plural.group("office"))
                    c.evidence += 1.0
                if len(toks) >= 2 and not c.title:
                    # "Brazil's Luiz Inacio Lula da Silva", "Luis Lacalle Pou (Uruguay)": a full
                    # name a country owns or brackets is someone of that country
                    own = re.search(r"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+$", before)
                    brk = BRACKETED_COUNTRY.match(after)
                    code = gz.country_code(own.group(1)) if own else None
                    code = code or (gz.country_code(brk.group("country")) if brk else None)
                    if code:
                        c.country = c.country or code
                        c.evidence += 0.6
                if c.title:
                    # "Prime Minister Fiame Naomi Mata'afa of Samoa"; in a list ("President A of
                    # Tajikistan and President B of Uzbekistan") the country after the name
                    # beats the one before the office
                    of_after = re.match(r"\s+of\s+(?:the\s+)?", after)
                    whole = of_after and gz.country_regex().match(after, of_after.end())
                    if whole and not re.match(r"\s*[A-Z]", after[whole.end() :]):
                        c.country = gz.country_code(whole.group(0))
                if not c.title:
                    # "Rajnath Singh (India's Defense Minister)"
                    br = re.match(
                        r"\s*\((?:the\s+)?(?P<mod>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)??)"
                        r"(?:['’]s)?\s+(?P<title>" + TITLE_PATTERN + r")\)",
                        after,
                        re.I,
                    )
                    code = gz.country_code(br.group("mod")) if br else None
                    if br and code:
                        c.title = br.group("title")
                        c.country = c.country or code
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
                nxt = _NAME_NEXT.match(after, app.end()) if app else None
                if nxt and not (app.group("of") and _TITLE_NEXT.match(after, nxt.end())):
                    # "Modi, Brazil's president, Lula,": the title is the next one's; but in
                    # "Lavrov, Foreign Minister of Russia, Ayrault, Foreign Minister of
                    # France," each name has its own
                    app = None
                if app and not c.title:
                    mod = app.group("mod") or ""
                    code = None
                    cm = gz.country_regex().search(mod)
                    if cm:
                        code = gz.country_code(cm.group(0))
                    elif app.group("of"):
                        # the longest country name there ("Trinidad and Tobago")
                        whole = gz.country_regex().match(after, app.start("of"))
                        code = gz.country_code(whole.group(0) if whole else app.group("of"))
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
                        # "the Prime Minister of ...": "Prime" taken as a modifier is the title's
                        longer = re.search(r"(?:[A-Z][\w-]*\s+){1,2}$", mod)
                        if longer and re.fullmatch(TITLE_PATTERN, longer.group(0) + c.title, re.I):
                            c.title = longer.group(0) + c.title
                            ta = b + app.start("mod") + longer.start()
                        c.title_span = (s.start + ta, s.start + b + app.end("title"))
                        c.country = code
                        c.evidence += 1.0
                if not c.title and len(toks) >= 2:
                    # "Badawi arrives ... for his first official visit to Russia as Malaysian
                    # Prime Minister": the office he travels in
                    as_m = _AS_OFFICE.match(after)
                    mod = as_m.group("mod") if as_m else None
                    code = gz.country_code(mod) if mod else None
                    if as_m and as_m.group("of") and not code:
                        whole = gz.country_regex().search(as_m.group("of"))
                        code = gz.country_code(whole.group(0)) if whole else None
                    if as_m and (code or not mod):
                        c.title = as_m.group("title")
                        ta = b + as_m.start("title")
                        c.title_span = (s.start + ta, s.start + b + as_m.end("title"))
                        c.country = code
                        c.evidence += 1.0
                # reverse appositive: "France's foreign minister, Jean-Yves Le Drian,"
                rev = _REVERSE_APPOSITIVE.search(before) if before.rstrip().endswith(",") else None
                if rev and len(toks) < 2 and re.search(r"\s(?:for|to)\s", rev.group(0)):
                    rev = None  # "Minister for Women, Children and ...": a portfolio's list
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
                    # "... and Chairman of the National Assembly, Vuong Dinh Hue": a full
                    # name after the office stands for itself
                    listed = len(toks) >= 2 and re.search(r"(?:,|\band)\s*$|^\s*$", lead)
                    if code or c.owner_at is not None or _DEFINITE_BEFORE.search(lead) or listed:
                        c.title = rev.group("title")
                        c.title_span = (
                            s.start + base + rev.start("title"),
                            s.start + base + rev.end("title"),
                        )
                        c.country = code
                        c.evidence += 1.0
                # "her French counterpart, Stephane Sejourne"
                cp = re.search(
                    r"(?:\b(?:his|her|their|its)\s+|(?<=\s)(?=[A-Z]))(?P<mod>(?:[A-Z][\w.-]*\s+){0,3})"
                    r"counterparts?,?\s+$",
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
                if len(toks) == 1 and _MET_BEFORE.search(before) and _ENDS_PHRASE.match(after):
                    c.evidence += 0.6  # "Scholz will meet with Tinubu and ...": the one met
                while len(c.tokens) > 2 and _ABSTRACT.search(c.tokens[0]):
                    # "Representative for Afghanistan Reconciliation Zalmay Khalilzad": the
                    # office's last word is no part of the name
                    rest = c.text[len(c.tokens[0]) :]
                    cut = len(c.tokens[0]) + len(rest) - len(rest.lstrip())
                    c.start += cut
                    c.text, c.orig = c.text[cut:], c.orig[cut:]
                    c.tokens = c.text.split()
                town = len(c.tokens) == 1 and _names_a_place(c.orig)
                if town and (not c.title or re.search(r"\b(?:in|at|from|to)\s+$", before, re.I)):
                    continue  # "Bangkok will host", "In Pretoria, the Chinese president"
                cands.append(c)
    cands.sort(key=lambda c: c.start)
    return cands


_LISTED = (
    r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*(?:\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)?"
)
_PLURAL_OFFICE = re.compile(
    r"\b(?P<office>Presidents|Prime\s+Ministers|Foreign\s+Ministers|Defen[cs]e\s+Ministers|"
    r"Vice\s+Presidents|Premiers|Chancellors|Kings|Emirs)\s+(?:" + _LISTED + r",?\s+(?:and\s+)?)*$"
)


def _long_office_country(after: str, at: int) -> str | None:
    """ "Mauro Vieira, Minister of External Relations of the Federative Republic of Brazil,":
    the country an office written out in full belongs to."""
    window = re.split(r"[.;]|\s\(|,\s+(?:on|at|in|who|and|said)\b", after[at : at + 160])[0]
    for cm in gz.country_regex().finditer(window):
        if re.search(r"\bof\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:of\s+)?$", window[: cm.start()]):
            return gz.country_code(cm.group(0))
    return None
