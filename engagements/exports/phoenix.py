"""`?format=cameo`: CAMEO event rows, tab-separated, in the Phoenix data set's column order.

A header row, then one row per source/target pair of each fact (see `engagements.cameo`
for the columns and the rules): an engagement's participants, a stop abroad (the traveller's
visit, 042 and 043), an agreement's parties (057). Facts CAMEO does not code (cancelled,
kind "other") give no row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from django.db.models import Model
from django.http import HttpResponse

from engagements import cameo_facts
from engagements.api import serializers
from engagements.cameo import PHOENIX_COLUMNS, Dyad, Where, phoenix_row
from engagements.models import Agreement, Engagement, Stop, Trip

from .common import download, facts_of


def _where(place) -> Where | None:
    if place is None:
        return None
    return Where(
        name=place.name,
        alpha3=place.country.alpha3 if place.country_id else "",
        latitude=place.latitude,
        longitude=place.longitude,
    )


def _rows(fact: Model, dyads: list[Dyad], day, place) -> Iterator[list[str]]:
    citations = list(fact.citations.all())
    sentence = f"{citations[0].article_id}_{citations[0].start}" if citations else ""
    urls = [c.article.url for c in citations]
    sources = [c.article.source for c in citations]
    name = type(fact).__name__.lower()
    for number, dyad in enumerate(dyads, start=1):
        yield phoenix_row(
            f"{name}-{fact.pk}-{number}", dyad, day, _where(place), sentence, urls, sources
        )


def _fact_rows(fact: Model) -> Iterator[list[str]]:
    if isinstance(fact, Engagement):
        dyads = cameo_facts.engagement_dyads(fact, serializers.participants(fact))
        yield from _rows(fact, dyads, fact.start, fact.place)
    elif isinstance(fact, Trip):
        for stop in serializers.visible(fact.stops.all()):
            stop.trip = fact  # the prefetched stop's trip is this one: no query for it
            yield from _fact_rows(stop)
    elif isinstance(fact, Stop):
        yield from _rows(fact, cameo_facts.stop_dyads(fact), fact.start, fact.place)
    elif isinstance(fact, Agreement):
        yield from _rows(fact, cameo_facts.agreement_dyads(fact), fact.date, None)
    else:
        raise TypeError(f"{type(fact).__name__} has no CAMEO events")


def export_cameo(items: Iterable[Model], *, filename: str | None = None) -> HttpResponse:
    """The facts' CAMEO event rows as TSV with a header row (PHOENIX_COLUMNS)."""
    facts = facts_of(items)
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(PHOENIX_COLUMNS)
    for fact in facts:
        writer.writerows(_fact_rows(fact))
    return download(out.getvalue(), "cameo", items, facts, filename)
