"""Text at the character level: folding accents and quotes (offsets kept), keys for comparing
names, and the segmentation into paragraphs and sentences with exact offsets, page clutter
dropped (used by stage 1, sentences.py)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _QUOTES:
        return _QUOTES[c]
    if ord(c) < 128:
        return c
    decomposed = unicodedata.normalize("NFKD", c)
    for d in decomposed:
        if not unicodedata.combining(d):
            return d if len(d) == 1 else c
    return c


def fold(text: str) -> str:
    """Strip diacritics and straighten quotes while keeping the length (offsets stay valid)."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=16384)
def normalize_key(text: str) -> str:
    """Case- and accent-insensitive key for comparing names."""
    t = fold(text).lower().replace("'s", "")
    t = re.sub(r"[^\w\s-]", " ", t).replace("-", " ")
    return " ".join(t.split())


@dataclass
class Sentence:
    start: int
    end: int
    text: str  # folded text of the sentence
    paragraph: int
    index: int
    kind: str = "body"  # body | heading | caption

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


CLUTTER_LINE = re.compile(
    r"""^\s*(?:
        read\ more|read\ next|related\b.*|more\ on\ this.*|no\ comments?|
        \d+\ comments?|comments?|share(?:\ this(?:\ article|\ story)?)?|advertisement|
        advertising|sponsored(?:\ content)?|daily\ newsletter|newsletter|subscribe.*|
        sign\ up.*|follow\ us.*|click\ here.*|watch:?.*|listen:?.*|most\ read|trending|
        skip\ to.*|more\ from.*|see\ also.*|recommended.*|you\ may\ also\ like.*|
        source:\ video.*|video\ screenshot|copyright.*|all\ rights\ reserved.*|
        \(?(?:photo|image|file\ photo|picture)\b.*|.*\b(?:getty\ images|afp\ photo|ap\ photo)\b.*|
        loading.*|get\ (?:our|the)\ .*newsletter.*|this\ story\ has\ been.*|
        (?:additional\ )?reporting\ by.*|editing\ by.*|writing\ by.*|
        [\w\ .,'-]{0,160}\ contributed(?:\ to)?(?:\ this)?(?:\ report(?:ing)?)?
        (?:\ from\ [\w\ .'-]+)?\.?|
        (?-i:[Bb]y\ [A-Z][\w.'-]+(?:\ [A-Z][\w.'-]+){0,3}(?:,\ [A-Z][\w\ ]{0,40})?)
    )[\s:.!]*$""",
    re.IGNORECASE | re.VERBOSE,
)
AUTHOR_BOX = re.compile(r"^\s*(?:about\ the\ authors?|author\ bio|about\ us)\s*:?\s*$", re.I | re.X)
CREDIT_LINE = re.compile(r"^[^|.!?]{2,60}(?:\s*\|\s*[^|.!?]{2,40}){1,4}$")
FILE_CAPTION = re.compile(r"^\s*(?:FILE(?:\s+PHOTO)?|PHOTO|IMAGE)\s*(?:-|:|\|)", re.I)
VIDEO_MARK = re.compile(r"^\s*(?:source:\s*video|video:|watch:|video screenshot)", re.I)
_SENT_END = re.compile(r"[.!?][\"')\]]*$")

# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen",
    "rep", "gov", "pres", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mt", "ft", "rev", "hon", "amb", "dept", "approx", "est", "fig", "al",
}  # fmt: skip
_SENT_STARTERS = {
    "the", "a", "an", "after", "but", "and", "in", "it", "he", "she", "they", "this", "that",
    "these", "those", "on", "at", "as", "we", "i", "his", "her", "their", "its", "meanwhile",
    "however", "while", "when", "since", "there", "for", "under", "last", "earlier", "later",
    "both", "some", "many", "also", "if", "no", "so", "yet", "during", "before",
}  # fmt: skip

# a sentence's end before a space, or glued to the next sentence ("Berdimuhamedow.He will")
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+)|(?<=[a-z]{3})[.!?](?=[A-Z][a-z]+\b)")


def _split_sentences(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cur = start
    for m in _BOUNDARY.finditer(folded, start, end):
        b = m.end()
        nxt = re.match(r"\s*(\S+)", folded[b:end])
        if not nxt:
            continue
        next_word = nxt.group(1)
        first = next_word.lstrip("\"'(")
        if not first or not (first[0].isupper() or first[0].isdigit() or next_word[0] in "\"'"):
            continue
        # token before the punctuation
        before = re.search(r"(\S+)$", folded[cur : m.start() + 1])
        word = before.group(1) if before else ""
        bare = word.rstrip(".").lstrip("\"'(").lower()
        if m.group(0).startswith(".") and len(m.group(0).rstrip("\"')]")) == 1:
            if bare in _ABBREV:
                continue
            if re.fullmatch(r"[a-z]", bare):  # middle initial "J."
                continue
            if re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare):  # U.S. / U.K. / D.C.
                w = re.sub(r"\W", "", first).lower()
                if w not in _SENT_STARTERS:
                    continue
        spans.append((cur, b))
        cur = b + len(nxt.group(0)) - len(next_word)
    if cur < end:
        spans.append((cur, end))
    return spans


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _unwrap(folded: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the lines of a hard-wrapped paragraph ("The two sides signed accords on a partial
    relief of Mozambique's" / "debts to China, ..."): a line that does not end a sentence runs
    on into the next one when only a line break parts them and the next begins in lower case,
    or when the line is a long one of running prose (not a title-case headline)."""
    # a text wrapped throughout: many lines of a like length that end mid-sentence
    open_lines = sum(1 for a, b in lines if 40 <= b - a <= 90 and not _SENT_END.search(folded[a:b]))
    all_wrapped = open_lines >= 4 and open_lines >= 0.4 * len(lines)
    out: list[tuple[int, int]] = []
    for a, b in lines:
        if out:
            pa, pb = out[-1]
            prev = folded[pa:pb]
            gap = folded[pb:a]
            words = prev.split()
            capitalised = sum(1 for w in words if w[:1].isupper()) / max(len(words), 1)
            runs_on = gap.count("\n") == 1 and not _SENT_END.search(prev) and not prev.endswith(":")
            # wrapped prose: lines of a like, bounded length, the next no paragraph of its own
            wrapped = 50 <= len(prev) <= 90 and b - a <= 90 and len(words) >= 8
            # "... left the Seychellois capital of" / "Victoria for Beijing": no headline ends so
            hanging = _HANGING.search(prev) is not None and len(words) >= 4
            last_line = prev[prev.rfind("\n") + 1 :]
            if runs_on and (
                folded[a].islower()
                or (wrapped and capitalised < 0.5)
                or hanging
                or (all_wrapped and 40 <= len(last_line) <= 90)
            ):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


_HANGING = re.compile(
    r"(?:,|\b(?:of|the|a|an|and|or|to|in|on|for|with|his|her|their|its|from|by|at|that|which|"
    r"who))$"
)


def segment(text: str) -> list[Sentence]:
    """Split an article into sentences (offsets into ``text``), dropping page clutter."""
    folded = fold(text)
    lines = []
    pos = 0
    for raw in folded.split("\n"):
        a, b = _trim(folded, pos, pos + len(raw))
        if b > a:
            lines.append((a, b))
        pos += len(raw) + 1
    lines = _unwrap(folded, lines)

    kinds: list[str] = []
    stop_all = False
    after_links = False
    for i, (a, b) in enumerate(lines):
        line = folded[a:b]
        nxt = folded[lines[i + 1][0] : lines[i + 1][1]] if i + 1 < len(lines) else ""
        words = line.split()
        if stop_all:
            kinds.append("clutter")
        elif AUTHOR_BOX.match(line):
            stop_all = True
            kinds.append("clutter")
        elif after_links and not _SENT_END.search(line):
            kinds.append("clutter")  # list of links to other stories
        elif CLUTTER_LINE.match(line) or CREDIT_LINE.match(line):
            kinds.append("clutter")
        elif VIDEO_MARK.match(nxt) and not _SENT_END.search(line):
            kinds.append("clutter")  # caption of an embedded video
        elif (CREDIT_LINE.match(nxt) or FILE_CAPTION.match(line)) and len(words) > 4:
            kinds.append("caption")
        elif not _SENT_END.search(line) and len(words) <= 16:
            kinds.append("heading")
        else:
            kinds.append("body")
        after_links = bool(
            re.match(r"^\s*(?:read\ more|related|more\ on|see\ also|you\ may\ also)", line, re.I)
        ) or (after_links and kinds[-1] == "clutter")

    sentences: list[Sentence] = []
    for p, ((a, b), kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind == "clutter":
            continue
        for sa, sb in _split_sentences(folded, a, b):
            sa, sb = _trim(folded, sa, sb)
            if sb > sa:
                sentences.append(Sentence(sa, sb, folded[sa:sb], p, len(sentences), kind))
    return sentences
