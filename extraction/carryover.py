"""What an engagement takes from the rest of the report: the place and month of the gathering it
was on the sidelines of, the day (and place) of "earlier in the day" or "at the same time",
the day of a dated engagement told in the same sentence, the report's narrative day for
undated lead events, the dateline's city, and an exact day from a photo caption. Run by the
grouping stage (sidelines, same day) and, once trips have lent their places, by the trips
stage (the others)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import gazetteer as gz
from .dates import Resolved, resolve
from .models import Place
from .places import country_place
from .stages import Eng, Mentions
from .triggers import IN_PERSON

# "The agreements were signed in the presence of X and Y": the signing told just before
_SIGNED_BEFORE_THEM = re.compile(
    r"\b(?:(?:was|were|been)\s+signed\s+in\s+the\s+presence\s+of|witness(?:ed|es)?\s+the\s+"
    r"signing)\b",
    re.I,
)
_SIGNED = re.compile(r"\b(?:signed|inked|sign|signs)\b", re.I)


def place_of_signing_told_before(ctx: Mentions, engs: list[Eng]) -> None:
    """ "Iran and Turkey signed ten agreements in Ankara on Monday. The agreements were signed
    in the presence of Rouhani and Gul": those present met where and when the signing the
    sentence before told of took place."""
    for e in engs:
        if e.place and e.res.known:
            continue
        if not _SIGNED_BEFORE_THEM.search(ctx.sentences[e.sentence].text):
            continue
        for k in range(e.sentence - 1, max(e.sentence - 3, -1), -1):
            s = ctx.sentences[k]
            if not _SIGNED.search(s.text):
                continue
            cities = [pm for pm in ctx.places.get(k, []) if pm.kind in ("city", "venue")]
            if e.place is None and len(cities) == 1:
                e.place, e.place_explicit = cities[0].place, True
            days = [
                resolve(d, ctx.pub_at(s.start), "past")
                for d in ctx.dates.get(k, [])
                if d.kind != "year"
            ]
            if not e.res.known and len({r for r in days if r.known}) == 1:
                e.res = days[0]
            break


SIDELINES = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines|margins?)\s+of\b", re.I)


def place_by_sidelines(ctx: Mentions, engs: list[Eng]) -> None:
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


def place_of_gathering_told_before(ctx: Mentions, engs: list[Eng]) -> None:
    """ "Lula will hold seven bilateral meetings during the G7 summit in Hiroshima. Lula will
    meet Kishida ...": an unplaced meeting of someone at a gathering told in the three sentences
    before (one whose days are known), and not told of another day, is held there, on the
    gathering's days."""
    for e in engs:
        if e.kind not in ("meeting", "talks") or e.place or e.cancelled:
            continue
        parts = set(e.participants())
        for o in sorted(engs, key=lambda o: -o.sentence):
            if (
                o is e
                or o.kind not in ("summit", "conference")
                or not o.place
                or not o.res.known
                or o.cancelled
                or not 0 <= e.sentence - o.sentence <= 3
                or not parts & set(o.participants())
                or {e.tense, o.tense} == {"past", "future"}
            ):
                continue
            if e.res.known and o.res.known and (e.res.end < o.res.start or o.res.end < e.res.start):
                continue
            e.place, e.place_explicit = o.place, False
            if not e.res.known:
                e.res = o.res
            break


SAME_DAY = re.compile(
    r"\b(?:(?:earlier|later)\s+(?:in\s+)?(?:the|that)\s+day|(?:on\s+)?the\s+same\s+day|"
    r"(?:earlier|later)\s+that\s+(?:morning|afternoon|evening)|"
    r"^\W*(?:later\s+)?in\s+the\s+(?:morning|afternoon|evening))\b",
    re.I,
)


def same_day(ctx: Mentions, engs: list[Eng]) -> None:
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


# "The call took place yesterday", "confirmed the phone call on Thursday": the event again
_EVENT_AGAIN = {
    "call": re.compile(
        r"\b(?:the|their|this|that)\s+(?:phone\s+|telephone\s+)?(?:call|conversation)\b", re.I
    ),
    "meeting": re.compile(r"\b(?:the|their|this|that)\s+(?:meeting|talks)\b", re.I),
    "talks": re.compile(r"\b(?:the|their|this|that)\s+(?:meeting|talks)\b", re.I),
}
_WHEN_AGAIN = re.compile(
    r"\b(?:took\s+place|was\s+held|were\s+held|happened|came|lasted|confirmed)\b", re.I
)


# "Cho and Kamikawa spoke for over 30 minutes on Tuesday": the call told again by its verb
_SPOKE_AGAIN = re.compile(r"\b(?:spoke|talked)\s+(?:for|on|by)\b", re.I)


def date_from_later_mention(ctx: Mentions, engs: list[Eng]) -> None:
    """ "Ramaphosa has finally had his phone call with Zelensky ... The call took place
    yesterday evening": an undated event takes the day a later sentence (within ten) gives
    "the call" or "the meeting", when that sentence names nobody else."""
    for e in engs:
        rx = _EVENT_AGAIN.get(e.kind)
        if rx is None or e.res.known or e.cancelled:
            continue
        ids = {p for p in e.participants() if isinstance(p, int)}
        for s in ctx.sentences[e.sentence + 1 : e.sentence + 11]:
            m = rx.search(s.text)
            spoke = e.kind == "call" and _SPOKE_AGAIN.search(s.text)
            if not spoke and (not m or not _WHEN_AGAIN.search(s.text)):
                continue
            if {pid for _a, _b, pid in ctx.mentions.get(s.index, [])} - ids:
                continue
            days = {
                resolve(d, ctx.pub_at(s.start), "past")
                for d in ctx.dates.get(s.index, [])
                if d.kind != "year"
            }
            if len(days) == 1:
                (res,) = days
                if res.known and res.precision == "day":
                    e.res = res
                    break


_ALSO = re.compile(r"\b(?:also|then|afterwards|thereafter|subsequently)\b", re.I)


# "On September 9, PM X will meet A. He will hold a meeting with B.": a day opening the
# paragraph is the day of what the paragraph tells next
_DAY_OPENS = re.compile(
    r"^\s*On\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
    r"Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\b)"
)


def _paragraph_dated_by(ctx: Mentions, o: Eng, e: Eng) -> bool:
    """Whether ``o`` and ``e`` are told in one paragraph that opens with a day."""
    par = ctx.sentences[e.sentence].paragraph
    if ctx.sentences[o.sentence].paragraph != par or o.tense != e.tense:
        return False
    first = next(s for s in ctx.sentences if s.paragraph == par)
    return bool(_DAY_OPENS.match(first.text))


def date_from_the_one_before(ctx: Mentions, engs: list[Eng]) -> None:
    """ "On Monday, Qureshi met Ghani in Kabul. He also held talks with Rabbani": an undated
    event told as following on from the one just before, by one of its people, took place
    that day (and there, when its sentence names no place)."""
    told = sorted(engs, key=lambda e: e.evidence[0][0])
    for i, e in enumerate(told):
        if (e.res.known and e.place) or e.cancelled:
            continue
        also = bool(_ALSO.search(ctx.sentences[e.sentence].text))
        ids = {p for p in e.participants() if isinstance(p, int)}
        for o in reversed(told[:i]):
            if o.sentence < e.sentence - 2:
                break
            if o.sentence == e.sentence or not ids & set(o.participants()):
                continue
            if not (also or _paragraph_dated_by(ctx, o, e)):
                break
            if not o.res.known:
                continue  # the same meeting told again ("A one-on-one meeting took place")
            if o.res.precision == "day" and not o.cancelled:
                if not e.res.known:
                    e.res, e.tense = o.res, o.tense
                same_day = e.res == o.res
                if same_day and e.place is None and e.kind in IN_PERSON and o.kind in IN_PERSON:
                    e.place = o.place
            break


NARRATIVE_CUE = re.compile(
    r"\b(?:later|earlier)\s+(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?P<today>today|in\s+the\s+day))\b"
)

WEEKDAYS_IDX = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip


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
    if not days:
        days = _date_line(ctx)
    return days.pop() if len(days) == 1 else None


def _date_line(ctx: Mentions) -> set[date]:
    """ "October 1, 2010" on a line of its own atop a release: the day it tells of, when that is
    the day of publication or the one before."""
    pub = ctx.published
    for s in ctx.sentences[:4]:
        ds = ctx.dates.get(s.index, [])
        if pub is None or len(ds) != 1 or len(s.text) - len(ds[0].text) > 3:
            continue
        r = resolve(ds[0], pub, "past")
        if r.known and r.precision == "day" and 0 <= (pub - r.start).days <= 1:
            return {r.start}
    return set()


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


def date_lede_by_narrative_day(ctx: Mentions, engs: list[Eng]) -> None:
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
        if not e.res.known and ctx.dates.get(e.sentence):
            continue  # "since they met at the G20 summit in November": its sentence dates it
        if ctx.sentences[e.sentence].paragraph not in lede:
            continue
        if e.res.known:
            bounded = e.not_before is not None and e.res.start <= day <= e.res.end
            if not bounded:
                continue
        elif e.not_before and day < e.not_before:
            continue
        e.res = Resolved(day, day, "day")


_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:also\s+|just\s+|so\s+)?(?:held|met|hosted|received|spoken|talked|"
    r"called|visited|arrived|signed|discussed)\b",
    re.I,
)


def date_lede_perfect(ctx: Mentions, engs: list[Eng]) -> None:
    """ "President X has held bilateral talks with ...", the news of the lead paragraphs told
    in the present perfect with no day: it happened on the day of publication or the one
    before."""
    pub = ctx.published
    body = sorted({s.paragraph for s in ctx.sentences if s.kind == "body"})
    if pub is None or not body:
        return
    for e in engs:
        s = ctx.sentences[e.sentence]
        if e.res.known or e.cancelled or s.paragraph not in body[:2] or ctx.dates.get(s.index):
            continue
        if _PERFECT.search(s.text):
            e.res = Resolved(pub - timedelta(days=1), pub, "day")


SIMULTANEOUS = re.compile(r"^\W*(?:at\s+the\s+same\s+time|simultaneously)\b", re.I)


def date_simultaneous(ctx: Mentions, engs: list[Eng]) -> None:
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


def date_from_sentence_mates(engs: list[Eng]) -> None:
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


def refine_from_captions(ctx: Mentions, engs: list[Eng]) -> None:
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


_VISITING = re.compile(r"\b(?:visiting|the\s+visiting)\s+(?:[A-Z][\w.'-]*\s+){0,6}$", re.I)


def called_visiting(ctx: Mentions, e: Eng) -> list[int]:
    """ "Xi met with visiting U.S. Secretary of State Antony Blinken": who the text calls
    visiting in the engagement's sentence."""
    s = ctx.sentences[e.sentence]
    out = []
    for a, _b, pid in ctx.mentions.get(s.index, []):
        if pid in e.participants() and _VISITING.search(ctx.text[max(s.start, a - 80) : a]):
            out.append(pid)
    return out


def place_by_dateline(ctx: Mentions, engs: list[Eng]) -> None:
    """ "PARIS (Reuters) -": an undated or recent engagement of the lead paragraphs with no
    place told, not a call, held or under way, took place in the dateline's city."""
    published = ctx.published
    if ctx.dateline and ctx.dateline.latitude is not None and published:
        first_par = next((s.paragraph for s in ctx.sentences if s.kind == "body"), 0)
        for e in engs:
            if e.place or e.kind == "call" or e.cancelled:
                continue
            sent = ctx.sentences[e.sentence]
            recent = not e.res.known or (
                e.res.end <= published and (published - e.res.start).days <= 2
            )
            lead = sent.paragraph - first_par <= 2
            if recent and e.tense != "future" and (lead or _host_at_dateline(ctx, e)):
                e.place = _host_country_over_dateline(ctx, e) or ctx.dateline


def _host_at_dateline(ctx: Mentions, e: Eng) -> bool:
    """ "ASTANA - ... President Tokayev has already hosted ...", further down the report: a
    meeting of someone of the dateline's country with one of another, one side's stated."""
    line = ctx.dateline
    people = [ctx.people[x] for x in e.participants() if isinstance(x, int)]
    if line is None or e.kind not in ("meeting", "talks"):
        return False
    home = [p for p in people if p.country == line.country]
    away = [p for p in people if p.country not in (None, "SELF", "ORG", line.country)]
    # one side's country must be stated: "German Chancellor Merz" with "Prime Minister Carney"
    return bool(home and away) and any(not p.country_guessed for p in home + away)


def _host_country_over_dateline(ctx: Mentions, e: Eng) -> Place | None:
    """ "ADDIS ABABA (Xinhua) -- Visiting Somali President X and Eritrean President Y signed":
    a visitor and a host, both of stated governments other than the dateline's, met in the
    host's country, not where the agency filed from."""
    line = ctx.dateline
    visitors = e.visitors or called_visiting(ctx, e)
    if not visitors or line is None:
        return None
    people = [ctx.people[x] for x in e.participants() if isinstance(x, int)]
    if any(p.country_guessed or not p.country for p in people):
        return None
    homes = {p.country for p in people}
    hosts = {p.country for p in people if p.id not in visitors}
    if line.country in homes or len(hosts) != 1:
        return None
    (code,) = hosts
    name = gz.country_display().get(code)
    return country_place(code, name) if name and code not in ("SELF", "ORG") else None
