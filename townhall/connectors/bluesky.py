"""Bluesky (AT Protocol) through the `atproto` SDK.

Exactly once: a post's record key (rkey) is derived from the delivery's idempotency key
(a TID), and the record is written with `com.atproto.repo.createRecord` at that rkey. A
retry after a crash therefore targets the same record: the PDS refuses a second record
at that key, and `find_published` is a direct `getRecord` by rkey.

Rich text: links, mentions and hashtags become facets whose ranges are UTF-8 *byte*
offsets (the protocol's rule; an emoji before a link shifts it by four bytes, not one).
Mentions are resolved to DIDs; a handle that does not resolve stays plain text.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from townhall.connectors.base import (
    DEFAULT_RATE_WAIT,
    AccountInfo,
    Credentials,
    PermanentError,
    PublishRequest,
    PublishResult,
    TransientError,
    UncertainError,
    usable_retry_after,
)

POST_COLLECTION = "app.bsky.feed.post"
DEFAULT_SERVICE = "https://bsky.social"
_B32 = "234567abcdefghijklmnopqrstuvwxyz"
TID_RE = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
# Bluesky's own rate limits for a PDS account (points per hour); we stay far below them,
# and a 429 is mapped to TransientError with the server's retry time.
URL_RE = re.compile(r"(?<![\w@])(https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]])")
_LABEL = r"[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
MENTION_RE = re.compile(rf"(?<![\w@])@({_LABEL}(?:\.{_LABEL})+)")
TAG_RE = re.compile(r"(?<![\w#&])#([^\s#.,;:!?()\[\]{}\"'<>]{1,64})")


def _tid_to_int(tid: str) -> int:
    value = 0
    for ch in tid:
        value = value * 32 + _B32.index(ch)
    return value


def _int_to_tid(value: int) -> str:
    out = []
    for _ in range(13):
        out.append(_B32[value & 31])
        value >>= 5
    return "".join(reversed(out))


def rkey_for(idempotency_key: str) -> str:
    """The record key for an idempotency key: the key itself when it is a TID ("TID" or
    "TID-n" for thread part n), else a TID derived from its hash. Always the same for the same key."""
    base, _, part = idempotency_key.partition("-")
    if TID_RE.match(base) and (not part or part.isdigit()):
        return _int_to_tid((_tid_to_int(base) + int(part or 0)) & ((1 << 63) - 1))
    digest = int.from_bytes(hashlib.sha256(idempotency_key.encode()).digest()[:8], "big")
    micros = 1_600_000_000_000_000 + digest % (200_000_000_000_000)  # a plausible 2020s timestamp
    return _int_to_tid(((micros << 10) | (digest & 1023)) & ((1 << 63) - 1))


def _byte_range(text: str, start: int, end: int) -> dict[str, int]:
    return {"byteStart": len(text[:start].encode()), "byteEnd": len(text[:end].encode())}


def detect_facets(text: str, resolve_handle: Any = None) -> list[dict[str, Any]]:
    """Facets for links, mentions and hashtags, with UTF-8 byte ranges."""
    facets: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for m in URL_RE.finditer(text):
        facets.append(
            {"index": _byte_range(text, m.start(1), m.end(1)),
             "features": [{"$type": "app.bsky.richtext.facet#link", "uri": m.group(1)}]}
        )
        taken.append((m.start(1), m.end(1)))

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in MENTION_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        did = resolve_handle(m.group(1).lower()) if resolve_handle else None
        if did:
            facets.append(
                {"index": _byte_range(text, m.start(), m.end()),
                 "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did}]}
            )
    for m in TAG_RE.finditer(text):
        tag = m.group(1)
        if tag.isdigit() or not free(m.start(), m.end()):
            continue
        facets.append(
            {"index": _byte_range(text, m.start(), m.end()),
             "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": tag}]}
        )
    facets.sort(key=lambda f: f["index"]["byteStart"])
    return facets


def _did(client: Any) -> str:
    """The logged-in account's DID (from the session: there is no AppView profile to fetch)."""
    session = getattr(client, "_session", None)
    return getattr(session, "did", "") or getattr(getattr(client, "me", None), "did", "")


def _handle(client: Any, default: str) -> str:
    session = getattr(client, "_session", None)
    return getattr(session, "handle", "") or default


def _session_expired(exc: Exception) -> bool:
    """The cached session is over: a 401, or the PDS refusing to refresh it (400 `ExpiredToken` /
    `InvalidToken`, which the SDK raises as a bad request). A new login fixes both; mapped as a
    rejected post, every post of the account failed until the worker restarted (reliability
    review of 2026-12-06)."""
    from atproto_client import exceptions as ex

    if isinstance(exc, ex.UnauthorizedError):
        return True
    content = getattr(getattr(exc, "response", None), "content", None)
    return isinstance(exc, ex.BadRequestError) and getattr(content, "error", None) in ("ExpiredToken", "InvalidToken")


def _rate_wait(exc: Exception) -> float:
    """Seconds until Bluesky takes requests again: its `Retry-After`, else its `RateLimit-Reset` (what a PDS
    sends), bounded (`usable_retry_after`); a minute when neither is usable. Only Retry-After was read, and
    unbounded, so a PDS's 429 always waited a minute and a junk header parked the post for centuries."""
    seconds = getattr(exc, "retry_after", None)
    if seconds is None:
        try:
            reset_at = getattr(exc, "reset_at", None)
        except (ValueError, OverflowError, OSError):  # a reset time no calendar holds
            reset_at = None
        if reset_at is not None:
            seconds = (reset_at - datetime.now(UTC)).total_seconds()
    return usable_retry_after(seconds) or DEFAULT_RATE_WAIT


def _map_error(exc: Exception) -> Exception:
    """SDK exceptions → TransientError (retry) or PermanentError (a person must act)."""
    from atproto_client import exceptions as ex

    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    content = getattr(response, "content", None)
    detail = ""
    if content is not None and hasattr(content, "error"):
        detail = f"{content.error}: {content.message}" if getattr(content, "message", None) else str(content.error)
    reason = detail or str(exc) or exc.__class__.__name__
    if isinstance(exc, ex.RateLimitExceededError):
        return TransientError(f"Bluesky rate limit reached ({reason})", retry_after=_rate_wait(exc))
    if isinstance(exc, ex.UnauthorizedError):
        return PermanentError(f"Bluesky refused the credentials ({reason}); they may have been revoked.")
    if isinstance(exc, ex.BadRequestError):
        return PermanentError(f"Bluesky rejected the post: {reason}")
    if isinstance(exc, ex.NetworkError) or (status is not None and status >= 500):
        return TransientError(f"Bluesky could not be reached or failed ({reason})")
    if status is not None and 400 <= status < 500:
        return PermanentError(f"Bluesky rejected the request: {reason}")
    return TransientError(f"Bluesky request failed ({reason})")


class BlueskyConnector:
    network = "bluesky"

    def __init__(self) -> None:
        self._clients: dict[tuple[str, str, str], Any] = {}
        self._lock = threading.Lock()

    # --- sessions -------------------------------------------------------------------------

    def _client(self, creds: Credentials, *, fresh: bool = False) -> Any:
        """A logged-in SDK client (createSession), cached per account so we do not log in per post."""
        from atproto import Client
        from atproto_client import exceptions as ex

        service = (creds.service_url or DEFAULT_SERVICE).rstrip("/")
        key = (service, creds.handle, hashlib.sha256(creds.secret.encode()).hexdigest())
        with self._lock:
            if not fresh and key in self._clients:
                return self._clients[key]
        client = Client(base_url=service)
        try:
            client.login(creds.handle, creds.secret, fetch_bsky_profile=False)
        except ex.AtProtocolError as exc:
            raise _map_error(exc) from None
        with self._lock:
            self._clients[key] = client
        return client

    def _call(self, creds: Credentials, fn: Any) -> Any:
        """Run `fn(client)`, logging in again once if the cached session has expired."""
        from atproto_client import exceptions as ex

        client = self._client(creds)
        try:
            return fn(client)
        except ex.AtProtocolError as exc:
            if not _session_expired(exc):
                raise _map_error(exc) from None
            client = self._client(creds, fresh=True)
            try:
                return fn(client)
            except ex.AtProtocolError as exc:
                raise _map_error(exc) from None

    # --- the interface --------------------------------------------------------------------

    def verify_credentials(self, creds: Credentials) -> AccountInfo:
        client = self._client(creds, fresh=True)
        handle = _handle(client, creds.handle)
        did = _did(client)
        return AccountInfo(handle=handle, remote_id=did, profile_url=f"https://bsky.app/profile/{handle}")

    def _resolver(self, client: Any):
        cache: dict[str, str | None] = {}

        def resolve(handle: str) -> str | None:
            if handle not in cache:
                try:
                    cache[handle] = client.com.atproto.identity.resolve_handle({"handle": handle}).did
                except Exception:  # an unknown handle is plain text, not an error
                    cache[handle] = None
            return cache[handle]

        return resolve

    def build_record(self, client: Any, request: PublishRequest) -> dict[str, Any]:
        """The app.bsky.feed.post record: text, facets, embed (images or link card), reply."""
        record: dict[str, Any] = {
            "$type": POST_COLLECTION,
            "text": request.text,
            "createdAt": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        }
        langs = request.extra.get("langs") or ["en"]
        record["langs"] = list(langs)[:3]
        facets = detect_facets(request.text, self._resolver(client))
        if facets:
            record["facets"] = facets
        if request.images:
            images = []
            for image in request.images[:4]:
                blob = client.upload_blob(image.data).blob
                images.append({"alt": image.alt, "image": blob.model_dump(by_alias=True, exclude_none=True)})
            record["embed"] = {"$type": "app.bsky.embed.images", "images": images}
        elif request.extra.get("link_card"):
            card = request.extra["link_card"]
            external: dict[str, Any] = {
                "uri": card["uri"], "title": card.get("title", ""), "description": card.get("description", ""),
            }
            record["embed"] = {"$type": "app.bsky.embed.external", "external": external}
        if request.reply_to:
            parent = self._get_by_uri(client, request.reply_to)
            parent_ref = {"uri": parent.uri, "cid": parent.cid}
            reply = getattr(parent.value, "reply", None)
            root_ref = {"uri": reply.root.uri, "cid": reply.root.cid} if reply else parent_ref
            record["reply"] = {"root": root_ref, "parent": parent_ref}
        return record

    @staticmethod
    def _split_uri(uri: str) -> tuple[str, str, str]:
        """(repo, collection, record key) of an at:// record address; PermanentError for anything else.

        An address with a part missing raised ValueError, which publishing took for a bug in Townhall:
        three attempts, then "the worker stopped or failed each time" instead of the reason."""
        parts = uri[len("at://"):].split("/", 2) if uri.startswith("at://") else []
        if len(parts) != 3 or not all(parts) or "/" in parts[2]:
            raise PermanentError(f"{uri[:300]!r} is not a Bluesky post address (at://account/collection/key).")
        repo, collection, rkey = parts
        return repo, collection, rkey

    def _get_by_uri(self, client: Any, uri: str) -> Any:
        repo, collection, rkey = self._split_uri(uri)
        return client.com.atproto.repo.get_record({"repo": repo, "collection": collection, "rkey": rkey})

    @staticmethod
    def _result(uri: str, cid: str, handle: str) -> PublishResult:
        rkey = uri.rsplit("/", 1)[-1]
        return PublishResult(remote_id=uri, url=f"https://bsky.app/profile/{handle}/post/{rkey}", extra={"cid": cid})

    def publish(self, creds: Credentials, request: PublishRequest) -> PublishResult:
        visibility = request.extra.get("visibility") or "public"
        if visibility != "public":
            # Bluesky has no followers-only or unlisted posts: sending it would make it public.
            raise PermanentError(f"Bluesky posts are always public, and this post is {visibility}: it was not sent.")
        rkey = rkey_for(request.idempotency_key)

        def go(client: Any) -> PublishResult:
            from atproto_client import exceptions as ex

            record = self.build_record(client, request)
            try:
                out = client.com.atproto.repo.create_record(
                    {"repo": _did(client), "collection": POST_COLLECTION, "rkey": rkey, "record": record}
                )
            except ex.AtProtocolError:
                # Already there (a retry after a lost answer)? Then that record is our post.
                existing = self._lookup(client, rkey, creds.handle)
                if existing is not None:
                    return self._ours(existing, request)
                raise
            return self._result(out.uri, out.cid, creds.handle)

        return self._call(creds, go)

    def _lookup(self, client: Any, rkey: str, handle: str) -> PublishResult | None:
        from atproto_client import exceptions as ex

        try:
            found = client.com.atproto.repo.get_record(
                {"repo": _did(client), "collection": POST_COLLECTION, "rkey": rkey}
            )
        except ex.BadRequestError as exc:  # RecordNotFound
            content = getattr(exc.response, "content", None)
            if getattr(content, "error", "") in ("RecordNotFound", "InvalidRequest"):
                return None
            raise
        except ex.RequestException as exc:
            if getattr(exc.response, "status_code", None) == 404:
                return None
            raise
        result = self._result(found.uri, found.cid or "", _handle(client, handle))
        return PublishResult(result.remote_id, result.url, {**result.extra, "text": getattr(found.value, "text", None)})

    @staticmethod
    def _ours(found: PublishResult, request: PublishRequest | None) -> PublishResult:
        """The record at our key, checked against what we meant to post (never adopt another post)."""
        if request is not None and found.extra.get("text") not in (None, request.text):
            raise UncertainError(
                f"Another post already uses this post's record key ({found.url}); a person should check the account.",
                candidates=(found.url,),
            )
        return found

    # The record key is the delivery's own: the PDS refuses a second record at it for ever.
    idempotency_window = None

    def find_published(
        self,
        creds: Credentials,
        idempotency_key: str,
        request: PublishRequest | None = None,
        *,
        sent_since: datetime | None = None,
        exclude_ids: Collection[str] = (),
    ) -> PublishResult | None:
        """A direct `getRecord` at the delivery's record key: unique to the delivery, so no guess."""
        rkey = rkey_for(idempotency_key)
        found = self._call(creds, lambda client: self._lookup(client, rkey, creds.handle))
        return None if found is None else self._ours(found, request)

    def delete(self, creds: Credentials, remote_id: str) -> None:
        _repo, collection, rkey = self._split_uri(remote_id)

        def go(client: Any) -> None:
            client.com.atproto.repo.delete_record({"repo": _did(client), "collection": collection, "rkey": rkey})

        self._call(creds, go)

    def fetch_metrics(self, creds: Credentials, remote_id: str) -> dict[str, int]:
        """Likes, reposts, replies and quotes from the AppView (`app.bsky.feed.getPosts`)."""

        def go(client: Any) -> dict[str, int]:
            posts = client.app.bsky.feed.get_posts({"uris": [remote_id]}).posts
            if not posts:
                return {}
            p = posts[0]
            return {
                "likes": p.like_count or 0,
                "reposts": p.repost_count or 0,
                "replies": p.reply_count or 0,
                "quotes": getattr(p, "quote_count", 0) or 0,
            }

        return self._call(creds, go)

    def followers(self, creds: Credentials) -> int:
        """The account's follower count (`app.bsky.actor.getProfile` followersCount), for analytics."""

        def go(client: Any) -> int:
            return int(client.app.bsky.actor.get_profile({"actor": _did(client)}).followers_count or 0)

        return self._call(creds, go)


connector = BlueskyConnector()
