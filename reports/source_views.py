"""The sources (feeds polled for reports) on the Batches page: add, edit inline, poll now."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from . import selectors
from .forms import SourceForm
from .models import Source
from .polling import source_create, source_poll_now, source_update


def _row(request: HttpRequest, pk: int, status: int = 200) -> HttpResponse:
    try:
        source = selectors.source_for_row(pk)
    except Source.DoesNotExist as exc:
        raise Http404("No such source") from exc
    return render(request, "reports/_source_row.html", {"source": source}, status=status)


@require_GET
@permission_required("reports.view_source", raise_exception=True)
def source_row(request: HttpRequest, pk: int) -> HttpResponse:
    """The source's row on the Batches page (what Cancel restores)."""
    return _row(request, pk)


@require_http_methods(["GET", "POST"])
@permission_required("reports.add_source", raise_exception=True)
def source_add(request: HttpRequest) -> HttpResponse:
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source = source_create(**form.cleaned_data)
        messages.success(request, f"Source “{source}” added; it is due a poll now.")
        return redirect(reverse("reports:batches") + "#sources")
    status = 422 if request.method == "POST" else 200
    return render(request, "reports/source_form.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@permission_required("reports.change_source", raise_exception=True)
def source_edit(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    if request.method == "GET":
        form = SourceForm(initial=SourceForm.initial_for(source), source=source)
        return _form(request, source, form)
    form = SourceForm(request.POST, source=source)
    if not form.is_valid():
        return _form(request, source, form, status=422)
    source_update(source=source, **form.cleaned_data)
    if request.htmx:
        return _row(request, source.pk)
    messages.success(request, f"Source “{source}” saved.")
    return redirect(reverse("reports:batches") + "#sources")


def _form(request: HttpRequest, source: Source, form: SourceForm, status: int = 200):
    """An htmx request gets the row's form; a plain one the page that holds it."""
    template = "reports/_source_form.html" if request.htmx else "reports/source_form.html"
    return render(request, template, {"source": source, "form": form}, status=status)


@require_POST
@permission_required("reports.change_source", raise_exception=True)
def source_poll(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    if source_poll_now(source=source):
        messages.success(request, f"Polling “{source}”.")
    else:
        messages.info(request, f"“{source}” is being polled already.")
    back = reverse("reports:batches") + "#sources"
    return HttpResponseClientRedirect(back) if request.htmx else redirect(back)
