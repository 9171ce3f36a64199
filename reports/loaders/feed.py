"""RSS and Atom feeds (`.rss`, `.atom`, `.xml`, or downloaded): one report per entry."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from .base import Loaded, LoadError, ReportInput, attempt, is_http_url
from .dates import parse_date_text

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
    }
)
_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "blockquote", "pre", "tr", "table", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer"),
        *("figure", "figcaption", "dd", "dt"),
    }
)


def looks_like_feed(head: bytes) -> bool:
    """Whether a document's start (see `encoding.markup_head`) is a feed's."""
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def feed_reports(
    name: str,
    data: bytes,
    *,
    content_type: str = "",
    must_be_feed: bool = True,
    empty_ok: bool = False,
) -> Iterator[Loaded]:
    """One report per entry (a feed with none is a LoadError, unless `empty_ok`).

    The data goes to feedparser as a stream: given a string it may fetch it as a URL, and
    given bytes it first tries them as the name of a file to open.
    """
    headers = {"content-type": content_type} if content_type else None
    try:
        feed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    except Exception as exc:  # a third-party parser on untrusted input
        raise LoadError(f"{name}: cannot be read as a feed ({exc})") from exc
    if not feed.get("version") and not feed.entries:
        reason = feed.get("bozo_exception")
        detail = f" ({reason})" if reason else ""
        kind = "an RSS or Atom feed" if must_be_feed else "a feed"
        raise LoadError(f"{name}: not {kind}{detail}")
    if not feed.entries:
        if empty_ok:
            return
        raise LoadError(f"{name}: the feed has no entries")
    source = _clean_text(feed.feed.get("title", ""))
    for index, entry in enumerate(feed.entries, start=1):
        yield attempt(_entry_report, entry, f"{name}, entry {index}", source)


def _entry_report(entry: Any, label: str, source: str) -> ReportInput:
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", ""))
    texts = [_html_text(c) for c in candidates if c]
    text = max(texts, key=len, default="")
    if not text:
        raise LoadError(f"{label}: the entry has no content or summary")
    link = entry.get("link", "") or ""
    return ReportInput(
        text=text,
        name=link if is_http_url(link) else label,
        title=_clean_text(entry.get("title", "")),
        url=link if is_http_url(link) else "",
        source=source,
        published=_entry_date(entry, label),
    )


def _entry_date(entry: Any, label: str) -> date | None:
    raw = entry.get("published") or entry.get("updated") or entry.get("created")
    if not raw:
        return None
    published = parse_date_text(str(raw).strip())
    if published is not None:
        return published
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        raise LoadError(f"{label}: bad publication date {raw!r}")
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except (ValueError, TypeError, AttributeError) as exc:
        raise LoadError(f"{label}: bad publication date {raw!r}") from exc


def _html_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one line per block."""
    if "<" not in fragment:
        return _clean_text(fragment, keep_lines=True)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return _clean_text(fragment, keep_lines=True)
    for element in root.xpath("//script|//style|//noscript"):
        element.drop_tree()
    for element in root.iter():
        # Line breaks in the source are spaces in HTML; only blocks start new lines.
        if element.text and not _in_pre(element):
            element.text = re.sub(r"\s+", " ", element.text)
        if element.tail and not _in_pre(element.getparent()):
            element.tail = re.sub(r"\s+", " ", element.tail)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    return _clean_text(root.text_content(), keep_lines=True)


def _in_pre(element: Any) -> bool:
    while element is not None:
        if isinstance(element.tag, str) and element.tag.lower() == "pre":
            return True
        element = element.getparent()
    return False


def _clean_text(text: str, *, keep_lines: bool = False) -> str:
    if not keep_lines:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
