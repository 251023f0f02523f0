"""The composer's live check, server side, with the policy from the database.

    python bench/policy_db_bench.py [--requests 500] [--no-ml]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/townhall_policydb python bench/policy_db_bench.py

Makes a fresh database (SQLite in a temporary folder unless DATABASE_URL is set), sets up
"Aston University" (version 1 of its policy) and one account, signs a person in, and posts the
composer's htmx check (`/posts/compose/check`, the view, the policy check against the stored current
version, the template) for each text through Django's test client. Prints p50/p95/p99 of the
whole request (wall clock, and CPU time, which a machine busy with other work inflates less),
and of `policy_bridge.current()` alone (the per-request cost of reading the policy from the
database: one indexed query and a dict lookup). Target: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXTS = [
    "Open day at Aston Uni this Saturday: come and see the labs! #OpenDay",
    "Call our student Jo on 07700 900123 about her grades.",
    "We fully support the strike and urge everyone to join the picket line.",
    "New paper: our study finds the boycott movement reshaped public opinion.",
    "Welcome week photos are up! #WelcomeWeek #Physics #Campus #Freshers",
    "Congratulations to our graduates! What are your plans? Tell us below.",
    "Our password for the shared account is Tulips!2026, do not share it.",
]


def _texts(n: int) -> list[str]:
    cases = ROOT.parent / "shared" / "examples" / "policy_cases.jsonl"
    found = list(TEXTS)
    if cases.exists():
        for line in cases.read_text(encoding="utf-8").splitlines():
            try:
                found.append(json.loads(line)["text"])
            except (ValueError, KeyError):
                continue
    return [found[i % len(found)] for i in range(n)]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--no-ml", action="store_true", help="rules only (the classifiers switched off)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="policydb-bench-")
    os.environ.setdefault("TOWNHALL_DATA_DIR", folder)
    os.environ["DJANGO_SETTINGS_MODULE"] = "townhall.settings"
    if args.no_ml:
        from townhall.policy import mlbridge

        mlbridge._LOADED, mlbridge._ML, mlbridge._ERROR = True, None, "ML disabled by --no-ml"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    db_note = "SQLite" if "DATABASE_URL" not in os.environ else "PostgreSQL"
    call_command("migrate", verbosity=0)
    if "DATABASE_URL" in os.environ:
        call_command("flush", interactive=False, verbosity=0)  # a database of its own, emptied

    from townhall.core.models import OrgUnit, User
    from townhall.policies import services
    from townhall.registry.models import Account
    from townhall.web import policy_bridge

    unit = OrgUnit.objects.create(name="Physics", slug="physics-bench", kind="department")
    admin = User.objects.create_user("bench-admin", password="x" * 12, role="admin")
    author = User.objects.create_user("bench-author", password="x" * 12, role="staff", org_unit=unit)
    services.setup_institution(admin, names=["Aston University", "Aston Uni"], domains=["aston.ac.uk"],
                               handles=["@astonuniversity"], discouraged=["Aston Uni"])
    account = Account.objects.create(network="bluesky", handle="physics.aston.ac.uk", org_unit=unit, status="active")
    account.owners.add(author)
    client = Client()
    client.force_login(author)
    texts = _texts(args.requests)
    for t in texts[:20]:  # warm-up: imports, the compiled pack, the classifiers
        client.post("/posts/compose/check", {"text": t, "accounts": [account.pk]})
    whole, cpu, lookup = [], [], []
    for t in texts:
        started, cpu_started = time.perf_counter(), time.process_time()
        resp = client.post("/posts/compose/check", {"text": t, "accounts": [account.pk]})
        whole.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        assert resp.status_code == 200, resp.status_code
        started = time.perf_counter()
        pack, number = policy_bridge.current()
        lookup.append(time.perf_counter() - started)
    assert number == 1 and pack.name == "Aston University"
    print(f"policy_db_bench ({db_note}, {len(texts)} composer checks, policy version {number} from the database"
          f"{', rules only' if args.no_ml else ''})")
    print(f"  whole request /posts/compose/check: p50 {pct(whole, 0.5):.1f} ms   p95 {pct(whole, 0.95):.1f} ms   "
          f"p99 {pct(whole, 0.99):.1f} ms   (target p95 <= 50 ms)")
    print(f"  CPU time per request:       p50 {pct(cpu, 0.5):.1f} ms   p95 {pct(cpu, 0.95):.1f} ms   "
          f"(what the wall time would be on an idle core)")
    print(f"  current policy lookup:      p50 {pct(lookup, 0.5):.2f} ms   p95 {pct(lookup, 0.95):.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
