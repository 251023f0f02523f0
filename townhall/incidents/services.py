"""Reporting and triaging incidents; every step is in the audit trail."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from townhall.audit.services import record, snapshot
from townhall.core.permissions import require
from townhall.incidents.models import Incident

FIELDS = ["kind", "status", "severity", "assigned_to", "resolution", "closed_at"]
# Which statuses may follow which: closed and actioned reports may be reopened for triage.
TRANSITIONS = {
    Incident.Status.NEW: {Incident.Status.TRIAGING, Incident.Status.ACTIONED, Incident.Status.CLOSED},
    Incident.Status.TRIAGING: {Incident.Status.ACTIONED, Incident.Status.CLOSED},
    Incident.Status.ACTIONED: {Incident.Status.TRIAGING},
    Incident.Status.CLOSED: {Incident.Status.TRIAGING},
}


def report(
    reporter: Any, *, kind: str, description: str, url: str = "", network: str = "", account=None
) -> Incident:
    require(reporter, "incident.report")
    description = (description or "").strip()
    if kind not in Incident.Kind.values:
        raise ValidationError(f"Unknown kind of incident {kind!r}.")
    if len(description) < 10:
        raise ValidationError("Describe what happened in a sentence or two (at least 10 characters).")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationError("The link must be a full web address starting with https://.") from None
    severity = Incident.Severity.HIGH if kind in ("compromised", "data_leak") else Incident.Severity.MEDIUM
    with transaction.atomic():
        incident = Incident.objects.create(
            kind=kind, description=description[:5000], url=url, network=network[:30],
            account=account, severity=severity, created_by=reporter,
        )
        record(reporter, "incident.reported", incident, after=snapshot(incident, FIELDS))
    return incident


def triage(
    actor: Any,
    incident: Incident,
    *,
    status: str | None = None,
    severity: str | None = None,
    assigned_to=None,
    resolution: str | None = None,
) -> Incident:
    require(actor, "incident.manage", incident)
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        before = snapshot(incident, FIELDS)
        if status and status != incident.status:
            if status not in TRANSITIONS.get(incident.status, set()):
                raise ValidationError(
                    f"An incident that is {incident.get_status_display().lower()} cannot become "
                    f"{Incident.Status(status).label.lower()}."
                )
            if status in (Incident.Status.ACTIONED, Incident.Status.CLOSED):
                if not (resolution or incident.resolution).strip():
                    raise ValidationError("Say what was done (or why nothing was needed) before closing.")
                incident.closed_at = timezone.now()
            else:
                incident.closed_at = None
            incident.status = status
        if severity:
            if severity not in Incident.Severity.values:
                raise ValidationError(f"Unknown severity {severity!r}.")
            incident.severity = severity
        if assigned_to is not None:
            if not assigned_to.has_role("governance", "admin", "digital"):
                raise PermissionDenied("Incidents can be assigned to governance, digital team or admin users only.")
            incident.assigned_to = assigned_to
        if resolution is not None:
            incident.resolution = resolution.strip()[:5000]
        incident.save()
        record(actor, "incident.updated", incident, before=before, after=snapshot(incident, FIELDS))
    return incident
