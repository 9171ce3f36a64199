"""Pages run a fixed number of queries, however many stops, engagements or participants."""

import itertools
from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests import factories

BOUND = 20
serial = itertools.count()


def build(size: int):
    n = next(serial)
    traveler = factories.official(f"Traveler {n}", "US")
    places = [
        factories.place(f"City {n}-{i}", "FR", 40 + i * 0.1, 2 + i * 0.1) for i in range(size)
    ]
    day = date(2021, 10, 1)
    trip = factories.trip(
        traveler, [(p, day + timedelta(i), day + timedelta(i)) for i, p in enumerate(places)]
    )
    source = factories.article(f"Report {n} about {size} stops. Blinken met everyone there.")
    for stop in trip.stops.all():
        others = [factories.official(f"Person {stop.pk}-{j}", "FR") for j in range(size)]
        for _ in range(size):
            factories.engagement(
                [traveler, *others], on=stop.start, where=stop.place, stop=stop, source=source,
                quote="Blinken met everyone there.",
            )  # fmt: skip
    return trip


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 4])
def test_trip_page_queries_stay_bounded(analyst_client, django_assert_max_num_queries, size):
    trip = build(size)
    first = trip.stops.order_by("order").first()
    with django_assert_max_num_queries(BOUND):
        page = analyst_client.get(f"{trip.get_absolute_url()}?open={first.pk}")
    assert page.status_code == 200
    assert page.content.decode().count('class="counterpart"') >= size * size


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 4])
def test_trips_list_queries_stay_bounded(analyst_client, django_assert_max_num_queries, size):
    for _ in range(size):
        build(2)
    with django_assert_max_num_queries(BOUND):
        page = analyst_client.get(reverse("engagements:trips"))
    assert f"{size} trip" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 4])
def test_official_profile_queries_stay_bounded(analyst_client, django_assert_max_num_queries, size):
    trip = build(size)
    with django_assert_max_num_queries(BOUND):
        page = analyst_client.get(trip.traveler.get_absolute_url())
    body = page.content.decode()
    assert f"Engagements ({size * size})" in body
    assert "Most frequent counterparts" in body
