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

from django.core.exceptions import PermissionDenied, ValidationError
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


# --- Links inside posts -------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\"…"


def find_urls(text: str) -> list[str]:
    """Web addresses in a post's text, without the punctuation that ends a sentence."""
    out = []
    for match in _URL.finditer(text or ""):
        url = match.group(0).rstrip(_TRAILING)
        if url and url not in out:
            out.append(url)
    return out


def _short_prefix() -> str:
    from django.conf import settings

    return settings.TOWNHALL_SHORT_BASE_URL + "/l/"


def trackable(url: str, keep: set[str] | frozenset[str] = frozenset()) -> bool:
    if url in keep or url.startswith(_short_prefix()):
        return False
    try:
        safe_target(url)
    except UnsafeTarget:
        return False
    return True


def short_length() -> int:
    return len(_short_prefix()) + CODE_LENGTH


def preview_text(text: str, keep: set[str] | frozenset[str] = frozenset()) -> str:
    """The text as it will be published, for the length count: each link that will be tracked
    replaced by a placeholder as long as a short link."""
    placeholder = _short_prefix() + "X" * CODE_LENGTH
    for url in find_urls(text):
        if trackable(url, keep):
            text = text.replace(url, placeholder)
    return text


def links_in(texts: list[str], keep: set[str] | frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """For the composer: each link, whether it will be tracked, and whether it can be."""
    rows = []
    for text in texts:
        for url in find_urls(text):
            if url.startswith(_short_prefix()) or any(r["url"] == url for r in rows):
                continue
            rows.append({"url": url, "keep": url in keep, "can_track": trackable(url)})
    return rows


def remember_kept(post, urls: list[str]) -> None:
    """The links the author chose to leave untracked (replaces the earlier choice)."""
    from townhall.links.models import KeepLink

    present = set(find_urls("\n".join(post.parts)))
    KeepLink.objects.filter(post=post).delete()
    KeepLink.objects.bulk_create([KeepLink(post=post, url=u[:2048]) for u in set(urls) if u in present])


def kept(post) -> set[str]:
    from townhall.links.models import KeepLink

    return set(KeepLink.objects.filter(post=post).values_list("url", flat=True))


def flagged_links(post) -> set[str]:
    """Links that the policy check finds something in (a token in a query string, a confidential
    path): they stay as written, so the check at submit and the approvers still see them and a
    short link never hides a problem. The length rule is the exception: shortening is its fix."""
    from townhall.publishing.services import policy_findings

    spans: dict[int, list[tuple[int, int]]] = {}
    for f in policy_findings(post):
        span = f.get("span")
        if f.get("severity") in ("warn", "block") and span and f.get("code") != "PLT001":
            spans.setdefault(int(f.get("part") or 0), []).append((int(span[0]), int(span[1])))
    flagged = set()
    for index, part in enumerate(post.parts):
        for start, end in spans.get(index, []):
            for match in _URL.finditer(part):
                url = match.group(0).rstrip(_TRAILING)
                if match.start() < end and start < match.start() + len(url):
                    flagged.add(url)
    return flagged


def track_post(post, actor: Any = None) -> list[Link]:
    """Turn the post's links into tracked links (the same target reuses one link per post).

    Called when a post is submitted, so approvers see exactly what will be published and the
    length check counts the short link. Links the author kept, links already short and links
    that cannot be targets are left as written."""
    keep = kept(post) | flagged_links(post)
    accounts = [d.account for d in post.deliveries.select_related("account")]
    networks = {a.network for a in accounts}
    account = accounts[0] if accounts else None
    campaign = post.campaigns.first() if hasattr(post, "campaigns") else None
    made: dict[str, Link] = {link.target: link for link in Link.objects.filter(post=post)}
    parts = list(post.parts)
    changed = False
    for i, part in enumerate(parts):
        for url in find_urls(part):
            if not trackable(url, keep):
                continue
            clean = safe_target(url)
            link = made.get(clean)
            if link is None:
                try:
                    link = create_link(
                        actor or post.created_by, url, account=account, campaign=campaign, post=post,
                        network=next(iter(networks)) if len(networks) == 1 else "social", org_unit=post.org_unit,
                    )
                except (PermissionDenied, ValidationError):
                    continue
                made[clean] = link
            parts[i] = re.sub(re.escape(url) + r"(?![\w/?#=&%~+-])", link.short_url, parts[i])
            changed = True
    if changed:
        post.text = parts[0]
        post.thread = parts[1:]
        type(post).objects.filter(pk=post.pk).update(text=post.text, thread=post.thread)
    return list(made.values())
