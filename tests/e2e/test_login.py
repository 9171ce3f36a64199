from datetime import date

import pytest

from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_analyst_logs_in_and_sees_what_the_record_holds(
    page, live_server, analyst, screenshot_dir
):
    blinken = factories.official("Antony Blinken", "US")
    paris = factories.place("Paris", "FR", 48.85, 2.35)
    factories.trip(blinken, [(paris, date(2021, 10, 4), date(2021, 10, 6))])

    log_in(page, live_server, analyst.username, PASSWORD)

    counts = page.locator("ul.counts")
    assert counts.get_by_role("link", name="1 Trips").is_visible()
    assert counts.get_by_role("link", name="1 Officials").is_visible()
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="Trips").is_visible()
    assert nav.get_by_role("link", name="Review").count() == 0
    page.screenshot(path=str(screenshot_dir / "home.png"), full_page=True)

    nav.get_by_role("link", name="Trips").click()
    page.get_by_role("link", name="Paris", exact=True).click()
    assert page.get_by_role("heading", name="Paris, France").is_visible()

    page.get_by_role("button", name="Log out").click()
    assert page.get_by_role("heading", name="Log in").is_visible()


def test_a_wrong_password_is_refused_with_a_message(page, live_server, analyst):
    log_in(page, live_server, analyst.username, "not-the-password")
    assert page.get_by_text("didn't match").is_visible()
    assert "/accounts/login/" in page.url
