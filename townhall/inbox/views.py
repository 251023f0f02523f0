"""Inbox pages: the queue and one conversation (assign, status, reply with policy check)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property

from townhall.core.models import User
from townhall.core.permissions import can, require
from townhall.inbox import selectors, services
from townhall.inbox.models import Conversation
from townhall.web import policy_bridge


class CappedPaginator(Paginator):
    """Counts the queue only up to COUNT_CAP rows (the first 333 pages): an exact count of a
    60,000-conversation archive on every page view costs more than the page itself."""

    COUNT_CAP = 10_000

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: self.COUNT_CAP].count()


@login_required
def index(request: HttpRequest) -> HttpResponse:
    accounts = selectors.visible_accounts(request.user)
    if not (can(request.user, "inbox.view") or accounts.exists()):
        # The menu shows the inbox to everyone; say why it is empty rather than refuse.
        return render(request, "inbox/none.html", status=200)
    status = request.GET.get("status", "open")
    qs = selectors.queue(request.user, status=status, account=request.GET.get("account", ""),
                         mine=request.GET.get("mine") == "1")
    page = CappedPaginator(qs, 30).get_page(request.GET.get("page"))
    return render(request, "inbox/index.html", {
        "page": page, "status": status, "statuses": Conversation.Status.choices, "accounts": accounts,
        "account": request.GET.get("account", ""), "mine": request.GET.get("mine") == "1",
        "stats": selectors.response_stats(request.user),
    })


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    conv = get_object_or_404(Conversation.objects.select_related("account", "mention", "assigned_to"), pk=pk)
    require(request.user, "inbox.view", conv.account)
    findings = None
    draft = ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "assign":
                who = request.POST.get("assignee", "")
                services.assign(request.user, conv, User.objects.get(pk=who) if who.isdigit() else None)
                messages.success(request, "Assignment saved.")
            elif action == "status":
                services.set_status(request.user, conv, request.POST.get("status", ""))
                messages.success(request, "Status saved.")
            elif action == "check":
                draft = request.POST.get("text", "")
                findings = policy_bridge.check(draft, network=services._network(conv.account.network),
                                               account=policy_bridge.account_type(conv.account), reply=True)
            elif action == "reply":
                draft = request.POST.get("text", "")
                _, findings = services.reply(request.user, conv, draft)
                messages.success(request, "Reply sent to publishing for approval." if conv.reply_post_id
                                 else "Reply saved on the conversation.")
                return redirect("inbox:detail", pk=conv.pk)
        except (ValueError, User.DoesNotExist) as exc:
            messages.error(request, str(exc) if not isinstance(exc, User.DoesNotExist) else "No such person.")
        else:
            if action in ("assign", "status"):
                return redirect("inbox:detail", pk=conv.pk)
    helpers = User.objects.filter(is_active=True).filter(
        pk__in=conv.account.owners.values("pk")
    ) | User.objects.filter(is_active=True, role__in=["digital", "admin"])
    return render(request, "inbox/detail.html", {
        "c": conv, "may_reply": can(request.user, "inbox.reply", conv), "helpers": helpers.distinct(),
        "statuses": Conversation.Status.choices, "findings": findings, "draft": draft,
        "blocks": policy_bridge.blocks(findings) if findings else False,
    })
