"""Tense of the verb group nearest a trigger: past, future, present or unknown (it decides how
a date without a year or a bare weekday resolves, and an engagement's status)."""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|'ll|shall|is to|are to|(?:is|are|was|were) (?:set|due|expected|scheduled|slated|"
    r"poised|going) to|(?:is|are) due (?:in|at|back|on)|"
    r"had been (?:due|set|expected|scheduled|slated|planning) to|"
    r"(?:was|were) to (?!have\b)|plans? to|planning to|planned to|intends? to|upcoming|next|"
    r"later this|"
    r"to travel|to visit|to meet|to hold|to host|to attend|would travel|would visit|"
    r"would meet|would hold|will be|heads? to|heading to|headed to|scheduled for|set for|"
    r"begins|starts|starting|comes|arrives?|opens)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:met|held|spoke|talked|visited|traveled|travelled|had|was|were|did|called|hosted|"
    r"received|welcomed|greeted|signed|discussed|agreed|concluded|wrapped up|last|ago|oversaw|"
    r"witnessed|presided|yesterday|earlier|attended|took place|flew|arrived|joined|included|"
    r"sat down|hailed|went|reached|inked|struck|finalized|announced|confirmed|came|opened|"
    r"ended|closed|began|started)\b",
    re.I,
)
_PRESENT = re.compile(
    r"\b(?:is|are) (?:holding|meeting|visiting|hosting|attending|in|on|traveling|travelling|"
    r"touring|wrapping up|making|having)\b|\b(?:closes|wraps up|concludes|ends|is holding|"
    r"includes|meets|visits|holds|hosts|continues)\b",
    re.I,
)

_NOMINAL_BEFORE = re.compile(
    r"\b(?:after|before|the|his|her|their|its|of|two|three|several|and|for|during|a|an|"
    r"recent|previous|separate)\s+$",
    re.I,
)


def tense_near(text: str, pos: int) -> str:
    """Tense of the verb group nearest to ``pos`` in ``text``: past, future, present, unknown."""
    best: tuple[int, str] | None = None
    for rx, label in ((_PRESENT, "present"), (_FUTURE, "future"), (_PAST, "past")):
        for m in rx.finditer(text):
            if re.search(r"\b(?:said|says|told|according)\b", m.group(0), re.I):
                continue
            if m.start() <= pos < m.end() and _NOMINAL_BEFORE.search(text[: m.start()]):
                continue  # "after visits to ...": the trigger is a noun here, not a verb
            # cues before the trigger weigh more than cues after it
            dist = pos - m.end() if m.end() <= pos else (m.start() - pos) * 1.5 + 5
            dist = abs(dist)
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else "unknown"
