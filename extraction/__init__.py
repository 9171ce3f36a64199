"""Pure-Python extraction of diplomatic engagements from news reports.

>>> from extraction import extract
>>> doc = extract(text, published=date(2021, 10, 6))
>>> doc.to_dict()  # the JSON contract (see CONTRACT.md), each trip with its "companions"
"""

from __future__ import annotations

from datetime import date

from .models import Agreement, Document, Engagement, Official, Place, Trip, TripStop

EXTRACTOR_VERSION = "1.13.0"

__all__ = [
    "EXTRACTOR_VERSION",
    "Agreement",
    "Document",
    "Engagement",
    "Official",
    "Place",
    "Trip",
    "TripStop",
    "extract",
]


def extract(text: str, published: date | None) -> Document:
    """Extract officials, engagements, trips and agreements from one article."""
    from .pipeline import extract_document

    return extract_document(text, published)
