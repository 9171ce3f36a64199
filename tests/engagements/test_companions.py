"""Companions on a trip: each gets a trip of their own with the principal's stops, linked to
the principal's; a report merged again, or another report of the journey, doubles nothing;
an editor's corrections stay."""

from __future__ import annotations

from datetime import date

import pytest

from diplomacy.models import Review
from engagements import corrections
from engagements.models import Stop, Trip
from engagements.services import document_merge
from extraction.models import Document, Official, Place, TripStop
from extraction.models import Trip as ExtractedTrip
from reports.extracting import articles_extract
from reports.loaders import ReportInput
from reports.models import Article
from reports.services import articles_reextract, batch_create, ingest_reports
from tests import factories

# Published on a Wednesday: "Monday" is 20 March 2023.
XI = (
    "Chinese President Xi Jinping arrived in Moscow on Monday. Foreign Minister Wang Yi, who is "
    "accompanying him, met Russian Foreign Minister Sergei Lavrov."
)
XI_AGAIN = (
    "Chinese President Xi Jinping was in Moscow on Monday for talks with Russian President "
    "Vladimir Putin. Xi was accompanied by Chinese Foreign Minister Wang Yi, officials said."
)
PUBLISHED = date(2023, 3, 22)
MONDAY = date(2023, 3, 20)
# Published on a Friday: "Thursday" is 5 October 2023; the extractor also gives Garland and
# Mayorkas a trip of their own ("accompanied on the trip"), which the companions' trips join.
BLINKEN = (
    "Secretary of State Antony Blinken will travel to Mexico City on Thursday for talks on "
    "security. Blinken will be accompanied on the trip by Attorney General Merrick Garland and "
    "Homeland Security Secretary Alejandro Mayorkas."
)


def load(*texts: str, published: date = PUBLISHED) -> list[int]:
    """Store the reports (nothing extracts them yet); their article ids."""
    batch = batch_create(name="companions")
    reports = [
        ReportInput(text=t, name=f"r{i}.txt", published=published) for i, t in enumerate(texts)
    ]
    return [a.pk for a in ingest_reports(batch=batch, reports=reports).created]


def trip_of(name: str) -> Trip:
    (trip,) = Trip.objects.filter(traveler__name=name)
    return trip


def stops(trip: Trip) -> list[tuple[str, date | None, date | None]]:
    return [(s.place.name, s.start, s.end) for s in trip.stops.order_by("order")]


@pytest.mark.django_db
def test_a_companion_gets_a_trip_with_the_same_stops_linked_to_the_principals():
    [pk] = load(XI)
    assert articles_extract(article_ids=[pk]) == {"extracted": 1}
    xi, wang = trip_of("Xi Jinping"), trip_of("Wang Yi")
    assert stops(xi) == stops(wang) == [("Moscow", MONDAY, MONDAY)]
    assert wang.companion_of == xi and list(xi.companions.all()) == [wang]
    assert xi.companion_of is None
    assert (wang.start, wang.end) == (MONDAY, MONDAY)
    # the same sentences as sources
    [xi_stop], [wang_stop] = xi.stops.all(), wang.stops.all()
    quotes = sorted(xi_stop.citations.values_list("quote", flat=True))
    assert quotes and sorted(wang_stop.citations.values_list("quote", flat=True)) == quotes
    assert Article.objects.get(pk=pk).extraction["trips"][0]["companions"] == ["Wang Yi"]


@pytest.mark.django_db
def test_merging_the_report_again_or_another_report_of_the_journey_doubles_nothing():
    [first] = load(XI)
    articles_extract(article_ids=[first])
    xi, wang = trip_of("Xi Jinping"), trip_of("Wang Yi")

    articles_reextract(Article.objects.filter(pk=first))
    articles_extract(article_ids=[first])
    [second] = load(XI_AGAIN)
    assert articles_extract(article_ids=[second]) == {"extracted": 1}

    assert Trip.objects.count() == 2
    assert (trip_of("Xi Jinping"), trip_of("Wang Yi")) == (xi, wang)
    wang.refresh_from_db()
    assert wang.companion_of == xi
    assert stops(wang) == [("Moscow", MONDAY, MONDAY)]
    assert Stop.objects.filter(trip=wang).count() == 1
    assert wang.stops.get().citations.values("article").distinct().count() == 2


@pytest.mark.django_db
def test_a_chunk_merged_at_once_links_new_companions_trips_to_new_principals_trips():
    """Both the principal's and the companions' trips new in one merge (COPY on PostgreSQL)."""
    ids = load(BLINKEN, published=date(2023, 9, 29))
    ids += load(XI)
    assert articles_extract(article_ids=ids) == {"extracted": 2}
    blinken = trip_of("Antony Blinken")
    garland, mayorkas = trip_of("Merrick Garland"), trip_of("Alejandro Mayorkas")
    assert garland.companion_of == blinken and mayorkas.companion_of == blinken
    assert sorted(t.traveler.name for t in blinken.companions.all()) == [
        "Alejandro Mayorkas",
        "Merrick Garland",
    ]
    thursday = date(2023, 10, 5)
    assert stops(garland) == stops(mayorkas) == [("Mexico City", thursday, thursday)]
    assert trip_of("Wang Yi").companion_of == trip_of("Xi Jinping")
    assert Trip.objects.count() == 5


@pytest.mark.django_db
def test_an_editors_corrections_of_a_companions_trip_stay(editor):
    [pk] = load(XI)
    articles_extract(article_ids=[pk])
    xi, wang = trip_of("Xi Jinping"), trip_of("Wang Yi")
    stop = wang.stops.get()
    corrections.stop_correct(
        stop,
        editor=editor,
        version=stop.version,
        changes={"start": date(2023, 3, 21), "end": date(2023, 3, 21)},
    )
    # not his companion after all: the editor removes the link
    corrections.fact_update(wang, editor=editor, version=None, changes={"companion_of": None})

    articles_reextract(Article.objects.filter(pk=pk))
    articles_extract(article_ids=[pk])

    wang = trip_of("Wang Yi")
    assert wang.companion_of is None and not xi.companions.exists()
    assert stops(wang) == [("Moscow", date(2023, 3, 21), date(2023, 3, 21))]


@pytest.mark.django_db
def test_a_rejected_companions_trip_stays_rejected_and_is_not_made_again(editor):
    [pk] = load(XI)
    articles_extract(article_ids=[pk])
    wang = trip_of("Wang Yi")
    corrections.fact_update(wang, editor=editor, version=None, changes={"review": "rejected"})

    articles_reextract(Article.objects.filter(pk=pk))
    articles_extract(article_ids=[pk])

    assert trip_of("Wang Yi").review == Review.REJECTED


@pytest.mark.django_db
def test_a_companions_trip_on_record_joins_the_principals_not_a_new_one():
    """The companion's trip of those days, already on record, is linked and takes the stop."""
    moscow = factories.place("Moscow", "RU", 55.75, 37.62)
    wang = factories.official("Wang Yi", "CN")
    factories.official("Xi Jinping", "CN")
    theirs = factories.trip(wang, [(moscow, MONDAY, MONDAY)])
    article = factories.article(XI, published=PUBLISHED)
    place = Place("Moscow", "RU", 55.75, 37.62)
    document = Document(
        PUBLISHED,
        officials=[Official("Xi Jinping", "President", "CN"), Official("Wang Yi", None, "CN")],
        trips=[
            ExtractedTrip(
                "Xi Jinping",
                [TripStop(place, MONDAY, MONDAY, "day", 0.6, [(0, 56)])],
                companions=["Wang Yi"],
            )
        ],
    )
    document_merge(article=article, document=document)
    theirs.refresh_from_db()
    assert theirs.companion_of == trip_of("Xi Jinping")
    assert Trip.objects.filter(traveler=wang).count() == 1
    assert stops(theirs) == [("Moscow", MONDAY, MONDAY)]
    assert theirs.stops.get().citations.count() == 1
