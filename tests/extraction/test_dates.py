from datetime import date

import pytest

from extraction.dates import find_dates, resolve, tense_near

WED = date(2021, 10, 6)


def one(text: str, pub: date = WED, tense: str = "unknown"):
    exprs = find_dates(text)
    assert exprs, text
    return resolve(exprs[0], pub, tense)


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("closes a visit Wednesday", "present", (date(2021, 10, 6), date(2021, 10, 6))),
        ("spoke Tuesday", "past", (date(2021, 10, 5), date(2021, 10, 5))),
        ("will travel Thursday", "future", (date(2021, 10, 7), date(2021, 10, 7))),
        ("met on Thursday", "past", (date(2021, 9, 30), date(2021, 9, 30))),
        ("meetings on Thursday and Friday", "present", (date(2021, 10, 7), date(2021, 10, 8))),
        ("talks from Monday to Wednesday", "future", (date(2021, 10, 11), date(2021, 10, 13))),
        ("next Monday", "unknown", (date(2021, 10, 11), date(2021, 10, 11))),
        ("last Wednesday", "unknown", (date(2021, 9, 29), date(2021, 9, 29))),
    ],
)
def test_weekdays_follow_the_tense(text, tense, expected):
    r = one(text, tense=tense)
    assert (r.start, r.end, r.precision) == (*expected, "day")


def test_month_and_week_expressions():
    r = one("a meeting later this month")
    assert (r.start, r.end, r.precision) == (date(2021, 10, 1), date(2021, 10, 31), "month")
    r = one("told the United Nations last week", pub=date(2023, 9, 29))
    assert (r.start, r.end) == (date(2023, 9, 18), date(2023, 9, 24))
    r = one("in late September", tense="past")
    assert (r.start, r.end, r.precision) == (date(2021, 9, 1), date(2021, 9, 30), "month")
    r = one("will visit in March", tense="future")
    assert (r.start.year, r.start.month) == (2022, 3)


def test_month_day_without_year_takes_the_sensible_year():
    assert one("announced September 15", tense="past").start == date(2021, 9, 15)
    # a future event in January, published in October, is next year
    assert one("will sign the deal January 10", tense="future").start == date(2022, 1, 10)
    # a past event in December, published in January, was last year
    assert one("met on Dec. 20", pub=date(2021, 1, 5), tense="past").start == date(2020, 12, 20)


def test_explicit_dates_and_ranges():
    assert one("on January 19, 2021").start == date(2021, 1, 19)
    r = one("from April 14 to April 19", pub=date(2024, 4, 10), tense="future")
    assert (r.start, r.end) == (date(2024, 4, 14), date(2024, 4, 19))
    r = one("on 5 October 2021")
    assert r.start == date(2021, 10, 5)
    r = one("in 2019")
    assert (r.start, r.end, r.precision) == (date(2019, 1, 1), date(2019, 12, 31), "year")


def test_relative_days():
    assert one("yesterday").start == date(2021, 10, 5)
    assert one("tomorrow").start == date(2021, 10, 7)
    assert one("two days ago").start == date(2021, 10, 4)


def test_no_publication_date_means_no_relative_resolution():
    exprs = find_dates("met on Tuesday")
    assert resolve(exprs[0], None, "past").start is None
    assert resolve(find_dates("on January 19, 2021")[0], None).start == date(2021, 1, 19)


def test_may_the_verb_is_not_a_month():
    assert find_dates("The ministers may meet again.") == []


def test_tense_near_trigger():
    assert tense_near("Blinken will travel to Mexico City", 10) == "future"
    assert tense_near("Blinken met Ebrard on Tuesday", 8) == "past"
    assert tense_near("Blinken is holding talks with Di Maio", 12) == "present"
