"""`.urls` (or a `.txt` of nothing but URLs): web pages and feeds to download, one a line.

Blank lines and `# comments` are skipped, a URL listed twice is downloaded once, and each URL
that cannot be downloaded (refused, missing, too large...) is one error while the rest load.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Loaded, LoadError
from .limits import current
from .web import url_reports

_URL_LINE = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)


def is_url_list(text: str) -> bool:
    lines = _url_lines(text)
    return bool(lines) and all(_URL_LINE.fullmatch(line) for _, line in lines)


def url_list_reports(name: str, text: str) -> Iterator[Loaded]:
    lines = _url_lines(text)
    if not lines:
        raise LoadError(f"{name}: the list holds no URLs")
    most = current().urls
    seen: set[str] = set()
    for number, line in lines:
        if not _URL_LINE.fullmatch(line):
            yield LoadError(f"{name}, line {number}: {line[:200]!r} is not an http(s) URL")
            continue
        if line in seen:
            continue
        if len(seen) >= most:
            yield LoadError(
                f"{name}, line {number}: more than {most} URLs in one list; "
                "the rest were not read (split the list)"
            )
            return
        seen.add(line)
        yield from url_reports(line)


def _url_lines(text: str) -> list[tuple[int, str]]:
    """(line number, content) of the lines that are neither blank nor # comments."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append((number, line))
    return lines
