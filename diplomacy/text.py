"""Small text helpers shared by the apps (name normalization for lookups)."""

import re
import unicodedata


def normalize_name(text: str) -> str:
    """Lower-case, strip diacritics and punctuation: "José Albares" -> "jose albares"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    stripped = re.sub(r"[^\w\s]", " ", stripped.replace("-", " "))
    return " ".join(stripped.split())


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) holding text[start:end], for quoting a source."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right = len(text)
    match = _SENTENCE_END.search(text, max(end - 1, start))
    if match:
        right = match.start() + 1 if text[match.start()] in ".!?" else match.start()
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def citation_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph around a cited span, split into before, the span itself, and after."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    return text[left:start], text[start:end], text[end:right]
