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

from . import gazetteer as gz
from .carryover import (
    SIDELINES,
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
from .grouping import absorb_lone_mentions, merge_engagements, place_key, week_and_days
from .models import Place
from .stages import Eng, Groups, Mentions, Stop, Trips
from .triggers import IN_PERSON


def build_trips(ctx: Mentions, groups: Groups) -> Trips:
    """Works on the groups' engagements and trips in place; returns the final ones."""
    engs, trips = groups.engagements, groups.trips
    _stops_from_engagements(ctx, engs, trips)
    _inherit_places(ctx, engs, trips)
    _share_within_meeting(engs)
    engs = merge_engagements(engs)  # grouping, run late: places lent by trips make more one
    date_lede_by_narrative_day(ctx, engs)  # grouping (carryover), run late: on the re-merged
    date_lede_perfect(ctx, engs)  # grouping (carryover), run late: on the re-merged
    place_by_dateline(ctx, engs)  # grouping (carryover), run late: where no trip lent a place
    date_from_sentence_mates(engs)  # grouping (carryover), run late: on the re-merged
    date_simultaneous(ctx, engs)  # grouping (carryover), run late: on the re-merged
    date_from_later_mention(ctx, engs)  # grouping (carryover), run late: on the re-merged
    date_from_the_one_before(ctx, engs)  # grouping (carryover), run late: on the re-merged
    # again for summits and forums: the places and dates lent since (the dateline's city)
    gatherings = [
        e
        for e in engs
        if e.kind in ("summit", "conference") or SIDELINES.search(ctx.sentences[e.sentence].text)
    ]
    _stops_from_engagements(ctx, gatherings, trips)
    _extend_stops(engs, trips)
    _inherit_dates(engs, trips)
    _share_within_meeting(engs)
    engs = absorb_lone_mentions(engs)  # grouping, run late: needs the places and dates lent
    refine_from_captions(ctx, engs)  # grouping (carryover), run late: after every other date
    _dateline_city(ctx, trips)
    _cities_over_countries(engs, trips)
    _no_stops_at_home(ctx, trips)
    _cancel_stops(engs, trips)
    _one_stop_per_stay(trips)
    engs = _drop_bare_gatherings(engs)
    _news_of_the_day(ctx, engs, trips)
    companions = find_companions(ctx, trips)
    _companions_travel_along(trips, companions)
    _visits_from_stops(engs, trips, {c for cs in companions.values() for c in cs})
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
        gathering = e.kind in ("summit", "conference") or bool(
            SIDELINES.search(ctx.sentences[e.sentence].text)
        )
        came = [x for x in e.participants() if isinstance(x, int)] if gathering else e.visitors
        if not came and not e.counterparts and e.leg:
            came = list(e.subject)  # "meetings in Zimbabwe on Jan. 11, in Rwanda on ..."
        homes = {ctx.people[x].country for x in e.participants() if isinstance(x, int)}
        if not gathering and place.country in homes:
            came = came + [x for x in _called_visiting(ctx, e) if x not in came]
            pub = ctx.published
            if (
                pub
                and e.res.known
                and abs((e.res.start - pub).days) <= 7
                and not _BACKGROUND_MEETING.search(ctx.sentences[e.sentence].text)
            ):
                # "Rouhani and his Turkish counterpart Gul" in Ankara this week: the one from
                # abroad came
                came += [
                    x
                    for x in e.participants()
                    if isinstance(x, int)
                    and x not in came
                    and not ctx.people[x].country_guessed
                    and ctx.people[x].country not in (None, "SELF", "ORG", place.country)
                ]
        if (
            not gathering
            and place.country not in homes
            and len(homes - {None}) > 1
            and not _BACKGROUND_MEETING.search(ctx.sentences[e.sentence].text)
        ):
            # "X met Y in Bali", two governments, neither of them at home: both came
            came = came + [
                x
                for x in e.participants()
                if isinstance(x, int)
                and x not in came
                and not ctx.people[x].country_guessed
                and ctx.people[x].country not in (None, "SELF", "ORG", place.country)
            ]
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


_VISITING = re.compile(r"\b(?:visiting|the\s+visiting)\s+(?:[A-Z][\w.'-]*\s+){0,6}$")


def _called_visiting(ctx: Mentions, e: Eng) -> list[int]:
    """ "Xi met with visiting U.S. Secretary of State Antony Blinken": who the text calls
    visiting in the engagement's sentence."""
    s = ctx.sentences[e.sentence]
    out = []
    for a, _b, pid in ctx.mentions.get(s.index, []):
        if pid in e.participants() and _VISITING.search(ctx.text[max(s.start, a - 80) : a]):
            out.append(pid)
    return out


def _inherit_places(ctx: Mentions, engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """An engagement with no place told took place at a participant's stop: the one of its
    day (or the day next to it), or, undated, the one told in the four sentences before; a
    dated one, at the undated stop in its host's country ("a trip to Ghana and Togo ... On
    Monday, Steinmeier will meet Togo's President"), and an undated one at the one stop in its
    host's country."""
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
            if pick is None:
                hosts = {
                    ctx.people[c].country
                    for c in e.counterparts
                    if isinstance(c, int) and not ctx.people[c].country_guessed
                }
                there = [
                    st
                    for st in stops
                    if st.place.country in hosts
                    and not st.cancelled
                    and (not st.res.known or st.sentence <= e.sentence)
                ]
                if len(there) == 1:
                    pick = there[0]
            if pick:
                e.place = pick.place
                break


def _share_within_meeting(engs: list[Eng]) -> None:
    """ "separate meetings with A, B and C": the copies of one trigger, one per counterpart,
    share the place and the day one of them was lent."""
    by_group: dict[int, list[Eng]] = {}
    for e in engs:
        if e.group != -1:
            by_group.setdefault(e.group, []).append(e)
    for copies in by_group.values():
        placed = {place_key(e.place): e.place for e in copies if e.place}
        dated = {e.res for e in copies if e.res.known}
        for e in copies:
            if e.place is None and len(placed) == 1 and e.kind != "call":
                e.place = next(iter(placed.values()))
            if not e.res.known and len(dated) == 1:
                e.res = next(iter(dated))


def _extend_stops(engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """A stop spans the days of its traveller's engagements there."""
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


def _inherit_dates(engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """An undated engagement at a stop of its participant's dated trip happened during that
    stay ("Yellen will travel to China later this week ... meet He Lifeng in Guangzhou")."""
    for e in engs:
        if not e.place:
            continue
        if e.res.known:
            # "next week ... for meetings of the G20", then "Rio de Janeiro from November 17
            # to 21": the days of the stop there
            days = [
                st.res
                for pid in e.participants()
                if isinstance(pid, int)
                for st in trips.get(pid, [])
                if st.res.known
                and st.place.country == e.place.country
                and week_and_days(e.res, st.res)
                and (st.res.end - st.res.start) < (e.res.end - e.res.start)
            ]
            if len(set(days)) == 1:
                e.res = days[0]
            continue
        for pid in e.participants():
            if not isinstance(pid, int):
                continue
            best = None
            stops = trips.get(pid, [])
            for st in stops:
                # a called-off meeting was planned within the called-off trip's dates
                if not st.res.known or st.cancelled != e.cancelled:
                    continue
                exact = place_key(st.place) == place_key(e.place)
                same = exact or (
                    (st.place.is_country or e.place.is_country)
                    and st.place.country == e.place.country
                )
                gap = min(abs(e.sentence - k) for k in set(st.sent_ids + [st.sentence]))
                # a one-stop trip told before: its meetings there happened during the stay
                near = gap <= 3 or (len(stops) == 1 and exact and st.sentence <= e.sentence)
                # the stop named by that very city, then the one told nearest, wins
                if same and near and (best is None or (not exact, gap) < best[0]):
                    best = ((not exact, gap), st)
            if best:
                e.res = best[1].res
            if e.res.known:
                break


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
    dates when it has none); a meeting placed only in that country is in that city too."""
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


def _news_of_the_day(ctx: Mentions, engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """A stop or an engagement told with no date, not planned and not called off, is the
    report's news: it was under way (or just held) when the report was filed. An engagement
    dated so is less sure."""
    pub = ctx.published
    if pub is None:
        return
    today = Resolved(pub, pub, "day")

    def news(k: int) -> bool:
        # a sentence telling of the past ("had met", "previously", "in recent weeks") is not
        # today's news
        return not _BACKGROUND.search(ctx.sentences[k].text)

    for stops in trips.values():
        for st in stops:
            if not (st.res.known or st.cancelled or st.tense == "future") and news(st.sentence):
                st.res = today
    for e in engs:
        if not (e.res.known or e.cancelled or e.tense == "future") and news(e.sentence):
            e.res = today
            e.confidence *= 0.8


_BACKGROUND = re.compile(
    r"\b(?:had\s+(?:\w+\s+)?(?:met|visited|held|spoken|talked)|previously|last\s+(?:met|visited)|"
    r"ago|recent\s+(?:weeks|months|years|days))\b",
    re.I,
)


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


def _companions_travel_along(
    trips: dict[int, list[Stop]], companions: dict[int, list[int]]
) -> None:
    """Who accompanies a traveller makes the traveller's stops, on the same days: a stop the
    companion lacks is added, an undated one of the companion's there takes the days."""
    for pid, cs in companions.items():
        for c in cs:
            own = trips.setdefault(c, [])
            for st in trips.get(pid, []):
                if st.cancelled:
                    continue
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


def _visits_from_stops(engs: list[Eng], trips: dict[int, list[Stop]], companions: set[int]) -> None:
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
