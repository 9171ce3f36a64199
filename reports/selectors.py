"""Read queries for reports."""

from __future__ import annotations

from dataclasses import dataclass

from engagements.models import Citation

from .models import Article


@dataclass
class ArticleFact:
    kind: str
    label: str
    url: str
    quote: str
    start: int


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
            )
        )
    return facts
