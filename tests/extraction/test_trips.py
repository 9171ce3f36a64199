"""Stage 5, trips (extraction/visits.py, extraction/trips.py): stops of a traveller, their
order and dates, stops implied by meetings abroad, and visits made of stops."""

from datetime import date

import pytest

from .conftest import _stops, engagements_with, officials

LAVROV_TOUR = (
    "KAMPALA, July 26 (Reuters) - Russian Foreign Minister Sergei Lavrov on Tuesday told "
    "Uganda's leader that sanctions were to blame for high food prices.\n\n"
    "Lavrov held talks with President Yoweri Museveni at State House in Entebbe.\n\n"
    "The tour began on Sunday in Cairo, where Lavrov met President Abdel Fattah al-Sisi.\n\n"
    "On Monday he flew to the Republic of Congo and was received by President Denis Sassou "
    "Nguesso in his home town, about 400 km (250 miles) north of Brazzaville.\n\n"
    "Lavrov is due in Addis Ababa on Wednesday for two days of meetings."
)


def stops_of(doc, traveler: str) -> dict[str, str | None]:
    trip = next(t for t in doc.trips if t.traveler == traveler)
    return {s.place.name: (str(s.start) if s.start else None) for s in trip.stops}


def test_trip_stops_in_order_with_dates(run):
    doc = run(
        "U.S. Secretary of State Antony Blinken closes a Paris visit Wednesday after talks with "
        "French President Emmanuel Macron.\n\n"
        "Blinken heads to Mexico\n\n"
        "Blinken's weeklong trip also includes a stop at Stanford University, and meetings in "
        "Mexico City on Thursday and Friday.",
        "2021-10-06",
    )
    (trip,) = doc.trips
    assert trip.traveler == "Antony Blinken"
    assert [s.place.name for s in trip.stops] == ["Paris", "Stanford University", "Mexico City"]
    assert [s.place.country for s in trip.stops] == ["FR", "US", "MX"]
    paris, stanford, mexico = trip.stops
    assert paris.end == date(2021, 10, 6)
    assert stanford.start == date(2021, 10, 6)  # told with no day: the report's
    assert (mexico.start, mexico.end) == (date(2021, 10, 7), date(2021, 10, 8))
    assert paris.place.latitude == pytest.approx(48.85, abs=0.1)


def test_future_trip_with_companions(run):
    doc = run(
        "Secretary of State Antony Blinken met Mexican officials on Friday. "
        "On Thursday, Blinken in turn will travel to Mexico City for talks focused on security, "
        "officials said. Blinken will be accompanied on the trip by Attorney General Merrick "
        "Garland.",
        "2023-09-29",
    )
    travelers = {t.traveler for t in doc.trips}
    assert {"Antony Blinken", "Merrick Garland"} <= travelers
    for t in doc.trips:
        assert t.stops[0].place.name == "Mexico City"
        assert t.stops[0].start == date(2023, 10, 5)
    (talks,) = [e for e in doc.engagements if e.kind == "talks"]
    assert set(talks.participants) == {"Antony Blinken", "Merrick Garland"}


def test_a_cancelled_visit_is_a_stop_marked_cancelled(run):
    doc = run(
        "Chinese Premier Li Qiang cancelled a planned visit to Berlin on Monday, the foreign "
        "ministry said.",
        "2023-06-20",
    )
    berlin = [s for t in doc.trips for s in t.stops if s.place.name == "Berlin"]
    assert berlin and all(s.cancelled for s in berlin)
    visits = [e for e in doc.engagements if e.kind == "visit"]
    assert visits and all(e.status == "cancelled" for e in visits)


def test_a_list_of_places_shares_its_date(run):
    doc = run(
        "Australian Prime Minister Anthony Albanese plans to travel to New Delhi and Mumbai in "
        "March, his office said.",
        "2022-04-04",
    )
    (trip,) = doc.trips
    assert [s.place.name for s in trip.stops] == ["New Delhi", "Mumbai"]
    assert all(s.start == date(2023, 3, 1) and s.end == date(2023, 3, 31) for s in trip.stops)


def test_flew_into_and_will_be_in_make_stops(run):
    doc = run(
        "Secretary of State Antony Blinken flew into Riyadh on Monday. He will be in Cairo on "
        "Wednesday, the State Department said.",
        "2024-03-18",
    )
    assert [s.place.name for s in _stops(doc, "Antony Blinken")] == ["Riyadh", "Cairo"]


def test_departure_and_presence_phrasings_make_stops(run):
    cases = [
        ("Indian Prime Minister Narendra Modi departed for Kyiv on Thursday.", "Kyiv"),
        ("Chinese Foreign Minister Wang Yi left for Brazil on Tuesday.", "Brazil"),
        ("Japanese Prime Minister Fumio Kishida is in Washington for a state visit.", "Washington"),
        (
            "German Foreign Minister Annalena Baerbock stopped over in Abu Dhabi on Sunday.",
            "Abu Dhabi",
        ),
    ]
    for text, place in cases:
        doc = run(text, "2024-08-22")
        assert [s.place.name for t in doc.trips for s in t.stops] == [place], text


def test_returning_home_is_no_stop(run):
    doc = run(
        "South African President Cyril Ramaphosa heads to Brazil on Saturday before returning to "
        "Pretoria.",
        "2024-11-15",
    )
    assert [s.place.name for s in _stops(doc, "Cyril Ramaphosa")] == ["Brazil"]


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
    stops = {(s.place.name, s.cancelled) for t in doc.trips for s in t.stops}
    assert stops == {("Australia", True), ("Fiji", True), ("Abu Dhabi", False)}


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


def test_a_visit_by_unnamed_aides_is_not_the_subjects(run):
    doc = run(
        "Israeli Prime Minister Benjamin Netanyahu on Monday canceled a planned visit to "
        "Washington by two of his closest aides.",
        "2024-03-25",
    )
    assert not engagements_with(doc, "Netanyahu")
    assert doc.trips == []


def test_guest_of_a_host_gets_a_stop(run):
    doc = run(
        "Spanish Prime Minister Pedro Sanchez hosted Egyptian President Abdel Fattah el-Sisi in "
        "Madrid on Tuesday for talks on migration.",
        "2025-03-04",
    )
    stops = _stops(doc, "Abdel Fattah el-Sisi")
    assert [s.place.name for s in stops] == ["Madrid"]
    assert stops[0].start == date(2025, 3, 4)
    assert not _stops(doc, "Pedro Sanchez")  # the host is at home


def test_subject_meeting_abroad_gets_a_stop(run):
    doc = run(
        "Indian Finance Minister Nirmala Sitharaman met U.S. Treasury Secretary Janet Yellen in "
        "Washington on Thursday.",
        "2024-04-19",
    )
    assert [s.place.name for s in _stops(doc, "Nirmala Sitharaman")] == ["Washington"]
    assert not _stops(doc, "Janet Yellen")


def test_leaders_who_last_met_somewhere_get_no_stop(run):
    doc = run(
        "Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti spoke by phone "
        "on Monday. The two leaders last met in Geneva in June.",
        "2024-09-02",
    )
    assert not _stops(doc, "Aleksandar Vucic")
    assert not _stops(doc, "Albin Kurti")


def test_international_official_meeting_away_from_headquarters_gets_a_stop(run):
    doc = run(
        "NATO Secretary General Jens Stoltenberg met Japanese Prime Minister Fumio Kishida in "
        "Tokyo on Monday.",
        "2023-01-30",
    )
    assert [s.place.name for t in doc.trips for s in t.stops] == ["Tokyo"]


def test_travelled_together_places_the_meeting_that_follows(run):
    doc = run(
        "British Foreign Secretary David Lammy and French Foreign Minister Jean-Noel Barrot "
        "travelled together to Kyiv on Friday, where they met President Volodymyr Zelenskiy.",
        "2024-11-08",
    )
    (e,) = engagements_with(doc, "Lammy", "Zelenskiy")
    assert e.place.name == "Kyiv"
    assert {t.traveler for t in doc.trips} == {"David Lammy", "Jean-Noel Barrot"}


def test_leaders_at_a_summit_abroad_travelled_there(run):
    doc = run(
        "BERLIN — German Chancellor Friedrich Merz will travel to Washington in June for his "
        "first meeting with U.S. President Donald Trump. Both men are due to meet again at the "
        "G7 summit in Kananaskis, Canada, from June 15 to 17.",
        "2025-05-23",
    )
    travellers = {t.traveler: {s.place.name for s in t.stops} for t in doc.trips}
    assert "Kananaskis" in travellers["Friedrich Merz"]
    assert "Kananaskis" in travellers["Donald Trump"]


def test_a_dated_city_meeting_places_an_undated_country_stop(run):
    doc = run(
        "READOUT\nFEBRUARY 2, 2025\n\nSecretary of State Marco Rubio met today in Panama City "
        "with Panamanian President José Raúl Mulino. Panama is the first stop on a trip that "
        "will also take him to El Salvador and Costa Rica.\n\nREADOUT\nFEBRUARY 3, 2025\n\n"
        "Secretary Rubio met today with Salvadoran President Nayib Bukele in San Salvador.",
        "2025-02-04",
    )
    (trip,) = doc.trips
    stops = {s.place.name: (str(s.start) if s.start else None) for s in trip.stops}
    assert stops["San Salvador"] == "2025-02-03"
    assert "El Salvador" not in stops


def test_a_tour_told_from_its_third_stop(run):
    doc = run(LAVROV_TOUR, "2022-07-26")
    stops = stops_of(doc, "Sergei Lavrov")
    assert stops == {
        "Cairo": "2022-07-24",
        "Republic of Congo": "2022-07-25",
        "Entebbe": "2022-07-26",
        "Addis Ababa": "2022-07-27",
    }
    # the one who received him travelled nowhere
    assert [t.traveler for t in doc.trips] == ["Sergei Lavrov"]
    assert officials(doc)["Denis Sassou Nguesso"][1] == "CG"


def test_undated_meeting_during_a_dated_trip(run):
    doc = run(
        "Treasury Secretary Janet Yellen will travel to China later this week. Yellen plans to "
        "meet Chinese Vice Premier He Lifeng in Guangzhou during the trip.",
        "2024-04-02",
    )
    (e,) = engagements_with(doc, "Yellen", "He Lifeng")
    assert (e.start, e.end) == (date(2024, 4, 3), date(2024, 4, 7))


def test_old_country_visit_is_kept_beside_a_new_city_meeting(run):
    doc = run(
        "Defense Secretary Lloyd Austin will meet Philippine Defense Secretary Gilberto Teodoro "
        "in Manila on Tuesday. Austin last visited the Philippines in February 2023.",
        "2024-07-26",
    )
    visits = [e for e in doc.engagements if e.kind == "visit" and e.place.country == "PH"]
    assert [(v.start, v.end) for v in visits] == [(date(2023, 2, 1), date(2023, 2, 28))]


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


def test_both_sides_of_a_meeting_in_a_third_country_travelled_there(run):
    doc = run(
        "South Korean Foreign Minister Park Jin met Chinese Foreign Minister Wang Yi in Jakarta "
        "on Friday on the sidelines of an ASEAN meeting.",
        "2023-07-15",
    )
    assert [s.place.name for s in _stops(doc, "Park Jin")] == ["Jakarta"]
    assert [s.place.name for s in _stops(doc, "Wang Yi")] == ["Jakarta"]


def test_a_host_meeting_a_guest_at_home_gets_no_stop(run):
    doc = run(
        "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing "
        "on Monday.",
        "2023-06-20",
    )
    assert not _stops(doc, "Wang Yi")


def test_a_country_stop_is_the_city_told_there(run):
    doc = run(
        "Australian Prime Minister Anthony Albanese left on Sunday for Indonesia, where he is "
        "expected to visit the capital Jakarta.",
        "2022-06-05",
    )
    assert [s.place.name for s in _stops(doc, "Anthony Albanese")] == ["Jakarta"]


def test_ones_own_country_or_capital_is_no_stop(run):
    doc = run(
        "Malaysian Prime Minister Ismail Sabri Yaakob arrived in Hanoi on Monday, where he was "
        "greeted by his Vietnamese counterpart Pham Minh Chinh. Chinh will travel to Vietnam's "
        "north on Tuesday. Ismail Sabri will fly back to Kuala Lumpur on Tuesday.",
        "2022-03-21",
    )
    assert [s.place.name for s in _stops(doc, "Ismail Sabri Yaakob")] == ["Hanoi"]
    assert not _stops(doc, "Pham Minh Chinh")


def test_the_one_date_before_a_list_of_stops_is_theirs(run):
    doc = run(
        "German Chancellor Angela Merkel visited Africa last October, making stops in Ethiopia, "
        "Liberia and South Africa.",
        "2008-02-08",
    )
    assert {s.place.name: s.start.month for s in _stops(doc, "Angela Merkel")} == {
        "Ethiopia": 10,
        "Liberia": 10,
        "South Africa": 10,
    }


def test_tour_legs_told_in_order_are_stops_with_their_days(run):
    doc = run(
        "Foreign Minister Ana Ruiz of Spain has visited three nations this week, beginning "
        "with Peru on April 17, then Chile and Bolivia the following day.",
        "2023-04-20",
    )
    assert stops_of(doc, "Ana Ruiz") == {
        "Peru": "2023-04-17",
        "Chile": "2023-04-18",
        "Bolivia": "2023-04-18",
    }


def test_meetings_listed_place_by_place_are_one_engagement_and_stop_each(run):
    doc = run(
        "Turkish Foreign Minister Omer Kaya will hold bilateral meetings in Kenya on Jan. 11, "
        "in Uganda on Jan. 12, and in Ghana on Jan. 13.",
        "2023-01-08",
    )
    places = {e.place.name: str(e.start) for e in engagements_with(doc, "Omer Kaya")}
    assert places == {"Kenya": "2023-01-11", "Uganda": "2023-01-12", "Ghana": "2023-01-13"}
    assert stops_of(doc, "Omer Kaya") == places


def test_a_country_owning_something_and_a_later_clause_are_no_stops(run):
    doc = run(
        "Russian Foreign Minister Oleg Petrov's visit in the U.S.'s backyard drew comment. "
        "General Mary Fox of the U.S. was visiting neighboring Argentina to meet officials, "
        "which caused annoyance in Madrid.",
        "2023-04-20",
    )
    assert not _stops(doc, "Oleg Petrov")
    assert list(stops_of(doc, "Mary Fox")) == ["Argentina"]


def test_a_country_stop_is_the_datelines_city_when_filed_from_there(run):
    doc = run(
        "LIMA: Colombian Foreign Minister Ana Ruiz began an official visit to Peru on Monday. "
        "Ruiz is expected to sign a trade accord during the visit.",
        "2024-03-11",
    )
    assert stops_of(doc, "Ana Ruiz") == {"Lima": "2024-03-11"}


def test_a_visit_clause_under_way_takes_the_main_verbs_day(run):
    doc = run(
        "Chile today welcomed Norwegian Prime Minister Tomas Berg, who is on a two-day visit "
        "to Chile.",
        "2024-05-06",
    )
    assert stops_of(doc, "Tomas Berg") == {"Chile": "2024-05-06"}


def test_a_stop_during_that_trip_takes_the_trips_date(run):
    doc = run(
        "German Chancellor Hans Vogel will visit Kenya next week.\n\n"
        "On his first trip to Africa in May 2022, Vogel spoke of energy projects.\n\n"
        "Vogel also visited Angola during that trip.",
        "2023-10-28",
    )
    assert stops_of(doc, "Hans Vogel")["Angola"] == "2022-05-01"


def test_an_undated_meeting_in_a_city_makes_the_country_stop_that_city(run):
    doc = run(
        "Pakistani Foreign Minister Ali Raza is on a four-nation tour that took him to Iran "
        "and Oman.\n\nEarlier, Raza met Iranian Foreign Minister Reza Amini in Tehran.",
        "2018-12-25",
    )
    assert "Tehran" in stops_of(doc, "Ali Raza")
    assert "Iran" not in stops_of(doc, "Ali Raza")


def test_a_house_named_after_a_city_is_no_stop_in_that_city(run):
    doc = run(
        "U.S. President John Hale arrived in India on Sunday. Hale will hold talks with "
        "Indian Prime Minister Ravi Kumar at Hyderabad House.",
        "2015-01-25",
    )
    assert "Hyderabad" not in stops_of(doc, "John Hale")


def test_the_guest_called_visiting_by_a_host_at_home_has_a_stop(run):
    doc = run(
        "Chinese President Li Wen met with visiting Brazilian Foreign Minister Paulo Costa in "
        "Beijing on Monday.",
        "2023-06-19",
    )
    assert stops_of(doc, "Paulo Costa") == {"Beijing": "2023-06-19"}
    assert not _stops(doc, "Li Wen")


def test_a_dateline_with_a_long_credit_and_a_colon_names_here(run):
    doc = run(
        "CHENGDU, China, (City News / Wire Service - 23rd Jul, 2021 ) :Foreign Minister Omar "
        "Aziz of Pakistan arrived here Friday on a two-day official visit to China.",
        "2021-07-23",
    )
    assert stops_of(doc, "Omar Aziz") == {"Chengdu": "2021-07-23"}


def test_he_meeting_his_counterpart_serves_the_other_government_and_meets_at_the_stop(run):
    doc = run(
        "Prime Minister Omar Malik signed 15 agreements between China and Pakistan.\n\n"
        "The agreements were signed when he met his Chinese counterpart Wu Ping.\n\n"
        "Malik is on a visit to China with a delegation of ministers.",
        "2018-11-03",
    )
    malik = next(o for o in doc.officials if o.name == "Omar Malik")
    assert malik.country == "PK"
    (e,) = engagements_with(doc, "Omar Malik", "Wu Ping")
    assert e.place.country == "CN"


def test_a_tour_owned_by_a_title_is_its_holders_and_each_leg_keeps_its_tense(run):
    doc = run(
        "Spanish Prime Minister Luis Mora was received by Uruguayan President Juan Paz as part "
        "of the Prime Minister's tour of South America, which began on Monday in Chile and will "
        "conclude on Wednesday in Paraguay.",
        "2025-07-22",
    )
    assert not _stops(doc, "Juan Paz")
    stops = stops_of(doc, "Luis Mora")
    assert stops["Chile"] == "2025-07-21"
    assert stops["Paraguay"] == "2025-07-23"


def test_a_companions_stop_is_no_visit_of_their_own(run):
    doc = run(
        "Pakistani Prime Minister Omar Malik arrived in Beijing on Friday for a visit to China. "
        "Malik is accompanied by Foreign Minister Ali Raza.",
        "2018-11-02",
    )
    assert "Beijing" in stops_of(doc, "Ali Raza")
    assert not [e for e in doc.engagements if e.kind == "visit" and e.participants == ["Ali Raza"]]


def test_a_title_case_dateline_with_the_agency_names_the_home_of_a_leader(run):
    doc = run(
        "New Delhi, Oct 9 (PTI) Prime Minister Ravi Kumar will hold bilateral meetings with the "
        "prime minister of Laos and other leaders on the margins of two summits he is slated to "
        "attend in Vientiane on October 10-11.\n\nAt the invitation of Lao Prime Minister Sone "
        "Vong, Kumar will visit Laos.",
        "2024-10-09",
    )
    kumar = next(o for o in doc.officials if o.name == "Ravi Kumar")
    assert kumar.country == "IN"
    assert stops_of(doc, "Ravi Kumar").get("Vientiane") == "2024-10-10"


def test_legs_listed_with_their_own_days_are_stops_on_those_days(run):
    doc = run(
        "Chinese President Li Wen will travel to Peru and Brazil next week. Li will go to Lima "
        "from November 13 to 17 and Rio de Janeiro from November 17 to 21.",
        "2024-11-08",
    )
    stops = {
        s.place.name: (str(s.start), str(s.end))
        for t in doc.trips
        if t.traveler == "Li Wen"
        for s in t.stops
    }
    assert stops["Lima"] == ("2024-11-13", "2024-11-17")
    assert "Rio de Janeiro" in stops and "Peru" not in stops


def test_after_visiting_a_country_the_main_subject_travels_on(run):
    doc = run(
        "Brazilian President Lula da Silva arrived in Lisbon on Friday for a visit to Portugal. "
        "In 2019 then President Jair Bolsonaro refused to sign the prize act.\n\nAfter visiting "
        "Portugal, Lula will travel to Spain.",
        "2023-04-21",
    )
    assert "Spain" in stops_of(doc, "Lula da Silva")
    assert not _stops(doc, "Jair Bolsonaro")


def test_a_summit_placed_by_the_dateline_gives_its_foreign_attendee_a_stop(run):
    doc = run(
        "BUCHAREST (Reuters) - NATO began a farewell summit with Russian President Ivan Orlov "
        "on Friday which both sides hoped would thaw chilly relations.",
        "2008-04-04",
    )
    assert stops_of(doc, "Ivan Orlov") == {"Bucharest": "2008-04-04"}


def test_reaching_a_country_on_a_visit_is_a_stop(run):
    doc = run(
        "Prime Minister Omar Malik of Pakistan reached China on an official visit early Tuesday.",
        "2019-10-08",
    )
    assert stops_of(doc, "Omar Malik") == {"China": "2019-10-08"}


def test_a_city_and_country_before_a_colon_is_a_dateline(run):
    doc = run(
        "Doha, Qatar: Emir Hamad bin Khalid held official talks with US President John Hale at "
        "the palace here today.",
        "2025-05-14",
    )
    (e,) = engagements_with(doc, "Hamad bin Khalid", "John Hale")
    assert e.place.name == "Doha"


def test_a_delegation_to_a_forum_abroad_are_all_travellers(run):
    doc = run(
        "Treasury Secretary Steven Marsh plans to lead a U.S. delegation including Secretary "
        "of State Michael Dale to the World Economic Forum in Davos, Switzerland next week.",
        "2019-01-17",
    )
    marsh = next(o for o in doc.officials if o.name == "Steven Marsh")
    assert marsh.country == "US"
    assert "Davos" in stops_of(doc, "Steven Marsh")


def test_one_stay_told_twice_is_one_stop(run):
    doc = run(
        "Ukrainian Foreign Minister Ivan Petrenko will visit Brussels on November 28 and 29.\n\n"
        "On November 28, he will hold talks in Brussels with EU foreign policy chief Marta "
        "Vidal.\n\nPetrenko will meet NATO Secretary-General Lars Holm in Brussels on "
        "December 14.",
        "2023-11-27",
    )
    (trip,) = [t for t in doc.trips if t.traveler == "Ivan Petrenko"]
    places = [(s.place.name, str(s.start)) for s in trip.stops]
    assert len(places) == len(set(places))


def test_what_follows_since_is_the_last_visit_not_this_one(run):
    doc = run(
        "Iranian President Ali Karimi arrived in Turkey on Monday. Karimi's visit is the first "
        "official visit of an Iranian president to Turkey since Hassan Nouri's trip to Ankara "
        "in 1996.",
        "2014-06-10",
    )
    stops = stops_of(doc, "Ali Karimi")
    assert "Ankara" not in stops
    assert stops["Turkey"] == "2014-06-09"


def test_a_visit_to_the_country_is_to_the_one_named_before(run):
    doc = run(
        "WELLINGTON: Samoa's neighbour New Zealand today welcomed Prime Minister Fiame Naomi "
        "Mata'afa of Samoa, who is on a three-day official visit to the Pacific nation.\n\n"
        "She laid a wreath at the national war memorial.",
        "2023-05-08",
    )
    assert stops_of(doc, "Fiame Naomi Mata'afa") == {"Wellington": "2023-05-08"}


def test_separate_meetings_later_in_a_visit_are_at_its_stop_on_its_day(run):
    doc = run(
        "Chilean President Gabriel Boric arrived in Lima today for a one-day official visit.\n\n"
        "He laid a wreath at a monument to the heroes of independence.\n\n"
        "The national anthems were played at the palace.\n\n"
        "The two delegations then lunched together.\n\n"
        "In the evening, Boric is scheduled to hold separate meetings with Peruvian President "
        "Dina Boluarte and the President of Congress, Alejandro Soto.",
        "2023-06-12",
    )
    meetings = engagements_with(doc, "Gabriel Boric")
    met = {p for e in meetings for p in e.participants if p != "Gabriel Boric"}
    assert {"Dina Boluarte", "Alejandro Soto"} <= met
    for e in meetings:
        assert (e.place.name if e.place else None, str(e.start)) == ("Lima", "2023-06-12")


def test_arriving_in_the_country_earlier_in_the_day_is_a_stop_that_day(run):
    doc = run(
        "President Ana Duarte of Chile was given an official reception at the presidential "
        "palace in Accra, Ghana, on Wednesday. Duarte arrived in the West African country "
        "earlier in the day.",
        "2023-06-08",
    )
    assert stops_of(doc, "Ana Duarte") == {"Accra": "2023-06-07"}


def test_him_visiting_later_in_the_sentence_is_the_visitor_named_before(run):
    doc = run(
        "Prime Minister Justin Trudeau and his Portuguese counterpart Antonio Costa met in Ottawa "
        "on Thursday.\n\n"
        "The Portuguese prime minister is on a four-day visit of Canada that will also see him "
        "visiting Kingston, Toronto and Montreal.",
        "2018-05-04",
    )
    assert officials(doc)["Justin Trudeau"] == ("Prime Minister", "CA")
    trip = next(t for t in doc.trips if t.traveler == "Antonio Costa")
    assert [(s.place.name, s.place.country) for s in trip.stops][-3:] == [
        ("Kingston", "CA"),
        ("Toronto", "CA"),
        ("Montreal", "CA"),
    ]
    assert not any(t.traveler == "Justin Trudeau" for t in doc.trips)


def test_a_week_told_loosely_gives_way_to_the_days_told_exactly(run):
    doc = run(
        "Chilean President Ana Duarte will travel to Peru and Brazil next week for meetings of "
        "APEC and the G20, her office said Friday.\n\n"
        "Duarte will go to Lima from November 13 to 17 and Rio de Janeiro from November 17 to "
        "21, the statement said.\n\n"
        "In Peru, Duarte will attend the APEC Economic Leaders' Meeting.",
        "2024-11-08",
    )
    assert stops_of(doc, "Ana Duarte") == {"Lima": "2024-11-13", "Rio de Janeiro": "2024-11-17"}
    (apec,) = [e for e in doc.engagements if e.title and "APEC" in e.title]
    assert (apec.place.name, str(apec.start), str(apec.end)) == ("Lima", "2024-11-13", "2024-11-17")


def test_those_meeting_on_the_sidelines_of_a_forum_abroad_travelled_there(run):
    doc = run(
        "KUALA LUMPUR, Oct 31 (KUNA) -- Chilean Defense Minister Ana Duarte held a meeting with "
        "Kenyan Defense Minister Amos Kibet (Kenya's Defense Minister) on the sidelines of a "
        "regional defense forum on Friday.",
        "2025-10-31",
    )
    assert officials(doc)["Amos Kibet"][1] == "KE"
    assert stops_of(doc, "Ana Duarte") == {"Kuala Lumpur": "2025-10-31"}
    assert stops_of(doc, "Amos Kibet") == {"Kuala Lumpur": "2025-10-31"}


def test_a_bracketed_office_after_a_name_gives_title_and_country(run):
    doc = run(
        'Duarte said: "I just met with Amos Kibet (Kenya\'s Defense Minister) in Nairobi."',
        "2025-10-31",
    )
    assert officials(doc)["Amos Kibet"] == ("Defense Minister", "KE")


def test_every_member_of_a_subject_list_arriving_is_a_traveller(run):
    doc = run(
        "President of Chile Ana Duarte, President of Peru Luis Quispe and President of Ghana "
        "Kofi Mensah have arrived in Addis Ababa today to participate in the 36th AU Summit.",
        "2023-02-16",
    )
    for who in ("Ana Duarte", "Luis Quispe", "Kofi Mensah"):
        assert stops_of(doc, who) == {"Addis Ababa": "2023-02-16"}
    (summit,) = [e for e in doc.engagements if e.kind == "summit"]
    assert set(summit.participants) == {"Ana Duarte", "Luis Quispe", "Kofi Mensah"}


def test_those_present_at_a_signing_told_before_met_there_and_the_guest_travelled(run):
    doc = run(
        "Chile and Ghana have signed ten cooperation agreements in Accra on Monday.\n\n"
        "The agreements were signed in the presence of Chilean President Ana Duarte and her "
        "Ghanaian counterpart Kofi Mensah.\n\n"
        "Duarte is heading a delegation, which includes foreign minister Luis Vial and minister "
        "of culture Rosa Paz.",
        "2014-06-10",
    )
    (e,) = engagements_with(doc, "Ana Duarte", "Kofi Mensah")
    assert (e.place.name, str(e.start)) == ("Accra", "2014-06-09")
    for who in ("Ana Duarte", "Luis Vial", "Rosa Paz"):
        assert stops_of(doc, who) == {"Accra": "2014-06-09"}
    assert not _stops(doc, "Kofi Mensah")


def test_a_tour_that_has_taken_him_to_a_list_began_at_its_first_stop(run):
    doc = run(
        "Chilean President Ana Duarte left the Ghanaian capital of Accra for Santiago on "
        "Saturday, winding up her four-nation\n"
        "African tour where she has had remarkable success in enhancing ties.\n"
        "The tour, which began on Jan. 30 and has taken her to Cameroon,\n"
        "Liberia, Sudan and Ghana, marks her first Africa trip after the Santiago Summit of\n"
        "the Forum on Chile-Africa Cooperation last November.",
        "2007-02-11",
    )
    stops = stops_of(doc, "Ana Duarte")
    assert stops["Cameroon"] == "2007-01-30"
    assert {"Liberia", "Sudan"} <= set(stops)
    assert not any(d and d.startswith("2006-11") for d in stops.values())


def test_leading_a_delegation_to_a_list_of_countries_makes_them_stops(run):
    doc = run(
        "On his trip starting today, US Representative for Afghanistan Reconciliation Ali Karimi "
        "will lead an interagency delegation to Pakistan, Qatar and Saudi Arabia.",
        "2018-10-05",
    )
    assert {"Pakistan", "Qatar", "Saudi Arabia"} <= set(stops_of(doc, "Ali Karimi"))
    assert "Reconciliation Ali Karimi" not in {o.name for o in doc.officials}


def test_a_trip_called_off_keeps_its_stops_marked_cancelled(run):
    doc = run(
        "President Ana Duarte told Speaker Luis Vial that he is postponing a trip he planned to "
        "take to Belgium, Egypt and Afghanistan because of the shutdown.",
        "2019-01-18",
    )
    trip = next(t for t in doc.trips if t.traveler == "Luis Vial")
    assert [(s.place.name, s.cancelled) for s in trip.stops] == [
        ("Belgium", True),
        ("Egypt", True),
        ("Afghanistan", True),
    ]
    visits = {e.place.name: e.status for e in doc.engagements if e.kind == "visit"}
    assert visits == {"Belgium": "cancelled", "Egypt": "cancelled", "Afghanistan": "cancelled"}


def test_a_tour_that_included_a_list_of_places(run):
    doc = run(
        "Premier Li Wei arrived in London on Saturday. His visit to Britain is the last stop on "
        "a regional tour that also included Spain, Germany, the World Economic Forum in Davos, "
        "Switzerland, and the EU headquarters in Brussels.",
        "2009-02-01",
    )
    places = {s.place.name for s in _stops(doc, "Li Wei")}
    assert {"London", "Spain", "Germany", "Davos", "Brussels"} <= places


def test_a_trip_to_two_countries_by_someone(run):
    doc = run(
        "Prime Minister Tom Hale will not meet President Ann Ross in Washington. A possible "
        "trade trip to Australia and New Zealand by Hale has also been scrapped.",
        "2020-02-20",
    )
    assert {s.place.name for s in _stops(doc, "Tom Hale")} >= {"Australia", "New Zealand"}
    assert not _stops(doc, "Ann Ross")


def test_as_well_as_continues_a_list_of_stops_sharing_its_days(run):
    doc = run(
        "Prime Minister Kenji Ota will visit Kazakhstan and Uzbekistan, as well as Mongolia, "
        "from August 9 to 12.",
        "2024-08-01",
    )
    stops = {s.place.name: (s.start, s.end) for s in _stops(doc, "Kenji Ota")}
    days = (date(2024, 8, 9), date(2024, 8, 12))
    assert stops == {"Kazakhstan": days, "Uzbekistan": days, "Mongolia": days}


def test_an_arrival_with_no_place_is_where_the_report_told_leaders_arriving(run):
    doc = run(
        "Leaders of the region have arrived in the Cuban capital, Havana, to attend the summit. "
        "The President of Venezuela, Nicolas Vera, arrived in the early hours of Monday to "
        "take part in the forum.",
        "2014-01-27",
    )
    assert [s.place.name for s in _stops(doc, "Nicolas Vera")] == ["Havana"]


def test_those_who_have_arrived_include_a_list(run):
    doc = run(
        "Other heads of state who have already arrived in Havana include Bolivian President "
        "Evo Ramos, Uruguayan President Jose Mena and Jamaican Prime Minister Ada Miller.",
        "2014-01-27",
    )
    for name in ("Evo Ramos", "Jose Mena", "Ada Miller"):
        assert [s.place.name for s in _stops(doc, name)] == ["Havana"]


def test_leaders_arriving_for_the_summit_attend_it_rather_than_visit(run):
    doc = run(
        "The President of Venezuela, Nicolas Vera, arrived in Havana on Monday to take part in "
        "the summit. Bolivian President Evo Ramos also arrived in Havana on Monday. The CELAC "
        "summit will be attended by Cuban President Raul Soto.",
        "2014-01-27",
    )
    summits = [e for e in doc.engagements if e.kind == "summit"]
    assert len(summits) == 1 and "Nicolas Vera" in summits[0].participants
    assert not [e for e in engagements_with(doc, "Nicolas Vera") if e.kind == "visit"]


def test_visiting_before_an_office_names_the_traveller(run):
    doc = run(
        "President Ana Costa met visiting Prime Minister Karl Jensen in Lisbon on Monday.",
        "2024-03-05",
    )
    assert [s.place.name for s in _stops(doc, "Karl Jensen")] == ["Lisbon"]
    assert not _stops(doc, "Ana Costa")


def test_visiting_before_a_place_is_the_subjects_visit(run):
    doc = run("Prime Minister Karl Jensen will be visiting Nigeria on Wednesday.", "2018-08-27")
    assert [s.place.name for s in _stops(doc, "Karl Jensen")] == ["Nigeria"]


def test_summit_talks_of_two_leaders_leave_the_host_at_home(run):
    doc = run(
        "President Moon Jin-ho arrived in Ashgabat on Tuesday for a state visit. Moon will "
        "hold summit talks with President Gurban Berdiyev in Ashgabat on Wednesday.",
        "2019-04-16",
    )
    assert [s.place.name for s in _stops(doc, "Moon Jin-ho")] == ["Ashgabat"]
    assert not _stops(doc, "Gurban Berdiyev")


def test_those_met_on_a_summits_sidelines_attend_it(run):
    doc = run(
        "President Rui Salgado will attend the G7 summit in Hiroshima on Friday. On the "
        "sidelines of the summit, Salgado will meet Japanese Prime Minister Kenji Ota, German "
        "Chancellor Lena Vogt and French President Marc Duval separately.",
        "2023-05-17",
    )
    (summit,) = [e for e in doc.engagements if e.kind == "summit"]
    assert {"Rui Salgado", "Kenji Ota", "Lena Vogt", "Marc Duval"} <= set(summit.participants)


def test_others_arriving_somewhere_are_no_trip_of_the_speaker(run):
    doc = run(
        "Prime Minister Karl Jensen welcomed the visitors. May 13 marks the anniversary of "
        "Portuguese immigrants arriving in Canada at Pier 21 in Halifax, Jensen said.",
        "2018-05-04",
    )
    assert not _stops(doc, "Karl Jensen")


def test_a_visit_owned_by_someone_named_after_a_speaker_is_theirs(run):
    doc = run(
        "President Tom Hale arrived in the small West African state of Benin on Saturday. "
        "Adviser Mark Stone said Secretary Dana Whitfield's visit to Kenya would last only a "
        "few hours.",
        "2008-02-16",
    )
    assert [s.place.name for s in _stops(doc, "Tom Hale")] == ["Benin"]
    assert [s.place.name for s in _stops(doc, "Dana Whitfield")] == ["Kenya"]


def test_a_meeting_with_a_host_is_in_the_hosts_country_whatever_day_the_last_stop_got(run):
    doc = run(
        "Foreign Minister Karl Jensen will depart Sunday on a three-day trip to Ghana and Togo. "
        "On Sunday, Jensen will hold talks with Ghanaian President Kofi Mensah in Accra. On "
        "Monday, Jensen will meet with Togo's President Faure Gnassou.",
        "2008-02-08",
    )
    (meeting,) = engagements_with(doc, "Faure Gnassou")
    assert meeting.place and meeting.place.country == "TG"
    togo = [s for s in _stops(doc, "Karl Jensen") if s.place.country == "TG"]
    assert togo and togo[0].start == date(2008, 2, 11)


def test_an_opening_participle_travels_with_the_main_clauses_subject(run):
    doc = run(
        "WELLINGTON, March 27 (Xinhua) -- Arriving in Wellington on Sunday after a visit to "
        "Australia, Chinese Premier Li Wen began his official trip with a private dinner.",
        "2017-03-27",
    )
    stops = {s.place.name: s.start for s in _stops(doc, "Li Wen")}
    assert stops.get("Wellington") == date(2017, 3, 26)


def test_the_invited_guest_is_the_one_who_would_travel(run):
    doc = run(
        "Baku, March 12, AZERTAC\n\nForeign Minister Elmar Aliyev met his Mongolian counterpart "
        "Damdin Bold. Damdin Bold invited Azerbaijani Foreign Minister Elmar Aliyev to visit "
        "Mongolia.",
        "2018-03-12",
    )
    assert [s.place.name for s in _stops(doc, "Elmar Aliyev")] == ["Mongolia"]
    # the guest met in Baku came there; he does not travel home to Mongolia
    assert [s.place.name for s in _stops(doc, "Damdin Bold")] == ["Baku"]
    (meeting,) = [e for e in engagements_with(doc, "Damdin Bold") if e.kind == "meeting"]
    assert meeting.place and meeting.place.name == "Baku"


def test_travelling_to_a_list_of_towns_with_their_countries_between_semicolons(run):
    doc = run(
        "Secretary of State Mark Hale is travelling to New Delhi, India; Colombo, Sri Lanka; "
        "Male, Maldives; and Jakarta, Indonesia this week.",
        "2020-10-26",
    )
    places = [s.place.name for s in _stops(doc, "Mark Hale")]
    assert {"New Delhi", "Colombo", "Jakarta"} <= set(places)


def test_an_arrival_a_short_while_ago_is_the_news_of_the_day(run):
    doc = run(
        "Secretary of State Mark Hale has arrived in Colombo a short while ago for two-day "
        "discussions.",
        "2020-10-27",
    )
    (stop,) = _stops(doc, "Mark Hale")
    assert stop.start == date(2020, 10, 27)


def test_a_stop_told_by_its_country_is_the_town_where_the_traveller_met_then(run):
    doc = run(
        "Secretary Dana Whitfield and Vietnamese Defense Minister Ngo Van Lam met today in "
        "Hanoi. Whitfield is in Vietnam as part of a trip that earlier took her to Indonesia.",
        "2018-01-25",
    )
    places = [s.place.name for s in _stops(doc, "Dana Whitfield")]
    assert "Hanoi" in places and "Vietnam" not in places


def test_the_day_of_an_announcement_is_not_the_trips(run):
    doc = run(
        "The White House in August announced that President Ann Ross would travel to Ireland "
        "for the first time as president.",
        "2018-09-11",
    )
    stops = _stops(doc, "Ann Ross")
    assert stops and all(s.start is None or s.start.month != 8 for s in stops)


def test_guests_hosted_at_the_dateline_further_down_travelled_there(run):
    doc = run(
        "TBILISI - The annual forum of the Coastal Council opens today at the Amber Hall.\n\n"
        "Leaders will adopt a declaration on fisheries.\n\n"
        "Delegates also agreed on a new budget.\n\n"
        "President Ilse Varan has already hosted Armenia's President Piet Holm and Moldova's "
        "Prime Minister Ruth Aaland.",
        "2024-07-04",
    )
    for guest in ("Piet Holm", "Ruth Aaland"):
        (meeting,) = engagements_with(doc, "Ilse Varan", guest)
        assert meeting.place.name == "Tbilisi"
        assert "Tbilisi" in stops_of(doc, guest)


def test_the_one_from_abroad_came_when_the_subject_met_them_at_home(run):
    doc = run(
        "Baku, March 12\n\n"
        "Azerbaijan's Foreign Minister Emil Rzayev met in Baku with a delegation led by his "
        "Mongolian counterpart Bat Erdene.",
        "2018-03-12",
    )
    assert stops_of(doc, "Bat Erdene") == {"Baku": "2018-03-12"}
    assert not [t for t in doc.trips if t.traveler == "Emil Rzayev"]


def test_an_office_in_the_plural_titles_a_list_of_travellers(run):
    doc = run(
        "Presidents Aru Beko of Kyrgyzstan, Timur Saidov of Tajikistan, and Ilya Orazov of "
        "Uzbekistan arrived in Astana on August 8. President Dana Sultan of Tajikistan and "
        "President Oleg Murat of Uzbekistan came later.",
        "2024-08-09",
    )
    found = officials(doc)
    assert found["Aru Beko"] == ("President", "KG")
    assert found["Timur Saidov"] == ("President", "TJ")
    assert found["Oleg Murat"] == ("President", "UZ")  # the country after the name, not before
    for leader in ("Aru Beko", "Timur Saidov", "Ilya Orazov"):
        assert stops_of(doc, leader) == {"Astana": "2024-08-08"}


def test_a_meeting_planned_during_a_called_off_visit_is_called_off(run):
    doc = run(
        "Foreign Secretary Tom Hale has cancelled his planned visit to Samoa on 20 and 21 "
        "April.\n\n"
        "New Zealand's Foreign Minister Ana Pita was to meet with Samoa's Prime Minister Lina "
        "Sefo alongside Hale.",
        "2023-04-19",
    )
    (meeting,) = engagements_with(doc, "Ana Pita", "Lina Sefo")
    assert meeting.status == "cancelled"
    assert meeting.start == date(2023, 4, 20)


def test_a_second_list_of_stops_after_the_days_of_the_first(run):
    doc = run(
        "Foreign Minister Ken Sato will visit Singapore and Malaysia between Wednesday and "
        "Saturday, and Cambodia, Laos and Myanmar on Aug. 20-25.",
        "2020-08-17",
    )
    assert list(stops_of(doc, "Ken Sato")) == [
        "Singapore", "Malaysia", "Cambodia", "Laos", "Myanmar"
    ]  # fmt: skip


def test_a_visitor_of_unstated_country_met_at_the_dateline_further_down(run):
    doc = run(
        "BERLIN - Canada has signed a minerals partnership with Germany.\n\n"
        "Prime Minister Mark Ruel said Canada could help.\n\n"
        "He said Canada and Germany would work together.\n\n"
        "Officials said more deals would follow.\n\n"
        "When the prime minister met with German Chancellor Olaf Brandt earlier Tuesday, the two "
        "leaders also discussed Ukraine.",
        "2025-08-26",
    )
    (meeting,) = engagements_with(doc, "Mark Ruel", "Olaf Brandt")
    assert meeting.place.name == "Berlin"
    assert "Berlin" in stops_of(doc, "Mark Ruel")
