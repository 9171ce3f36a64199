"""Downloading one http(s) URL, safely: checked addresses, bounded redirects, size and time.

Each hop (the URL, then each redirect, at most FETCH_MAX_REDIRECTS of them) has its host's
addresses checked (`addresses.checked_addresses`) and the connection goes to a checked address,
with the host's name in the Host header and TLS SNI (and the certificate checked against it),
so a second DNS answer cannot send it elsewhere. Downloads do not go through a proxy.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from .addresses import AddressRefused, checked_addresses
from .base import LoadError, is_http_url
from .limits import Limits, current, size

USER_AGENT = "diplomacy-tracker/0.1 (report loader)"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


@dataclass(frozen=True)
class Download:
    data: bytes
    content_type: str  # "" when the server sent none
    charset: str | None
    # validators for the next conditional request ("" when the server sent none)
    etag: str = ""
    last_modified: str = ""
    # the server answered 304: nothing changed since the validators given (no data)
    not_modified: bool = False


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Download:
    """The body (at most LOADER_MAX_URL_BYTES), content type and charset of an http(s) URL.

    With `etag` or `last_modified` (what an earlier download of the URL returned), the
    request is conditional (If-None-Match, If-Modified-Since): a server with nothing new
    answers 304, returned as a Download that is `not_modified`, with no data.
    Every failure is a LoadError prefixed with the URL asked for.
    """
    conditions = {"If-None-Match": etag, "If-Modified-Since": last_modified}
    conditions = {name: value for name, value in conditions.items() if value}
    if not is_http_url(url):
        raise LoadError(f"{url}: only http:// and https:// addresses can be downloaded")
    limits = current()
    deadline = time.monotonic() + limits.fetch_timeout
    target = url
    for hop in range(limits.redirects + 1):
        if time.monotonic() > deadline:
            raise LoadError(f"{url}: timed out after {limits.fetch_timeout} s")
        where = url if hop == 0 else f"{url} (redirected to {target})"
        connection, response = _request(where, target, limits.fetch_timeout, conditions)
        try:
            status = response.status
            location = response.getheader("Location")
            if status in REDIRECTS and location:
                target = _redirect(url, target, status, location)
                continue
            if status == 304 and conditions:
                return Download(
                    b"",
                    "",
                    None,
                    etag=response.getheader("ETag") or etag,
                    last_modified=response.getheader("Last-Modified") or last_modified,
                    not_modified=True,
                )
            if not 200 <= status < 300:
                raise LoadError(f"{url}: HTTP {status} {response.reason}")
            return _body(url, response, limits, deadline)
        except TimeoutError as exc:
            raise LoadError(f"{url}: timed out after {limits.fetch_timeout} s") from exc
        except (http.client.HTTPException, OSError) as exc:
            raise LoadError(f"{url}: download failed ({exc or type(exc).__name__})") from exc
        finally:
            connection.close()
    raise LoadError(f"{url}: more than {limits.redirects} redirects")


def _redirect(url: str, current_url: str, status: int, location: str) -> str:
    target = urljoin(current_url, location.strip())
    if not is_http_url(target):
        raise LoadError(
            f"{url}: HTTP {status} redirect to {location!r} is not allowed "
            "(only http:// and https:// addresses are followed)"
        )
    return target


def _request(
    where: str, target: str, timeout: float, extra_headers: dict[str, str] | None = None
) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    """Send the GET to a checked address of the target's host; the response's head read.

    where names the item in errors: the URL asked for, and the redirect followed if any.
    The connection is left to the caller to close.
    """
    try:
        parts = urlsplit(_ascii_url(where, target))
        https = parts.scheme.lower() == "https"
        host, port = parts.hostname or "", parts.port or (443 if https else 80)
    except ValueError as exc:  # e.g. a port that is not a number
        raise LoadError(f"{where}: not a valid address ({exc})") from exc
    try:
        addresses = checked_addresses(host, port)
    except AddressRefused as exc:
        raise LoadError(f"{where}: refused, {exc}") from exc
    except (socket.gaierror, UnicodeError) as exc:
        raise LoadError(f"{where}: cannot find the host {host} ({exc})") from exc
    kind = _PinnedHTTPS if https else _PinnedHTTP
    connection = kind(host, port, addresses=addresses, timeout=timeout)
    path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "identity"}
    headers.update(extra_headers or {})
    try:
        connection.request("GET", path, headers=headers)
        return connection, connection.getresponse()
    except TimeoutError as exc:
        connection.close()
        raise LoadError(f"{where}: timed out after {timeout} s") from exc
    except (ConnectionError, ssl.SSLError, socket.gaierror) as exc:
        connection.close()
        raise LoadError(f"{where}: cannot connect ({exc})") from exc
    except (http.client.HTTPException, OSError) as exc:
        connection.close()
        raise LoadError(f"{where}: download failed ({exc or type(exc).__name__})") from exc


def _body(
    url: str, response: http.client.HTTPResponse, limits: Limits, deadline: float
) -> Download:
    limit = limits.url_bytes
    length = response.getheader("Content-Length", "")
    if length.strip().isdigit() and int(length) > limit:
        raise LoadError(f"{url}: too large ({size(int(length))}, over the {size(limit)} limit)")
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read1(_CHUNK):
        total += len(chunk)
        if total > limit:
            raise LoadError(f"{url}: too large (over the {size(limit)} limit)")
        if time.monotonic() > deadline:
            raise LoadError(f"{url}: timed out after {limits.fetch_timeout} s")
        chunks.append(chunk)
    headers = response.headers
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    return Download(
        b"".join(chunks),
        content_type,
        headers.get_content_charset(),
        etag=headers.get("ETag", ""),
        last_modified=headers.get("Last-Modified", ""),
    )


def _ascii_url(where: str, url: str) -> str:
    """The URL as sent: an international host name in IDNA, other non-ASCII percent-encoded."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        try:
            netloc = netloc.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise LoadError(f"{where}: not a valid host name ({exc})") from exc
    return urlunsplit(
        parts._replace(
            netloc=netloc,
            path=quote(parts.path, safe=_URL_SAFE),
            query=quote(parts.query, safe=_URL_SAFE),
            fragment="",
        )
    )


def _connect(addresses: list[str], port: int, timeout: float | None) -> socket.socket:
    """A connection to the first of the checked addresses that answers."""
    error: OSError = OSError("no address to connect to")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            error = exc
    raise error


class _PinnedHTTP(http.client.HTTPConnection):
    """HTTP to an address checked beforehand; the Host header still names the host."""

    def __init__(self, host: str, port: int, *, addresses: list[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses

    def connect(self) -> None:
        self.sock = _connect(self.addresses, self.port, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to an address checked beforehand; SNI and the certificate check name the host."""

    def __init__(self, host: str, port: int, *, addresses: list[str], timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.addresses = addresses

    def connect(self) -> None:
        sock = _connect(self.addresses, self.port, self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)
