"""RSS and Atom feed files: one report per entry."""

from __future__ import annotations

from datetime import date

from reports.loaders import read_inputs

from .helpers import DATA, errors_of, reports_of


def test_an_rss_file_gives_one_report_per_entry_with_dates():
    results = read_inputs([DATA / "feed.rss"])
    assert errors_of(results) == []
    first, second, third = reports_of(results)
    assert first.title == "Le Drian receives Albares in Paris"
    assert first.url == first.name == "https://dispatch.example.org/2021/10/06/le-drian-albares"
    assert first.source == "Diplomatic Dispatch"
    assert first.published == date(2021, 10, 6)
    assert first.text == (
        "French Foreign Minister Jean-Yves Le Drian received his Spanish counterpart José "
        "Manuel Albares in Paris on Wednesday.\nThey discussed migration & energy."
    )
    # The date as written in the feed's own time zone, not shifted to UTC.
    assert second.published == date(2021, 10, 5)
    assert second.text.startswith("Chinese Foreign Minister Wang Yi spoke by phone")
    assert "<p>" not in second.text
    assert third.published is None


def test_an_atom_xml_file_is_read_as_a_feed_and_other_xml_is_refused(tmp_path):
    (tmp_path / "news.xml").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<entry><title>Call</title><link href='https://wire.example.org/call'/>"
        "<published>2021-10-06T12:00:00Z</published>"
        "<content type='html'>&lt;p&gt;Blinken called Kuleba.&lt;/p&gt;</content></entry>"
        "<entry><title>Empty</title></entry></feed>",
        encoding="utf-8",
    )
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'
    )
    results = read_inputs([tmp_path / "news.xml", tmp_path / "sitemap.xml"])
    assert [(r.title, r.text, r.published, r.source) for r in reports_of(results)] == [
        ("Call", "Blinken called Kuleba.", date(2021, 10, 6), "Wire")
    ]
    errors = errors_of(results)
    assert errors[0] == "news.xml, entry 2: the entry has no content or summary"
    assert errors[1].startswith("sitemap.xml: not an RSS or Atom feed")


def test_a_feed_file_naming_another_file_does_not_open_it(tmp_path):
    (tmp_path / "trap.rss").write_text(str(DATA / "feed.rss"), encoding="utf-8")
    results = read_inputs([tmp_path / "trap.rss"])
    assert reports_of(results) == []
    assert errors_of(results)[0].startswith("trap.rss: not an RSS or Atom feed")
