"""The extraction pipeline: people, engagements, trips and agreements from one article."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from . import gazetteer as gz
from .agreements import find_agreements
from .clauses import (
    CANCELLED,
    NEGATION,
    PLUPERFECT_PLAN,
    PRONOUN,
    cancel_nearby,
    hypothetical,
    non_possessive,
    non_possessive_pairs,
    person_clauses,
    pick_date,
    reporting_tail,
    speakers,
    split_clause_dates,
)
from .coreference import resolve_nominal
from .dates import (
    UNKNOWN,
    Resolved,
    TimeExpr,
    resolve,
)
from .mentions import find_mentions
from .models import Document, Engagement, Official, Place, Trip, TripStop
from .places import PlaceMention, named_after
from .sentences import read_text
from .stages import Eng, Events, Mentions, Stop
from .tense import tense_near
from .text import Sentence, fold, normalize_key
from .titles import title_family, title_regex
from .triggers import (
    HOST_TRIGGER,
    IN_PERSON,
    KIND_RANK,
    VISIT_TRIGGER,
    cluster_triggers,
    event_title,
    find_triggers,
    is_named,
)

PLURAL_ANAPHOR = re.compile(
    r"\b(?:(?:both|the\s+pair\s+of)\s+(?:leaders|sides|ministers|men|women|presidents|"
    r"diplomats|officials|heads\s+of\s+state|counterparts|foreign\s+ministers|allies|"
    r"prime\s+ministers|top\s+diplomats)\b|the\s+leaders\b(?!\s+of\b)|the\s+two\b(?!\s+(?:countries|nations|"
    r"governments|states|days|weeks|months|years|sides'|of\b)))",
    re.I,
)
# place and day adjuncts, then the guest's office: "at Bayan Palace on Monday Minister of ..."
RECEIVED_ADJUNCTS = re.compile(
    r"(?:\s+(?:at|in|on)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s*)+){1,3}[^,.;]{0,90}$"
)


ACCOMPANY = re.compile(
    r"\b(?:join(?:s|ed|ing)?|accompan(?:y|ies|ied|ying)|alongside|together\s+with|be\s+joined\s+by|"
    r"was\s+joined\s+by)\b",
    re.I,
)
COUNTERPART_OF = re.compile(r"\bcounterparts?\s+(?:from|of|in)\s+(?P<list>[^.;:]{2,160})", re.I)
_LIST_SEP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*,?\s*plus\s+)")
AND_VP = re.compile(
    r"\band\s+to\s+(?:[\w-]+\s+){0,3}$|\b(?:and|but)\s+(?:(?:was|is|were|are|will|would|has|had|then|later|also|is\s+due|was\s+due|"
    r"is\s+set|was\s+set|is\s+expected|was\s+expected|plans|planned|is\s+scheduled|"
    r"was\s+scheduled)\s+)+(?:to\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
TIME_ADJUNCT = re.compile(
    r"\b(?:days|weeks|hours|months|shortly|just|ahead\s+of|before|after|since)\s+"
    r"(?:\w+\s+)?(?:the|a|an|its|their|his|her)\s+(?:[\w'-]+\s+){0,3}$",
    re.I,
)
CP_BREAK = re.compile(
    r",\s*(?:where|which|who|while|after|before|but)\b|\b(?:before|after|while)\s+\w+ing\b|;"
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


def _counterpart_countries(text: str, base: int, lo: int, hi: int) -> list[str]:
    out: list[str] = []
    seg = text[lo - base : hi - base]
    m = COUNTERPART_OF.search(seg)
    if m:
        rest = m.group("list")
        rx = gz.country_regex()
        while True:
            rest = re.sub(r"^(?:the\s+)", "", rest)
            cm = rx.match(rest)
            if not cm:
                break
            code = gz.country_code(cm.group(0))
            if code and code not in out:
                out.append(code)
            rest = rest[cm.end() :]
            sep = _LIST_SEP.match(rest)
            if not sep:
                break
            rest = rest[sep.end() :]
    for cm in re.finditer(r"((?:[A-Z][\w.]*\s*(?:,|and)?\s*){1,6})\s+counterparts?\b", seg):
        for x in gz.country_regex().finditer(cm.group(1)):
            code = gz.country_code(x.group(0))
            if code and code not in out:
                out.append(code)
    return out


_CLAUSE_BREAK = re.compile(
    r"\b(?:after|because|when|while|during|since|as|before|following|but|although)\b|[;:]", re.I
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


def _recent_pair(
    ctx: Mentions, engs: list[Eng], s: Sentence, before: int | None = None
) -> list[int]:
    """The two people a plural "the two leaders" points back to."""
    if before is not None:
        earlier: list[int] = []
        for a, _b, pid in ctx.mentions.get(s.index, []):
            if a < before and pid not in earlier:
                earlier.append(pid)
        if len(earlier) >= 2:
            return earlier[-2:]
    for e in reversed(engs):
        if e.sentence == s.index - 1:
            parts = [p for p in e.participants() if isinstance(p, int)]
            if len(parts) >= 2:
                return parts
        if e.sentence < s.index - 1:
            break
    for k in range(s.index, max(-1, s.index - 4), -1):
        if k == s.index:
            continue
        ms = ctx.mentions.get(k, [])
        if not ms:
            continue
        sent = ctx.sentences[k]
        spk = speakers(sent, ms)
        pids: list[int] = []
        for a, b, pid in ms:
            if (a, b) not in spk and pid not in pids:
                pids.append(pid)
        if len(pids) >= 2:
            return pids[:2]
    # the two people quoted last ("Kurti said ..., while Vucic told ...")
    for k in range(s.index - 1, max(-1, s.index - 5), -1):
        pids = []
        for _a, _b, pid in ctx.mentions.get(k, []):
            if pid not in pids:
                pids.append(pid)
        if len(pids) >= 2:
            return pids[:2]
        if pids:
            break
    return []


LIST_GAP = re.compile(r"^[^.;:]{0,70}$")
LIST_GAP_STOP = re.compile(
    r"\b(?:said|says|who|whom|which|that|with|to|of|for|after|before)\b", re.I
)
JOINED = re.compile(r"\b(?:joined|joins|join|joining)\s+$", re.I)


def _subject_list(text: str, pre: list[tuple[int, int]], subj: list[int]) -> list[int]:
    """ "Petro, Arce and Boluarte joined Lula at the summit": every member of a subject list
    ("A, B and C") takes part, and so does the one they joined."""
    chain = [pre[0]]
    for a, pid in pre[1:]:
        gap = text[chain[-1][0] : a]
        gap = re.sub(r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*", "", gap)  # the previous name
        if not (LIST_GAP.match(gap) and re.search(r",|\band\b", gap)) or LIST_GAP_STOP.search(gap):
            break
        chain.append((a, pid))
    out = list(subj)
    if len(chain) > 2 and re.search(r"\band\s", text[chain[-2][0] : chain[-1][0]]):
        out += [pid for _a, pid in chain if pid not in out]
    for a, pid in pre:
        if pid not in out and out and JOINED.search(text[max(0, a - 12) : a]):
            out.append(pid)
    return out


def _extract_engagements(ctx: Mentions, ev: Events) -> None:
    for s in ctx.sentences:
        if s.kind != "body":
            continue
        pub = ctx.pub_at(s.start)
        ms = ctx.mentions.get(s.index, [])
        spk = speakers(s, ms)
        tail = reporting_tail(s)
        persons = [(a, b, pid) for a, b, pid in ms if (a, b) not in spk and a < tail]
        pspans = [(a, b) for a, b, _ in ms]
        dates = [d for d in ctx.dates[s.index] if d.start_off < tail]
        places = ctx.places[s.index]
        trig = find_triggers(s)
        clusters = cluster_triggers(s, trig, pspans)
        visit_spans = [
            (s.start + m.start(), s.start + m.end()) for m in VISIT_TRIGGER.finditer(s.text)
        ]
        focus = ctx.focus.get(s.index)
        clauses = person_clauses(s, ms)
        prev_subj: list[int] = []
        prev_cancelled = False
        for ci, (ta, tb, kind, members) in enumerate(clusters):
            lo = clusters[ci - 1][1] if ci else s.start
            hi = clusters[ci + 1][0] if ci + 1 < len(clusters) else s.end
            hi = min(hi, tail) if tail > tb else hi
            before = ctx.text[lo:ta]
            fbefore = fold(before)
            after_text = s.text[tb - s.start : hi - s.start]
            if NEGATION.search(fbefore[-40:]) or re.search(
                r"\bno\s+(?:plans?|immediate)\b", fbefore
            ):
                continue
            if hypothetical(fbefore) and members[0][3].lower().startswith("meet"):
                continue
            if re.search(r"\b(?:if|unless)\b", after_text):
                continue
            passive = _passive_host(members, fbefore, after_text)
            # "he ... was received by X": the one received stays the subject, and came
            guest_is_subject = passive is not None
            if all(HOST_TRIGGER.match(m[3]) for m in members) and not passive:
                pronoun_obj = re.match(r"\s+(?:him|her)\b", after_text)
                # "received at Bayan Palace on Monday Minister of Foreign Affairs ... Saidov":
                # where and when may come between the verb and the guest
                near = [a for a, _, _ in persons if tb <= a <= tb + 140]
                guest = near and (
                    near[0] <= tb + 25 or RECEIVED_ADJUNCTS.match(ctx.text[tb : near[0]])
                )
                if not pronoun_obj and not guest:
                    continue
                if re.match(r"\s+(?:a|an|the)\b", after_text):
                    continue
            cancelled = bool(CANCELLED.search(s.text[max(lo, ta - 60) - s.start : hi - s.start]))
            if not cancelled and PLUPERFECT_PLAN.search(fbefore[-60:]):
                cancelled = cancel_nearby(ctx.sentences, s)
            # participants
            between = re.match(r"^[^.;]{0,40}?\bbetween\b", after_text)
            if kind == "sign" and not between:
                between = re.match(r"^[^.;,]{0,40}?\bby\b", after_text)
            cps: list[int | str] = []
            subj: list[int] = []
            if between:
                bpos = tb + between.end()
                for a, _b, pid in persons:
                    if bpos <= a < hi and pid not in cps:
                        cps.append(pid)
            else:
                brk = CP_BREAK.search(ctx.text, tb, hi)
                cp_hi = brk.start() if brk else hi
                for a, _b, pid in persons:
                    if tb <= a < cp_hi and pid not in cps:
                        cps.append(pid)
                for code in _counterpart_countries(s.text, s.start, tb, hi):
                    cps.append("cc:" + code)
                pre = sorted(
                    non_possessive_pairs(
                        ctx.text, [(a, b, pid) for a, b, pid in persons if lo <= a < ta]
                    )
                )
                plural = PLURAL_ANAPHOR.search(fbefore)
                if plural and all(a < lo + plural.start() for a, _ in pre):
                    subj = _recent_pair(ctx, ev.engagements, s, lo + plural.start())
                elif pre:
                    first_a, first = pre[0]
                    subj = [first]
                    for a, pid in pre[1:]:
                        gap = fold(ctx.text[first_a:a])
                        if re.search(r"\band\b", gap) and pid not in subj:
                            subj.append(pid)
                    subj = _subject_list(ctx.text, pre, subj)
                    lead = fold(ctx.text[lo:first_a])
                    he_and = re.search(r"\b(?:he|she)\s+and\s+$", lead, re.I)
                    if he_and and focus is not None and focus not in subj:
                        subj.insert(0, focus)
                else:
                    nom = PRONOUN.search(fbefore) or title_regex().search(fbefore)
                    who = resolve_nominal(ctx, fbefore, focus) if nom else focus
                    if who is not None:
                        subj = [who]
                if not cps and re.match(r"\s+(?:him|her)\b", fold(ctx.text[members[0][1] : hi])):
                    # "Biden will host him at the White House": the person just mentioned
                    other = [p for p in prev_subj if p not in subj] or (
                        [focus] if focus is not None and focus not in subj else []
                    )
                    cps.extend(other[:1])
                conj = AND_VP.search(fbefore)
                if (
                    conj
                    and prev_subj
                    and not any(lo + conj.start() <= a < ta for a, _ in pre)
                    and ci > 0
                ):
                    # "he met X on Monday and was due to see Y": the same subject
                    subj = list(prev_subj)
                    cancelled = cancelled or prev_cancelled
                if passive and pre:
                    # "Erdogan was received ... by Steinmeier": the host is the one after "by"
                    by_at = tb + passive.end()
                    hosts = [pid for a, _b, pid in persons if by_at <= a < by_at + 60]
                    if hosts:
                        subj, cps = hosts[:1], [pre[-1][1]]
                        guest_is_subject = False
                elif (
                    GERUND_AFTER.search(fbefore)
                    and members[0][3].lower().endswith("ing")
                    and ci > 0
                ):
                    # "flew to Kyiv for talks with X, a day after meeting Y": the main subject
                    lead = non_possessive_pairs(
                        ctx.text, [(a, b, pid) for a, b, pid in persons if s.start <= a < ta]
                    )
                    if lead:
                        subj = [lead[0][1]]
                elif (
                    kind == "call"
                    and not cps
                    and len(pre) >= 2
                    and CALL_OBJECT.search(fold(ctx.text[pre[-1][0] : ta]))
                ):
                    # "Macron urged Pezeshkian in a telephone call": the object is the other side
                    cps = [pre[-1][1]]
                    subj = [p for p in subj if p != pre[-1][1]] or [pre[0][1]]
                cps = [p for p in cps if p not in subj]
            if subj:
                prev_subj = list(subj)
                prev_cancelled = cancelled
            # title and place
            title = event_title(s.text[lo - s.start : hi - s.start], lo, ta, tb)
            org_title = None
            for pm in places:
                if pm.kind == "org" and lo <= pm.start < hi:
                    acr, _, _ = gz.org_headquarters(ctx.text[pm.start : pm.end])
                    org_title = acr
            if org_title and not title:
                title = f"{org_title} {' '.join(m[3].lower() for m in members)}"
            if title and kind in ("meeting", "talks", "call"):
                head = title.split()[-1].lower()
                for k in ("summit", "dialogue", "conference", "forum", "ministerial"):
                    if head.startswith(k):
                        kind = {"forum": "conference", "ministerial": "conference"}.get(k, k)
            if kind in ("meeting", "talks") and any(m[2] == "conference" for m in members):
                kind = "conference"
            place = None
            best = None
            for pm in places:
                if not (lo <= pm.start < hi) or pm.start >= tail:
                    continue
                if pm.kind == "org" and named_after(pm, places):
                    continue  # "the NATO summit in Vilnius": not at NATO's headquarters
                if pm.context in ("to",) and not any(v[0] < pm.start for v in visit_spans):
                    continue
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
            tense = tense_near(s.text[lo - s.start : hi - s.start], ta - lo)
            own, aside = split_clause_dates(dates, clauses, ta)
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
            if not res.known and len(clusters) == 1:
                res, _used = pick_date(own, s.start, tail, tb, pub, tense)
            not_before = None
            if not res.known and tense == "past":
                res, not_before = _bounded_by_clause(aside, lo, ta, pub)
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
            back_ref = definite and not named and (ci > 0 or BACK_REF.search(fbefore))
            if back_ref and not between:
                # "on the sidelines of the summit", "officials familiar with the talks"
                _merge_anaphoric(
                    ctx, ev.engagements, s, subj, res, dates, ta, tb, title, place, cancelled, kind
                )
                continue
            if not cps and len(subj) < 2:
                if (definite and not (named and kind in ("summit", "conference", "dialogue"))) or (
                    org_title and kind not in ("summit", "dialogue")
                ):
                    _merge_anaphoric(
                        ctx,
                        ev.engagements,
                        s,
                        subj,
                        res,
                        dates,
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
                visitors=_visitors(members, subj, cps, guest_is_subject),
            )
            conf = 0.55 + (0.15 if cps else 0) + (0.1 if res.known else 0) + (0.05 if place else 0)
            separate = kind == "call" or SEPARATE.search(s.text[lo - s.start : hi - s.start])
            if (
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
        _accompany(ctx, ev, s, persons, clusters, focus)


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


def _merge_anaphoric(
    ctx: Mentions,
    engs: list[Eng],
    s: Sentence,
    subj: list[int],
    res: Resolved,
    dates: list[TimeExpr],
    ta: int,
    tb: int,
    title: str | None,
    place: Place | None,
    cancelled: bool = False,
    kind: str = "meeting",
) -> None:
    """ "the meeting Tuesday": extend the latest engagement of the subject."""
    target = None
    is_call = kind == "call"
    for e in reversed(engs):
        if s.index - e.sentence > 8:
            break
        if (e.kind == "call") != is_call:
            continue
        if (
            title
            and e.title
            and not set(normalize_key(title).split()) & set(normalize_key(e.title).split())
        ):
            continue
        if subj and not set(subj) & set(e.participants()):
            continue
        target = e
        break
    if target is None:
        if title and subj:
            low = title.lower()
            head = low.split()[-1]
            new_kind = next(
                (k for k in ("summit", "dialogue", "conference") if head.startswith(k)),
                "conference" if "ministerial" in low or "forum" in low else "meeting",
            )
            engs.append(
                Eng(
                    new_kind,
                    list(subj),
                    [],
                    s.index,
                    [s.span],
                    title=title,
                    place=place,
                    place_explicit=place is not None,
                    res=res,
                    tense="unknown",
                    confidence=0.5,
                )
            )
        return
    near, _ = pick_date(
        dates, s.start, s.end, tb, ctx.pub_at(s.start), "unknown", max_after=25, max_before=25
    )
    if near.known:
        if target.res.known:
            target.res = Resolved(
                min(target.res.start, near.start),
                max(target.res.end, near.end),
                "day" if "day" in (target.res.precision, near.precision) else near.precision,
            )
        else:
            target.res = near
    if s.span not in target.evidence:
        target.evidence.append(s.span)
    trigger_word = fold(ctx.text[ta:tb]).lower()
    if title and not target.title and trigger_word in title.lower():
        target.title = title
    if cancelled:
        target.cancelled = True
    # "Petro, Arce and Boluarte joined Lula at the summit": those who join a gathering told
    # of again take part in it, and came to it
    if target.kind in ("summit", "conference") and kind in ("summit", "conference"):
        for pid in subj:
            if pid not in target.participants():
                target.counterparts.append(pid)
                if target.place is not None and pid not in target.visitors:
                    target.visitors.append(pid)


def _accompany(
    ctx: Mentions,
    ev: Events,
    s: Sentence,
    persons: list[tuple[int, int, int]],
    clusters: list,
    focus: int | None,
) -> None:
    m = ACCOMPANY.search(s.text)
    if not m or clusters:
        return
    pos = s.start + m.start()
    before = [pid for a, _b, pid in persons if a < pos]
    after = [pid for a, _b, pid in persons if a > pos]
    subj = before[0] if before else None
    if subj is None:
        nom = PRONOUN.search(s.text[: m.start()]) or title_regex().search(s.text[: m.start()])
        subj = resolve_nominal(ctx, s.text[: m.start()], focus) if nom else focus
    if subj is None or not after:
        return
    for e in reversed(ev.engagements):
        if s.index - e.sentence > 3:
            break
        if e.kind == "call" or subj not in e.participants():
            continue
        for pid in after:
            if pid not in e.participants():
                e.counterparts.append(pid)
        if s.span not in e.evidence:
            e.evidence.append(s.span)
        break
    if re.match(r"accompan", m.group(0), re.I) or "joined by" in m.group(0).lower():
        recent = [st for st in ev.stops if st.traveler == subj and s.index - st.sentence <= 3]
        for st in recent:
            for pid in after:
                ev.stops.append(
                    Stop(pid, st.place, st.res, s.index, [s.span], st.order, st.tense, st.cancelled)
                )


RETURN_HOME = re.compile(
    r"\b(?:return(?:s|ed|ing)?|back|home)\s+(?:home\s+)?to\s+(?:the\s+)?$", re.I
)
# "visited Kenya's neighbors": the possessor names whose neighbours, not where one went
OTHER_PLACES_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:\w+\s+)?(?:neighbou?rs?|neighbou?ring|allies|rivals|partners|enemies|"
    r"adversaries|foes)\b",
    re.I,
)
NEW_SUBJECT = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?=\S)", re.I)
NOUN_TRIGGER_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|this|that)\s+(?:[\w-]+\s+){0,2}$", re.I
)
_STOP_CONTEXT = re.compile(
    r"^(?:to|in|at|into|visit(?:s|ed|ing)?|stops? (?:in|at)|arriv\w* in|trip to|visit to|tour of|"
    r"travel\w*(?: on)? to|head\w* to|fl\w* to|meetings?|talks|summit|"
    r"(?:left|leav\w*|depart\w*|sets? off) for|"
    r"(?:south|north|east|west)\w* of|"
    r"near|outside)$"
)


_DISTANCE_BEFORE = re.compile(
    r"\d\s*(?:km|kilometers|kilometres|miles)\b[^.;]{0,25}?\b(?:north|south|east|west)\w*\s+"
    r"of\s+$"
)
# "a visit to Washington by two aides": who made the visit; not "flew to Congo and was
# received by the president", where a new verb begins
_VISIT_BY = re.compile(r"(?:(?!\b(?:was|were|is|are|been|being|and)\b)[^.;,]){0,40}?\bby\s+")
# "by two of his closest aides", "by a delegation": travellers the text does not name
_UNNAMED_PARTY = re.compile(
    r"(?:(?:a|an|the|his|her|their|its|two|three|several|some|senior|top|of|closest|close|"
    r"[a-z]+est)\s+){0,5}(?:aides?|officials?|delegations?|teams?|envoys?|advis[eo]rs?|"
    r"ministers|diplomats|lawmakers|staff|negotiators)\b",
    re.I,
)


def _extract_trips(ctx: Mentions, ev: Events) -> None:
    order = 0
    for s in ctx.sentences:
        if s.kind != "body":
            continue
        pub = ctx.pub_at(s.start)
        ms = ctx.mentions.get(s.index, [])
        spk = speakers(s, ms)
        tail = reporting_tail(s)
        persons = [(a, b, pid) for a, b, pid in ms if (a, b) not in spk and a < tail]
        vts = [
            (s.start + m.start(), s.start + m.end(), m.group(0))
            for m in VISIT_TRIGGER.finditer(s.text)
        ]
        if not vts:
            continue
        places = [p for p in ctx.places[s.index] if p.start < tail]
        dates_all = [d for d in ctx.dates[s.index] if d.start_off < tail]
        focus = ctx.focus.get(s.index)
        clauses = person_clauses(s, ms)
        used_places: set[int] = set()
        for vi, (va, vb, words) in enumerate(vts):
            hi = vts[vi + 1][0] if vi + 1 < len(vts) else tail
            lo = vts[vi - 1][1] if vi else s.start
            before = fold(ctx.text[lo:va])
            if NEGATION.search(before[-40:]):
                continue
            if hypothetical(before) or re.search(
                r"\b(?:if|unless)\b", s.text[vb - s.start : hi - s.start]
            ):
                continue
            cancelled = _cancel_governs(s.text, va - s.start, vb - s.start) or (
                bool(PLUPERFECT_PLAN.search(s.text)) and cancel_nearby(ctx.sentences, s)
            )
            dates, _aside = split_clause_dates(dates_all, clauses, va)
            # traveler
            pre = non_possessive(
                ctx.text, [(a, b, pid) for a, b, pid in persons if s.start <= a < va]
            )
            traveler = (
                pre[-1]
                if pre and re.search(r"'s?\s+(?:\w+\s+){0,2}$", fold(ctx.text[s.start : va]))
                else (pre[0] if pre else None)
            )
            by = _VISIT_BY.match(s.text[vb - s.start :])
            if by:
                after_by = [
                    pid for a, _b, pid in persons if vb + by.end() <= a <= vb + by.end() + 40
                ]
                if after_by:
                    traveler = after_by[0]
                elif _UNNAMED_PARTY.match(s.text[vb - s.start + by.end() :]):
                    continue  # "a visit to Washington by two of his aides": nobody named goes
            # "Modi visited Riyadh in 2019, and Crown Prince Mohammed paid a visit to ...": a
            # new clause with its own subject names the traveler of what follows
            if pre and traveler == pre[0]:
                cut = [m.end() for m in NEW_SUBJECT.finditer(ctx.text, s.start, va)]
                later = [pid for a, _b, pid in persons if cut and cut[-1] <= a < va]
                if later and later[0] != traveler:
                    traveler = later[0]
            if traveler is None:
                nom = PRONOUN.search(before) or title_regex().search(before)
                traveler = resolve_nominal(ctx, before, focus) if nom else focus
            if traveler is None:
                continue
            # the trip's places: modifier right before ("Paris visit") or after the trigger
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
                if (
                    (
                        pm.end <= va
                        and va - pm.end <= 3
                        and pm.context
                        in ("visit", "trip", "tour", "stop", "stay", "leg", "stopover")
                    )
                    or vb
                    <= pm.start
                    < (hi if not re.search(r"trip|tour", words, re.I) else trip_hi)
                    and _STOP_CONTEXT.match(pm.context)
                ):
                    stop_places.append(pm)
            # "The visit comes three months after ... signed in Beijing": a visit named as a
            # noun takes its destination from right after it, not from a later clause
            if NOUN_TRIGGER_BEFORE.search(ctx.text[max(s.start, va - 40) : va]) and not any(
                vb <= pm.start <= vb + 12 for pm in stop_places
            ):
                stop_places = [
                    pm
                    for pm in stop_places
                    if pm.end <= va
                    or not re.search(r"[,;]", ctx.text[vb : pm.start])
                    and pm.start - vb <= 30
                ]
            if not stop_places:
                continue
            tense = tense_near(s.text, va - s.start)
            found_dates: list[Resolved] = []
            for k, pm in enumerate(stop_places):
                used_places.add(id(pm))
                nxt = stop_places[k + 1].start if k + 1 < len(stop_places) else tail
                prv = stop_places[k - 1].end if k else (va if vi else s.start)
                res, _ = pick_date(dates, prv, nxt, pm.end, pub, tense)
                if not res.known and len(stop_places) > 1:
                    res = UNKNOWN
                found_dates.append(res)
            # "to New Delhi and Mumbai in March": a list shares the date that closes it
            for k in range(len(stop_places) - 2, -1, -1):
                gap = s.text[stop_places[k].end - s.start : stop_places[k + 1].start - s.start]
                if not found_dates[k].known and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap):
                    found_dates[k] = found_dates[k + 1]
            for pm, res in zip(stop_places, found_dates, strict=True):
                order += 1
                ev.stops.append(
                    Stop(traveler, pm.place, res, s.index, [s.span], order, tense, cancelled)
                )


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
    ev = Events()
    _extract_trips(ctx, ev)
    _extract_engagements(ctx, ev)

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


GERUND_AFTER = re.compile(r"\b(?:after|before|since|while)\s+$", re.I)
CALL_OBJECT = re.compile(
    r"^[\w.' -]{2,60}?\s+(?:in|during|over)\s+(?:a|an|their|the)\s+(?:[\w-]+\s+){0,2}$", re.I
)
PASSIVE_BY = re.compile(r"^[^.;]{0,60}?\bby\s+", re.I)


def _passive_host(members: list, fbefore: str, after_text: str) -> re.Match[str] | None:
    """ "was received with military honours by X": a host trigger in the passive voice."""
    if not all(HOST_TRIGGER.match(m[3]) for m in members):
        return None
    if not re.search(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+\s+)?$", fbefore):
        return None
    return PASSIVE_BY.match(after_text)


def _visitors(
    members: list, subj: list[int], cps: list[int | str], guest_is_subject: bool = False
) -> list[int]:
    """Who came to the meeting place: the guest of "X hosted Y", the subject of "X met Y"
    and of "X was received by Y". "The two leaders last met in Ohrid" names nobody met, so
    nobody is known to have come."""
    met = [c for c in cps if isinstance(c, int)]
    if all(HOST_TRIGGER.match(m[3]) for m in members) and not guest_is_subject:
        return met
    return list(subj) if met else []


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
