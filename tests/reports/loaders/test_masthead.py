"""Title and date from a report's own first lines when no metadata gives them: a headline,
a dateline, a "Published:" line, and HTML's <meta> and JSON-LD."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reports.loaders import ReportInput, read_inputs, read_upload
from reports.loaders.masthead import dateline_date, masthead
from reports.services import batch_create, ingest_reports

TODAY = date(2024, 3, 1)

BODY = "Philippine President Ferdinand Marcos Jr. met Japan's foreign minister on Tuesday."


def one(text: str, name: str = "r.txt") -> ReportInput:
    [report] = read_upload(name, text.encode("utf-8"))
    assert isinstance(report, ReportInput), report
    return report


def test_a_headline_first_line_is_the_title():
    report = one(f"Marcos and Kamikawa pledge closer maritime ties\n\n{BODY}")
    assert report.title == "Marcos and Kamikawa pledge closer maritime ties"


@pytest.mark.parametrize(
    "first",
    [
        "After a push to patch relations, the minister closes a visit on Wednesday.",  # a sentence
        "Talks went on, the minister said:",  # punctuation closes it
        "By Jane Reporter",  # a byline
        " ".join(["word"] * 30),  # too long for a headline
    ],
)
def test_a_first_line_that_is_no_headline_gives_no_title(first):
    assert one(f"{first}\n\n{BODY}").title == ""


def test_a_lone_line_is_the_report_not_its_headline():
    assert one("Blinken met Ebrard in Mexico City").title == ""


def test_a_dateline_with_a_year_is_the_date():
    report = one(f"Marcos meets Kamikawa\n\nMANILA, Feb. 14, 2024 (Reuters) - {BODY}")
    assert report.published == date(2024, 2, 14)
    assert report.dateline is None


def test_a_dateline_without_a_year_takes_the_batch_dates_year(db):
    report = one(f"Marcos meets Kamikawa\n\nMANILA, February 14 (Reuters) - {BODY}")
    assert (report.published, report.dateline) == (None, (2, 14))
    batch = batch_create(name="Wires", default_published=date(2023, 2, 20))
    [article] = ingest_reports(batch=batch, reports=[report]).created
    assert article.published == date(2023, 2, 14)  # the report's own day, not the batch's
    assert article.title == "Marcos meets Kamikawa"


def test_a_yearless_dateline_is_the_most_recent_such_day_without_a_batch_date():
    found = dateline_date((2, 14), None)
    assert (found.month, found.day) == (2, 14)
    assert 0 <= (date.today() - found).days < 366
    # a late-December dateline in a batch dated early January is from the year before
    assert dateline_date((12, 30), date(2024, 1, 2)) == date(2023, 12, 30)
    assert dateline_date((2, 29), date(2023, 3, 1)) == date(2020, 2, 29)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("KYIV, Ukraine, March 3", (3, 3)),
        ("UNITED NATIONS, Oct 6 (AP) —", (10, 6)),
        ("Washington, September 24th -", (9, 24)),
    ],
)
def test_datelines_in_the_forms_wires_write_them(line, day):
    assert masthead(f"A headline\n\n{line} {BODY}", TODAY).dateline == day


def test_a_date_inside_the_body_is_no_dateline():
    found = masthead(f"A headline\n\nThe talks, held March 3 in Kyiv, went on. {BODY}", TODAY)
    assert (found.published, found.dateline) == (None, None)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published: 14 February 2024, 10:32 GMT", date(2024, 2, 14)),
        ("Published February 14, 2024 at 3:05 p.m. ET", date(2024, 2, 14)),
        ("Posted on 2024-02-14T08:00:00Z", date(2024, 2, 14)),
        ("Updated: Feb 15, 2024", date(2024, 2, 15)),
    ],
)
def test_a_published_or_updated_line_gives_the_date(line, day):
    assert masthead(f"A headline\n{line}\n\n{BODY}", TODAY).published == day


def test_published_wins_over_updated_and_a_future_date_is_ignored():
    text = f"A headline\nUpdated: 20 Feb 2024\nPublished: 14 Feb 2024\n\n{BODY}"
    assert masthead(text, TODAY).published == date(2024, 2, 14)
    assert masthead(f"A headline\nPublished: 14 Feb 2031\n\n{BODY}", TODAY).published is None


def test_metadata_wins_and_only_blanks_are_filled(tmp_path):
    (tmp_path / "r.txt").write_text(
        f"Marcos meets Kamikawa\nPublished: 14 Feb 2024\n\n{BODY}", encoding="utf-8"
    )
    (tmp_path / "r.meta.json").write_text(json.dumps({"title": None, "published": "2024-02-16"}))
    [report] = read_inputs([tmp_path / "r.txt"])
    assert report.title == "Marcos meets Kamikawa"  # the sidecar's title is null
    assert report.published == date(2024, 2, 16)  # the sidecar's date wins


def test_a_json_record_without_title_or_date_takes_them_from_its_text():
    record = {"text": f"Marcos meets Kamikawa\n\nMANILA, Feb 14, 2024 - {BODY}"}
    [report] = read_upload("r.json", json.dumps(record).encode())
    assert (report.title, report.published) == ("Marcos meets Kamikawa", date(2024, 2, 14))


JSON_LD_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Marcos and Kamikawa pledge closer maritime ties",
 "datePublished": "2024-02-14T09:30:00+08:00"}</script></head>
<body><article><p>%s</p><p>The two ministers discussed the South China Sea, coast
guard cooperation and a reciprocal access agreement for their armed forces.</p></article>
</body></html>"""

META_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta property="og:title" content="Marcos and Kamikawa pledge closer maritime ties">
<meta name="date" content="2024-02-14">
</head><body><article><p>%s</p><p>The two ministers discussed the South China Sea, coast
guard cooperation and a reciprocal access agreement for their armed forces.</p></article>
</body></html>"""


@pytest.mark.parametrize("page", [JSON_LD_PAGE, META_PAGE], ids=["json-ld", "meta"])
def test_an_html_page_takes_title_and_date_from_its_metadata(page):
    report = one(page % BODY, name="page.html")
    assert report.title == "Marcos and Kamikawa pledge closer maritime ties"
    assert report.published == date(2024, 2, 14)


def test_an_html_page_without_a_date_in_its_markup_takes_its_dateline():
    page = (
        "<!doctype html><html><head><title>Marcos meets Kamikawa</title></head><body>"
        f"<article><p>MANILA, Feb 14, 2024 (Reuters) - {BODY}</p><p>The ministers discussed "
        "the South China Sea and coast guard cooperation at length.</p></article></body></html>"
    )
    assert one(page, name="page.html").published == date(2024, 2, 14)
