"""Stage 3, events (extraction/events.py, extraction/triggers.py, extraction/participants.py,
extraction/coreference.py): trigger words and their arguments - who, with whom, when, status."""

from datetime import date

import pytest

from .conftest import _stops, engagements_with


def test_summit_kind_and_place_preferring_the_big_city(run):
    doc = run(
        "Japanese Prime Minister Fumio Kishida will host a summit with South Korean President "
        "Yoon Suk Yeol in Tokyo on Thursday.",
        "2023-03-14",
    )
    (e,) = doc.engagements
    assert e.kind == "summit"
    assert e.place.country == "JP"
    assert e.start == date(2023, 3, 16) and e.status == "scheduled"


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


def test_spoke_today_with_is_a_call(run):
    doc = run(
        "Secretary of State Antony J. Blinken spoke today with Qatari Prime Minister and "
        "Minister of Foreign Affairs Sheikh Mohammed bin Abdulrahman Al Thani.",
        "2024-03-19",
    )
    (call,) = engagements_with(doc, "Blinken", "Al Thani")
    assert call.kind == "call"
    assert str(call.start) == "2024-03-19"


def test_speaking_to_reporters_is_not_a_call(run):
    doc = run("Chinese Foreign Minister Wang Yi spoke to reporters in Beijing on Friday.")
    assert not [e for e in doc.engagements if e.kind == "call"]


def test_time_adjunct_summit_has_no_attendee(run):
    doc = run(
        "Turkish President Recep Tayyip Erdogan hosted Ukrainian President Volodymyr Zelenskyy "
        "in Istanbul on Saturday, days before the alliance's summit in Vilnius.",
        "2023-07-08",
    )
    assert [e.kind for e in doc.engagements] == ["meeting"]


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


def test_meeting_between_two_others_later_this_month(run):
    doc = run(
        "Blinken and Macron discussed projects the two sides could announce during a meeting "
        "later this month between Macron and U.S. President Joe Biden.",
        "2021-10-06",
    )
    (e,) = engagements_with(doc, "Biden", "Macron")
    assert sorted(e.participants) == ["Emmanuel Macron", "Joe Biden"] or "Macron" in str(
        e.participants
    )
    assert (e.start, e.end, e.precision) == (date(2021, 10, 1), date(2021, 10, 31), "month")
    assert e.status == "scheduled"


def test_the_two_leaders_met(run):
    doc = run(
        "French President Emmanuel Macron and German Chancellor Olaf Scholz on Thursday signed a "
        "defence treaty. The two leaders met for two hours in Aachen before the ceremony.",
        "2024-02-09",
    )
    (e,) = doc.engagements
    assert sorted(e.participants) == ["Emmanuel Macron", "Olaf Scholz"]
    assert e.start == date(2024, 2, 8) and e.place.name == "Aachen"


def test_the_two_after_a_call(run):
    doc = run(
        "Chancellor Olaf Scholz spoke by phone with Chinese Premier Li Qiang last month, and the "
        "two agreed to hold government consultations in Berlin in 2024.",
        "2023-12-12",
    )
    kinds = {e.kind: e for e in doc.engagements}
    assert set(kinds) == {"call", "talks"}
    assert set(kinds["talks"].participants) == {"Olaf Scholz", "Li Qiang"}
    assert kinds["talks"].place.name == "Berlin" and kinds["talks"].status == "scheduled"
    assert kinds["call"].precision == "month" and kinds["call"].status == "held"


def test_named_dialogue_and_people_who_join(run):
    doc = run(
        "Secretary of State Antony Blinken is in Paris. "
        "Blinken's weeklong trip also includes meetings in Mexico City on Thursday and Friday "
        "for the U.S.-Mexico High Level Security Dialogue. He will join Homeland Security "
        "Secretary Alejandro Mayorkas and Attorney General Merrick Garland to discuss security, "
        "Mexican Foreign Minister Marcelo Ebrard said this week.",
        "2021-10-06",
    )
    (dialogue,) = [e for e in doc.engagements if e.kind == "dialogue"]
    assert dialogue.title == "U.S.-Mexico High Level Security Dialogue"
    assert set(dialogue.participants) >= {"Alejandro Mayorkas", "Merrick Garland"}
    assert "Marcelo Ebrard" not in dialogue.participants
    assert (dialogue.start, dialogue.end) == (date(2021, 10, 7), date(2021, 10, 8))
    assert dialogue.place.name == "Mexico City" and dialogue.country == "MX"


def test_pair_subject_call(run):
    doc = run(
        "President Joe Biden and Chinese President Xi Jinping spoke by phone on Tuesday, their "
        "first conversation since a summit in California last year.",
        "2024-04-02",
    )
    calls = [e for e in doc.engagements if e.kind == "call"]
    assert [sorted(c.participants) for c in calls] == [["Joe Biden", "Xi Jinping"]]


def test_passive_host_with_by(run):
    doc = run(
        "Italian Prime Minister Giorgia Meloni arrived in Tokyo on Monday. She was received at "
        "the Akasaka Palace by Japanese Prime Minister Fumio Kishida.",
        "2023-02-06",
    )
    assert engagements_with(doc, "Meloni", "Kishida")


def test_will_receive_is_a_hosted_meeting(run):
    doc = run(
        "German Chancellor Olaf Scholz will receive Chinese Premier Li Qiang in Berlin on Tuesday "
        "for government consultations, a spokesman said.",
        "2023-06-16",
    )
    (e,) = engagements_with(doc, "Scholz", "Li Qiang")
    assert (e.place.name, e.status) == ("Berlin", "scheduled")
    assert [t.traveler for t in doc.trips] == ["Li Qiang"]


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


def test_and_to_verb_keeps_the_subject_of_the_first_verb(run):
    doc = run(
        "Indonesian President Prabowo Subianto is scheduled to hold talks with Malaysian Prime "
        "Minister Anwar Ibrahim in Kuala Lumpur on Friday and to address a business forum, his "
        "office said.",
        "2025-01-20",
    )
    forum = [e for e in doc.engagements if e.kind == "conference"]
    assert forum and all("Prabowo Subianto" in e.participants for e in forum)


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


def test_subject_list_joins_an_event(run):
    from extraction.participants import _subject_list

    text = "Petro, Arce and Boluarte joined Lula at the summit"
    pre = [(0, 1), (7, 2), (16, 3), (32, 0)]
    assert _subject_list(text, pre, [1, 3]) == [1, 3, 2, 0]


def test_owner_of_a_nominal_picks_the_official(run):
    doc = run(
        "EU foreign policy chief Josep Borrell held a video call with Ukrainian Foreign Minister "
        "Dmytro Kuleba on Tuesday.\n\nThe EU's top diplomat will then travel to Granada, Spain, "
        "on Oct. 5.",
        "2023-09-27",
    )
    assert [s.place.name for s in _stops(doc, "Josep Borrell")] == ["Granada"]
    assert not _stops(doc, "Dmytro Kuleba")


def test_the_russian_minister_is_the_russian_minister_and_is_due_means_future(run):
    doc = run(
        "SEOUL, Oct 19 (Reuters) - Sergei Lavrov, Russia's foreign minister, met North Korean "
        "leader Kim Jong Un in Pyongyang on Thursday.\n\n"
        "Lavrov came after accompanying President Vladimir Putin to a forum in Beijing, where "
        "Putin held talks with Chinese President Xi Jinping on Wednesday.\n\n"
        "The Russian minister is due in Tehran on Monday for talks with Hossein "
        "Amir-Abdollahian, Iran's foreign minister.",
        "2023-10-19",
    )
    (tehran,) = engagements_with(doc, "Amir-Abdollahian")
    assert "Sergei Lavrov" in tehran.participants and "Vladimir Putin" not in tehran.participants
    assert (str(tehran.start), tehran.status) == ("2023-10-23", "scheduled")


def test_according_to_a_spokesman_he_takes_no_part(run):
    doc = run(
        "BERLIN — German Chancellor Friedrich Merz held a phone call with Chinese Premier Li "
        "Qiang on Wednesday. According to government spokesman Stefan Kornelius, the two "
        "discussed trade. Kornelius confirmed on Friday that Merz will travel to Washington in "
        "June for his first meeting with U.S. President Donald Trump.",
        "2025-05-23",
    )
    assert all("Stefan Kornelius" not in e.participants for e in doc.engagements)
    assert [t.traveler for t in doc.trips] == ["Friedrich Merz"]


def test_title_then_name_then_told_reporters_is_a_speaker(run):
    doc = run(
        'SYDNEY — "The president will return to Washington on Sunday for meetings with '
        'congressional leaders," the White House press secretary, Karine Jean-Pierre, told '
        "reporters.",
        "2023-05-17",
    )
    assert all("Karine Jean-Pierre" not in e.participants for e in doc.engagements)


def test_an_undated_event_is_the_news_of_the_report_day_at_lower_confidence(run):
    text = "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin."
    (dated,) = run(text).engagements
    assert (dated.start, dated.end) == (date(2021, 10, 6), date(2021, 10, 6))
    assert dated.status == "held"
    assert dated.place.name == "Berlin" and dated.place.country == "DE"
    (told,) = run(text.replace(".", " on Tuesday.")).engagements
    assert dated.confidence < told.confidence
    (undated,) = run(text, None).engagements  # no publication date: nothing to date it by
    assert (undated.start, undated.end, undated.precision) == (None, None, "unknown")


def test_an_event_told_as_the_past_is_not_dated_to_the_report_day(run):
    doc = run(
        "French President Emmanuel Macron had previously met German Chancellor Olaf Scholz in "
        "Berlin."
    )
    (e,) = doc.engagements
    assert e.start is None


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


def test_a_trigger_inside_the_clause_keeps_the_clause_date(run):
    doc = run(
        "German Chancellor Olaf Scholz, who arrived in Aachen on Wednesday evening, will meet "
        "Polish Prime Minister Donald Tusk on Friday.",
        "2024-02-08",
    )
    trips = {t.traveler: t for t in doc.trips}
    scholz = trips["Olaf Scholz"].stops[0]
    assert scholz.place.name == "Aachen" and scholz.start == date(2024, 2, 7)
    (e,) = engagements_with(doc, "Scholz", "Tusk")
    assert e.start == date(2024, 2, 9)
    # the guest from abroad came to Aachen for the meeting, on its day
    assert [(s.place.name, s.start) for s in trips["Donald Tusk"].stops] == [
        ("Aachen", date(2024, 2, 9))
    ]


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


def test_cancelled_and_hypothetical_meetings(run):
    doc = run(
        "President Joe Biden had been scheduled to travel to Sydney next week for a Quad "
        "leaders' summit with Australian Prime Minister Anthony Albanese. The Quad meeting was "
        "canceled, Albanese said. No meeting was announced between Biden and Chinese President "
        "Xi Jinping. Xi wants to meet with Russian President Vladimir Putin.",
        "2023-05-17",
    )
    (summit,) = [e for e in doc.engagements if e.kind == "summit"]
    assert summit.status == "cancelled"
    assert summit.title == "Quad leaders' summit"
    assert summit.place.name == "Sydney" and summit.place.country == "AU"
    assert not engagements_with(doc, "Xi")
    # the trip to Sydney was called off: its stop, if kept, is marked so
    assert all(s.cancelled for t in doc.trips for s in t.stops if s.place.name == "Sydney")


def test_a_plan_in_the_pluperfect_next_to_a_cancellation(run):
    doc = run(
        "German Economy Minister Robert Habeck has called off a planned trip to Beijing next "
        "week, his ministry said on Tuesday.\n\nHabeck had been due to meet Chinese Vice Premier "
        "He Lifeng and Commerce Minister Wang Wentao in Beijing on Dec. 18 and 19.",
        "2023-12-12",
    )
    meetings = [e for e in doc.engagements if e.kind == "meeting"]
    assert sorted(p for e in meetings for p in e.participants if p != "Robert Habeck") == [
        "He Lifeng",
        "Wang Wentao",
    ]
    assert all(e.status == "cancelled" for e in meetings)
    assert all(e.start == date(2023, 12, 18) and e.end == date(2023, 12, 19) for e in meetings)
    assert all(s.cancelled for t in doc.trips for s in t.stops)
    wang = [o for o in doc.officials if o.name == "Wang Wentao"][0]
    assert wang.country == "CN"  # shares the country of the official listed with him


@pytest.mark.parametrize(
    "phrase", ["will have an audience with", "will pay a courtesy call on", "will also meet"]
)
def test_an_audience_or_courtesy_call_is_a_meeting_of_its_own(run, phrase):
    doc = run(
        "Philippine President Jose Reyes arrived in Tokyo on Wednesday. Reyes is scheduled to "
        f"meet Japanese Prime Minister Ken Mori and {phrase} Emperor Akio.",
        "2023-02-08",
    )
    (with_mori,) = engagements_with(doc, "Jose Reyes", "Ken Mori")
    (with_akio,) = engagements_with(doc, "Jose Reyes", "Akio")
    assert with_mori.kind == with_akio.kind == "meeting"
    assert with_akio.place.name == "Tokyo"


def test_a_telephonic_conversation_last_evening_is_yesterdays_call(run):
    doc = run(
        "Indian Prime Minister Ravi Kumar and US President John Hale held a telephonic "
        "conversation last evening and exchanged New Year greetings.",
        "2019-01-09",
    )
    (e,) = engagements_with(doc, "Ravi Kumar", "John Hale")
    assert (e.kind, e.start) == ("call", date(2019, 1, 8))


def test_calling_on_an_official_is_a_meeting_urging_one_is_not(run):
    doc = run(
        "Iranian Foreign Minister Ali Karimi arrived in Islamabad on Thursday. Karimi will also "
        "call on Prime Minister Imran Shah and the Senate Chairman Omar Baig. Karimi called on "
        "President Ayesha Noor to resign.",
        "2023-08-03",
    )
    assert engagements_with(doc, "Ali Karimi", "Imran Shah")
    assert not engagements_with(doc, "Ali Karimi", "Ayesha Noor")


def test_discussing_by_telephone_is_a_call(run):
    doc = run(
        "Venezuelan President Luis Mendez and his Russian counterpart Ivan Orlov discussed "
        "bilateral relations by telephone on Monday evening.",
        "2017-07-11",
    )
    (e,) = engagements_with(doc, "Luis Mendez", "Ivan Orlov")
    assert (e.kind, e.start) == ("call", date(2017, 7, 10))


def test_a_release_dated_on_a_line_of_its_own_dates_its_call(run):
    doc = run(
        "Telephone conversation with the President of France\n\nOctober 1, 2010\n\n"
        "Russian President Pavel Ivanov had a telephone conversation with French President "
        "Marc Durand.",
        "2010-10-01",
    )
    (e,) = engagements_with(doc, "Pavel Ivanov", "Marc Durand")
    assert (e.kind, e.start) == ("call", date(2010, 10, 1))


def test_a_place_in_the_topic_of_a_meeting_is_not_its_venue(run):
    doc = run(
        "NATO Secretary General Lars Holm met with US Secretary of State John Hale on Thursday "
        "to discuss the implementation of the decisions taken at the NATO Summit in July.",
        "2018-09-13",
    )
    (e,) = engagements_with(doc, "Lars Holm", "John Hale")
    assert e.place is None


def test_a_bare_mention_of_the_summit_is_no_engagement(run):
    doc = run(
        "Indian Prime Minister Ravi Kumar spoke by phone with US President John Hale on Monday. "
        "Hale said the summit would have to wait.",
        "2019-01-08",
    )
    assert [e.kind for e in doc.engagements] == ["call"]


@pytest.mark.parametrize(
    "phrase",
    ["held discussion with", "held wide-ranging discussions with", "conferred with"],
)
def test_discussions_held_and_conferring_are_engagements(run, phrase):
    doc = run(
        f"Nigerian Foreign Minister Ada Okafor on Tuesday {phrase} Chilean Foreign Minister "
        "Tomas Vial in Abuja.",
        "2024-04-17",
    )
    (e,) = engagements_with(doc, "Ada Okafor", "Tomas Vial")
    assert (e.place.name, str(e.start)) == ("Abuja", "2024-04-16")


def test_a_call_with_an_envoy_named_after_his_office_and_a_comma(run):
    doc = run(
        "Foreign Minister Omar Fawzi held a phone call on Monday with the President's Special "
        "Envoy for the Middle East, Steve Carter.\n\n"
        "Fawzi stressed the need for aid deliveries in the Gaza Strip and Egypt's wish to host "
        "the International Conference for Early Recovery.",
        "2025-06-30",
    )
    (call,) = [e for e in doc.engagements if e.kind == "call"]
    assert set(call.participants) == {"Omar Fawzi", "Steve Carter"}
    assert str(call.start) == "2025-06-30"
    names = {o.name for o in doc.officials}
    assert "Gaza Strip" not in names and "Early Recovery" not in names


def test_a_host_welcoming_a_guest_to_a_town_meets_them_there(run):
    doc = run(
        "President Marie Laurent welcomed Iraqi President Omar Salih to Paris on Monday.",
        "2009-11-17",
    )
    (meeting,) = engagements_with(doc, "Omar Salih")
    assert meeting.place and meeting.place.name == "Paris"
    assert meeting.start == date(2009, 11, 16)


def test_passing_something_to_a_countrys_leader_is_no_place(run):
    doc = run(
        "Host President Rui Salgado will pass on the presidency of the bloc to Brazil's "
        "President Ana Costa at the summit on Monday.",
        "2023-07-02",
    )
    assert all(not (e.place and e.place.name == "Brazil") for e in doc.engagements)


def test_discussed_with_a_list_after_phone_conversations_is_a_call_with_each(run):
    doc = run(
        "On April 2, Foreign Minister Aram Petrosyan had a number of phone conversations with "
        "his counterparts. The minister discussed the recent developments with Pavel Orlov, "
        "Foreign Minister of Russia, Jean Morel, Foreign Minister of France, and Anna Berg, "
        "Foreign Minister of Sweden.",
        "2016-04-03",
    )
    calls = [e for e in doc.engagements if e.kind == "call"]
    pairs = sorted(tuple(sorted(e.participants)) for e in calls)
    assert pairs == [
        ("Anna Berg", "Aram Petrosyan"),
        ("Aram Petrosyan", "Jean Morel"),
        ("Aram Petrosyan", "Pavel Orlov"),
    ]
    assert all(e.place is None for e in calls)


def test_discussed_with_a_visitor_is_a_meeting_not_a_call(run):
    doc = run(
        "President Ana Costa discussed trade with visiting Prime Minister Karl Jensen in Lisbon "
        "on Monday.",
        "2024-03-05",
    )
    (e,) = engagements_with(doc, "Karl Jensen")
    assert e.kind == "talks" and e.place and e.place.name == "Lisbon"


def test_verbs_listed_with_commas_share_their_subject_and_the_leaver_is_that_subject(run):
    doc = run(
        "Secretary of State Dana Whitfield arrived in New Delhi on Tuesday. On Wednesday she "
        "will hold talks with Foreign Minister Ravi Natarajan, call on Prime Minister Arjun "
        "Mehta before leaving for Pakistan late afternoon.",
        "2005-03-15",
    )
    (call_on,) = engagements_with(doc, "Arjun Mehta")
    assert sorted(call_on.participants) == ["Arjun Mehta", "Dana Whitfield"]
    assert "Pakistan" in {s.place.name for s in _stops(doc, "Dana Whitfield")}
    assert not _stops(doc, "Ravi Natarajan") and not _stops(doc, "Arjun Mehta")


def test_where_someone_goes_after_a_meeting_is_not_where_it_is_held(run):
    doc = run(
        "President Ana Costa will meet Prime Minister Karl Jensen on Monday before leaving for "
        "Pakistan.",
        "2005-03-13",
    )
    (meeting,) = engagements_with(doc, "Karl Jensen")
    assert not (meeting.place and meeting.place.name == "Pakistan")


def test_a_summit_told_as_a_topic_is_no_event(run):
    doc = run(
        "Prime Minister Rahim Noor and President Pavel Orlov are also expected to discuss "
        "matters related to ASEAN and the East Asia Summit which Russia wants to join.",
        "2007-06-17",
    )
    assert not [e for e in doc.engagements if e.kind == "summit"]


def test_what_was_said_at_a_meeting_tells_the_meeting(run):
    doc = run(
        '"It will be a fighting team," President Hugo Vera said at a meeting with President '
        "Alexander Lutsko in Minsk on Monday.",
        "2006-07-25",
    )
    (meeting,) = engagements_with(doc, "Hugo Vera", "Alexander Lutsko")
    assert meeting.place and meeting.place.name == "Minsk"


def test_a_gathering_told_as_the_time_of_a_meeting_is_not_merged_with_it(run):
    doc = run(
        "President Kemal Arslan is at the NATO summit in Vilnius. On the first day of the "
        "summit, Arslan met French President Marc Duval.",
        "2023-07-11",
    )
    meetings = [e for e in engagements_with(doc, "Marc Duval") if e.kind == "meeting"]
    assert meetings and "Kemal Arslan" in meetings[0].participants


def test_an_official_greeted_by_a_host_met_them(run):
    doc = run(
        "ZURICH, Jan. 15 - Premier Wen Ho arrived on Sunday for a state visit.\n\n"
        "Wen and his wife were greeted by Swiss President Anna Keller at the airport.",
        "2017-01-15",
    )
    (meeting,) = engagements_with(doc, "Wen Ho", "Anna Keller")
    assert meeting.kind == "meeting"
    assert meeting.status == "held"


def test_leaders_who_inked_a_pact_met_and_a_long_demonym_gives_the_country(run):
    doc = run(
        "Prime Minister Tom Hale and his Papua New Guinean counterpart Ben Kila have inked a "
        "defence pact in Canberra on Monday.\n\n"
        "Later Hale met Belarus's envoy Ivan Drozd in the Belarussian capital.",
        "2025-10-06",
    )
    (meeting,) = engagements_with(doc, "Tom Hale", "Ben Kila")
    assert meeting.place.name == "Canberra"
    assert {o.name: o.country for o in doc.officials}["Ben Kila"] == "PG"
    (later,) = engagements_with(doc, "Hale", "Ivan Drozd")
    assert later.place.name == "Minsk"


def test_a_day_opening_the_paragraph_dates_the_meetings_told_after_it(run):
    doc = run(
        "On September 9, President Lena Obi will hold a meeting with UK counterpart Tom Reed. "
        "She will hold a meeting with her Italian counterpart Gia Rossi. Furthermore, the "
        "President will have a meeting with German Chancellor Max Vogt.",
        "2023-09-08",
    )
    for guest in ("Tom Reed", "Gia Rossi", "Max Vogt"):
        (meeting,) = engagements_with(doc, "Lena Obi", guest)
        assert meeting.start == date(2023, 9, 9), guest
    countries = {o.name: o.country for o in doc.officials}
    assert countries["Tom Reed"] == "GB"
    assert countries["Lena Obi"] != "GB"  # the counterpart is of another country


def test_leaders_who_oversaw_a_signing_after_talks_met_in_the_past(run):
    doc = run(
        "Chinese President Li Wen and the visiting Philippine President Ana Cruz oversaw the "
        "signing after their official talks.",
        "2001-10-30",
    )
    (meeting,) = engagements_with(doc, "Li Wen", "Ana Cruz")
    assert meeting.status == "held"
