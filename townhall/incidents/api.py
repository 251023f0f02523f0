from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from townhall.incidents import services
from townhall.incidents.models import Incident
from townhall.incidents.selectors import visible_incidents

router = Router(tags=["incidents"])


class IncidentIn(Schema):
    kind: str
    description: str
    url: str = ""
    network: str = ""


class TriageIn(Schema):
    status: str | None = None
    severity: str | None = None
    resolution: str | None = None


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


@router.get("", response=list[IncidentOut])
def list_incidents(request, status: str = ""):
    qs = visible_incidents(request.auth)
    return list(qs.filter(status=status) if status else qs[:500])


@router.post("", response={201: IncidentOut, 400: dict})
def create_incident(request, payload: IncidentIn):
    try:
        return Status(201, services.report(request.auth, **payload.dict()))
    except ValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})


@router.patch("/{incident_id}", response={200: IncidentOut, 400: dict})
def update_incident(request, incident_id: int, payload: TriageIn):
    incident = get_object_or_404(Incident, pk=incident_id)
    try:
        return Status(200, services.triage(request.auth, incident, **payload.dict()))
    except ValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})
