"""Publication dates as reports and feeds write them."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from .base import LoadError

_DATE_FORMATS = (
    "%d %B %Y",  # 6 October 2021
    "%d %b %Y",  # 6 Oct 2021
    "%B %d, %Y",  # October 6, 2021
    "%b %d, %Y",  # Oct 6, 2021
    "%B %d %Y",
    "%b %d %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
)
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\d|[a-z])", re.IGNORECASE)
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


def parse_date(value: object, name: str) -> date | None:
    """A publication date from the usual ways of writing one; None when absent.

    Accepted: ISO dates and datetimes (`2021-10-06`, `2021-10-06T12:00:00Z`), RFC 2822 as in
    feeds (`Wed, 06 Oct 2021 12:00:00 GMT`) and spelled-out dates (`6 October 2021`,
    `Oct 6, 2021`). A datetime gives its own date in the time zone it is written in.
    Anything else is a LoadError naming the value.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        parsed = parse_date_text(value.strip())
        if parsed is not None:
            return parsed
    raise LoadError(
        f"{name}: bad publication date {value!r} "
        "(expected YYYY-MM-DD, an ISO datetime, or a date such as 6 October 2021)"
    )


def lenient_date(value: object) -> date | None:
    """The date, or None when it cannot be read (for dates a page's markup only suggests)."""
    try:
        return parse_date(value, "")
    except LoadError:
        return None


def parse_date_text(text: str) -> date | None:
    """The date a text writes, or None when it is none of the forms `parse_date` accepts."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    plain = re.sub(r"\s+", " ", _WEEKDAY.sub("", text)).strip()
    plain = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", plain)  # 6th October -> 6 October
    undotted = re.sub(r"(?<=[A-Za-z])\.", "", plain)  # Oct. 6 -> Oct 6
    for candidate in dict.fromkeys((plain, undotted)):
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            return None
    return None
