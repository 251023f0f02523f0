"""Inbox API: the queue, assignment, status and replies (through publishing)."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from townhall.core.apiutil import BodyIn, Id
from townhall.core.models import User
from townhall.core.permissions import can
from townhall.inbox import selectors, services
from townhall.inbox.models import Conversation

router = Router(tags=["inbox"])


class ConversationOut(Schema):
    id: int
    account_id: int
    account_handle: str
    status: str
    is_question: bool
    needs_reply: bool
    author_handle: str
    text: str
    url: str
    received_at: datetime
    assigned_to_id: int | None
    first_response_at: datetime | None
    reply_post_id: int | None


def _out(c: Conversation) -> dict:
    return {
        "id": c.pk, "account_id": c.account_id, "account_handle": c.account.handle, "status": c.status,
        "is_question": c.is_question, "needs_reply": c.needs_reply, "author_handle": c.mention.author_handle,
        "text": c.mention.text, "url": c.mention.url, "received_at": c.received_at,
        "assigned_to_id": c.assigned_to_id, "first_response_at": c.first_response_at,
        "reply_post_id": c.reply_post_id,
    }


def _get(request, pk: int) -> Conversation:
    """The conversation if you may see it; otherwise 404 whether or not it exists (no id probing)."""
    c = get_object_or_404(Conversation.objects.select_related("account", "mention"), pk=pk)
    if not can(request.auth, "inbox.view", c.account):
        raise Http404
    return c


@router.get("/conversations", response=list[ConversationOut])
def conversations(request, status: str = Query("open", max_length=20), account: str = Query("", max_length=200),
                  mine: bool = False, limit: int = Query(100, ge=1, le=500)):
    return [_out(c) for c in selectors.queue(request.auth, status=status, account=account, mine=mine)[
        :limit]]


@router.get("/conversations/{pk}", response=ConversationOut)
def conversation(request, pk: Id):
    return _out(_get(request, pk))


class AssignIn(BodyIn):
    assignee_id: Id | None = None


@router.post("/conversations/{pk}/assign", response=ConversationOut)
def assign(request, pk: Id, payload: AssignIn):
    c = _get(request, pk)
    who = get_object_or_404(User, pk=payload.assignee_id) if payload.assignee_id else None
    return _out(services.assign(request.auth, c, who))


class StatusIn(BodyIn):
    status: str = Field(..., max_length=20)


@router.post("/conversations/{pk}/status", response=ConversationOut)
def set_status(request, pk: Id, payload: StatusIn):
    return _out(services.set_status(request.auth, _get(request, pk), payload.status))


class ReplyIn(BodyIn):
    text: str = Field(..., max_length=5000)


class ReplyOut(Schema):
    conversation: ConversationOut
    findings: list[dict]


@router.post("/conversations/{pk}/reply", response={200: ReplyOut, 400: dict})
def reply(request, pk: Id, payload: ReplyIn):
    c, findings = services.reply(request.auth, _get(request, pk), payload.text)
    return Status(200, {"conversation": _out(c), "findings": findings})


class StatsOut(Schema):
    answered: int
    open: int
    open_questions: int
    median_hours: float | None
    within_24h: int | None


@router.get("/stats", response=StatsOut)
def stats(request, days: int = 30):
    return selectors.response_stats(request.auth, max(1, min(days, 365)))
