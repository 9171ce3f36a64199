"""What kind of input a file is, by its name: the extensions each loader reads."""

from __future__ import annotations

from pathlib import Path

SIDECAR_SUFFIX = ".meta.json"
SUFFIXES = {
    "text": frozenset({".txt"}),
    "html": frozenset({".html", ".htm"}),
    "json": frozenset({".json"}),
    "jsonl": frozenset({".jsonl", ".ndjson"}),
    "csv": frozenset({".csv"}),
    "feed": frozenset({".rss", ".atom", ".xml"}),
    "urls": frozenset({".urls"}),
    "zip": frozenset({".zip"}),
}
SUPPORTED_SUFFIXES = frozenset().union(*SUFFIXES.values())


def kind_of(name: str) -> str | None:
    """ "text", "html", "json", "jsonl", "csv", "feed", "urls", "zip", "sidecar" or None."""
    lower = name.lower()
    if lower.endswith(SIDECAR_SUFFIX):
        return "sidecar"
    suffix = Path(lower).suffix
    return next((kind for kind, suffixes in SUFFIXES.items() if suffix in suffixes), None)


def skipped(relative: str) -> bool:
    """Dotfiles, files in dot-folders and macOS `__MACOSX` metadata: never reports."""
    parts = [p for p in relative.replace("\\", "/").split("/") if p]
    return not parts or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts)


def is_report(relative: str) -> bool:
    """A file a folder or archive holds that is a report of its own (sidecars are not)."""
    return not skipped(relative) and kind_of(relative) not in (None, "sidecar")


def unsupported(label: str) -> str:
    suffix = Path(label).suffix.lower() or "(none)"
    expected = ", ".join(sorted(SUPPORTED_SUFFIXES))
    return f"{label}: unsupported file type {suffix}; expected one of {expected}"
