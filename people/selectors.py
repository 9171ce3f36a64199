"""Read queries for officials."""

from django.db.models import Count, Q, QuerySet

from diplomacy.text import normalize_name

from .models import Official


def official_search(*, q: str = "") -> QuerySet[Official]:
    """Officials (not merged away) whose name or an alias contains the query, diacritics ignored."""
    officials = Official.objects.filter(merged_into=None).select_related("country")
    needle = normalize_name(q)
    if needle:
        officials = officials.filter(
            Q(normalized_name__contains=needle) | Q(aliases__normalized__contains=needle)
        ).distinct()
    return officials.annotate(engagement_count=Count("participations", distinct=True)).order_by(
        "name"
    )
