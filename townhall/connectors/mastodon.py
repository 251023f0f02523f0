"""Mastodon through `Mastodon.py`.

Exactly once: every status is posted with an `Idempotency-Key` header (the delivery's
key), so a retry of the same post returns the status the server already made instead of
a second one (Mastodon keeps keys for an hour). Beyond that window, `find_published`
recognises the post among the account's recent statuses by its text, so the publisher's
reconciliation step works here too.

Images are uploaded first (with their alt text as the media description) and attached by
id. Rate limits: Mastodon's 300 requests / 5 minutes per token (and 30 media uploads /
30 minutes); a 429 becomes a TransientError carrying the reset time.
"""

from __future__ import annotations

import html
import io
import re
from typing import Any

from townhall.connectors.base import (
    AccountInfo,
    Credentials,
    PermanentError,
    PublishRequest,
    PublishResult,
    TransientError,
)

VISIBILITIES = {"public", "unlisted", "private", "direct"}
TIMEOUT = 30
# Assume a current server (4.x) rather than asking; Mastodon.py picks endpoints (media v2) by it.
MASTODON_VERSION = "4.3.0"
_TAG_RE = re.compile(r"<[^>]+>")
_BREAK_RE = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)


def plain_text(content: str) -> str:
    """A status's HTML content as the text that was posted (paragraphs and breaks as newlines)."""
    text = _BREAK_RE.sub("\n", content or "")
    return html.unescape(_TAG_RE.sub("", text)).strip()


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _map_error(exc: Exception) -> Exception:
    from mastodon import errors

    args = getattr(exc, "args", ())
    reason = str(args[-1]) if args else str(exc)
    if isinstance(exc, errors.MastodonRatelimitError):
        retry = 300.0
        return TransientError(f"Mastodon rate limit reached ({reason})", retry_after=retry)
    if isinstance(exc, errors.MastodonUnauthorizedError):
        return PermanentError(f"Mastodon refused the access token ({reason}); it may have been revoked.")
    if isinstance(exc, errors.MastodonNetworkError | errors.MastodonServerError):
        return TransientError(f"Mastodon could not be reached or failed ({reason})")
    if isinstance(exc, errors.MastodonNotFoundError):
        return PermanentError(f"Mastodon says it does not exist ({reason}).")
    if isinstance(exc, errors.MastodonAPIError):
        status = args[1] if len(args) > 1 and isinstance(args[1], int) else None
        if status == 429:
            return TransientError(f"Mastodon rate limit reached ({reason})", retry_after=300.0)
        if status is not None and status >= 500:
            return TransientError(f"Mastodon failed ({reason})")
        return PermanentError(f"Mastodon rejected the request: {reason}")
    return TransientError(f"Mastodon request failed ({reason})")


class MastodonConnector:
    network = "mastodon"

    def _api(self, creds: Credentials) -> Any:
        from mastodon import Mastodon

        if not creds.service_url:
            raise PermanentError("The Mastodon account has no server address (service URL).")
        return Mastodon(
            access_token=creds.secret,
            api_base_url=creds.service_url.rstrip("/"),
            ratelimit_method="throw",
            request_timeout=TIMEOUT,
            version_check_mode="none",
            mastodon_version=MASTODON_VERSION,
            user_agent="townhall",
        )

    def _call(self, creds: Credentials, fn: Any) -> Any:
        from mastodon import errors

        try:
            return fn(self._api(creds))
        except errors.MastodonError as exc:
            raise _map_error(exc) from None

    def verify_credentials(self, creds: Credentials) -> AccountInfo:
        me = self._call(creds, lambda api: api.account_verify_credentials())
        host = creds.service_url.split("://", 1)[-1].rstrip("/")
        return AccountInfo(
            handle=f"@{me['acct']}@{host}" if "@" not in me["acct"] else f"@{me['acct']}",
            remote_id=str(me["id"]),
            display_name=me.get("display_name") or "",
            profile_url=me.get("url") or "",
        )

    def publish(self, creds: Credentials, request: PublishRequest) -> PublishResult:
        visibility = request.extra.get("visibility", "public")
        if visibility not in VISIBILITIES:
            raise PermanentError(f"Unknown Mastodon visibility {visibility!r}.")

        def go(api: Any) -> PublishResult:
            media_ids = []
            for image in request.images[:4]:
                media = api.media_post(
                    io.BytesIO(image.data), mime_type=image.mime_type, description=image.alt,
                    file_name="image", synchronous=True,
                )
                media_ids.append(media["id"])
            status = api.status_post(
                request.text,
                in_reply_to_id=request.reply_to or None,
                media_ids=media_ids or None,
                visibility=visibility,
                language=(request.extra.get("langs") or ["en"])[0],
                idempotency_key=request.idempotency_key,
            )
            return PublishResult(remote_id=str(status["id"]), url=status.get("url") or status.get("uri") or "")

        return self._call(creds, go)

    def find_published(
        self, creds: Credentials, idempotency_key: str, request: PublishRequest | None = None
    ) -> PublishResult | None:
        """Mastodon cannot look up a status by key: match the request's text among recent statuses."""
        if request is None:
            return None

        def go(api: Any) -> PublishResult | None:
            me = api.account_verify_credentials()
            wanted = _normal(request.text)
            for status in api.account_statuses(me["id"], limit=40):
                if _normal(plain_text(status.get("content", ""))) == wanted and (
                    str(status.get("in_reply_to_id") or "") == str(request.reply_to or "")
                ):
                    return PublishResult(remote_id=str(status["id"]), url=status.get("url") or "")
            return None

        return self._call(creds, go)

    def delete(self, creds: Credentials, remote_id: str) -> None:
        self._call(creds, lambda api: api.status_delete(remote_id))

    def fetch_metrics(self, creds: Credentials, remote_id: str) -> dict[str, int]:
        status = self._call(creds, lambda api: api.status(remote_id))
        # The interface's vocabulary (likes/reposts/replies), whatever the network calls them.
        return {
            "likes": int(status.get("favourites_count") or 0),
            "reposts": int(status.get("reblogs_count") or 0),
            "replies": int(status.get("replies_count") or 0),
        }


connector = MastodonConnector()
