""".json and .jsonl records: one report per record, one error per bad record."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reports.loaders import ReportInput, read_inputs, read_upload

from .helpers import errors_of, reports_of


def test_jsonl_loads_each_line_and_a_malformed_line_names_its_number(tmp_path):
    lines = [
        json.dumps(
            {
                "text": "Blinken met Ebrard.",
                "title": "Dialogue",
                "url": "https://wire.example.org/a",
                "published": "2021-10-08",
                "source": "Example Wire",
            }
        ),
        "",
        '{"text": "broken", "title": }',
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "Lavrov called Wang Yi.", "published": "the other day"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Albares visited Rabat.", "published": "2022-04-07T10:00:00Z"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read_inputs([tmp_path / "batch.jsonl"])
    assert reports_of(results) == [
        ReportInput(
            text="Blinken met Ebrard.",
            name="batch.jsonl#1",
            title="Dialogue",
            url="https://wire.example.org/a",
            source="Example Wire",
            published=date(2021, 10, 8),
        ),
        ReportInput(
            text="Albares visited Rabat.", name="batch.jsonl#7", published=date(2022, 4, 7)
        ),
    ]
    errors = errors_of(results)
    assert errors[0].startswith("batch.jsonl, line 3: malformed JSON at column 29: Expecting value")
    assert errors[1] == "batch.jsonl, line 4: no text (the 'text' field is missing or empty)"
    assert errors[2].startswith("batch.jsonl, line 5: bad publication date 'the other day'")
    assert errors[3] == "batch.jsonl, line 6: expected a JSON object, found a list"
    assert len(errors) == 4


@pytest.mark.parametrize(
    "document",
    [
        {"text": "One report.", "title": "T"},
        [{"text": "One report.", "title": "T"}],
        {"reports": [{"text": "One report.", "title": "T"}]},
    ],
)
def test_json_takes_an_object_a_list_or_a_reports_key(tmp_path, document):
    (tmp_path / "r.json").write_text(json.dumps(document), encoding="utf-8")
    [report] = read_inputs([tmp_path / "r.json"])
    assert (report.text, report.title) == ("One report.", "T")


def test_json_with_utf16_bom_loads_and_bad_records_fail_alone(tmp_path):
    records = [
        {"text": "Le Drian reçut Albares.", "source": "Le Monde", "published": "2021-10-06"},
        {"text": "x", "url": "javascript:alert(1)"},
        {"text": 42},
    ]
    (tmp_path / "r.json").write_bytes(json.dumps(records, ensure_ascii=False).encode("utf-16"))
    results = read_inputs([tmp_path / "r.json"])
    assert [(r.text, r.source, r.published) for r in reports_of(results)] == [
        ("Le Drian reçut Albares.", "Le Monde", date(2021, 10, 6))
    ]
    assert errors_of(results) == [
        "r.json, record 2: url 'javascript:alert(1)' is not an http(s) address",
        "r.json, record 3: field 'text' should be text, not a number",
    ]


def test_malformed_json_names_the_line(tmp_path):
    (tmp_path / "r.json").write_text('[\n  {"text": "a"},\n  {"text": }\n]')
    [error] = read_inputs([tmp_path / "r.json"])
    assert str(error).startswith("r.json: malformed JSON at line 3, column 12")


def test_json_nested_too_deeply_is_an_error_not_a_crash():
    [error] = read_upload("deep.json", b"[" * 100_000)
    assert str(error) == "deep.json: unreadable JSON (nested too deeply)"
