"""What kind of agreement a name and the sentences around it describe.

`agreement_kind(name, context)` reads the name first ("Treaty of Aachen", "AUKUS security
pact", "India-EFTA Trade and Economic Partnership Agreement") and, when the name says
nothing (an acronym: "AUKUS", "USMCA"), the sentences the agreement was cited from ("a new
security pact with Australia and Britain"). Rules, in order; the first that matches wins:

| kind            | written as                                                            |
|-----------------|-----------------------------------------------------------------------|
| memorandum      | memorandum of understanding / of cooperation, MoU, letter of intent   |
| joint_statement | joint statement, joint declaration, joint communiqué, declaration     |
| ceasefire       | ceasefire, cease-fire, truce, armistice                               |
| peace           | peace agreement / accord / deal / treaty / plan                       |
| trade           | trade, free trade, FTA, economic partnership, customs, investment     |
| security        | security or defence pact / agreement, alliance, military, status of   |
|                 | forces, reciprocal access, mutual defence, arms control, nuclear deal |
| treaty          | treaty, convention                                                    |
| accord          | accord                                                                |
| pact            | pact                                                                  |
| deal            | deal                                                                  |
| other           | anything else (a bare "agreement")                                    |

Plain strings in and out: tested without a database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "memorandum",
            r"\bmemorand(?:um|a)\b|\bmous?\b|\bletters? of intent\b|\bmemorandum of cooperation\b",
        ),
        ("joint_statement", r"\bjoint (?:statement|declaration|communiqu[eé])s?\b|\bdeclaration\b"),
        ("ceasefire", r"\bcease-?fires?\b|\btruces?\b|\barmistices?\b"),
        ("peace", r"\bpeace (?:agreement|accord|deal|treaty|plan|pact|framework)s?\b"),
        (
            "trade",
            r"\b(?:free[- ])?trade\b|\bftas?\b|\beconomic (?:and \w+ )?partnership\b"
            r"|\bcustoms union\b|\binvestment (?:agreement|treaty|pact|deal)\b"
            r"|\beconomic (?:cooperation )?(?:agreement|pact|deal)\b",
        ),
        (
            "security",
            r"\b(?:security|defen[cs]e|military|mutual[- ]defen[cs]e)\b[\w\s-]{0,30}?"
            r"\b(?:pact|agreement|accord|deal|treaty|partnership|alliance|arrangement|cooperation)"
            r"|\balliance\b|\bstatus of (?:visiting )?forces\b|\bsofa\b|\breciprocal access\b"
            r"|\barms control\b|\bnon-?proliferation\b|\bnuclear (?:deal|agreement|accord|pact)\b",
        ),
        ("treaty", r"\btreat(?:y|ies)\b|\bconvention\b"),
        ("accord", r"\baccords?\b"),
        ("pact", r"\bpacts?\b"),
        ("deal", r"\bdeals?\b"),
    )
)
KINDS = tuple(kind for kind, _ in _RULES) + ("other",)
# Kinds that say only what form an agreement takes, not what it is about: a sentence around it
# may tell more ("AUKUS deal" in a headline, "a new security pact" in the text).
GENERIC = frozenset({"accord", "pact", "deal", "other"})


def kind_of_text(text: str) -> str:
    """The kind one piece of text names ("other" when none)."""
    for kind, pattern in _RULES:
        if pattern.search(text or ""):
            return kind
    return "other"


def agreement_kind(name: str, context: Iterable[str] = ()) -> str:
    """The kind of the agreement called `name`, cited from the sentences `context`.

    The name decides unless it names only a form (pact, deal, accord) or nothing; then the
    first context sentence naming something more specific does, else the name's form.
    """
    found = kind_of_text(name)
    if found not in GENERIC:
        return found
    for sentence in context:
        kind = kind_of_text(_near(sentence, name))
        if kind not in GENERIC:
            return kind
        if found == "other":
            found = kind
    return found


def more_specific(new: str, old: str) -> bool:
    """Whether `new` says more than `old` (a subject beats a bare form, a form beats nothing)."""
    rank = {kind: 2 for kind in KINDS if kind not in GENERIC} | {"other": 0}
    return rank.get(new, 1) > rank.get(old, 1)


def _near(sentence: str, name: str, reach: int = 80) -> str:
    """The part of the sentence around the name (the whole one when the name is not in it)."""
    at = sentence.lower().find((name or "").lower()) if name else -1
    if at < 0:
        return sentence
    return sentence[max(0, at - reach) : at + len(name) + reach]
