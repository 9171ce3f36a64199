"""The phrases that name an agreement (extraction/pacts.py), read on their own."""

import pytest

from extraction.pacts import (
    DESCRIBED,
    DESCRIPTIVE,
    JOINT_DOCUMENT,
    SIGNED_AFTER,
    SIGNED_BARE,
    SIGNED_ITEM,
    SIGNED_TOPIC,
    SIGNED_TOPIC_LATER,
    SIGNED_TOPIC_PASSIVE,
    abbreviated,
    listed_items,
)


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("memorandum of understanding on fisheries", "MoU on fisheries"),
        ("three Memorandums of Understanding", "three MoUs"),
        ("MoU on trade", "memorandum of understanding on trade"),
        ("two MOUs", "two memoranda of understanding"),
    ],
)
def test_a_memorandum_has_its_other_usual_form(name, other):
    assert abbreviated(name) == other


def test_a_treaty_has_no_other_form():
    assert abbreviated("Aachen Treaty") is None


def test_a_count_names_the_set_with_its_adjectives_not_the_sides():
    m = DESCRIBED.search("as the two sides signed seven key agreements on trade")
    assert m.group(0) == "seven key agreements"


def test_a_signing_told_after_the_pacts():
    text = "Six agreements will be signed in different areas."
    m = DESCRIBED.search(text)
    assert SIGNED_AFTER.match(text, m.end())


def test_a_topic_runs_through_cooperation_in_and_stops_at_a_place():
    m = SIGNED_TOPIC.search("They signed an agreement on cooperation in fisheries in Accra.")
    assert m.group("name") == "agreement on cooperation in fisheries"


def test_agreements_on_a_list_of_short_topics_are_one_each():
    text = (
        "They will witness the signing of bilateral agreements on defense, mining and oil, and "
        "investment promotion, along with an investment treaty."
    )
    assert [name for name, _a, _b in listed_items(text)] == [
        "agreement on defense",
        "agreement on mining and oil",
        "agreement on investment promotion",
    ]


def test_a_memorandum_between_two_bodies_is_named_by_them():
    m = SIGNED_ITEM.search("The documents include an MoU between the State Bank and the Bank.")
    assert f"{m.group('head')} {m.group('prep')} {m.group('topic')}" == "MoU between the State Bank"


def test_a_set_signed_by_field_is_one_item_named_as_told():
    text = "They signed agreements in the fields of water resources, clean energy and electricity."
    assert [name for name, _a, _b in listed_items(text)] == [
        "agreements in the fields of water resources, clean energy and electricity"
    ]


def test_counted_instruments_are_a_set():
    m = DESCRIBED.search("The two sides signed 22 instruments covering many areas.")
    assert m.group(0) == "22 instruments"


def test_instruments_listed_after_commas_have_no_article():
    text = "The MoUs signed are: MoU on judicial cooperation, MoU on outer space and MoU on trade."
    topics = [m.group("topic") for m in SIGNED_ITEM.finditer(text)]
    assert topics == ["judicial cooperation", "outer space", "trade"]


def test_a_verb_is_no_part_of_a_pacts_description():
    assert not DESCRIPTIVE.search("Clinton said the agreement was historic.")


def test_a_pact_signed_with_no_article_and_one_with_an_adjective():
    bare = SIGNED_BARE.search(
        "India and the UAE signed strategic partnership agreement on Wednesday."
    )
    assert bare.group("name") == "strategic partnership agreement"
    topic = SIGNED_TOPIC.search("They plan to sign a modernized agreement on social security.")
    assert topic.group("name") == "agreement on social security"


def test_a_topic_told_after_the_day_and_place_of_signing():
    m = SIGNED_TOPIC_LATER.search(
        "The two presidents signed an agreement this Tuesday in Lima for the establishment of "
        "annual consultations, along with other deals."
    )
    assert (m.group("head"), m.group("prep"), m.group("topic")) == (
        "agreement",
        "for",
        "the establishment of annual consultations",
    )


def test_a_topic_told_after_a_passive_signing():
    m = SIGNED_TOPIC_PASSIVE.search("Another agreement was also signed on fisheries and ports.")
    assert (m.group("head"), m.group("topic")) == ("agreement", "fisheries")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Both leaders signed a joint declaration establishing talks.", "joint declaration"),
        ("The sides issued a joint communique on Friday.", "joint communique"),
    ],
)
def test_a_joint_document_signed_or_issued(text, name):
    assert JOINT_DOCUMENT.search(text).group("name") == name


def test_memoranda_signed_on_a_list_of_topics_with_asides_one_each():
    text = (
        "Three memoranda of understanding were signed on port cooperation (covering two "
        "harbours), gender equality (for women and girls), and cultural exchange, a"
    )
    names = [n for n, _a, _b in listed_items(text)]
    assert names == [
        "memorandum of understanding on port cooperation",
        "memorandum of understanding on gender equality",
        "memorandum of understanding on cultural exchange",
    ]
