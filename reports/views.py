from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from diplomacy.paging import paginate, safe_next

from . import embedded, loaders, selectors
from .forms import ArticleDateForm, SourceForm, UploadForm
from .models import Article, Batch
from .services import article_date_set, articles_reextract, batch_create, ingest_reports


def _with_counts(batches: QuerySet[Batch]) -> QuerySet[Batch]:
    return batches.annotate(
        total=Count("articles"),
        n_undated=Count(
            "articles",
            filter=Q(articles__published=None) & ~Q(articles__status=Article.Status.DUPLICATE),
        ),
        n_processed=Count("articles", filter=~Q(articles__status=Article.Status.QUEUED)),
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
    return render(
        request,
        "reports/batch_list.html",
        {
            "page": page,
            "unbatched": unbatched,
            "sources": selectors.sources_listed(),
            "source_form": SourceForm(),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("reports.add_batch", raise_exception=True)
def batch_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = form.cleaned_data["files"]
        reports: list = []
        for upload in files:
            reports += loaders.read_upload(upload.name, upload.read())
        batch = batch_create(
            name=form.cleaned_data["name"] or ", ".join(f.name for f in files)[:200],
            user=request.user,
            default_published=form.cleaned_data["published"],
            source=form.cleaned_data["source"],
        )
        result = ingest_reports(batch=batch, reports=reports)
        messages.success(
            request,
            f"{len(result.created)} new report(s) queued for extraction, "
            f"{len(result.existing)} already stored, {len(result.errors)} could not be read.",
        )
        return redirect(batch)
    return render(request, "reports/upload.html", {"form": form})


@require_GET
@permission_required("reports.view_batch", raise_exception=True)
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(_with_counts(Batch.objects.select_related("created_by")), pk=pk)
    if batch.n_queued and embedded.active():
        embedded.wake()  # no broker: a batch left queued (by a restart) goes on
    context = {
        "batch": batch,
        "finished": batch.status in ("done", "failed"),
        "failures": selectors.batch_failures(batch) if batch.n_failed else [],
    }
    partial = request.htmx and not request.htmx.boosted
    if partial and request.GET.get("part") != "articles":
        # each poll of the progress panel tells the page's other regions (the table) to follow
        response = render(request, "reports/batch_detail.html#progress", context)
        return trigger_client_event(response, "batch-progress")
    articles = batch.articles.select_related("duplicate_of").order_by("pk")
    context["page"] = paginate(request, articles)
    if partial:
        return render(request, "reports/batch_detail.html#articles", context)
    return render(request, "reports/batch_detail.html", context)


@require_POST
@permission_required("reports.add_batch", raise_exception=True)
def batch_reextract(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(Batch, pk=pk)
    articles = batch.articles.all()
    if request.POST.get("only") == "failed":
        articles = articles.filter(status=Article.Status.FAILED)
    count = articles_reextract(articles)
    messages.success(request, f"{count} article(s) queued for extraction again.")
    return _back(request, batch.get_absolute_url())


@require_POST
@permission_required("reports.add_batch", raise_exception=True)
def all_reextract(request: HttpRequest) -> HttpResponse:
    count = articles_reextract(Article.objects.all())
    messages.success(request, f"All {count} article(s) queued for extraction again.")
    return _back(request, "/batches/")


@require_POST
@permission_required("reports.add_batch", raise_exception=True)
def article_reextract(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    articles_reextract(Article.objects.filter(pk=article.pk))
    messages.success(request, f"“{article}” queued for extraction again.")
    return _back(request, safe_next(request, article.get_absolute_url()))


def _back(request: HttpRequest, url: str) -> HttpResponse:
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@require_GET
@permission_required("reports.view_article", raise_exception=True)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("batch", "duplicate_of"), pk=pk)
    return _article_page(
        request, article, ArticleDateForm(initial={"published": article.published})
    )


def _article_page(
    request: HttpRequest, article: Article, date_form: ArticleDateForm, status: int = 200
) -> HttpResponse:
    facts = selectors.article_facts(article)
    try:
        current = int(request.GET.get("cite", ""))
    except ValueError:
        current = None
    return render(
        request,
        "reports/article_detail.html",
        {
            "article": article,
            "facts": facts,
            "segments": selectors.article_segments(article.text, facts),
            "current": current,
            "date_form": date_form,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@permission_required("reports.change_article", raise_exception=True)
def article_date(request: HttpRequest, pk: int) -> HttpResponse:
    """Set a report's publication date (editors): it is extracted again, its dates resolved."""
    article = get_object_or_404(Article.objects.select_related("batch", "duplicate_of"), pk=pk)
    form = ArticleDateForm(request.POST or None, initial={"published": article.published})
    if request.method == "POST" and form.is_valid():
        article_date_set(article=article, published=form.cleaned_data["published"])
        messages.success(
            request,
            f"Published date set to {article.published.day} {article.published:%b %Y}; the report "
            "is extracted again with it (corrections to its facts are kept).",
        )
        return _back(request, article.get_absolute_url())
    status = 422 if request.method == "POST" else 200
    if request.htmx:
        context = {"article": article, "date_form": form}
        return render(request, "reports/article_detail.html#date-form", context, status=status)
    if request.method == "GET":
        return redirect(f"{article.get_absolute_url()}#date")
    return _article_page(request, article, form, status=status)
