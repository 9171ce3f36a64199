"""The number of queries a list takes does not grow with the number of results."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from engagements.models import Agreement, Citation
from tests import factories


def add_facts(n: int, offset: int) -> None:
    """n more trips (two stops each, cited), engagements (two participants, cited), agreements."""
    for i in range(offset, offset + n):
        day = date(2020, 1, 1) + timedelta(days=3 * i)
        a = factories.official(f"Traveler {i}", "US", aliases=(f"T{i}",))
        b = factories.official(f"Host {i}", "FR")
        city = factories.place(f"City {i}", "FR", 45.0, 2.0)
        text = f"Traveler {i} met Host {i} in City {i}."
        source = factories.article(text, title=f"Report {i}")
        journey = factories.trip(a, [(city, day, day), (city, day + timedelta(days=1), None)])
        stop = journey.stops.get(order=1)
        Citation.objects.create(article=source, stop=stop, start=0, end=len(text), quote=text)
        factories.engagement([a, b], on=day, where=city, stop=stop, source=source, quote=text)
        a.posts.create(title="Minister", country=a.country)
        pact = Agreement.objects.create(name=f"Pact {i}", date=day)
        pact.parties.set([factories.country("US"), factories.country("FR")])
        Citation.objects.create(article=source, agreement=pact, start=0, end=len(text), quote=text)


def count_queries(client, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries)


CASES = [
    (route, fmt)
    for route in ("api:trips", "api:engagements", "api:officials", "api:agreements")
    for fmt in (None, "csv", "json", "geojson", "ics")
    if fmt not in ("geojson", "ics") or route in ("api:trips", "api:engagements")
]


@pytest.mark.parametrize(("route", "fmt"), CASES)
def test_queries_do_not_grow_with_results(
    analyst_client, route: str, fmt: str | None, django_assert_max_num_queries
):
    params = {"format": fmt, "country": "FR"} if fmt else {"country": "FR"}
    add_facts(2, 0)
    few = count_queries(analyst_client, reverse(route), params)
    add_facts(10, 2)
    with django_assert_max_num_queries(few):
        response = analyst_client.get(reverse(route), params)
    assert response.status_code == 200
    # session, user, permissions, country check, count/rows and one per prefetched relation
    assert few <= 13


def test_token_requests_take_a_bounded_number_of_queries(
    token_client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(11):
        assert token_client.get(reverse("api:trips")).status_code == 200
