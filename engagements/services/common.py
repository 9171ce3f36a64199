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
    """Cite, for one fact, the whole sentence around span with span marked inside it; written
    by `citations_write`, once per fact and sentence (spans in one sentence are joined)."""
    start, end = int(span[0]), int(span[1])
    if not (0 <= start < end <= len(article.text)):
        return
    left, right = sentence_around(article.text, start, end)
    if left >= right:
        return
    ((name, fact),) = target.items()
    # keyed by the object: a fact created by this merge has no primary key yet
    key = (name, id(fact), left, right)
    known = result.citations.get(key)
    if known is not None:
        start, end = min(start, known[5]), max(end, known[6])
    result.citations[key] = (article, name, fact, left, right, start, end)


def citations_write(result: MergeResult) -> None:
    Citation.objects.bulk_create(
        Citation(
            article=a,
            start=left,
            end=right,
            quote=a.text[left:right],
            span_start=start,
            span_end=end,
            **{name: fact},
        )
        for a, name, fact, left, right, start, end in result.citations.values()
    )
    result.citations.clear()
