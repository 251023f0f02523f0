"""Navigation shared by every page: one list, so the menu and the permission checks agree."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

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


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": []}
    items = []
    for label, name, perm in SECTIONS:
        if not can(user, perm):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "current": request.path.startswith(url)})
    if can(user, "audit.view"):
        items.append({"label": "Audit", "url": reverse("web:audit"), "current": request.path.startswith("/audit")})
    if can(user, "system.view"):
        items.append({"label": "Status", "url": reverse("web:status"), "current": request.path.startswith("/status")})
    if user.is_staff:
        items.append({"label": "Admin", "url": reverse("admin:index"), "current": False})
    return {"nav": items}
