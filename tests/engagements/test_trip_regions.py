"""The trip page's regions (header, map, stop list) as htmx partials, the trip-changed event an
edit sends, the compact action row per fact and reviews answered with the reviewed block."""

import json
import re
from datetime import date

import pytest
from django.urls import reverse

from engagements.models import Agreement
from tests import factories

HTMX = {"HX-Request": "true"}


@pytest.fixture
def trip(db):
    blinken = factories.official("Antony Blinken", "US")
    paris = factories.place("Paris", "FR", 48.85, 2.35)
    berlin = factories.place("Berlin", "DE", 52.52, 13.40)
    return factories.trip(
        blinken,
        [
            (paris, date(2021, 10, 4), date(2021, 10, 6)),
            (berlin, date(2021, 10, 7), date(2021, 10, 8)),
        ],
    )


def stop_form(stop, **changes) -> dict:
    data = {
        "version": stop.version,
        "place": stop.place.name,
        "place_country": stop.place.country.code,
        "start": stop.start.isoformat(),
        "end": stop.end.isoformat(),
        "precision": stop.precision,
    }
    return {**data, **changes}


def test_the_page_has_three_regions_that_follow_the_trip_changed_event(editor_client, trip):
    page = editor_client.get(trip.get_absolute_url()).content.decode()
    for part in ("trip-head", "trip-map", "itinerary"):
        assert f'hx-get="{trip.get_absolute_url()}?part={part}' in page
    assert page.count('hx-trigger="trip-changed from:body"') == 3
    # one compact action row per fact (the trip and each stop), no bare "Trip:" label
    assert page.count('class="fact-actions"') == 3
    assert "Trip:" not in page
    # each row offers its own actions only: one stop may split the trip, only the trip merges
    assert page.count("Split trip here") == 1
    assert page.count("Merge with trip #") == 1 and "Merge with  #" not in page
    # every link htmx follows also works without it
    for tag in re.findall(r"<a\b[^>]*\bhx-get=[^>]*>", page):
        assert " href=" in tag, tag


def test_an_engagement_row_on_the_timeline_has_its_own_actions(editor_client, trip):
    paris = trip.stops.get(order=1)
    macron = factories.official("Emmanuel Macron", "FR")
    meeting = factories.engagement([trip.traveler, macron], on=date(2021, 10, 5), stop=paris)
    row = editor_client.get(
        reverse("engagements:stop", args=[trip.pk, paris.pk]), headers=HTMX
    ).content.decode()
    assert row.count('class="fact-actions"') == 1
    edit = reverse("engagements:engagement_edit", args=[meeting.pk])
    assert f'href="{edit}?traveler={trip.traveler_id}"' in row
    assert "Merge with engagement #" in row and "Split trip here" not in row


@pytest.mark.parametrize(
    ("part", "starts", "absent"),
    [
        ("trip-head", '<header id="trip-head-', 'class="itinerary"'),
        ("trip-map", '<div id="trip-map"', "<h1>"),
        ("itinerary", '<div id="itinerary"', "<h1>"),
    ],
)
def test_each_region_is_a_partial_for_htmx(analyst_client, trip, part, starts, absent):
    response = analyst_client.get(f"{trip.get_absolute_url()}?part={part}", headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "HX-Request" in response["Vary"]
    assert body.lstrip().startswith(starts) and absent not in body
    assert "<html" not in body
    # without htmx, the page
    assert "<html" in analyst_client.get(f"{trip.get_absolute_url()}?part={part}").content.decode()


def test_the_regions_keep_their_access_rules(analyst_client, outsider_client, trip):
    assert outsider_client.get(f"{trip.get_absolute_url()}?part=trip-head").status_code == 403
    assert analyst_client.get("/trips/99999/?part=trip-head", headers=HTMX).status_code == 404
    assert analyst_client.post(trip.get_absolute_url()).status_code == 405
    head = analyst_client.get(f"{trip.get_absolute_url()}?part=trip-head", headers=HTMX)
    assert "fact-actions" not in head.content.decode()


def test_saving_a_stop_sends_trip_changed_and_the_header_shows_the_new_dates(editor_client, trip):
    berlin = trip.stops.get(order=2)
    url = reverse("engagements:stop_edit", args=[berlin.pk])
    response = editor_client.post(
        url, stop_form(berlin, start="2021-10-09", end="2021-10-12"), headers=HTMX
    )
    assert response.status_code == 200
    assert (
        response.content.decode()
        .lstrip()
        .startswith(f'<div class="stop-head" id="stop-head-{berlin.pk}"')
    )
    assert json.loads(response["HX-Trigger"]) == {
        "trip-changed": {"trip": trip.pk, "stop": berlin.pk}
    }
    head = editor_client.get(f"{trip.get_absolute_url()}?part=trip-head", headers=HTMX)
    assert "4 Oct 2021 – 12 Oct 2021" in head.content.decode()
    # a plain form post is redirected to the page, no event
    plain = editor_client.post(url, stop_form(berlin.__class__.objects.get(pk=berlin.pk)))
    assert plain.status_code == 302 and "HX-Trigger" not in plain


def test_an_invalid_stop_edit_sends_no_event(editor_client, trip):
    stop = trip.stops.get(order=1)
    url = reverse("engagements:stop_edit", args=[stop.pk])
    response = editor_client.post(url, stop_form(stop, start="not a date"), headers=HTMX)
    assert response.status_code == 422 and "HX-Trigger" not in response


def test_reviewing_a_stop_answers_with_its_block_and_the_event(editor_client, trip):
    stop = trip.stops.get(order=1)
    url = reverse("engagements:fact_review", args=["stop", stop.pk])
    response = editor_client.post(url, {"review": "verified"}, headers=HTMX)
    body = response.content.decode()
    assert body.lstrip().startswith(f'<div class="stop-head" id="stop-head-{stop.pk}"')
    assert '<span class="verified">verified</span>' in body
    assert "trip-changed" in json.loads(response["HX-Trigger"])
    assert editor_client.get(url).status_code == 405


def test_reviewing_a_trip_official_or_agreement_answers_with_its_head(editor_client, trip):
    url = reverse("engagements:fact_review", args=["trip", trip.pk])
    body = editor_client.post(url, {"review": "verified"}, headers=HTMX).content.decode()
    assert body.lstrip().startswith(f'<header id="trip-head-{trip.pk}"')
    assert '<span class="verified">verified</span>' in body

    official = trip.traveler
    url = reverse("engagements:fact_review", args=["official", official.pk])
    body = editor_client.post(url, {"review": "rejected"}, headers=HTMX).content.decode()
    assert body.lstrip().startswith(f'<div class="official-head" id="official-head-{official.pk}"')

    agreement = Agreement.objects.create(name="Paris Agreement")
    url = reverse("engagements:fact_review", args=["agreement", agreement.pk])
    body = editor_client.post(url, {"review": "verified"}, headers=HTMX).content.decode()
    assert body.lstrip().startswith(
        f'<div class="agreement-head" id="agreement-head-{agreement.pk}"'
    )


def test_analysts_may_not_review(analyst_client, trip):
    url = reverse("engagements:fact_review", args=["stop", trip.stops.get(order=1).pk])
    assert analyst_client.post(url, {"review": "verified"}, headers=HTMX).status_code == 403
    url = reverse("engagements:fact_review", args=["stop", 99999])
    assert analyst_client.post(url, {"review": "verified"}).status_code == 403


def test_an_engagement_edited_inline_refreshes_the_facts_on_its_page(editor_client, trip):
    from tests.engagements.test_editing import form_data

    paris = trip.stops.get(order=1)
    meeting = factories.engagement(
        [trip.traveler], on=date(2021, 10, 5), where=paris.place, stop=paris
    )
    page = editor_client.get(meeting.get_absolute_url()).content.decode()
    assert 'hx-trigger="engagement-changed from:body"' in page
    url = reverse("engagements:engagement_edit", args=[meeting.pk])
    response = editor_client.post(url, form_data(meeting, title="Elysee talks"), headers=HTMX)
    assert json.loads(response["HX-Trigger"]) == {"engagement-changed": {"engagement": meeting.pk}}
    facts = editor_client.get(f"{meeting.get_absolute_url()}?part=facts", headers=HTMX)
    body = facts.content.decode()
    assert body.lstrip().startswith('<div id="engagement-facts"') and "Elysee talks" in body
    assert "<h2>Participants</h2>" not in body
