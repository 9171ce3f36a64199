"""Small text helpers shared by the apps (name normalization for lookups)."""

import re
import unicodedata


def normalize_name(text: str) -> str:
    """Lower-case, strip diacritics and punctuation: "José Albares" -> "jose albares"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    stripped = re.sub(r"[^\w\s]", " ", stripped.replace("-", " "))
    return " ".join(stripped.split())
