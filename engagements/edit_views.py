"""Editors' views: inline edits (htmx), review actions, history and revert.

Inline edit: GET .../edit/ returns the form partial; a valid POST saves through
the corrections service and returns the row partial; an invalid POST returns
the form with its errors (422); an edit over a newer version returns the form
with the other editor's change shown (409) and saves nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from diplomacy.models import Review
from people.models import Official

from . import corrections
from .edit_forms import EngagementForm
from .models import Agreement, Citation, Engagement, Participant, Stop, Trip

FACTS = {
    "engagement": Engagement,
    "stop": Stop,
    "trip": Trip,
    "official": Official,
    "agreement": Agreement,
}


def _engagement_for_row(pk: int) -> Engagement:
    return (
        Engagement.objects.select_related("place__country")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participant.objects.select_related("official__country").prefetch_related(
                    "official__posts"
                ),
            ),
            Prefetch("citations", queryset=Citation.objects.select_related("article")),
        )
        .get(pk=pk)
    )


def _traveler_id(request: HttpRequest) -> int | None:
    value = request.GET.get("traveler") or request.POST.get("traveler")
    return int(value) if value and value.isdigit() else None


def _row(request: HttpRequest, engagement: Engagement, status: int = 200) -> HttpResponse:
    return render(
        request,
        "engagements/_engagement_row.html",
        {"engagement": _engagement_for_row(engagement.pk), "traveler_id": _traveler_id(request)},
        status=status,
    )


@require_GET
@permission_required("engagements.view_engagement", raise_exception=True)
def engagement_row(request: HttpRequest, pk: int) -> HttpResponse:
    """The engagement's row as shown in timelines (what Cancel restores)."""
    try:
        engagement = _engagement_for_row(pk)
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
        return _row(request, saved)
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
    if request.htmx and isinstance(fact, Engagement):
        return _row(request, fact)
    messages.success(request, f"Marked {review}.")
    return redirect(request.POST.get("next") or _url_of(fact))


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
