"""trips_merge: two records of one journey become one trip, stops in date order."""

from __future__ import annotations

from datetime import date

import pytest

from engagements.merging import MergeError, trips_merge
from engagements.models import Citation, Engagement, Stop, Trip
from tests import factories as make

from .helpers import cite

OCT = date(2021, 10, 1)


def day(n: int) -> date:
    return OCT.replace(day=n)


@pytest.fixture
def journeys(world):
    """Keep: Paris 5-6, Rome 9. Other: London 3, Paris 6-7 (the same stop), Berlin 8."""
    rome = make.place("Rome", "IT")
    london = make.place("London", "GB")
    keep = make.trip(world.keep, [(world.paris, day(5), day(6)), (rome, day(9), day(9))])
    other = make.trip(
        world.keep,
        [
            (london, day(3), day(3)),
            (world.paris, day(6), day(7)),
            (world.berlin, day(8), day(8)),
        ],
    )
    other_paris = other.stops.get(place=world.paris)
    meeting = make.engagement([world.keep, world.macron], on=day(7), stop=other_paris)
    cite(world.article, "Tony Blinken met Emmanuel Macron in Paris.", stop=other_paris)
    cite(world.article, "Blinken then flew to Berlin.", trip=other)
    return keep, other, meeting


def test_stops_re_sorted_by_date_and_same_place_folded(journeys, editor):
    keep, other, meeting = journeys
    other_pk = other.pk

    kept = trips_merge(keep=keep, other=other, editor=editor)

    stops = list(kept.stops.order_by("order"))
    assert [s.place.name for s in stops] == ["London", "Paris", "Berlin", "Rome"]
    assert [s.order for s in stops] == [1, 2, 3, 4]
    paris = stops[1]
    assert (paris.start, paris.end) == (day(5), day(7))
    meeting.refresh_from_db()
    assert meeting.stop_id == paris.pk
    assert paris.citations.count() == 1
    kept.refresh_from_db()
    assert (kept.start, kept.end) == (day(3), day(9))
    assert kept.citations.count() == 1
    assert kept.version == 2
    assert not Trip.objects.filter(pk=other_pk).exists()
    assert not Stop.objects.filter(trip_id=other_pk).exists()
    assert not Citation.objects.filter(trip_id=other_pk).exists()
    assert Engagement.objects.filter(stop__isnull=True).count() == 2  # world's two, untouched


def test_same_place_on_other_dates_is_a_separate_stop(world, editor):
    keep = make.trip(world.keep, [(world.paris, day(5), day(5))])
    other = make.trip(world.keep, [(world.paris, day(20), day(21))])
    kept = trips_merge(keep=keep, other=other, editor=editor)
    assert list(kept.stops.values_list("start", flat=True)) == [day(5), day(20)]


def test_another_travelers_trip_is_refused(journeys, world, editor):
    keep, _, _ = journeys
    theirs = make.trip(world.macron, [(world.paris, day(5), day(5))])
    with pytest.raises(MergeError, match="different travelers"):
        trips_merge(keep=keep, other=theirs, editor=editor)
    with pytest.raises(MergeError, match="into itself"):
        trips_merge(keep=keep, other=keep, editor=editor)
    assert Trip.objects.filter(pk=theirs.pk).exists()


def test_history_names_the_editor(journeys, editor):
    keep, other, meeting = journeys
    folded = other.stops.get(place__name="Paris").pk
    moved = other.stops.get(place__name="Berlin").pk
    trips_merge(keep=keep, other=other, editor=editor)
    assert Trip.history.filter(id=keep.pk).latest().history_user == editor
    assert Trip.history.filter(id=other.pk).latest().history_user == editor
    assert Stop.history.filter(id=folded).latest().history_type == "-"
    assert Stop.history.filter(id=folded).latest().history_user == editor
    assert Stop.history.filter(id=moved).latest().history_user == editor
    assert Engagement.history.filter(id=meeting.pk).latest().history_user == editor


def test_a_folded_stop_passes_on_its_record_entry(journeys, editor):
    keep, other, _ = journeys
    Stop.objects.filter(trip=other, place__name="Paris").update(record_id="travels-1921-7")
    kept = trips_merge(keep=keep, other=other, editor=editor)
    assert kept.stops.get(place__name="Paris").record_id == "travels-1921-7"


def test_the_trips_accompanying_either_accompany_the_trip_kept(journeys, editor, world):
    keep, other, _ = journeys
    garland = make.official("Merrick Garland", "US")
    mayorkas = make.official("Alejandro Mayorkas", "US")
    with_keep = make.trip(garland, [(world.paris, day(5), day(6))])
    with_other = make.trip(mayorkas, [(world.berlin, day(8), day(8))])
    Trip.objects.filter(pk=with_keep.pk).update(companion_of=keep)
    Trip.objects.filter(pk=with_other.pk).update(companion_of=other)

    kept = trips_merge(keep=keep, other=other, editor=editor)

    assert sorted(t.traveler.name for t in kept.companions.all()) == [
        "Alejandro Mayorkas",
        "Merrick Garland",
    ]
    with_other.refresh_from_db()
    assert with_other.history.first().history_user == editor


def test_the_trip_kept_takes_the_principal_of_the_one_merged_away(journeys, editor, world):
    keep, other, _ = journeys
    principal = make.trip(make.official("Joe Biden", "US"), [(world.paris, day(5), day(7))])
    Trip.objects.filter(pk=other.pk).update(companion_of=principal)

    kept = trips_merge(keep=keep, other=other, editor=editor)

    kept.refresh_from_db()
    assert kept.companion_of == principal
