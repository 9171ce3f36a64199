"""Stage 3, events: who takes part in an event. The subject is named before the trigger (a
list "A, B and C", "he and X"), or is "he" / "the foreign minister", "the two leaders", the
subject of the verb before ("met X and was due to see Y"); the counterparts are named after it
("between A and B", "his counterparts from X and Y"), or are "him" after a host verb. Also:
who hosted whom, and who travelled to the meeting place."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazetteer as gz
from .clauses import Reading, non_possessive_pairs
from .coreference import nominal_subject, recent_pair
from .stages import Eng, Mentions
from .text import fold
from .triggers import HOST_TRIGGER, Trigger, Word

PLURAL_ANAPHOR = re.compile(
    r"\b(?:(?:both|the\s+pair\s+of)\s+(?:leaders|sides|ministers|men|women|presidents|"
    r"diplomats|officials|heads\s+of\s+state|counterparts|foreign\s+ministers|allies|"
    r"prime\s+ministers|top\s+diplomats)\b|the\s+leaders\b(?!\s+of\b)|the\s+two\b(?!\s+(?:countries|nations|"
    r"governments|states|days|weeks|months|years|sides'|of\b)))",
    re.I,
)

COUNTERPART_OF = re.compile(r"\bcounterparts?\s+(?:from|of|in)\s+(?P<list>[^.;:]{2,160})", re.I)

_LIST_SEP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*,?\s*plus\s+)")

# "attend the ASEAN-India Summit and the East Asia Summit": the second has the first's subject
AND_NP = re.compile(r"^\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the\s+)?(?:[\w'-]+\s+){0,5}$", re.I)

AND_VP = re.compile(
    r"\band\s+to\s+(?:[\w-]+\s+){0,3}$|\b(?:and|but)\s+(?:(?:was|is|were|are|will|would|has|had|then|later|also|is\s+due|was\s+due|"
    r"is\s+set|was\s+set|is\s+expected|was\s+expected|plans|planned|is\s+scheduled|"
    r"was\s+scheduled)\s+)+(?:to\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)

CP_BREAK = re.compile(
    r",\s*(?:where|which|who|while|after|before|but)\b|\b(?:before|after|while)\s+\w+ing\b|;"
)

GERUND_AFTER = re.compile(r"\b(?:after|before|since|while)\s+$", re.I)

CALL_OBJECT = re.compile(
    r"^[\w.' -]{2,60}?\s+(?:in|during|over)\s+(?:a|an|their|the)\s+(?:[\w-]+\s+){0,2}$", re.I
)

PASSIVE_BY = re.compile(r"^[^.;]{0,60}?\bby\s+", re.I)

LIST_GAP = re.compile(r"^[^.;:]{0,70}$")

LIST_GAP_STOP = re.compile(
    r"\b(?:said|says|who|whom|which|that|with|to|of|for|after|before)\b", re.I
)

JOINED = re.compile(r"\b(?:joined|joins|join|joining)\s+$", re.I)


@dataclass
class Participants:
    subject: list[int]
    counterparts: list[int | str]  # person ids, "cc:FR" for unnamed counterparts from France
    between: re.Match[str] | None  # "a meeting between A and B": all are named after it
    guest_is_subject: bool  # "X was received by Y": X, the subject, is the one who came
    continues_previous: bool  # "met X on Monday and was due to see Y": the same subject


def _object_of_previous(
    ctx: Mentions, engs: list[Eng], sent: int, pre: list[tuple[int, int]], ta: int
) -> bool:
    """The people before this trigger were the previous trigger's counterparts, and only a
    comma stands between the last of them and this trigger's verb."""
    last = next((e for e in reversed(engs) if e.sentence == sent), None)
    if last is None or not all(pid in last.counterparts for _a, pid in pre):
        return False
    end = max(b for a, b, pid in ctx.mentions.get(sent, []) if a == pre[-1][0])
    return re.fullmatch(r"\s*,\s*", ctx.text[end:ta]) is not None


def find_participants(
    ctx: Mentions,
    engs: list[Eng],
    r: Reading,
    t: Trigger,
    passive: re.Match[str] | None,
    prev_subj: list[int],
) -> Participants:
    """Who and with whom, for the trigger ``t`` of the sentence ``r`` (``engs``: the
    engagements found so far; ``prev_subj``: the subject of the sentence's previous trigger)."""
    s, persons, focus = r.s, r.persons, r.focus
    lo, hi, ta, tb, ci = t.lo, t.hi, t.start, t.end, t.index
    kind, members, fbefore, after_text = t.kind, t.members, t.before, t.after
    # "he ... was received by X": the one received stays the subject, and came
    guest_is_subject = passive is not None
    continues_previous = False
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
            non_possessive_pairs(ctx.text, [(a, b, pid) for a, b, pid in persons if lo <= a < ta])
        )
        plural = PLURAL_ANAPHOR.search(fbefore)
        if plural and all(a < lo + plural.start() for a, _ in pre):
            subj = recent_pair(ctx, engs, s, lo + plural.start())
        elif pre:
            first_a, first = pre[0]
            subj = coordinated_subjects(ctx.text, pre)
            lead = fold(ctx.text[lo:first_a])
            he_and = re.search(r"\b(?:he|she)\s+and\s+$", lead, re.I)
            if he_and and focus is not None and focus not in subj:
                subj.insert(0, focus)
        else:
            who = nominal_subject(ctx, fbefore, focus)
            if who is not None:
                subj = [who]
        if not cps and re.match(r"\s+(?:him|her)\b", fold(ctx.text[members[0][1] : hi])):
            # "Biden will host him at the White House": the person just mentioned
            other = [p for p in prev_subj if p not in subj] or (
                [focus] if focus is not None and focus not in subj else []
            )
            cps.extend(other[:1])
        conj = AND_VP.search(fbefore)
        if not conj and not pre and ci > 0 and AND_NP.match(fbefore):
            conj = AND_NP.match(fbefore)
        if pre and prev_subj and ci > 0 and _object_of_previous(ctx, engs, s.index, pre, ta):
            # "will hold talks with Singh, call on Prime Minister Manmohan Singh": the verbs
            # share their subject; the name before is the last one's counterpart
            subj, pre = list(prev_subj), []
            continues_previous = True
        if conj and prev_subj and not any(lo + conj.start() <= a < ta for a, _ in pre) and ci > 0:
            # "he met X on Monday and was due to see Y": the same subject
            subj = list(prev_subj)
            continues_previous = True
        if passive and pre:
            # "Erdogan was received ... by Steinmeier": the host is the one after "by"
            by_at = tb + passive.end()
            hosts = [pid for a, _b, pid in persons if by_at <= a < by_at + 60]
            if hosts:
                subj, cps = hosts[:1], [pre[-1][1]]
                guest_is_subject = False
        elif GERUND_AFTER.search(fbefore) and members[0][3].lower().endswith("ing") and ci > 0:
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
    return Participants(subj, cps, between, guest_is_subject, continues_previous)


def passive_host(members: list[Word], fbefore: str, after_text: str) -> re.Match[str] | None:
    """ "was received with military honours by X": a host trigger in the passive voice."""
    if not all(HOST_TRIGGER.match(m[3]) for m in members):
        return None
    if not re.search(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+\s+)?$", fbefore):
        return None
    return PASSIVE_BY.match(after_text)


def visitors(
    members: list[Word], subj: list[int], cps: list[int | str], guest_is_subject: bool = False
) -> list[int]:
    """Who came to the meeting place: the guest of "X hosted Y", the subject of "X met Y"
    and of "X was received by Y". "The two leaders last met in Ohrid" names nobody met, so
    nobody is known to have come."""
    met = [c for c in cps if isinstance(c, int)]
    if all(HOST_TRIGGER.match(m[3]) for m in members) and not guest_is_subject:
        return met
    return list(subj) if met else []


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


def coordinated_subjects(text: str, pre: list[tuple[int, int]]) -> list[int]:
    """The people named before a verb who are its subject: the first, those joined to it by
    "and", and every member of a list "A, B and C" (``pre``: (offset, person id), in order)."""
    first_a, first = pre[0]
    subj = [first]
    for a, pid in pre[1:]:
        if re.search(r"\band\b", fold(text[first_a:a])) and pid not in subj:
            subj.append(pid)
    return _subject_list(text, pre, subj)


# "A, B, C and several other leaders have arrived": a list closed by unnamed others
_AND_OTHERS = re.compile(
    r",?\s+and\s+(?:several|many|some|a\s+few|a\s+number\s+of|dozens\s+of|\w+)?\s*"
    r"(?:other\s+)?(?:world\s+|foreign\s+|regional\s+)?(?:leaders|heads|presidents|prime\s+"
    r"ministers|ministers|officials|dignitaries|delegations)\b"
)


def _after_name(text: str, at: int) -> str:
    """What follows the name starting at ``at``."""
    tail = text[at : at + 160]
    return re.sub(r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*", "", tail)


def _subject_list(text: str, pre: list[tuple[int, int]], subj: list[int]) -> list[int]:
    """ "Petro, Arce and Boluarte joined Lula at the summit": every member of a subject list
    ("A, B and C") takes part, and so does the one they joined."""
    chain = [pre[0]]
    for a, pid in pre[1:]:
        gap = text[chain[-1][0] : a]
        gap = re.sub(r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*", "", gap)  # the previous name
        # "..., President of Burundi Y and ...": an office of a country is no break
        bare = re.sub(r"\b(?:of|for)\s+(?:the\s+)?(?=[A-Z])", " ", gap)
        if not (LIST_GAP.match(gap) and re.search(r",|\band\b", gap)) or LIST_GAP_STOP.search(bare):
            break
        chain.append((a, pid))
    out = list(subj)
    if len(chain) > 2 and (
        re.search(r"\band\s", text[chain[-2][0] : chain[-1][0]])
        or _AND_OTHERS.match(_after_name(text, chain[-1][0]))
    ):
        out += [pid for _a, pid in chain if pid not in out]
    for a, pid in pre:
        if pid not in out and out and JOINED.search(text[max(0, a - 12) : a]):
            out.append(pid)
    return out
