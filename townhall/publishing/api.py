"""Publishing endpoints (mounted at /api/posts): drafts, the workflow, and the live check.

The same services as the UI and the CLI, so the same rules: validation errors are 400
with the reason (ValueError), permission problems 403 with the reason. A post you may not
see answers 404, exactly like one that does not exist, so ids cannot be probed.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from django.http import Http404
from ninja import Field, Router, Schema, Status

from townhall.core.apiutil import LONG_TEXT, BodyIn, Id
from townhall.publishing import selectors, services
from townhall.publishing.models import Post

router = Router(tags=["publishing"])


class PostImageIn(BodyIn):
    data_base64: str = Field(..., max_length=14_000_000, description="The image file, base64 (at most ~10 MB).")
    alt: str = Field("", max_length=2000)


class PostIn(BodyIn):
    accounts: list[Id] = Field(..., min_length=1, max_length=50)
    text: str = Field(..., max_length=20_000)
    thread: list[str] = Field([], max_length=25)
    images: list[PostImageIn] = Field([], max_length=4)
    scheduled_at: str | None = Field(None, max_length=100, description="ISO 8601; without an offset, in your time zone")
    visibility: str = Field("public", max_length=20)
    in_reply_to: str = Field("", max_length=500, description="the network's id/URI of the post this answers")
    submit: bool = False


class DeliveryOut(Schema):
    account_id: int
    account: str
    status: str
    due_at: datetime | None
    published_at: datetime | None
    remote_id: str
    url: str
    last_error: str


class PostOut(Schema):
    id: int
    status: str
    route: str
    text: str
    thread: list[str]
    in_reply_to: str
    scheduled_at: datetime | None
    created_by: str
    deliveries: list[DeliveryOut]
    findings: list[dict]


class CommentIn(BodyIn):
    comment: str = Field("", max_length=LONG_TEXT)


class ScheduleIn(BodyIn):
    scheduled_at: str = Field(..., max_length=100)


def _out(post: Post) -> dict:
    return {
        "id": post.pk,
        "status": post.status,
        "route": post.route,
        "text": post.text,
        "thread": post.thread,
        "in_reply_to": post.in_reply_to,
        "scheduled_at": post.scheduled_at,
        "created_by": post.created_by.username,
        "findings": post.findings or [],
        "deliveries": [
            {
                "account_id": d.account_id,
                "account": str(d.account),
                "status": d.status,
                "due_at": d.due_at,
                "published_at": d.published_at,
                "remote_id": d.remote_id,
                "url": d.url,
                "last_error": d.last_error,
            }
            for d in post.deliveries.select_related("account")
        ],
    }


def _visible(request, pk: int) -> Post:
    """The post if you may see it; otherwise 404 whether or not it exists (no id enumeration)."""
    post = selectors.visible_posts(request.auth).filter(pk=pk).first()
    if post is None:
        raise Http404
    return post


@router.get("/", response=list[PostOut])
def list_posts(request, status: str = ""):
    qs = selectors.visible_posts(request.auth).select_related("created_by")
    if status:
        qs = qs.filter(status=status)
    return [_out(p) for p in qs[:200]]


@router.get("/awaiting", response=list[PostOut])
def awaiting(request):
    return [_out(p) for p in selectors.awaiting(request.auth)]


@router.post("/", response={201: PostOut})
def create(request, payload: PostIn):
    images = []
    for n, image in enumerate(payload.images, 1):
        try:
            data = base64.b64decode(image.data_base64, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(f"Image {n} is not valid base64.") from None
        mime = services.sniff_image(data)
        if mime is None:
            raise ValueError(f"Image {n} is not a JPEG, PNG, GIF or WebP image.")
        images.append(services.ImageInput(data, mime, image.alt))
    post = services.create_post(
        request.auth, payload.accounts, payload.text, thread=payload.thread, images=images,
        scheduled_at=payload.scheduled_at, visibility=payload.visibility, in_reply_to=payload.in_reply_to,
    )
    if payload.submit:
        services.submit(post, request.auth)
        post.refresh_from_db()
    return Status(201, _out(post))


@router.get("/{int:pk}", response=PostOut)
def get_post(request, pk: Id):
    return _out(_visible(request, pk))


def _action(request, pk: int, fn) -> dict:
    post = _visible(request, pk)
    fn(post)
    post.refresh_from_db()
    return _out(post)


@router.post("/{int:pk}/submit", response=PostOut)
def submit(request, pk: Id):
    return _action(request, pk, lambda p: services.submit(p, request.auth))


@router.post("/{int:pk}/approve", response=PostOut)
def approve(request, pk: Id, payload: CommentIn | None = None):
    return _action(request, pk, lambda p: services.approve(p, request.auth, comment=payload.comment if payload else ""))


@router.post("/{int:pk}/request-changes", response=PostOut)
def request_changes(request, pk: Id, payload: CommentIn):
    return _action(request, pk, lambda p: services.request_changes(p, request.auth, payload.comment))


@router.post("/{int:pk}/reject", response=PostOut)
def reject(request, pk: Id, payload: CommentIn):
    return _action(request, pk, lambda p: services.reject(p, request.auth, payload.comment))


@router.post("/{int:pk}/hold", response=PostOut)
def hold(request, pk: Id):
    return _action(request, pk, lambda p: services.hold(p, request.auth))


@router.post("/{int:pk}/reschedule", response=PostOut)
def reschedule(request, pk: Id, payload: ScheduleIn):
    return _action(request, pk, lambda p: services.reschedule(p, request.auth, payload.scheduled_at))


@router.post("/{int:pk}/comments", response=PostOut)
def comment(request, pk: Id, payload: CommentIn):
    return _action(request, pk, lambda p: services.add_comment(p, request.auth, payload.comment))
