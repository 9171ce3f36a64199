"""Writes for officials: resolving extracted names to people, aliases and posts."""

from __future__ import annotations

from django.db.models import Q

from diplomacy.text import normalize_name

from .models import Country, Official, OfficialAlias, Post


def country_by_code(code: str | None) -> Country | None:
    """The Country for an ISO alpha-2 code, or None for an unknown or missing code."""
    if not code:
        return None
    return Country.objects.filter(code=code.upper()).first()


def _candidates(forms: set[str]) -> list[Official]:
    """Live officials whose name or an alias matches one of the normalized forms."""
    found = Official.objects.filter(
        Q(normalized_name__in=forms) | Q(aliases__normalized__in=forms)
    ).distinct()
    people = []
    for person in found.select_related("merged_into"):
        # follow merges to the record that was kept
        seen = set()
        while person.merged_into_id and person.pk not in seen:
            seen.add(person.pk)
            person = person.merged_into
        people.append(person)
    return list({p.pk: p for p in people}.values())


def official_resolve(
    *,
    name: str,
    country_code: str | None = None,
    aliases: list[str] | tuple[str, ...] = (),
    title: str | None = None,
) -> Official:
    """The official an extracted name refers to, created when nobody matches.

    A full-name match (name or alias) wins; among several, the one serving the
    same country. A name of one word ("Blinken") only matches within a country.
    New aliases and a new post (title for that country) are recorded.
    """
    country = country_by_code(country_code)
    full = normalize_name(name)
    forms = {full} | {normalize_name(a) for a in aliases if len(normalize_name(a).split()) > 1}
    forms.discard("")
    candidates = _candidates(forms)
    if country is not None:
        same = [p for p in candidates if p.country_id in (None, country.pk)]
        candidates = same
    person = candidates[0] if len(candidates) == 1 else None
    if person is None and len(candidates) > 1:
        exact = [p for p in candidates if p.normalized_name == full]
        person = exact[0] if exact else sorted(candidates, key=lambda p: p.pk)[0]
    if person is None:
        person = Official.objects.create(name=name.strip(), country=country)
    else:
        updates = []
        edited = set(person.edited_fields)
        if person.country_id is None and country is not None and "country" not in edited:
            person.country = country
            updates.append("country")
        # a fuller form of the name becomes the name when no editor set it
        if (
            "name" not in edited
            and len(full) > len(person.normalized_name)
            and person.normalized_name in full
        ):
            official_alias_add(official=person, alias=person.name)
            person.name = name.strip()
            updates += ["name", "normalized_name"]
        if updates:
            person.save(update_fields=[*updates, "updated_at"])
    for alias in [name, *aliases]:
        official_alias_add(official=person, alias=alias)
    if title:
        post_record(official=person, title=title, country=country)
    return person


def official_alias_add(*, official: Official, alias: str) -> None:
    """Record another form of the official's name (nothing when already known)."""
    normalized = normalize_name(alias)
    if not normalized or normalized == official.normalized_name:
        return
    if not OfficialAlias.objects.filter(official=official, normalized=normalized).exists():
        OfficialAlias.objects.create(official=official, alias=alias.strip())


def post_record(*, official: Official, title: str, country: Country | None) -> Post:
    """The post with that title for that country, created when new for this person."""
    title = title.strip()
    post = Post.objects.filter(official=official, title__iexact=title, country=country).first()
    if post is None:
        post = Post.objects.create(official=official, title=title, country=country)
    return post
