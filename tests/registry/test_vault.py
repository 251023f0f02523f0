"""The credential vault: encryption, strength, duplicates, rotation, revocation, and no leaks."""

from __future__ import annotations

import logging

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from townhall.audit.models import AuditEntry
from townhall.registry import vault
from townhall.registry.models import Account, Credential

GOOD_SECRET = "vq7t-k2mz-p9xa-4hbe"  # the fake connector accepts it (see conftest)


def test_store_and_read_round_trip(account, people):
    warnings = vault.store_credentials(account, GOOD_SECRET, actor=people["dana"], extra={"did": "did:plc:x"})
    assert warnings == []
    creds = vault.read_credentials(account)
    assert creds.secret == GOOD_SECRET
    assert creds.handle == account.handle
    assert creds.extra == {"did": "did:plc:x"}
    stored = Credential.objects.get(account=account)
    assert GOOD_SECRET not in stored.ciphertext
    assert AuditEntry.objects.filter(action="account.credentials.store", object_id=str(account.pk)).exists()


def test_weak_password_rejected_with_reason_and_nothing_saved(account, people):
    with pytest.raises(ValueError, match="too weak") as err:
        vault.store_credentials(account, "password123", actor=people["dana"])
    assert "password123" not in str(err.value)
    assert not Credential.objects.exists()
    assert not AuditEntry.objects.filter(action="account.credentials.store").exists()


def test_tokens_are_not_strength_checked(account, people):
    vault.store_credentials(account, "abc", actor=people["dana"], kind="oauth_token")
    assert vault.read_credentials(account).secret == "abc"


@pytest.mark.parametrize("bad", ["", "   ", " padded-secret-value-123 ", None, "x" * 5000])
def test_malformed_secrets_rejected(account, people, bad):
    with pytest.raises(ValueError):
        vault.store_credentials(account, bad, actor=people["dana"])
    assert not Credential.objects.exists()


def test_same_secret_on_two_accounts_warns(account, people, units):
    other = Account.objects.create(network="bluesky", handle="history.example.ac.uk", org_unit=units["history"])
    assert vault.store_credentials(account, GOOD_SECRET, actor=people["dana"]) == []
    warnings = vault.store_credentials(other, GOOD_SECRET, actor=people["dana"])
    assert len(warnings) == 1 and "physics.example.ac.uk" in warnings[0]
    entry = AuditEntry.objects.filter(action="account.credentials.store", object_id=str(other.pk)).get()
    assert entry.after["duplicate_of"] == [account.pk]
    # Replacing one of them with its own secret ends the duplication.
    assert vault.store_credentials(account, "m4pz-88qc-trw2-vnk6", actor=people["dana"]) == []
    assert vault.store_credentials(other, GOOD_SECRET, actor=people["dana"]) == []


def test_revoke_then_read_is_a_clear_error(account, people):
    vault.store_credentials(account, GOOD_SECRET, actor=people["dana"])
    vault.revoke_credentials(account, actor=people["dana"])
    with pytest.raises(vault.VaultError, match="revoked"):
        vault.read_credentials(account)
    vault.revoke_credentials(account, actor=people["dana"])  # idempotent
    assert AuditEntry.objects.filter(action="account.credentials.revoke").count() == 1


def test_read_without_credentials_is_a_permanent_error(account):
    from townhall.connectors.base import PermanentError

    with pytest.raises(PermanentError, match="No credentials"):
        vault.read_credentials(account)


def test_key_rotation(account, people, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.TOWNHALL_VAULT_KEYS = old
    vault.store_credentials(account, GOOD_SECRET, actor=people["dana"])
    before = Credential.objects.get().ciphertext
    settings.TOWNHALL_VAULT_KEYS = f"{new},{old}"
    assert vault.read_credentials(account).secret == GOOD_SECRET  # old key still decrypts
    assert vault.rotate_keys(actor=people["ada"]) == 1
    after = Credential.objects.get().ciphertext
    assert after != before
    settings.TOWNHALL_VAULT_KEYS = new  # the old key can now go
    assert vault.read_credentials(account).secret == GOOD_SECRET
    settings.TOWNHALL_VAULT_KEYS = old  # and a vault without the new key cannot read it
    with pytest.raises(vault.VaultError, match="cannot be decrypted"):
        vault.read_credentials(account)


def test_duplicate_detected_across_a_key_change(account, people, units, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    other = Account.objects.create(network="bluesky", handle="history.example.ac.uk", org_unit=units["history"])
    settings.TOWNHALL_VAULT_KEYS = old
    vault.store_credentials(account, GOOD_SECRET, actor=people["dana"])
    settings.TOWNHALL_VAULT_KEYS = f"{new},{old}"
    assert vault.store_credentials(other, GOOD_SECRET, actor=people["dana"])


def test_bad_vault_key_is_a_configuration_error(account, people, settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.TOWNHALL_VAULT_KEYS = "not-a-key"
    with pytest.raises(ImproperlyConfigured, match="not a Fernet key"):
        vault.store_credentials(account, GOOD_SECRET, actor=people["dana"])


def _all_text(cursor) -> list[str]:
    """Every text-ish value in every table of the database."""
    values: list[str] = []
    for table in connection.introspection.table_names(cursor):
        description = connection.introspection.get_table_description(cursor, table)
        names = [connection.ops.quote_name(c.name) for c in description]
        cursor.execute(f"SELECT {', '.join(names)} FROM {connection.ops.quote_name(table)}")
        for row in cursor.fetchall():
            for value in row:
                if isinstance(value, memoryview):
                    value = bytes(value)
                if isinstance(value, bytes):
                    value = value.decode("latin-1")
                if value is not None and not isinstance(value, (int, float, bool)):
                    values.append(str(value))
    return values


@pytest.mark.django_db(transaction=True)
def test_no_plaintext_in_database_or_logs(units, make_user, fake_connectors, caplog, client, verified_client):
    from django.core.management import call_command

    from townhall.registry.services import connect_account

    caplog.set_level(logging.DEBUG)
    dana = make_user("digital", units["school"], "dana")
    amara = make_user("staff", units["physics"], "amara")
    secret = "zq8v-w3nd-k7rp-2ffx"
    fake_connectors["bluesky"].valid.add(secret)
    account = connect_account(
        network="bluesky",
        handle="physics.example.ac.uk",
        secret=secret,
        actor=dana,
        org_unit=units["physics"],
    )
    account.owners.add(amara)
    # A second account with the same secret (warning path), a rotation, and a CLI listing.
    other = Account.objects.create(network="bluesky", handle="other.example.ac.uk", org_unit=units["physics"])
    vault.store_credentials(other, secret, actor=dana)
    vault.rotate_keys(actor=dana)
    call_command("accounts", "list", "--format", "json")
    # The UI, API and admin pages for the account.
    c = verified_client(dana)
    pages = [
        f"/accounts/{account.pk}/",
        "/accounts/",
        f"/api/accounts/{account.pk}",
        "/api/accounts/",
        f"/api/accounts/{account.pk}/security",
        "/accounts/export.csv",
        "/accounts/connect/",
    ]
    for url in pages:
        response = c.get(url)
        assert response.status_code == 200, url
        assert secret not in response.content.decode(), url
    ada = make_user("admin", units["school"], "ada", is_staff=True, is_superuser=True)
    c = verified_client(ada)
    cred = Credential.objects.get(account=account)
    for url in [
        f"/admin/registry/account/{account.pk}/change/",
        "/admin/registry/credential/",
        f"/admin/registry/credential/{cred.pk}/change/",
        "/admin/audit/auditentry/",
    ]:
        response = c.get(url)
        assert response.status_code == 200, url
        assert secret not in response.content.decode(), url

    with connection.cursor() as cursor:
        values = _all_text(cursor)
    assert values  # the scan saw data
    assert not [v for v in values if secret in v]
    assert secret not in caplog.text
    assert vault.read_credentials(account).secret == secret
