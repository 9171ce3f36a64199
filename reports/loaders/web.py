"""A URL: a web page (one report) or a feed (one per entry), told apart by what is sent."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Loaded, LoadError, ReportInput, guarded
from .encoding import decode_bytes, markup_download, markup_head
from .feed import FEED_TYPES, feed_reports, looks_like_feed
from .fetch import Download, fetch
from .html_page import html_report, looks_like_html

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Content types that say little: the body itself tells a feed from a page.
VAGUE_TYPES = frozenset({"", "text/plain", "application/octet-stream"})


def url_reports(url: str) -> Iterator[Loaded]:
    """Download one web page or feed; never raises LoadError."""
    yield from guarded(_download_reports(url))


def read_url(url: str) -> list[Loaded]:
    """`url_reports` as a list."""
    return list(url_reports(url))


def _download_reports(url: str) -> Iterator[Loaded]:
    download = fetch(url)
    yield from _by_content(url, download)


def _by_content(url: str, download: Download) -> Iterator[Loaded]:
    data, content_type = download.data, download.content_type
    if not data.strip():
        raise LoadError(f"{url}: the server sent an empty page")
    is_html_type = content_type in HTML_TYPES
    vague = content_type in VAGUE_TYPES
    head = markup_head(data)
    if content_type in FEED_TYPES or ((is_html_type or vague) and looks_like_feed(head)):
        yield from feed_reports(url, data, content_type=content_type, must_be_feed=False)
    elif is_html_type or (vague and looks_like_html(head)):
        yield html_report(url, markup_download(data, download.charset), url=url)
    elif content_type == "text/plain":
        yield ReportInput(text=decode_bytes(data, url).strip(), name=url, url=url)
    else:
        raise LoadError(
            f"{url}: not an HTML page or a feed (content type {content_type or 'not given'})"
        )
