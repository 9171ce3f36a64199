"""Editors' corrections: conflict-checked edits, participants, review, revert, stops and trips.

Every edit names the version the editor read. If the fact changed since, the
edit is refused with an EditConflict that carries the current state and what
the other editor changed, so neither change is lost. Fields an editor sets are
added to `edited_fields`, which re-extraction never overwrites.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Model

from diplomacy.models import Fact, Precision, Review
from diplomacy.text import normalize_name
from people.models import Country, Official

from .models import Agreement, Engagement, Participant, Place, Stop, Trip
from .services import trip_renumber


@dataclass
class Change:
    """One saved change: who, when, and each field's value before and after."""

    who: str
    when: Any
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)
    history_id: int | None = None


class EditConflict(Exception):
    """The fact changed after the editor read it: nothing was saved."""

    def __init__(self, current: Fact, changes: list[Change]):
        self.current = current
        self.changes = changes
        names = ", ".join(sorted({f for c in changes for f, _, _ in c.fields})) or "the record"
        super().__init__(f"Someone else changed {names} since you opened it.")


# fields that change with every edit and say nothing to a reader
BOOKKEEPING = {"version", "updated_at", "edited_fields"}


def _history_of(fact: Fact) -> list[Change]:
    """The fact's changes, newest first, each with the fields it changed."""
    records = list(fact.history.select_related("history_user").order_by("-history_id"))
    out = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        fields = []
        if older is not None:
            delta = newer.diff_against(older)
            fields = [(c.field, c.old, c.new) for c in delta.changes if c.field not in BOOKKEEPING]
        else:
            fields = [("created", None, newer.history_type)]
        who = newer.history_user.get_username() if newer.history_user else "extraction or import"
        out.append(Change(who=who, when=newer.history_date, fields=fields, history_id=newer.pk))
    return out


def fact_history(fact: Fact) -> list[Change]:
    return _history_of(fact)


def changes_since(fact: Fact, version: int) -> list[Change]:
    """What was saved after the given version (for a conflict message)."""
    newer = fact.history.filter(version__gt=version).values_list("history_id", flat=True)
    wanted = set(newer)
    return [c for c in _history_of(fact) if c.history_id in wanted]


def _locked(model: type[Model], pk: int) -> Any:
    return model.objects.select_for_update().get(pk=pk)


def _check(fact: Fact, version: int | None) -> None:
    if version is not None and fact.version != version:
        raise EditConflict(fact, changes_since(fact, version))


def _save(fact: Fact, editor: AbstractBaseUser | None, edited: set[str]) -> None:
    fact.edited_fields = sorted(set(fact.edited_fields) | edited)
    fact.version += 1
    fact._history_user = editor
    fact.save()


def fact_update(
    fact: Fact, *, editor: AbstractBaseUser | None, version: int | None, changes: dict[str, Any]
) -> Fact:
    """Set fields on a fact as an editor's correction (conflict-checked, recorded, sticky)."""
    with transaction.atomic():
        current = _locked(type(fact), fact.pk)
        _check(current, version)
        changed = {name for name, value in changes.items() if getattr(current, name) != value}
        for name in changed:
            setattr(current, name, changes[name])
        if changed:
            _save(current, editor, changed)
    return current


def engagement_correct(
    engagement: Engagement,
    *,
    editor: AbstractBaseUser | None,
    version: int | None,
    changes: dict[str, Any],
    add: list[Official] = (),
    remove: list[Official] = (),
) -> Engagement:
    """Correct an engagement's fields and participants in one conflict-checked edit."""
    if changes.get("start") and not changes.get("end"):
        changes["end"] = changes["start"]
    if changes.get("precision") == Precision.UNKNOWN:
        changes["start"] = changes["end"] = None
    elif "precision" in changes and not changes.get("start"):
        changes["precision"] = Precision.UNKNOWN
    with transaction.atomic():
        current = _locked(Engagement, engagement.pk)
        _check(current, version)
        changed = {name for name, value in changes.items() if getattr(current, name) != value}
        for name in changed:
            setattr(current, name, changes[name])
        present = set(current.participations.values_list("official_id", flat=True))
        added = [o for o in add if o.pk not in present]
        removed = [o for o in remove if o.pk in present]
        for official in added:
            participant = Participant(engagement=current, official=official)
            participant._history_user = editor
            participant.save()
        for participation in current.participations.filter(official__in=removed):
            participation._history_user = editor
            participation.delete()
        if added or removed:
            changed.add("participants")
        if changed:
            _save(current, editor, changed)
    return current


def fact_review(fact: Fact, *, editor: AbstractBaseUser | None, review: str) -> Fact:
    """Verify, reject, or return a fact to review. Rejected facts are hidden, never deleted."""
    if review not in Review.values:
        raise ValueError(f"unknown review state {review!r}")
    with transaction.atomic():
        current = _locked(type(fact), fact.pk)
        if current.review != review:
            current.review = review
            _save(current, editor, {"review"})
    return current


REVERTIBLE = {
    Engagement: ["kind", "title", "place_id", "start", "end", "precision", "status", "stop_id"],
    Stop: ["place_id", "start", "end", "precision", "cancelled", "trip_id"],
    Official: ["name", "country_id"],
    Trip: ["title", "traveler_id", "companion_of_id"],
    Agreement: ["name", "kind", "status", "date"],
}


def fact_revert(fact: Fact, *, editor: AbstractBaseUser | None, history_id: int) -> Fact:
    """Restore the fields a fact had in one of its history records (itself a new edit)."""
    record = fact.history.get(history_id=history_id)
    names = REVERTIBLE.get(type(fact), [])
    changes = {name: getattr(record, name) for name in names}
    if isinstance(fact, Engagement | Official):
        changes["review"] = record.review
    return fact_update(fact, editor=editor, version=None, changes=changes)


def place_for(name: str, country_code: str) -> Place | None:
    """The place an editor typed: a known one, or a new one placed with the gazetteer."""
    name = " ".join(name.split())
    if not name:
        return None
    country = Country.objects.filter(code=country_code.upper()).first() if country_code else None
    known = Place.objects.filter(normalized=normalize_name(name))
    if country is not None:
        known = known.filter(country=country)
    place = known.select_related("country").first()
    if place is not None:
        return place
    from extraction.places import resolve_place

    lat = lon = None
    resolved = resolve_place(name, frozenset({country.code}) if country else frozenset())
    if resolved is not None:
        found = resolved[0]
        if country is None or found.country == country.code:
            lat, lon = found.latitude, found.longitude
            if country is None and found.country:
                country = Country.objects.filter(code=found.country).first()
    return Place.objects.create(name=name, country=country, latitude=lat, longitude=lon)


def stop_correct(
    stop: Stop, *, editor: AbstractBaseUser | None, version: int | None, changes: dict[str, Any]
) -> Stop:
    """Correct a stop's place or dates; its trip is re-sorted by date."""
    if changes.get("start") and not changes.get("end"):
        changes["end"] = changes["start"]
    if not changes.get("start", True):
        changes["precision"] = Precision.UNKNOWN
        changes["end"] = None
    updated = fact_update(stop, editor=editor, version=version, changes=changes)
    trip_renumber(updated.trip)
    return updated


def stop_move(stop: Stop, *, editor: AbstractBaseUser | None, trip: Trip) -> Stop:
    """Move a stop to another trip of the same traveler."""
    if trip.traveler_id != stop.trip.traveler_id:
        raise ValueError("A stop can only move to another trip of the same traveler.")
    old_trip = stop.trip
    with transaction.atomic():
        current = _locked(Stop, stop.pk)
        last = trip.stops.order_by("-order").values_list("order", flat=True).first() or 0
        current.trip = trip
        current.order = last + 1
        _save(current, editor, {"trip"})
        trip_renumber(trip)
        trip_renumber(old_trip)
    return current


def trip_split(trip: Trip, *, editor: AbstractBaseUser | None, at: Stop) -> Trip:
    """Split a trip in two: `at` and the stops after it become a new trip."""
    if at.trip_id != trip.pk:
        raise ValueError("That stop is not on this trip.")
    with transaction.atomic():
        moving = list(trip.stops.filter(order__gte=at.order).order_by("order"))
        if len(moving) == trip.stops.count():
            raise ValueError("Splitting at the first stop would leave an empty trip.")
        new = Trip(traveler=trip.traveler, origin=trip.origin, edited_fields=["stops"])
        new._history_user = editor
        new.save()
        for number, stop in enumerate(moving, start=1):
            stop.trip = new
            stop.order = 100000 + number
            _save(stop, editor, {"trip"})
        trip_renumber(new)
        trip_renumber(trip)
        trip.refresh_from_db()
        _save(trip, editor, {"stops"})
    return new


def _rename(fact: Fact, name: str, *, aliases) -> bool:
    """Give the fact a new name, keeping the old one as an alias so it still finds it."""
    if fact.name == name:
        return False
    aliases.get_or_create(normalized=normalize_name(fact.name), defaults={"alias": fact.name})
    fact.name = name
    return True


def official_correct(
    official: Official,
    *,
    editor: AbstractBaseUser | None,
    version: int | None,
    name: str,
    country: Country | None,
    aliases: list[str],
    post_title: str = "",
    post_country: Country | None = None,
) -> Official:
    """Correct an official's name, country and aliases; optionally record a post."""
    from people.models import OfficialAlias, Post

    with transaction.atomic():
        current = _locked(Official, official.pk)
        _check(current, version)
        changed = set()
        if _rename(current, name, aliases=current.aliases):
            changed.add("name")
        if current.country_id != (country.pk if country else None):
            current.country = country
            changed.add("country")
        wanted = {
            normalize_name(a): a for a in aliases if normalize_name(a) != normalize_name(name)
        }
        existing = {a.normalized: a for a in current.aliases.all()}
        for key in set(existing) - set(wanted):
            existing[key].delete()
        for key in set(wanted) - set(existing):
            OfficialAlias.objects.create(official=current, alias=wanted[key])
        if set(wanted) != set(existing):
            changed.add("aliases")
        if post_title.strip():
            post, created = Post.objects.get_or_create(
                official=current, title=post_title.strip(), country=post_country
            )
            if created:
                post.edited_fields = ["title", "country"]
                post.save(update_fields=["edited_fields"])
                changed.add("posts")
        if changed:
            _save(current, editor, changed)
    return current


def agreement_correct(
    agreement,
    *,
    editor: AbstractBaseUser | None,
    version: int | None,
    name: str,
    date_signed: date | None,
    parties: list[Country],
    kind: str | None = None,
):
    """Correct an agreement's name, kind, date and parties (the old name stays an alias)."""
    with transaction.atomic():
        current = _locked(Agreement, agreement.pk)
        _check(current, version)
        changed = set()
        if _rename(current, name, aliases=current.aliases):
            changed.add("name")
        if current.date != date_signed:
            current.date = date_signed
            changed.add("date")
        if kind is not None and current.kind != kind:
            current.kind = kind
            changed.add("kind")
        if set(current.parties.values_list("pk", flat=True)) != {c.pk for c in parties}:
            current.parties.set(parties)
            changed.add("parties")
        if changed:
            _save(current, editor, changed)
    return current
