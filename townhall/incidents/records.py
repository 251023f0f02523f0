"""Records: retention of closed incidents and their evidence, and the one-ZIP export for HR or legal.

Retention counts from when a case was closed (or actioned); a case under legal hold is never
deleted, whatever its age. Files go through the storage API, so they are deleted with the row.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from townhall.audit.models import AuditEntry
from townhall.audit.services import record
from townhall.core.permissions import require
from townhall.incidents.models import Incident, IncidentSettings


def expired(now: Any = None):
    now = now or timezone.now()
    years = IncidentSettings.get().retention_years
    cutoff = now - timedelta(days=round(365.25 * years))
    return Incident.objects.filter(
        status__in=[Incident.Status.CLOSED, Incident.Status.ACTIONED], closed_at__lt=cutoff, legal_hold=False
    )


def apply_retention(now: Any = None) -> int:
    """Delete incidents past the retention period (never one under legal hold); returns how many."""
    count = 0
    for incident in expired(now):
        with transaction.atomic():
            row = Incident.objects.select_for_update().filter(pk=incident.pk, legal_hold=False).first()
            if row is None:
                continue
            files = [e.file for e in row.evidence.all()]
            record(None, "incident.deleted_by_retention", row,
                   before={"kind": row.kind, "closed_at": row.closed_at.isoformat() if row.closed_at else None,
                           "evidence": [e.sha256 for e in row.evidence.all()]})
            row.delete()
            transaction.on_commit(lambda files=files: [f.delete(save=False) for f in files])
            count += 1
    return count


def export_zip(actor: Any, incident: Incident) -> bytes:
    """report.json + report.txt, evidence/ files, hashes (SHA256SUMS), timeline and audit entries."""
    from townhall.web.templatetags.townhall_ui import network_name

    require(actor, "incident.manage", incident)
    buf = io.BytesIO()
    evidence = list(incident.evidence.all())
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        report = {
            "incident": incident.pk, "kind": incident.get_kind_display(), "status": incident.get_status_display(),
            "severity": incident.get_severity_display(), "reported_at": incident.created_at.isoformat(),
            "reported_by": incident.created_by.label, "assigned_to": incident.assigned_to.label
            if incident.assigned_to else None, "link": incident.url, "network": network_name(incident.network),
            "description": incident.description, "resolution": incident.resolution,
            "closed_at": incident.closed_at.isoformat() if incident.closed_at else None,
            "captured": incident.captured, "legal_hold": incident.legal_hold,
            "linked_incidents": list(incident.linked.values_list("pk", flat=True)),
            "evidence": [{"file": f"evidence/{e.pk}-{_safe(e.name)}", "name": e.name, "type": e.content_type,
                          "size": e.size, "sha256": e.sha256, "uploaded_at": e.uploaded_at.isoformat(),
                          "uploaded_by": e.uploaded_by.label} for e in evidence],
        }
        zf.writestr("report.json", json.dumps(report, indent=2, ensure_ascii=False))
        lines = [f"Incident #{incident.pk}: {report['kind']}", f"Status: {report['status']}",
                 f"Severity: {report['severity']}", f"Reported {report['reported_at']} by {report['reported_by']}",
                 "", incident.description, "", f"What was done: {incident.resolution or '-'}"]
        zf.writestr("report.txt", "\n".join(lines))
        sums = []
        for e in evidence:
            with e.file.open("rb") as fh:
                data = fh.read()
            zf.writestr(f"evidence/{e.pk}-{_safe(e.name)}", data)
            sums.append(f"{e.sha256}  evidence/{e.pk}-{_safe(e.name)}")
        zf.writestr("SHA256SUMS", "\n".join(sums) + ("\n" if sums else ""))
        timeline = [{"at": ev.created_at.isoformat(), "who": ev.actor.label if ev.actor else "Townhall",
                     "what": ev.get_kind_display(), "text": ev.text} for ev in incident.events.all()]
        zf.writestr("timeline.json", json.dumps(timeline, indent=2, ensure_ascii=False))
        audit = [{"seq": a.seq, "at": a.at.isoformat(), "action": a.action, "actor": a.actor_label,
                  "before": a.before, "after": a.after, "hash": a.hash}
                 for a in AuditEntry.objects.filter(object_type="incidents.incident", object_id=str(incident.pk))
                 .order_by("pk")]
        zf.writestr("audit.json", json.dumps(audit, indent=2, ensure_ascii=False, default=str))
    record(actor, "incident.exported", incident, after={"evidence": [e.sha256 for e in evidence]})
    return buf.getvalue()


def _safe(name: str) -> str:
    keep = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)
    return keep[-80:] or "file"
