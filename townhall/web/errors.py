"""Error pages inside the layout (403, 404, 405, 500, an expired form) and one-line logging of refusals.

Django's own handlers answer with bare "403 Forbidden" pages without navigation; these render the
usual layout and say what happened and what to do next. Refusals (4xx) are routine, so the
`django.request` log gets one line for them instead of a traceback; server errors keep theirs.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.template import loader


def _render(request: HttpRequest, template: str, status: int, context: dict | None = None) -> HttpResponse:
    body = loader.render_to_string(template, context or {}, request=request)
    return HttpResponse(body, status=status)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403: the person is signed in but their role or scope does not allow this page or action."""
    reason = str(exception) if exception is not None and str(exception) else ""
    return _render(request, "web/errors/403.html", 403, {"reason": reason})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404: a mistyped address, or an object that was removed (or that this person may not see)."""
    return _render(request, "web/errors/404.html", 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 for a form Townhall did not just give out (opened before signing in again, or sent from
    elsewhere): Django's own page is bare English about cookies and tokens."""
    return _render(request, "web/errors/csrf.html", 403)


class StyledMethodNotAllowed:
    """405 inside the layout: an address that only a button may send (``require_POST`` views)
    answers a typed or reloaded address with an empty white page otherwise. The API keeps its
    JSON answers; the Allow header is kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.streaming
            and not response.content
            and not request.path.startswith("/api/")
        ):
            styled = _render(request, "web/errors/405.html", 405)
            if response.has_header("Allow"):
                styled["Allow"] = response["Allow"]
            return styled
        return response


def server_error(request: HttpRequest) -> HttpResponse:
    """500: render without the request context, since whatever broke may break it again."""
    try:
        return _render(request, "web/errors/500.html", 500)
    except Exception:  # the error page must never fail itself
        return HttpResponse(
            "<!doctype html><title>Something went wrong · Townhall</title><h1>Something went wrong</h1>"
            "<p>Townhall could not finish this request. Try again in a minute; if it keeps happening, "
            "tell your administrator the time it happened.</p><p><a href='/'>Back to Townhall</a></p>",
            status=500,
        )


class OneLineRefusals(logging.Filter):
    """Drop the traceback from `django.request` records for client errors (status below 500)."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and status < 500 and record.exc_info:
            exc = record.exc_info[1]
            record.exc_info = None
            record.exc_text = None
            if exc is not None and str(exc):
                record.msg = f"{record.msg} ({str(exc)[:200]})"
        return True


def install_log_filter() -> None:
    logger = logging.getLogger("django.request")
    if not any(isinstance(f, OneLineRefusals) for f in logger.filters):
        logger.addFilter(OneLineRefusals())
