"""Editors correct stops (place, dates, move, split), officials and agreements."""

from datetime import date

import pytest
from django.urls import reverse

from engagements.models import Agreement, Stop, Trip
from tests import factories

HTMX = {"HX-Request": "true"}


@pytest.fixture
def trip(db):
    blinken = factories.official("Antony Blinken", "US", aliases=("Blinken",))
    return factories.trip(
        blinken,
        [
            (factories.place("Paris", "FR", 48.85, 2.35), date(2021, 10, 4), date(2021, 10, 6)),
            (factories.place("Mexico City", "MX", 19.4, -99.1), date(2021, 10, 7), None),
            (factories.place("Stanford", "US", 37.4, -122.2), date(2021, 10, 10), None),
        ],
    )


def stop_data(stop: Stop, **changes) -> dict:
    data = {
        "version": stop.version,
        "place": stop.place.name,
        "place_country": stop.place.country.code,
        "start": stop.start.isoformat() if stop.start else "",
        "end": stop.end.isoformat() if stop.end else "",
        "precision": stop.precision,
    }
    return {**data, **changes}


def test_a_stop_gets_a_new_place_and_dates_and_the_trip_reorders(editor_client, trip):
    stanford = trip.stops.get(order=3)
    response = editor_client.post(
        reverse("engagements:stop_edit", args=[stanford.pk]),
        stop_data(stanford, place="Brussels", place_country="BE", start="2021-10-03", end=""),
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "Brussels, Belgium" in response.content.decode()
    stanford.refresh_from_db()
    assert stanford.place.latitude is not None  # placed with the gazetteer
    assert stanford.order == 1  # now the first stop by date
    assert {"place", "start", "end"} <= set(stanford.edited_fields)
    trip.refresh_from_db()
    assert trip.start == date(2021, 10, 3)


def test_stop_edits_are_for_editors_and_conflict_checked(analyst_client, editor_client, trip):
    paris = trip.stops.get(order=1)
    url = reverse("engagements:stop_edit", args=[paris.pk])
    assert analyst_client.post(url, stop_data(paris, start="2021-10-01")).status_code == 403
    stale = stop_data(paris)
    editor_client.post(url, {**stale, "start": "2021-10-03", "end": "2021-10-06"})
    response = editor_client.post(url, {**stale, "start": "2021-10-05"}, headers=HTMX)
    assert response.status_code == 409
    assert "Someone else changed" in response.content.decode()
    paris.refresh_from_db()
    assert paris.start == date(2021, 10, 3)


def test_a_trip_splits_at_a_stop_and_a_stop_moves_back(editor_client, trip):
    mexico = trip.stops.get(order=2)
    response = editor_client.post(reverse("engagements:trip_split", args=[trip.pk, mexico.pk]))
    new = Trip.objects.exclude(pk=trip.pk).get()
    assert response.status_code == 302 and response["Location"] == new.get_absolute_url()
    assert list(trip.stops.values_list("place__name", flat=True)) == ["Paris"]
    assert list(new.stops.order_by("order").values_list("place__name", flat=True)) == [
        "Mexico City",
        "Stanford",
    ]
    editor_client.post(reverse("engagements:stop_move", args=[mexico.pk]), {"trip": trip.pk})
    assert list(trip.stops.order_by("order").values_list("place__name", flat=True)) == [
        "Paris",
        "Mexico City",
    ]


def test_splitting_at_the_first_stop_is_refused(editor_client, trip):
    first = trip.stops.get(order=1)
    response = editor_client.post(
        reverse("engagements:trip_split", args=[trip.pk, first.pk]), follow=True
    )
    assert "would leave an empty trip" in response.content.decode()
    assert Trip.objects.count() == 1


def test_an_official_is_renamed_with_aliases_country_and_a_post(editor_client, trip):
    person = trip.traveler
    url = reverse("engagements:official_edit", args=[person.pk])
    form = editor_client.get(url, headers=HTMX).content.decode()
    assert f'value="{person.version}"' in form and "Blinken</textarea>" in form
    assert f'hx-target="#official-head-{person.pk}"' in form
    response = editor_client.post(
        url,
        {
            "version": person.version,
            "name": "Antony J. Blinken",
            "country": "us",
            "aliases": "Blinken\nTony Blinken",
            "post_title": "Secretary of State",
            "post_country": "US",
        },
        headers=HTMX,
    )
    assert response.status_code == 200 and "<h1>Antony J. Blinken</h1>" in response.content.decode()
    person.refresh_from_db()
    assert set(person.aliases.values_list("alias", flat=True)) == {"Blinken", "Tony Blinken"}
    assert person.posts.get().title == "Secretary of State"
    assert {"name", "aliases", "posts"} <= set(person.edited_fields)
    # the old name still finds the person
    page = editor_client.get(reverse("people:officials"), {"q": "Tony Blinken"}).content.decode()
    assert person.get_absolute_url() in page


def test_a_bad_country_code_is_explained(editor_client, trip):
    person = trip.traveler
    response = editor_client.post(
        reverse("engagements:official_edit", args=[person.pk]),
        {"version": person.version, "name": person.name, "country": "ZZ"},
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "“ZZ” is not an ISO country code." in response.content.decode()


def test_an_agreement_is_corrected(editor_client, analyst_client, db):
    pact = Agreement.objects.create(name="AUKUS pact")
    url = reverse("engagements:agreement_edit", args=[pact.pk])
    data = {"version": 1, "name": "AUKUS", "date": "2021-09-15", "parties": "us, gb, AU"}
    assert analyst_client.post(url, data).status_code == 403
    response = editor_client.post(url, data, headers=HTMX)
    assert response.status_code == 200 and "<h1>AUKUS</h1>" in response.content.decode()
    pact.refresh_from_db()
    assert pact.date == date(2021, 9, 15)
    assert set(pact.parties.values_list("code", flat=True)) == {"US", "GB", "AU"}
    assert pact.aliases.filter(alias="AUKUS pact").exists()


def test_an_agreement_change_is_reverted_from_its_history(editor_client, db):
    pact = Agreement.objects.create(name="AUKUS")
    url = reverse("engagements:agreement_edit", args=[pact.pk])
    editor_client.post(url, {"version": 1, "name": "AUKUS pact", "date": "2021-09-16"})
    first = pact.history.order_by("history_id").first()
    editor_client.post(reverse("engagements:revert", args=["agreement", pact.pk, first.history_id]))
    pact.refresh_from_db()
    assert (pact.name, pact.date) == ("AUKUS", None)
