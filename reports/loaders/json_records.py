"""`.json` (an object, a list of objects or `{"reports": [...]}`) and `.jsonl` (one a line)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .base import Loaded, LoadError, attempt
from .records import json_type, record_report


def json_reports(name: str, text: str) -> Iterator[Loaded]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            f"{name}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    except (ValueError, RecursionError) as exc:  # e.g. nesting thousands of levels deep
        raise LoadError(f"{name}: unreadable JSON ({_failure(exc)})") from exc
    if isinstance(doc, dict) and "reports" in doc and "text" not in doc:
        doc = doc["reports"]
        if not isinstance(doc, list):
            raise LoadError(f"{name}: 'reports' should be a list of objects")
    if isinstance(doc, dict):
        yield record_report(doc, name, name)
        return
    if not isinstance(doc, list):
        raise LoadError(
            f'{name}: expected an object, a list of objects or {{"reports": [...]}}, '
            f"found {json_type(doc)}"
        )
    if not doc:
        raise LoadError(f"{name}: the list of reports is empty")
    for index, record in enumerate(doc, start=1):
        yield attempt(record_report, record, f"{name}, record {index}", f"{name}#{index}")


def jsonl_reports(name: str, text: str) -> Iterator[Loaded]:
    found = False
    # Split on newlines only: JSON strings may hold other line separators (U+2028) raw.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        found = True
        label = f"{name}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LoadError(f"{label}: malformed JSON at column {exc.colno}: {exc.msg}")
            continue
        except (ValueError, RecursionError) as exc:
            yield LoadError(f"{label}: unreadable JSON ({_failure(exc)})")
            continue
        yield attempt(record_report, record, label, f"{name}#{number}")
    if not found:
        raise LoadError(f"{name}: the file holds no records")


def _failure(exc: BaseException) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
