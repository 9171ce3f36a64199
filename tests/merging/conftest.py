"""Merging tests: the merge pages mounted, and a small world of duplicate records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from engagements.models import Engagement, Place
from people.models import Official
from reports.models import Article
from tests import factories as make

from .helpers import cite


@dataclass
class World:
    keep: Official
    other: Official
    macron: Official
    paris: Place
    berlin: Place
    article: Article
    together: Engagement  # both records of Blinken and Macron
    only_other: Engagement  # other's record alone with Macron


@pytest.fixture
def world(db) -> World:
    keep = make.official("Antony Blinken", "US", aliases=("Secretary Blinken",))
    other = make.official("Tony Blinken", aliases=("Blinken", "secretary blinken"))
    macron = make.official("Emmanuel Macron", "FR")
    paris = make.place("Paris", "FR", 48.85, 2.35)
    berlin = make.place("Berlin", "DE", 52.52, 13.4)
    article = make.article(
        "Tony Blinken met Emmanuel Macron in Paris. Blinken then flew to Berlin."
    )
    together = make.engagement([keep, other, macron], on=date(2021, 10, 5), where=paris)
    only_other = make.engagement([other, macron], on=date(2021, 10, 6), where=paris)
    cite(article, "Tony Blinken met Emmanuel Macron in Paris.", official=other)
    return World(keep, other, macron, paris, berlin, article, together, only_other)
