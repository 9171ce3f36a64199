from django.urls import reverse

from tests.api.world import CALL_QUOTE, MEETING_QUOTE


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_the_engagement_list_hides_rejected_facts_and_sorts_newest_first(analyst_client, world):
    body = analyst_client.get(reverse("api:engagements")).json()
    assert body["count"] == 4
    # dated newest first, the undated last
    assert [e["id"] for e in body["results"]] == [
        world.summit.pk,
        world.call.pk,
        world.meeting.pk,
        world.undated.pk,
    ]
    assert world.rejected_meeting.pk not in [e["id"] for e in body["results"]]


def test_an_engagement_in_detail(analyst_client, world):
    response = analyst_client.get(reverse("api:engagement", args=[world.meeting.pk]))
    assert response.status_code == 200
    meeting = response.json()
    assert meeting["kind"] == "meeting" and meeting["status"] == "held"
    assert (meeting["start"], meeting["end"], meeting["precision"]) == (
        "2021-10-05",
        "2021-10-05",
        "day",
    )
    assert meeting["place"]["name"] == "Paris" and meeting["place"]["country"] == "FR"
    # the rejected "Ghost Minister" is not a participant
    assert meeting["participants"] == [
        {
            "id": world.blinken.pk,
            "name": "Antony Blinken",
            "country": "US",
            "role": "guest",
            "cameo_actor": "USAGOV",
        },
        {
            "id": world.macron.pk,
            "name": "Emmanuel Macron",
            "country": "FR",
            "role": "host",
            "cameo_actor": "FRAGOV",
        },
    ]
    # CAMEO: a meeting is a consultation (040), one row per ordered pair of actors
    assert meeting["cameo"]["code"] == "040" and meeting["cameo"]["label"].startswith("Consult")
    assert meeting["cameo_dyads"] == [
        {"source": "USAGOV", "target": "FRAGOV", "code": "040"},
        {"source": "FRAGOV", "target": "USAGOV", "code": "040"},
    ]
    assert meeting["trip"] == world.trip.pk
    assert (meeting["origin"], meeting["review"], meeting["confidence"]) == (
        "extracted",
        "unreviewed",
        0.9,
    )
    [citation] = meeting["citations"]
    assert citation["quote"] == MEETING_QUOTE and citation["title"] == "Blinken in Paris"


def test_a_month_precision_engagement_keeps_its_precision(analyst_client, world):
    summit = analyst_client.get(reverse("api:engagement", args=[world.summit.pk])).json()
    assert summit["title"] == "NATO Madrid Summit"
    assert (summit["start"], summit["end"], summit["precision"]) == (
        "2022-06-01",
        "2022-06-30",
        "month",
    )
    assert summit["review"] == "verified" and summit["place"]["name"] == "Madrid"


def test_a_rejected_engagement_is_not_found(analyst_client, world):
    url = reverse("api:engagement", args=[world.rejected_meeting.pk])
    assert analyst_client.get(url).status_code == 404


def test_engagements_filter_by_participant_name_ignoring_accents(analyst_client, world):
    url = reverse("api:engagements")
    assert ids(analyst_client.get(url, {"traveler": "albares"})) == [world.summit.pk, world.call.pk]
    assert ids(analyst_client.get(url, {"traveler": "Blínken"})) == [
        world.call.pk,
        world.meeting.pk,
    ]


def test_engagements_filter_by_place_or_participant_country(analyst_client, world):
    url = reverse("api:engagements")
    # the call has no place; Albares (ES) took part. The summit is in Madrid.
    assert ids(analyst_client.get(url, {"country": "ES"})) == [world.summit.pk, world.call.pk]
    assert ids(analyst_client.get(url, {"country": "US"})) == [world.call.pk, world.meeting.pk]


def test_engagements_filter_by_dates_kind_status_origin_and_text(analyst_client, world):
    url = reverse("api:engagements")
    assert ids(analyst_client.get(url, {"start": "2022-06-30", "end": "2022-07-31"})) == [
        world.summit.pk
    ]
    assert ids(analyst_client.get(url, {"end": "2021-12-31"})) == [world.meeting.pk]
    assert ids(analyst_client.get(url, {"kind": "call"})) == [world.call.pk]
    assert ids(analyst_client.get(url, {"status": "scheduled"})) == [world.summit.pk]
    assert ids(analyst_client.get(url, {"origin": "record"})) == [world.call.pk]
    assert ids(analyst_client.get(url, {"review": "verified"})) == [world.summit.pk]
    assert ids(analyst_client.get(url, {"q": "by phone"})) == [world.call.pk]
    assert ids(analyst_client.get(url, {"q": "nato"})) == [world.summit.pk]
    assert ids(analyst_client.get(url, {"q": "bogus"})) == []  # rejected


def test_bad_engagement_parameters_are_400(analyst_client, world):
    url = reverse("api:engagements")
    for params in ({"kind": "party"}, {"status": "maybe"}, {"start": "05/10/2021"}, {"x": "1"}):
        response = analyst_client.get(url, params)
        assert response.status_code == 400, params
        assert "error" in response.json()


def test_detail_takes_no_parameters(analyst_client, world):
    url = reverse("api:engagement", args=[world.call.pk])
    assert analyst_client.get(url, {"format": "csv"}).status_code == 400
    assert analyst_client.get(url).json()["citations"][0]["quote"] == CALL_QUOTE
