"""Writes for engagements, trips, stops, agreements and citations, one module per kind of fact.

`documents_merge` (`documents`) folds a chunk of articles' extractions (`document_merge`: one
article's) into the record, each kind of fact looked up once and written once: officials are
resolved to people already known, a meeting already on record gains a citation instead of
becoming a duplicate (`engagements`), stops join the traveler's trip (`trips`), agreements
are matched by name or alias (`agreements`), places by name and country (`places`). Fields an
editor changed are never overwritten; re-extraction adds citations and fills blanks only.
`common` holds what every merge shares (its result and caches, citations), `dates` the
rules for dates.
"""

from .agreements import agreement_merge
from .common import MergeResult, citations_write, cite, confidence
from .dates import (
    DATE_SLACK,
    PRECISION_RANK,
    TRIP_GAP,
    date_range,
    dates_compatible,
    precision_finer,
)
from .documents import (
    article_citations_clear,
    document_merge,
    documents_merge,
    uncited_facts_prune,
)
from .engagements import engagement_merge, engagements_write, status_merged
from .places import place_resolve, places_load
from .trips import engagements_attach_to_stops, stops_number, trip_merge_stops, trip_renumber

__all__ = [
    "DATE_SLACK",
    "PRECISION_RANK",
    "TRIP_GAP",
    "MergeResult",
    "agreement_merge",
    "article_citations_clear",
    "cite",
    "citations_write",
    "confidence",
    "date_range",
    "dates_compatible",
    "document_merge",
    "documents_merge",
    "engagement_merge",
    "engagements_attach_to_stops",
    "engagements_write",
    "place_resolve",
    "places_load",
    "precision_finer",
    "status_merged",
    "stops_number",
    "trip_merge_stops",
    "trip_renumber",
    "uncited_facts_prune",
]
