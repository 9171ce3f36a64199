"""Read report files into plain records; every problem is a LoadError with a clear message."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MAX_FILE_BYTES = 20 * 1024 * 1024


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


def parse_date(value: object, name: str) -> date | None:
    """An ISO date (a datetime's date part is taken); None when absent."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise LoadError(f"{name}: bad publication date {value!r} (expected YYYY-MM-DD)") from exc


def read_text_report(path: Path) -> ReportInput:
    """A .txt report, with metadata from a sidecar NAME.meta.json when present."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(f"{path.name}: {size} bytes is over the {MAX_FILE_BYTES} byte limit")
        text = decode_bytes(path.read_bytes(), path.name)
    except OSError as exc:
        raise LoadError(f"{path}: cannot read the file ({exc.strerror})") from exc
    meta: dict = {}
    sidecar = path.with_name(path.name.removesuffix(".txt") + ".meta.json")
    if sidecar.exists():
        try:
            meta = json.loads(decode_bytes(sidecar.read_bytes(), sidecar.name))
        except json.JSONDecodeError as exc:
            raise LoadError(
                f"{sidecar.name}: malformed JSON at line {exc.lineno}: {exc.msg}"
            ) from exc
        if not isinstance(meta, dict):
            raise LoadError(f"{sidecar.name}: expected a JSON object")
    return ReportInput(
        text=text,
        name=path.name,
        title=str(meta.get("title") or ""),
        url=str(meta.get("url") or ""),
        source=str(meta.get("source") or ""),
        published=parse_date(meta.get("published"), sidecar.name),
    )


def report_files(paths: list[Path]) -> list[Path]:
    """The report files named, folders expanded (sorted), sidecar metadata files left out."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and _is_report(p))
        else:
            found.append(path)
    return found


def _is_report(path: Path) -> bool:
    return path.suffix.lower() == ".txt" and not path.name.startswith(".")
