"""Read queries for officials."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Count, Prefetch, Q, QuerySet

from diplomacy.models import Review
from diplomacy.text import normalize_name

from .models import Official, OfficialAlias


def official_search(*, q: str = "") -> QuerySet[Official]:
    """Officials (not merged away) whose name or an alias contains the query, diacritics ignored."""
    officials = Official.objects.filter(merged_into=None).exclude(review=Review.REJECTED)
    needle = normalize_name(q)
    if needle:
        officials = officials.filter(
            Q(normalized_name__contains=needle)
            | Q(pk__in=OfficialAlias.objects.filter(normalized__contains=needle).values("official"))
        )
    return (
        officials.select_related("country")
        .annotate(engagement_count=Count("participations", distinct=True))
        .order_by("name")
    )


@dataclass
class Counterpart:
    official: Official
    count: int


@dataclass
class MonthGroup:
    label: str  # "Oct 2021", or "Date unknown"
    engagements: list


@dataclass
class YearGroup:
    year: int | None
    months: list[MonthGroup]


def official_profile(official: Official, limit: int = 60) -> dict:
    """An official's engagements grouped by year and month, frequent counterparts and trips.

    A fixed number of queries whatever the number of engagements or participants.
    """
    from engagements.models import Citation, Engagement, Participant

    theirs = Engagement.objects.filter(
        pk__in=Participant.objects.filter(official=official).values("engagement")
    ).exclude(review=Review.REJECTED)
    total = theirs.count()
    engagements = list(
        theirs.select_related("place__country", "stop__trip")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participant.objects.select_related("official__country").prefetch_related(
                    "official__posts"
                ),
            ),
            Prefetch("citations", queryset=Citation.objects.select_related("article")),
        )
        .order_by("-start", "-pk")[:limit]
    )
    counter: Counter[int] = Counter()
    people: dict[int, Official] = {}
    for engagement in engagements:
        for participation in engagement.participations.all():
            if participation.official_id != official.pk:
                counter[participation.official_id] += 1
                people[participation.official_id] = participation.official
    counterparts = [Counterpart(people[pk], n) for pk, n in counter.most_common(10)]

    years: list[YearGroup] = []
    for year, items in groupby(engagements, key=lambda e: e.start.year if e.start else None):
        months = [
            MonthGroup(label=label, engagements=list(group))
            for label, group in groupby(
                items, key=lambda e: e.start.strftime("%b %Y") if e.start else "Date unknown"
            )
        ]
        years.append(YearGroup(year=year, months=months))

    trips = list(
        official.trips.exclude(review=Review.REJECTED)
        .annotate(stop_count=Count("stops"))
        .prefetch_related("stops__place")
        .order_by("-start")[:100]
    )
    return {
        "years": years,
        "engagement_count": total,
        "engagements_shown": len(engagements),
        "counterparts": counterparts,
        "trips": trips,
    }
