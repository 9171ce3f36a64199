"""How much the loaders read: every size limit, from settings, and the checks against them.

The values are settings (`diplomacy/settings.py`, the `LOADER_*` and `FETCH_*` names), read at
each call so that a deployment, or a test with `settings`, may change them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .base import LoadError


@dataclass(frozen=True)
class Limits:
    file_bytes: int  # any one report file, upload or archive member
    archive_bytes: int  # a .zip file itself, as stored (compressed)
    zip_members: int  # entries in one archive, folders included
    zip_total_bytes: int  # all members of one archive, expanded
    zip_ratio: int  # expanded / compressed size of one member...
    zip_ratio_min_bytes: int  # ...checked for members expanding past this size
    url_bytes: int  # one downloaded page or feed
    urls: int  # URLs in one list
    fetch_timeout: float  # seconds for one download, connection, redirects and reading
    redirects: int  # redirects one download may follow


def current() -> Limits:
    """The limits as the settings give them now."""
    return Limits(
        file_bytes=settings.LOADER_MAX_FILE_BYTES,
        archive_bytes=settings.LOADER_MAX_ARCHIVE_BYTES,
        zip_members=settings.LOADER_MAX_ZIP_MEMBERS,
        zip_total_bytes=settings.LOADER_MAX_ZIP_TOTAL_BYTES,
        zip_ratio=settings.LOADER_MAX_ZIP_RATIO,
        zip_ratio_min_bytes=settings.LOADER_ZIP_RATIO_MIN_BYTES,
        url_bytes=settings.LOADER_MAX_URL_BYTES,
        urls=settings.LOADER_MAX_URLS,
        fetch_timeout=settings.FETCH_TIMEOUT,
        redirects=settings.FETCH_MAX_REDIRECTS,
    )


def check_size(name: str, count: int, limit: int) -> None:
    """Refuse a file of count bytes over the limit, naming it."""
    if count > limit:
        raise LoadError(f"{name}: the file is {size(count)}, over the {size(limit)} limit")


def check_path_size(path: Path, limit: int) -> None:
    try:
        count = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"{path}: cannot read the file ({exc.strerror})") from exc
    check_size(path.name, count, limit)


def read_file(path: Path, limit: int) -> bytes:
    """A file's bytes, refused past the limit (checked before and while reading)."""
    check_path_size(path, limit)
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise LoadError(f"{path}: cannot read the file ({exc.strerror})") from exc
    if len(data) > limit:
        raise LoadError(f"{path.name}: the file is over the {size(limit)} limit")
    return data


def size(count: int) -> str:
    """A byte count for people: 950 bytes, 12 kB, 20 MB, 1.5 GB."""
    if count < 1024:
        return f"{count} bytes"
    value = float(count)
    for unit in ("kB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            return f"{value:.1f}".removesuffix(".0") + f" {unit}"
    raise AssertionError("unreachable")
