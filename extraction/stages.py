"""What the stages of the pipeline hand each other, in pipeline order (see pipeline.py).

Text -> Mentions -> Events -> Groups -> Trips -> Agreements -> models.Document. Eng and Stop are
the working records of an engagement and of a trip stop, from the events stage on.

Mentions is also the context every later stage reads (the text, its sentences and people);
later stages change it in one place only, each saying so: grouping sets the country of
officials met at home (Person.country).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .dates import UNKNOWN, Resolved, TimeExpr
from .models import Agreement, Place
from .people import Person
from .places import PlaceMention
from .text import Sentence

Mention = tuple[int, int, int]  # (start, end, person id)


@dataclass
class Text:
    """Stage 1 (sentences.py): the article ready to be read."""

    text: str  # family names written in capitals are in title case (offsets kept)
    published: date | None
    sentences: list[Sentence]
    family_first: frozenset[str]  # family names the text writes first ("KISHIDA Fumio")


@dataclass
class Mentions:
    """Stage 2 (mentions.py): the people, places and dates the text names, sentence by sentence,
    and what it says of the people (titles, countries, who each sentence is about)."""

    text: str
    published: date | None
    sentences: list[Sentence]
    people: list[Person]  # a person's id is their index
    mentions: dict[int, list[Mention]]  # sentence index -> mentions of people in it
    preferred: frozenset[str]  # countries the text names: place readings prefer them
    counts: Counter[int] = field(default_factory=Counter)  # person id -> number of mentions
    # date lines heading sections of the report ("FEBRUARY 2, 2025"): (offset, day)
    sections: list[tuple[int, date]] = field(default_factory=list)
    dateline: Place | None = None  # "PARIS (Reuters) -"
    # the government whose release this is ("Ministry of Foreign Affairs of Japan")
    issuer: str | None = None
    # sentence index -> the person the text is about when it begins (for "he", "the minister")
    focus: dict[int, int | None] = field(default_factory=dict)
    officials: frozenset[int] = frozenset()  # ids of the people who are officials
    places: dict[int, list[PlaceMention]] = field(default_factory=dict)  # body sentences
    dates: dict[int, list[TimeExpr]] = field(default_factory=dict)  # every sentence

    def pub_at(self, offset: int) -> date | None:
        """The day "today" means at this offset: its section's date line, else publication."""
        day = self.published
        for at, heading in self.sections:
            if at > offset:
                break
            day = heading
        return day


@dataclass
class Eng:
    """An engagement as the stages from events on work on it (models.Engagement in the end)."""

    kind: str
    subject: list[int]
    counterparts: list[int | str]  # person ids; "cc:FR" for "his French counterpart" unnamed
    sentence: int
    evidence: list[tuple[int, int]]
    title: str | None = None
    place: Place | None = None
    place_explicit: bool = False
    res: Resolved = UNKNOWN
    tense: str = "unknown"
    cancelled: bool = False
    confidence: float = 0.6
    between: bool = False
    group: int = -1  # the trigger offset shared by the one-per-counterpart copies of a meeting
    not_before: date | None = None
    signing: bool = False
    # who travelled to the place: the subject, or whoever a host received
    visitors: list[int] = field(default_factory=list)
    leg: bool = False  # one of a list of places told with their days ("in A on 1, in B on 2")

    def participants(self) -> list[int | str]:
        out: list[int | str] = []
        for p in self.subject + self.counterparts:
            if p not in out:
                out.append(p)
        return out


@dataclass
class Stop:
    """A stop of a traveller's trip (models.TripStop in the end)."""

    traveler: int
    place: Place
    res: Resolved
    sentence: int
    evidence: list[tuple[int, int]]
    order: int  # the order the text tells the stops in
    tense: str = "unknown"
    cancelled: bool = False
    sent_ids: list[int] = field(default_factory=list)  # other sentences that tell of this stop


@dataclass
class Events:
    """Stage 3 (events.py): every engagement and trip stop a sentence tells of, in text order,
    each with its own arguments; nothing merged yet."""

    engagements: list[Eng] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)


@dataclass
class Groups:
    """Stage 4 (grouping.py): one engagement per meeting however often it is told, one per
    counterpart met separately; the stops of each traveller merged."""

    engagements: list[Eng]
    trips: dict[int, list[Stop]]  # traveller id -> stops


@dataclass
class Trips:
    """Stage 5 (trips.py): the final engagements (stops with no meeting there become visits)
    and trips, each having lent the other the places and dates it knows, and who travels with
    whom."""

    engagements: list[Eng]
    trips: dict[int, list[Stop]]  # traveller id -> stops
    # traveller id -> ids of those travelling with them ("accompanied by Y"), companions.py
    companions: dict[int, list[int]] = field(default_factory=dict)


@dataclass
class Agreements:
    """Stage 6 (agreements.py): the agreements the text names."""

    agreements: list[Agreement]
