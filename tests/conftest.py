"""Fixtures shared by the whole suite: users per role, and real-service guards."""

from __future__ import annotations

import os
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

PASSWORD = "correct-horse-battery-staple"


def services_required() -> bool:
    """CI sets REQUIRE_SERVICES=1: a missing PostgreSQL or Redis is then a failure, not a skip."""
    return os.environ.get("REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> None:
    if services_required():
        pytest.fail(f"{reason} (REQUIRE_SERVICES is set, so this may not be skipped)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def reference_data(request) -> None:
    """Countries and role groups, which migrations load, back after a transactional flush."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from django.apps import apps

        from people.countries import load_countries
        from people.roles import create_role_groups

        request.getfixturevalue("transactional_db")
        load_countries(apps)
        create_role_groups(apps)


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """`with run_tasks(): ...` runs the Celery tasks queued inside, in this process.

    Only tests that ask for it run tasks eagerly; the rest queue them to the
    in-memory broker, where nothing consumes them.
    """
    from diplomacy.celery import app

    @contextmanager
    def running():
        with django_capture_on_commit_callbacks(execute=True):
            yield

    app.conf.task_always_eager = True
    try:
        yield running
    finally:
        app.conf.task_always_eager = False


def make_user(username: str, group: str | None, **extra) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def analyst(db) -> User:
    return make_user("ana", "analyst")


@pytest.fixture
def editor(db) -> User:
    return make_user("eddie", "editor", is_staff=True)


@pytest.fixture
def admin_user(db) -> User:
    return make_user("ada", "admin", is_staff=True, is_superuser=True)


@pytest.fixture
def outsider(db) -> User:
    """Logged in, but in no group: may see nothing."""
    return make_user("otto", None)


def _client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def analyst_client(analyst) -> Client:
    return _client_for(analyst)


@pytest.fixture
def editor_client(editor) -> Client:
    return _client_for(editor)


@pytest.fixture
def admin_client_(admin_user) -> Client:
    return _client_for(admin_user)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return _client_for(outsider)
