"""The batch page follows a running batch live (htmx polling) and stops when it is done."""

import pytest

from reports.extracting import batch_refresh
from reports.models import Article, Batch
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_progress_updates_without_a_reload(page, live_server, admin_user, screenshot_dir):
    batch = Batch.objects.create(name="Morning wires", status=Batch.Status.RUNNING)
    for i in range(4):
        Article.objects.create(batch=batch, text=f"Report number {i} about talks.")
    log_in(page, live_server, admin_user.username, PASSWORD)
    page.goto(f"{live_server.url}{batch.get_absolute_url()}")
    page.evaluate("window.__marker = 'same page'")
    assert page.locator(".n-queued").inner_text() == "4"

    # a worker finishes two articles and fails one
    first, second, third, _ = batch.articles.order_by("pk")
    Article.objects.filter(pk__in=[first.pk, second.pk]).update(status="extracted")
    Article.objects.filter(pk=third.pk).update(status="failed", error="Extraction failed: boom")
    batch_refresh(batch.pk)
    page.wait_for_function("document.querySelector('.n-extracted').textContent === '2'")
    assert page.locator(".n-failed").inner_text() == "1"
    assert page.locator("[role=progressbar]").get_attribute("aria-valuenow") == "3"

    Article.objects.filter(batch=batch, status="queued").update(status="extracted")
    batch_refresh(batch.pk)
    page.wait_for_function("document.querySelector('#progress').textContent.includes('Finished')")
    assert "Done with failures" in page.locator("#progress").inner_text()
    assert page.locator("#progress[hx-trigger]").count() == 0  # polling stopped
    assert page.evaluate("window.__marker") == "same page"
    page.screenshot(path=str(screenshot_dir / "batch-progress.png"), full_page=True)
