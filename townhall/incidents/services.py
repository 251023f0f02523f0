"""Reporting and triaging incidents; every step is in the audit trail."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from townhall.audit.services import record, snapshot
from townhall.core.mail import email_people
from townhall.core.models import User
from townhall.core.permissions import require
from townhall.incidents import evidence
from townhall.incidents.models import Event, Incident, IncidentNotice, IncidentSettings

FIELDS = ["kind", "status", "severity", "assigned_to", "resolution", "closed_at", "legal_hold"]
# Which statuses may follow which: closed and actioned reports may be reopened for triage.
_OPEN_NEXT = {Incident.Status.TRIAGING, Incident.Status.ESCALATED, Incident.Status.ACTIONED, Incident.Status.CLOSED}
TRANSITIONS = {
    Incident.Status.NEW: _OPEN_NEXT,
    Incident.Status.TRIAGING: _OPEN_NEXT - {Incident.Status.TRIAGING},
    Incident.Status.ESCALATED: _OPEN_NEXT - {Incident.Status.ESCALATED},
    Incident.Status.ACTIONED: {Incident.Status.TRIAGING},
    Incident.Status.CLOSED: {Incident.Status.TRIAGING},
}


def report(
    reporter: Any, *, kind: str, description: str, url: str = "", network: str = "", account=None,
    source: tuple[str, int] | None = None, files: list[Any] | None = None, withhold_name: bool = False,
) -> Incident:
    """File a report; `source` is ("mention"|"conversation"|"post", id) and is captured as it is now.

    Evidence files are checked (type sniffed from the bytes, size) before anything is stored:
    one bad file refuses the whole report with the reason, and nothing is kept.
    """
    require(reporter, "incident.report")
    checked = [evidence.check_upload(f) for f in (files or [])]
    captured: dict[str, Any] = {}
    if source:
        captured = evidence.capture(reporter, *source)
        url = url or captured.get("url", "")
        network = network or captured.get("network", "")
        account = account or evidence.account_of(*source)
    description = (description or "").strip()
    if kind not in Incident.Kind.values:
        raise ValidationError(f"Unknown kind of incident {kind!r}.")
    if len(description) < 10:
        raise ValidationError("Describe what happened in a sentence or two (at least 10 characters).")
    if url:
        limit = Incident._meta.get_field("url").max_length
        if len(url) > limit:
            raise ValidationError(f"The link is longer than {limit} characters; give a shorter one (or none).")
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationError("The link must be a full web address starting with https://.") from None
    severity = Incident.Severity.HIGH if kind in ("compromised", "data_leak") else Incident.Severity.MEDIUM
    now = timezone.now()
    with transaction.atomic():
        incident = Incident.objects.create(
            kind=kind, description=description[:5000], url=url, network=network[:30],
            account=account, severity=severity, created_by=reporter, created_at=now,
            source_kind=source[0] if source else "", source_id=source[1] if source else None,
            captured=captured, withhold_name=bool(withhold_name),
            due_at=now + timedelta(hours=IncidentSettings.get().target_hours(severity)),
        )
        for upload in checked:
            evidence.store(incident, reporter, upload)
        # A reporter who asked to stay unnamed is not named on the timeline assignees read either.
        event(incident, None if withhold_name else reporter, Event.Kind.REPORTED,
              f"Reported: {incident.get_kind_display()}.")
        record(reporter, "incident.reported", incident, after={
            **snapshot(incident, FIELDS), "source": incident.source_kind, "source_id": incident.source_id,
            "evidence": [e.sha256 for e in incident.evidence.all()],
        })
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
    incident = Incident.objects.get(pk=incident.pk)  # who it is assigned to now, not when it was read
    require(actor, "incident.work", incident)
    if assigned_to is not None or severity:
        require(actor, "incident.manage", incident)  # assignees work the case; governance assigns
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
            if severity != incident.severity and incident.is_open:
                hours = IncidentSettings.get().target_hours(severity)
                incident.due_at = incident.created_at + timedelta(hours=hours)
                incident.reminded_at = None
            incident.severity = severity
        if assigned_to is not None:
            if not assigned_to.is_active:
                raise ValidationError("Incidents can be assigned only to people who can sign in.")
            if assigned_to.pk != incident.assigned_to_id and assigned_to.pk != actor.pk:
                notify([assigned_to], incident, f"{actor.label} asks you to handle incident #{incident.pk} "
                       f"({incident.get_kind_display()}).")
            incident.assigned_to = assigned_to
        if resolution is not None:
            incident.resolution = resolution.strip()[:5000]
        incident.save()
        after = snapshot(incident, FIELDS)
        changed = [k for k in FIELDS if before.get(k, before.get(f"{k}_id")) != after.get(k, after.get(f"{k}_id"))]
        if changed:
            event(incident, actor, Event.Kind.CHANGE, describe_changes(incident, changed))
        record(actor, "incident.updated", incident, before=before, after=after)
    return incident


def describe_changes(incident: Incident, changed: list[str]) -> str:
    """The timeline's words for a change (no field names on screen)."""
    words = []
    for name in changed:
        if name == "status":
            words.append(f"status is now {incident.get_status_display().lower()}")
        elif name == "severity":
            words.append(f"severity is now {incident.get_severity_display().lower()}")
        elif name == "assigned_to":
            who = incident.assigned_to.label if incident.assigned_to else "nobody"
            words.append(f"assigned to {who}")
        elif name == "resolution":
            words.append("what was done was updated")
        elif name == "legal_hold":
            words.append("legal hold " + ("placed" if incident.legal_hold else "lifted"))
    return ("; ".join(words) or "updated").capitalize() + "."


def event(incident: Incident, actor: Any, kind: str, text: str) -> Event:
    return Event.objects.create(incident=incident, actor=actor if getattr(actor, "pk", None) else None,
                                kind=kind, text=text[:5000])


def notify(users: list[Any], incident: Incident | None, message: str) -> None:
    """In-app always; an e-mail copy when SMTP is set up (core.mail decides)."""
    people = [u for u in users if getattr(u, "pk", None)]
    IncidentNotice.objects.bulk_create(
        [IncidentNotice(user=u, incident=incident, message=message[:500]) for u in people]
    )
    email_people(people, message, message, _url(incident) if incident else "")


def comment(actor: Any, incident: Incident, text: str) -> Event:
    incident = Incident.objects.get(pk=incident.pk)  # who it is assigned to now, not when it was read
    require(actor, "incident.work", incident)
    text = (text or "").strip()
    if not text:
        raise ValidationError("The comment is empty.")
    if len(text) > 5000:
        raise ValidationError("Keep a comment under 5,000 characters.")
    with transaction.atomic():
        row = event(incident, actor, Event.Kind.COMMENT, text)
        # The audit trail outlives the case (retention deletes cases, never the trail), so it keeps
        # that a comment was made and its fingerprint, not its words (security review of 2026-12-06).
        record(actor, "incident.comment", incident,
               after={"comment_length": len(text), "comment_fingerprint": hashlib.sha256(text.encode()).hexdigest()})
        others = {incident.assigned_to_id} | set(
            User.objects.filter(role__in=[User.Role.GOVERNANCE, User.Role.ADMIN], is_active=True)
            .values_list("pk", flat=True)
        )
        others -= {actor.pk, None}
        notify(list(User.objects.filter(pk__in=others)), incident,
               f"{actor.label} commented on incident #{incident.pk}.")
    return row


def add_evidence(actor: Any, incident: Incident, upload: Any) -> Any:
    return add_evidence_files(actor, incident, [upload])[0]


def add_evidence_files(actor: Any, incident: Incident, uploads: list[Any]) -> list[Any]:
    """Add several files at once: all are checked before any is stored, so a bad third file
    leaves none stored (review of 2026-12-06: the first two stayed behind an error)."""
    incident = Incident.objects.get(pk=incident.pk)  # who it is assigned to now, not when it was read
    require(actor, "incident.work", incident)
    checked = [evidence.check_upload(upload) for upload in uploads]
    rows = []
    with transaction.atomic():
        for item in checked:
            row = evidence.store(incident, actor, item)
            event(incident, actor, Event.Kind.EVIDENCE, f"Evidence added: {row.name} (SHA-256 {row.sha256[:12]}…).")
            record(actor, "incident.evidence", incident, after={"name": row.name, "sha256": row.sha256})
            rows.append(row)
    return rows


def link(actor: Any, incident: Incident, other: Incident) -> None:
    require(actor, "incident.manage", incident)
    if other.pk == incident.pk:
        raise ValidationError("An incident cannot be linked to itself.")
    with transaction.atomic():
        incident.linked.add(other)
        event(incident, actor, Event.Kind.CHANGE, f"Linked to incident #{other.pk}.")
        event(other, actor, Event.Kind.CHANGE, f"Linked to incident #{incident.pk}.")
        record(actor, "incident.linked", incident, after={"linked": other.pk})


def set_legal_hold(actor: Any, incident: Incident, held: bool) -> None:
    require(actor, "incident.manage", incident)
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        if incident.legal_hold == held:
            return
        incident.legal_hold = held
        incident.save(update_fields=["legal_hold"])
        event(incident, actor, Event.Kind.CHANGE, describe_changes(incident, ["legal_hold"]))
        record(actor, "incident.legal_hold", incident, after={"legal_hold": held})


def director() -> tuple[str, str, list[User]]:
    """The Director of Governance from the institution's settings: name, contact and matching users.

    The contact is matched to a Townhall user by e-mail address; without one, every governance
    user is told, and the contact address is e-mailed when it is one and SMTP is set up.
    """
    from townhall.policies.selectors import institution

    inst = institution()
    name = (inst.governance_name if inst else "") or "the Director of Governance"
    contact = (inst.governance_contact if inst else "") or ""
    users = list(User.objects.filter(email__iexact=contact, is_active=True)) if "@" in contact else []
    return name, contact, users


def remind_and_escalate(now: Any = None) -> dict[str, int]:
    """Remind assignees before a response target passes; escalate to the Director once it has."""
    now = now or timezone.now()
    conf = IncidentSettings.get()
    open_states = [Incident.Status.NEW, Incident.Status.TRIAGING]
    counts = {"reminded": 0, "escalated": 0}
    soon = now + timedelta(hours=conf.remind_before_hours)
    for incident in Incident.objects.filter(status__in=open_states, due_at__gt=now, due_at__lte=soon,
                                            reminded_at__isnull=True):
        with transaction.atomic():
            if Incident.objects.filter(pk=incident.pk, reminded_at__isnull=True).update(reminded_at=now) != 1:
                continue
            people = [incident.assigned_to] if incident.assigned_to else _governance()
            notify(people, incident, f"Incident #{incident.pk} needs a response by "
                   f"{timezone.localtime(incident.due_at):%d %b %H:%M}.")
            event(incident, None, Event.Kind.REMINDER, "Reminder sent: the response target is close.")
            counts["reminded"] += 1
    for incident in Incident.objects.filter(status__in=open_states, due_at__lte=now, escalated_at__isnull=True):
        with transaction.atomic():
            if Incident.objects.filter(pk=incident.pk, escalated_at__isnull=True).update(
                escalated_at=now, status=Incident.Status.ESCALATED
            ) != 1:
                continue
            name, contact, users = director()
            message = (f"Incident #{incident.pk} ({incident.get_kind_display()}, "
                       f"{incident.get_severity_display().lower()} severity) missed its response target and is "
                       f"escalated to {name}.")
            notify(users or _governance(), incident, message)
            if contact and "@" in contact and not users:
                _email_address(contact, message, _url(incident))
            if incident.assigned_to and incident.assigned_to not in users:
                notify([incident.assigned_to], incident, message)
            event(incident, None, Event.Kind.ESCALATION, f"Response target missed: escalated to {name}.")
            record(None, "incident.escalated", incident, after={"director": name, "contact": contact})
            counts["escalated"] += 1
    return counts


def _governance() -> list[User]:
    return list(User.objects.filter(role__in=[User.Role.GOVERNANCE, User.Role.ADMIN], is_active=True))


def _email_address(address: str, message: str, url: str) -> None:
    """E-mail an address that is not a Townhall user (the Director's contact), only when SMTP is set:
    queued after commit and retried by the worker (core.mail.email_address)."""
    from townhall.core.mail import email_address

    email_address(address, message[:200], message, url)
