"""The reconciliation page: the official record beside the news, per traveler and dates."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from diplomacy.models import Origin

from .models import Stop
from .reconcile import reconcile, travelers_named
from .record import stop_accept_record_dates


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


@require_GET
@permission_required("engagements.view_stop", raise_exception=True)
def reconcile_page(request: HttpRequest) -> HttpResponse:
    needle = request.GET.get("traveler", "")
    start, end = _day(request.GET.get("start", "")), _day(request.GET.get("end", ""))
    candidates = travelers_named(needle) if needle.strip() else []
    context = {
        "needle": needle,
        "start": start,
        "end": end,
        "candidates": candidates,
        "result": None,
        "bad_dates": bool(
            (request.GET.get("start", "").strip() and start is None)
            or (request.GET.get("end", "").strip() and end is None)
            or (start and end and start > end)
        ),
    }
    if len(candidates) == 1 and not context["bad_dates"]:
        context["result"] = reconcile(traveler=candidates[0], start=start, end=end)
    return render(request, "engagements/reconcile.html", context)


@require_POST
@permission_required("engagements.change_stop", raise_exception=True)
def accept_record_dates(request: HttpRequest) -> HttpResponse:
    """One click: the extracted stop takes the record's dates (an editor's correction)."""
    stop = get_object_or_404(Stop, pk=request.POST.get("stop", ""), origin=Origin.EXTRACTED)
    record = get_object_or_404(Stop, pk=request.POST.get("record", ""), origin=Origin.RECORD)
    if stop.trip.traveler_id != record.trip.traveler_id and not _merged(stop, record):
        return HttpResponse("The two stops are not of one traveler.", status=400)
    stop_accept_record_dates(stop=stop, record=record, editor=request.user)
    messages.success(request, f"{stop.place}: the record's dates accepted.")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        query = urlencode({"traveler": record.trip.traveler_id})
        back = f"{reverse('record:reconcile')}?{query}"
    return HttpResponseRedirect(back, status=303)


def _merged(stop: Stop, record: Stop) -> bool:
    a, b = stop.trip.traveler, record.trip.traveler
    return a.merged_into_id == b.pk or b.merged_into_id == a.pk
