from django.urls import reverse


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_the_official_list_leaves_out_rejected_and_merged_officials(analyst_client, world):
    url = reverse("api:officials")
    merged = world.macron.__class__.objects.create(name="E. Macron", merged_into=world.macron)
    body = analyst_client.get(url).json()
    names = [o["name"] for o in body["results"]]
    assert names == ["Antony Blinken", "Emmanuel Macron", "José Manuel Albares"]
    assert merged.pk not in ids(analyst_client.get(url))
    response = analyst_client.get(reverse("api:official", args=[merged.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("api:official", args=[world.macron.pk])


def test_an_official_in_detail(analyst_client, world):
    world.blinken.posts.create(title="Secretary of State", country=world.blinken.country)
    official = analyst_client.get(reverse("api:official", args=[world.blinken.pk])).json()
    assert official["name"] == "Antony Blinken" and official["country"] == "US"
    assert official["aliases"] == ["Blinken", "Tony Blinken"]
    assert official["posts"] == [
        {
            "title": "Secretary of State",
            "country": "US",
            "organization": None,
            "start": None,
            "end": None,
        }
    ]
    assert official["citations"] == []


def test_a_rejected_official_is_not_found(analyst_client, world):
    assert analyst_client.get(reverse("api:official", args=[world.ghost.pk])).status_code == 404


def test_officials_filter_by_name_country_and_origin(analyst_client, world):
    url = reverse("api:officials")
    assert ids(analyst_client.get(url, {"q": "ALBARES"})) == [world.albares.pk]
    assert ids(analyst_client.get(url, {"q": "tony"})) == [world.blinken.pk]
    assert ids(analyst_client.get(url, {"country": "fr"})) == [world.macron.pk]
    assert ids(analyst_client.get(url, {"origin": "manual"})) == []
    assert analyst_client.get(url, {"traveler": "x"}).status_code == 400
    assert analyst_client.get(url, {"format": "ics"}).status_code == 400
