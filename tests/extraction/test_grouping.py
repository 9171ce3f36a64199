"""Stage 4, grouping (extraction/grouping.py, extraction/carryover.py): one engagement per
counterpart, one per meeting told several times, and the day or place one sentence gives another."""

from datetime import date

from .conftest import _stops, engagements_with


def test_one_call_per_named_counterpart(run):
    doc = run(
        "Antony Blinken, who was confirmed by the Senate on Tuesday, spoke to his counterparts "
        "from Mexico, Canada and Japan. The nation's top diplomat spoke with Mexico Foreign "
        "Secretary Marcelo Ebrard about migration. In his conversation with Canada Foreign "
        "Minister Marc Garneau, the two discussed climate change. Blinken's communication with "
        "Japan Foreign Minister Toshimitsu Motegi followed a similar thread.",
        "2021-01-27",
    )
    calls = [e for e in doc.engagements if e.kind == "call"]
    pairs = sorted(tuple(sorted(e.participants)) for e in calls)
    assert pairs == [
        ("Antony Blinken", "Marc Garneau"),
        ("Antony Blinken", "Marcelo Ebrard"),
        ("Antony Blinken", "Toshimitsu Motegi"),
    ]
    for e in calls:
        assert e.status == "held" and e.place is None
        # "who was confirmed ... on Tuesday" dates the confirmation: the calls lie between it
        # and publication (no narrative-day cue here to narrow them to one day)
        assert (e.start, e.end, e.precision) == (date(2021, 1, 26), date(2021, 1, 27), "day")


def test_unnamed_counterparts_leave_the_speaker_alone(run):
    doc = run(
        "Indian Foreign Minister S. Jaishankar spoke to his counterparts from France and "
        "Germany on Monday.",
        "2023-03-08",
    )
    calls = [e for e in doc.engagements if e.kind == "call"]
    assert len(calls) == 1
    assert calls[0].participants == ["S. Jaishankar"]
    assert calls[0].start == date(2023, 3, 6)


def test_separate_talks_with_a_list_and_trip_place(run):
    text = (
        "U.S. Secretary of State Antony Blinken closes a Paris visit Wednesday with the final "
        "day of ministerial talks at the Organization for Economic Cooperation and Development.\n\n"
        "Blinken spoke at the opening of the meeting Tuesday.\n\n"
        "Blinken is holding separate talks with Italian Foreign Minister Luigi Di Maio, Spanish "
        "Foreign Minister Jose Manuel Albares and Colombian Vice President and Foreign Minister "
        "Marta Lucia Ramirez."
    )
    doc = run(text, "2021-10-06")
    talks = [e for e in doc.engagements if e.kind == "talks"]
    assert sorted(p for e in talks for p in e.participants if p != "Antony Blinken") == [
        "Jose Manuel Albares",
        "Luigi Di Maio",
        "Marta Lucia Ramirez",
    ]
    for e in talks:
        assert e.place.name == "Paris" and e.place.country == "FR"
        assert e.status == "scheduled"
        assert text[e.evidence[0][0] : e.evidence[0][1]].startswith("Blinken is holding")
    conf = [e for e in doc.engagements if e.kind == "conference"]
    assert len(conf) == 1
    assert "OECD" in conf[0].title
    assert (conf[0].start, conf[0].end) == (date(2021, 10, 5), date(2021, 10, 6))
    assert conf[0].place.latitude is not None


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


def test_sidelines_meeting_takes_the_gatherings_place_and_month(run):
    doc = run(
        "Indonesian President Joko Widodo last met Australian Prime Minister Anthony Albanese on "
        "the sidelines of the G20 summit in New Delhi, India, in September.",
        "2023-11-20",
    )
    (e,) = [e for e in engagements_with(doc, "Widodo", "Albanese") if e.kind != "summit"]
    assert e.place.name == "New Delhi"
    assert (e.start, e.end) == (date(2023, 9, 1), date(2023, 9, 30))


def test_earlier_in_the_day_is_the_day_and_place_told_before(run):
    doc = run(
        "READOUT\nFEBRUARY 2, 2025\n\nSecretary of State Marco Rubio met today in Panama City "
        "with Panamanian President José Raúl Mulino.\n\nEarlier in the day, Secretary Rubio met "
        "with Foreign Minister Javier Martínez-Acha Vásquez to review security cooperation.",
        "2025-02-04",
    )
    (e,) = engagements_with(doc, "Marco Rubio", "Javier Martínez-Acha Vásquez")
    assert (str(e.start), e.place.name) == ("2025-02-02", "Panama City")


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


def test_a_visitor_meeting_several_leaders_of_one_host_meets_each(run):
    doc = run(
        "Turkish President Recep Tayyip Erdogan will arrive in Jeddah on Monday, where he will "
        "meet Saudi King Salman bin Abdulaziz and Saudi Crown Prince Mohammed bin Salman.",
        "2023-07-16",
    )
    meetings = [e for e in doc.engagements if e.kind == "meeting"]
    assert sorted(len(e.participants) for e in meetings) == [2, 2]


def test_a_meeting_with_nobody_named_is_no_engagement(run):
    doc = run(
        "Marcos will also hold meetings with Japanese business leaders to promote investment.",
        "2023-02-08",
    )
    assert doc.engagements == []


def test_a_lone_participant_at_a_gathering_keeps_it(run):
    doc = run(
        "Albanese attended a meeting of leaders of the Quad group of countries in Tokyo in May.",
        "2022-06-05",
    )
    (e,) = doc.engagements
    assert (e.kind, e.place.name) == ("conference", "Tokyo")


def test_two_named_summits_attended_are_two_engagements(run):
    doc = run(
        "Prime Minister Anand Verma will attend the 12th Indo-Lantic Summit and the 7th Ocean "
        "Rim Summit in Vientiane on October 10-11, the ministry said on Wednesday.",
        "2024-10-09",
    )
    summits = sorted(
        (e.title, e.place.name if e.place else None, e.start, e.end)
        for e in engagements_with(doc, "Anand Verma")
        if e.kind == "summit"
    )
    # the place and days told after the second are the first one's too
    days = (date(2024, 10, 10), date(2024, 10, 11))
    assert summits == [
        ("12th Indo-Lantic Summit", "Vientiane", *days),
        ("7th Ocean Rim Summit", "Vientiane", *days),
    ]


def test_bilateral_meetings_with_leaders_of_several_governments_are_one_each(run):
    doc = run(
        "President Rui Salgado will hold at least five bilateral meetings during the summit. "
        "Salgado will meet Japanese Prime Minister Kenji Ota, as well as German Chancellor "
        "Lena Vogt and French President Marc Duval.",
        "2023-05-17",
    )
    meetings = [e for e in engagements_with(doc, "Rui Salgado") if e.kind == "meeting"]
    assert sorted(tuple(sorted(e.participants)) for e in meetings) == [
        ("Kenji Ota", "Rui Salgado"),
        ("Lena Vogt", "Rui Salgado"),
        ("Marc Duval", "Rui Salgado"),
    ]


def test_a_joint_meeting_with_several_governments_stays_one(run):
    doc = run(
        "Secretary Dana Whitfield held bilateral talks with her hosts on Monday. On Tuesday she "
        "met Japanese Foreign Minister Kenji Ota and South Korean Foreign Minister Min-jun Park "
        "together in Tokyo.",
        "2023-05-17",
    )
    meetings = [e for e in engagements_with(doc, "Kenji Ota") if e.kind == "meeting"]
    assert len(meetings) == 1 and "Min-jun Park" in meetings[0].participants


def test_meetings_told_after_a_dated_gathering_are_held_there(run):
    doc = run(
        "King Hamad on Monday held meetings in Riyadh with leaders taking part in the Gulf "
        "Summit. King Hamad met Egyptian President Omar Saad and Lebanese Prime Minister Karim "
        "Haddad.",
        "2024-11-11",
    )
    for name in ("Omar Saad", "Karim Haddad"):
        (meeting,) = [e for e in engagements_with(doc, name) if e.kind == "meeting"]
        assert meeting.place and meeting.place.name == "Riyadh"
        assert meeting.start == date(2024, 11, 11)


def test_officials_listed_as_present_attend_the_summit(run):
    doc = run(
        "Presidents of the bloc will convene Monday in Puerto Iguazu for the 62nd bloc summit. "
        "In addition to Ana Vidal and Rui Salgado, also present will be Bolivian President "
        "Marco Tello. The Summit's agenda will kick off Monday with a meeting led by Argentine "
        "Foreign Minister Sergio Lanz.",
        "2023-07-02",
    )
    (summit,) = [e for e in doc.engagements if e.kind == "summit"]
    assert {"Ana Vidal", "Rui Salgado", "Marco Tello"} <= set(summit.participants)
    assert summit.place and summit.place.name == "Puerto Iguazu"
    assert [s.place.name for s in _stops(doc, "Marco Tello")] == ["Puerto Iguazu"]


def test_a_summit_with_two_candidate_towns_takes_neither(run):
    doc = run(
        "Prime Minister Kenji Ota will attend the summit in Brunei on Wednesday, ahead of a "
        "special summit they plan to hold in Tokyo in December. The summit was attended by "
        "President Lena Park.",
        "2013-10-08",
    )
    summits = [e for e in doc.engagements if e.kind == "summit" and "Lena Park" in e.participants]
    assert summits and all(not e.place or e.place.name != "Tokyo" for e in summits)


def test_an_agencys_dateline_is_not_where_a_visitor_met_the_host(run):
    doc = run(
        "ADDIS ABABA, July 12 (Xinhua) -- Visiting Somali President Hassan Ali Noor and "
        "Eritrean President Isaias Tesfay on Tuesday held talks to boost bilateral ties.",
        "2022-07-13",
    )
    (talks,) = engagements_with(doc, "Hassan Ali Noor", "Isaias Tesfay")
    assert talks.place and talks.place.country == "ER"


def test_hosting_leaders_of_several_governments_is_a_meeting_with_each(run):
    doc = run(
        "ASTANA - President Nurlan Sadykov has already hosted President of Azerbaijan Ilkin "
        "Aliyev, the President of China Wei Ming and President of Russia Pavel Orlov.",
        "2024-07-04",
    )
    meetings = [e for e in engagements_with(doc, "Nurlan Sadykov") if e.kind == "meeting"]
    assert sorted(tuple(sorted(e.participants)) for e in meetings) == [
        ("Ilkin Aliyev", "Nurlan Sadykov"),
        ("Nurlan Sadykov", "Pavel Orlov"),
        ("Nurlan Sadykov", "Wei Ming"),
    ]


def test_officials_and_other_participants_of_the_summit_attend_it(run):
    doc = run(
        "Prime Minister Arman Petrosian hosted the summit in Yerevan on Friday. French "
        "President Marc Duval, Canadian Prime Minister Jean Roy and other participants of the "
        "summit adopted a joint declaration.",
        "2018-10-13",
    )
    (summit,) = [e for e in doc.engagements if e.kind == "summit"]
    assert {"Marc Duval", "Jean Roy"} <= set(summit.participants)


def test_counterparts_listed_in_the_next_sentence_of_separate_meetings(run):
    doc = run(
        "President Hu Wei on Saturday held separate meetings with presidents of three African "
        "countries in Beijing. The three leaders are President Hage Nujoma of Namibia, "
        "President Armando Guebu of Mozambique and President Abdou Wade of Senegal.",
        "2006-11-05",
    )
    meetings = [e for e in engagements_with(doc, "Hu Wei") if e.kind == "meeting"]
    assert sorted(tuple(sorted(e.participants)) for e in meetings) == [
        ("Abdou Wade", "Hu Wei"),
        ("Armando Guebu", "Hu Wei"),
        ("Hage Nujoma", "Hu Wei"),
    ]


def test_one_summit_by_one_name_gathers_everyone_told_at_it_in_its_town(run):
    doc = run(
        "India is hosting the G20 Leaders Summit at the Convention Centre at Pragati Maidan, "
        "New Delhi on September 9-10. Prime Minister Ravi Menon will chair the G20 Summit.\n\n"
        "So far, Argentina's President Luis Ortega, Mauritius Prime Minister Anil Doorgakant, "
        "Nigeria's President Femi Adeyemi and several other leaders have arrived in India for "
        "the G20 Summit.",
        "2023-09-08",
    )
    (summit,) = [e for e in doc.engagements if e.kind == "summit"]
    assert summit.place.name == "New Delhi"
    for leader in ("Ravi Menon", "Luis Ortega", "Anil Doorgakant", "Femi Adeyemi"):
        assert leader in summit.participants
    for guest in ("Luis Ortega", "Anil Doorgakant", "Femi Adeyemi"):
        (trip,) = [t for t in doc.trips if t.traveler == guest]
        assert [s.place.name for s in trip.stops] == ["New Delhi"]
