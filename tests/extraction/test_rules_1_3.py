"""Rules added in 1.3.0 after the fourth batch of held-out wire reports (heldout4/)."""

from datetime import date

from extraction.dates import find_dates, resolve

from .conftest import engagements_with


def _stops(doc, traveler):
    return [s for t in doc.trips if t.traveler == traveler for s in t.stops]


def _resolve(text, published, tense="unknown"):
    (expr,) = [d for d in find_dates(text) if d.kind != "weekday"]
    return resolve(expr, date.fromisoformat(published), tense)


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


def test_signed_memorandum_on_a_topic_is_an_agreement(run):
    doc = run(
        "South Korean President Yoon Suk Yeol and Kenyan President William Ruto held a summit in "
        "Seoul on Tuesday and their governments signed a memorandum of understanding on critical "
        "minerals cooperation, as Seoul seeks to secure supply chains.",
        "2024-06-04",
    )
    names = [a.name for a in doc.agreements]
    assert names == ["memorandum of understanding on critical minerals cooperation"]
    assert doc.agreements[0].date == date(2024, 6, 4)


def test_treaty_organization_is_no_agreement(run):
    doc = run(
        "Colombian President Gustavo Petro attended the summit of the Amazon Cooperation Treaty "
        "Organization on Tuesday.",
        "2023-08-09",
    )
    assert not doc.agreements


def test_weekday_is_not_part_of_an_agreement_name(run):
    doc = run(
        "The eight member countries signed the Belem Declaration on Tuesday, launching a pact.",
        "2023-08-09",
    )
    assert [a.name for a in doc.agreements] == ["Belem Declaration"]


def test_patronymic_given_name_is_the_same_person(run):
    doc = run(
        "Saudi Foreign Minister Prince Faisal bin Farhan Al Saud met his Iranian counterpart "
        "Hossein Amir-Abdollahian in Tehran on Saturday. Faisal said the talks were frank.",
        "2023-06-17",
    )
    assert len([o for o in doc.officials if "Faisal" in o.name]) == 1


def test_article_spelling_of_a_city_is_kept(run):
    doc = run(
        "Mongolian Prime Minister Luvsannamsrain Oyun-Erdene met Vietnamese Prime Minister Pham "
        "Minh Chinh in Ulaanbaatar on Monday.",
        "2024-09-09",
    )
    (e,) = engagements_with(doc, "Oyun-Erdene", "Chinh")
    assert e.place.name == "Ulaanbaatar"


def test_cancelled_dated_country_visit_is_kept_beside_its_talks(run):
    doc = run(
        "Vietnamese Prime Minister Pham Minh Chinh has cancelled an official visit to Mongolia "
        "planned for Sept 12-14, the government said on Monday.\n\nChinh had been due to hold "
        "talks with Mongolian Prime Minister Luvsannamsrain Oyun-Erdene in Ulaanbaatar during "
        "the three-day trip.",
        "2024-09-09",
    )
    visits = [e for e in doc.engagements if e.kind == "visit"]
    assert [(v.place.name, v.status, v.start) for v in visits] == [
        ("Mongolia", "cancelled", date(2024, 9, 12))
    ]
    (talks,) = engagements_with(doc, "Chinh", "Oyun-Erdene")
    assert talks.status == "cancelled" and talks.start == date(2024, 9, 12)


def test_possessor_of_neighbours_is_no_destination(run):
    doc = run("Yoon visited Kenya's neighbors only once during his term.", "2024-06-04")
    assert not doc.trips and not doc.engagements


def test_new_clause_subject_is_the_traveler(run):
    doc = run(
        "Prime Minister Narendra Modi visited Riyadh in 2019, and Saudi Crown Prince Mohammed bin "
        "Salman paid a state visit to New Delhi last September.",
        "2024-09-09",
    )
    assert [s.place.name for s in _stops(doc, "Narendra Modi")] == ["Riyadh"]
    stops = _stops(doc, "Mohammed bin Salman")
    assert [s.place.name for s in stops] == ["New Delhi"]
    assert stops[0].start == date(2023, 9, 1)


def test_bare_visit_noun_takes_no_place_from_a_later_clause(run):
    doc = run(
        "Iranian President Ebrahim Raisi spoke on Monday. The visit comes three months after "
        "Tehran and Riyadh agreed to restore ties in a deal brokered by China and signed in "
        "Beijing on March 10.",
        "2023-06-17",
    )
    assert not doc.trips


def test_owner_of_a_nominal_picks_the_official(run):
    doc = run(
        "EU foreign policy chief Josep Borrell held a video call with Ukrainian Foreign Minister "
        "Dmytro Kuleba on Tuesday.\n\nThe EU's top diplomat will then travel to Granada, Spain, "
        "on Oct. 5.",
        "2023-09-27",
    )
    assert [s.place.name for s in _stops(doc, "Josep Borrell")] == ["Granada"]
    assert not _stops(doc, "Dmytro Kuleba")


def test_subject_list_joins_an_event(run):
    from extraction.engine import _subject_list

    text = "Petro, Arce and Boluarte joined Lula at the summit"
    pre = [(0, 1), (7, 2), (16, 3), (32, 0)]
    assert _subject_list(text, pre, [1, 3]) == [1, 3, 2, 0]
