"""Pagination shared by the list pages."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = 50) -> Page:
    """The page named by ?page= (the last page when it is past the end, the first when invalid)."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
