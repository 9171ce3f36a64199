from django.urls import reverse


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_the_agreement_list_and_detail(analyst_client, world):
    body = analyst_client.get(reverse("api:agreements")).json()
    assert body["count"] == 1
    [pact] = body["results"]
    assert pact == analyst_client.get(reverse("api:agreement", args=[world.pact.pk])).json()
    assert pact["name"] == "AUKUS" and pact["kind"] == "pact" and pact["status"] == "signed"
    assert pact["date"] == "2021-09-15"
    assert pact["parties"] == ["AU", "GB", "US"]
    assert pact["aliases"] == ["Australia–UK–US Partnership"]
    assert pact["citations"][0]["quote"] == "The AUKUS pact was signed on 15 September."


def test_a_rejected_agreement_is_not_found(analyst_client, world):
    url = reverse("api:agreement", args=[world.rejected_pact.pk])
    assert analyst_client.get(url).status_code == 404


def test_agreements_filter_by_party_date_text_kind_and_status(analyst_client, world):
    url = reverse("api:agreements")
    assert ids(analyst_client.get(url, {"country": "GB"})) == [world.pact.pk]
    assert ids(analyst_client.get(url, {"country": "FR"})) == []  # only the rejected one
    assert ids(analyst_client.get(url, {"start": "2021-09-01", "end": "2021-09-30"})) == [
        world.pact.pk
    ]
    assert ids(analyst_client.get(url, {"start": "2021-09-16"})) == []
    assert ids(analyst_client.get(url, {"q": "australia uk"})) == [world.pact.pk]
    assert ids(analyst_client.get(url, {"kind": "treaty"})) == []
    assert ids(analyst_client.get(url, {"status": "signed"})) == [world.pact.pk]
    assert analyst_client.get(url, {"end": "2021-02-30"}).status_code == 400
