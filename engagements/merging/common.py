"""What every merge of two records does: lock both, save with the editor, move citations."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Model
from simple_history.models import HistoricalChanges

from diplomacy.locks import record_lock
from engagements.models import Citation, Participant

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

DATES = {"start", "end", "precision"}


class MergeError(ValueError):
    """The two records cannot be merged; the message says why, for the editor."""


def save_by(instance: Model, editor: AbstractBaseUser | None, fields: Iterable[str]) -> None:
    """Save the fields named, with the editor as the author of the history entry."""
    instance._history_user = editor
    instance.save(update_fields=list(dict.fromkeys(fields)))


def delete_by(instance: Model, editor: AbstractBaseUser | None) -> None:
    instance._history_user = editor
    instance.delete()


def _locked(model: type[Model], *pks: int) -> dict[int, Any]:
    """The rows, locked in primary-key order (two merges never wait on each other in a cycle)."""
    rows = model._default_manager.select_for_update().filter(pk__in=pks).order_by("pk")
    return {row.pk: row for row in rows}


def pair_for_merge(
    model: type[Model], keep: Model, other: Model, noun: str, refusal: Callable[..., str | None]
) -> tuple[Any, Any]:
    """Both records, locked, for merging other into keep: call inside the merge's transaction.

    MergeError when one is gone, or when refusal(keep=, other=) says why they may not merge.
    """
    if keep.pk != other.pk:
        record_lock()  # no extraction attaches rows to either record while they merge
        rows = _locked(model, keep.pk, other.pk)
        if keep.pk not in rows or other.pk not in rows:
            raise MergeError(f"One of the two {noun} no longer exists.")
        keep, other = rows[keep.pk], rows[other.pk]
    reason = refusal(keep=keep, other=other)
    if reason:
        raise MergeError(reason)
    return keep, other


def retire(instance: Model, editor: AbstractBaseUser | None) -> None:
    """Delete the record merged away, once nothing points at it any more."""
    ensure_unreferenced(instance)
    delete_by(instance, editor)


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


def ensure_unreferenced(instance: Model) -> None:
    """Fail the merge (and roll it back) if anything still points at the record merged away."""
    left = references(instance)
    if left:
        raise RuntimeError(f"Merge left references to {instance!r}: {', '.join(left)}")


def citations_move(*, field: str, source: Model, target: Model) -> None:
    """Point the source's citations at the target; a citation of the very same span is dropped."""
    theirs = list(Citation.objects.select_for_update().filter(**{field: source}))
    known = set(
        Citation.objects.filter(**{field: target}).values_list("article_id", "start", "end")
    )
    duplicates = [c.pk for c in theirs if (c.article_id, c.start, c.end) in known]
    Citation.objects.filter(pk__in=duplicates).delete()
    Citation.objects.filter(**{field: source}).update(**{field: target})


def carry_edited(keep: Any, other: Any, fields: list[str]) -> list[str]:
    """Fields copied from other that an editor had set there stay marked as edited on keep."""
    carried = set(fields) & set(other.edited_fields)
    if not carried - set(keep.edited_fields):
        return []
    keep.edited_fields = sorted(set(keep.edited_fields) | carried)
    return ["edited_fields"]


def role_fill(row: Participant, extra: Participant, editor: AbstractBaseUser | None) -> None:
    """A known role (host, guest, traveler) beats the generic "participant"."""
    if row.role == Participant.Role.PARTICIPANT and extra.role != Participant.Role.PARTICIPANT:
        row.role = extra.role
        save_by(row, editor, ["role"])
