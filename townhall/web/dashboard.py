"""Home-page cards. Each app may contribute `dashboard_cards(user)` in its selectors module."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

from townhall.core.permissions import can

APPS = ["registry", "publishing", "listening", "inbox", "incidents", "analytics"]


def providers(name: str) -> Iterator[Callable[..., list[dict[str, Any]]]]:
    """Each app's ``name`` function from its selectors module, in APPS order (the apps' way of
    adding home-page cards, status checks...); apps without one are skipped."""
    for app in APPS:
        try:
            module = importlib.import_module(f"townhall.{app}.selectors")
        except ModuleNotFoundError:
            continue
        provider = getattr(module, name, None)
        if provider:
            yield provider


def cards(user: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for provider in providers("dashboard_cards"):
        out.extend(provider(user))
    if can(user, "audit.view"):
        from townhall.audit.models import AuditHead

        head = AuditHead.objects.filter(pk=1).first()
        out.append(
            {
                "title": "Audit trail",
                "value": head.seq if head else 0,
                "note": "governance actions recorded, hash-chained",
                "url": "/audit/",
                "link": "Open the audit trail",
            }
        )
    return out
