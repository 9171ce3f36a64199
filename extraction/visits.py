"""Stage 3, events (its first pass): trip stops, from visit triggers ("visited", "flew to",
"arrived in", "is due in", "a trip to"). Takes the Mentions, returns the stops in text order.
Decides, with travellers.py for who travels, which places are stops (not home, not a neighbour,
not a distance reference), their dates, and whether the trip was called off."""

from __future__ import annotations

import re

from . import gazetteer as gz
from .carryover import SAME_DAY
from .clauses import (
    CANCELLED,
    NEGATION,
    PLUPERFECT_PLAN,
    Reading,
    cancel_nearby,
    hypothetical,
    pick_date,
    read_sentence,
    split_clause_dates,
)
from .dates import UNKNOWN, Resolved, TimeExpr, resolve
from .places import PlaceMention, country_place, named_after
from .stages import Mentions, Stop
from .tense import tense_near
from .text import fold
from .travellers import fellow_subjects, listed_after_who, traveler_of
from .triggers import VISIT_TRIGGER

RETURN_HOME = re.compile(
    r"\b(?:return(?:s|ed|ing)?|back|home)\s+(?:home\s+)?to\s+(?:the\s+)?$", re.I
)

# "visited Kenya's neighbors": the possessor names whose neighbours, not where one went
OTHER_PLACES_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:\w+\s+)?(?:neighbou?rs?|neighbou?ring|allies|rivals|partners|enemies|"
    r"adversaries|foes)\b",
    re.I,
)


NOUN_TRIGGER_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|this|that)\s+(?:[\w-]+\s+){0,2}$", re.I
)

_STOP_CONTEXT = re.compile(
    r"^(?:to|in|at|into|visit(?:s|ed|ing)?|stops? (?:in|at)|arriv\w* in|trip to|visit to|tour of|"
    r"travel\w*(?: on)? to|head\w* to|fl\w* to|meetings?|talks|summit|"
    r"(?:left|leav\w*|depart\w*|sets? off) for|"
    r"(?:south|north|east|west)\w* of|"
    r"near|outside|beginning with|starting with|ending with|ending in|culminating with|"
    r"culminating in|concluding with|concluding in|followed by|then|presence in|reach\w*|"
    r"(?:tour|trip|itinerary|journey) (?:that|which) .*(?:include\w*|in))$"
)

_DISTANCE_BEFORE = re.compile(
    r"\d\s*(?:km|kilometers|kilometres|miles)\b[^.;]{0,25}?\b(?:north|south|east|west)\w*\s+"
    r"of\s+$"
)


# "the U.S.'s purported backyard": a place owning something (its capital or a town of it aside)
_POSSESSOR = re.compile(
    r"['’]s?\s+(?!(?:capital|city|cities|province|provinces|state|region|island|islands|coast|"
    r"border|north|south|east|west|northern|southern|eastern|western|central|port|town)\b)"
    r"[a-z]"
)
# a comma and a finite verb: the sentence has moved on from the places visited
_NEW_VERB = re.compile(
    r",\s+(?:(?!and\b|then\b|also\b)\w+\s+)?"
    r"(?!(?:arrived|landed|travell?ed|headed|continued|proceeded|moved)\b)"
    r"(?:[a-z]+ed|said|says|is|was|were|are|has|had|will|would|made|"
    r"caused|told|left)\b"
)

_CLAUSE_BREAK = re.compile(
    r"\b(?:after|because|when|while|during|since|as|before|following|but|although)\b|[;:]", re.I
)


_ANNOUNCED_THAT = re.compile(
    r"\b(?:announced|said|confirmed|stated|reported|revealed|disclosed)\s+(?:on\s+\w+\s+)?that\b",
    re.I,
)


def _cancel_governs(text: str, a: int, b: int) -> bool:
    """Whether a cancellation word in the sentence is about the trip at [a, b): "called off
    a trip to X" or "the visit ... was postponed", not "... after the plane broke down
    during a stopover in Y"."""
    for m in CANCELLED.finditer(text):
        if m.end() <= a:
            if not _CLAUSE_BREAK.search(text[m.end() : a]):
                return True
        elif m.start() >= b:
            if m.start() - b <= 80 and not _CLAUSE_BREAK.search(text[b : m.start()]):
                return True
        else:
            return True
    return False


def find_stops(ctx: Mentions) -> list[Stop]:
    """Every stop a visit trigger tells of, in text order (Stop.order), unmerged."""
    stops: list[Stop] = []
    order = 0
    for s in ctx.sentences:
        if s.kind != "body":
            continue
        vts = [
            (s.start + m.start(), s.start + m.end(), m.group(0))
            for m in VISIT_TRIGGER.finditer(s.text)
        ]
        if not vts:
            continue
        r = read_sentence(ctx, s)
        tail = r.tail
        places = [p for p in r.places if p.start < tail]
        used_places: set[int] = set()
        told_before: int | None = None  # the traveller of the sentence's trigger before
        for vi, (va, vb, words) in enumerate(vts):
            hi = vts[vi + 1][0] if vi + 1 < len(vts) else tail
            lo = vts[vi - 1][1] if vi else s.start
            before = fold(ctx.text[lo:va])
            if NEGATION.search(before[-40:]):
                continue
            # "the first visit to Turkey since Rafsanjani's trip to Ankara in 1996": what
            # follows "since" is the last visit, not this one
            if re.search(r"\bsince\b[^,;]*$", before):
                continue
            since = re.search(r"\bsince\b", ctx.text[vb:hi])
            if since:
                hi = vb + since.start()
            if hypothetical(before) or re.search(
                r"\b(?:if|unless)\b", s.text[vb - s.start : hi - s.start]
            ):
                continue
            cancelled = _cancel_governs(s.text, va - s.start, vb - s.start) or (
                bool(PLUPERFECT_PLAN.search(s.text)) and cancel_nearby(ctx.sentences, s)
            )
            dates, aside = split_clause_dates(r.dates, r.clauses, va)
            # "The White House in August announced that Trump would travel to Ireland": the
            # month of the announcement is not the trip's
            dates = [
                d
                for d in dates
                if not (d.end_off <= va and _ANNOUNCED_THAT.search(ctx.text[d.end_off : va]))
            ]
            if since:
                dates = [d for d in dates if d.end_off <= hi]
            if not dates and _on_a_visit_clause(ctx.text, r.clauses, va):
                dates = aside  # "..., who is on a visit to Y," is there at the main verb's time
            traveler = traveler_of(ctx, r, va, vb, before, told_before)
            listed = listed_after_who(ctx, r, before, vb, hi)
            if listed:
                traveler = listed[0]
            if traveler is None:
                continue
            told_before = traveler
            stop_places = _stop_places(ctx, r, places, used_places, va, vb, hi, words)
            if not stop_places:
                stop_places = _country_told_before(ctx, s.index, va, vb, traveler)
            if not stop_places and _BARE_ARRIVAL.match(words):
                stop_places = _arrived_where_told(ctx, s.index, vb, traveler)
            if not stop_places:
                continue
            tense = tense_near(s.text, va - s.start)
            used_places.update(id(pm) for pm in stop_places)
            # "... Seychelles, marks his first trip after the Beijing Summit last November":
            # a date told of another event after the stops is not theirs
            last = max(pm.end for pm in stop_places)
            dates = [
                d
                for d in dates
                if d.start_off < last or not _OTHER_EVENT.search(ctx.text[last : d.start_off])
            ]
            found_dates = _stop_dates(r, stop_places, dates, va if vi else s.start, tense)
            if not any(res.known for res in found_dates) and _THAT_TRIP.search(s.text):
                found_dates = [_date_of_that_trip(ctx, s.index)] * len(stop_places)
            if not any(res.known for res in found_dates) and SAME_DAY.search(s.text):
                # "Sisi arrived in the African country earlier in the day"
                found_dates = [_date_of_that_trip(ctx, s.index, 2)] * len(stop_places)
            travellers = listed or fellow_subjects(ctx, r, lo, va, traveler)
            for who in travellers:
                for pm, res in zip(stop_places, found_dates, strict=True):
                    order += 1
                    stops.append(
                        Stop(who, pm.place, res, s.index, [s.span], order, tense, cancelled)
                    )
    return stops


_OTHER_EVENT = re.compile(r"\b(?:after|since|before|following|ahead\s+of)\s+(?:the|his|her|a|an)\s")


# "Scholz also visited Niger during that trip": the trip the sentences before dated
_THAT_TRIP = re.compile(
    r"\b(?:during|on|in\s+the\s+course\s+of)\s+(?:that|the\s+same|this)\s+(?:trip|visit|tour)\b",
    re.I,
)


def _date_of_that_trip(ctx: Mentions, at: int, back: int = 3) -> Resolved:
    """The last date told in the nearest of the ``back`` sentences before sentence ``at``."""
    for k in range(at - 1, max(at - back - 1, -1), -1):
        told = [d for d in ctx.dates.get(k, []) if d.kind != "year" or len(ctx.dates[k]) == 1]
        if told:
            return resolve(told[-1], ctx.published, "past")
    return UNKNOWN


# ", who is on a two-day visit to ...", ", who is visiting ...": a stay under way, not an event
_UNDER_WAY = re.compile(
    r"\W*who\s+(?:is|are)\s+(?:currently\s+|now\s+)?(?:on\b|in\b|visiting\b)", re.I
)


def _on_a_visit_clause(text: str, clauses: list[tuple[int, int]], at: int) -> bool:
    """Whether the trigger at ``at`` sits in a clause telling of a stay under way."""
    return any(a <= at < b and _UNDER_WAY.match(text, a) for a, b in clauses)


# "on a two-day official visit to the ASEAN member": the country named before
_THE_COUNTRY = re.compile(
    r"\s+(?:(?:to|in)\s+)?the\s+(?:[\w-]+\s+){0,3}?(?:country|nation|kingdom|republic|"
    r"emirate|sultanate|archipelago|island\s+state|island|member\s+state|member|state)"
    r"(?![\w-]|\s+(?:of|[A-Z]))"
)


_BARE_ARRIVAL = re.compile(r"(?:arriv(?:e|es|ed)|touch(?:es|ed)?\s+down)(?:\s+(?:in|at))?$", re.I)
# "Other heads of state who have already arrived in Havana include A, B and C"
_ARRIVED_AT = re.compile(
    r"\b(?:arriv(?:e|es|ed|ing)|landed|lands|touch(?:es|ed)?\s+down|reach(?:ed|es))\b[^.;]{0,40}$",
    re.I,
)


def _arrived_where_told(ctx: Mentions, at: int, vb: int, traveler: int) -> list[PlaceMention]:
    """ "Leaders have arrived in the Cuban capital, Havana. ... Maduro arrived in the early
    hours of Monday": an arrival with no place is at the last place the two sentences before
    told someone arriving in, else at the dateline's town (not the traveller's own country)."""
    home = ctx.people[traveler].country
    for k in range(at - 1, max(at - 3, -1), -1):
        s = ctx.sentences[k]
        told = [
            pm
            for pm in ctx.places.get(k, [])
            if pm.place.country != home and _ARRIVED_AT.search(ctx.text[s.start : pm.start])
        ]
        if told:
            return [told[-1]]
    line = ctx.dateline
    if line is not None and line.country and line.country != home and not line.is_country:
        return [PlaceMention(vb, vb, line, "in", "city")]
    return []


def _country_told_before(
    ctx: Mentions, at: int, va: int, vb: int, traveler: int
) -> list[PlaceMention]:
    """The country a visit "to the country" refers to: the last one named before it (in its
    sentence or the two before) that is not the traveller's own, else the dateline's."""
    if not _THE_COUNTRY.match(ctx.text, vb):
        return []
    home = ctx.people[traveler].country
    for k in range(at, max(at - 3, -1), -1):
        told = [
            pm
            for pm in ctx.places.get(k, [])
            if pm.place.is_country and pm.end <= va and pm.place.country != home
        ]
        if told:
            # "in Luanda, Angola, Wednesday. Sisi arrived in the African country": its city
            city = [
                pm
                for pm in ctx.places.get(k, [])
                if pm.kind == "city" and pm.place.country == told[-1].place.country
            ]
            return [city[-1] if city else told[-1]]
    line = ctx.dateline
    if line is not None and line.country and line.country != home:
        name = gz.country_display().get(line.country)
        if name:
            country = country_place(line.country, name)
            return [PlaceMention(vb, vb, country, "visit", "country")]
    return []


def _stop_places(
    ctx: Mentions,
    r: Reading,
    places: list[PlaceMention],
    used_places: set[int],
    va: int,
    vb: int,
    hi: int,
    words: str,
) -> list[PlaceMention]:
    """The places the visit at [va, vb) goes to: a modifier right before it ("Paris visit"),
    or places after it up to the next visit trigger (for a trip or tour, up to a new clause)."""
    s, tail = r.s, r.tail
    brk = _CLAUSE_BREAK.search(ctx.text, vb, tail)
    trip_hi = brk.start() if brk else tail
    stop_places: list[PlaceMention] = []
    for pm in places:
        if id(pm) in used_places:
            continue
        if pm.kind == "org" and named_after(pm, places):
            continue  # "from the NATO summit in Vilnius": Vilnius, not NATO's seat
        if RETURN_HOME.search(ctx.text[max(s.start, pm.start - 30) : pm.start]):
            continue  # "before returning to Brasilia": going home is no stop
        if OTHER_PLACES_AFTER.match(ctx.text[pm.end : pm.end + 40]):
            continue
        if _DISTANCE_BEFORE.search(ctx.text[max(s.start, pm.start - 40) : pm.start]):
            continue  # "400 km north of Brazzaville" locates another place
        owner_at = pm.end - 2 if ctx.text[pm.start : pm.end].endswith(("'s", "’s")) else pm.end
        if _POSSESSOR.match(ctx.text, owner_at):
            continue  # "a visit in the U.S.'s backyard": whose, not where
        if stop_places and _NEW_VERB.search(ctx.text[stop_places[-1].end : pm.start]):
            continue  # "visiting Argentina to bash China, caused annoyance in Washington"
        if (
            (
                pm.end <= va
                and va - pm.end <= 3
                and pm.context in ("visit", "trip", "tour", "stop", "stay", "leg", "stopover")
            )
            or vb <= pm.start < (hi if not re.search(r"trip|tour", words, re.I) else trip_hi)
            and _STOP_CONTEXT.match(pm.context)
        ):
            stop_places.append(pm)
    # "The visit comes three months after ... signed in Beijing": a visit named as a
    # noun takes its destination from right after it, not from a later clause
    if NOUN_TRIGGER_BEFORE.search(ctx.text[max(s.start, va - 40) : va]) and not any(
        vb <= pm.start <= vb + 12 for pm in stop_places
    ):
        near = [
            pm
            for pm in stop_places
            if pm.end <= va
            or not re.search(r"[,;]", ctx.text[vb : pm.start])
            and pm.start - vb <= 30
        ]
        # "a trip she planned to take to Belgium, Egypt and Afghanistan": the list goes on
        for pm in stop_places:
            if (
                pm not in near
                and near
                and near[-1].end <= pm.start
                and _LIST_ITEM_GAP.fullmatch(ctx.text[near[-1].end : pm.start])
            ):
                near.append(pm)
        stop_places = near
    return stop_places


# between two stops of a list: ", ", " and ", ", the World Economic Forum in "
_LIST_ITEM_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+(?:[\w'-]+\s+){1,5}(?:in|at)\s+)?")


def _stop_dates(
    r: Reading, stop_places: list[PlaceMention], dates: list[TimeExpr], first: int, tense: str
) -> list[Resolved]:
    """The date of each stop: the nearest between it and its neighbours in the list (``first``:
    where the first stop's stretch begins); a list without its own dates shares the one that
    closes it."""
    s, tail = r.s, r.tail
    found_dates: list[Resolved] = []
    after: list[bool] = []  # whether the stop's date is told after it
    for k, pm in enumerate(stop_places):
        nxt = stop_places[k + 1].start if k + 1 < len(stop_places) else tail
        prv = stop_places[k - 1].end if k else first
        # "began on Monday in Chile and will conclude on Wednesday in Paraguay": each leg in
        # the tense of its own verb
        own = tense_near(s.text, pm.start - s.start) if len(stop_places) > 1 else tense
        res, expr = pick_date(dates, prv, nxt, pm.end, r.pub, own)
        if not res.known and len(stop_places) > 1:
            res = UNKNOWN
        found_dates.append(res)
        after.append(expr is not None and expr.start_off >= pm.end)
    # "to New Delhi and Mumbai in March", "on April 17, then Venezuela and Nicaragua the
    # following day": a list shares the date that closes it
    for k in range(len(stop_places) - 2, -1, -1):
        gap = s.text[stop_places[k].end - s.start : stop_places[k + 1].start - s.start]
        if not re.fullmatch(r"\s*(?:,|and|,\s*and|,?\s*as\s+well\s+as)\s*", gap):
            continue
        if after[k + 1] and (not found_dates[k].known or not after[k]):
            found_dates[k], after[k] = found_dates[k + 1], True
        elif not found_dates[k].known:
            found_dates[k] = found_dates[k + 1]
    # "visited Africa last October, making stops in Ethiopia, Liberia and South Africa": the
    # one date the sentence gives before the stops is theirs; the day a tour began is only
    # its first stop's ("the tour, which began on Jan. 30 and has taken him to A, B and C")
    told = [d for d in dates if d.end_off <= stop_places[0].start and d.kind != "year"]
    if len(dates) == 1 and told and not any(res.known for res in found_dates):
        res = resolve(told[0], r.pub, tense)
        found_dates = [res] * len(stop_places)
    began = [d for d in told if _BEGAN.search(r.s.text[: d.start_off - s.start][-30:])]
    if began and len(stop_places) > 1 and len(set(found_dates)) == 1:
        found_dates = [found_dates[0]] + [UNKNOWN] * (len(stop_places) - 1)
    return found_dates


_BEGAN = re.compile(r"\b(?:began|begins|started|starts|kicked\s+off|kicks\s+off)\s+(?:on\s+)?$")
