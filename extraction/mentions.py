"""Stage 2, mentions: takes the Text, returns Mentions - the people the text names (with titles,
countries, and every mention of them), the places and dates of each sentence, the dateline, the
government a release comes from, the sections under date lines, who each sentence is about,
and which people are officials."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from . import gazetteer as gz
from .affiliations import (
    assign_role_titles,
    clear_country_cache,
    counterpart_titles,
    described_by_nationality,
    fill_countries,
    sentence_countries,
)
from .coreference import compute_focus
from .dates import clear_date_cache, date_lines, find_dates
from .models import Place
from .people import build_people, is_official
from .places import PlaceMention, find_places, resolve_place
from .stages import Mention, Mentions, Text
from .text import fold


def find_mentions(read: Text) -> Mentions:
    """Who, where and when the text names. Decides who is a person and an official, their
    titles and countries, the dateline, the issuer and the focus of each sentence."""
    # per-document caches: sentences are looked at by several passes, but never across articles
    clear_country_cache()
    clear_date_cache()
    text, published, sentences = read.text, read.published, read.sentences
    people, _cands, mentions = build_people(sentences, text, read.family_first)
    assign_role_titles(sentences, people, mentions)
    countries = Counter()
    for s in sentences:
        for _, _, code in sentence_countries(s):
            countries[code] += 1
    ctx = Mentions(text, published, sentences, people, mentions, frozenset(countries))
    ctx.sections = date_lines(text, published)
    ctx.dateline = _dateline(ctx)
    ctx.issuer = _issuer(text)
    ctx.counts = _count_mentions(mentions)
    fill_countries(ctx)
    compute_focus(ctx)
    counterpart_titles(ctx)
    described_by_nationality(ctx)
    ctx.officials = frozenset(p.id for p in people if is_official(p))
    for s in sentences:
        if s.kind == "body":
            spans = [(a, b) for a, b, _ in mentions.get(s.index, [])]
            ctx.places[s.index] = find_places(s, ctx.preferred, spans)
        ctx.dates[s.index] = find_dates(s.text, s.start)
    ctx.dateline = _as_told_in_body(ctx, ctx.dateline)
    _here_is_the_dateline(ctx)
    return ctx


# "arrived here on Tuesday", "held talks here": the dateline's city
_HERE = re.compile(
    r"\b(?:arriv\w*|landed|lands|reached|came|come|met|meet\w*|held|hold\w*|talks|visit\w*|"
    r"stay\w*|gathered|convened|Palace|Hall|House|Office|Hotel|airport|capital)\s+"
    r"(?P<here>here)\b",
    re.I,
)


def _here_is_the_dateline(ctx: Mentions) -> None:
    """ "TOKYO -- ... Marcos and his delegation arrived here": "here" names the dateline's city
    (a place mention of its own, so stops and meetings read it as they read "in Tokyo")."""
    place = ctx.dateline
    if place is None or place.is_country:
        return
    for s in ctx.sentences:
        if s.kind != "body":
            continue
        for m in _HERE.finditer(s.text):
            a, b = s.start + m.start("here"), s.start + m.end("here")
            here = replace(place, span=(a, b))
            ctx.places.setdefault(s.index, []).append(PlaceMention(a, b, here, "in", "city"))
            ctx.places[s.index].sort(key=lambda p: p.start)


def _as_told_in_body(ctx: Mentions, dateline: Place | None) -> Place | None:
    """ "BALI, July 7" and then "on the Indonesian island of Bali": the body's reading of the
    same name (whose country the text gives) beats the gazetteer's guess for the dateline."""
    if dateline is None or dateline.is_country:
        return dateline
    key = fold(dateline.name)
    for pms in ctx.places.values():
        for pm in pms:
            if fold(pm.place.name) == key and pm.place.country != dateline.country:
                return pm.place
    return dateline


def _count_mentions(mentions: dict[int, list[Mention]]) -> Counter[int]:
    c: Counter[int] = Counter()
    for ms in mentions.values():
        for _, _, pid in ms:
            c[pid] += 1
    return c


DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3})(?:,\s*(?P<region>[A-Z][\w.' ]{1,30}?))?"
    r",?\s*(?:\([^)]{1,80}\))?\s*(?:[-\u2013\u2014]{1,2}\s+|:\s*)"
)

# "WASHINGTON -" on a line of its own (VOA style), "ANKARA" (Anadolu style)
DATELINE_ALONE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3})(?:,\s*(?P<region>[A-Z][\w.' ]{1,30}?))?"
    r"\s*(?:\([^)]{1,40}\))?\s*-{0,2}\s*$"
)

# "New Delhi, Oct 9 (PTI) Prime Minister ...": a city in title case, the day and the agency
DATELINE_TITLE = re.compile(
    r"^(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\s*(?:\([A-Za-z .&/]{2,40}\))?\s*[-:]*\s*"
    r"(?=[A-Z\"])"
)

# "Baku, March 12, AZERTAC" on a line of its own
DATELINE_TITLE_ALONE = re.compile(
    r"^(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?(?:,?\s+\(?[A-Z][A-Za-z]{1,12}\)?)?\s*$"
)

# "Doha, Qatar: The Amir ...": a city and its country before a colon
DATELINE_PLACE = re.compile(
    r"^(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s+"
    r"(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s*(?::|\s[-\u2013\u2014])\s+(?=[A-Z\"])"
)

_ISSUER = re.compile(
    r"^[ \t]*(?:(?:Ministry|Department)[ \t]+of[ \t]+(?:Foreign|External)[ \t]+Affairs,?[ \t]+"
    r"(?:of[ \t]+)?(?P<after>(?:the[ \t]+)?[A-Z][\w.'-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.'-]*){0,3})|"
    r"(?P<before>[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2})(?:'s)?[ \t]+(?:Ministry|Department)"
    r"[ \t]+of[ \t]+(?:Foreign|External)[ \t]+Affairs|"
    r"(?P<state>U\.S\.[ \t]+Department[ \t]+of[ \t]+State))[ \t]*$",
    re.M,
)


def _issuer(text: str) -> str | None:
    """The government a release comes from, when its first lines name the ministry."""
    m = _ISSUER.search(text[:300])
    if not m:
        return None
    if m.group("state"):
        return "US"
    return gz.country_code(m.group("after") or m.group("before") or "")


def _dateline(ctx: Mentions) -> Place | None:
    """The "PARIS (Reuters) -" opening of the first paragraph, if any."""
    for s in ctx.sentences[:6]:
        alone = DATELINE_ALONE.match(s.text) or DATELINE_TITLE_ALONE.match(s.text)
        if s.kind != "body" and not alone:
            continue
        m = (
            alone
            or DATELINE.match(s.text)
            or DATELINE_TITLE.match(s.text)
            or DATELINE_PLACE.match(s.text)
        )
        if not m:
            return None
        name = m.group("city").title()
        res = resolve_place(name, ctx.preferred)
        region = m.groupdict().get("region")
        if res is None and region:
            res = resolve_place(region, ctx.preferred)
        if res is None:
            code = gz.metonym_code(name)
            return Place(name, code) if code else None
        return res[0]
    return None
