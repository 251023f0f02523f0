"""Issue 10, item 3: sign-in throttling keyed on the name as sign-in sees it and the address,
with back-off instead of a lock anyone can set on anyone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from townhall.core import services
from townhall.core.models import LoginFailure

from .helpers import sign_in

VARIANTS = ["ben ", " ben", "\tben", "ｂｅｎ", "BEN", "ben"]


def attempt(client, name, password="wrong password", ip="10.0.0.1"):
    return sign_in(client, name, password, REMOTE_ADDR=ip)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("variant", VARIANTS[:4])
def test_spellings_that_sign_in_as_ben_are_the_same_account(client, make_user, variant):
    """The premise: Django's sign-in strips and NFKC-normalises, so these reach ben's account."""
    make_user("staff", username="ben")
    response = attempt(client, variant, password="correct horse battery 9")
    assert response.status_code == 302 and signed_in(client)


def test_failures_under_every_spelling_count_against_one_name(client, make_user, settings):
    make_user("staff", username="ben")
    for n in range(settings.TOWNHALL_LOGIN_MAX_FAILURES):
        attempt(client, VARIANTS[n % len(VARIANTS)])
    assert {services.username_key(v) for v in VARIANTS} == {"ben"}
    assert set(LoginFailure.objects.values_list("username", flat=True)) == {"ben"}
    for variant in VARIANTS:
        response = attempt(client, variant, password="correct horse battery 9")
        assert "Too many failed sign-in attempts" in response.content.decode(), repr(variant)
        assert not signed_in(client)


def test_the_wait_grows_and_is_never_a_lock(make_user, settings):
    limit, window = settings.TOWNHALL_LOGIN_MAX_FAILURES, settings.TOWNHALL_LOGIN_WINDOW_SECONDS
    waits = []
    for _ in range(limit + 8):
        services.record_login_failure("ben", "10.0.0.1")
        waits.append(services.login_wait("ben", "10.0.0.1"))
    assert waits[: limit - 1] == [0] * (limit - 1)
    assert waits[limit - 1] == services.BACKOFF_BASE_SECONDS
    assert waits[limit] == 2 * services.BACKOFF_BASE_SECONDS
    assert max(waits) == window  # capped at the window: after it, the slate is clean


def test_an_attacker_elsewhere_cannot_lock_ben_out(client, make_user, settings):
    from django.test import Client

    make_user("staff", username="ben")
    for _ in range(settings.TOWNHALL_LOGIN_MAX_FAILURES * 3):
        attempt(client, "ben", ip="203.0.113.66")
    assert "Too many" in attempt(client, "ben", ip="203.0.113.66").content.decode()
    ben = Client()
    assert attempt(ben, "ben", password="correct horse battery 9", ip="10.1.2.3").status_code == 302
    # Ben's success does not wipe the attacker's count.
    assert LoginFailure.objects.filter(ip="203.0.113.66").exists()


def test_a_campus_nat_under_attack_slows_but_never_locks_out(client, make_user, settings):
    from django.test import Client

    nat = "192.0.2.10"
    make_user("staff", username="ben")
    make_user("staff", username="newcomer")
    # Ben signed in from the campus before: his pair is known.
    assert attempt(Client(), "ben", password="correct horse battery 9", ip=nat).status_code == 302
    # Someone behind the same NAT sprays 60 names.
    for n in range(60):
        attempt(client, f"victim{n}", ip=nat)
    # Ben, from the campus as usual, is not slowed by them.
    assert services.login_wait("ben", nat) == 0
    assert attempt(Client(), "ben", password="correct horse battery 9", ip=nat).status_code == 302
    # Someone signing in from the campus for the first time waits at most a minute...
    wait = services.login_wait("newcomer", nat)
    assert 0 < wait <= services.ADDRESS_CAP_SECONDS
    # ...and once it has passed, their password works.
    LoginFailure.objects.update(at=timezone.now() - timedelta(seconds=services.ADDRESS_CAP_SECONDS + 1))
    assert attempt(Client(), "newcomer", password="correct horse battery 9", ip=nat).status_code == 302


def test_a_botnet_on_one_name_is_slowed_except_where_ben_signs_in(make_user, settings):
    limit = settings.TOWNHALL_LOGIN_MAX_FAILURES
    services.record_login_success("ben", "10.1.2.3")
    for n in range(limit * services.NAME_FACTOR):
        services.record_login_failure("ben", f"198.51.100.{n % 250}")
    assert services.login_wait("ben", "198.51.100.251") > 0  # a new address for ben: wait
    assert services.login_wait("ben", "10.1.2.3") == 0  # ben's usual place: no wait


def test_while_waiting_the_password_is_not_checked_or_counted(client, make_user, settings):
    make_user("staff", username="ben")
    for _ in range(settings.TOWNHALL_LOGIN_MAX_FAILURES):
        attempt(client, "ben")
    count = LoginFailure.objects.count()
    wrong = attempt(client, "ben").content.decode()
    right = attempt(client, "ben", password="correct horse battery 9").content.decode()
    assert "Too many" in wrong and "Too many" in right  # the same answer either way
    assert LoginFailure.objects.count() == count
