"""Report text is data, never markup: tags in an article show as text on every page."""

from datetime import date

import pytest
from django.urls import reverse

from engagements.models import Citation, Engagement
from reports.loaders import ReportInput
from reports.models import Article
from reports.services import batch_create, ingest_reports

SCRIPT = '<script>alert("owned")</script>'
TEXT = (
    f"U.S. Secretary of State Antony Blinken met French President Emmanuel Macron {SCRIPT} "
    "in Paris on Tuesday, <b>officials</b> said.\n\n"
    f"<img src=x onerror=alert(1)> Blinken will travel to Mexico City on Thursday."
)


@pytest.fixture
def hostile(db, run_tasks):
    batch = batch_create(name=f"Batch {SCRIPT}")
    with run_tasks():
        ingest_reports(
            batch=batch,
            reports=[
                ReportInput(
                    text=TEXT,
                    name="hostile.txt",
                    title=f"Title {SCRIPT}",
                    source="<i>Outlet</i>",
                    published=date(2021, 10, 6),
                )
            ],
        )
    article = Article.objects.get()
    assert article.status == "extracted"
    return article


def assert_escaped(html: str) -> None:
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "<b>officials</b>" not in html
    assert "<i>Outlet</i>" not in html


def test_every_page_showing_report_text_escapes_it(editor_client, hostile):
    engagement = Engagement.objects.filter(citations__article=hostile).first()
    assert engagement is not None
    citation = Citation.objects.filter(article=hostile).first()
    trip = engagement.stop.trip if engagement.stop else None
    pages = [
        reverse("home"),
        hostile.get_absolute_url(),
        hostile.batch.get_absolute_url(),
        reverse("reports:batches"),
        engagement.get_absolute_url(),
        reverse("engagements:engagements"),
        reverse("engagements:review"),
        reverse("search") + "?q=owned",
        reverse("search") + "?q=" + SCRIPT,
        reverse("engagements:history", args=["engagement", engagement.pk]),
        reverse("engagements:engagement_edit", args=[engagement.pk]),
        reverse("engagements:citation", args=[citation.pk]) + "?x=1",
    ]
    if trip:
        pages.append(f"{trip.get_absolute_url()}?open={engagement.stop_id}")
    shown = 0
    for url in pages:
        response = editor_client.get(url, follow=True, headers={"HX-Request": "true"})
        html = response.content.decode()
        assert response.status_code == 200, url
        assert_escaped(html)
        shown += "&lt;script&gt;" in html
    assert shown >= 5  # the text really is on those pages, as text
    reader = editor_client.get(hostile.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in reader
