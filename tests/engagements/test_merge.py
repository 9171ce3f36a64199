"""Merging extracted facts into the record: no duplicates, sticky corrections, one trip."""

from datetime import date
from pathlib import Path

import pytest

from engagements.models import Engagement, Trip
from people.models import Official
from reports.loaders import ReportInput
from reports.models import Article, Batch
from reports.services import articles_reextract, batch_create, ingest_reports, read_reports

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"

# Published on a Wednesday: "Tuesday" is 5 October 2021.
FIRST = (
    "U.S. Secretary of State Antony Blinken met French President Emmanuel Macron "
    "in Paris on Tuesday, officials said."
)
SECOND = (
    "French President Emmanuel Macron held talks with U.S. Secretary of State "
    "Antony Blinken in Paris on Tuesday to mend ties after a row over submarines."
)


def load(*texts: str, published: date = date(2021, 10, 6)) -> Batch:
    batch = batch_create(name="test")
    reports = [
        ReportInput(text=t, name=f"r{i}.txt", published=published) for i, t in enumerate(texts)
    ]
    ingest_reports(batch=batch, reports=reports)
    return batch


def load_samples(run_tasks, name: str = "samples"):
    batch = batch_create(name=name)
    with run_tasks():
        result = ingest_reports(batch=batch, reports=read_reports([SAMPLES]))
    batch.refresh_from_db()
    return batch, result


def meetings_between(*names: str) -> list[Engagement]:
    found = Engagement.objects.all()
    for name in names:
        found = found.filter(participants__name=name)
    return list(found.distinct())


@pytest.mark.django_db
def test_the_same_meeting_from_two_reports_is_one_engagement_with_two_citations(run_tasks):
    with run_tasks():
        load(FIRST, SECOND)
    meetings = meetings_between("Antony Blinken", "Emmanuel Macron")
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.start == date(2021, 10, 5)
    assert meeting.place.name == "Paris"
    assert meeting.citations.values("article").distinct().count() == 2
    assert Official.objects.filter(name="Antony Blinken").count() == 1


@pytest.mark.django_db
def test_loading_the_samples_again_creates_nothing_new(run_tasks):
    batch, _ = load_samples(run_tasks)
    counts = [Engagement.objects.count(), Trip.objects.count(), Official.objects.count()]
    assert all(counts)
    assert Article.objects.filter(status="extracted").count() == 3
    assert batch.status == Batch.Status.DONE and batch.finished_at

    _, result = load_samples(run_tasks, "samples again")
    assert result.created == [] and len(result.existing) == 3
    assert [Engagement.objects.count(), Trip.objects.count(), Official.objects.count()] == counts


@pytest.mark.django_db
def test_stops_of_one_journey_join_one_trip_in_date_order(run_tasks):
    load_samples(run_tasks)
    trip = Trip.objects.get(traveler__name="Antony Blinken", start__year=2021, start__month=10)
    stops = list(trip.stops.order_by("order").values_list("place__name", "start", "end"))
    assert stops[0][0] == "Paris"
    names = [s[0] for s in stops]
    assert names.index("Paris") < names.index("Mexico City")
    assert trip.start <= date(2021, 10, 6) and trip.end >= date(2021, 10, 7)


@pytest.mark.django_db
def test_an_edited_field_survives_re_extraction(run_tasks):
    with run_tasks():
        load(FIRST)
    meeting = meetings_between("Antony Blinken", "Emmanuel Macron")[0]
    meeting.start = meeting.end = date(2021, 10, 4)
    meeting.kind = Engagement.Kind.TALKS
    meeting.edited_fields = ["start", "end", "precision", "kind"]
    meeting.save()

    with run_tasks():
        articles_reextract(Article.objects.all())

    meeting.refresh_from_db()
    assert (meeting.start, meeting.kind) == (date(2021, 10, 4), "talks")
    assert meeting.citations.count() == 1
    assert len(meetings_between("Antony Blinken", "Emmanuel Macron")) == 1


@pytest.mark.django_db
def test_a_scheduled_meeting_later_reported_held_is_updated_not_doubled(run_tasks):
    with run_tasks():
        load(
            "Secretary of State Antony Blinken will meet Mexican Foreign Secretary Marcelo Ebrard "
            "in Mexico City on Friday.",
            published=date(2021, 10, 6),
        )
    meeting = meetings_between("Antony Blinken", "Marcelo Ebrard")[0]
    assert meeting.status == "scheduled"
    with run_tasks():
        load(
            "Secretary of State Antony Blinken met Mexican Foreign Secretary Marcelo Ebrard "
            "in Mexico City on Friday.",
            published=date(2021, 10, 9),
        )
    meetings = meetings_between("Antony Blinken", "Marcelo Ebrard")
    assert len(meetings) == 1
    assert meetings[0].status == "held"
    assert meetings[0].start == date(2021, 10, 8)


@pytest.mark.django_db
def test_a_republished_wire_story_is_linked_to_the_first_and_not_counted_twice(run_tasks):
    original = (SAMPLES / "001_bcf77257e3df5df3.txt").read_text(encoding="utf-8")
    paragraphs = original.split("\n\n")
    # another outlet: its own headline and byline, one paragraph dropped, a word changed
    copy = "\n\n".join(
        ["Top US officials head south for security talks", "By Wire Staff", *paragraphs[:-1]]
    ).replace("flurry", "series")
    with run_tasks():
        load(original, published=date(2023, 9, 29))
    engagements = Engagement.objects.count()
    assert engagements
    with run_tasks():
        load(copy, published=date(2023, 9, 30))
    first, second = Article.objects.order_by("pk")
    assert (first.status, second.status) == ("extracted", "duplicate")
    assert second.duplicate_of == first
    assert Engagement.objects.count() == engagements
    assert not second.citations.exists()


@pytest.mark.django_db
def test_different_stories_about_the_same_people_are_not_duplicates(run_tasks):
    with run_tasks():
        load(FIRST, SECOND)
    assert set(Article.objects.values_list("status", flat=True)) == {"extracted"}
