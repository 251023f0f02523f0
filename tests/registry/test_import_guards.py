"""A registry import cannot move an existing account's credential to another server, nor skip the
registry's own steps for its status (security review of 2026-12-05).

The stored credential is sent to `service_url` at the next publish, and the digital team may
import but never read a credential, so a cell edit was a way to send it to a server of their
choosing; a status cell skipped the archive's hand-over and revocation.
"""

from __future__ import annotations

from townhall.registry import csvio
from townhall.registry.models import Account


def _account(units, make_user, **extra) -> Account:
    account = Account.objects.create(
        network="mastodon", handle="@physics@mastodon.test", service_url="https://mastodon.test",
        org_unit=units["physics"], status="active", **extra,
    )
    account.owners.add(make_user("staff", units["physics"]), make_user("staff", units["physics"]))
    return account


def test_the_server_address_of_an_existing_account_stays(make_user, units):
    digital = make_user("digital", units["school"])
    account = _account(units, make_user)
    csv = "network,handle,org_unit,service_url\nmastodon,@physics@mastodon.test,physics,https://attacker.example\n"
    for dry_run in (True, False):
        result = csvio.import_csv(digital, csv, dry_run=dry_run)
        assert not result.ok and "server address cannot be changed by import" in " ".join(result.errors)
    account.refresh_from_db()
    assert account.service_url == "https://mastodon.test"


def test_the_status_of_an_existing_account_stays(make_user, units):
    digital = make_user("digital", units["school"])
    account = _account(units, make_user)
    csv = "network,handle,org_unit,status\nmastodon,@physics@mastodon.test,physics,archived\n"
    result = csvio.import_csv(digital, csv)
    assert not result.ok and "status cannot be changed by import (it is active)" in " ".join(result.errors)
    account.refresh_from_db()
    assert account.status == "active"


def test_the_same_values_and_other_columns_still_import(make_user, units):
    digital = make_user("digital", units["school"])
    account = _account(units, make_user)
    csv = (
        "network,handle,org_unit,service_url,status,purpose\n"
        "mastodon,@physics@mastodon.test,physics,https://mastodon.test,active,teaching\n"
        "mastodon,@chem@mastodon.test,physics,https://elsewhere.test,pending,research\n"
    )
    result = csvio.import_csv(digital, csv)
    assert result.ok, result.errors
    account.refresh_from_db()
    assert account.purpose == "teaching"
    assert Account.objects.get(handle="@chem@mastodon.test").service_url == "https://elsewhere.test"
