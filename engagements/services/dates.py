"""Dates of facts: ranges, how close two may be and still be one event, which is finer."""

from __future__ import annotations

from datetime import date, timedelta

from diplomacy.models import Precision

# Finer precision first: a merge keeps the finest dates any report gave.
PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2, Precision.UNKNOWN: 3}
# Stops of one traveler this close in time belong to one journey.
TRIP_GAP = timedelta(days=2)
DATE_SLACK = timedelta(days=1)

# A first and last day, both known.
DateRange = tuple[date, date]


def date_range(start: date | None, end: date | None) -> DateRange | None:
    if start is None:
        return None
    return start, end or start


def dates_compatible(a: DateRange | None, b: DateRange | None) -> bool:
    """Two date ranges that may be the same event: overlapping, give or take a day."""
    if a is None or b is None:
        return a is None and b is None
    return a[0] <= b[1] + DATE_SLACK and b[0] <= a[1] + DATE_SLACK


def precision_finer(new_precision: str, old_precision: str) -> bool:
    return PRECISION_RANK.get(new_precision, 3) < PRECISION_RANK.get(old_precision, 3)


def ranges_joined(ranges: set[DateRange]) -> list[DateRange]:
    """The ranges in order, those that overlap or touch joined into one."""
    joined: list[DateRange] = []
    for low, high in sorted(ranges):
        if joined and low <= joined[-1][1] + timedelta(days=1):
            joined[-1] = (joined[-1][0], max(joined[-1][1], high))
        else:
            joined.append((low, high))
    return joined
