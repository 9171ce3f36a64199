"""What every loader yields: a `ReportInput`, or a `LoadError` naming the item that failed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit


class LoadError(ValueError):
    """An input that cannot become a report; the message says why, for the admin."""


@dataclass(frozen=True)
class ReportInput:
    """One report as read from an input, before it is stored."""

    text: str
    name: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: date | None = None
    # (month, day) of a dateline without a year ("MANILA, February 14"), when no date is
    # known: the batch's date gives it a year when it is stored (see masthead.dateline_date)
    dateline: tuple[int, int] | None = None


Loaded = ReportInput | LoadError


def guarded(items: Iterable[Loaded]) -> Iterator[Loaded]:
    """The items; a LoadError raised while producing them is yielded as the last one.

    Readers raise a LoadError when a whole input is bad (after yielding what they could):
    wrapped in this, that input fails alone and the rest of the batch goes on.
    """
    try:
        yield from items
    except LoadError as exc:
        yield exc


def attempt(func: Callable[..., ReportInput], *args: Any) -> Loaded:
    """func(*args), or the LoadError it raised: one bad record fails alone."""
    try:
        return func(*args)
    except LoadError as exc:
        return exc


def is_http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.hostname)
