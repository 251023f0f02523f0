"""Publishing pages: composer (with live policy findings), post page with the workflow, calendar.

Views are thin: they parse the form, call `services`, and turn ValueError and
PermissionDenied into messages on the page (nothing typed is lost: the form is re-shown).
"""

from __future__ import annotations

import calendar as pycal
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from townhall.core.permissions import can, require
from townhall.links import services as links_services
from townhall.publishing import selectors, services
from townhall.publishing.models import Post
from townhall.registry.models import Account

MAX_UPLOAD = 16_000_000
THREAD_SEPARATOR = "---"


def _split_thread(raw: str) -> list[str]:
    parts, current = [], []
    for line in raw.splitlines():
        if line.strip() == THREAD_SEPARATOR:
            parts.append("\n".join(current).strip())
            current = []
        else:
            current.append(line)
    parts.append("\n".join(current).strip())
    return [p for p in parts if p]


def _user_tz(user: Any) -> ZoneInfo:
    try:
        return ZoneInfo(getattr(user, "time_zone", "") or "Europe/London")
    except Exception:
        return ZoneInfo("Europe/London")


def _selected_accounts(request: HttpRequest) -> list[Account]:
    ids = [int(i) for i in request.POST.getlist("accounts") if str(i).isdigit()]
    return list(Account.objects.filter(pk__in=ids))


def _images(request: HttpRequest) -> list[services.ImageInput]:
    images = []
    for n in range(1, 5):
        upload = request.FILES.get(f"image{n}")
        alt = request.POST.get(f"alt{n}", "")
        if upload is None:
            continue
        if upload.size > MAX_UPLOAD:
            raise ValueError(f"Image {n} is larger than {MAX_UPLOAD // 1_000_000} MB.")
        data = upload.read()
        mime = services.sniff_image(data) or "application/octet-stream"
        images.append(services.ImageInput(data, mime, alt, upload.name or ""))
    return images


def live_context(user: Any, text: str, thread: list[str], accounts: list[Account], alts: list[str],
                 scholarly: bool = False, keep_links: set[str] | None = None, when: str = "",
                 exclude_post_id: int | None = None, link_card: dict[str, str] | None = None) -> dict:
    """Per-network preview (count and limit for each part) and the policy findings, highlighted.

    Checked against the institution's current policy version (compiled once per version), as
    the account's type: research and teaching accounts get academic freedom."""
    from townhall.web import policy_bridge
    from townhall.web.templatetags.townhall_ui import network_name
    from townhall.web.views import highlight

    pack, _ = policy_bridge.current()
    networks = sorted({a.network for a in accounts}) or ["bluesky"]
    # With an official and a research account on one network, the stricter (official) applies.
    research_only = {
        n for n in networks
        if accounts and all(policy_bridge.account_type(a) == "research" for a in accounts if a.network == n)
    }
    parts = [text, *thread]
    previews = []
    all_findings: list[dict] = []
    for network in networks:
        bridge_network = network if network in policy_bridge.NETWORKS else "bluesky"
        kind = "research" if network in research_only else "official"
        rows = []
        for i, part in enumerate(parts):
            # links that will be tracked count as the short link they become (townhall/links)
            count, limit = services.measure(links_services.preview_text(part, keep_links or set()), network)
            findings = policy_bridge.check(
                part, network=bridge_network, account=kind, pack=pack, scholarly=scholarly,
                alts=alts if i == 0 else [],
            ) if part else []
            all_findings.extend(findings)
            rows.append(
                {
                    "index": i + 1,
                    "count": count,
                    "limit": limit,
                    "over": count > limit,
                    "highlighted": highlight(part, findings),
                    "findings": findings,
                }
            )
        previews.append({"network": network, "label": network_name(network), "parts": rows})
    route = services.route_for(all_findings)
    # Compose-time truth: the cadence plan at the chosen time and whether each account can publish.
    tz_name = getattr(user, "time_zone", "") or "UTC"
    try:
        moment = services.parse_when(when, tz_name)
        when_problem = ""
    except ValueError as exc:
        moment, when_problem = None, str(exc)
    return {
        "cadence": services.cadence_at(accounts, moment, tz_name, exclude_post_id=exclude_post_id),
        "when_problem": when_problem,
        "not_ready": services.readiness_problems(accounts),
        "alts": alts,
        "link_card": link_card or {},
        "previews": previews,
        "blocked": services.has_block(all_findings),
        "route": Post.Route(route).label,
        "risky": route != Post.Route.OWNERS,
        "checked": bool(text.strip()),
        "accounts": accounts,
        "may_override": can(user, "post.override_block"),
        "links": links_services.links_in(parts, keep_links or set()),
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    require(request.user, "policy.view")
    posts = selectors.visible_posts(request.user).select_related("created_by").prefetch_related("deliveries__account")
    status = request.GET.get("status", "")
    if status in Post.Status.values:
        posts = posts.filter(status=status)
    notes = list(selectors.unread_notifications(request.user)[:20])
    return render(
        request,
        "publishing/index.html",
        {
            "mine": posts.filter(created_by=request.user)[:50],
            "all_posts": posts[:100] if request.user.has_role("digital", "governance", "admin") else [],
            "awaiting": selectors.awaiting(request.user),
            "notifications": notes,
            "status": status,
            "statuses": Post.Status.choices,
        },
    )


@login_required
def compose(request: HttpRequest) -> HttpResponse:
    require(request.user, "policy.view")
    accounts = selectors.postable_accounts(request.user)
    tz = _user_tz(request.user)
    form: dict[str, Any] = {"text": "", "thread": "", "scheduled_at": "", "visibility": "public", "selected": []}
    if request.method == "POST":
        form.update(
            text=request.POST.get("text", ""),
            thread=request.POST.get("thread", ""),
            scheduled_at=request.POST.get("scheduled_at", ""),
            visibility=request.POST.get("visibility", "public"),
            selected=[int(i) for i in request.POST.getlist("accounts") if i.isdigit()],
            link_uri=request.POST.get("link_uri", ""),
            link_title=request.POST.get("link_title", ""),
            link_description=request.POST.get("link_description", ""),
            alts=[request.POST.get(f"alt{n}", "") for n in range(1, 5)],
        )
        try:
            card = None
            if form["link_uri"].strip():
                if not form["link_uri"].startswith(("https://", "http://")):
                    raise ValueError("The link card's address must start with https://.")
                card = {"uri": form["link_uri"].strip(), "title": form["link_title"].strip(),
                        "description": form["link_description"].strip()}
            post = services.create_post(
                request.user,
                form["selected"],
                form["text"],
                thread=_split_thread(form["thread"]),
                images=_images(request),
                scheduled_at=form["scheduled_at"] or None,
                time_zone=str(tz),
                link_card=card,
                visibility=form["visibility"],
            )
        except (ValueError, PermissionDenied) as exc:
            messages.error(request, str(exc))
        else:
            links_services.remember_kept(post, request.POST.getlist("keep_link"))
            if request.POST.get("scholarly") == "on":
                post.scholarly = True
                post.save(update_fields=["scholarly", "updated_at"])
            if "submit" in request.POST:
                try:
                    services.submit(post, request.user)
                    messages.success(request, "Submitted for approval.")
                except (ValueError, PermissionDenied) as exc:
                    messages.error(request, f"Saved as a draft, not submitted: {exc}")
            else:
                messages.success(request, "Saved as a draft.")
            return redirect("publishing:detail", pk=post.pk)
    return render(
        request,
        "publishing/compose.html",
        {"accounts": accounts, "form": form, "tz": str(tz), "alt_required": services.require_alt(),
         "image_slots": range(1, 5)},
    )


@login_required
@require_POST
def check(request: HttpRequest) -> HttpResponse:
    """The htmx live check: findings with spans highlighted and fixes, and per-network counts."""
    require(request.user, "policy.view")
    text = request.POST.get("text", "")[:20_000]
    thread = _split_thread(request.POST.get("thread", "")[:50_000])
    alts = [request.POST.get(f"alt{n}", "") for n in range(1, 5) if request.POST.get(f"alt{n}")]
    accounts = _selected_accounts(request)
    scholarly = request.POST.get("scholarly") == "on"
    keep = set(request.POST.getlist("keep_link"))
    when = request.POST.get("scheduled_at", "")[:40]
    return render(request, "publishing/_live.html",
                  live_context(request.user, text, thread, accounts, alts, scholarly=scholarly, keep_links=keep,
                               when=when, link_card={k: request.POST.get(f"link_{k}", "")[:500].strip()
                                                     for k in ("uri", "title", "description")}))


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("created_by", "approved_by", "override_by"), pk=pk)
    if not selectors.visible_posts(request.user).filter(pk=pk).exists():
        raise PermissionDenied("You may not see this post.")
    user = request.user
    tz = _user_tz(user)
    is_author = post.created_by_id == user.pk
    # A draft's findings are computed now (against the current policy), so the author and
    # governance see every blocking finding with its message, clause and fix before submitting.
    editable_state = post.status in (Post.Status.DRAFT, Post.Status.CHANGES)
    live_findings = services.policy_findings(post) if editable_state else None
    return render(
        request,
        "publishing/detail.html",
        {
            "post": post,
            "deliveries": post.deliveries.select_related("account"),
            "comments": post.comments.select_related("author"),
            "images": post.images.all(),
            "tz": str(tz),
            "scheduled_local": post.scheduled_at.astimezone(tz) if post.scheduled_at else None,
            "send_after_local": post.send_after.astimezone(tz) if post.send_after else None,
            "live_findings": live_findings,
            "live_blocked": services.has_block(live_findings or []),
            "may": {
                "edit": post.editable and (is_author or can(user, "post.approve", post)),
                "submit": is_author and post.status in (Post.Status.DRAFT, Post.Status.CHANGES),
                "decide": post.status == Post.Status.SUBMITTED and services.can_approve(user, post),
                "publish_now": post.status == Post.Status.SUBMITTED and services.can_approve(user, post)
                and can(user, "post.publish_now", post),
                "hold": post.status == Post.Status.SCHEDULED and (is_author or services.can_approve(user, post)),
                "release": post.status == Post.Status.APPROVED and not is_author and services.can_approve(user, post),
                "override": post.status in (Post.Status.DRAFT, Post.Status.CHANGES)
                and can(user, "post.override_block", post) and services.has_block(live_findings or [])
                and post.override_by_id is None,
                "reschedule": post.status in (*Post.EDITABLE, Post.Status.SUBMITTED, Post.Status.APPROVED,
                                              Post.Status.SCHEDULED) and (is_author or can(user, "post.approve", post)),
                "retry": post.status == Post.Status.FAILED and (is_author or can(user, "post.approve", post)),
                # Only to those the delete page lets in (never the author: someone else decides).
                "delete_remote": post.status == Post.Status.PUBLISHED and can(user, "post.delete_published", post),
            },
        },
    )


ACTIONS = {
    "submit": lambda post, user, data: services.submit(post, user),
    "approve": lambda post, user, data: services.approve(post, user, comment=data.get("comment", "")),
    "publish_now": lambda post, user, data: services.approve(post, user, publish_now=True),
    "request_changes": lambda post, user, data: services.request_changes(post, user, data.get("comment", "")),
    "reject": lambda post, user, data: services.reject(post, user, data.get("comment", "")),
    "hold": lambda post, user, data: services.hold(post, user),
    "release": lambda post, user, data: services.release(post, user),
    "override": lambda post, user, data: services.override_block(post, user, data.get("reason", "")),
    "reschedule": lambda post, user, data: services.reschedule(post, user, data.get("scheduled_at", "")),
    "retry": lambda post, user, data: services.retry_failed(post, user),
    "comment": lambda post, user, data: services.add_comment(post, user, data.get("comment", "")),
    "edit": lambda post, user, data: services.update_post(
        post, user, text=data.get("text"), thread=_split_thread(data.get("thread", "")),
        scheduled_at=data.get("scheduled_at") or None,
    ),
}
DONE = {
    "submit": "Submitted for approval.",
    "approve": "Approved: it goes out after the cool-off window unless someone holds it.",
    "publish_now": "Approved to publish now.",
    "request_changes": "Sent back to the author with your comment.",
    "reject": "Rejected.",
    "hold": "On hold: it will not be sent.",
    "release": "Released: it goes out after a new cool-off window.",
    "override": "Override recorded in the audit trail.",
    "reschedule": "Rescheduled.",
    "retry": "Trying again.",
    "comment": "Comment added.",
    "edit": "Saved.",
}


@login_required
@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post, pk=pk)
    action = request.POST.get("action", "")
    handler = ACTIONS.get(action)
    if handler is None:
        messages.error(request, "Unknown action.")
        return redirect("publishing:detail", pk=pk)
    try:
        handler(post, request.user, request.POST)
    except (ValueError, PermissionDenied) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, DONE[action])
    return redirect("publishing:detail", pk=pk)


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> JsonResponse:
    """Drop a post on another day of the calendar (calendar.js); same time of day."""
    post = get_object_or_404(selectors.visible_posts(request.user), pk=pk)
    try:
        day = date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        return JsonResponse({"message": "Give the day as YYYY-MM-DD."}, status=400)
    try:
        post = services.move_to_day(post, request.user, day, _user_tz(request.user))
    except PermissionDenied as exc:
        return JsonResponse({"message": str(exc)}, status=403)
    except ValueError as exc:
        return JsonResponse({"message": str(exc)}, status=400)
    when = post.scheduled_at.astimezone(_user_tz(request.user))
    messages.success(request, f"Moved to {when:%a %d %b %Y %H:%M}.")
    return JsonResponse({"message": "Moved.", "scheduled_at": post.scheduled_at.isoformat()})


@login_required
@require_POST
def read_notifications(request: HttpRequest) -> HttpResponse:
    selectors.unread_notifications(request.user).update(read_at=timezone.now())
    return redirect("publishing:index")


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    """Week or month of scheduled and published posts, per account, in the viewer's time zone."""
    require(request.user, "policy.view")
    tz = _user_tz(request.user)
    view = request.GET.get("view", "week")
    if view not in ("week", "month"):
        view = "week"
    try:
        anchor = date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        anchor = timezone.now().astimezone(tz).date()
    account_id = request.GET.get("account", "")
    account_id = int(account_id) if account_id.isdigit() else None
    if view == "week":
        first = selectors.week_start(anchor)
        days = [first + timedelta(days=i) for i in range(7)]
        prev_date, next_date = first - timedelta(days=7), first + timedelta(days=7)
        title = f"Week of {first:%d %B %Y}"
    else:
        first_of_month = anchor.replace(day=1)
        first = selectors.week_start(first_of_month)
        last_day = anchor.replace(day=pycal.monthrange(anchor.year, anchor.month)[1])
        count = ((last_day - first).days // 7 + 1) * 7
        days = [first + timedelta(days=i) for i in range(count)]
        prev_date = (first_of_month - timedelta(days=1)).replace(day=1)
        next_date = last_day + timedelta(days=1)
        title = f"{anchor:%B %Y}"
    start = datetime.combine(days[0], datetime.min.time(), tzinfo=tz)
    end = datetime.combine(days[-1] + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    entries = selectors.calendar_entries(request.user, start, end, account_id)
    by_day: dict[date, list] = {d: [] for d in days}
    for entry in entries:
        by_day.setdefault(entry["day"], []).append(entry)
    cells = [{"day": d, "entries": by_day.get(d, []), "other_month": view == "month" and d.month != anchor.month,
              "today": d == timezone.now().astimezone(tz).date()} for d in days]
    weeks = [cells[i:i + 7] for i in range(0, len(cells), 7)]
    accounts = Account.objects.filter(deliveries__post__in=selectors.visible_posts(request.user)).distinct()
    return render(
        request,
        "publishing/calendar.html",
        {
            "view": view,
            "weeks": weeks,
            "title": title,
            "prev": prev_date.isoformat(),
            "next": next_date.isoformat(),
            "anchor": anchor.isoformat(),
            "accounts": accounts,
            "account_id": account_id,
            "tz": str(tz),
            "weekdays": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            "count": len(entries),
        },
    )
