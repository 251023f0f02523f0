"""A small, stateful Mastodon server on loopback, following the documented REST API.

No real Mastodon runs locally, so the connector is tested against this: it keeps
statuses and media in memory, checks bearer tokens, enforces the 500-character limit,
honours `Idempotency-Key` (the same key from the same token returns the first status
instead of creating another, as Mastodon does for an hour), sends rate-limit headers,
and can be told to fail the next requests (`fail_next`) to exercise error mapping.

Documented behaviour followed: https://docs.joinmastodon.org/methods/statuses/#create,
/methods/media/#v2, /methods/accounts/#verify_credentials, /api/rate-limits/.
"""

from __future__ import annotations

import html
import itertools
import json
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

CHAR_LIMIT = 500


class FakeMastodon:
    def __init__(self, domain: str = "mastodon.test") -> None:
        self.domain = domain
        self.tokens: dict[str, dict[str, Any]] = {}
        self.statuses: dict[str, dict[str, Any]] = {}
        self.media: dict[str, dict[str, Any]] = {}
        self.idempotency: dict[tuple[str, str], str] = {}
        self.fail_next: list[tuple[int, dict[str, Any]]] = []
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.create_calls = 0
        self._ids = itertools.count(110_000_000_000_000_000)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # --- setup ---------------------------------------------------------------------------

    def add_account(self, username: str, token: str) -> dict[str, Any]:
        account = {
            "id": str(next(self._ids)),
            "username": username,
            "acct": username,
            "display_name": username.capitalize(),
            "url": f"https://{self.domain}/@{username}",
        }
        self.tokens[token] = account
        return account

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

            def do_GET(self) -> None:
                fake._handle(self, "GET")

            def do_POST(self) -> None:
                fake._handle(self, "POST")

            def do_PUT(self) -> None:
                fake._handle(self, "PUT")

            def do_DELETE(self) -> None:
                fake._handle(self, "DELETE")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    # --- requests --------------------------------------------------------------------------

    def _send(self, h: BaseHTTPRequestHandler, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json; charset=utf-8")
        h.send_header("Content-Length", str(len(data)))
        h.send_header("X-RateLimit-Limit", "300")
        h.send_header("X-RateLimit-Remaining", "299")
        h.send_header("X-RateLimit-Reset", datetime.now(UTC).isoformat())
        h.end_headers()
        h.wfile.write(data)

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

    def _status(self, account: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
        sid = str(next(self._ids))
        media_ids = params.get("media_ids") or []
        if isinstance(media_ids, str):
            media_ids = [media_ids]
        text = params.get("status", "")
        content = "<p>" + html.escape(text).replace("\n", "<br />") + "</p>"
        return {
            "id": sid,
            "uri": f"https://{self.domain}/users/{account['username']}/statuses/{sid}",
            "url": f"https://{self.domain}/@{account['username']}/{sid}",
            "created_at": datetime.now(UTC).isoformat(),
            "account": account,
            "content": content,
            "text": text,
            "visibility": params.get("visibility") or "public",
            "language": params.get("language"),
            "in_reply_to_id": params.get("in_reply_to_id") or None,
            "media_attachments": [self.media[str(m)] for m in media_ids if str(m) in self.media],
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
        path = urlsplit(h.path).path.rstrip("/") or "/"
        self.requests.append((method, path, dict(h.headers)))
        params = self._params(h) if method in ("POST", "PUT") else {}
        with self._lock:
            if self.fail_next:
                status, body = self.fail_next.pop(0)
                return self._send(h, status, body)
            if path == "/api/v1/instance" and method == "GET":
                return self._send(h, 200, {"uri": self.domain, "title": "Fake", "version": "4.3.0"})
            if path == "/api/v2/instance" and method == "GET":
                return self._send(
                    h, 200,
                    {"domain": self.domain, "title": "Fake", "version": "4.3.0", "api_versions": {"mastodon": 2}},
                )
            auth = h.headers.get("Authorization", "")
            account = self.tokens.get(auth.removeprefix("Bearer ").strip())
            if account is None:
                return self._send(h, 401, {"error": "The access token is invalid"})
            if path == "/api/v1/accounts/verify_credentials" and method == "GET":
                return self._send(h, 200, account)
            if path in ("/api/v1/media", "/api/v2/media") and method == "POST":
                mid = str(next(self._ids))
                media = {
                    "id": mid,
                    "type": "image",
                    "url": f"https://{self.domain}/media/{mid}",
                    "preview_url": f"https://{self.domain}/media/{mid}/small",
                    "description": params.get("description") or None,
                    "size": len(params.get("file") or b""),
                }
                self.media[mid] = media
                return self._send(h, 200, media)
            if path.startswith("/api/v1/media/") and method == "GET":
                return self._send(h, 200, self.media.get(path.rsplit("/", 1)[-1], {}))
            if path == "/api/v1/statuses" and method == "POST":
                key = h.headers.get("Idempotency-Key")
                if key and (auth, key) in self.idempotency:
                    return self._send(h, 200, self.statuses[self.idempotency[(auth, key)]])
                text = params.get("status", "")
                if not text and not params.get("media_ids"):
                    return self._send(h, 422, {"error": "Validation failed: Text can't be blank"})
                if len(text) > CHAR_LIMIT:
                    return self._send(
                        h, 422, {"error": f"Validation failed: Text character limit of {CHAR_LIMIT} exceeded"}
                    )
                self.create_calls += 1
                status = self._status(account, params)
                self.statuses[status["id"]] = status
                if key:
                    self.idempotency[(auth, key)] = status["id"]
                return self._send(h, 200, status)
            if path.startswith("/api/v1/statuses/"):
                sid = path.rsplit("/", 1)[-1]
                status = self.statuses.get(sid)
                if status is None:
                    return self._send(h, 404, {"error": "Record not found"})
                if method == "GET":
                    return self._send(h, 200, status)
                if method == "DELETE":
                    if status["account"]["id"] != account["id"]:
                        return self._send(h, 403, {"error": "This action is not allowed"})
                    del self.statuses[sid]
                    return self._send(h, 200, {**status, "text": status["text"]})
            if path.startswith("/api/v1/accounts/") and path.endswith("/statuses") and method == "GET":
                aid = path.split("/")[4]
                mine = [s for s in self.statuses.values() if s["account"]["id"] == aid]
                mine.sort(key=lambda s: int(s["id"]), reverse=True)
                return self._send(h, 200, mine[:40])
            return self._send(h, 404, {"error": "Not found"})

    def posts_by(self, username: str) -> list[dict[str, Any]]:
        return [s for s in self.statuses.values() if s["account"]["username"] == username]
