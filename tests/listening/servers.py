"""Loopback servers for source tests: an HTTP server (feeds, Mastodon API) and a firehose."""

from __future__ import annotations

import contextlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@contextlib.contextmanager
def http_server(routes):
    """routes(handler, path, query) -> (status, headers, body) ; records requests in .log"""
    log = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            parts = urlsplit(self.path)
            log.append({"path": parts.path, "query": parse_qs(parts.query), "headers": dict(self.headers)})
            status, headers, body = routes(self, parts.path, parse_qs(parts.query))
            if isinstance(body, (dict, list)):
                body = json.dumps(body).encode()
                headers = {"Content-Type": "application/json", **headers}
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.log = log
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def firehose_server(frames: list[tuple[int, bytes]], drop_after: int | None = None):
    """A subscribeRepos endpoint on loopback. Serves frames with seq > cursor; the first
    connection is dropped (no close frame) after `drop_after` frames."""
    from websockets.sync.server import serve

    state = {"connections": 0, "cursors": []}

    def handler(ws):
        state["connections"] += 1
        query = parse_qs(urlsplit(ws.request.path).query)
        cursor = int(query["cursor"][0]) if "cursor" in query else 0
        state["cursors"].append(cursor if "cursor" in query else None)
        sent = 0
        for seq, frame in frames:
            if seq <= cursor:
                continue
            if state["connections"] == 1 and drop_after is not None and sent >= drop_after:
                ws.socket.close()  # a dropped connection, not a clean close
                return
            ws.send(frame)
            sent += 1
        with contextlib.suppress(Exception):
            ws.recv()  # keep the stream open until the client goes

    server = serve(handler, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.socket.getsockname()[1]
    state["url"] = f"ws://127.0.0.1:{port}"
    try:
        yield state
    finally:
        server.shutdown()
