"""Stage 3, events: takes the Mentions, returns the Events - every trip stop (visits.py, found
first) and every engagement a sentence tells of, with its arguments: kind and own name, who and
with whom (participants.py), where, when, tense, whether it was called off. Decides which
trigger words are no event (negated, hypothetical, conditional, a time reference such as "days
before the summit"), and which refer back to an engagement already found ("the meeting"),
extending it instead (coreference.py)."""

from __future__ import annotations

import re
from datetime import date

from .clauses import (
    CANCELLED,
    LEAVING_FOR,
    NEGATION,
    PLUPERFECT_PLAN,
    Reading,
    cancel_nearby,
    hypothetical,
    pick_date,
    read_sentence,
    split_clause_dates,
)
from .coreference import accompany, merge_anaphoric
from .dates import UNKNOWN, Resolved, TimeExpr, resolve
from .models import Place
from .participants import AND_NP, find_participants, passive_host, visitors
from .places import PlaceMention, named_after
from .stages import Eng, Events, Mentions
from .tense import tense_near
from .text import Sentence, fold
from .triggers import HOST_TRIGGER, VISIT_TRIGGER, Trigger, is_named, name_and_kind, triggers_in
from .visits import find_stops

# place and day adjuncts, then the guest's office: "at Bayan Palace on Monday Minister of ..."
RECEIVED_ADJUNCTS = re.compile(
    r"(?:\s+(?:at|in|on)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s*)+){1,3}[^,.;]{0,90}$"
)

TIME_ADJUNCT = re.compile(
    r"\b(?:days|weeks|hours|months|shortly|just|ahead\s+of|before|after|since)\s+"
    r"(?:\w+\s+)?(?:the|a|an|its|their|his|her)\s+(?:[\w'-]+\s+){0,3}$",
    re.I,
)

BACK_REF = re.compile(
    r"\b(?:sidelines\s+of|at|during|with|after|before|ahead\s+of|of|from|on|since|about)\s+"
    r"(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)

SEPARATE = re.compile(
    r"\b(?:separate(?:ly)?|individual(?:ly)?|bilateral(?:ly)?|one-on-one|respectively|each\s+of|"
    r"in\s+turn)\b",
    re.I,
)

DEFINITE = re.compile(
    r"\b(?:the|this|that|these|those|his|her|their)\s+(?:(?!of\b)[\w-]+\s+){0,2}$", re.I
)


def find_events(ctx: Mentions) -> Events:
    """Stops first: "accompanied by Y" in a later sentence copies the stops found before."""
    ev = Events(stops=find_stops(ctx))
    for s in ctx.sentences:
        if s.kind == "body":
            _engagements_in(ctx, ev, s)
    return ev


def _engagements_in(ctx: Mentions, ev: Events, s: Sentence) -> None:
    """The engagements of one body sentence, trigger by trigger, added to ev.engagements (or
    merged into the engagement a back-reference points to)."""
    r = read_sentence(ctx, s)
    pub, persons = r.pub, r.persons
    triggers = triggers_in(s, ctx.text, r.spans, r.tail)
    visit_spans = [(s.start + m.start(), s.start + m.end()) for m in VISIT_TRIGGER.finditer(s.text)]
    prev_subj: list[int] = []
    prev_cancelled = False
    for t in triggers:
        lo, hi, ta, tb, fbefore = t.lo, t.hi, t.start, t.end, t.before
        passive = passive_host(t.members, fbefore, t.after)
        if not _is_event(ctx, r, t, passive):
            continue
        cancelled = _cancelled(ctx, r, t)
        who = find_participants(ctx, ev.engagements, r, t, passive, prev_subj)
        subj, cps, between = who.subject, who.counterparts, who.between
        if who.continues_previous:
            cancelled = cancelled or prev_cancelled
        if subj:
            prev_subj = list(subj)
            prev_cancelled = cancelled
        title, org_title, kind = name_and_kind(s, ctx.text, r.places, t)
        if kind == "talks" and _DISCUSSED.match(t.members[0][3]) and _calls_told(ctx, s):
            kind = "call"  # "had phone conversations ... He discussed the situation with X"
        place, place_after = _where(ctx, r, t, kind, visit_spans)
        tense, res, not_before = _when(ctx, r, t, len(triggers))
        definite = DEFINITE.search(fold(ctx.text[max(lo, ta - 30) : ta]))
        signing = kind == "sign"
        if kind == "sign":
            if len(set(subj) | {c for c in cps if isinstance(c, int)}) < 2:
                continue
            kind = "meeting"
        adjunct = TIME_ADJUNCT.search(fbefore)
        if adjunct and not any(lo + adjunct.start() <= a < hi for a, _b, _p in persons):
            continue  # "days before the alliance's summit": a time reference, no attendee
        named = bool(title) and is_named(title)
        back_ref = definite and not named and (t.index > 0 or BACK_REF.search(fbefore))
        if back_ref and not between:
            # "on the sidelines of the summit", "officials familiar with the talks"
            merge_anaphoric(
                ctx, ev.engagements, s, subj, res, r.dates, ta, tb, title, place, cancelled, kind
            )
            continue
        if not cps and len(subj) < 2:
            if (definite and not (named and kind in ("summit", "conference", "dialogue"))) or (
                org_title and kind not in ("summit", "dialogue")
            ):
                merge_anaphoric(
                    ctx,
                    ev.engagements,
                    s,
                    subj,
                    res,
                    r.dates,
                    ta,
                    tb,
                    title,
                    place,
                    cancelled,
                    kind,
                )
                continue
            if kind == "call" or (
                kind in ("meeting", "talks") and not title and not (place and place_after)
            ):
                continue
        if not subj and not cps:
            continue
        if res.known and pub and (pub - res.end).days > 3 * 366:
            continue  # a historical event, not news
        e_common = dict(
            sentence=s.index,
            evidence=[s.span],
            title=title,
            place=place,
            place_explicit=place is not None,
            res=res,
            tense=tense,
            cancelled=cancelled,
            between=bool(between),
            not_before=not_before,
            signing=signing,
            visitors=visitors(t.members, subj, cps, who.guest_is_subject),
        )
        conf = 0.55 + (0.15 if cps else 0) + (0.1 if res.known else 0) + (0.05 if place else 0)
        separate = (
            kind == "call"
            or SEPARATE.search(s.text[lo - s.start : hi - s.start])
            or _hosts_of_one_country(ctx, subj, cps)
            or _bilaterals_with_several(ctx, s, subj, cps, t)
        )
        # grouping (one engagement per counterpart met separately) is decided here, as the
        # engagement is found: later triggers of the text look back at the copies
        legs = _place_list(ctx, r, t) if kind in ("meeting", "talks", "visit") else []
        if legs and not signing:
            # "meetings in Zimbabwe on Jan. 11, in Rwanda on Jan. 12, ...": one per place
            for pm, leg_res in legs:
                leg = dict(e_common, place=pm.place, place_explicit=True, leg=True)
                leg["res"] = leg_res if leg_res.known else res
                ev.engagements.append(Eng(kind, list(subj), list(cps), confidence=conf, **leg))
        elif (
            kind in ("meeting", "talks", "call")
            and len(cps) > 1
            and not between
            and not signing
            and separate
        ):
            for cp in cps:
                ev.engagements.append(
                    Eng(kind, list(subj), [cp], confidence=conf, group=ta, **e_common)
                )
        else:
            ev.engagements.append(Eng(kind, list(subj), cps, confidence=conf, **e_common))
            _share_with_coordinated(ev.engagements, t)
    accompany(ctx, ev, r, triggers)


_GATHERINGS = ("summit", "conference", "dialogue")


def _share_with_coordinated(engs: list[Eng], t: Trigger) -> None:
    """ "the ASEAN-India Summit and the East Asia Summit in Vientiane on October 10-11": the
    place and days told after the second gathering are the first one's too."""
    if len(engs) < 2 or t.index == 0 or not AND_NP.match(t.before):
        return
    last, prev = engs[-1], engs[-2]
    if prev.sentence != last.sentence or not {prev.kind, last.kind} <= set(_GATHERINGS):
        return
    if prev.subject != last.subject:
        return
    if last.place and not prev.place:
        prev.place, prev.place_explicit = last.place, last.place_explicit
    if last.res.known and not prev.res.known:
        prev.res, prev.tense = last.res, last.tense


# "will hold at least seven bilateral meetings", "held meetings with Arab leaders", "had a
# number of phone conversations"
_BILATERALS = re.compile(
    r"\b(?:bilateral|separate|individual|one-on-one|several|series\s+of|number\s+of)\s+"
    r"(?:[\w-]+\s+){0,1}(?:meetings|talks|conversations|calls)\b|"
    r"\b(?:held|hold|holds|holding)\s+meetings\b",
    re.I,
)
_DISCUSSED = re.compile(r"discuss", re.I)
_PHONE = re.compile(r"\b(?:phone|telephone|telephonic|video)\b", re.I)


def _calls_told(ctx: Mentions, s: Sentence) -> bool:
    """This sentence or the one before tells of phone or video calls."""
    near = ctx.sentences[max(0, s.index - 1) : s.index + 1]
    return any(x.kind == "body" and _PHONE.search(x.text) for x in near)


_JOINT = re.compile(r"\b(?:trilateral|joint(?:ly)?|together|three-way|four-way|jointly)\b", re.I)


def _bilaterals_with_several(
    ctx: Mentions, s: Sentence, subj: list[int], cps: list[int | str], t: Trigger
) -> bool:
    """ "Lula will hold seven bilateral meetings ... Lula will meet Japan's Kishida, as well as
    Germany's Scholz and France's Macron": after a word of bilateral meetings (in this sentence
    or the two before), meeting leaders of several governments is a meeting with each; so is
    hosting them."""
    named = [c for c in cps if isinstance(c, int)]
    homes = {ctx.people[c].country for c in named} - {None, "ORG", "SELF"}
    mine = {ctx.people[p].country for p in subj if not ctx.people[p].country_guessed}
    if len(named) < 2 or len(homes) < 2 or homes & mine or _JOINT.search(s.text):
        return False
    if all(HOST_TRIGGER.match(m[3]) for m in t.members):
        return True  # "Tokayev has hosted the presidents of Azerbaijan, China and Russia"
    near = [x for x in ctx.sentences[max(0, s.index - 2) : s.index + 1] if x.kind == "body"]
    return any(_BILATERALS.search(x.text) for x in near)


def _hosts_of_one_country(ctx: Mentions, subj: list[int], cps: list[int | str]) -> bool:
    """ "Erdogan will meet King Salman and Crown Prince Mohammed": a visitor meeting several
    leaders of one other government is told as a meeting with each."""
    homes = {ctx.people[c].country for c in cps if isinstance(c, int)}
    guests = {ctx.people[p].country for p in subj}
    return (
        len(cps) > 1
        and bool(subj)
        and all(isinstance(c, int) for c in cps)
        and len(homes - {None}) <= 1
        and not homes & guests
    )


# "hosted President of Azerbaijan Ilham Aliyev": an office, then the guest's name
_OFFICE_BEFORE_NAME = re.compile(
    r"\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,5}(?:of\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,3})?,?\s*"
)

_AS_A_TOPIC = re.compile(
    r"\b(?:related\s+to|regarding|concerning)\b(?![^.;]*\b(?:sidelines|margins?)\b)[^.;]*$", re.I
)


def _is_event(ctx: Mentions, r: Reading, t: Trigger, passive: re.Match[str] | None) -> bool:
    """Not a negated ("no meeting"), hypothetical ("wants to meet") or conditional trigger, nor
    a host verb with no guest after it ("hosted a dinner")."""
    fbefore, after_text, members, tb = t.before, t.after, t.members, t.end
    if NEGATION.search(fbefore[-40:]) or re.search(r"\bno\s+(?:plans?|immediate)\b", fbefore):
        return False
    if t.kind in ("summit", "conference") and _AS_A_TOPIC.search(fbefore):
        return False  # "matters related to ASEAN and the East Asia Summit": a topic
    if hypothetical(fbefore) and members[0][3].lower().startswith("meet"):
        return False
    if re.search(r"\b(?:if|unless)\b", after_text):
        return False
    if all(HOST_TRIGGER.match(m[3]) for m in members) and not passive:
        pronoun_obj = re.match(r"\s+(?:him|her)\b", after_text)
        # "received at Bayan Palace on Monday Minister of Foreign Affairs ... Saidov":
        # where and when may come between the verb and the guest
        near = [a for a, _, _ in r.persons if tb <= a <= tb + 140]
        gap = ctx.text[tb : near[0]] if near else ""
        guest = near and (
            near[0] <= tb + 25 or RECEIVED_ADJUNCTS.match(gap) or _OFFICE_BEFORE_NAME.fullmatch(gap)
        )
        if not pronoun_obj and not guest:
            return False
        if re.match(r"\s+(?:a|an|the)\b", after_text):
            return False
    return True


def _cancelled(ctx: Mentions, r: Reading, t: Trigger) -> bool:
    """Called off: a cancellation word near the trigger, or a plan in the pluperfect ("had
    been due to meet") next to one."""
    s, lo, hi, ta = r.s, t.lo, t.hi, t.start
    cancelled = bool(CANCELLED.search(s.text[max(lo, ta - 60) - s.start : hi - s.start]))
    if not cancelled and PLUPERFECT_PLAN.search(t.before[-60:]):
        cancelled = cancel_nearby(ctx.sentences, s)
    return cancelled


def _where(
    ctx: Mentions, r: Reading, t: Trigger, kind: str, visit_spans: list[tuple[int, int]]
) -> tuple[Place | None, bool]:
    """The place nearest the trigger in its stretch (none for a call), and whether it is told
    after the trigger (or as the goal of a trip "for" the event)."""
    places, tail = r.places, r.tail
    lo, hi, ta, tb, fbefore = t.lo, t.hi, t.start, t.end, t.before
    place = None
    best = None
    for pm in places:
        if not (lo <= pm.start < hi) or pm.start >= tail:
            continue
        if pm.kind == "org" and named_after(pm, places):
            continue  # "the NATO summit in Vilnius": not at NATO's headquarters
        if (
            pm.context in ("to",)
            and not any(v[0] < pm.start for v in visit_spans)
            and not (
                pm.start >= tb
                and all(HOST_TRIGGER.match(m[3]) for m in t.members)
                and not re.search(r"['\u2019]s?$", ctx.text[pm.start : pm.end + 2].split()[0])
            )
        ):
            continue  # "a message to Paris"; but "welcomed Talabani to Paris" is there
        if any(
            tb <= v[0] and v[1] <= pm.start and re.search(r",\s*which\b", ctx.text[v[1] : pm.start])
            for v in visit_spans
        ):
            continue  # "received ... as part of his tour, which began in Chile": a leg of the tour
        if pm.start >= tb and _TOPIC.search(ctx.text[tb : pm.start]):
            continue  # "met X to discuss ... the decisions taken at the NATO Summit": a topic
        if pm.start >= tb and LEAVING_FOR.search(ctx.text[tb : pm.start]):
            continue  # "call on Singh before leaving for Pakistan": where he goes next
        dist = pm.start - tb if pm.start >= tb else (ta - pm.end) * 1.5
        if pm.start < ta and re.search(r",\s*(?:and|but)\b|;", ctx.text[pm.end : ta]):
            dist += 1000  # "... in Sydney on Wednesday, and to meet X in Wellington"
        if best is None or dist < best[0]:
            best = (dist, pm)
    if best and kind != "call":
        place = best[1].place
    place_after = bool(best and best[1].start >= tb) or bool(
        best
        and best[1].context.split()[-1] == "to"
        and re.search(r"\bfor\s+(?:[\w-]+\s+){0,2}$", fbefore)
    )
    return place, place_after


_TOPIC = re.compile(
    r"\b(?:to\s+(?:discuss|review|talk\s+about|address|explore)|discuss(?:ed|ing)|"
    r"focus(?:ed|ing)\s+on|cent(?:red|ered)\s+on)\b",
    re.I,
)

_NEXT_LEG = re.compile(
    r"(?:\s+(?:on|from)\s+[^,;]{1,30}?)?\s*,?\s+(?:and\s+)?(?:then\s+)?(?:in|at)\s+$"
)


def _place_list(ctx: Mentions, r: Reading, t: Trigger) -> list[tuple[PlaceMention, Resolved]]:
    """ "bilateral meetings in Zimbabwe on Jan. 11, in Rwanda on Jan. 12, and in Gabon on Jan.
    13": two or more places after the trigger, each with "in" and its own day."""
    after = [pm for pm in r.places if t.end <= pm.start < min(t.hi, r.tail)]
    if len(after) < 2 or after[0].context not in ("in", "at"):
        return []
    if re.search(r"[,;]|\b(?:and|with)\b", ctx.text[t.end : after[0].start]):
        return []
    legs = [after[0]]
    for pm in after[1:]:
        if pm.context not in ("in", "at") or not _NEXT_LEG.fullmatch(
            ctx.text[legs[-1].end : pm.start]
        ):
            break
        legs.append(pm)
    if len(legs) < 2:
        return []
    tense = tense_near(r.s.text, t.start - r.s.start)
    out = []
    for k, pm in enumerate(legs):
        nxt = legs[k + 1].start if k + 1 < len(legs) else min(t.hi, r.tail)
        own = [d for d in r.dates if pm.end <= d.start_off < nxt]
        out.append((pm, resolve(own[0], r.pub, tense) if own else UNKNOWN))
    if sum(res.known for _pm, res in out) < 2:
        return []  # a list of places met in, not a list of days
    return out


def _when(
    ctx: Mentions, r: Reading, t: Trigger, n_triggers: int
) -> tuple[str, Resolved, date | None]:
    """The tense at the trigger, its date (the nearest of its own clause's dates; the
    sentence's, when it is the only trigger), and the day a past event cannot be before
    ("X, who arrived on Tuesday, met ...")."""
    s, pub, tail = r.s, r.pub, r.tail
    lo, hi, ta, tb = t.lo, t.hi, t.start, t.end
    tense = tense_near(s.text[lo - s.start : hi - s.start], ta - lo)
    own, aside = split_clause_dates(r.dates, r.clauses, ta)
    if any(tb <= d.start_off < hi for d in own):
        # a date before "and" belongs to the previous verb ("met X on Monday and ...")
        own = [
            d
            for d in own
            if not (
                lo <= d.end_off <= ta
                and re.search(r"\b(?:and|but|while)\b", ctx.text[d.end_off : ta])
            )
        ]
    res, _used = pick_date(own, lo, hi, tb, pub, tense)
    if not res.known and n_triggers == 1:
        res, _used = pick_date(own, s.start, tail, tb, pub, tense)
    not_before = None
    if not res.known and tense == "past":
        res, not_before = _bounded_by_clause(aside, lo, ta, pub)
    return tense, res, not_before


def _bounded_by_clause(
    aside: list[TimeExpr], lo: int, ta: int, pub: date | None
) -> tuple[Resolved, date | None]:
    """A past main event after "X, who was confirmed on Tuesday, ..." lies between that day
    and publication: a range when it is a short one, never a single invented day."""
    if pub is None:
        return UNKNOWN, None
    for d in aside:
        if not (lo <= d.start_off < ta):
            continue
        r = resolve(d, pub, "past")
        if r.known and r.precision == "day" and 0 <= (pub - r.end).days <= 3:
            return Resolved(r.end, pub, "day"), r.end
    return UNKNOWN, None
