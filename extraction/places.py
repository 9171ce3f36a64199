"""Places named in a sentence (the mentions stage finds every body sentence's): venues,
organisation seats, cities and countries, each with the preposition or noun that marked it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import gazetteer as gz
from .models import Place
from .text import Sentence, fold
from .titles import title_regex

# lowercase joiners inside a name: "Rio de Janeiro", "Dar es Salaam", "Frankfurt am Main"
_JOINER = r"(?:of|for|and|de|del|la|the|on|es|el|al|am|da|do|dos|du)"
_CAPSEQ = r"[A-Z][\w'.-]*(?:\s+(?:" + _JOINER + r"\s+){0,2}[A-Z][\w'.-]*)*"
_LOCATIVE = re.compile(
    r"(?<!war )(?<!crisis )(?<!conflict )(?<!fighting )(?<!situation )(?<!violence )"
    r"(?<!peace )(?<!stability )(?<!invasion )(?<!attacks )(?<!investment )"
    r"\b(?P<prep>(?i:in|at)|on(?=\s+the\s+(?:[A-Z][\w'-]+\s+)?island\s+of\b)|to|into|"
    r"toward|towards|visit(?:s|ed|ing)?|near|outside|via|stop in|"
    r"(?:south|north|east|west|southeast|southwest|northeast|northwest|outside)\s+of|"
    r"stop at|stops in|arrive[sd]? in|arriving in|landed in|lands in|tour of|trip to|visit to|"
    r"reach(?:ed|es)|"
    r"travel(?:s|ed|led|ing|ling)?(?: on)? to|heads? to|headed to|heading to|fl(?:y|ies|ew) to|"
    r"flying to|(?:left|leaves|leaving|departed|departs|departing|set off|sets off) for|"
    # the legs of a tour told in order: "beginning with Brazil, then Venezuela"
    r"(?:beginning|starting|ending|culminating|concluding)\s+(?:with|in)|followed\s+by|"
    r"presence\s+in|"
    # "a regional tour that also included Spain, Germany ..."
    r"(?:tour|trip|itinerary|journey)\s+(?:that|which)\s+(?:has\s+|had\s+|will\s+)?(?:also\s+)?"
    r"(?:included|includes|include|taken\s+in|took\s+in|takes\s+in)|then(?=\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:\s+and\b|[,;.]|\s+[a-z])))"
    r"\s+(?:(?:the|a|an)\s+)?(?:(?:neighbou?ring|nearby|war-torn|war-ravaged|oil-rich|"
    r"energy-rich|gas-rich|landlocked|tiny|small)\s+)?"
    r"(?:(?:(?P<qual>[A-Z][\w'.-]+)(?:\s+[A-Z][\w'-]+){0,2}\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|"
    r"southwestern|coastal|border|commercial|economic|financial|political|administrative|"
    r"second|beach|seaside|mountain|historic|ancient|garrison|holy|twin|old|new|frontier|"
    r"industrial|colonial|eastern|desert|island)\s+)?"
    r"(?:city|capital|town|port\s+city|port|resort\s+town|resort|village|island|hub|state|"
    r"nation|country|kingdom|republic|emirate)\s+"
    r"(?:of\s+)?)?"
    r"(?P<name>" + _CAPSEQ + r")"
)
# "Woodside, California": a town the gazetteer lacks, placed by its state or country
_TOWN_REGION = re.compile(r",\s+(?P<region>[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)\b")
_MODIFIER = re.compile(
    r"(?P<name>" + _CAPSEQ + r")(?:'s)?\s+(?P<noun>visit|trip|leg|stop|stopover|talks|summit|"
    r"meeting|meetings|conference|tour|stay)\b"
)
# a gathering named after its town: "the Munich Security Conference", "the Doha Forum"
_GATHERING_NAME = re.compile(
    r"\b(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?)(?=\s+(?:[A-Z][\w'-]*\s+){0,3}"
    r"(?:Conference|Summit|Forum|Dialogue)\b)|"
    # "the International Forum of Dakar on Peace and Security"
    r"\b(?:Conference|Summit|Forum|Dialogue)\s+of\s+(?P<after>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?)"
)
_UNIVERSITY = re.compile(
    r"^(?:[A-Z][\w'.-]*\s+){1,3}University$|^University of [A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?$"
)
_NOT_PLACE = {
    "Friday", "Monday", "Tuesday", "Wednesday", "Thursday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Reuters", "Congress", "Parliament", "Senate", "Washington Post", "Summit",
    "Forum", "Conference", "Council", "Assembly",
    # continents and regions are no stop, whatever town shares their name
    "Asia", "Africa", "Europe", "America", "Americas", "Oceania", "Antarctica", "Arctic",
}  # fmt: skip


# regions are no stop: "a tour of Central Asia" is not the town of Central
_REGION = re.compile(
    r"(?!South\s+Africa\b)"
    r"(?:Central|Southeast|South|East|West|North|Northeast|Southern|Northern|Eastern|Western)\s+"
    r"(?:Asia|Africa|Europe|America|Americas|Balkans|Caucasus|Pacific|Mediterranean)\b|"
    r"(?:Middle\s+East|Latin\s+America|Horn\s+of\s+Africa|Persian\s+Gulf|Indo-Pacific)\b"
)


_ORG_AS_GROUP = re.compile(
    r"\s+(?:members?|member\s+states?|states|countries|country|nations?|partners?|bloc|"
    r"leaders|ministers|summit|meeting|chair)\b"
)

_VENUE_AFTER = re.compile(
    r"\s+(?:international\s+)?(?:airport|air\s+base|airbase|palace|hotel|stadium)\b", re.I
)


def _demonym(text: str) -> bool:
    """ "Paraguayan": an adjective of nationality (a plural such as "Laos" or "Philippines"
    may be the country's name)."""
    hit = gz.country_names().get(fold(text))
    return hit is not None and hit.is_demonym and not text.endswith("s")


@dataclass
class PlaceMention:
    start: int
    end: int
    place: Place
    context: str  # the preposition or noun that marked it
    kind: str  # city | venue | org | country


def _venue(name: str) -> Place | None:
    key = fold(name)
    for vname, (city, cc, lat, lon) in gz.VENUES.items():
        if fold(vname) == key:
            keep_venue = city is None or "University" in vname or "Institute" in vname
            return Place(vname if keep_venue else city, cc, lat, lon)
    return None


def country_place(code: str, name: str) -> Place:
    """A country as a place, at its centroid."""
    lat, lon = gz.country_centroids().get(code) or (None, None)
    return Place(name, code, lat, lon, is_country=True)


def resolve_place(name: str, preferred: frozenset[str]) -> tuple[Place, str] | None:
    """Resolve a capitalised phrase to a place; longest readings first."""
    name = name.strip().rstrip(".,")
    if name in _NOT_PLACE or name.split()[0] in _NOT_PLACE:
        return None
    v = _venue(name)
    if v:
        return v, "venue"
    acr, city, cc = gz.org_headquarters(name)
    if acr and city:
        c = gz.lookup_city(city, frozenset({cc}))
        if c:
            return Place(
                c.name if c.name != "New York City" else "New York",
                c.country,
                c.latitude,
                c.longitude,
            ), "org"
    code = gz.country_code(name)
    if code:
        return country_place(code, name if not name.endswith("'s") else name[:-2]), "country"
    c = gz.lookup_city(name, preferred)
    if c:
        # the article's own spelling ("Ulaanbaatar", not the gazetteer's "Ulan Bator"), unless
        # it is a short code or an abbreviation
        label = name if fold(name) == fold(c.name) or _spelled_out(name) else c.name
        if c.name.endswith(", D.C."):
            label = "Washington"
        return Place(label, c.country, c.latitude, c.longitude), "city"
    if _UNIVERSITY.match(name):
        return Place(name, None, None, None), "venue"
    return None


def _spelled_out(name: str) -> bool:
    return len(name) >= 5 and not name.isupper() and "." not in name


_VENUE_NOUN = re.compile(
    r"\s(?:Palace|Hall|Hotel|Castle|Residence|Stadium|Arena|Museum|Cathedral|Mosque|Temple|"
    r"Square|Villa|Manor|Lodge|Centre|Center|Building|House(?! of\b)|International Airport|"
    r"Airport)\b"
)
_CAPITAL_NOUN = re.compile(r"\s+capital\b")
_NOT_A_PLACE_NOUN = re.compile(
    r"\s+(?:government|officials?|delegation|ministry|counterparts?|leaders?|authorities|"
    r"forces|troops|embassy|side|media|state\s+media|president|prime\s+minister)\b",
    re.I,
)


def _capital_named(name: str, rest: str) -> Place | None | bool:
    """ "in the Indonesian capital" is Jakarta; "in the Indonesian government" is no place
    (False); anything else keeps the country reading (None)."""
    cn = gz.country_names().get(fold(name))
    if cn is None or not cn.is_demonym:
        return None
    if _CAPITAL_NOUN.match(rest):
        c = gz.capital_of().get(cn.code)
        if c is None:
            return None
        return Place(c.name, c.country, c.latitude, c.longitude)
    if _NOT_A_PLACE_NOUN.match(rest):
        return False
    return None


def _readings(name: str) -> list[tuple[int, str]]:
    """Prefixes of a capitalised run, longest first, as (length, text)."""
    words = list(re.finditer(r"\S+", name))
    out = []
    for k in range(len(words), 0, -1):
        end = words[k - 1].end()
        out.append((end, name[:end]))
    return out


_LIST_NEXT = re.compile(
    # "to Lima from November 13 to 17 and Rio de Janeiro from ...": a leg's days between
    # "Singapore and Malaysia between Wednesday and Saturday, and Papua New Guinea ..."
    r"(?:\s+(?:from|on|between)\s+(?-i:[A-Z][a-z]+\.?\s+\d{1,2}(?:\s*(?:to|-|and)\s*\d{1,2})?|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:and|to)\s+(?:Mon|Tues|Wednes|Thurs|Fri|"
    r"Satur|Sun)day)?))?"
    r"(?:[,;]\s*(?:and\s+|as\s+well\s+as\s+)?(?P<the>the\s+)?|\s+(?:and|as\s+well\s+as)\s+(?:the\s+)?)"
    r"(?P<name>" + _CAPSEQ + r")"
)


def _follow_list(
    s: Sentence, pos: int, preferred: frozenset[str], ctx: str, found: list, overlaps
) -> None:
    """ "to New Delhi and Mumbai", "to Fiji, Samoa and Tonga": the rest of a list of places."""
    while True:
        m = _LIST_NEXT.match(s.text, pos - s.start)
        if not m:
            return
        name = m.group("name").rstrip(".,;:")
        hit = None
        for length, text in _readings(name):
            cn = gz.country_names().get(fold(text))
            after = s.text[m.start("name") + length : m.start("name") + length + 2]
            if (
                cn is not None
                and re.match(r"\s[A-Z]", after)
                and (cn.is_demonym or title_regex().match(s.text, m.start("name") + length + 1))
            ):
                continue  # "In Kabul, US Defense Secretary ...": not a list of places
            res = resolve_place(text, preferred)
            if res:
                hit = (length, res)
                break
        if hit is None:
            return
        a = s.start + m.start("name")
        b = a + hit[0]
        if overlaps(a, b):
            return
        place, kind = hit[1]
        if m.group("the") and kind != "country":
            return  # "..., the White House said": not "the Czech Republic" in a list
        place.span = (a, b)
        found.append(PlaceMention(a, b, place, ctx, kind))
        pos = b


def _qualified(place: Place, name: str, rest: str, preferred: frozenset[str]) -> Place:
    """ "Paris, Texas": a state or country right after the name overrides the usual reading."""
    rm = _TOWN_REGION.match(rest)
    if not rm:
        return place
    region = rm.group("region")
    code = "US" if region in gz.us_states() else gz.country_code(region)
    if not code or code == place.country:
        return place
    return _placed_in(name, code)


def _placed_in(name: str, code: str) -> Place:
    """The town of this name in that country, with its coordinates when the gazetteer has it
    there."""
    c = gz.lookup_city(name, frozenset({code}))
    if c and c.country == code:
        return Place(name, code, c.latitude, c.longitude)
    return Place(name, code, None, None)


def _in_named_country(place: Place, name: str, qualifier: str | None) -> Place:
    """ "the Indonesian island of Bali": the country the text names wins over the gazetteer's
    likeliest town of that name elsewhere."""
    cn = gz.country_names().get(fold(qualifier)) if qualifier else None
    if cn is None or cn.code == place.country:
        return place
    return _placed_in(name, cn.code)


def _town_in_region(
    s: Sentence, m: re.Match[str], preferred: frozenset[str]
) -> PlaceMention | None:
    """A short capitalised name followed by ", <US state or country>"."""
    name = m.group("name").rstrip(".,;:")
    if len(name.split()) > 2 or name in _NOT_PLACE:
        return None
    rest = s.text[m.start("name") + len(name) :]
    rm = _TOWN_REGION.match(rest)
    if not rm:
        return None
    region = rm.group("region")
    code = "US" if region in gz.us_states() else gz.country_code(region)
    if not code or gz.country_code(name) or resolve_place(name, preferred):
        return None
    a = s.start + m.start("name")
    place = Place(name, code, None, None, span=(a, a + len(name)))
    return PlaceMention(a, a + len(name), place, m.group("prep").lower(), "city")


_AFTER_VENUE = re.compile(
    r",\s+(?P<town>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})(?=\s*(?:[,.;]|\s+(?-i:[a-z]))|$)"
)


def _town_after_venue(
    s: Sentence, m: re.Match[str], preferred: frozenset[str]
) -> PlaceMention | None:
    """ "at Pragati Maidan, New Delhi": a place the gazetteer lacks, then the town it is in."""
    name = m.group("name").rstrip(".,;:")
    rest_at = m.start("name") + len(name)
    rm = _AFTER_VENUE.match(s.text, rest_at)
    if m.group("prep").lower() not in ("in", "at") or not rm:
        return None
    res = resolve_place(rm.group("town"), preferred)
    if not res or res[1] != "city":
        return None
    a, b = s.start + rm.start("town"), s.start + rm.end("town")
    return PlaceMention(a, b, replace(res[0], span=(a, b)), m.group("prep").lower(), "city")


def find_places(
    s: Sentence, preferred: frozenset[str], exclude: list[tuple[int, int]]
) -> list[PlaceMention]:
    found: list[PlaceMention] = []

    def overlaps(a: int, b: int) -> bool:
        return any(a < eb and ea < b for ea, eb in exclude) or any(
            a < f.end and f.start < b for f in found
        )

    for rx in (_LOCATIVE, _MODIFIER):
        for m in rx.finditer(s.text):
            base = s.start + m.start("name")
            name = m.group("name").rstrip(".,;:")
            if _REGION.match(name):
                continue
            readings = _readings(name) if rx is _LOCATIVE else [(len(name), name)]
            if rx is _MODIFIER:
                # "his Paris trip": try the shortest suffix that resolves
                words = list(re.finditer(r"\S+", name))
                readings = [(len(name), name[w.start() :]) for w in words]
                readings.reverse()
                readings = sorted(readings, key=lambda r: -len(r[1]))
            hit = False
            if rx is _LOCATIVE and _VENUE_NOUN.search(name):
                # "at Bellevue Palace": a venue the gazetteer lacks is not the town "Bellevue"
                cut = _VENUE_NOUN.search(name).start()
                readings = [r for r in readings if r[0] > cut]
            for length, text in readings:
                if rx is _MODIFIER:
                    a = base + len(name) - len(text)
                    b = base + len(name)
                else:
                    a, b = base, base + length
                res = resolve_place(text, preferred)
                if not res:
                    continue
                if overlaps(a, b):
                    break
                place, kind = res
                rest = s.text[b - s.start :]
                if kind == "org" and _ORG_AS_GROUP.match(rest):
                    break  # "a visit to the ASEAN member": one of its members, not its seat
                if kind == "city" and re.match(r"\s+[A-Z][a-z]+['’]s\b", rest):
                    break  # "at George Washington's house": a person's name, not George
                if _VENUE_AFTER.match(s.text, base - s.start + len(name)):
                    break  # "the Viru Viru international airport" is no town Viru
                if rx is _LOCATIVE and kind == "country":
                    named = _capital_named(text, s.text[a - s.start + len(text) :])
                    if named is False:
                        break
                    if named is not None:
                        place, kind = named, "city"
                if kind == "country" and _demonym(text) and re.match(r"\s+\w", rest):
                    # "the Paraguayan community", "the visiting Iranian Foreign Minister": a
                    # people or an adjective, not a place
                    break
                if rx is _LOCATIVE and kind == "city":
                    place = _qualified(place, text, s.text[a - s.start + len(text) :], preferred)
                    place = _in_named_country(place, text, m.group("qual"))
                place.span = (a, b)
                ctx = m.group("prep") if rx is _LOCATIVE else m.group("noun")
                found.append(PlaceMention(a, b, place, ctx.lower(), kind))
                if rx is _LOCATIVE:
                    _follow_list(s, b, preferred, ctx.lower(), found, overlaps)
                hit = True
                break
            if not hit and rx is _LOCATIVE:
                town = _town_in_region(s, m, preferred) or _town_after_venue(s, m, preferred)
                if town and not overlaps(town.start, town.end):
                    found.append(town)
    _town_of_gathering(s, preferred, found, overlaps)
    found.sort(key=lambda p: p.start)
    return _venue_near(s, found)


def _venue_near(s: Sentence, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "at the White House, near the Kremlin": a venue told as near a place of another country
    is one of that place's town that shares its name, not the famous one."""
    out = []
    for k, pm in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if (
            pm.kind == "venue"
            and nxt is not None
            and nxt.place.country != pm.place.country
            and re.fullmatch(
                r",?\s+(?:near|next\s+to|close\s+to|by)\s+(?:the\s+)?",
                s.text[pm.end - s.start : nxt.start - s.start],
            )
        ):
            continue
        out.append(pm)
    return out


def _town_of_gathering(
    s: Sentence,
    preferred: frozenset[str],
    found: list[PlaceMention],
    overlaps: Callable[[int, int], bool],
) -> None:
    """The town a gathering is named after is where it meets ("the Munich Security
    Conference"); a country in the name is no place ("the Ukraine Recovery Conference")."""
    for m in _GATHERING_NAME.finditer(s.text):
        group = "name" if m.group("name") else "after"
        words = m.group(group).split()
        for text in dict.fromkeys([" ".join(words), words[0]]):
            a = s.start + m.start(group)
            b = a + len(text)
            res = resolve_place(text, preferred)
            if not res or res[1] != "city" or text in _NOT_PLACE:
                continue
            if not overlaps(a, b):
                res[0].span = (a, b)
                found.append(PlaceMention(a, b, res[0], "named", "city"))
            break


def named_after(pm: PlaceMention, places: list[PlaceMention]) -> bool:
    """An organisation's seat is only a guess when a place is named right after it."""
    return any(q.kind != "org" and 0 <= q.start - pm.end <= 40 for q in places)
