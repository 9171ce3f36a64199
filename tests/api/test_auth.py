"""Who may read the API: 401 anonymous, 403 without the view permission, tokens, 405."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from people.models import ApiToken


def every_route(world) -> list[str]:
    return [
        reverse("api:trips"),
        reverse("api:trip", args=[world.trip.pk]),
        reverse("api:engagements"),
        reverse("api:engagement", args=[world.meeting.pk]),
        reverse("api:officials"),
        reverse("api:official", args=[world.blinken.pk]),
        reverse("api:agreements"),
        reverse("api:agreement", args=[world.pact.pk]),
        reverse("api:openapi"),
    ]


def test_anonymous_requests_get_401_json_not_a_login_redirect(client, world):
    for url in every_route(world):
        response = client.get(url)
        assert response.status_code == 401, url
        assert response.json()["error"].startswith("Authentication required")
        assert response["WWW-Authenticate"].startswith("Token")


def test_a_user_in_no_group_gets_403(outsider_client, world):
    for url in every_route(world)[:-1]:
        response = outsider_client.get(url)
        assert response.status_code == 403, url
        assert "permission" in response.json()["error"]


@pytest.mark.parametrize("role", ["analyst_client", "editor_client", "admin_client_"])
def test_every_role_may_read(request, role, world):
    client = request.getfixturevalue(role)
    for url in every_route(world):
        assert client.get(url).status_code == 200, (role, url)


def test_post_put_delete_are_405(analyst_client, token_client, world):
    for url in every_route(world):
        for client in (analyst_client, token_client):
            for method in (client.post, client.put, client.delete, client.patch):
                response = method(url)
                assert response.status_code == 405, (url, method)
                assert response["Allow"] == "GET, HEAD"


def test_post_with_a_token_is_405_even_with_csrf_checks_on(analyst_token, world):
    client = Client(
        enforce_csrf_checks=True, headers={"Authorization": f"Token {analyst_token[1]}"}
    )
    assert client.post(reverse("api:engagements")).status_code == 405


def test_head_is_allowed(analyst_client, world):
    assert analyst_client.head(reverse("api:trips")).status_code == 200


def test_a_token_authenticates_and_records_when_it_was_used(analyst_token, token_client, world):
    token, _ = analyst_token
    assert token.last_used is None
    before = timezone.now()
    response = token_client.get(reverse("api:engagements"))
    assert response.status_code == 200 and response.json()["count"] == 4
    token.refresh_from_db()
    assert token.last_used is not None and token.last_used >= before
    assert "sessionid" not in response.cookies  # no session was started


def test_a_wrong_or_empty_token_is_401_even_for_a_logged_in_user(analyst_client, world):
    for header in ("Token nope", "Token ", "token  wrong-key"):
        response = analyst_client.get(reverse("api:trips"), headers={"Authorization": header})
        assert response.status_code == 401, header
        assert response.json()["error"] == "Invalid API token."


def test_an_inactive_users_token_is_401(analyst, analyst_token, token_client, world):
    analyst.is_active = False
    analyst.save()
    assert token_client.get(reverse("api:trips")).status_code == 401


def test_a_token_of_a_user_in_no_group_is_403(outsider, world):
    _, key = ApiToken.issue(outsider)
    client = Client(headers={"Authorization": f"Token {key}"})
    assert client.get(reverse("api:trips")).status_code == 403


def test_only_the_digest_of_a_key_is_stored(analyst_token):
    token, key = analyst_token
    assert token.key != key and token.key == ApiToken.digest(key) and len(token.key) == 64


def test_the_api_token_command_prints_a_working_key(analyst, world, capsys):
    call_command("api_token", analyst.username, "--name", "laptop")
    key = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(key=ApiToken.digest(key))
    assert token.user == analyst and token.name == "laptop"
    client = Client(headers={"Authorization": f"Token {key}"})
    assert client.get(reverse("api:officials")).status_code == 200


def test_the_api_token_command_refuses_an_unknown_user(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No user named"):
        call_command("api_token", "nobody")
