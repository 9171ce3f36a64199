"""`load(source)`: which loader reads an input, by its extension, its content or its URL."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .base import Loaded, LoadError, guarded
from .csv_rows import csv_reports
from .encoding import decode_bytes, markup_file
from .feed import feed_reports
from .html_page import html_report
from .json_records import json_reports, jsonl_reports
from .kinds import SIDECAR_SUFFIX, is_report, kind_of, unsupported
from .limits import check_path_size, check_size, current, read_file
from .text import Sidecar, lone_sidecar, path_sidecar, text_report
from .url_list import is_url_list, url_list_reports
from .web import url_reports
from .zip_archive import zip_reports

# The loaders of decoded text, by kind; HTML, feeds and zips read bytes (see `load_bytes`).
TEXT_LOADERS: dict[str, Callable[[str, str], Iterable[Loaded]]] = {
    "urls": url_list_reports,
    "json": json_reports,
    "jsonl": jsonl_reports,
    "csv": csv_reports,
}


def load(source: Path | str) -> Iterator[Loaded]:
    """Every report in one input, in order, each a ReportInput or a LoadError.

    source is a file (read by its extension: see `kinds`), a folder (its report files,
    sorted, see `report_files`) or an http(s) URL (a page or a feed, told apart by what the
    server sends). Each file, record, archive member or URL that cannot be read is one
    LoadError naming it; the rest goes on.
    """
    try:
        url = _as_url(source)
        if url is not None:
            yield from url_reports(url)
            return
        path = Path(source)
        if path.is_dir():
            for file in report_files([path]):
                yield from _file_reports(file)
        elif not path.exists():
            yield LoadError(f"{path}: no such file or folder")
        else:
            yield from _file_reports(path)
    except OSError as exc:  # e.g. a folder that may not be listed
        yield LoadError(f"{source}: cannot read ({exc.strerror or exc})")


def load_upload(name: str, data: bytes) -> Iterator[Loaded]:
    """The reports in one file uploaded through the web page; its kind by its name."""
    name = re.split(r"[\\/]", name or "")[-1].strip() or "upload"
    kind = kind_of(name)
    if kind == "sidecar":
        yield LoadError(
            f"{name}: a {SIDECAR_SUFFIX} file only holds metadata for the .txt report of "
            "the same name; upload both together in a .zip"
        )
    elif kind is None:
        yield LoadError(unsupported(name))
    else:
        limits = current()
        limit = limits.archive_bytes if kind == "zip" else limits.file_bytes
        try:
            check_size(name, len(data), limit)
        except LoadError as exc:
            yield exc
            return
        yield from load_bytes(name, data, kind)


def load_bytes(
    name: str, data: bytes, kind: str, sidecar: Sidecar | None = None
) -> Iterator[Loaded]:
    """The reports in one file's bytes, of a known kind; never raises LoadError."""
    yield from guarded(_bytes_reports(name, data, kind, sidecar))


def read_inputs(sources: Iterable[Path | str]) -> list[Loaded]:
    """`load` of every file, folder and URL given, in order, as one list."""
    return [item for source in sources for item in load(source)]


def read_upload(name: str, data: bytes) -> list[Loaded]:
    """`load_upload` as a list."""
    return list(load_upload(name, data))


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
                if p.is_file() and is_report(p.relative_to(path).as_posix())
            )
        else:
            found.append(path)
    return found


def _file_reports(path: Path) -> Iterator[Loaded]:
    """The reports in one file on disk."""
    kind = kind_of(path.name)
    if kind == "sidecar":
        yield from lone_sidecar(path)
    elif kind is None:
        yield LoadError(unsupported(path.name))
    elif kind == "zip":
        yield from guarded(_zip_file_reports(path))
    else:
        try:
            data = read_file(path, current().file_bytes)
            sidecar = path_sidecar(path) if kind == "text" else None
        except LoadError as exc:
            yield exc
            return
        yield from load_bytes(path.name, data, kind, sidecar)


def _zip_file_reports(path: Path) -> Iterator[Loaded]:
    check_path_size(path, current().archive_bytes)
    yield from zip_reports(path.name, path, load_bytes)


def _bytes_reports(name: str, data: bytes, kind: str, sidecar: Sidecar | None) -> Iterator[Loaded]:
    if kind == "zip":
        yield from zip_reports(name, data, load_bytes)
    elif kind == "html":
        yield html_report(name, markup_file(data, name))
    elif kind == "feed":
        decode_bytes(data, name)  # refuses empty and binary files; feedparser reads the bytes
        yield from feed_reports(name, data)
    else:
        text = decode_bytes(data, name)
        if kind == "text" and is_url_list(text):
            kind = "urls"
        if kind == "text":
            yield text_report(name, text, sidecar)
        elif kind in TEXT_LOADERS:
            yield from TEXT_LOADERS[kind](name, text)
        else:
            raise LoadError(unsupported(name))


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
