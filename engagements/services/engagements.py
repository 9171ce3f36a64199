"""Engagements: an extracted one matched to the engagement on record, or created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from diplomacy.bulk import rows_insert
from diplomacy.models import Origin, Precision, Review
from engagements.models import Engagement, Participant, Place
from people.models import Official

from .common import MergeResult, cite, confidence
from .dates import (
    DATE_SLACK,
    DateRange,
    date_range,
    dates_compatible,
    precision_finer,
    ranges_joined,
)
from .places import place_resolve

if TYPE_CHECKING:
    from extraction.models import Engagement as ExtractedEngagement
    from reports.models import Article


def engagements_load(result: MergeResult, wanted: list[tuple[set[int], DateRange | None]]) -> None:
    """Load the engagements on record any of the merge's engagements may repeat (3 queries).

    `wanted` holds, per extracted engagement, its participants (officials on record) and
    dates. A candidate has all of an engagement's participants, at dates that may be the
    same (any, for an undated one); `_engagement_match` picks among them in memory.
    """
    dated = {pk for people, when in wanted if when is not None for pk in people}
    undated = {pk for people, when in wanted if when is None for pk in people}
    near = Q(engagement__start__isnull=True)
    for low, high in ranges_joined({when for _, when in wanted if when is not None}):
        near |= Q(engagement__start__lte=high + DATE_SLACK) & (
            Q(engagement__end__gte=low - DATE_SLACK) | Q(engagement__end__isnull=True)
        )
    condition = Q(official_id__in=dated) & near if dated else Q()
    if undated:
        condition |= Q(official_id__in=undated)
    if not condition:
        return
    known = result.engagements
    for engagement_id, official_id in Participant.objects.filter(condition).values_list(
        "engagement_id", "official_id"
    ):
        known.of_official.setdefault(official_id, set()).add(engagement_id)
    needed = set()
    for people, _ in wanted:
        if people:
            needed |= set.intersection(*(known.of_official.get(pk, set()) for pk in people))
    if not needed:
        return
    known.by_pk.update((e.pk, e) for e in Engagement.objects.filter(pk__in=needed))
    for engagement_id, official_id in Participant.objects.filter(
        engagement_id__in=needed
    ).values_list("engagement_id", "official_id"):
        result.people.setdefault(id(known.by_pk[engagement_id]), set()).add(official_id)


def _engagement_match(
    people: set[int], place: Place | None, when: DateRange | None, kind: str, result
) -> Engagement | None:
    """An engagement on record with all these participants, compatible dates and place.

    A report may name only some of those present: it still reports the same meeting.
    """
    if not people:
        return None
    known = result.engagements
    candidates = set.intersection(*(known.of_official.get(pk, set()) for pk in people))
    for pk in sorted(candidates):
        candidate = known.by_pk.get(pk)
        if (
            candidate is not None
            and _near(candidate, when)
            and _same_event(candidate, place, when, kind)
        ):
            return candidate
    return None


def _near(candidate: Engagement, when: DateRange | None) -> bool:
    """The candidate's dates are unknown or within a day of `when` (or `when` is unknown)."""
    if when is None or candidate.start is None:
        return True
    return candidate.start <= when[1] + DATE_SLACK and (
        candidate.end is None or candidate.end >= when[0] - DATE_SLACK
    )


def _same_event(
    candidate: Engagement, place: Place | None, when: DateRange | None, kind: str
) -> bool:
    """The candidate (with the right people) is the engagement at that place, those dates."""
    if place and candidate.place_id and candidate.place_id != place.pk:
        return False
    theirs = date_range(candidate.start, candidate.end)
    if dates_compatible(when, theirs):
        return True
    # one report gives no date: the same people at the same place doing the same thing
    one_undated = (when is None) != (theirs is None)
    return bool(one_undated and candidate.kind == kind and place and candidate.place_id == place.pk)


def _fill_engagement(
    engagement: Engagement, extracted: ExtractedEngagement, place: Place | None, result
) -> None:
    """Fill blanks and sharpen dates from another report; never touch edited fields."""
    edited = set(engagement.edited_fields)
    changed = []
    if extracted.title and not engagement.title and "title" not in edited:
        engagement.title = extracted.title[:300]
        changed.append("title")
    if place and engagement.place_id is None and "place" not in edited:
        engagement.place = place
        changed.append("place")
    if (
        extracted.start
        and not edited & {"start", "end", "precision"}
        and precision_finer(extracted.precision, engagement.precision)
    ):
        engagement.start, engagement.end = extracted.start, extracted.end or extracted.start
        engagement.precision = extracted.precision
        changed += ["start", "end", "precision"]
    if "status" not in edited:
        status = status_merged(engagement.status, extracted.status)
        if status != engagement.status:
            engagement.status = status
            changed.append("status")
    if extracted.confidence > engagement.confidence and engagement.review == Review.UNREVIEWED:
        engagement.confidence = round(min(extracted.confidence, 1.0), 3)
        changed.append("confidence")
    if changed:  # saved by updates_write (or with the others, if created by this merge)
        result.change(engagement, *changed, version=True)


def status_merged(old: str, new: str) -> str:
    """A scheduled event later reported held (or cancelled) takes the newer status."""
    if old == Engagement.Status.UNKNOWN:
        return new
    if old == Engagement.Status.SCHEDULED and new in (
        Engagement.Status.HELD,
        Engagement.Status.CANCELLED,
    ):
        return new
    return old


def _pending_match(
    people: set[int], place: Place | None, when: DateRange | None, kind: str, result
) -> Engagement | None:
    """An engagement this merge is about to create that the extracted one repeats."""
    return next(
        (
            e
            for e in result.new_engagements
            if people <= result.people[id(e)] and _same_event(e, place, when, kind)
        ),
        None,
    )


def engagement_merge(
    *,
    article: Article,
    extracted: ExtractedEngagement,
    officials: dict[str, Official],
    result: MergeResult,
) -> Engagement:
    """The engagement on record (or about to be) the extracted one reports, given a citation.

    A new engagement is only built here; `engagements_write` saves it with the
    others of the merge.
    """
    people = [officials[name] for name in extracted.participants]
    ids = {p.pk for p in people}
    place = place_resolve(extracted.place, result)
    when = date_range(extracted.start, extracted.end)
    engagement = _engagement_match(ids, place, when, extracted.kind, result) or _pending_match(
        ids, place, when, extracted.kind, result
    )
    if engagement is None:
        engagement = Engagement(
            kind=extracted.kind if extracted.kind in Engagement.Kind.values else "other",
            title=(extracted.title or "")[:300],
            place=place,
            start=extracted.start,
            end=(extracted.end or extracted.start) if extracted.start else None,
            precision=extracted.precision if extracted.start else Precision.UNKNOWN,
            status=extracted.status
            if extracted.status in Engagement.Status.values
            else Engagement.Status.UNKNOWN,
            confidence=confidence(extracted.confidence),
            origin=Origin.EXTRACTED,
        )
        result.new_engagements.append(engagement)
        result.engagements_created += 1
    else:
        _fill_engagement(engagement, extracted, place, result)
        result.engagements_matched += 1
    # who is known to take part (a matched engagement on record may have more)
    result.people[id(engagement)] = result.people.get(id(engagement), set()) | ids
    for span in extracted.evidence:
        cite(article, span, result, engagement=engagement)
    return engagement


def engagements_write(result: MergeResult) -> None:
    """Save the engagements the merge created (with history) and their participants."""
    if not result.new_engagements:
        return
    rows_insert(Engagement, result.new_engagements, history=True)
    rows_insert(
        Participant,
        (
            Participant(engagement=engagement, official_id=pk)
            for engagement in result.new_engagements
            for pk in sorted(result.people[id(engagement)])
        ),
    )
    result.new_engagements = []
