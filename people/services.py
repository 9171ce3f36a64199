"""Writes for officials: resolving extracted names to people, aliases and posts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Q

from diplomacy.bulk import rows_insert
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


def countries_load(codes: Iterable[str | None], cache: dict[str, Country | None]) -> None:
    """Look up every code not yet in the cache, in one query (unknown codes cache as None)."""
    wanted = {c.upper() for c in codes if c} - cache.keys()
    if not wanted:
        return
    found = {c.code: c for c in Country.objects.filter(code__in=wanted)}
    for code in wanted:
        cache[code] = found.get(code)


@dataclass(frozen=True)
class NameMention:
    """A name to resolve, with what the report says about that person."""

    name: str
    country_code: str | None = None
    aliases: tuple[str, ...] = ()
    title: str | None = None

    def forms(self) -> set[str]:
        """The normalized forms it is looked up by: the name, and aliases of two words or more."""
        found = {normalize_name(self.name)}
        for alias in self.aliases:
            normalized = normalize_name(alias)
            if len(normalized.split()) > 1:
                found.add(normalized)
        found.discard("")
        return found


def _live(person: Official) -> Official:
    """Follow merges to the record that was kept."""
    seen = set()
    while person.merged_into_id and person.pk not in seen:
        seen.add(person.pk)
        person = person.merged_into
    return person


@dataclass
class OfficialResolver:
    """Resolves the names of one operation (an article, an import) with a few queries.

    `prepare` loads every official whose name or alias matches any of the
    mentions at once; `resolve` then decides in memory, and new officials,
    aliases and posts are written together by `save`.
    """

    countries: dict[str, Country | None] = field(default_factory=dict)
    _by_form: dict[str, list[Official]] = field(default_factory=dict)
    _loaded: set[str] = field(default_factory=set)
    _known: dict[int, Official] = field(default_factory=dict)
    _new: list[Official] = field(default_factory=list)
    # primary keys of the officials `save` created: nothing on record refers to them yet
    created: set[int] = field(default_factory=set)
    _aliases: list[tuple[Official, str]] = field(default_factory=list)
    _posts: list[tuple[Official, str, Country | None]] = field(default_factory=list)

    def prepare(self, mentions: Sequence[NameMention]) -> None:
        """Load the officials any of the mentions may refer to (two queries)."""
        countries_load((m.country_code for m in mentions), self.countries)
        forms = set().union(*(m.forms() for m in mentions)) - self._loaded if mentions else set()
        if not forms:
            return
        self._loaded |= forms
        matches: dict[int, set[str]] = {}
        for official_id, normalized in OfficialAlias.objects.filter(
            normalized__in=forms
        ).values_list("official_id", "normalized"):
            matches.setdefault(official_id, set()).add(normalized)
        # few records were merged into others: `_live` looks those up one by one
        found = Official.objects.filter(Q(normalized_name__in=forms) | Q(pk__in=list(matches)))
        for person in found:
            keys = matches.get(person.pk, set())
            if person.normalized_name in forms:
                keys.add(person.normalized_name)
            live = _live(person)
            live = self._known.setdefault(live.pk, live)  # one instance per person
            for key in keys:
                self._index(key, live)

    def _index(self, form: str, person: Official) -> None:
        people = self._by_form.setdefault(form, [])
        if all(p is not person for p in people):
            people.append(person)

    def _candidates(self, forms: set[str]) -> list[Official]:
        people: list[Official] = []
        for form in sorted(forms):
            for person in self._by_form.get(form, ()):
                if all(p is not person for p in people):
                    people.append(person)
        return people

    def resolve(self, mention: NameMention) -> Official:
        """The official the mention refers to; a new (unsaved until `save`) one when nobody matches.

        A full-name match (name or alias) wins; among several, the one serving
        the same country, then the exact name, then the oldest record.
        """
        self.prepare([mention])
        country = country_by_code(mention.country_code, self.countries)
        full = normalize_name(mention.name)
        candidates = self._candidates(mention.forms())
        if country is not None:
            candidates = [p for p in candidates if p.country_id in (None, country.pk)]
        person = candidates[0] if len(candidates) == 1 else None
        if person is None and len(candidates) > 1:
            exact = [p for p in candidates if p.normalized_name == full]
            person = exact[0] if exact else min(candidates, key=_age)
        if person is None:
            person = Official(name=mention.name.strip(), country=country)
            person.normalized_name = full
            self._new.append(person)
        else:
            self._update(person, mention, country, full)
        self._index(person.normalized_name, person)
        for alias in (mention.name, *mention.aliases):
            self._alias(person, alias)
        if mention.title:
            self._posts.append((person, mention.title.strip(), country))
        return person

    def _update(self, person: Official, mention: NameMention, country, full: str) -> None:
        """Fill the country and take a fuller form of the name, unless an editor set them."""
        updates = []
        edited = set(person.edited_fields)
        if person.country_id is None and country is not None and "country" not in edited:
            person.country = country
            updates.append("country")
        if (
            "name" not in edited
            and len(full) > len(person.normalized_name)
            and person.normalized_name in full
        ):
            self._alias(person, person.name)
            person.name = mention.name.strip()
            person.normalized_name = full
            updates += ["name", "normalized_name"]
        if updates and person.pk is not None:
            person.save(update_fields=[*updates, "updated_at"])

    def _alias(self, person: Official, alias: str) -> None:
        self._aliases.append((person, alias))
        form = normalize_name(alias)
        if form:  # findable by it from now on, as it will be in the database
            self._index(form, person)

    def save(self) -> None:
        """Write the new officials, then the aliases and posts not yet on record."""
        if self._new:
            rows_insert(Official, self._new, history=True)
            self.created |= {person.pk for person in self._new}
            self._new = []
        aliases = {}
        for person, alias in self._aliases:
            normalized = normalize_name(alias)
            if normalized and normalized != person.normalized_name:
                aliases.setdefault(
                    (person.pk, normalized),
                    OfficialAlias(official=person, alias=alias.strip(), normalized=normalized),
                )
        self._aliases = []
        if aliases:
            OfficialAlias.objects.bulk_create(aliases.values(), ignore_conflicts=True)
        if self._posts:
            posts_record(self._posts, self.created)
            self._posts = []


def _age(person: Official) -> tuple[int, int]:
    """Older records first; ones not saved yet last."""
    return (0, person.pk) if person.pk is not None else (1, 0)


def posts_record(
    posts: Iterable[tuple[Official, str, Country | None]], new_officials: set[int] | None = None
) -> None:
    """Record each (official, title, country) as a post, unless that person already holds it.

    Officials in `new_officials` were just created: they hold no post yet.
    """
    wanted = {}
    for official, title, country in posts:
        key = (official.pk, title.casefold(), country.pk if country else None)
        wanted.setdefault(key, (official, title, country))
    known = {k[0] for k in wanted} - (new_officials or set())
    if known:
        held = Post.objects.filter(official_id__in=known)
        for official_id, title, country_id in held.values_list(
            "official_id", "title", "country_id"
        ):
            wanted.pop((official_id, title.casefold(), country_id), None)
    if wanted:
        rows_insert(
            Post,
            [Post(official=o, title=t, country=c) for o, t, c in wanted.values()],
            history=True,
        )


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
    same country. New aliases and a new post (title for that country) are recorded.
    """
    resolver = OfficialResolver(countries=countries if countries is not None else {})
    person = resolver.resolve(
        NameMention(name=name, country_code=country_code, aliases=tuple(aliases), title=title)
    )
    resolver.save()
    return person
