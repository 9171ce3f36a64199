from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from diplomacy.paging import paginate

from .models import Official
from .selectors import official_search


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
    engagements = (
        official.engagements.select_related("place__country")
        .prefetch_related("participants")
        .order_by("-start", "pk")[:200]
    )
    trips = official.trips.order_by("-start")[:100]
    return render(
        request,
        "people/official_detail.html",
        {"official": official, "engagements": engagements, "trips": trips},
    )
