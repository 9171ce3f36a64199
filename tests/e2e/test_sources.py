"""An admin adds a feed on the Batches page and corrects it inline, without a reload."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reports.models import Source
from tests.conftest import PASSWORD
from tests.e2e.conftest import htmx_settled, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_admin_adds_a_source_then_edits_it_inline(page, live_server, admin_user, screenshot_dir):
    now = timezone.now()
    Source.objects.create(
        name="Broken wire",
        url="https://broken.example/feed.rss",
        interval=10,
        failures=2,
        last_error="https://broken.example/feed.rss: HTTP 500 Internal Server Error",
        last_polled_at=now,
        next_poll_at=now + timedelta(minutes=40),
    )
    log_in(page, live_server, admin_user.username, PASSWORD)
    page.goto(f"{live_server.url}/batches/")
    broken = page.locator("#sources tr.source", has_text="Broken wire")
    assert "HTTP 500 Internal Server Error" in broken.inner_text()
    assert "backing off: 2 failures in a row" in broken.inner_text()

    page.locator("details.add-source summary").click()
    form = page.get_by_role("form", name="Add a source")
    form.get_by_label("Name").fill("Morning wire")
    form.get_by_label("Feed URL").fill("https://wire.example/rss")
    form.get_by_label("Poll every (minutes)").fill("5")
    form.get_by_role("button", name="Add source").click()
    page.get_by_text("Source “Morning wire” added").wait_for()
    source = Source.objects.get(name="Morning wire")
    assert (source.interval, source.enabled) == (5, True)

    page.evaluate("window.__marker = 'same page'")
    row = page.locator(f"#source-{source.pk}")
    row.get_by_role("link", name="Edit").click()
    edit = page.get_by_role("form", name="Edit source")
    edit.get_by_label("Poll every (minutes)").fill("30")
    edit.get_by_label("Enabled").uncheck()
    edit.get_by_role("button", name="Save").click()
    page.locator(f"#source-{source.pk}.disabled").wait_for()
    assert "30 min" in page.locator(f"#source-{source.pk}").inner_text()
    assert page.evaluate("window.__marker") == "same page"  # swapped in place
    source.refresh_from_db()
    assert (source.interval, source.enabled) == (30, False)

    # Escape gives the row back unchanged
    page.locator(f"#source-{source.pk}").get_by_role("link", name="Edit").click()
    page.get_by_role("form", name="Edit source").wait_for()
    htmx_settled(page)
    page.get_by_role("form", name="Edit source").get_by_label("Name").press("Escape")
    page.locator(f"#source-{source.pk}:not(.editing)").wait_for()
    page.screenshot(path=str(screenshot_dir / "batches-sources.png"), full_page=True)
