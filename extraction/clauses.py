"""Reading a sentence and its clauses, for the passes that find events (visits.py, events.py):
who speaks in it, where a trailing ", X said" begins, whether a clause is negated, hypothetical
or called off, which mentions can be its subject, and which of its dates belong to its verb."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import UNKNOWN, Resolved, TimeExpr, resolve
from .places import PlaceMention
from .stages import Mention, Mentions
from .text import Sentence

NEGATION = re.compile(
    r"(?:\b(?:no|not|never|without|nor|neither)\b|n't)(?:\s+[\w'-]+){0,4}\s*$", re.I
)

HYPOTHETICAL = re.compile(
    r"\b(?:wants?|wanted|hopes?|hoped|would\s+like|seeks?|seeking|sought|offered|offers|"
    r"proposed|proposes|invited\s+[\w\s.'-]{1,40}?|asked|urged|called\s+for|calls\s+for|willing|"
    r"ready|could|might|(?-i:may)|should|would|only)\s+(?:to\s+)?(?:\w+\s+)?$",
    re.I,
)

REPORTED_FUTURE = re.compile(
    r"\b(?:agreed|agree|said|says|announced|confirmed|decided|told\s+\w+)\s+(?:that\s+)?"
    r"(?:[\w.'-]+\s+){1,4}(?:would|will)\s+(?:\w+\s+)?$",
    re.I,
)


def hypothetical(before: str) -> bool:
    """ "wants to meet", "could visit" - but not a reported plan ("agreed that Putin would
    visit")."""
    tail = before[-45:]
    return bool(HYPOTHETICAL.search(tail)) and not REPORTED_FUTURE.search(before[-90:])


CANCELLED = re.compile(
    r"\b(?:cancel(?:l)?ed|cancels|cancel(?:l)?ing|called\s+off|calls\s+off|postpone[ds]?|"
    r"postponing|scrapped|scraps|axed|put\s+off|delayed|suspended|shelved|cut\s+short|"
    r"was\s+off|is\s+off|derailed|nixed)\b",
    re.I,
)

PLUPERFECT_PLAN = re.compile(
    r"\b(?:had\s+been\s+(?:due|scheduled|set|expected|slated|planning|planned)\s+to|"
    r"(?:was|were)\s+to(?:\s+have)?(?=\s*$|\s+\w+\s*$)|had\s+planned\s+to)\b",
    re.I,
)


def cancel_nearby(sentences: list[Sentence], s: Sentence) -> bool:
    """A plan in the pluperfect ("had been due to meet") next to a cancellation."""
    for k in (s.index - 1, s.index, s.index + 1):
        if (
            0 <= k < len(sentences)
            and sentences[k].paragraph in (s.paragraph - 1, s.paragraph, s.paragraph + 1)
            and CANCELLED.search(sentences[k].text)
        ):
            return True
    return False


SPEAKER_AFTER = re.compile(
    r"^(?:'s)?\s*(?:,\s*[^,]{0,60},\s*|,\s*)?(?:said|says|told|tells|added|declared|noted|wrote|"
    r"tweeted|announced|stressed|confirmed)\b"
)

SPEAKER_BEFORE = re.compile(
    r"\b(?:said|says|[Aa]ccording\s+to(?:\s+(?:a|the)\s+statement\s+(?:from|by))?|added)\s+"
    r"(?:(?:[A-Z][\w.'-]*|the|a|an|of|for|state|foreign|minister|spokes\w+|secretary|press|"
    r"deputy|chief|senior|official|department|ministry|government)\s+){0,6}$"
)


def speakers(s: Sentence, mentions: list[tuple[int, int, int]]) -> set[tuple[int, int]]:
    """Mentions that introduce or close reported speech ("..., X said")."""
    out = set()
    for a, b, _pid in mentions:
        after = s.text[b - s.start :]
        before = s.text[: a - s.start]
        if SPEAKER_AFTER.match(after) or SPEAKER_BEFORE.search(before):
            out.add((a, b))
    return out


def reporting_tail(s: Sentence) -> int:
    """Offset where a trailing ", X said ..." clause starts (or the sentence end)."""
    m = re.search(
        r",\s*(?:[^,]{0,90}?\s)?(?:said|says|told\s+\w+|according\s+to|added|noted|announced|reported|confirmed|"
        r"stated|tweeted|wrote)\b(?!\s+(?:that|he|she|it|they|we|I|his|her)\b)"
        # "... Chavez said at a meeting with Lukashenko in Minsk": where it was said is told
        r"(?!\s+(?:at\s+(?:a|an|the|their|his|her)|during|after|following|while|upon|"
        r"on\s+the\s+(?:sidelines|margins))\b)[^,]*$",
        s.text,
    )
    if m:
        return s.start + m.start()
    return s.end


PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)

RELATIVE_CLAUSE = re.compile(
    r"(?:'s)?\s*,\s+(?:who|whom|whose|(?:newly\s+|recently\s+)?(?:confirmed|appointed|elected|"
    r"re-elected|named|nominated|sworn\s+in|installed|inaugurated))\b[^,;()]{0,160}?(?=,|;|\s-\s|$)",
    re.I,
)


def non_possessive_pairs(text: str, persons: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Mentions that can be a subject: "Wang's predecessor, Qin Gang, ..." is about Qin Gang."""
    plain = [(a, pid) for a, b, pid in persons if not re.match(r"['\u2019]s?\s", text[b : b + 3])]
    owners = [(a, pid) for a, b, pid in persons if (a, pid) not in plain]
    keep = list(plain)
    for a, pid in owners:
        # keep a possessive only when no plain mention follows it ("Blinken's call with ...")
        if not any(pa > a for pa, _ in plain):
            keep.append((a, pid))
    return keep


def non_possessive(text: str, persons: list[tuple[int, int, int]]) -> list[int]:
    keep = set(non_possessive_pairs(text, persons))
    return [pid for a, _b, pid in persons if (a, pid) in keep]


def person_clauses(s: Sentence, ms: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Spans of non-restrictive clauses on a person (", who was confirmed on Tuesday,")."""
    out = []
    for _a, b, _pid in ms:
        m = RELATIVE_CLAUSE.match(s.text, b - s.start)
        if m:
            out.append((b, s.start + m.end()))
    return out


def split_clause_dates(
    dates: list[TimeExpr], clauses: list[tuple[int, int]], trigger: int
) -> tuple[list[TimeExpr], list[TimeExpr]]:
    """Dates of the trigger's own clause, and dates inside clauses about a person.

    A date in ", who was confirmed on Tuesday," dates the confirmation, not the main verb;
    it only applies to a trigger that sits inside that clause.
    """
    own, aside = [], []
    home = [(a, b) for a, b in clauses if a <= trigger < b]
    for d in dates:
        inside = [(a, b) for a, b in clauses if a <= d.start_off and d.end_off <= b]
        # a trigger inside the clause takes only the clause's own dates
        ok = any(a <= d.start_off and d.end_off <= b for a, b in home) if home else not inside
        (own if ok else aside).append(d)
    return own, aside


def pick_date(
    dates: list[TimeExpr],
    lo: int,
    hi: int,
    anchor: int,
    pub: date | None,
    tense: str,
    max_after: int | None = None,
    max_before: int | None = None,
) -> tuple[Resolved, TimeExpr | None]:
    best = None
    for d in dates:
        if d.start_off < lo or d.end_off > hi:
            continue
        if d.text.lower().startswith("since "):
            continue  # "the first visit since 1996": when the last one was, not this one
        if d.start_off >= anchor:
            dist = d.start_off - anchor
            if max_after is not None and dist > max_after:
                continue
        else:
            dist = (anchor - d.end_off) * 1.2 + 3
            if max_before is not None and anchor - d.end_off > max_before:
                continue
        if best is None or dist < best[0]:
            best = (dist, d)
    if best is None:
        return UNKNOWN, None
    return resolve(best[1], pub, tense), best[1]


@dataclass
class Reading:
    """A body sentence as the event passes read it (visits.py, events.py)."""

    s: Sentence
    pub: date | None  # the day "today" means in it
    mentions: list[Mention]  # every mention of a person in it
    persons: list[Mention]  # those that can take part: no speaker, none in a ", X said" tail
    spans: list[tuple[int, int]]  # where people are named
    tail: int  # where a trailing ", X said ..." begins, or the sentence's end
    dates: list[TimeExpr]  # those before the tail
    places: list[PlaceMention]  # all of the sentence's places
    focus: int | None  # who the sentence is about when it begins
    clauses: list[tuple[int, int]]  # clauses about a person (", who was confirmed Tuesday,")


def read_sentence(ctx: Mentions, s: Sentence) -> Reading:
    ms = ctx.mentions.get(s.index, [])
    spk = speakers(s, ms)
    tail = reporting_tail(s)
    return Reading(
        s=s,
        pub=ctx.pub_at(s.start),
        mentions=ms,
        persons=[(a, b, pid) for a, b, pid in ms if (a, b) not in spk and a < tail],
        spans=[(a, b) for a, b, _ in ms],
        tail=tail,
        dates=[d for d in ctx.dates[s.index] if d.start_off < tail],
        places=ctx.places[s.index],
        focus=ctx.focus.get(s.index),
        clauses=person_clauses(s, ms),
    )


# "before leaving for Pakistan": where someone goes after what the clause tells of
LEAVING_FOR = re.compile(
    r"\b(?:before|after|then)\s+(?:\w+\s+){0,2}?(?:leaving|departing|heading|flying|"
    r"travell?ing|setting\s+off|returning|going)\s+(?:on\s+)?(?:for|to)\s+(?:the\s+)?$",
    re.I,
)
