"""An analyst goes from a trip to the trips of those accompanying the traveler, and back."""

from datetime import date

import pytest

from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_analyst_follows_the_companion_links(page, live_server, analyst, screenshot_dir):
    mexico = factories.place("Mexico City", "MX", 19.43, -99.13)
    day = date(2023, 10, 5)
    blinken = factories.trip(factories.official("Antony Blinken", "US"), [(mexico, day, day)])
    garland = factories.trip(factories.official("Merrick Garland", "US"), [(mexico, day, day)])
    garland.companion_of = blinken
    garland.save()

    log_in(page, live_server, analyst.username, PASSWORD)
    page.goto(f"{live_server.url}{blinken.get_absolute_url()}")
    head = page.locator("header.trip-head")
    assert "Accompanied by: Merrick Garland" in head.inner_text()
    head.get_by_role("link", name="Merrick Garland").click()
    page.wait_for_url(f"**{garland.get_absolute_url()}")
    assert "Accompanying Antony Blinken" in page.locator("header.trip-head").inner_text()
    assert "Mexico City" in page.locator("#itinerary").inner_text()
    page.screenshot(path=str(screenshot_dir / "companion-trip.png"))

    page.locator("header.trip-head").get_by_role("link", name="Antony Blinken").last.click()
    page.wait_for_url(f"**{blinken.get_absolute_url()}")
