"""Analytics API: objectives with their progress, and manual measurements."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from townhall.analytics import selectors, services
from townhall.analytics.models import Objective
from townhall.core.apiutil import BodyIn, Count, ErrorOut, Id

router = Router(tags=["analytics"])


class ProgressOut(Schema):
    id: int
    name: str
    metric: str
    target: int
    period_start: date
    period_end: date
    account_id: int | None
    total: int
    percent: int
    status: str


class MeasurementIn(BodyIn):
    day: date
    value: Count


def _out(objective: Objective) -> dict:
    p = selectors.progress(objective)
    return {
        "id": objective.pk, "name": objective.name, "metric": objective.metric, "target": objective.target,
        "period_start": objective.period_start, "period_end": objective.period_end,
        "account_id": objective.account_id, "total": p.total, "percent": p.percent, "status": p.status,
    }


@router.get("/objectives", response=list[ProgressOut])
def objectives(request):
    return [_out(o) for o in selectors.visible_objectives(request.auth)]


@router.post("/objectives/{objective_id}/measurements", response={200: ProgressOut, 400: ErrorOut})
def add_measurement(request, objective_id: Id, payload: MeasurementIn):
    objective = get_object_or_404(selectors.visible_objectives(request.auth), pk=objective_id)
    try:
        services.record_measurement(request.auth, objective, day=payload.day, value=payload.value)
    except ValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})
    return Status(200, _out(objective))
