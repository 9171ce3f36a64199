"""Stage 7, document (extraction/document.py): who is listed as an official, and how."""

from .conftest import official


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


def test_diacritics_are_kept_and_matched_without_them(run):
    doc = run(
        "Mexican President Andrés Manuel López Obrador hosted Colombian President Gustavo "
        "Petro. Lopez Obrador said the visit was historic."
    )
    amlo = official(doc, "Obrador")
    assert amlo.name == "Andrés Manuel López Obrador"
    assert "Lopez Obrador" in amlo.aliases
    assert len(amlo.mentions) == 2
