"""Editors' views: inline edits (htmx), review actions, history and revert.

Inline edit: GET .../edit/ returns the form partial; a valid POST saves through
the corrections service and returns the row partial; an invalid POST returns
the form with its errors (422); an edit over a newer version returns the form
with the other editor's change shown (409) and saves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from diplomacy.models import Review
from diplomacy.paging import safe_next
from people.models import Country, Official

from . import corrections, selectors
from .edit_forms import AgreementForm, EngagementForm, OfficialForm, StopForm
from .models import Agreement, Engagement, Stop, Trip
from .views import trip_page_context

# Sent (HX-Trigger) when a stop changes: the trip page's header, map and stop list refresh.
TRIP_CHANGED = "trip-changed"
# Sent when an engagement changes: the engagement page's facts refresh.
ENGAGEMENT_CHANGED = "engagement-changed"

FACTS = {
    "engagement": Engagement,
    "stop": Stop,
    "trip": Trip,
    "official": Official,
    "agreement": Agreement,
}


def _traveler_id(request: HttpRequest) -> int | None:
    value = request.GET.get("traveler") or request.POST.get("traveler")
    return int(value) if value and value.isdigit() else None


def _row(request: HttpRequest, engagement: Engagement, status: int = 200) -> HttpResponse:
    return render(
        request,
        "engagements/_engagement_row.html",
        {
            "engagement": selectors.engagement_for_row(engagement.pk),
            "traveler_id": _traveler_id(request),
        },
        status=status,
    )


@require_GET
@permission_required("engagements.view_engagement", raise_exception=True)
def engagement_row(request: HttpRequest, pk: int) -> HttpResponse:
    """The engagement's row as shown in timelines (what Cancel restores)."""
    try:
        engagement = selectors.engagement_for_row(pk)
    except Engagement.DoesNotExist as exc:
        raise Http404("No such engagement") from exc
    return _row(request, engagement)


@require_http_methods(["GET", "POST"])
@permission_required("engagements.change_engagement", raise_exception=True)
def engagement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_object_or_404(Engagement.objects.select_related("place__country"), pk=pk)
    context = {"engagement": engagement, "traveler_id": _traveler_id(request)}
    if request.method == "GET":
        form = EngagementForm(
            initial={**EngagementForm.initial_for(engagement), "traveler": _traveler_id(request)},
            engagement=engagement,
        )
        return _form_response(request, {**context, "form": form})
    form = EngagementForm(request.POST, engagement=engagement)
    if not form.is_valid():
        return _form_response(request, {**context, "form": form}, status=422)
    data = form.cleaned_data
    place = corrections.place_for(data["place"], data["place_country"])
    removing = Official.objects.filter(pk__in=[int(pk) for pk in data["remove"]])
    try:
        saved = corrections.engagement_correct(
            engagement,
            editor=request.user,
            version=data["version"],
            changes={
                "kind": data["kind"],
                "title": data["title"],
                "place": place,
                "start": data["start"],
                "end": data["end"],
                "precision": data["precision"],
                "status": data["status"],
            },
            add=[data["add"]] if data["add"] else [],
            remove=list(removing),
        )
    except corrections.EditConflict as conflict:
        current = conflict.current
        # keep what this editor typed, against the version now saved
        mutable = request.POST.copy()
        mutable["version"] = str(current.version)
        form = EngagementForm(mutable, engagement=current)
        form.is_valid()
        return _form_response(
            request,
            {**context, "engagement": current, "form": form, "conflict": conflict},
            status=409,
        )
    if request.htmx:
        return _engagement_changed(_row(request, saved), saved)
    messages.success(request, "Saved.")
    return redirect(saved)


def _form_response(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    template = "engagements/_engagement_form.html"
    if not request.htmx:
        template = "engagements/engagement_edit.html"
    return render(request, template, context, status=status)


@require_POST
def fact_review(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    """Verify, reject or return to review any extracted fact."""
    fact_model = FACTS.get(model)
    if fact_model is None:
        raise Http404("No such kind of fact")
    _require_change(request, fact_model)
    fact = get_object_or_404(fact_model, pk=pk)
    review = request.POST.get("review", "")
    if review not in Review.values:
        return HttpResponse("Unknown review state.", status=400)
    fact = corrections.fact_review(fact, editor=request.user, review=review)
    if request.htmx:
        return _reviewed_block(request, fact)
    messages.success(request, f"Marked {review}.")
    return redirect(safe_next(request, _url_of(fact)))


def _reviewed_block(request: HttpRequest, fact: Any) -> HttpResponse:
    """The reviewed fact's block as its page shows it, for htmx to swap in."""
    if isinstance(fact, Engagement):
        return _engagement_changed(_row(request, fact), fact)
    if isinstance(fact, Stop):
        stop = Stop.objects.select_related("place__country", "trip").get(pk=fact.pk)
        response = render(request, "engagements/_stop_head.html", {"stop": stop, "trip": stop.trip})
        return _trip_changed(response, stop)
    if isinstance(fact, Trip):
        trip = Trip.objects.select_related("traveler__country").get(pk=fact.pk)
        return render(
            request, "engagements/trip_detail.html#trip-head", trip_page_context(request, trip)
        )
    if isinstance(fact, Official):
        official = Official.objects.select_related("country").get(pk=fact.pk)
        return render(request, "people/_official_head.html", {"official": official})
    return render(request, "engagements/_agreement_head.html", {"agreement": fact})


def _engagement_changed(response: HttpResponse, engagement: Engagement) -> HttpResponse:
    return trigger_client_event(response, ENGAGEMENT_CHANGED, {"engagement": engagement.pk})


def _trip_changed(response: HttpResponse, stop: Stop) -> HttpResponse:
    return trigger_client_event(response, TRIP_CHANGED, {"trip": stop.trip_id, "stop": stop.pk})


def _require_change(request: HttpRequest, model: type) -> None:
    perm = f"{model._meta.app_label}.change_{model._meta.model_name}"
    if not request.user.has_perm(perm):
        raise PermissionDenied


def _url_of(fact) -> str:
    if isinstance(fact, Stop):
        return fact.trip.get_absolute_url()
    return fact.get_absolute_url()


@require_GET
def fact_history(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    """Every change to a fact: who, when, which fields, before and after; revert for editors."""
    fact_model = FACTS.get(model)
    if fact_model is None:
        raise Http404("No such kind of fact")
    view_perm = f"{fact_model._meta.app_label}.view_{fact_model._meta.model_name}"
    if not request.user.has_perm(view_perm):
        raise PermissionDenied
    fact = get_object_or_404(fact_model, pk=pk)
    change_perm = f"{fact_model._meta.app_label}.change_{fact_model._meta.model_name}"
    can_revert = request.user.has_perm(change_perm) and fact_model in corrections.REVERTIBLE
    return render(
        request,
        "engagements/history.html",
        {
            "fact": fact,
            "model": model,
            "changes": corrections.fact_history(fact),
            "can_revert": can_revert,
            "back": _url_of(fact),
        },
    )


@require_POST
def fact_revert(request: HttpRequest, model: str, pk: int, history_id: int) -> HttpResponse:
    fact_model = FACTS.get(model)
    if fact_model is None or fact_model not in corrections.REVERTIBLE:
        raise Http404("This kind of fact cannot be reverted")
    _require_change(request, fact_model)
    fact = get_object_or_404(fact_model, pk=pk)
    if not fact.history.filter(history_id=history_id).exists():
        raise Http404("No such change")
    corrections.fact_revert(fact, editor=request.user, history_id=history_id)
    messages.success(request, "Restored the values of that change.")
    return redirect("engagements:history", model=model, pk=pk)


def _block(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    """An htmx request gets the block partial; a plain one the page that holds the form."""
    if request.htmx:
        return render(request, template, context, status=status)
    return render(
        request, "engagements/fact_edit.html", {**context, "block": template}, status=status
    )


def _conflict_form(form_class, request: HttpRequest, conflict, **kwargs):
    data = request.POST.copy()
    data["version"] = str(conflict.current.version)
    form = form_class(data, **kwargs)
    form.is_valid()
    return form


def _inline_edit(
    request: HttpRequest,
    *,
    name: str,
    context: dict,
    head: str,
    form_template: str,
    form_class: type,
    initial: Callable[[], dict],
    save: Callable[[dict], Any],
    reload: Callable[[Any], Any],
    done: Callable[[Any], Any],
    changed: Callable[[HttpResponse, Any], HttpResponse] | None = None,
) -> HttpResponse:
    """The inline edit of one fact's block.

    GET: the form (or, with ?cancel=1, the block as it was). POST: invalid, the form
    with its errors (422); over a newer version, the form with the other editor's
    change (409); saved, the block anew (htmx) or a redirect to `done(saved)`. `changed`
    adds to the htmx answer the event that tells the page's other regions to follow.
    """
    if request.method == "GET":
        if request.GET.get("cancel"):
            return _block(request, head, context)
        return _block(request, form_template, {**context, "form": form_class(initial=initial())})
    form = form_class(request.POST)
    if not form.is_valid():
        return _block(request, form_template, {**context, "form": form}, 422)
    try:
        saved = save(form.cleaned_data)
    except corrections.EditConflict as conflict:
        form = _conflict_form(form_class, request, conflict)
        return _block(
            request,
            form_template,
            {**context, name: conflict.current, "form": form, "conflict": conflict},
            409,
        )
    if request.htmx:
        response = _block(request, head, {**context, name: reload(saved)})
        return changed(response, saved) if changed else response
    return redirect(done(saved))


@require_http_methods(["GET", "POST"])
@permission_required("engagements.change_stop", raise_exception=True)
def stop_edit(request: HttpRequest, pk: int) -> HttpResponse:
    stop = get_object_or_404(Stop.objects.select_related("place__country", "trip"), pk=pk)
    other_trips = (
        Trip.objects.filter(traveler=stop.trip.traveler_id)
        .exclude(pk=stop.trip_id)
        .order_by("-start")[:50]
    )

    def save(data: dict) -> Stop:
        return corrections.stop_correct(
            stop,
            editor=request.user,
            version=data["version"],
            changes={
                "place": corrections.place_for(data["place"], data["place_country"]),
                "start": data["start"],
                "end": data["end"],
                "precision": data["precision"],
                "cancelled": data["cancelled"],
            },
        )

    return _inline_edit(
        request,
        name="stop",
        context={
            "stop": stop,
            "trip": stop.trip,
            "other_trips": other_trips,
        },
        head="engagements/_stop_head.html",
        form_template="engagements/_stop_form.html",
        form_class=StopForm,
        initial=lambda: StopForm.initial_for(stop),
        save=save,
        reload=lambda saved: Stop.objects.select_related("place__country", "trip").get(pk=saved.pk),
        done=lambda saved: saved.trip,
        changed=_trip_changed,
    )


@require_POST
@permission_required("engagements.change_stop", raise_exception=True)
def stop_move(request: HttpRequest, pk: int) -> HttpResponse:
    stop = get_object_or_404(Stop.objects.select_related("trip"), pk=pk)
    target = get_object_or_404(Trip, pk=request.POST.get("trip") or 0)
    try:
        corrections.stop_move(stop, editor=request.user, trip=target)
    except ValueError as exc:
        messages.error(request, str(exc))
        return _redirect(request, stop.trip.get_absolute_url())
    messages.success(request, f"Moved {stop.place} to this trip.")
    return _redirect(request, target.get_absolute_url())


@require_POST
@permission_required("engagements.change_trip", raise_exception=True)
def trip_split(request: HttpRequest, pk: int, stop_pk: int) -> HttpResponse:
    trip = get_object_or_404(Trip, pk=pk)
    stop = get_object_or_404(Stop, pk=stop_pk, trip=trip)
    try:
        new = corrections.trip_split(trip, editor=request.user, at=stop)
    except ValueError as exc:
        messages.error(request, str(exc))
        return _redirect(request, trip.get_absolute_url())
    messages.success(request, "Split: this is the new trip; the earlier stops stay on the old one.")
    return _redirect(request, new.get_absolute_url())


def _redirect(request: HttpRequest, url: str) -> HttpResponse:
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@require_http_methods(["GET", "POST"])
@permission_required("people.change_official", raise_exception=True)
def official_edit(request: HttpRequest, pk: int) -> HttpResponse:
    official = get_object_or_404(Official.objects.select_related("country"), pk=pk)

    def save(data: dict) -> Official:
        return corrections.official_correct(
            official,
            editor=request.user,
            version=data["version"],
            name=data["name"].strip(),
            country=Country.objects.filter(code=data["country"]).first(),
            aliases=data["aliases"],
            post_title=data["post_title"],
            post_country=Country.objects.filter(code=data["post_country"]).first(),
        )

    return _inline_edit(
        request,
        name="official",
        context={"official": official},
        head="people/_official_head.html",
        form_template="people/_official_form.html",
        form_class=OfficialForm,
        initial=lambda: {
            "version": official.version,
            "name": official.name,
            "country": official.country.code if official.country_id else "",
            "aliases": "\n".join(a.alias for a in official.aliases.all()),
        },
        save=save,
        reload=lambda saved: Official.objects.select_related("country").get(pk=saved.pk),
        done=lambda saved: saved,
    )


@require_http_methods(["GET", "POST"])
@permission_required("engagements.change_agreement", raise_exception=True)
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement, pk=pk)

    def save(data: dict) -> Agreement:
        return corrections.agreement_correct(
            agreement,
            editor=request.user,
            version=data["version"],
            name=data["name"].strip(),
            date_signed=data["date"],
            parties=list(Country.objects.filter(code__in=data["parties"])),
            kind=data["kind"] or None,
        )

    return _inline_edit(
        request,
        name="agreement",
        context={"agreement": agreement},
        head="engagements/_agreement_head.html",
        form_template="engagements/_agreement_form.html",
        form_class=AgreementForm,
        initial=lambda: {
            "version": agreement.version,
            "name": agreement.name,
            "kind": agreement.kind,
            "date": agreement.date,
            "parties": ", ".join(agreement.parties.values_list("code", flat=True)),
        },
        save=save,
        reload=lambda saved: saved,
        done=lambda saved: saved,
    )
