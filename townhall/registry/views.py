"""Registry pages: the inventory, an account, requests and their review, connecting, CSV, notices.

Views stay thin: they check permission, hand the form's values to a service, and show the
service's sentence when it refuses.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from townhall.audit.models import AuditEntry
from townhall.core.permissions import can, require
from townhall.registry import csvio, selectors, services
from townhall.registry.forms import (
    AccountEditForm,
    AccountRequestForm,
    ArchiveForm,
    ConnectForm,
    FilterForm,
    ImportForm,
    ReviewForm,
)
from townhall.registry.models import Account, AccountRequest, Audience
from townhall.registry.recommend import recommend


@login_required
def index(request: HttpRequest) -> HttpResponse:
    require(request.user, "account.view")
    form = FilterForm(request.GET or None)
    qs = selectors.accounts_for(request.user)
    if form.is_valid():
        data = form.cleaned_data
        qs = selectors.search(
            qs,
            q=data["q"],
            network=data["network"],
            status=data["status"],
            unit=data["unit"],
            purpose=data["purpose"],
            owner=request.user if data["mine"] else None,
            viewer=request.user,
        )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    people = {e.lower() for e in selectors._people_emails()}
    rows = []
    for account in page:
        private = selectors.can_see_private(request.user, account)
        score = selectors.security_score(account, people_emails=people) if private else None
        rows.append(
            {
                "account": account,
                "private": private,
                "score": score,
                "band": selectors.score_band(score) if score is not None else "",
            }
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registry/index.html",
        {
            "form": form,
            "rows": rows,
            "page": page,
            "query": query.urlencode(),
            "may_import": can(request.user, "account.manage"),
            "may_review": can(request.user, "account.review"),
            "notices": selectors.unread_notices(request.user).count(),
        },
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "account.view")
    account = get_object_or_404(selectors.accounts_for(request.user), pk=pk)
    private = selectors.can_see_private(request.user, account)
    context = {"account": account, "private": private}
    if private:
        items = selectors.security_checklist(account)
        score = selectors.security_score(account)
        context.update(
            {
                "items": items,
                "score": score,
                "band": selectors.score_band(score),
                "last_rotation": selectors.last_rotation(account),
                "owners": account.owners.all(),
                "audiences": [dict(Audience.choices).get(a, a) for a in account.audiences or []],
                "history": AuditEntry.objects.filter(
                    object_type="registry.account", object_id=str(account.pk)
                ).order_by("-seq")[:20],
                "requests": account.requests.all(),
            }
        )
    user = request.user
    context.update(
        {
            "may_manage": can(user, "account.manage", account),
            "may_archive": can(user, "account.archive", account),
            "may_connect": can(user, "account.credentials", account) and account.network in ("bluesky", "mastodon"),
            "moves": [
                to
                for (frm, to), perm in services.TRANSITIONS.items()
                if frm == account.status and to != Account.Status.ARCHIVED and can(user, perm, account)
            ],
        }
    )
    return render(request, "registry/detail.html", context)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=pk)
    require(request.user, "account.manage", account)
    form = AccountEditForm(request.POST or None, instance=account)
    if request.method == "POST" and form.is_valid():
        changes = {k: form.cleaned_data[k] for k in services.EDITABLE_FIELDS if k in form.cleaned_data}
        account = Account.objects.get(pk=pk)  # the form mutated its instance; services get a clean one
        try:
            services.update_account(request.user, account, changes)
            services.set_owners(request.user, account, list(form.cleaned_data["owners"]))
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Saved.")
            return redirect("registry:detail", pk=pk)
    return render(request, "registry/edit.html", {"form": form, "account": account})


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    """Activate, mark dormant or reactivate (archiving has its own page with the hand-over)."""
    account = get_object_or_404(Account, pk=pk)
    to = request.POST.get("to", "")
    if to == Account.Status.ARCHIVED:
        return redirect("registry:archive", pk=pk)
    try:
        services.transition(request.user, account, to, reason=request.POST.get("reason", "")[:2000])
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{account} is now {account.get_status_display().lower()}.")
    return redirect("registry:detail", pk=pk)


@login_required
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=pk)
    require(request.user, "account.archive", account)
    form = ArchiveForm(request.POST or None, account=account)
    if request.method == "POST" and form.is_valid():
        try:
            services.transition(
                request.user,
                account,
                Account.Status.ARCHIVED,
                reason=form.cleaned_data["reason"],
                handover=form.handover(),
                successor=form.cleaned_data["successor"],
            )
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{account} is archived and its credentials are revoked.")
            return redirect("registry:detail", pk=pk)
    return render(request, "registry/archive.html", {"form": form, "account": account})


@login_required
def connect(request: HttpRequest) -> HttpResponse:
    """Connect (or reconnect) an account: the password goes to the vault and is never shown again."""
    initial = {}
    account = None
    if request.GET.get("account"):
        wanted = request.GET["account"]
        if not (wanted.isdigit() and int(wanted) < 2**63):  # ?account=abc is a missing account, not a failure
            raise Http404("No such account.")
        account = get_object_or_404(Account, pk=wanted)
        require(request.user, "account.credentials", account)
        initial = {"network": account.network, "handle": account.handle, "service_url": account.service_url}
    form = ConnectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            connected = services.connect_account(
                network=data["network"],
                handle=data["handle"],
                secret=data["secret"],
                service_url=data["service_url"] or "",
                actor=request.user,
                org_unit=data["org_unit"],
                kind=data["kind"],
            )
        except (ValueError, PermissionDenied) as exc:
            form.add_error(None, str(exc))
        else:
            for warning in getattr(connected, "connect_warnings", []):
                messages.warning(request, warning)
            messages.success(request, f"Connected {connected}; the credentials are in the vault.")
            return redirect("registry:detail", pk=connected.pk)
    return render(request, "registry/connect.html", {"form": form, "account": account})


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    from townhall.registry.vault import revoke_credentials

    account = get_object_or_404(Account, pk=pk)
    require(request.user, "account.credentials", account)
    revoke_credentials(account, actor=request.user)
    messages.success(request, "The stored credentials are revoked. Change the password at the network too.")
    return redirect("registry:detail", pk=pk)


# --- Requests ------------------------------------------------------------------------


@login_required
def requests_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    mine = AccountRequest.objects.filter(requested_by=user).select_related("org_unit")
    queue = selectors.review_queue() if can(user, "account.review") else AccountRequest.objects.none()
    decided = (
        selectors.requests_for(user).exclude(status=AccountRequest.Status.SUBMITTED)[:30]
        if can(user, "account.review")
        else []
    )
    return render(request, "registry/requests.html", {"mine": mine, "queue": queue, "decided": decided})


def _request_data(form: AccountRequestForm) -> dict:
    data = {k: form.cleaned_data.get(k) for k in services.REQUEST_FIELDS}
    data["handle"] = data.get("handle") or ""
    return data


@login_required
def request_new(request: HttpRequest) -> HttpResponse:
    require(request.user, "account.request")
    form = AccountRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            req = services.submit_request(
                request.user, _request_data(form), co_owners=list(form.cleaned_data["co_owners"])
            )
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Thank you: the digital team will review your request and reply here.")
            return redirect("registry:request-detail", pk=req.pk)
    return _request_form_page(request, form, editing=None)


def _request_form_page(request: HttpRequest, form: AccountRequestForm, editing: AccountRequest | None) -> HttpResponse:
    """The request form with the network suggestions for the audiences ticked so far."""
    audiences = form["audiences"].value() or []
    ranked, cautions = recommend(list(audiences), unit=request.user.org_unit)
    context = {"form": form, "recommendations": ranked, "cautions": cautions, "editing": editing}
    return render(request, "registry/request_form.html", context)


@login_required
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The requester answers a 'changes requested' decision and resubmits."""
    req = get_object_or_404(AccountRequest, pk=pk, requested_by=request.user)
    form = AccountRequestForm(request.POST or None, instance=req, user=request.user)
    if request.method == "POST" and form.is_valid():
        req = AccountRequest.objects.get(pk=pk)
        try:
            services.resubmit_request(request.user, req, _request_data(form))
            req.co_owners.set([u for u in form.cleaned_data["co_owners"] if u.pk != request.user.pk])
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Sent back to the digital team.")
            return redirect("registry:request-detail", pk=pk)
    return _request_form_page(request, form, editing=req)


@login_required
def recommendations(request: HttpRequest) -> HttpResponse:
    """The recommendation panel for the audiences ticked so far (htmx partial)."""
    require(request.user, "account.request")
    audiences = [a for a in request.GET.getlist("audiences") if a in Audience.values]
    ranked, cautions = recommend(audiences, unit=request.user.org_unit)
    return render(
        request,
        # opened on its own (a bookmark, a new tab): a whole page, not a bare fragment without a title
        "registry/_recommendations.html" if request.htmx else "registry/recommendations.html",
        {"recommendations": ranked, "cautions": cautions, "asked": bool(audiences)},
    )


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    req = get_object_or_404(selectors.requests_for(request.user), pk=pk)
    form = None
    if can(request.user, "account.review", req) and req.status == AccountRequest.Status.SUBMITTED:
        form = ReviewForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.review_request(request.user, req, form.cleaned_data["decision"], form.cleaned_data["reason"])
            except ValueError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Decision recorded; the requester has been told.")
                return redirect("registry:request-detail", pk=pk)
    ranked, cautions = recommend(list(req.audiences or []), unit=req.org_unit)
    return render(
        request,
        "registry/request_detail.html",
        {
            "req": req,
            "form": form,
            "recommendations": ranked,
            "cautions": cautions,
            "audiences": [dict(Audience.choices).get(a, a) for a in req.audiences or []],
            "is_requester": req.requested_by_id == request.user.pk,
        },
    )


@login_required
@require_POST
def request_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    req = get_object_or_404(AccountRequest, pk=pk)
    try:
        services.withdraw_request(request.user, req)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Request withdrawn.")
    return redirect("registry:request-detail", pk=pk)


# --- CSV and notices -----------------------------------------------------------------


@login_required
def export(request: HttpRequest) -> HttpResponse:
    require(request.user, "account.view")
    qs = selectors.accounts_for(request.user)
    response = HttpResponse(csvio.export_csv(request.user, qs), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="townhall-accounts-{stamp}.csv"'
    return response


@login_required
def import_view(request: HttpRequest) -> HttpResponse:
    require(request.user, "account.manage")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > csvio.MAX_BYTES:
            form.add_error("file", "The file is larger than 2 MB; split it.")
        else:
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                form.add_error("file", "The file is not UTF-8 text; save it as 'CSV UTF-8' and try again.")
            else:
                result = csvio.import_csv(request.user, text, dry_run=form.cleaned_data["dry_run"])
                if result.ok and not result.dry_run:
                    messages.success(
                        request,
                        f"Imported: {result.created} new, {result.updated} updated, {result.unchanged} unchanged.",
                    )
                    return redirect("registry:index")
    return render(request, "registry/import.html", {"form": form, "result": result})


@login_required
def notices(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.mark_notices_read(request.user)
        return redirect("registry:notices")
    items = request.user.registry_notices.all()[:100]
    return render(request, "registry/notices.html", {"items": items})
