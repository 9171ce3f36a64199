"""Coreference: whom "he", "his" or "the nation's top diplomat" refers to, and who each sentence
is about (its focus: computed by the mentions stage); and, for the events stage, whom "the two
leaders" means, which engagement "the meeting" or "the summit" refers back to, and whose
engagement and trip "accompanied by Y" joins."""

from __future__ import annotations

import re
from functools import lru_cache

from . import gazetteer as gz
from .clauses import PRONOUN, Reading, pick_date, speakers
from .dates import Resolved, TimeExpr
from .models import Place
from .stages import Eng, Events, Mentions, Stop
from .text import Sentence, fold, normalize_key
from .titles import TITLE_PATTERN, title_family, title_regex
from .triggers import Trigger

OWNER_BEFORE = re.compile(r"\b(?:the\s+)?(?P<owner>[A-Z][\w.-]*)['’]s\s+(?:[a-z-]+\s+){0,2}$")


def _owner_fit(ctx: Mentions, before: str) -> int | None:
    """ "the EU's top diplomat", "Ukraine's foreign minister": the one official serving that
    owner (an organisation's officials serve no country) - when exactly one does."""
    m = OWNER_BEFORE.search(before)
    if not m:
        return None
    owner = m.group("owner")
    code = gz.country_code(owner)
    if code:
        fits = [p for p in ctx.people if p.title and p.country == code]
    elif owner in gz.ORG_ACRONYMS:
        fits = [p for p in ctx.people if p.title and p.country in (None, "ORG")]
    else:
        return None
    return fits[0].id if len(fits) == 1 else None


def _demonym_fit(ctx: Mentions, before: str, title: str) -> int | None:
    """ "the Russian minister": the one official of that country whose title has that word."""
    m = re.search(r"\b(?:the|a)\s+([A-Z][\w.-]*)\s+(?:[a-z-]+\s+)?$", before, re.I)
    if not m:
        return None
    code = gz.country_code(m.group(1))
    if not code:
        return None
    head = title.split()[-1].lower()
    fits = [
        p for p in ctx.people if p.title and p.country == code and head in p.title.lower().split()
    ]
    return fits[0].id if len(fits) == 1 else None


def resolve_nominal(ctx: Mentions, text: str, focus: int | None) -> int | None:
    """Resolve "he", "his", "the nation's top diplomat" to a person."""
    m = title_regex().search(text)
    if m:
        fam = title_family(m.group("title"))
        owned = _owner_fit(ctx, text[: m.start()])
        if owned is not None:
            return owned
        described = _demonym_fit(ctx, text[: m.start()], m.group("title"))
        if described is not None:
            return described
        if fam:
            if focus is not None and title_family(ctx.people[focus].title) in (fam, None):
                return focus
            fits = [p for p in ctx.people if title_family(p.title) == fam]
            if fits:
                return max(fits, key=lambda p: ctx.counts[p.id]).id
    return focus


def compute_focus(ctx: Mentions) -> None:
    """Who each sentence is about when it begins (ctx.focus): the subject of the last body
    sentence that had one, named or resolved from "he" or "the foreign minister"."""
    focus: int | None = None
    for s in ctx.sentences:
        ctx.focus[s.index] = focus
        ms = ctx.mentions.get(s.index, [])
        spk = speakers(s, ms)
        subj = None
        for a, b, pid in ms:
            if (a, b) not in spk:
                subj = pid
                lead = _strip_trailing_titles(s.text[: a - s.start])
                if focus is not None and (
                    re.match(r"^(?:[A-Z]\w+\s+){0,3}(?:he|she|his|her)\b", lead, re.I)
                    or re.match(r"^(?:the\s+)?(?:\w+'s\s+)?(?:new\s+|top\s+)?", lead, re.I)
                    and title_regex().search(lead)
                ):
                    subj = resolve_nominal(ctx, lead, focus)
                break
        if subj is None:
            head = s.text[:60]
            if re.match(r"^(?:[A-Z]\w+\s+){0,3}(?:he|she|his|her)\b", head, re.I) or re.match(
                r"^(?:the|a)\s+(?:\w+'s\s+)?(?:new\s+|top\s+)?", head, re.I
            ):
                subj = resolve_nominal(ctx, head, focus) if focus is not None else None
        if subj is not None and s.kind == "body":
            focus = subj


def nominal_subject(ctx: Mentions, before: str, focus: int | None) -> int | None:
    """The subject of a clause that names nobody before its verb: whom "he" or "the foreign
    minister" in ``before`` refers to, else the sentence's focus."""
    nom = PRONOUN.search(before) or title_regex().search(before)
    return resolve_nominal(ctx, before, focus) if nom else focus


def _strip_trailing_titles(text: str) -> str:
    """Drop "Italian Foreign Minister " right before a name, so it is not read as a nominal."""
    rx = _trailing_title_regex()
    prev = None
    while prev != text:
        prev = text
        cut = max(0, len(text) - 120)  # a title is short: look only at the tail
        m = rx.search(text, cut)
        if m:
            text = text[: m.start()]
    return text


@lru_cache(maxsize=1)
def _trailing_title_regex() -> re.Pattern[str]:
    return re.compile(r"(?:(?:the\s+)?[\w.'-]+\s+)?(?:" + TITLE_PATTERN + r")\s*$", re.I)


def recent_pair(
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


def merge_anaphoric(
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


ACCOMPANY = re.compile(
    r"\b(?:join(?:s|ed|ing)?|accompan(?:y|ies|ied|ying)|alongside|together\s+with|be\s+joined\s+by|"
    r"was\s+joined\s+by)\b",
    re.I,
)


def accompany(ctx: Mentions, ev: Events, r: Reading, triggers: list[Trigger]) -> None:
    """ "X was accompanied by Y", "joined by Y": in a sentence with no trigger of its own, the
    companions take part in X's latest engagement and share X's recent stops (ev, in place)."""
    s, persons, focus = r.s, r.persons, r.focus
    m = ACCOMPANY.search(s.text)
    if not m or triggers:
        return
    pos = s.start + m.start()
    before = [pid for a, _b, pid in persons if a < pos]
    after = [pid for a, _b, pid in persons if a > pos]
    subj = before[0] if before else None
    if subj is None:
        subj = nominal_subject(ctx, s.text[: m.start()], focus)
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
        recent = [st for st in ev.stops if st.traveler == subj and 0 <= s.index - st.sentence <= 3]
        for st in recent:
            for pid in after:
                ev.stops.append(
                    Stop(pid, st.place, st.res, s.index, [s.span], st.order, st.tense, st.cancelled)
                )
