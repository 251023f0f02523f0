from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from townhall.core.permissions import can, require
from townhall.incidents import services
from townhall.incidents.forms import ReportForm, TriageForm
from townhall.incidents.models import Incident
from townhall.incidents.selectors import visible_incidents


@login_required
def index(request: HttpRequest) -> HttpResponse:
    require(request.user, "incident.report")
    status = request.GET.get("status", "")
    incidents = visible_incidents(request.user)
    if status:
        incidents = incidents.filter(status=status)
    return render(
        request,
        "incidents/index.html",
        {
            "incidents": incidents[:200],
            "manage": can(request.user, "incident.manage"),
            "status": status,
            "statuses": Incident.Status.choices,
        },
    )


@login_required
def new(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.report(request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Thank you. The governance team has your report.")
            return redirect("incidents:detail", pk=incident.pk)
    return render(request, "incidents/new.html", {"form": form})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = visible_incidents(request.user).filter(pk=pk).first()
    if incident is None:
        raise Http404("No such incident, or it is not yours to see.")
    manage = can(request.user, "incident.manage", incident)
    form = TriageForm(
        request.POST or None,
        initial={"status": incident.status, "severity": incident.severity, "resolution": incident.resolution},
    )
    if request.method == "POST":
        if not manage:
            raise PermissionDenied("Only governance can triage incidents.")
        if form.is_valid():
            try:
                services.triage(request.user, incident, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Incident updated.")
                return redirect("incidents:detail", pk=incident.pk)
    return render(request, "incidents/detail.html", {"incident": incident, "form": form, "manage": manage})
