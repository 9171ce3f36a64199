from datetime import date

import pytest
from django.urls import reverse

from tests import factories


@pytest.fixture
def paris_trip(db):
    blinken = factories.official("Antony Blinken", "US", aliases=("Blinken",))
    macron = factories.official("Emmanuel Macron", "FR")
    paris = factories.place("Paris", "FR", 48.85, 2.35)
    mexico = factories.place("Mexico City", "MX", 19.43, -99.13)
    trip = factories.trip(
        blinken,
        [(paris, date(2021, 10, 4), date(2021, 10, 6)), (mexico, date(2021, 10, 7), None)],
    )
    source = factories.article(
        "Blinken met French President Emmanuel Macron on Tuesday in Paris.",
        title="Blinken in Paris",
    )
    factories.engagement(
        [blinken, macron],
        on=date(2021, 10, 5),
        where=paris,
        stop=trip.stops.get(order=1),
        source=source,
        quote="Blinken met French President Emmanuel Macron on Tuesday",
        status="held",
    )
    return trip


def test_home_counts_what_the_record_holds(analyst_client, paris_trip):
    page = analyst_client.get(reverse("home")).content.decode()
    assert "<strong>1</strong> Trips" in page
    assert "<strong>2</strong> Stops" in page
    assert "<strong>1</strong> Engagements" in page
    assert "<strong>2</strong> Officials" in page
    assert "Blinken in Paris" in page


def test_the_trip_page_lists_stops_in_order_with_dates_and_a_map(analyst_client, paris_trip):
    page = analyst_client.get(paris_trip.get_absolute_url()).content.decode()
    assert page.index("Paris, France") < page.index("Mexico City, Mexico")
    assert "4 Oct 2021 – 6 Oct 2021" in page
    assert "Show 1 engagement" in page
    assert "<svg" in page and "1. Paris" in page and "2. Mexico City" in page
    assert reverse("engagements:world_svg") in page


def test_expanding_a_stop_shows_its_meetings_with_counterparts_and_status(
    analyst_client, paris_trip
):
    stop = paris_trip.stops.get(order=1)
    url = reverse("engagements:stop", args=[paris_trip.pk, stop.pk])
    fragment = analyst_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<ul class="engagements"')
    assert "Emmanuel Macron" in fragment and "(FR)" in fragment
    assert '<span class="status held">Held</span>' in fragment
    assert "Source: " in fragment
    # without JavaScript the link opens the trip page with that stop expanded
    response = analyst_client.get(url)
    assert response.status_code == 302
    page = analyst_client.get(response["Location"]).content.decode()
    assert 'class="engagements"' in page and "Emmanuel Macron" in page


def test_a_source_link_shows_the_sentence_highlighted_in_its_paragraph(analyst_client, paris_trip):
    meeting = paris_trip.stops.get(order=1).engagements.get()
    citation = meeting.citations.get()
    url = reverse("engagements:citation", args=[citation.pk])
    fragment = analyst_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<mark>Blinken met French President Emmanuel Macron on Tuesday</mark>" in fragment
    reader = analyst_client.get(url, follow=True).content.decode()
    assert f'<mark id="cite-{citation.pk}" class="current"' in reader


def test_the_trip_list_filters_by_traveler_ignoring_accents(analyst_client, paris_trip):
    response = analyst_client.get(reverse("engagements:trips"), {"traveler": "blínken"})
    assert paris_trip.get_absolute_url() in response.content.decode()
    response = analyst_client.get(reverse("engagements:trips"), {"traveler": "Macron"})
    assert "No trips match these filters." in response.content.decode()


@pytest.mark.parametrize(
    "params, found",
    [
        ({"country": "mx"}, True),
        ({"country": "DE"}, False),
        ({"start": "2021-10-06", "end": "2021-10-31"}, True),
        ({"start": "2021-11-01"}, False),
        ({"end": "2021-10-03"}, False),
        ({"q": "mexico"}, True),
        ({"q": "tokyo"}, False),
    ],
)
def test_the_trip_list_filters_by_country_dates_and_text(analyst_client, paris_trip, params, found):
    page = analyst_client.get(reverse("engagements:trips"), params).content.decode()
    assert (paris_trip.get_absolute_url() in page) is found


def test_htmx_filtering_returns_only_the_results(analyst_client, paris_trip):
    response = analyst_client.get(
        reverse("engagements:trips"), {"traveler": "blinken"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "1 trip" in body and "<form" not in body
    assert "HX-Request" in response["Vary"]


def test_a_bad_date_range_is_explained(analyst_client, paris_trip):
    page = analyst_client.get(
        reverse("engagements:trips"), {"start": "2021-10-09", "end": "2021-10-01"}
    ).content.decode()
    assert "The start date is after the end date." in page


def test_the_world_map_is_served_without_login(client, db):
    response = client.get(reverse("engagements:world_svg"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.count(b"<path") > 150


def test_an_official_page_shows_engagements_and_trips(analyst_client, paris_trip):
    blinken = paris_trip.traveler
    page = analyst_client.get(blinken.get_absolute_url()).content.decode()
    assert "Emmanuel Macron" in page
    assert paris_trip.get_absolute_url() in page
    assert "Also known as: Blinken" in page


def test_the_official_search_finds_aliases(analyst_client, paris_trip):
    page = analyst_client.get(reverse("people:officials"), {"q": "blinken"}).content.decode()
    assert "Antony Blinken" in page and "Emmanuel Macron" not in page


def test_an_engagement_page_shows_participants_and_the_cited_sentence(analyst_client, paris_trip):
    meeting = paris_trip.stops.get(order=1).engagements.get()
    page = analyst_client.get(meeting.get_absolute_url()).content.decode()
    assert "Emmanuel Macron" in page and "Antony Blinken" in page
    assert "<q><mark>Blinken met French President Emmanuel Macron on Tuesday</mark></q>" in page


def test_rejected_engagements_are_hidden_from_lists(analyst_client, paris_trip):
    meeting = paris_trip.stops.get(order=1).engagements.get()
    meeting.review = "rejected"
    meeting.save()
    page = analyst_client.get(reverse("engagements:engagements")).content.decode()
    assert "No engagements match these filters." in page


def test_report_text_is_escaped(analyst_client, db):
    source = factories.article("<script>alert('x')</script> Blinken met Macron.")
    page = analyst_client.get(source.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    "params, found",
    [
        ({"traveler": "macron"}, True),
        ({"traveler": "ebrard"}, False),
        ({"country": "FR"}, True),
        ({"country": "JP"}, False),
        ({"kind": "meeting", "status": "held"}, True),
        ({"status": "scheduled"}, False),
        ({"start": "2021-10-05", "end": "2021-10-05"}, True),
        ({"start": "2021-10-06"}, False),
    ],
)
def test_the_engagement_list_filters(analyst_client, paris_trip, params, found):
    meeting = paris_trip.stops.get(order=1).engagements.get()
    page = analyst_client.get(reverse("engagements:engagements"), params).content.decode()
    assert (meeting.get_absolute_url() in page) is found


def test_an_officials_engagements_are_listed_in_full(analyst_client, paris_trip):
    meeting = paris_trip.stops.get(order=1).engagements.get()
    url = reverse("engagements:engagements")
    page = analyst_client.get(url, {"official": paris_trip.traveler.pk}).content.decode()
    assert meeting.get_absolute_url() in page and "1 engagement" in page


def test_page_downloads_honour_the_filters(analyst_client, paris_trip):
    import csv
    import io
    import json

    import icalendar

    url = reverse("engagements:trips")
    listing = analyst_client.get(url, {"traveler": "blinken"}).content.decode()
    assert "traveler=blinken&amp;format=csv" in listing
    rows = list(
        csv.DictReader(
            io.StringIO(
                analyst_client.get(url, {"traveler": "blinken", "format": "csv"}).content.decode()
            )
        )
    )
    assert len(rows) == 2  # one row per stop
    assert (
        analyst_client.get(url, {"traveler": "macron", "format": "csv"})
        .content.decode()
        .count("\n")
        == 1
    )

    engagements = reverse("engagements:engagements")
    data = json.loads(analyst_client.get(engagements, {"country": "FR", "format": "json"}).content)
    assert data["count"] == 1
    assert {p["name"] for p in data["results"][0]["participants"]} == {
        "Antony Blinken",
        "Emmanuel Macron",
    }
    calendar = icalendar.Calendar.from_ical(
        analyst_client.get(paris_trip.get_absolute_url(), {"format": "ics"}).content
    )
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]


def test_lists_filter_by_origin(analyst_client, paris_trip):
    url = reverse("engagements:trips")
    assert (
        paris_trip.get_absolute_url()
        in analyst_client.get(url, {"origin": "extracted"}).content.decode()
    )
    assert (
        paris_trip.get_absolute_url()
        not in analyst_client.get(url, {"origin": "record"}).content.decode()
    )
    meeting = paris_trip.stops.get(order=1).engagements.get()
    url = reverse("engagements:engagements")
    assert (
        meeting.get_absolute_url()
        not in analyst_client.get(url, {"origin": "record"}).content.decode()
    )


def test_an_agreement_page_lists_parties_and_engagements_of_its_reports(analyst_client, paris_trip):
    from engagements.models import Agreement, Citation

    meeting = paris_trip.stops.get(order=1).engagements.get()
    source = meeting.citations.get().article
    pact = Agreement.objects.create(name="Paris Accord on Submarines")
    pact.parties.add(factories.country("US"), factories.country("FR"))
    Citation.objects.create(article=source, agreement=pact, start=0, end=10, quote=source.text[:10])
    page = analyst_client.get(pact.get_absolute_url()).content.decode()
    assert "France" in page and "United States" in page
    assert meeting.get_absolute_url() in page
    listing = analyst_client.get(
        reverse("engagements:agreements"), {"q": "submarines", "party": "fr"}
    )
    assert pact.get_absolute_url() in listing.content.decode()
    listing = analyst_client.get(reverse("engagements:agreements"), {"party": "JP"})
    assert pact.get_absolute_url() not in listing.content.decode()
