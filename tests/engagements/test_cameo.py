"""CAMEO codes: the one mapping table from engagements and officials to GDELT/Phoenix codes."""

from __future__ import annotations

import pytest

from engagements.cameo import (
    EVENT_CODES,
    actor_code,
    actor_role,
    engagement_event_code,
    event,
)


@pytest.mark.parametrize(
    ("kind", "status", "place", "countries", "code"),
    [
        ("call", "held", None, {"US", "CN"}, "041"),
        ("visit", "held", "FR", {"US"}, "042"),
        ("meeting", "held", "FR", {"US", "FR"}, "040"),
        ("talks", "held", "CN", {"CN", "PK"}, "040"),
        ("meeting", "held", "ID", {"KR", "CN"}, "044"),
        ("summit", "held", "JP", {"US", "JP", "IN"}, "040"),
        ("meeting", "scheduled", "FR", {"US", "FR"}, "036"),
        ("visit", "scheduled", "NG", {"DE"}, "036"),
        ("call", "scheduled", None, {"US", "CN"}, "036"),
        ("meeting", "held", None, {"US", "FR"}, "040"),
        ("meeting", "held", "FR", {"US"}, "040"),
    ],
)
def test_engagement_event_codes(kind, status, place, countries, code):
    assert engagement_event_code(kind, status, place, frozenset(countries)) == code


def test_cancelled_engagements_and_other_kinds_have_no_code():
    assert engagement_event_code("visit", "cancelled", "US", frozenset({"TR"})) is None
    assert engagement_event_code("other", "held", "ZA", frozenset({"GB"})) is None


def test_every_code_given_has_a_label_goldstein_score_and_root():
    for code in ("036", "040", "041", "042", "043", "044", "057"):
        entry = event(code)
        assert entry is not None and entry.label
        assert entry.root == code[:2]
        assert -10 <= entry.goldstein <= 10
    assert event(None) is None
    assert set(EVENT_CODES) >= {"042", "043", "057"}


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Secretary of State", "GOV"),
        ("President", "GOV"),
        ("Defence Minister", "GOV"),
        ("Chief of the General Staff", "MIL"),
        ("Admiral", "MIL"),
        ("House Speaker", "LEG"),
        ("Senator", "LEG"),
        ("Chief Justice", "JUD"),
        (None, "GOV"),
    ],
)
def test_actor_roles_from_titles(title, role):
    assert actor_role(title) == role


def test_actor_codes_join_the_country_and_the_role():
    assert actor_code("US", "USA", "Secretary of State") == "USAGOV"
    assert actor_code("RU", "RUS", "Chief of the General Staff") == "RUSMIL"
    assert actor_code("GB", "GBR", "Speaker of the House of Commons") == "GBRLEG"


def test_organisations_and_the_eu_take_their_igo_codes():
    assert actor_code(None, None, "Secretary-General", organization="UN") == "IGOUNO"
    assert actor_code("NO", "NOR", "Secretary General", organization="NATO") == "IGOWSTNAT"
    assert actor_code("EU", None, "High Representative") == "IGOEUREEC"


def test_an_official_of_no_known_country_has_no_actor_code():
    assert actor_code(None, None, "Foreign Minister") == ""
