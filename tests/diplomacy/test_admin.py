"""The Django admin is usable for every model: lists, search, filters, add forms, inlines."""

from datetime import date

import pytest
from django.contrib import admin
from django.urls import reverse

from tests import factories

MODELS = [
    m for m in admin.site._registry if m._meta.app_label in {"people", "engagements", "reports"}
]


def test_every_domain_model_is_in_the_admin():
    names = {m._meta.model_name for m in MODELS}
    assert names >= {
        "country", "organization", "official", "officialalias", "post", "place",
        "engagement", "participant", "trip", "stop", "agreement", "agreementalias",
        "citation", "article", "batch",
    }  # fmt: skip


@pytest.fixture
def record(db):
    blinken = factories.official("Antony Blinken", "US", aliases=("Blinken",))
    paris = factories.place("Paris", "FR")
    trip = factories.trip(blinken, [(paris, date(2021, 10, 4), date(2021, 10, 6))])
    source = factories.article("Blinken met Macron in Paris on Tuesday.")
    factories.engagement(
        [blinken], on=date(2021, 10, 5), where=paris, stop=trip.stops.get(), source=source
    )


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_each_admin_list_searches_and_opens_its_add_form(admin_client_, record, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client_.get(changelist).status_code == 200
    assert admin_client_.get(changelist, {"q": "Blinken"}).status_code == 200
    add = admin_client_.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    # API tokens are issued by `manage.py api_token` (the key is shown once), not added here
    assert add.status_code == (403 if opts.model_name == "apitoken" else 200)
    first = model.objects.first()
    if first is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
        assert admin_client_.get(change).status_code == 200


def test_the_engagement_form_edits_participants_inline(admin_client_, record):
    from engagements.models import Engagement

    meeting = Engagement.objects.get()
    page = admin_client_.get(reverse("admin:engagements_engagement_change", args=[meeting.pk]))
    assert b"participations-TOTAL_FORMS" in page.content
    assert b"Antony Blinken" in page.content


def test_analysts_cannot_open_the_admin(analyst_client):
    response = analyst_client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
