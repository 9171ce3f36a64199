from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from diplomacy.paging import paginate

from . import selectors
from .models import Agreement, Citation, Engagement, Trip


@require_GET
@permission_required("engagements.view_trip", raise_exception=True)
def trip_list(request: HttpRequest) -> HttpResponse:
    traveler = request.GET.get("traveler", "").strip()
    page = paginate(request, selectors.trip_list(traveler=traveler))
    return render(request, "engagements/trip_list.html", {"page": page, "traveler": traveler})


@require_GET
@permission_required("engagements.view_trip", raise_exception=True)
def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    trip = get_object_or_404(Trip.objects.select_related("traveler__country"), pk=pk)
    stops = selectors.trip_itinerary(trip)
    return render(request, "engagements/trip_detail.html", {"trip": trip, "stops": stops})


@require_GET
@permission_required("engagements.view_engagement", raise_exception=True)
def engagement_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.engagement_list())
    return render(request, "engagements/engagement_list.html", {"page": page})


@require_GET
@permission_required("engagements.view_engagement", raise_exception=True)
def engagement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_object_or_404(
        Engagement.objects.select_related("place__country", "stop__trip__traveler"), pk=pk
    )
    participations = engagement.participations.select_related("official__country")
    citations = engagement.citations.select_related("article")
    return render(
        request,
        "engagements/engagement_detail.html",
        {"engagement": engagement, "participations": participations, "citations": citations},
    )


@require_GET
@permission_required("engagements.view_agreement", raise_exception=True)
def agreement_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.agreement_list())
    return render(request, "engagements/agreement_list.html", {"page": page})


@require_GET
@permission_required("engagements.view_agreement", raise_exception=True)
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement.objects.prefetch_related("parties", "aliases"), pk=pk)
    citations = Citation.objects.filter(agreement=agreement).select_related("article")
    return render(
        request,
        "engagements/agreement_detail.html",
        {"agreement": agreement, "citations": citations},
    )


@require_GET
@permission_required("engagements.change_engagement", raise_exception=True)
def review_queue(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.review_queue(), per_page=25)
    return render(request, "engagements/review.html", {"page": page})
