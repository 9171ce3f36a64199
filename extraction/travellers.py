"""Who makes a trip, for the events stage's visit triggers (visits.py): the subject before the
trigger, the one after "by" ("a visit to Kenya by Rice"), whose visit it is ("Rice's visit"),
the guest invited ("invited Y to visit"), the person "visiting" qualifies ("met visiting Prime
Minister X"), the main clause's subject of an opening participle ("Arriving in Wellington,
Premier Li ..."), those listed after "who have arrived ... include", and whom "he" refers to;
nobody for an unnamed party ("by two of his aides") or a plural noun ("immigrants arriving").
"""

from __future__ import annotations

import re

from .clauses import Reading, non_possessive, non_possessive_pairs
from .coreference import PRONOUN, nominal_subject, resolve_nominal
from .participants import coordinated_subjects
from .stages import Mentions
from .text import fold

NEW_SUBJECT = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?=\S)", re.I)

# "a visit to Washington by two aides": who made the visit; not "flew to Congo and was
# received by the president", where a new verb begins
# "a trip to Australia and New Zealand by Johnson"; not "and was received by"
_VISIT_BY = re.compile(
    r"(?:(?!\b(?:was|were|is|are|been|being)\b|\band\b(?!\s+[A-Z]))[^.;,]){0,40}?\bby\s+"
)

# "by two of his closest aides", "by a delegation": travellers the text does not name
_UNNAMED_PARTY = re.compile(
    r"(?:(?:a|an|the|his|her|their|its|two|three|several|some|senior|top|of|closest|close|"
    r"[a-z]+est)\s+){0,5}(?:aides?|officials?|delegations?|teams?|envoys?|advis[eo]rs?|"
    r"ministers|diplomats|lawmakers|staff|negotiators)\b",
    re.I,
)


def fellow_subjects(ctx: Mentions, r: Reading, lo: int, va: int, traveler: int) -> list[int]:
    """The traveller and, when the traveller opens a list of subjects ("A, B and C have
    arrived in P"), the others of the list."""
    pre = sorted(
        non_possessive_pairs(ctx.text, [(a, b, pid) for a, b, pid in r.persons if lo <= a < va])
    )
    if not pre:
        return [traveler]
    if pre[0][1] != traveler:
        # "Presidents A of X, B of Y and C of Z arrived": the one next to the verb ends a list
        listed = coordinated_subjects(ctx.text, pre)
        return listed if pre[-1][1] == traveler and traveler in listed else [traveler]
    return coordinated_subjects(ctx.text, pre)


_WHO_ARRIVED = re.compile(r"\bwho\s+(?:have\s+|has\s+|had\s+)?(?:already\s+|also\s+)?$", re.I)

_LISTED_AS = re.compile(r"[^.;]{0,60}?\b(?:include[sd]?|were|are)\s+(?:also\s+)?", re.I)


def listed_after_who(ctx: Mentions, r: Reading, before: str, vb: int, hi: int) -> list[int]:
    """ "Leaders who have already arrived in Havana include A, B and C": the travellers are
    the ones listed after the verb."""
    if not _WHO_ARRIVED.search(before):
        return []
    m = _LISTED_AS.match(ctx.text, vb)
    if not m:
        return []
    after = sorted((a, b, pid) for a, b, pid in r.persons if m.end() <= a < max(hi, r.s.end))
    return coordinated_subjects(ctx.text, [(a, pid) for a, _b, pid in after]) if after else []


def traveler_of(
    ctx: Mentions, r: Reading, va: int, vb: int, before: str, told_before: int | None = None
) -> int | None:
    """Who makes the visit at [va, vb): the subject before it, the one after "by", or whom
    "he" refers to (``told_before``: the traveller of the sentence's trigger before, "a visit
    of Canada that will see him visiting Kingston"); None when nobody (or nobody named: "by
    two of his aides") does."""
    s, persons = r.s, r.persons
    pre = non_possessive(ctx.text, [(a, b, pid) for a, b, pid in persons if s.start <= a < va])
    owner = re.search(r"'s?\s+(?:\w+\s+){0,2}$", fold(ctx.text[s.start : va]))
    traveler = pre[0] if pre else None
    if pre and _GERUND_CLAUSE.search(ctx.text[s.start : va]):
        # "she will hold talks with Singh, call on Manmohan Singh before leaving for
        # Pakistan": the one leaving is the clause's subject, not its objects
        lead = ctx.text[s.start : min(a for a, _b, _p in persons if s.start <= a < va)]
        if PRONOUN.search(lead) and r.focus is not None:
            traveler = nominal_subject(ctx, lead, r.focus)
    owner_at = s.start + owner.start() if owner else -1
    owned = [pid for _a, b, pid in ctx.mentions.get(s.index, []) if b == owner_at]
    said = owned and _SAID.search(ctx.text[s.start : owner_at])
    if owned and (not pre or said):
        traveler = owned[0]  # "Hadley said Rice's visit to Kenya would last hours": Rice's
    elif pre and owner:
        at = s.start + owner.start()
        if any(b == at for _a, b, _pid in persons):
            traveler = pre[-1]  # "Orsi received Sanchez on Lula's tour": the one named owns it
        else:
            # "Sanchez was received by Orsi as part of the Prime Minister's tour": the owner is
            # told by a title; whom it refers to, else the subject
            traveler = resolve_nominal(ctx, ctx.text[s.start : at], pre[0])
    if fold(ctx.text[va:vb]).lower() == "visiting" and re.match(r"\s+(?-i:[A-Z])", ctx.text[vb:]):
        # "met visiting Prime Minister Jensen in Lisbon": the adjective's person travels
        guest = [(a, pid) for a, _b, pid in persons if vb < a <= vb + 80]
        first_place = min((pm.start for pm in r.places if pm.start >= vb), default=None)
        if guest and (first_place is None or guest[0][0] <= first_place):
            return guest[0][1]
    by = _VISIT_BY.match(s.text[vb - s.start :])
    if by:
        after_by = [pid for a, _b, pid in persons if vb + by.end() <= a <= vb + by.end() + 40]
        if after_by:
            traveler = after_by[0]
        elif _UNNAMED_PARTY.match(s.text[vb - s.start + by.end() :]):
            return None  # "a visit to Washington by two of his aides": nobody named goes
    # "Modi visited Riyadh in 2019, and Crown Prince Mohammed paid a visit to ...": a
    # new clause with its own subject names the traveler of what follows
    if pre and traveler == pre[0]:
        cut = [m.end() for m in NEW_SUBJECT.finditer(ctx.text, s.start, va)]
        later = [pid for a, _b, pid in persons if cut and cut[-1] <= a < va]
        if later and later[0] != traveler:
            traveler = later[0]
    invited = _INVITED_TO.search(ctx.text[s.start : va])
    if invited:
        # "Tsogtbaatar invited Foreign Minister Mammadyarov to visit Mongolia": the guest goes
        guests = [pid for a, _b, pid in persons if s.start + invited.end("verb") <= a < va]
        if guests:
            return guests[0]
    opening = not before.strip(" \"'\u201c") or re.search(r"(?:--|\u2014|\u2013)\s*$", before)
    opening_participle = opening and re.match(r"\w+ing\b", ctx.text[va:vb])
    if traveler is None and (
        re.fullmatch(r"\W*(?:after|before|while|upon)\s*", before, re.I) or opening_participle
    ):
        # "Arriving in Wellington on Sunday after a visit to Australia, Premier Li began"
        # "After visiting Portugal, Lula will travel to Spain": the main clause's subject
        comma = s.text.find(",", vb - s.start)
        later = [pid for a, _b, pid in persons if comma >= 0 and a >= s.start + comma]
        if later:
            return later[0]
    if traveler is None and _PLURAL_NOUN_SUBJECT.search(before):
        return None  # "the anniversary of Portuguese immigrants arriving in Canada": not him
    if traveler is None:
        traveler = nominal_subject(ctx, before, told_before if told_before is not None else r.focus)
    return traveler


_INVITED_TO = re.compile(r"\b(?P<verb>invit(?:ed|es|ing|e))\b[^.;]{1,120}?\bto\s+$", re.I)

_SAID = re.compile(r"\b(?:said|says|told|added|noted|announced|confirmed)\b(?:\s+that)?\s+\S+$")

_GERUND_CLAUSE = re.compile(r"\b(?:before|after)\s+$", re.I)

# a plural common noun right before the visit verb is its subject: nobody named travels
_PLURAL_NOUN_SUBJECT = re.compile(
    r"\b(?!(?:his|her|its|their|was|has|is|as|us|this|thus|plus|news|talks|ties|relations|"
    r"visits|tours|trips|days|weeks|months|years|hours)\b)[a-z]{3,}s\s+"
    r"(?:(?:have|has|had|will|would|were|are|who)\s+(?:also\s+|already\s+)?(?:been\s+)?)?$"
)
