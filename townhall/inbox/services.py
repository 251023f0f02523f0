"""Writes for the engagement inbox: ingest, assign, change status, reply (all audited)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from townhall.audit.services import record, snapshot
from townhall.core.permissions import require
from townhall.inbox.models import Conversation
from townhall.listening.models import Mention
from townhall.registry.models import Account
from townhall.web import policy_bridge

log = logging.getLogger("townhall.inbox")

MAX_REPLY_CHARS = 5000


def _key(handle: str) -> str:
    return handle.strip().lower().lstrip("@")


def ingest_mentions(mentions: Iterable[Mention]) -> list[Conversation]:
    """Open a conversation for each new mention addressed to an official account.

    Called by the listening pipeline inside its storage transaction. Posts that need an
    answer (questions, complaints to the account) open as `open`; the rest are filed as
    `no reply needed` so the queue stays short but nothing is hidden.
    """
    mentions = [m for m in mentions if m.to_handles]
    if not mentions:
        return []
    wanted = {_key(h) for m in mentions for h in m.to_handles}
    accounts: dict[tuple[str, str], Account] = {}
    for account in Account.objects.exclude(status=Account.Status.ARCHIVED).only("pk", "network", "handle"):
        if _key(account.handle) in wanted:
            accounts[(account.network, _key(account.handle))] = account
    if not accounts:
        return []
    made = []
    for m in mentions:
        author = _key(m.author_handle)
        if (m.network, author) in accounts and author in {_key(h) for h in m.to_handles}:
            continue  # one of our accounts talking to itself (its own thread)
        # Anyone else's reply in their own thread addresses them too (Bluesky names the parent's
        # author): that does not make it any less a message to our account (reliability review of
        # 2026-12-06: such mentions never reached the inbox).
        for handle in m.to_handles:
            account = accounts.get((m.network, _key(handle)))
            if account is None:
                continue
            if _key(m.author_handle) == _key(account.handle):
                break
            made.append(
                Conversation(
                    account=account,
                    mention=m,
                    is_question=m.is_question,
                    needs_reply=m.needs_reply,
                    status=Conversation.Status.OPEN if m.needs_reply else Conversation.Status.NO_REPLY,
                    received_at=m.created_at,
                )
            )
            break  # one conversation per post: the first official account it addresses
    Conversation.objects.bulk_create(made, ignore_conflicts=True)
    return made


@transaction.atomic
def assign(actor: Any, conversation: Conversation, assignee: Any | None) -> Conversation:
    require(actor, "inbox.reply", conversation)
    if assignee is not None and not (
        assignee.is_active
        and (conversation.account.is_owned_by(assignee) or assignee.has_role("digital", "admin"))
    ):
        raise ValueError(f"{assignee.label} cannot answer for {conversation.account.handle}: not an owner.")
    before = snapshot(conversation, ["assigned_to", "status"])
    conversation.assigned_to = assignee
    conversation.save(update_fields=["assigned_to", "updated_at"])
    record(actor, "inbox.assign", conversation, before=before, after=snapshot(conversation, ["assigned_to", "status"]))
    return conversation


@transaction.atomic
def set_status(actor: Any, conversation: Conversation, status: str) -> Conversation:
    require(actor, "inbox.reply", conversation)
    if status not in Conversation.Status.values:
        raise ValueError(f"Unknown status {status!r}; choose one of {', '.join(Conversation.Status.values)}.")
    before = snapshot(conversation, ["status"])
    conversation.status = status
    conversation.save(update_fields=["status", "updated_at"])
    record(actor, "inbox.status", conversation, before=before, after={"status": status})
    return conversation


def _publish_reply(actor: Any, conversation: Conversation, text: str) -> int:
    """Hand the reply to publishing (approval, cadence, audit and delivery live there).

    The post answers the mention on the network (``in_reply_to``), so the thread stays whole.
    """
    from townhall.publishing import services as publishing

    post = publishing.create_post(actor, [conversation.account], text, in_reply_to=conversation.mention.remote_id)
    publishing.submit(post, actor)
    return post.pk


@transaction.atomic
def reply(actor: Any, conversation: Conversation, text: str) -> tuple[Conversation, list[dict[str, Any]]]:
    """Answer through the publishing path, after the policy check; returns the findings too.

    A reply with a blocking finding is refused with the reasons (and nothing changes); a
    reply that passes goes to publishing as a draft-and-submit for the account, so the
    usual approvals apply. The first reply sets time-to-first-response.
    """
    require(actor, "inbox.reply", conversation)
    # Locked, so that two presses of Reply (or two people) make one reply, not two.
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    pending = _live_reply(conversation)
    if pending is not None:
        raise ValueError(f"A reply to this conversation is already with publishing ({pending.get_status_display()}); "
                         "change or withdraw that one instead.")
    text = (text or "").strip()
    if not text:
        raise ValueError("Write the reply first: it is empty.")
    if len(text) > MAX_REPLY_CHARS:
        raise ValueError(f"The reply is longer than {MAX_REPLY_CHARS} characters.")
    findings = policy_bridge.check(text, network=_network(conversation.account.network),
                                   account=policy_bridge.account_type(conversation.account), reply=True)
    if policy_bridge.blocks(findings):
        reasons = "; ".join(f["message"] for f in findings if f["severity"] == "block")
        raise ValueError(f"The policy check blocks this reply: {reasons}")
    try:
        post_id = _publish_reply(actor, conversation, text)
    except PermissionDenied:
        raise
    before = snapshot(conversation, ["status", "first_response_at", "reply_post_id"])
    conversation.reply_text = text
    conversation.reply_post_id = post_id
    conversation.status = Conversation.Status.ANSWERED
    if conversation.first_response_at is None:
        conversation.first_response_at = timezone.now()
    if conversation.assigned_to_id is None:
        conversation.assigned_to = actor
    conversation.save()
    record(
        actor,
        "inbox.reply",
        conversation,
        before=before,
        after={**snapshot(conversation, ["status", "first_response_at", "reply_post_id"]), "text": text},
    )
    return conversation, findings


# A reply post in one of these states will not go out as it stands: the conversation is not answered.
_DEAD_REPLY = ("rejected", "failed", "changes_requested", "draft")


def _live_reply(conversation: Conversation) -> Any | None:
    """The conversation's reply post while it is on its way or out (not rejected, failed,
    sent back or withdrawn to a draft), else None."""
    from townhall.publishing.models import Post

    if not conversation.reply_post_id:
        return None
    return Post.objects.filter(pk=conversation.reply_post_id).exclude(status__in=_DEAD_REPLY).first()


def reopen_unsent_replies() -> int:
    """Conversations marked answered whose reply will not go out (rejected, failed for good, sent
    back for changes, or withdrawn) are open again, audited: otherwise the person's question left
    the queue while no answer reached them (reliability review of 2026-12-06). Run by the worker."""
    from townhall.publishing.models import Post

    stuck = Conversation.objects.filter(status=Conversation.Status.ANSWERED, reply_post_id__isnull=False)
    dead = dict(
        Post.objects.filter(pk__in=stuck.values("reply_post_id"), status__in=_DEAD_REPLY).values_list("pk", "status")
    )
    reopened = 0
    for conversation in stuck.filter(reply_post_id__in=list(dead)):
        with transaction.atomic():
            changed = Conversation.objects.filter(
                pk=conversation.pk, status=Conversation.Status.ANSWERED, reply_post_id=conversation.reply_post_id
            ).update(status=Conversation.Status.OPEN, updated_at=timezone.now())
            if changed:
                reopened += 1
                record("publishing", "inbox.reopened", conversation, before={"status": "answered"},
                       after={"status": "open", "reply_post": conversation.reply_post_id,
                              "reply_status": dead[conversation.reply_post_id]})
    return reopened


def _network(network: str) -> str:
    return network if network in policy_bridge.NETWORKS else "bluesky"
