"""What every merge shares: its result (with its look-up caches), citations and dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from diplomacy.models import Precision
from diplomacy.text import sentence_around
from engagements.models import Citation, Engagement
from people.models import Official

if TYPE_CHECKING:
    from reports.models import Article

# Finer precision first: a merge keeps the finest dates any report gave.
PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2, Precision.UNKNOWN: 3}
# Stops of one traveler this close in time belong to one journey.
TRIP_GAP = timedelta(days=2)
DATE_SLACK = timedelta(days=1)


@dataclass
class MergeResult:
    """What a merge did, plus what it looked up once and the citations it will write."""

    officials: list[Official] = field(default_factory=list)
    countries: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    citations: dict = field(default_factory=dict)
    # engagements this merge creates, written together at its end, with their participants
    new_engagements: list[Engagement] = field(default_factory=list)
    people: dict[int, set[int]] = field(default_factory=dict)
    engagements_created: int = 0
    engagements_matched: int = 0
    stops_created: int = 0
    stops_matched: int = 0
    agreements_created: int = 0
    agreements_matched: int = 0


def confidence(value: float) -> float:
    """An extractor's confidence as stored: within 0 to 1, three decimals."""
    return round(max(0.0, min(value, 1.0)), 3)


# ---------------------------------------------------------------- citations


def cite(
    article: Article, span: tuple[int, int] | list[int], result: MergeResult, **target
) -> None:
    """Cite the sentence around span for one fact; written by `citations_write`, once each."""
    start, end = int(span[0]), int(span[1])
    if not (0 <= start < end <= len(article.text)):
        return
    start, end = sentence_around(article.text, start, end)
    if start >= end:
        return
    ((name, fact),) = target.items()
    # keyed by the object: a fact created by this merge has no primary key yet
    result.citations.setdefault((name, id(fact), start, end), (article, name, fact, start, end))


def citations_write(result: MergeResult) -> None:
    Citation.objects.bulk_create(
        Citation(article=a, start=start, end=end, quote=a.text[start:end], **{name: fact})
        for a, name, fact, start, end in result.citations.values()
    )
    result.citations.clear()


# ---------------------------------------------------------------- dates


def date_range(start: date | None, end: date | None) -> tuple[date, date] | None:
    if start is None:
        return None
    return start, end or start


def dates_compatible(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    """Two date ranges that may be the same event: overlapping, give or take a day."""
    if a is None or b is None:
        return a is None and b is None
    return a[0] <= b[1] + DATE_SLACK and b[0] <= a[1] + DATE_SLACK


def precision_finer(new_precision: str, old_precision: str) -> bool:
    return PRECISION_RANK.get(new_precision, 3) < PRECISION_RANK.get(old_precision, 3)
