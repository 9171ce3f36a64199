"""Stage 5, trips (extraction/companions.py): who travels with whom, a trip's `companions`."""

import pytest


def companions(doc) -> dict[str, list[str]]:
    """Traveller -> companions, for the trips that have any."""
    return {t.traveler: t.companions for t in doc.trips if t.companions}


def test_accompanied_by_names_every_companion_of_the_list(run):
    doc = run(
        "Secretary of State Antony Blinken will travel to Paris on Monday. Blinken will be "
        "accompanied by Defense Secretary Lloyd Austin and Commerce Secretary Gina Raimondo.",
        "2023-10-01",
    )
    assert companions(doc) == {"Antony Blinken": ["Lloyd Austin", "Gina Raimondo"]}
    names = {o.name for o in doc.officials}
    assert {"Lloyd Austin", "Gina Raimondo"} <= names  # names as in officials[].name
    assert doc.to_dict()["trips"][0]["companions"] == ["Lloyd Austin", "Gina Raimondo"]


def test_accompanied_on_the_trip_by(run):
    doc = run(
        "On Thursday, Blinken in turn will travel to Mexico City for talks on security. "
        "Secretary of State Antony Blinken will be accompanied on the trip by Attorney General "
        "Merrick Garland and Homeland Security Secretary Alejandro Mayorkas.",
        "2023-09-29",
    )
    assert companions(doc) == {"Antony Blinken": ["Merrick Garland", "Alejandro Mayorkas"]}


def test_a_participle_between_commas(run):
    doc = run(
        "Indian Prime Minister Narendra Modi, accompanied by External Affairs Minister "
        "S. Jaishankar, arrived in Tokyo on Friday.",
        "2023-10-01",
    )
    assert companions(doc) == {"Narendra Modi": ["S. Jaishankar"]}


def test_the_list_ends_at_the_next_verb(run):
    doc = run(
        "Paraguayan President Santiago Pena arrived in Santa Cruz on Monday. He was "
        "accompanied by Foreign Minister Ruben Ramirez and Trade Minister Javier Gimenez, and was "
        "received by Bolivian President Luis Arce.",
        "2023-10-03",
    )
    assert companions(doc) == {"Santiago Pena": ["Ruben Ramirez", "Javier Gimenez"]}


def test_joined_by(run):
    doc = run(
        "German Chancellor Olaf Scholz arrived in Lagos on Sunday. Scholz was joined by Economy "
        "Minister Robert Habeck.",
        "2023-10-01",
    )
    assert companions(doc) == {"Olaf Scholz": ["Robert Habeck"]}


def test_who_is_accompanying_him(run):
    doc = run(
        "Chinese President Xi Jinping arrived in Moscow on Monday. Foreign Minister Wang Yi, who "
        "is accompanying him, met Russian Foreign Minister Sergei Lavrov.",
        "2023-10-01",
    )
    assert companions(doc) == {"Xi Jinping": ["Wang Yi"]}


def test_who_accompanied_the_traveller_by_name(run):
    doc = run(
        "Chinese President Xi Jinping arrived in San Francisco on Tuesday. Chinese Foreign "
        "Minister Wang Yi, who accompanied Xi, held a separate meeting with Secretary of State "
        "Antony Blinken.",
        "2023-11-15",
    )
    assert companions(doc) == {"Xi Jinping": ["Wang Yi"]}


def test_a_delegation_including(run):
    doc = run(
        "Treasury Secretary Steven Mnuchin arrived in Davos on Tuesday with a delegation "
        "including Commerce Secretary Wilbur Ross and Energy Secretary Rick Perry.",
        "2019-01-20",
    )
    assert companions(doc) == {"Steven Mnuchin": ["Wilbur Ross", "Rick Perry"]}


def test_his_delegation_comprised(run):
    doc = run(
        "Indian Prime Minister Narendra Modi visited Tokyo on Friday. His delegation comprised "
        "External Affairs Minister S. Jaishankar and Commerce Minister Piyush Goyal.",
        "2023-10-01",
    )
    assert companions(doc) == {"Narendra Modi": ["S. Jaishankar", "Piyush Goyal"]}


@pytest.mark.parametrize(
    "text",
    [
        # joining someone: the subject travels to them, they do not come along
        "German Chancellor Olaf Scholz travelled to Kyiv on Monday. He will join French "
        "President Emmanuel Macron there.",
        # denied
        "British Prime Minister Rishi Sunak visited Kyiv on Monday. Foreign Secretary James "
        "Cleverly will not accompany him.",
        # only planned
        "U.S. President Joe Biden will visit Hanoi next week. Secretary of State Antony Blinken, "
        "who had been due to accompany Biden, will stay in Washington.",
        # a host accompanying the guest at home
        "Malaysian Prime Minister Ismail Sabri Yaakob arrived in Hanoi on Sunday for a visit to "
        "Vietnam. He was accompanied by Vietnamese Prime Minister Pham Minh Chinh to inspect a "
        "guard of honour.",
        # a plural subject: nobody in particular
        "The leaders of the G7 met in Hiroshima on Saturday. They were joined by Indian Prime "
        "Minister Narendra Modi.",
    ],
)
def test_no_companions(run, text):
    assert companions(run(text, "2023-10-01")) == {}


def test_accompanying_on_another_journey_is_no_companion_of_this_one(run):
    doc = run(
        "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Wednesday. President "
        "Vladimir Putin visited Pyongyang in June. Lavrov came after accompanying Putin to the "
        "Belt and Road Forum in Beijing.",
        "2023-10-18",
    )
    assert "Sergei Lavrov" not in sum(companions(doc).values(), [])


def test_companions_leave_the_trips_list_as_it_was(run):
    """The field is added to the trips found; it adds no trip and no stop of its own."""
    text = (
        "Secretary of State Antony Blinken will travel to Paris on Monday. Blinken will be "
        "accompanied by Defense Secretary Lloyd Austin."
    )
    trips = run(text, "2023-10-01").to_dict()["trips"]
    assert all(set(t) == {"traveler", "stops", "companions"} for t in trips)
    blinken = next(t for t in trips if t["traveler"] == "Antony Blinken")
    assert [s["place"] for s in blinken["stops"]] == ["Paris"]


def test_a_companion_makes_the_travellers_stops_on_the_same_days(run):
    doc = run(
        "Zambian President Tom Banda arrived in Addis Ababa on Sunday for the AU summit.\n\n"
        "The President was accompanied by Foreign Affairs Minister Peter Zulu.",
        "2022-02-06",
    )
    (trip,) = [t for t in doc.trips if t.traveler == "Peter Zulu"]
    assert [(s.place.name, str(s.start)) for s in trip.stops] == [("Addis Ababa", "2022-02-06")]


def test_those_accompanying_told_after_the_visit_are_companions_with_no_visit_of_their_own(run):
    doc = run(
        "Egyptian President Karim El Masri arrived in Luanda on Wednesday.\n\n"
        "Accompanying Masri on his visit to Angola are Foreign Minister Omar Fawzi, chief of "
        "the intelligence agency Hany Saleh and some ministers.",
        "2023-06-08",
    )
    trip = next(t for t in doc.trips if t.traveler == "Karim El Masri")
    assert trip.companions == ["Omar Fawzi", "Hany Saleh"]
    visits = [e for e in doc.engagements if e.kind == "visit"]
    assert [v.participants for v in visits] == [["Karim El Masri"]]


def test_everyone_listed_before_accompany(run):
    doc = run(
        "Prime Minister Petros Kallas will arrive in Ankara on Monday. Foreign Minister Nikos "
        "Varelas, Ambassador Eleni Boukou and Deputy Minister Stavros Pappas will accompany "
        "Prime Minister Kallas to the meeting.",
        "2024-05-12",
    )
    assert companions(doc) == {"Petros Kallas": ["Nikos Varelas", "Eleni Boukou", "Stavros Pappas"]}


def test_part_of_the_delegation_is(run):
    doc = run(
        "Prime Minister Petros Kallas will arrive in Ankara on Monday. Part of the Prime "
        "Minister's delegation is Deputy Foreign Minister Nikos Varelas.",
        "2024-05-12",
    )
    assert companions(doc) == {"Petros Kallas": ["Nikos Varelas"]}


def test_companions_travel_on_the_trip_of_the_story_not_one_recalled(run):
    doc = run(
        "President Omar Salem started a two-day visit to Sudan on Thursday. Salem is accompanied "
        "by a delegation including Foreign Minister Sami Nour. Salem last visited Sudan in "
        "October 2016 for the National Dialogue.",
        "2018-07-20",
    )
    years = {s.start.year for s in doc.trips[0].stops if s.start} if doc.trips else set()
    nour = [t for t in doc.trips if t.traveler == "Sami Nour"]
    assert nour and all(s.start is None or s.start.year == 2018 for s in nour[0].stops)
    assert years  # the principal's trip is dated
