from __future__ import annotations

import pytest

from tests.api import world as world_module


@pytest.fixture
def world(db) -> world_module.World:
    return world_module.build()
