from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from people.models import ApiToken
from tests.api import world as world_module


@pytest.fixture
def world(db) -> world_module.World:
    return world_module.build()


@pytest.fixture
def analyst_token(analyst: User) -> tuple[ApiToken, str]:
    return ApiToken.issue(analyst, name="notebook")


@pytest.fixture
def token_client(analyst_token) -> Client:
    """A client that is not logged in and sends the analyst's token."""
    return Client(headers={"Authorization": f"Token {analyst_token[1]}"})
