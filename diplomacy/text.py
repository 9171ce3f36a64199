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
# Words a period follows inside a sentence: titles, months, and the like ("Gen. Milley",
# "Sept. 24"); initials ("Antony J. Blinken") and dotted abbreviations ("U.S.", "a.m.") too.
# fmt: off
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "sen", "rep", "gov", "pres", "amb", "st", "mt", "jr", "sr", "no", "nos", "vol", "fig",
    "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "vs", "etc", "approx", "dept", "est",
})
# fmt: on


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a match of _SENTENCE_END ends a sentence (a period after "U.S" does not)."""
    mark = match.start()
    if text[mark] not in ".!?":  # a line break
        return True
    following = text[match.end() : match.end() + 1]
    if following.islower() or following in {",", ";"}:  # "e.g. the", "Gov. newsom"
        return False
    if text[mark] != ".":
        return True
    begin = mark
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:mark]
    if not word:
        return True
    return not (
        "." in word  # U.S, U.N, a.m
        or (len(word) == 1 and word.isupper())  # an initial
        or word.lower() in _ABBREVIATIONS
    )


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) holding text[start:end], for quoting a source.

    Never narrower than [start, end): the words that support a fact are always inside.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        if match.end() <= start and _ends_sentence(text, match):
            left = match.end()
    right = len(text)
    for match in _SENTENCE_END.finditer(text, max(end - 1, start)):
        if _ends_sentence(text, match):
            right = match.start() + 1 if text[match.start()] in ".!?" else match.start()
            break
    right = max(right, end)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def citation_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph around a cited span, split into before, the span itself, and after."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    return text[left:start], text[start:end], text[end:right]
