"""Home-page cards. Each app may contribute `dashboard_cards(user)` in its selectors module."""

from __future__ import annotations

import importlib
from typing import Any

from townhall.core.permissions import can

APPS = ["registry", "publishing", "listening", "inbox", "incidents", "analytics"]


def cards(user: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for app in APPS:
        try:
            module = importlib.import_module(f"townhall.{app}.selectors")
        except ModuleNotFoundError:
            continue
        provider = getattr(module, "dashboard_cards", None)
        if provider:
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
