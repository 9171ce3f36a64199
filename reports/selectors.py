"""Read queries for reports."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max, QuerySet

from engagements.models import Citation

from .models import Article, Batch, Source

# Failed reports the batch page's progress panel names, at most.
FAILURES_SHOWN = 20


@dataclass
class ArticleFact:
    kind: str
    label: str
    url: str
    quote: str
    start: int
    citation_id: int = 0
    end: int = 0
    # the quote as (before, the words that support the fact, after)
    parts: tuple[str, str, str] = ("", "", "")


@dataclass
class Segment:
    """A run of article text: plain, or a cited span with the facts citing it."""

    text: str
    facts: list[ArticleFact]
    anchor: int | None = None  # the first citation's id, for #cite-<id> links
    citation_ids: tuple[int, ...] = ()


def article_segments(text: str, facts: list[ArticleFact]) -> list[Segment]:
    """Split the text at cited spans (overlapping spans joined) for the highlighted reader."""
    spans = sorted(((f.start, f.end, f) for f in facts), key=lambda item: (item[0], -item[1]))
    merged: list[tuple[int, int, list[ArticleFact]]] = []
    for start, end, fact in spans:
        if merged and start < merged[-1][1]:
            last_start, last_end, group = merged[-1]
            merged[-1] = (last_start, max(last_end, end), [*group, fact])
        else:
            merged.append((start, end, [fact]))
    segments: list[Segment] = []
    position = 0
    for start, end, group in merged:
        if start > position:
            segments.append(Segment(text[position:start], []))
        segments.append(
            Segment(
                text[start:end],
                group,
                anchor=group[0].citation_id,
                citation_ids=tuple(f.citation_id for f in group),
            )
        )
        position = end
    if position < len(text):
        segments.append(Segment(text[position:], []))
    return segments


def article_facts(article: Article) -> list[ArticleFact]:
    """What this article's extraction produced, each fact with the sentence it came from."""
    citations = (
        Citation.objects.filter(article=article)
        .select_related(
            "official", "engagement", "trip__traveler", "stop__place", "stop__trip", "agreement"
        )
        .order_by("start", "pk")
    )
    facts = []
    for citation in citations:
        target = citation.target
        if citation.stop_id:
            label, url = f"Stop: {citation.stop.place}", citation.stop.trip.get_absolute_url()
        else:
            label, url = f"{type(target).__name__}: {target}", target.get_absolute_url()
        facts.append(
            ArticleFact(
                kind=type(target).__name__.lower(),
                label=label,
                url=url,
                quote=citation.quote,
                start=citation.start,
                citation_id=citation.pk,
                end=citation.end,
                parts=citation.quote_parts(),
            )
        )
    return facts


def batch_failures(batch: Batch) -> list[Article]:
    """The batch's failed reports, first failed first, with their errors (FAILURES_SHOWN)."""
    return list(
        batch.articles.filter(status=Article.Status.FAILED)
        .only("pk", "title", "error")
        .order_by("pk")[:FAILURES_SHOWN]
    )


def sources_listed() -> QuerySet[Source]:
    """The sources for the Batches page, with the id of each one's latest batch."""
    return Source.objects.annotate(last_batch_id=Max("batches__pk")).order_by("name", "pk")


def source_for_row(pk: int) -> Source:
    return sources_listed().get(pk=pk)
