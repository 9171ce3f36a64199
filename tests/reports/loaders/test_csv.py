""".csv rows: one report per row, errors naming the line."""

from __future__ import annotations

from datetime import date

from reports.loaders import ReportInput, read_inputs

from .helpers import errors_of, reports_of


def test_csv_loads_each_row_and_errors_name_the_line(tmp_path):
    (tmp_path / "r.csv").write_text(
        "Title,Text,Published,Source,URL,notes\n"
        'Dialogue,"Blinken met Ebrard.\nThey agreed a framework.",2021-10-08,Wire,,x\n'
        "No text,,2021-10-09,Wire,,\n"
        "\n"
        "Bad date,Wang Yi called Lavrov.,09/10/21,Wire,,\n"
        "Too many,a,2021-10-09,Wire,,,extra\n"
        'Call,Lavrov called Wang Yi.,"Oct 5, 2021",Wire,https://wire.example.org/c,\n',
        encoding="utf-8",
    )
    results = read_inputs([tmp_path / "r.csv"])
    assert reports_of(results) == [
        ReportInput(
            text="Blinken met Ebrard.\nThey agreed a framework.",
            name="r.csv#2",
            title="Dialogue",
            source="Wire",
            published=date(2021, 10, 8),
        ),
        ReportInput(
            text="Lavrov called Wang Yi.",
            name="r.csv#8",
            title="Call",
            url="https://wire.example.org/c",
            source="Wire",
            published=date(2021, 10, 5),
        ),
    ]
    errors = errors_of(results)
    assert errors[0] == "r.csv, line 4: no text (the 'text' field is missing or empty)"
    assert errors[1].startswith("r.csv, line 6: bad publication date '09/10/21'")
    assert errors[2] == "r.csv, line 7: 7 fields, but the header names 6"
    assert len(errors) == 3


def test_csv_in_utf16_with_semicolons_loads(tmp_path):
    content = "text;title;published\nLe Drian reçut Albares.;Visite;2021-10-06\n"
    (tmp_path / "r.csv").write_bytes(content.encode("utf-16"))
    [report] = read_inputs([tmp_path / "r.csv"])
    assert (report.text, report.title, report.published) == (
        "Le Drian reçut Albares.",
        "Visite",
        date(2021, 10, 6),
    )


def test_csv_without_a_text_column_says_what_it_found(tmp_path):
    (tmp_path / "r.csv").write_text("headline,body\nA,B\n", encoding="utf-8")
    [error] = read_inputs([tmp_path / "r.csv"])
    assert "r.csv: the first row must name the columns, with a 'text' column" in str(error)
    assert str(error).endswith("found: headline, body")


def test_a_broken_csv_quote_names_the_line_and_keeps_earlier_rows(tmp_path):
    (tmp_path / "r.csv").write_text(
        'text,title\nHe said "yes" twice,a\n"Broken" quote,b\nlater,c\n', encoding="utf-8"
    )
    results = read_inputs([tmp_path / "r.csv"])
    assert [r.text for r in reports_of(results)] == ['He said "yes" twice']
    assert errors_of(results) == [
        "r.csv, line 3: malformed CSV (',' expected after '\"'); "
        "this row and the rows after it were not read"
    ]
