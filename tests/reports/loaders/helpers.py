"""Helpers of the loader tests: results split into reports and error messages, zips made."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from reports.loaders import LoadError, ReportInput

DATA = Path(__file__).resolve().parent / "data"


def reports_of(results: Iterable[ReportInput | LoadError]) -> list[ReportInput]:
    return [r for r in results if isinstance(r, ReportInput)]


def errors_of(results: Iterable[ReportInput | LoadError]) -> list[str]:
    return [str(r) for r in results if isinstance(r, LoadError)]


def make_zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)  # written as given: zipfile would clean "../" away
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
