"""Article merges on PostgreSQL: side by side about different people, queued about the same.

Merges of one article, and of chunks of articles, as a worker's task merges them. Each
merge runs in its own thread, so on its own database connection and
transaction, as two Celery workers would.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, connections, transaction

from diplomacy.locks import keys_lock, record_lock
from engagements.models import Citation, Engagement
from engagements.services import document_merge
from extraction import extract
from people.models import Official
from reports.extracting import articles_merge
from reports.models import Article
from tests.integration.test_services import require_postgresql

PUBLISHED = date(2021, 10, 6)
SAME_MEETING = [
    "Kenyan Foreign Minister Amina Okafor met Japanese Trade Minister Hiro Sato "
    "in Nairobi on Tuesday, officials said.",
    "Japanese Trade Minister Hiro Sato held talks with Kenyan Foreign Minister "
    "Amina Okafor in Nairobi on Tuesday about grain exports.",
]
OTHER_PEOPLE = (
    "Mexican President Mateo Zapata met Egyptian Prime Minister Nadia Haddad "
    "in Cairo on Tuesday, officials said."
)


def in_thread(work, results: list) -> threading.Thread:
    """Run work() in a thread of its own (so on its own database connection, as a worker);
    what it returns, or the exception it raised, is appended to results."""

    def run() -> None:
        try:
            results.append(work())
        except Exception as exc:  # reported to the test through results
            results.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def merge_in_thread(text: str, results: list, started: threading.Barrier | None = None):
    """Store and merge one report in a transaction of its own, as a worker does."""

    def work() -> str:
        article = Article.objects.create(text=text, published=PUBLISHED)
        document = extract(text, PUBLISHED)
        if started is not None:
            started.wait(timeout=10)
        with transaction.atomic():
            record_lock(shared=True)
            document_merge(article=article, document=document)
        return "merged"

    return in_thread(work, results)


def merge_in_progress(*keys: str) -> tuple[threading.Event, threading.Thread]:
    """An article merge holding its locks (the record lock shared, and the keys) until released."""
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with transaction.atomic():
            record_lock(shared=True)
            keys_lock("merge", keys)
            holding.set()
            release.wait(timeout=30)
        connections.close_all()

    holder = threading.Thread(target=hold)
    holder.start()
    assert holding.wait(timeout=10)
    return release, holder


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_workers_merging_the_same_meeting_at_once_make_one_engagement():
    require_postgresql()
    for _ in range(3):
        results: list = []
        barrier = threading.Barrier(2)
        threads = [merge_in_thread(text, results, barrier) for text in SAME_MEETING]
        for thread in threads:
            thread.join(timeout=60)
        assert results == ["merged", "merged"]
        assert Official.objects.filter(name="Amina Okafor").count() == 1
        assert Official.objects.filter(name="Hiro Sato").count() == 1
        meetings = Engagement.objects.filter(participants__name="Amina Okafor").distinct()
        assert meetings.count() == 1
        assert Citation.objects.filter(engagement=meetings.get()).count() == 2
        Article.objects.all().delete()
        Engagement.objects.all().delete()
        Official.objects.all().delete()


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_merge_waits_only_for_merges_about_the_same_people():
    require_postgresql()
    # a merge in progress about Amina Okafor, paused while holding its locks
    release, holder = merge_in_progress("name:amina okafor")
    try:
        other: list = []
        merge_in_thread(OTHER_PEOPLE, other).join(timeout=30)
        assert other == ["merged"], "a merge about other people went ahead"

        same: list = []
        waiting = merge_in_thread(SAME_MEETING[0], same)
        waiting.join(timeout=2)
        assert waiting.is_alive() and same == [], "a merge about the same person waited"
    finally:
        release.set()
    holder.join(timeout=30)
    waiting.join(timeout=30)
    assert same == ["merged"]
    assert Engagement.objects.filter(participants__name="Amina Okafor").count() == 1


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_an_editors_merge_of_records_waits_for_article_merges_in_progress():
    require_postgresql()
    release, holder = merge_in_progress()
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '500ms'")
        try:
            with pytest.raises(Exception, match="lock timeout"), transaction.atomic():
                record_lock()  # what an editor's merge of two records takes
        finally:
            cursor.execute("SET lock_timeout = 0")
    release.set()
    holder.join(timeout=30)
    with transaction.atomic():
        record_lock()  # free once the article merge committed


def chunk_about(person: str, others: list[tuple[str, str]]) -> list[str]:
    """Reports naming one new official, each meeting someone else, somewhere else."""
    return [
        f"Kenyan Foreign Minister {person} met {title} {name} in Nairobi on Tuesday, "
        f"officials said. The talks on {name.split()[-1]} grain and shipping lasted an hour."
        for title, name in others
    ]


def chunk_merge_in_thread(texts: list[str], results: list, started: threading.Barrier):
    """Store, extract and merge a chunk of reports together, as a worker's task does."""

    def work() -> int:
        articles = [Article.objects.create(text=t, published=PUBLISHED) for t in texts]
        items = [(a, extract(a.text, PUBLISHED)) for a in articles]
        started.wait(timeout=10)
        return articles_merge(items)

    return in_thread(work, results)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_chunks_naming_the_same_new_official_at_once_make_one_official():
    require_postgresql()
    rounds = ["Zanele Okonkwo", "Tomas Eriksen", "Priya Raman"]
    first = [("Japanese Trade Minister", "Hiro Sato"), ("French President", "Elena Petrov")]
    second = [("German Chancellor", "Jonas Weber"), ("Mexican President", "Mateo Zapata")]
    # the place and the others are on record: the chunks race over the new official alone
    earlier = [
        (a, extract(a.text, PUBLISHED))
        for a in [
            Article.objects.create(text=t, published=PUBLISHED)
            for t in chunk_about("Amina Okafor", first + second)
        ]
    ]
    assert articles_merge(earlier) == 4
    for person in rounds:
        results: list = []
        barrier = threading.Barrier(2)
        threads = [
            chunk_merge_in_thread(chunk_about(person, others), results, barrier)
            for others in (first, second)
        ]
        for thread in threads:
            thread.join(timeout=60)
        assert results == [2, 2]
        assert Official.objects.filter(name=person).count() == 1
        assert Official.objects.filter(name="Hiro Sato").count() == 1
        official = Official.objects.get(name=person)
        # one engagement per meeting, each cited by its own report
        assert official.engagements.count() == 4
        for engagement in official.engagements.all():
            assert engagement.citations.values("article").distinct().count() == 1
    assert set(Article.objects.values_list("status", "extraction_runs")) == {("extracted", 1)}
