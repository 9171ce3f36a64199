import json

from django.urls import URLPattern, URLResolver, get_resolver, reverse


def routes(patterns, prefix: str = "") -> list[str]:
    """Every route in the URLconf as an OpenAPI-style path ("/api/trips/{pk}")."""
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            found.append("/" + route.replace("<int:pk>", "{pk}"))
    return found


def resolve_ref(schema: dict, ref: str) -> dict:
    node = schema
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def refs(node) -> list[str]:
    if isinstance(node, dict):
        return ([node["$ref"]] if "$ref" in node else []) + [
            r for value in node.values() for r in refs(value)
        ]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def test_the_schema_is_openapi_31_json_describing_every_api_route(analyst_client, world):
    response = analyst_client.get(reverse("api:openapi"))
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.1")
    assert schema["info"]["title"] and schema["info"]["version"]
    api_routes = [r for r in routes(get_resolver().url_patterns) if r.startswith("/api/")]
    assert len(api_routes) == 9
    for route in api_routes:
        assert route in schema["paths"], route
        assert "get" in schema["paths"][route]
    for route, item in schema["paths"].items():
        assert route in api_routes  # nothing documented that is not served
        for operation in item.values():
            assert operation["responses"]["200"]["content"]["application/json"]["schema"]
            if "{pk}" in route:
                assert [p["name"] for p in operation["parameters"]] == ["pk"]
    for ref in refs(schema):
        assert resolve_ref(schema, ref), ref


def test_the_documented_parameters_are_the_accepted_ones(analyst_client, world):
    schema = analyst_client.get(reverse("api:openapi")).json()
    trips = {p["name"] for p in schema["paths"]["/api/trips"]["get"]["parameters"]}
    assert trips == {
        "traveler", "country", "start", "end", "q", "origin", "review", "page", "page_size",
        "format",
    }  # fmt: skip
    engagement_params = schema["paths"]["/api/engagements"]["get"]["parameters"]
    kind = next(p for p in engagement_params if p["name"] == "kind")
    assert "meeting" in kind["schema"]["enum"]
    for params in schema["paths"]["/api/engagements"]["get"]["parameters"]:
        if params["name"] in ("page", "page_size", "format"):
            continue
        value = (params["schema"].get("enum") or ["2021-10-05"])[0]
        if params["name"] == "country":
            value = "FR"
        if params["name"] in ("traveler", "q"):
            value = "x"
        response = analyst_client.get(reverse("api:engagements"), {params["name"]: value})
        assert response.status_code == 200, params["name"]
