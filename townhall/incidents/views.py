from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from townhall.core.permissions import can, require
from townhall.incidents import services
from townhall.incidents.forms import ReportForm, TriageForm
from townhall.incidents.models import Incident, IncidentNotice
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
            "notices": IncidentNotice.objects.filter(user=request.user, read_at__isnull=True)[:20],
            "containment": can(request.user, "publishing.pause"),
        },
    )


def _source(request: HttpRequest) -> tuple[str, int] | None:
    for kind in ("mention", "conversation", "post"):
        value = request.GET.get(kind) or request.POST.get(kind)
        if value and value.isdigit() and len(value) < 19:
            return kind, int(value)
    return None


@login_required
def new(request: HttpRequest) -> HttpResponse:
    """The report form; `?mention=ID`, `?conversation=ID` or `?post=ID` prefill it from that item."""
    from townhall.incidents import evidence
    from townhall.incidents.services import director

    source = _source(request)
    captured: dict = {}
    initial: dict = {}
    if source:
        try:
            captured = evidence.capture(request.user, *source)
        except (ValidationError, PermissionDenied) as exc:
            raise Http404(str(exc)) from None
        from townhall.web.templatetags.townhall_ui import network_name

        initial = {"url": captured.get("url", ""), "network": network_name(captured.get("network", "")),
                   "kind": "official_post" if source[0] == "post" else "disparaging"}
    form = ReportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        files = data.pop("evidence", []) or []
        try:
            incident = services.report(request.user, source=source, files=files, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Thank you. The governance team has your report.")
            return redirect("incidents:detail", pk=incident.pk)
    name, contact, _users = director()
    return render(request, "incidents/new.html", {"form": form, "captured": captured, "source": source,
                                                  "director_name": name, "director_contact": contact})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The case page: report, captured content, evidence, timeline; work it (assignee) or triage it."""
    from townhall.core.models import User
    from townhall.incidents.selectors import reporter_label

    incident = visible_incidents(request.user).filter(pk=pk).first()
    if incident is None:
        raise Http404("No such incident, or it is not yours to see.")
    manage = can(request.user, "incident.manage", incident)
    work = can(request.user, "incident.work", incident)
    form = TriageForm(
        request.POST if request.POST.get("action") == "triage" else None,
        initial={"status": incident.status, "severity": incident.severity, "resolution": incident.resolution},
    )
    if request.method == "POST":
        action = request.POST.get("action", "triage")
        if not work:
            raise PermissionDenied("Only governance and the person it is assigned to can work on an incident.")
        try:
            if action == "comment":
                services.comment(request.user, incident, request.POST.get("text", ""))
                messages.success(request, "Comment added.")
            elif action == "evidence":
                services.add_evidence_files(request.user, incident, request.FILES.getlist("evidence"))
                messages.success(request, "Evidence added.")
            elif action == "assign":
                who = User.objects.filter(pk=request.POST.get("assignee") or 0, is_active=True).first()
                if who is None:
                    raise ValidationError("Choose a person to assign it to.")
                services.triage(request.user, incident, assigned_to=who)
                messages.success(request, f"Assigned to {who.label}.")
            elif action == "link":
                other = visible_incidents(request.user).filter(pk=request.POST.get("other") or 0).first()
                if other is None:
                    raise ValidationError("There is no incident with that number.")
                services.link(request.user, incident, other)
                messages.success(request, f"Linked to incident #{other.pk}.")
            elif action == "hold":
                services.set_legal_hold(request.user, incident, request.POST.get("held") == "1")
                messages.success(request, "Legal hold updated.")
            elif form.is_valid():
                data = dict(form.cleaned_data)
                if not manage:
                    data.pop("severity", None)
                services.triage(request.user, incident, **data)
                messages.success(request, "Incident updated.")
            else:
                raise ValidationError("Check the form.")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("incidents:detail", pk=incident.pk)
    return render(request, "incidents/detail.html", {
        "incident": incident, "form": form, "manage": manage, "work": work,
        "reporter": reporter_label(request.user, incident),
        # Those who work the case see its files, timeline (comments included) and links; the person
        # who reported it sees its status and how it ended (security review of 2026-12-06: a
        # reporter read governance's internal notes, which the API already refused them).
        "evidence": incident.evidence.all() if work else [],
        "events": incident.events.select_related("actor") if work else [],
        "linked": incident.linked.all() if work else [],
        "people": User.objects.filter(is_active=True).order_by("username") if manage else [],
        "compromised": incident.kind == "compromised" and incident.account_id and can(request.user, "account.lock"),
    })


@login_required
def evidence_file(request: HttpRequest, pk: int, evidence_id: int) -> HttpResponse:
    """Serve an evidence file to those who may see the incident, as a download (never rendered inline)."""
    from django.http import FileResponse

    incident = visible_incidents(request.user).filter(pk=pk).first()
    item = incident.evidence.filter(pk=evidence_id).first() if incident else None
    if item is None:
        raise Http404("No such file.")
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name,
                        content_type=item.content_type)


@login_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    """One ZIP for HR or legal: report, evidence with hashes, timeline, audit entries."""
    from townhall.incidents.records import export_zip

    incident = visible_incidents(request.user).filter(pk=pk).first()
    if incident is None:
        raise Http404("No such incident.")
    data = export_zip(request.user, incident)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="incident-{incident.pk}.zip"'
    return response


# --- containment pages (issue 14) ----------------------------------------------------------


def _refusal_text(exc: Exception) -> str:
    return " ".join(getattr(exc, "messages", None) or [str(exc)])


@login_required
def containment_page(request: HttpRequest) -> HttpResponse:
    """Pause/resume all publishing and lock/unlock official accounts, with what is in force now."""
    from townhall.incidents import containment
    from townhall.incidents.models import AccountLock
    from townhall.registry.models import Account

    require(request.user, "publishing.pause")
    if request.method == "POST":
        action = request.POST.get("action", "")
        reason = request.POST.get("reason", "")
        try:
            if action == "pause":
                containment.pause(request.user, reason)
                messages.success(request, "All publishing is paused.")
            elif action == "resume":
                containment.resume(request.user)
                messages.success(request, "Publishing resumed; held posts go out now.")
            elif action in ("lock", "unlock"):
                account = Account.objects.filter(pk=request.POST.get("account") or 0).first()
                if account is None:
                    raise ValidationError("Choose an account.")
                if action == "lock":
                    from townhall.incidents.selectors import visible_incidents as _visible

                    incident = _visible(request.user).filter(pk=request.POST.get("incident") or 0).first()
                    containment.lock_account(request.user, account, reason, incident=incident)
                    if incident is not None:
                        services.event(incident, request.user, "containment", f"{account} locked: {reason}")
                    messages.success(request, f"{account} is locked; its owners were told.")
                else:
                    containment.unlock_account(request.user, account)
                    messages.success(request, f"{account} is unlocked; its held posts go out now.")
            else:
                raise ValidationError("Unknown action.")
        except ValidationError as exc:
            messages.error(request, _refusal_text(exc))
        return redirect("incidents:containment")
    locks = AccountLock.objects.filter(unlocked_at__isnull=True).select_related("account", "locked_by")
    locked_ids = {lock.account_id for lock in locks}
    return render(request, "incidents/containment.html", {
        "pause": containment.active_pause(),
        "locks": locks,
        "accounts": [a for a in Account.objects.exclude(status="archived") if a.pk not in locked_ids],
        "history": AccountLock.objects.filter(unlocked_at__isnull=False).select_related("account")[:20],
    })


@login_required
def delete_post(request: HttpRequest, post_id: int) -> HttpResponse:
    """Delete a published post from the networks: reason required, never by its author."""
    from townhall.incidents import containment
    from townhall.publishing.selectors import visible_posts

    post = visible_posts(request.user).filter(pk=post_id).first()
    if post is None:
        raise Http404("No such post.")
    require(request.user, "post.delete_published", post)
    error = ""
    if request.method == "POST":
        try:
            result = containment.delete_published(request.user, post, request.POST.get("reason", ""))
        except ValidationError as exc:
            error = _refusal_text(exc)
        else:
            (messages.error if result.failed else messages.success)(request, result.summary().capitalize() + ".")
            return redirect("incidents:delete_post", post_id=post.pk)
    return render(request, "incidents/delete_post.html", {
        "post": post, "error": error, "removals": post.removals.select_related("requested_by"),
        "published": post.deliveries.filter(status="published").select_related("account"),
    })


@login_required
def incident_settings(request: HttpRequest) -> HttpResponse:
    """Governance sets the response targets, the reminder lead time and how long cases are kept."""
    from django.forms import modelform_factory

    from townhall.audit.services import record, snapshot
    from townhall.incidents.models import IncidentSettings

    require(request.user, "incident.manage")
    conf = IncidentSettings.get()
    form_class = modelform_factory(IncidentSettings, fields=[
        "target_high_hours", "target_medium_hours", "target_low_hours", "remind_before_hours", "retention_years",
    ])
    before = snapshot(conf)
    form = form_class(request.POST or None, instance=conf)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["retention_years"] < 1:
            form.add_error("retention_years", "Keep cases for at least a year.")
        else:
            form.save()
            record(request.user, "incident.settings", conf, before=before, after=snapshot(conf))
            messages.success(request, "Incident settings saved. New targets apply to new and re-graded cases.")
            return redirect("incidents:settings")
    return render(request, "incidents/settings.html", {"form": form})
