"""An editor corrects a meeting inline on the trip timeline; an analyst cannot."""

from datetime import date

import pytest

from engagements.models import Engagement
from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.conftest import htmx_settled, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def trip(db):
    blinken = factories.official("Antony Blinken", "US")
    macron = factories.official("Emmanuel Macron", "FR")
    factories.official("Jean-Yves Le Drian", "FR")
    paris = factories.place("Paris", "FR", 48.85, 2.35)
    journey = factories.trip(blinken, [(paris, date(2021, 10, 4), date(2021, 10, 6))])
    source = factories.article("Blinken met Macron in Paris on Monday.", source="Wire")
    factories.engagement(
        [blinken, macron], on=date(2021, 10, 4), where=paris, stop=journey.stops.get(),
        source=source, quote="Blinken met Macron in Paris on Monday.", status="held",
    )  # fmt: skip
    return journey


def open_stop(page, live_server, trip):
    page.goto(f"{live_server.url}{trip.get_absolute_url()}")
    page.get_by_role("link", name="Show 1 engagement").click()
    row = page.locator("li.engagement").first
    row.wait_for()
    return row


def test_an_editor_corrects_date_and_participants_inline_then_verifies(
    page, live_server, editor, trip, screenshot_dir
):
    log_in(page, live_server, editor.username, PASSWORD)
    row = open_stop(page, live_server, trip)
    page.evaluate("window.__marker = 'no reload'")

    row.get_by_role("link", name="Edit").click()
    form = page.locator("form.inline-edit")
    form.wait_for()
    form.get_by_label("Start").fill("2021-10-05")
    form.get_by_label("End").fill("2021-10-05")
    form.get_by_label("Emmanuel Macron").check()
    form.get_by_label("Add a participant").fill("Le Dri")
    page.wait_for_function("document.querySelectorAll('datalist option').length > 0")
    value = page.locator("datalist option").first.get_attribute("value")
    form.get_by_label("Add a participant").fill(value)
    page.screenshot(path=str(screenshot_dir / "inline-edit.png"), full_page=True)
    form.get_by_role("button", name="Save").click()

    row = page.locator("li.engagement").first
    page.wait_for_selector("li.engagement:not(.editing)")
    text = row.inner_text()
    assert "5 Oct 2021" in text
    assert "Jean-Yves Le Drian" in text and "Emmanuel Macron" not in text

    row.get_by_role("button", name="Verify").click()
    page.wait_for_selector("li.engagement .verified")
    assert page.evaluate("window.__marker") == "no reload"

    meeting = Engagement.objects.get()
    assert meeting.start == date(2021, 10, 5) and meeting.review == "verified"
    assert {"start", "end", "participants"} <= set(meeting.edited_fields)


def test_escape_cancels_an_inline_edit(page, live_server, editor, trip):
    log_in(page, live_server, editor.username, PASSWORD)
    row = open_stop(page, live_server, trip)
    row.get_by_role("link", name="Edit").click()
    title = page.locator("form.inline-edit").get_by_label("Title")
    htmx_settled(page)
    title.fill("Something else")
    title.press("Escape")
    page.wait_for_selector("li.engagement:not(.editing)")
    assert Engagement.objects.get().title == ""


def test_an_analyst_has_no_edit_controls_and_is_refused(page, live_server, analyst, trip):
    log_in(page, live_server, analyst.username, PASSWORD)
    row = open_stop(page, live_server, trip)
    assert row.get_by_role("link", name="Edit").count() == 0
    assert row.get_by_role("button", name="Verify").count() == 0
    meeting = Engagement.objects.get()
    token = page.evaluate("JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRFToken']")
    response = page.request.post(
        f"{live_server.url}/engagements/{meeting.pk}/edit/",
        form={"version": "1", "kind": "call", "precision": "unknown", "status": "held"},
        headers={"X-CSRFToken": token, "Referer": live_server.url + "/"},
    )
    assert response.status == 403
    assert Engagement.objects.get().kind == "meeting"
