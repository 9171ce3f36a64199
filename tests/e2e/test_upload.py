"""On the embedded default (no broker) a large upload returns at once; extraction runs after
the response, each report under its limits, and the site keeps answering meanwhile."""

from __future__ import annotations

import time

import pytest

from reports import embedded
from reports.models import Article, Batch
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SMALL = (
    "U.S. Secretary of State Antony Blinken met French President Emmanuel Macron "
    "in Paris on Tuesday."
)


def five_megabytes(path):
    """A 5 MB report of distinct sentences (so it is nobody's near-duplicate)."""
    lines, size, i = [], 0, 0
    while size < 5 * 1024 * 1024:
        line = f"Minister Alpha{i} met President Beta{i * 7} in Lima on Tuesday for talks {i}."
        lines.append(line)
        size += len(line) + 2
        i += 1
    path.write_text("\n\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def embedded_default(settings):
    settings.EMBEDDED_EXTRACTION = True
    yield settings
    assert embedded.wait(180), "the drainer thread did not finish"


def upload(page, live_server, files) -> float:
    """Upload the files as an admin does; the seconds until the batch page is shown."""
    page.goto(f"{live_server.url}/batches/upload/")
    page.get_by_label("Files").set_input_files([str(f) for f in files])
    page.get_by_label("Date of these reports").fill("2021-10-06")
    started = time.monotonic()
    page.get_by_role("button", name="Load").click()
    page.wait_for_selector("#progress")
    return time.monotonic() - started


def test_a_5_mb_upload_returns_within_2_s_and_fails_alone_past_the_size_limit(
    page, live_server, admin_user, embedded_default, tmp_path, screenshot_dir
):
    big = five_megabytes(tmp_path / "big.txt")
    (tmp_path / "small.txt").write_text(SMALL, encoding="utf-8")
    log_in(page, live_server, admin_user.username, PASSWORD)
    elapsed = upload(page, live_server, [big, tmp_path / "small.txt"])
    assert elapsed < 2, f"the upload took {elapsed:.1f} s"
    page.wait_for_function(
        "document.querySelector('#progress').textContent.includes('Finished')", timeout=120_000
    )
    progress = page.locator("#progress").inner_text()
    assert "Done with failures" in progress
    assert "Too long to extract: 5 MB of text, over the 300 kB limit per report" in progress
    assert len(Article.objects.get(status="failed").text) > 5_000_000  # the big one
    assert Article.objects.get(text=SMALL).status == "extracted"  # the rest went on
    # the article table follows the progress panel, without a reload
    page.wait_for_function("document.querySelector('#articles').textContent.includes('Extracted')")
    assert "Too long to extract" in page.locator("#articles").inner_text()
    page.screenshot(path=str(screenshot_dir / "upload-too-long.png"), full_page=True)


def test_while_a_report_is_extracted_the_site_answers_and_a_slow_report_is_stopped(
    page, live_server, admin_user, embedded_default, tmp_path
):
    embedded_default.EXTRACTION_MAX_BYTES = 10 * 1024 * 1024  # let it be extracted...
    embedded_default.EXTRACTION_TIME_LIMIT = 20  # ...until its time is up
    big = five_megabytes(tmp_path / "big.txt")
    (tmp_path / "small.txt").write_text(SMALL, encoding="utf-8")
    log_in(page, live_server, admin_user.username, PASSWORD)
    assert upload(page, live_server, [big, tmp_path / "small.txt"]) < 2
    batch_url = page.url
    batch = Batch.objects.get()

    # the big report is being extracted, in a child process: pages still come back at once
    deadline = time.monotonic() + 15
    while Article.objects.filter(batch=batch, claimed_at=None).count() == 2:
        assert time.monotonic() < deadline, "extraction never started"
        time.sleep(0.2)
    for path in ("/", "/trips/", "/engagements/", "/batches/"):
        started = time.monotonic()
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200
        assert time.monotonic() - started < 2, f"{path} took too long"
    assert Batch.objects.get().status == Batch.Status.RUNNING  # still extracting meanwhile

    page.goto(batch_url)
    page.wait_for_function(
        "document.querySelector('#progress').textContent.includes('Finished')", timeout=120_000
    )
    progress = page.locator("#progress").inner_text()
    assert "Extraction stopped after 20 s, the time limit per report" in progress
    assert Article.objects.get(text=SMALL).status == "extracted"
