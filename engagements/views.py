from django.contrib.auth.decorators import login_not_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from diplomacy.models import Review
from diplomacy.paging import paginate
from diplomacy.text import citation_context
from reports.models import Batch

from . import selectors
from .exports import EXPORTERS, file_name
from .filters import EngagementFilterForm, EngagementFilters, TripFilterForm, TripFilters
from .maps import country_paths, route_map
from .models import Agreement, Citation, Engagement, Stop, Trip

# What an agreement can be downloaded as: it has neither a place nor days of its own.
AGREEMENT_FORMATS = ("csv", "json", "cameo")


def _export(request: HttpRequest, items, filename: str) -> HttpResponse | None:
    """The download asked for with ?format= (csv, json, geojson, ics, cameo) of what the page
    shows; None for a format the page's facts do not have (agreements have no places)."""
    fmt = request.GET.get("format", "")
    exporter = EXPORTERS.get(fmt)
    model = getattr(items, "model", None)
    if exporter is None or (model is Agreement and fmt not in AGREEMENT_FORMATS):
        return None
    return exporter(items, filename=file_name(filename, fmt))


def _htmx_partial(request: HttpRequest) -> bool:
    """An htmx request for a fragment (a boosted navigation wants the whole page)."""
    return bool(request.htmx) and not request.htmx.boosted


@require_GET
@permission_required("engagements.view_trip", raise_exception=True)
def trip_list(request: HttpRequest) -> HttpResponse:
    form = TripFilterForm(request.GET or None)
    filters = TripFilters.from_form(form)
    trips = selectors.trip_list(filters)
    if download := _export(request, trips, "trips"):
        return download
    page = paginate(request, trips)
    places = selectors.trip_places(list(page.object_list))
    for trip in page.object_list:
        trip.place_names = places.get(trip.pk, [])
    context = {"page": page, "form": form, "filters": filters}
    template = "engagements/trip_list.html"
    if _htmx_partial(request):
        template += "#results"
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


# The regions of a trip's page that refresh on its trip-changed event (htmx, ?part=).
TRIP_PARTS = ("trip-head", "trip-map", "itinerary")


@require_GET
@permission_required("engagements.view_trip", raise_exception=True)
def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    trip = get_object_or_404(Trip.objects.select_related("traveler__country"), pk=pk)
    if download := _export(request, Trip.objects.filter(pk=trip.pk), f"trip-{trip.pk}"):
        return download
    template = "engagements/trip_detail.html"
    part = request.GET.get("part", "")
    if _htmx_partial(request) and part in TRIP_PARTS:
        template += f"#{part}"
    response = render(request, template, trip_page_context(request, trip))
    response["Vary"] = "HX-Request"
    return response


def trip_page_context(request: HttpRequest, trip: Trip) -> dict:
    """What the trip's page and each of its regions show: the stops in order, the map, the
    trips accompanying it and the one it accompanies."""
    itinerary = selectors.trip_itinerary(
        trip, include_rejected=request.user.has_perm("engagements.change_stop")
    )
    route = route_map(
        [
            (item.stop.place.name, item.stop.place.latitude, item.stop.place.longitude)
            for item in itinerary
            if not item.stop.cancelled  # the route goes where the traveler went
        ]
    )
    return {
        "trip": trip,
        "companions": selectors.trip_companions(trip),
        "accompanying": selectors.trip_principal(trip),
        "itinerary": itinerary,
        "opened": request.GET.get("open", ""),
        "map": route,
        "places": " → ".join(item.stop.place.name for item in itinerary),
    }


@require_GET
@permission_required("engagements.view_trip", raise_exception=True)
def stop_engagements(request: HttpRequest, pk: int, stop_pk: int) -> HttpResponse:
    """The engagements at one stop: an htmx fragment, or the trip page with the stop open."""
    if not _htmx_partial(request):
        return redirect(f"{reverse('engagements:trip', args=[pk])}?open={stop_pk}#stop-{stop_pk}")
    try:
        stop = selectors.stop_with_engagements(stop_pk)
    except Stop.DoesNotExist as exc:
        raise Http404("No such stop") from exc
    if stop.trip_id != pk:
        raise Http404("No such stop on this trip")
    response = render(
        request, "engagements/trip_detail.html#stop-engagements", {"stop": stop, "trip": stop.trip}
    )
    response["Vary"] = "HX-Request"
    return response


@require_GET
@permission_required("engagements.view_trip", raise_exception=True)
def citation_source(request: HttpRequest, pk: int) -> HttpResponse:
    """A cited sentence shown inside its paragraph (htmx), or the article reader at that spot."""
    citation = get_object_or_404(Citation.objects.select_related("article"), pk=pk)
    article = citation.article
    if not _htmx_partial(request):
        return redirect(f"{article.get_absolute_url()}?cite={citation.pk}#cite-{citation.pk}")
    before, _, after = citation_context(article.text, citation.start, citation.end)
    return render(
        request,
        "engagements/_citation.html",
        {"citation": citation, "before": before, "after": after},
    )


@login_not_required
@require_GET
@cache_control(max_age=86400, public=True)
def world_svg(request: HttpRequest) -> HttpResponse:
    """Country outlines for the maps (equirectangular, 360 x 180), shipped with the app."""
    return render(
        request,
        "engagements/world.svg",
        {"countries": country_paths()},
        content_type="image/svg+xml",
    )


@require_GET
@permission_required("engagements.view_engagement", raise_exception=True)
def engagement_list(request: HttpRequest) -> HttpResponse:
    form = EngagementFilterForm(request.GET or None)
    filters = EngagementFilters.from_form(form)
    engagements = selectors.engagement_list(filters)
    if download := _export(request, engagements, "engagements"):
        return download
    page = paginate(request, engagements)
    template = "engagements/engagement_list.html"
    if _htmx_partial(request):
        template += "#results"
    response = render(request, template, {"page": page, "form": form, "filters": filters})
    response["Vary"] = "HX-Request"
    return response


@require_GET
@permission_required("engagements.view_engagement", raise_exception=True)
def engagement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_object_or_404(
        Engagement.objects.select_related("place__country", "stop__trip__traveler"), pk=pk
    )
    if _htmx_partial(request) and request.GET.get("part") == "facts":
        # after an inline edit of its row (engagement-changed): the facts above follow
        response = render(
            request, "engagements/engagement_detail.html#facts", {"engagement": engagement}
        )
        response["Vary"] = "HX-Request"
        return response
    participations = engagement.participations.select_related("official__country")
    citations = engagement.citations.select_related("article")
    context = {"engagement": engagement, "participations": participations, "citations": citations}
    if request.user.has_perm("engagements.change_engagement"):
        context["engagement_row"] = selectors.engagement_for_row(engagement.pk)
    return render(request, "engagements/engagement_detail.html", context)


@require_GET
@permission_required("engagements.view_agreement", raise_exception=True)
def agreement_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    party = request.GET.get("party", "").strip()[:2]
    agreements = selectors.agreement_list(q=q, party=party)
    if download := _export(request, agreements, "agreements"):
        return download
    page = paginate(request, agreements)
    return render(
        request, "engagements/agreement_list.html", {"page": page, "q": q, "party": party}
    )


@require_GET
@permission_required("engagements.view_agreement", raise_exception=True)
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement.objects.prefetch_related("parties", "aliases"), pk=pk)
    if download := _export(request, Agreement.objects.filter(pk=pk), f"agreement-{pk}"):
        return download
    citations = Citation.objects.filter(agreement=agreement).select_related("article")
    return render(
        request,
        "engagements/agreement_detail.html",
        {
            "agreement": agreement,
            "citations": citations,
            "engagements": selectors.agreement_engagements(agreement)[:100],
        },
    )


@require_GET
@permission_required("engagements.change_engagement", raise_exception=True)
def review_queue(request: HttpRequest) -> HttpResponse:
    review = request.GET.get("review") or Review.UNREVIEWED
    if review not in Review.values:
        review = Review.UNREVIEWED
    batch = request.GET.get("batch", "")
    kind = request.GET.get("kind", "")
    fact = request.GET.get("fact", "engagements")
    if fact not in FACT_CHOICES:
        fact = "engagements"
    if fact == "engagements":
        queue = selectors.review_queue(
            review=review,
            batch=int(batch) if batch.isdigit() else None,
            kind=kind if kind in Engagement.Kind.values else "",
        )
    else:
        queue = selectors.review_queue_of(
            fact, review=review, batch=int(batch) if batch.isdigit() else None
        )
    page = paginate(request, queue, per_page=25)
    return render(
        request,
        "engagements/review.html",
        {
            "page": page,
            "review": review,
            "batch": batch,
            "kind": kind,
            "batches": Batch.objects.order_by("-created_at")[:50],
            "kinds": Engagement.Kind.choices,
            "fact": fact,
            "facts": FACT_CHOICES.items(),
            "fact_model": fact[:-1],  # "stops" -> "stop", as the review URLs name them
        },
    )


FACT_CHOICES = {
    "engagements": "Engagements",
    "stops": "Stops",
    "trips": "Trips",
    "officials": "Officials",
    "agreements": "Agreements",
}
