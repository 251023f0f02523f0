"""Incidents API: report, list and triage. An incident you may not see answers 404 (no id probing)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from townhall.core.apiutil import BodyIn, ErrorOut, Id
from townhall.incidents import containment, services
from townhall.incidents.models import Incident
from townhall.incidents.selectors import visible_incidents

router = Router(tags=["incidents"])
INCIDENT_TEXT = Incident._meta.get_field("description").max_length  # 5,000, as on the report form
URL_MAX = Incident._meta.get_field("url").max_length  # the column's: longer failed on PostgreSQL (a 500)


class IncidentIn(BodyIn):
    kind: str = Field(..., max_length=30)
    description: str = Field(..., max_length=INCIDENT_TEXT)
    url: str = Field("", max_length=URL_MAX)
    network: str = Field("", max_length=30)


class TriageIn(BodyIn):
    """Only the fields sent are changed; `null` is refused (422)."""

    status: str = Field(None, max_length=20)
    severity: str = Field(None, max_length=20)
    resolution: str = Field(None, max_length=INCIDENT_TEXT)
    assigned_to: int = Field(None, ge=1, le=2**63 - 1, description="user id (governance only)")
    legal_hold: bool = Field(None, description="governance only; a held case is never deleted by retention")


class CommentIn(BodyIn):
    text: str = Field(..., max_length=INCIDENT_TEXT)


class EventOut(Schema):
    kind: str
    text: str
    created_at: datetime


class IncidentOut(Schema):
    id: int
    kind: str
    status: str
    severity: str
    url: str
    network: str
    description: str
    created_at: datetime
    resolution: str
    due_at: datetime | None = None
    legal_hold: bool = False


@router.get("", response=list[IncidentOut])
def list_incidents(request, status: str = Query("", max_length=20)):
    qs = visible_incidents(request.auth)
    return list((qs.filter(status=status) if status else qs)[:500])


@router.post("", response={201: IncidentOut, 400: ErrorOut})
def create_incident(request, payload: IncidentIn):
    try:
        return Status(201, services.report(request.auth, **payload.dict()))
    except ValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})


@router.patch("/{incident_id}", response={200: IncidentOut, 400: ErrorOut})
def update_incident(request, incident_id: Id, payload: TriageIn):
    incident = get_object_or_404(visible_incidents(request.auth), pk=incident_id)
    data = payload.dict(exclude_unset=True)
    try:
        with transaction.atomic():  # all or nothing: a refused change leaves the hold as it was
            return _update(request, incident, data)
    except ValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})


def _update(request, incident, data):
    if "legal_hold" in data:
        services.set_legal_hold(request.auth, incident, data.pop("legal_hold"))
    if "assigned_to" in data:
        from townhall.core.models import User

        data["assigned_to"] = get_object_or_404(User, pk=data["assigned_to"], is_active=True)
    return Status(200, services.triage(request.auth, incident, **data))


@router.post("/{incident_id}/comments", response={201: EventOut, 400: ErrorOut})
def comment_incident(request, incident_id: Id, payload: CommentIn):
    """Governance and the assignee comment on a case; it goes on the timeline."""
    incident = get_object_or_404(visible_incidents(request.auth), pk=incident_id)
    try:
        return Status(201, services.comment(request.auth, incident, payload.text))
    except ValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})


@router.get("/{incident_id}/timeline", response=list[EventOut])
def incident_timeline(request, incident_id: Id):
    incident = get_object_or_404(visible_incidents(request.auth), pk=incident_id)
    from townhall.core.permissions import require

    require(request.auth, "incident.work", incident)
    return list(incident.events.all())


@router.get("/{incident_id}/export")
def export_incident(request, incident_id: Id):
    """One ZIP (report, evidence with SHA-256, timeline, audit entries); governance only."""
    from django.http import HttpResponse

    from townhall.incidents.records import export_zip

    incident = get_object_or_404(visible_incidents(request.auth), pk=incident_id)
    response = HttpResponse(export_zip(request.auth, incident), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="incident-{incident.pk}.zip"'
    return response


# --- containment (issue 14): same permissions as the web pages and the CLI ------------------


class ReasonIn(BodyIn):
    reason: str = Field(..., max_length=2000)


class ContainmentOut(Schema):
    paused: bool
    reason: str = ""
    paused_by: str = ""
    paused_at: datetime | None = None
    locked_accounts: list[int]


class RemovalOut(Schema):
    remote_id: str
    url: str
    removed_at: datetime | None
    error: str


class DeleteOut(Schema):
    post: int
    removed: list[RemovalOut]
    failed: list[RemovalOut]


def _status() -> dict:
    from townhall.incidents.models import AccountLock

    pause = containment.active_pause()
    return {
        "paused": pause is not None,
        "reason": pause.reason if pause else "",
        "paused_by": pause.paused_by.username if pause else "",
        "paused_at": pause.paused_at if pause else None,
        "locked_accounts": list(
            AccountLock.objects.filter(unlocked_at__isnull=True).values_list("account_id", flat=True)
        ),
    }


def _refusal(exc: Exception) -> Status:
    return Status(400, {"detail": " ".join(getattr(exc, "messages", None) or [str(exc)])})


@router.get("/containment/state", response=ContainmentOut)
def containment_status(request):
    """Whether publishing is paused and which accounts are locked (anyone signed in may know)."""
    return _status()


@router.post("/containment/pause", response={200: ContainmentOut, 400: ErrorOut})
def pause_publishing(request, payload: ReasonIn):
    try:
        containment.pause(request.auth, payload.reason)
    except ValidationError as exc:
        return _refusal(exc)
    return _status()


@router.post("/containment/resume", response={200: ContainmentOut, 400: ErrorOut})
def resume_publishing(request):
    try:
        containment.resume(request.auth)
    except ValidationError as exc:
        return _refusal(exc)
    return _status()


@router.post("/containment/accounts/{account_id}/lock", response={200: ContainmentOut, 400: ErrorOut})
def lock_account(request, account_id: Id, payload: ReasonIn):
    from townhall.registry.models import Account

    account = get_object_or_404(Account, pk=account_id)
    try:
        containment.lock_account(request.auth, account, payload.reason)
    except ValidationError as exc:
        return _refusal(exc)
    return _status()


@router.post("/containment/accounts/{account_id}/unlock", response={200: ContainmentOut, 400: ErrorOut})
def unlock_account(request, account_id: Id):
    from townhall.registry.models import Account

    account = get_object_or_404(Account, pk=account_id)
    try:
        containment.unlock_account(request.auth, account)
    except ValidationError as exc:
        return _refusal(exc)
    return _status()


@router.post("/containment/posts/{post_id}/delete", response={200: DeleteOut, 400: ErrorOut})
def delete_post(request, post_id: Id, payload: ReasonIn):
    """Delete every published part from the networks; a part that failed is listed under `failed`."""
    from townhall.publishing.selectors import visible_posts

    post = get_object_or_404(visible_posts(request.auth), pk=post_id)
    try:
        result = containment.delete_published(request.auth, post, payload.reason)
    except ValidationError as exc:
        return _refusal(exc)
    return {"post": post.pk, "removed": result.removed, "failed": result.failed}
