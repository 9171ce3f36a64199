"""People: candidate mentions resolved into persons (each with name forms, title, country), and
every later mention of them in the text; which of them are officials."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import gazetteer as gz
from .candidates import Candidate, find_candidates
from .names import (
    ARTICLE_PREFIX,
    EAST_ASIAN_COUNTRIES,
    EAST_ASIAN_SURNAMES,
    GENERATION,
    MONTH_NAMES,
    PARTICLES,
    STYLE_FIRST,
    compatible,
    name_tokens,
    patronymic,
    place_name,
    pre_particle_name,
)
from .text import Sentence


@dataclass
class Person:
    id: int
    forms: Counter = field(default_factory=Counter)
    originals: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    country: str | None = None
    country_conf: float = 0.0
    country_guessed: bool = False  # the report's home country, for want of anything said
    # the text calls them by their first word alone ("Park Jin" ... "Park said")
    surname_first: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    mention_forms: list[str] = field(default_factory=list)
    evidence: float = 0.0
    non_official: bool = False
    first: int = 10**9
    title_source: str | None = None
    counterpart_at: int | None = None
    owner_at: int | None = None

    _name_cache: tuple[tuple[int, int], str] | None = None

    @property
    def name(self) -> str:
        stamp = (len(self.forms), sum(self.forms.values()))
        if self._name_cache is None or self._name_cache[0] != stamp:
            self._name_cache = (stamp, self._best_name())
        return self._name_cache[1]

    def _best_name(self) -> str:
        multi = [f for f in self.forms if len(f.split()) > 1]
        if not multi:
            return max(self.forms, key=lambda f: (self.forms[f], len(f)))
        plain = [f for f in multi if not re.search(r"\b[A-Z]\.", f)]
        pool = plain or multi
        return max(pool, key=lambda f: (len(f.split()), self.forms[f], len(f)))

    def tokens(self) -> list[str]:
        return self.name.split()

    def name_keys(self) -> list[str]:
        """Surface forms that refer to this person (full name and surname variants)."""
        toks = self.tokens()
        keys = {self.name}
        keys.update(self.forms)
        # "Ferdinand Marcos Jr." is "Marcos" on second reference
        toks_nomid = [
            t for t in toks if not re.fullmatch(r"[A-Z]\.", t) and not GENERATION.fullmatch(t)
        ]
        if len(toks_nomid) >= 2:
            keys.add(" ".join(toks_nomid))
            last = toks_nomid[-1]
            if toks_nomid[-2].lower() in PARTICLES:
                keys.add(" ".join(toks_nomid[-2:]))
                if toks_nomid[-2].lower() in ("al", "el"):
                    keys.add(last)  # "Abdel Fattah El Sisi" is "Sisi" later on
                if len(toks_nomid) >= 3 and toks_nomid[-3].lower() in PARTICLES:
                    keys.add(" ".join(toks_nomid[-3:]))
            else:
                keys.add(last)
                if ARTICLE_PREFIX.match(last):
                    keys.add(ARTICLE_PREFIX.sub("", last))
                if len(toks_nomid) >= 3:
                    keys.add(" ".join(toks_nomid[-2:]))
            if self.is_east_asian():
                keys.add(toks_nomid[0])
            if pre_particle_name(toks_nomid):
                keys.add(pre_particle_name(toks_nomid))
            if patronymic(toks_nomid):
                keys.add(toks_nomid[0])  # "Faisal bin Farhan Al Saud" is "Faisal" later on
                keys.add(" ".join(toks_nomid[:3]))
            if toks_nomid[0] in STYLE_FIRST and len(toks_nomid) >= 3:
                keys.add(" ".join(toks_nomid[:2]))  # "Sheikh Mohammed"
        return sorted(keys, key=len, reverse=True)

    def is_east_asian(self) -> bool:
        toks = self.tokens()
        if len(toks) < 2 or len(toks) > 3:
            return False
        if self.country in EAST_ASIAN_COUNTRIES or self.surname_first:
            return True
        first = toks[0].lower()
        return first in EAST_ASIAN_SURNAMES and (
            "-" in toks[-1] or len(toks) == 3 or self.country in EAST_ASIAN_COUNTRIES
        )


@lru_cache(maxsize=8192)
def _key_regex(key: str) -> re.Pattern[str]:
    if key in MONTH_NAMES:
        # "May will visit ..." is Theresa May; "in May", "May 5" are the month
        return re.compile(
            r"(?<![\w.-])(?<!\bin )(?<!\bof )(?<!\bsince )(?<!\buntil )(?<!\bby )(?<!\blast )"
            r"(?<!\bnext )(?<!\bthis )(?<!\bearly )(?<!\blate )(?<!\bmid-)(?<!\bfrom )"
            r"(?<!\bto )(?<!\bin early )(?<!\bin late )"
            + re.escape(key)
            + r"(?![\w-])(?!\s+\d)(?!,?\s+(?:19|20)\d\d)"
        )
    return re.compile(r"(?<![\w.-])" + re.escape(key) + r"(?![\w-])")


def build_people(
    sentences: list[Sentence], full: str, family_first: frozenset[str] = frozenset()
) -> tuple[list[Person], list[Candidate], dict[int, list[tuple[int, int, int]]]]:
    """Resolve candidates into people and return per-sentence mention lists (start, end, pid).

    Two-word names whose first word is in family_first are written family name first."""
    cands = find_candidates(sentences, full)
    people: list[Person] = []

    # every compatible pair of names shares a token: index people by their name tokens
    by_token: dict[str, set[int]] = {}

    def find_person(toks: list[str]) -> Person | None:
        ids: set[int] = set()
        for t in name_tokens(tuple(toks)):
            ids |= by_token.get(t, set())
        pool = [people[i] for i in sorted(ids)]
        matches = [p for p in pool if any(compatible(toks, f.split()) for f in p.forms)]
        if not matches:
            return None
        return max(matches, key=lambda p: p.first)

    def attach(p: Person, c: Candidate) -> None:
        for t in name_tokens(tuple(c.tokens)):
            by_token.setdefault(t, set()).add(p.id)
        p.forms[c.text] += 1
        p.originals.setdefault(c.text, c.orig)
        p.evidence += c.evidence
        p.first = min(p.first, c.start)
        p.non_official = p.non_official or c.non_official
        if c.counterpart and p.counterpart_at is None:
            p.counterpart_at = c.start
        if c.owner_at is not None and p.owner_at is None:
            p.owner_at = c.owner_at
        if c.title and (p.title is None or p.title_source == "role"):
            p.title = c.title
            p.title_source = "title"
        if c.country and c.country != "SELF" and p.country_conf < 1.0:
            p.country = c.country
            p.country_conf = 1.0
        elif c.country == "SELF" and p.country is None:
            p.country = "SELF"

    # multi-word names first (they define surnames), then single words
    for c in sorted(cands, key=lambda c: (len(c.tokens) == 1, c.start)):
        body_like = c.sentence.kind in ("body", "caption")
        if len(c.tokens) >= 2:
            p = find_person(c.tokens)
            if p:
                attach(p, c)
            elif c.evidence >= 0.4 and body_like and (c.title or not place_name(c.text)):
                p = Person(len(people))
                attach(p, c)
                people.append(p)
        else:
            p = find_person(c.tokens)
            if p:
                if c.title or c.evidence:
                    attach(p, c)
                continue
            strong = c.title is not None or (c.evidence >= 0.8 and not gz.is_city(c.text))
            if strong and body_like and not gz.country_code(c.text):
                p = Person(len(people))
                attach(p, c)
                people.append(p)

    # "Park Jin" ... "Park will fly": a two-word name whose first word, an East Asian
    # surname, stands alone elsewhere in the text is written family name first
    for p in people:
        toks = p.tokens()
        if len(toks) == 2 and toks[0] in family_first:
            p.surname_first = True
        elif len(toks) == 2 and toks[0].lower() in EAST_ASIAN_SURNAMES:
            alone = re.compile(
                r"(?<![\w.'-])" + re.escape(toks[0]) + r"(?![\w-])(?!\s+" + re.escape(toks[1]) + ")"
            )
            p.surname_first = alone.search(full) is not None
    # mentions: every occurrence of a person's keys, longest keys first
    owners_of: dict[str, list[Person]] = {}
    for p in people:
        for k in p.name_keys():
            owners_of.setdefault(k, []).append(p)
    keys = sorted(owners_of, key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    mentions: dict[int, list[tuple[int, int, int]]] = {}
    for s in sentences:
        t = s.text
        for k in keys:
            if k not in t:
                continue
            for m in _key_regex(k).finditer(t):
                a, b = s.start + m.start(), s.start + m.end()
                if any(a < tb and ta < b for ta, tb in taken):
                    continue
                # several people share this key: take the one mentioned most recently
                owners = owners_of[k]
                if len(owners) > 1:
                    before = [q for q in owners if q.first <= a]
                    owner = max(
                        before or owners,
                        key=lambda q: max(
                            [x for x, _ in q.mentions if x < a] + [q.first if q.first <= a else -1]
                        ),
                    )
                else:
                    owner = owners[0]
                taken.append((a, b))
                owner.mentions.append((a, b))
                owner.mention_forms.append(full[a:b])
                mentions.setdefault(s.index, []).append((a, b, owner.id))
    for v in mentions.values():
        v.sort()
    for p in people:
        p.mentions.sort()
        if p.mentions:
            p.first = p.mentions[0][0]
    return people, cands, mentions


def is_official(p: Person) -> bool:
    if p.non_official and not p.title:
        return False
    if p.title:
        return True
    multi = len(p.name.split()) > 1
    return (multi and p.evidence >= 0.4) or p.evidence >= 0.8
