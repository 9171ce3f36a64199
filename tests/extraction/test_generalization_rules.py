"""Rules added in 1.2.0 after the third batch of held-out wire reports (heldout3/)."""

from datetime import date

from .conftest import engagements_with


def _stops(doc, traveler):
    return [s for t in doc.trips if t.traveler == traveler for s in t.stops]


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


def test_demonym_capital_is_the_capital_city(run):
    doc = run(
        "Chinese Foreign Minister Wang Yi arrived in the Kenyan capital on Sunday for a "
        "three-day visit.",
        "2024-01-14",
    )
    (stop,) = _stops(doc, "Wang Yi")
    assert (stop.place.name, stop.place.country) == ("Nairobi", "KE")


def test_country_before_a_title_is_not_a_listed_place(run):
    doc = run(
        "In Kabul, US Defense Secretary Mark Esper met Afghan President Ashraf Ghani on Saturday.",
        "2020-02-29",
    )
    (e,) = engagements_with(doc, "Esper", "Ghani")
    assert e.place.name == "Kabul"


def test_org_seat_loses_to_the_named_city(run):
    doc = run(
        "German Chancellor Olaf Scholz met Canadian Prime Minister Justin Trudeau on the "
        "sidelines of the NATO summit in Vilnius on Tuesday.",
        "2023-07-11",
    )
    (e,) = engagements_with(doc, "Scholz", "Trudeau")
    assert e.place.name == "Vilnius"


def test_sidelines_meeting_takes_the_gatherings_place_and_month(run):
    doc = run(
        "Indonesian President Joko Widodo last met Australian Prime Minister Anthony Albanese on "
        "the sidelines of the G20 summit in New Delhi, India, in September.",
        "2023-11-20",
    )
    (e,) = [e for e in engagements_with(doc, "Widodo", "Albanese") if e.kind != "summit"]
    assert e.place.name == "New Delhi"
    assert (e.start, e.end) == (date(2023, 9, 1), date(2023, 9, 30))


def test_passive_host_with_by(run):
    doc = run(
        "Italian Prime Minister Giorgia Meloni arrived in Tokyo on Monday. She was received at "
        "the Akasaka Palace by Japanese Prime Minister Fumio Kishida.",
        "2023-02-06",
    )
    assert engagements_with(doc, "Meloni", "Kishida")


def test_after_meeting_takes_the_main_subject(run):
    doc = run(
        "Indian Foreign Minister Subrahmanyam Jaishankar flew to Berlin on Tuesday for talks with "
        "German Foreign Minister Annalena Baerbock, a day after meeting French Foreign Minister "
        "Jean-Noel Barrot in Paris.",
        "2024-12-03",
    )
    assert not engagements_with(doc, "Baerbock", "Barrot")
    assert engagements_with(doc, "Jaishankar", "Barrot")


def test_object_of_a_verb_in_a_phone_call(run):
    doc = run(
        "German Chancellor Olaf Scholz pressed Chinese Premier Li Qiang in a telephone call on "
        "Friday to use his influence with Moscow, according to a readout from Berlin.",
        "2024-05-03",
    )
    (e,) = [e for e in doc.engagements if e.kind == "call"]
    assert set(e.participants) == {"Olaf Scholz", "Li Qiang"}
    assert e.start == date(2024, 5, 3)


def test_flew_into_and_will_be_in_make_stops(run):
    doc = run(
        "Secretary of State Antony Blinken flew into Riyadh on Monday. He will be in Cairo on "
        "Wednesday, the State Department said.",
        "2024-03-18",
    )
    assert [s.place.name for s in _stops(doc, "Antony Blinken")] == ["Riyadh", "Cairo"]


def test_returning_home_is_no_stop(run):
    doc = run(
        "South African President Cyril Ramaphosa heads to Brazil on Saturday before returning to "
        "Pretoria.",
        "2024-11-15",
    )
    assert [s.place.name for s in _stops(doc, "Cyril Ramaphosa")] == ["Brazil"]


def test_generation_suffix_name_is_found_by_surname():
    from extraction.people import build_people
    from extraction.text import segment

    text = (
        "Philippine President Ferdinand Marcos Jr. has postponed a state visit, his office said "
        "Monday.\n\nForeign Secretary Enrique Manalo, who was to accompany Marcos, will still "
        "travel on Thursday."
    )
    sentences = segment(text)
    people, _cands, mentions = build_people(sentences, text)
    marcos = [p for p in people if "Marcos" in p.name]
    assert len(marcos) == 1
    found = [text[a:b] for ms in mentions.values() for a, b, pid in ms if pid == marcos[0].id]
    assert "Marcos" in found


def test_rank_abbreviations_and_storms_are_not_officials(run):
    doc = run(
        "Pentagon press secretary Maj. Gen. Pat Ryder said the trip would go ahead. "
        "Typhoon Kong-rey hit Taiwan on Thursday. Another official said the schedule could change.",
        "2024-10-31",
    )
    names = {o.name for o in doc.officials}
    assert "Maj" not in names and "Another" not in names
    assert not any(n.startswith("Typhoon") for n in names)


def test_named_joint_statement_is_an_agreement(run):
    doc = run(
        "The two leaders signed a Joint Statement on Combating Climate Change in Beijing "
        "on Friday.",
        "2023-04-14",
    )
    assert any("Joint Statement on Combating Climate Change" in a.name for a in doc.agreements)


def test_undated_meeting_in_a_sentence_with_dated_talks(run):
    doc = run(
        "German Chancellor Olaf Scholz hosted Turkish President Recep Tayyip Erdogan in Berlin on "
        "Friday. Before his talks with Scholz, Erdogan was received with military honours by "
        "German President Frank-Walter Steinmeier.",
        "2023-11-17",
    )
    (e,) = engagements_with(doc, "Steinmeier", "Erdogan")
    assert e.start == date(2023, 11, 17)


def test_at_the_same_time_takes_the_day_told_before(run):
    doc = run(
        "U.S. Secretary of State Mike Pompeo met Qatar's Emir Sheikh Tamim bin Hamad Al-Thani in "
        "Doha on Saturday. At the same time in Kabul, US Defense Secretary Mark Esper met Afghan "
        "President Ashraf Ghani.",
        "2020-02-29",
    )
    (e,) = engagements_with(doc, "Esper", "Ghani")
    assert e.start == date(2020, 2, 29)


def test_old_country_visit_is_kept_beside_a_new_city_meeting(run):
    doc = run(
        "Defense Secretary Lloyd Austin will meet Philippine Defense Secretary Gilberto Teodoro "
        "in Manila on Tuesday. Austin last visited the Philippines in February 2023.",
        "2024-07-26",
    )
    visits = [e for e in doc.engagements if e.kind == "visit" and e.place.country == "PH"]
    assert [(v.start, v.end) for v in visits] == [(date(2023, 2, 1), date(2023, 2, 28))]


def test_and_to_verb_keeps_the_subject_of_the_first_verb(run):
    doc = run(
        "Indonesian President Prabowo Subianto is scheduled to hold talks with Malaysian Prime "
        "Minister Anwar Ibrahim in Kuala Lumpur on Friday and to address a business forum, his "
        "office said.",
        "2025-01-20",
    )
    forum = [e for e in doc.engagements if e.kind == "conference"]
    assert forum and all("Prabowo Subianto" in e.participants for e in forum)


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


def test_travelled_together_places_the_meeting_that_follows(run):
    doc = run(
        "British Foreign Secretary David Lammy and French Foreign Minister Jean-Noel Barrot "
        "travelled together to Kyiv on Friday, where they met President Volodymyr Zelenskiy.",
        "2024-11-08",
    )
    (e,) = engagements_with(doc, "Lammy", "Zelenskiy")
    assert e.place.name == "Kyiv"
    assert {t.traveler for t in doc.trips} == {"David Lammy", "Jean-Noel Barrot"}


def test_a_region_is_not_a_town(run):
    doc = run(
        "Secretary of State Antony Blinken, who is on a three-nation tour of Central Asia, met "
        "Kazakh President Kassym-Jomart Tokayev in Astana on Tuesday.",
        "2023-02-28",
    )
    (e,) = engagements_with(doc, "Blinken", "Tokayev")
    assert e.place.name == "Astana"
    assert [s.place.name for t in doc.trips for s in t.stops] == ["Astana"]


def test_will_receive_is_a_hosted_meeting(run):
    doc = run(
        "German Chancellor Olaf Scholz will receive Chinese Premier Li Qiang in Berlin on Tuesday "
        "for government consultations, a spokesman said.",
        "2023-06-16",
    )
    (e,) = engagements_with(doc, "Scholz", "Li Qiang")
    assert (e.place.name, e.status) == ("Berlin", "scheduled")
    assert [t.traveler for t in doc.trips] == ["Li Qiang"]


def test_style_after_an_office_keeps_the_office_and_country(run):
    doc = run(
        "Saudi Foreign Minister Prince Faisal bin Farhan met U.S. Secretary of State Antony "
        "Blinken in Washington on Thursday.",
        "2024-05-30",
    )
    faisal = [o for o in doc.officials if "Faisal" in o.name][0]
    assert (faisal.title, faisal.country) == ("Foreign Minister", "SA")
    assert [s.place.name for t in doc.trips for s in t.stops] == ["Washington"]


def test_place_names_with_lowercase_joiners(run):
    doc = run(
        "Kenyan President William Ruto held talks with Tanzanian President Samia Suluhu Hassan in "
        "Dar es Salaam on Monday.",
        "2024-05-06",
    )
    (e,) = engagements_with(doc, "Ruto", "Hassan")
    assert (e.place.name, e.place.country) == ("Dar es Salaam", "TZ")


def test_international_official_meeting_away_from_headquarters_gets_a_stop(run):
    doc = run(
        "NATO Secretary General Jens Stoltenberg met Japanese Prime Minister Fumio Kishida in "
        "Tokyo on Monday.",
        "2023-01-30",
    )
    assert [s.place.name for t in doc.trips for s in t.stops] == ["Tokyo"]
