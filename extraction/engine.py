"""The extraction pipeline: people, engagements, trips and agreements from one article."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from .agreements import find_agreements
from .dates import (
    Resolved,
)
from .events import find_events
from .grouping import group_events
from .mentions import find_mentions
from .models import Document, Engagement, Official, Trip, TripStop
from .sentences import read_text
from .stages import Eng, Mentions
from .text import normalize_key
from .trips import build_trips

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


def extract_document(text: str, published: date | None) -> Document:
    ctx = find_mentions(read_text(text, published))
    text, sentences, people, mentions = ctx.text, ctx.sentences, ctx.people, ctx.mentions
    ev = find_events(ctx)

    officials = set(ctx.officials)
    groups = group_events(ctx, ev)
    found = build_trips(ctx, groups)
    engs, trips = found.engagements, found.trips

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
