"""The extraction pipeline: people, engagements, trips and agreements from one article."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from . import gazetteer as gz
from .agreements import find_agreements
from .dates import (
    Resolved,
    resolve,
)
from .events import find_events
from .mentions import find_mentions
from .models import Document, Engagement, Official, Place, Trip, TripStop
from .sentences import read_text
from .stages import Eng, Mentions, Stop
from .text import normalize_key
from .titles import title_family
from .triggers import (
    IN_PERSON,
    KIND_RANK,
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


def _resolve_placeholders(ctx: Mentions, engs: list[Eng], officials: set[int]) -> None:
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
                if p.country == code and p.id in officials and p.id not in e.subject
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


def _key(place: Place | None) -> str | None:
    return normalize_key(place.name) if place else None


def _merge_engagements(engs: list[Eng]) -> list[Eng]:
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
                    (
                        e.title
                        and o.title
                        and set(normalize_key(e.title).split())
                        & set(normalize_key(o.title).split())
                    )
                    or (_key(e.place) and _key(e.place) == _key(o.place))
                )
            ):
                continue
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
        if e.res.known:
            if target.res.known:
                target.res = _combine(target.res, e.res)
            else:
                target.res = e.res
        if target.tense == "unknown":
            target.tense = e.tense
        if e.not_before and (target.not_before is None or e.not_before > target.not_before):
            target.not_before = e.not_before
        target.cancelled = target.cancelled or e.cancelled
        target.visitors += [p for p in e.visitors if p not in target.visitors]
        target.evidence += [x for x in e.evidence if x not in target.evidence]
        target.confidence = min(0.95, max(target.confidence, e.confidence) + 0.05)
    return out


NARRATIVE_CUE = re.compile(
    r"\b(?:later|earlier)\s+(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?P<today>today|in\s+the\s+day))\b"
)


def _narrative_day(ctx: Mentions) -> date | None:
    """The day a report is told from, when the text names it.

    "He was to brief reporters later Wednesday" / "Earlier Wednesday, ..." presuppose a
    reference time on that Wednesday: the day of the events the report leads with. Only a
    day on or just before publication counts, and two different such days cancel out.
    """
    pub = ctx.published
    if pub is None:
        return None
    days: set[date] = set()
    for s in ctx.sentences:
        if s.kind != "body":
            continue
        for m in NARRATIVE_CUE.finditer(s.text):
            if m.group("today"):
                days.add(pub)
                continue
            wd = WEEKDAYS_IDX[m.group("wd").lower()]
            back = (pub.weekday() - wd) % 7
            if back <= 1:
                days.add(pub - timedelta(days=back))
    if not days:
        days = _lede_day(ctx)
    return days.pop() if len(days) == 1 else None


def _lede_day(ctx: Mentions) -> set[date]:
    """ "KAMPALA, July 26 (Reuters) - Lavrov on Tuesday told ...": the one day the first
    sentence of the report gives, when it is the day of publication or the day before."""
    pub = ctx.published
    lede = next((s for s in ctx.sentences if s.kind == "body"), None)
    if pub is None or lede is None:
        return set()
    aside = re.search(r",\s+(?:who|which|where|when|after|since)\b", lede.text)
    days = {
        r.start
        for r in (
            resolve(d, pub, "past")
            for d in ctx.dates[lede.index]
            if not aside or d.start_off - lede.start < aside.start()
        )
        if r.known and r.precision == "day" and r.start == r.end
    }
    return {d for d in days if 0 <= (pub - d).days <= 1} if len(days) == 1 else set()


def _date_lede_by_narrative_day(ctx: Mentions, engs: list[Eng]) -> None:
    """Undated past events of the lead paragraphs happened on the report's narrative day,
    provided that day lies inside what the text already bounds them to."""
    day = _narrative_day(ctx)
    if day is None:
        return
    body = [s.paragraph for s in ctx.sentences if s.kind == "body"]
    if not body:
        return
    lede = sorted(set(body))[:2]
    for e in engs:
        if e.cancelled or e.tense != "past":
            continue
        if ctx.sentences[e.sentence].paragraph not in lede:
            continue
        if e.res.known:
            bounded = e.not_before is not None and e.res.start <= day <= e.res.end
            if not bounded:
                continue
        elif e.not_before and day < e.not_before:
            continue
        e.res = Resolved(day, day, "day")


WEEKDAYS_IDX = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip


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


SIDELINES = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines|margins?)\s+of\b", re.I)


def _place_by_sidelines(ctx: Mentions, engs: list[Eng]) -> None:
    """ "X met Y on the sidelines of the ASEAN summit in Vientiane in October": the meeting
    is where and when the gathering it was held at took place."""
    for e in engs:
        if e.kind not in ("meeting", "talks") or e.place:
            continue
        sent = ctx.sentences[e.sentence]
        if not SIDELINES.search(sent.text):
            continue
        for o in engs:
            if (
                o is not e
                and o.kind in ("summit", "conference", "dialogue")
                and o.place
                and o.sentence == e.sentence
            ):
                e.place, e.place_explicit = o.place, True
                if not e.res.known:
                    e.res = o.res
                break


SIMULTANEOUS = re.compile(r"^\W*(?:at\s+the\s+same\s+time|simultaneously)\b", re.I)


def _date_simultaneous(ctx: Mentions, engs: list[Eng]) -> None:
    """ "At the same time in Kabul, Esper met Ghani": the day of the event told just before."""
    for e in engs:
        if e.res.known or e.cancelled or e.tense == "future":
            continue
        if not SIMULTANEOUS.search(ctx.sentences[e.sentence].text):
            continue
        prior = [
            o
            for o in engs
            if o.res.known and o.res.precision == "day" and 0 < e.sentence - o.sentence <= 4
        ]
        if prior:
            e.res = max(prior, key=lambda o: o.sentence).res


def _same_stay(a: Resolved, b: Resolved) -> bool:
    """Two dates that can belong to one stay in a country (either unknown, or within weeks):
    "last visited the Philippines in February 2023" is not the Manila meeting of 2024."""
    if not (a.known and b.known):
        return True
    return (a.start - b.end).days <= 45 and (b.start - a.end).days <= 45


def _date_from_sentence_mates(engs: list[Eng]) -> None:
    """ "Before his talks with Scholz, Erdogan was received by Steinmeier": an undated
    engagement told in a sentence that also reports a dated one of the same participant
    happened on that day."""
    for e in engs:
        if e.res.known or e.cancelled:
            continue
        parts = {p for p in e.participants() if isinstance(p, int)}
        for o in engs:
            if (
                o is not e
                and o.res.known
                and o.res.precision == "day"
                and not o.cancelled
                and parts & set(o.participants())
                and set(e.evidence) & set(o.evidence)
            ):
                e.res = o.res
                break


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
                exact = _key(st.place) == _key(e.place)
                same = exact or (st.place.is_country and st.place.country == e.place.country)
                gap = min(abs(e.sentence - k) for k in set(st.sent_ids + [st.sentence]))
                # the stop named by that very city, then the one told nearest, wins
                if same and gap <= 3 and (best is None or (not exact, gap) < best[0]):
                    best = ((not exact, gap), st)
            if best:
                e.res = best[1].res
            if e.res.known:
                break


def _absorb_lone_mentions(engs: list[Eng]) -> list[Eng]:
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
                    and _key(o.place) == _key(e.place)
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


def _refine_from_captions(ctx: Mentions, engs: list[Eng]) -> None:
    """A photo caption naming the participants with an exact date ("... during a meeting in
    Woodside, California, November 15, 2023") pins down a month the body gave."""
    for s in ctx.sentences:
        if s.kind != "caption":
            continue
        who = {pid for _a, _b, pid in ctx.mentions.get(s.index, [])}
        if len(who) < 2:
            continue
        days = [
            r
            for r in (resolve(d, ctx.pub_at(s.start), "past") for d in ctx.dates[s.index])
            if r.known and r.precision == "day" and r.start == r.end
        ]
        if len(days) != 1:
            continue
        day = days[0]
        for e in engs:
            parts = {p for p in e.participants() if isinstance(p, int)}
            if (
                len(parts) >= 2
                and parts <= who
                and e.res.known
                and e.res.precision in ("month", "year")
                and e.res.start <= day.start <= e.res.end
            ):
                e.res = day


def _merge_stops(stops: list[Stop]) -> dict[int, list[Stop]]:
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
                _key(o.place) != _key(st.place) or not (o.res.known and st.res.known)
            ):
                continue  # "last visited Turkey in 2020" is not the visit he "would" make
            if _key(o.place) == _key(st.place) or (
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
                same.res = Resolved(
                    min(same.res.start, st.res.start), max(same.res.end, st.res.end), "day"
                )
            else:
                same.res = st.res
        same.evidence += [x for x in st.evidence if x not in same.evidence]
        same.sent_ids = sorted(set(same.sent_ids + st.sent_ids + [st.sentence]))
        same.cancelled = same.cancelled and st.cancelled
    return trips


SAME_DAY = re.compile(
    r"\b(?:(?:earlier|later)\s+(?:in\s+)?(?:the|that)\s+day|(?:on\s+)?the\s+same\s+day|"
    r"(?:earlier|later)\s+that\s+(?:morning|afternoon|evening))\b",
    re.I,
)


def _same_day(ctx: Mentions, engs: list[Eng]) -> None:
    """ "Earlier in the day, Rubio met ...", "On the same day, Li met ...": an undated event
    told after a dated one took place that day, and there, unless its sentence says where."""
    prev = None  # the last event told with a day's precision
    for e in sorted(engs, key=lambda e: e.evidence[0][0]):
        if (
            not e.res.known
            and prev is not None
            and prev.res.start == prev.res.end
            and SAME_DAY.search(ctx.sentences[e.sentence].text)
        ):
            e.res, e.tense = prev.res, prev.tense
            if e.place is None and e.kind in IN_PERSON and prev.kind in IN_PERSON:
                e.place = prev.place
        if e.res.known and e.res.precision == "day":
            prev = e


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
                if _key(e.place) != _key(st.place) or e.res.precision != "day":
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
    _resolve_placeholders(ctx, ev.engagements, officials)
    engs = _drop_orphans(ev.engagements)
    engs = _merge_engagements(engs)
    _host_countries(ctx, engs)
    trips = _merge_stops(ev.stops)
    _place_by_sidelines(ctx, engs)
    _same_day(ctx, engs)
    _stops_from_engagements(ctx, engs, trips)
    _inherit_places(ctx, engs, trips)
    engs = _merge_engagements(engs)
    _date_lede_by_narrative_day(ctx, engs)
    if ctx.dateline and ctx.dateline.latitude is not None and published:
        first_par = next((s.paragraph for s in sentences if s.kind == "body"), 0)
        for e in engs:
            if e.place or e.kind == "call" or e.cancelled:
                continue
            sent = sentences[e.sentence]
            recent = not e.res.known or (
                e.res.end <= published and (published - e.res.start).days <= 2
            )
            if recent and e.tense != "future" and sent.paragraph - first_par <= 2:
                e.place = ctx.dateline
    _date_from_sentence_mates(engs)
    _date_simultaneous(ctx, engs)
    _extend_stops(engs, trips)
    _inherit_dates(engs, trips)
    engs = _absorb_lone_mentions(engs)
    _refine_from_captions(ctx, engs)
    for pid, stops in trips.items():
        for st in stops:
            here = [e for e in engs if pid in e.participants() and _key(e.place) == _key(st.place)]
            if here and all(e.cancelled for e in here):
                st.cancelled = True

    # stops without any engagement there become visits
    for pid, stops in trips.items():
        for st in stops:
            if any(pid in e.participants() and _key(e.place) == _key(st.place) for e in engs):
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


def _host_countries(ctx: Mentions, engs: list[Eng]) -> None:
    """An official whose country was only guessed, met in person by a visitor from another
    country, at places all in one country: that country is theirs ("Lavrov met President
    Sisi in Cairo"). The visitor is whoever travelled there, or an official of another
    country stated in the text."""
    seen: dict[int, set[str]] = {}
    for e in engs:
        if e.kind not in IN_PERSON or e.cancelled or not e.place or not e.place.country:
            continue
        where = e.place.country
        people = [ctx.people[x] for x in e.participants() if isinstance(x, int)]
        stated = [q for q in people if q.country and not q.country_guessed]
        for p in people:
            if not p.country_guessed or p.id in e.visitors:
                continue
            if any(q is not p and q.country not in ("SELF", "ORG", where) for q in stated):
                seen.setdefault(p.id, set()).add(where)
    for pid, places in seen.items():
        p = ctx.people[pid]
        if len(places) == 1 and p.country not in places:
            p.country = places.pop()


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
                same = _key(st.place) == _key(place)
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
