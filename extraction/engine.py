"""The extraction pipeline: people, engagements, trips and agreements from one article."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from . import gazetteer as gz
from .agreements import find_agreements
from .carryover import (
    date_from_sentence_mates,
    date_lede_by_narrative_day,
    date_simultaneous,
    place_by_dateline,
    refine_from_captions,
)
from .dates import (
    Resolved,
)
from .events import find_events
from .grouping import absorb_lone_mentions, group_events, merge_engagements, place_key
from .mentions import find_mentions
from .models import Document, Engagement, Official, Trip, TripStop
from .sentences import read_text
from .stages import Eng, Mentions, Stop
from .text import normalize_key
from .triggers import (
    IN_PERSON,
)

# --- helpers --------------------------------------------------------------------------------


def _status(res: Resolved, tense: str, pub: date | None, cancelled: bool) -> str:
    if cancelled:
        return "cancelled"
    if res.known and pub:
        if res.end < pub:
            return "held"
        if res.start > pub:
            return "scheduled"
        return "held" if tense == "past" else "scheduled"
    if tense == "past":
        return "held"
    if tense in ("future", "present"):
        return "scheduled"
    return "unknown"


# --- main passes ----------------------------------------------------------------------------


def _same_stay(a: Resolved, b: Resolved) -> bool:
    """Two dates that can belong to one stay in a country (either unknown, or within weeks):
    "last visited the Philippines in February 2023" is not the Manila meeting of 2024."""
    if not (a.known and b.known):
        return True
    return (a.start - b.end).days <= 45 and (b.start - a.end).days <= 45


def _inherit_dates(engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """An undated engagement at a stop of its participant's dated trip happened during that
    stay ("Yellen will travel to China later this week ... meet He Lifeng in Guangzhou")."""
    for e in engs:
        if e.res.known or not e.place:
            continue
        for pid in e.participants():
            if not isinstance(pid, int):
                continue
            best = None
            for st in trips.get(pid, []):
                # a called-off meeting was planned within the called-off trip's dates
                if not st.res.known or st.cancelled != e.cancelled:
                    continue
                exact = place_key(st.place) == place_key(e.place)
                same = exact or (st.place.is_country and st.place.country == e.place.country)
                gap = min(abs(e.sentence - k) for k in set(st.sent_ids + [st.sentence]))
                # the stop named by that very city, then the one told nearest, wins
                if same and gap <= 3 and (best is None or (not exact, gap) < best[0]):
                    best = ((not exact, gap), st)
            if best:
                e.res = best[1].res
            if e.res.known:
                break


def _inherit_places(ctx: Mentions, engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    for e in engs:
        if e.place or e.kind == "call":
            continue
        for pid in e.subject + [c for c in e.counterparts if isinstance(c, int)]:
            stops = trips.get(pid)
            if not stops:
                continue
            pick = None
            if e.res.known:
                for slack in (0, 1):
                    # an arrival day next to the engagement day is the same stay
                    for st in stops:
                        if e.tense == "past" and st.tense == "future":
                            continue  # a held meeting is not at the next stop of the trip
                        if (
                            st.res.known
                            and (st.res.start - e.res.end).days <= slack
                            and (e.res.start - st.res.end).days <= slack
                        ):
                            pick = st
                            break
                    if pick:
                        break
            else:
                best = None
                for st in stops:
                    for sid in set(st.sent_ids + [st.sentence]):
                        if 0 <= e.sentence - sid <= 4 and (best is None or sid > best[0]):
                            best = (sid, st)
                if best:
                    pick = best[1]
            if pick:
                e.place = pick.place
                break


def _extend_stops(engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    for pid, stops in trips.items():
        for st in stops:
            for e in engs:
                if pid not in e.participants() or not e.place or not e.res.known:
                    continue
                if place_key(e.place) != place_key(st.place) or e.res.precision != "day":
                    continue
                if st.res.known:
                    st.res = Resolved(
                        min(st.res.start, e.res.start), max(st.res.end, e.res.end), "day"
                    )
                else:
                    st.res = e.res


def extract_document(text: str, published: date | None) -> Document:
    ctx = find_mentions(read_text(text, published))
    text, sentences, people, mentions = ctx.text, ctx.sentences, ctx.people, ctx.mentions
    ev = find_events(ctx)

    officials = set(ctx.officials)
    groups = group_events(ctx, ev)
    engs, trips = groups.engagements, groups.trips
    _stops_from_engagements(ctx, engs, trips)
    _inherit_places(ctx, engs, trips)
    engs = merge_engagements(engs)
    date_lede_by_narrative_day(ctx, engs)
    place_by_dateline(ctx, engs)
    date_from_sentence_mates(engs)
    date_simultaneous(ctx, engs)
    _extend_stops(engs, trips)
    _inherit_dates(engs, trips)
    engs = absorb_lone_mentions(engs)
    refine_from_captions(ctx, engs)
    for pid, stops in trips.items():
        for st in stops:
            here = [
                e
                for e in engs
                if pid in e.participants() and place_key(e.place) == place_key(st.place)
            ]
            if here and all(e.cancelled for e in here):
                st.cancelled = True

    # stops without any engagement there become visits
    for pid, stops in trips.items():
        for st in stops:
            if any(
                pid in e.participants() and place_key(e.place) == place_key(st.place) for e in engs
            ):
                continue
            if not (st.cancelled and st.res.known) and any(
                pid in e.participants()
                and e.place
                and st.place.is_country
                and e.place.country == st.place.country
                and _same_stay(e.res, st.res)
                for e in engs
            ):
                continue
            engs.append(
                Eng(
                    "visit",
                    [pid],
                    [],
                    st.sentence,
                    list(st.evidence),
                    place=st.place,
                    place_explicit=True,
                    res=st.res,
                    tense=st.tense,
                    cancelled=st.cancelled,
                    confidence=0.5,
                )
            )

    for e in engs:
        for pid in e.participants():
            if isinstance(pid, int):
                officials.add(pid)

    def name(pid: int) -> str:
        p = people[pid]
        return " ".join(p.originals.get(p.name, p.name).split())

    doc = Document(published)
    for p in sorted((people[i] for i in officials), key=lambda p: p.first):
        disp = name(p.id)
        aliases = []
        for f in list(p.forms) + p.mention_forms:
            orig = p.originals.get(f, f)
            orig = " ".join(re.sub(r"['\u2019]s$", "", orig).split())
            if normalize_key(orig) != normalize_key(disp) and normalize_key(orig) not in [
                normalize_key(a) for a in aliases
            ]:
                aliases.append(orig)
        conf = 0.9 if p.title else 0.6
        doc.officials.append(
            Official(
                disp,
                _clean_title(p.title),
                p.country if p.country not in ("SELF", "ORG") else None,
                aliases,
                list(p.mentions),
                conf,
            )
        )
    doc.agreements = find_agreements(ctx.text, sentences, published, people, mentions)
    _date_signings(ctx, engs, doc.agreements)
    pub = published
    for e in sorted(engs, key=lambda e: e.evidence[0][0]):
        parts = [name(p) for p in e.participants() if isinstance(p, int)]
        if not parts:
            continue
        res = e.res
        doc.engagements.append(
            Engagement(
                kind=e.kind,
                participants=parts,
                title=e.title,
                place=e.place,
                start=res.start,
                end=res.end,
                precision=res.precision if res.known else "unknown",
                status=_status(res, e.tense, pub, e.cancelled),
                confidence=round(e.confidence, 2),
                evidence=sorted(e.evidence),
            )
        )
    for pid, stops in trips.items():
        stops = [st for st in stops if not st.cancelled]
        if not stops:
            continue
        stops.sort(key=lambda st: st.order)
        doc.trips.append(
            Trip(
                name(pid),
                [
                    TripStop(
                        st.place,
                        st.res.start,
                        st.res.end,
                        st.res.precision if st.res.known else "unknown",
                        0.6,
                        sorted(st.evidence),
                    )
                    for st in stops
                ],
            )
        )
    return doc


_ORG_SEAT_COUNTRIES = frozenset(cc for _acr, _city, cc in gz.ORGANIZATIONS.values() if cc)


def _stops_from_engagements(ctx: Mentions, engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """An official meeting people abroad travelled there: the subject of "X met Y in P" and the
    guest of "X hosted Y in P", when serving another government than P's, get a stop at P,
    unless the trip already has a stop there or in that country at that time."""
    order = max((st.order for stops in trips.values() for st in stops), default=0)
    for e in sorted(engs, key=lambda e: e.evidence[0][0]):
        place = e.place
        if e.kind not in IN_PERSON or e.cancelled or not place or not place.country:
            continue
        # at a summit abroad every leader came from elsewhere; at a meeting, the visitors did
        gathering = e.kind in ("summit", "conference")
        came = [x for x in e.participants() if isinstance(x, int)] if gathering else e.visitors
        for pid in came:
            home = ctx.people[pid].country
            if not home or home == "SELF" or home == place.country:
                continue
            if home == "ORG" and place.country in _ORG_SEAT_COUNTRIES:
                continue  # an international official may be at home at a headquarters
            stops = trips.setdefault(pid, [])
            clash = False
            for st in stops:
                same = place_key(st.place) == place_key(place)
                if st.place.country != place.country and not same:
                    continue
                if not st.res.known and e.res.known and st.place.is_country > place.is_country:
                    # "the trip will also take him to El Salvador", then a dated meeting
                    # in San Salvador: that is the stop, in the city, on that day
                    st.place, st.res, st.tense = place, e.res, e.tense
                    st.evidence = [*st.evidence, *e.evidence]
                    clash = True
                    break
                slack = 7 if same else 1  # one stay, however its days are reported
                if not (st.res.known and e.res.known) or (
                    (st.res.start - e.res.end).days <= slack
                    and (e.res.start - st.res.end).days <= slack
                ):
                    clash = True
                    break
            if clash:
                continue
            order += 1
            stops.append(
                Stop(pid, place, e.res, e.sentence, list(e.evidence), order, e.tense, False)
            )


def _date_signings(ctx: Mentions, engs: list[Eng], agreements: list) -> None:
    """An undated signing ("Goyal signed the agreement in New Delhi with ...") happened on the
    date the article gives for signing that agreement in the same or a preceding sentence."""
    starts = [s.start for s in ctx.sentences]
    for e in engs:
        if not e.signing or e.res.known:
            continue
        for ag in agreements:
            if ag.date is None or ag.precision != "day":
                continue
            idx = {bisect_right(starts, a) - 1 for a, _b in ag.evidence}
            if any(0 <= e.sentence - k <= 2 for k in idx):
                e.res = Resolved(ag.date, ag.date, "day")
                break


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    t = " ".join(title.split())
    if t.islower() or t[:1].islower():
        t = " ".join(
            w if w in ("of", "for", "and", "the", "to") else w[:1].upper() + w[1:]
            for w in t.split()
        )
    return t
