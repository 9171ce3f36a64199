"""What a report's own first lines say about it, when no metadata does: title and date.

- a headline: a short first line without terminal punctuation, with the body after it;
- a "Published: ..." (or "Updated: ...", "Posted ...") line near the top, any way of
  writing a date that names its year (python-dateutil reads it);
- a dateline opening the body, "MANILA, February 14 (Reuters) -": the day of the report.
  Without a year it is kept as (month, day), and `dateline_date` gives it the year of the
  batch's date, or the most recent such day not after today.

Only blanks are filled: a title or date that metadata gives always wins.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

from .base import ReportInput
from .dates import parse_date_text

# Lines looked at for a "Published:" line and for the dateline.
HEAD_LINES = 12
HEADLINE_MAX_CHARS = 150
HEADLINE_MAX_WORDS = 25

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PLACE = r"[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3}"
# "MANILA, February 14", "Kyiv, Ukraine, Feb. 14, 2024", "UNITED NATIONS, Oct 6 (AP) -"
DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE}(?:,\s*{_PLACE})?)\s*,\s*{_MONTH}\s+(?P<day>\d{{1,2}})"
    r"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4})\b)?"
)
PUBLISHED = re.compile(
    r"^\s*(?P<label>(?:first\s+)?published|updated|posted|last\s+updated)(?:\s+on)?\s*[:\-–—]?"
    r"\s*(?P<value>.*\d.*)$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_TERMINAL = ".!?;:,…"
_CLOSING = "\"'”’)]»"


@dataclass(frozen=True)
class Masthead:
    title: str = ""
    published: date | None = None
    dateline: tuple[int, int] | None = None  # (month, day) of a dateline without a year


def masthead(text: str, today: date | None = None) -> Masthead:
    """The headline, date and yearless dateline the text's first lines give."""
    today = today or date.today()
    lines = [line.strip() for line in text.splitlines()[: HEAD_LINES * 4] if line.strip()]
    title = headline(lines)
    body = lines[1:] if title else lines
    published = _published(lines[:HEAD_LINES], today)
    dateline = None
    for line in body[:3]:
        match = DATELINE.match(line)
        if match:
            month, day = _MONTHS[match["month"][:3].lower()], int(match["day"])
            if match["year"]:
                published = published or _valid(int(match["year"]), month, day, today)
            elif _valid(2000, month, day, today):  # a day some year has (29 February: 2000)
                dateline = (month, day)
            break
        if not line.lower().startswith("by "):  # a byline may come before the dateline
            break
    return Masthead(title=title, published=published, dateline=None if published else dateline)


def headline(lines: list[str]) -> str:
    """The first line if it reads as a headline: short, no closing punctuation, body after."""
    if len(lines) < 2:
        return ""
    first = lines[0]
    bare = first.rstrip(_CLOSING)
    if (
        len(first) > HEADLINE_MAX_CHARS
        or len(first.split()) > HEADLINE_MAX_WORDS
        or not bare
        or bare[-1] in _TERMINAL
        or not any(c.isalpha() for c in first)
        or first.lower().startswith("by ")
        or PUBLISHED.match(first)
        or DATELINE.match(first)
    ):
        return ""
    return first


def with_masthead(report: ReportInput, today: date | None = None) -> ReportInput:
    """The report with its blank title and date filled from its own first lines."""
    if report.title and report.published:
        return report
    found = masthead(report.text, today)
    return replace(
        report,
        title=report.title or found.title,
        published=report.published or found.published,
        dateline=None if report.published else found.dateline,
    )


def dateline_date(dateline: tuple[int, int] | None, batch_date: date | None) -> date | None:
    """The day a yearless dateline names: in the batch date's year (or the year before, if
    that would put it over a month after the batch date); without a batch date, the most
    recent such day not after today."""
    if dateline is None:
        return None
    month, day = dateline
    reference = batch_date or date.today()
    slack = timedelta(days=31) if batch_date else timedelta(0)
    for year in range(reference.year, reference.year - 8, -1):
        try:
            found = date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if found <= reference + slack:
            return found
    return None


def _published(lines: list[str], today: date) -> date | None:
    """The date of the first "Published" line, else of the first "Updated" one."""
    found: dict[str, date] = {}
    for line in lines:
        match = PUBLISHED.match(line)
        if match:
            day = loose_date(match["value"], today)
            kind = "updated" if "updated" in match["label"].lower() else "published"
            if day is not None:
                found.setdefault(kind, day)
    return found.get("published") or found.get("updated")


def loose_date(value: str, today: date | None = None) -> date | None:
    """A date written any common way that names its year ("14 Feb 2024, 10:32 GMT",
    "February 14, 2024 at 3:05 p.m. ET"), not after today; else None."""
    today = today or date.today()
    value = value.strip()
    found = parse_date_text(value)
    if found is None and _YEAR.search(value):
        with warnings.catch_warnings():  # "ET", "PST": time zones dateutil does not know
            warnings.simplefilter("ignore")
            try:
                found = dateutil_parser.parse(value, fuzzy=True, default=datetime(2000, 1, 1))
            except (ValueError, OverflowError):
                found = None
        if isinstance(found, datetime):
            found = found.date()
    if found is None or found > today + timedelta(days=1):
        return None
    return found


def _valid(year: int, month: int, day: int, today: date) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if found <= today + timedelta(days=1) else None
