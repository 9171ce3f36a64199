"""Fixtures of the reports tests."""

import pytest

from reports.tasks import articles_extract


@pytest.fixture
def queued(monkeypatch) -> list[int]:
    """The article ids queued for extraction, in order, as the transactions commit."""
    ids: list[int] = []
    monkeypatch.setattr(articles_extract._get_current_object(), "delay", ids.extend)
    return ids


@pytest.fixture
def chunks(monkeypatch) -> list[list[int]]:
    """The extraction tasks queued, each its chunk of article ids, as the transactions commit."""
    sent: list[list[int]] = []
    monkeypatch.setattr(articles_extract._get_current_object(), "delay", sent.append)
    return sent
