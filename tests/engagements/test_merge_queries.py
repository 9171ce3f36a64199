"""Merging an article costs a bounded number of queries, whatever it names."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagements.models import Engagement, Stop
from engagements.services import document_merge
from extraction import extract
from people.models import Official
from reports.models import Article

PUBLISHED = date(2021, 10, 6)
TWO = (
    "Kenyan Foreign Minister Amina Okafor met Japanese Trade Minister Hiro Sato "
    "in Nairobi on Tuesday, officials said."
)
SIX = (
    "Kenyan Foreign Minister Amina Okafor met Japanese Trade Minister Hiro Sato "
    "in Nairobi on Tuesday, officials said.\n\n"
    "On Monday, French Foreign Minister Elena Petrov met German Defense Minister "
    "Jonas Weber in Berlin.\n\n"
    "Mexican President Mateo Zapata held talks with Egyptian Prime Minister Nadia "
    "Haddad in Cairo on Thursday."
)
PEOPLE_TABLES = (
    "people_official",
    "people_historicalofficial",
    "people_officialalias",
    "people_post",
    "people_historicalpost",
    "people_country",
)


def merge(text: str) -> list[str]:
    """The SQL of merging the report, in order."""
    article = Article.objects.create(text=text, published=PUBLISHED)
    document = extract(text, PUBLISHED)
    with CaptureQueriesContext(connection) as queries:
        document_merge(article=article, document=document)
    return [q["sql"] for q in queries.captured_queries]


def about_people(queries: list[str]) -> int:
    """Queries reading or writing officials, their aliases and posts, and countries."""
    return sum(
        any(f'FROM "{t}"' in sql or f'INTO "{t}"' in sql for t in PEOPLE_TABLES) for sql in queries
    )


@pytest.mark.django_db
def test_officials_are_looked_up_and_written_together_however_many_a_report_names():
    two = merge(TWO)
    assert Official.objects.count() == 2
    six = merge(SIX)  # two of the six are now known, four are new
    assert Official.objects.count() == 6 and Engagement.objects.count() == 3
    # the same few queries for six as for two; one more looks up the posts of
    # the two already on record (new officials hold none)
    assert about_people(six) <= about_people(two) + 1 <= 9
    assert len(six) <= 40


@pytest.mark.django_db
def test_merging_the_same_report_again_finds_everything_and_writes_only_citations():
    merge(SIX)
    counts = (Official.objects.count(), Engagement.objects.count(), Stop.objects.count())
    again = merge(SIX + "\n\nNothing else happened.")
    assert (Official.objects.count(), Engagement.objects.count(), Stop.objects.count()) == counts
    assert not any(sql.startswith("INSERT") and "citation" not in sql for sql in again)
    assert len(again) <= 25, len(again)
