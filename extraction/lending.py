"""Stage 5, trips (its lending passes, called by trips.py): engagements and trips lend each
other what they know. An engagement with no place told took place at its participant's stop of
that day; an undated one during the stay its place belongs to; the copies of one meeting share
what one of them was lent; a stop spans the days of the engagements there; and what is told
with no date at all, neither planned nor called off, is the news of the report's day."""

from __future__ import annotations

import re

from .clauses import LEAVING_FOR
from .dates import Resolved
from .grouping import place_key, week_and_days
from .stages import Eng, Mentions, Stop


def inherit_places(ctx: Mentions, engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
    """An engagement with no place told took place at a participant's stop: the one of its
    day (or the day next to it), or, undated, the one told in the four sentences before; a
    dated one, at the undated stop in its host's country ("a trip to Ghana and Togo ... On
    Monday, Steinmeier will meet Togo's President"), and an undated one at the one stop in its
    host's country."""
    for e in engs:
        if e.place or e.kind == "call":
            continue
        for pid in e.subject + [c for c in e.counterparts if isinstance(c, int)]:
            stops = [st for st in trips.get(pid, []) if not _left_for_after(ctx, e, st)]
            if not stops:
                continue
            pick = None
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
                and not (e.tense == "past" and st.tense == "future")
            ]
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
            if len(there) == 1 and (pick is None or pick.place.country not in hosts):
                # "On Monday, Steinmeier will meet Togo's President": in Togo, whatever day
                # the stop in Ghana was given
                pick = there[0]
            if pick:
                e.place = pick.place
                break


def _left_for_after(ctx: Mentions, e: Eng, st: Stop) -> bool:
    """ "will meet X on Monday before leaving for Pakistan": the stop the sentence tells of
    next is not where its meeting is held."""
    span = st.place.span
    if st.sentence != e.sentence or not span:
        return False
    return LEAVING_FOR.search(ctx.text[max(0, span[0] - 60) : span[0]]) is not None


def share_within_meeting(engs: list[Eng]) -> None:
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


def extend_stops(engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
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


def inherit_dates(engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
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


def news_of_the_day(ctx: Mentions, engs: list[Eng], trips: dict[int, list[Stop]]) -> None:
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
    # "two years ago", not "a short while ago"
    r"(?:\d+|a|an|one|two|three|four|five|several|few|many)\s+(?:days?|weeks?|months?|years?|"
    r"decades?)\s+ago|recent\s+(?:weeks|months|years|days))\b",
    re.I,
)
