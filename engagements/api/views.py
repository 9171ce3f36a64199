"""The read-only JSON API: a list and a detail view per kind of fact, and the schema."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

from engagements import exports
from engagements.selectors import VISIBLE
from people.models import Official

from . import selectors, serializers
from .auth import api_view, error
from .endpoints import (
    AGREEMENTS,
    DEFAULT_PAGE_SIZE,
    ENGAGEMENTS,
    MAX_PAGE_SIZE,
    OFFICIALS,
    TRIPS,
    Endpoint,
)
from .schema import openapi_schema
from .selectors import BadParameter


def _positive(name: str, value: str | None, default: int) -> int:
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(f"{name} must be a positive whole number, not {value!r}.") from None
    if number < 1:
        raise BadParameter(f"{name} must be a positive whole number, not {value!r}.")
    return number


def _page_link(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def list_response(request: HttpRequest, endpoint: Endpoint) -> HttpResponse:
    """A page of the endpoint's facts matching the query string, or an export of all of them."""
    params = {name: request.GET.get(name, "") for name in request.GET}
    filter_params = {k: v for k, v in params.items() if k not in ("page", "page_size", "format")}
    try:
        for name in params:
            if name not in endpoint.accepted:
                raise BadParameter(
                    f"Unknown parameter {name!r}; this endpoint accepts: "
                    f"{', '.join(endpoint.accepted)}."
                )
        filters = selectors.parse_filters(
            filter_params, allowed=endpoint.filters, choices=endpoint.all_choices()
        )
        fmt = params.get("format", "").strip().lower()
        if fmt:
            return _export(endpoint, filters, fmt)
        number = _positive("page", params.get("page"), 1)
        size = min(
            _positive("page_size", params.get("page_size"), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE
        )
        paginator = Paginator(serializers.with_relations(endpoint.select(filters)), size)
        if number > paginator.num_pages:
            raise BadParameter(f"page {number} is past the last page ({paginator.num_pages}).")
    except BadParameter as exc:
        return error(400, str(exc))
    page = paginator.page(number)
    return JsonResponse(
        {
            "count": paginator.count,
            "next": _page_link(request, number + 1) if page.has_next() else None,
            "previous": _page_link(request, number - 1) if page.has_previous() else None,
            "results": [serializers.record(fact) for fact in page.object_list],
        }
    )


def _export(endpoint: Endpoint, filters: selectors.Filters, fmt: str) -> HttpResponse:
    if fmt not in endpoint.formats:
        raise BadParameter(f"format must be one of: {', '.join(endpoint.formats)}.")
    facts = endpoint.select(filters)
    if endpoint is TRIPS and fmt in ("geojson", "ics"):
        # Maps and calendars show places and days: the matching trips' stops.
        facts = selectors.stops_of(facts, filters)
    return exports.EXPORTERS[fmt](facts, filename=exports.file_name(endpoint.name, fmt))


def detail_response(request: HttpRequest, endpoint: Endpoint, pk: int) -> HttpResponse:
    if request.GET:
        return error(400, "This endpoint takes no parameters.")
    queryset = endpoint.model.objects.filter(VISIBLE, pk=pk)
    fact = serializers.with_relations(queryset).first()
    if fact is None:
        return error(404, f"No {endpoint.model._meta.verbose_name} with id {pk}.")
    if isinstance(fact, Official) and fact.merged_into_id:
        return HttpResponseRedirect(reverse("api:official", args=[fact.merged_into_id]))
    return JsonResponse(serializers.record(fact))


@api_view(TRIPS.permission)
def trip_list(request: HttpRequest) -> HttpResponse:
    return list_response(request, TRIPS)


@api_view(TRIPS.permission)
def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return detail_response(request, TRIPS, pk)


@api_view(ENGAGEMENTS.permission)
def engagement_list(request: HttpRequest) -> HttpResponse:
    return list_response(request, ENGAGEMENTS)


@api_view(ENGAGEMENTS.permission)
def engagement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return detail_response(request, ENGAGEMENTS, pk)


@api_view(OFFICIALS.permission)
def official_list(request: HttpRequest) -> HttpResponse:
    return list_response(request, OFFICIALS)


@api_view(OFFICIALS.permission)
def official_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return detail_response(request, OFFICIALS, pk)


@api_view(AGREEMENTS.permission)
def agreement_list(request: HttpRequest) -> HttpResponse:
    return list_response(request, AGREEMENTS)


@api_view(AGREEMENTS.permission)
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return detail_response(request, AGREEMENTS, pk)


@api_view(None)
def openapi(request: HttpRequest) -> HttpResponse:
    """The OpenAPI 3.1 description of this API (any signed-in user or token may read it)."""
    return JsonResponse(openapi_schema(), json_dumps_params={"indent": 1})
