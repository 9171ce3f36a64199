"""Extracting a chunk of articles and merging it at once: the same record as one by one.

What an analyst reads (officials, engagements, trips, agreements and the sentences they
come from) must not depend on how many articles a worker merged together; an article
that cannot be merged fails alone; an article is merged once however often it is queued.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagements import corrections
from engagements.models import Agreement, Citation, Engagement, Place, Trip
from engagements.services import documents
from people.models import Official
from reports.extracting import articles_extract
from reports.loaders import ReportInput
from reports.models import Article, Batch
from reports.services import batch_create, ingest_reports

PUBLISHED = date(2021, 10, 6)  # a Wednesday
PEOPLE = [
    ("Kenyan", "Foreign Minister", "Amina Okafor"),
    ("Japanese", "Trade Minister", "Hiro Sato"),
    ("French", "Foreign Minister", "Elena Petrov"),
    ("German", "Defense Minister", "Jonas Weber"),
    ("Mexican", "President", "Mateo Zapata"),
    ("Egyptian", "Prime Minister", "Nadia Haddad"),
]
CITIES = ["Nairobi", "Tokyo", "Paris", "Berlin", "Mexico City", "Cairo"]
DAYS = ["Monday", "Tuesday"]
TOPICS = ["trade", "energy", "security", "migration", "climate", "grain", "debt", "tariffs"]
HAND_WRITTEN = [
    # one meeting, told twice (the second a day later, as "Tuesday" again)
    "Kenyan Foreign Minister Amina Okafor met Japanese Trade Minister Hiro Sato "
    "in Nairobi on Tuesday, officials said.",
    "Japanese Trade Minister Hiro Sato held talks with Kenyan Foreign Minister "
    "Amina Okafor in Nairobi on Tuesday about grain exports.",
    # a journey told in pieces
    "French Foreign Minister Elena Petrov arrived in Berlin on Monday and travelled "
    "on to Warsaw on Tuesday, her ministry said.",
    "French Foreign Minister Elena Petrov met German Defense Minister Jonas Weber in "
    "Berlin on Monday before leaving for Warsaw.",
    # scheduled, then held
    "Mexican President Mateo Zapata will meet Egyptian Prime Minister Nadia Haddad in "
    "Cairo on Friday, his office said.",
    "Mexican President Mateo Zapata met Egyptian Prime Minister Nadia Haddad in Cairo "
    "on Monday, officials said.",
    # an agreement under two names
    "Kenya and Japan signed the Nairobi Grain Accord on Tuesday. The accord, known as "
    "the NGA, covers wheat and maize.",
    "The Nairobi Grain Accord (NGA) was praised by Kenyan Foreign Minister Amina Okafor.",
    # a new person, named in two reports
    "Kenyan Foreign Minister Amina Okafor met Brazilian Trade Minister Luiza Quispe in "
    "Nairobi on Tuesday.",
    "Brazilian Trade Minister Luiza Quispe called Japanese Trade Minister Hiro Sato on Monday.",
]


def generated(count: int, seed: int = 11) -> list[str]:
    """Short reports about the same few people, places and days: plenty to match."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        (dem1, title1, a), (dem2, title2, b) = rng.sample(PEOPLE, 2)
        city, day = rng.choice(CITIES), rng.choice(DAYS)
        # distinct background, so that no report is taken for a republished copy of another
        background = " ".join(f"{rng.choice(TOPICS)}-{rng.randrange(10**4)}" for _ in range(30))
        texts.append(
            f"{dem1} {title1} {a} met {dem2} {title2} {b} in {city} on {day}, officials "
            f"said. {a} will travel to {rng.choice(CITIES)} later this month.\n\n"
            f"The agenda covered {background}."
        )
    return texts


def load(texts: list[str], chunks, published: date = PUBLISHED) -> list[int]:
    """Store the reports as one batch (nothing extracts them); their article ids, in order."""
    batch = batch_create(name="chunks")
    reports = [
        ReportInput(text=t, name=f"r{i}.txt", published=published) for i, t in enumerate(texts)
    ]
    result = ingest_reports(batch=batch, reports=reports)
    return [a.pk for a in result.created]


def record() -> dict[str, list]:
    """The record as an analyst reads it, with nothing that depends on primary keys."""
    officials = sorted(
        (
            o.name,
            o.country.code if o.country else None,
            tuple(sorted(o.aliases.values_list("normalized", flat=True))),
            tuple(sorted(o.posts.values_list("title", "country__code"))),
        )
        for o in Official.objects.select_related("country")
    )
    engagements = sorted(
        (
            e.kind,
            e.title,
            str(e.place) if e.place else None,
            e.start,
            e.end,
            e.precision,
            e.status,
            e.confidence,
            tuple(sorted(e.participants.values_list("name", flat=True))),
            str(e.stop.place) if e.stop else None,
            tuple(sorted(e.citations.values_list("article__sha256", "start", "end"))),
        )
        for e in Engagement.objects.select_related("place__country", "stop__place__country")
    )
    trips = sorted(
        (
            t.traveler.name,
            t.start,
            t.end,
            tuple(
                (s.order, str(s.place), s.start, s.end, s.precision, s.citations.count())
                for s in t.stops.select_related("place__country").order_by("order")
            ),
        )
        for t in Trip.objects.select_related("traveler")
    )
    agreements = sorted(
        (
            a.name,
            a.date,
            tuple(sorted(a.aliases.values_list("normalized", flat=True))),
            tuple(sorted(a.parties.values_list("code", flat=True))),
            a.citations.count(),
        )
        for a in Agreement.objects.all()
    )
    places = sorted(str(p) for p in Place.objects.select_related("country"))
    citations = sorted(
        Citation.objects.values_list("article__sha256", "start", "end", "quote").order_by()
    )
    return {
        "officials": officials,
        "engagements": engagements,
        "trips": trips,
        "agreements": agreements,
        "places": places,
        "citations": citations,
    }


def forget_the_record() -> None:
    """Back to the stored reports, all queued, and no facts."""
    Citation.objects.all().delete()
    Engagement.objects.all().delete()
    Trip.objects.all().delete()
    Agreement.objects.all().delete()
    Official.objects.all().delete()
    Place.objects.all().delete()
    Article.objects.update(
        status=Article.Status.QUEUED, extraction_runs=0, extraction=None, duplicate_of=None
    )


@pytest.mark.django_db
def test_a_chunk_merged_at_once_makes_the_same_record_as_its_articles_one_by_one(chunks):
    ids = load(HAND_WRITTEN + generated(30), chunks)
    for pk in ids:
        assert articles_extract(article_ids=[pk]) == {"extracted": 1}
    one_by_one = record()
    assert len(one_by_one["engagements"]) > 10 and one_by_one["trips"]
    assert one_by_one["agreements"]
    forget_the_record()

    assert articles_extract(article_ids=ids) == {"extracted": len(ids)}

    together = record()
    for kind in one_by_one:
        assert together[kind] == one_by_one[kind], kind
    assert set(Article.objects.values_list("status", "extraction_runs")) == {("extracted", 1)}
    assert Batch.objects.get().status == Batch.Status.DONE


@pytest.mark.django_db
def test_an_article_that_cannot_be_merged_fails_alone_and_the_rest_of_its_chunk_is_merged(
    chunks, monkeypatch
):
    texts = HAND_WRITTEN[:6]
    ids = load(texts, chunks)
    bad = Article.objects.get(pk=ids[2])
    merge = documents.trip_merge_stops

    def breaks_on_one(*, article, **kwargs):
        if article.pk == bad.pk:
            raise ValueError("a stop with no place")
        return merge(article=article, **kwargs)

    monkeypatch.setattr(documents, "trip_merge_stops", breaks_on_one)
    assert articles_extract(article_ids=ids) == {"extracted": 5, "failed": 1}

    bad.refresh_from_db()
    assert bad.status == Article.Status.FAILED
    assert bad.error == "Merge failed: ValueError: a stop with no place"
    assert not Citation.objects.filter(article=bad).exists()
    others = Article.objects.exclude(pk=bad.pk)
    assert set(others.values_list("status", flat=True)) == {Article.Status.EXTRACTED}
    assert Citation.objects.filter(article__in=others).exists()
    assert Batch.objects.get().status == Batch.Status.FAILED  # "Done with failures"


@pytest.mark.django_db
def test_an_article_in_two_chunks_is_merged_once(chunks):
    ids = load(HAND_WRITTEN[:4], chunks)
    assert articles_extract(article_ids=ids[:3]) == {"extracted": 3}
    citations = Citation.objects.count()
    # a redelivered message, or the sweep sending an article again with others
    assert articles_extract(article_ids=ids) == {"extracted": 1}
    assert articles_extract(article_ids=ids) == {}
    assert set(Article.objects.values_list("extraction_runs", flat=True)) == {1}
    assert Citation.objects.filter(article_id__in=ids[:3]).count() == citations


@pytest.mark.django_db
def test_a_republished_copy_in_the_same_chunk_is_a_duplicate_of_the_first(chunks):
    story = generated(1, seed=3)[0] + " " + " ".join(f"word{i}" for i in range(80))
    ids = load([story, "Lead: " + story, HAND_WRITTEN[0]], chunks)
    assert articles_extract(article_ids=ids) == {"extracted": 2, "duplicate": 1}
    copy = Article.objects.get(pk=ids[1])
    assert (copy.status, copy.duplicate_of_id) == (Article.Status.DUPLICATE, ids[0])
    assert not Citation.objects.filter(article=copy).exists()


def merge_queries(ids: list[int]) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert articles_extract(article_ids=ids) == {"extracted": len(ids)}
    return len(queries.captured_queries)


@pytest.mark.django_db
def test_merging_a_chunk_takes_a_few_statements_per_kind_however_many_articles_it_holds(
    chunks,
):
    texts = generated(60, seed=5)
    ids = load(texts, chunks)
    merge_queries(ids[:5])  # the people and places are on record from here on
    five = merge_queries(ids[5:10])
    fifty = merge_queries(ids[10:60])
    # ten times the articles, not twice the statements (SQLite splits long inserts)
    assert fifty < 2 * five, (five, fifty)
    assert fifty / 50 < 1.5


@pytest.mark.django_db
def test_what_an_editor_corrects_while_a_chunk_merges_is_kept(chunks, monkeypatch, editor):
    scheduled = HAND_WRITTEN[4]  # on Friday, 8 October
    held = scheduled.replace("will meet", "met").replace(", his office said", "")
    first = load([scheduled], chunks)
    articles_extract(article_ids=first)
    meeting = Engagement.objects.get()
    assert meeting.status == Engagement.Status.SCHEDULED
    later = load([held], chunks, published=date(2021, 10, 9))
    write = documents.trips_write

    def an_editor_meanwhile(result) -> None:
        # the merge has read the meeting; an editor corrects its status before it writes
        current = Engagement.objects.get(pk=meeting.pk)
        corrections.engagement_correct(
            current,
            editor=editor,
            version=current.version,
            changes={"status": Engagement.Status.CANCELLED},
        )
        write(result)

    monkeypatch.setattr(documents, "trips_write", an_editor_meanwhile)
    assert articles_extract(article_ids=later) == {"extracted": 1}

    meeting.refresh_from_db()
    assert meeting.status == Engagement.Status.CANCELLED  # not "held", from the report
    assert "status" in meeting.edited_fields
    assert meeting.citations.values("article").distinct().count() == 2
    # the history shows the editor's change; what the merge changed besides is on top
    kinds = list(meeting.history.order_by("history_id").values_list("history_type", "status"))
    assert kinds[0] == ("+", Engagement.Status.SCHEDULED)
    assert (("~", Engagement.Status.CANCELLED)) in kinds
    assert meeting.version == meeting.history.count()
