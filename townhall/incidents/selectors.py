from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from townhall.core.permissions import can
from townhall.incidents.models import Incident


def visible_incidents(user: Any) -> QuerySet[Incident]:
    """Governance sees every report; anyone else sees the reports they made."""
    qs = Incident.objects.select_related("created_by", "assigned_to", "account")
    if can(user, "incident.manage"):
        return qs
    return qs.filter(created_by=user)


def dashboard_cards(user: Any) -> list[dict[str, Any]]:
    if not can(user, "incident.manage"):
        return []
    open_count = Incident.objects.filter(status__in=["new", "triaging"]).count()
    high = Incident.objects.filter(status__in=["new", "triaging"], severity="high").count()
    return [
        {
            "title": "Open incidents",
            "value": open_count,
            "note": f"{high} high severity" if high else "none high severity",
            "url": "/incidents/",
            "link": "Triage incidents",
        }
    ]
