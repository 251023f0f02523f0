"""Plain data passed between sources, the matcher and storage (no Django models here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class IncomingPost:
    """One public post as a source delivers it, before anything is decided about storing it.

    `remote_id` is the network's stable id (an at:// URI, a status URL, a feed entry id):
    with `network` it is the deduplication key. `to_handles` are the accounts the post
    is addressed to (the author of the post it replies to, and mentioned handles).
    """

    network: str
    remote_id: str
    text: str
    author_handle: str = ""
    author_name: str = ""
    author_id: str = ""  # a DID, an account id: lets never-to-store match renamed handles
    author_followers: int = 0
    created_at: datetime | None = None
    url: str = ""
    lang: str = ""  # declared by the author/network, if any
    reply_to: str = ""  # remote id of the parent post
    to_handles: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Batch:
    """What a source yields: posts, and the cursor to save once they are safely stored."""

    posts: list[IncomingPost]
    cursor: str | None
    events: int = 0  # raw events consumed (a firehose batch holds many non-post events)
