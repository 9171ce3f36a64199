"""?format= on the list endpoints: files of every match, with the same filters."""

import csv
import io
import json

import icalendar
from django.urls import reverse


def test_engagements_as_ics_honour_the_traveler_filter(analyst_client, world):
    response = analyst_client.get(
        reverse("api:engagements"), {"format": "ics", "traveler": "blinken"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="engagements.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert uids == {
        f"engagement-{world.call.pk}@diplomacy-tracker",
        f"engagement-{world.meeting.pk}@diplomacy-tracker",
    }


def test_engagements_as_csv_are_every_match_not_one_page(analyst_client, world):
    response = analyst_client.get(
        reverse("api:engagements"), {"format": "csv", "page_size": 1, "country": "ES"}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [int(r["id"]) for r in rows] == [world.summit.pk, world.call.pk]


def test_trips_as_geojson_are_their_stops_narrowed_by_country(analyst_client, world):
    response = analyst_client.get(reverse("api:trips"), {"format": "geojson", "country": "MX"})
    assert response["Content-Type"] == "application/geo+json"
    assert response["Content-Disposition"] == 'attachment; filename="trips.geojson"'
    collection = json.loads(response.content)
    [feature] = collection["features"]
    assert feature["properties"]["place"] == "Mexico City"
    assert feature["geometry"]["coordinates"] == [-99.1332, 19.4326]


def test_trips_as_ics_are_their_stops(analyst_client, world):
    response = analyst_client.get(reverse("api:trips"), {"format": "ics", "traveler": "blinken"})
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Antony Blinken in Paris",
        "Antony Blinken in Mexico City",
    ]


def test_officials_and_agreements_export_as_csv_and_json(analyst_client, world):
    officials = analyst_client.get(reverse("api:officials"), {"format": "json"})
    assert officials["Content-Disposition"] == 'attachment; filename="officials.json"'
    body = json.loads(officials.content)
    assert body["count"] == 3 and "Ghost Minister" not in officials.content.decode()
    agreements = analyst_client.get(reverse("api:agreements"), {"format": "csv"})
    [row] = csv.DictReader(io.StringIO(agreements.content.decode()))
    assert row["name"] == "AUKUS" and row["parties"] == "AU; GB; US"


def test_a_format_needs_the_same_permission(outsider_client, client, world):
    url = reverse("api:engagements")
    assert outsider_client.get(url, {"format": "csv"}).status_code == 403
    assert client.get(url, {"format": "csv"}).status_code == 401
