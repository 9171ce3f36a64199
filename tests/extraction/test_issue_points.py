"""One test (or table) per point of the "Extraction engine" issue, on texts written for them."""

from datetime import date

import pytest

from extraction.dates import find_dates, resolve

from .conftest import engagements_with, official

MON, WED, FRI, SUN = date(2024, 3, 11), date(2024, 3, 13), date(2024, 3, 15), date(2024, 3, 17)
D = date.fromisoformat


# --- dates: the phrase resolved through the whole pipeline (tense comes from the sentence) ---

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
    ("met in Berlin.", WED, None, None),  # unknown stays unknown
    ("met in Berlin in recent weeks.", WED, None, None),
]


@pytest.mark.parametrize(("tail", "pub", "start", "end"), DATE_TABLE)
def test_date_phrases_for_several_publication_days(run, tail, pub, start, end):
    doc = run(
        f"French President Emmanuel Macron and German Chancellor Olaf Scholz {tail}", str(pub)
    )
    (e,) = engagements_with(doc, "Macron", "Scholz")
    assert (e.start, e.end) == (start, end), tail
    assert e.precision == ("unknown" if start is None else e.precision)


@pytest.mark.parametrize(
    "text",
    ["Norwegian Trade Minister Jan Christian Vestre", "talks at Mar-a-Lago", "Mar del Plata"],
)
def test_month_abbreviations_inside_names_are_not_dates(text):
    assert find_dates(text) == []


def test_month_abbreviation_with_a_day_is_a_date():
    (d,) = find_dates("since Jan. 1")
    assert resolve(d, WED, "past").start == date(2024, 1, 1)


# --- goal 1: a date inside a clause about a person dates that clause, not the main verb ---


def test_relative_clause_date_is_not_the_main_event_date(run):
    doc = run(
        "Antony Blinken, who was confirmed by the Senate on Tuesday, spoke to Mexico Foreign "
        "Secretary Marcelo Ebrard.",
        "2021-01-27",
    )
    (e,) = doc.engagements
    # the call came after Tuesday's confirmation and before publication: a range, not Tuesday
    assert (e.start, e.end) == (date(2021, 1, 26), date(2021, 1, 27))
    assert e.status == "held"


def test_narrative_day_dates_the_lead_event(run):
    text = (
        "Antony Blinken, who was confirmed by the Senate on Tuesday, spoke to Mexico Foreign "
        "Secretary Marcelo Ebrard.\n\n"
        "Mexico is a key trading partner.\n\n"
        "Blinken was slated to hold his first press briefing later Wednesday."
    )
    (e,) = run(text, "2021-01-27").engagements
    assert (e.start, e.end, e.precision) == (date(2021, 1, 27), date(2021, 1, 27), "day")


def test_narrative_day_outside_the_bounds_is_ignored(run):
    # "later Thursday" names a day before the clause's Friday: it cannot date the meeting
    text = (
        "Australian Foreign Minister Penny Wong, who arrived on Friday, met Chinese Foreign "
        "Minister Wang Yi.\n\nWong will fly to Tokyo, her aides said later Thursday."
    )
    (e,) = [x for x in run(text, "2024-03-15").engagements if x.kind != "visit"]
    assert (e.start, e.end) == (date(2024, 3, 15), date(2024, 3, 15))
    assert e.place is None or e.place.name != "Tokyo"


def test_no_narrative_cue_keeps_the_range(run):
    text = (
        "Australian Foreign Minister Penny Wong, who arrived on Thursday, met Chinese Foreign "
        "Minister Wang Yi.\n\nWong will fly to Tokyo next week."
    )
    (e,) = [x for x in run(text, "2024-03-15").engagements if x.kind != "visit"]
    assert (e.start, e.end) == (date(2024, 3, 14), date(2024, 3, 15))


def test_a_trigger_inside_the_clause_keeps_the_clause_date(run):
    doc = run(
        "German Chancellor Olaf Scholz, who arrived in Aachen on Wednesday evening, will meet "
        "Polish Prime Minister Donald Tusk on Friday.",
        "2024-02-08",
    )
    (trip,) = doc.trips
    assert trip.stops[0].place.name == "Aachen" and trip.stops[0].start == date(2024, 2, 7)
    (e,) = engagements_with(doc, "Scholz", "Tusk")
    assert e.start == date(2024, 2, 9)


# --- names and titles in their usual orders ---


@pytest.mark.parametrize(
    ("text", "surname", "title", "country"),
    [
        ("U.N. Secretary-General Antonio Guterres spoke.", "Guterres", "Secretary-General", None),
        ("CIA Director William Burns met them.", "Burns", "Director", "US"),
        ("Mossad chief David Barnea met them.", "Barnea", "chief", "IL"),
        ("Norwegian Trade Minister Jan Christian Vestre spoke.", "Vestre", "Trade Minister", "NO"),
        ("Kenya's president, William Ruto, spoke.", "Ruto", "president", "KE"),
        (
            "Kaja Kallas, the EU foreign policy chief, spoke.",
            "Kallas",
            "foreign policy chief",
            None,
        ),
    ],
)
def test_title_and_name_orders(run, text, surname, title, country):
    o = official(run(text + " He met Indian Prime Minister Narendra Modi on Monday."), surname)
    assert o.name.split()[-1] == surname
    assert o.title.lower() == title.lower()
    assert o.country == country


def test_short_forms_of_long_names(run):
    doc = run(
        "Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, met Secretary of "
        "State Antony Blinken on Monday. Sheikh Mohammed said talks went well.\n\n"
        "Brazilian President Luiz Inacio Lula da Silva met Xi Jinping. Lula said ties were good.",
        "2024-01-30",
    )
    names = [o.name for o in doc.officials]
    assert "Sheikh Mohammed" not in names and "Lula" not in names
    assert "Sheikh Mohammed" in official(doc, "Al Thani").aliases
    assert "Lula" in official(doc, "Lula da Silva").aliases


def test_predecessor_shares_the_government(run):
    doc = run(
        "Chinese Foreign Minister Wang Yi arrived in Cairo on Saturday. Wang's predecessor, "
        "Qin Gang, made a similar trip to Ethiopia and Gabon in January last year.",
        "2024-01-13",
    )
    qin = official(doc, "Qin Gang")
    assert qin.country == "CN"
    stops = {s.place.name: t.traveler for t in doc.trips for s in t.stops}
    assert stops["Ethiopia"] == "Qin Gang" and stops["Cairo"] == "Wang Yi"


# --- places ---


@pytest.mark.parametrize(
    ("sentence", "place", "country"),
    [
        ("met in Paris on Monday.", "Paris", "FR"),
        ("met in Paris, Texas, on Monday.", "Paris", "US"),
        ("met at Stanford University on Monday.", "Stanford University", "US"),
        ("met in Woodside, California, on Monday.", "Woodside", "US"),
        ("met in the Chinese city of Tianjin on Monday.", "Tianjin", "CN"),
        ("met in Ohrid, North Macedonia, on Monday.", "Ohrid", "MK"),
    ],
)
def test_place_disambiguation(run, sentence, place, country):
    doc = run(f"French President Emmanuel Macron and German Chancellor Olaf Scholz {sentence}")
    (e,) = engagements_with(doc, "Macron", "Scholz")
    assert (e.place.name, e.place.country) == (place, country)


def test_sentence_initial_locative(run):
    doc = run(
        "In Abidjan, Chinese Foreign Minister Wang Yi will hold talks with Ivorian President "
        "Alassane Ouattara on Thursday.",
        "2024-01-13",
    )
    (e,) = doc.engagements
    assert e.place.name == "Abidjan" and e.place.country == "CI"


# --- status ---


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in "
         "Tokyo on Monday.", "held"),
        ("Japanese Prime Minister Fumio Kishida will meet Indian Prime Minister Narendra Modi in "
         "Tokyo next week.", "scheduled"),
        ("Japanese Prime Minister Fumio Kishida is meeting Indian Prime Minister Narendra Modi "
         "in Tokyo on Wednesday.", "scheduled"),
        ("Japanese Prime Minister Fumio Kishida cancelled a meeting with Indian Prime Minister "
         "Narendra Modi in Tokyo next week.", "cancelled"),
        ("A planned meeting between Japanese Prime Minister Fumio Kishida and Indian Prime "
         "Minister Narendra Modi in Tokyo was postponed.", "cancelled"),
        ("Brazilian President Luiz Inacio Lula da Silva has postponed his trip to China. He had "
         "been scheduled to fly to Beijing, where he was to meet Chinese President Xi Jinping "
         "on Tuesday.", "cancelled"),
    ],
)  # fmt: skip
def test_status_cues(run, text, status):
    doc = run(text, "2024-03-13")
    meetings = [e for e in doc.engagements if len(e.participants) == 2]
    assert meetings and all(e.status == status for e in meetings), doc.engagements


# --- engagements: calls, separate vs joint meetings, signings, back-references ---


@pytest.mark.parametrize(
    "verb",
    [
        "spoke by phone on Tuesday with",
        "spoke by telephone Tuesday with",
        "spoke on Tuesday with",
        "held a phone call on Tuesday with",
    ],
)
def test_call_phrasings(run, verb):
    doc = run(f"U.S. President Joe Biden {verb} Chinese President Xi Jinping.", "2024-04-03")
    (e,) = doc.engagements
    assert e.kind == "call" and e.start == date(2024, 4, 2) and e.status == "held"


def test_pair_subject_call(run):
    doc = run(
        "President Joe Biden and Chinese President Xi Jinping spoke by phone on Tuesday, their "
        "first conversation since a summit in California last year.",
        "2024-04-02",
    )
    calls = [e for e in doc.engagements if e.kind == "call"]
    assert [sorted(c.participants) for c in calls] == [["Joe Biden", "Xi Jinping"]]


def test_speaking_to_reporters_is_not_a_call(run):
    doc = run("Chinese Foreign Minister Wang Yi spoke to reporters in Beijing on Friday.")
    assert not [e for e in doc.engagements if e.kind == "call"]


def test_joint_meeting_vs_separate_meetings(run):
    joint = run(
        "Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, met CIA Director "
        "William Burns, Mossad chief David Barnea and Egyptian intelligence chief Abbas Kamel "
        "in Paris on Sunday.",
        "2024-01-30",
    )
    (e,) = joint.engagements
    assert len(e.participants) == 4 and e.start == date(2024, 1, 28)
    separate = run(
        "EU foreign policy chief Josep Borrell met separately with Serbian President Aleksandar "
        "Vucic and Kosovo Prime Minister Albin Kurti in Brussels on Thursday.",
        "2023-09-15",
    )
    assert sorted(len(x.participants) for x in separate.engagements) == [2, 2]


def test_signing_takes_the_agreement_date(run):
    doc = run(
        "India and the European Free Trade Association signed a Trade and Economic Partnership "
        "Agreement, or TEPA, on Sunday. Indian Trade Minister Piyush Goyal signed the agreement "
        "in New Delhi with Swiss Economy Minister Guy Parmelin and Norwegian Trade Minister Jan "
        "Christian Vestre.",
        "2024-03-11",
    )
    (e,) = doc.engagements
    assert len(e.participants) == 3 and e.start == date(2024, 3, 10)
    assert e.place.name == "New Delhi"
    (ag,) = doc.agreements
    assert "TEPA" in ag.aliases and ag.date == date(2024, 3, 10)


def test_sidelines_of_the_summit_is_not_a_new_summit(run):
    doc = run(
        "Indian Prime Minister Narendra Modi will attend the SCO summit in Tianjin on August 31. "
        "He is expected to hold talks "
        "with Chinese President Xi Jinping and Russian President Vladimir Putin on the sidelines "
        "of the summit.",
        "2025-08-26",
    )
    assert all("Narendra Modi" in e.participants for e in doc.engagements)
    assert [e.kind for e in doc.engagements].count("summit") == 1


def test_coordinated_verbs_share_the_subject_and_their_own_dates(run):
    doc = run(
        "In Washington, Qatari Prime Minister Mohammed Al Thani met Secretary of State Antony "
        "Blinken at the State Department on Monday and was due to see national security "
        "adviser Jake Sullivan at the White House on Tuesday.",
        "2024-01-30",
    )
    (sullivan,) = engagements_with(doc, "Sullivan")
    assert "Mohammed Al Thani" in sullivan.participants
    assert "Antony Blinken" not in sullivan.participants
    assert sullivan.start == date(2024, 1, 30)
    (blinken,) = engagements_with(doc, "Blinken")
    assert blinken.start == date(2024, 1, 29) and blinken.status == "held"


def test_undated_meeting_during_a_dated_trip(run):
    doc = run(
        "Treasury Secretary Janet Yellen will travel to China later this week. Yellen plans to "
        "meet Chinese Vice Premier He Lifeng in Guangzhou during the trip.",
        "2024-04-02",
    )
    (e,) = engagements_with(doc, "Yellen", "He Lifeng")
    assert (e.start, e.end) == (date(2024, 4, 3), date(2024, 4, 7))


def test_caption_date_refines_the_body_month(run):
    text = (
        "Biden and Xi hold call\n\n"
        "U.S. President Joe Biden shakes hands with Chinese President Xi Jinping during a "
        "meeting in Woodside, California, November 15, 2023.\n"
        "Kevin Lamarque | Reuters\n\n"
        "President Joe Biden and Chinese President Xi Jinping last met in person in Woodside, "
        "California, in November."
    )
    (e,) = run(text, "2024-04-02").engagements
    assert e.start == date(2023, 11, 15) and e.place.name == "Woodside"


# --- page clutter produces nothing ---


def test_clutter_lines_produce_nothing(run):
    text = "\n".join(
        [
            "Read More",
            "Advertisement",
            "Sign up for our daily newsletter",
            "FILE - U.N. Secretary-General Antonio Guterres speaks to reporters at U.N. "
            "headquarters, Sept. 11, 2024.",
            "Kevin Lamarque | Reuters",
            "(Reporting by Shivam Patel in New Delhi; Editing by Raju Gopalakrishnan)",
            "Associated Press writers Matthew Lee in Washington and Samy Magdy in Cairo "
            "contributed to this report.",
            "Share this article",
            "No comments",
        ]
    )
    doc = run(text, "2024-10-14")
    assert doc.engagements == [] and doc.trips == [] and doc.agreements == []
    assert not any(o.name in ("Shivam Patel", "Matthew Lee", "Samy Magdy") for o in doc.officials)


# --- rules found on the second held-out batch ---


def test_reported_plan_is_not_hypothetical(run):
    doc = run(
        "Russian President Vladimir Putin and Turkish President Tayyip Erdogan spoke by phone "
        "on Monday. The two leaders agreed that Putin would visit Turkey, but no date was given. "
        "Putin last visited Turkey in January 2020.",
        "2024-02-12",
    )
    (trip,) = doc.trips
    dates = [(s.place.name, s.start) for s in trip.stops]
    assert ("Turkey", None) in dates and ("Turkey", date(2020, 1, 1)) in dates
    pending = [e for e in doc.engagements if e.kind == "visit" and e.start is None]
    assert pending and pending[0].status == "scheduled"


def test_cancellation_covers_the_trip_not_the_stopover(run):
    doc = run(
        "German Foreign Minister Annalena Baerbock has called off a trip to Australia and Fiji "
        "after her plane broke down during a stopover in Abu Dhabi, the ministry said on "
        "Tuesday.",
        "2023-08-15",
    )
    stops = [s.place.name for t in doc.trips for s in t.stops]
    assert stops == ["Abu Dhabi"]


def test_coordinated_infinitive_keeps_subject_place_and_cancellation(run):
    doc = run(
        "German Foreign Minister Annalena Baerbock has called off her trip. Baerbock had been due "
        "to hold talks with Australian Foreign Minister Penny Wong in Sydney on Wednesday, and "
        "to meet New Zealand Foreign Minister Nanaia Mahuta in Wellington.",
        "2023-08-15",
    )
    (mahuta,) = engagements_with(doc, "Mahuta")
    assert "Annalena Baerbock" in mahuta.participants and "Penny Wong" not in mahuta.participants
    assert mahuta.place.name == "Wellington" and mahuta.status == "cancelled"


def test_host_him_and_clause_bounded_counterparts(run):
    doc = run(
        "Kenyan President William Ruto will meet business leaders in Atlanta on Tuesday before "
        "traveling to Washington, where President Joe Biden will host him at the White House "
        "on Thursday for talks.",
        "2024-05-21",
    )
    (e,) = engagements_with(doc, "Ruto", "Biden")
    assert e.place.name == "Washington" and e.start == date(2024, 5, 23)
    assert e.status == "scheduled"


def test_travel_on_to_a_list_with_articles(run):
    doc = run(
        "After Laos, U.S. Secretary of State Antony Blinken will travel on to Vietnam, Japan and "
        "the Philippines. Ukrainian President Volodymyr Zelenskyy arrived after visits to "
        "Bulgaria, the Czech Republic and Slovakia, the White House said.",
        "2024-07-26",
    )
    stops = {t.traveler: [s.place.name for s in t.stops] for t in doc.trips}
    assert stops["Antony Blinken"] == ["Vietnam", "Japan", "Philippines"]
    assert stops["Volodymyr Zelenskyy"] == ["Bulgaria", "Czech Republic", "Slovakia"]


def test_said_with_a_complement_is_not_a_reporting_tail(run):
    doc = run(
        "President Joe Biden, who has not visited Africa as president, has said he will travel "
        "to Angola later this year.",
        "2024-05-21",
    )
    (trip,) = doc.trips
    assert trip.stops[0].place.name == "Angola" and trip.stops[0].start == date(2024, 1, 1)


def test_time_adjunct_summit_has_no_attendee(run):
    doc = run(
        "Turkish President Recep Tayyip Erdogan hosted Ukrainian President Volodymyr Zelenskyy "
        "in Istanbul on Saturday, days before the alliance's summit in Vilnius.",
        "2023-07-08",
    )
    assert [e.kind for e in doc.engagements] == ["meeting"]


def test_dateline_on_its_own_line(run):
    doc = run(
        "WASHINGTON -\nPresident Joe Biden met Kenyan President William Ruto on Thursday.",
        "2024-05-24",
    )
    assert official(doc, "Biden").country == "US"
