"""A feed server on a loopback port, for tests that poll sources: it answers conditional
requests as real feeds do (ETag and Last-Modified, 304 when nothing changed) and records
the requests it gets."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Item:
    link: str
    title: str
    text: str
    published: str = "Wed, 06 Oct 2021 09:00:00 GMT"


def rss(items: list[Item], title: str = "Wire") -> bytes:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
        f"<guid>{escape(i.link)}</guid><pubDate>{i.published}</pubDate>"
        f"<description>{escape(i.text)}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://wire.example/</link>"
        f"<description>News</description>{entries}</channel></rss>"
    ).encode()


@dataclass
class Route:
    """What one path answers: a feed (with validators), or a fixed status and body."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    # feeds answer conditional requests; set False for a server that ignores them
    validators: bool = True
    version: int = 1

    @property
    def etag(self) -> str:
        return f'"v{self.version}"'

    @property
    def last_modified(self) -> str:
        return format_datetime(datetime(2021, 10, self.version, tzinfo=UTC), usegmt=True)


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def feed(self, path: str, items: list[Item], **kwargs) -> str:
        """Serve a feed of the items at path (a new version if it served one); its URL."""
        old = self.routes.get(path)
        self.routes[path] = Route(body=rss(items), version=old.version + 1 if old else 1, **kwargs)
        return self.url(path)

    def seen(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]


def serve() -> tuple[FeedServer, ThreadingHTTPServer]:
    feeds = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            feeds.requests.append(Request(self.path, dict(self.headers.items())))
            route = feeds.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.validators and (
                self.headers.get("If-None-Match") == route.etag
                or self.headers.get("If-Modified-Since") == route.last_modified
            ):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.validators:
                self.send_header("ETag", route.etag)
                self.send_header("Last-Modified", route.last_modified)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    feeds.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return feeds, server
