"""A small, stateful Mastodon server on loopback, as strict as the real one where we rely on it.

No real Mastodon runs locally, so the connector is tested against this. It follows the
documented API (https://docs.joinmastodon.org/methods/statuses/#create, /methods/media/#v2,
/methods/accounts/#statuses, /methods/apps/#verify_credentials, /api/rate-limits/,
/api/guidelines/#pagination) and refuses what a real server would refuse:

* **Auth**: every call but the instance needs a known bearer token (401 otherwise).
* **Statuses**: text or media required; at most 500 characters, counted as Mastodon does
  (every link counts as 23); at most 4 media, each uploaded by this account; a known
  visibility; a reply target that exists. 422 / 404 with Mastodon's error sentences.
* **Idempotency-Key**: the same key from the same account within an hour returns the
  first status instead of making another; after an hour the key is forgotten (the clock
  can be moved with `advance`).
* **Media**: only `POST /api/v2/media` (multipart with a file). The deprecated
  `POST /api/v1/media` is answered 410 and counted in `deprecated_calls`: Townhall must not
  use it (real servers still answer it, but its removal is announced). With
  `media_processing` = n, an upload is answered 202 with no `url` and `GET /api/v1/media/:id`
  206 until it has been asked n times (-1: never ready), and a status with media not yet
  processed is refused 422, as Mastodon does.
* **Rate limits**: 300 requests per 5 minutes per token and 30 media uploads per
  30 minutes, with real `X-RateLimit-Limit/Remaining/Reset` headers and 429 past them.
* **Ids** are time-based snowflakes (milliseconds << 16), so `since_id`/`max_id`/`min_id`
  bound a timeline by time as on a real server; statuses carry the token's `application`.

For tests it records every request (`requests`), the creation time of each status
(`created_log`), the highest number of status creations in flight at once
(`max_concurrent_creates`: a creation is in flight from the moment its request arrives until
it is answered, latency included, as a real server's request is), can add latency to every
request (`latency`, seconds) and can be told to fail the next requests (`fail_next`).

`overlap_wait` (seconds) makes concurrency observable whatever the machine's load: until two
creations have been in flight at once, a creation that arrives alone waits up to that long
for another one before it is answered. A client that sends concurrently makes the second
request while the first waits; a client that sends one at a time never does, so
`max_concurrent_creates` stays 1 (and each of its first creations is slowed by the wait).
"""

from __future__ import annotations

import html
import json
import re
import threading
import time
from datetime import UTC, datetime
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

CHAR_LIMIT = 500
URL_WEIGHT = 23
MAX_MEDIA = 4
DESCRIPTION_LIMIT = 1500
IDEMPOTENCY_TTL = 3600
VISIBILITIES = {"public", "unlisted", "private", "direct"}
URL_RE = re.compile(r"https?://\S+")


# Mastodon links a mention and shows it by its local part: "@alice@other.social" reads "@alice".
_MENTION_RE = re.compile(r"(?<![\w@])@([\w.-]+)(?:@([\w-]+(?:\.[\w-]+)+))?")


def _mention_html(m: re.Match) -> str:
    host = m.group(2) or "mastodon.test"
    return (f'<span class="h-card"><a href="https://{host}/@{m.group(1)}" class="u-url mention">'
            f"@<span>{m.group(1)}</span></a></span>")


def mastodon_length(text: str) -> int:
    """Characters as Mastodon counts them: each link is 23, whatever its length."""
    return len(URL_RE.sub("x" * URL_WEIGHT, text))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # a burst of concurrent publishes must not hit the listen backlog

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client killed mid-request (the fault tests do that) is not the server's error


class FakeMastodon:
    def __init__(self, domain: str = "mastodon.test", *, latency: float = 0.0, overlap_wait: float = 0.0) -> None:
        self.domain = domain
        self.latency = latency
        self.overlap_wait = overlap_wait
        self.tokens: dict[str, dict[str, Any]] = {}
        self.apps: dict[str, str] = {}
        self.statuses: dict[str, dict[str, Any]] = {}
        # Statuses on other servers this one can fetch when a search asks it to resolve their
        # address (uri -> (author acct, text)); once fetched they get a local id, as on Mastodon.
        self.remote: dict[str, tuple[str, str]] = {}
        self.media: dict[str, dict[str, Any]] = {}
        self.media_owner: dict[str, str] = {}
        self.media_processing = 0  # polls before an upload is processed (-1: never)
        self._processing: dict[str, int] = {}  # media id -> polls left before it is ready
        self.idempotency: dict[tuple[str, str], tuple[str, float]] = {}
        self.fail_next: list[tuple[int, dict[str, Any]]] = []
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.deprecated_calls: list[str] = []
        self.created_log: list[tuple[float, str, str | None]] = []  # (wall time, status id, key)
        self.create_calls = 0
        # When set, sent as every answer's X-RateLimit-Reset instead of the real time (a server or a
        # proxy in front of it can send anything there).
        self.reset_header: str | None = None
        # When set, the next status that is created is answered 200 with this body instead of its JSON
        # (a proxy's error page, a truncated answer): the status exists, the client cannot read it.
        self.garble_next_create: bytes | None = None
        self.rate_limit = 300  # per token per window
        self.rate_window = 300
        self.media_limit = 30
        self.media_window = 1800
        self._hits: dict[tuple[str, str], list[float]] = {}
        self._offset = 0.0
        self._last_id = 0
        self._creating = 0
        self.in_flight = 0  # requests being answered right now (latency included)
        self.max_concurrent_creates = 0
        self._lock = threading.RLock()
        self._overlap = threading.Condition(self._lock)
        self._server: ThreadingHTTPServer | None = None

    # --- clock and ids -----------------------------------------------------------------------

    def now(self) -> float:
        return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the server's clock forward (forgets idempotency keys after an hour, resets rate windows)."""
        self._offset += seconds

    def _new_id(self) -> str:
        with self._lock:
            value = max(int(self.now() * 1000) << 16, self._last_id + 1)
            self._last_id = value
        return str(value)

    # --- setup ---------------------------------------------------------------------------

    def add_account(self, username: str, token: str, app: str = "Townhall") -> dict[str, Any]:
        account = {
            "id": self._new_id(),
            "username": username,
            "acct": username,
            "display_name": username.capitalize(),
            "url": f"https://{self.domain}/@{username}",
        }
        self.tokens[token] = account
        self.apps[token] = app
        return account

    def add_remote_status(self, uri: str, author: str, text: str) -> None:
        """A status on another server (ActivityPub `uri`) that a resolving search can fetch."""
        self.remote[uri] = (author, text)

    def revoke(self, token: str) -> None:
        self.tokens.pop(token, None)

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeMastodon:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def date_time_string(self, timestamp: float | None = None) -> str:
                return formatdate(fake.now(), usegmt=True)  # the Date header follows the fake's clock

            def do_GET(self) -> None:
                fake._handle(self, "GET")

            def do_POST(self) -> None:
                fake._handle(self, "POST")

            def do_PUT(self) -> None:
                fake._handle(self, "PUT")

            def do_DELETE(self) -> None:
                fake._handle(self, "DELETE")

        self._server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    # --- requests --------------------------------------------------------------------------

    def _send(
        self, h: BaseHTTPRequestHandler, status: int, body: Any, limit: tuple[int, int, float] | None = None
    ) -> None:
        data = json.dumps(body).encode()
        if self.garble_next_create is not None and getattr(h, "creating", False) and status == 200:
            data, self.garble_next_create = self.garble_next_create, None
        self._end_create(h)
        try:
            h.send_response(status)
            h.send_header("Content-Type", "application/json; charset=utf-8")
            h.send_header("Content-Length", str(len(data)))
            if limit is not None:
                ceiling, remaining, reset = limit
                h.send_header("X-RateLimit-Limit", str(ceiling))
                h.send_header("X-RateLimit-Remaining", str(max(0, remaining)))
                h.send_header("X-RateLimit-Reset", self.reset_header if self.reset_header is not None
                              else datetime.fromtimestamp(reset, UTC).isoformat())
            h.end_headers()
            h.wfile.write(data)
        except OSError:
            pass  # the client went away (killed mid-request)

    def _params(self, h: BaseHTTPRequestHandler) -> dict[str, Any]:
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length) if length else b""
        ctype = h.headers.get("Content-Type", "")
        if ctype.startswith("application/json"):
            return json.loads(raw or b"{}")
        if ctype.startswith("multipart/form-data"):
            from email.parser import BytesParser
            from email.policy import HTTP

            message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {ctype}\r\n\r\n".encode() + raw)
            out: dict[str, Any] = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True) or b""
                key = name.removesuffix("[]")
                value: Any = payload if part.get_filename() else payload.decode()
                if name.endswith("[]"):
                    out.setdefault(key, []).append(value)
                else:
                    out[key] = value
            return out
        parsed = parse_qs(raw.decode(), keep_blank_values=True)
        out = {}
        for key, values in parsed.items():
            out[key.removesuffix("[]")] = values if key.endswith("[]") else values[-1]
        return out

    def _rate(self, token: str, bucket: str, ceiling: int, window: int) -> tuple[int, int, float]:
        """Count one request in a fixed window; (limit, remaining, reset epoch)."""
        now = self.now()
        with self._lock:
            hits = [t for t in self._hits.get((token, bucket), []) if t > now - window]
            hits.append(now)
            self._hits[(token, bucket)] = hits
            reset = hits[0] + window
        return ceiling, ceiling - len(hits), reset

    def _status(self, account: dict[str, Any], params: dict[str, Any], app: str, media_ids: list[str]) -> dict:
        sid = self._new_id()
        text = params.get("status", "")
        content = "<p>" + _MENTION_RE.sub(_mention_html, html.escape(text)).replace("\n", "<br />") + "</p>"
        return {
            "id": sid,
            "uri": f"https://{self.domain}/users/{account['username']}/statuses/{sid}",
            "url": f"https://{self.domain}/@{account['username']}/{sid}",
            "created_at": datetime.fromtimestamp(self.now(), UTC).isoformat(),
            "account": account,
            "content": content,
            "text": text,
            "visibility": params.get("visibility") or "public",
            "language": params.get("language"),
            "in_reply_to_id": params.get("in_reply_to_id") or None,
            "media_attachments": [self.media[m] for m in media_ids],
            "application": {"name": app, "website": None},
            "reblog": None,
            "favourites_count": 0,
            "reblogs_count": 0,
            "replies_count": 0,
            "sensitive": False,
            "spoiler_text": "",
            "mentions": [],
            "tags": [],
            "emojis": [],
        }

    def _handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        creating = method == "POST" and urlsplit(h.path).path.rstrip("/") == "/api/v1/statuses"
        with self._lock:
            self.in_flight += 1
            if creating:
                self._creating += 1
                h.creating = True  # type: ignore[attr-defined]
                self.max_concurrent_creates = max(self.max_concurrent_creates, self._creating)
                self._overlap.notify_all()
        try:
            if creating and self.overlap_wait:
                self._wait_for_overlap()
            self._answer(h, method)
        finally:
            self._end_create(h)
            with self._lock:
                self.in_flight -= 1

    def _end_create(self, h: BaseHTTPRequestHandler) -> None:
        """A creation stops counting as in flight just BEFORE its answer is written: a serial
        client sends its next request as soon as it reads the answer, which can arrive before this
        handler's thread runs again, so counting until the handler returned showed a one-at-a-time
        sender as overlapping on a loaded machine (CI, 2026-12-03)."""
        with self._lock:
            if getattr(h, "creating", False):
                h.creating = False  # type: ignore[attr-defined]
                self._creating -= 1

    def _wait_for_overlap(self) -> None:
        """Hold a lone creation (bounded) until another is in flight, until overlap was seen once."""
        deadline = time.monotonic() + self.overlap_wait
        with self._lock:
            while self.max_concurrent_creates < 2 and (left := deadline - time.monotonic()) > 0:
                self._overlap.wait(left)

    def _answer(self, h: BaseHTTPRequestHandler, method: str) -> None:
        split = urlsplit(h.path)
        path = split.path.rstrip("/") or "/"
        query = {k: v[-1] for k, v in parse_qs(split.query).items()}
        self.requests.append((method, path, dict(h.headers)))
        params = self._params(h) if method in ("POST", "PUT") else {}
        if self.latency:
            time.sleep(self.latency)
        with self._lock:
            failure = self.fail_next.pop(0) if self.fail_next else None
        if failure:
            status, body = failure
            reset = self.now() + 42
            return self._send(h, status, body, (self.rate_limit, 0 if status == 429 else 1, reset))
        if path == "/api/v1/instance" and method == "GET":
            return self._send(h, 200, {"uri": self.domain, "title": "Fake", "version": "4.3.0"})
        if path == "/api/v2/instance" and method == "GET":
            return self._send(
                h, 200, {"domain": self.domain, "title": "Fake", "version": "4.3.0", "api_versions": {"mastodon": 2}},
            )
        token = h.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        account = self.tokens.get(token)
        if account is None:
            return self._send(h, 401, {"error": "The access token is invalid"})
        limit = self._rate(token, "all", self.rate_limit, self.rate_window)
        if limit[1] < 0:
            return self._send(h, 429, {"error": "Too many requests"}, limit)
        if path == "/api/v1/accounts/verify_credentials" and method == "GET":
            return self._send(h, 200, account, limit)
        if path == "/api/v1/apps/verify_credentials" and method == "GET":
            return self._send(h, 200, {"name": self.apps.get(token, "Townhall"), "website": None}, limit)
        if path == "/api/v1/media" and method == "POST":
            self.deprecated_calls.append(path)
            return self._send(h, 410, {"error": "POST /api/v1/media is deprecated; use POST /api/v2/media"}, limit)
        if path == "/api/v2/media" and method == "POST":
            media_limit = self._rate(token, "media", self.media_limit, self.media_window)
            if media_limit[1] < 0:
                return self._send(h, 429, {"error": "Too many requests"}, media_limit)
            upload = params.get("file")
            if not isinstance(upload, bytes) or not upload:
                return self._send(h, 422, {"error": "Validation failed: File can't be blank"}, limit)
            description = params.get("description") or None
            if description and len(description) > DESCRIPTION_LIMIT:
                return self._send(h, 422, {"error": "Validation failed: Description is too long"}, limit)
            mid = self._new_id()
            media = {
                "id": mid,
                "type": "image",
                "url": f"https://{self.domain}/media/{mid}",
                "preview_url": f"https://{self.domain}/media/{mid}/small",
                "description": description,
                "size": len(upload),
            }
            with self._lock:
                self.media[mid] = media
                self.media_owner[mid] = account["id"]
                if self.media_processing:
                    self._processing[mid] = self.media_processing
                    media["url"] = None
                    return self._send(h, 202, media, limit)
            return self._send(h, 200, media, limit)
        if path.startswith("/api/v1/media/") and method == "GET":
            mid = path.rsplit("/", 1)[-1]
            with self._lock:
                media = self.media.get(mid)
                if media is None or self.media_owner.get(mid) != account["id"]:
                    return self._send(h, 404, {"error": "Record not found"}, limit)
                left = self._processing.get(mid)
                if left is not None:
                    left = left - 1 if left > 0 else left
                    if left == 0:
                        del self._processing[mid]
                        media["url"] = f"https://{self.domain}/media/{mid}"
                    else:
                        self._processing[mid] = left
                        return self._send(h, 206, media, limit)
            return self._send(h, 200, media, limit)
        if path == "/api/v1/statuses" and method == "POST":
            return self._create_status(h, token, account, params, limit)
        if path.startswith("/api/v1/statuses/"):
            sid = path.rsplit("/", 1)[-1]
            status = self.statuses.get(sid)
            if status is None:
                return self._send(h, 404, {"error": "Record not found"}, limit)
            if method == "GET":
                return self._send(h, 200, status, limit)
            if method == "DELETE":
                if status["account"]["id"] != account["id"]:
                    return self._send(h, 403, {"error": "This action is not allowed"}, limit)
                with self._lock:
                    del self.statuses[sid]
                return self._send(h, 200, {**status, "text": status["text"]}, limit)
        if path == "/api/v2/search" and method == "GET":
            return self._search(h, query, limit)
        if path.startswith("/api/v1/accounts/") and path.endswith("/statuses") and method == "GET":
            return self._timeline(h, path.split("/")[4], query, limit)
        return self._send(h, 404, {"error": "Not found"}, limit)

    def _create_status(self, h: BaseHTTPRequestHandler, token: str, account: dict, params: dict, limit: Any) -> None:
        key = h.headers.get("Idempotency-Key")
        text = params.get("status", "")
        media_ids = params.get("media_ids") or []
        media_ids = [str(m) for m in ([media_ids] if isinstance(media_ids, str) else media_ids)]
        with self._lock:
            if key:
                known = self.idempotency.get((account["id"], key))
                if known and known[1] > self.now() - IDEMPOTENCY_TTL and known[0] in self.statuses:
                    return self._send(h, 200, self.statuses[known[0]], limit)
            error = self._invalid(account, params, text, media_ids)
            if error:
                code, message = error
                return self._send(h, code, {"error": message}, limit)
            self.create_calls += 1
            status = self._status(account, params, self.apps.get(token, "Townhall"), media_ids)
            self.statuses[status["id"]] = status
            self.created_log.append((time.time(), status["id"], key))
            if key:
                self.idempotency[(account["id"], key)] = (status["id"], self.now())
        return self._send(h, 200, status, limit)

    def _invalid(self, account: dict, params: dict, text: str, media_ids: list[str]) -> tuple[int, str] | None:
        if not text.strip() and not media_ids:
            return 422, "Validation failed: Text can't be blank"
        if mastodon_length(text) > CHAR_LIMIT:
            return 422, f"Validation failed: Text character limit of {CHAR_LIMIT} exceeded"
        if len(media_ids) > MAX_MEDIA:
            return 422, "Validation failed: Media attachments cannot be more than 4"
        if any(self.media_owner.get(m) != account["id"] for m in media_ids):
            return 422, "Validation failed: Media attachments are invalid"
        if any(m in self._processing for m in media_ids):
            return 422, "Cannot attach files that have not finished processing. Try again in a moment!"
        visibility = params.get("visibility")
        if visibility and visibility not in VISIBILITIES:
            return 422, "Validation failed: Visibility is not included in the list"
        reply = params.get("in_reply_to_id")
        if reply and str(reply) not in self.statuses:
            return 404, "Record not found"
        return None

    def _search(self, h: BaseHTTPRequestHandler, query: dict[str, str], limit: Any) -> None:
        """Statuses by their address: known ones, and with resolve=true remote ones fetched now."""
        q = query.get("q", "").strip()
        found = []
        if query.get("type") in (None, "", "statuses"):
            with self._lock:
                found = [st for st in self.statuses.values() if q in (st["uri"], st["url"])]
                if not found and query.get("resolve") in ("true", "1", "True") and q in self.remote:
                    author, text = self.remote[q]
                    user, _, host = author.partition("@")
                    account = {"id": self._new_id(), "username": user, "acct": author, "display_name": user,
                               "url": f"https://{host}/@{user}"}
                    status = self._status(account, {"status": text}, "", [])
                    status.update(uri=q, url=q, application=None)
                    self.statuses[status["id"]] = status
                    found = [status]
        return self._send(h, 200, {"accounts": [], "statuses": found, "hashtags": []}, limit)

    def _timeline(self, h: BaseHTTPRequestHandler, account_id: str, query: dict[str, str], limit: Any) -> None:
        try:
            count = min(40, int(query.get("limit") or 20))
            since_id, max_id, min_id = (
                int(query[k]) if query.get(k) else None for k in ("since_id", "max_id", "min_id")
            )
        except ValueError:
            return self._send(h, 400, {"error": "Invalid pagination parameters"}, limit)
        with self._lock:
            mine = [s for s in self.statuses.values() if s["account"]["id"] == account_id]
        mine = [s for s in mine if (since_id is None or int(s["id"]) > since_id)
                and (max_id is None or int(s["id"]) < max_id) and (min_id is None or int(s["id"]) > min_id)]
        mine.sort(key=lambda s: int(s["id"]), reverse=min_id is None)
        page = mine[:count]
        page.sort(key=lambda s: int(s["id"]), reverse=True)
        return self._send(h, 200, page, limit)

    def posts_by(self, username: str) -> list[dict[str, Any]]:
        with self._lock:
            return [s for s in self.statuses.values() if s["account"]["username"] == username]
