"""One gate for input no text field can hold, and API bodies over the size limit.

PostgreSQL text columns cannot store the NUL character (U+0000): psycopg refuses the value
and the request used to end in a 500, sometimes after part of the work was written. Rather
than a check on every field of every form and endpoint, `InputGuardMiddleware` refuses any
request whose path, query string or text body holds one, with a 400 and a sentence (JSON under
/api/). `_refuse_nul_on_save` is the safety net behind it for data that arrives another way
(CLI imports, the worker): saving a model whose text holds a NUL raises a ValueError that
names the field, on SQLite as on PostgreSQL, before anything is sent to the database. It also
holds long free text (TextFields with a max_length) to its limit however it is saved, which
Django itself checks only in forms.

The middleware also answers an API body over DATA_UPLOAD_MAX_MEMORY_SIZE with a JSON 413,
where Django would give its HTML 400.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.html import escape

NUL_MESSAGE = (
    "The request contains a NUL character (code 0), which no text field can hold. "
    "Remove it (it often comes from copying out of a binary file) and try again."
)
# A JSON "\u0000" escape, not preceded by an escaped backslash ("\\u0000" is a backslash and "u0000").
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
_TEXT_TYPES = ("application/json", "text/", "application/x-www-form-urlencoded", "multipart/form-data")


def too_big_message() -> str:
    from django.conf import settings

    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return f"The request body is larger than {limit // 1_000_000} MB, the most this server accepts."


class InputGuardMiddleware:
    """Refuse NUL characters anywhere in a request's text, and oversized API bodies, up front."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        is_api = request.path_info.startswith("/api/")
        try:
            nul = _has_nul(request)
        except RequestDataTooBig:
            if not is_api:
                raise
            return JsonResponse({"detail": too_big_message()}, status=413)
        except SuspiciousOperation as exc:
            if not is_api:
                raise
            return JsonResponse({"detail": str(exc) or "The request could not be read."}, status=400)
        if nul:
            if is_api:
                return JsonResponse({"detail": NUL_MESSAGE}, status=400)
            page = f"<!doctype html><title>Bad request</title><h1>Bad request</h1><p>{escape(NUL_MESSAGE)}</p>"
            return HttpResponse(page, status=400, content_type="text/html; charset=utf-8")
        return self.get_response(request)


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path_info:
        return True
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in v for v in values):
            return True
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    content_type = (request.content_type or "").lower()
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        # Parsed fields only: uploaded files (images) may hold any byte.
        return any("\x00" in key or any("\x00" in v for v in values) for key, values in request.POST.lists())
    if content_type.startswith(_TEXT_TYPES) or content_type.endswith("+json") or not content_type:
        body = request.body
        return b"\x00" in body or (b"\\u0000" in body and _JSON_NUL.search(body) is not None)
    return False


# --- Model-level safety net -----------------------------------------------------------------------


def nul_field(instance: models.Model) -> str | None:
    """The verbose name of the first text (or JSON) field of `instance` holding a NUL, if any."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname, None)
            if isinstance(value, str) and "\x00" in value:
                return str(field.verbose_name)
        elif isinstance(field, models.JSONField):
            value = getattr(instance, field.attname, None)
            if value not in (None, "", [], {}) and _json_has_nul(value):
                return str(field.verbose_name)
    return None


def _json_has_nul(value: Any) -> bool:
    try:
        return _JSON_NUL.search(json.dumps(value, default=str).encode()) is not None
    except (TypeError, ValueError):
        return False


def too_long_field(instance: models.Model) -> tuple[str, int] | None:
    """(verbose name, limit) of the first TextField over its max_length, which Django only checks in forms."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.TextField) and field.max_length:
            value = getattr(instance, field.attname, None)
            if isinstance(value, str) and len(value) > field.max_length:
                return str(field.verbose_name), field.max_length
    return None


@receiver(pre_save)
def _refuse_nul_on_save(sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any):
    """Safety net under every way of saving a Townhall model: no NUL, no long text over its limit."""
    if raw or not sender.__module__.startswith("townhall."):
        return
    name = nul_field(instance)
    if name is not None:
        raise ValueError(f"The {name} contains a NUL character (code 0), which cannot be stored; remove it.")
    too_long = too_long_field(instance)
    if too_long is not None:
        raise ValueError(f"The {too_long[0]} is longer than {too_long[1]:,} characters; shorten it.")
