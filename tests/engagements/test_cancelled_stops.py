"""A trip called off or postponed keeps its stops on the record, marked called off: on the
itinerary, in the exports, not as a visit made; a later report of the trip made unmarks it,
unless an editor set the mark."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from engagements.exports import export_csv
from engagements.models import Stop, Trip
from reports.loaders import ReportInput
from reports.services import batch_create, ingest_reports

POSTPONED = (
    "Chilean President Ana Duarte has postponed her state visit to Peru, which had been planned "
    "for next week, her office said on Monday."
)
MADE = "Chilean President Ana Duarte arrived in Peru on Monday for a state visit."


def load(text: str, published: date) -> None:
    batch = batch_create(name="test")
    ingest_reports(batch=batch, reports=[ReportInput(text=text, name="r.txt", published=published)])


@pytest.mark.django_db
def test_a_postponed_trip_keeps_its_stop_marked_called_off(run_tasks, analyst_client):
    with run_tasks():
        load(POSTPONED, date(2024, 3, 4))
    (stop,) = Stop.objects.filter(trip__traveler__name="Ana Duarte")
    assert stop.cancelled
    assert stop.place.country_id and stop.place.country.code == "PE"
    page = analyst_client.get(stop.trip.get_absolute_url()).content.decode()
    assert "called off" in page
    assert 'class="stop cancelled"' in page


@pytest.mark.django_db
def test_a_later_report_of_the_trip_made_unmarks_the_stop(run_tasks):
    with run_tasks():
        load(POSTPONED, date(2024, 3, 4))
        load(MADE, date(2024, 3, 12))
    stops = Stop.objects.filter(trip__traveler__name="Ana Duarte", place__country__code="PE")
    assert stops.count() == 1
    assert not stops.get().cancelled


@pytest.mark.django_db
def test_exports_mark_a_called_off_stop_and_count_no_visit_for_it(run_tasks):
    with run_tasks():
        load(POSTPONED, date(2024, 3, 4))
    trips = Trip.objects.filter(traveler__name="Ana Duarte")
    response = export_csv(trips)
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["cancelled"] in ("True", "true", "1")
    assert row["cameo_code"] == ""


@pytest.mark.django_db
def test_an_editor_marking_a_stop_called_off_sticks(run_tasks, editor_client):
    with run_tasks():
        load(MADE, date(2024, 3, 12))
    stop = Stop.objects.get(trip__traveler__name="Ana Duarte")
    assert not stop.cancelled
    url = reverse("engagements:stop_edit", args=[stop.pk])
    form = {
        "version": stop.version,
        "place": stop.place.name,
        "place_country": "PE",
        "start": stop.start.isoformat() if stop.start else "",
        "end": stop.end.isoformat() if stop.end else "",
        "precision": stop.precision,
        "cancelled": "on",
    }
    response = editor_client.post(url, form, headers={"HX-Request": "true"})
    assert response.status_code in (200, 302)
    stop.refresh_from_db()
    assert stop.cancelled and "cancelled" in stop.edited_fields
    with run_tasks():
        load(MADE.replace("Monday", "Tuesday"), date(2024, 3, 13))
    stop.refresh_from_db()
    assert stop.cancelled


@pytest.mark.django_db
def test_the_route_map_leaves_out_a_called_off_stop(run_tasks, analyst_client):
    with run_tasks():
        load(POSTPONED, date(2024, 3, 4))
    trip = Trip.objects.get(traveler__name="Ana Duarte")
    page = analyst_client.get(trip.get_absolute_url()).content.decode()
    assert "called off" in page
    assert 'class="stop-point"' not in page
