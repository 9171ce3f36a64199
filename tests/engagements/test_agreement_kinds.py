"""An agreement's kind from its name and the sentences it was cited from; stored when it is
merged, upgraded when a later report says more, never over an editor's choice."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from engagements.agreement_kinds import KINDS, agreement_kind, more_specific
from engagements.models import Agreement
from engagements.services import document_merge
from tests import factories


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Treaty of Aachen", "treaty"),
        ("New START Treaty", "treaty"),
        ("Convention on Cluster Munitions", "treaty"),
        ("AUKUS security pact", "security"),
        ("Mutual Defense Treaty", "security"),
        ("Reciprocal Access Agreement", "security"),
        ("Status of Forces Agreement", "security"),
        ("Defence Cooperation Agreement", "security"),
        ("Trade and Economic Partnership Agreement", "trade"),
        ("EU-Mercosur free trade agreement", "trade"),
        ("North American Free Trade Agreement", "trade"),
        ("Memorandum of Understanding on Critical Minerals", "memorandum"),
        ("MoU on energy cooperation", "memorandum"),
        ("Joint Statement on the Comprehensive Strategic Partnership", "joint_statement"),
        ("Delhi Declaration", "joint_statement"),
        ("Gaza ceasefire deal", "ceasefire"),
        ("Black Sea truce", "ceasefire"),
        ("Dayton Peace Agreement", "peace"),
        ("Abraham Accords", "accord"),
        ("Paris climate pact", "pact"),
        ("grain deal", "deal"),
        ("USMCA", "other"),
    ],
)
def test_the_name_gives_the_kind(name, kind):
    assert agreement_kind(name) == kind


def test_a_name_that_says_nothing_takes_the_kind_its_sentences_give():
    sentences = [
        "Tensions over AUKUS deal",
        "The Biden administration announced September 15 a new security pact with Australia.",
    ]
    assert agreement_kind("AUKUS", sentences) == "security"
    assert agreement_kind("AUKUS", sentences[:1]) == "deal"
    trade = (
        "The U.S. renegotiated the North American Trade Agreement into what is now the "
        "United States-Mexico-Canada Agreement."
    )
    assert agreement_kind("United States-Mexico-Canada Agreement", [trade]) == "trade"
    # what the name says wins over its sentences
    assert agreement_kind("Treaty of Aachen", ["a new trade deal"]) == "treaty"


def test_every_kind_is_a_choice_of_the_model_and_ranks_above_other():
    assert set(KINDS) == set(Agreement.Kind.values)
    assert more_specific("security", "deal") and more_specific("deal", "other")
    assert not more_specific("deal", "security") and not more_specific("other", "pact")


PACT_REPORT = (
    "Leaders sign two agreements\n\n"
    "Australia and Japan signed the Reciprocal Access Agreement in Tokyo on Thursday. "
    "They also signed the Japan-Australia Economic Partnership Agreement, officials said. "
    "The Biden administration announced a new security pact with Australia and Britain, "
    "known as AUKUS."
)


@pytest.fixture
def merged(db):
    from extraction import extract

    article = factories.article(PACT_REPORT, published=date(2022, 1, 7))
    document_merge(article=article, document=extract(article.text, article.published))
    return article


def test_merged_agreements_are_stored_with_their_kind(merged):
    kinds = dict(Agreement.objects.values_list("name", "kind"))
    assert kinds["Reciprocal Access Agreement"] == "security"
    assert kinds["Japan-Australia Economic Partnership Agreement"] == "trade"
    assert "other" not in kinds.values()


def test_a_later_report_upgrades_a_bare_kind_unless_an_editor_chose_it(db, editor_client):
    from extraction import extract

    first = factories.article("Tensions rose over the AUKUS deal on Thursday.")
    document_merge(article=first, document=extract(first.text, first.published))
    aukus = Agreement.objects.get(name="AUKUS")
    assert aukus.kind == "deal"
    second = factories.article(
        "The new AUKUS security pact of Australia, Britain and the United States was signed "
        "on Wednesday."
    )
    document_merge(article=second, document=extract(second.text, second.published))
    aukus.refresh_from_db()
    assert aukus.kind == "security"

    url = reverse("engagements:agreement_edit", args=[aukus.pk])
    data = {"version": aukus.version, "name": "AUKUS", "kind": "treaty", "parties": ""}
    assert editor_client.post(url, data, headers={"HX-Request": "true"}).status_code == 200
    aukus.refresh_from_db()
    assert aukus.kind == "treaty" and "kind" in aukus.edited_fields
    third = factories.article(
        "The new AUKUS trade pact of Australia, Britain and the United States was signed on Friday."
    )
    document_merge(article=third, document=extract(third.text, third.published))
    assert Agreement.objects.get(name="AUKUS").citations.count() == 3  # it was merged...
    aukus.refresh_from_db()
    assert aukus.kind == "treaty"  # ...and the editor's choice stands
