"""The extractor: one article through seven stages, each a module of its own (the dataclasses
the stages hand each other are in stages.py).

1. sentences.py   text -> Text: sentences with exact offsets, page clutter dropped
2. mentions.py    -> Mentions: people with titles and countries, places, dates, dateline, focus
3. events.py      -> Events: trip stops and engagements, each trigger with who, with whom,
                     where, when and status
4. grouping.py    -> Groups: one engagement per meeting and per counterpart, stops merged
5. trips.py       -> Trips: engagements and trips lend each other places and dates
                     (lending.py); visits
6. agreements.py  -> Agreements: pacts, their parties and dates; dated signings
7. document.py    -> models.Document, the contract's shape (CONTRACT.md)
"""

from __future__ import annotations

from datetime import date

from .agreements import find_agreements
from .document import assemble_document
from .events import find_events
from .grouping import group_events
from .mentions import find_mentions
from .models import Document
from .sentences import read_text
from .trips import build_trips


def extract_document(text: str, published: date | None) -> Document:
    """Extract officials, engagements, trips and agreements from one article."""
    read = read_text(text, published)
    ctx = find_mentions(read)
    events = find_events(ctx)
    groups = group_events(ctx, events)
    trips = build_trips(ctx, groups)
    agreements = find_agreements(ctx, trips)
    return assemble_document(ctx, trips, agreements)
