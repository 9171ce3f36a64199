"""An analyst filters trips, opens one, expands a stop and reads a fact's source."""

from datetime import date

import pytest

from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REPORT = (
    "U.S. Secretary of State Antony Blinken arrived in Paris on Monday.\n\n"
    "Blinken met French President Emmanuel Macron at the Elysee on Tuesday, "
    "officials said, in a bid to repair ties.\n\n"
    "He then flew to Mexico City for a security dialogue."
)


@pytest.fixture
def record(db):
    blinken = factories.official("Antony Blinken", "US")
    macron = factories.official("Emmanuel Macron", "FR")
    ebrard = factories.official("Marcelo Ebrard", "MX")
    paris = factories.place("Paris", "FR", 48.85, 2.35)
    mexico = factories.place("Mexico City", "MX", 19.43, -99.13)
    source = factories.article(REPORT, title="Blinken in Paris", source="Wire")
    trip = factories.trip(
        blinken,
        [
            (paris, date(2021, 10, 4), date(2021, 10, 6)),
            (mexico, date(2021, 10, 7), date(2021, 10, 8)),
        ],
    )
    factories.engagement(
        [blinken, macron],
        on=date(2021, 10, 5),
        where=paris,
        stop=trip.stops.get(order=1),
        source=source,
        quote="Blinken met French President Emmanuel Macron at the Elysee on Tuesday",
        status="held",
    )
    factories.engagement(
        [blinken, ebrard], kind="dialogue", on=date(2021, 10, 8), where=mexico,
        stop=trip.stops.get(order=2), status="scheduled",
    )  # fmt: skip
    # another traveler's trip, earlier, that the filters must leave out
    other = factories.official("Marise Payne", "AU")
    factories.trip(other, [(paris, date(2021, 9, 1), date(2021, 9, 2))])
    return trip


def test_filter_open_expand_and_read_the_source(page, live_server, analyst, record, screenshot_dir):
    log_in(page, live_server, analyst.username, PASSWORD)
    page.goto(f"{live_server.url}/trips/")
    assert page.locator(".result-count").inner_text() == "2 trips"

    page.get_by_label("Traveler").fill("blinken")
    page.get_by_label("From").fill("2021-10-01")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/trips/?*traveler=blinken*")
    assert page.locator(".result-count").inner_text() == "1 trip"
    assert "Marise Payne" not in page.locator("#results").inner_text()
    filtered_url = page.url

    # the same URL in a fresh page shows the same results
    fresh = page.context.new_page()
    fresh.goto(filtered_url)
    assert fresh.locator(".result-count").inner_text() == "1 trip"
    assert fresh.get_by_role("link", name="Antony Blinken").is_visible()
    fresh.close()

    page.get_by_role("link", name="Paris → Mexico City").click()
    assert page.get_by_role("heading", name="Paris, France").is_visible()
    assert page.locator("figure.map svg circle").count() == 2

    # expanding a stop swaps its engagements in without a page load
    page.evaluate("window.__marker = 'same page'")
    page.locator("#stop-" + str(record.stops.get(order=1).pk)).get_by_role(
        "link", name="Show 1 engagement"
    ).click()
    meeting = page.locator("li.engagement").first
    meeting.wait_for()
    assert "Emmanuel Macron" in meeting.inner_text()
    assert "Held" in meeting.inner_text()

    meeting.get_by_role("link", name="Source: Wire, 6 Oct 2021").click()
    highlighted = page.locator(".source-context mark")
    highlighted.wait_for()
    assert highlighted.inner_text() == (
        "Blinken met French President Emmanuel Macron at the Elysee on Tuesday"
    )
    assert page.evaluate("window.__marker") == "same page"
    page.screenshot(path=str(screenshot_dir / "trip-timeline.png"), full_page=True)
    page.locator("figure.map").screenshot(path=str(screenshot_dir / "trip-map.png"))

    # the reader shows the sentence inside the whole article
    page.locator(".source-context footer a").click()
    current = page.locator("mark.current")
    assert "Emmanuel Macron at the Elysee" in current.inner_text()


def test_the_scheduled_dialogue_is_marked_as_scheduled(page, live_server, analyst, record):
    log_in(page, live_server, analyst.username, PASSWORD)
    page.goto(f"{live_server.url}{record.get_absolute_url()}")
    page.locator("#stop-" + str(record.stops.get(order=2).pk)).get_by_role(
        "link", name="Show 1 engagement"
    ).click()
    row = page.locator("li.engagement.status-scheduled")
    row.wait_for()
    assert "Scheduled" in row.inner_text() and "Marcelo Ebrard" in row.inner_text()
