"""What every merge shares: its working set (look-ups, pending writes) and its citations.

A merge folds one article's extraction, or a chunk of articles' at once, into the record.
It looks the record up once per kind of fact (`*_load`), decides in memory, and writes
what it decided at its end, a few statements per kind (`*_write`, `updates_write`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

from diplomacy.bulk import rows_update, values_insert
from diplomacy.text import sentence_around
from engagements.models import (
    CITABLE,
    Agreement,
    AgreementAlias,
    Citation,
    Engagement,
    Stop,
    Trip,
)
from people.models import Country, Official

if TYPE_CHECKING:
    from reports.models import Article

# Fields one rule sets together: an editor's hand on one of them keeps all three.
DATE_FIELDS = frozenset({"start", "end", "precision"})


@dataclass
class KnownEngagements:
    """Engagements on record the merge's officials took part in, near the merge's dates."""

    by_pk: dict[int, Engagement] = field(default_factory=dict)
    # official pk -> pks of the engagements above they took part in
    of_official: dict[int, set[int]] = field(default_factory=dict)


@dataclass
class KnownTrips:
    """The merge's travelers' trips near its dates, on record or new, with their stops."""

    of_traveler: dict[int, list[Trip]] = field(default_factory=lambda: defaultdict(list))
    # id(trip) -> its stops in order, as the merge left them
    stops: dict[int, list[Stop]] = field(default_factory=dict)
    # stop pk -> its order on record, to tell which stops the merge moved
    orders: dict[int, int] = field(default_factory=dict)
    touched: dict[int, Trip] = field(default_factory=dict)
    # id(companion's trip) -> the principal's trip this merge linked it to (either may be new)
    linked: dict[int, Trip] = field(default_factory=dict)
    new_trips: list[Trip] = field(default_factory=list)
    new_stops: list[Stop] = field(default_factory=list)


@dataclass
class KnownAgreements:
    """Agreements on record or new that go by any of the merge's agreement names."""

    by_form: dict[str, list[Agreement]] = field(default_factory=lambda: defaultdict(list))
    # id(agreement) -> its normalized name and aliases; its parties' country pks
    forms: dict[int, set[str]] = field(default_factory=dict)
    parties: dict[int, set[int]] = field(default_factory=dict)
    new: list[Agreement] = field(default_factory=list)
    new_aliases: list[AgreementAlias] = field(default_factory=list)
    new_parties: list[tuple[Agreement, Country]] = field(default_factory=list)


@dataclass
class MergeResult:
    """What a merge did, what it looked up once, and what it will write at its end."""

    officials: list[Official] = field(default_factory=list)
    countries: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    citations: dict = field(default_factory=dict)
    # engagements this merge creates, written together at its end, with their participants
    new_engagements: list[Engagement] = field(default_factory=list)
    # id(engagement) -> pks of the officials known to take part (on record, or as extracted)
    people: dict[int, set[int]] = field(default_factory=dict)
    # ids of the engagements this merge put at a stop (which may have no primary key yet)
    at_stop: set[int] = field(default_factory=set)
    engagements: KnownEngagements = field(default_factory=KnownEngagements)
    trips: KnownTrips = field(default_factory=KnownTrips)
    agreements: KnownAgreements = field(default_factory=KnownAgreements)
    # id(row on record) -> (row, fields changed, whether its version goes up)
    updates: dict[int, tuple[models.Model, set[str], bool]] = field(default_factory=dict)
    engagements_created: int = 0
    engagements_matched: int = 0
    stops_created: int = 0
    stops_matched: int = 0
    agreements_created: int = 0
    agreements_matched: int = 0

    def change(self, row: models.Model, *fields: str, version: bool = False) -> None:
        """Note fields of a row on record the merge changed; `updates_write` saves them.

        A row created by this merge (no primary key yet) is written whole at its creation.
        """
        if row.pk is None:
            return
        _, changed, bump = self.updates.setdefault(id(row), (row, set(), False))
        changed.update(fields)
        if version and not bump:
            self.updates[id(row)] = (row, changed, True)


def confidence(value: float) -> float:
    """An extractor's confidence as stored: within 0 to 1, three decimals."""
    return round(max(0.0, min(value, 1.0)), 3)


def cite(
    article: Article, span: tuple[int, int] | list[int], result: MergeResult, **target
) -> None:
    """Cite, for one fact, the whole sentence around span with span marked inside it; written
    by `citations_write`, once per fact and sentence (spans in one sentence are joined)."""
    start, end = int(span[0]), int(span[1])
    if not (0 <= start < end <= len(article.text)):
        return
    left, right = sentence_around(article.text, start, end)
    if left >= right:
        return
    ((name, fact),) = target.items()
    # keyed by the objects (a fact created by this merge has no primary key yet); the spans
    # of one fact in one sentence are joined
    key = (id(article), name, id(fact), left, right)
    known = result.citations.get(key)
    if known is not None:
        start, end = min(start, known[5]), max(end, known[6])
    result.citations[key] = (article, name, fact, left, right, start, end)


def citations_write(result: MergeResult) -> None:
    """Write the merge's citations (once its facts are written: they cite them by key)."""
    now = timezone.now()
    values_insert(
        Citation,
        [
            "article_id",
            "start",
            "end",
            "quote",
            "span_start",
            "span_end",
            "created_at",
            *(f"{n}_id" for n in CITABLE),
        ],
        (
            [
                a.pk,
                left,
                right,
                a.text[left:right],
                start,
                end,
                now,
                *(fact.pk if n == name else None for n in CITABLE),
            ]
            for a, name, fact, left, right, start, end in result.citations.values()
        ),
    )
    result.citations.clear()


def updates_write(result: MergeResult) -> None:
    """Save the rows on record the merge changed: per kind and set of fields, one statement.

    The rows are locked and their `edited_fields` read again first: a field an editor set
    since the merge read the row is left as the editor set it (a date field keeps its two
    siblings with it), and a version goes up from the one on record, so a form read
    before this merge still sees a conflict.
    """
    by_model: dict[type[models.Model], list[tuple[models.Model, set[str], bool]]] = {}
    for row, fields, bump in result.updates.values():
        by_model.setdefault(type(row), []).append((row, fields, bump))
    result.updates = {}
    now = timezone.now()
    for model, changes in sorted(by_model.items(), key=lambda item: item[0]._meta.label):
        current = {
            pk: (set(edited), version)
            for pk, edited, version in model._default_manager.select_for_update()
            .filter(pk__in=[row.pk for row, _, _ in changes])
            .order_by("pk")
            .values_list("pk", "edited_fields", "version")
        }
        groups: dict[frozenset[str], list[models.Model]] = {}
        for row, fields, bump in changes:
            if row.pk not in current:  # gone meanwhile (an editor's merge)
                continue
            edited, version = current[row.pk]
            edited |= {name.removesuffix("_id") for name in edited}  # a revert names columns
            if edited & DATE_FIELDS:
                edited |= DATE_FIELDS
            fields = fields - edited
            if not fields:
                continue
            row.version = version + 1 if bump else version
            if bump:
                fields.add("version")
            row.updated_at = now
            groups.setdefault(frozenset(fields | {"updated_at"}), []).append(row)
        for fields, rows in groups.items():
            rows_update(model, rows, sorted(fields), history=True)
