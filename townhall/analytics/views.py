from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from townhall.analytics import selectors, services
from townhall.analytics.forms import ImportForm, MeasurementForm, ObjectiveForm
from townhall.core.permissions import can
from townhall.registry.models import Account


def _manageable_accounts(user):
    if can(user, "account.manage"):
        return Account.objects.exclude(status="archived")
    return Account.objects.filter(owners=user).exclude(status="archived")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    items = []
    for objective in selectors.visible_objectives(request.user):
        p = selectors.progress(objective)
        points = selectors.sparkline_points(p.series, objective.period_start, objective.period_end, objective.target)
        items.append({"p": p, "points": points, "bar": min(p.percent, 100) * 3})
    accounts = _manageable_accounts(request.user)
    can_create = accounts.exists() or can(request.user, "listening.manage")
    form = ObjectiveForm(request.POST or None, accounts=accounts)
    if request.method == "POST":
        if not can_create:
            raise PermissionDenied("You own no account to set objectives for.")
        if form.is_valid():
            data = form.cleaned_data
            unit = data["account"].org_unit if data["account"] else request.user.org_unit
            try:
                if unit is None:
                    raise ValidationError("Your profile has no School or department; ask an admin to set one.")
                services.create_objective(request.user, org_unit=unit, **data)
            except (ValidationError, PermissionDenied) as exc:
                form.add_error(None, str(exc) if isinstance(exc, PermissionDenied) else exc)
            else:
                messages.success(request, "Objective added.")
                return redirect("analytics:index")
    from townhall.publishing.selectors import engagement

    return render(request, "analytics/index.html", {"items": items, "form": form, "can_create": can_create,
                                                    "engagement": engagement(request.user)})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    objective = selectors.visible_objectives(request.user).filter(pk=pk).first()
    if objective is None:
        raise Http404("No such objective, or not yours to see.")
    form = MeasurementForm(request.POST if "value" in request.POST else None)
    upload = ImportForm(request.POST if "import" in request.POST else None, request.FILES or None)
    if request.method == "POST":
        try:
            if "import" in request.POST and upload.is_valid():
                raw = upload.cleaned_data["file"].read(5_000_000)
                try:
                    text = raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise ValidationError("The file is not UTF-8 text; export it as CSV (UTF-8).") from None
                count = services.import_csv(request.user, objective, text)
                messages.success(request, f"Imported {count} days.")
                return redirect("analytics:detail", pk=pk)
            if "value" in request.POST and form.is_valid():
                services.record_measurement(
                    request.user, objective, day=form.cleaned_data["day"], value=form.cleaned_data["value"]
                )
                messages.success(request, "Recorded.")
                return redirect("analytics:detail", pk=pk)
        except ValidationError as exc:
            (upload if "import" in request.POST else form).add_error(None, exc)
    p = selectors.progress(objective)
    points = selectors.sparkline_points(p.series, objective.period_start, objective.period_end, objective.target,
                                        width=600, height=160)
    return render(
        request,
        "analytics/detail.html",
        {"p": p, "o": objective, "points": points, "form": form, "upload": upload,
         "manage": objective.account is None or can(request.user, "account.manage", objective.account)},
    )
