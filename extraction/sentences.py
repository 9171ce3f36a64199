"""Stage 1, text and sentences: takes the article as given, returns the Text - its sentences
(offsets into the text, page clutter dropped, headings and captions marked), with family names
written in capitals ("KISHIDA Fumio") put in title case first."""

from __future__ import annotations

from datetime import date

from .names import family_names_in_capitals
from .stages import Text
from .text import segment


def read_text(text: str, published: date | None) -> Text:
    """Split the article into sentences; decides nothing about their content."""
    text, family_first = family_names_in_capitals(text)
    return Text(text, published, segment(text), family_first)
