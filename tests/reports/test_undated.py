"""A report with no date anywhere is flagged, and gains its dates when an editor sets it."""

from datetime import date

import pytest
from django.urls import reverse

from engagements import corrections
from engagements.models import Engagement
from reports.models import Article
from tests.reports.test_views import post_upload, upload

UNDATED = (
    "Blinken and Macron meet in Paris\n\n"
    "U.S. Secretary of State Antony Blinken met French President Emmanuel Macron "
    "in Paris on Tuesday."
)
FLAG = "dates could not be resolved"


@pytest.fixture
def undated(admin_client_, run_tasks) -> Article:
    with run_tasks():
        post_upload(admin_client_, [upload("paris.txt", UNDATED.encode())])
    article = Article.objects.get()
    assert (article.status, article.published) == ("extracted", None)
    return article


def test_an_undated_report_is_flagged_then_dated_by_an_editor(
    undated, admin_client_, editor_client, editor, run_tasks
):
    assert undated.title == "Blinken and Macron meet in Paris"  # its headline
    meeting = Engagement.objects.get()
    assert meeting.start is None
    assert FLAG in admin_client_.get(undated.batch.get_absolute_url()).content.decode()
    review = editor_client.get(reverse("engagements:review")).content.decode()
    assert FLAG in review and f"{undated.get_absolute_url()}#date" in review
    # an editor corrects the meeting before the date is known: the correction must survive
    corrections.engagement_correct(
        meeting, editor=editor, version=meeting.version, changes={"title": "Paris talks"}
    )

    with run_tasks():
        response = editor_client.post(
            reverse("reports:article_date", args=[undated.pk]), {"published": "2021-10-06"}
        )
    assert response.status_code == 302
    assert response["Location"] == undated.get_absolute_url()
    undated.refresh_from_db()
    assert (undated.published, undated.status) == (date(2021, 10, 6), "extracted")
    meeting = Engagement.objects.get()
    assert (meeting.start, meeting.title) == (date(2021, 10, 5), "Paris talks")  # Tuesday
    assert FLAG not in editor_client.get(reverse("engagements:review")).content.decode()
    page = editor_client.get(undated.get_absolute_url(), follow=True).content.decode()
    assert "6 Oct 2021" in page


def test_the_date_form_as_page_and_partial(undated, editor_client):
    url = reverse("reports:article_date", args=[undated.pk])
    page = editor_client.get(undated.get_absolute_url()).content.decode()
    assert 'id="date"' in page and "Set the publication date" in page
    response = editor_client.get(url)
    assert (response.status_code, response["Location"]) == (
        302,
        f"{undated.get_absolute_url()}#date",
    )
    partial = editor_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<form id="date"') and "<h1>" not in partial


def test_a_bad_date_is_refused_with_its_error(undated, editor_client):
    url = reverse("reports:article_date", args=[undated.pk])
    response = editor_client.post(url, {"published": "not a date"}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "Enter a valid date." in response.content.decode()
    response = editor_client.post(url, {"published": ""})
    assert response.status_code == 422 and "This field is required." in response.content.decode()
    undated.refresh_from_db()
    assert undated.published is None


def test_an_htmx_save_reloads_the_report_page(undated, editor_client):
    url = reverse("reports:article_date", args=[undated.pk])
    response = editor_client.post(url, {"published": "2021-10-06"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"] == undated.get_absolute_url()


def test_only_editors_and_admins_set_a_reports_date(undated, analyst_client, editor_client):
    url = reverse("reports:article_date", args=[undated.pk])
    assert analyst_client.get(url).status_code == 403
    assert analyst_client.post(url, {"published": "2021-10-06"}).status_code == 403
    assert 'id="date"' not in analyst_client.get(undated.get_absolute_url()).content.decode()
    assert editor_client.get(reverse("reports:article_date", args=[99999])).status_code == 404
    assert editor_client.put(url).status_code == 405
    undated.refresh_from_db()
    assert undated.published is None


def test_a_datelined_report_resolves_its_weekdays_from_its_own_day(admin_client_, run_tasks):
    text = UNDATED.replace("U.S. Secretary", "PARIS, October 6 (Reuters) - U.S. Secretary")
    with run_tasks():
        # the batch is dated a week later: the dateline's day wins, the batch gives its year
        post_upload(admin_client_, [upload("paris.txt", text.encode())], published="2021-10-13")
    article = Article.objects.get()
    assert article.published == date(2021, 10, 6)
    assert Engagement.objects.get().start == date(2021, 10, 5)
    assert FLAG not in admin_client_.get(article.batch.get_absolute_url()).content.decode()
