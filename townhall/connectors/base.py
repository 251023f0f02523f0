"""The interface every network connector implements, and the errors it maps to.

Connectors are plain Python (no Django models): publishing and the registry pass them
decrypted credentials and get back plain results. Errors are mapped into two kinds so
callers can decide: `TransientError` (retry with back-off; `retry_after` when the
network said so) and `PermanentError` (show the network's reason to the author).
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol


class ConnectorError(Exception):
    """Base class; `reason` is the network's own words, safe to show to the author.

    `retry_after` is how long the network asked us to wait, in seconds, kept only when it is
    usable (see `usable_retry_after`).
    """

    # The longest wait a server's retry time may impose (docs/publishing.md: at most 30 minutes).
    MAX_RETRY_AFTER = 1800.0

    def __init__(self, reason: str, *, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = usable_retry_after(retry_after)


# How long to wait on a rate limit that names no usable time (every connector).
DEFAULT_RATE_WAIT = 60.0


def usable_retry_after(seconds: float | None) -> float | None:
    """A server's retry time bounded to `ConnectorError.MAX_RETRY_AFTER`, or None when it says nothing usable.

    The value comes from a header any server or proxy can fill with anything: a huge one parked a
    delivery for centuries, an infinite one made the worker's back-off overflow (reliability review
    of 2026-12-06). Not a number, or not above zero: None, and the usual back-off applies.
    """
    if seconds is None:
        return None
    try:
        value = float(seconds)
    except (TypeError, ValueError):
        return None
    if math.isnan(value) or value <= 0:
        return None
    return min(value, ConnectorError.MAX_RETRY_AFTER)


class TransientError(ConnectorError):
    """Network down, timeout, 5xx, rate limited: try again later."""


class PermanentError(ConnectorError):
    """Bad credentials, revoked access, content rejected: a person must act."""


class UncertainError(PermanentError):
    """The connector cannot tell whether an earlier attempt published the post.

    Raised by `find_published` instead of guessing: marking a delivery published under
    another post's id, or sending a second copy, are both worse than asking a person to look.
    `candidates` are the URLs of statuses that might be it.
    """

    def __init__(self, reason: str, *, candidates: tuple[str, ...] = ()):
        super().__init__(reason)
        self.candidates = candidates


@dataclass(frozen=True)
class Credentials:
    handle: str
    # App password or access token. Kept out of repr: a log line, an error report or a traceback
    # with local variables that shows a Credentials must not show the secret.
    secret: str = field(repr=False)
    service_url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AccountInfo:
    handle: str
    remote_id: str  # the network's stable id (a DID on Bluesky, an account id on Mastodon)
    display_name: str = ""
    profile_url: str = ""


@dataclass(frozen=True)
class Image:
    data: bytes
    mime_type: str
    alt: str


@dataclass(frozen=True)
class PublishRequest:
    text: str
    idempotency_key: str  # stable per post and account: the network must not publish it twice
    images: tuple[Image, ...] = ()
    reply_to: str | None = None  # remote id/uri of the parent, for replies and threads
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PublishResult:
    remote_id: str  # e.g. at:// URI or status id
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class Connector(Protocol):
    network: str

    def verify_credentials(self, creds: Credentials) -> AccountInfo: ...

    def publish(self, creds: Credentials, request: PublishRequest) -> PublishResult: ...

    # How long the network itself refuses a second post under the same key: None = forever
    # (Bluesky: the record key), a timedelta where the network forgets keys (Mastodon: an hour).
    idempotency_window: timedelta | None

    def find_published(
        self,
        creds: Credentials,
        idempotency_key: str,
        request: PublishRequest | None = None,
        *,
        sent_since: datetime | None = None,
        exclude_ids: Collection[str] = (),
    ) -> PublishResult | None:
        """Reconcile after a crash: the post if it is already on the network, else None.

        None promises that publishing `request` with the same key cannot create a second
        post (it is not there, or the network will answer the resend with the first post).
        `sent_since` is when a request with this key may first have reached the network;
        `exclude_ids` are remote ids known to belong to other deliveries. A connector that
        cannot be sure raises `UncertainError`; it never guesses.
        """
        ...

    def delete(self, creds: Credentials, remote_id: str) -> None: ...

    def fetch_metrics(self, creds: Credentials, remote_id: str) -> dict[str, int]:
        """Interaction counts under the keys likes, reposts, replies (and quotes where known)."""
        ...


CONNECTORS = {
    "bluesky": "townhall.connectors.bluesky",
    "mastodon": "townhall.connectors.mastodon",
}


def get_connector(network: str) -> Connector:
    """The connector for a network, or PermanentError naming the networks that have one."""
    module_path = CONNECTORS.get(network)
    if module_path is None:
        from townhall.web.templatetags.townhall_ui import network_name

        can = " and ".join(network_name(n) for n in sorted(CONNECTORS))
        raise PermanentError(f"Townhall cannot post to {network_name(network)} yet; it posts to {can}.")
    return importlib.import_module(module_path).connector
