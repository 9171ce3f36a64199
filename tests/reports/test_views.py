"""Batch pages: upload, live progress, per-article errors, retry and re-extract."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import Article, Batch

GOOD_TEXT = (
    "U.S. Secretary of State Antony Blinken met French President Emmanuel Macron "
    "in Paris on Tuesday."
)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def post_upload(client, files, **fields):
    return client.post(reverse("reports:upload"), {"files": files, **fields}, follow=True)


def test_only_admins_may_load_reports(analyst_client, editor_client, admin_client_):
    assert analyst_client.get(reverse("reports:upload")).status_code == 403
    assert editor_client.get(reverse("reports:upload")).status_code == 403
    assert admin_client_.get(reverse("reports:upload")).status_code == 200
    response = editor_client.post(
        reverse("reports:upload"), {"files": [upload("a.txt", GOOD_TEXT.encode())]}
    )
    assert response.status_code == 403
    assert Article.objects.count() == 0


def test_bad_files_fail_one_by_one_and_the_good_ones_are_stored(admin_client_):
    files = [
        upload("good.txt", GOOD_TEXT.encode()),
        upload("good-utf16.txt", "Le Drian reçut Albares à Paris lundi.".encode("utf-16")),
        upload("empty.txt", b""),
        upload("binary.txt", b"\x00\x01\x02\xff" * 64),
        upload("broken.json", b'{"text": "unterminated'),
        upload(
            "lines.jsonl",
            json.dumps(
                {"text": "Ebrard met Blinken in Mexico City.", "title": "Good line"}
            ).encode()
            + b"\n{not json}\n",
        ),
        upload("no-text.csv", b"title,url\nA title,https://example.org/a\n"),
        upload("slides.pdf", b"%PDF-1.4 fake"),
        upload(
            "bundle.zip",
            zip_of({"../escape.txt": b"sneaky", "inside.txt": b"Motegi called Blinken on Monday."}),
        ),
    ]
    response = post_upload(admin_client_, files, published="2021-10-06", name="Mixed batch")
    assert response.status_code == 200
    page = response.content.decode()

    stored = set(Article.objects.values_list("text", flat=True))
    assert stored == {
        GOOD_TEXT,
        "Le Drian reçut Albares à Paris lundi.",
        "Ebrard met Blinken in Mexico City.",
        "Motegi called Blinken on Monday.",
    }
    batch = Batch.objects.get(name="Mixed batch")
    assert len(batch.errors) == 7
    for name in [
        "empty.txt",
        "binary.txt",
        "broken.json",
        "lines.jsonl",
        "no-text.csv",
        "slides.pdf",
        "escape.txt",
    ]:
        assert any(name in e["error"] for e in batch.errors), name
    for error in batch.errors:
        assert error["error"] in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert "lines.jsonl" in page and "line 2" in page
    assert "4 new report(s) queued for extraction" in page


def test_an_upload_without_files_is_refused_with_a_message(admin_client_):
    response = admin_client_.post(reverse("reports:upload"), {"name": "nothing"})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert Batch.objects.count() == 0


@pytest.fixture
def running_batch(db):
    batch = Batch.objects.create(name="Running", status=Batch.Status.RUNNING)
    Article.objects.create(batch=batch, text="one", status="extracted")
    Article.objects.create(batch=batch, text="two", status="queued")
    Article.objects.create(batch=batch, text="three", status="failed", error="Extraction failed: X")
    return batch


def test_the_batch_page_polls_its_progress_while_running(analyst_client, running_batch):
    url = running_batch.get_absolute_url()
    page = analyst_client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "Extraction failed: X" in page

    partial = analyst_client.get(url, headers={"HX-Request": "true"})
    body = partial.content.decode()
    assert body.lstrip().startswith('<section id="progress"')
    assert "<h2>Articles</h2>" not in body
    assert '<strong class="n-extracted">1</strong>' in body
    assert '<strong class="n-queued">1</strong>' in body
    assert '<strong class="n-failed">1</strong>' in body
    assert 'aria-valuenow="2"' in body


def test_polling_stops_once_the_batch_is_finished(analyst_client, running_batch):
    running_batch.status = Batch.Status.FAILED
    running_batch.save()
    partial = analyst_client.get(
        running_batch.get_absolute_url(), headers={"HX-Request": "true"}
    ).content.decode()
    assert "hx-trigger" not in partial
    assert "Done with failures" in partial


def test_retry_queues_a_failed_article_again(admin_client_, analyst_client, running_batch):
    failed = running_batch.articles.get(status="failed")
    url = reverse("reports:article_reextract", args=[failed.pk])
    assert analyst_client.post(url).status_code == 403
    response = admin_client_.post(url, {"next": running_batch.get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"] == running_batch.get_absolute_url()
    failed.refresh_from_db()
    assert (failed.status, failed.error) == ("queued", "")


def test_retry_failed_leaves_extracted_articles_alone(admin_client_, running_batch):
    admin_client_.post(
        reverse("reports:batch_reextract", args=[running_batch.pk]), {"only": "failed"}
    )
    assert sorted(running_batch.articles.values_list("text", "status")) == [
        ("one", "extracted"),
        ("three", "queued"),
        ("two", "queued"),
    ]


def test_re_extract_needs_post(admin_client_, running_batch):
    url = reverse("reports:batch_reextract", args=[running_batch.pk])
    assert admin_client_.get(url).status_code == 405


def test_an_article_page_links_each_fact_to_its_sentence(admin_client_, run_tasks):
    with run_tasks():
        post_upload(admin_client_, [upload("good.txt", GOOD_TEXT.encode())], published="2021-10-06")
    article = Article.objects.get()
    assert article.status == "extracted"
    page = admin_client_.get(article.get_absolute_url()).content.decode()
    assert "Emmanuel Macron" in page
    # each fact quotes the whole sentence, the words that support it marked
    assert f"<q><mark>{GOOD_TEXT}</mark></q>" in page  # the meeting: the whole sentence
    marked = GOOD_TEXT.replace("Emmanuel Macron", "<mark>Emmanuel Macron</mark>")
    assert f"<q>{marked}</q>" in page  # the official: his name


def test_each_progress_poll_refreshes_the_article_table(analyst_client, running_batch):
    url = running_batch.get_absolute_url()
    poll = analyst_client.get(url, headers={"HX-Request": "true"})
    assert json.loads(poll["HX-Trigger"]) == {"batch-progress": {}}
    page = analyst_client.get(url).content.decode()
    assert 'hx-trigger="batch-progress from:body"' in page
    Article.objects.filter(batch=running_batch, status="queued").update(
        status="failed", error="Too long to extract: 5 MB"
    )
    table = analyst_client.get(f"{url}?part=articles", headers={"HX-Request": "true"})
    body = table.content.decode()
    assert body.lstrip().startswith('<section id="articles"')
    assert "Too long to extract: 5 MB" in body and 'id="progress"' not in body
