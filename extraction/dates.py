"""Temporal expressions: found in a sentence (the mentions stage finds every sentence's), and
resolved against the publication date and the tense of their clause by the passes that date
events; also the date lines that head the sections of a release."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3,
}  # fmt: skip

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WD_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    (
        "mdy",
        re.compile(
            r"\b("
            + _MONTH_RE
            + r")\s+"
            + _DAY
            + r"(?:\s*(?:-|to|through|and|until)\s*(?:("
            + _MONTH_RE
            + r")\s+)?(\d{1,2})(?:st|nd|rd|th)?)?"
            + r"(?:,?\s+(\d{4}))?(?!\d)"
        ),
    ),
    (
        "dmy",
        re.compile(
            r"\b"
            + _DAY
            + r"(?:\s*(?:-|to|and)\s*(\d{1,2}))?\s+("
            + _MONTH_RE
            + r")(?:,?\s+(\d{4}))?\b"
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(?:(early|mid|late|earlier in|later in|end of|the end of|beginning of|last|"
            r"next)[\s-]+)?"
            r"(?-i:(" + _MONTH_RE.replace("May|", "") + r"|(?<=in )May|(?<=of )May))"
            r"(?:\s+(?:of\s+)?(\d{4})|,?\s+(last|next|this)\s+year)?\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(last|next|this|earlier|later|coming|on|this past)\s+)?(" + _WD_RE + r")"
            r"(?:\s+(?:morning|afternoon|evening|night))?"
            r"(?:\s*(?:and|to|through|-|or)\s+(" + _WD_RE + r"))?\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|"
            r"last night|last evening|"
            r"(?:earlier|later|last|this|next|the coming|the past|the previous|the following)\s+"
            r"(?:this\s+)?(?:week|weekend|month|year)|(?:late|early) (?:last|next) (?:month|year)|"
            r"(?:earlier|later) this (?:week|month|year))\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
            r"(day|week|month|year)s?\s+ago\b",
            re.I,
        ),
    ),
    # "on the 5th": a day of the month with the month left implicit
    (
        "nth",
        re.compile(r"\b(?:on|by|until|from) the (\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])"),
    ),
    ("year", re.compile(r"\b(?:in|since|during|of|by|early|late|mid-?)\s+((?:19|20)\d{2})\b")),
    # "beginning with Brazil on April 17, then Venezuela the following day": a day counted
    # from the date told before it in the sentence
    (
        "shift",
        re.compile(
            r"\b(?:the\s+(following|next|previous)\s+day|the\s+day\s+(after|before)|"
            r"(a|one|two|three|four|five|\d)\s+days?\s+(later|earlier))\b",
            re.I,
        ),
    ),
]


@dataclass
class TimeExpr:
    start_off: int
    end_off: int
    kind: str
    groups: tuple[str | None, ...]
    text: str
    base: TimeExpr | None = None  # for a "shift" ("the following day"): the date it counts from

    @property
    def span(self) -> tuple[int, int]:
        return (self.start_off, self.end_off)


@dataclass(frozen=True)
class Resolved:
    start: date | None
    end: date | None
    precision: str

    @property
    def known(self) -> bool:
        return self.start is not None


UNKNOWN = Resolved(None, None, "unknown")


_MONTH_LEAD = re.compile(
    r"\b(?:in|of|since|by|until|till|from|through|to|during|before|after|early|late|mid|end|"
    r"beginning|last|next|this|and|or|between)[\s-]+$",
    re.I,
)


def _bare_abbreviation(text: str, m: re.Match[str]) -> bool:
    """A lone "Jan" or "Mar" with nothing temporal around it is a name ("Jan Christian
    Vestre", "Mar-a-Lago"), not a month."""
    token = m.group(2) or ""
    if len(token.rstrip(".")) > 4 or token.rstrip(".").lower() in ("june", "july"):
        return False
    if m.group(1) or m.group(3) or m.group(4):
        return False
    return not _MONTH_LEAD.search(text[: m.start()]) or text[m.end() : m.end() + 1] == "-"


_DATE_LINE = re.compile(
    r"^[ \t]*(?:" + _WD_RE + r",?\s+)?(?:(?P<m1>" + _MONTH_RE + r")\s+(?P<d1>\d{1,2}),?\s+"
    r"(?P<y1>\d{4})|(?P<d2>\d{1,2})\s+(?P<m2>" + _MONTH_RE + r"),?\s+(?P<y2>\d{4}))[ \t]*$",
    re.M | re.I,
)


def date_lines(text: str, published: date | None) -> list[tuple[int, date]]:
    """Lines that hold nothing but a date ("FEBRUARY 2, 2025"), with their offsets.

    In a release of several readouts each such line heads its section, and "today" there
    means that day. Only days in the year up to publication count.
    """
    if published is None:
        return []
    out = []
    for m in _DATE_LINE.finditer(text):
        month = _month_num(m.group("m1") or m.group("m2"))
        try:
            year, num = int(m.group("y1") or m.group("y2")), int(m.group("d1") or m.group("d2"))
            day = date(year, month or 0, num)
        except ValueError:
            continue
        if timedelta(0) <= published - day <= timedelta(days=366):
            out.append((m.start(), day))
    return out


def find_dates(text: str, offset: int = 0) -> list[TimeExpr]:
    """Temporal expressions in ``text`` (folded), with absolute offsets."""
    out: list[TimeExpr] = []
    for t in _find_dates(text):
        base = None
        if t.kind == "shift":
            told = [o for o in out if o.kind in ("iso", "mdy", "dmy", "weekday", "relative")]
            base = told[-1] if told else None
        out.append(
            TimeExpr(t.start_off + offset, t.end_off + offset, t.kind, t.groups, t.text, base)
        )
    return out


def clear_date_cache() -> None:
    """Forget the expressions found so far (called once per article)."""
    _find_dates.cache_clear()


@lru_cache(maxsize=1024)
def _find_dates(text: str) -> tuple[TimeExpr, ...]:
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            a, b = m.span()
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            if kind == "month" and _bare_abbreviation(text, m):
                continue
            found.append(TimeExpr(a, b, kind, m.groups(), m.group(0)))
            taken.append((a, b))
    found.sort(key=lambda t: t.start_off)
    return tuple(found)


def _month_num(token: str | None) -> int | None:
    if not token:
        return None
    return MONTHS.get(token.lower().rstrip("."))


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _pick_year(month: int, day: int, pub: date, tense: str) -> date | None:
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cands.append(date(y, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    if tense == "past":
        # wire style gives no year for dates in the current year: a date a few weeks ahead
        # in a past-tense clause is an upcoming event being briefed on, not last year's
        soon = [c for c in cands if c.year == pub.year and 1 < (c - pub).days <= 45]
        if soon:
            return soon[0]
        ok = [c for c in cands if c <= pub + timedelta(days=1)]
        return max(ok) if ok else min(cands, key=lambda c: abs((c - pub).days))
    if tense == "future":
        # "had announced that he would visit ... from May 5 to 9", told on May 9: a plan told
        # in the past is of these days, not next year's
        ok = [c for c in cands if c >= pub - timedelta(days=10)]
        return min(ok) if ok else min(cands, key=lambda c: abs((c - pub).days))
    return min(cands, key=lambda c: abs((c - pub).days))


def _nth_day(day: int, pub: date, tense: str) -> date | None:
    """ "On the 5th": the next such day of a month (the last one in a past-tense clause)."""
    if not 1 <= day <= 31:
        return None
    step = -1 if tense == "past" else 1
    y, m = pub.year, pub.month
    for _ in range(3):
        try:
            d = date(y, m, day)
        except ValueError:
            d = None
        if d and ((d >= pub) if step > 0 else (d <= pub)):
            return d
        y, m = _shift_month(y, m, step)
    return None


def _weekday(wd: int, pub: date, tense: str, modifier: str | None) -> date:
    delta = (wd - pub.weekday()) % 7  # days forward to the next such day (0 = today)
    back = (pub.weekday() - wd) % 7  # days back to the last such day (0 = today)
    if modifier == "next":
        # "next Tuesday" said on a Monday is the Tuesday of next week, not tomorrow
        return pub + timedelta(days=7 - pub.weekday() + wd)
    if modifier == "coming":
        return pub + timedelta(days=delta or 7)
    if modifier in ("last", "this past"):
        return pub - timedelta(days=back or 7)
    if modifier == "earlier" or tense == "past":
        return pub - timedelta(days=back)
    if modifier == "later" or tense == "future":
        return pub + timedelta(days=delta)
    return pub + timedelta(days=delta) if delta <= back else pub - timedelta(days=back)


def _year_for_month(month: int, pub: date, tense: str) -> int:
    if month == pub.month:
        return pub.year
    if tense == "past":
        return pub.year if month < pub.month else pub.year - 1
    if tense == "future":
        return pub.year if month > pub.month else pub.year + 1
    # nearest
    fwd = (month - pub.month) % 12
    return (
        (pub.year if month > pub.month else pub.year + 1)
        if fwd <= 6
        else (pub.year if month < pub.month else pub.year - 1)
    )


def resolve(expr: TimeExpr, pub: date | None, tense: str = "unknown") -> Resolved:
    """Turn a temporal expression into a date range; never invents what is not stated."""
    g = expr.groups
    try:
        if expr.kind == "iso":
            d = date(int(g[0]), int(g[1]), int(g[2]))
            return Resolved(d, d, "day")
        if expr.kind == "mdy":
            m1, d1, m2, d2, year = _month_num(g[0]), int(g[1]), _month_num(g[2]), g[3], g[4]
            if year:
                start = date(int(year), m1, d1)
            elif pub:
                start = _pick_year(m1, d1, pub, tense)
            else:
                return UNKNOWN
            if start is None:
                return UNKNOWN
            end = start
            if d2:
                end_month = m2 or m1
                end = date(start.year + (1 if end_month < m1 else 0), end_month, int(d2))
            return Resolved(start, end, "day")
        if expr.kind == "dmy":
            d1, d2, m, year = int(g[0]), g[1], _month_num(g[2]), g[3]
            if year:
                start = date(int(year), m, d1)
            elif pub:
                start = _pick_year(m, d1, pub, tense)
            else:
                return UNKNOWN
            if start is None:
                return UNKNOWN
            end = date(start.year, m, int(d2)) if d2 else start
            return Resolved(start, end, "day")
        if expr.kind == "month":
            m = _month_num(g[1])
            if m is None:
                return UNKNOWN
            if g[2]:
                y = int(g[2])
            elif g[3] and pub:
                y = pub.year + {"last": -1, "next": 1}.get(g[3].lower(), 0)
            elif pub and (g[0] or "").lower() == "last":
                # "last March": the latest such month before the current one
                y = pub.year if m < pub.month else pub.year - 1
            elif pub and (g[0] or "").lower() == "next":
                y = pub.year if m > pub.month else pub.year + 1
            elif pub:
                y = _year_for_month(m, pub, tense)
            else:
                return UNKNOWN
            a, b = _month_range(y, m)
            return Resolved(a, b, "month")
        if pub is None:
            return UNKNOWN
        if expr.kind == "weekday":
            mod = g[0].lower() if g[0] else None
            first = _weekday(WEEKDAYS[g[1].lower()], pub, tense, mod)
            last = first
            if g[2]:
                last = first + timedelta(days=(WEEKDAYS[g[2].lower()] - first.weekday()) % 7)
            return Resolved(first, last, "day")
        if expr.kind == "relative":
            return _relative(expr.text.lower(), pub)
        if expr.kind == "nth":
            d = _nth_day(int(g[0]), pub, tense)
            return Resolved(d, d, "day") if d else UNKNOWN
        if expr.kind == "ago":
            n = _NUMBERS.get(g[0].lower()) if not g[0].isdigit() else int(g[0])
            unit = g[1].lower()
            if unit == "day":
                d = pub - timedelta(days=n or 1)
                return Resolved(d, d, "day")
            if unit == "week":
                d = pub - timedelta(days=7 * (n or 1))
                return Resolved(d - timedelta(days=3), d + timedelta(days=3), "day")
            if unit == "month":
                y, m = _shift_month(pub.year, pub.month, -(n or 1))
                a, b = _month_range(y, m)
                return Resolved(a, b, "month")
            y = pub.year - (n or 1)
            return Resolved(date(y, 1, 1), date(y, 12, 31), "year")
        if expr.kind == "shift":
            return _shifted(expr, pub, tense)
        if expr.kind == "year":
            y = int(g[0])
            return Resolved(date(y, 1, 1), date(y, 12, 31), "year")
    except (ValueError, TypeError, KeyError):
        return UNKNOWN
    return UNKNOWN


def _shifted(expr: TimeExpr, pub: date, tense: str) -> Resolved:
    """ "the following day", "two days later": the day told before it, moved."""
    if expr.base is None:
        return UNKNOWN
    told = resolve(expr.base, pub, tense)
    if not told.known or told.precision != "day":
        return UNKNOWN
    g = expr.groups
    if g[0] or g[1]:
        n = -1 if (g[0] or g[1]).lower() in ("previous", "before") else 1
    else:
        n = _NUMBERS.get(g[2].lower()) if not g[2].isdigit() else int(g[2])
        n = -(n or 1) if g[3].lower() == "earlier" else (n or 1)
    day = (told.end if n > 0 else told.start) + timedelta(days=n)
    return Resolved(day, day, "day")


def _relative(t: str, pub: date) -> Resolved:
    monday = pub - timedelta(days=pub.weekday())
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return Resolved(pub, pub, "day")
    if t in ("yesterday", "last night", "last evening"):
        d = pub - timedelta(days=1)
        return Resolved(d, d, "day")
    if t == "tomorrow":
        d = pub + timedelta(days=1)
        return Resolved(d, d, "day")
    words = t.split()
    unit = words[-1]
    rel = " ".join(words[:-1])
    if unit in ("week", "weekend"):
        if rel in ("last", "the past", "the previous"):
            base = monday - timedelta(days=7)
        elif rel in ("next", "the coming", "the following"):
            base = monday + timedelta(days=7)
        else:
            base = monday
        if unit == "weekend":
            a, b = base + timedelta(days=5), base + timedelta(days=6)
        else:
            a, b = base, base + timedelta(days=6)
        if rel == "earlier this":
            a, b = monday, max(monday, pub - timedelta(days=1))
        elif rel == "later this":
            a, b = (
                min(pub + timedelta(days=1), monday + timedelta(days=6)),
                monday + timedelta(days=6),
            )
        return Resolved(a, b, "day")
    if unit == "month":
        delta = -1 if "last" in rel or "previous" in rel or "past" in rel else 0
        if "next" in rel or "coming" in rel or "following" in rel:
            delta = 1
        y, m = _shift_month(pub.year, pub.month, delta)
        a, b = _month_range(y, m)
        return Resolved(a, b, "month")
    if unit == "year":
        y = pub.year
        if "last" in rel or "previous" in rel or "past" in rel:
            y -= 1
        elif "next" in rel or "coming" in rel or "following" in rel:
            y += 1
        return Resolved(date(y, 1, 1), date(y, 12, 31), "year")
    return UNKNOWN
