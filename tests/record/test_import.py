"""import_travels / import_visits: entries become record stops, trips and engagements."""

from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from engagements.models import Citation, Engagement, Participant, Place, Stop, Trip
from people.models import Official, OfficialAlias, Post
from reports.models import Article

from .samples import TRAVELS_XML, VISITS_XML, write_sample


def _counts() -> dict[str, int]:
    models = [Official, OfficialAlias, Post, Place, Trip, Stop, Engagement, Participant]
    counts = {m.__name__: m.objects.count() for m in models}
    counts["Article"] = Article.objects.count()
    counts["Citation"] = Citation.objects.count()
    return counts


def _import(*paths: Path, command: str = "import_travels") -> str:
    out = StringIO()
    call_command(command, *map(str, paths), "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_remarks_with_two_officials_yield_two_engagements_with_titles(tmp_path):
    _import(write_sample(tmp_path, "doe.xml", TRAVELS_XML))
    stop = Stop.objects.select_related("trip__traveler", "place__country").get(
        record_id="travels:90001"
    )
    assert stop.origin == "record"
    assert (stop.place.name, stop.place.country.code) == ("Jerusalem", "IL")
    assert stop.place.latitude is not None
    traveler = stop.trip.traveler
    assert traveler.name == "Jane Quincy Doe"
    assert traveler.country.code == "US"
    assert list(traveler.posts.values_list("title", flat=True)) == ["Secretary of State"]

    engagements = list(Engagement.objects.filter(stop=stop).order_by("pk"))
    assert len(engagements) == 2
    met = {}
    for engagement in engagements:
        assert engagement.origin == "record"
        assert (engagement.start, engagement.end) == (date(2023, 1, 9), date(2023, 1, 10))
        people = {p.official.name: p for p in engagement.participations.select_related("official")}
        assert people.pop("Jane Quincy Doe").role == "traveler"
        ((name, participant),) = people.items()
        met[name] = participant.official
        citation = engagement.citations.get()
        assert citation.article.source == "Office of the Historian"
        assert citation.article.published == date(2023, 1, 9)
        assert "Herzog" in citation.quote
    assert set(met) == {"Isaac Herzog", "Benjamin Netanyahu"}
    assert [p.title for p in met["Isaac Herzog"].posts.all()] == ["President"]
    assert [p.title for p in met["Benjamin Netanyahu"].posts.all()] == ["Prime Minister"]
    assert met["Isaac Herzog"].country.code == "IL"


@pytest.mark.django_db
def test_country_only_entry_and_multi_city_locale(tmp_path):
    _import(write_sample(tmp_path, "doe.xml", TRAVELS_XML))
    vatican = Stop.objects.select_related("place__country").get(record_id="travels:90002")
    assert vatican.place.country.code == "VA"
    assert vatican.place.kind == "country"
    seoul = Stop.objects.select_related("place").get(record_id="travels:90003")
    assert seoul.place.name == "Seoul"
    # every record stop is cited from the entry's article
    assert seoul.citations.get().article.text.startswith("Secretary of State Jane Quincy Doe")


@pytest.mark.django_db
def test_importing_twice_creates_nothing_new(tmp_path):
    path = write_sample(tmp_path, "doe.xml", TRAVELS_XML)
    _import(path)
    before = _counts()
    output = _import(path)
    assert _counts() == before
    assert "stops: 0 created, 3 existing" in output
    assert "nothing new" in output


@pytest.mark.django_db
def test_a_new_adjacent_entry_joins_the_trip_on_record(tmp_path):
    path = write_sample(tmp_path, "doe.xml", TRAVELS_XML)
    _import(path)
    trip = Stop.objects.get(record_id="travels:90001").trip
    later = TRAVELS_XML.replace("90003", "90004").replace("2023-03-02", "2023-01-12")
    later = later.replace("2023-03-03", "2023-01-12")
    _import(write_sample(tmp_path, "doe.xml", later))
    stop = Stop.objects.get(record_id="travels:90004")
    assert stop.trip_id == trip.pk
    trip.refresh_from_db()
    assert (trip.start, trip.end) == (date(2023, 1, 9), date(2023, 1, 12))
    assert list(trip.stops.values_list("record_id", flat=True)) == [
        "travels:90001",
        "travels:90002",
        "travels:90004",
    ]


@pytest.mark.django_db
def test_import_visits(tmp_path):
    path = write_sample(tmp_path, "2020.xml", VISITS_XML)
    _import(path, command="import_visits")
    stop = Stop.objects.select_related("trip__traveler__country", "place__country").get(
        record_id="visits:99001"
    )
    visitor = stop.trip.traveler
    assert (visitor.name, visitor.country.code) == ("Kyriakos Mitsotakis", "GR")
    assert [p.title for p in visitor.posts.all()] == ["Prime Minister"]
    assert stop.place.country.code == "US"
    assert stop.origin == "record"
    before = _counts()
    _import(path, command="import_visits")
    assert _counts() == before


# ---------------------------------------------------------------- the real record


@pytest.mark.django_db
def test_blinken_october_2021_is_one_trip_paris_then_mexico_city(blinken_file):
    _import(blinken_file)
    paris = Stop.objects.select_related("trip", "place").get(record_id="travels:4024")
    trip = paris.trip
    stops = [(s.place.name, s.start, s.end) for s in trip.stops.select_related("place")]
    assert stops == [
        ("Paris", date(2021, 10, 4), date(2021, 10, 6)),
        ("Mexico City", date(2021, 10, 7), date(2021, 10, 8)),
    ]
    assert (trip.start, trip.end) == (date(2021, 10, 4), date(2021, 10, 8))
    assert trip.origin == "record"
    assert trip.traveler.name == "Antony John Blinken"
    # the news's "Antony Blinken" finds the same person
    assert trip.traveler.aliases.filter(alias="Antony Blinken").exists()


@pytest.mark.django_db
def test_blinken_import_is_idempotent(blinken_file):
    _import(blinken_file)
    before = _counts()
    _import(blinken_file)
    assert _counts() == before
    assert before["Stop"] == 241
