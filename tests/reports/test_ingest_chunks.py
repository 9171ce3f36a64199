"""Storing a large batch in chunks: each text once, each chunk queued as soon as it commits."""

import random

import pytest

from reports import services
from reports.extracting import batch_finish_if_done
from reports.loaders import LoadError, ReportInput
from reports.models import Article, ArticleBand, Batch
from reports.services import article_store, batch_create, ingest_reports
from reports.similarity import BANDS, band_keys
from reports.tasks import articles_extract


def text(i: int) -> str:
    return (
        f"Report {i}: the foreign minister met her counterpart in city {i} on Tuesday "
        f"for talks on trade, energy and shipping routes, officials said ({i * 7919})."
    )


def report(i: int) -> ReportInput:
    return ReportInput(text=text(i), name=f"r{i}.txt", title=f"Report {i}")


def assert_bands(articles: list[Article]) -> None:
    stored: dict[int, list[int]] = {}
    for article_id, key in ArticleBand.objects.filter(article__in=articles).values_list(
        "article", "key"
    ):
        stored.setdefault(article_id, []).append(key)
    for article in articles:
        assert len(article.signature) == 64
        assert sorted(stored[article.pk]) == sorted(band_keys(article.signature))
        assert len(stored[article.pk]) == BANDS


@pytest.mark.django_db
def test_a_large_batch_with_repeats_stores_each_text_once_and_queues_only_the_new(
    queued, django_capture_on_commit_callbacks
):
    ingest_reports(batch=batch_create(name="earlier"), reports=[report(i) for i in range(20)])
    already = set(Article.objects.values_list("pk", flat=True))
    # 20 already stored, 201 new, 29 copies of new ones (in the same chunk and in later ones)
    inputs = [report(i) for i in range(20)] + [report(i) for i in range(100, 300)]
    inputs += [report(100 + i * 7) for i in range(28)]
    random.Random(4).shuffle(inputs)
    inputs.insert(1, report(77777))
    inputs.insert(3, report(77777))  # a copy in the same chunk, two inputs later
    assert len(inputs) == 250
    batch = batch_create(name="big")
    calls = []

    with django_capture_on_commit_callbacks(execute=True):
        result = ingest_reports(batch=batch, reports=inputs, progress=lambda: calls.append(1))

    new = {r.text for r in inputs} - {text(i) for i in range(20)}
    assert Article.objects.count() == 20 + len(new)
    assert sorted(a.text for a in result.created) == sorted(new)
    assert len(result.created) + len(result.existing) == 250
    assert {a.pk for a in result.existing} <= already | {a.pk for a in result.created}
    assert all(a.batch_id == batch.pk for a in result.created)
    # the first copy of each text is the new article, in input order
    first_copies = list(dict.fromkeys(r.text for r in inputs if r.text in new))
    assert [a.text for a in result.created] == first_copies
    assert sorted(queued) == sorted(a.pk for a in result.created)
    assert len(set(queued)) == len(queued)
    assert len(calls) == 250
    batch.refresh_from_db()
    assert batch.status == Batch.Status.RUNNING
    assert batch.articles.count() == len(new)


@pytest.mark.django_db
def test_each_article_of_a_chunk_has_its_band_rows_as_one_stored_alone(queued):
    result = ingest_reports(batch=batch_create(name="b"), reports=[report(i) for i in range(150)])
    assert len(result.created) == 150
    assert ArticleBand.objects.count() == 150 * BANDS
    created = list(Article.objects.filter(pk__in=[a.pk for a in result.created]))
    assert_bands(created)
    alone, created_alone = article_store(batch=batch_create(name="one"), report=report(999))
    assert created_alone
    assert_bands([alone])


@pytest.mark.django_db(transaction=True)
def test_a_chunk_is_queued_before_the_next_chunk_is_stored_and_the_batch_shows_loading(
    monkeypatch,
):
    seen: list[tuple[int, str]] = []

    def delay(article_ids: list[int]) -> None:
        batch = Batch.objects.get(name="chunks")
        seen.extend([(batch.articles.count(), batch.status)] * len(article_ids))

    monkeypatch.setattr(articles_extract._get_current_object(), "delay", delay)
    batch = batch_create(name="chunks")
    ingest_reports(batch=batch, reports=[report(i) for i in range(250)])

    assert len(seen) == 250
    assert {count for count, _ in seen} == {100, 200, 250}
    assert {status for _, status in seen} == {Batch.Status.PENDING}
    assert Batch.Status.PENDING.label == "Loading"
    batch.refresh_from_db()
    assert batch.status == Batch.Status.RUNNING  # loaded; nothing extracted them here


@pytest.mark.django_db(transaction=True)
def test_workers_done_with_the_first_chunk_do_not_finish_a_batch_still_loading(monkeypatch):
    seen: list[str] = []

    def delay(article_ids: list[int]) -> None:
        # a worker extracts each chunk as soon as it is queued
        Article.objects.filter(pk__in=article_ids).update(status=Article.Status.EXTRACTED)
        batch = Article.objects.get(pk=article_ids[0]).batch
        batch_finish_if_done(batch.pk)
        batch.refresh_from_db()
        seen.append(batch.status)

    monkeypatch.setattr(articles_extract._get_current_object(), "delay", delay)
    batch = batch_create(name="quick workers")
    ingest_reports(batch=batch, reports=[report(i) for i in range(250)])

    assert set(seen) == {Batch.Status.PENDING}
    batch.refresh_from_db()
    assert batch.status == Batch.Status.DONE
    assert batch.finished_at is not None


@pytest.mark.django_db
def test_a_text_stored_by_another_process_meanwhile_does_not_lose_the_chunk(
    queued, monkeypatch, django_capture_on_commit_callbacks
):
    racer = text(5)
    raced: list[Article] = []
    derive = Article.set_derived_fields

    def set_derived_fields(self: Article) -> None:
        derive(self)
        if self.text == racer and not raced:
            # another process stores the same text between the check and the bulk insert
            other = Article(text=racer)
            raced.append(other)
            other.save()

    monkeypatch.setattr(Article, "set_derived_fields", set_derived_fields)
    inputs = [report(i) for i in range(10)] + [report(3)]
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest_reports(batch=batch_create(name="race"), reports=inputs)

    assert raced
    assert Article.objects.count() == 10
    assert sorted(a.text for a in result.created) == sorted(text(i) for i in range(10) if i != 5)
    assert [a.pk for a in result.existing] == [raced[0].pk, result.created[3].pk]
    assert sorted(queued) == sorted(a.pk for a in result.created)
    assert_bands(result.created)


@pytest.mark.django_db
def test_unreadable_inputs_in_every_chunk_are_recorded_and_fail_the_batch(monkeypatch, queued):
    monkeypatch.setattr(services, "INGEST_CHUNK", 3)
    ingest_reports(batch=batch_create(name="earlier"), reports=[report(1), report(2)])
    batch = batch_create(name="bad")
    inputs = [report(1), LoadError("a.txt: the file is empty"), report(2)]
    inputs += [LoadError("b.txt: looks like a binary file, not text"), report(1)]
    result = ingest_reports(batch=batch, reports=inputs)

    assert (len(result.created), len(result.existing)) == (0, 3)
    assert [e["error"] for e in result.errors] == [
        "a.txt: the file is empty",
        "b.txt: looks like a binary file, not text",
    ]
    batch.refresh_from_db()
    assert batch.errors == result.errors
    assert batch.status == Batch.Status.FAILED
    assert batch.finished_at is not None
