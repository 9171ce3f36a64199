"""The merge pages: side by side, confirm, redirect; permissions, CSRF, 404, 400, 405."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from engagements.models import Engagement, Trip
from people.models import Official
from tests import factories as make


def url(kind: str, keep: int, other: int) -> str:
    return f"{reverse(f'merge:{kind}')}?keep={keep}&other={other}"


def post(client: Client, kind: str, keep: int, other: int, **extra):
    return client.post(reverse(f"merge:{kind}"), {"keep": keep, "other": other}, **extra)


@pytest.fixture
def trips(world):
    keep = make.trip(world.keep, [(world.paris, date(2021, 10, 5), date(2021, 10, 5))])
    other = make.trip(world.keep, [(world.berlin, date(2021, 10, 4), date(2021, 10, 4))])
    return keep, other


@pytest.fixture
def pairs(world, trips) -> dict[str, tuple[int, int]]:
    return {
        "officials": (world.keep.pk, world.other.pk),
        "engagements": (world.together.pk, world.only_other.pk),
        "trips": (trips[0].pk, trips[1].pk),
    }


KINDS = ["officials", "engagements", "trips"]


# ---------------------------------------------------------------- officials


def test_officials_page_shows_both_side_by_side(world, editor_client):
    Official.objects.filter(pk=world.other.pk).update(country=make.country("GB"))
    response = editor_client.get(url("officials", world.keep.pk, world.other.pk))
    assert response.status_code == 200
    page = response.content.decode()
    for text in ["Antony Blinken", "Tony Blinken", "Secretary Blinken", "United Kingdom"]:
        assert text in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert response.context["keep"].engagement_count == 1
    assert response.context["other"].engagement_count == 2
    assert response.context["shared"] == 1


def test_officials_post_merges_and_redirects_to_keep(world, editor_client, editor):
    response = post(editor_client, "officials", world.keep.pk, world.other.pk)
    assert response.status_code == 303
    assert response["Location"] == world.keep.get_absolute_url()
    other = Official.objects.get(pk=world.other.pk)
    assert other.merged_into_id == world.keep.pk
    assert other.history.latest().history_user == editor

    page = editor_client.get(response["Location"])
    assert "Tony Blinken merged into Antony Blinken." in page.content.decode()
    # the old page redirects to the record kept
    old = editor_client.get(reverse("people:official", args=[world.other.pk]))
    assert old.status_code == 302
    assert old["Location"] == world.keep.get_absolute_url()


def test_self_merge_is_refused_with_a_message(world, editor_client):
    response = editor_client.get(url("officials", world.keep.pk, world.keep.pk))
    assert response.status_code == 200
    assert "into itself" in response.content.decode()
    assert '<form method="post" action="/merge' not in response.content.decode()

    response = post(editor_client, "officials", world.keep.pk, world.keep.pk)
    assert response.status_code == 400
    assert "Cannot merge Antony Blinken into itself" in response.content.decode()
    assert Official.objects.get(pk=world.keep.pk).version == 1


def test_a_refused_merge_re_renders_the_page_with_400(world, editor_client):
    post(editor_client, "officials", world.keep.pk, world.other.pk)
    third = make.official("Antony J. Blinken")
    response = post(editor_client, "officials", world.other.pk, third.pk)
    assert response.status_code == 400
    assert "merge into Antony Blinken instead" in response.content.decode()
    assert response.context["keep"].pk == world.other.pk


def test_names_are_escaped(world, editor_client):
    Official.objects.filter(pk=world.other.pk).update(name="<script>alert(1)</script>")
    page = editor_client.get(url("officials", world.keep.pk, world.other.pk)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# ---------------------------------------------------------------- engagements and trips


def test_engagements_page_and_merge(world, editor_client):
    response = editor_client.get(url("engagements", world.together.pk, world.only_other.pk))
    assert response.status_code == 200
    assert "Emmanuel Macron" in response.content.decode()

    response = post(editor_client, "engagements", world.together.pk, world.only_other.pk)
    assert response.status_code == 303
    assert response["Location"] == world.together.get_absolute_url()
    assert not Engagement.objects.filter(pk=world.only_other.pk).exists()


def test_trips_page_and_merge(world, trips, editor_client):
    keep, other = trips
    response = editor_client.get(url("trips", keep.pk, other.pk))
    assert response.status_code == 200
    assert "Berlin" in response.content.decode()

    response = post(editor_client, "trips", keep.pk, other.pk)
    assert response.status_code == 303
    assert response["Location"] == keep.get_absolute_url()
    assert [s.place.name for s in keep.stops.order_by("order")] == ["Berlin", "Paris"]


def test_trips_of_two_travelers_are_refused_with_400(world, trips, editor_client):
    theirs = make.trip(world.macron, [(world.paris, date(2021, 10, 5), date(2021, 10, 5))])
    response = post(editor_client, "trips", trips[0].pk, theirs.pk)
    assert response.status_code == 400
    assert "different travelers" in response.content.decode()
    assert Trip.objects.filter(pk=theirs.pk).exists()


# ---------------------------------------------------------------- access


@pytest.mark.parametrize("kind", KINDS)
def test_analyst_and_outsider_get_403_on_get_and_post(kind, pairs, analyst_client, outsider_client):
    keep, other = pairs[kind]
    for client in (analyst_client, outsider_client):
        assert client.get(url(kind, keep, other)).status_code == 403
        assert post(client, kind, keep, other).status_code == 403
    assert Official.objects.filter(merged_into__isnull=False).count() == 0
    assert Engagement.objects.count() == 2
    assert Trip.objects.count() == 2


@pytest.mark.parametrize("kind", KINDS)
def test_anonymous_is_sent_to_login(kind, pairs, client):
    response = client.get(url(kind, *pairs[kind]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("kind", KINDS)
def test_editor_and_admin_may_open_the_page(kind, pairs, editor_client, admin_client_):
    assert editor_client.get(url(kind, *pairs[kind])).status_code == 200
    assert admin_client_.get(url(kind, *pairs[kind])).status_code == 200


@pytest.mark.parametrize("kind", KINDS)
def test_post_without_csrf_token_is_403(kind, pairs, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    keep, other = pairs[kind]
    assert post(client, kind, keep, other).status_code == 403

    # with the token from the page, the same POST merges
    client.get(url(kind, keep, other))
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse(f"merge:{kind}"), {"keep": keep, "other": other, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 303


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "query", ["", "?keep=1", "?keep=abc&other=1", "?keep=99999&other=99998", "?keep=-1&other=1"]
)
def test_bad_ids_are_404(kind, query, pairs, editor_client):
    keep, _ = pairs[kind]
    query = query.replace("other=1", f"other={keep}")
    assert editor_client.get(reverse(f"merge:{kind}") + query).status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_other_methods_are_405(kind, pairs, editor_client):
    assert editor_client.put(url(kind, *pairs[kind])).status_code == 405
