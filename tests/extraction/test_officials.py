from .conftest import official


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


def test_surname_mentions_resolve_to_the_full_name_with_spans(run):
    text = (
        "Blinken calls allies\n"
        "U.S. Secretary of State Antony J. Blinken spoke on Tuesday. Blinken said the talks "
        "went well. Mexican President Andres Manuel Lopez Obrador agreed, and Lopez Obrador's "
        "aides said Blinken’s tone was warm."
    )
    doc = run(text)
    blinken = official(doc, "Blinken")
    assert blinken.name == "Antony J. Blinken"  # the fullest form the article gives
    assert "Blinken" in blinken.aliases
    assert len(blinken.mentions) == 4  # headline, full name, two surname mentions
    for a, b in blinken.mentions:
        assert "Blinken" in text[a:b]
    amlo = official(doc, "Obrador")
    assert amlo.name == "Andres Manuel Lopez Obrador"
    assert "Lopez Obrador" in amlo.aliases
    assert len([o for o in doc.officials if "Obrador" in o.name]) == 1


def test_korean_and_chinese_family_name_first(run):
    doc = run(
        "South Korean Foreign Minister Kang Kyung-wha met Chinese Foreign Minister Wang Yi. "
        "Kang said the talks were useful, and Wang agreed."
    )
    kang = official(doc, "Kang Kyung-wha")
    assert kang.country == "KR" and "Kang" in kang.aliases
    wang = official(doc, "Wang Yi")
    assert wang.country == "CN" and "Wang" in wang.aliases
    assert len(doc.officials) == 2


def test_diacritics_are_kept_and_matched_without_them(run):
    doc = run(
        "Mexican President Andrés Manuel López Obrador hosted Colombian President Gustavo "
        "Petro. Lopez Obrador said the visit was historic."
    )
    amlo = official(doc, "Obrador")
    assert amlo.name == "Andrés Manuel López Obrador"
    assert "Lopez Obrador" in amlo.aliases
    assert len(amlo.mentions) == 2


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


def test_photo_credits_and_non_officials_are_not_officials(run):
    doc = run(
        "Ministers meet in Rome\n"
        "Giorgia Meloni speaks in Rome, Italy, June 1, 2023.\n"
        "Remo Casilli | Reuters\n"
        "Italian Prime Minister Giorgia Meloni met Indian Prime Minister Narendra Modi on "
        "Thursday. John Smith, a professor at Georgetown University, said the meeting mattered.",
        "2023-06-02",
    )
    names = {o.name for o in doc.officials}
    assert names == {"Giorgia Meloni", "Narendra Modi"}


def test_organisation_officials_have_no_country(run):
    doc = run("European Union foreign policy chief Josep Borrell met Chinese officials.")
    borrell = official(doc, "Borrell")
    assert borrell.country is None
    assert borrell.title.lower() == "foreign policy chief"
