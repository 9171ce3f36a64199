"""The official record: the Office of the Historian's travels and visits, imported as facts.

Three rooms, used by `manage.py import_travels` / `import_visits` and `/record/reconcile/`:

- `parse`: the XML -> `RecordEntry` dataclasses (pure Python: no Django, no database);
- `match`: the place of each entry, the trips entries form and continue, the people named;
- `write`: `RecordImporter` (stops, trips, articles, citations, engagements) and
  `stop_accept_record_dates`, the reconciliation page's write.

The names below are importable from here; those of `match` and `write` load Django models, so
they are imported on first use: `engagements.record.parse` stays importable without Django.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .parse import (
    RecordEntry,
    parse_travels,
    parse_visits,
    presidents_file_near,
    record_country,
    split_title,
)

if TYPE_CHECKING:
    from .match import group_trips, visits_with_places
    from .write import (
        ImportSummary,
        RecordImporter,
        import_travels,
        import_visits,
        stop_accept_record_dates,
    )

_ROOMS = {
    "group_trips": "match",
    "visits_with_places": "match",
    "ImportSummary": "write",
    "RecordImporter": "write",
    "import_travels": "write",
    "import_visits": "write",
    "stop_accept_record_dates": "write",
}


def __getattr__(name: str) -> Any:
    if name not in _ROOMS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_ROOMS[name]}"), name)


__all__ = [
    "ImportSummary",
    "RecordEntry",
    "RecordImporter",
    "group_trips",
    "import_travels",
    "import_visits",
    "parse_travels",
    "parse_visits",
    "presidents_file_near",
    "record_country",
    "split_title",
    "stop_accept_record_dates",
    "visits_with_places",
]
