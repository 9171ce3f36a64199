from datetime import date

import pytest
from django.db import IntegrityError, transaction

from engagements.models import Citation, Engagement, Stop
from tests import factories


@pytest.fixture
def paris(db):
    return factories.place("Paris", "FR", 48.85, 2.35)


@pytest.mark.django_db
def test_an_engagement_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        Engagement.objects.create(
            kind="meeting", start=date(2021, 10, 6), end=date(2021, 10, 5), precision="day"
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value",
    [("kind", "party"), ("status", "maybe"), ("precision", "week"), ("origin", "rumour")],
)
def test_enum_fields_reject_values_outside_their_choices(field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        Engagement.objects.create(**{field: value})


@pytest.mark.django_db
def test_unknown_precision_means_no_dates():
    with pytest.raises(IntegrityError), transaction.atomic():
        Engagement.objects.create(kind="call", start=date(2021, 1, 26), precision="unknown")


@pytest.mark.django_db
def test_confidence_stays_between_zero_and_one():
    with pytest.raises(IntegrityError), transaction.atomic():
        Engagement.objects.create(kind="call", confidence=1.5)


@pytest.mark.django_db
def test_stop_order_is_unique_within_a_trip(paris):
    traveler = factories.official("Antony Blinken", "US")
    trip = factories.trip(traveler, [(paris, date(2021, 10, 4), date(2021, 10, 6))])
    with pytest.raises(IntegrityError), transaction.atomic():
        Stop.objects.create(trip=trip, order=1, place=paris)
    Stop.objects.create(trip=trip, order=2, place=paris)
    assert list(trip.stops.values_list("order", flat=True)) == [1, 2]


@pytest.mark.django_db
def test_a_citation_belongs_to_exactly_one_fact(paris):
    source = factories.article("Blinken met Macron in Paris.")
    meeting = factories.engagement([], where=paris)
    Citation.objects.create(article=source, engagement=meeting, start=0, end=10, quote="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(article=source, start=0, end=10, quote="no target")
    person = factories.official("Emmanuel Macron", "FR")
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(
            article=source, engagement=meeting, official=person, start=0, end=10, quote="two"
        )


@pytest.mark.django_db
def test_a_citation_span_is_not_empty(paris):
    source = factories.article("Blinken met Macron in Paris.")
    meeting = factories.engagement([], where=paris)
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(article=source, engagement=meeting, start=5, end=5, quote="")


@pytest.mark.django_db
def test_place_coordinates_must_be_on_the_globe():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.place("Nowhere", "FR", lat=123.0, lon=0.0)


@pytest.mark.django_db
def test_one_participant_row_per_official_and_engagement(paris):
    person = factories.official("Antony Blinken", "US")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.engagement([person, person], where=paris)
