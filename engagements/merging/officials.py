"""Merging two records of one person: the other stays as a redirect to the one kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from simple_history.utils import bulk_update_with_history

from engagements.models import Participant, Trip
from people.models import Official, OfficialAlias, Post

from .common import (
    carry_edited,
    citations_move,
    delete_by,
    ensure_unreferenced,
    pair_for_merge,
    role_fill,
    save_by,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


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
        save_by(post, editor, changed)


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
            save_by(post, editor, ["official"])
            mine[key] = post
        else:
            _post_fold(same, post, editor)
            delete_by(post, editor)


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
            role_fill(both[row.engagement_id], row, editor)
            delete_by(row, editor)
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
    with transaction.atomic():
        keep, other = pair_for_merge(Official, keep, other, "officials", official_merge_refusal)
        _aliases_move(keep, other)
        _posts_move(keep, other, editor)
        _participations_move(keep, other, editor)
        for trip in Trip.objects.select_for_update().filter(traveler=other).order_by("pk"):
            trip.traveler = keep
            trip.version += 1
            save_by(trip, editor, ["traveler", "version", "updated_at"])
        # one person does not accompany themself: links between the two's trips go
        for trip in (
            Trip.objects.select_for_update()
            .filter(traveler=keep, companion_of__traveler=keep)
            .order_by("pk")
        ):
            trip.companion_of = None
            trip.version += 1
            save_by(trip, editor, ["companion_of", "version", "updated_at"])
        citations_move(field="official", source=other, target=keep)
        # records merged into other earlier now point straight at keep
        for earlier in Official.objects.select_for_update().filter(merged_into=other):
            earlier.merged_into = keep
            earlier.version += 1
            save_by(earlier, editor, ["merged_into", "version", "updated_at"])

        changed = ["version", "updated_at"]
        if keep.country_id is None and other.country_id and "country" not in keep.edited_fields:
            keep.country_id = other.country_id
            changed += ["country", *carry_edited(keep, other, ["country"])]
        keep.version += 1
        save_by(keep, editor, changed)

        other.merged_into = keep
        other.version += 1
        save_by(other, editor, ["merged_into", "version", "updated_at"])
        ensure_unreferenced(other)
    return keep
