"""The sample reports, extracted, set beside the imported official record."""

from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from engagements.models import Stop
from engagements.reconcile import reconcile
from people.models import Official
from reports.services import batch_create, ingest_reports, read_reports

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


@pytest.mark.django_db
def test_blinken_october_2021_news_and_record(blinken_file, run_tasks, analyst_client):
    with run_tasks():
        ingest_reports(batch=batch_create(name="samples"), reports=read_reports([SAMPLES]))
    call_command(
        "import_travels", str(blinken_file), "--no-progress", stdout=StringIO(), stderr=StringIO()
    )
    blinken = Official.objects.get(
        merged_into=None, normalized_name__in=["antony blinken", "antony j blinken"]
    )
    assert Stop.objects.filter(trip__traveler=blinken, origin="record").exists()
    assert Stop.objects.filter(trip__traveler=blinken, origin="extracted").exists()

    result = reconcile(traveler=blinken, start=date(2021, 10, 1), end=date(2021, 10, 31))
    matched = {p.news.place.name for p in result.matches}
    assert {"Paris", "Mexico City"} <= matched
    assert "Stanford University" in {s.place.name for s in result.news_only}

    page = analyst_client.get(
        "/record/reconcile/", {"traveler": blinken.pk, "start": "2021-10-01", "end": "2021-10-31"}
    ).content.decode()
    assert "Stanford University" in page and "Mexico City" in page
