"""Sources on the Batches page: everyone sees them and how their polls went; admins add,
edit (inline, htmx) and poll them now."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import Batch, Source
from tests.feeds import Item
from tests.reports.test_sources import ITEMS, feeds  # noqa: F401 - the feed server fixture

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def failing(db) -> Source:
    now = timezone.now()
    return Source.objects.create(
        name="Broken wire",
        url="https://broken.example/feed.rss",
        interval=10,
        failures=2,
        last_error="https://broken.example/feed.rss: HTTP 500 Internal Server Error",
        last_result="failed: HTTP 500",
        last_polled_at=now,
        next_poll_at=now + timedelta(minutes=40),
    )


def test_the_batches_page_shows_each_source_with_its_last_error_and_next_poll(
    analyst_client, failing
):
    page = analyst_client.get(reverse("reports:batches")).content.decode()
    assert 'id="sources"' in page
    assert "Broken wire" in page and "https://broken.example/feed.rss" in page
    assert "HTTP 500 Internal Server Error" in page
    assert "backing off: 2 failures in a row" in page
    # analysts read; they get no controls
    assert "Poll now" not in page and "Add a source" not in page
    assert reverse("reports:source_edit", args=[failing.pk]) not in page


def test_admins_get_the_controls(admin_client_, failing):
    page = admin_client_.get(reverse("reports:batches")).content.decode()
    assert "Add a source" in page
    assert "Poll now" in page
    assert f'hx-get="{reverse("reports:source_edit", args=[failing.pk])}"' in page


def test_an_admin_adds_a_source_and_it_is_due_at_once(admin_client_):
    response = admin_client_.post(
        reverse("reports:source_add"),
        {"name": "Wire", "url": "https://wire.example/rss", "interval": "5", "enabled": "on"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Source “Wire” added" in response.content.decode()
    source = Source.objects.get()
    assert (source.url, source.interval, source.enabled) == ("https://wire.example/rss", 5, True)
    assert source.is_due()


def test_a_bad_source_is_refused_with_its_errors(admin_client_, failing):
    for data, error in [
        ({"name": "F", "url": "ftp://files.example/feed", "interval": "5"}, "Only http://"),
        ({"name": "F", "url": failing.url, "interval": "5"}, "exists already"),
        ({"name": "F", "url": "https://ok.example/feed", "interval": "0"}, "greater than"),
    ]:
        response = admin_client_.post(reverse("reports:source_add"), data)
        assert response.status_code == 422
        assert error in response.content.decode()
    assert Source.objects.count() == 1


def test_only_admins_may_add_edit_or_poll_sources(analyst_client, editor_client, failing):
    for client in (analyst_client, editor_client):
        assert client.post(reverse("reports:source_add"), {"name": "x"}).status_code == 403
        edit = reverse("reports:source_edit", args=[failing.pk])
        assert client.get(edit).status_code == 403
        assert client.post(reverse("reports:source_poll", args=[failing.pk])).status_code == 403
    assert Source.objects.count() == 1


def test_the_edit_form_is_a_partial_for_htmx_and_a_page_otherwise(admin_client_, failing):
    edit = reverse("reports:source_edit", args=[failing.pk])
    partial = admin_client_.get(edit, **HTMX).content.decode()
    assert partial.startswith(f'<tr id="source-{failing.pk}" class="source editing">')
    assert "<html" not in partial
    assert 'value="Broken wire"' in partial
    page = admin_client_.get(edit).content.decode()
    assert "<html" in page and 'aria-label="Edit source"' in page
    row = admin_client_.get(reverse("reports:source_row", args=[failing.pk]), **HTMX)
    assert row.content.decode().startswith(f'<tr id="source-{failing.pk}" class="source')


def test_saving_the_inline_form_returns_the_row_and_a_new_interval_moves_the_next_poll(
    admin_client_, failing
):
    edit = reverse("reports:source_edit", args=[failing.pk])
    data = {"name": "Mended wire", "url": failing.url, "interval": "30"}  # and disabled
    response = admin_client_.post(edit, data, **HTMX)
    assert response.status_code == 200
    row = response.content.decode()
    assert row.startswith(f'<tr id="source-{failing.pk}" class="source disabled failing">')
    assert "Mended wire" in row and "disabled" in row
    failing.refresh_from_db()
    assert (failing.name, failing.interval, failing.enabled) == ("Mended wire", 30, False)
    # two failures in a row: 30 minutes doubled twice after the last poll
    assert failing.next_poll_at - failing.last_polled_at == timedelta(minutes=120)

    invalid = admin_client_.post(edit, {**data, "interval": "-1"}, **HTMX)
    assert invalid.status_code == 422
    assert "editing" in invalid.content.decode()


def test_unknown_sources_and_wrong_methods(admin_client_):
    assert admin_client_.get(reverse("reports:source_edit", args=[999])).status_code == 404
    assert admin_client_.get(reverse("reports:source_row", args=[999])).status_code == 404
    assert admin_client_.post(reverse("reports:source_poll", args=[999])).status_code == 404
    assert admin_client_.get(reverse("reports:source_poll", args=[1])).status_code == 405
    assert admin_client_.post(reverse("reports:source_row", args=[1])).status_code == 405


def test_poll_now_polls_the_source_and_its_batch_is_listed(admin_client_, feeds, run_tasks):  # noqa: F811
    url = feeds.feed("/now.rss", ITEMS + [Item("https://wire.example/x", "X", ITEMS[0].text)])
    source = Source.objects.create(
        name="Wire", url=url, next_poll_at=timezone.now() + timedelta(hours=1)
    )
    with run_tasks():
        response = admin_client_.post(reverse("reports:source_poll", args=[source.pk]))
    assert response.status_code == 302
    page = admin_client_.get(response["Location"]).content.decode()
    assert "Polling “Wire”" in page
    batch = Batch.objects.get(feed=source)
    # two stories: the third item repeats the first one's text
    assert batch.articles.count() == 2
    assert reverse("reports:batch", args=[batch.pk]) in page
    source.refresh_from_db()
    assert source.last_result == f"2 new report(s) in batch {batch.pk}"

    response = admin_client_.post(reverse("reports:source_poll", args=[source.pk]), **HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("reports:batches") + "#sources"
