"""Login is required everywhere but the login page; groups decide what each role sees."""

import pytest
from django.urls import reverse

from tests import factories

PAGES = [
    ("home", []),
    ("engagements:trips", []),
    ("engagements:engagements", []),
    ("engagements:agreements", []),
    ("people:officials", []),
    ("reports:batches", []),
]


@pytest.mark.django_db
@pytest.mark.parametrize("name, args", PAGES + [("engagements:review", [])])
def test_anonymous_visitors_are_sent_to_the_login_page(client, name, args):
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_the_login_page_and_health_check_are_open(client, db):
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("healthz")).json() == {"status": "ok"}


@pytest.mark.django_db
@pytest.mark.parametrize("name, args", PAGES)
def test_analysts_can_read_every_page(analyst_client, name, args):
    assert analyst_client.get(reverse(name, args=args)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name, args", PAGES[1:])
def test_a_user_in_no_group_is_forbidden(outsider_client, name, args):
    assert outsider_client.get(reverse(name, args=args)).status_code == 403


@pytest.mark.django_db
def test_the_review_queue_is_for_editors_not_analysts(analyst_client, editor_client):
    assert analyst_client.get(reverse("engagements:review")).status_code == 403
    assert editor_client.get(reverse("engagements:review")).status_code == 200


@pytest.mark.django_db
def test_navigation_matches_the_role(analyst_client, editor_client, admin_client_):
    analyst_nav = analyst_client.get(reverse("home")).content.decode()
    assert "Trips" in analyst_nav and "Officials" in analyst_nav
    assert reverse("engagements:review") not in analyst_nav
    assert reverse("admin:index") not in analyst_nav
    assert reverse("engagements:review") in editor_client.get(reverse("home")).content.decode()
    admin_nav = admin_client_.get(reverse("home")).content.decode()
    assert reverse("reports:batches") in admin_nav and reverse("admin:index") in admin_nav


@pytest.mark.django_db
def test_group_permissions_follow_the_roles(analyst, editor, admin_user):
    assert analyst.has_perm("engagements.view_engagement")
    assert not analyst.has_perm("engagements.change_engagement")
    assert editor.has_perm("engagements.change_engagement")
    assert editor.has_perm("people.change_official")
    assert not editor.has_perm("reports.add_batch")
    assert not editor.has_perm("auth.change_user")
    assert admin_user.has_perm("reports.add_batch")


@pytest.mark.django_db
def test_pages_use_post_for_logout_and_reject_other_methods(analyst_client):
    assert analyst_client.post(reverse("engagements:trips")).status_code == 405
    response = analyst_client.post(reverse("logout"))
    assert response.status_code == 302
    assert analyst_client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_detail_pages_404_for_missing_records(analyst_client):
    for name in ["engagements:trip", "engagements:engagement", "engagements:agreement"]:
        assert analyst_client.get(reverse(name, args=[999])).status_code == 404
    assert analyst_client.get(reverse("people:official", args=[999])).status_code == 404


@pytest.mark.django_db
def test_a_merged_official_redirects_to_the_one_kept(analyst_client):
    kept = factories.official("Antony Blinken", "US")
    other = factories.official("Tony Blinken", "US")
    other.merged_into = kept
    other.save()
    response = analyst_client.get(reverse("people:official", args=[other.pk]))
    assert response.status_code == 302 and response["Location"] == kept.get_absolute_url()
