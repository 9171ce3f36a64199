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
