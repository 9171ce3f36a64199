"""CAMEO codes of stored facts: their fields handed to `engagements.cameo`, the mapping table.

Each function reads only relations the exports and the API prefetch (see
`engagements.api.serializers.with_relations`): an official's country and posts (with their
organisation), an engagement's participations and place, a stop's trip and traveller, an
agreement's parties.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import cameo
from .cameo import Actor, Dyad


def official_actor(official: Any, role: str = "participant") -> Actor:
    """The official as a CAMEO actor: their country (or their post's) and the post's role."""
    post = official.current_post()
    country = official.country if official.country_id else None
    if country is None and post is not None and post.country_id:
        country = post.country
    organization = post.organization if post is not None and post.organization_id else None
    code = cameo.actor_code(
        country.code if country else None,
        country.alpha3 if country else None,
        post.title if post else None,
        (organization.acronym or organization.name) if organization else None,
    )
    return Actor(
        code=code, country=country.code if country else None, name=official.name, role=role
    )


def country_actor(country: Any) -> Actor | None:
    """A country's government as an actor (an agreement's party, a visit's host country)."""
    if country is None:
        return None
    return cameo.government(country.code, country.alpha3, country.name)


def _place_country(place: Any) -> Any:
    return place.country if place is not None and place.country_id else None


def engagement_code(engagement: Any, actors: list[Actor]) -> str | None:
    """The engagement's CAMEO event code (a visit: 042, the traveller's side)."""
    country = _place_country(engagement.place)
    return cameo.engagement_event_code(
        engagement.kind,
        engagement.status,
        country.code if country else None,
        frozenset(a.country for a in actors if a.country),
    )


def engagement_dyads(engagement: Any, participations: Iterable[Any]) -> list[Dyad]:
    """The engagement's event rows, one per ordered pair of its participants' actor codes."""
    actors = [official_actor(p.official, p.role) for p in participations]
    country = _place_country(engagement.place)
    return cameo.engagement_dyads(
        engagement.kind,
        engagement.status,
        actors,
        place_country=country.code if country else None,
        host=country_actor(country),
    )


def stop_dyads(stop: Any) -> list[Dyad]:
    """A stop abroad is the traveller's visit to that country: 042 and 043 (none at home, and
    none for a stop called off)."""
    if getattr(stop, "cancelled", False):
        return []
    traveller = official_actor(stop.trip.traveler, "traveler")
    country = _place_country(stop.place)
    if country is None or country.code == traveller.country:
        return []
    return cameo.engagement_dyads(
        "visit", "held", [traveller], place_country=country.code, host=country_actor(country)
    )


def stop_code(stop: Any) -> str | None:
    """042 for a stop abroad, None at home or where the country is unknown."""
    return cameo.MAKE_VISIT if stop_dyads(stop) else None


def agreement_parties(agreement: Any) -> list[Actor]:
    actors = (country_actor(c) for c in sorted(agreement.parties.all(), key=lambda c: c.code))
    return [a for a in actors if a is not None]


def agreement_dyads(agreement: Any) -> list[Dyad]:
    """057 rows between the agreement's parties (unless only proposed)."""
    return cameo.signing_dyads(agreement.status, agreement_parties(agreement))


def agreement_code(agreement: Any) -> str | None:
    return cameo.SIGN_AGREEMENT if agreement.status != "proposed" else None


def event_record(code: str | None) -> dict[str, Any] | None:
    """An event code with its label, Goldstein score and quad class, for JSON."""
    entry = cameo.event(code)
    if entry is None:
        return None
    return {
        "code": entry.code,
        "label": entry.label,
        "root": entry.root,
        "goldstein": entry.goldstein,
        "quad_class": entry.quad_class,
    }
