"""Trigger words of events ("met", "spoke by phone", "summit", "visited"), their kinds, how
triggers next to each other make one event, the stretch of the sentence each event governs, and
the event's own name ("BRICS summit") and final kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazetteer as gz
from .places import PlaceMention
from .text import Sentence, fold

KIND_RANK = {"sign": 1, "summit": 7, "dialogue": 6, "conference": 5, "talks": 4, "call": 3,
             "meeting": 2, "visit": 1, "other": 0}  # fmt: skip

IN_PERSON = ("meeting", "talks", "summit", "conference", "dialogue", "other", "sign")

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_NOT_INTERLOCUTOR = (
    r"(?!\s+(?:the\s+)?(?:press|media|reporters|journalists|nation|crowd|audience|parliament|"
    r"lawmakers|students|troops|supporters|public|country|people|news)\b)"
)

TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "call",
        re.compile(
            r"\b(?:(?:phone|telephone|telephonic|video)[\s-]+(?:call|conversation|talk)s?|"
            r"(?:spoke|speaks|speak|speaking|talked|talking)\s+(?:by|over\s+the|on\s+the)\s+"
            r"(?:phone|telephone|video(?:\s*link|\s*call)?|videoconference)"
            r"(?:\s+(?:on\s+|late\s+|earlier\s+)?(?:" + _WD + r"|today|yesterday))?"
            r"(?:\s+(?:with|to)\b)?|"
            r"(?:spoke|speaks|speak|speaking)\s+(?:(?:also\s+)?(?:(?:on\s+)?"
            + _WD
            + r"|today|yesterday|earlier\s+today)\s+)?"
            r"(?:with|to)(?=\s+(?:his|her|their|the|[A-Z]))" + _NOT_INTERLOCUTOR + r"|"
            r"(?:conversation|communication|call)s?\s+with|(?:tele)?phoned|held\s+a\s+call|"
            r"(?<=\s)(?:by|via|over\s+the)\s+(?:tele)?phone|telephonically)\b",
            re.I,
        ),
    ),
    ("summit", re.compile(r"\bsummits?\b", re.I)),
    ("dialogue", re.compile(r"\bdialogues?\b", re.I)),
    (
        "conference",
        re.compile(r"\b(?<!press )(?<!news )(?:conference|ministerial|forum)s?\b", re.I),
    ),
    (
        "talks",
        re.compile(
            r"\b(?:talks|negotiations|consultations|"
            # "held discussion with", "held wide-ranging discussions with"
            r"(?:held|hold|holds|holding)\s+(?:a\s+)?(?:[\w-]+\s+){0,2}?discussions?"
            r"(?=\s+with\b)|"
            # "discussed the developments with Lavrov, Ayrault and ..."
            r"discuss(?:ed|es)(?=\s+(?:the\s+|a\s+|recent\s+|bilateral\s+|[\w-]+\s+){0,6}?with\s+"
            r"(?:his|her|their|(?:the\s+)?visiting|(?-i:[A-Z]))))\b",
            re.I,
        ),
    ),
    (
        "meeting",
        re.compile(
            r"\b(?:meet|meets|meeting|meetings|met|sat\s+down\s+with|hosted|hosts|host|hosting|"
            r"(?<=to\s)see(?=\s+(?:[A-Z]|his|her|their|national|the\s+\w+\s+[A-Z]))|"
            r"welcome|welcomed|welcomes|receive|received|receives|greet|greeted|greets|"
            r"confer(?:s|red|ring)?(?=\s+(?:with\b|[A-Z]))|"
            r"(?:an?\s+|royal\s+|private\s+)*audiences?(?=\s+with\b)|"
            r"(?:paid|pay|pays|paying|made|make)\s+(?:a\s+)?courtesy\s+calls?(?=\s+on\b)|"
            # "will call on the Speaker Raja Ashraf", not "called on Russia to withdraw"
            r"call(?:s|ed|ing)?(?=\s+on\s+(?:the\s+)?(?-i:(?:[A-Z][\w.'-]*\s+)++(?!to\b))))\b",
            re.I,
        ),
    ),
    (
        "sign",
        re.compile(
            r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s|ing)?)\b(?!\s+(?:of|that|up|on\s+to))", re.I
        ),
    ),
]

HOST_TRIGGER = re.compile(
    r"^(?:hosted|hosts|host|hosting|welcome|welcomed|welcomes|welcoming|receive|received|"
    r"receives|receiving|greet|greeted|greets)$",
    re.I,
)

VISIT_TRIGGER = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trip|tour|travel(?:s|ed|led|ing|ling)?\s+(?:on\s+|together\s+|separately\s+)?"
    r"to|heads?\s+to|headed\s+to|heading\s+to|(?:go|goes|going|went)\s+(?:on\s+)?to(?=\s+[A-Z])|"
    r"stop(?:s|ped|ping)?\s+(?:over\s+)?(?:at|in)|reach(?:ed|es)(?=\s+[A-Z])|"
    r"arriv(?:e|es|ed|ing)\s+(?:in|at)|land(?:s|ed|ing)?\s+in|"
    # "Maduro arrived in the early hours of Monday", "touched down two hours later": an
    # arrival whose place the report told before
    r"(?:arriv(?:e|es|ed)|touch(?:es|ed)?\s+down)(?=\s+(?:yesterday|today|earlier|later|late|"
    r"early|on\s|in\s+the\s+(?:early|late|morning|afternoon|evening)|here|this|last|two|three|"
    r"hours|to\s+(?:attend|participate|take\s+part)|for\s+the)|\s*[,.])|fl(?:y|ies|ew)\s+(?:in)?to|"
    r"flying\s+(?:in)?to|stopover|presence\s+in|"
    # "will lead an interagency delegation to Afghanistan, Pakistan and Qatar"
    r"(?:lead|leads|led|leading|head|heads|headed|heading)\s+(?:a|an|the|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}delegation\s+to|"
    # "the tour, which has taken him to Cameroon, Liberia and Sudan"
    r"(?:took|takes|taken|take|taking)\s+(?:him|her|them)\s+to|"
    r"(?:left|leaves|leaving|depart(?:s|ed|ing)?|set\s+off|sets\s+off)"
    r"\s+for|(?:will|would|is\s+to|are\s+to)\s+be\s+in(?=\s+[A-Z])|"
    r"(?:is|are|was|were)\s+(?:due|expected)\s+in(?=\s+[A-Z])|(?<!\bit\s)(?<!\bthat\s)"
    r"(?:is|was|are|were)\s+in(?=\s+[A-Z]))\b",
    re.I,
)


def find_triggers(s: Sentence) -> list[tuple[int, int, str, str]]:
    found: list[tuple[int, int, str, str]] = []
    for kind, rx in TRIGGERS:
        for m in rx.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            if any(a < fb and fa < b for fa, fb, _, _ in found):
                continue
            found.append((a, b, kind, m.group(0)))
    found.sort()
    return found


def cluster_triggers(
    s: Sentence, trig: list[tuple[int, int, str, str]], person_spans: list[tuple[int, int]]
) -> list[tuple[int, int, str, list[tuple[int, int, str, str]]]]:
    clusters: list[list[tuple[int, int, str, str]]] = []
    for t in trig:
        if clusters:
            prev = clusters[-1][-1]
            gap = s.text[prev[1] - s.start : t[0] - s.start]
            has_person = any(prev[1] <= a and b <= t[0] for a, b in person_spans)
            # "the ASEAN-India Summit and the East Asia Summit": two gatherings, not one
            two_gatherings = (
                prev[2] == t[2] in ("summit", "conference", "dialogue")
                and re.search(r"\band\b", gap) is not None
            )
            # "On the first day of the summit, the president met Macron": the gathering is
            # when, the meeting is the event
            two_gatherings = two_gatherings or (
                prev[2] in ("summit", "conference", "dialogue")
                and t[2] in ("meeting", "talks", "call")
                and "," in gap
            )
            if (
                not has_person
                and not two_gatherings
                and len(gap) <= 80
                and not re.search(
                    r"\b(?:during which|while|said|after|before|where|since|when|sidelines)\b|[;:]|"
                    r"\band\s+(?:will|would|is|was|are|were|has|had|then|later|also)\b",
                    gap,
                )
            ):
                clusters[-1].append(t)
                continue
        clusters.append([t])
    out = []
    for c in clusters:
        kind = max((t[2] for t in c), key=lambda k: KIND_RANK[k])
        out.append((c[0][0], c[-1][1], kind, c))
    return out


Word = tuple[int, int, str, str]  # a trigger word: (start, end, kind, the words)


@dataclass
class Trigger:
    """A cluster of trigger words and the stretch of its sentence it governs: from the end of
    the previous cluster to the start of the next one (or to a trailing ", X said")."""

    index: int  # its place among the sentence's clusters
    start: int  # where its words begin and end
    end: int
    kind: str  # the highest ranked kind of its words
    members: list[Word]
    lo: int  # the stretch it governs
    hi: int
    before: str  # the text from lo to the words, folded
    after: str  # the text from the words to hi


def triggers_in(s: Sentence, text: str, spans: list[tuple[int, int]], tail: int) -> list[Trigger]:
    """The trigger clusters of a sentence, in order (``spans``: where people are named;
    ``tail``: where a trailing ", X said" begins)."""
    clusters = cluster_triggers(s, find_triggers(s), spans)
    out = []
    for ci, (ta, tb, kind, members) in enumerate(clusters):
        lo = clusters[ci - 1][1] if ci else s.start
        hi = clusters[ci + 1][0] if ci + 1 < len(clusters) else s.end
        hi = min(hi, tail) if tail > tb else hi
        before = text[lo:ta]
        after = s.text[tb - s.start : hi - s.start]
        out.append(Trigger(ci, ta, tb, kind, members, lo, hi, fold(before), after))
    return out


def name_and_kind(
    s: Sentence, text: str, places: list[PlaceMention], t: Trigger
) -> tuple[str | None, str | None, str]:
    """The event's own name ("BRICS summit", "OECD ministerial talks"), the acronym of an
    organisation named in its stretch, and its kind once the name is known ("the G20 meeting"
    is a summit)."""
    lo, hi, ta, tb, kind, members = t.lo, t.hi, t.start, t.end, t.kind, t.members
    title = event_title(s.text[lo - s.start : hi - s.start], lo, ta, tb)
    org_title = None
    for pm in places:
        if pm.kind == "org" and lo <= pm.start < hi:
            acr, _, _ = gz.org_headquarters(text[pm.start : pm.end])
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
    return title, org_title, kind


EVENT_TITLE = re.compile(
    r"(?P<t>(?:(?:the\s+)?(?:[A-Z0-9][\w.'&-]*|of|on|for|and|the)\s+){0,8}?"
    r"(?:Dialogue|Summit|Conference|Forum|Ministerial|Talks|Session|Consultations|Meeting|"
    r"Assembly|Council Meeting|Strategic Dialogue))\b"
)

EVENT_ACR = re.compile(
    r"\b(?!(?:The|A|An|This|That|These|Those|Their|His|Her|Its|Our|Each|Every|Any|No|Some|First|"
    r"Second|Last|Next|Previous|New|Such|Another|Both)\b)"
    r"(?P<t>(?:(?:[A-Z][\w.-]*\s+(?:of\s+(?:the\s+)?)?){0,4}(?:[A-Z][A-Z0-9-]{1,}|G-?\d{1,2}|"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*)(?:\s*\([A-Z0-9]{2,}\))?)\s+"
    r"(?:leaders'?\s+|foreign\s+ministers'?\s+|ministerial\s+)?"
    r"(?:summit|ministerial|meetings?|conference|talks|forum|dialogue))\b"
)


def is_named(title: str) -> bool:
    """A proper event name ("BRICS summit", "Quad leaders' summit"), not "the summit"."""
    words = title.split()
    return len(words) >= 2 and any(w[:1].isupper() or w[:1].isdigit() for w in words[:-1])


def event_title(region: str, base: int, ta: int, tb: int) -> str | None:
    best = None
    for rx in (EVENT_TITLE, EVENT_ACR):
        for m in rx.finditer(region):
            a, b = base + m.start("t"), base + m.end("t")
            t = _trim_title(m.group("t").strip())
            if not t:
                continue
            words = t.split()
            caps = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
            if rx is EVENT_TITLE and len(caps) < 2:
                continue
            dist = 0 if a <= tb and b >= ta else min(abs(a - tb), abs(ta - b))
            if dist > 40:
                continue
            if best is None or dist < best[0]:
                best = (dist, t)
    return best[1] if best else None


_NOT_TITLE_WORDS = {"The", "A", "An", "This", "That", "On", "In", "At", "For", "With", "And", "By"}


def _trim_title(t: str) -> str:
    """Keep the trailing run of capitalised words of an event name."""
    words = t.split()
    keep: list[str] = []
    for w in reversed(words):
        bare = w.strip(",")
        if not (bare[:1].isupper() or bare[:1].isdigit()):
            break
        if bare in _NOT_TITLE_WORDS or bare.lower() in WEEKDAY_MONTH:
            break
        keep.append(bare)
    keep.reverse()
    if words and words[-1].islower() and keep == []:
        return t
    if keep and not keep[-1][:1].isupper():
        return ""
    if words and words[-1][:1].islower():
        # "NATO summit": acronym + lowercase head
        return t
    return " ".join(keep)


WEEKDAY_MONTH = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}  # fmt: skip
