"""Incidents API: report, list and triage. An incident you may not see answers 404 (no id probing)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from townhall.core.apiutil import BodyIn, ErrorOut, Id
from townhall.incidents import services
from townhall.incidents.models import Incident
from townhall.incidents.selectors import visible_incidents

router = Router(tags=["incidents"])
INCIDENT_TEXT = Incident._meta.get_field("description").max_length  # 5,000, as on the report form


class IncidentIn(BodyIn):
    kind: str = Field(..., max_length=30)
    description: str = Field(..., max_length=INCIDENT_TEXT)
    url: str = Field("", max_length=2000)
    network: str = Field("", max_length=30)


class TriageIn(BodyIn):
    """Only the fields sent are changed; `null` is refused (422)."""

    status: str = Field(None, max_length=20)
    severity: str = Field(None, max_length=20)
    resolution: str = Field(None, max_length=INCIDENT_TEXT)


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
def list_incidents(request, status: str = Query("", max_length=20)):
    qs = visible_incidents(request.auth)
    return list(qs.filter(status=status) if status else qs[:500])


@router.post("", response={201: IncidentOut, 400: ErrorOut})
def create_incident(request, payload: IncidentIn):
    try:
        return Status(201, services.report(request.auth, **payload.dict()))
    except ValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})


@router.patch("/{incident_id}", response={200: IncidentOut, 400: ErrorOut})
def update_incident(request, incident_id: Id, payload: TriageIn):
    incident = get_object_or_404(visible_incidents(request.auth), pk=incident_id)
    try:
        return Status(200, services.triage(request.auth, incident, **payload.dict(exclude_unset=True)))
    except ValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})
