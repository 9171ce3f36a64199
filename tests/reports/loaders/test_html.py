"""HTML pages: the article text, title and date, without the clutter."""

from __future__ import annotations

from datetime import date

from reports.loaders import read_inputs

from .helpers import DATA, errors_of


def test_an_html_page_gives_the_article_body_without_navigation_or_footer():
    [report] = read_inputs([DATA / "article.html"])
    assert report.title == "Blinken and Ebrard hold security dialogue in Mexico City"
    assert report.published == date(2021, 10, 8)
    assert report.source == "Example Wire"
    assert report.url == "https://wire.example.org/2021/10/08/security-dialogue"
    assert "met Mexican Foreign Secretary Marcelo Ebrard" in report.text
    assert "Andrés Manuel López Obrador" in report.text
    for clutter in ["Subscribe", "Privacy policy", "Copyright", "cookies", "Ten recipes"]:
        assert clutter not in report.text


def test_an_html_page_without_text_is_an_error(tmp_path):
    (tmp_path / "blank.htm").write_text(
        "<html><head><title>Loading</title></head><body><script>x()</script></body></html>"
    )
    assert errors_of(read_inputs([tmp_path / "blank.htm"])) == [
        "blank.htm: no article text found in the page"
    ]
