"""Fixtures shared by the issue-10 API regression tests."""

from __future__ import annotations

import json

import pytest

from townhall.core.models import ApiToken


@pytest.fixture
def call(client):
    """call(user, method, url, body=None, raw=None) -> response, with a personal API token."""
    keys: dict[int, str] = {}

    def do(user, method: str, url: str, body=None, raw: str | bytes | None = None):
        if user.pk not in keys:
            keys[user.pk] = ApiToken.issue(user, "test")[1]
        headers = {"Authorization": f"Bearer {keys[user.pk]}"}
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        if data is None:
            return getattr(client, method)(url, headers=headers)
        return getattr(client, method)(url, data, content_type="application/json", headers=headers)

    return do
