"""Issue 10, item 14: with local passwords off, the refusal does as much work for every name.

PasswordBackend refused a name that is not a break-glass one at once, but hashed the password
for a break-glass name (as Django does, for an unknown name too), so the answer's timing told
which names are break-glass accounts. Now every refusal runs the password hasher once. The test
counts the hasher's work rather than timing it.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import get_hasher


@pytest.fixture
def hashes(monkeypatch):
    """How many times the password hasher ran."""
    hasher_class = type(get_hasher("default"))
    calls = []
    original = hasher_class.encode

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(hasher_class, "encode", counting)
    return calls


@pytest.fixture
def local_login_off(settings):
    settings.TOWNHALL_SSO = {**settings.TOWNHALL_SSO, "LOCAL_LOGIN": False, "BREAK_GLASS": ["root", "ghost"]}


def test_every_refusal_runs_the_hasher_once(make_user, local_login_off, hashes):
    make_user("admin", username="root")  # break-glass, exists
    make_user("staff", username="sam")  # not break-glass, exists
    work = {}
    for name in ("root", "ghost", "sam", "nobody"):  # ghost: break-glass name without an account
        hashes.clear()
        assert authenticate(username=name, password="not the password 1") is None
        work[name] = len(hashes)
    assert work == {"root": 1, "ghost": 1, "sam": 1, "nobody": 1}


def test_break_glass_still_signs_in_and_others_do_not(make_user, local_login_off):
    make_user("admin", username="root")
    make_user("staff", username="sam")
    assert authenticate(username="root", password="correct horse battery 9").username == "root"
    assert authenticate(username="sam", password="correct horse battery 9") is None
