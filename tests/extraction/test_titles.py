"""Stage 2, mentions: the titles and countries of officials (extraction/titles.py,
extraction/candidates.py, extraction/affiliations.py)."""

import pytest

from .conftest import MOFA_RELEASE, official, officials


def test_title_country_name_in_the_usual_orders(run):
    doc = run(
        "Italian Foreign Minister Luigi Di Maio met Mexico Foreign Secretary Marcelo Ebrard on "
        "Monday. Jean-Yves Le Drian, the French foreign minister, joined them. "
        "Secretary of State Antony Blinken spoke with Colombian Vice President and Foreign "
        "Minister Marta Lucia Ramirez. Germany's chancellor, Olaf Scholz, was absent."
    )
    assert (official(doc, "Di Maio").title, official(doc, "Di Maio").country) == (
        "Foreign Minister",
        "IT",
    )
    ebrard = official(doc, "Ebrard")
    assert (ebrard.title, ebrard.country) == ("Foreign Secretary", "MX")
    le_drian = official(doc, "Le Drian")
    assert le_drian.name == "Jean-Yves Le Drian"
    assert (le_drian.title.lower(), le_drian.country) == ("foreign minister", "FR")
    blinken = official(doc, "Blinken")
    assert (blinken.title, blinken.country) == ("Secretary of State", "US")
    ramirez = official(doc, "Ramirez")
    assert ramirez.name == "Marta Lucia Ramirez"
    assert ramirez.title == "Vice President and Foreign Minister"
    assert ramirez.country == "CO"
    scholz = official(doc, "Scholz")
    assert (scholz.title.lower(), scholz.country) == ("chancellor", "DE")


def test_the_nations_top_diplomat_and_untitled_leaders(run):
    doc = run(
        "Antony Blinken, of New York, took office on Tuesday as secretary of state. "
        "The nation's top diplomat spoke with Canada Foreign Minister Marc Garneau. "
        "North Korea remains a concern. Biden said he would only meet with Kim Jong Un if "
        "Pyongyang disarmed.",
        "2021-01-27",
    )
    assert official(doc, "Blinken").country == "US"
    kim = official(doc, "Kim Jong Un")
    assert kim.country == "KP"
    calls = [e for e in doc.engagements if e.kind == "call"]
    assert [sorted(e.participants) for e in calls] == [["Antony Blinken", "Marc Garneau"]]


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


def test_style_after_an_office_keeps_the_office_and_country(run):
    doc = run(
        "Saudi Foreign Minister Prince Faisal bin Farhan met U.S. Secretary of State Antony "
        "Blinken in Washington on Thursday.",
        "2024-05-30",
    )
    faisal = [o for o in doc.officials if "Faisal" in o.name][0]
    assert (faisal.title, faisal.country) == ("Foreign Minister", "SA")
    assert [s.place.name for t in doc.trips for s in t.stops] == ["Washington"]


def test_a_seat_of_government_in_a_title_gives_the_country(run):
    doc = run(
        "Dmitry Peskov, the Kremlin spokesman, told reporters on Thursday that no date was set. "
        "John Kirby, the White House national security spokesman, called it a concern.",
        "2023-10-19",
    )
    countries = {o.name: o.country for o in doc.officials}
    assert countries == {"Dmitry Peskov": "RU", "John Kirby": "US"}


def test_the_title_comma_name_gives_the_office(run):
    doc = run(
        "SYDNEY — The foreign minister, Penny Wong, said the alliance was bigger than any "
        'one visit. "We will act," the White House press secretary, Karine Jean-Pierre, '
        "told reporters.",
        "2023-05-17",
    )
    people = officials(doc)
    assert people["Penny Wong"] == ("Foreign Minister", "AU")
    assert people["Karine Jean-Pierre"][1] == "US"


def test_a_superiors_adviser_serves_the_superiors_government(run):
    doc = run(
        "U.S. President Joe Biden flew home on Sunday. Biden's national security adviser, "
        "Jake Sullivan, held talks with China's top diplomat, Wang Yi, in Vienna last week.",
        "2023-05-17",
    )
    assert officials(doc)["Jake Sullivan"] == ("National Security Adviser", "US")


def test_the_president_of_a_country_comma_name(run):
    doc = run(
        "ASUNCION (EFE) — The president of Paraguay, Santiago Peña, signed a trade agreement "
        "on Monday.",
        "2024-10-15",
    )
    assert officials(doc)["Santiago Peña"] == ("President", "PY")


def test_in_a_list_of_appositives_each_title_is_the_next_names(run):
    doc = run(
        "HIROSHIMA — The leaders were joined by guests including Brazil's president, Luiz "
        "Inácio Lula da Silva, South Korea's president, Yoon Suk Yeol, and others.",
        "2023-05-21",
    )
    people = officials(doc)
    assert people["Luiz Inácio Lula da Silva"] == ("President", "BR")
    assert people["Yoon Suk Yeol"] == ("President", "KR")


def test_a_title_of_a_country_before_the_name(run):
    doc = run(
        "KUWAIT, Nov 6 (KUNA) -- The Crown Prince received on Monday Minister of Foreign "
        "Affairs of the Republic of Uzbekistan Bakhtiyor Saidov and his delegation.",
        "2023-11-06",
    )
    assert officials(doc)["Bakhtiyor Saidov"] == ("Minister of Foreign Affairs", "UZ")


def test_an_office_written_out_in_full_names_its_country(run):
    doc = run(MOFA_RELEASE, "2024-02-23")
    assert officials(doc)["Mauro Vieira"] == ("Minister of External Relations", "BR")


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


def test_dateline_on_its_own_line(run):
    doc = run(
        "WASHINGTON -\nPresident Joe Biden met Kenyan President William Ruto on Thursday.",
        "2024-05-24",
    )
    assert official(doc, "Biden").country == "US"


def test_a_sentence_opening_with_a_nationality_and_office_describes_the_one_before(run):
    doc = run(
        "HIROSHIMA — Volodymyr Zelenskiy has used a surprise appearance at the G7 summit to "
        "lobby leaders.\n\nThe Ukrainian president landed in the city on Saturday afternoon.",
        "2023-05-21",
    )
    assert officials(doc)["Volodymyr Zelenskiy"] == ("President", "UA")


def test_an_embrace_names_a_leader_the_next_sentence_describes(run):
    doc = run(
        "HIROSHIMA — Rishi Sunak embraced Zelenskiy before their talks later on Saturday. The "
        "British prime minister had arrived in Japan on Thursday.",
        "2023-05-21",
    )
    assert officials(doc)["Rishi Sunak"] == ("Prime Minister", "GB")
    assert [t.traveler for t in doc.trips] == ["Rishi Sunak"]


def test_a_host_met_by_a_visitor_abroad_is_of_that_country(run):
    doc = run(
        "ENTEBBE, Uganda, July 26 (Reuters) - Russian Foreign Minister Sergei Lavrov arrived "
        "in Uganda on Tuesday. The tour began on Sunday in Cairo, where Lavrov met President "
        "Abdel Fattah al-Sisi.",
        "2022-07-26",
    )
    assert officials(doc)["Abdel Fattah al-Sisi"][1] == "EG"


def test_abbreviated_offices_and_an_emperor(run):
    doc = run(
        "FM Shah Mehmood Qureshi met Afghan President Ashraf Ghani in Kabul on Monday. President "
        "Ferdinand Marcos Jr. will have an audience with Emperor Naruhito in Tokyo.",
        "2018-12-25",
    )
    assert officials(doc)["Shah Mehmood Qureshi"][0] == "Foreign Minister"
    assert officials(doc)["Naruhito"][0] == "Emperor"


def test_styles_between_the_office_and_the_name(run):
    doc = run(
        "Vietnam welcomed Prime Minister Datuk Seri Ismail Sabri Yaakob on Monday. Ismail Sabri "
        "met Vietnamese Prime Minister Pham Minh Chinh.",
        "2022-03-21",
    )
    assert officials(doc)["Ismail Sabri Yaakob"][0] == "Prime Minister"
    assert "Datuk Seri Ismail Sabri Yaakob" not in officials(doc)


def test_a_guest_is_not_of_the_counterparts_country(run):
    doc = run(
        "HANOI: Prime Minister Ismail Sabri Yaakob was greeted by his Vietnamese counterpart "
        "Pham Minh Chinh on Monday. Malaysia and Vietnam signed two deals. Malaysian media "
        "covered the visit.",
        "2022-03-21",
    )
    assert officials(doc)["Ismail Sabri Yaakob"][1] == "MY"
    assert officials(doc)["Pham Minh Chinh"][1] == "VN"


def test_an_office_of_a_country_spelled_with_st_after_the_name(run):
    doc = run(
        "Lavrov met the bloc's chair, Ralph Gonsalves, the Prime Minister of St. Vincent and "
        "the Grenadines, in Caracas on Tuesday.",
        "2023-04-20",
    )
    assert officials(doc)["Ralph Gonsalves"] == ("Prime Minister", "VC")
    assert not any(name.startswith("St.") for name in officials(doc))


def test_a_country_in_brackets_after_a_name_is_theirs(run):
    doc = run(
        "In addition to Fernandez, Lula, Luis Lacalle Pou (Uruguay), and Mario Abdo Benitez "
        "(Paraguay), also present will be Bolivian President Luis Arce.",
        "2023-07-03",
    )
    countries = {o.name: o.country for o in doc.officials}
    assert countries["Mario Abdo Benitez"] == "PY"
    assert countries["Luis Arce"] == "BO"


def test_a_commission_chairperson_is_an_international_official(run):
    doc = run(
        "African Union Commission Chairperson Ana Mbeki met Chilean Foreign Minister Tomas Vial "
        "in Addis Ababa on Monday.",
        "2024-04-16",
    )
    assert officials(doc)["Ana Mbeki"] == ("Chairperson", None)


def test_the_nationality_and_office_told_later_is_the_guessed_holders_country(run):
    doc = run(
        "Ghana and Peru on Monday signed three pacts after Prime Minister Kofi Mensah held "
        "talks with President Rosa Quispe.\n\n"
        "Officials said the Peruvian President sought greater investment.\n\n"
        "Mensah will also meet Japanese Prime Minister Taro Sato.",
        "2024-03-04",
    )
    assert officials(doc)["Rosa Quispe"] == ("President", "PE")


def test_a_portfolio_listing_words_after_a_comma_names_nobody(run):
    doc = run(
        "Samoan Prime Minister Fiame Naomi Mata'afa arrived in Nadi on Sunday. She was met by "
        "Fiji's Minister for Women, Children and Poverty Alleviation, Lynda Tabuya.",
        "2023-10-01",
    )
    assert "Children" not in officials(doc)
    assert officials(doc)["Fiame Naomi Mata'afa"] == ("Prime Minister", "WS")


def test_the_nationality_and_office_go_to_the_holder_named_far_more_often(run):
    doc = run(
        "President Ivan Petrov arrived in San Francisco on Friday.\n\n"
        "Petrov toured Silicon Valley firms. Club President Anna Lind told Petrov that many "
        "engineers work there.\n\n"
        "Petrov later met investors. One of those at the meeting with the Russian president "
        "said Petrov listened.",
        "2010-06-25",
    )
    assert officials(doc)["Ivan Petrov"][1] == "RU"
    assert not any(
        t.traveler == "Ivan Petrov" and s.place.country == "RU" for t in doc.trips for s in t.stops
    )
