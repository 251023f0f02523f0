"""Tracked links: creation (audited), the redirect lookup, and click recording.

Click recording is one atomic upsert per click into a per-day counter row
(``INSERT … ON CONFLICT … DO UPDATE SET n = n + 1``, the same SQL on PostgreSQL and SQLite), so
concurrent clicks never overwrite each other and a click is counted before the redirect is sent.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from townhall.audit.services import record, snapshot
from townhall.core.permissions import require
from townhall.links.models import Link
from townhall.links.safety import UnsafeTarget, device_class, is_bot, referrer_network, safe_target

ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/l/I look-alikes
CODE_LENGTH = 7
_CODE = re.compile(r"^[A-Za-z0-9]{4,16}$")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def with_utm(target: str, *, source: str, campaign: str, content: str = "") -> str:
    """The target with utm_source/medium/campaign (and utm_content) set; other parameters kept,
    earlier UTM parameters replaced."""
    parts = urlsplit(target)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.startswith("utm_")]
    query += [("utm_source", source or "townhall"), ("utm_medium", "social"), ("utm_campaign", campaign or "social")]
    if content:
        query.append(("utm_content", content))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def create_link(
    user: Any,
    target: str,
    *,
    account=None,
    campaign=None,
    post=None,
    network: str = "",
    expires_at: datetime | None = None,
    org_unit=None,
    audit: bool = True,
) -> Link:
    """A new tracked link. The target is checked first (http(s) only, no open-redirect tricks).

    UTM: source = the network (the account's, unless given), medium = social, campaign = the
    campaign's name, else the account's handle."""
    try:
        clean = safe_target(target)
    except UnsafeTarget as exc:
        raise ValidationError(str(exc)) from None
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError("The expiry time is already past.")
    unit = org_unit or (account.org_unit if account is not None else None) or (
        campaign.org_unit if campaign is not None else None) or getattr(user, "org_unit", None)
    link = Link(account=account, campaign=campaign, post=post, org_unit=unit, created_by=user, expires_at=expires_at)
    require(user, "link.create", link)
    link.network = network or (account.network if account is not None else "")
    handle = account.handle.lstrip("@") if account is not None else ""
    link.campaign_name = campaign.utm_name if campaign is not None else handle or "social"
    link.target = clean
    link.destination = with_utm(clean, source=link.network, campaign=link.campaign_name,
                                content=f"post-{post.pk}" if post is not None else "")
    with transaction.atomic():
        for _ in range(8):
            link.code = new_code()
            if not Link.objects.filter(code=link.code).exists():
                break
        link.save()
        if audit:
            record(user, "link.created", link, after=snapshot(link))
    return link


def set_expiry(user: Any, link: Link, expires_at: datetime | None) -> Link:
    require(user, "link.create", link)
    before = {"expires_at": link.expires_at.isoformat() if link.expires_at else None}
    with transaction.atomic():
        link.expires_at = expires_at
        link.save(update_fields=["expires_at"])
        record(user, "link.expiry_changed", link, before=before,
               after={"expires_at": expires_at.isoformat() if expires_at else None})
    forget(link.code)
    return link


# --- The redirect path: a small in-process cache, then one upsert per click ---------------------

@dataclass(frozen=True)
class Resolved:
    id: int
    destination: str
    expires_at: datetime | None


_CACHE: dict[str, tuple[float, Resolved | None]] = {}
_CACHE_LOCK = threading.Lock()
CACHE_SECONDS = 30.0
CACHE_MAX = 20_000


def forget(code: str) -> None:
    with _CACHE_LOCK:
        _CACHE.pop(code, None)


def resolve(code: str) -> Resolved | None:
    """The link for a code, cached for 30 s in this process (an expiry change made elsewhere takes
    effect within that time; one made in this process at once)."""
    if not _CODE.match(code):
        return None
    now = time.monotonic()
    hit = _CACHE.get(code)
    if hit is not None and now - hit[0] < CACHE_SECONDS:
        return hit[1]
    row = Link.objects.filter(code=code).values_list("id", "destination", "expires_at").first()
    value = Resolved(*row) if row else None
    with _CACHE_LOCK:
        if len(_CACHE) >= CACHE_MAX:
            _CACHE.clear()
        _CACHE[code] = (now, value)
    return value


_SQLITE_WRITE = threading.Lock()
_UPSERT = (
    "INSERT INTO links_clickcount (link_id, day, bot, referrer, device, n) VALUES (%s, %s, %s, %s, %s, 1) "
    "ON CONFLICT (link_id, day, bot, referrer, device) DO UPDATE SET n = links_clickcount.n + 1"
)


def count_click(link_id: int, *, user_agent: str, referer: str, method: str = "GET", day=None) -> None:
    """Count one click: an atomic upsert, one statement, in its own (autocommit) transaction.

    Nothing about the visitor is kept beyond bot-or-person, the referring network in one word and
    the device class."""
    day = day or timezone.localdate()
    ua = user_agent[:512]
    cells = (link_id, day, is_bot(ua, method), referrer_network(referer[:512]), device_class(ua))
    if connection.vendor == "sqlite":
        # SQLite has one writer at a time and its busy handler sleeps (1, 2, 5 … ms) when a
        # write finds the lock taken; taking turns inside the process avoids those sleeps.
        with _SQLITE_WRITE, connection.cursor() as cursor:
            cursor.execute(_UPSERT, cells)
        return
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, cells)
