from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from townhall.analytics.models import Campaign
from townhall.core.permissions import can
from townhall.links import qr, selectors, services
from townhall.links.forms import ExpiryForm, LinkForm
from townhall.registry.models import Account


@require_http_methods(["GET", "HEAD"])
def follow(request: HttpRequest, code: str) -> HttpResponse:
    """The public redirect. Counts the click (one atomic upsert), then sends the visitor on."""
    link = services.resolve(code)
    if link is None:
        response = render(request, "links/gone.html", {"missing": True}, status=404)
    elif link.expires_at is not None and timezone.now() >= link.expires_at:
        response = render(request, "links/gone.html", {"missing": False}, status=410)
    else:
        meta = request.META
        services.count_click(link.id, user_agent=meta.get("HTTP_USER_AGENT", ""),
                             referer=meta.get("HTTP_REFERER", ""), method=request.method)
        response = HttpResponseRedirect(link.destination)
    response["Cache-Control"] = "no-store"  # every click comes back here to be counted
    response["X-Robots-Tag"] = "noindex"
    return response


def _accounts(user):
    qs = Account.objects.exclude(status="archived")
    return qs if can(user, "account.manage") else qs.filter(owners=user)


def _campaigns(user: Any) -> Any:
    """The campaigns a link may join: all, for those who may see every campaign; else those of
    the person's unit and of the units of the accounts they own (review of 2026-12-06: every
    unit's campaigns were offered to everyone)."""
    from townhall.analytics.selectors import may_see_campaigns

    if may_see_campaigns(user):
        return Campaign.objects.all()
    units = set(_accounts(user).values_list("org_unit_id", flat=True))
    if getattr(user, "org_unit_id", None):
        units.add(user.org_unit_id)
    return Campaign.objects.filter(org_unit_id__in=units)


def _end_of_day(day) -> datetime | None:
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


@login_required
def index(request: HttpRequest) -> HttpResponse:
    form = LinkForm(request.POST or None, accounts=_accounts(request.user), campaigns=_campaigns(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            link = services.create_link(request.user, data["url"], account=data["account"],
                                        campaign=data["campaign"], expires_at=_end_of_day(data["expires_on"]))
        except (ValidationError, PermissionDenied) as exc:
            form.add_error("url" if isinstance(exc, ValidationError) else None,
                           exc.messages[0] if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, f"Tracked link ready: {link.short_url}")
            return redirect("links:detail", code=link.code)
    links = list(selectors.visible_links(request.user)[:200])
    return render(request, "links/index.html", {"rows": selectors.link_rows(links), "form": form})


def _visible(request: HttpRequest, code: str):
    link = selectors.visible_links(request.user).filter(code=code).first()
    if link is None:
        raise Http404("No such link, or not yours to see.")
    return link


@login_required
def detail(request: HttpRequest, code: str) -> HttpResponse:
    link = _visible(request, code)
    form = ExpiryForm(request.POST or None, initial={
        "expires_on": timezone.localtime(link.expires_at).date() if link.expires_at else None})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_expiry(request.user, link, _end_of_day(form.cleaned_data["expires_on"]))
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Expiry saved.")
            return redirect("links:detail", code=code)
    data = selectors.stats(link)
    days = sorted(data["by_day"].items(), reverse=True)
    from townhall.analytics.selectors import may_see_campaigns

    return render(request, "links/detail.html", {"link": link, "s": data, "days": days, "form": form,
                                                 "manage": can(request.user, "link.create", link),
                                                 "campaign_page": may_see_campaigns(request.user)})


@login_required
def qr_code(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in ("svg", "png"):
        raise Http404("QR codes come as .svg or .png.")
    link = _visible(request, code)
    if fmt == "svg":
        response = HttpResponse(qr.svg(link.short_url), content_type="image/svg+xml")
    else:
        response = HttpResponse(qr.png(link.short_url), content_type="image/png")
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="link-{link.code}.{fmt}"'
    return response
