"""Report records (a JSON object, a CSV row, a sidecar): their fields, checked."""

from __future__ import annotations

from typing import Any

from .base import LoadError, ReportInput, is_http_url
from .dates import parse_date
from .masthead import with_masthead

RECORD_FIELDS = ("text", "title", "url", "published", "source")


def metadata(record: dict[str, Any], label: str) -> dict[str, Any]:
    """title, url, source and published from a record, checked; errors prefixed by label."""
    url = _string_field(record, "url", label)
    if url and not is_http_url(url):
        raise LoadError(f"{label}: url {url!r} is not an http(s) address")
    return {
        "title": _string_field(record, "title", label),
        "url": url,
        "source": _string_field(record, "source", label),
        "published": parse_date(record.get("published"), label),
    }


def record_report(record: object, label: str, name: str) -> ReportInput:
    """One JSON/CSV record as a report; label prefixes errors, name names the report.

    A title or date the record leaves blank comes from the text's first lines if they have it.
    """
    if not isinstance(record, dict):
        raise LoadError(f"{label}: expected a JSON object, found {json_type(record)}")
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise LoadError(f"{label}: no text (the 'text' field is missing or empty)")
    if not isinstance(text, str):
        raise LoadError(f"{label}: field 'text' should be text, not {json_type(text)}")
    return with_masthead(ReportInput(text=text.strip(), name=name, **metadata(record, label)))


def json_type(value: object) -> str:
    """What a JSON value is, in words: "an object", "a list", "a number"..."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return "a number"
    return "a string" if isinstance(value, str) else type(value).__name__


def _string_field(record: dict[str, Any], key: str, label: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise LoadError(f"{label}: field {key!r} should be text, not {json_type(value)}")
    return str(value).strip()
