from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from diplomacy.paging import paginate

from .models import Article, Batch


def _with_counts(batches):
    return batches.annotate(
        total=Count("articles"),
        **{
            f"n_{status}": Count("articles", filter=Q(articles__status=status))
            for status in Article.Status.values
        },
    ).order_by("-created_at", "-pk")


@require_GET
@permission_required("reports.view_batch", raise_exception=True)
def batch_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, _with_counts(Batch.objects.select_related("created_by")))
    unbatched = Article.objects.filter(batch=None).count()
    return render(request, "reports/batch_list.html", {"page": page, "unbatched": unbatched})


@require_GET
@permission_required("reports.view_batch", raise_exception=True)
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(_with_counts(Batch.objects.all()), pk=pk)
    page = paginate(request, batch.articles.order_by("pk"))
    return render(request, "reports/batch_detail.html", {"batch": batch, "page": page})


@require_GET
@permission_required("reports.view_article", raise_exception=True)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("batch"), pk=pk)
    return render(request, "reports/article_detail.html", {"article": article})
