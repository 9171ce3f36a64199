from datetime import date

from django.urls import reverse

from tests.api.world import MEETING_QUOTE


def test_the_trip_list_gives_trips_with_stops_in_order_and_their_sources(analyst_client, world):
    response = analyst_client.get(reverse("api:trips"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["count"] == 2 and body["next"] is None and body["previous"] is None
    # newest first
    assert [t["id"] for t in body["results"]] == [world.spain_trip.pk, world.trip.pk]
    trip = body["results"][1]
    assert trip["title"] == "Paris and Mexico"
    assert trip["traveler"] == {
        "id": world.blinken.pk,
        "name": "Antony Blinken",
        "country": "US",
        "cameo_actor": "USAGOV",
    }
    assert (trip["start"], trip["end"]) == ("2021-10-04", "2021-10-08")
    paris, mexico = trip["stops"]  # the rejected Madrid stop is left out
    assert paris["order"] == 1 and mexico["order"] == 2
    assert paris["place"]["name"] == "Paris" and paris["place"]["country"] == "FR"
    assert (paris["place"]["latitude"], paris["place"]["longitude"]) == (48.8566, 2.3522)
    assert (paris["start"], paris["end"], paris["precision"]) == ("2021-10-04", "2021-10-06", "day")
    assert (mexico["start"], mexico["end"]) == ("2021-10-07", None)
    [citation] = paris["citations"]
    assert citation["quote"] == MEETING_QUOTE
    assert citation["title"] == "Blinken in Paris"
    assert citation["url"] == "https://news.example/blinken-paris"
    assert citation["outlet"] == "Example News"
    assert citation["published"] == "2021-10-06"
    assert (citation["start"], citation["end"]) == (0, len(MEETING_QUOTE))
    assert mexico["citations"] == []


def test_a_trip_in_detail(analyst_client, world):
    response = analyst_client.get(reverse("api:trip", args=[world.spain_trip.pk]))
    assert response.status_code == 200
    trip = response.json()
    assert trip["traveler"]["name"] == "José Manuel Albares"
    [stop] = trip["stops"]
    assert (stop["place"]["name"], stop["precision"]) == ("Madrid", "month")
    assert trip["origin"] == "extracted" and trip["review"] == "unreviewed"


def test_a_rejected_or_missing_trip_is_not_found(analyst_client, world):
    for pk in (world.rejected_trip.pk, 99999):
        response = analyst_client.get(reverse("api:trip", args=[pk]))
        assert response.status_code == 404
        assert "error" in response.json()


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_trips_filter_by_traveler_ignoring_accents_and_case(analyst_client, world):
    url = reverse("api:trips")
    assert ids(analyst_client.get(url, {"traveler": "ALBARÈS"})) == [world.spain_trip.pk]
    assert ids(analyst_client.get(url, {"traveler": "tony blinken"})) == [world.trip.pk]  # alias
    assert ids(analyst_client.get(url, {"traveler": "Macron"})) == []  # his trip was rejected


def test_trips_filter_by_a_country_visited(analyst_client, world):
    url = reverse("api:trips")
    assert ids(analyst_client.get(url, {"country": "mx"})) == [world.trip.pk]
    # Blinken's Madrid stop was rejected: only Albares visited Spain
    assert ids(analyst_client.get(url, {"country": "ES"})) == [world.spain_trip.pk]
    assert ids(analyst_client.get(url, {"country": "JP"})) == []


def test_trips_filter_by_overlapping_dates(analyst_client, world):
    url = reverse("api:trips")
    assert ids(analyst_client.get(url, {"start": "2021-10-06", "end": "2021-10-06"})) == [
        world.trip.pk
    ]
    assert ids(analyst_client.get(url, {"start": "2022-06-15"})) == [world.spain_trip.pk]
    assert ids(analyst_client.get(url, {"end": "2021-10-03"})) == []


def test_trips_filter_by_free_text(analyst_client, world):
    url = reverse("api:trips")
    assert ids(analyst_client.get(url, {"q": "mexico city"})) == [world.trip.pk]
    assert ids(analyst_client.get(url, {"q": "Tuesday in Paris"})) == [world.trip.pk]
    assert ids(analyst_client.get(url, {"q": "albares"})) == [world.spain_trip.pk]


def test_bad_trip_parameters_are_400_with_a_message(analyst_client, world):
    url = reverse("api:trips")
    for params in (
        {"start": "2021-13-01"},
        {"end": "yesterday"},
        {"start": "2022-01-02", "end": "2022-01-01"},
        {"country": "France"},
        {"country": "QQ"},
        {"kind": "meeting"},  # trips have no kind
        {"review": "rejected"},
        {"page": "0"},
        {"page_size": "lots"},
        {"format": "pdf"},
    ):
        response = analyst_client.get(url, params)
        assert response.status_code == 400, params
        assert response.json()["error"], params


def test_trips_paginate(analyst_client, world):
    url = reverse("api:trips")
    first = analyst_client.get(url, {"page_size": 1, "traveler": "a"}).json()
    assert first["count"] == 2 and len(first["results"]) == 1
    assert first["previous"] is None
    assert "page=2" in first["next"] and "traveler=a" in first["next"]
    second = analyst_client.get(first["next"]).json()
    assert second["next"] is None and "page=1" in second["previous"]
    assert {first["results"][0]["id"], second["results"][0]["id"]} == {
        world.trip.pk,
        world.spain_trip.pk,
    }
    assert analyst_client.get(url, {"page": 3, "page_size": 1}).status_code == 400


def test_page_size_is_capped(analyst_client, world):
    response = analyst_client.get(reverse("api:trips"), {"page_size": 5000})
    assert response.status_code == 200 and response.json()["count"] == 2


def test_trip_dates_in_json_match_the_record(analyst_client, world):
    trip = analyst_client.get(reverse("api:trip", args=[world.trip.pk])).json()
    assert date.fromisoformat(trip["start"]) == world.trip.start
