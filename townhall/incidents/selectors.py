from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from townhall.core.permissions import can
from townhall.incidents.models import Incident


def visible_incidents(user: Any) -> QuerySet[Incident]:
    """Governance sees every report; anyone else the reports they made and those assigned to them."""
    qs = Incident.objects.select_related("created_by", "assigned_to", "account")
    if can(user, "incident.manage"):
        return qs
    return qs.filter(Q(created_by=user) | Q(assigned_to=user))


def reporter_label(user: Any, incident: Incident) -> str:
    """The reporter's name, or "withheld at their request" for assignees when they asked."""
    if incident.withhold_name and not can(user, "incident.manage") and incident.created_by_id != user.pk:
        return "Withheld at the reporter's request"
    return incident.created_by.label


def dashboard_cards(user: Any) -> list[dict[str, Any]]:
    if not can(user, "incident.manage"):
        return []
    open_count = Incident.objects.filter(status__in=["new", "triaging", "escalated"]).count()
    high = Incident.objects.filter(status__in=["new", "triaging", "escalated"], severity="high").count()
    return [
        {
            "title": "Open incidents",
            "value": open_count,
            "note": f"{high} high severity" if high else "none high severity",
            "url": "/incidents/",
            "link": "Triage incidents",
        }
    ]
