"""Reporting and triaging incidents; every step is in the audit trail."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from townhall.audit.services import record, snapshot
from townhall.core.mail import email_people
from townhall.core.models import User
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
        governance = User.objects.filter(role__in=[User.Role.GOVERNANCE, User.Role.ADMIN], is_active=True)
        email_people(governance, f"New incident #{incident.pk}: {incident.get_kind_display()} "
                     f"({incident.get_severity_display().lower()} severity)", description[:1000], _url(incident))
    return incident


def _url(incident: Incident) -> str:
    return reverse("incidents:detail", args=[incident.pk])


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
                outcome = (resolution or incident.resolution).strip()
                done = Incident.Status(status).label.lower()
                email_people([incident.created_by], f"Your report #{incident.pk} is {done}",
                             f"Thank you for reporting it. What was done: {outcome}", _url(incident))
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
            if assigned_to.pk != incident.assigned_to_id and assigned_to.pk != actor.pk:
                email_people([assigned_to], f"Incident #{incident.pk} is assigned to you",
                             f"{actor.get_full_name() or actor.username} asks you to handle incident "
                             f"#{incident.pk} ({incident.get_kind_display()}).", _url(incident))
            incident.assigned_to = assigned_to
        if resolution is not None:
            incident.resolution = resolution.strip()[:5000]
        incident.save()
        record(actor, "incident.updated", incident, before=before, after=snapshot(incident, FIELDS))
    return incident
