"""The OpenAPI 3.1 description of the API, built from the endpoint table."""

from __future__ import annotations

from typing import Any

from engagements.models import AgreementKind

from .endpoints import DEFAULT_PAGE_SIZE, ENDPOINTS, MAX_PAGE_SIZE, Endpoint

Schema = dict[str, Any]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(kind: str, **extra: Any) -> Schema:
    return {"type": [kind, "null"], **extra}


DATE = _nullable("string", format="date")
FACT_FIELDS: Schema = {
    "origin": {"type": "string", "enum": ["extracted", "record", "manual"]},
    "review": {"type": "string", "enum": ["unreviewed", "verified"]},
    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    "citations": {"type": "array", "items": _ref("Citation")},
}
PRECISION = {"type": "string", "enum": ["day", "month", "year", "unknown"]}
CAMEO_ACTOR = {
    "type": "string",
    "description": "CAMEO actor code: ISO alpha-3 and a role (USAGOV, RUSMIL) or an IGO code "
    "(IGOUNO); empty when the country is unknown.",
}


def _object(properties: Schema, description: str = "") -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
    }
    if description:
        schema["description"] = description
    return schema


COMPONENTS: Schema = {
    "Error": _object({"error": {"type": "string"}}, "What was wrong with the request."),
    "Citation": _object(
        {
            "article": {"type": "integer", "description": "The article's id."},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "outlet": {"type": "string"},
            "published": DATE,
            "start": {"type": "integer", "description": "Character offset of the quote."},
            "end": {"type": "integer", "description": "End offset of the quote (exclusive)."},
            "quote": {"type": "string", "description": "The whole sentence the fact came from."},
            "span": {
                "type": ["array", "null"],
                "items": {"type": "integer"},
                "description": "[start, end) offsets of the words that support the fact, "
                "inside the quote; null when not known.",
            },
        },
        "A source of a fact: an article and the quoted sentence.",
    ),
    "CameoEvent": {
        "oneOf": [
            _object(
                {
                    "code": {"type": "string", "description": "CAMEO event code, e.g. 042."},
                    "label": {"type": "string"},
                    "root": {"type": "string", "description": "Two-digit root code."},
                    "goldstein": {"type": "number", "minimum": -10, "maximum": 10},
                    "quad_class": {"type": "integer", "minimum": 0, "maximum": 4},
                },
                "The CAMEO event code of a fact (engagements.cameo); null when CAMEO has none.",
            ),
            {"type": "null"},
        ]
    },
    "CameoDyad": _object(
        {
            "source": CAMEO_ACTOR,
            "target": CAMEO_ACTOR,
            "code": {"type": "string", "description": "CAMEO event code."},
        },
        "One event row: source actor, target actor, event (as in the ?format=cameo export).",
    ),
    "Place": _object(
        {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "kind": {"type": "string", "enum": ["city", "venue", "country", "other"]},
            "country": _nullable("string", description="ISO 3166-1 alpha-2 code."),
            "latitude": _nullable("number", minimum=-90, maximum=90),
            "longitude": _nullable("number", minimum=-180, maximum=180),
        }
    ),
    "Person": _object(
        {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "country": _nullable("string", description="ISO 3166-1 alpha-2 code."),
        }
    ),
    "Participant": {
        "allOf": [
            _ref("Person"),
            _object(
                {
                    "role": {
                        "type": "string",
                        "enum": ["participant", "host", "guest", "traveler"],
                    },
                    "cameo_actor": CAMEO_ACTOR,
                }
            ),
        ]
    },
    "Stop": _object(
        {
            "id": {"type": "integer"},
            "order": {"type": "integer", "description": "Position in the trip, from 1."},
            "place": _ref("Place"),
            "start": DATE,
            "end": DATE,
            "precision": PRECISION,
            "cameo": _ref("CameoEvent"),
            **FACT_FIELDS,
        }
    ),
    "Trip": _object(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "traveler": {"allOf": [_ref("Person"), _object({"cameo_actor": CAMEO_ACTOR})]},
            "start": DATE,
            "end": DATE,
            **{k: v for k, v in FACT_FIELDS.items() if k != "citations"},
            "stops": {"type": "array", "items": _ref("Stop")},
            "companion_of": {
                "oneOf": [_ref("TripLink"), {"type": "null"}],
                "description": "The trip this one accompanies (its traveler is a companion).",
            },
            "companions": {
                "type": "array",
                "items": _ref("TripLink"),
                "description": "The trips of those accompanying the traveler, same stops.",
            },
            "citations": FACT_FIELDS["citations"],
        }
    ),
    "TripLink": _object(
        {"id": {"type": "integer"}, "traveler": _ref("Person")},
        "Another trip: a companion's, or the one a companion accompanies.",
    ),
    "Engagement": _object(
        {
            "id": {"type": "integer"},
            "kind": {
                "type": "string",
                "enum": [
                    "meeting",
                    "call",
                    "talks",
                    "dialogue",
                    "conference",
                    "visit",
                    "summit",
                    "other",
                ],
            },
            "title": {"type": "string"},
            "status": {"type": "string", "enum": ["held", "scheduled", "cancelled", "unknown"]},
            "place": {"oneOf": [_ref("Place"), {"type": "null"}]},
            "start": DATE,
            "end": DATE,
            "precision": PRECISION,
            "participants": {"type": "array", "items": _ref("Participant")},
            "cameo": _ref("CameoEvent"),
            "cameo_dyads": {"type": "array", "items": _ref("CameoDyad")},
            "trip": _nullable("integer", description="The trip it happened on, when known."),
            **FACT_FIELDS,
        }
    ),
    "Post": _object(
        {
            "title": {"type": "string"},
            "country": _nullable("string"),
            "organization": _nullable("string"),
            "start": DATE,
            "end": DATE,
        }
    ),
    "Official": _object(
        {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "aliases": {"type": "array", "items": {"type": "string"}},
            "country": _nullable("string", description="ISO 3166-1 alpha-2 code."),
            "cameo_actor": CAMEO_ACTOR,
            "posts": {"type": "array", "items": _ref("Post")},
            **FACT_FIELDS,
        }
    ),
    "Agreement": _object(
        {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "aliases": {"type": "array", "items": {"type": "string"}},
            "kind": {"type": "string", "enum": list(AgreementKind.values)},
            "status": {
                "type": "string",
                "enum": ["proposed", "signed", "in_force", "ended", "unknown"],
            },
            "date": DATE,
            "parties": {
                "type": "array",
                "items": {"type": "string"},
                "description": "ISO 3166-1 alpha-2 codes of the parties.",
            },
            "cameo": _ref("CameoEvent"),
            "cameo_parties": {"type": "array", "items": CAMEO_ACTOR},
            "cameo_dyads": {"type": "array", "items": _ref("CameoDyad")},
            **FACT_FIELDS,
        }
    ),
}

PARAMETERS: dict[str, tuple[Schema, str]] = {
    "traveler": (
        {"type": "string"},
        "The traveler's name or an alias contains this (accents and case ignored).",
    ),
    "country": ({"type": "string", "pattern": "^[A-Za-z]{2}$"}, "ISO 3166-1 alpha-2 code."),
    "start": (
        {"type": "string", "format": "date"},
        "Only facts whose dates reach this day or later (ranges overlapping [start, end]).",
    ),
    "end": (
        {"type": "string", "format": "date"},
        "Only facts whose dates begin on or before this day.",
    ),
    "q": ({"type": "string"}, "Free text."),
    "kind": ({"type": "string"}, "The kind of fact."),
    "status": ({"type": "string"}, "The status."),
    "origin": ({"type": "string"}, "Where the fact came from."),
    "review": ({"type": "string"}, "Review state (rejected facts are never shown)."),
    "page": ({"type": "integer", "minimum": 1, "default": 1}, "Page number, from 1."),
    "page_size": (
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
        f"Results per page; larger values are capped at {MAX_PAGE_SIZE}.",
    ),
    "format": (
        {"type": "string"},
        "Download every matching fact as a file instead of a page of JSON.",
    ),
}

ERRORS = {
    "400": "A parameter is unknown or has a bad value.",
    "401": "Not signed in and no valid API token.",
    "403": "The user lacks the view permission for this kind of fact.",
    "404": "No such fact (or it was rejected).",
    "405": "Only GET and HEAD are allowed.",
}


def _error(code: str) -> Schema:
    return {
        "description": ERRORS[code],
        "content": {"application/json": {"schema": _ref("Error")}},
    }


def _parameter(endpoint: Endpoint, name: str) -> Schema:
    schema, description = PARAMETERS[name]
    schema = dict(schema)
    choices = endpoint.all_choices().get(name)
    if choices:
        schema["enum"] = choices
    if name == "format":
        schema["enum"] = list(endpoint.formats)
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": endpoint.notes.get(name, description),
        "schema": schema,
    }


EXPORT_TYPES = {
    "csv": ("text/csv", {"type": "string"}),
    "json": (
        "application/json",
        {"type": "object", "description": "{count, results} of every match, unpaged."},
    ),
    "geojson": (
        "application/geo+json",
        {"type": "object", "description": "A FeatureCollection of Point features."},
    ),
    "ics": ("text/calendar", {"type": "string", "description": "iCalendar (RFC 5545)."}),
    "cameo": (
        "text/tab-separated-values",
        {
            "type": "string",
            "description": "CAMEO event rows, tab-separated with a header row, in the Phoenix "
            "data set's 26 columns (EventID, Date, Year, Month, Day, SourceActorFull, ... "
            "EventCode, EventRootCode, QuadClass, GoldsteinScore, ... NewsSources): one row "
            "per source/target pair.",
        },
    ),
}


def _list_operation(endpoint: Endpoint, item: str) -> Schema:
    page = _object(
        {
            "count": {"type": "integer", "description": "Matches across all pages."},
            "next": _nullable("string", format="uri"),
            "previous": _nullable("string", format="uri"),
            "results": {"type": "array", "items": _ref(item)},
        }
    )
    content: Schema = {"application/json": {"schema": page}}
    for fmt in endpoint.formats:
        media, schema = EXPORT_TYPES[fmt]
        if media != "application/json":
            content[media] = {"schema": schema}
    return {
        "operationId": f"list_{endpoint.name}",
        "summary": endpoint.summary,
        "tags": [endpoint.name],
        "parameters": [_parameter(endpoint, name) for name in endpoint.accepted],
        "responses": {
            "200": {
                "description": "A page of results (or, with `format`, a file of all of them).",
                "content": content,
            },
            **{code: _error(code) for code in ("400", "401", "403", "405")},
        },
    }


def _detail_operation(endpoint: Endpoint, item: str) -> Schema:
    return {
        "operationId": f"get_{endpoint.name}",
        "summary": f"One of: {endpoint.summary[0].lower()}{endpoint.summary[1:]}",
        "tags": [endpoint.name],
        "parameters": [
            {"name": "pk", "in": "path", "required": True, "schema": {"type": "integer"}}
        ],
        "responses": {
            "200": {
                "description": f"The {item.lower()}.",
                "content": {"application/json": {"schema": _ref(item)}},
            },
            **{code: _error(code) for code in ("400", "401", "403", "404", "405")},
        },
    }


ITEMS = {
    "trips": "Trip",
    "engagements": "Engagement",
    "officials": "Official",
    "agreements": "Agreement",
}


def openapi_schema() -> Schema:
    """The whole OpenAPI document as a dict (JSON-serializable)."""
    paths: Schema = {}
    for endpoint in ENDPOINTS:
        item = ITEMS[endpoint.name]
        paths[f"/api/{endpoint.name}"] = {"get": _list_operation(endpoint, item)}
        paths[f"/api/{endpoint.name}/{{pk}}"] = {"get": _detail_operation(endpoint, item)}
    paths["/api/openapi.json"] = {
        "get": {
            "operationId": "openapi",
            "summary": "This document",
            "tags": ["meta"],
            "responses": {
                "200": {
                    "description": "The OpenAPI 3.1 description of the API.",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                **{code: _error(code) for code in ("401", "405")},
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Diplomacy tracker API",
            "version": "1.0.0",
            "description": (
                "Read-only access to trips, engagements, officials and agreements, each with "
                "the sentences it was cited from. Rejected facts are never shown. Sign in "
                "(session cookie) or send `Authorization: Token <key>`; create a key with "
                "`manage.py api_token USERNAME`. The user needs the view permission for the "
                "kind of fact (the analyst, editor and admin groups have it)."
            ),
        },
        "servers": [{"url": "/"}],
        "security": [{"token": []}, {"session": []}],
        "paths": paths,
        "components": {
            "schemas": COMPONENTS,
            "securitySchemes": {
                "token": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": "The word Token, a space, then the key: `Token 3q2+7w...`.",
                },
                "session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            },
        },
    }
