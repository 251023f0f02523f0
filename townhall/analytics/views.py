from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

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
                                                    "engagement": engagement(request.user),
                                                    "campaigns": selectors.may_see_campaigns(request.user)})


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
    chart, rows = _progress_chart(objective, p.series)
    return render(
        request,
        "analytics/detail.html",
        {"p": p, "o": objective, "chart": chart, "rows": rows, "form": form, "upload": upload,
         "manage": objective.account is None or can(request.user, "account.manage", objective.account)},
    )


def _progress_chart(objective, series):
    """The cumulative total against the even pace, with axes and day labels, and the same figures
    as table rows for people who cannot see the chart (issue 15)."""
    from townhall.listening.charts import line_chart

    if not series:
        return None, []
    days = max((objective.period_end - objective.period_start).days, 1)
    labels = [f"{day.day} {day:%b}" for day, _ in series]
    totals = [float(value) for _, value in series]
    pace = [round(objective.target * (day - objective.period_start).days / days, 1) for day, _ in series]
    chart = line_chart(labels, [("Cumulative total", "#123f6d", totals), ("Even pace to the target", "#8a5a00", pace)],
                       title=f"Cumulative {objective.get_metric_display().lower()} against the even pace",
                       unit=objective.get_metric_display().lower())
    rows = [{"day": day, "total": value, "pace": pace[i]} for i, (day, value) in enumerate(series)]
    return chart, rows


# --- reports, export, campaigns --------------------------------------------------------------------

def _report_scopes(user) -> list[tuple[str, str]]:
    """The accounts, units and campaigns this person may report on."""
    from townhall.analytics.models import Campaign
    from townhall.core.models import OrgUnit

    scopes = [(f"account:{a.pk}", f"Account: {a}") for a in selectors.visible_accounts(user)]
    if can(user, "listening.view"):
        scopes += [(f"unit:{u.pk}", f"Unit: {u}") for u in OrgUnit.objects.all()]
        scopes += [(f"campaign:{c.pk}", f"Campaign: {c}") for c in Campaign.objects.all()]
    return scopes


@login_required
def report(request: HttpRequest) -> HttpResponse:
    from datetime import date as _date

    from townhall.analytics import reports

    scopes = _report_scopes(request.user)
    if not scopes:
        raise PermissionDenied("You own no account and see no unit to report on.")
    scope = request.GET.get("scope") or scopes[0][0]
    if scope not in {s for s, _ in scopes}:
        raise Http404("No such account, unit or campaign, or not yours to report on.")
    raw_month = request.GET.get("month", "")
    try:
        month = _date.fromisoformat(raw_month + "-01") if raw_month else timezone.localdate().replace(day=1)
    except ValueError:
        month = timezone.localdate().replace(day=1)
    if not 2000 <= month.year <= 2100:  # 9999-12 overflowed the end-of-month sum (a 500)
        month = timezone.localdate().replace(day=1)
    start, end = reports.month_bounds(month)
    data = reports.build(scope, start, end)
    fmt = request.GET.get("format", "")
    name = f"townhall-report-{scope.replace(':', '-')}-{start:%Y-%m}"
    if fmt == "pdf":
        response = HttpResponse(reports.to_pdf(data), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
        return response
    if fmt == "csv":
        response = HttpResponse(reports.to_csv(data), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    chart = reports.bar_chart([(d, c) for d, c, _ in data.clicks_by_day], start, end)
    return render(request, "analytics/report.html", {
        "r": data, "chart": chart, "scopes": scopes, "scope": scope, "month": f"{start:%Y-%m}",
        "query": f"scope={scope}&month={start:%Y-%m}"})


@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    """Every objective this person may see, one row per day with the figure that counts and where
    it came from (the same one figure the progress uses: sources are never added together)."""
    import io

    from townhall.core import csvsafe

    out = io.StringIO()
    writer = csvsafe.Writer(out)
    writer.writerow(["objective", "measured by", "account", "target", "day", "value", "source"])
    for o in selectors.visible_objectives(request.user):
        for day, (value, source) in selectors.daily(o).items():
            writer.writerow([o.name, o.get_metric_display(), str(o.account or ""), o.target, day.isoformat(), value,
                             source])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="townhall-objectives.csv"'
    return response


@login_required
def campaigns(request: HttpRequest) -> HttpResponse:
    from townhall.analytics.forms import CampaignForm
    from townhall.analytics.models import Campaign

    if not selectors.may_see_campaigns(request.user):
        raise PermissionDenied("Campaigns are for the digital team, governance and administrators.")
    form = CampaignForm(request.POST or None)
    if request.method == "POST":
        try:
            if form.is_valid():
                campaign = services.create_campaign(request.user, org_unit=request.user.org_unit, **form.cleaned_data)
                messages.success(request, "Campaign added.")
                return redirect("analytics:campaign", pk=campaign.pk)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, str(exc) if isinstance(exc, PermissionDenied) else exc)
    return render(request, "analytics/campaigns.html", {
        "campaigns": Campaign.objects.all()[:200], "form": form,
        "can_manage": can(request.user, "campaign.manage")})


@login_required
def campaign(request: HttpRequest, pk: int) -> HttpResponse:
    from townhall.analytics import reports
    from townhall.analytics.models import Campaign
    from townhall.links.selectors import link_rows
    from townhall.publishing.selectors import visible_posts

    item = Campaign.objects.filter(pk=pk).first() if selectors.may_see_campaigns(request.user) else None
    if item is None:
        raise Http404("No such campaign, or not yours to see.")
    manage = can(request.user, "campaign.manage")
    if request.method == "POST" and manage and request.POST.get("post", "").isdigit():
        post = visible_posts(request.user).filter(pk=int(request.POST["post"])).first()
        if post is None:
            raise Http404("No such post, or not yours to see.")
        services.add_post_to_campaign(request.user, item, post)
        messages.success(request, "Post added to the campaign.")
        return redirect("analytics:campaign", pk=pk)
    today = timezone.localdate()
    start = item.starts_on or (today - timedelta(days=90))
    end = item.ends_on or today
    data = reports.build(f"campaign:{item.pk}", start, end)
    objectives = [selectors.progress(o) for o in item.objectives.all()]
    chart = reports.bar_chart([(d, c) for d, c, _ in data.clicks_by_day], start, end)
    choices = visible_posts(request.user).exclude(campaigns=item).order_by("-created_at")[:50] if manage else []
    return render(request, "analytics/campaign.html", {
        "c": item, "r": data, "objectives": objectives, "chart": chart, "links": link_rows(list(item.links.all())),
        "choices": choices, "manage": manage, "scope": f"campaign:{item.pk}"})
