"""Fixtures of the reports tests."""

import pytest

from reports.tasks import article_extract


@pytest.fixture
def queued(monkeypatch) -> list[int]:
    """The article ids queued for extraction, in order, as the transactions commit."""
    ids: list[int] = []
    monkeypatch.setattr(article_extract._get_current_object(), "delay", ids.append)
    return ids
