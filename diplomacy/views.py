"""Project-wide views: the home page and a health check."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from diplomacy.search import search
from engagements.models import Agreement, Engagement, Stop, Trip
from people.models import Official
from reports.models import Article, Batch


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """What the record holds: counts of each kind of fact and of reports."""
    counts = [
        ("Trips", Trip.objects.count(), "engagements:trips"),
        ("Stops", Stop.objects.count(), "engagements:trips"),
        ("Engagements", Engagement.objects.count(), "engagements:engagements"),
        ("Officials", Official.objects.filter(merged_into=None).count(), "people:officials"),
        ("Agreements", Agreement.objects.count(), "engagements:agreements"),
        ("Articles", Article.objects.count(), "reports:batches"),
        ("Batches", Batch.objects.count(), "reports:batches"),
    ]
    latest = Article.objects.order_by("-created_at")[:10]
    return render(request, "home.html", {"counts": counts, "latest_articles": latest})


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers and docker-compose."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
def search_view(request: HttpRequest) -> HttpResponse:
    """Search everything: officials, places, engagements, agreements and report text."""
    results = search(request.GET.get("q", ""))
    return render(request, "search.html", {"results": results})
