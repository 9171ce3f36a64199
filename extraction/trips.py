"""Stage 5, trips: takes the Mentions and the Groups, returns the Trips. Engagements and trips
lend each other what they know: an official who met people abroad travelled there (a stop), an
engagement with no place told took place at its participant's stop of that day, an undated one
during the stay its place belongs to, and a stop spans the days of the engagements there. A stop
where every engagement was called off is called off; a stop with no engagement there becomes a
visit. With the places from the trips in, the grouping and carry-over passes that need them run
here too, each marked. Last, who travels with whom: a trip's companions (companions.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import gazetteer as gz
from .carryover import (
    SIDELINES,
    called_visiting,
    date_from_later_mention,
    date_from_sentence_mates,
    date_from_the_one_before,
    date_lede_by_narrative_day,
    date_lede_perfect,
    date_simultaneous,
    place_by_dateline,
    refine_from_captions,
)
from .companions import find_companions
from .dates import Resolved
from .grouping import absorb_lone_mentions, merge_engagements, place_key
from .lending import (
    extend_stops,
    inherit_dates,
    inherit_places,
    news_of_the_day,
    share_within_meeting,
)
from .models import Place
from .stages import Eng, Groups, Mentions, Stop, Trips
from .triggers import IN_PERSON


def build_trips(ctx: Mentions, groups: Groups) -> Trips:
    """Works on the groups' engagements and trips in place; returns the final ones."""
    engs, trips = groups.engagements, groups.trips
    _stops_from_engagements(ctx, engs, trips)
    inherit_places(ctx, engs, trips)
    share_within_meeting(engs)
    engs = merge_engagements(engs)  # grouping, run late: places lent by trips make more one
    date_lede_by_narrative_day(ctx, engs)  # grouping (carryover), run late: on the re-merged
    date_lede_perfect(ctx, engs)  # grouping (carryover), run late: on the re-merged
    unplaced = {id(e) for e in engs if not e.place}
    place_by_dateline(ctx, engs)  # grouping (carryover), run late: where no trip lent a place
    date_from_sentence_mates(engs)  # grouping (carryover), run late: on the re-merged
    date_simultaneous(ctx, engs)  # grouping (carryover), run late: on the re-merged
    date_from_later_mention(ctx, engs)  # grouping (carryover), run late: on the re-merged
    date_from_the_one_before(ctx, engs)  # grouping (carryover), run late: on the re-merged
    # again for summits and forums, and for meetings placed at the dateline since: the places
    # and dates lent since
    again = [e for e in engs if _at_a_gathering(ctx, e) or (id(e) in unplaced and e.place)]
    _stops_from_engagements(ctx, again, trips)
    extend_stops(engs, trips)
    inherit_dates(engs, trips)
    share_within_meeting(engs)
    engs = absorb_lone_mentions(engs)  # grouping, run late: needs the places and dates lent
    refine_from_captions(ctx, engs)  # grouping (carryover), run late: after every other date
    _dateline_city(ctx, trips)
    _cities_over_countries(engs, trips)
    _no_stops_at_home(ctx, trips)
    _cancel_stops(engs, trips)
    _one_stop_per_stay(trips)
    _sideline_partners_attend(ctx, engs)
    engs = _drop_bare_gatherings(engs)
    news_of_the_day(ctx, engs, trips)
    companions = find_companions(ctx, trips)
    _companions_travel_along(trips, companions, ctx.published)
    _visits_from_stops(ctx, engs, trips, {c for cs in companions.values() for c in cs})
    return Trips(engs, trips, companions)


_ORG_SEAT_COUNTRIES = frozenset(cc for _acr, _city, cc in gz.ORGANIZATIONS.values() if cc)


# "the two leaders last met in Geneva": a meeting recalled, not a trip of this story
_BACKGROUND_MEETING = re.compile(r"\b(?:last|first|previously|had)\s+met\b", re.I)


def _stops_from_engagements(ctx: Mentions, engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """An official meeting people abroad travelled there: the subject of "X met Y in P" and the
    guest of "X hosted Y in P", when serving another government than P's, get a stop at P,
    unless the trip already has a stop there or in that country at that time."""
    order = max((st.order for stops in trips.values() for st in stops), default=0)
    for e in sorted(engs, key=lambda e: e.evidence[0][0]):
        place = e.place
        if e.kind not in IN_PERSON or e.cancelled or not place or not place.country:
            continue
        # at a summit abroad every leader came from elsewhere, and so did those meeting on
        # its sidelines; at a meeting, the visitors did
        parts = [x for x in e.participants() if isinstance(x, int)]
        # "summit talks" of two leaders, unnamed, are a meeting: the host did not travel
        two_leaders = e.kind == "summit" and not e.title and len(parts) == 2 and bool(e.visitors)
        gathering = _at_a_gathering(ctx, e) and not two_leaders
        came = parts if gathering else e.visitors
        if came and all(_stated_home(ctx, x, place.country) for x in came):
            # "Mammadyarov met ... his Mongolian counterpart" in Baku: the one said to act is at
            # home there, so the one from abroad came
            came = _from_abroad(ctx, e, came, place.country)
        if not came and not e.counterparts and e.leg:
            came = list(e.subject)  # "meetings in Zimbabwe on Jan. 11, in Rwanda on ..."
        homes = {ctx.people[x].country for x in e.participants() if isinstance(x, int)}
        if not gathering and place.country in homes:
            came = came + [x for x in called_visiting(ctx, e) if x not in came]
            pub = ctx.published
            if (
                pub
                and e.res.known
                and abs((e.res.start - pub).days) <= 7
                and not _BACKGROUND_MEETING.search(ctx.sentences[e.sentence].text)
            ):
                # "Rouhani and his Turkish counterpart Gul" in Ankara this week: the one from
                # abroad came
                came += _from_abroad(ctx, e, came, place.country)
        if (
            not gathering
            and place.country not in homes
            and len(homes - {None}) > 1
            and not _BACKGROUND_MEETING.search(ctx.sentences[e.sentence].text)
        ):
            # "X met Y in Bali", two governments, neither of them at home: both came
            came = came + _from_abroad(ctx, e, came, place.country)
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
                if st.place.is_country > place.is_country and not st.cancelled:
                    # "the trip will also take him to El Salvador", then a meeting in San
                    # Salvador: that is the stop, in the city (on the meeting's day if the
                    # stop had none)
                    st.place = place
                    if not st.res.known:
                        st.res, st.tense = e.res, e.tense
                    st.evidence = [*st.evidence, *e.evidence]
                    clash = True
                    break
                if same and not st.res.known and e.res.known and not st.cancelled:
                    st.res = e.res  # "a visit to Gabon", then "meetings in Gabon on Jan. 13"
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


def _at_a_gathering(ctx: Mentions, e: Eng) -> bool:
    """A summit or forum, or a meeting on its sidelines."""
    return e.kind in ("summit", "conference") or bool(
        SIDELINES.search(ctx.sentences[e.sentence].text)
    )


def _from_abroad(ctx: Mentions, e: Eng, came: list[int], country: str) -> list[int]:
    """The participants not yet in ``came`` who serve, as the text states, another government
    than ``country``'s (the engagement's place's)."""
    return [
        x
        for x in e.participants()
        if isinstance(x, int)
        and x not in came
        and not ctx.people[x].country_guessed
        and ctx.people[x].country not in (None, "SELF", "ORG", country)
    ]


def _stated_home(ctx: Mentions, pid: int, country: str) -> bool:
    p = ctx.people[pid]
    return p.country == country and not p.country_guessed


def _same_stay(a: Resolved, b: Resolved, slack: int = 45) -> bool:
    """Two dates that can belong to one stay in a country (either unknown, or within
    ``slack`` days): "last visited the Philippines in February 2023" is not the Manila
    meeting of 2024."""
    if not (a.known and b.known):
        return True
    return (a.start - b.end).days <= slack and (b.start - a.end).days <= slack


def _no_stops_at_home(ctx: Mentions, trips: dict[int, list[Stop]]) -> None:
    """A traveller's own country is no stop of a trip ("greeted by his Vietnamese counterpart"
    gives the host no trip), nor its capital (going home), when the text says which country
    that is; another town at home may be (a domestic leg: "a stop at Stanford University")."""
    for pid, stops in trips.items():
        p = ctx.people[pid]
        if p.country and not p.country_guessed and p.country not in ("SELF", "ORG"):
            stops[:] = [
                st
                for st in stops
                if st.cancelled
                or st.place.country != p.country
                or not (st.place.is_country or _is_capital(st.place))
            ]


def _cities_over_countries(engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """ "due to leave for Indonesia ... to visit the capital Jakarta": a stop in a country is
    the traveller's stop in a city of it told for that time, which takes its evidence (and its
    dates when it has none), or the one town of that country its engagements were held in then;
    a meeting placed only in that country is in that city too."""
    for stops in trips.values():
        cities = [st for st in stops if not st.place.is_country and st.place.country]
        keep: list[Stop] = []
        for st in stops:
            there = [
                c
                for c in cities
                if st.place.is_country
                and not st.cancelled
                and not c.cancelled
                and c.place.country == st.place.country
                and _same_stay(c.res, st.res, slack=1)
            ]
            if not there:
                keep.append(st)
                continue
            first = there[0]
            first.evidence = [*first.evidence, *st.evidence]
            if not first.res.known and st.res.known and len(there) == 1:
                first.res = st.res
        stops[:] = keep
    for pid, stops in trips.items():
        for st in stops:
            if not st.place.is_country or st.cancelled:
                continue
            # "Mattis is in Vietnam ...", having met Lich in Hanoi today: the stop is Hanoi
            towns = {
                place_key(e.place): e
                for e in engs
                if pid in e.participants()
                and e.kind in IN_PERSON
                and not e.cancelled
                and e.place
                and not e.place.is_country
                and e.place.country == st.place.country
                and _same_stay(st.res, e.res, slack=1)
            }
            if len(towns) == 1:
                (e,) = towns.values()
                st.place = e.place
                if not st.res.known:
                    st.res = e.res
        for e in engs:
            if pid not in e.participants() or not (e.place and e.place.is_country):
                continue
            city = [
                st
                for st in stops
                if not st.place.is_country
                and st.place.country == e.place.country
                and _same_stay(st.res, e.res, slack=1)
            ]
            if len({place_key(st.place) for st in city}) == 1:
                e.place = city[0].place


def _dateline_city(ctx: Mentions, trips: dict[int, list[Stop]]) -> None:
    """ "HANOI: ... on a two-day official visit to Vietnam": a stop told only by its country,
    under way or undated, is in the dateline's city when the report is filed from that
    country and the trip names no other city of it."""
    city, pub = ctx.dateline, ctx.published
    if city is None or city.is_country or not city.country:
        return
    for stops in trips.values():
        if any(not st.place.is_country and st.place.country == city.country for st in stops):
            continue
        for st in stops:
            if not st.place.is_country or st.place.country != city.country or st.cancelled:
                continue
            if st.tense == "future":
                continue
            if st.res.known and pub and not _same_stay(st.res, Resolved(pub, pub, "day"), 2):
                continue
            st.place = replace(city, span=None)


def _drop_bare_gatherings(engs: list[Eng]) -> list[Eng]:
    """ "The summit would have to wait": a summit or forum told with no name, place, day or
    second attendee has nothing to show."""
    return [
        e
        for e in engs
        if not (
            e.kind in ("summit", "conference")
            and not (e.place or e.res.known or e.title)
            and len([x for x in e.participants() if isinstance(x, int)]) < 2
        )
    ]


def _one_stop_per_stay(trips: dict[int, list[Stop]]) -> None:
    """Two stops of a traveller at one place on the same days (told apart in the text, then
    given the days of the engagements there) are one stay."""
    for stops in trips.values():
        keep: list[Stop] = []
        for st in stops:
            twin = next(
                (
                    k
                    for k in keep
                    if place_key(k.place) == place_key(st.place)
                    and k.res == st.res
                    and k.cancelled == st.cancelled
                ),
                None,
            )
            if twin is None:
                keep.append(st)
            else:
                twin.evidence += [x for x in st.evidence if x not in twin.evidence]
        stops[:] = keep


def _of_the_news(st: Stop, pub: date | None) -> bool:
    """A stop of the report's days: undated, or within two months of publication."""
    return not st.res.known or pub is None or _same_stay(st.res, Resolved(pub, pub, "day"), 60)


def _companions_travel_along(
    trips: dict[int, list[Stop]], companions: dict[int, list[int]], pub: date | None
) -> None:
    """Who accompanies a traveller makes the traveller's stops, on the same days: a stop the
    companion lacks is added, an undated one of the companion's there takes the days."""
    for pid, cs in companions.items():
        current = [st for st in trips.get(pid, []) if _of_the_news(st, pub)]
        for c in cs:
            own = trips.setdefault(c, [])
            for st in trips.get(pid, []):
                if st.cancelled or (current and st not in current):
                    continue  # the trip of the story, not one the report recalls
                twin = next((o for o in own if place_key(o.place) == place_key(st.place)), None)
                if twin is None:
                    own.append(replace(st, traveler=c, evidence=list(st.evidence)))
                elif not twin.res.known and st.res.known:
                    twin.res = st.res


def _is_capital(place: Place) -> bool:
    capital = gz.capital_of().get(place.country or "")
    return capital is not None and place_key(place) in (
        place_key(Place(capital.name)),
        "washington",
    )


def _cancel_stops(engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """A stop where every engagement of its traveller was called off is called off."""
    for pid, stops in trips.items():
        for st in stops:
            here = [
                e
                for e in engs
                if pid in e.participants() and place_key(e.place) == place_key(st.place)
            ]
            if here and all(e.cancelled for e in here):
                st.cancelled = True


def _visits_from_stops(
    ctx: Mentions, engs: list[Eng], trips: dict[int, list[Stop]], companions: set[int]
) -> None:
    """A stop with no engagement of its traveller there becomes a visit (appended to engs),
    unless it is a country the traveller has an engagement in during the stay (and the stop
    was not called off on known dates), or the traveller accompanies another (whose visit it
    is)."""
    for pid, stops in trips.items():
        if pid in companions:
            continue
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
            if _joins_gathering(ctx, engs, pid, st):
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


_GATHERING_WORD = re.compile(
    r"\b(?:summit|forum|conference|gathering|attend\w*|participat\w*|take\s+part)\b", re.I
)


def _joins_gathering(ctx: Mentions, engs: list[Eng], pid: int, st: Stop) -> bool:
    """ "Maduro arrived ... to participate in the regional forum": a stop at a summit or forum
    the report tells of (at its place, or where it gives none, told in a sentence naming a
    gathering, the report's only one or one told near it) makes the traveller one of its
    attendees, not the guest of a visit."""
    if st.cancelled:
        return False
    told = ctx.sentences[st.sentence].text
    gatherings = [e for e in engs if e.kind in ("summit", "conference") and not e.cancelled]
    for e in gatherings:
        if not _same_stay(e.res, st.res, 7):
            continue
        same_place = e.place is not None and place_key(e.place) == place_key(st.place)
        near = len(gatherings) == 1 or abs(e.sentence - st.sentence) <= 3
        if not same_place and not (e.place is None and near and _GATHERING_WORD.search(told)):
            continue
        if e.place is None:
            e.place, e.place_explicit = st.place, False
        if pid not in e.participants():
            e.counterparts.append(pid)
        e.evidence += [x for x in st.evidence if x not in e.evidence]
        return True
    return False


def _sideline_partners_attend(ctx: Mentions, engs: list[Eng]) -> None:
    """ "Lula will hold bilaterals at the G7 summit in Hiroshima ... meet Kishida, Scholz and
    Macron": those met on a summit's sidelines (at its place, on its days or told on its
    sidelines or just after it), when they are several, attend the summit."""
    for g in engs:
        if g.kind != "summit" or not g.place or g.cancelled:
            continue
        partners: list[int] = []
        for m in engs:
            if m.kind not in ("meeting", "talks") or m.cancelled or not m.place:
                continue
            if place_key(m.place) != place_key(g.place) or {m.tense, g.tense} == {"past", "future"}:
                continue
            if g.res.known and m.res.known:
                at_it = m.res.start <= g.res.end and g.res.start <= m.res.end
            else:
                told = ctx.sentences[m.sentence].text
                at_it = bool(SIDELINES.search(told)) or 0 <= m.sentence - g.sentence <= 3
            if not at_it:
                continue
            for pid in m.participants():
                if isinstance(pid, int) and pid not in g.participants() and pid not in partners:
                    partners.append(pid)
        if len(partners) >= 2:  # bilaterals with several: the summit's attendees
            g.counterparts.extend(partners)
