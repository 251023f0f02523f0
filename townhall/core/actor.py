"""Who is acting in the current request, for audit entries written by signal handlers.

Changes made through Django admin (roles, review scopes, units) happen in generic code that
knows nothing of the audit trail; the middleware remembers the request's user here so the
signal handlers in `signals.py` can name them.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

_current: ContextVar[Any] = ContextVar("townhall_actor", default=None)


def current_actor() -> Any:
    return _current.get()


class ActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = _current.set(user if user is not None and user.is_authenticated else None)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
