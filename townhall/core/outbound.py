"""Addresses Townhall's server may be sent to: public servers only (no SSRF).

Why: an account's server address (a Mastodon instance, a Bluesky PDS) and a listening source's
feed or instance are typed by people, and the server then connects there, with the account's
credential in the case of a server address, and shows what came back or how it failed. Pointed
at 127.0.0.1, a private network or a cloud's metadata address, that reads or probes what only the
server can reach (security review of 2026-12-05). So every such address must name a host whose
every address is public; a self-hosted instance on the institution's own network is allowed by
`TOWNHALL_ALLOW_PRIVATE_SERVERS=1` (the tests, which run their servers on this machine, set it).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


class NotPublic(ValueError):
    """The address may not be connected to; the message says why, in words."""


def check(url: str, *, allow_query: bool = False) -> str:
    """`url` if the server may connect to it, else `NotPublic`.

    A server address takes no query or fragment (they would let the address choose the path the
    server requests, e.g. "…?x=" before "/api/v1/instance"); a feed may have a query.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NotPublic(f"{url!r} is not an http(s) address.")
    if parts.username or parts.password:
        raise NotPublic("Leave the user name and password out of the address.")
    if parts.fragment or (parts.query and not allow_query):
        raise NotPublic("The server address takes no '?' or '#' part: give just https://host (and its path).")
    if getattr(settings, "TOWNHALL_ALLOW_PRIVATE_SERVERS", False):
        return url
    host = parts.hostname
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        raise NotPublic(f"No server called {host} could be found.") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global:
            raise NotPublic(
                f"{host} is not a public server (it is at {address}); Townhall connects only to public "
                "servers unless an administrator allows private ones."
            )
    return url
