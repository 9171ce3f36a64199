"""Read report inputs into plain records; every problem is a LoadError with a clear message.

One entry point, `read_inputs`, takes files, folders and http(s) URLs; `read_upload` takes
one uploaded file's name and bytes. The format follows the file's extension:

- `.txt`: one plain-text report, with metadata from a sidecar `NAME.meta.json` when present
  (a `.txt` whose every line is an http(s) URL is read as a list of URLs instead);
- `.html` / `.htm`: a web page; the article text, title and date are found by trafilatura;
- `.json` (an object, a list of objects or `{"reports": [...]}`), `.jsonl` (one object a
  line) and `.csv` (a header row naming the columns): records with the fields text
  (required), title, url, published and source;
- `.rss` / `.atom` / `.xml`: a feed, one report per entry;
- `.urls`: a list of web pages or feeds to download, one URL a line;
- `.zip`: an archive of any of these, read in memory within limits.

A bad input, record, archive member or URL becomes one LoadError, prefixed with its name
(`file.jsonl, line 3`, `archive.zip:member.txt`, `https://...`), and the rest goes on.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
import urllib.error
import urllib.request
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from http.client import HTTPException
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import feedparser
import lxml.etree
import lxml.html
import trafilatura

# Limits. Module constants, read at call time, so that a deployment (or a test) may change them.
MAX_FILE_BYTES = 20 * 1024 * 1024  # any one report file, upload or archive member
MAX_ARCHIVE_BYTES = 100 * 1024 * 1024  # a .zip file itself, as stored (compressed)
MAX_ZIP_MEMBERS = 5_000  # entries in one archive, folders included
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024  # all members of one archive, expanded
MAX_ZIP_RATIO = 100  # expanded / compressed size of one member...
ZIP_RATIO_MIN_BYTES = 1024 * 1024  # ...checked for members expanding past this size
MAX_URL_BYTES = 5 * 1024 * 1024  # one downloaded page or feed
MAX_URLS = 1_000  # URLs in one list
FETCH_TIMEOUT = 15  # seconds for one download, connection and reading together
USER_AGENT = "diplomacy-tracker/0.1 (report loader)"

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
URLS_SUFFIXES = frozenset({".urls"})
ZIP_SUFFIXES = frozenset({".zip"})
SIDECAR_SUFFIX = ".meta.json"
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES
    | HTML_SUFFIXES
    | JSON_SUFFIXES
    | JSONL_SUFFIXES
    | CSV_SUFFIXES
    | FEED_SUFFIXES
    | URLS_SUFFIXES
    | ZIP_SUFFIXES
)
RECORD_FIELDS = ("text", "title", "url", "published", "source")

_URL_LINE = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)
_CHUNK = 64 * 1024
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


class LoadError(ValueError):
    """An input that cannot become a report; the message says why, for the admin."""


@dataclass(frozen=True)
class ReportInput:
    """One report as read from an input, before it is stored."""

    text: str
    name: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: date | None = None


# --------------------------------------------------------------------------- entry points


def read_inputs(paths: Iterable[Path | str]) -> list[ReportInput | LoadError]:
    """Read every report in the files, folders and http(s) URLs given, in order.

    Folders are expanded (sorted, see `report_files`). Each input that cannot be read, and
    each bad record, archive member or URL within one, becomes its own LoadError.
    """
    out: list[ReportInput | LoadError] = []
    for item in paths:
        try:
            url = _as_url(item)
            if url is not None:
                out.extend(read_url(url))
                continue
            path = Path(item)
            if path.is_dir():
                for file in report_files([path]):
                    out.extend(_read_path(file))
            elif not path.exists():
                out.append(LoadError(f"{path}: no such file or folder"))
            else:
                out.extend(_read_path(path))
        except OSError as exc:  # e.g. a folder that may not be listed
            reason = exc.strerror or str(exc)
            out.append(LoadError(f"{item}: cannot read ({reason})"))
    return out


def read_upload(name: str, data: bytes) -> list[ReportInput | LoadError]:
    """Read one file uploaded through the web page; formats as for `read_inputs`."""
    name = re.split(r"[\\/]", name or "")[-1].strip() or "upload"
    kind = _kind(name)
    try:
        if kind == "sidecar":
            raise LoadError(
                f"{name}: a {SIDECAR_SUFFIX} file only holds metadata for the .txt report of "
                "the same name; upload both together in a .zip"
            )
        if kind is None:
            raise LoadError(_unsupported(name))
        limit = MAX_ARCHIVE_BYTES if kind == "zip" else MAX_FILE_BYTES
        if len(data) > limit:
            raise LoadError(
                f"{name}: the file is {_size(len(data))}, over the {_size(limit)} limit"
            )
        if kind == "zip":
            return _from_zip(name, data)
    except LoadError as exc:
        return [exc]
    return _from_data(name, data, kind)


def read_url(url: str) -> list[ReportInput | LoadError]:
    """Download one web page (one report) or feed (one report per entry)."""
    try:
        data, content_type, charset = _fetch(url)
        return _from_download(url, data, content_type, charset)
    except LoadError as exc:
        return [exc]


def report_files(paths: list[Path]) -> list[Path]:
    """The report files named, folders expanded (sorted) to their files of supported types.

    Sidecar metadata files, dotfiles, files in dot-folders and `__MACOSX` are left out of
    expanded folders; files named directly are kept as they are.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and _is_report(p.relative_to(path).as_posix())
            )
        else:
            found.append(path)
    return found


# --------------------------------------------------------------------------- text and dates


def decode_bytes(data: bytes, name: str) -> str:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1."""
    if not data.strip():
        raise LoadError(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError(f"{name}: not valid UTF-16 text ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise LoadError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    control = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
    if control > len(text) // 100 + 1:
        raise LoadError(f"{name}: looks like a binary file, not text")
    return text


_DATE_FORMATS = (
    "%d %B %Y",  # 6 October 2021
    "%d %b %Y",  # 6 Oct 2021
    "%B %d, %Y",  # October 6, 2021
    "%b %d, %Y",  # Oct 6, 2021
    "%B %d %Y",
    "%b %d %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
)
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\d|[a-z])", re.IGNORECASE)
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


def parse_date(value: object, name: str) -> date | None:
    """A publication date from the usual ways of writing one; None when absent.

    Accepted: ISO dates and datetimes (`2021-10-06`, `2021-10-06T12:00:00Z`), RFC 2822 as in
    feeds (`Wed, 06 Oct 2021 12:00:00 GMT`) and spelled-out dates (`6 October 2021`,
    `Oct 6, 2021`). A datetime gives its own date in the time zone it is written in.
    Anything else is a LoadError naming the value.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        parsed = _parse_date_text(value.strip())
        if parsed is not None:
            return parsed
    raise LoadError(
        f"{name}: bad publication date {value!r} "
        "(expected YYYY-MM-DD, an ISO datetime, or a date such as 6 October 2021)"
    )


def _parse_date_text(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    plain = re.sub(r"\s+", " ", _WEEKDAY.sub("", text)).strip()
    plain = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", plain)  # 6th October -> 6 October
    undotted = re.sub(r"(?<=[A-Za-z])\.", "", plain)  # Oct. 6 -> Oct 6
    for candidate in dict.fromkeys((plain, undotted)):
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------- plain text


def read_text_report(path: Path) -> ReportInput:
    """A .txt report, with metadata from a sidecar NAME.meta.json when present."""
    data = _read_file(path, MAX_FILE_BYTES)
    text = decode_bytes(data, path.name)
    return _text_report(path.name, text, _path_sidecar(path))


def _path_sidecar(path: Path) -> tuple[str, bytes] | None:
    sidecar = path.with_name(_sidecar_name(path.name))
    if not sidecar.is_file():
        return None
    return sidecar.name, _read_file(sidecar, MAX_FILE_BYTES)


def _sidecar_name(name: str) -> str:
    return name[: -len(".txt")] + SIDECAR_SUFFIX if name.lower().endswith(".txt") else name


def _text_report(name: str, text: str, sidecar: tuple[str, bytes] | None) -> ReportInput:
    meta: dict[str, Any] = {}
    meta_name = name
    if sidecar is not None:
        meta_name, raw = sidecar
        try:
            meta = json.loads(decode_bytes(raw, meta_name))
        except json.JSONDecodeError as exc:
            raise LoadError(f"{meta_name}: malformed JSON at line {exc.lineno}: {exc.msg}") from exc
        if not isinstance(meta, dict):
            raise LoadError(f"{meta_name}: expected a JSON object")
    fields = _metadata(meta, meta_name)
    return ReportInput(text=text, name=name, **fields)


# --------------------------------------------------------------------------- records


def _metadata(record: dict[str, Any], label: str) -> dict[str, Any]:
    """title, url, source and published from a record, checked; errors prefixed by label."""
    url = _string_field(record, "url", label)
    if url and not _is_http_url(url):
        raise LoadError(f"{label}: url {url!r} is not an http(s) address")
    return {
        "title": _string_field(record, "title", label),
        "url": url,
        "source": _string_field(record, "source", label),
        "published": parse_date(record.get("published"), label),
    }


def _string_field(record: dict[str, Any], key: str, label: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise LoadError(f"{label}: field {key!r} should be text, not {_json_type(value)}")
    return str(value).strip()


def _record_report(record: object, label: str, name: str) -> ReportInput:
    """One JSON/CSV record as a report; label prefixes errors, name names the report."""
    if not isinstance(record, dict):
        raise LoadError(f"{label}: expected a JSON object, found {_json_type(record)}")
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise LoadError(f"{label}: no text (the 'text' field is missing or empty)")
    if not isinstance(text, str):
        raise LoadError(f"{label}: field 'text' should be text, not {_json_type(text)}")
    return ReportInput(text=text.strip(), name=name, **_metadata(record, label))


def _json_failure(exc: BaseException) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


def _json_type(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return "a number"
    return "a string" if isinstance(value, str) else type(value).__name__


def _from_json(name: str, text: str) -> list[ReportInput | LoadError]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            f"{name}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    except (ValueError, RecursionError) as exc:  # e.g. nesting thousands of levels deep
        raise LoadError(f"{name}: unreadable JSON ({_json_failure(exc)})") from exc
    if isinstance(doc, dict) and "reports" in doc and "text" not in doc:
        doc = doc["reports"]
        if not isinstance(doc, list):
            raise LoadError(f"{name}: 'reports' should be a list of objects")
    if isinstance(doc, dict):
        return [_record_report(doc, name, name)]
    if not isinstance(doc, list):
        raise LoadError(
            f'{name}: expected an object, a list of objects or {{"reports": [...]}}, '
            f"found {_json_type(doc)}"
        )
    if not doc:
        raise LoadError(f"{name}: the list of reports is empty")
    out: list[ReportInput | LoadError] = []
    for index, record in enumerate(doc, start=1):
        out.append(_attempt(_record_report, record, f"{name}, record {index}", f"{name}#{index}"))
    return out


def _from_jsonl(name: str, text: str) -> list[ReportInput | LoadError]:
    out: list[ReportInput | LoadError] = []
    # Split on newlines only: JSON strings may hold other line separators (U+2028) raw.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        label = f"{name}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(LoadError(f"{label}: malformed JSON at column {exc.colno}: {exc.msg}"))
            continue
        except (ValueError, RecursionError) as exc:
            out.append(LoadError(f"{label}: unreadable JSON ({_json_failure(exc)})"))
            continue
        out.append(_attempt(_record_report, record, label, f"{name}#{number}"))
    if not out:
        raise LoadError(f"{name}: the file holds no records")
    return out


def _from_csv(name: str, text: str) -> list[ReportInput | LoadError]:
    # Articles can be longer than the csv module's default 128 kB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    for candidate in ",;\t|":
        header = next(csv.reader([first_line], delimiter=candidate), [])
        if "text" in (h.strip().lower() for h in header):
            delimiter = candidate
            break
    # Strict: a stray quote is an error, rather than silently swallowing the rows after it.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (csv.Error, StopIteration) as exc:
        raise LoadError(f"{name}, line 1: unreadable header row ({exc})") from exc
    if "text" not in header:
        found = ", ".join(h for h in header if h) or "nothing"
        raise LoadError(
            f"{name}: the first row must name the columns, with a 'text' column "
            f"(and optionally {', '.join(RECORD_FIELDS[1:])}); found: {found}"
        )
    out: list[ReportInput | LoadError] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            # After a broken quote the rows that follow cannot be trusted: stop here.
            out.append(
                LoadError(
                    f"{name}, line {start}: malformed CSV ({exc}); "
                    "this row and the rows after it were not read"
                )
            )
            break
        if not any(cell.strip() for cell in row):
            continue
        label = f"{name}, line {start}"
        if len(row) > len(header):
            out.append(LoadError(f"{label}: {len(row)} fields, but the header names {len(header)}"))
            continue
        record = {key: value for key, value in zip(header, row, strict=False) if key}
        out.append(_attempt(_record_report, record, label, f"{name}#{start}"))
    if not out:
        raise LoadError(f"{name}: the file has a header but no records")
    return out


# --------------------------------------------------------------------------- HTML and feeds


def _from_html(name: str, data: bytes | str, url: str = "") -> ReportInput:
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
    return ReportInput(
        text=text,
        name=name,
        title=(doc.title or "").strip(),
        url=page_url if _is_http_url(page_url) else "",
        source=(doc.sitename or "").strip(),
        published=_lenient_date(doc.date),
    )


def _lenient_date(value: object) -> date | None:
    try:
        return parse_date(value, "")
    except LoadError:
        return None


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:4096].decode("utf-16", "ignore").lower().encode()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<!doctype html", b"<html", b"<head", b"<body"))


def _from_feed(
    name: str, data: bytes, *, content_type: str = "", must_be_feed: bool = True
) -> list[ReportInput | LoadError]:
    """One report per entry.

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
        raise LoadError(f"{name}: the feed has no entries")
    source = _clean_text(feed.feed.get("title", ""))
    out: list[ReportInput | LoadError] = []
    for index, entry in enumerate(feed.entries, start=1):
        out.append(_attempt(_feed_entry, entry, f"{name}, entry {index}", source))
    return out


def _feed_entry(entry: Any, label: str, source: str) -> ReportInput:
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", ""))
    texts = [_html_text(c) for c in candidates if c]
    text = max(texts, key=len, default="")
    if not text:
        raise LoadError(f"{label}: the entry has no content or summary")
    title = _clean_text(entry.get("title", ""))
    link = entry.get("link", "") or ""
    published: date | None = None
    raw = entry.get("published") or entry.get("updated") or entry.get("created")
    if raw:
        published = _parse_date_text(str(raw).strip())
        if published is None:
            parsed = entry.get("published_parsed") or entry.get("updated_parsed")
            if not parsed:
                raise LoadError(f"{label}: bad publication date {raw!r}")
            try:
                published = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, TypeError, AttributeError) as exc:
                raise LoadError(f"{label}: bad publication date {raw!r}") from exc
    return ReportInput(
        text=text,
        name=link if _is_http_url(link) else label,
        title=title,
        url=link if _is_http_url(link) else "",
        source=source,
        published=published,
    )


_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "blockquote", "pre", "tr", "table", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer"),
        *("figure", "figcaption", "dd", "dt"),
    }
)


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


# --------------------------------------------------------------------------- URLs


def _is_http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.hostname)


def _as_url(item: Path | str) -> str | None:
    """The URL an input names, if it is one.

    A command-line argument passed through Path() loses one slash of `https://`; such a path
    that does not exist is taken for the URL it was.
    """
    if isinstance(item, str):
        return item.strip() if re.match(r"^https?://", item.strip(), re.IGNORECASE) else None
    text = str(item)
    match = re.match(r"^(https?):/(?!/)", text, re.IGNORECASE)
    if match and not item.exists():
        return f"{match.group(1)}://{text[match.end() :]}"
    return None


def _url_lines(text: str) -> list[tuple[int, str]]:
    """(line number, content) of the lines that are neither blank nor # comments."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append((number, line))
    return lines


def _is_url_list(text: str) -> bool:
    lines = _url_lines(text)
    return bool(lines) and all(_URL_LINE.fullmatch(line) for _, line in lines)


def _from_url_list(name: str, text: str) -> list[ReportInput | LoadError]:
    out: list[ReportInput | LoadError] = []
    seen: set[str] = set()
    lines = _url_lines(text)
    if not lines:
        raise LoadError(f"{name}: the list holds no URLs")
    for number, line in lines:
        if not _URL_LINE.fullmatch(line):
            out.append(LoadError(f"{name}, line {number}: {line[:200]!r} is not an http(s) URL"))
            continue
        if line in seen:
            continue
        if len(seen) >= MAX_URLS:
            out.append(
                LoadError(
                    f"{name}, line {number}: more than {MAX_URLS} URLs in one list; "
                    "the rest were not read (split the list)"
                )
            )
            break
        seen.add(line)
        out.extend(read_url(line))
    return out


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not _is_http_url(newurl):
            raise LoadError(f"{req.full_url}: redirected to {newurl!r}, which is not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _ascii_url(url: str) -> str:
    """The URL as sent: an international host name in IDNA, other non-ASCII percent-encoded."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        try:
            netloc = netloc.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise LoadError(f"{url}: not a valid host name ({exc})") from exc
    return urlunsplit(
        parts._replace(
            netloc=netloc,
            path=quote(parts.path, safe=_URL_SAFE),
            query=quote(parts.query, safe=_URL_SAFE),
            fragment="",
        )
    )


def _fetch(url: str) -> tuple[bytes, str, str | None]:
    """The body (at most MAX_URL_BYTES), content type and charset of an http(s) URL."""
    if not _is_http_url(url):
        raise LoadError(f"{url}: only http:// and https:// addresses can be downloaded")
    limit = MAX_URL_BYTES
    timeout = FETCH_TIMEOUT
    request = urllib.request.Request(
        _ascii_url(url),
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
            "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Encoding": "identity",
        },
    )
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length", "")
            if length.strip().isdigit() and int(length) > limit:
                raise LoadError(
                    f"{url}: too large ({_size(int(length))}, over the {_size(limit)} limit)"
                )
            chunks: list[bytes] = []
            total = 0
            while chunk := response.read1(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise LoadError(f"{url}: too large (over the {_size(limit)} limit)")
                if time.monotonic() > deadline:
                    raise LoadError(f"{url}: timed out after {timeout} s")
                chunks.append(chunk)
            content_type = headers.get_content_type() if headers.get("Content-Type") else ""
            return b"".join(chunks), content_type, headers.get_content_charset()
    except LoadError:
        raise
    except urllib.error.HTTPError as exc:
        raise LoadError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise LoadError(f"{url}: timed out after {timeout} s") from exc
        raise LoadError(f"{url}: cannot connect ({exc.reason})") from exc
    except TimeoutError as exc:
        raise LoadError(f"{url}: timed out after {timeout} s") from exc
    except (HTTPException, OSError, ValueError) as exc:
        raise LoadError(f"{url}: download failed ({exc or type(exc).__name__})") from exc


_FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
    }
)


def _from_download(
    url: str, data: bytes, content_type: str, charset: str | None
) -> list[ReportInput | LoadError]:
    if not data.strip():
        raise LoadError(f"{url}: the server sent an empty page")
    is_html_type = content_type in {"text/html", "application/xhtml+xml"}
    sniff = content_type in {"", "text/plain", "application/octet-stream"}
    if content_type in _FEED_TYPES or ((is_html_type or sniff) and _looks_like_feed(data)):
        return _from_feed(url, data, content_type=content_type, must_be_feed=False)
    if is_html_type or (sniff and _looks_like_html(data)):
        body: bytes | str = data
        if charset:
            try:
                body = data.decode(charset, errors="replace")
            except LookupError:
                body = data
        return [_from_html(url, body, url=url)]
    if content_type == "text/plain":
        return [ReportInput(text=decode_bytes(data, url).strip(), name=url, url=url)]
    raise LoadError(
        f"{url}: not an HTML page or a feed (content type {content_type or 'not given'})"
    )


# --------------------------------------------------------------------------- archives


def _from_zip(name: str, source: Path | bytes) -> list[ReportInput | LoadError]:
    """Every report in a .zip, read in memory (nothing is written to disk), within limits."""
    try:
        archive = zipfile.ZipFile(source if isinstance(source, Path) else io.BytesIO(source))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        OSError,
        EOFError,
        ValueError,
    ) as exc:
        raise LoadError(f"{name}: not a readable zip archive ({exc})") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise LoadError(
                f"{name}: {len(infos)} entries, over the limit of {MAX_ZIP_MEMBERS} "
                "per archive; split it into smaller archives"
            )
        declared = sum(info.file_size for info in infos)
        if declared > MAX_ZIP_TOTAL_BYTES:
            raise LoadError(
                f"{name}: expands to {_size(declared)}, over the {_size(MAX_ZIP_TOTAL_BYTES)} "
                "limit per archive; split it into smaller archives"
            )
        members = {info.filename: info for info in infos if not info.is_dir()}
        budget = [MAX_ZIP_TOTAL_BYTES]
        out: list[ReportInput | LoadError] = []
        for member in sorted(members):
            info = members[member]
            label = f"{name}:{member}"
            unsafe = _unsafe_member(member)
            if unsafe:
                out.append(LoadError(f"{label}: refused, {unsafe}"))
                continue
            if _skipped_member(member):
                continue
            kind = _kind(member)
            if kind == "sidecar":
                continue  # read with its .txt; a sidecar alone has nothing to load
            if kind == "zip":
                out.append(
                    LoadError(f"{label}: archives inside archives are not opened; unpack it first")
                )
                continue
            if kind is None:
                out.append(LoadError(_unsupported(label)))
                continue
            try:
                data = _read_member(archive, info, label, budget)
                sidecar = None
                if kind == "text":
                    sidecar_info = members.get(_sidecar_name(member))
                    if sidecar_info is not None:
                        sidecar_label = f"{name}:{sidecar_info.filename}"
                        sidecar = (
                            sidecar_label,
                            _read_member(archive, sidecar_info, sidecar_label, budget),
                        )
            except LoadError as exc:
                out.append(exc)
                continue
            out.extend(_from_data(label, data, kind, sidecar))
        return out


def _unsafe_member(member: str) -> str:
    normal = member.replace("\\", "/")
    if normal.startswith("/") or re.match(r"^[A-Za-z]:", normal):
        return "an absolute path is not allowed in an archive"
    if ".." in normal.split("/"):
        return "a path leading outside the archive ('..') is not allowed"
    if "\x00" in normal:
        return "a file name with a NUL character is not allowed"
    return ""


def _skipped_member(member: str) -> bool:
    parts = [p for p in member.replace("\\", "/").split("/") if p]
    return not parts or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts)


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, budget: list[int]
) -> bytes:
    """A member's bytes, checked against its header first and capped while reading."""
    if info.flag_bits & 0x1:
        raise LoadError(f"{label}: encrypted; archives must not be password-protected")
    if info.file_size > MAX_FILE_BYTES:
        raise LoadError(
            f"{label}: expands to {_size(info.file_size)}, over the {_size(MAX_FILE_BYTES)} "
            "limit per file"
        )
    if info.file_size > ZIP_RATIO_MIN_BYTES and (
        info.compress_size == 0 or info.file_size / info.compress_size > MAX_ZIP_RATIO
    ):
        ratio = info.file_size // max(info.compress_size, 1)
        raise LoadError(
            f"{label}: compressed {ratio}:1, beyond the {MAX_ZIP_RATIO}:1 a text file "
            "plausibly reaches; refused as a possible zip bomb"
        )
    # Headers can lie: read no more than they declare, nor than the limits allow.
    cap = min(info.file_size, MAX_FILE_BYTES, budget[0])
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > cap:
                    if total > budget[0]:
                        raise LoadError(
                            f"{label}: the archive expands beyond the "
                            f"{_size(MAX_ZIP_TOTAL_BYTES)} limit; the rest is refused"
                        )
                    raise LoadError(
                        f"{label}: expands beyond the size its header declares; "
                        "refused as a possible zip bomb"
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
        raise LoadError(f"{label}: damaged archive member ({exc})") from exc
    except NotImplementedError as exc:
        raise LoadError(f"{label}: unsupported compression ({exc})") from exc
    budget[0] -= total
    return b"".join(chunks)


# --------------------------------------------------------------------------- dispatch


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(SIDECAR_SUFFIX):
        return "sidecar"
    suffix = Path(lower).suffix
    kinds = (
        (TEXT_SUFFIXES, "text"),
        (HTML_SUFFIXES, "html"),
        (JSON_SUFFIXES, "json"),
        (JSONL_SUFFIXES, "jsonl"),
        (CSV_SUFFIXES, "csv"),
        (FEED_SUFFIXES, "feed"),
        (URLS_SUFFIXES, "urls"),
        (ZIP_SUFFIXES, "zip"),
    )
    return next((kind for suffixes, kind in kinds if suffix in suffixes), None)


def _is_report(relative: str) -> bool:
    return not _skipped_member(relative) and _kind(relative) not in (None, "sidecar")


def _unsupported(label: str) -> str:
    suffix = Path(label).suffix.lower() or "(none)"
    expected = ", ".join(sorted(SUPPORTED_SUFFIXES))
    return f"{label}: unsupported file type {suffix}; expected one of {expected}"


def _read_path(path: Path) -> list[ReportInput | LoadError]:
    """The reports in one file on disk."""
    name = path.name
    kind = _kind(name)
    try:
        if kind == "sidecar":
            report = path.with_name(name[: -len(SIDECAR_SUFFIX)] + ".txt")
            if report.is_file():
                return []  # read along with its report
            raise LoadError(f"{name}: metadata sidecar without its report {report.name}")
        if kind is None:
            raise LoadError(_unsupported(name))
        if kind == "zip":
            _check_size(path, MAX_ARCHIVE_BYTES)
            return _from_zip(name, path)
        data = _read_file(path, MAX_FILE_BYTES)
        sidecar = _path_sidecar(path) if kind == "text" else None
    except LoadError as exc:
        return [exc]
    return _from_data(name, data, kind, sidecar)


def _from_data(
    name: str, data: bytes, kind: str, sidecar: tuple[str, bytes] | None = None
) -> list[ReportInput | LoadError]:
    """The reports in one file's bytes, of a known kind; never raises LoadError."""
    try:
        if kind == "html":
            decode_bytes(data, name)  # refuses empty and binary files
            body: bytes | str = data
            if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
                body = decode_bytes(data, name)
            return [_from_html(name, body)]
        if kind == "feed":
            decode_bytes(data, name)
            return _from_feed(name, data)
        text = decode_bytes(data, name)
        if kind == "text":
            if _is_url_list(text):
                return _from_url_list(name, text)
            return [_text_report(name, text, sidecar)]
        if kind == "urls":
            return _from_url_list(name, text)
        if kind == "json":
            return _from_json(name, text)
        if kind == "jsonl":
            return _from_jsonl(name, text)
        if kind == "csv":
            return _from_csv(name, text)
        raise LoadError(_unsupported(name))
    except LoadError as exc:
        return [exc]


def _attempt(func: Callable[..., ReportInput], *args: Any) -> ReportInput | LoadError:
    try:
        return func(*args)
    except LoadError as exc:
        return exc


def _check_size(path: Path, limit: int) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"{path}: cannot read the file ({exc.strerror})") from exc
    if size > limit:
        raise LoadError(f"{path.name}: the file is {_size(size)}, over the {_size(limit)} limit")


def _read_file(path: Path, limit: int) -> bytes:
    """A file's bytes, refused past the limit (checked before and while reading)."""
    _check_size(path, limit)
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise LoadError(f"{path}: cannot read the file ({exc.strerror})") from exc
    if len(data) > limit:
        raise LoadError(f"{path.name}: the file is over the {_size(limit)} limit")
    return data


def _size(count: int) -> str:
    """A byte count for people: 950 bytes, 12 kB, 20 MB, 1.5 GB."""
    if count < 1024:
        return f"{count} bytes"
    value = float(count)
    for unit in ("kB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            return f"{value:.1f}".removesuffix(".0") + f" {unit}"
    raise AssertionError("unreachable")
