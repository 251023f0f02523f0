"""Connecting an account: service and CLI; bad input gives a clear message and saves nothing."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from townhall.audit.models import AuditEntry
from townhall.registry.models import Account, AccountRequest, Credential
from townhall.registry.services import ConnectFailed, connect_account
from townhall.registry.vault import read_credentials

GOOD_SECRET = "vq7t-k2mz-p9xa-4hbe"


def _nothing_saved():
    assert not Account.objects.exists()
    assert not Credential.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="account.").exists()


def test_connect_creates_pending_account_with_actor_as_owner(fake_connectors, people, units):
    account = connect_account(
        network="bluesky",
        handle="@Physics.Example.ac.uk",
        secret=GOOD_SECRET,
        actor=people["dana"],
        org_unit=units["physics"],
    )
    assert account.handle == "physics.example.ac.uk"
    assert account.status == Account.Status.PENDING  # one owner: not yet active
    assert list(account.owners.all()) == [people["dana"]]
    assert account.profile_url == "https://bsky.app/profile/physics.example.ac.uk"
    assert read_credentials(account).secret == GOOD_SECRET
    assert AuditEntry.objects.filter(action="account.connect", object_id=str(account.pk)).exists()


def test_second_owner_connecting_makes_it_active(fake_connectors, people, units):
    connect_account(
        network="bluesky",
        handle="physics.example.ac.uk",
        secret=GOOD_SECRET,
        actor=people["dana"],
        org_unit=units["physics"],
    )
    account = connect_account(
        network="bluesky", handle="physics.example.ac.uk", secret=GOOD_SECRET, actor=people["eli"]
    )
    assert account.status == Account.Status.ACTIVE
    assert account.owners.count() == 2
    assert Account.objects.count() == 1


def test_mastodon_handle_sets_instance(fake_connectors, people, units):
    fake_connectors["mastodon"].valid.add("tok-" + "x" * 40)
    account = connect_account(
        network="mastodon",
        handle="nursing@Mastodon.Example.ac.uk",
        secret="tok-" + "x" * 40,
        actor=people["dana"],
        org_unit=units["school"],
        kind="oauth_token",
    )
    assert account.handle == "@nursing@mastodon.example.ac.uk"
    assert account.service_url == "https://mastodon.example.ac.uk"


@pytest.mark.parametrize(
    ("network", "handle", "message"),
    [
        ("bluesky", "physics", "must be a domain name"),
        ("bluesky", "phys ics.example.ac.uk", "space"),
        ("mastodon", "nursing", "write it in full"),
        ("myspace", "physics", "Unknown network"),
        ("bluesky", "", "Enter the Bluesky handle"),
    ],
)
def test_bad_input_is_clear_and_saves_nothing(fake_connectors, people, units, network, handle, message):
    with pytest.raises(ValueError, match=message):
        connect_account(
            network=network,
            handle=handle,
            secret=GOOD_SECRET,
            actor=people["dana"],
            org_unit=units["physics"],
        )
    _nothing_saved()
    assert fake_connectors["bluesky"].calls == []  # rejected before talking to the network


def test_wrong_credentials_saves_nothing(fake_connectors, people, units):
    with pytest.raises(ConnectFailed, match=r"did not accept the credentials.*Invalid identifier"):
        connect_account(
            network="bluesky",
            handle="physics.example.ac.uk",
            secret="wrong-pass-word-1234",
            actor=people["dana"],
            org_unit=units["physics"],
        )
    _nothing_saved()


def test_network_down_is_transient(fake_connectors, people, units):
    fake_connectors["bluesky"].down = True
    with pytest.raises(ConnectFailed) as err:
        connect_account(
            network="bluesky",
            handle="physics.example.ac.uk",
            secret=GOOD_SECRET,
            actor=people["dana"],
            org_unit=units["physics"],
        )
    assert err.value.transient
    _nothing_saved()


def test_network_without_connector(fake_connectors, people, units):
    with pytest.raises(ValueError, match="cannot post to LinkedIn"):
        connect_account(
            network="linkedin",
            handle="example-university",
            secret=GOOD_SECRET,
            actor=people["dana"],
            org_unit=units["school"],
        )
    _nothing_saved()


def test_weak_password_accepted_by_network_still_saves_nothing(fake_connectors, people, units):
    fake_connectors["bluesky"].valid.add("physics2024")
    with pytest.raises(ValueError, match="too weak"):
        connect_account(
            network="bluesky",
            handle="physics.example.ac.uk",
            secret="physics2024",
            actor=people["dana"],
            org_unit=units["physics"],
        )
    _nothing_saved()


def test_staff_need_an_approved_request(fake_connectors, people, units):
    with pytest.raises(PermissionDenied, match="approved account request"):
        connect_account(
            network="bluesky",
            handle="physics.example.ac.uk",
            secret=GOOD_SECRET,
            actor=people["amara"],
            org_unit=units["physics"],
        )
    _nothing_saved()
    AccountRequest.objects.create(
        requested_by=people["amara"],
        org_unit=units["physics"],
        network="bluesky",
        handle="physics.example.ac.uk",
        purpose="research",
        audiences=["researchers"],
        audience_presence="x",
        why_not_existing="x",
        content_plan="x",
        runners="x",
        hours_per_week=2,
        status=AccountRequest.Status.APPROVED,
    )
    account = connect_account(
        network="bluesky", handle="physics.example.ac.uk", secret=GOOD_SECRET, actor=people["amara"]
    )
    assert account.org_unit == units["physics"]


def test_non_owner_staff_cannot_replace_credentials(fake_connectors, people, units, account):
    with pytest.raises(PermissionDenied):
        connect_account(network="bluesky", handle=account.handle, secret=GOOD_SECRET, actor=people["ben"])
    assert not Credential.objects.exists()


def _run(*args, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    call_command("accounts", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_cli_connect_prints_id_last(fake_connectors, people, units):
    out, _ = _run(
        "connect",
        "--network",
        "bluesky",
        "--handle",
        "physics.example.ac.uk",
        "--app-password",
        GOOD_SECRET,
        "--unit",
        "physics",
        "--as",
        "dana",
    )
    account = Account.objects.get()
    assert out.strip().splitlines()[-1] == str(account.pk)
    assert GOOD_SECRET not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--network", "bluesky", "--handle", "nope", "--app-password", GOOD_SECRET, "--as", "dana"],
            "not a Bluesky handle",
        ),
        (
            [
                "--network",
                "bluesky",
                "--handle",
                "physics.example.ac.uk",
                "--app-password",
                "wrong-wrong-wrong-1",
                "--as",
                "dana",
            ],
            "did not accept",
        ),
        (
            ["--network", "friendster", "--handle", "x", "--app-password", GOOD_SECRET, "--as", "dana"],
            "Unknown network",
        ),
        (
            [
                "--network",
                "bluesky",
                "--handle",
                "physics.example.ac.uk",
                "--app-password",
                GOOD_SECRET,
                "--as",
                "nobody",
            ],
            "no active user",
        ),
        (
            [
                "--network",
                "bluesky",
                "--handle",
                "physics.example.ac.uk",
                "--app-password",
                GOOD_SECRET,
                "--unit",
                "nowhere",
                "--as",
                "dana",
            ],
            "no School or department",
        ),
    ],
)
def test_cli_connect_errors(fake_connectors, people, units, args, message):
    with pytest.raises(CommandError, match=message):
        _run("connect", *args)
    assert not Account.objects.exists()


def test_cli_list_json(account):
    import json

    out, _ = _run("list", "--format", "json")
    rows = json.loads(out)
    assert rows[0]["handle"] == "physics.example.ac.uk"
    assert rows[0]["owners"] == ["amara", "dana"]
    table, _ = _run("list")
    assert "physics.example.ac.uk" in table
