"""Agreements: matched by name or alias, or created; their aliases and parties added."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from diplomacy.models import Origin
from diplomacy.text import normalize_name
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
    if agreement is None:
        agreement = Agreement.objects.create(
            name=extracted.name[:300],
            date=extracted.date,
            confidence=confidence(extracted.confidence),
            kind=_agreement_kind(extracted.name),
            origin=Origin.EXTRACTED,
        )
        result.agreements_created += 1
    else:
        if extracted.date and agreement.date is None and "date" not in agreement.edited_fields:
            agreement.date = extracted.date
            agreement.save(update_fields=["date", "updated_at"])
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


def _agreement_kind(name: str) -> str:
    words = set(normalize_name(name).split())
    for kind in ("treaty", "pact", "deal", "accord", "memorandum"):
        if kind in words:
            return kind
    if "agreement" in words:
        return Agreement.Kind.OTHER
    return Agreement.Kind.OTHER
