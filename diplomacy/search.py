"""Global search over officials, places, engagements, agreements and report text.

On PostgreSQL, report text uses full-text search (websearch syntax, English
stemming, ranked, served by the GIN index of the articles' documents, a table of
their own); elsewhere a plain substring match.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from diplomacy.models import Review
from diplomacy.text import normalize_name
from engagements.models import Agreement, AgreementAlias, Engagement, Participant, Place
from people.models import Official, OfficialAlias
from reports.models import Article

# each article's document, kept (and GIN-indexed) by reports migration 0007's trigger, over its
# first 300,000 characters (0010: PostgreSQL refuses a tsvector over 1 MB)
ARTICLE_DOCUMENT = (
    "(SELECT document FROM reports_articlesearch WHERE article_id = reports_article.id)"
)


@dataclass
class SearchResults:
    query: str
    officials: list = field(default_factory=list)
    places: list = field(default_factory=list)
    engagements: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    articles: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(
            len(x)
            for x in (self.officials, self.places, self.engagements, self.agreements, self.articles)
        )


def articles_matching(query: str):
    """Articles whose title or text match, best first."""
    if connection.vendor == "postgresql":
        match = (
            "reports_article.id IN (SELECT article_id FROM reports_articlesearch "
            "WHERE document @@ websearch_to_tsquery('english', %s))"
        )
        rank = f"ts_rank({ARTICLE_DOCUMENT}, websearch_to_tsquery('english', %s))"
        return (
            Article.objects.extra(where=[match], params=[query])  # noqa: S610 - parameterized
            .annotate(rank=RawSQL(rank, [query]))
            .order_by("-rank", "-published")
        )
    return Article.objects.filter(Q(title__icontains=query) | Q(text__icontains=query)).order_by(
        "-published", "-pk"
    )


def search(query: str, limit: int = 20) -> SearchResults:
    query = query.strip()
    results = SearchResults(query=query)
    needle = normalize_name(query)
    if not needle:
        return results
    visible = ~Q(review=Review.REJECTED)
    results.officials = list(
        Official.objects.filter(visible, merged_into=None)
        .filter(
            Q(normalized_name__contains=needle)
            | Q(pk__in=OfficialAlias.objects.filter(normalized__contains=needle).values("official"))
        )
        .select_related("country")
        .order_by("name")[:limit]
    )
    results.places = list(
        Place.objects.filter(normalized__contains=needle).select_related("country")[:limit]
    )
    # engagements of the people and places found, or named like the query
    people = [official.pk for official in results.officials]
    places = [place.pk for place in results.places]
    results.engagements = list(
        Engagement.objects.filter(visible)
        .filter(
            Q(title__icontains=query)
            | Q(place__in=places)
            | Q(pk__in=Participant.objects.filter(official__in=people).values("engagement"))
        )
        .select_related("place__country")
        .order_by("-start", "-pk")[:limit]
    )
    results.agreements = list(
        Agreement.objects.filter(visible)
        .filter(
            Q(normalized_name__contains=needle)
            | Q(
                pk__in=AgreementAlias.objects.filter(normalized__contains=needle).values(
                    "agreement"
                )
            )
        )
        .order_by("name")[:limit]
    )
    results.articles = list(articles_matching(query)[:limit])
    return results
