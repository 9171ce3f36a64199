"""Stage 2, mentions: places (extraction/places.py, extraction/gazetteer.py) - which
capitalised names are places, and which reading of a name wins."""

import pytest

from .conftest import _stops, engagements_with, officials


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


def test_a_region_is_not_a_town(run):
    doc = run(
        "Secretary of State Antony Blinken, who is on a three-nation tour of Central Asia, met "
        "Kazakh President Kassym-Jomart Tokayev in Astana on Tuesday.",
        "2023-02-28",
    )
    (e,) = engagements_with(doc, "Blinken", "Tokayev")
    assert e.place.name == "Astana"
    assert [s.place.name for t in doc.trips for s in t.stops] == ["Astana"]


def test_place_names_with_lowercase_joiners(run):
    doc = run(
        "Kenyan President William Ruto held talks with Tanzanian President Samia Suluhu Hassan in "
        "Dar es Salaam on Monday.",
        "2024-05-06",
    )
    (e,) = engagements_with(doc, "Ruto", "Hassan")
    assert (e.place.name, e.place.country) == ("Dar es Salaam", "TZ")


def test_article_spelling_of_a_city_is_kept(run):
    doc = run(
        "Mongolian Prime Minister Luvsannamsrain Oyun-Erdene met Vietnamese Prime Minister Pham "
        "Minh Chinh in Ulaanbaatar on Monday.",
        "2024-09-09",
    )
    (e,) = engagements_with(doc, "Oyun-Erdene", "Chinh")
    assert e.place.name == "Ulaanbaatar"


def test_places_in_a_translated_wire_report(run):
    doc = run(
        "Asunción, Oct 15 (EFE).- The president of Paraguay, Santiago Peña, signed this Monday "
        "in the Bolivian city of Santa Cruz de la Sierra an agreement with his counterpart Luis "
        "Arce.\n\nPeña was received by Arce at the Viru Viru international airport. On Thursday "
        "he will visit the Paraguayan community in Buenos Aires.",
        "2024-10-15",
    )
    places = {e.place.name for e in doc.engagements if e.place}
    assert "Santa Cruz de la Sierra" in places
    assert not places & {"Viru", "Paraguayan", "Paraguay"}


def test_a_month_name_is_not_a_town(run):
    doc = run("German Chancellor Olaf Scholz will visit Japan in March.", "2023-01-10")
    assert [s.place.name for t in doc.trips for s in t.stops] == ["Japan"]


def test_a_country_named_before_island_of_places_the_island(run):
    doc = run(
        "Foreign Minister Park Jin met his Chinese counterpart Wang Yi on Thursday on the "
        "Indonesian island of Bali.",
        "2022-07-07",
    )
    (e,) = [e for e in doc.engagements if e.kind == "meeting"]
    assert (e.place.name, e.place.country) == ("Bali", "ID")


def test_a_dateline_is_read_as_the_body_reads_the_same_name(run):
    doc = run(
        "BALI, July 7 (Yonhap) -- South Korean Foreign Minister Park Jin met Chinese Foreign "
        "Minister Wang Yi on Thursday on the Indonesian island of Bali.",
        "2022-07-07",
    )
    assert {e.place.country for e in doc.engagements if e.place} == {"ID"}


def test_the_capital_named_after_its_noun(run):
    doc = run(
        "President Joko Widodo will host Prime Minister Anthony Albanese in the capital Jakarta "
        "on Monday.",
        "2022-06-05",
    )
    assert [e.place.name for e in doc.engagements if e.place] == ["Jakarta"]


def test_a_member_of_an_organisation_is_not_its_seat(run):
    doc = run(
        "Prime Minister Ismail Sabri Yaakob of Malaysia began a two-day visit to the ASEAN member "
        "on Monday.",
        "2022-03-21",
    )
    assert all(s.place.name != "Jakarta" for t in doc.trips for s in t.stops)


def test_here_under_a_dateline_colon_is_its_city(run):
    doc = run(
        "HANOI: Malaysian Prime Minister Ismail Sabri Yaakob held talks here on Monday with "
        "Vietnamese Prime Minister Pham Minh Chinh.",
        "2022-03-21",
    )
    (e,) = engagements_with(doc, "Ismail", "Chinh")
    assert e.place.name == "Hanoi"


@pytest.mark.parametrize(
    ("phrase", "town"),
    [
        ("arrived in a beach resort of Goa", "Goa"),
        ("travelled to Nigeria's commercial capital Lagos", "Lagos"),
        ("arrived at the US West Coast hub of Seattle", "Seattle"),
    ],
)
def test_a_town_named_after_what_kind_of_place_it_is(run, phrase, town):
    doc = run(f"Russian Foreign Minister Sergey Lavrov {phrase} on Monday.", "2023-05-04")
    assert [s.place.name for t in doc.trips for s in t.stops] == [town]


def test_a_city_alone_on_the_line_under_the_headline_is_the_dateline(run):
    doc = run(
        "Minister embarks on Africa tour\n\nANKARA\n\n"
        "Foreign Minister Omer Kaya has embarked on a tour of Kenya and Ghana.",
        "2023-01-08",
    )
    assert officials(doc)["Omer Kaya"] == ("Foreign Minister", "TR")


def test_a_first_name_that_is_a_town_is_no_place(run):
    doc = run(
        "President Ana Duarte visited Washington on Monday and dined at George Washington's house.",
        "2018-04-24",
    )
    places = {e.place.name for e in doc.engagements if e.place}
    assert "George" not in places
    assert all(s.place.name != "George" for t in doc.trips for s in t.stops)


def test_a_continent_is_no_stop_whatever_town_shares_its_name(run):
    doc = run(
        "Secretary of State Ana Ruiz will visit New Delhi and Islamabad next week on a "
        "six-nation Asia tour.",
        "2005-03-16",
    )
    places = [s.place.name for t in doc.trips for s in t.stops]
    assert "Asia" not in places
    assert "New Delhi" in places


def test_a_gathering_named_after_its_town_is_held_there(run):
    doc = run(
        "Prime Minister Petros Kallas met Vice President Dana Whitfield on the margins of the "
        "annual Munich Security Conference today.",
        "2022-02-19",
    )
    conference = [e for e in doc.engagements if e.kind == "conference"]
    place = conference[0].place if conference else None
    assert place and (place.name, place.country) == ("Munich", "DE")


def test_a_country_in_a_gatherings_name_is_no_place(run):
    doc = run(
        "Foreign Minister Petros Kallas attended the Ukraine Recovery Conference on Tuesday.",
        "2024-06-12",
    )
    conference = [e for e in doc.engagements if e.kind == "conference"]
    assert conference and conference[0].place is None


def test_a_forum_of_a_town_is_held_there(run):
    doc = run(
        "Foreign Minister Petros Kallas will participate in the eighth International Forum of "
        "Dakar on Peace and Security on Tuesday.",
        "2022-10-24",
    )
    conference = [e for e in doc.engagements if e.kind == "conference"]
    place = conference[0].place if conference else None
    assert place and (place.name, place.country) == ("Dakar", "SN")


def test_a_venue_near_a_place_of_another_country_is_not_the_famous_one(run):
    doc = run(
        "Prime Minister Rahim Noor will hold talks with Russian Prime Minister Pavel Orlov at "
        "the White House, near the Kremlin, on Tuesday.",
        "2007-06-17",
    )
    (talks,) = engagements_with(doc, "Pavel Orlov")
    assert not (talks.place and talks.place.country == "US")


def test_an_island_that_hosts_summits_is_in_its_country(run):
    doc = run(
        "Prime Minister Tom Hale has arrived in Bali for the annual leaders' summit, where he "
        "will meet Indonesian President Budi Santoso.",
        "2013-10-06",
    )
    stops = _stops(doc, "Tom Hale")
    assert stops and (stops[0].place.name, stops[0].place.country) == ("Bali", "ID")
