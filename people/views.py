from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from diplomacy.paging import paginate
from engagements.maps import route_map

from .models import Official
from .selectors import official_profile, official_search


@require_GET
@permission_required("people.view_official", raise_exception=True)
def official_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    page = paginate(request, official_search(q=q))
    return render(request, "people/official_list.html", {"page": page, "q": q})


@require_GET
@permission_required("people.view_official", raise_exception=True)
def official_detail(request: HttpRequest, pk: int) -> HttpResponse:
    official = get_object_or_404(
        Official.objects.select_related("country").prefetch_related(
            "aliases", "posts__country", "posts__organization"
        ),
        pk=pk,
    )
    if official.merged_into_id:
        return redirect(official.merged_into)
    profile = official_profile(official)
    stops = [
        (stop.place.name, stop.place.latitude, stop.place.longitude)
        for trip in reversed(profile["trips"])
        for stop in sorted(trip.stops.all(), key=lambda s: s.order)
        if not stop.cancelled
    ]
    return render(
        request,
        "people/official_detail.html",
        {"official": official, "map": route_map(stops), **profile},
    )


@require_GET
@permission_required("people.view_official", raise_exception=True)
def official_suggest(request: HttpRequest) -> HttpResponse:
    """Options for a search-as-you-type list of officials: "Name (CC) #id"."""
    q = request.GET.get("q") or request.GET.get("add") or ""
    officials = official_search(q=q)[:15] if q.strip() else []
    return render(request, "people/_suggest.html", {"officials": officials})
