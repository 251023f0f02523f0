"""`townhall accounts connect|list|rotate-keys`: the registry from the command line.

`connect` checks the credentials with the network, keeps them in the vault and prints
the account's id as its last line (so scripts can `id=$(townhall accounts connect ... |
tail -1)`). Pass the password as `--app-password -` to read it from standard input, or
set TOWNHALL_APP_PASSWORD, to keep it out of the process list and shell history.
"""

from __future__ import annotations

import json
import os
import sys

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from townhall.core.models import OrgUnit, User
from townhall.registry import selectors, vault
from townhall.registry.models import Account
from townhall.registry.services import connect_account


class Command(BaseCommand):
    help = "Connect institutional accounts and list the registry."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(
            dest="action", required=True, metavar="{connect,list,lock,unlock,rotate-keys,newkey}"
        )
        connect = sub.add_parser("connect", help="Verify credentials, store them in the vault, register the account.")
        connect.add_argument("--network", required=True)
        connect.add_argument("--handle", required=True)
        connect.add_argument(
            "--app-password",
            dest="secret",
            default=None,
            help="The app password or token; '-' reads standard input (default: $TOWNHALL_APP_PASSWORD).",
        )
        connect.add_argument("--service-url", default="")
        connect.add_argument("--unit", default="", help="Slug of the owning School or department.")
        connect.add_argument("--as", dest="username", required=True, help="The person connecting (becomes an owner).")
        listing = sub.add_parser("list", help="List the registry.")
        listing.add_argument("--format", choices=["table", "json"], default="table")
        listing.add_argument("--status", default="")
        listing.add_argument("--network", default="")
        lock = sub.add_parser("lock", help="Lock an account in an emergency: nothing is approved or sent for it.")
        lock.add_argument("id", type=int)
        lock.add_argument("--reason", required=True)
        lock.add_argument("--as", dest="username", required=True)
        unlock = sub.add_parser("unlock", help="Unlock an account; its held posts go out.")
        unlock.add_argument("id", type=int)
        unlock.add_argument("--as", dest="username", required=True)
        sub.add_parser("rotate-keys", help="Re-encrypt every stored credential with the newest vault key.")
        sub.add_parser("newkey", help="Print a new vault key to prepend to TOWNHALL_VAULT_KEYS.")

    def handle(self, *args, action: str, **options):
        if action == "connect":
            return self._connect(**options)
        if action == "list":
            return self._list(**options)
        if action in ("lock", "unlock"):
            return self._lock(action, **options)
        if action == "rotate-keys":
            count = vault.rotate_keys(actor="cli")
            self.stdout.write(f"Re-encrypted {count} credential(s) with the newest key.")
            return None
        if action == "newkey":
            self.stdout.write(vault.new_key())
            return None
        raise CommandError(f"Unknown action {action!r}.")

    def _lock(self, action: str, *, id: int, username: str, reason: str = "", **options):
        """Containment (issue 14): the work is in townhall.incidents.containment."""
        from townhall.incidents import containment
        from townhall.incidents.management.commands._common import actor, refused_as_error

        user = actor(username)
        account = Account.objects.filter(pk=id).first()
        if account is None:
            raise CommandError(f"There is no account {id}.")
        if action == "lock":
            refused_as_error(lambda: containment.lock_account(user, account, reason))
            self.stdout.write(f"Account {account.pk} ({account}) locked by {user.username}: {reason.strip()}")
        else:
            refused_as_error(lambda: containment.unlock_account(user, account))
            self.stdout.write(f"Account {account.pk} ({account}) unlocked by {user.username}.")

    def _connect(self, *, network, handle, secret, service_url, unit, username, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"There is no active user called {username!r}.")
        if secret == "-":
            secret = sys.stdin.readline().rstrip("\n")
        elif secret is None:
            secret = os.environ.get("TOWNHALL_APP_PASSWORD", "")
        if not secret:
            raise CommandError("Give the app password with --app-password (or '-' to read it from standard input).")
        org_unit = None
        if unit:
            org_unit = OrgUnit.objects.filter(slug=unit).first()
            if org_unit is None:
                raise CommandError(f"There is no School or department with the slug {unit!r}.")
        try:
            account = connect_account(
                network=network,
                handle=handle,
                secret=secret,
                service_url=service_url,
                actor=user,
                org_unit=org_unit,
            )
        except (ValueError, PermissionDenied) as exc:
            raise CommandError(str(exc)) from None
        for warning in getattr(account, "connect_warnings", []):
            self.stderr.write(f"Warning: {warning}")
        self.stdout.write(f"Connected {account} ({account.get_status_display().lower()}).")
        self.stdout.write(str(account.pk))
        return None

    def _list(self, *, format, status, network, **options):
        qs = Account.objects.select_related("org_unit").prefetch_related("owners")
        if status:
            qs = qs.filter(status=status)
        if network:
            qs = qs.filter(network=network)
        rows = [selectors.account_row(a) for a in qs]
        if format == "json":
            self.stdout.write(json.dumps(rows, indent=2, default=str))
            return None
        header = ("ID", "NETWORK", "HANDLE", "UNIT", "STATUS", "OWNERS", "SECURITY")
        table = [header] + [
            (
                str(r["id"]),
                r["network"],
                r["handle"],
                r["org_unit"],
                r["status"],
                ",".join(r["owners"]),
                f"{r['security_score']}%",
            )
            for r in rows
        ]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        for row in table:
            self.stdout.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        return None
