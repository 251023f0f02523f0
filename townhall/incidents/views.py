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
                    containment.lock_account(request.user, account, reason)
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
