"""Requests sent together do not escape the sign-in back-off (security review of 2026-12-06).

Reading the wait, checking the password (half a second of hashing), then recording the failure
let thirty guesses sent at once all be checked, where one after another gets five and then a
wait. Now each attempt is counted before its password is checked, under a lock per name and
address, so at most the free tries are checked however the requests arrive.
"""

from __future__ import annotations

import re
import threading

import pytest
import requests
from django.conf import settings as django_settings

from townhall.core.models import LoginFailure

pytestmark = [pytest.mark.django_db(transaction=True)]


def _signed_out_sessions(url: str, n: int) -> list[tuple[requests.Session, str]]:
    out = []
    for _ in range(n):
        session = requests.Session()
        page = session.get(url, timeout=30)
        out.append((session, re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)))
    return out


@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the tests' in-memory SQLite refuses a second writer at once instead of making it wait (a file "
    "database waits); the same lock-free decision is checked one request at a time below",
)
def test_thirty_guesses_sent_together_get_only_the_free_tries(live_server, make_user, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # real hashing time
    make_user("digital", username="victim")
    url = live_server.url + "/login/"
    sessions = _signed_out_sessions(url, 30)
    results: list[str] = []
    barrier = threading.Barrier(len(sessions))

    def guess(session: requests.Session, token: str, i: int) -> None:
        barrier.wait()
        answer = session.post(url, data={"username": "victim", "password": f"wrong-guess-{i}",
                                         "csrfmiddlewaretoken": token}, headers={"Referer": url}, timeout=120)
        results.append("waited" if "Too many failed" in answer.text else "checked")

    threads = [threading.Thread(target=guess, args=(s, t, i)) for i, (s, t) in enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    free = django_settings.TOWNHALL_LOGIN_MAX_FAILURES
    assert len(results) == 30
    assert results.count("checked") == free, results
    assert LoginFailure.objects.count() == free


def test_each_attempt_is_counted_before_its_password_is_checked(db):
    """The decision that requests sent together queue for: while earlier attempts are still being
    checked (none has finished), only the free tries are let through."""
    from townhall.core import services

    free = django_settings.TOWNHALL_LOGIN_MAX_FAILURES
    waits = [services.reserve_login_attempt("Victim", "203.0.113.9") for _ in range(30)]
    assert waits[:free] == [0] * free
    assert all(w > 0 for w in waits[free:])
    assert LoginFailure.objects.count() == free


def test_a_right_password_still_signs_in_and_forgets_its_reservation(client, make_user):
    make_user("staff", username="sam")
    for _ in range(2):
        assert client.post("/login/", {"username": "sam", "password": "wrong"}).status_code == 200
    assert LoginFailure.objects.count() == 2
    answer = client.post("/login/", {"username": "sam", "password": "correct horse battery 9"})
    assert answer.status_code == 302
    assert LoginFailure.objects.count() == 0
