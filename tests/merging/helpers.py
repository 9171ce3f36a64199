"""Builders the merging tests share."""

from __future__ import annotations

from engagements.models import Citation
from reports.models import Article


def cite(article: Article, quote: str, **target) -> Citation:
    start = article.text.index(quote)
    return Citation.objects.create(
        article=article, start=start, end=start + len(quote), quote=quote, **target
    )
