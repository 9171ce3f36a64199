"""Downloads: time limits, http(s) only, redirects followed and checked."""

from __future__ import annotations

from reports.loaders import read_url

from .helpers import errors_of


def test_a_slow_server_times_out(server, settings):
    settings.FETCH_TIMEOUT = 0.3
    assert errors_of(read_url(f"{server}/slow")) == [f"{server}/slow: timed out after 0.3 s"]


def test_only_http_urls_are_fetched():
    assert errors_of(read_url("file:///etc/passwd")) == [
        "file:///etc/passwd: only http:// and https:// addresses can be downloaded"
    ]


def test_redirects_are_followed_to_web_pages_only(server):
    [report] = read_url(f"{server}/redirect?to=/article")
    assert report.title == "Blinken and Ebrard hold security dialogue in Mexico City"
    [error] = read_url(f"{server}/redirect?to=file:///etc/passwd")
    assert str(error).startswith(f"{server}/redirect?to=file:///etc/passwd: HTTP 302")
    assert "not allowed" in str(error), str(error)


def test_redirects_are_followed_a_bounded_number_of_times(server, settings):
    settings.FETCH_MAX_REDIRECTS = 2
    twice = f"{server}/redirect?to=/redirect?to=/article"
    [report] = read_url(twice)
    assert report.title == "Blinken and Ebrard hold security dialogue in Mexico City"
    thrice = f"{server}/redirect?to=/redirect?to=/redirect?to=/article"
    assert errors_of(read_url(thrice)) == [f"{thrice}: more than 2 redirects"]


def test_the_download_connects_to_the_address_checked_and_names_the_host(web_server, dns, settings):
    # DNS rebinding: the second answer is a private address. The connection goes to the
    # address that was checked (the test server's), so that answer is never asked for.
    settings.FETCH_TIMEOUT = 2
    dns.answer("wire.example", ["127.0.0.1"], ["10.255.255.1"])
    settings.FETCH_ALLOWED_HOSTS = ["wire.example"]
    url = f"http://wire.example:{web_server.port}/echo-host"
    [report] = read_url(url)
    assert report.text == f"Host header: wire.example:{web_server.port}"
    assert dns.lookups == ["wire.example"]
