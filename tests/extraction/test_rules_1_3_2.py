"""Rules added in 1.3.2 after the sixth batch of held-out reports (heldout6/)."""

from .conftest import engagements_with


def officials(doc) -> dict[str, tuple[str | None, str | None]]:
    return {o.name: (o.title, o.country) for o in doc.officials}


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


def test_a_host_met_by_a_visitor_abroad_is_of_that_country(run):
    doc = run(
        "ENTEBBE, Uganda, July 26 (Reuters) - Russian Foreign Minister Sergei Lavrov arrived "
        "in Uganda on Tuesday. The tour began on Sunday in Cairo, where Lavrov met President "
        "Abdel Fattah al-Sisi.",
        "2022-07-26",
    )
    assert officials(doc)["Abdel Fattah al-Sisi"][1] == "EG"


def test_a_date_line_heads_its_readout(run):
    doc = run(
        "READOUT\nFEBRUARY 2, 2025\n\nSecretary of State Marco Rubio met today in Panama City "
        "with Panamanian President José Raúl Mulino.\n\nREADOUT\nFEBRUARY 3, 2025\n\n"
        "Secretary Rubio met today with Salvadoran President Nayib Bukele in San Salvador.",
        "2025-02-04",
    )
    (panama,) = engagements_with(doc, "Marco Rubio", "José Raúl Mulino")
    (salvador,) = engagements_with(doc, "Marco Rubio", "Nayib Bukele")
    assert (str(panama.start), str(salvador.start)) == ("2025-02-02", "2025-02-03")


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


def agreement_names(doc) -> list[str]:
    return [a.name for a in doc.agreements]


def test_instruments_listed_in_a_signing_sentence_are_each_an_agreement(run):
    doc = run(
        "BEIJING, Nov. 3 (Xinhua) -- After the talks, the two heads of state witnessed the "
        "signing of more than 15 cooperation documents, including a cooperation plan on jointly "
        "building the Belt and Road, a memorandum of understanding on strengthening cooperation "
        "in the digital economy, and a protocol on phytosanitary requirements for the export of "
        "avocados. The two sides also issued a joint statement on the establishment of a "
        "comprehensive strategic cooperative partnership.",
        "2022-11-03",
    )
    names = agreement_names(doc)
    assert "cooperation plan on jointly building the Belt" in names
    assert any(
        n.startswith("memorandum of understanding on strengthening cooperation") for n in names
    )
    assert "protocol on phytosanitary requirements" in names
    assert any(n.startswith("joint statement on the establishment") for n in names)


def test_an_abbreviation_in_brackets_is_not_part_of_the_name(run):
    doc = run(
        "KUWAIT, Nov 6 (KUNA) -- The two ministers signed a memorandum of understanding (MoU) on "
        "political consultations between the two ministries, as well as an agreement on mutual "
        "exemption from visa requirements.",
        "2023-11-06",
    )
    names = agreement_names(doc)
    assert "memorandum of understanding on political consultations" in names
    assert "agreement on mutual exemption" in names


def test_treaty_concerning_and_exchange_of_notes_are_named(run):
    doc = run(
        "Rubio said the presence violated the 1977 Treaty Concerning the Permanent Neutrality "
        "and Operation of the Panama Canal. In Manila the ministers welcomed the signing of the "
        "Exchange of Notes concerning the provision of coastal radar systems.",
        "2025-02-04",
    )
    names = agreement_names(doc)
    assert "Treaty Concerning the Permanent Neutrality" in names
    assert "Exchange of Notes" in names


def test_to_deal_with_is_not_a_deal(run):
    doc = run(
        "Biden decided to fly straight home from Japan to deal with the standoff over the debt "
        "ceiling.",
        "2023-05-21",
    )
    assert doc.agreements == []


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


def test_a_sentence_opening_with_a_nationality_and_office_describes_the_one_before(run):
    doc = run(
        "HIROSHIMA — Volodymyr Zelenskiy has used a surprise appearance at the G7 summit to "
        "lobby leaders.\n\nThe Ukrainian president landed in the city on Saturday afternoon.",
        "2023-05-21",
    )
    assert officials(doc)["Volodymyr Zelenskiy"] == ("President", "UA")


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


MOFA_RELEASE = (
    "Ministry of Foreign Affairs of Japan\nPress Releases\n\n"
    "Japan-Brazil Foreign Ministers' Meeting\n\nFebruary 21, 2024\n\n"
    "On February 21, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs, who is visiting Rio de "
    "Janeiro, held a meeting with H.E. Mr. Mauro Vieira, Minister of External Relations of the "
    "Federative Republic of Brazil, on the margins of the G20 Foreign Ministers' Meeting.\n\n"
    "1. Minister Kamikawa stated that Japan is considering a visit to Brazil by Prime Minister "
    "KISHIDA Fumio."
)


def test_a_japanese_release_family_names_in_capitals(run):
    doc = run(MOFA_RELEASE, "2024-02-23")
    people = officials(doc)
    assert people["Kamikawa Yoko"] == ("Minister for Foreign Affairs", "JP")
    assert "Kamikawa" not in people  # the later "Minister Kamikawa" is the same person
    assert people["Kishida Fumio"] == ("Prime Minister", "JP")


def test_an_office_written_out_in_full_names_its_country(run):
    doc = run(MOFA_RELEASE, "2024-02-23")
    assert officials(doc)["Mauro Vieira"] == ("Minister of External Relations", "BR")


def test_capitals_that_are_an_acronym_stay_one(run):
    doc = run(
        "BRUSSELS — The NATO Secretary General Jens Stoltenberg met Ukrainian Foreign Minister "
        "Dmytro Kuleba on Tuesday.",
        "2023-04-05",
    )
    assert "Jens Stoltenberg" in officials(doc)


def test_royals_sharing_a_family_chain_are_different_people(run):
    doc = run(
        "KUWAIT, Nov 6 (KUNA) -- His Highness the Crown Prince Sheikh Mishal Al-Ahmad Al-Jaber "
        "Al-Sabah received at Bayan Palace on Monday Minister of Foreign Affairs of the Republic "
        "of Uzbekistan Bakhtiyor Saidov. Saidov later held talks with Foreign Minister Sheikh "
        "Salem Abdullah Al-Jaber Al-Sabah.",
        "2023-11-06",
    )
    people = officials(doc)
    assert people["Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah"] == ("Crown Prince", "KW")
    assert people["Sheikh Salem Abdullah Al-Jaber Al-Sabah"] == ("Foreign Minister", "KW")
    # the guest comes after where and when he was received
    assert engagements_with(doc, "Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah", "Bakhtiyor Saidov")


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


def test_earlier_in_the_day_is_the_day_and_place_told_before(run):
    doc = run(
        "READOUT\nFEBRUARY 2, 2025\n\nSecretary of State Marco Rubio met today in Panama City "
        "with Panamanian President José Raúl Mulino.\n\nEarlier in the day, Secretary Rubio met "
        "with Foreign Minister Javier Martínez-Acha Vásquez to review security cooperation.",
        "2025-02-04",
    )
    (e,) = engagements_with(doc, "Marco Rubio", "Javier Martínez-Acha Vásquez")
    assert (str(e.start), e.place.name) == ("2025-02-02", "Panama City")


def test_title_then_name_then_told_reporters_is_a_speaker(run):
    doc = run(
        'SYDNEY — "The president will return to Washington on Sunday for meetings with '
        'congressional leaders," the White House press secretary, Karine Jean-Pierre, told '
        "reporters.",
        "2023-05-17",
    )
    assert all("Karine Jean-Pierre" not in e.participants for e in doc.engagements)


def test_an_embrace_names_a_leader_the_next_sentence_describes(run):
    doc = run(
        "HIROSHIMA — Rishi Sunak embraced Zelenskiy before their talks later on Saturday. The "
        "British prime minister had arrived in Japan on Thursday.",
        "2023-05-21",
    )
    assert officials(doc)["Rishi Sunak"] == ("Prime Minister", "GB")
    assert [t.traveler for t in doc.trips] == ["Rishi Sunak"]
