"""Shared helpers for the issue-10 regression tests: signing in, current codes, every URL."""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.oath import TOTP

PASSWORD = "correct horse battery 9"


def sign_in(client, username: str, password: str = PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def code(device, offset_steps: int = 0) -> str:
    """The device's code for now (or a neighbouring time step)."""
    import time

    generator = TOTP(device.bin_key, device.step, device.t0, device.digits, 0)
    generator.time = time.time() + offset_steps * device.step
    return f"{generator.token():0{device.digits}d}"


_CONVERTERS = {"int": "1", "str": "x", "slug": "x", "uuid": "00000000-0000-0000-0000-000000000001", "path": "x"}


def _route_to_path(route: str) -> str:
    def sub(match: re.Match) -> str:
        conv = match.group(1) or "str"
        return _CONVERTERS.get(conv, "1")

    return re.sub(r"<(?:(\w+):)?\w+>", sub, route)


def _regex_to_path(regex: str) -> str:
    text = regex.lstrip("^").rstrip("$").replace("\\Z", "")
    text = re.sub(r"\(\?P<\w+>[^)]*\)", "1", text)  # named groups -> a sample value
    text = re.sub(r"\([^)]*\)[?*]?", "", text)
    return text.replace("\\", "").replace("?", "")


def every_path() -> list[str]:
    """One concrete path for every pattern in the URLconf (admin, API and app sections included)."""
    out: set[str] = set()

    def walk(patterns, prefix: str) -> None:
        for entry in patterns:
            pattern = entry.pattern
            raw = getattr(pattern, "_route", None)
            piece = _route_to_path(raw) if raw is not None else _regex_to_path(pattern.regex.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + piece)
            elif isinstance(entry, URLPattern):
                out.add("/" + (prefix + piece).lstrip("/"))

    walk(get_resolver().url_patterns, "")
    return sorted(out)
