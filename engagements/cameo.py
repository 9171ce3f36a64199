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
Everything here is plain data in and out, so it is tested without a database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
