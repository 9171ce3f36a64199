"""Which addresses a download may reach: every address of the host checked, any refusal wins."""

from __future__ import annotations

import ipaddress

import pytest

from reports.loaders.addresses import AddressRefused, checked_addresses, refusal


@pytest.mark.parametrize(
    "address, reason",
    [
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.0.0.1", "a private address"),
        ("172.16.0.1", "a private address"),
        ("172.31.255.254", "a private address"),
        ("192.168.1.1", "a private address"),
        ("fc00::1", "a private address"),
        ("fd12:3456::1", "a private address"),
        ("169.254.169.254", "the cloud metadata address"),
        ("169.254.10.20", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("0.0.0.0", "the unspecified address"),
        ("::", "the unspecified address"),
        ("224.0.0.1", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("240.0.0.1", "a private address"),  # reserved, and private to Python's ipaddress
        ("100.64.0.1", "not a public address"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "an IPv6 form of 127.0.0.1, a loopback address"),
        ("::ffff:10.1.2.3", "an IPv6 form of 10.1.2.3, a private address"),
        ("::ffff:169.254.169.254", "an IPv6 form of 169.254.169.254, the cloud metadata address"),
        ("64:ff9b::a9fe:a9fe", "an IPv6 form of 169.254.169.254, the cloud metadata address"),
        ("2002:7f00:1::", "an IPv6 form of 127.0.0.1, a loopback address"),  # 6to4
    ],
)
def test_non_public_addresses_are_refused_with_their_kind(address, reason):
    assert refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address):
    assert refusal(ipaddress.ip_address(address)) is None


def test_a_name_with_one_private_address_among_public_ones_is_refused(dns, settings):
    settings.FETCH_ALLOWED_HOSTS = []
    dns.answer("news.example", ["93.184.215.14", "2606:4700:4700::1111", "10.0.0.7"])
    with pytest.raises(AddressRefused, match="news.example resolves to 10.0.0.7, a private"):
        checked_addresses("news.example", 80)
    dns.answer("news.example", ["93.184.215.14", "2606:4700:4700::1111"])
    assert checked_addresses("news.example", 80) == ["93.184.215.14", "2606:4700:4700::1111"]


def test_an_allowed_host_is_let_through_by_name_in_any_case(dns, settings):
    dns.answer("intranet.example", ["10.0.0.7"])
    settings.FETCH_ALLOWED_HOSTS = ["Intranet.Example"]
    assert checked_addresses("intranet.example", 443) == ["10.0.0.7"]
    assert checked_addresses("INTRANET.example.", 443) == ["10.0.0.7"]
    dns.answer("other.example", ["10.0.0.8"])
    with pytest.raises(AddressRefused, match="other.example resolves to 10.0.0.8"):
        checked_addresses("other.example", 443)
