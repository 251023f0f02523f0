"""Registry throughput: the vault, security scoring, the list page's queries, CSV export and import.

    python bench/registry_bench.py [--accounts 1000] [--secrets 300]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/townhall_bench python bench/registry_bench.py

Prints, on the configured database (SQLite in a temporary folder unless DATABASE_URL):

* vault store/s (zxcvbn strength check + Fernet encryption + HMAC fingerprint + duplicate
  lookup + audit entry) and read/s (decrypt), and rotate_keys re-encryptions/s;
* security score: accounts/s for the full checklist over prefetched accounts;
* registry list page (/accounts/, 50 per page) and API list (/api/accounts/?limit=1000):
  milliseconds and the number of SQL queries per request;
* CSV: export rows/s, import rows/s (update of every row, all-or-nothing).
"""

from __future__ import annotations

import argparse
import os
import secrets
import string
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django() -> None:
    os.environ.setdefault("TOWNHALL_DATA_DIR", tempfile.mkdtemp(prefix="registry-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def app_password() -> str:
    alphabet = string.ascii_lowercase + "234567"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--secrets", type=int, default=300)
    args = parser.parse_args()
    setup_django()

    from cryptography.fernet import Fernet
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from townhall.core.models import OrgUnit, User
    from townhall.registry import csvio, selectors, vault
    from townhall.registry.models import Account

    settings.TOWNHALL_VAULT_KEYS = Fernet.generate_key().decode()
    tag = secrets.token_hex(3)
    unit = OrgUnit.objects.create(name=f"Bench unit {tag}", slug=f"bench-{tag}")
    dana = User.objects.create_user(f"bench-dana-{tag}", role="digital", org_unit=unit, password=None)
    amara = User.objects.create_user(f"bench-amara-{tag}", role="staff", org_unit=unit, password=None)
    accounts = Account.objects.bulk_create(
        Account(
            network="bluesky",
            handle=f"a{i}-{tag}.example.ac.uk",
            org_unit=unit,
            status="active",
            content_plan="Weekly research news.",
            mfa_enabled=i % 2 == 0,
            people_with_access=i % 6,
        )
        for i in range(args.accounts)
    )
    through = Account.owners.through
    through.objects.bulk_create([through(account_id=a.pk, user_id=u.pk) for a in accounts for u in (dana, amara)])
    print(f"database: {connection.vendor}; {args.accounts} accounts")

    sample = accounts[: args.secrets]
    pw = [app_password() for _ in sample]
    t = time.perf_counter()
    for account, secret in zip(sample, pw, strict=True):
        vault.store_credentials(account, secret, actor=dana)
    dt = time.perf_counter() - t
    print(f"vault store: {len(sample) / dt:,.0f}/s ({1000 * dt / len(sample):.1f} ms each)")
    t = time.perf_counter()
    for account in sample:
        vault.read_credentials(account)
    dt = time.perf_counter() - t
    print(f"vault read: {len(sample) / dt:,.0f}/s ({1000 * dt / len(sample):.2f} ms each)")
    settings.TOWNHALL_VAULT_KEYS = Fernet.generate_key().decode() + "," + settings.TOWNHALL_VAULT_KEYS
    t = time.perf_counter()
    n = vault.rotate_keys(actor=dana)
    dt = time.perf_counter() - t
    print(f"vault rotate_keys: {n} re-encrypted, {n / dt:,.0f}/s")

    qs = list(selectors.accounts_for(dana).filter(org_unit=unit))
    people = {e.lower() for e in selectors._people_emails()}
    t = time.perf_counter()
    for account in qs:
        selectors.security_score(account, people_emails=people)
    dt = time.perf_counter() - t
    print(f"security score: {len(qs) / dt:,.0f} accounts/s")

    TOTPDevice.objects.create(user=dana, name="bench", confirmed=True)
    client = Client()
    client.force_login(dana)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=dana).persistent_id
    session.save()
    for url in (f"/accounts/?unit=bench-{tag}", f"/api/accounts/?unit=bench-{tag}&limit=1000"):
        client.get(url)  # warm
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            response = client.get(url)
            dt = time.perf_counter() - t
        assert response.status_code == 200, (url, response.status_code)
        print(f"GET {url.split('?')[0]}: {1000 * dt:.0f} ms, {len(ctx.captured_queries)} queries")

    t = time.perf_counter()
    text = csvio.export_csv(dana, selectors.accounts_for(dana).filter(org_unit=unit))
    dt = time.perf_counter() - t
    print(f"CSV export: {args.accounts / dt:,.0f} rows/s")
    t = time.perf_counter()
    result = csvio.import_csv(dana, text)
    dt = time.perf_counter() - t
    assert result.ok, result.errors[:3]
    print(f"CSV re-import, nothing changed: {result.unchanged / dt:,.0f} rows/s ({result.unchanged} unchanged)")
    changed = text.replace("Weekly research news.", "Twice-weekly research news.")
    t = time.perf_counter()
    result = csvio.import_csv(dana, changed)
    dt = time.perf_counter() - t
    assert result.ok, result.errors[:3]
    print(f"CSV import, every row changed: {result.updated / dt:,.0f} rows/s ({result.updated} updated, audited)")


if __name__ == "__main__":
    main()
