"""`.txt`: one plain-text report, with metadata from a sidecar `NAME.meta.json` when present."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .base import Loaded, LoadError, ReportInput
from .encoding import decode_bytes
from .kinds import SIDECAR_SUFFIX
from .limits import current, read_file
from .masthead import with_masthead
from .records import metadata

Sidecar = tuple[str, bytes]  # the sidecar's name (as errors name it) and its bytes


def read_text_report(path: Path) -> ReportInput:
    """A .txt report, with metadata from a sidecar NAME.meta.json when present."""
    data = read_file(path, current().file_bytes)
    text = decode_bytes(data, path.name)
    return text_report(path.name, text, path_sidecar(path))


def text_report(name: str, text: str, sidecar: Sidecar | None) -> ReportInput:
    """The report of a text, its title, url, source and date from the sidecar's JSON object.

    A title or date the sidecar does not give (or there is none) comes from the text's own
    first lines when they have it: a headline, a dateline, a "Published:" line.
    """
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
    return with_masthead(ReportInput(text=text, name=name, **metadata(meta, meta_name)))


def sidecar_name(name: str) -> str:
    """`r.txt` -> `r.meta.json` (the same folder, in a file system or an archive)."""
    return name[: -len(".txt")] + SIDECAR_SUFFIX if name.lower().endswith(".txt") else name


def path_sidecar(path: Path) -> Sidecar | None:
    sidecar = path.with_name(sidecar_name(path.name))
    if not sidecar.is_file():
        return None
    return sidecar.name, read_file(sidecar, current().file_bytes)


def lone_sidecar(path: Path) -> Iterator[Loaded]:
    """A sidecar named on its own: nothing (it is read with its report), or an error if alone."""
    report = path.with_name(path.name[: -len(SIDECAR_SUFFIX)] + ".txt")
    if not report.is_file():
        yield LoadError(f"{path.name}: metadata sidecar without its report {report.name}")
