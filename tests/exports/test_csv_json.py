import csv
import io
import json

from engagements import exports
from engagements.models import Agreement, Engagement, Stop, Trip
from people.models import Official
from tests.api.world import CALL_QUOTE, MEETING_QUOTE


def rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_engagements_csv_has_a_row_per_engagement_a_user_can_read(world):
    response = exports.export_csv(Engagement.objects.all())
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="engagements.csv"'
    by_id = {int(row["id"]): row for row in rows(response)}
    assert set(by_id) == {world.meeting.pk, world.call.pk, world.summit.pk, world.undated.pk}
    meeting = by_id[world.meeting.pk]
    assert meeting["kind"] == "meeting" and meeting["status"] == "held"
    assert (meeting["start"], meeting["end"], meeting["precision"]) == (
        "2021-10-05",
        "2021-10-05",
        "day",
    )
    assert (meeting["place"], meeting["country"]) == ("Paris", "FR")
    assert float(meeting["latitude"]) == 48.8566 and float(meeting["longitude"]) == 2.3522
    assert meeting["participants"] == "Antony Blinken (US, guest); Emmanuel Macron (FR, host)"
    assert meeting["quotes"] == MEETING_QUOTE
    assert meeting["sources"] == "https://news.example/blinken-paris"
    assert by_id[world.undated.pk]["start"] == ""


def test_trips_csv_has_a_row_per_visible_stop(world):
    table = rows(exports.export_csv(Trip.objects.filter(pk=world.trip.pk)))
    assert [(r["order"], r["place"], r["country"]) for r in table] == [
        ("1", "Paris", "FR"),
        ("2", "Mexico City", "MX"),
    ]
    assert {r["traveler"] for r in table} == {"Antony Blinken"}
    assert table[1]["end"] == ""


def test_a_filtered_queryset_is_exported_as_given(world):
    table = rows(exports.export_csv(Engagement.objects.filter(kind="call")))
    assert [int(r["id"]) for r in table] == [world.call.pk]
    assert table[0]["quotes"] == CALL_QUOTE


def test_csv_neutralises_spreadsheet_formulas(world):
    world.call.title = '=HYPERLINK("http://evil")'
    world.call.save()
    [row] = rows(exports.export_csv([world.call]))
    assert row["title"].startswith("'=")


def test_an_empty_queryset_still_has_a_header(db):
    response = exports.export_csv(Agreement.objects.none())
    assert response.content.decode().startswith("id,name,aliases,kind")


def test_officials_and_stops_export_as_csv(world):
    names = [r["name"] for r in rows(exports.export_csv(Official.objects.all()))]
    assert names == ["Antony Blinken", "Emmanuel Macron", "José Manuel Albares"]
    stops = rows(exports.export_csv(Stop.objects.filter(trip=world.trip)))
    assert [r["place"] for r in stops] == ["Paris", "Mexico City"]


def test_json_gives_the_api_records(world):
    response = exports.export_json(Agreement.objects.all(), filename="pacts.json")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="pacts.json"'
    body = json.loads(response.content)
    assert body["count"] == 1
    [pact] = body["results"]
    assert pact["name"] == "AUKUS" and pact["parties"] == ["AU", "GB", "US"]


def test_json_of_trips_holds_their_stops_and_sources(world):
    body = json.loads(exports.export_json(Trip.objects.all()).content)
    assert body["count"] == 2
    trip = next(t for t in body["results"] if t["id"] == world.trip.pk)
    assert [s["place"]["name"] for s in trip["stops"]] == ["Paris", "Mexico City"]
    assert trip["stops"][0]["citations"][0]["quote"] == MEETING_QUOTE


def test_rejected_facts_are_never_exported(world):
    for export in (exports.export_csv, exports.export_json):
        text = export(Engagement.objects.all()).content.decode()
        assert "Bogus" not in text and "Ghost Minister" not in text
        text = export(Agreement.objects.all()).content.decode()
        assert "Phantom Accord" not in text
        text = export(Trip.objects.all()).content.decode()
        assert "Atlantis" not in text  # the rejected trip's only stop
    stop_ids = {row["stop"] for row in rows(exports.export_csv(Trip.objects.all()))}
    assert str(world.rejected_stop.pk) not in stop_ids
    trip = json.loads(exports.export_json([world.trip]).content)["results"][0]
    assert world.rejected_stop.pk not in [stop["id"] for stop in trip["stops"]]
