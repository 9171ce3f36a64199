"""Editors merge two records of one person, one meeting or one journey.

Each merge runs in one transaction with the rows it changes locked. Every
history entry it writes names the editor. Nothing is left pointing at the record
merged away: an official stays as a redirect (`merged_into`) with nothing
attached to it; an engagement or a trip is deleted once everything it held has
moved to the record kept. Corrections on the record kept (its `edited_fields`)
are never overwritten; blanks are filled from the other record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Model
from simple_history.models import HistoricalChanges
from simple_history.utils import bulk_update_with_history

from diplomacy.locks import record_lock
from people.models import Official, OfficialAlias, Post

from .models import Citation, Engagement, Participant, Stop, Trip
from .services import precision_finer, status_merged, trip_renumber

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

DATES = {"start", "end", "precision"}


class MergeError(ValueError):
    """The two records cannot be merged; the message says why, for the editor."""


# ---------------------------------------------------------------- shared


def _save(instance: Model, editor: AbstractBaseUser | None, fields: Iterable[str]) -> None:
    """Save the fields named, with the editor as the author of the history entry."""
    instance._history_user = editor
    instance.save(update_fields=list(dict.fromkeys(fields)))


def _delete(instance: Model, editor: AbstractBaseUser | None) -> None:
    instance._history_user = editor
    instance.delete()


def _locked(model: type[Model], *pks: int) -> dict[int, Any]:
    """The rows, locked in primary-key order (two merges never wait on each other in a cycle)."""
    rows = model._default_manager.select_for_update().filter(pk__in=pks).order_by("pk")
    return {row.pk: row for row in rows}


def _pair_locked(model: type[Model], keep: Model, other: Model, noun: str) -> tuple[Any, Any]:
    record_lock()  # no extraction attaches rows to either record while they merge
    rows = _locked(model, keep.pk, other.pk)
    if keep.pk not in rows or other.pk not in rows:
        raise MergeError(f"One of the two {noun} no longer exists.")
    return rows[keep.pk], rows[other.pk]


def references(instance: Model) -> list[str]:
    """What still points at the instance, as "Model.field" labels (history tables aside)."""
    found = []
    for relation in instance._meta.related_objects:
        related = relation.related_model
        if issubclass(related, HistoricalChanges):
            continue
        name = relation.field.name
        if related._default_manager.filter(**{name: instance}).exists():
            found.append(f"{related.__name__}.{name}")
    return found


def _ensure_unreferenced(instance: Model) -> None:
    """Fail the merge (and roll it back) if anything still points at the record merged away."""
    left = references(instance)
    if left:
        raise RuntimeError(f"Merge left references to {instance!r}: {', '.join(left)}")


def _citations_move(*, field: str, source: Model, target: Model) -> None:
    """Point the source's citations at the target; a citation of the very same span is dropped."""
    theirs = list(Citation.objects.select_for_update().filter(**{field: source}))
    known = set(
        Citation.objects.filter(**{field: target}).values_list("article_id", "start", "end")
    )
    duplicates = [c.pk for c in theirs if (c.article_id, c.start, c.end) in known]
    Citation.objects.filter(pk__in=duplicates).delete()
    Citation.objects.filter(**{field: source}).update(**{field: target})


def _carry_edited(keep: Any, other: Any, fields: list[str]) -> list[str]:
    """Fields copied from other that an editor had set there stay marked as edited on keep."""
    carried = set(fields) & set(other.edited_fields)
    if not carried - set(keep.edited_fields):
        return []
    keep.edited_fields = sorted(set(keep.edited_fields) | carried)
    return ["edited_fields"]


# ---------------------------------------------------------------- officials


def official_live(official: Official) -> Official:
    """The record an official was merged into, following the chain (or the official itself)."""
    seen = {official.pk}
    while official.merged_into_id is not None and official.merged_into_id not in seen:
        seen.add(official.merged_into_id)
        official = Official.objects.get(pk=official.merged_into_id)
    return official


def official_merge_refusal(*, keep: Official, other: Official) -> str | None:
    """Why other cannot be merged into keep, for the editor; None when it can."""
    if keep.pk == other.pk:
        return f"Cannot merge {keep.name} into itself: choose two different officials."
    live = official_live(keep)
    if live.pk == other.pk:
        return (
            f"{keep.name} has already been merged into {other.name}: "
            f"merging {other.name} into it would merge a record into itself."
        )
    if live.pk != keep.pk:
        return (
            f"{keep.name} has been merged into {live.name} (#{live.pk}); "
            f"merge into {live.name} instead."
        )
    if other.merged_into_id is not None:
        return (
            f"{other.name} has already been merged into another record (#{other.merged_into_id})."
        )
    return None


def _aliases_move(keep: Official, other: Official) -> None:
    """Other's name and aliases become keep's aliases; forms keep already has are dropped."""
    known = {keep.normalized_name, *keep.aliases.values_list("normalized", flat=True)}
    if other.normalized_name and other.normalized_name not in known:
        OfficialAlias.objects.create(official=keep, alias=other.name)
        known.add(other.normalized_name)
    moved, dropped = [], []
    for alias in OfficialAlias.objects.select_for_update().filter(official=other).order_by("pk"):
        if alias.normalized and alias.normalized not in known:
            moved.append(alias.pk)
            known.add(alias.normalized)
        else:
            dropped.append(alias.pk)
    OfficialAlias.objects.filter(pk__in=dropped).delete()
    OfficialAlias.objects.filter(pk__in=moved).update(official=keep)


def _post_fold(post: Post, extra: Post, editor: AbstractBaseUser | None) -> None:
    """Another record of the same post: fill the organization, widen the known dates."""
    edited = set(post.edited_fields)
    changed = []
    if extra.organization_id and not post.organization_id and "organization" not in edited:
        post.organization_id = extra.organization_id
        changed.append("organization")
    if (
        extra.start
        and "start" not in edited
        and (post.start is None or extra.start < post.start)
        and (post.end is None or extra.start <= post.end)
    ):
        post.start = extra.start
        changed.append("start")
    # an open end may mean "still in office": only a known end is moved later
    if extra.end and post.end and extra.end > post.end and "end" not in edited:
        post.end = extra.end
        changed.append("end")
    if changed:
        _save(post, editor, changed)


def _posts_move(keep: Official, other: Official, editor: AbstractBaseUser | None) -> None:
    """Other's posts move to keep; one with the title and country of one of keep's folds into it."""
    mine = {
        (post.title.lower(), post.country_id): post
        for post in Post.objects.select_for_update().filter(official=keep)
    }
    for post in Post.objects.select_for_update().filter(official=other).order_by("pk"):
        key = (post.title.lower(), post.country_id)
        same = mine.get(key)
        if same is None:
            post.official = keep
            _save(post, editor, ["official"])
            mine[key] = post
        else:
            _post_fold(same, post, editor)
            _delete(post, editor)


def _role_fill(row: Participant, extra: Participant, editor: AbstractBaseUser | None) -> None:
    """A known role (host, guest, traveler) beats the generic "participant"."""
    if row.role == Participant.Role.PARTICIPANT and extra.role != Participant.Role.PARTICIPANT:
        row.role = extra.role
        _save(row, editor, ["role"])


def _participations_move(keep: Official, other: Official, editor: AbstractBaseUser | None) -> None:
    """Other's participations become keep's; where both took part, other's row is dropped."""
    theirs = list(Participant.objects.select_for_update().filter(official=other).order_by("pk"))
    both = {
        row.engagement_id: row
        for row in Participant.objects.select_for_update().filter(
            official=keep, engagement_id__in=[p.engagement_id for p in theirs]
        )
    }
    moving = []
    for row in theirs:
        if row.engagement_id in both:
            _role_fill(both[row.engagement_id], row, editor)
            _delete(row, editor)
        else:
            row.official = keep
            moving.append(row)
    if moving:
        bulk_update_with_history(moving, Participant, ["official"], default_user=editor)


def officials_merge(
    *, keep: Official, other: Official, editor: AbstractBaseUser | None
) -> Official:
    """Merge other into keep: one person. Other stays as a record redirecting to keep.

    Keep gains other's name (as an alias), aliases, posts, participations, trips
    and citations, and its country when keep has none; keep's name and aliases
    stay. Raises MergeError when the merge is not possible.
    """
    if keep.pk == other.pk:
        raise MergeError(official_merge_refusal(keep=keep, other=other))
    with transaction.atomic():
        keep, other = _pair_locked(Official, keep, other, "officials")
        refusal = official_merge_refusal(keep=keep, other=other)
        if refusal:
            raise MergeError(refusal)
        _aliases_move(keep, other)
        _posts_move(keep, other, editor)
        _participations_move(keep, other, editor)
        for trip in Trip.objects.select_for_update().filter(traveler=other).order_by("pk"):
            trip.traveler = keep
            trip.version += 1
            _save(trip, editor, ["traveler", "version", "updated_at"])
        _citations_move(field="official", source=other, target=keep)
        # records merged into other earlier now point straight at keep
        for earlier in Official.objects.select_for_update().filter(merged_into=other):
            earlier.merged_into = keep
            earlier.version += 1
            _save(earlier, editor, ["merged_into", "version", "updated_at"])

        changed = ["version", "updated_at"]
        if keep.country_id is None and other.country_id and "country" not in keep.edited_fields:
            keep.country_id = other.country_id
            changed += ["country", *_carry_edited(keep, other, ["country"])]
        keep.version += 1
        _save(keep, editor, changed)

        other.merged_into = keep
        other.version += 1
        _save(other, editor, ["merged_into", "version", "updated_at"])
        _ensure_unreferenced(other)
    return keep


# ---------------------------------------------------------------- engagements


def engagement_merge_refusal(*, keep: Engagement, other: Engagement) -> str | None:
    """Why other cannot be merged into keep, for the editor; None when it can."""
    if keep.pk == other.pk:
        return "Cannot merge an engagement into itself: choose two different engagements."
    return None


def _engagement_fill(keep: Engagement, other: Engagement) -> list[str]:
    """Fill keep's blanks from other and take its finer dates; never touch keep's edited fields."""
    edited = set(keep.edited_fields)
    changed: list[str] = []
    if not keep.title and other.title and "title" not in edited:
        keep.title = other.title
        changed.append("title")
    if keep.kind == Engagement.Kind.OTHER and other.kind != keep.kind and "kind" not in edited:
        keep.kind = other.kind
        changed.append("kind")
    if keep.place_id is None and other.place_id and "place" not in edited:
        keep.place_id = other.place_id
        changed.append("place")
    if keep.stop_id is None and other.stop_id and "stop" not in edited:
        keep.stop_id = other.stop_id
        changed.append("stop")
    if other.start and not edited & DATES and precision_finer(other.precision, keep.precision):
        keep.start, keep.end = other.start, other.end or other.start
        keep.precision = other.precision
        changed += ["start", "end", "precision"]
    if "status" not in edited:
        status = status_merged(keep.status, other.status)
        if status != keep.status:
            keep.status = status
            changed.append("status")
    return changed + _carry_edited(keep, other, changed)


def engagements_merge(
    *, keep: Engagement, other: Engagement, editor: AbstractBaseUser | None
) -> Engagement:
    """Merge other into keep: one meeting. Other is deleted.

    Keep gets the union of participants and both records' citations, keep's
    blank fields are filled from other, the finer dates win, and a scheduled
    meeting reported held or cancelled takes that status.
    """
    if keep.pk == other.pk:
        raise MergeError(engagement_merge_refusal(keep=keep, other=other))
    with transaction.atomic():
        keep, other = _pair_locked(Engagement, keep, other, "engagements")
        mine = {
            row.official_id: row
            for row in Participant.objects.select_for_update().filter(engagement=keep)
        }
        for row in Participant.objects.select_for_update().filter(engagement=other).order_by("pk"):
            if row.official_id in mine:
                _role_fill(mine[row.official_id], row, editor)
                _delete(row, editor)
            else:
                row.engagement = keep
                _save(row, editor, ["engagement"])
        _citations_move(field="engagement", source=other, target=keep)
        changed = _engagement_fill(keep, other)
        keep.version += 1
        _save(keep, editor, [*changed, "version", "updated_at"])
        _ensure_unreferenced(other)
        _delete(other, editor)
    return keep


# ---------------------------------------------------------------- trips


def trip_merge_refusal(*, keep: Trip, other: Trip) -> str | None:
    """Why other cannot be merged into keep, for the editor; None when it can."""
    if keep.pk == other.pk:
        return "Cannot merge a trip into itself: choose two different trips."
    if keep.traveler_id != other.traveler_id:
        return (
            f"The trips are of different travelers ({keep.traveler.name} and "
            f"{other.traveler.name}); only trips of one traveler can be merged."
        )
    return None


def _same_stop(mine: Stop, theirs: Stop) -> bool:
    """The same place with overlapping dates (or both undated): one stop reported twice."""
    if mine.place_id != theirs.place_id:
        return False
    if mine.start is None or theirs.start is None:
        return mine.start is None and theirs.start is None
    return mine.start <= (theirs.end or theirs.start) and theirs.start <= (mine.end or mine.start)


def stops_to_fold(keep_stops: Iterable[Stop], other_stops: Iterable[Stop]) -> dict[int, Stop]:
    """For each of other's stops that duplicates one of keep's: its pk -> keep's stop."""
    mine = list(keep_stops)
    folds = {}
    for stop in other_stops:
        same = next((s for s in mine if _same_stop(s, stop)), None)
        if same is not None:
            folds[stop.pk] = same
    return folds


def _stop_fold(stop: Stop, extra: Stop, editor: AbstractBaseUser | None) -> None:
    """Other's record of the same stop: its engagements and citations move, dates widen."""
    for engagement in Engagement.objects.select_for_update().filter(stop=extra).order_by("pk"):
        engagement.stop = stop
        _save(engagement, editor, ["stop", "updated_at"])
    _citations_move(field="stop", source=extra, target=stop)
    changed: list[str] = []
    if extra.start and not set(stop.edited_fields) & DATES:
        start, end, precision = extra.start, extra.end or extra.start, extra.precision
        if stop.start is not None and not precision_finer(extra.precision, stop.precision):
            # the same precision: cover both; a coarser one adds nothing
            precision = stop.precision
            if extra.precision == stop.precision:
                start, end = min(stop.start, start), max(stop.end or stop.start, end)
            else:
                start, end = stop.start, stop.end
        if (start, end, precision) != (stop.start, stop.end, stop.precision):
            stop.start, stop.end, stop.precision = start, end, precision
            changed += ["start", "end", "precision"]
    record_id = extra.record_id if extra.record_id and not stop.record_id else None
    _ensure_unreferenced(extra)
    _delete(extra, editor)
    if record_id:
        # the official record's entry now lives here, so a re-import adds nothing
        stop.record_id = record_id
        changed.append("record_id")
    stop.version += 1
    _save(stop, editor, [*changed, "version", "updated_at"])


def trips_merge(*, keep: Trip, other: Trip, editor: AbstractBaseUser | None) -> Trip:
    """Merge other into keep: one journey of one traveler. Other is deleted.

    Other's stops join keep's; a stop at the same place with overlapping dates
    folds into keep's stop. The stops are then put in date order.
    """
    if keep.pk == other.pk:
        raise MergeError(trip_merge_refusal(keep=keep, other=other))
    with transaction.atomic():
        keep, other = _pair_locked(Trip, keep, other, "trips")
        refusal = trip_merge_refusal(keep=keep, other=other)
        if refusal:
            raise MergeError(refusal)
        stops = list(
            Stop.objects.select_for_update()
            .filter(trip_id__in=[keep.pk, other.pk])
            .order_by("trip_id", "order", "pk")
        )
        mine = [s for s in stops if s.trip_id == keep.pk]
        theirs = [s for s in stops if s.trip_id == other.pk]
        folds = stops_to_fold(mine, theirs)
        last = max((s.order for s in mine), default=0)
        for stop in theirs:
            if stop.pk in folds:
                _stop_fold(folds[stop.pk], stop, editor)
                continue
            last += 1
            stop.trip, stop.order = keep, last
            stop.version += 1
            _save(stop, editor, ["trip", "order", "version", "updated_at"])
        _citations_move(field="trip", source=other, target=keep)

        changed = ["version", "updated_at"]
        if not keep.title and other.title and "title" not in keep.edited_fields:
            keep.title = other.title
            changed += ["title", *_carry_edited(keep, other, ["title"])]
        keep.version += 1
        _save(keep, editor, changed)
        trip_renumber(keep)  # saves keep's dates; keep still carries the editor for history
        _ensure_unreferenced(other)
        _delete(other, editor)
    return keep


__all__ = [
    "MergeError",
    "engagement_merge_refusal",
    "engagements_merge",
    "official_live",
    "official_merge_refusal",
    "officials_merge",
    "references",
    "stops_to_fold",
    "trip_merge_refusal",
    "trips_merge",
]
