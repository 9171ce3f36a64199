"""Which encoding report bytes are in: the one place that decides.

Text files are UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1; empty and binary
files are refused. Markup (HTML pages, feeds) is left as bytes for its parser, which reads the
charset the document declares, unless a BOM or the server's header says otherwise.
"""

from __future__ import annotations

from .base import LoadError

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = b"\xef\xbb\xbf"


def decode_bytes(data: bytes, name: str) -> str:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1."""
    if not data.strip():
        raise LoadError(f"{name}: the file is empty")
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError(f"{name}: not valid UTF-16 text ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise LoadError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    control = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
    if control > len(text) // 100 + 1:
        raise LoadError(f"{name}: looks like a binary file, not text")
    return text


def markup_file(data: bytes, name: str) -> bytes | str:
    """An HTML file's content for its parser, refused when empty or binary.

    With a byte-order mark the text decoded by it, else the bytes as they are.
    """
    text = decode_bytes(data, name)
    return text if data.startswith((*UTF16_BOMS, UTF8_BOM)) else data


def markup_download(data: bytes, charset: str | None) -> bytes | str:
    """A downloaded page for its parser: decoded by the charset the server sent, if it knows it."""
    if not charset:
        return data
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data


def markup_head(data: bytes) -> bytes:
    """The start of a document, lowercased, for sniffing what it is (UTF-16 read as such)."""
    head = data[:2048].lstrip().lower()
    if head.startswith(UTF16_BOMS):
        head = data[:4096].decode("utf-16", "ignore").lower().encode()
    return head
