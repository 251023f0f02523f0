"""connect_account against the real Bluesky reference PDS (loopback): right and wrong credentials."""

from __future__ import annotations

import pytest

from townhall.registry.models import Account, Credential
from townhall.registry.services import ConnectFailed, connect_account
from townhall.registry.vault import read_credentials

pytestmark = [pytest.mark.pds, pytest.mark.slow]


def test_wrong_password_is_refused_and_nothing_saved(pds_network, people, units):
    with pytest.raises(ConnectFailed, match="did not accept the credentials"):
        connect_account(
            network="bluesky",
            handle="carol.test",
            secret="Wrong-password-for-carol-123",
            service_url=pds_network.url,
            actor=people["dana"],
            org_unit=units["physics"],
        )
    assert not Account.objects.exists() and not Credential.objects.exists()


def test_connect_verifies_and_stores(pds_network, people, units, caplog):
    import logging

    caplog.set_level(logging.DEBUG)  # every library's debug logging, httpx and atproto included
    account = connect_account(
        network="bluesky",
        handle="carol.test",
        secret=pds_network.password,
        service_url=pds_network.url,
        actor=people["dana"],
        org_unit=units["physics"],
    )
    assert account.status == "pending" and account.handle == "carol.test"
    assert read_credentials(account).secret == pds_network.password
    assert pds_network.password not in Credential.objects.get().ciphertext
    again = connect_account(
        network="bluesky",
        handle="carol.test",
        secret=pds_network.password,
        service_url=pds_network.url,
        actor=people["eli"],
    )
    assert again.pk == account.pk and again.status == "active"
    assert pds_network.password not in caplog.text
