"""Mastodon through `Mastodon.py`.

Exactly once, without ever guessing:

1. Every status is posted with an `Idempotency-Key` header (the delivery's key, per thread
   part). Mastodon answers a second request with the same key from the same account with
   the status it already made, for an hour after the first (`IDEMPOTENCY_WINDOW` keeps a
   margin under that). Within the window a resend *is* the reconciliation.
2. After the window, `find_published` looks at the account's statuses created since the
   key was first sent (status ids are time-based snowflakes, so `since_id` bounds the
   search exactly). Statuses that cannot be ours are dropped: other text, another reply
   target or visibility, another application than this token's, or a status already
   recorded for another delivery. If none is left the post never went out and is sent
   again; if one is left Townhall does not adopt it (it may be another delivery's, or a
   person's) but raises `UncertainError` so a person looks. It never marks a delivery
   published under a status it cannot prove is its own.

The server's version is read from the server (`/api/v1/instance`, cached per server for
an hour) and given to Mastodon.py, which picks endpoints by it: media go to
`POST /api/v2/media` on any server from 3.1.4 on. Rate limits (300 requests / 5 minutes
per token, 30 media uploads / 30 minutes): a 429 becomes a TransientError whose
`retry_after` is the server's `X-RateLimit-Reset`, bounded to `MAX_RATE_WAIT`. A reset time
Mastodon.py cannot read is dropped before it sees it (`_session`): it raised on every answer,
even the one that made the status.
"""

from __future__ import annotations

import html
import io
import re
import threading
import time
from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from typing import Any

from townhall.connectors.base import (
    DEFAULT_RATE_WAIT,
    AccountInfo,
    ConnectorError,
    Credentials,
    PermanentError,
    PublishRequest,
    PublishResult,
    TransientError,
    UncertainError,
)

VISIBILITIES = {"public", "unlisted", "private", "direct"}
TIMEOUT = 30
# Mastodon keeps an Idempotency-Key for 3600 s after the status is made; stay well inside it.
IDEMPOTENCY_WINDOW = timedelta(minutes=50)
# Clock skew allowed between us and the server when bounding the search by time.
CLOCK_SKEW = timedelta(minutes=5)
# How many statuses reconciliation reads at most (40 a page) before it gives up and asks a person.
RECONCILE_PAGES = 25
# Bounds on a rate-limit wait: the server's reset time, but never less than this or more than that.
MIN_RATE_WAIT, MAX_RATE_WAIT = 1.0, ConnectorError.MAX_RETRY_AFTER
VERSION_TTL = 3600.0
# An upload Mastodon is still processing is asked about every MEDIA_POLL_SECONDS, for at most
# MEDIA_WAIT_SECONDS; then the attempt ends as network trouble and is retried later.
MEDIA_POLL_SECONDS, MEDIA_WAIT_SECONDS = 2.0, 60.0
_VERSION_RE = re.compile(r"(\d+)\.(\d+)\.(\d+)")
_TAG_RE = re.compile(r"<[^>]+>")
_BREAK_RE = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)


def plain_text(content: str) -> str:
    """A status's HTML content as the text that was posted (paragraphs and breaks as newlines)."""
    text = _BREAK_RE.sub("\n", content or "")
    return html.unescape(_TAG_RE.sub("", text)).strip()


# Mastodon shows a mention of someone on another server by its local part: "@alice@other.social"
# is posted, "@alice" is what the status's content says.
_REMOTE_MENTION_RE = re.compile(r"(?<![\w@])@([\w.-]+)@[\w-]+(?:\.[\w-]+)+")


def _normal(text: str) -> str:
    """Text as compared with a status's content: spacing folded, mentions by their local part (a
    remote mention never matched, so a resend after the key expired posted the status twice;
    reliability review of 2026-12-06)."""
    return re.sub(r"\s+", " ", _REMOTE_MENTION_RE.sub(r"@\1", text or "")).strip()


def reply_target(api: Any, reply_to: str) -> str | None:
    """The id, on this account's own server, of the status being answered.

    Listening knows a status by its ActivityPub URI or its web address (and its id on the
    server that was listened to, which means nothing on another); Mastodon's `in_reply_to_id`
    wants the local id, so such an address is looked up on the account's server, which fetches
    it if needed (`resolve`). Reliability review of 2026-12-06: every inbox reply on Mastodon
    failed with "not found" after it was approved."""
    if not reply_to:
        return None
    if reply_to.isdigit():
        return reply_to
    found = (api.search_v2(reply_to, resolve=True, result_type="statuses") or {}).get("statuses") or []
    exact = [s for s in found if reply_to in (s.get("uri"), s.get("url"))]
    if not exact:
        raise PermanentError(
            "The post being answered could not be found from this account's Mastodon server: it may have been "
            "deleted, or the server cannot reach the one it is on."
        )
    return str(exact[0]["id"])


def snowflake_at(moment: datetime) -> int:
    """The smallest Mastodon status id that can have been made at `moment` (ms << 16)."""
    return int(moment.timestamp() * 1000) << 16


def _rate_wait(api: Any) -> float:
    """Seconds until the server's X-RateLimit-Reset (Mastodon.py parsed it), bounded."""
    reset = getattr(api, "ratelimit_reset", None) if api is not None else None
    if not reset:
        return DEFAULT_RATE_WAIT
    return min(MAX_RATE_WAIT, max(MIN_RATE_WAIT, float(reset) - time.time()))


def _readable_time(value: str) -> bool:
    """Whether Mastodon.py can turn a header into a time: an integer epoch, or a date `dateutil` reads."""
    import dateutil.parser

    try:
        if str(int(value)) == value:  # Mastodon.py's own test for an epoch
            return True
    except ValueError:
        pass
    try:
        moment = dateutil.parser.parse(value)
        (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
    except (ValueError, OverflowError, OSError):
        return False
    return True


def _drop_unreadable_reset(response: Any, *args: Any, **kwargs: Any) -> Any:
    """A requests response hook: remove an `X-RateLimit-Reset` that Mastodon.py could not read (nor the
    `Date` it is corrected by). Mastodon.py parses the header on every answer and raises a rate-limit
    error when it cannot, even on the 200 that created the status: a server or proxy sending junk there
    made every post fail as rate limited while it was already out (reliability review of 2026-12-06).
    Without the header the wait is `DEFAULT_RATE_WAIT`."""
    headers = response.headers
    reset = headers.get("X-RateLimit-Reset")
    if reset is not None and not (_readable_time(reset) and _readable_time(headers.get("Date") or "0")):
        del headers["X-RateLimit-Reset"]
    return response


def _session() -> Any:
    """A requests session for Mastodon.py whose answers carry only reset times it can read."""
    import requests

    session = requests.Session()
    session.hooks["response"].append(_drop_unreadable_reset)
    return session


def _map_error(exc: Exception, api: Any = None) -> Exception:
    from mastodon import errors

    args = getattr(exc, "args", ())
    reason = str(args[-1]) if args else str(exc)
    if isinstance(exc, errors.MastodonRatelimitError):
        wait = _rate_wait(api)
        return TransientError(f"Mastodon rate limit reached; it resets in {wait:.0f} s", retry_after=wait)
    if isinstance(exc, errors.MastodonUnauthorizedError):
        return PermanentError(f"Mastodon refused the access token ({reason}); it may have been revoked.")
    if isinstance(exc, errors.MastodonNetworkError | errors.MastodonServerError):
        return TransientError(f"Mastodon could not be reached or failed ({reason})")
    if isinstance(exc, errors.MastodonNotFoundError):
        return PermanentError(f"Mastodon says it does not exist ({reason}).")
    if isinstance(exc, errors.MastodonAPIError):
        status = args[1] if len(args) > 1 and isinstance(args[1], int) else None
        if status == 429:
            wait = _rate_wait(api)
            return TransientError(f"Mastodon rate limit reached; it resets in {wait:.0f} s", retry_after=wait)
        if status is not None and status >= 500:
            return TransientError(f"Mastodon failed ({reason})")
        return PermanentError(f"Mastodon rejected the request: {reason}")
    return TransientError(f"Mastodon request failed ({reason})")


def _unreadable_answer(exc: Exception) -> bool:
    """Mastodon.py's error for an answer it could not read as JSON: a success whose body was lost
    (a proxy's page, a truncated answer) as much as an error page, so the request may have worked."""
    args = getattr(exc, "args", ())
    has_status = len(args) > 1 and isinstance(args[1], int)
    return not has_status and "Could not parse response" in str(args[0] if args else "")


def _unreadable() -> UncertainError:
    """Sending a status again after an unreadable answer could post it twice once the key's window
    has passed, and calling it failed would invite "try again": a person checks the account instead
    (publishing review 16)."""
    return UncertainError(
        "Mastodon's answer to the post could not be read, so Townhall cannot tell whether it went out; "
        "please check the account before trying again."
    )


def _processed(api: Any, media: Any) -> Any:
    """The uploaded media once Mastodon has processed it (a status refuses media still processing).

    Mastodon.py's own wait (`synchronous=True`) polls for ever, and turns any answer it does not
    like while polling (a 429, a 503) into "Attachment could not be processed", a permanent
    failure: a server whose processing queue stalled left the delivery "publishing" for good, its
    lease renewed by the heartbeat, and blocked the account's next posts (reliability review of
    2026-12-06). Here the wait is bounded and the polls' errors are mapped like any other call's.
    """
    deadline = time.monotonic() + MEDIA_WAIT_SECONDS
    while media.get("url") is None:
        if time.monotonic() >= deadline:
            raise TransientError(
                f"Mastodon was still processing an image after {MEDIA_WAIT_SECONDS:.0f} s; Townhall will try again."
            )
        time.sleep(MEDIA_POLL_SECONDS)
        media = api.media(media["id"])
    return media


class MastodonConnector:
    network = "mastodon"

    idempotency_window = IDEMPOTENCY_WINDOW

    def __init__(self) -> None:
        self._versions: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def _server_version(self, base_url: str, token: str) -> str:
        """The server's own version ("4.3.0"), asked once an hour per server.

        Mastodon.py chooses endpoints by version; without it (version_check_mode="none") it
        assumes 1.0.0 and uploads media to the deprecated v1 endpoint.
        """
        from mastodon import Mastodon

        with self._lock:
            cached = self._versions.get(base_url)
        if cached and time.monotonic() - cached[1] < VERSION_TTL:
            return cached[0]
        probe = Mastodon(access_token=token, api_base_url=base_url, version_check_mode="none",
                         ratelimit_method="throw", request_timeout=TIMEOUT, user_agent="townhall",
                         session=_session())
        raw = str(probe.instance_v1().get("version") or "")
        match = _VERSION_RE.search(raw)
        if not match:
            raise PermanentError(f"The server at {base_url} does not say which Mastodon version it runs ({raw!r}).")
        version = ".".join(match.groups())
        with self._lock:
            self._versions[base_url] = (version, time.monotonic())
        return version

    def _api(self, creds: Credentials) -> Any:
        from mastodon import Mastodon

        if not creds.service_url:
            raise PermanentError("The Mastodon account has no server address (service URL).")
        base_url = creds.service_url.rstrip("/")
        return Mastodon(
            access_token=creds.secret,
            api_base_url=base_url,
            ratelimit_method="throw",
            request_timeout=TIMEOUT,
            version_check_mode="created",
            mastodon_version=self._server_version(base_url, creds.secret),
            user_agent="townhall",
            session=_session(),
        )

    def _call(self, creds: Credentials, fn: Any) -> Any:
        from mastodon import errors

        api = None
        try:
            api = self._api(creds)
            return fn(api)
        except errors.MastodonError as exc:
            raise _map_error(exc, api) from None

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

        from mastodon import errors

        def go(api: Any) -> PublishResult:
            media_ids = []
            for image in request.images[:4]:
                media = api.media_post(
                    io.BytesIO(image.data), mime_type=image.mime_type, description=image.alt, file_name="image"
                )
                media_ids.append(_processed(api, media)["id"])
            in_reply_to = reply_target(api, request.reply_to or "")
            try:
                status = api.status_post(
                    request.text,
                    in_reply_to_id=in_reply_to,
                    media_ids=media_ids or None,
                    visibility=visibility,
                    language=(request.extra.get("langs") or ["en"])[0],
                    idempotency_key=request.idempotency_key,
                )
            except errors.MastodonAPIError as exc:
                if _unreadable_answer(exc):
                    raise _unreadable() from None
                raise
            if not isinstance(status, dict) or not status.get("id"):
                raise _unreadable()
            return PublishResult(remote_id=str(status["id"]), url=status.get("url") or status.get("uri") or "")

        return self._call(creds, go)

    def find_published(
        self,
        creds: Credentials,
        idempotency_key: str,
        request: PublishRequest | None = None,
        *,
        sent_since: datetime | None = None,
        exclude_ids: Collection[str] = (),
    ) -> PublishResult | None:
        """None when a resend with the same key cannot duplicate; else UncertainError (see the module).

        Mastodon has no lookup by key, so this never returns a status: inside the
        idempotency window the resend itself returns the original, and after it a status
        that merely looks the same is not proof enough.
        """
        if sent_since is None:
            return None  # no request with this key ever left
        if datetime.now(UTC) - sent_since < IDEMPOTENCY_WINDOW:
            return None  # the server still knows the key: the resend answers with the first status
        if request is None:
            raise UncertainError("Townhall cannot tell whether this post reached Mastodon; please check the account.")

        def go(api: Any) -> None:
            me = api.account_verify_credentials()
            try:
                app_name = (api.app_verify_credentials() or {}).get("name")
            except Exception:  # older servers: fall back to text, reply target and visibility
                app_name = None
            since_id = snowflake_at(sent_since - CLOCK_SKEW)
            wanted = _normal(request.text)
            answering = str(reply_target(api, request.reply_to or "") or "")
            visibility = request.extra.get("visibility")
            candidates: list[str] = []
            max_id = None
            for _ in range(RECONCILE_PAGES):
                page = api.account_statuses(me["id"], since_id=since_id, max_id=max_id, limit=40)
                if not page:
                    break
                for status in page:
                    if status.get("reblog") or str(status["id"]) in exclude_ids:
                        continue
                    if _normal(plain_text(status.get("content", ""))) != wanted:
                        continue
                    if str(status.get("in_reply_to_id") or "") != answering:
                        continue
                    if visibility and status.get("visibility") not in (None, visibility):
                        continue
                    application = status.get("application") or {}
                    if app_name and application.get("name") and application["name"] != app_name:
                        continue
                    candidates.append(str(status.get("url") or status.get("uri") or status["id"]))
                max_id = min(int(s["id"]) for s in page)
            else:
                raise UncertainError(
                    "Townhall cannot tell whether this post reached Mastodon: the account posted too much since "
                    "to check; please look at the account."
                )
            if candidates:
                raise UncertainError(
                    "Townhall cannot tell whether this post reached Mastodon: a status with the same text was "
                    f"posted since the first attempt ({', '.join(candidates[:3])}). Please check the account; if "
                    "the post is not there, press Try again.",
                    candidates=tuple(candidates),
                )

        self._call(creds, go)
        return None

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

    def followers(self, creds: Credentials) -> int:
        """The account's follower count (`verify_credentials` followers_count), for analytics."""
        me = self._call(creds, lambda api: api.account_verify_credentials())
        return int(me.get("followers_count") or 0)


connector = MastodonConnector()
