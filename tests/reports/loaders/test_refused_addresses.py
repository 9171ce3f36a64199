"""Downloads refuse loopback, private, link-local and metadata addresses, one URL at a time.

Each refused URL of a .urls list, or feed URL given to load, is one error naming it and saying
why; the other URLs of the same list or batch load. The good URLs are on the test's loopback
server, allowed by name (FETCH_ALLOWED_HOSTS) as an admin would allow a trusted host.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.management import call_command

from reports.loaders import read_inputs
from reports.models import Article, Batch

from .helpers import errors_of, reports_of

HINT = " (an admin may allow the host in FETCH_ALLOWED_HOSTS)"
ARTICLE_TITLE = "Blinken and Ebrard hold security dialogue in Mexico City"
FEED_TITLES = ["Le Drian receives Albares in Paris", "Wang Yi calls Lavrov", "Undated note"]


@dataclass(frozen=True)
class Refused:
    """A refused URL, the host allowed for the good URLs, and the error: how it starts, after
    the URL, and the reason it ends with. PORT stands for the server's port, PATH for the page."""

    url: str
    allowed: str
    starts: str
    reason: str

    def bad(self, port: int, path: str) -> str:
        return self.url.replace("PORT", str(port)).replace("PATH", path)

    def check(self, error: str, port: int, path: str) -> None:
        starts = self.starts.replace("PORT", str(port)).replace("PATH", path)
        assert error.startswith(f"{self.bad(port, path)}{starts}"), error
        assert error.endswith(f"{self.reason}{HINT}"), error


LOOPBACK = "a loopback address"
KINDS = {
    "127.0.0.1": Refused(
        "http://127.0.0.1:PORT/PATH", "localhost", ": refused, 127.0.0.1 is ", LOOPBACK
    ),
    "::1": Refused("http://[::1]:PORT/PATH", "127.0.0.1", ": refused, ::1 is ", LOOPBACK),
    "10.x": Refused(
        "http://10.20.30.40/PATH", "127.0.0.1", ": refused, 10.20.30.40 is ", "a private address"
    ),
    "169.254.169.254": Refused(
        "http://169.254.169.254/PATH",
        "127.0.0.1",
        ": refused, 169.254.169.254 is ",
        "the cloud metadata address",
    ),
    "a name resolving to loopback": Refused(
        "http://localhost:PORT/PATH", "127.0.0.1", ": refused, localhost resolves to ", LOOPBACK
    ),
    "a redirect to localhost": Refused(
        "http://127.0.0.1:PORT/redirect?to=http://localhost:PORT/PATH",
        "127.0.0.1",
        " (redirected to http://localhost:PORT/PATH): refused, localhost resolves to ",
        LOOPBACK,
    ),
    "a redirect to [::1]": Refused(
        "http://127.0.0.1:PORT/redirect?to=http://[::1]:PORT/PATH",
        "127.0.0.1",
        " (redirected to http://[::1]:PORT/PATH): refused, ::1 is ",
        LOOPBACK,
    ),
}


@pytest.mark.parametrize("kind", KINDS, ids=list(KINDS))
def test_a_url_list_refuses_the_address_and_loads_the_rest(kind, web_server, settings, tmp_path):
    refused = KINDS[kind]
    settings.FETCH_ALLOWED_HOSTS = [refused.allowed]
    good = web_server.url(refused.allowed)
    bad = refused.bad(web_server.port, "article")
    (tmp_path / "links.urls").write_text(f"{good}/article\n{bad}\n{good}/feed\n", encoding="utf-8")

    results = read_inputs([tmp_path / "links.urls"])

    [error] = errors_of(results)
    refused.check(error, web_server.port, "article")
    assert [r.title for r in reports_of(results)] == [ARTICLE_TITLE, *FEED_TITLES]


@pytest.mark.parametrize("kind", KINDS, ids=list(KINDS))
def test_a_feed_url_refuses_the_address_and_the_batch_loads(kind, web_server, settings):
    refused = KINDS[kind]
    settings.FETCH_ALLOWED_HOSTS = [refused.allowed]
    good = web_server.url(refused.allowed)
    bad = refused.bad(web_server.port, "feed")

    results = read_inputs([f"{good}/feed", bad, f"{good}/article"])

    [error] = errors_of(results)
    refused.check(error, web_server.port, "feed")
    assert [r.title for r in reports_of(results)] == [*FEED_TITLES, ARTICLE_TITLE]


def test_an_address_inside_an_ipv6_address_is_refused_too(server):
    [error] = read_inputs(["http://[::ffff:127.0.0.1]/feed"])
    assert str(error) == (
        "http://[::ffff:127.0.0.1]/feed: refused, ::ffff:127.0.0.1 is an IPv6 form of "
        f"127.0.0.1, a loopback address{HINT}"
    )


def test_a_loopback_address_written_as_a_number_is_refused(web_server, settings):
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    [error] = read_inputs([f"http://2130706433:{web_server.port}/feed"])
    assert str(error) == (
        f"http://2130706433:{web_server.port}/feed: refused, "
        f"2130706433 resolves to 127.0.0.1, a loopback address{HINT}"
    )


@pytest.mark.django_db
def test_ingest_records_the_refused_url_in_the_batch_and_stores_the_rest(server, tmp_path, capsys):
    (tmp_path / "links.urls").write_text(
        f"{server}/article\nhttp://169.254.169.254/latest/meta-data/\n", encoding="utf-8"
    )
    call_command("ingest", str(tmp_path / "links.urls"), "--name", "Links")
    batch = Batch.objects.get(name="Links")
    assert [e["error"] for e in batch.errors] == [
        "http://169.254.169.254/latest/meta-data/: refused, "
        f"169.254.169.254 is the cloud metadata address{HINT}"
    ]
    assert list(Article.objects.values_list("title", flat=True)) == [ARTICLE_TITLE]
    assert "1 new article(s), 0 already stored, 1 failed" in capsys.readouterr().out
