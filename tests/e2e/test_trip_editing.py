"""An editor changes a stop's dates on the trip page: the header's dates, the stop list and the
map follow without a reload (the trip-changed event); each fact has one compact action row."""

from datetime import date

import pytest

from engagements.models import Trip
from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def trip(db):
    blinken = factories.official("Antony Blinken", "US")
    paris = factories.place("Paris", "FR", 48.85, 2.35)
    berlin = factories.place("Berlin", "DE", 52.52, 13.40)
    journey = factories.trip(
        blinken,
        [
            (paris, date(2021, 10, 4), date(2021, 10, 6)),
            (berlin, date(2021, 10, 7), date(2021, 10, 8)),
        ],
    )
    return journey


def edit_stop(page, name: str, start: str, end: str) -> None:
    stop = page.locator(".stop-head", has=page.get_by_role("heading", name=name))
    stop.get_by_role("link", name="Edit stop").click()
    form = page.locator("form.inline-edit[aria-label='Edit stop']")
    form.wait_for()
    form.get_by_label("Start").fill(start)
    form.get_by_label("End").fill(end)
    form.get_by_role("button", name="Save").click()


def test_an_edited_stops_dates_reach_the_trip_header_without_a_reload(
    page, live_server, editor, trip, screenshot_dir
):
    log_in(page, live_server, editor.username, PASSWORD)
    page.goto(f"{live_server.url}{trip.get_absolute_url()}")
    header = page.locator(".trip-head .meta")
    assert "4 Oct 2021 – 8 Oct 2021" in header.inner_text()
    page.evaluate("window.__marker = 'no reload'")

    edit_stop(page, "Berlin, Germany", "2021-10-09", "2021-10-12")
    page.wait_for_function(
        "document.querySelector('.trip-head .meta').textContent.includes('12 Oct 2021')"
    )
    assert "4 Oct 2021 – 12 Oct 2021" in header.inner_text()
    gap = page.locator(".itinerary .gap")
    gap.wait_for()
    assert gap.inner_text() == "2 days between stops"  # the stop list followed too

    # moved after Berlin, Paris becomes the second stop: list, header and map follow
    edit_stop(page, "Paris, France", "2021-10-14", "2021-10-15")
    page.wait_for_function(
        "document.querySelector('.trip-head .meta').textContent.includes('9 Oct 2021 – 15 Oct')"
    )
    page.wait_for_function(
        "document.querySelector('.itinerary .stop h2').textContent.startsWith('Berlin')"
    )
    page.wait_for_function(
        "Array.from(document.querySelectorAll('#trip-map text'))"
        ".some(t => t.textContent.trim() === '1. Berlin')"
    )
    assert page.locator("h1").inner_text() == "Antony Blinken: Berlin → Paris"
    assert page.evaluate("window.__marker") == "no reload"
    trip = Trip.objects.get()
    assert (trip.start, trip.end) == (date(2021, 10, 9), date(2021, 10, 15))

    page.screenshot(path=str(screenshot_dir / "trip-editor.png"), full_page=True)
    # every fact has one action row; the rarer actions wait in its More menu
    first = page.locator(".stop-head").first
    assert first.locator(".fact-actions").count() == 1
    assert first.get_by_role("button", name="Split trip here").is_visible() is False
    first.locator("summary", has_text="More").click()
    assert first.get_by_role("link", name="History").is_visible()
    page.screenshot(path=str(screenshot_dir / "trip-editor-menu.png"), full_page=True)


def test_verifying_a_stop_swaps_its_row_and_keeps_the_page(page, live_server, editor, trip):
    log_in(page, live_server, editor.username, PASSWORD)
    page.goto(f"{live_server.url}{trip.get_absolute_url()}")
    page.evaluate("window.__marker = 'no reload'")
    berlin = page.locator(".stop-head", has=page.get_by_role("heading", name="Berlin, Germany"))
    berlin.get_by_role("button", name="Verify").click()
    page.wait_for_selector(".stop-head .verified")
    assert page.evaluate("window.__marker") == "no reload"
    assert trip.stops.get(order=2).review == "verified"


def test_an_analyst_sees_the_trip_without_actions(page, live_server, analyst, trip):
    log_in(page, live_server, analyst.username, PASSWORD)
    page.goto(f"{live_server.url}{trip.get_absolute_url()}")
    assert page.locator(".fact-actions").count() == 0
    assert "4 Oct 2021 – 8 Oct 2021" in page.locator(".trip-head").inner_text()
