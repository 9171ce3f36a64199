import pytest
from django.db import IntegrityError, transaction

from people.models import Country, Official, OfficialAlias, Post
from tests import factories


@pytest.mark.django_db
def test_every_iso_country_is_loaded():
    assert Country.objects.count() >= 249
    assert Country.objects.get(code="FR").name == "France"
    assert Country.objects.get(code="KR").alpha3 == "KOR"
    assert Country.objects.filter(code="XK").exists()


@pytest.mark.django_db
def test_official_names_are_normalized_for_lookup():
    person = factories.official("José Manuel Albares", "ES")
    assert person.normalized_name == "jose manuel albares"
    assert Official.objects.filter(normalized_name="jose manuel albares").get() == person


@pytest.mark.django_db
def test_an_alias_is_unique_per_official_ignoring_case_and_accents():
    person = factories.official("Jean-Yves Le Drian", "FR", aliases=("Le Drian",))
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficialAlias.objects.create(official=person, alias="le drián")
    # another person may carry the same alias
    other = factories.official("Someone Else", "FR")
    OfficialAlias.objects.create(official=other, alias="Le Drian")


@pytest.mark.django_db
def test_a_post_cannot_end_before_it_starts():
    person = factories.official("Antony Blinken", "US")
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.create(
            official=person, title="Secretary of State", start="2021-01-26", end="2020-01-01"
        )


@pytest.mark.django_db
def test_the_same_title_for_the_same_country_is_one_post():
    person = factories.official("Antony Blinken", "US")
    us = factories.country("US")
    Post.objects.create(official=person, title="Secretary of State", country=us)
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.create(official=person, title="secretary of state", country=us)


@pytest.mark.django_db
def test_an_official_cannot_be_merged_into_itself():
    person = factories.official("Antony Blinken", "US")
    person.merged_into = person
    with pytest.raises(IntegrityError), transaction.atomic():
        person.save()
