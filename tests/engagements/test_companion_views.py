"""A trip's companions on its page: "Accompanied by" links to their trips, and a companion's
trip links back to the trip it accompanies; the header partial and the API say the same."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from diplomacy.models import Review
from engagements.models import Trip
from tests import factories

HTMX = {"HX-Request": "true"}
THURSDAY = date(2023, 10, 5)


@pytest.fixture
def journey(db) -> tuple[Trip, Trip, Trip]:
    """Blinken's trip to Mexico City, with Garland and Mayorkas accompanying him."""
    mexico = factories.place("Mexico City", "MX", 19.43, -99.13)
    blinken = factories.trip(
        factories.official("Antony Blinken", "US"), [(mexico, THURSDAY, THURSDAY)]
    )
    companions = []
    for name in ("Merrick Garland", "Alejandro Mayorkas"):
        trip = factories.trip(factories.official(name, "US"), [(mexico, THURSDAY, THURSDAY)])
        trip.companion_of = blinken
        trip.save()
        companions.append(trip)
    return blinken, companions[0], companions[1]


def link(trip: Trip) -> str:
    return f'<a href="{trip.get_absolute_url()}">{trip.traveler.name}</a>'


def test_the_principals_page_lists_the_companions_linking_to_their_trips(analyst_client, journey):
    blinken, garland, mayorkas = journey
    response = analyst_client.get(blinken.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    # by name: Alejandro Mayorkas before Merrick Garland
    assert f"Accompanied by: {link(mayorkas)}, {link(garland)}" in page
    assert "Accompanying" not in page


def test_a_companions_page_links_to_the_trip_it_accompanies(analyst_client, journey):
    blinken, garland, _ = journey
    page = analyst_client.get(garland.get_absolute_url()).content.decode()
    assert f"Accompanying {link(blinken)}" in page
    assert "Accompanied by" not in page
    assert "Mexico City" in page  # the same stop


def test_the_header_partial_shows_the_links_too(analyst_client, journey):
    blinken, garland, _ = journey
    response = analyst_client.get(f"{garland.get_absolute_url()}?part=trip-head", headers=HTMX)
    assert response.status_code == 200
    part = response.content.decode()
    assert part.lstrip().startswith('<header id="trip-head-')
    assert f"Accompanying {link(blinken)}" in part


def test_a_trip_without_companions_says_nothing_of_them(analyst_client, journey):
    alone = factories.trip(
        factories.official("Wang Yi", "CN"),
        [(factories.place("Moscow", "RU", 55.75, 37.62), THURSDAY, THURSDAY)],
    )
    page = analyst_client.get(alone.get_absolute_url()).content.decode()
    assert "Accompanied by" not in page and "Accompanying" not in page


def test_rejected_trips_are_not_linked(analyst_client, journey):
    blinken, garland, mayorkas = journey
    Trip.objects.filter(pk=garland.pk).update(review=Review.REJECTED)
    page = analyst_client.get(blinken.get_absolute_url()).content.decode()
    assert f"Accompanied by: {link(mayorkas)}</p>" in page
    assert garland.get_absolute_url() not in page
    Trip.objects.filter(pk=blinken.pk).update(review=Review.REJECTED)
    page = analyst_client.get(mayorkas.get_absolute_url()).content.decode()
    assert "Accompanying" not in page


def test_the_pages_need_a_login(client, journey):
    blinken, _, _ = journey
    response = client.get(blinken.get_absolute_url())
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_api_gives_companions_and_companion_of(analyst_client, journey):
    blinken, garland, mayorkas = journey
    principal = analyst_client.get(reverse("api:trip", args=[blinken.pk])).json()
    assert principal["companion_of"] is None
    assert principal["companions"] == [
        {"id": mayorkas.pk, "traveler": {"id": mayorkas.traveler_id, "name": "Alejandro Mayorkas",
                                         "country": "US"}},
        {"id": garland.pk, "traveler": {"id": garland.traveler_id, "name": "Merrick Garland",
                                        "country": "US"}},
    ]  # fmt: skip
    companion = analyst_client.get(reverse("api:trip", args=[garland.pk])).json()
    assert companion["companion_of"] == {
        "id": blinken.pk,
        "traveler": {"id": blinken.traveler_id, "name": "Antony Blinken", "country": "US"},
    }
    assert companion["companions"] == []


def test_the_json_export_of_a_trip_gives_them_too(analyst_client, journey):
    blinken, garland, _ = journey
    response = analyst_client.get(garland.get_absolute_url(), {"format": "json"})
    assert response.status_code == 200
    [record] = response.json()["results"]
    assert record["companion_of"]["id"] == blinken.pk
