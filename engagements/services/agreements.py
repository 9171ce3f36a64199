"""Agreements: matched by name or alias, or created; their aliases and parties added.

A merge loads every agreement going by any of its agreements' names once
(`agreements_load`), matches in memory (`agreement_merge`) and writes new agreements,
aliases and parties at its end (`agreements_write`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Q

from diplomacy.bulk import rows_insert
from diplomacy.models import Origin
from diplomacy.text import normalize_name, sentence_around
from engagements.agreement_kinds import agreement_kind, more_specific
from engagements.models import Agreement, AgreementAlias
from people.services import country_by_code

from .common import MergeResult, cite, confidence

if TYPE_CHECKING:
    from extraction.models import Agreement as ExtractedAgreement
    from reports.models import Article


def agreement_forms(extracted: ExtractedAgreement) -> set[str]:
    """The normalized names an extracted agreement is looked up by: its name and aliases."""
    return {normalize_name(n) for n in [extracted.name, *extracted.aliases]} - {""}


def agreements_load(result: MergeResult, extracted: Iterable[ExtractedAgreement]) -> None:
    """Load the agreements going by any of these names, their aliases and parties (3 queries)."""
    forms = set().union(*(agreement_forms(a) for a in extracted))
    if not forms:
        return
    found = {
        a.pk: a
        for a in Agreement.objects.filter(
            Q(normalized_name__in=forms) | Q(aliases__normalized__in=forms)
        ).distinct()
    }
    if not found:
        return
    known = result.agreements
    for agreement in found.values():
        known.forms[id(agreement)] = {agreement.normalized_name}
        known.parties[id(agreement)] = set()
    for agreement_id, normalized in AgreementAlias.objects.filter(
        agreement_id__in=found
    ).values_list("agreement_id", "normalized"):
        known.forms[id(found[agreement_id])].add(normalized)
    for agreement_id, country_id in Agreement.parties.through.objects.filter(
        agreement_id__in=found
    ).values_list("agreement_id", "country_id"):
        known.parties[id(found[agreement_id])].add(country_id)
    for pk in sorted(found):  # the oldest first, as a match prefers
        for form in known.forms[id(found[pk])]:
            known.by_form[form].append(found[pk])


def agreement_merge(
    *, article: Article, extracted: ExtractedAgreement, result: MergeResult
) -> Agreement:
    """The agreement on record (or new in this merge) going by any of the extracted names."""
    known = result.agreements
    forms = agreement_forms(extracted)
    matches = [a for form in sorted(forms) for a in known.by_form.get(form, ())]
    agreement = min(matches, key=lambda a: _age(a, known.new), default=None)
    kind = agreement_kind(extracted.name, _sentences(article.text, extracted.evidence))
    if agreement is None:
        name = extracted.name[:300]
        agreement = Agreement(
            name=name,
            normalized_name=normalize_name(name),
            date=extracted.date,
            confidence=confidence(extracted.confidence),
            kind=kind,
            origin=Origin.EXTRACTED,
        )
        known.new.append(agreement)
        known.forms[id(agreement)] = {agreement.normalized_name}
        known.parties[id(agreement)] = set()
        known.by_form[agreement.normalized_name].append(agreement)
        result.agreements_created += 1
    else:
        if extracted.date and agreement.date is None and "date" not in agreement.edited_fields:
            agreement.date = extracted.date
            result.change(agreement, "date")
        if "kind" not in agreement.edited_fields and more_specific(kind, agreement.kind):
            agreement.kind = kind  # another report says more: "deal" becomes "security pact"
            result.change(agreement, "kind")
        result.agreements_matched += 1
    names = known.forms[id(agreement)]
    for alias in [extracted.name, *extracted.aliases]:
        normalized = normalize_name(alias)
        if normalized and normalized not in names:
            known.new_aliases.append(
                AgreementAlias(agreement=agreement, alias=alias[:300], normalized=normalized)
            )
            names.add(normalized)
            known.by_form[normalized].append(agreement)
    if "parties" not in agreement.edited_fields:
        for code in extracted.parties:
            country = country_by_code(code, result.countries)
            if country is not None and country.pk not in known.parties[id(agreement)]:
                known.parties[id(agreement)].add(country.pk)
                known.new_parties.append((agreement, country))
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


def _age(agreement: Agreement, new: list[Agreement]) -> tuple[int, int]:
    """Agreements on record oldest first; ones this merge creates after them, in turn."""
    if agreement.pk is not None:
        return 0, agreement.pk
    return 1, next(i for i, a in enumerate(new) if a is agreement)


def agreements_write(result: MergeResult) -> None:
    """Write the merge's new agreements (with history), their new aliases and parties."""
    known = result.agreements
    if known.new:
        rows_insert(Agreement, known.new, history=True)
    rows_insert(AgreementAlias, known.new_aliases)
    Party = Agreement.parties.through
    Party.objects.bulk_create(
        [Party(agreement=a, country=c) for a, c in known.new_parties], ignore_conflicts=True
    )
    known.new, known.new_aliases, known.new_parties = [], [], []
