from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from tests import factories


@pytest.fixture
def record(db):
    blinken = factories.official("Antony Blinken", "US", aliases=("Blinken",))
    albares = factories.official("José Manuel Albares", "ES")
    paris = factories.place("Paris", "FR")
    source = factories.article(
        "Ministers negotiated a submarine agreement during long meetings in Paris.",
        title="Submarine row",
    )
    factories.engagement(
        [blinken, albares], kind="talks", on=date(2021, 10, 6), where=paris, source=source,
        title="Paris talks",
    )  # fmt: skip
    return source


def test_search_finds_officials_places_engagements_and_reports(analyst_client, record):
    page = analyst_client.get(reverse("search"), {"q": "albares"}).content.decode()
    assert "José Manuel Albares" in page
    assert "Paris talks" in page  # the engagement he took part in
    page = analyst_client.get(reverse("search"), {"q": "paris"}).content.decode()
    assert "Paris, FR" in page and "Paris talks" in page


def test_report_text_search_matches_words_and_their_forms(analyst_client, record):
    query = "negotiating submarines" if connection.vendor == "postgresql" else "submarine"
    page = analyst_client.get(reverse("search"), {"q": query}).content.decode()
    assert "Submarine row" in page


def test_an_empty_query_shows_the_form_only(analyst_client, record):
    page = analyst_client.get(reverse("search"), {"q": "  "}).content.decode()
    assert "result" not in page


def test_search_is_for_logged_in_users(client, db):
    assert client.get(reverse("search"), {"q": "x"}).status_code == 302


def test_search_escapes_the_query(analyst_client, record):
    page = analyst_client.get(reverse("search"), {"q": "<b>x</b>"}).content.decode()
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_report_text_search_follows_edits_and_deletions_of_reports(analyst_client, record):
    # on PostgreSQL each report's document is kept in a table of its own, by a trigger
    def found(query: str) -> bool:
        page = analyst_client.get(reverse("search"), {"q": query}).content.decode()
        return "<h2>Reports</h2>" in page

    assert found("submarine")
    record.title = "Frigate quarrel"
    record.save()
    assert found("frigate")
    record.status = "extracted"  # what a merge changes: the document stays as it was
    record.save(update_fields=["status"])
    assert found("frigate") and found("submarine")
    record.delete()
    assert not found("submarine")
