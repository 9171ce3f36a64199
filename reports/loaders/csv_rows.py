"""`.csv`: a header row naming the columns (text, title, url, published, source), a report a row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from .base import Loaded, LoadError, attempt
from .limits import current
from .records import RECORD_FIELDS, record_report


def csv_reports(name: str, text: str) -> Iterator[Loaded]:
    # Articles can be longer than the csv module's default 128 kB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), current().file_bytes))
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=_delimiter(text),
        strict=True,  # a stray quote is an error, rather than swallowing the rows after it
    )
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
    found_rows = False
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            # After a broken quote the rows that follow cannot be trusted: stop here.
            yield LoadError(
                f"{name}, line {start}: malformed CSV ({exc}); "
                "this row and the rows after it were not read"
            )
            return
        if not any(cell.strip() for cell in row):
            continue
        found_rows = True
        label = f"{name}, line {start}"
        if len(row) > len(header):
            yield LoadError(f"{label}: {len(row)} fields, but the header names {len(header)}")
            continue
        record = {key: value for key, value in zip(header, row, strict=False) if key}
        yield attempt(record_report, record, label, f"{name}#{start}")
    if not found_rows:
        raise LoadError(f"{name}: the file has a header but no records")


def _delimiter(text: str) -> str:
    """The one of , ; tab | that makes the first line name a 'text' column (else a comma)."""
    first_line = text.split("\n", 1)[0]
    for candidate in ",;\t|":
        header = next(csv.reader([first_line], delimiter=candidate), [])
        if "text" in (h.strip().lower() for h in header):
            return candidate
    return ","
