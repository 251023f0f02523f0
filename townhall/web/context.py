"""Navigation shared by every page: one list, so the menu and the permission checks agree.

The menu puts a person's daily work first ("My posts", "Approvals" with a count for people who
approve, notifications with an unread count in the header) and folds the oversight pages an
administrator rarely needs into one "More" menu, so the bar stays on one line at 1366 px.
"""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from townhall.core.permissions import can

# (label, url name, permission needed to see the link)
SECTIONS = [
    ("Compose", "publishing:compose", "policy.view"),
    ("Calendar", "publishing:calendar", "policy.view"),
    ("Accounts", "registry:index", "account.view"),
    ("Listening", "listening:index", "listening.view"),
    ("Inbox", "inbox:index", "policy.view"),
    ("Incidents", "incidents:index", "incident.report"),
    ("Analytics", "analytics:index", "policy.view"),
    ("Policy", "web:policy", "policy.view"),
]
# Pages for oversight, shown under "More" (label, url name, permission or None for Django staff).
MORE = [
    ("Audit trail", "web:audit", "audit.view"),
    ("System status", "web:status", "system.view"),
    ("Administration", "admin:index", None),
]


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _activate_reader_zone(user: Any) -> None:
    """Times on the page render in the reader's zone (set on their settings page)."""
    zone = getattr(user, "time_zone", "") if user is not None and user.is_authenticated else ""
    if zone:
        try:
            timezone.activate(zone)
        except (KeyError, ValueError):  # an unknown zone name (ZoneInfoNotFoundError) falls back to the site's zone
            timezone.deactivate()
        return
    timezone.deactivate()


def _counts(user: Any) -> tuple[int | None, int]:
    """(posts waiting for this person's approval or None if they approve nothing, unread notes)."""
    try:
        from townhall.publishing import selectors
    except ImportError:  # pragma: no cover - publishing is always installed
        return None, 0
    approves = (user.has_role("digital", "governance", "admin") or user.review_units.exists()
                or user.owned_accounts.exists())
    waiting = selectors.awaiting(user)
    approvals = len(waiting) if (approves or waiting) else None
    return approvals, selectors.unread_notifications(user).count()


def navigation(request) -> dict[str, Any]:
    user = getattr(request, "user", None)
    _activate_reader_zone(user)
    if user is None or not user.is_authenticated:
        return {"nav": [], "nav_more": []}
    path = request.path
    items: list[dict[str, Any]] = []
    posts_url = _url("publishing:index")
    if posts_url and can(user, "policy.view"):
        approvals, unread = _counts(user)
        detail = path.startswith(posts_url) and not any(
            path.startswith(u) for u in filter(None, [_url("publishing:compose"), _url("publishing:calendar")]))
        items.append({"label": "My posts", "url": posts_url, "current": detail})
        if approvals is not None:
            items.append({"label": "Approvals", "url": posts_url + "#approvals", "count": approvals,
                          "count_label": f"{approvals} waiting", "current": False})
    else:
        unread = 0
    for label, name, perm in SECTIONS:
        url = _url(name)
        if url is None or not can(user, perm):
            continue
        items.append({"label": label, "url": url, "current": path.startswith(url)})
    more = []
    for label, name, perm in MORE:
        allowed = user.is_staff if perm is None else can(user, perm)
        url = _url(name)
        if allowed and url:
            more.append({"label": label, "url": url, "current": perm is not None and path.startswith(url)})
    notes_url = (posts_url + "#notifications") if posts_url else None
    return {"nav": items, "nav_more": more, "nav_unread": unread, "nav_notes_url": notes_url,
            "nav_back": back_link(path, items + more)}


def back_link(path: str, items: list[dict[str, Any]]) -> dict[str, str] | None:
    """On a page below a section (a post, an account, an incident), the way back to its list.

    The section is the menu entry with the longest address that starts the page's address, so
    every object page links back to its list without each template having to remember to."""
    best = None
    for item in items:
        url = item["url"]
        if "#" in url or url == "/" or not path.startswith(url) or path == url:
            continue
        if best is None or len(url) > len(best["url"]):
            best = item
    return {"label": best["label"], "url": best["url"]} if best else None
