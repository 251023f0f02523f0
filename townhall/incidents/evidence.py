"""Evidence for an incident: uploaded files checked by their bytes, and the linked item captured.

Why sniff: a file's name and the browser's content type are the sender's claim; an `.exe`
renamed `.png` or an SVG carrying script must never be stored and later served to governance.
Only raster images and PDF are taken, up to MAX_BYTES, through Django's storage API, with the
SHA-256 of the bytes recorded at upload so an export can prove the file is unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile

MAX_BYTES = 10 * 1024 * 1024
KINDS = {  # leading bytes -> (content type, what people call it)
    b"\x89PNG\r\n\x1a\n": ("image/png", "PNG image"),
    b"\xff\xd8\xff": ("image/jpeg", "JPEG image"),
    b"GIF87a": ("image/gif", "GIF image"),
    b"GIF89a": ("image/gif", "GIF image"),
    b"%PDF-": ("application/pdf", "PDF"),
}
ALLOWED = "screenshots and photos (PNG, JPEG, GIF, WebP) or PDF files"


@dataclass
class CheckedUpload:
    name: str
    data: bytes
    content_type: str
    sha256: str


def sniff(head: bytes) -> str | None:
    """The content type the bytes show, or None when they are not an image or PDF we take."""
    for magic, (ctype, _label) in KINDS.items():
        if head.startswith(magic):
            return ctype
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_upload(upload: Any) -> CheckedUpload:
    """Refuse with a clear message anything too large or not really an image/PDF (nothing stored)."""
    name = str(getattr(upload, "name", "") or "file")[-200:]
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(f"“{name}” is {size / 1048576:.0f} MB; evidence files can be up to "
                              f"{MAX_BYTES // 1048576} MB each.")
    data = upload.read(MAX_BYTES + 1) if hasattr(upload, "read") else bytes(upload)
    if len(data) > MAX_BYTES:
        raise ValidationError(f"“{name}” is larger than {MAX_BYTES // 1048576} MB; evidence files can be up to "
                              f"{MAX_BYTES // 1048576} MB each.")
    ctype = sniff(data[:16])
    if ctype is None:
        raise ValidationError(f"“{name}” is not a file we can keep as evidence: only {ALLOWED} are accepted, "
                              "and this file's contents are something else (whatever its name says).")
    return CheckedUpload(name=name, data=data, content_type=ctype, sha256=hashlib.sha256(data).hexdigest())


def store(incident: Any, actor: Any, checked: CheckedUpload) -> Any:
    from townhall.incidents.models import Evidence

    row = Evidence(incident=incident, name=checked.name, content_type=checked.content_type,
                   size=len(checked.data), sha256=checked.sha256, uploaded_by=actor)
    row.file.save("evidence", ContentFile(checked.data), save=False)
    row.save()
    return row


# --- the item a report is made from ------------------------------------------------------------


def _mention(user: Any, pk: int) -> Any:
    from townhall.core.permissions import can
    from townhall.listening.models import Mention

    mention = Mention.objects.filter(pk=pk).first()
    if mention is None:
        raise ValidationError("That mention is no longer stored.")
    if can(user, "listening.view"):
        return mention
    conv = getattr(mention, "conversation", None) if hasattr(mention, "conversation") else None
    if conv is not None and can(user, "inbox.view", conv.account):
        return mention
    raise PermissionDenied("You may not see that mention.")


def capture(user: Any, kind: str, pk: int) -> dict[str, Any]:
    """What the linked item says now (text, author, link, times): kept on the incident as evidence."""
    from django.utils import timezone

    now = timezone.now().isoformat()
    if kind in ("mention", "conversation"):
        if kind == "conversation":
            from townhall.inbox.models import Conversation

            conv = Conversation.objects.select_related("mention", "account").filter(pk=pk).first()
            if conv is None:
                raise ValidationError("That conversation no longer exists.")
            mention = _mention(user, conv.mention_id)
        else:
            mention = _mention(user, pk)
        return {
            "kind": kind, "network": mention.network, "url": mention.url, "remote_id": mention.remote_id,
            "author_handle": mention.author_handle, "author_name": mention.author_name, "text": mention.text,
            "posted_at": mention.created_at.isoformat(), "captured_at": now,
        }
    if kind == "post":
        from townhall.publishing.selectors import visible_posts

        post = visible_posts(user).filter(pk=pk).first()
        if post is None:
            raise ValidationError("That post does not exist or is not yours to see.")
        published = [
            {"account": str(d.account), "url": d.url, "remote_id": d.remote_id,
             "published_at": d.published_at.isoformat() if d.published_at else None}
            for d in post.deliveries.select_related("account") if d.remote_id
        ]
        first = published[0] if published else {}
        return {
            "kind": "post", "network": post.deliveries.first().account.network if post.deliveries.exists() else "",
            "url": first.get("url", ""), "text": "\n\n".join(post.parts), "author_handle": str(post.created_by.label),
            "published": published, "captured_at": now,
        }
    raise ValidationError("Reports can be made from a mention, a conversation or a post.")


def account_of(kind: str, pk: int) -> Any:
    """The official account concerned, where the item belongs to one."""
    if kind == "conversation":
        from townhall.inbox.models import Conversation

        conv = Conversation.objects.filter(pk=pk).select_related("account").first()
        return conv.account if conv else None
    if kind == "post":
        from townhall.publishing.models import Delivery

        d = Delivery.objects.filter(post_id=pk).select_related("account").first()
        return d.account if d else None
    return None
