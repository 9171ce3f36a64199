"""`.zip`: an archive of any of the other kinds, read in memory (nothing is written to disk).

Refused: archives over their limits (members, expanded size), members with unsafe paths,
encrypted members, members expanding past their header or beyond a plausible ratio (zip
bombs) and archives inside archives. Each refused member is one error; the rest loads.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .base import Loaded, LoadError
from .kinds import kind_of, skipped, unsupported
from .limits import Limits, current, size
from .text import Sidecar, sidecar_name

_CHUNK = 64 * 1024
# Reads one member's bytes of a known kind: (label, data, kind, sidecar) -> reports.
MemberReader = Callable[[str, bytes, str, Sidecar | None], Iterable[Loaded]]


def zip_reports(name: str, source: Path | bytes, read_member: MemberReader) -> Iterator[Loaded]:
    """Every report in the archive (a file or its bytes), members in name order."""
    limits = current()
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
        _check_archive(name, infos, limits)
        members = {info.filename: info for info in infos if not info.is_dir()}
        budget = [limits.zip_total_bytes]
        for member in sorted(members):
            label = f"{name}:{member}"
            kind = kind_of(member)
            refusal = _member_refusal(label, member, kind)
            if refusal:
                yield LoadError(refusal)
                continue
            if kind is None or kind == "sidecar" or skipped(member):
                continue  # a sidecar is read with its .txt; alone it has nothing to load
            try:
                data = _read_member(archive, members[member], label, budget, limits)
                sidecar = None
                sidecar_info = members.get(sidecar_name(member)) if kind == "text" else None
                if sidecar_info is not None:
                    sidecar_label = f"{name}:{sidecar_info.filename}"
                    sidecar_data = _read_member(
                        archive, sidecar_info, sidecar_label, budget, limits
                    )
                    sidecar = (sidecar_label, sidecar_data)
            except LoadError as exc:
                yield exc
                continue
            yield from read_member(label, data, kind, sidecar)


def _check_archive(name: str, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.zip_members:
        raise LoadError(
            f"{name}: {len(infos)} entries, over the limit of {limits.zip_members} "
            "per archive; split it into smaller archives"
        )
    declared = sum(info.file_size for info in infos)
    if declared > limits.zip_total_bytes:
        raise LoadError(
            f"{name}: expands to {size(declared)}, over the {size(limits.zip_total_bytes)} "
            "limit per archive; split it into smaller archives"
        )


def _member_refusal(label: str, member: str, kind: str | None) -> str:
    """Why a member is refused, or "" (also for members that are skipped without a word)."""
    normal = member.replace("\\", "/")
    if normal.startswith("/") or re.match(r"^[A-Za-z]:", normal):
        return f"{label}: refused, an absolute path is not allowed in an archive"
    if ".." in normal.split("/"):
        return f"{label}: refused, a path leading outside the archive ('..') is not allowed"
    if "\x00" in normal:
        return f"{label}: refused, a file name with a NUL character is not allowed"
    if skipped(member) or kind == "sidecar":
        return ""
    if kind == "zip":
        return f"{label}: archives inside archives are not opened; unpack it first"
    return unsupported(label) if kind is None else ""


def _read_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    label: str,
    budget: list[int],
    limits: Limits,
) -> bytes:
    """A member's bytes, checked against its header first and capped while reading."""
    if info.flag_bits & 0x1:
        raise LoadError(f"{label}: encrypted; archives must not be password-protected")
    if info.file_size > limits.file_bytes:
        raise LoadError(
            f"{label}: expands to {size(info.file_size)}, over the {size(limits.file_bytes)} "
            "limit per file"
        )
    if info.file_size > limits.zip_ratio_min_bytes and (
        info.compress_size == 0 or info.file_size / info.compress_size > limits.zip_ratio
    ):
        ratio = info.file_size // max(info.compress_size, 1)
        raise LoadError(
            f"{label}: compressed {ratio}:1, beyond the {limits.zip_ratio}:1 a text file "
            "plausibly reaches; refused as a possible zip bomb"
        )
    # Headers can lie: read no more than they declare, nor than the limits allow.
    cap = min(info.file_size, limits.file_bytes, budget[0])
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
                            f"{size(limits.zip_total_bytes)} limit; the rest is refused"
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
