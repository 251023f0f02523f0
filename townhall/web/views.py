"""The shell of the web UI: home, policy checker, audit trail, health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from townhall.audit.models import AuditEntry
from townhall.audit.services import verify
from townhall.core.permissions import can, require
from townhall.web import audit_display, dashboard, policy_bridge


def healthz(request: HttpRequest) -> HttpResponse:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"cards": dashboard.cards(request.user)})


def highlight(text: str, findings: list[dict]) -> str:
    """The text with each finding's span wrapped in <mark>, overlapping spans merged."""
    spans = sorted((f["span"][0], f["span"][1]) for f in findings if f["span"][1] > f["span"][0])
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="finding">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


@login_required
def policy(request: HttpRequest) -> HttpResponse:
    require(request.user, "policy.view")
    return render(
        request,
        "web/policy.html",
        {
            "rules": policy_bridge.rules(),
            "networks": policy_bridge.NETWORKS,
            "network": "bluesky",
            "account": "official",
            "checked": False,
            "policy_version": policy_bridge.policy_version(),
            "may_edit_policy": can(request.user, "policy.edit"),
            "may_setup": can(request.user, "institution.manage"),
        },
    )


@login_required
@require_POST
def policy_check(request: HttpRequest) -> HttpResponse:
    require(request.user, "policy.view")
    text = request.POST.get("text", "")
    cut = len(text) > policy_bridge.MAX_CHECK_CHARS
    text = text[: policy_bridge.MAX_CHECK_CHARS]
    network = request.POST.get("network", "bluesky")
    account = request.POST.get("account", "official")
    findings = policy_bridge.check(text, network=network, account=account)
    context = {
        "checked": bool(text.strip()),
        "findings": findings,
        "highlighted": highlight(text, findings),
        "cut": f"{policy_bridge.MAX_CHECK_CHARS:,}" if cut else "",
    }
    if request.htmx:
        return render(request, "web/_findings.html", context)
    context.update(
        rules=policy_bridge.rules(), networks=policy_bridge.NETWORKS, network=network, account=account, text=text
    )
    return render(request, "web/policy.html", context)


def healthz_worker(request: HttpRequest) -> JsonResponse:
    """For an external monitor: 503 when tasks wait too long or the schedule has stopped."""
    from townhall.web.status import worker_healthy

    healthy, problems = worker_healthy()
    return JsonResponse({"status": "ok" if healthy else "stale", "problems": problems}, status=200 if healthy else 503)


@login_required
def status(request: HttpRequest) -> HttpResponse:
    from townhall.web.context import _activate_reader_zone
    from townhall.web.status import overview

    require(request.user, "system.view")
    _activate_reader_zone(request.user)  # the checks' sentences carry times: in the reader's zone
    # One place (status.overview, shared with `townhall status`) decides what is shown: each source
    # has a row of its own (paused ones too), its health check is not repeated among the checks.
    found = overview()
    return render(
        request,
        "web/status.html",
        {
            "checks": found.checks,
            "worst": found.worst,
            "sources": found.sources,
            "sources_url": reverse("listening:sources"),
            "zone": timezone.get_current_timezone_name(),
        },
    )


@login_required
def audit(request: HttpRequest) -> HttpResponse:
    require(request.user, "audit.view")
    q = request.GET.get("q", "").strip()
    entries = AuditEntry.objects.all()
    if q:
        entries = entries.filter(
            Q(action__icontains=q) | Q(actor_label__icontains=q) | Q(object_repr__icontains=q)
        )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    names = audit_display.people_names(list(page))
    items = [audit_display.present(e, names) for e in page]
    return render(
        request, "web/audit.html", {"items": items, "page": page, "q": q, "verification": verify()}
    )
