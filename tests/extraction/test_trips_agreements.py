from datetime import date


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
    assert stanford.start is None
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


def test_cancelled_visit_is_not_a_stop(run):
    doc = run(
        "Chinese Premier Li Qiang cancelled a planned visit to Berlin on Monday, the foreign "
        "ministry said.",
        "2023-06-20",
    )
    assert all(s.place.name != "Berlin" for t in doc.trips for s in t.stops)
    visits = [e for e in doc.engagements if e.kind == "visit"]
    assert all(e.status == "cancelled" for e in visits)


def test_acronym_pact_with_parties_and_date(run):
    doc = run(
        "Tensions over AUKUS deal\n\n"
        "The Biden administration announced September 15 a new security pact with Australia "
        "and Britain. President Joe Biden said it was historic.",
        "2021-10-06",
    )
    (ag,) = doc.agreements
    assert ag.name == "AUKUS"
    assert set(ag.parties) == {"US", "AU", "GB"}
    assert ag.date == date(2021, 9, 15)
    assert any("security pact" in a for a in ag.aliases)


def test_named_agreements_and_aliases(run):
    doc = run(
        "The U.S. renegotiated the 24-year old North American Free Trade Agreement into what is "
        "now the United States-Mexico-Canada Agreement, or USMCA which supports trade. Officials "
        "praised the U.S.-ROK Alliance.",
        "2021-01-27",
    )
    names = {a.name: a for a in doc.agreements}
    assert set(names) == {
        "North American Free Trade Agreement",
        "United States-Mexico-Canada Agreement",
    }
    usmca = names["United States-Mexico-Canada Agreement"]
    assert usmca.aliases == ["USMCA"]
    assert usmca.parties == ["US", "MX", "CA"]
    assert usmca.date is None


def test_treaty_signing_date(run):
    doc = run(
        "French President Emmanuel Macron and German Chancellor Olaf Scholz on Thursday signed "
        "the Aachen Defence Cooperation Treaty. It builds on the Elysee Treaty signed in 1963.",
        "2024-02-09",
    )
    names = {a.name: a for a in doc.agreements}
    treaty = names["Aachen Defence Cooperation Treaty"]
    assert treaty.date == date(2024, 2, 8)
    assert set(treaty.parties) == {"FR", "DE"}
    assert names["Elysee Treaty"].date == date(1963, 1, 1)
    assert names["Elysee Treaty"].precision == "year"


import pytest  # noqa: E402


def test_a_list_of_places_shares_its_date(run):
    doc = run(
        "Australian Prime Minister Anthony Albanese plans to travel to New Delhi and Mumbai in "
        "March, his office said.",
        "2022-04-04",
    )
    (trip,) = doc.trips
    assert [s.place.name for s in trip.stops] == ["New Delhi", "Mumbai"]
    assert all(s.start == date(2023, 3, 1) and s.end == date(2023, 3, 31) for s in trip.stops)


def test_a_month_name_is_not_a_town(run):
    doc = run("German Chancellor Olaf Scholz will visit Japan in March.", "2023-01-10")
    assert [s.place.name for t in doc.trips for s in t.stops] == ["Japan"]
