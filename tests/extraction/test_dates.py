"""Dates (extraction/dates.py, extraction/tense.py): temporal expressions resolved against
the publication day and the tense of their clause, alone and through the whole pipeline."""

from datetime import date

import pytest

from extraction.dates import find_dates, resolve
from extraction.tense import tense_near

from .conftest import engagements_with

OCT_6_2021 = date(2021, 10, 6)
MON, WED, FRI, SUN = date(2024, 3, 11), date(2024, 3, 13), date(2024, 3, 15), date(2024, 3, 17)
D = date.fromisoformat


def one(text: str, pub: date = OCT_6_2021, tense: str = "unknown"):
    exprs = find_dates(text)
    assert exprs, text
    return resolve(exprs[0], pub, tense)


def _resolve(text, published, tense="unknown"):
    (expr,) = [d for d in find_dates(text) if d.kind != "weekday"]
    return resolve(expr, date.fromisoformat(published), tense)


DATE_TABLE = [
    # (sentence tail, publication day, expected start, expected end)
    ("met in Berlin on Tuesday.", MON, D("2024-03-05"), D("2024-03-05")),
    ("met in Berlin on Tuesday.", WED, D("2024-03-12"), D("2024-03-12")),
    ("met in Berlin on Tuesday.", FRI, D("2024-03-12"), D("2024-03-12")),
    ("met in Berlin on Tuesday.", SUN, D("2024-03-12"), D("2024-03-12")),
    ("will meet in Berlin on Tuesday.", MON, D("2024-03-12"), D("2024-03-12")),
    ("will meet in Berlin on Tuesday.", WED, D("2024-03-19"), D("2024-03-19")),
    ("will meet in Berlin on Tuesday.", SUN, D("2024-03-19"), D("2024-03-19")),
    ("met in Berlin on Wednesday.", WED, WED, WED),
    ("will hold talks in Berlin on Thursday and Friday.", WED, D("2024-03-14"), D("2024-03-15")),
    ("held talks in Berlin on Thursday and Friday.", MON, D("2024-03-07"), D("2024-03-08")),
    ("met in Berlin last week.", WED, D("2024-03-04"), D("2024-03-10")),
    ("met in Berlin last week.", SUN, D("2024-03-04"), D("2024-03-10")),
    ("will meet in Berlin later this month.", FRI, D("2024-03-01"), D("2024-03-31")),
    ("met in Berlin on September 15.", WED, D("2023-09-15"), D("2023-09-15")),
    ("will meet in Berlin on September 15.", WED, D("2024-09-15"), D("2024-09-15")),
    ("met in Berlin on Oct. 5, 2021.", WED, D("2021-10-05"), D("2021-10-05")),
    ("met in Berlin in January last year.", WED, D("2023-01-01"), D("2023-01-31")),
    ("met in Berlin last Wednesday.", MON, D("2024-03-06"), D("2024-03-06")),
    ("met in Berlin last Wednesday.", FRI, D("2024-03-13"), D("2024-03-13")),  # the latest one
    ("met in Berlin yesterday.", SUN, D("2024-03-16"), D("2024-03-16")),
    ("met in Berlin.", WED, WED, WED),  # told with no date: the news of the report's day
    ("met in Berlin in recent weeks.", WED, None, None),
]


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


@pytest.mark.parametrize(
    "text",
    ["Norwegian Trade Minister Jan Christian Vestre", "talks at Mar-a-Lago", "Mar del Plata"],
)
def test_month_abbreviations_inside_names_are_not_dates(text):
    assert find_dates(text) == []


def test_month_abbreviation_with_a_day_is_a_date():
    (d,) = find_dates("since Jan. 1")
    assert resolve(d, WED, "past").start == date(2024, 1, 1)


def test_last_month_name_is_the_previous_such_month():
    # "last March" written in March is a year back; "last September" in June is last year's
    assert _resolve("visited Beijing last March", "2025-03-14").start == date(2024, 3, 1)
    assert _resolve("visited Beijing last September", "2024-06-10").start == date(2023, 9, 1)
    assert _resolve("visited Beijing last February", "2024-06-10").start == date(2024, 2, 1)
    assert _resolve("will visit next March", "2024-03-10").start == date(2025, 3, 1)


def test_near_future_date_in_past_clause_stays_in_the_current_year():
    r = _resolve("he had briefed Kuleba on the meeting in Kyiv on Oct. 2", "2023-09-27", "past")
    assert r.start == date(2023, 10, 2)
    # far from publication, a past clause still means last year
    r = _resolve("they met on Dec. 20", "2023-09-27", "past")
    assert r.start == date(2022, 12, 20)


def test_day_of_month_alone():
    assert _resolve("the summit on the 5th", "2023-09-27", "future").start == date(2023, 10, 5)
    assert _resolve("the summit on the 5th", "2023-09-27", "past").start == date(2023, 9, 5)
    assert not [d for d in find_dates("on the 5th of October") if d.kind == "nth"]


@pytest.mark.parametrize(("tail", "pub", "start", "end"), DATE_TABLE)
def test_date_phrases_for_several_publication_days(run, tail, pub, start, end):
    doc = run(
        f"French President Emmanuel Macron and German Chancellor Olaf Scholz {tail}", str(pub)
    )
    (e,) = engagements_with(doc, "Macron", "Scholz")
    assert (e.start, e.end) == (start, end), tail
    assert e.precision == ("unknown" if start is None else e.precision)


def test_a_date_line_heads_its_readout(run):
    doc = run(
        "READOUT\nFEBRUARY 2, 2025\n\nSecretary of State Marco Rubio met today in Panama City "
        "with Panamanian President José Raúl Mulino.\n\nREADOUT\nFEBRUARY 3, 2025\n\n"
        "Secretary Rubio met today with Salvadoran President Nayib Bukele in San Salvador.",
        "2025-02-04",
    )
    (panama,) = engagements_with(doc, "Marco Rubio", "José Raúl Mulino")
    (salvador,) = engagements_with(doc, "Marco Rubio", "Nayib Bukele")
    assert (str(panama.start), str(salvador.start)) == ("2025-02-02", "2025-02-03")


def test_the_call_dated_by_a_later_sentence(run):
    doc = run(
        "President Cyril Ramaphosa has finally had his phone call with Ukrainian President "
        'Volodymyr Zelensky. The two discussed food prices. "The call took place yesterday '
        'evening," an official said.',
        "2022-04-21",
    )
    (e,) = engagements_with(doc, "Ramaphosa", "Zelensky")
    assert e.start == date(2022, 4, 20)


def test_he_also_held_talks_takes_the_day_and_place_before(run):
    doc = run(
        "On Monday, Foreign Minister Shah Mehmood Qureshi met Afghan President Ashraf Ghani in "
        "Kabul. He also held talks with Afghan Foreign Minister Salahuddin Rabbani.",
        "2018-12-25",
    )
    (e,) = engagements_with(doc, "Qureshi", "Rabbani")
    assert (e.start, e.place.name) == (date(2018, 12, 24), "Kabul")


def test_a_day_counted_from_the_date_told_before_it():
    pub = date(2023, 4, 20)
    exprs = find_dates("It began in Lima on April 17, then in Quito the following day.")
    assert [resolve(e, pub, "past").start for e in exprs] == [D("2023-04-17"), D("2023-04-18")]
    (later,) = [e for e in find_dates("on May 2, and two days later") if e.kind == "shift"]
    assert resolve(later, pub, "past").start == D("2023-05-04")
    # with no date before it, the shift says nothing
    (alone,) = find_dates("He left the following day.")
    assert not resolve(alone, pub, "past").known


def test_in_the_evening_is_the_day_of_the_event_before(run):
    doc = run(
        "Thai Prime Minister Lek Chai met Lao Prime Minister Sone Vong in Vientiane on "
        "Monday.\n\nIn the evening, Lek Chai will meet Lao President Bounmy Phan.",
        "2022-03-22",
    )
    (e,) = engagements_with(doc, "Lek Chai", "Bounmy Phan")
    assert e.start == date(2022, 3, 21)


def test_the_lead_news_told_in_the_present_perfect_is_of_the_last_day(run):
    doc = run(
        "President Tom Banda has held bilateral talks with Ethiopian Prime Minister Hailu Desta "
        "on the sidelines of the summit in Addis Ababa.\n\nThe talks centred on trade between "
        "Zambia and Ethiopia.",
        "2022-02-06",
    )
    (e,) = engagements_with(doc, "Tom Banda", "Hailu Desta")
    assert (e.start, e.end) == (date(2022, 2, 5), date(2022, 2, 6))
    banda = next(o for o in doc.officials if o.name == "Tom Banda")
    assert banda.country == "ZM"


def test_next_weekday_said_early_in_the_week_is_in_the_next_week(run):
    doc = run(
        "Chilean President Ana Duarte will embark on a trip next Tuesday to Peru, her office said "
        "on Monday.",
        "2019-04-08",
    )
    (trip,) = doc.trips
    assert trip.stops[0].start == date(2019, 4, 16)


def test_a_call_dated_by_the_next_sentence_glued_to_it(run):
    doc = run(
        "Foreign minister Park Min held his first phone call with his Japanese counterpart, "
        "Sato Ken, to discuss bilateral issues.According to the ministry, Park and Sato spoke for "
        "over 30 minutes on Tuesday afternoon.",
        "2024-01-19",
    )
    (call,) = [e for e in doc.engagements if e.kind == "call"]
    assert call.start == date(2024, 1, 16)


def test_a_plan_told_in_the_past_is_of_these_days_not_next_years():
    # "had announced that he would visit ... from May 5 to 9", published on May 9
    r = one("would visit from May 5 to 9", pub=date(2019, 5, 9), tense="future")
    assert (r.start, r.end) == (date(2019, 5, 5), date(2019, 5, 9))
    # well before publication, a future-tense date is next year's
    assert one("will sign the deal April 10", pub=date(2019, 5, 9), tense="future").start == (
        date(2020, 4, 10)
    )
