"""Report bytes become text: UTF-8, UTF-16 and Latin-1; empty and binary files refused."""

from __future__ import annotations

import pytest

from reports.loaders import LoadError, decode_bytes


def test_utf8_utf16_and_latin1_reports_decode_to_the_same_text():
    text = "Le Drian reçut José Albares à Paris."
    assert decode_bytes(text.encode("utf-8"), "a.txt") == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt") == text
    assert decode_bytes(text.encode("utf-16"), "a.txt") == text
    assert decode_bytes(text.encode("latin-1"), "a.txt") == text


@pytest.mark.parametrize(
    "data, message",
    [(b"", "empty"), (b"   \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_empty_and_binary_files_are_refused_with_a_reason(data, message):
    with pytest.raises(LoadError, match=message):
        decode_bytes(data, "bad.txt")
