"""Agreements: matched by name or alias, or created; their aliases and parties added."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from diplomacy.models import Origin
from diplomacy.text import normalize_name, sentence_around
from engagements.agreement_kinds import agreement_kind, more_specific
from engagements.models import Agreement, AgreementAlias
from people.services import country_by_code

from .common import MergeResult, cite, confidence

if TYPE_CHECKING:
    from reports.models import Article


def agreement_merge(*, article: Article, extracted, result: MergeResult) -> Agreement:
    forms = {normalize_name(n) for n in [extracted.name, *extracted.aliases]} - {""}
    agreement = (
        Agreement.objects.filter(Q(normalized_name__in=forms) | Q(aliases__normalized__in=forms))
        .order_by("pk")
        .first()
    )
    kind = agreement_kind(extracted.name, _sentences(article.text, extracted.evidence))
    if agreement is None:
        agreement = Agreement.objects.create(
            name=extracted.name[:300],
            date=extracted.date,
            confidence=confidence(extracted.confidence),
            kind=kind,
            origin=Origin.EXTRACTED,
        )
        result.agreements_created += 1
    else:
        changed = []
        if extracted.date and agreement.date is None and "date" not in agreement.edited_fields:
            agreement.date = extracted.date
            changed.append("date")
        if "kind" not in agreement.edited_fields and more_specific(kind, agreement.kind):
            agreement.kind = kind  # another report says more: "deal" becomes "security pact"
            changed.append("kind")
        if changed:
            agreement.save(update_fields=[*changed, "updated_at"])
        result.agreements_matched += 1
    known = {agreement.normalized_name} | set(
        agreement.aliases.values_list("normalized", flat=True)
    )
    for alias in [extracted.name, *extracted.aliases]:
        if normalize_name(alias) and normalize_name(alias) not in known:
            AgreementAlias.objects.create(agreement=agreement, alias=alias[:300])
            known.add(normalize_name(alias))
    if "parties" not in agreement.edited_fields:
        for code in extracted.parties:
            country = country_by_code(code, result.countries)
            if country is not None:
                agreement.parties.add(country)
    for span in extracted.evidence:
        cite(article, span, result, agreement=agreement)
    return agreement


def _sentences(text: str, spans) -> list[str]:
    """The sentences around the agreement's evidence spans, for classifying its kind."""
    out = []
    for a, b in spans:
        if 0 <= a < b <= len(text):
            left, right = sentence_around(text, a, b)
            out.append(text[left:right])
    return out
