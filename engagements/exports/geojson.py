"""GeoJSON: a FeatureCollection of Points ([longitude, latitude]) for stops and engagements."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.http import HttpResponse

from engagements import cameo_facts
from engagements.api import serializers
from engagements.models import Engagement, Stop

from .common import (
    download,
    facts_of,
    located_facts,
    participant_names,
    summary,
    traveler_of,
)


def _point(place: Any) -> dict[str, object] | None:
    if place is None or place.latitude is None or place.longitude is None:
        return None
    if not (-90 <= place.latitude <= 90 and -180 <= place.longitude <= 180):
        return None
    return {"type": "Point", "coordinates": [place.longitude, place.latitude]}


def _feature(fact: Stop | Engagement) -> dict[str, object] | None:
    geometry = _point(fact.place)
    if geometry is None:
        return None
    common = {
        "place": fact.place.name,
        "country": fact.place.country.code if fact.place.country_id else None,
        "start": serializers.iso(fact.start),
        "end": serializers.iso(fact.end),
        "precision": fact.precision,
        "origin": fact.origin,
        "review": fact.review,
        "quotes": [c.quote for c in fact.citations.all()],
    }
    if isinstance(fact, Stop):
        traveler = traveler_of(fact)
        properties = {
            "fact": "stop",
            "id": fact.pk,
            "kind": "stop",
            "title": f"{traveler.name} in {fact.place.name}",
            "trip": fact.trip_id,
            "order": fact.order,
            "cancelled": fact.cancelled,
            "participants": [traveler.name],
            "cameo_code": cameo_facts.stop_code(fact),
            "cameo_actors": [cameo_facts.official_actor(traveler).code],
            **common,
        }
    else:
        actors = [
            cameo_facts.official_actor(p.official, p.role) for p in serializers.participants(fact)
        ]
        properties = {
            "fact": "engagement",
            "id": fact.pk,
            "kind": fact.kind,
            "title": summary(fact),
            "status": fact.status,
            "participants": participant_names(fact),
            "cameo_code": cameo_facts.engagement_code(fact, actors),
            "cameo_actors": [actor.code for actor in actors],
            **common,
        }
    return {
        "type": "Feature",
        "id": f"{properties['fact']}-{fact.pk}",
        "geometry": geometry,
        "properties": properties,
    }


def export_geojson(items: Iterable[Model], *, filename: str | None = None) -> HttpResponse:
    """A FeatureCollection of the stops and engagements that have coordinates."""
    facts = facts_of(items)
    features = [f for f in map(_feature, located_facts(facts)) if f is not None]
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    return download(body, "geojson", items, facts, filename)
