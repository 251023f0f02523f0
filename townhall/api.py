"""The REST API (django-ninja): `/api/`, OpenAPI schema at `/api/openapi.json`.

Authentication: a personal token (`Authorization: Bearer th_...`, created under the user
menu) or the browser session (CSRF-protected, and only after two-factor sign-in for
roles that need it). Permissions are the same `townhall.core.permissions` as the UI.
Each app contributes a `router` in its `api.py`; they are mounted here.

Errors are JSON (`{"detail": ...}`) with the statuses listed in docs/api.md, and every
operation's possible 4xx responses are in the schema (`townhall.core.apiutil.document_errors`).
"""

from __future__ import annotations

import importlib

from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.security import APIKeyCookie, HttpBearer

from townhall.core import mfa
from townhall.core.apiutil import StrictJSONParser, document_errors
from townhall.core.inputguard import too_big_message
from townhall.core.services import user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class VerifiedSessionAuth(APIKeyCookie):
    """The browser session, for htmx and the UI's own scripts; CSRF is checked by ninja."""

    param_name = "sessionid"

    def authenticate(self, request, key):
        user = request.user
        if not user.is_authenticated or not user.is_active:
            return None
        if mfa.pending(request):  # role rule or opt-in, decided in one place
            return None
        return user


class TownhallAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document lists every error response an operation can give."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_errors(schema)


api = TownhallAPI(
    title="Townhall API",
    version="1",
    description="Policy checks, account registry, publishing, listening and governance.",
    auth=[TokenAuth(), VerifiedSessionAuth()],
    docs_url=None,
    urls_namespace="api",
    parser=StrictJSONParser(),
)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Permission denied."}, status=403)


@api.exception_handler(ValueError)
def bad_value(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


@api.exception_handler(Http404)
def not_found(request, exc):
    # The same answer whether the object does not exist or you may not see it (no enumeration).
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc):
    return api.create_response(request, {"detail": too_big_message()}, status=413)


@api.exception_handler(OverflowError)
def overflow(request, exc):
    # Safety net: a number no database column holds (the schemas bound the ones they know of).
    return api.create_response(request, {"detail": "A number in the request is out of range."}, status=400)


ROUTERS = [
    ("core", ""),
    ("registry", "/accounts"),
    ("publishing", "/posts"),
    ("listening", "/listening"),
    ("inbox", "/inbox"),
    ("incidents", "/incidents"),
    ("analytics", "/analytics"),
]

for app, prefix in ROUTERS:
    try:
        module = importlib.import_module(f"townhall.{app}.api")
    except ModuleNotFoundError as exc:
        if exc.name != f"townhall.{app}.api":
            raise
        continue
    api.add_router(prefix, module.router)
