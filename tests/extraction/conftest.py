"""Helpers shared by the extraction tests (no Django, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import Document, extract


@pytest.fixture
def run():
    def _run(text: str, published: str | None = "2021-10-06") -> Document:
        return extract(text, date.fromisoformat(published) if published else None)

    return _run


def official(doc: Document, surname: str):
    hits = [o for o in doc.officials if o.name.split()[-1] == surname or surname in o.name]
    assert hits, f"{surname!r} not among {[o.name for o in doc.officials]}"
    return hits[0]


def engagements_with(doc: Document, *names: str):
    return [e for e in doc.engagements if all(any(n in p for p in e.participants) for n in names)]


def officials(doc: Document) -> dict[str, tuple[str | None, str | None]]:
    return {o.name: (o.title, o.country) for o in doc.officials}


def _stops(doc: Document, traveler: str):
    return [s for t in doc.trips if t.traveler == traveler for s in t.stops]


# a Japanese ministry release: family names in capitals, offices written out in full
MOFA_RELEASE = (
    "Ministry of Foreign Affairs of Japan\nPress Releases\n\n"
    "Japan-Brazil Foreign Ministers' Meeting\n\nFebruary 21, 2024\n\n"
    "On February 21, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs, who is visiting Rio de "
    "Janeiro, held a meeting with H.E. Mr. Mauro Vieira, Minister of External Relations of the "
    "Federative Republic of Brazil, on the margins of the G20 Foreign Ministers' Meeting.\n\n"
    "1. Minister Kamikawa stated that Japan is considering a visit to Brazil by Prime Minister "
    "KISHIDA Fumio."
)
