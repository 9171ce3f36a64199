"""Reading the record's XML into entries: no database, and no Django at all."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from engagements.record import parse_travels, parse_visits, record_country, split_title

from .samples import TRAVELS_XML, VISITS_XML, write_sample

ROOT = Path(__file__).resolve().parents[2]


def test_record_countries_map_to_iso_codes():
    assert record_country("korea-south", "Korea, Republic of") == "KR"
    assert record_country("holy-see", "Vatican City") == "VA"
    assert record_country("china", "China, People’s Republic of") == "CN"
    assert record_country("france", "France") == "FR"


def test_visitor_title_is_split_from_the_name():
    assert split_title("Prime Minister Kyriakos Mitsotakis") == (
        "Prime Minister",
        "Kyriakos Mitsotakis",
    )


def test_a_travels_entry_gives_its_traveler_dates_country_and_remarks(tmp_path):
    first, _, seoul = parse_travels([write_sample(tmp_path, "doe.xml", TRAVELS_XML)])
    assert (first.record_id, first.traveler, first.traveler_title) == (
        "travels:90001",
        "Jane Quincy Doe",
        "Secretary of State",
    )
    assert (first.start, first.end, first.country, first.locale) == (
        date(2023, 1, 9),
        date(2023, 1, 10),
        "IL",
        "Jerusalem",
    )
    assert first.remarks == "Met with President Isaac Herzog and Prime Minister Benjamin Netanyahu."
    assert first.url == "https://history.state.gov/departmenthistory/travels/secretary/doe-jane-q"
    assert (seoul.country, seoul.country_name, seoul.remarks) == ("KR", "Korea, Republic of", "")


def test_a_visits_entry_gives_the_visitor_and_the_country_they_came_from(tmp_path):
    [visit] = parse_visits([write_sample(tmp_path, "2022.xml", VISITS_XML)])
    assert (visit.record_id, visit.traveler, visit.traveler_title) == (
        "visits:99001",
        "Kyriakos Mitsotakis",
        "Prime Minister",
    )
    assert (visit.traveler_country, visit.country, visit.is_visit) == ("GR", "US", True)
    # a travels file among visits files is not read as visits
    assert parse_visits([write_sample(tmp_path, "doe.xml", TRAVELS_XML)]) == []


def test_the_parser_imports_no_django():
    code = (
        "import sys, engagements.record.parse; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
