"""Stage 2, mentions: the titles and countries of people that the text gives away from their
names - a role ("to be secretary of state"), a nationality and office opening the next
sentence ("The British prime minister"), a superior's or predecessor's government, the office
of the counterpart met, the dateline's or issuer's country for want of any other; and, run by
the grouping stage, the country of an official met at home by a visitor."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import gazetteer as gz
from .candidates import BRACKETED_COUNTRY
from .people import Person
from .stages import Eng, Mentions
from .text import Sentence
from .titles import TITLE_PATTERN, default_country_for_title, title_family, title_regex
from .triggers import IN_PERSON


def assign_role_titles(sentences: list[Sentence], people: list[Person], mentions: dict) -> None:
    """ "X ... confirmation hearing to be Secretary of State": give X that title."""
    rx = re.compile(
        r"\b(?:to\s+be|as|named|appointed|became|becomes|nominee\s+for|nominated\s+for)\s+"
        r"(?:the\s+)?(?:next\s+|new\s+)?(?P<title>" + TITLE_PATTERN + r")\b",
        re.I,
    )
    for s in sentences:
        ms = mentions.get(s.index)
        if not ms:
            continue
        for m in rx.finditer(s.text):
            pos = s.start + m.start()
            before = [pid for a, _b, pid in ms if a < pos]
            if not before:
                continue
            p = people[before[0]]
            if p.title is None:
                p.title = m.group("title")
                p.title_source = "role"


def clear_country_cache() -> None:
    """Forget the countries found so far (called once per article)."""
    _countries_in.cache_clear()


@lru_cache(maxsize=2048)
def _countries_in(text: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    for m in gz.country_regex().finditer(text):
        code = gz.country_code(m.group(0))
        if code:
            out.append((m.start(), m.end(), code))
    return tuple(out)


def sentence_countries(s: Sentence) -> list[tuple[int, int, str]]:
    """Countries named in the sentence: (start, end, code)."""
    return [(s.start + a, s.start + b, code) for a, b, code in _countries_in(s.text)]


def fill_countries(ctx: Mentions) -> None:
    """The country of each person: a descriptor, the office's usual government, the superior's
    or predecessor's government, the report's home country for a titled official, the
    country opening the sentence for an untitled leader."""
    _descriptor_subjects(ctx)
    _bracketed_countries(ctx)
    people = ctx.people
    for p in people:
        if p.country in (None, "SELF") and p.title:
            d = default_country_for_title(p.title)
            if d:
                p.country = d
    known = Counter()
    for p in people:
        if p.country and p.country not in ("SELF", "ORG"):
            known[p.country] += ctx.counts[p.id] or 1
    majority = known.most_common(1)[0][0] if known else None
    home = ctx.dateline.country if ctx.dateline and ctx.dateline.country else None
    home = home or ctx.issuer or majority or _most_named_other(ctx, set())
    by_index = {s.index: s for s in ctx.sentences}
    _successor_countries(ctx)
    not_of = _counterparts_of(ctx)
    for p in people:
        if p.country == "SELF":
            p.country = majority
        elif p.country is None and p.title and home:
            p.country = home
            if home in not_of.get(p.id, ()):
                # "greeted by his Vietnamese counterpart" under a HANOI dateline: the guest
                # serves the other government the text names most
                p.country = _most_named_other(ctx, not_of[p.id])
            p.country_guessed = True
        elif p.country is None and p.mentions:
            # an untitled leader: the country that opens this or the previous sentence
            first = p.mentions[0][0]
            sent = next((s for s in ctx.sentences if s.start <= first < s.end), None)
            if sent is None:
                continue
            for s in (sent, by_index.get(sent.index - 1)):
                if s is None:
                    continue
                cs = sentence_countries(s)
                if cs and cs[0][0] - s.start <= 4:
                    p.country = cs[0][2]
                    break


_THE_DEMONYM = re.compile(r"\bthe\s+(?P<dem>[A-Z][\w-]+)\s+", re.I)


def described_by_nationality(ctx: Mentions) -> None:
    """ "... talks with President Duterte ... Saran said the Filipino President pitched":
    "the <nationality> <office>" with no name after it is the one official holding that
    office whose country was only guessed, when nobody of that country holds it."""
    trx = title_regex()
    for s in ctx.sentences:
        for m in _THE_DEMONYM.finditer(s.text):
            code = gz.country_code(m.group("dem"))
            tm = trx.match(s.text, m.end()) if code else None
            if not tm or re.match(r"\s+[A-Z]", s.text[tm.end() :]):
                continue
            office = tm.group("title").lower()
            family = title_family(office)
            exact = [p for p in ctx.people if p.title and p.title.lower() == office]
            kin = [
                p
                for p in ctx.people
                if p.title and family not in (None, "vice") and title_family(p.title) == family
            ]
            for holders in (exact, kin):
                if any(p.country == code and not p.country_guessed for p in holders):
                    break
                guessed = [p for p in holders if p.country is None or p.country_guessed]
                guessed.sort(key=lambda p: -ctx.counts[p.id])
                # one such holder, or one the text names far more often than the others
                if len(guessed) == 1 or (
                    len(guessed) > 1 and ctx.counts[guessed[0].id] >= 3 * ctx.counts[guessed[1].id]
                ):
                    guessed[0].country, guessed[0].country_guessed = code, False
                    break


def _bracketed_countries(ctx: Mentions) -> None:
    """ "Luis Lacalle Pou (Uruguay), and Mario Abdo Benitez (Paraguay)": the country in
    brackets after a name."""
    for p in ctx.people:
        if p.country and not p.country_guessed:
            continue
        for _a, b in p.mentions:
            m = BRACKETED_COUNTRY.match(ctx.text, b)
            code = gz.country_code(m.group("country")) if m else None
            if code:
                p.country, p.country_guessed = code, False
                break


_COUNTERPART_OF = re.compile(
    r"\b(?:(?:his|her)\s+)?(?P<dem>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\s+counterparts?\b"
)


def _counterparts_of(ctx: Mentions) -> dict[int, set[str]]:
    """Who the text says is not of a country: "X ... his Vietnamese counterpart" (X is the
    last person named before it in the sentence, else the one the sentence is about)."""
    out: dict[int, set[str]] = {}
    for s in ctx.sentences:
        for m in _COUNTERPART_OF.finditer(s.text):
            code = gz.country_code(m.group("dem"))
            if not code:
                continue
            at = s.start + m.start()
            before = [pid for a, _b, pid in ctx.mentions.get(s.index, []) if a < at]
            pid = before[-1] if before else ctx.focus.get(s.index)
            if pid is None and re.search(r"\b(?:he|she)\b", s.text[: m.start()], re.I):
                # "when he met his Chinese counterpart": "he" is the one named last before
                for k in range(s.index - 1, max(s.index - 3, -1), -1):
                    if ctx.mentions.get(k):
                        pid = ctx.mentions[k][-1][2]
                        break
            if pid is not None:
                out.setdefault(pid, set()).add(code)
    return out


def country_counts(sentences: list[Sentence]) -> Counter[str]:
    """How often the text names each country (by name or nationality), in order of first
    naming."""
    named: Counter[str] = Counter()
    for s in sentences:
        for _a, _b, code in sentence_countries(s):
            named[code] += 1
    return named


def _most_named_other(ctx: Mentions, excluded: set[str]) -> str | None:
    """The country the text names most often, leaving out ``excluded``."""
    named = country_counts(ctx.sentences)
    for code in excluded:
        named.pop(code, None)
    return named.most_common(1)[0][0] if named else None


_DESCRIPTOR_OPENING = re.compile(r"\s*The\s+(?P<dem>[A-Z][\w-]+)\s+")


def _descriptor_subjects(ctx: Mentions) -> None:
    """ "Rishi Sunak embraced Zelenskiy ... The British prime minister had arrived": a
    sentence opening with a nationality and an office that no official named holds describes
    whoever opened the sentence before, when their country is not stated."""
    trx = title_regex()
    for prev, s in zip(ctx.sentences, ctx.sentences[1:], strict=False):
        if s.kind != "body" or prev.kind != "body":
            continue
        m = _DESCRIPTOR_OPENING.match(s.text)
        code = gz.country_code(m.group("dem")) if m else None
        tm = trx.match(s.text, m.end()) if code else None
        opener = ctx.mentions.get(prev.index)
        if not tm or not opener:
            continue
        title = tm.group("title")
        head = title.split()[-1].lower()
        if any(
            p.country == code and p.title and head in p.title.lower().split() for p in ctx.people
        ):
            continue
        p = ctx.people[opener[0][2]]
        # the person opens the sentence (after a dateline, if any)
        if p.country is None and not re.search(r"[a-z]", prev.text[: opener[0][0] - prev.start]):
            p.country = code
            if p.title is None and head != "leader":
                p.title, p.title_source = title, "descriptor"


SUCCESSION = re.compile(
    r"['\u2019]s?\s+(?:immediate\s+|former\s+)?(?:predecessor|successor)"
    r"(?:\s+as\s+[\w ]{3,40})?,?\s+$",
    re.I,
)


def _successor_countries(ctx: Mentions) -> None:
    """ "Wang's predecessor, Qin Gang": the predecessor served the same government, as
    does "Biden's national security adviser, Jake Sullivan"."""
    for p in ctx.people:
        if p.country is not None or not p.mentions:
            continue
        if p.owner_at is not None:
            at = p.owner_at
            boss = next((q for q in ctx.people if any(a == at for a, _ in q.mentions)), None)
            if boss is not None and boss is not p and boss.country not in (None, "SELF"):
                p.country = boss.country
                continue
        a = p.mentions[0][0]
        m = SUCCESSION.search(ctx.text[max(0, a - 80) : a])
        if not m:
            continue
        cut = max(0, a - 80) + m.start()
        for q in ctx.people:
            if q is not p and q.country and any(b == cut for _x, b in q.mentions):
                p.country = q.country
                break


def counterpart_titles(ctx: Mentions) -> None:
    """ "her French counterpart, X": X holds the same office as the one they meet."""
    for p in ctx.people:
        if p.counterpart_at is None or p.title:
            continue
        for s in ctx.sentences:
            if not (s.start <= p.counterpart_at < s.end):
                continue
            before = [
                pid
                for a, _b, pid in ctx.mentions.get(s.index, [])
                if a < p.counterpart_at and pid != p.id
            ]
            other = before[-1] if before else ctx.focus.get(s.index)
            if other is not None and ctx.people[other].title:
                p.title = ctx.people[other].title
                p.title_source = "counterpart"
            break


def host_countries(ctx: Mentions, engs: list[Eng]) -> None:
    """An official whose country was only guessed, met in person by a visitor from another
    country, at places all in one country: that country is theirs ("Lavrov met President
    Sisi in Cairo"). The visitor is whoever travelled there, or an official of another
    country stated in the text."""
    seen: dict[int, set[str]] = {}
    for e in engs:
        if e.kind not in IN_PERSON or e.cancelled or not e.place or not e.place.country:
            continue
        if e.kind in ("summit", "conference") and not e.place_explicit:
            continue  # a gathering placed from elsewhere in the report: nobody there is a host
        where = e.place.country
        people = [ctx.people[x] for x in e.participants() if isinstance(x, int)]
        stated = [q for q in people if q.country and not q.country_guessed]
        for p in people:
            if not p.country_guessed or p.id in e.visitors:
                continue
            if e.kind in ("summit", "conference") and any(
                q is not p and q.country == p.country for q in stated
            ):
                continue  # "a delegation including Ross and Pompeo to the forum in Davos"
            if any(q is not p and q.country not in ("SELF", "ORG", where) for q in stated):
                seen.setdefault(p.id, set()).add(where)
    for pid, places in seen.items():
        p = ctx.people[pid]
        if len(places) == 1 and p.country not in places:
            p.country = places.pop()


def counterpart_countries(ctx: Mentions, engs: list[Eng]) -> None:
    """Two officials meeting or calling each other serve two governments: one whose country
    was only guessed, and guessed as the other's stated one, serves the country the text names
    most after it ("talks with Ethiopian Prime Minister Abiy ... between Zambia and Ethiopia")."""
    # the governments each such official is told not to serve: of everyone met or called
    # one to one, and of "his Vietnamese counterpart"
    not_of = _counterparts_of(ctx)
    pairs = []
    for e in engs:
        if e.kind not in (*IN_PERSON, "call") or e.kind in ("summit", "conference"):
            continue
        pair = [ctx.people[x] for x in e.participants() if isinstance(x, int)]
        if len(pair) != 2:
            continue
        pairs.append(pair)
        for p, q in (pair, pair[::-1]):
            if q.country and not q.country_guessed and q.country not in ("SELF", "ORG"):
                not_of.setdefault(p.id, set()).add(q.country)
    for pair in pairs:
        for p, q in (pair, pair[::-1]):
            if p.country_guessed and q.country and not q.country_guessed and p.country == q.country:
                other = _most_named_other(ctx, not_of.get(p.id, {q.country}))
                if other:
                    p.country = other
