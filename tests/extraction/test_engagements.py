from datetime import date

from .conftest import engagements_with


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


def test_unknown_date_stays_unknown(run):
    doc = run("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin.")
    (e,) = doc.engagements
    assert (e.start, e.end, e.precision) == (None, None, "unknown")
    assert e.status == "held"
    assert e.place.name == "Berlin" and e.place.country == "DE"


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
    assert not doc.trips or all(s.place.name != "Sydney" for t in doc.trips for s in t.stops)


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


def test_the_two_leaders_met(run):
    doc = run(
        "French President Emmanuel Macron and German Chancellor Olaf Scholz on Thursday signed a "
        "defence treaty. The two leaders met for two hours in Aachen before the ceremony.",
        "2024-02-09",
    )
    (e,) = doc.engagements
    assert sorted(e.participants) == ["Emmanuel Macron", "Olaf Scholz"]
    assert e.start == date(2024, 2, 8) and e.place.name == "Aachen"


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
    assert not doc.trips
    wang = [o for o in doc.officials if o.name == "Wang Wentao"][0]
    assert wang.country == "CN"  # shares the country of the official listed with him


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
