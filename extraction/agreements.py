"""Stage 6, agreements: takes the Mentions and the Trips, returns the Agreements - named pacts,
treaties, deals, accords and memorandums, acronyms of their parties ("AUKUS"), unnamed pacts
("a security pact with Australia and Britain") and instruments named by topic; their parties
and the date they were signed or announced. Also dates an undated signing engagement by the
agreement it signed."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from . import gazetteer as gz
from .affiliations import country_counts
from .dates import Resolved, find_dates, resolve
from .models import Agreement
from .pacts import (
    ACRONYM,
    ALIAS_AFTER,
    AND_ON,
    COUNT_WORDS,
    COUNTED_SET,
    DESCRIBED,
    DESCRIPTIVE,
    GENERIC_MODIFIERS,
    ISSUE_VERB,
    JOINT_DOCUMENT,
    NAMED,
    NOT_FIRST,
    ORDINAL_ITEM,
    ORG_AFTER,
    REGIONAL,
    SET_SINGULAR,
    SIGN_VERB,
    SIGNED_AFTER,
    SIGNED_BARE,
    SIGNED_ITEM,
    SIGNED_PARTICIPLE,
    SIGNED_TOPIC,
    SIGNED_TOPIC_LATER,
    SIGNED_TOPIC_PASSIVE,
    SIGNING_BEFORE,
    SIGNING_NEARBY,
    SIGNING_OF,
    TOPIC_THEN_SIGNED,
    UNNAMED,
    VERB_BEFORE_HEAD,
    abbreviated,
    listed_items,
)
from .people import Person
from .stages import Agreements, Eng, Mentions, Trips
from .tense import tense_near
from .text import Sentence, fold, normalize_key


def _parties_in(text: str) -> list[str]:
    out: list[str] = []
    cleaned = REGIONAL.sub(" ", text).replace("-", " ")
    for m in gz.country_regex().finditer(cleaned):
        code = gz.country_code(m.group(0))
        if code and code not in out:
            out.append(code)
    return out


# "protocols of understanding between Egypt and Angola in the fields of ...": the parties are
# told apart, the name is what the pact is about
_BETWEEN_PARTIES = re.compile(
    r"\s+between\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+and\s+(?:the\s+)?"
    r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?(?=\s+(?:in|on|for|to)\b)"
)
# "memorandums of understanding in the areas of industry, transit trade, ... and education":
# a name told by a long list of topics is named by the first
_LIST_GOES_ON = re.compile(r",\s+(?:and\s+)?(?-i:[a-z])")


_PURPOSE = re.compile(
    r"\s+for\s+(?:boosting|promoting|strengthening|enhancing|developing)(?:\s+[\w-]+){1,5}"
)


# the combining forms of "Sino-Philippine", "Indo-Pacific" is no pair (Pacific is no country)
_COMBINING = {"sino": "CN", "indo": "IN", "russo": "RU", "franco": "FR", "anglo": "GB"}


def _countries_joined(word: str) -> bool:
    """ "Sino-Philippine", "US-China", "India-Japan": a pair of countries joined by a hyphen."""
    parts = word.split("-")
    return len(parts) >= 2 and all(
        _COMBINING.get(part.lower()) or gz.country_code(part) for part in parts
    )


def _clean(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    name = _BETWEEN_PARTIES.sub("", name)
    if name[:1].islower() and len(name) > 80:
        more = _LIST_GOES_ON.search(name)
        if more:
            name = name[: more.start()]
    return re.sub(r"\s+", " ", name).strip(" ,.;")


_SIGNED_THE = re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|adopt(?:s|ed)?)\s+the\s+$", re.I)


def find_agreements(ctx: Mentions, trips: Trips) -> Agreements:
    """The agreements of the text; dates the undated signings among trips.engagements (in
    place)."""
    found = _agreements_in(
        ctx.text, ctx.sentences, ctx.published, ctx.people, ctx.mentions, _visit_parties(ctx, trips)
    )
    _date_signings(ctx, trips.engagements, found)
    return Agreements(found)


def _visit_parties(ctx: Mentions, trips: Trips) -> dict[int, list[str]]:
    """For each sentence, the traveller's and the host's country of the visit told in it or in
    the four sentences before (the last one told), when a trip tells of one."""
    told: list[tuple[int, list[str]]] = []
    for pid, stops in trips.trips.items():
        home = ctx.people[pid].country
        if not home or home in ("SELF", "ORG"):
            continue
        for st in stops:
            if st.place.country and st.place.country != home and not st.cancelled:
                for k in {st.sentence, *st.sent_ids}:
                    told.append((k, [home, st.place.country]))
    out: dict[int, list[str]] = {}
    for s in ctx.sentences:
        near = [(k, pair) for k, pair in told if 0 <= s.index - k <= 4]
        if near:
            out[s.index] = max(near, key=lambda x: x[0])[1]
    return out


def _agreements_in(
    text: str,
    sentences: list[Sentence],
    published: date | None,
    people: list[Person],
    mentions: dict[int, list[tuple[int, int, int]]],
    visit_parties: dict[int, list[str]],
) -> list[Agreement]:
    found: list[Agreement] = []
    spans: list[tuple[int, int]] = []
    unnamed: list[Agreement] = []
    counts: list[tuple[Agreement, Sentence]] = []
    most_named: list[str] = []

    def add(
        name: str, a: int, b: int, s: Sentence, parties: list[str], conf: float
    ) -> Agreement | None:
        if any(a < y and x < b for x, y in spans):
            return None
        spans.append((a, b))
        key = normalize_key(name)
        for ag in found:
            keys = [normalize_key(ag.name)] + [normalize_key(x) for x in ag.aliases]
            if key in keys:
                if s.span not in ag.evidence:
                    ag.evidence.append(s.span)
                return ag
        ag = Agreement(_clean(name), [], parties, None, "unknown", conf, [s.span])
        found.append(ag)
        return ag

    def parties_for(s: Sentence, told: list[str]) -> list[str]:
        """The parties of a pact signed in sentence s, beyond the countries ``told`` with it:
        the governments of the officials named, those of the visit under way ("He is also
        expected to sign a memorandum ..."), and for want of any, the report's two countries."""
        parties = list(told)
        if len(parties) < 2:
            parties += [c for c in _mentioned_countries(s, people, mentions) if c not in parties]
        if len(parties) < 2:
            parties += [c for c in visit_parties.get(s.index, []) if c not in parties]
        if not parties and s.index:
            parties = _mentioned_countries(sentences[s.index - 1], people, mentions)
        if len(parties) < 2:
            if not most_named:  # the report's two countries, counted once
                most_named.extend(code for code, _n in country_counts(sentences).most_common(2))
            parties += [c for c in most_named if c not in parties][: 2 - len(parties)]
        return parties

    def date_for(s: Sentence, a: int, b: int) -> tuple[date | None, str]:
        """The date of signing or announcing, when a verb ties it to this agreement."""
        tense = tense_near(s.text, a - s.start)
        best = None
        others = [m.span() for m in NAMED.finditer(s.text)]
        for d in find_dates(s.text, s.start):
            if d.kind == "year" and re.search(r"-year", d.text):
                continue
            lo, hi = (d.end_off, a) if d.end_off <= a else (b, d.start_off)
            window = s.text[
                max(0, min(d.start_off, a) - s.start - 25) : max(d.end_off, b) - s.start
            ]
            if hi - lo > 120 or not SIGN_VERB.search(window):
                continue
            if any(lo < s.start + x and s.start + y < hi for x, y in others):
                continue
            dist = hi - lo
            if best is None or dist < best[0]:
                best = (dist, d)
        if not best:
            return None, "unknown"
        r = resolve(best[1], published, "past" if tense == "unknown" else tense)
        return r.start, r.precision

    for s in sentences:
        t = s.text
        for m in NAMED.finditer(t):
            name = m.group("name")
            words = name.split()
            while words and (
                words[0] in NOT_FIRST or words[0].lower() in ("of", "on", "and", "the", "for")
            ):
                words = words[1:]
            if len(words) < 2 or ORG_AFTER.match(t[m.end("name") :]):
                continue  # "Amazon Cooperation Treaty Organization" is a body, not a pact
            if words[-1] == "Plan" and not _parties_in(" ".join(words[:-2])):
                continue  # "the Canada-Mexico Action Plan"; a programme's plan is no pact
            year = None
            if re.fullmatch(r"(?:19|20)\d{2}", words[0]):
                year = int(words.pop(0))
            if len(words) < 2:
                continue
            name = " ".join(words)
            a = s.start + m.end("name") - len(name)
            b = s.start + m.end("name")
            parties = _parties_in(name) or _parties_in(t)
            ag = add(name, a, b, s, parties, 0.8)
            if ag is None:
                continue
            al = ALIAS_AFTER.match(t[m.end("name") :])
            if al and al.group("alias") not in ag.aliases:
                ag.aliases.append(al.group("alias"))
                spans.append((b, b + al.end()))
            if ag.date is None:
                ag.date, ag.precision = date_for(s, a, b)
            if ag.date is None and year:
                ag.date, ag.precision = date(year, 1, 1), "year"
        for m in ACRONYM.finditer(t):
            acr = m.group("name")
            if acr in gz.ORG_ACRONYMS or fold(acr) in gz.country_names():
                continue
            a, b = s.start + m.start("name"), s.start + m.end("name")
            if any(acr in ag.aliases for ag in found):
                continue
            parties = gz.acronym_parties(acr.replace("New ", "")) or _parties_in(t)
            ag = add(acr, a, b, s, parties, 0.75)
            if ag is not None and ag.date is None and s.kind == "body":
                ag.date, ag.precision = date_for(s, a, b)
        if s.kind != "body":
            continue
        topics = [
            (m.group("name"), m.start("name"), m.end("name")) for m in SIGNED_TOPIC.finditer(t)
        ]
        for m in [
            *SIGNED_TOPIC_LATER.finditer(t),
            *SIGNED_TOPIC_PASSIVE.finditer(t),
            *TOPIC_THEN_SIGNED.finditer(t),
        ]:
            name = f"{m.group('head')} {m.group('prep')} {m.group('topic')}"
            topics.append((name, m.start("head"), m.end("topic")))
        topics += [
            (m.group("name"), m.start("name"), m.end("name")) for m in JOINT_DOCUMENT.finditer(t)
        ]
        signing, issuing = SIGN_VERB.search(t) or SIGNED_AFTER.search(t), ISSUE_VERB.search(t)
        prev = sentences[s.index - 1].text if s.index else ""
        # "witnessed the exchange of documents. The documents are ...": signing told before
        signing = signing or SIGNING_NEARBY.search(prev)
        for m in SIGNED_ITEM.finditer(t):
            if not (signing or (issuing and m.group("head").startswith("joint"))):
                continue
            if any(x <= m.start("head") < y for _, x, y in topics):
                continue
            # "memorandum of understanding (MoU) on X" is named without its abbreviation
            name = f"{m.group('mod') or ''}{m.group('head')} {m.group('prep')} {m.group('topic')}"
            topics.append(
                (name, m.start("mod") if m.group("mod") else m.start("head"), m.end("topic"))
            )
            more = AND_ON.match(t, m.end("topic"))
            if more:
                name = f"{m.group('head')} {more.group('prep')} {more.group('topic')}"
                topics.append((name, more.start("topic"), more.end("topic")))
        if signing:
            for name, x, y in listed_items(t):
                if not any(x < y2 and x2 < y for _, x2, y2 in topics):
                    topics.append((name, x, y))
        for name, x, y in topics:
            a, b = s.start + x, s.start + y
            ag = add(name, a, b, s, parties_for(s, _parties_in(t)), 0.6)
            if ag is not None and ag.date is None:
                ag.date, ag.precision = date_for(s, a, b)
        for m in ORDINAL_ITEM.finditer(t):
            # the set the items are of, told in this sentence or in one of the eight before
            told = COUNTED_SET.search(t[: m.start()]) or next(
                (
                    c
                    for o in reversed(sentences[max(0, s.index - 8) : s.index])
                    if (c := COUNTED_SET.search(o.text))
                ),
                None,
            )
            if not told:
                continue
            one = SET_SINGULAR.get(told.group("head").split()[-1].lower(), "agreement")
            a, b = s.start + m.start("topic"), s.start + m.end("topic")
            ag = add(f"{one} on {m.group('topic')}", a, b, s, parties_for(s, _parties_in(t)), 0.55)
            if ag is not None and ag.date is None:
                ag.date, ag.precision = date_for(s, a, b)
        for m in DESCRIPTIVE.finditer(t):
            first = m.group("first")
            if first in NOT_FIRST or m.start() == 0 and first in ("Under", "The"):
                continue
            if not (
                gz.country_code(first)
                or _countries_joined(first)
                or gz.is_city(first)
                or fold(first) in gz.country_names()
                or _SIGNED_THE.search(t[: m.start("name")])  # "sign the AlUla declaration"
            ):
                continue
            a, b = s.start + m.start("name"), s.start + m.end("name")
            if any(a < y and x < b for x, y in spans):
                continue
            name = m.group("name")
            if VERB_BEFORE_HEAD.search(name):
                continue  # "home from Japan to deal with the standoff": a verb, not a pact
            ag = add(name, a, b, s, _parties_in(name) or _parties_in(t), 0.6)
            if ag is not None and ag.date is None:
                ag.date, ag.precision = date_for(s, a, b)
        for m in [*DESCRIBED.finditer(t), *SIGNING_OF.finditer(t), *SIGNED_BARE.finditer(t)]:
            a, b = s.start + m.start("name"), s.start + m.end("name")
            if any(a < y and x < b for x, y in spans) or not (
                m.re in (SIGNING_OF, SIGNED_BARE)
                or SIGNING_BEFORE.search(t[: m.start()])
                or SIGNED_AFTER.match(t, m.end())
                or (
                    m.re is DESCRIBED
                    and m.group(0).split()[0].lower() in ("a", "an")
                    and SIGNED_PARTICIPLE.match(t, m.end())
                )
            ):
                continue
            name = m.group("name")
            if m.re is SIGNING_OF and set(name.split()[:-1]) <= GENERIC_MODIFIERS:
                continue  # "the signing of bilateral agreements": a set told elsewhere
            first = m.group(0).split()[0].lower()
            counted = m.re is DESCRIBED and first not in ("a", "an", "the")
            quantified = m.re is DESCRIBED and " of " in m.group(0) and first in ("a", "an")
            if m.re is DESCRIBED and name.endswith("documents") and not counted:
                continue  # "six documents" signed are pacts; "the documents" may be anything
            purpose = _PURPOSE.match(t, m.end()) if counted else None
            if purpose:
                # "two agreements for boosting two-way trade": a set told by what it is for
                name = m.group(0) + purpose.group(0)
                b = s.start + m.end() + len(purpose.group(0))
            elif counted:
                name = m.group(0)  # "four pacts", "seven key agreements"
            elif quantified or (m.re is DESCRIBED and SIGNED_PARTICIPLE.match(t, m.end())):
                # "a raft of investment deals", "a bilateral treaty signed Friday with ..."
                name = m.group(0).split(" ", 1)[1]
            elif len(name.split()) < 2 or re.search(r",\s*$", t[: m.start()]):
                continue  # "a landmark agreement with ...", "the X Treaty, a pact that ..."
            parties = parties_for(s, _parties_in(t) or _parties_in(prev))
            if not parties:
                continue
            ag = add(name, a, b, s, parties, 0.55)
            if ag is not None and counted and not purpose:
                counts.append((ag, s))
            if ag is not None and ag.date is None:
                ag.date, ag.precision = date_for(s, a, b)
        for m in UNNAMED.finditer(t):
            a, b = s.start + m.start("name"), s.start + m.end("name")
            if any(a < y and x < b for x, y in spans):
                continue
            parties = _parties_in(m.group("parties"))
            if not parties:
                continue
            # the government announcing it is a party too ("the Biden administration announced")
            head = t[: m.start()]
            for cm in gz.country_regex().finditer(head):
                code = gz.country_code(cm.group(0))
                if code and code not in parties:
                    parties.insert(0, code)
            adm = re.search(r"\b([A-Z][\w-]+)\s+administration\b", head)
            if adm:
                for p in people:
                    if p.country and adm.group(1) in p.name.split() and p.country not in parties:
                        parties.insert(0, p.country)
            when, prec = date_for(s, a, b)
            if not SIGN_VERB.search(head):
                continue
            name = _clean(text[a:b])
            name = re.sub(r"[\s,]+$", "", name)
            unnamed.append(Agreement(name, [], parties, when, prec, 0.5, [s.span]))

    # an unnamed pact whose parties spell an acronym already found ("AUKUS") is that pact
    for u in unnamed:
        target = None
        for ag in found:
            ours, theirs = set(u.parties), set(ag.parties)
            if len(ours) >= 2 and ours <= theirs and len(theirs - ours) <= 1:
                target = ag
                break
        if target is None:
            if u.date is not None and len(u.parties) >= 2:
                found.append(u)
            continue
        target.aliases.append(u.name)
        target.date = target.date or u.date
        target.precision = u.precision if target.date == u.date else target.precision
        target.evidence += [x for x in u.evidence if x not in target.evidence]
    # "two MoUs were exchanged: an MoU on X and an MoU on Y": a set listed one by one is its
    # items, not an item of its own
    for s in sentences:
        told = COUNTED_SET.search(s.text)
        items = _numbered_items(text, s.end) if told else []
        if len(items) < 2:
            continue
        # "The three MOUs signed were focused on 1. X 2. Y 3. Z": one pact per item
        one = SET_SINGULAR.get(told.group("head").split()[-1].lower(), "agreement")
        parties = parties_for(s, _parties_in(s.text))
        for a, b, item in items:
            at = next((x for x in sentences if x.start <= a < x.end), s)
            add(f"{one} on {item}", a, b, at, parties, 0.55)
    for ag, s in counts:
        near = (s.start, sentences[min(s.index + 8, len(sentences) - 1)].end)

        def told_in(lo: int, hi: int, ag: Agreement = ag) -> int:
            return sum(
                1 for o in found if o is not ag and any(lo <= x < hi for x, _y in o.evidence)
            )

        word = ag.name.split()[0].lower()
        number = int(word) if word.isdigit() else COUNT_WORDS.get(word, 0)
        if told_in(s.start, s.end) >= 2 or (number and told_in(*near) >= number - 1):
            found.remove(ag)
    for ag in found:
        ag.evidence.sort()
        short = abbreviated(ag.name)
        if short and short not in ag.aliases:
            ag.aliases.append(short)  # "MoU on trade" for "memorandum of understanding on trade"
    return found


_NUMBERED = re.compile(
    r"\s*(?P<n>\d{1,2})[.)]\s+(?P<item>[^\n]{3,200}?)\.?(?=\s+\d{1,2}[.)]\s|\n|$)"
)


def _numbered_items(text: str, at: int) -> list[tuple[int, int, str]]:
    """The items of a list numbered from 1 right after ``at``: (start, end, item)."""
    out: list[tuple[int, int, str]] = []
    pos = at + len(re.match(r"[\s:]*", text[at:]).group(0)) if at < len(text) else at
    while True:
        m = _NUMBERED.match(text, pos)
        if not m or int(m.group("n")) != len(out) + 1:
            return out
        item = re.sub(r"^(?:the|a|an)\s+", "", m.group("item").strip(), flags=re.I)
        out.append((m.start("item"), m.end("item"), item))
        pos = m.end()


def _mentioned_countries(
    s: Sentence, people: list[Person], mentions: dict[int, list[tuple[int, int, int]]]
) -> list[str]:
    """The governments of the officials a sentence names, in order."""
    out: list[str] = []
    for _a, _b, pid in mentions.get(s.index, []):
        code = people[pid].country
        if code and code not in ("SELF", "ORG") and code not in out:
            out.append(code)
    return out


def _date_signings(ctx: Mentions, engs: list[Eng], agreements: list[Agreement]) -> None:
    """An undated signing ("Goyal signed the agreement in New Delhi with ...") happened on the
    date the article gives for signing that agreement in the same or a preceding sentence."""
    starts = [s.start for s in ctx.sentences]
    for e in engs:
        if not e.signing or e.res.known:
            continue
        for ag in agreements:
            if ag.date is None or ag.precision != "day":
                continue
            idx = {bisect_right(starts, a) - 1 for a, _b in ag.evidence}
            if any(0 <= e.sentence - k <= 2 for k in idx):
                e.res = Resolved(ag.date, ag.date, "day")
                break
