"""Which addresses a download may connect to: public ones, unless an admin allows the host.

A host name is resolved first, every A and AAAA record of it; the download is refused if any
of them is loopback, private, link-local (the cloud metadata address among them), unspecified,
multicast, reserved or otherwise not public, IPv4 addresses inside IPv6 ones included. The
download then connects to an address checked here, never to a second DNS answer (see
`fetch`). Hosts named in the FETCH_ALLOWED_HOSTS setting are let through unchecked.
"""

from __future__ import annotations

import ipaddress
import socket
from ipaddress import IPv4Address, IPv6Address

from django.conf import settings

Address = IPv4Address | IPv6Address

METADATA = ipaddress.ip_address("169.254.169.254")  # cloud instance metadata (AWS, GCP, Azure)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known NAT64 prefix: IPv4 in the low bits


class AddressRefused(ValueError):
    """A host the loaders will not download from; the message says why, for the admin."""


def allowed_hosts() -> frozenset[str]:
    """Host names an admin lets through the address checks (FETCH_ALLOWED_HOSTS)."""
    return frozenset(_host_key(h) for h in settings.FETCH_ALLOWED_HOSTS if h.strip())


def refusal(address: Address) -> str | None:
    """Why a download may not connect to the address ("a loopback address"); None if it may."""
    for inner in _embedded_ipv4(address):
        reason = refusal(inner)
        if reason:
            return f"an IPv6 form of {inner}, {reason}"
    checks = (
        (address == METADATA, "the cloud metadata address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_unspecified, "the unspecified address"),
        (address.is_multicast, "a multicast address"),
        (address.is_private, "a private address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "not a public address"),
    )
    return next((reason for failed, reason in checks if failed), None)


def checked_addresses(host: str, port: int) -> list[str]:
    """The addresses of host to connect to, every one of them checked.

    An IP address is checked as it is written; a name is resolved first (all its records,
    `socket.gaierror` when it has none). AddressRefused when any address is refused.
    """
    try:
        addresses = [ipaddress.ip_address(host)]
        literal = True
    except ValueError:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
        literal = False
    if _host_key(host) not in allowed_hosts():
        for address in addresses:
            reason = refusal(address)
            if reason:
                where = f"{host} is" if literal else f"{host} resolves to {address},"
                raise AddressRefused(
                    f"{where} {reason} (an admin may allow the host in FETCH_ALLOWED_HOSTS)"
                )
    return [str(address) for address in addresses]


def _embedded_ipv4(address: Address) -> list[IPv4Address]:
    """IPv4 addresses an IPv6 one carries: mapped (::ffff:a.b.c.d), 6to4, Teredo, NAT64."""
    if not isinstance(address, IPv6Address):
        return []
    found = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
    if address in _NAT64:
        found.append(IPv4Address(int(address) & 0xFFFFFFFF))
    return [inner for inner in found if inner is not None]


def _host_key(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()
