"""Merging two records of one meeting: participants and citations join the one kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from engagements.models import Engagement, Participant
from engagements.services import precision_finer, status_merged

from .common import (
    DATES,
    carry_edited,
    citations_move,
    delete_by,
    pair_for_merge,
    retire,
    role_fill,
    save_by,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


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
    return changed + carry_edited(keep, other, changed)


def engagements_merge(
    *, keep: Engagement, other: Engagement, editor: AbstractBaseUser | None
) -> Engagement:
    """Merge other into keep: one meeting. Other is deleted.

    Keep gets the union of participants and both records' citations, keep's
    blank fields are filled from other, the finer dates win, and a scheduled
    meeting reported held or cancelled takes that status.
    """
    with transaction.atomic():
        keep, other = pair_for_merge(
            Engagement, keep, other, "engagements", engagement_merge_refusal
        )
        mine = {
            row.official_id: row
            for row in Participant.objects.select_for_update().filter(engagement=keep)
        }
        for row in Participant.objects.select_for_update().filter(engagement=other).order_by("pk"):
            if row.official_id in mine:
                role_fill(mine[row.official_id], row, editor)
                delete_by(row, editor)
            else:
                row.engagement = keep
                save_by(row, editor, ["engagement"])
        citations_move(field="engagement", source=other, target=keep)
        changed = _engagement_fill(keep, other)
        keep.version += 1
        save_by(keep, editor, [*changed, "version", "updated_at"])
        retire(other, editor)
    return keep
