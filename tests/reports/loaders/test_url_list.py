""".urls lists and URLs given directly: one report per page or feed entry, one error per URL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reports.loaders import read_inputs, read_url

from .helpers import errors_of, reports_of


def test_a_url_list_gives_reports_and_one_error_per_failed_url(tmp_path, server, settings):
    settings.LOADER_MAX_URL_BYTES = 15_000
    (tmp_path / "links.urls").write_text(
        f"# this week's reading\n{server}/article\n\n{server}/missing\n{server}/huge\n"
        f"{server}/huge-unannounced\n{server}/report.pdf\nftp://example.org/x\n{server}/feed\n",
        encoding="utf-8",
    )
    results = read_inputs([tmp_path / "links.urls"])
    reports = reports_of(results)
    assert reports[0].title == "Blinken and Ebrard hold security dialogue in Mexico City"
    assert reports[0].url == f"{server}/article"
    assert reports[0].published == date(2021, 10, 8)
    assert "Subscribe" not in reports[0].text
    assert [r.title for r in reports[1:]] == [
        "Le Drian receives Albares in Paris",
        "Wang Yi calls Lavrov",
        "Undated note",
    ]
    assert errors_of(results) == [
        f"{server}/missing: HTTP 404 Not Found",
        f"{server}/huge: too large (21.5 kB, over the 14.6 kB limit)",
        f"{server}/huge-unannounced: too large (over the 14.6 kB limit)",
        f"{server}/report.pdf: not an HTML page or a feed (content type application/pdf)",
        "links.urls, line 8: 'ftp://example.org/x' is not an http(s) URL",
    ]


def test_a_txt_of_urls_is_read_as_a_url_list(tmp_path, server):
    (tmp_path / "reading.txt").write_text(f"{server}/article\n# done\n", encoding="utf-8")
    [report] = read_inputs([tmp_path / "reading.txt"])
    assert report.title == "Blinken and Ebrard hold security dialogue in Mexico City"


def test_urls_given_directly_are_downloaded(server):
    results = read_inputs([f"{server}/feed", Path(f"{server}/article")])
    assert len(reports_of(results)) == 4
    assert reports_of(results)[-1].url == f"{server}/article"
    feed = read_url(f"{server}/feed-as-html")  # sniffed as a feed despite its content type
    assert [r.source for r in reports_of(feed)] == ["Diplomatic Dispatch"] * 3
