"""The reconciliation page: record stops beside extracted ones, and accepting record dates."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from engagements.models import Place, Stop
from engagements.reconcile import places_match, reconcile
from tests import factories

pytestmark = [pytest.mark.django_db]

URL = "/record/reconcile/"


@pytest.fixture
def imported(blinken_file):
    call_command(
        "import_travels", str(blinken_file), "--no-progress", stdout=StringIO(), stderr=StringIO()
    )
    return Stop.objects.get(record_id="travels:4024").trip.traveler


@pytest.fixture
def news(imported):
    """What the news said of the same October 2021 journey (one wrong date, one extra stop)."""
    paris = Place.objects.get(normalized="paris", country__code="FR")
    mexico = factories.place("Ciudad de México", "MX")
    stanford = factories.place("Stanford University", "US")
    trip = factories.trip(
        imported,
        [
            (paris, date(2021, 10, 5), date(2021, 10, 6)),
            (stanford, date(2021, 10, 1), date(2021, 10, 31)),
            (mexico, date(2021, 10, 7), date(2021, 10, 8)),
        ],
    )
    Stop.objects.filter(trip=trip, place=stanford).update(precision="month")
    # Mexico City under another name: matched by the record's place only if the names agree,
    # so give the news stop the record's city instead
    mexico_city = Place.objects.get(normalized="mexico city", country__code="MX")
    Stop.objects.filter(trip=trip, place=mexico).update(place=mexico_city)
    return trip


def test_selector_matches_by_place_and_dates(imported, news):
    result = reconcile(traveler=imported, start=date(2021, 10, 1), end=date(2021, 10, 31))
    matched = {(p.news.place.name, p.record.place.name) for p in result.matches}
    assert matched == {("Paris", "Paris"), ("Mexico City", "Mexico City")}
    assert [s.place.name for s in result.news_only] == ["Stanford University"]
    assert {s.place.name for s in result.record_only} >= {"Quito", "Bogota", "Rome"}
    assert result.disagreements == []


def test_same_place_other_dates_is_a_disagreement(imported, news):
    Stop.objects.filter(trip=news, place__normalized="paris").update(
        start=date(2021, 10, 12), end=date(2021, 10, 13)
    )
    result = reconcile(traveler=imported, start=date(2021, 10, 1), end=date(2021, 10, 31))
    assert [(p.news.place.name, p.record.start) for p in result.disagreements] == [
        ("Paris", date(2021, 10, 4))
    ]


def test_a_country_matches_a_city_in_it():
    france = factories.place("France", "FR")
    france.kind = Place.Kind.COUNTRY
    paris = factories.place("Paris", "FR")
    lyon = factories.place("Lyon", "FR")
    assert places_match(france, paris)
    assert not places_match(paris, lyon)


def test_page_shows_matches_and_news_only(analyst_client, imported, news):
    response = analyst_client.get(
        URL, {"traveler": "Antony Blinken", "start": "2021-10-01", "end": "2021-10-31"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    matches = body.split('id="matches"')[1].split("</section>")[0]
    assert "Paris" in matches and "Mexico City" in matches
    news_only = body.split('id="news-only"')[1].split("</section>")[0]
    assert "Stanford University" in news_only
    assert reverse("engagements:trip", args=[news.pk]) in body
    # analysts see no accept button
    assert "Accept the record" not in body


def test_page_by_id_and_editor_sees_the_button(editor_client, imported, news):
    response = editor_client.get(
        URL, {"traveler": str(imported.pk), "start": "2021-10-01", "end": "2021-10-31"}
    )
    assert response.status_code == 200
    assert "Accept the record" in response.content.decode()


def test_unknown_traveler_and_bad_dates(analyst_client, imported):
    assert "No official" in analyst_client.get(URL, {"traveler": "Nobody Atall"}).content.decode()
    body = analyst_client.get(URL, {"traveler": "Blinken", "start": "soon"}).content.decode()
    assert "YYYY-MM-DD" in body


def test_accept_record_dates(editor_client, imported, news):
    paris_news = Stop.objects.get(trip=news, place__normalized="paris")
    paris_record = Stop.objects.get(record_id="travels:4024")
    response = editor_client.post(
        URL + "accept/", {"stop": paris_news.pk, "record": paris_record.pk, "next": URL}
    )
    assert response.status_code == 303
    paris_news.refresh_from_db()
    assert (paris_news.start, paris_news.end, paris_news.precision) == (
        date(2021, 10, 4),
        date(2021, 10, 6),
        "day",
    )
    assert set(paris_news.edited_fields) >= {"start", "end", "precision"}
    assert paris_news.version == 2
    news.refresh_from_db()
    assert news.start == date(2021, 10, 1)
    ordered = list(news.stops.values_list("place__normalized", flat=True))
    assert ordered == ["stanford university", "paris", "mexico city"]


def test_accept_is_forbidden_to_analysts(analyst_client, imported, news):
    paris_news = Stop.objects.get(trip=news, place__normalized="paris")
    paris_record = Stop.objects.get(record_id="travels:4024")
    response = analyst_client.post(
        URL + "accept/", {"stop": paris_news.pk, "record": paris_record.pk}
    )
    assert response.status_code == 403
    paris_news.refresh_from_db()
    assert paris_news.start == date(2021, 10, 5)


def test_accept_only_by_post_and_page_needs_login(editor_client, client, imported):
    assert editor_client.get(URL + "accept/").status_code == 405
    response = client.get(URL, {"traveler": "Blinken"})
    assert response.status_code == 302 and "login" in response["Location"]


def test_outsider_is_forbidden(outsider_client):
    assert outsider_client.get(URL, {"traveler": "Blinken"}).status_code == 403
