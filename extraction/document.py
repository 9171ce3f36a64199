"""Stage 7, document: takes the Mentions, the Trips and the Agreements, returns the contract's
Document (models.py, CONTRACT.md). Decides how things are shown: an official's name (the
fullest form, as the text spells it) and aliases, a title in title case, no country for an
organisation's official, an engagement's status from its dates, tense and cancellation, a
trip's stops in the order told (called-off stops left out), its companions among the officials;
every participant is listed as an official."""

from __future__ import annotations

import re
from datetime import date

from .dates import Resolved
from .models import Document, Engagement, Official, Trip, TripStop
from .stages import Agreements, Mentions, Trips
from .text import normalize_key
from .titles import ABBREVIATED


def assemble_document(ctx: Mentions, trips: Trips, agreements: Agreements) -> Document:
    people, published = ctx.people, ctx.published
    officials = set(ctx.officials)
    engs = trips.engagements
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
    doc.agreements = agreements.agreements
    pub = published
    for e in sorted(engs, key=lambda e: e.evidence[0][0]):
        parts = [name(p) for p in e.participants() if isinstance(p, int)]
        if not parts:
            continue
        kind = e.kind
        unnamed = any(isinstance(c, str) for c in e.counterparts)  # "his French counterpart"
        if kind in _BETWEEN_TWO and len(parts) == 1 and not unnamed:
            # "will also hold meetings with business leaders": a meeting with nobody named is
            # no engagement, unless it is a gathering ("a meeting of the Quad's leaders") or
            # told with its place and day (whoever it was with went unnamed)
            said = " ".join(ctx.text[a:b] for a, b in e.evidence)
            if _GATHERING.search(said) or e.title:
                kind = "conference"
            elif not (e.place and e.res.known):
                continue
        res = e.res
        doc.engagements.append(
            Engagement(
                kind=kind,
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
    for pid, stops in trips.trips.items():
        # a trip called off keeps its stops, each marked cancelled (as its visit is)
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
                        cancelled=st.cancelled,
                    )
                    for st in stops
                ],
                [name(c) for c in trips.companions.get(pid, []) if c in officials],
            )
        )
    return doc


_BETWEEN_TWO = ("meeting", "talks", "dialogue")
_GATHERING = re.compile(
    r"\b(?:meetings?\s+of|summit|forum|conference|ministerial|gathering|assembly|session)\b",
    re.I,
)


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


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    t = " ".join(title.split())
    t = ABBREVIATED.get(t, t)
    if t.islower() or t[:1].islower():
        t = " ".join(
            w if w in ("of", "for", "and", "the", "to") else w[:1].upper() + w[1:]
            for w in t.split()
        )
    return t
