""".txt reports and their NAME.meta.json sidecars."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reports.loaders import LoadError, ReportInput, read_inputs, read_text_report


def test_a_text_report_with_sidecar_loads_with_its_metadata(tmp_path):
    (tmp_path / "r.txt").write_text("Blinken met Ebrard in Mexico City.", encoding="utf-8")
    (tmp_path / "r.meta.json").write_text(
        json.dumps(
            {
                "title": "Dialogue",
                "source": "Example Wire",
                "published": "2021-10-08T09:00:00Z",
                "url": "https://wire.example.org/a",
            }
        )
    )
    [report] = read_inputs([tmp_path / "r.txt"])
    assert report == ReportInput(
        text="Blinken met Ebrard in Mexico City.",
        name="r.txt",
        title="Dialogue",
        url="https://wire.example.org/a",
        source="Example Wire",
        published=date(2021, 10, 8),
    )


def test_a_sidecar_supplies_title_source_and_date(tmp_path):
    (tmp_path / "r.txt").write_text("Blinken spoke to his counterparts.", encoding="utf-8")
    (tmp_path / "r.meta.json").write_text(
        json.dumps({"title": "Calls", "source": "CNBC", "published": "2021-01-27"})
    )
    report = read_text_report(tmp_path / "r.txt")
    assert (report.title, report.source, report.published) == ("Calls", "CNBC", date(2021, 1, 27))


def test_a_malformed_sidecar_names_the_line(tmp_path):
    (tmp_path / "r.txt").write_text("text", encoding="utf-8")
    (tmp_path / "r.meta.json").write_text('{\n"title": "x",\n"published": \n}')
    with pytest.raises(LoadError, match="r.meta.json: malformed JSON at line 4"):
        read_text_report(tmp_path / "r.txt")
