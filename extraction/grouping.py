"""Stage 4, grouping: takes the Mentions and the Events, returns the Groups. Decides which
engagements are one (the same meeting told in several sentences), resolves "his counterparts
from X and Y" to the officials of X and Y, drops the one-per-counterpart copy left without a
counterpart, and merges each traveller's stops into one per stay. Then what one engagement of
a gathering or a day tells another (carryover.py): the place of the summit a meeting was on
the sidelines of, the day and place of "earlier in the day"."""

from __future__ import annotations

import re
from dataclasses import replace

from .affiliations import counterpart_countries, host_countries
from .carryover import (
    place_by_sidelines,
    place_of_gathering_told_before,
    place_of_signing_told_before,
    same_day,
)
from .dates import Resolved
from .models import Place
from .stages import Eng, Events, Groups, Mentions, Stop
from .text import normalize_key
from .titles import title_family
from .triggers import KIND_RANK


def group_events(ctx: Mentions, events: Events) -> Groups:
    """Sets the country of officials met at home by a visitor (ctx.people, in place)."""
    engs = events.engagements
    engs = _counterparts_listed_after(ctx, engs)
    _resolve_placeholders(ctx, engs)
    engs = _drop_orphans(engs)
    engs = merge_engagements(engs)
    engs = _one_gathering_per_name(engs)
    _attendees_listed(ctx, engs)
    _place_of_the_gathering(ctx, engs)
    host_countries(ctx, engs)  # mentions (a person's country), run late: needs merged meetings
    counterpart_countries(ctx, engs)  # mentions (a person's country), run late: as above
    trips = _merge_stops(events.stops)
    place_by_sidelines(ctx, engs)
    place_of_gathering_told_before(ctx, engs)
    place_of_signing_told_before(ctx, engs)
    same_day(ctx, engs)
    return Groups(engs, trips)


# "also present will be A and B", "the summit was attended by A, B and C", "participants
# included A and B"
_ATTENDEES = re.compile(
    r"\b(?:also\s+present\s+(?:will\s+be|were|was|are|is)|attended\s+by|brought\s+together|"
    r"(?:participants|attendees|those\s+attending|leaders\s+attending|guests)\s+"
    r"(?:include[sd]?|were|are|will\s+be)|in\s+attendance\s+(?:were|are|will\s+be))\s+",
    re.I,
)
_IN_ADDITION = re.compile(r"^\W*(?:in\s+addition\s+to|besides|along\s+with)\b", re.I)
# "Macron, Trudeau and other participants of the summit adopted a declaration"
_OTHERS_PRESENT = re.compile(
    r"\band\s+other\s+(?:participants|leaders|heads\s+of\s+(?:state|government)|attendees)\s+"
    r"(?:of|at|in)\s+the\s+(?:summit|forum|conference|meeting|gathering)\b",
    re.I,
)


def _attendees_listed(ctx: Mentions, engs: list[Eng]) -> None:
    """ "In addition to A and B, also present will be C and D": the officials a sentence lists
    as present at a gathering attend the summit or forum told last before it (else the first
    summit told after it)."""
    gatherings = [e for e in engs if e.kind in ("summit", "conference") and not e.cancelled]
    if not gatherings:
        return
    for s in ctx.sentences:
        m = _ATTENDEES.search(s.text) if s.kind == "body" else None
        others = _OTHERS_PRESENT.search(s.text) if s.kind == "body" and not m else None
        if others:
            kind = "summit" if "summit" in others.group(0).lower() else "conference"
            same = [g for g in gatherings if g.kind == kind] or gatherings
            before = [g for g in same if g.sentence <= s.index] or same
            target = max(before, key=lambda g: g.sentence)
            cue = s.start + others.start()
            _attend(ctx, target, [pid for a, _b, pid in ctx.mentions.get(s.index, []) if a < cue])
            continue
        if not m:
            continue
        before = [g for g in gatherings if g.sentence <= s.index]
        later = sorted(gatherings, key=lambda g: (g.kind != "summit", g.sentence))
        target = max(before, key=lambda g: g.sentence) if before else later[0]
        listed = [pid for a, _b, pid in ctx.mentions.get(s.index, []) if a >= s.start + m.end()]
        if _IN_ADDITION.match(s.text):
            cue = s.start + m.start()
            listed += [pid for a, _b, pid in ctx.mentions.get(s.index, []) if a < cue]
        _attend(ctx, target, listed)
        if listed and s.span not in target.evidence:
            target.evidence.append(s.span)


def _attend(ctx: Mentions, gathering: Eng, pids: list[int]) -> None:
    """The officials among ``pids`` attend the gathering."""
    for pid in pids:
        if pid in ctx.officials and pid not in gathering.participants():
            gathering.counterparts.append(pid)


_GATHERING_IN = re.compile(r"\b(?:summit|forum|conference)\b", re.I)
_EARLIER = re.compile(r"\b(?:last|previous|past)\s+(?:year|month|week)['\u2019]?s?\b", re.I)


def _place_of_the_gathering(ctx: Mentions, engs: list[Eng]) -> None:
    """ "Presidents will convene Monday in Puerto Iguazu for the 62nd bloc summit ... The
    Summit's agenda will kick off Monday with ...": a summit or forum told with no place is
    at the one town the report's dateline and its sentences about a summit or forum (not last
    year's) name with "in" or "at"."""
    towns, countries = {}, set()
    line = ctx.dateline
    if line is not None and not line.is_country:
        towns[place_key(line)], countries = line, {line.country}
    for s in ctx.sentences:
        if s.kind != "body" or not _GATHERING_IN.search(s.text) or _EARLIER.search(s.text):
            continue
        for pm in ctx.places.get(s.index, []):
            if pm.context in ("in", "at"):
                countries.add(pm.place.country)
                if pm.kind == "city":
                    towns[place_key(pm.place)] = pm.place
    if len(towns) != 1 or len(countries) != 1:
        return  # none, or several places a gathering could be at
    (town,) = towns.values()
    for e in engs:
        if e.kind not in ("summit", "conference") or e.cancelled:
            continue
        if not e.place or (e.place.is_country and e.place.country == town.country):
            e.place, e.place_explicit = town, False  # "arrived in India for the summit"


# "The five leaders are President A of Namibia, President B of Mozambique and ..."
_THE_LEADERS_ARE = re.compile(
    r"^\W*the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[a-z]+\s+)?"
    r"(?:leaders|presidents|ministers|officials|heads\s+of\s+state|visitors|guests)\s+"
    r"(?:are|were|include|included)\b",
    re.I,
)
_SEPARATELY = re.compile(r"\b(?:separate(?:ly)?|individual(?:ly)?|one-on-one|bilateral)\b", re.I)


def _counterparts_listed_after(ctx: Mentions, engs: list[Eng]) -> list[Eng]:
    """ "Hu held separate meetings with presidents of five African countries ... The five
    leaders are A, B, C, D and E": the meeting told with no named counterpart is with those the
    next sentence lists (one meeting with each when told as separate)."""
    out = list(engs)
    for s in ctx.sentences:
        if s.kind != "body" or not _THE_LEADERS_ARE.match(s.text) or s.index == 0:
            continue
        listed = [pid for _a, _b, pid in ctx.mentions.get(s.index, []) if pid in ctx.officials]
        told = [
            e
            for e in out
            if e.sentence == s.index - 1
            and e.kind in ("meeting", "talks", "call")
            and not any(isinstance(c, int) for c in e.counterparts)
        ]
        if not listed or len(told) != 1:
            continue
        e = told[0]
        others = [pid for pid in listed if pid not in e.subject]
        if _SEPARATELY.search(ctx.sentences[e.sentence].text):
            copies = [
                replace(e, counterparts=[pid], group=-1, evidence=[*e.evidence, s.span])
                for pid in others
            ]
            out[out.index(e) : out.index(e) + 1] = copies
        else:
            e.counterparts = others
            e.evidence = [*e.evidence, s.span]
    return out


def _resolve_placeholders(ctx: Mentions, engs: list[Eng]) -> None:
    """ "his counterparts from Mexico and Canada": each becomes the official of that country the
    text names (the first of the subject's title family, else the only one), unless one from
    there is a counterpart already; one it cannot name is dropped."""
    for e in engs:
        new: list[int | str] = []
        for cp in e.counterparts:
            if isinstance(cp, int):
                new.append(cp)
                continue
            code = cp[3:]
            if any(isinstance(x, int) and ctx.people[x].country == code for x in e.counterparts):
                continue
            subj_fam = title_family(ctx.people[e.subject[0]].title) if e.subject else None
            cands = [
                p
                for p in ctx.people
                if p.country == code and p.id in ctx.officials and p.id not in e.subject
            ]
            pick = None
            same = [p for p in cands if subj_fam and title_family(p.title) == subj_fam]
            if len(same) >= 1:
                pick = min(same, key=lambda p: p.first)
            elif len(cands) == 1 and (subj_fam is None or title_family(cands[0].title) is None):
                pick = cands[0]
            if pick is not None and pick.id not in new:
                new.append(pick.id)
        e.counterparts = new


def _drop_orphans(engs: list[Eng]) -> list[Eng]:
    """An unnamed counterpart leaves a speaker-only copy: drop it when a sibling has a name."""
    out = []
    for e in engs:
        orphan = e.group >= 0 and not e.counterparts
        if orphan and any(o is not e and o.group == e.group and o.counterparts for o in engs):
            continue
        out.append(e)
    return out


def place_key(place: Place | None) -> str | None:
    """What two mentions of one place have in common ("Washington" / "washington")."""
    return normalize_key(place.name) if place else None


def merge_engagements(engs: list[Eng]) -> list[Eng]:
    """One engagement per meeting: the same participants, kind of contact (call or not), dates
    that can meet, the same country, tenses that agree, and for one person alone the same
    title or place. The first told keeps the others' details."""
    out: list[Eng] = []
    for e in engs:
        parts = set(e.participants())
        target = None
        for o in out:
            if set(o.participants()) != parts:
                continue
            if (e.kind == "call") != (o.kind == "call"):
                continue
            if (
                e.res.known
                and o.res.known
                and (e.res.start > o.res.end or o.res.start > e.res.end)
                and abs((e.res.start - o.res.end).days) > 1
                and abs((o.res.start - e.res.end).days) > 1
            ):
                continue
            if e.place and o.place and e.place.country != o.place.country:
                continue
            if {e.tense, o.tense} == {"past", "future"} and not (e.res.known and o.res.known):
                continue
            same_group = e.group >= 0 and e.group == o.group
            if (
                len(parts) == 1
                and not same_group
                and not (
                    _titles_agree(e.title, o.title)
                    or (place_key(e.place) and place_key(e.place) == place_key(o.place))
                )
            ):
                continue
            if _titles_differ(e.title, o.title):
                continue  # "the ASEAN-India Summit and the East Asia Summit"
            target = o
            break
        if target is None:
            out.append(e)
            continue
        if KIND_RANK[e.kind] > KIND_RANK[target.kind]:
            target.kind = e.kind
        target.title = target.title or e.title
        if e.place and (not target.place or (e.place_explicit and not target.place_explicit)):
            target.place, target.place_explicit = e.place, e.place_explicit
        _take_dates_and_evidence(target, e)
        if e.not_before and (target.not_before is None or e.not_before > target.not_before):
            target.not_before = e.not_before
        target.cancelled = target.cancelled or e.cancelled
        target.confidence = min(0.95, max(target.confidence, e.confidence) + 0.05)
    return out


# the words every gathering's name may have: what tells two names apart is the rest
_GENERIC_TITLE_WORDS = frozenset({
    "the", "of", "on", "for", "and", "in", "a", "an", "summit",
    "summits", "conference", "forum", "dialogue", "talks", "meeting", "meetings",
    "ministerial", "session",
    "leaders", "leaders'", "heads", "state", "government", "annual", "special",
})  # fmt: skip


def _title_words(title: str | None) -> tuple[set[str], set[str]]:
    words = set(normalize_key(title).split()) if title else set()
    own = {w for w in words if w not in _GENERIC_TITLE_WORDS and not w[:1].isdigit()}
    return words, own


def _one_gathering_per_name(engs: list[Eng]) -> list[Eng]:
    """ "The G20 Summit ... in New Delhi on September 9-10", then "leaders have arrived in
    India for the G20 Summit": one summit by one name, at dates and in a country that can
    meet, is one gathering - with everyone told at it, the city over the country."""
    out: list[Eng] = []
    for e in engs:
        target = None
        if e.kind in ("summit", "conference") and e.title:
            target = next((o for o in out if _same_gathering(o, e)), None)
        if target is None:
            out.append(e)
            continue
        target.counterparts += [p for p in e.participants() if p not in target.participants()]
        if e.place and (
            not target.place
            or (target.place.is_country and not e.place.is_country)
            or (e.place_explicit and not target.place_explicit and not e.place.is_country)
        ):
            target.place, target.place_explicit = e.place, e.place_explicit
        _take_dates_and_evidence(target, e)
    return out


def _take_dates_and_evidence(target: Eng, e: Eng) -> None:
    """What one telling of an engagement adds to the one it is merged into."""
    if e.res.known:
        target.res = _combine(target.res, e.res) if target.res.known else e.res
    if target.tense == "unknown":
        target.tense = e.tense
    target.visitors += [p for p in e.visitors if p not in target.visitors]
    target.evidence += [x for x in e.evidence if x not in target.evidence]


def _same_gathering(o: Eng, e: Eng) -> bool:
    if o.kind != e.kind or not o.title or o.cancelled != e.cancelled:
        return False
    if not _titles_agree(o.title, e.title) or _titles_differ(o.title, e.title):
        return False
    if e.place and o.place and e.place.country != o.place.country:
        return False
    if e.res.known and o.res.known:
        gap = max((e.res.start - o.res.end).days, (o.res.start - e.res.end).days)
        if gap > 2:
            return False
    return True


def _titles_agree(a: str | None, b: str | None) -> bool:
    """Two names of one gathering: a word in common, and no two different names."""
    (wa, oa), (wb, ob) = _title_words(a), _title_words(b)
    return bool(wa & wb) and not (oa and ob and not oa & ob)


def _titles_differ(a: str | None, b: str | None) -> bool:
    """Two gatherings' own names with nothing in common but "summit"."""
    (_wa, oa), (_wb, ob) = _title_words(a), _title_words(b)
    return bool(oa and ob and not oa & ob)


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def _combine(a: Resolved, b: Resolved) -> Resolved:
    """Two dates of one event: a finer one inside a coarser one wins ("last year" / "in
    November"); otherwise the span covering both."""
    ra, rb = _PRECISION_RANK[a.precision], _PRECISION_RANK[b.precision]
    if rb < ra and a.start <= b.start and b.end <= a.end:
        return b
    if ra < rb and b.start <= a.start and a.end <= b.end:
        return a
    prec = a.precision if ra <= rb else b.precision
    return Resolved(min(a.start, b.start), max(a.end, b.end), prec)


def _merge_stops(stops: list[Stop]) -> dict[int, list[Stop]]:
    """Each traveller's stops, one per stay: the same place (or a city in a country named
    alone), dates within weeks, tenses that agree."""
    trips: dict[int, list[Stop]] = {}
    for st in stops:
        lst = trips.setdefault(st.traveler, [])
        same = None
        for o in lst:
            if (
                o.res.known
                and st.res.known
                and (
                    abs((o.res.start - st.res.end).days) > 45
                    and abs((st.res.start - o.res.end).days) > 45
                )
            ):
                continue
            if {o.tense, st.tense} == {"past", "future"} and (
                place_key(o.place) != place_key(st.place) or not (o.res.known and st.res.known)
            ):
                continue  # "last visited Turkey in 2020" is not the visit he "would" make
            if place_key(o.place) == place_key(st.place) or (
                st.place.country
                and st.place.country == o.place.country
                and (st.place.is_country or o.place.is_country)
            ):
                same = o
                break
        if same is None:
            lst.append(st)
            continue
        if same.place.is_country and not st.place.is_country:
            same.place = st.place
        if st.res.known:
            if same.res.known:
                a, b = same.res, st.res
                if a.start <= b.start and b.end <= a.end:
                    same.res = b  # "next week", then "from November 13 to 17": the days told
                elif week_and_days(a, b):
                    # "next week" (11-17), then "from November 17 to 21": the days told
                    same.res = min(a, b, key=lambda r: (r.end - r.start).days)
                elif not (b.start <= a.start and a.end <= b.end):
                    same.res = Resolved(min(a.start, b.start), max(a.end, b.end), "day")
            else:
                same.res = st.res
        same.evidence += [x for x in st.evidence if x not in same.evidence]
        same.sent_ids = sorted(set(same.sent_ids + st.sent_ids + [st.sentence]))
        same.cancelled = same.cancelled and st.cancelled
    return trips


def week_and_days(a: Resolved, b: Resolved) -> bool:
    """Two overlapping spans of one stay, neither inside the other, one of them a week or
    more long: a week told loosely and the days told exactly."""
    if a.end < b.start or b.end < a.start:
        return False
    spans = sorted([(a.end - a.start).days, (b.end - b.start).days])
    return spans[1] >= 6 and spans[0] < spans[1]


def absorb_lone_mentions(engs: list[Eng]) -> list[Eng]:
    """ "flew to Washington after talks in Paris": a one-person, untitled meeting at a place
    where a fuller engagement of that person is reported is that engagement."""
    out = []
    for e in engs:
        parts = [p for p in e.participants() if isinstance(p, int)]
        host = None
        if len(parts) == 1 and e.kind in ("meeting", "talks") and not e.title and e.place:
            for o in engs:
                if (
                    o is not e
                    and o.kind != "call"
                    and parts[0] in o.participants()
                    and len(o.participants()) > 1
                    and place_key(o.place) == place_key(e.place)
                    and o.cancelled == e.cancelled
                ):
                    host = o
                    break
        if host is None:
            out.append(e)
            continue
        host.evidence += [x for x in e.evidence if x not in host.evidence]
        if not host.res.known:
            host.res = e.res
    return out
