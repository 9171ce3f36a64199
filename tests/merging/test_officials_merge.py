"""officials_merge: one person's two records become one; the other redirects to it."""

from __future__ import annotations

from datetime import date

import pytest

from engagements.merging import MergeError, officials_merge, references
from engagements.models import Citation, Participant, Trip
from people.models import Official, OfficialAlias, Post
from people.selectors import official_search
from tests import factories as make

from .helpers import cite


def test_nothing_points_at_the_record_merged_away(world, editor):
    other = world.other
    Post.objects.create(official=other, title="Secretary of State", country=make.country("US"))
    trip = make.trip(other, [(world.paris, date(2021, 10, 5), date(2021, 10, 6))])
    cite(world.article, "Blinken then flew to Berlin.", trip=trip)
    earlier = make.official("A. Blinken")
    earlier.merged_into = other
    earlier.save()

    kept = officials_merge(keep=world.keep, other=other, editor=editor)

    other.refresh_from_db()
    assert kept.pk == world.keep.pk
    assert other.merged_into_id == kept.pk
    assert references(other) == []
    for model, field in [
        (Participant, "official"),
        (Citation, "official"),
        (Trip, "traveler"),
        (Post, "official"),
        (OfficialAlias, "official"),
        (Official, "merged_into"),
    ]:
        assert not model.objects.filter(**{field: other}).exists(), (model, field)
    trip.refresh_from_db()
    assert trip.traveler_id == kept.pk
    assert Citation.objects.get(official=kept).quote.startswith("Tony Blinken met")
    earlier.refresh_from_db()
    assert earlier.merged_into_id == kept.pk  # no chain through other


def test_the_merged_name_still_finds_the_person(world, editor):
    officials_merge(keep=world.keep, other=world.other, editor=editor)

    assert list(official_search(q="Tony Blinken")) == [world.keep]
    assert world.other not in official_search(q="Blinken")


def test_aliases_move_without_duplicates_and_keeps_name_stays(world, editor):
    officials_merge(keep=world.keep, other=world.other, editor=editor)

    keep = Official.objects.get(pk=world.keep.pk)
    assert keep.name == "Antony Blinken"
    assert sorted(keep.aliases.values_list("alias", flat=True)) == [
        "Blinken",
        "Secretary Blinken",
        "Tony Blinken",
    ]


def test_a_shared_engagement_keeps_one_participation(world, editor):
    Participant.objects.filter(engagement=world.together, official=world.other).update(role="host")
    officials_merge(keep=world.keep, other=world.other, editor=editor)

    rows = Participant.objects.filter(engagement=world.together)
    assert sorted(rows.values_list("official__name", flat=True)) == [
        "Antony Blinken",
        "Emmanuel Macron",
    ]
    assert rows.get(official=world.keep).role == "host"  # the known role was kept
    assert world.only_other.participants.filter(pk=world.keep.pk).exists()
    assert world.keep.participations.count() == 2


def test_posts_move_and_the_same_post_folds(world, editor):
    us = make.country("US")
    Post.objects.create(official=world.keep, title="Secretary of State", country=us)
    Post.objects.create(
        official=world.other, title="secretary of state", country=us, start=date(2021, 1, 26)
    )
    Post.objects.create(official=world.other, title="Deputy Secretary of State", country=us)

    officials_merge(keep=world.keep, other=world.other, editor=editor)

    posts = {p.title: p for p in Post.objects.filter(official=world.keep)}
    assert sorted(posts) == ["Deputy Secretary of State", "Secretary of State"]
    assert posts["Secretary of State"].start == date(2021, 1, 26)


def test_country_is_filled_only_when_keep_has_none(world, editor):
    keep = make.official("Wang Yi")
    other = make.official("Wang  Yi", "CN")
    officials_merge(keep=keep, other=other, editor=editor)
    keep.refresh_from_db()
    assert keep.country.code == "CN"

    officials_merge(keep=world.keep, other=make.official("A. J. Blinken", "GB"), editor=editor)
    world.keep.refresh_from_db()
    assert world.keep.country.code == "US"


def test_version_grows_and_history_names_the_editor(world, editor):
    officials_merge(keep=world.keep, other=world.other, editor=editor)

    keep = Official.objects.get(pk=world.keep.pk)
    other = Official.objects.get(pk=world.other.pk)
    assert keep.version == 2
    assert other.version == 2
    assert keep.history.latest().history_user == editor
    assert other.history.latest().history_user == editor
    assert other.history.latest().merged_into_id == keep.pk
    moved = Participant.history.filter(id__in=world.only_other.participations.values("pk"))
    assert moved.latest().history_user == editor
    assert moved.latest().official_id == keep.pk
    dropped = Participant.history.filter(history_type="-").get()
    assert dropped.history_user == editor


def test_merging_into_itself_is_refused(world, editor):
    with pytest.raises(MergeError, match="into itself"):
        officials_merge(keep=world.keep, other=world.keep, editor=editor)


def test_merging_into_a_record_merged_away_is_refused(world, editor):
    third = make.official("Antony J. Blinken")
    officials_merge(keep=world.keep, other=world.other, editor=editor)
    other = Official.objects.get(pk=world.other.pk)

    with pytest.raises(MergeError, match="merge into Antony Blinken instead"):
        officials_merge(keep=other, other=third, editor=editor)
    # other's chain ends at keep: merging keep into other would be a merge into itself
    with pytest.raises(MergeError, match="into itself"):
        officials_merge(keep=other, other=world.keep, editor=editor)
    with pytest.raises(MergeError, match="already been merged"):
        officials_merge(keep=third, other=other, editor=editor)
    third.refresh_from_db()
    assert third.merged_into_id is None


def test_a_refused_merge_changes_nothing(world, editor):
    before = Participant.objects.filter(official=world.other).count()
    with pytest.raises(MergeError):
        officials_merge(keep=world.other, other=world.other, editor=editor)
    assert Participant.objects.filter(official=world.other).count() == before
    assert Official.objects.get(pk=world.other.pk).version == 1


def test_a_trip_of_one_record_accompanying_the_others_is_no_companion_any_more(world, editor):
    day = date(2021, 10, 5)
    mine = make.trip(world.keep, [(world.paris, day, day)])
    theirs = make.trip(world.other, [(world.berlin, day, day)])
    Trip.objects.filter(pk=theirs.pk).update(companion_of=mine)

    officials_merge(keep=world.keep, other=world.other, editor=editor)

    theirs.refresh_from_db()
    assert theirs.traveler == world.keep and theirs.companion_of is None
    assert not mine.companions.exists()
