"""Merging two records of one journey: stops join the trip kept, duplicates fold together."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction

from engagements.models import Engagement, Stop, Trip
from engagements.services import precision_finer, trip_renumber

from .common import (
    DATES,
    carry_edited,
    citations_move,
    pair_for_merge,
    retire,
    save_by,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


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
        save_by(engagement, editor, ["stop", "updated_at"])
    citations_move(field="stop", source=extra, target=stop)
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
    retire(extra, editor)
    if record_id:
        # the official record's entry now lives here, so a re-import adds nothing
        stop.record_id = record_id
        changed.append("record_id")
    stop.version += 1
    save_by(stop, editor, [*changed, "version", "updated_at"])


def _companions_move(keep: Trip, other: Trip, editor: AbstractBaseUser | None) -> None:
    """The trips accompanying other accompany keep."""
    companions = Trip.objects.select_for_update().filter(companion_of=other).exclude(pk=keep.pk)
    for companion in companions.order_by("pk"):
        companion.companion_of = keep
        companion.version += 1
        save_by(companion, editor, ["companion_of", "version", "updated_at"])


def trips_merge(*, keep: Trip, other: Trip, editor: AbstractBaseUser | None) -> Trip:
    """Merge other into keep: one journey of one traveler. Other is deleted.

    Other's stops join keep's; a stop at the same place with overlapping dates
    folds into keep's stop. The stops are then put in date order. The trips that
    accompanied other accompany keep, and keep takes other's principal if it had none.
    """
    with transaction.atomic():
        keep, other = pair_for_merge(Trip, keep, other, "trips", trip_merge_refusal)
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
            save_by(stop, editor, ["trip", "order", "version", "updated_at"])
        citations_move(field="trip", source=other, target=keep)
        _companions_move(keep, other, editor)

        changed = ["version", "updated_at"]
        if not keep.title and other.title and "title" not in keep.edited_fields:
            keep.title = other.title
            changed += ["title", *carry_edited(keep, other, ["title"])]
        if keep.companion_of_id is None and other.companion_of_id not in (None, keep.pk):
            keep.companion_of_id = other.companion_of_id
            changed += ["companion_of", *carry_edited(keep, other, ["companion_of"])]
        elif keep.companion_of_id == other.pk:  # cannot accompany itself
            keep.companion_of_id = None
            changed.append("companion_of")
        keep.version += 1
        save_by(keep, editor, changed)
        trip_renumber(keep)  # saves keep's dates; keep still carries the editor for history
        retire(other, editor)
    return keep
