"""Editors merge two records of one official, engagement or trip.

GET `?keep=<id>&other=<id>` shows both side by side with a confirm form; the
POST merges other into keep and redirects to keep's page. Ids that name no
record are a 404; a merge the service refuses re-renders the page with the
reason (400).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Model, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from people.models import Official

from .merging import (
    MergeError,
    engagement_merge_refusal,
    engagements_merge,
    official_merge_refusal,
    officials_merge,
    stops_to_fold,
    trip_merge_refusal,
    trips_merge,
)
from .models import Engagement, Participant, Stop, Trip

_ID = re.compile(r"[0-9]{1,18}")


def _one(queryset: QuerySet, raw: str | None) -> Any:
    if raw is None or not _ID.fullmatch(raw):
        raise Http404("Give two record ids: ?keep=<id>&other=<id>.")
    return get_object_or_404(queryset, pk=int(raw))


def _pair(request: HttpRequest, queryset: QuerySet) -> tuple[Any, Any]:
    """The records named by keep and other (the form's fields on POST, the query on GET)."""
    data = request.POST if request.method == "POST" else request.GET
    return _one(queryset, data.get("keep")), _one(queryset, data.get("other"))


def _merge_page(
    request: HttpRequest,
    *,
    keep: Model,
    other: Model,
    template: str,
    context: dict[str, Any],
    refusal: Callable[..., str | None],
    merge: Callable[..., Model],
    done: str,
) -> HttpResponse:
    """Show the two records; on a confirmed POST merge them and go to the record kept."""
    error = refusal(keep=keep, other=other)
    if request.method == "POST" and error is None:
        try:
            kept = merge(keep=keep, other=other, editor=request.user)
        except MergeError as exc:
            error = str(exc)
        else:
            messages.success(request, done)
            return HttpResponseRedirect(kept.get_absolute_url(), status=303)
    status = 400 if request.method == "POST" and error else 200
    return render(
        request, template, {"keep": keep, "other": other, "error": error, **context}, status=status
    )


@login_required
@permission_required("people.change_official", raise_exception=True)
@require_http_methods(["GET", "POST"])
def officials(request: HttpRequest) -> HttpResponse:
    queryset = (
        Official.objects.select_related("country", "merged_into")
        .prefetch_related("aliases", "posts__country", "posts__organization")
        .annotate(
            engagement_count=Count("participations", distinct=True),
            trip_count=Count("trips", distinct=True),
        )
    )
    keep, other = _pair(request, queryset)
    shared = Participant.objects.filter(
        official=keep, engagement__participations__official=other
    ).count()
    return _merge_page(
        request,
        keep=keep,
        other=other,
        template="merge/officials.html",
        context={"shared": shared},
        refusal=official_merge_refusal,
        merge=officials_merge,
        done=f"{other.name} merged into {keep.name}.",
    )


@login_required
@permission_required("engagements.change_engagement", raise_exception=True)
@require_http_methods(["GET", "POST"])
def engagements(request: HttpRequest) -> HttpResponse:
    queryset = (
        Engagement.objects.select_related("place__country", "stop__trip__traveler")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participant.objects.select_related("official").order_by("official__name"),
            )
        )
        .annotate(citation_count=Count("citations", distinct=True))
    )
    keep, other = _pair(request, queryset)
    return _merge_page(
        request,
        keep=keep,
        other=other,
        template="merge/engagements.html",
        context={},
        refusal=engagement_merge_refusal,
        merge=engagements_merge,
        done=f"{other} (#{other.pk}) merged into {keep} (#{keep.pk}).",
    )


@login_required
@permission_required("engagements.change_trip", raise_exception=True)
@require_http_methods(["GET", "POST"])
def trips(request: HttpRequest) -> HttpResponse:
    queryset = (
        Trip.objects.select_related("traveler")
        .prefetch_related(
            Prefetch("stops", queryset=Stop.objects.select_related("place").order_by("order"))
        )
        .annotate(citation_count=Count("citations", distinct=True))
    )
    keep, other = _pair(request, queryset)
    folds = stops_to_fold(keep.stops.all(), other.stops.all())
    other_stops = [(stop, folds.get(stop.pk)) for stop in other.stops.all()]
    return _merge_page(
        request,
        keep=keep,
        other=other,
        template="merge/trips.html",
        context={"other_stops": other_stops},
        refusal=trip_merge_refusal,
        merge=trips_merge,
        done=f"{other} (#{other.pk}) merged into {keep} (#{keep.pk}).",
    )
