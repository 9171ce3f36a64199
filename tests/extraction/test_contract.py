import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import extraction
from extraction import EXTRACTOR_VERSION, extract

TEXT = (
    "Tensions over AUKUS deal\n\n"
    "U.S. Secretary of State Antony Blinken met French President Emmanuel Macron in Paris on "
    "Tuesday. Blinken will travel to Mexico City on Thursday."
)


def test_to_dict_has_exactly_the_contract_keys():
    d = extract(TEXT, date(2021, 10, 6)).to_dict()
    assert list(d) == ["published", "officials", "engagements", "trips", "agreements"]
    assert d["published"] == "2021-10-06"
    assert set(d["officials"][0]) == {"name", "title", "country", "aliases", "mentions"}
    eng_keys = {"kind", "title", "participants", "place", "country", "start", "end", "precision",
                "status", "confidence", "evidence"}  # fmt: skip
    for e in d["engagements"]:
        assert eng_keys <= set(e) <= eng_keys | {"lat", "lon"}
        assert e["kind"] in {"meeting", "call", "talks", "dialogue", "conference", "visit",
                             "summit", "other"}  # fmt: skip
        assert e["precision"] in {"day", "month", "year", "unknown"}
        assert e["status"] in {"held", "scheduled", "cancelled", "unknown"}
        assert 0 <= e["confidence"] <= 1
    names = {o["name"] for o in d["officials"]}
    for t in d["trips"]:
        assert set(t) == {"traveler", "stops", "companions"}
        assert set(t["companions"]) <= names - {t["traveler"]}
        for s in t["stops"]:
            assert {"place", "country", "start", "end", "evidence"} <= set(s)
    for a in d["agreements"]:
        assert set(a) == {"name", "aliases", "parties", "date", "evidence"}


def test_evidence_and_mentions_point_into_the_text():
    doc = extract(TEXT, date(2021, 10, 6))
    (meeting,) = [e for e in doc.engagements if e.kind == "meeting"]
    a, b = meeting.evidence[0]
    assert TEXT[a:b].startswith("U.S. Secretary of State Antony Blinken met")
    assert (meeting.start, meeting.place.name, meeting.country) == (
        date(2021, 10, 5),
        "Paris",
        "FR",
    )
    for o in doc.officials:
        for a, b in o.mentions:
            assert TEXT[a:b] in (o.name, *o.aliases)


def test_to_json_round_trips_and_is_deterministic():
    one = extract(TEXT, date(2021, 10, 6)).to_json()
    two = extract(TEXT, date(2021, 10, 6)).to_json()
    assert one == two
    assert json.loads(one)["agreements"][0]["name"] == "AUKUS"


def test_version_and_no_django():
    assert EXTRACTOR_VERSION.count(".") == 2
    root = Path(extraction.__file__).parent
    for py in root.glob("*.py"):
        assert "import django" not in py.read_text() and "from django" not in py.read_text()


def test_command_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "extraction", str(path), "--published", "2021-10-06"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(extraction.__file__).parent.parent,
    )
    assert json.loads(out.stdout)["published"] == "2021-10-06"


def test_empty_and_undated_articles():
    assert extract("", None).to_dict()["officials"] == []
    doc = extract("French President Emmanuel Macron met Olaf Scholz on Tuesday.", None)
    assert doc.engagements[0].start is None and doc.engagements[0].precision == "unknown"
