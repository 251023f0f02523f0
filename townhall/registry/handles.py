"""Each network's rules for account handles, and the profile URL that follows from one.

Why here: a handle that cannot exist on the network is almost always a typo (or the
wrong network picked), and it is far cheaper to say so when it is entered than when a
scheduled post fails at 7am. `normalise_handle()` is the one entry point; it returns
the canonical form stored in `Account.handle` or raises ValueError in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from townhall.registry.models import Network

_DOMAIN_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"^(?:{_DOMAIN_LABEL}\.)+[a-z](?:[a-z0-9-]{{0,61}}[a-z0-9])?$")


@dataclass(frozen=True)
class HandleRule:
    pattern: re.Pattern[str]
    rule: str  # the rule in words, for the error message
    example: str
    strip_at: bool = True
    lower: bool = False
    profile: str = ""  # format string with {handle}


RULES: dict[str, HandleRule] = {
    Network.X: HandleRule(
        re.compile(r"^[A-Za-z0-9_]{1,15}$"),
        "1 to 15 letters, digits or underscores",
        "ExampleUni",
        profile="https://x.com/{handle}",
    ),
    Network.LINKEDIN: HandleRule(
        re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$"),
        "the company page's address name: lower-case letters, digits and hyphens (2 to 100)",
        "example-university",
        lower=True,
        profile="https://www.linkedin.com/company/{handle}",
    ),
    Network.THREADS: HandleRule(
        re.compile(r"^[a-z0-9._]{1,30}$"),
        "1 to 30 letters, digits, full stops or underscores",
        "exampleuni",
        lower=True,
        profile="https://www.threads.net/@{handle}",
    ),
    Network.INSTAGRAM: HandleRule(
        re.compile(r"^(?!.*\.\.)(?!\.)[a-z0-9._]{1,30}(?<!\.)$"),
        "1 to 30 letters, digits, full stops (not first, last or doubled) or underscores",
        "exampleuni",
        lower=True,
        profile="https://www.instagram.com/{handle}",
    ),
    Network.FACEBOOK: HandleRule(
        re.compile(r"^[A-Za-z0-9.]{5,50}$"),
        "the page's user name: 5 to 50 letters, digits or full stops",
        "ExampleUniversity",
        profile="https://www.facebook.com/{handle}",
    ),
    Network.YOUTUBE: HandleRule(
        re.compile(r"^[A-Za-z0-9._-]{3,30}$"),
        "3 to 30 letters, digits, full stops, hyphens or underscores",
        "ExampleUni",
        profile="https://www.youtube.com/@{handle}",
    ),
    Network.TIKTOK: HandleRule(
        re.compile(r"^(?!.*\.$)[a-z0-9._]{2,24}$"),
        "2 to 24 letters, digits, underscores or full stops (not at the end)",
        "exampleuni",
        lower=True,
        profile="https://www.tiktok.com/@{handle}",
    ),
}


def network_label(network: str) -> str:
    try:
        return Network(network).label
    except ValueError:
        return network


def check_network(network: str) -> str:
    """The network's code, or ValueError naming the networks the registry knows."""
    value = (network or "").strip().lower()
    if value not in Network.values:
        raise ValueError(f"Unknown network {network!r}; choose one of: {', '.join(Network.values)}.")
    return value


def _bluesky(handle: str) -> str:
    value = handle.lstrip("@").lower()
    if len(value) > 253 or not _DOMAIN.match(value):
        raise ValueError(
            f"{handle!r} is not a Bluesky handle: it must be a domain name such as "
            "'physics.example.ac.uk' or 'exampleuni.bsky.social' (letters, digits and hyphens, "
            "at least one full stop, no spaces)."
        )
    return value


def _mastodon(handle: str) -> str:
    value = handle.strip()
    parts = value.lstrip("@").split("@")
    if len(parts) != 2:
        raise ValueError(
            f"{handle!r} is not a Mastodon address: write it in full, user name and server, "
            "such as '@nursing@mastodon.example.ac.uk'."
        )
    user, server = parts[0], parts[1].lower()
    if not re.fullmatch(r"[A-Za-z0-9_]{1,30}", user):
        raise ValueError(
            f"{handle!r} is not a Mastodon address: the user name may only have letters, digits and "
            "underscores (up to 30)."
        )
    if not _DOMAIN.match(server):
        raise ValueError(f"{handle!r} is not a Mastodon address: {server!r} is not a server name.")
    return f"@{user}@{server}"


def normalise_handle(network: str, handle: str) -> str:
    """The canonical handle for `network`, or ValueError saying which rule it breaks."""
    network = check_network(network)
    if not isinstance(handle, str) or not handle.strip():
        raise ValueError(f"Enter the {network_label(network)} handle.")
    handle = handle.strip()
    if any(ch.isspace() for ch in handle):
        raise ValueError(f"{handle!r} has a space in it; handles never do.")
    if network == Network.BLUESKY:
        return _bluesky(handle)
    if network == Network.MASTODON:
        return _mastodon(handle)
    rule = RULES[network]
    value = handle.lstrip("@") if rule.strip_at else handle
    if rule.lower:
        value = value.lower()
    if not rule.pattern.match(value):
        raise ValueError(
            f"{handle!r} is not a {network_label(network)} handle: it must be {rule.rule} "
            f"(for example {rule.example!r})."
        )
    return value


def profile_url(network: str, handle: str) -> str:
    """The public profile address for a canonical handle ('' when there is no rule for it)."""
    if network == Network.BLUESKY:
        return f"https://bsky.app/profile/{handle}"
    if network == Network.MASTODON:
        user, _, server = handle.lstrip("@").partition("@")
        return f"https://{server}/@{user}" if server else ""
    rule = RULES.get(network)
    return rule.profile.format(handle=handle) if rule and rule.profile else ""


def default_service_url(network: str, handle: str) -> str:
    """The server to talk to when none is given: the Mastodon instance in the address."""
    if network == Network.MASTODON:
        server = handle.lstrip("@").partition("@")[2]
        return f"https://{server}" if server else ""
    return ""


def same_account(network: str, a: str, b: str) -> bool:
    """Whether two spellings name the same account (connectors may answer with a short form)."""

    def core(h: str) -> str:
        h = h.strip().lstrip("@").lower()
        return h.split("@")[0] if network == Network.MASTODON else h

    return core(a) == core(b)
