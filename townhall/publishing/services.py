"""The publishing workflow: draft → submitted → approved / changes requested / rejected →
scheduled → publishing → published / failed.

Why each rule exists (the guidance: once a post is out there is almost no chance of
taking it back):

- every post is checked by the policy engine; a `block` finding stops submission unless
  someone allowed to (`post.override_block`) overrides it, with a reason, audited;
- nobody approves their own post, and risk decides who approves: warnings in a risk family
  go to the digital team, contentious or confidential-ip findings to governance;
- an approved post waits a cool-off window (default two minutes) with a one-click hold;
- the account's cadence plan is enforced, and a refusal names the next allowed time.

Every function here validates first and raises `ValueError` (or `PermissionDenied`) with
a sentence before writing anything, so bad input loses nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from townhall.audit.services import record, snapshot
from townhall.core.mail import email_people
from townhall.core.models import User
from townhall.core.permissions import can, require
from townhall.incidents import containment
from townhall.links.services import preview_text as links_preview_text
from townhall.publishing import cadence, publisher
from townhall.publishing.models import Comment, Delivery, Notification, Post, PostImage
from townhall.registry.handles import network_label
from townhall.registry.models import Account

log = logging.getLogger("townhall.publishing")

# Copied from townhall.policy.types (the engine is reached only through the bridge).
RISK_FAMILIES = frozenset(
    {"privacy", "credentials", "confidential-ip", "contentious", "abuse", "brand", "copyright"}
)
GOVERNANCE_FAMILIES = frozenset({"contentious", "confidential-ip"})
# What each network accepts; checked before a post is saved, so it never fails at publish time.
# `visibilities`: who may see a post, as the network can say it (Bluesky posts are always public).
# `max_text_bytes`: a limit in UTF-8 bytes beside the counted one (Bluesky's lexicon: 300 graphemes
# and 3000 bytes, so 300 emoji sequences or many-byte letters are refused at publish time).
NETWORK_RULES: dict[str, dict[str, Any]] = {
    "bluesky": {"max_images": 4, "max_image_bytes": 1_000_000, "threads": True, "alt_limit": 2000,
                "visibilities": ("public",), "max_text_bytes": 3000},
    "mastodon": {"max_images": 4, "max_image_bytes": 16_000_000, "threads": True, "alt_limit": 1500,
                 "visibilities": ("public", "unlisted", "private")},
}
DEFAULT_RULES = {"max_images": 4, "max_image_bytes": 5_000_000, "threads": False, "alt_limit": 1000,
                 "visibilities": ("public",)}
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
MAX_THREAD_PARTS = 10


def cool_off() -> timedelta:
    """The wait between approval and sending (TOWNHALL_COOL_OFF_SECONDS, default 120)."""
    return timedelta(seconds=max(0, int(settings.TOWNHALL_COOL_OFF_SECONDS)))


def require_alt() -> bool:
    return bool(settings.TOWNHALL_REQUIRE_ALT_TEXT)


class NeedsReview(ValueError):
    """A direct publish was refused because the post's risk needs another person's approval."""


@dataclass(frozen=True)
class ImageInput:
    data: bytes
    mime_type: str
    alt: str
    filename: str = ""


# --- measuring and checking -------------------------------------------------------------


def measure(text: str, network: str) -> tuple[int, int]:
    """(length as the network counts it, its limit); the engine's exact counting when present."""
    try:
        from townhall.policy.platform import measure as engine_measure

        return engine_measure(text, network)
    except (ImportError, ValueError):
        import grapheme

        limit = {"bluesky": 300, "mastodon": 500}.get(network, 500)
        return grapheme.length(text), limit


def sniff_image(data: bytes) -> str | None:
    """The image type from its first bytes (never trust a file name)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def validate_content(
    text: str, thread: list[str], images: list[ImageInput], networks: list[str]
) -> list[str]:
    """Every problem with the content, in words (empty when it can be posted everywhere)."""
    errors: list[str] = []
    parts = [text, *thread]
    if not text.strip():
        errors.append("The post is empty: write something.")
    if len(thread) + 1 > MAX_THREAD_PARTS:
        errors.append(f"A thread may have at most {MAX_THREAD_PARTS} parts.")
    for network in sorted(set(networks)):
        rules = NETWORK_RULES.get(network, DEFAULT_RULES)
        label = network.capitalize()
        if thread and not rules["threads"]:
            errors.append(f"{label} does not support threads: post the parts separately.")
        for i, part in enumerate(parts, 1):
            # links become tracked short links on submit (townhall/links): count them short here;
            # a link the author keeps as written is judged at submit by the policy's length rule
            sent = links_preview_text(part)
            count, limit = measure(sent, network)
            where = "The post" if len(parts) == 1 else f"Part {i} of the thread"
            if count > limit:
                errors.append(
                    f"{where} is {count} characters as {label} counts them; the limit is {limit}. "
                    "Shorten it or split it into a thread."
                )
            elif (size := len(sent.encode())) > rules.get("max_text_bytes", size):
                errors.append(
                    f"{where} takes {size} bytes; {label} takes at most {rules['max_text_bytes']} (emoji and some "
                    "letters take several each). Shorten it or split it into a thread."
                )
        if len(images) > rules["max_images"]:
            errors.append(f"{label} takes at most {rules['max_images']} images per post.")
        for n, image in enumerate(images, 1):
            if len(image.data) > rules["max_image_bytes"]:
                errors.append(
                    f"Image {n} is {len(image.data) // 1000} kB; {label} takes at most "
                    f"{rules['max_image_bytes'] // 1000} kB."
                )
            if len(image.alt) > rules["alt_limit"]:
                errors.append(f"The alt text of image {n} is longer than {label}'s {rules['alt_limit']} characters.")
    for n, image in enumerate(images, 1):
        if require_alt() and not image.alt.strip():
            errors.append(
                f"Image {n} has no alt text: describe it for people who cannot see it (alt text is required)."
            )
        if image.mime_type not in IMAGE_TYPES:
            errors.append(f"Image {n} is not a JPEG, PNG, GIF or WebP image.")
    return list(dict.fromkeys(errors))


def policy_findings(post: Post) -> list[dict[str, Any]]:
    """The policy engine's findings for every part on every target network, deduplicated."""
    from townhall.web import policy_bridge

    targets = sorted({
        (network, policy_bridge.account_type(purpose))
        for network, purpose in post.deliveries.values_list("account__network", "account__purpose")
    }) or [("bluesky", "official")]
    alts = [img.alt for img in post.images.all()]
    seen: set[tuple] = set()
    out: list[dict[str, Any]] = []
    pack, _ = policy_bridge.current()
    scholarly = post.scholarly
    for network, kind in targets:
        bridge_network = network if network in policy_bridge.NETWORKS else "bluesky"
        for index, part in enumerate(post.parts):
            for finding in policy_bridge.check(part, network=bridge_network, account=kind, pack=pack,
                                               alts=alts if index == 0 else [], scholarly=scholarly,
                                               reply=bool(post.in_reply_to) or index > 0):
                key = (finding.get("code"), index, tuple(finding.get("span") or ()), finding.get("message"))
                if key in seen:
                    continue
                seen.add(key)
                out.append({**finding, "part": index, "network": network})
    return out


def route_for(findings: list[dict[str, Any]]) -> str:
    """Who must approve, from the risk in the findings."""
    if any(f.get("family") in GOVERNANCE_FAMILIES and f.get("severity") in ("warn", "block") for f in findings):
        return Post.Route.GOVERNANCE
    if any(f.get("family") in RISK_FAMILIES and f.get("severity") in ("warn", "block") for f in findings):
        return Post.Route.DIGITAL
    return Post.Route.OWNERS


def has_block(findings: list[dict[str, Any]]) -> bool:
    return any(f.get("severity") == "block" for f in findings)


# --- permissions that depend on the post's state -------------------------------------------


def can_approve(user: Any, post: Post) -> bool:
    """The permission matrix (owner / team / reviewer, never the author) plus risk routing."""
    if post.route == Post.Route.GOVERNANCE:
        # Governance officers approve these by design, though the matrix's post.approve
        # (owners, digital team, unit reviewers) does not name them; authorship still bars.
        return bool(user.is_authenticated and user.has_role("governance", "admin") and post.created_by_id != user.pk)
    if not can(user, "post.approve", post):
        return False
    if post.route == Post.Route.DIGITAL:
        return user.has_role("digital", "governance", "admin")
    return True


def require_approver(user: Any, post: Post) -> None:
    if post.created_by_id == getattr(user, "pk", None):
        raise PermissionDenied("You may not approve your own post: someone else must review it.")
    if not can_approve(user, post):
        if post.route == Post.Route.GOVERNANCE:
            raise PermissionDenied("This post has contentious or confidential findings: governance must approve it.")
        if post.route == Post.Route.DIGITAL:
            raise PermissionDenied("This post has risk warnings: the digital team must approve it.")
        require(user, "post.approve", post)


def approvers(post: Post) -> list[User]:
    """The people who may approve this post (for notifications)."""
    candidates = User.objects.filter(is_active=True).exclude(pk=post.created_by_id)
    if post.route == Post.Route.GOVERNANCE:
        candidates = candidates.filter(role__in=["governance", "admin"])
    elif post.route == Post.Route.DIGITAL:
        candidates = candidates.filter(role__in=["digital", "governance", "admin"])
    else:
        owner_ids = Account.owners.through.objects.filter(
            account_id__in=post.deliveries.values("account_id")
        ).values("user_id")
        from django.db.models import Q

        candidates = candidates.filter(Q(role__in=["digital", "admin"]) | Q(pk__in=owner_ids))
    return [u for u in candidates.distinct() if can_approve(u, post)]


# --- notifications and comments ---------------------------------------------------------


def notify(users: list[Any], post: Post | None, message: str) -> None:
    """In-app notification, and an e-mail copy where e-mail is set up (core.mail)."""
    people = [u for u in users if getattr(u, "pk", None)]
    Notification.objects.bulk_create([Notification(user=u, post=post, message=message[:500]) for u in people])
    email_people(people, message, message, reverse("publishing:detail", args=[post.pk]) if post else "")


def add_comment(post: Post, actor: Any, text: str) -> Comment:
    text = (text or "").strip()
    if not text:
        raise ValueError("The comment is empty.")
    if not (post.created_by_id == actor.pk or can(actor, "post.approve", post) or can(actor, "post.create", post)):
        raise PermissionDenied("You may not comment on this post.")
    comment = Comment.objects.create(post=post, author=actor, text=text)
    record(actor, "post.comment", post, after={"comment": text[:500]})
    others = {post.created_by_id, *post.comments.values_list("author_id", flat=True)} - {actor.pk}
    notify(list(User.objects.filter(pk__in=others)), post, f"{actor.label} commented on “{str(post)[:80]}”.")
    return comment


# --- creating and editing -----------------------------------------------------------------


def parse_when(value: str | datetime | None, tz_name: str) -> datetime | None:
    """An aware UTC datetime from an ISO 8601 string or datetime; naive times are in `tz_name`."""
    if value in (None, ""):
        return None
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"Unknown time zone {tz_name!r}.") from None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(
                f"{value!r} is not a date and time; use ISO 8601, e.g. 2026-03-02T09:30 (your time zone is {tz_name})."
            ) from None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)


def _check_future(when: datetime | None) -> None:
    if when is not None and when < timezone.now() - timedelta(seconds=30):
        raise ValueError("The time to post is in the past: choose a time from now on.")


def _accounts(accounts: list[Account] | list[int]) -> list[Account]:
    ids = [a.pk if isinstance(a, Account) else int(a) for a in accounts]
    if not ids:
        raise ValueError("Choose at least one account to post to.")
    found = {a.pk: a for a in Account.objects.filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValueError(f"No account with id {', '.join(map(str, missing))} is registered.")
    out = [found[i] for i in dict.fromkeys(ids)]
    for account in out:
        if account.status == Account.Status.ARCHIVED:
            raise ValueError(f"{account} is archived: it cannot post.")
    return out


def readiness_problems(accounts: list[Account]) -> list[str]:
    """Why each account cannot publish now, in words: archived, locked, or no usable sign-in
    details in the vault. Shown in the composer's live check and enforced at approval, so a post
    is never approved only to fail after the cool-off."""
    problems = []
    for account in accounts:
        if account.status == Account.Status.ARCHIVED:
            problems.append(f"{account} is archived: it cannot post.")
            continue
        try:
            containment.require_unlocked([account])
        except ValueError as exc:
            problems.append(str(exc))
            continue
        credential = getattr(account, "credential", None) if _has_credential_row(account) else None
        if credential is None or not credential.is_usable:
            problems.append(
                f"{account} has no sign-in details stored in the vault, so it cannot publish: an owner "
                "stores them on the account's page, then the post can be approved."
            )
    return problems


def _has_credential_row(account: Account) -> bool:
    from django.core.exceptions import ObjectDoesNotExist

    try:
        account.credential  # noqa: B018 - the one-to-one row may not exist
    except ObjectDoesNotExist:
        return False
    return True


def cadence_at(accounts: list[Account], when: datetime | None, tz_name: str, *, exclude_post_id: int | None = None,
               reply: bool = False) -> list[str]:
    """The cadence plan's verdict on the chosen time (or now, if none) for each account."""
    if reply:
        return []
    moment = when or timezone.now()
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    out = []
    for account in accounts:
        violation = cadence.check(account, moment, exclude_post_id=exclude_post_id)
        if violation:
            out.append(violation.message(account, tz))
    return out


def _cadence_problems(post: Post, accounts: list[Account], when: datetime) -> list[str]:
    """Why ``when`` breaks an account's plan. Replies are exempt: the plan paces broadcasting,
    and answering people is the interaction the guidance asks for."""
    if post.in_reply_to:
        return []
    problems = []
    for account in accounts:
        violation = cadence.check(account, when, exclude_post_id=post.pk)
        if violation:
            problems.append(violation.message(account, ZoneInfo(post.time_zone)))
    return problems


@transaction.atomic
def create_post(
    author: Any,
    accounts: list[Account] | list[int],
    text: str,
    *,
    thread: list[str] | None = None,
    images: list[ImageInput] | None = None,
    scheduled_at: str | datetime | None = None,
    time_zone: str | None = None,
    link_card: dict[str, str] | None = None,
    visibility: str = "public",
    in_reply_to: str = "",
) -> Post:
    """A new draft for one or more accounts (one delivery each). Raises ValueError listing every problem.

    ``in_reply_to`` (a remote post id/URI) makes it a reply, which only one account can send."""
    targets = _accounts(accounts)
    in_reply_to = (in_reply_to or "").strip()
    if in_reply_to and len(targets) != 1:
        raise ValueError("A reply goes out from exactly one account.")
    if len(in_reply_to) > 500:
        raise ValueError("The id of the post being answered is too long.")
    for account in targets:
        require(author, "post.create", account)
    tz = time_zone or getattr(author, "time_zone", "") or settings.TIME_ZONE
    thread = [p for p in (thread or []) if p.strip()]
    images = list(images or [])
    when = parse_when(scheduled_at, tz)
    _check_future(when)
    if visibility not in ("public", "unlisted", "private"):
        raise ValueError("Visibility must be public, unlisted or private.")
    _check_visibility(visibility, [a.network for a in targets])
    errors = validate_content(text, thread, images, [a.network for a in targets])
    if errors:
        raise ValueError(" ".join(errors))
    post = Post.objects.create(
        created_by=author,
        org_unit=targets[0].org_unit,
        text=text,
        thread=thread,
        link_card=link_card or {},
        visibility=visibility,
        in_reply_to=in_reply_to,
        scheduled_at=when,
        time_zone=tz,
    )
    for account in targets:
        Delivery.objects.create(post=post, account=account)
    for position, image in enumerate(images):
        PostImage.objects.create(
            post=post, data=image.data, mime_type=image.mime_type, alt=image.alt.strip(),
            filename=image.filename[:200], position=position,
        )
    record(author, "post.create", post, after={**snapshot(post), "accounts": [a.pk for a in targets]})
    return post


def _check_visibility(visibility: str, networks: list[str]) -> None:
    """Refuse a visibility a target network cannot give: a followers-only or unlisted post for a
    Bluesky account went out public, since Bluesky has neither (reliability review of 2026-12-06)."""
    for network in sorted(set(networks)):
        if visibility not in NETWORK_RULES.get(network, DEFAULT_RULES)["visibilities"]:
            raise ValueError(
                f"{network_label(network)} posts are always public: it cannot post to {visibility} "
                "audiences. Choose public, or post to those accounts separately."
            )


@transaction.atomic
def update_post(
    post: Post,
    actor: Any,
    *,
    text: str | None = None,
    thread: list[str] | None = None,
    scheduled_at: str | datetime | None = None,
    clear_schedule: bool = False,
) -> Post:
    """Edit the content of a draft (or a post sent back for changes)."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.created_by_id != actor.pk and not can(actor, "post.approve", post):
        raise PermissionDenied("Only the author (or an approver) may edit this post.")
    if not post.editable:
        raise ValueError(f"The post is {post.get_status_display().lower()}: it can no longer be edited.")
    before = snapshot(post)
    new_text = post.text if text is None else text
    new_thread = post.thread if thread is None else [p for p in thread if p.strip()]
    images = [ImageInput(i.data, i.mime_type, i.alt) for i in post.images.all()]
    networks = list(post.deliveries.values_list("account__network", flat=True))
    errors = validate_content(new_text, new_thread, images, networks)
    if errors:
        raise ValueError(" ".join(errors))
    if scheduled_at not in (None, ""):
        post.scheduled_at = parse_when(scheduled_at, post.time_zone)
        _check_future(post.scheduled_at)
    elif clear_schedule:
        post.scheduled_at = None
    if post.status == Post.Status.FAILED:
        _check_failed_edit(post, [new_text, *new_thread])
    post.text, post.thread = new_text, new_thread
    if post.status == Post.Status.FAILED:
        # The approval was for the old words: the deliveries that did not go out wait for a new
        # one (submit and approve again), so neither a retry nor the worker sends unapproved text.
        post.deliveries.filter(status=Delivery.Status.FAILED).update(
            status=Delivery.Status.PENDING, due_at=None, next_attempt_at=None
        )
        post.approved_by, post.approved_at = None, None
    if post.status in (Post.Status.CHANGES, Post.Status.REJECTED, Post.Status.FAILED):
        post.status = Post.Status.DRAFT
    post.override_by, post.override_reason = None, ""  # an override covers the text it was given for
    post.save()
    record(actor, "post.edit", post, before=before, after=snapshot(post))
    return post


def _check_failed_edit(post: Post, new_parts: list[str]) -> None:
    """A failed thread may have some parts out: those cannot change (the rest would follow the
    old words), nor may the part whose send Townhall cannot vouch for (it may be out with the old
    words; a resend at its key then never matches). Reliability review of 2026-12-06: an edit mixed
    old and new parts, or left the delivery needing a check for good."""
    old_parts = post.parts
    for delivery in post.deliveries.filter(status=Delivery.Status.FAILED).select_related("account"):
        out = len(delivery.results or [])
        where = network_label(delivery.account.network)
        if out and new_parts[:out] != old_parts[:out]:
            raise ValueError(
                f"The first {out} part{'s' if out > 1 else ''} of this thread {'are' if out > 1 else 'is'} already "
                f"published on {where}: only the parts not yet out can change."
            )
        uncertain = out < len(old_parts) and publisher.next_part_may_be_out(delivery)
        if uncertain and (out >= len(new_parts) or new_parts[out] != old_parts[out]):
            raise ValueError(
                f"Townhall cannot tell whether part {out + 1} reached {where}: check the account and press "
                "Try again (or delete it there) before changing that part."
            )


# --- the workflow -------------------------------------------------------------------------


@transaction.atomic
def override_block(post: Post, actor: Any, reason: str) -> Post:
    """Allow a post with blocking findings to go forward; only governance, with a reason."""
    require(actor, "post.override_block", post)
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise ValueError("Say why the blocking finding is overridden (at least a sentence).")
    post = Post.objects.select_for_update().get(pk=post.pk)
    findings = policy_findings(post)
    post.override_by, post.override_reason, post.findings = actor, reason, findings
    post.policy_version = policy_version()
    post.save(update_fields=["override_by", "override_reason", "findings", "policy_version", "updated_at"])
    record(
        actor,
        "post.override_block",
        post,
        after={"reason": reason, "blocking": [f["code"] for f in findings if f.get("severity") == "block"],
               "policy_version": post.policy_version},
    )
    if post.created_by_id != actor.pk:
        notify([post.created_by], post, f"{actor.label} overrode the blocking policy finding on “{str(post)[:80]}”: "
               f"{reason}")
    return post


def policy_version() -> int | None:
    """The policy version checks use now: stored with every set of findings."""
    from townhall.web import policy_bridge

    return policy_bridge.policy_version()


@transaction.atomic
def submit(post: Post, actor: Any, *, override_reason: str = "") -> Post:
    """Send a draft for approval; refused with every reason if it has problems."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.created_by_id != actor.pk:
        raise PermissionDenied("Only the author submits a post.")
    if post.status not in (Post.Status.DRAFT, Post.Status.CHANGES):
        raise ValueError(f"The post is {post.get_status_display().lower()}: only drafts can be submitted.")
    accounts = [d.account for d in post.deliveries.select_related("account")]
    _check_future(post.scheduled_at)
    if post.scheduled_at:
        problems = _cadence_problems(post, accounts, post.scheduled_at)
        if problems:
            raise ValueError(" ".join(problems))
    from townhall.links.services import track_post

    track_post(post, actor)  # links become tracked short links; checks below see the published text
    findings = policy_findings(post)
    if has_block(findings) and post.override_by_id is None:
        if override_reason and can(actor, "post.override_block", post):
            override_block(post, actor, override_reason)
            post.refresh_from_db()
        else:
            codes = ", ".join(sorted({f["code"] for f in findings if f.get("severity") == "block"}))
            raise ValueError(
                f"The post has blocking policy findings ({codes}): fix them, or ask governance for an "
                "audited override."
            )
    before = snapshot(post)
    post.findings = findings
    post.policy_version = policy_version()
    post.route = route_for(findings)
    post.status = Post.Status.SUBMITTED
    post.submitted_at = timezone.now()
    post.save()
    record(actor, "post.submit", post, before=before, after=snapshot(post))
    notify(approvers(post), post, f"{actor.label} asks you to approve “{str(post)[:80]}”.")
    return post


def _due_time(post: Post, *, now: datetime, immediate: bool) -> datetime:
    send_after = now if immediate else now + cool_off()
    post.send_after = send_after
    return max(post.scheduled_at or send_after, send_after)


def _schedule_deliveries(post: Post, due: datetime) -> list[Delivery]:
    deliveries = list(post.deliveries.select_for_update().select_related("account"))
    pending = [d.account for d in deliveries
               if d.status not in (Delivery.Status.PUBLISHED, Delivery.Status.PUBLISHING)]
    problems = _cadence_problems(post, pending, due)
    if problems:
        raise ValueError(" ".join(problems))
    out = []
    for delivery in deliveries:
        if delivery.status in (Delivery.Status.PUBLISHED, Delivery.Status.PUBLISHING):
            continue
        delivery.status, delivery.due_at, delivery.last_error = Delivery.Status.SCHEDULED, due, ""
        delivery.save(update_fields=["status", "due_at", "last_error"])
        out.append(delivery)
    return out


def _enqueue(deliveries: list[Delivery]) -> None:
    """Ask the worker to publish each delivery when due (the periodic sweep is the safety net)."""
    from townhall.publishing.tasks import publish_delivery

    for delivery in deliveries:
        ids = delivery.pk
        due = delivery.due_at

        def go(ids=ids, due=due):
            try:
                if due and due > timezone.now():
                    publish_delivery.using(run_after=due).enqueue(ids)
                else:
                    publish_delivery.enqueue(ids)
            except Exception:  # the sweep will pick it up
                log.exception("could not enqueue delivery %s; the periodic sweep will send it", ids)

        transaction.on_commit(go)


def _in_zone_of(person: Any, when: datetime) -> str:
    """A time as the person reads it: in their own zone, named (notifications are read later)."""
    try:
        zone = ZoneInfo(getattr(person, "time_zone", "") or settings.TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = when.astimezone(zone)
    return f"{local.day} {local:%b %Y %H:%M} ({local.tzname()})"


@transaction.atomic
def approve(post: Post, actor: Any, *, publish_now: bool = False, comment: str = "") -> Post:
    """Approve and schedule (after the cool-off); `publish_now` skips the cool-off (needs post.publish_now)."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    require_approver(actor, post)
    if post.status != Post.Status.SUBMITTED:
        raise ValueError(f"The post is {post.get_status_display().lower()}: only submitted posts can be approved.")
    containment.require_unlocked(post.deliveries.values_list("account_id", flat=True))
    not_ready = readiness_problems([d.account for d in post.deliveries.select_related("account")])
    if not_ready:
        raise ValueError("This post cannot be approved yet. " + " ".join(not_ready))
    if publish_now:
        require(actor, "post.publish_now", post)
        if post.scheduled_at and post.scheduled_at > timezone.now() + timedelta(minutes=1):
            raise ValueError("The post is scheduled for later: clear the time to publish it now.")
    now = timezone.now()
    due = _due_time(post, now=now, immediate=publish_now)
    deliveries = _schedule_deliveries(post, due)
    before = snapshot(post)
    post.status = Post.Status.SCHEDULED
    post.approved_by, post.approved_at = actor, now
    post.save()
    record(actor, "post.approve", post, before=before, after={**snapshot(post), "publish_now": publish_now})
    if comment.strip():
        Comment.objects.create(post=post, author=actor, text=comment.strip())
    notify([post.created_by], post, f"{actor.label} approved “{str(post)[:80]}”; it goes out at "
                                    f"{_in_zone_of(post.created_by, due)}.")
    _enqueue(deliveries)
    return post


def _decide(post: Post, actor: Any, status: str, comment: str, action: str) -> Post:
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        require_approver(actor, post)
        if post.status != Post.Status.SUBMITTED:
            raise ValueError(f"The post is {post.get_status_display().lower()}: it is not waiting for a decision.")
        comment = (comment or "").strip()
        if not comment:
            raise ValueError("Say what should change (a comment is required).")
        before = snapshot(post)
        post.status = status
        post.save(update_fields=["status", "updated_at"])
        Comment.objects.create(post=post, author=actor, text=comment)
        record(actor, action, post, before=before, after={**snapshot(post), "comment": comment[:500]})
        verb = "asked for changes to" if status == Post.Status.CHANGES else "rejected"
        notify([post.created_by], post, f"{actor.label} {verb} “{str(post)[:80]}”: {comment[:200]}")
    return post


def request_changes(post: Post, actor: Any, comment: str) -> Post:
    return _decide(post, actor, Post.Status.CHANGES, comment, "post.request_changes")


def reject(post: Post, actor: Any, comment: str) -> Post:
    return _decide(post, actor, Post.Status.REJECTED, comment, "post.reject")


def _may_hold(user: Any, post: Post) -> bool:
    return post.created_by_id == user.pk or can(user, "post.approve", post) or can(user, "post.publish_now", post)


@transaction.atomic
def hold(post: Post, actor: Any) -> Post:
    """Stop a scheduled post before it goes out (one click in the cool-off window); it stays approved."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if not _may_hold(actor, post) and not can(actor, "post.approve", post):
        raise PermissionDenied("You may not hold this post.")
    if post.status != Post.Status.SCHEDULED:
        raise ValueError(f"The post is {post.get_status_display().lower()}: only scheduled posts can be held.")
    deliveries = list(post.deliveries.select_for_update())
    if any(d.status in (Delivery.Status.PUBLISHING, Delivery.Status.PUBLISHED) for d in deliveries):
        raise ValueError("The post is already going out on at least one account: it can no longer be held.")
    before = snapshot(post)
    for delivery in deliveries:
        delivery.status, delivery.due_at = Delivery.Status.CANCELLED, None
        delivery.save(update_fields=["status", "due_at"])
    post.status = Post.Status.APPROVED
    post.save(update_fields=["status", "updated_at"])
    record(actor, "post.hold", post, before=before, after=snapshot(post))
    notify([post.created_by], post, f"{actor.label} put “{str(post)[:80]}” on hold.")
    return post


@transaction.atomic
def release(post: Post, actor: Any, *, scheduled_at: str | datetime | None = None) -> Post:
    """Schedule a held post again, with a fresh cool-off window."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.created_by_id == actor.pk or not can_approve(actor, post):
        raise PermissionDenied("An approver other than the author must release a held post.")
    if post.status != Post.Status.APPROVED:
        raise ValueError("Only a post on hold can be released.")
    if scheduled_at not in (None, ""):
        post.scheduled_at = parse_when(scheduled_at, post.time_zone)
        _check_future(post.scheduled_at)
    before = snapshot(post)
    due = _due_time(post, now=timezone.now(), immediate=False)
    deliveries = _schedule_deliveries(post, due)
    post.status = Post.Status.SCHEDULED
    post.save()
    record(actor, "post.release", post, before=before, after=snapshot(post))
    _enqueue(deliveries)
    return post


@transaction.atomic
def reschedule(post: Post, actor: Any, when: str | datetime) -> Post:
    """Move a post to another time (the calendar's edit); cadence and the cool-off still apply."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.created_by_id != actor.pk and not can(actor, "post.approve", post):
        raise PermissionDenied("Only the author or an approver may reschedule this post.")
    new_time = parse_when(when, post.time_zone)
    if new_time is None:
        raise ValueError("Give the new date and time.")
    _check_future(new_time)
    before = snapshot(post)
    accounts = [d.account for d in post.deliveries.select_related("account")]
    if post.status == Post.Status.SCHEDULED:
        if post.deliveries.filter(status__in=[Delivery.Status.PUBLISHING, Delivery.Status.PUBLISHED]).exists():
            raise ValueError("The post is already going out: it can no longer be moved.")
        post.scheduled_at = new_time
        due = max(new_time, post.send_after or new_time)
        deliveries = _schedule_deliveries(post, due)
        _enqueue(deliveries)
    elif post.status in (*Post.EDITABLE, Post.Status.SUBMITTED, Post.Status.APPROVED):
        problems = _cadence_problems(post, accounts, new_time)
        if problems:
            raise ValueError(" ".join(problems))
        post.scheduled_at = new_time
    else:
        raise ValueError(f"The post is {post.get_status_display().lower()}: it cannot be moved.")
    post.save()
    record(actor, "post.reschedule", post, before=before, after=snapshot(post))
    return post


def move_to_day(post: Post, actor: Any, day: date, tz: ZoneInfo) -> Post:
    """The calendar's drag and drop: the same time of day (in the viewer's zone ``tz``) on
    another day, through :func:`reschedule`, so permissions, cadence and cool-off all apply."""
    current = post.scheduled_at or post.deliveries.exclude(due_at=None).values_list("due_at", flat=True).first()
    if current is None:
        raise ValueError("The post has no time yet: open it and choose one.")
    local = current.astimezone(tz)
    return reschedule(post, actor, datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=tz))


@transaction.atomic
def retry_failed(post: Post, actor: Any) -> Post:
    """Try failed deliveries again (e.g. after credentials were reconnected); same idempotency keys."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.created_by_id != actor.pk and not can(actor, "post.approve", post):
        raise PermissionDenied("Only the author or an approver may retry this post.")
    if post.status != Post.Status.FAILED:
        # An edited failed post is a draft again: its new words need approval, not a retry.
        raise ValueError(f"The post is {post.get_status_display().lower()}: only a failed post can be retried.")
    failed = list(post.deliveries.select_for_update().filter(status=Delivery.Status.FAILED))
    if not failed:
        raise ValueError("Nothing failed: there is nothing to retry.")
    now = timezone.now()
    for delivery in failed:
        delivery.status, delivery.due_at, delivery.next_attempt_at = Delivery.Status.SCHEDULED, now, None
        delivery.save(update_fields=["status", "due_at", "next_attempt_at"])
    post.status = Post.Status.SCHEDULED
    post.save(update_fields=["status", "updated_at"])
    record(actor, "post.retry", post, after={"deliveries": [d.pk for d in failed]})
    _enqueue(failed)
    return post


def refresh_status(post_id: int) -> None:
    """Derive a post's status from its deliveries once they have run."""
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post_id)
        states = set(post.deliveries.values_list("status", flat=True))
        if post.status not in (Post.Status.SCHEDULED, Post.Status.PUBLISHING, Post.Status.FAILED):
            return
        if states <= {Delivery.Status.PUBLISHED}:
            new = Post.Status.PUBLISHED
        elif Delivery.Status.PUBLISHING in states or Delivery.Status.SCHEDULED in states:
            new = Post.Status.PUBLISHING if Delivery.Status.PUBLISHING in states else Post.Status.SCHEDULED
        else:
            new = Post.Status.FAILED
        if new != post.status:
            post.status = new
            post.save(update_fields=["status", "updated_at"])


def may_publish_directly(user: Any, account: Account) -> bool:
    """An approver for the account (digital team, an owner, or a reviewer of its unit)."""
    return bool(
        user.has_role("digital", "admin") or account.is_owned_by(user) or user.reviews(account.org_unit)
    )


@transaction.atomic
def publish_direct(post: Post, actor: Any) -> Post:
    """`townhall post --now` by an approver of every target account: no cool-off, no second person.

    Only for posts the policy engine finds no risk in: a blocking finding, or a warning that
    routes the post to the digital team or governance, still needs that review, so the post
    is submitted instead (ValueError says so). Cadence still applies. Audited as
    `post.publish_direct`.
    """
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.created_by_id != actor.pk:
        raise PermissionDenied("Only the author can publish their own post directly.")
    deliveries = list(post.deliveries.select_related("account"))
    for delivery in deliveries:
        if not may_publish_directly(actor, delivery.account):
            raise PermissionDenied(
                f"You do not approve posts for {delivery.account}: submit the post for approval instead."
            )
    if post.status != Post.Status.DRAFT:
        raise ValueError("Only a draft can be published directly.")
    findings = policy_findings(post)
    route = route_for(findings)
    if has_block(findings) or route != Post.Route.OWNERS:
        post.findings, post.policy_version = findings, policy_version()
        post.save(update_fields=["findings", "policy_version", "updated_at"])
        raise NeedsReview(
            "The policy check found risks in this post, so it needs another person's approval "
            f"({Post.Route(route).label.lower()}): " + "; ".join(f["message"] for f in findings[:3] if f.get("message"))
        )
    now = timezone.now()
    due = max(post.scheduled_at or now, now)
    post.send_after = now
    scheduled = _schedule_deliveries(post, due)
    before = snapshot(post)
    post.findings, post.route, post.policy_version = findings, route, policy_version()
    post.status = Post.Status.SCHEDULED
    post.submitted_at = post.approved_at = now
    post.approved_by = actor
    post.save()
    record(actor, "post.publish_direct", post, before=before, after=snapshot(post))
    _enqueue(scheduled)
    return post
