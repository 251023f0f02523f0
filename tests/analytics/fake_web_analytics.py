"""Strict fakes of Matomo's Reporting API and Plausible's Stats API v1, answering with responses
written from their public documentation (developer.matomo.org/api-reference/reporting-api,
plausible.io/docs/stats-api-v1). Wrong or missing credentials, parameters that the real servers
would not accept, a rate limit and malformed answers are all reproducible."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MATOMO_TOKEN = "anonymous-is-not-enough-5f0c1e2d3b4a"
PLAUSIBLE_KEY = "plausible-key-9a8b7c6d5e4f"

# Actions.getPageUrl, period=day over a range: one entry per day, [] when nothing happened.
MATOMO_PAGE = {
    "2026-11-01": [{"label": "/study/clearing", "nb_visits": 38, "nb_hits": 41, "sum_time_spent": 2210,
                    "entry_nb_visits": 20, "exit_nb_visits": 12, "avg_time_on_page": 54, "bounce_rate": "31%",
                    "exit_rate": "32%", "url": "https://www.example.ac.uk/study/clearing"}],
    "2026-11-02": [],
    "2026-11-03": [{"label": "/study/clearing", "nb_visits": 50, "nb_hits": 57, "sum_time_spent": 3001,
                    "url": "https://www.example.ac.uk/study/clearing"}],
}
MATOMO_DOWNLOADS = {
    "2026-11-01": [{"label": "prospectus-2027.pdf", "nb_visits": 7, "nb_hits": 9,
                    "url": "https://www.example.ac.uk/files/prospectus-2027.pdf"}],
    "2026-11-02": [{"label": "prospectus-2027.pdf", "nb_visits": 3, "nb_hits": 3,
                    "url": "https://www.example.ac.uk/files/prospectus-2027.pdf"}],
}
PLAUSIBLE_TIMESERIES = {"results": [{"date": "2026-11-01", "pageviews": 120}, {"date": "2026-11-02", "pageviews": 0},
                                    {"date": "2026-11-03", "pageviews": 95}]}


class FakeWebAnalytics:
    def __init__(self) -> None:
        self.mode = "ok"  # ok | rate_limited | malformed | wrong_shape | negative
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, code: int, body, headers: dict | None = None) -> None:
                raw = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_GET(self):
                fake.handle(self, "GET")

            def do_POST(self):
                fake.handle(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeWebAnalytics:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def handle(self, h, method: str) -> None:
        parts = urlsplit(h.path)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0)).decode()
        form = {k: v[0] for k, v in parse_qs(body).items()}
        self.requests.append({"path": parts.path, "method": method, "query": query, "form": form,
                              "auth": h.headers.get("Authorization", "")})
        if parts.path == "/index.php":
            return self.matomo(h, method, query, form)
        if parts.path == "/api/v1/stats/timeseries":
            return self.plausible(h, method, query)
        h._send(404, {"error": "Not found"})

    def matomo(self, h, method, query, form) -> None:
        if form.get("token_auth") != MATOMO_TOKEN:
            return h._send(200, {"result": "error", "message": "You can't access this resource as it requires "
                                 "'view' access for the website id = 3."})
        need = {"module": "API", "idSite": "3", "period": "day", "format": "JSON"}
        if method != "POST" or any(query.get(k) != v for k, v in need.items()) or "," not in query.get("date", ""):
            return h._send(200, {"result": "error", "message": "The request is missing a required parameter."})
        if self.mode == "rate_limited":
            return h._send(429, b"Too Many Requests", {"Retry-After": "60"})
        if self.mode == "malformed":
            return h._send(200, b"<html><body>Matomo is being upgraded</body></html>")
        if query.get("method") == "Actions.getPageUrl" and query.get("pageUrl"):
            data = json.loads(json.dumps(MATOMO_PAGE))
        elif query.get("method") == "Actions.getDownload" and query.get("downloadUrl"):
            data = json.loads(json.dumps(MATOMO_DOWNLOADS))
        else:
            return h._send(200, {"result": "error", "message": f"The method '{query.get('method')}' does not exist "
                                 "or is not available in the module."})
        if self.mode == "wrong_shape":
            data["2026-11-03"] = [{"label": "/study/clearing", "nb_hits": "many"}]
        h._send(200, data)

    def plausible(self, h, method, query) -> None:
        if h.headers.get("Authorization") != f"Bearer {PLAUSIBLE_KEY}":
            return h._send(401, {"error": "Invalid API key or site ID. Please make sure you're using a valid API "
                                 "key with access to the site you've requested."})
        if self.mode == "rate_limited":
            return h._send(429, {"error": "Too many API requests in the last hour."}, {"Retry-After": "3600"})
        if method != "GET" or query.get("site_id") != "www.example.ac.uk" or query.get("period") != "custom":
            return h._send(400, {"error": "Error parsing `period` parameter"})
        if query.get("metrics") != "pageviews" or query.get("filters") != "event:page==/study/clearing":
            return h._send(400, {"error": "Invalid filter or metric"})
        if self.mode == "malformed":
            return h._send(200, b'{"results": [{"date": "2026-11-01", "pageviews": 12')
        data = json.loads(json.dumps(PLAUSIBLE_TIMESERIES))
        if self.mode == "negative":
            data["results"][1]["pageviews"] = -4
        h._send(200, data)
