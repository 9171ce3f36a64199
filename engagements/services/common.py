"""What every merge shares: its result (with its look-up caches) and its citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diplomacy.text import sentence_around
from engagements.models import Citation, Engagement
from people.models import Official

if TYPE_CHECKING:
    from reports.models import Article


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
