"""CAMEO codes: the one mapping table from engagements and officials to GDELT/Phoenix codes."""

from __future__ import annotations

from datetime import date

import pytest

from engagements.cameo import (
    EVENT_CODES,
    PHOENIX_COLUMNS,
    Actor,
    Where,
    actor_code,
    actor_role,
    engagement_dyads,
    engagement_event_code,
    event,
    government,
    phoenix_row,
    signing_dyads,
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


# Dyads: one row per ordered pair of actor codes (engagements.cameo.engagement_dyads).

US = Actor("USAGOV", "US", "Antony Blinken")
FR = Actor("FRAGOV", "FR", "Emmanuel Macron")
US_TOO = Actor("USAGOV", "US", "Merrick Garland")
UN = Actor("IGOUNO", None, "Antonio Guterres")


def codes(dyads) -> list[tuple[str, str, str]]:
    return [(d.source.code, d.target.code, d.code) for d in dyads]


def test_a_meeting_gives_both_directions_once_per_pair_of_codes():
    rows = engagement_dyads("meeting", "held", [US, US_TOO, FR], place_country="FR")
    assert codes(rows) == [("USAGOV", "FRAGOV", "040"), ("FRAGOV", "USAGOV", "040")]


def test_a_visit_gives_042_to_the_host_and_043_back():
    host = Actor("FRAGOV", "FR", "Emmanuel Macron", role="host")
    guest = Actor("USAGOV", "US", "Antony Blinken", role="guest")
    assert codes(engagement_dyads("visit", "held", [guest, host], place_country="FR")) == [
        ("USAGOV", "FRAGOV", "042"),
        ("FRAGOV", "USAGOV", "043"),
    ]
    # nobody named as host: the host country's government stands in
    france = government("FR", "FRA", "France")
    assert codes(engagement_dyads("visit", "held", [guest], "FR", host=france)) == [
        ("USAGOV", "FRAGOV", "042"),
        ("FRAGOV", "USAGOV", "043"),
    ]


def test_a_scheduled_visit_is_an_intent_to_meet_both_ways():
    rows = engagement_dyads("visit", "scheduled", [US, FR], place_country="FR")
    assert codes(rows) == [("USAGOV", "FRAGOV", "036"), ("FRAGOV", "USAGOV", "036")]


def test_what_cameo_does_not_code_gives_no_rows():
    assert engagement_dyads("meeting", "cancelled", [US, FR]) == []
    assert engagement_dyads("call", "held", [US, Actor("", None, "Nobody known")]) == []


def test_a_signing_gives_057_between_parties_unless_only_proposed():
    parties = [government("AU", "AUS"), government("GB", "GBR")]
    assert codes(signing_dyads("signed", parties)) == [
        ("AUSGOV", "GBRGOV", "057"),
        ("GBRGOV", "AUSGOV", "057"),
    ]
    assert signing_dyads("proposed", parties) == []


def test_a_phoenix_row_has_the_26_columns_in_order():
    [row, _] = engagement_dyads("call", "held", [UN, US])
    values = phoenix_row(
        "engagement-7-1",
        row,
        date(2021, 10, 6),
        Where("New York", "USA", 40.71, -74.01),
        "12_340",
        ["https://a.example/1", "", "https://a.example/1"],
        ["Wire", "Wire"],
    )
    assert dict(zip(PHOENIX_COLUMNS, values, strict=True)) == {
        "EventID": "engagement-7-1",
        "Date": "20211006",
        "Year": "2021",
        "Month": "10",
        "Day": "6",
        "SourceActorFull": "IGOUNO",
        "SourceActorEntity": "IGOUNO",
        "SourceActorRole": "",
        "SourceActorAttribute": "",
        "TargetActorFull": "USAGOV",
        "TargetActorEntity": "USA",
        "TargetActorRole": "GOV",
        "TargetActorAttribute": "",
        "EventCode": "041",
        "EventRootCode": "04",
        "QuadClass": "1",
        "GoldsteinScore": "1",
        "Issues": "",
        "Lat": "40.71",
        "Lon": "-74.01",
        "LocationName": "New York",
        "StateName": "",
        "CountryCode": "USA",
        "SentenceID": "12_340",
        "URLs": "https://a.example/1",
        "NewsSources": "Wire",
    }
