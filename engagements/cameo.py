"""CAMEO codes for engagements, signings and the officials who take part in them.

CAMEO (Conflict and Mediation Event Observations, codebook 1.1b3) is the event
ontology of GDELT, PETRARCH and the Phoenix data set. This module is the one
table that maps this project's facts onto it:

| fact                                              | CAMEO event code                     |
|---------------------------------------------------|--------------------------------------|
| call                                              | 041 Discuss by telephone             |
| visit: the traveller's side                       | 042 Make a visit                     |
| visit: the host country's side                    | 043 Host a visit                     |
| meeting, talks, dialogue, summit, conference      | 040 Consult                          |
| ... held in none of the participants' countries   | 044 Meet at a "third" location       |
| any of these still scheduled at publication       | 036 Express intent to meet or negotiate |
| an agreement signed by its parties                | 057 Sign formal agreement            |
| cancelled, or of kind "other"                     | no code (CAMEO has no "call off")    |

Actor codes are CAMEO's: the country's ISO 3166-1 alpha-3 code followed by a role
(GOV government, MIL military, LEG legislature, JUD judiciary), e.g. ``USAGOV``;
officials of an international organisation take its IGO code (``IGOUNO``).

Event data is dyadic: `engagement_dyads` turns one engagement into one row per ordered
source/target pair of its participants' actor codes (a meeting of USAGOV and FRAGOV gives
USAGOV->FRAGOV and FRAGOV->USAGOV, both 040). A visit gives the traveller->host row 042 and
the host->traveller row 043 (the host country's government stands in when no host is
named); `signing_dyads` gives 057 rows between every two parties of a signed agreement.
Pairs of one actor code (two officials of one government) give no row.

The ``?format=cameo`` export is tab-separated, a header row and then the 26 columns of the
Phoenix data set, in its order (PHOENIX_COLUMNS): EventID, Date (YYYYMMDD), Year, Month,
Day, SourceActorFull, SourceActorEntity, SourceActorRole, SourceActorAttribute,
TargetActorFull, TargetActorEntity, TargetActorRole, TargetActorAttribute, EventCode,
EventRootCode, QuadClass, GoldsteinScore, Issues, Lat, Lon, LocationName, StateName,
CountryCode (ISO alpha-3 of the place), SentenceID (article id and offset of the cited
sentence), URLs, NewsSources (both ";"-separated).

Everything here is plain data in and out, so it is tested without a database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

CONSULT = "040"
TELEPHONE = "041"
MAKE_VISIT = "042"
HOST_VISIT = "043"
THIRD_LOCATION = "044"
INTENT_TO_MEET = "036"
SIGN_AGREEMENT = "057"


@dataclass(frozen=True)
class EventCode:
    """One CAMEO event code with its label, Goldstein score and Phoenix quad class."""

    code: str
    label: str
    goldstein: float
    # Phoenix quad classes: 0 neutral (01-02), 1 verbal cooperation (03-05),
    # 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
    quad_class: int

    @property
    def root(self) -> str:
        """The two-digit root code ("04" for every 04x code)."""
        return self.code[:2]


EVENT_CODES: dict[str, EventCode] = {
    c.code: c
    for c in (
        EventCode(INTENT_TO_MEET, "Express intent to meet or negotiate", 4.0, 1),
        EventCode(CONSULT, "Consult, not specified below", 1.0, 1),
        EventCode(TELEPHONE, "Discuss by telephone", 1.0, 1),
        EventCode(MAKE_VISIT, "Make a visit", 1.9, 1),
        EventCode(HOST_VISIT, "Host a visit", 2.8, 1),
        EventCode(THIRD_LOCATION, 'Meet at a "third" location', 2.5, 1),
        EventCode(SIGN_AGREEMENT, "Sign formal agreement", 8.0, 1),
    )
}

# International organisations by the acronym the extractor and the Organization table use.
ORGANIZATION_ACTORS: dict[str, str] = {
    "UN": "IGOUNO",
    "EU": "IGOEUREEC",
    "EC": "IGOEUREEC",
    "NATO": "IGOWSTNAT",
    "ASEAN": "IGOSEAASN",
    "AU": "IGOAFRAFU",
    "OAS": "IGOOAS",
    "GCC": "IGOPGSGCC",
    "OIC": "IGOMOSOIC",
    "WTO": "IGOBUSWTO",
    "IMF": "IGOBUSIMF",
    "WHO": "IGOUNOHLHWHO",
    "World Bank": "IGOUNODEVWBK",
    "ECOWAS": "IGOWAFWAS",
    "Arab League": "IGOMEAARL",
    "Commonwealth": "IGOCWN",
}

# The European Union is a party and an official's "country" in this project (code EU).
_EXTRA_ALPHA3 = {"EU": "IGOEUREEC", "XK": "XKX"}

_ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "MIL",
        re.compile(
            r"\b(?:general|admiral|marshal|colonel|brigadier|commander|chief of (?:the )?"
            r"(?:defen[cs]e |general |naval |army )?staff|army|navy|naval|air force|"
            r"armed forces|military)\b",
            re.I,
        ),
    ),
    (
        "LEG",
        re.compile(
            r"\b(?:speaker|senator|senate|congress(?:man|woman)?|parliament\w*|lawmaker|"
            r"legislat\w+|assembly|member of parliament|MP|deputy speaker)\b",
            re.I,
        ),
    ),
    ("JUD", re.compile(r"\b(?:judge|justice|court|prosecutor)\b", re.I)),
)


def actor_role(title: str | None) -> str:
    """The CAMEO role of an office: MIL, LEG or JUD where its title says so, else GOV."""
    for role, pattern in _ROLE_PATTERNS:
        if title and pattern.search(title):
            return role
    return "GOV"


def actor_code(
    country: str | None,
    alpha3: str | None,
    title: str | None,
    organization: str | None = None,
) -> str:
    """The CAMEO actor code of an official: ``USAGOV``, ``RUSMIL``, ``IGOUNO`` ...

    ``country`` is the ISO alpha-2 code the project stores (or ``EU``), ``alpha3`` its
    alpha-3 code; ``organization`` the acronym of the organisation the post is with.
    An official of no known country or organisation gets an empty code.
    """
    if organization and organization in ORGANIZATION_ACTORS:
        return ORGANIZATION_ACTORS[organization]
    if country in _EXTRA_ALPHA3 and country != "XK":
        return _EXTRA_ALPHA3[country]
    base = alpha3 or _EXTRA_ALPHA3.get(country or "")
    if not base:
        return ""
    return base + actor_role(title)


def engagement_event_code(
    kind: str,
    status: str,
    place_country: str | None = None,
    participant_countries: frozenset[str] | set[str] = frozenset(),
) -> str | None:
    """The CAMEO event code of an engagement, from its kind, status and where it was held.

    ``participant_countries`` are the ISO alpha-2 codes of the participants' governments.
    Returns None for what CAMEO does not code: a cancelled engagement, kind "other".
    """
    if status == "cancelled" or kind == "other":
        return None
    if status == "scheduled" and kind != "call":
        return INTENT_TO_MEET
    if kind == "call":
        return TELEPHONE if status != "scheduled" else INTENT_TO_MEET
    if kind == "visit":
        return MAKE_VISIT
    countries = set(participant_countries)
    if place_country and len(countries) >= 2 and place_country not in countries:
        return THIRD_LOCATION
    return CONSULT


def event(code: str | None) -> EventCode | None:
    """The full entry of an event code, or None."""
    return EVENT_CODES.get(code) if code else None


@dataclass(frozen=True)
class Actor:
    """One side of an event: its CAMEO actor code, country (alpha-2) and role in the event."""

    code: str
    country: str | None = None
    name: str = ""
    role: str = "participant"  # participant, host, guest, traveler (Participant.Role)

    @property
    def entity(self) -> str:
        """The country or IGO part of the code: "USA" of "USAGOV", "IGOUNO" of "IGOUNO"."""
        return self.code if self.code.startswith("IGO") else self.code[:3]

    @property
    def agent(self) -> str:
        """The role part of the code: "GOV" of "USAGOV" ("" for an IGO)."""
        return "" if self.code.startswith("IGO") else self.code[3:]


@dataclass(frozen=True)
class Dyad:
    """One event row: who did what to whom."""

    source: Actor
    target: Actor
    code: str

    @property
    def event(self) -> EventCode:
        return EVENT_CODES[self.code]


def government(country: str | None, alpha3: str | None, name: str = "") -> Actor | None:
    """The government of a country as an actor (an agreement's party, a visit's host)."""
    code = actor_code(country, alpha3, None)
    return Actor(code=code, country=country, name=name) if code else None


def _pairs(actors: Iterable[Actor], code: str) -> Iterator[Dyad]:
    known = [a for a in actors if a.code]
    seen: set[tuple[str, str]] = set()
    for source in known:
        for target in known:
            key = (source.code, target.code)
            if source.code != target.code and key not in seen:
                seen.add(key)
                yield Dyad(source, target, code)


def engagement_dyads(
    kind: str,
    status: str,
    actors: list[Actor],
    place_country: str | None = None,
    host: Actor | None = None,
) -> list[Dyad]:
    """The event rows of one engagement (see the module's notes); [] when CAMEO codes none.

    ``host`` stands in for the host country's government when a visit names no host.
    """
    code = engagement_event_code(
        kind, status, place_country, frozenset(a.country for a in actors if a.country)
    )
    if code is None:
        return []
    if code != MAKE_VISIT:
        return list(_pairs(actors, code))
    hosts = [
        a for a in actors if a.role == "host" or (place_country and a.country == place_country)
    ]
    travellers = [a for a in actors if a not in hosts]
    if not hosts and host is not None:
        hosts = [host]
    pairs: dict[tuple[str, str], tuple[Actor, Actor]] = {}
    for traveller in travellers:
        for welcome in hosts:
            if traveller.code and welcome.code and traveller.code != welcome.code:
                pairs.setdefault((traveller.code, welcome.code), (traveller, welcome))
    rows: list[Dyad] = []
    for traveller, welcome in pairs.values():
        rows += [Dyad(traveller, welcome, MAKE_VISIT), Dyad(welcome, traveller, HOST_VISIT)]
    return rows


def signing_dyads(status: str, parties: list[Actor]) -> list[Dyad]:
    """057 rows between every two parties of an agreement, unless it is only proposed."""
    if status == "proposed":
        return []
    return list(_pairs(parties, SIGN_AGREEMENT))


PHOENIX_COLUMNS = (
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
)


@dataclass(frozen=True)
class Where:
    """Where an event happened, as Phoenix gives it."""

    name: str = ""
    alpha3: str = ""
    latitude: float | None = None
    longitude: float | None = None


def phoenix_row(
    event_id: str,
    dyad: Dyad,
    day: date | None,
    where: Where | None = None,
    sentence: str = "",
    urls: Iterable[str] = (),
    sources: Iterable[str] = (),
) -> list[str]:
    """One Phoenix row (PHOENIX_COLUMNS) of a dyad, every value a string ("" when unknown)."""
    where = where or Where()
    event = dyad.event
    return [
        event_id,
        day.strftime("%Y%m%d") if day else "",
        str(day.year) if day else "",
        str(day.month) if day else "",
        str(day.day) if day else "",
        dyad.source.code,
        dyad.source.entity,
        dyad.source.agent,
        "",
        dyad.target.code,
        dyad.target.entity,
        dyad.target.agent,
        "",
        event.code,
        event.root,
        str(event.quad_class),
        f"{event.goldstein:g}",
        "",
        "" if where.latitude is None else f"{where.latitude:g}",
        "" if where.longitude is None else f"{where.longitude:g}",
        where.name,
        "",
        where.alpha3,
        sentence,
        ";".join(dict.fromkeys(u for u in urls if u)),
        ";".join(dict.fromkeys(s for s in sources if s)),
    ]
