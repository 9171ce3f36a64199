"""Writes for officials: resolving extracted names to people, aliases and posts."""

from __future__ import annotations

from django.db.models import Q

from diplomacy.text import normalize_name

from .models import Country, Official, OfficialAlias, Post


def country_by_code(code: str | None, cache: dict[str, Country | None] | None = None):
    """The Country for an ISO alpha-2 code, or None for an unknown or missing code.

    Pass a dict as `cache` to look each code up once during a larger operation.
    """
    if not code:
        return None
    code = code.upper()
    if cache is not None and code in cache:
        return cache[code]
    country = Country.objects.filter(code=code).first()
    if cache is not None:
        cache[code] = country
    return country


def _candidates(forms: set[str]) -> list[Official]:
    """Live officials whose name or an alias matches one of the normalized forms."""
    found = Official.objects.filter(
        Q(normalized_name__in=forms)
        | Q(pk__in=OfficialAlias.objects.filter(normalized__in=forms).values("official_id"))
    )
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
    countries: dict[str, Country | None] | None = None,
) -> Official:
    """The official an extracted name refers to, created when nobody matches.

    A full-name match (name or alias) wins; among several, the one serving the
    same country. A name of one word ("Blinken") only matches within a country.
    New aliases and a new post (title for that country) are recorded.
    """
    country = country_by_code(country_code, countries)
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
    official_aliases_add(official=person, aliases=[name, *aliases])
    if title:
        post_record(official=person, title=title, country=country)
    return person


def official_alias_add(*, official: Official, alias: str) -> None:
    """Record another form of the official's name (nothing when already known)."""
    official_aliases_add(official=official, aliases=[alias])


def official_aliases_add(*, official: Official, aliases: list[str]) -> None:
    """Record the forms of the official's name not yet known, in one query or two."""
    known = set(official.aliases.values_list("normalized", flat=True))
    known.add(official.normalized_name)
    new = {}
    for alias in aliases:
        normalized = normalize_name(alias)
        if normalized and normalized not in known and normalized not in new:
            new[normalized] = OfficialAlias(
                official=official, alias=alias.strip(), normalized=normalized
            )
    if new:
        OfficialAlias.objects.bulk_create(new.values(), ignore_conflicts=True)


def post_record(*, official: Official, title: str, country: Country | None) -> Post:
    """The post with that title for that country, created when new for this person."""
    title = title.strip()
    post = Post.objects.filter(official=official, title__iexact=title, country=country).first()
    if post is None:
        post = Post.objects.create(official=official, title=title, country=country)
    return post
