"""Who travels with whom, for the trips stage (trips.py): the officials a traveller's trip is
made with, from "X will be accompanied by Y and Z", "X, joined by Y, arrived in P", "Y, who is
accompanying X on his visit", "X leads a delegation including Y". What is read here changes no
stop and no engagement: it only names the companions of the trips found (Trips.companions).

Not companions: who joins someone ("he will join X": the subject travels, X does not come
along), a host who accompanies a guest at home ("accompanied by Prime Minister Chinh", Chinh
serving the country of the stop), a companion that was only planned ("who was to accompany
him"), or denied ("will not accompany").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .clauses import PLUPERFECT_PLAN, non_possessive_pairs, read_sentence
from .coreference import resolve_nominal
from .grouping import place_key
from .stages import Mention, Mentions, Stop
from .text import Sentence
from .titles import title_regex

# "was accompanied by", "will be joined on the trip by", ", accompanied by", "Accompanied by"
_PASSIVE = re.compile(
    r"\b(?P<verb>accompanied|joined)(?:\s+(?:on|in|at|for|during|throughout)\s+"
    r"(?:the|this|that|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+by\b",
    re.I,
)
# "who accompanied Xi", "is accompanying President Petro", "will accompany him"
_ACTIVE = re.compile(r"\baccompan(?:y|ies|ied|ying)\b(?!\s+by\b)", re.I)
# "a delegation including Y", "a delegation that includes Y", "the delegation comprising Y"
_DELEGATION = re.compile(
    r"\bdelegation\b(?P<between>[^.;]{0,80}?)\b(?:including|comprising|comprises|comprised|"
    r"consist(?:s|ed|ing)\s+of|(?:is\s+|was\s+)?made\s+up\s+of|(?:will\s+)?include[sd]?)\b",
    re.I,
)
# "Part of the Greek PM's delegation is Y", "Members of his delegation include Y and Z"
_PART_OF = re.compile(
    r"\b(?:part|members?)\s+of\s+(?P<owner>(?:the|his|her)\s+(?:[\w.'\u2019-]+\s+){0,3}?)"
    r"delegation\s+(?:(?:is|are|was|were|will\s+be|include[sd]?)\s+)(?:also\s+)?",
    re.I,
)
# "Accompanying X on his visit to P are Y and Z": the verb after which the companions come
_INVERTED = re.compile(r"accompanying\b[^.;]{3,120}?\s(?P<verb>are|were|is|was|will\s+be)\b", re.I)
# "his delegation": the traveller "he" refers to
_OWNER = re.compile(r"\b(?:his|her)\s+(?:[\w.-]+\s+)?$", re.I)
_CUE = re.compile(r"accompan|joined|delegation", re.I)
_LEADER = re.compile(r"\b(?:led|headed)\s+by\s*$", re.I)
_RELATIVE_BEFORE = re.compile(r",\s*(?:who|whom)\b[^,;]*$", re.I)
_APPOSITION = re.compile(r"^(?:['\u2019]s?)?(?:\s*,[^,;]{1,80})?\s*$")
_DENIED = re.compile(r"(?:\b(?:not|never|no\s+longer)|n't)\s+(?:\w+\s+){0,2}$", re.I)
# a plural subject before a passive cue ("the leaders were joined by"): nobody in particular
_PLURAL = re.compile(
    r"\b(?:they|we|both|leaders|ministers|officials|heads|delegations|presidents)\b", re.I
)
# what may stand between the names of a list of companions once titles are taken out:
# commas, "and", articles, capitalised words (countries, offices)
_LIST_GAP = re.compile(
    r"^(?:[\s,()]|\b(?:and|as\s+well\s+as|along\s+with|also|plus|the|his|her|its|their|of|for|"
    r"to)\b|(?<![\w'])[A-Z][\w.'\u2019-]*|-)*$"
)


def find_companions(ctx: Mentions, trips: dict[int, list[Stop]]) -> dict[int, list[int]]:
    """Traveller id -> the ids of those who travel with them, in the order told; only for
    travellers with a trip, none of them the traveller or a host of the trip's countries."""
    out: dict[int, list[int]] = {}
    for s in ctx.sentences:
        if s.kind != "body" or not _CUE.search(s.text) or not ctx.mentions.get(s.index):
            continue
        for principal, companions, at in _pairs(ctx, s):
            stops = trips.get(principal)
            if not stops or not _about_trip(ctx, s, at, stops):
                continue
            hosts = {st.place.country for st in stops if st.place.country}
            for pid in companions:
                p = ctx.people[pid]
                if pid == principal or (p.country in hosts and not p.country_guessed):
                    continue
                mine = out.setdefault(principal, [])
                if pid not in mine:
                    mine.append(pid)
    return {pid: pids for pid, pids in out.items() if pids}


def _pairs(ctx: Mentions, s: Sentence) -> list[tuple[int, list[int], int]]:
    """(traveller, companions, offset of the cue) for each cue in the sentence."""
    r = read_sentence(ctx, s)
    persons = [m for m in r.persons if m[0] < r.tail]
    if not persons:
        return []
    out = []
    for m in _PASSIVE.finditer(s.text):
        cue, end = s.start + m.start(), s.start + m.end()
        if _denied(s, m.start()):
            continue
        companions = _listed_after(ctx, persons, end)
        principal = _subject_before(ctx, s, persons, cue, r.focus)
        if principal is None and _leads(s, m.start()):
            # "Accompanied by Y, X arrived in P": the subject follows the list
            after = [p for p in persons if p[0] > end and p[2] not in companions]
            principal = after[0][2] if after else None
        if principal is not None and companions:
            out.append((principal, companions, cue))
    for m in _ACTIVE.finditer(s.text):
        cue, end = s.start + m.start(), s.start + m.end()
        if _denied(s, m.start()) or PLUPERFECT_PLAN.search(s.text[: m.start()][-40:]):
            continue
        inverted = _INVERTED.match(s.text, m.start()) if not s.text[: m.start()].strip() else None
        if inverted:
            # "Accompanying Sisi on his visit to Angola are Foreign Minister Shoukry and ..."
            lead = [p for p in persons if end <= p[1] and p[0] < s.start + inverted.start("verb")]
            listed = _listed_after(ctx, persons, s.start + inverted.end("verb"), first_within=60)
            if lead and listed:
                out.append((lead[0][2], [c for c in listed if c != lead[0][2]], cue))
            continue
        companion = _subject_before(ctx, s, persons, cue, r.focus)
        if companion is None:
            continue
        # "Minister G and Ambassadors B and N will accompany PM M": each of the list
        joint = _listed_from(ctx, persons, companion, cue)
        listed = _listed_after(ctx, persons, end, first_within=40)
        if listed:
            principal: int | None = listed[0]
        elif re.match(r"\s+(?:him|her)\b", s.text[m.end() :], re.I):
            principal = r.focus
        else:
            principal = None
        if principal is not None and principal != companion:
            out.append((principal, [c for c in joint if c != principal], cue))
    for m in _PART_OF.finditer(s.text):
        # "Part of the Greek PM's delegation is Director-General D", "members of his
        # delegation are Y and Z": the delegation's owner is who the sentence or text is about
        cue, end = s.start + m.start(), s.start + m.end()
        companions = _listed_after(ctx, persons, end, first_within=60)
        owner = re.sub(r"['\u2019]s?\s*$", "", m.group("owner").rstrip())
        principal = resolve_nominal(ctx, owner, r.focus) if r.focus is not None else None
        if principal is not None and companions:
            out.append((principal, [c for c in companions if c != principal], cue))
    for m in _DELEGATION.finditer(s.text):
        cue, end = s.start + m.start(), s.start + m.end()
        companions = _listed_after(ctx, persons, end)
        between = (s.start + m.start("between"), s.start + m.end("between"))
        leader = [
            p
            for p in persons
            if between[0] <= p[0] < between[1] and _LEADER.search(ctx.text[between[0] : p[0]])
        ]
        if leader:
            principal = leader[0][2]
        elif _OWNER.search(ctx.text[s.start : cue]) and r.focus is not None:
            principal = resolve_nominal(ctx, ctx.text[s.start : cue], r.focus)
        else:
            principal = _subject_before(ctx, s, persons, cue, r.focus)
        if principal is not None and companions:
            out.append((principal, [c for c in companions if c != principal], cue))
    return out


def _listed_from(ctx: Mentions, persons: list[Mention], first: int, cue: int) -> list[int]:
    """``first`` and whoever is listed after them before ``cue``."""
    start = next((p for p in persons if p[2] == first and p[1] <= cue), None)
    if start is None:
        return [first]
    before_cue = [p for p in persons if p[1] <= cue]
    listed = _listed_after(ctx, before_cue, start[1], first_within=len(ctx.text))
    return [first, *(pid for pid in listed if pid != first)]


def _denied(s: Sentence, at: int) -> bool:
    """ "will not be accompanied by", "did not accompany"."""
    return bool(_DENIED.search(s.text[max(0, at - 40) : at]))


def _leads(s: Sentence, at: int) -> bool:
    """The cue opens its sentence or clause ("Accompanied by ...", "; joined by ...")."""
    return not s.text[:at].strip() or s.text[:at].rstrip().endswith((";", ":"))


def _subject_before(
    ctx: Mentions,
    s: Sentence,
    persons: list[Mention],
    cue: int,
    focus: int | None,
) -> int | None:
    """Whom the cue's clause is about: the person a relative clause hangs on ("Wang Yi, who
    accompanied Xi"), else the first named subject of the sentence before the cue, else whom
    "he" or "the foreign minister" there refers to. Nobody for a plural ("the leaders")."""
    before = [p for p in persons if p[1] <= cue]
    subjects = set(non_possessive_pairs(ctx.text, before))
    before = [p for p in before if (p[0], p[2]) in subjects]
    lead = ctx.text[s.start : cue]
    rel = _RELATIVE_BEFORE.search(lead)
    if rel:
        # the person right before ", who", or before an apposition of theirs ("Tax, minister
        # for foreign affairs, who is accompanying Hassan")
        hung = [p for p in persons if p[1] <= s.start + rel.start()]
        if hung and _APPOSITION.match(ctx.text[hung[-1][1] : s.start + rel.start()]):
            return hung[-1][2]
    if before:
        return before[0][2]
    if _PLURAL.search(lead) or focus is None:
        return None
    if re.search(r"\b(?:he|she)\b", lead, re.I) or title_regex().search(lead):
        return resolve_nominal(ctx, lead, focus)
    return None


def _listed_after(
    ctx: Mentions, persons: list[Mention], at: int, first_within: int = 120
) -> list[int]:
    """The people named in a list right after `at` ("by Attorney General Merrick Garland and
    Homeland Security Secretary Alejandro Mayorkas"): each one only titles, commas and "and"
    away from the one before; the list ends at the first other word ("..., and was received")."""
    out: list[int] = []
    pos = at
    for a, b, pid in sorted(p for p in persons if p[0] >= at):
        gap = ctx.text[pos:a]
        if (not out and len(gap) > first_within) or not _list_gap(gap):
            break
        if pid not in out:
            out.append(pid)
        pos = b
    return out


def _list_gap(gap: str) -> bool:
    if _LIST_GAP.match(_titles_out(gap)):
        return True
    # ", chief of the intelligence agency Abbas Kamel": an office told in lower case
    return bool(_LOWER_OFFICE.fullmatch(gap)) and _titles_out(gap) != gap


_LOWER_OFFICE = re.compile(r",\s*(?:and\s+)?(?:the\s+)?(?:[a-z-]+\s+){1,6}")


@lru_cache(maxsize=512)
def _titles_out(gap: str) -> str:
    return title_regex().sub(" ", gap)


def _about_trip(ctx: Mentions, s: Sentence, at: int, stops: list[Stop]) -> bool:
    """The sentence tells of this trip: a place it names after the cue is one of the trip's
    stops or in a country of them ("accompanying Putin to Beijing" is another journey than
    Putin's stop in Pyongyang); a sentence naming no place may be about any of them."""
    named = [pm.place for pm in ctx.places.get(s.index, []) if pm.start >= at]
    if not named:
        return True
    keys = {place_key(st.place) for st in stops}
    countries = {st.place.country for st in stops if st.place.country}
    return any(place_key(p) in keys or (p.country and p.country in countries) for p in named)
