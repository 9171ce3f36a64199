"""CAMEO codes in every export and the API: a meeting (040), a call (041), a visit (042 and
043), a signing (057); actor codes of country and role; the ?format=cameo TSV in the Phoenix
column order."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from engagements import exports
from engagements.cameo import PHOENIX_COLUMNS
from engagements.models import Agreement, Engagement, Participant, Trip
from people.models import Country, Official, Post
from tests import factories


@dataclass
class Record:
    meeting: Engagement
    call: Engagement
    visit: Engagement
    pact: Agreement
    trip: Trip


def official(name: str, code: str, title: str) -> Official:
    person = factories.official(name, code)
    Post.objects.create(official=person, title=title, country=Country.objects.get(code=code))
    return person


@pytest.fixture
def record(db) -> Record:
    blinken = official("Antony Blinken", "US", "Secretary of State")
    macron = official("Emmanuel Macron", "FR", "President")
    wang = official("Wang Yi", "CN", "Foreign Minister")
    milley = official("Mark Milley", "US", "Chairman of the Joint Chiefs of Staff, General")
    paris = factories.place("Paris", "FR", 48.85, 2.35)
    source = factories.article(
        "Blinken met Macron in Paris.", source="Wire", url="https://wire.example/a"
    )
    trip = factories.trip(blinken, [(paris, date(2021, 10, 4), date(2021, 10, 6))])
    meeting = factories.engagement(
        [blinken, macron], on=date(2021, 10, 5), where=paris, status="held", source=source
    )
    call = factories.engagement([blinken, wang], kind="call", on=date(2021, 10, 7), status="held")
    visit = factories.engagement(
        [blinken, milley], kind="visit", on=date(2021, 10, 4), where=paris, status="held"
    )
    Participant.objects.filter(engagement=visit).update(role=Participant.Role.GUEST)
    pact = Agreement.objects.create(
        name="AUKUS", kind="security", status="signed", date=date(2021, 9, 15)
    )
    pact.parties.set(Country.objects.filter(code__in=["US", "GB", "AU"]))
    return Record(meeting=meeting, call=call, visit=visit, pact=pact, trip=trip)


def tsv(response) -> list[dict[str, str]]:
    assert response["Content-Type"].startswith("text/tab-separated-values")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter="\t"))
    assert tuple(rows[0]) == PHOENIX_COLUMNS  # the Phoenix column order, as a header
    assert all(len(row) == len(PHOENIX_COLUMNS) for row in rows)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def dyads(rows: list[dict[str, str]], event_id_prefix: str) -> set[tuple[str, str, str]]:
    return {
        (r["SourceActorFull"], r["TargetActorFull"], r["EventCode"])
        for r in rows
        if r["EventID"].startswith(event_id_prefix)
    }


def test_the_cameo_export_of_engagements_gives_a_row_per_pair(record, analyst_client):
    response = analyst_client.get("/api/engagements?format=cameo")
    assert response["Content-Disposition"] == 'attachment; filename="engagements.tsv"'
    rows = tsv(response)
    assert dyads(rows, f"engagement-{record.meeting.pk}-") == {
        ("USAGOV", "FRAGOV", "040"),
        ("FRAGOV", "USAGOV", "040"),
    }
    assert dyads(rows, f"engagement-{record.call.pk}-") == {
        ("USAGOV", "CHNGOV", "041"),
        ("CHNGOV", "USAGOV", "041"),
    }
    # a visit with no host named: the traveller -> the host government 042, and back 043;
    # the general travels as the military (USAMIL)
    assert dyads(rows, f"engagement-{record.visit.pk}-") == {
        ("USAGOV", "FRAGOV", "042"),
        ("FRAGOV", "USAGOV", "043"),
        ("USAMIL", "FRAGOV", "042"),
        ("FRAGOV", "USAMIL", "043"),
    }
    meeting = next(r for r in rows if r["EventID"] == f"engagement-{record.meeting.pk}-1")
    assert (meeting["Date"], meeting["Year"], meeting["Month"], meeting["Day"]) == (
        "20211005",
        "2021",
        "10",
        "5",
    )
    assert (meeting["SourceActorEntity"], meeting["SourceActorRole"]) == ("USA", "GOV")
    assert (meeting["EventRootCode"], meeting["QuadClass"], meeting["GoldsteinScore"]) == (
        "04",
        "1",
        "1",
    )
    assert (meeting["LocationName"], meeting["CountryCode"]) == ("Paris", "FRA")
    assert (meeting["Lat"], meeting["Lon"]) == ("48.85", "2.35")
    assert meeting["URLs"] == "https://wire.example/a" and meeting["NewsSources"] == "Wire"


def test_the_cameo_export_of_agreements_gives_057_between_the_parties(record, analyst_client):
    rows = tsv(analyst_client.get("/api/agreements?format=cameo"))
    assert dyads(rows, f"agreement-{record.pact.pk}-") == {
        (a, b, "057")
        for a in ("AUSGOV", "GBRGOV", "USAGOV")
        for b in ("AUSGOV", "GBRGOV", "USAGOV")
        if a != b
    }
    assert {r["Date"] for r in rows} == {"20210915"}
    page = analyst_client.get(reverse("engagements:agreements"), {"format": "cameo"})
    assert len(tsv(page)) == 6
    assert page["Content-Disposition"] == 'attachment; filename="agreements.tsv"'


def test_a_trips_stop_abroad_is_a_visit_in_the_cameo_export(record, analyst_client):
    rows = tsv(analyst_client.get(record.trip.get_absolute_url(), {"format": "cameo"}))
    assert dyads(rows, "stop-") == {("USAGOV", "FRAGOV", "042"), ("FRAGOV", "USAGOV", "043")}
    api = tsv(analyst_client.get("/api/trips?format=cameo"))
    assert dyads(api, "stop-") == dyads(rows, "stop-")


def test_csv_exports_carry_event_and_actor_codes(record):
    rows = {
        int(r["id"]): r
        for r in csv.DictReader(
            io.StringIO(exports.export_csv(Engagement.objects.all()).content.decode())
        )
    }
    assert (rows[record.meeting.pk]["cameo_code"], rows[record.meeting.pk]["cameo_actors"]) == (
        "040",
        "USAGOV; FRAGOV",
    )
    assert rows[record.call.pk]["cameo_code"] == "041"
    assert rows[record.visit.pk]["cameo_code"] == "042"
    [pact] = csv.DictReader(
        io.StringIO(exports.export_csv(Agreement.objects.all()).content.decode())
    )
    assert (pact["cameo_code"], pact["cameo_actors"]) == ("057", "AUSGOV; GBRGOV; USAGOV")
    [stop] = csv.DictReader(io.StringIO(exports.export_csv(Trip.objects.all()).content.decode()))
    assert (stop["cameo_code"], stop["traveler_cameo_actor"]) == ("042", "USAGOV")


def test_json_and_api_records_carry_the_codes(record, analyst_client):
    body = json.loads(exports.export_json(Engagement.objects.all()).content)
    call = next(r for r in body["results"] if r["id"] == record.call.pk)
    assert call["cameo"] == {
        "code": "041",
        "label": "Discuss by telephone",
        "root": "04",
        "goldstein": 1.0,
        "quad_class": 1,
    }
    assert {p["name"]: p["cameo_actor"] for p in call["participants"]} == {
        "Antony Blinken": "USAGOV",
        "Wang Yi": "CHNGOV",
    }
    visit = analyst_client.get(reverse("api:engagement", args=[record.visit.pk])).json()
    assert visit["cameo"]["code"] == "042"
    assert {"source": "FRAGOV", "target": "USAGOV", "code": "043"} in visit["cameo_dyads"]
    pact = analyst_client.get(reverse("api:agreement", args=[record.pact.pk])).json()
    assert pact["cameo"]["code"] == "057"
    assert pact["cameo_parties"] == ["AUSGOV", "GBRGOV", "USAGOV"]
    person = analyst_client.get(
        reverse("api:official", args=[record.meeting.participants.get(name="Emmanuel Macron").pk])
    ).json()
    assert person["cameo_actor"] == "FRAGOV"


def test_geojson_features_carry_the_codes(record):
    body = json.loads(exports.export_geojson(Engagement.objects.all()).content)
    codes = {f["properties"]["id"]: f["properties"]["cameo_code"] for f in body["features"]}
    assert codes == {record.meeting.pk: "040", record.visit.pk: "042"}  # the call has no place
    meeting = next(f for f in body["features"] if f["properties"]["id"] == record.meeting.pk)
    assert meeting["properties"]["cameo_actors"] == ["USAGOV", "FRAGOV"]
    stops = json.loads(exports.export_geojson(Trip.objects.all()).content)
    assert [f["properties"]["cameo_code"] for f in stops["features"]] == ["042"]


def test_cancelled_and_other_engagements_give_no_rows(record, analyst_client):
    Engagement.objects.filter(pk=record.call.pk).update(status="cancelled")
    Engagement.objects.filter(pk=record.meeting.pk).update(kind="other")
    rows = tsv(analyst_client.get("/api/engagements?format=cameo"))
    assert dyads(rows, f"engagement-{record.call.pk}-") == set()
    assert dyads(rows, f"engagement-{record.meeting.pk}-") == set()


def test_the_cameo_export_costs_the_same_queries_for_more_engagements(record):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            exports.export_cameo(Engagement.objects.all())
        return len(captured)

    before = queries()
    blinken = Official.objects.get(name="Antony Blinken")
    for day in range(10, 15):
        extra = official(f"Minister {day}", "DE", "Foreign Minister")
        factories.engagement([blinken, extra], on=date(2021, 10, day), status="held")
    assert queries() == before
