"""`.html` / `.htm` and downloaded pages: the article's text, title and date, by trafilatura."""

from __future__ import annotations

from datetime import date

import trafilatura

from .base import LoadError, ReportInput, is_http_url
from .dates import lenient_date
from .masthead import with_masthead


def looks_like_html(head: bytes) -> bool:
    """Whether a document's start (see `encoding.markup_head`) is an HTML page's."""
    return any(tag in head for tag in (b"<!doctype html", b"<html", b"<head", b"<body"))


def html_report(name: str, data: bytes | str, url: str = "") -> ReportInput:
    """The report of one page; url is where it was downloaded from, if it was."""
    try:
        doc = trafilatura.bare_extraction(
            data,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # No extensive search: it takes e.g. a footer's copyright year for the date.
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": date.today().isoformat(),
            },
        )
    except Exception as exc:  # a third-party parser on untrusted input: any failure is the page's
        raise LoadError(f"{name}: cannot be read as an HTML page ({exc})") from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise LoadError(f"{name}: no article text found in the page")
    page_url = url or (doc.url or "")
    # trafilatura reads <title>, <meta> (Open Graph, article:published_time) and JSON-LD;
    # what it leaves blank may still be in the text (a dateline)
    return with_masthead(
        ReportInput(
            text=text,
            name=name,
            title=(doc.title or "").strip(),
            url=page_url if is_http_url(page_url) else "",
            source=(doc.sitename or "").strip(),
            published=lenient_date(doc.date),
        )
    )
