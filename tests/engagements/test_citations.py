"""A citation quotes the whole sentence its fact came from, the supporting words marked: never
cut at "U.S.", an initial or a comma, never inside the words that support the fact."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse

from diplomacy.text import sentence_around
from engagements.models import Citation
from engagements.services import document_merge
from reports.models import Article
from tests import factories

STANFORD = (
    "Blinken’s weeklong trip also includes a stop at Stanford University, and meetings in "
    "Mexico City on Thursday and Friday for the U.S.-Mexico High Level Security Dialogue."
)
JOIN = (
    "He will join U.S. Homeland Security Secretary Alejandro Mayorkas and U.S. Attorney "
    "General Merrick Garland to discuss security issues, Mexican Foreign Minister Marcelo "
    "Ebrard said this week."
)
REPORT = (
    "Blinken heads to Mexico\n\n"
    "U.S. Secretary of State Antony Blinken closed a Paris visit on Wednesday. "
    f"{STANFORD} {JOIN}"
)


def quote_of(text: str, words: str) -> str:
    start = text.index(words)
    left, right = sentence_around(text, start, start + len(words))
    return text[left:right]


@pytest.mark.parametrize(
    ("words", "sentence"),
    [
        ("Stanford University", STANFORD),
        ("Merrick Garland", JOIN),
        ("Alejandro Mayorkas", JOIN),
        ("Marcelo Ebrard", JOIN),
    ],
)
def test_the_quote_is_the_whole_sentence(words, sentence):
    assert quote_of(REPORT, words) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Antony J. Blinken met Gen. Mark Milley on Sept. 24 in Washington, D.C., officials said.",
        "The talks began at 9 a.m. and ended at noon, said Sen. Bob Menendez of New Jersey.",
        "Mr. Kishida and Dr. Tedros spoke by phone, e.g. about vaccines, on Tuesday.",
    ],
)
def test_abbreviations_and_initials_end_no_sentence(sentence):
    text = f"First things first. {sentence} Then the next one began."
    assert quote_of(text, sentence.split()[-3]) == sentence


def test_a_quote_never_ends_inside_the_span_it_quotes():
    text = "He met the minister in Paris. Then he left for Rome."
    start = text.index("Paris")
    left, right = sentence_around(text, start, text.index("left") + 4)  # a span over two
    assert text[left:right] == text
    assert left <= start and right >= text.index("left") + 4


@pytest.fixture
def merged(db):
    from extraction import extract

    article = factories.article(
        REPORT, title="Blinken heads to Mexico", published=date(2021, 10, 6)
    )
    document_merge(article=article, document=extract(article.text, article.published))
    return article


def test_a_stop_cites_its_whole_sentence_and_the_trip_page_shows_it(merged, analyst_client):
    stanford = Citation.objects.get(stop__place__name="Stanford University")
    assert stanford.quote == STANFORD
    before, words, after = stanford.quote_parts()
    assert before + words + after == STANFORD and "Stanford University" in words
    page = analyst_client.get(stanford.stop.trip.get_absolute_url()).content.decode()
    assert "Stanford University, and meetings in Mexico City on Thursday and Friday" in page
    assert "Stanford University, …" not in page


def test_an_officials_citation_marks_the_name_in_the_whole_sentence(merged, analyst_client):
    garland = Citation.objects.get(official__name="Merrick Garland")
    assert garland.quote == JOIN
    assert garland.quote_parts()[1] == "Merrick Garland"
    source = analyst_client.get(
        reverse("engagements:citation", args=[garland.pk]), headers={"HX-Request": "true"}
    ).content.decode()
    assert "Attorney General <mark>Merrick Garland</mark> to discuss security issues" in source


def test_the_api_gives_the_sentence_and_the_span(merged, analyst_client):
    garland = Citation.objects.get(official__name="Merrick Garland")
    record = analyst_client.get(f"/api/officials/{garland.official_id}").json()
    [citation] = record["citations"]
    assert citation["quote"] == JOIN
    span = citation["span"]
    assert REPORT[span[0] : span[1]] == "Merrick Garland"


def test_old_quotes_cut_at_an_abbreviation_become_whole_sentences(db):
    article = factories.article(REPORT)
    start = REPORT.index("Attorney General")
    end = REPORT.index("this week.") + len("this week.")
    old = Citation.objects.create(  # as stored before: cut after "U.S."
        article=article,
        start=start,
        end=end,
        quote=REPORT[start:end],
        official=factories.official("Merrick Garland"),
    )
    migration = importlib.import_module("engagements.migrations.0004_citations_whole_sentences")
    migration.widen(apps, None)
    old.refresh_from_db()
    assert old.quote == JOIN
    assert (old.span_start, old.span_end) == (start, end)  # what it quoted, still marked
    assert Article.objects.count() == 1
