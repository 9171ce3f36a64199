"""Coreference: whom "he", "his" or "the nation's top diplomat" refers to, and who each sentence
is about (its focus), computed by the mentions stage and used by the events stage."""

from __future__ import annotations

import re
from functools import lru_cache

from . import gazetteer as gz
from .clauses import PRONOUN, speakers
from .stages import Mentions
from .titles import TITLE_PATTERN, title_family, title_regex

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
