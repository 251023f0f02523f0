"""Pages: set-up, policy versions, settings and YAML editors, draft with impact preview and
publishing, acknowledgement, the acknowledgement report (and CSV), Help. Thin: services do it."""

from __future__ import annotations

from datetime import UTC
from functools import wraps
from typing import Any

import yaml
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from townhall.core import csvsafe
from townhall.core.permissions import can, require
from townhall.policies import selectors, services
from townhall.policies.forms import PublishForm, SettingsForm, SetupForm, YamlForm, lines
from townhall.policy.pack import PackError
from townhall.policy.packdiff import yaml_diff


def _local_time(view):
    """Times on these pages are in the reader's time zone."""

    @wraps(view)
    def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        tz = getattr(request.user, "time_zone", "") or "Europe/London"
        try:
            timezone.activate(tz)
        except Exception:
            timezone.activate("Europe/London")
        try:
            return view(request, *args, **kwargs)
        finally:
            timezone.deactivate()

    return login_required(inner)


def _words(exc: Exception) -> str:
    return " ".join(getattr(exc, "messages", None) or [str(exc)])


@_local_time
def setup(request: HttpRequest) -> HttpResponse:
    require(request.user, "institution.manage")
    inst = selectors.institution()
    if request.method == "POST":
        form = SetupForm(request.POST)
        if form.is_valid():
            c = form.cleaned_data
            try:
                services.setup_institution(
                    request.user, names=[c["name"], *lines(c["aliases"])], domains=lines(c["domains"]),
                    handles=lines(c["handles"]), discouraged=lines(c["discouraged"]),
                    public_contacts=[x.strip() for x in c["contacts"].splitlines() if x.strip()],
                    **{k: c[k] for k in SetupForm.PROFILE},
                )
            except ValidationError as exc:
                messages.error(request, _words(exc))
            else:
                messages.success(request, f"{c['name']} is set up: every check now uses its policy.")
                return redirect("policies:versions")
    else:
        initial = {}
        if inst is not None:
            initial = {k: getattr(inst, k) for k in SetupForm.PROFILE} | {"name": inst.name}
        form = SetupForm(initial=initial)
    return render(request, "policies/setup.html", {"form": form, "inst": inst})


@_local_time
def versions(request: HttpRequest) -> HttpResponse:
    require(request.user, "policy.edit")
    return render(request, "policies/versions.html", {
        "inst": selectors.institution(), "versions": selectors.published(), "draft": selectors.draft(),
        "current": selectors.current_version(), "may_publish": can(request.user, "policy.publish"),
    })


def _base_text() -> str:
    d = selectors.draft() or selectors.current_version()
    if d is None:
        raise Http404("Set up the institution first.")
    return d.yaml_text


@_local_time
def edit_settings(request: HttpRequest) -> HttpResponse:
    require(request.user, "policy.edit")
    data = yaml.safe_load(_base_text())
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            text = yaml.safe_dump(form.apply_to(data), sort_keys=False, allow_unicode=True)
            try:
                services.save_draft(request.user, text)
            except PackError as exc:
                for e in exc.errors:
                    messages.error(request, e)
            else:
                messages.success(request, "Saved as a draft: preview its impact, then publish it.")
                return redirect("policies:draft")
    else:
        form = SettingsForm(initial=SettingsForm.initial_from(data))
    fams = [f for f in form if f.name.startswith("fam__")]
    thresholds = [f for f in form if f.name.startswith("thr__")]
    networks = [f for f in form if f.name.startswith("net__")]
    basics = [f for f in form if not f.name.startswith(("fam__", "thr__", "net__")) and f.name != "relaxed"]
    return render(request, "policies/settings.html", {
        "form": form, "basics": basics, "fams": fams, "thresholds": thresholds, "networks": networks})


@_local_time
def edit_yaml(request: HttpRequest) -> HttpResponse:
    require(request.user, "policy.edit")
    errors: list[str] = []
    if request.method == "POST":
        form = YamlForm(request.POST)
        if form.is_valid():
            try:
                services.save_draft(request.user, form.cleaned_data["yaml_text"].replace("\r\n", "\n"))
            except PackError as exc:
                errors = exc.errors
            else:
                messages.success(request, "Saved as a draft: preview its impact, then publish it.")
                return redirect("policies:draft")
    else:
        form = YamlForm(initial={"yaml_text": _base_text()})
    return render(request, "policies/yaml.html", {"form": form, "errors": errors})


@_local_time
def draft(request: HttpRequest) -> HttpResponse:
    require(request.user, "policy.edit")
    d = selectors.draft()
    if d is None:
        messages.info(request, "There is no draft: change the settings or the YAML to start one.")
        return redirect("policies:versions")
    current = selectors.current_version()
    result = None
    needs_confirm = False
    form = PublishForm(initial={"ack_mode": "required"})
    if request.method == "POST" and request.POST.get("action") == "impact":
        result = services.impact(d, limit=_limit(request))
    elif request.method == "POST" and request.POST.get("action") == "publish":
        require(request.user, "policy.publish")
        form = PublishForm(request.POST)
        if form.is_valid():
            c = form.cleaned_data
            try:
                # The draft this page showed: another draft saved meanwhile is not published unseen.
                v = services.publish(request.user, note=c["note"], ack_mode=c["ack_mode"], confirm=c["confirm"],
                                     expected_sha256=request.POST.get("reviewed") or d.sha256)
            except services.NeedsConfirmation as exc:
                needs_confirm = True
                messages.error(request, _words(exc))
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, _words(exc))
            else:
                messages.success(request, f"Version {v.number} is published: every check uses it now.")
                return redirect("policies:versions")
    elif request.method == "POST" and request.POST.get("action") == "discard":
        services.discard_draft(request.user)
        messages.success(request, "The draft is discarded.")
        return redirect("policies:versions")
    return render(request, "policies/draft.html", {
        "draft": d, "changes": selectors.changes(d), "result": result, "form": form,
        "needs_confirm": needs_confirm, "may_publish": can(request.user, "policy.publish"),
        "raw": yaml_diff(current.yaml_text, d.yaml_text, str(current), "draft") if current else "",
    })


def _limit(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.POST.get("limit", 1000)), 5000))
    except ValueError:
        return 1000


@_local_time
def version(request: HttpRequest, number: int) -> HttpResponse:
    require(request.user, "policy.view")
    v = selectors.version(number)
    if v is None:
        raise Http404("No such version.")
    before = selectors.previous(v)
    return render(request, "policies/version.html", {
        "v": v, "changes": selectors.changes(v), "before": before,
        "raw": yaml_diff(before.yaml_text, v.yaml_text, str(before), str(v)) if before else "",
        "may_publish": can(request.user, "policy.publish"), "current": selectors.current_version(),
    })


@_local_time
def compare(request: HttpRequest) -> HttpResponse:
    """Any two published versions side by side: the changes in words, then the YAML diff."""
    from townhall.policy.packdiff import describe_changes

    require(request.user, "policy.view")
    try:
        a, b = selectors.version(int(request.GET.get("a", ""))), selectors.version(int(request.GET.get("b", "")))
    except ValueError:
        a = b = None
    if a is None or b is None:
        messages.error(request, "Choose two published versions to compare.")
        return redirect("policies:versions")
    return render(request, "policies/compare.html", {
        "a": a, "b": b, "changes": describe_changes(selectors.pack_of(a), selectors.pack_of(b)),
        "raw": yaml_diff(a.yaml_text, b.yaml_text, str(a), str(b)),
    })


@_local_time
@require_POST
def rollback(request: HttpRequest, number: int) -> HttpResponse:
    try:
        v = services.rollback(request.user, number, note=request.POST.get("note", ""))
    except PackError as exc:  # an old version that no longer validates (a rule since removed)
        messages.error(request, f"Version {number} cannot be published again as it stands: {exc.errors[0]}")
        return redirect("policies:versions")
    except ValidationError as exc:
        messages.error(request, _words(exc))
        return redirect("policies:versions")
    messages.success(request, f"Version {v.number} is published with the content of version {number}.")
    return redirect("policies:versions")


@_local_time
def acknowledge(request: HttpRequest) -> HttpResponse:
    v = selectors.notice(request.user)
    if request.method == "POST":
        raw = (request.POST.get("version") or "").strip()
        target = selectors.version(int(raw)) if raw.isdigit() and len(raw) < 10 else None
        if target is None:
            raise Http404("No such version.")
        services.acknowledge(request.user, target)
        messages.success(request, f"Thank you: you acknowledged version {target.number} of the policy."
                         if target.ack_mode == target.Ack.REQUIRED else "Noted.")
        return redirect("home")
    shown = v or selectors.current_version()
    return render(request, "policies/acknowledge.html", {
        "v": shown, "pending": v is not None, "changes": selectors.changes(shown) if shown else [],
        "inst": selectors.institution(),
    })


@_local_time
def acknowledgements(request: HttpRequest, number: int) -> HttpResponse:
    require(request.user, "policy.acknowledgements")
    v = selectors.version(number)
    if v is None:
        raise Http404("No such version.")
    rows = selectors.ack_report(v)
    if request.GET.get("format") == "csv":
        resp = HttpResponse(content_type="text/csv; charset=utf-8")
        resp["Content-Disposition"] = f'attachment; filename="policy-v{v.number}-acknowledgements.csv"'
        w = csvsafe.Writer(resp)
        w.writerow(["unit", "name", "username", "email", "acknowledged_at_utc"])
        for row in rows:
            for p in row["people"]:
                w.writerow([row["unit"], p["user"].get_full_name(), p["user"].username, p["user"].email,
                            p["at"].astimezone(UTC).isoformat() if p["at"] else ""])
        return resp
    return render(request, "policies/acknowledgements.html", {"v": v, "rows": rows})


@_local_time
def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "policies/help.html", {"inst": selectors.institution(), "v": selectors.current_version()})
