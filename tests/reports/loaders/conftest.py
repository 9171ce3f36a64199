"""A web server on loopback for the download tests (threading + http.server), and names
that resolve as a test says."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .helpers import DATA


class Handler(BaseHTTPRequestHandler):
    """Serves `pages`; `/redirect?to=URL` redirects there, `/echo-host` shows the Host header."""

    pages: dict[str, tuple[int, str, bytes, bool]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path.startswith("/redirect?to="):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/redirect?to="))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/echo-host":
            body = f"Host header: {self.headers.get('Host')}".encode()
            self.pages[self.path] = (200, "text/plain", body, True)
        status, content_type, body, with_length = self.pages.get(
            self.path, (404, "text/html", b"<html><body>Not here</body></html>", True)
        )
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if with_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@dataclass(frozen=True)
class Server:
    port: int

    def url(self, host: str = "127.0.0.1") -> str:
        """The server's address under a host name (any name that reaches 127.0.0.1)."""
        return f"http://{host}:{self.port}"


@pytest.fixture
def web_server() -> Iterator[Server]:
    """The server on 127.0.0.1; downloads refuse it until a test allows a host name."""
    article = (DATA / "article.html").read_bytes()
    Handler.pages = {
        "/article": (200, "text/html; charset=utf-8", article, True),
        "/feed": (200, "application/rss+xml", (DATA / "feed.rss").read_bytes(), True),
        "/feed-as-html": (200, "text/html", (DATA / "feed.rss").read_bytes(), True),
        "/huge": (200, "text/html", article + b" " * 20_000, True),
        "/huge-unannounced": (200, "text/html", article + b" " * 20_000, False),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.4", True),
        "/slow": (200, "text/html", article, True),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server(web_server, settings) -> str:
    """The server's URL, its host 127.0.0.1 allowed by name as an admin would allow it."""
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    return web_server.url()


class FakeDNS:
    """Answers for the test's own host names; every other name resolves as usual."""

    def __init__(self) -> None:
        self.answers: dict[str, list[list[str]]] = {}
        self.lookups: list[str] = []
        self.real = socket.getaddrinfo

    def answer(self, name: str, *answers: list[str]) -> None:
        """The addresses of name: the first answer, then the next at each later lookup."""
        self.answers[name] = list(answers)

    def getaddrinfo(self, host, port, *args, **kwargs):  # socket.getaddrinfo's signature
        name = host.lower().rstrip(".") if isinstance(host, str) else host
        if name not in self.answers:
            return self.real(host, port, *args, **kwargs)
        self.lookups.append(name)
        answers = self.answers[name]
        addresses = answers.pop(0) if len(answers) > 1 else answers[0]
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in addresses
        ]


@pytest.fixture
def dns(monkeypatch) -> FakeDNS:
    fake = FakeDNS()
    monkeypatch.setattr(socket, "getaddrinfo", fake.getaddrinfo)
    return fake
