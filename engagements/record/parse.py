"""Reading the Office of the Historian's XML into `RecordEntry` dataclasses; no Django here.

Two public-domain collections:

* travels (``<trips><trip role= who=>``): one entry per country a President or
  Secretary of State visited, with dates, a locale and a remarks line;
* visits (``<visits><visit>``): one entry per visit of a foreign leader to the US;

and the travels collection's ``presidents.xml`` (who held the office when), which lets
"President Bush" in a remark name the President of the day.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from extraction import Place as ExtractedPlace
from extraction import gazetteer as gz
from extraction import titles

TRAVELS_URL = "https://history.state.gov/departmenthistory/travels/{role}/{who}"
VISITS_URL = "https://history.state.gov/departmenthistory/visits/{country}"
ROLE_TITLES = {"secretary": "Secretary of State", "president": "President"}

# Country names of the record that neither pycountry nor the extractor's gazetteer know
# (states that no longer exist map to their successor, territories to their country).
_RECORD_COUNTRIES = {
    "holy-see": "VA",
    "west-bank": "PS",
    "palestinian-authority": "PS",
    "czechoslovakia": "CZ",
    "yugoslavia": "RS",
    "serbia-and-montenegro": "RS",
    "serbia-montenegro": "RS",
    "german-democratic-republic": "DE",
    "netherlands-antilles": "CW",
    "kosovo": "XK",
    "ussr": "RU",
    "soviet-union": "RU",
    "zaire": "CD",
    "rhodesia": "ZW",
}
PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


@dataclass
class RecordEntry:
    """One entry of the record, whichever collection it comes from."""

    record_id: str
    traveler: str
    traveler_title: str
    traveler_country: str | None
    start: date
    end: date
    country: str | None
    country_name: str
    locale: str
    remarks: str
    url: str = ""
    # Country of the officials the remarks name when the extractor cannot tell.
    hosts_country: str | None = None
    # For visits the place is only known after reading the description.
    place_hint: ExtractedPlace | None = None

    @property
    def number(self) -> int:
        digits = self.record_id.rsplit(":", 1)[-1]
        return int(digits) if digits.isdigit() else 0

    @property
    def is_visit(self) -> bool:
        """A foreign leader's visit to the US (else a US traveler's trip abroad)."""
        return self.record_id.startswith("visits:")


@dataclass(frozen=True)
class President:
    name: str
    start: date
    end: date


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def record_country(country_id: str, name: str) -> str | None:
    """The ISO alpha-2 code of a record's country (its id like "korea-south", its name)."""
    name = name.replace("’", "'")
    forms = [name, PARENTHETICAL.sub("", name)]
    if "," in name:
        head, _, tail = PARENTHETICAL.sub("", name).partition(",")
        forms += [f"{tail.strip()} {head.strip()}", head.strip()]
    words = country_id.split("-")
    forms += [" ".join(words), " ".join(reversed(words))]
    for form in forms:
        code = gz.country_code(form.strip())
        if code:
            return code
    return _RECORD_COUNTRIES.get(country_id)


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.xml") if p.is_file())
        else:
            yield path


def parse_travels(paths: Iterable[str | Path]) -> list[RecordEntry]:
    """Every trip entry of the travels XML files (and folders of them) given."""
    entries = []
    for path in _files(paths):
        root = ET.parse(path).getroot()
        if root.tag != "trips":
            continue
        for trip in root.iter("trip"):
            start = _date(_text(trip.find("start-date")))
            if start is None:
                continue
            end = _date(_text(trip.find("end-date"))) or start
            role = trip.get("role") or _text(trip.find("role"))
            who = trip.get("who") or ""
            country = trip.find("country")
            country_name = _text(country)
            code = record_country(
                country.get("id", "") if country is not None else "", country_name
            )
            entries.append(
                RecordEntry(
                    record_id=f"travels:{_text(trip.find('id'))}",
                    traveler=PARENTHETICAL.sub("", _text(trip.find("name"))).strip(),
                    traveler_title=ROLE_TITLES.get(role, role.title()),
                    traveler_country="US",
                    start=start,
                    end=max(end, start),
                    country=code,
                    country_name=PARENTHETICAL.sub("", country_name).strip() or country_name,
                    locale=_text(trip.find("locale")),
                    remarks=_text(trip.find("remarks")),
                    url=TRAVELS_URL.format(role=role, who=who) if who else "",
                    hosts_country=code,
                )
            )
    return entries


def split_title(visitor: str) -> tuple[str | None, str]:
    """ "Prime Minister Kyriakos Mitsotakis" -> ("Prime Minister", "Kyriakos Mitsotakis")."""
    visitor = " ".join(visitor.split())
    match = titles.title_regex().match(visitor)
    if match and match.end() < len(visitor):
        return match.group("title"), visitor[match.end() :].strip(" ,")
    return None, visitor


def parse_visits(paths: Iterable[str | Path]) -> list[RecordEntry]:
    """Every visit entry of the visits XML files (and folders of them) given."""
    entries = []
    for path in _files(paths):
        root = ET.parse(path).getroot()
        if root.tag != "visits":
            continue
        for visit in root.iter("visit"):
            start = _date(_text(visit.find("start-date")))
            if start is None:
                continue
            end = _date(_text(visit.find("end-date"))) or start
            origin = visit.find("from")
            origin_id = origin.get("id", "") if origin is not None else ""
            title, name = split_title(_text(visit.find("visitor")))
            if not name:
                continue
            entries.append(
                RecordEntry(
                    record_id=f"visits:{_text(visit.find('id'))}",
                    traveler=name,
                    traveler_title=title or "",
                    traveler_country=record_country(origin_id, _text(origin)),
                    start=start,
                    end=max(end, start),
                    country="US",
                    country_name="United States",
                    locale="",
                    remarks=_text(visit.find("description")),
                    url=VISITS_URL.format(country=origin_id) if origin_id else "",
                    hosts_country="US",
                )
            )
    return entries


@lru_cache(maxsize=8)
def parse_presidents(path: str) -> tuple[President, ...]:
    """The Presidents of presidents.xml with their terms (none when the file is missing)."""
    file = Path(path)
    if not file.is_file():
        return ()
    out = []
    for item in ET.parse(file).getroot().iter("president"):
        name = PARENTHETICAL.sub("", _text(item.find("name"))).strip()
        start = _date(_text(item.find("took-office-date")))
        end = _date(_text(item.find("left-office-date"))) or date.max
        if name and start:
            out.append(President(name, start, end))
    return tuple(out)


def presidents_file_near(paths: Iterable[str | Path]) -> Path | None:
    """The travels collection's presidents.xml, looked for beside and above the paths."""
    for raw in paths:
        path = Path(raw).resolve()
        for folder in [path, *path.parents][:4]:
            for candidate in (
                folder / "presidents" / "presidents.xml",
                folder / "hsg-travels" / "presidents" / "presidents.xml",
            ):
                if candidate.is_file():
                    return candidate
    return None


def short_name(name: str) -> str:
    """First and last word of a full name: "Antony John Blinken" -> "Antony Blinken"."""
    words = name.split()
    return f"{words[0]} {words[-1]}" if len(words) > 2 else ""
