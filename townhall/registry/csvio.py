"""CSV export and import of the account inventory.

Many institutions start with a spreadsheet of accounts; import brings it in, export takes
it back out (for audits, or to edit in bulk and re-import). Import is all or nothing: every
row is checked first and every problem is reported with its row number; if there is one,
nothing is saved. Credentials never travel in CSV.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from django.db import transaction

from townhall.audit.services import record, snapshot
from townhall.core import csvsafe
from townhall.core.models import OrgUnit, User
from townhall.core.permissions import can, require
from townhall.registry import handles, selectors
from townhall.registry.models import PLAN_AND_SECURITY_FIELDS, Account, Audience, Purpose

PUBLIC_COLUMNS = ["network", "handle", "display_name", "profile_url", "org_unit", "purpose", "status"]
PRIVATE_COLUMNS = ["service_url", "owners", *PLAN_AND_SECURITY_FIELDS]
ALL_COLUMNS = PUBLIC_COLUMNS + PRIVATE_COLUMNS
REPORT_ONLY = ["last_posted_at", "credentials_in_vault", "security_score"]
MAX_ROWS = 5000
MAX_BYTES = 2_000_000
def export_csv(user: Any, accounts) -> str:
    """The inventory as CSV text. Private columns only for people who may see every account's plan."""
    full = can(user, "account.view_private") or can(user, "account.manage")
    columns = ALL_COLUMNS + REPORT_ONLY if full else PUBLIC_COLUMNS
    out = io.StringIO()
    writer = csvsafe.Writer(out)
    writer.writerow(columns)
    people = {e.lower() for e in selectors._people_emails()} if full else None
    for account in accounts:
        row = selectors.account_row(account, private=full, people_emails=people)
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue()


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _bool(value: str) -> bool:
    v = value.strip().lower()
    if v in ("yes", "y", "true", "1"):
        return True
    if v in ("", "no", "n", "false", "0"):
        return False
    raise ValueError(f"{value!r} is not yes or no")


def _int(value: str, low: int, high: int) -> int | None:
    if not value.strip():
        return None
    number = int(value)
    if not low <= number <= high:
        raise ValueError(f"{number} is outside {low} to {high}")
    return number


def _https(value: str) -> str:
    if not value.startswith(("https://", "http://")) or " " in value:
        raise ValueError(f"{value!r} is not a web address (start it with https://)")
    return value[:200]


def _choice(values: list[str]):
    def check(value: str) -> str:
        if value not in values:
            raise ValueError(f"{value!r} is not one of {', '.join(values)}")
        return value

    return check


def _email(value: str) -> str:
    local, _, domain = value.partition("@")
    if not local or "." not in domain or " " in value:
        raise ValueError(f"{value!r} is not an email address")
    return value.lower()


def _parse_row(
    raw: dict[str, str], units: dict[str, OrgUnit], users: dict[str, User], known: set[tuple[str, str]]
) -> dict[str, Any]:
    """One CSV row to model values; raises ValueError naming each bad cell."""
    row = {k.strip().lower(): (v or "").strip().lstrip("'") for k, v in raw.items() if k}
    problems: list[str] = []
    out: dict[str, Any] = {}

    def take(name: str, fn):
        if name not in row or (row[name] == "" and name not in ("handle", "network", "org_unit")):
            return
        try:
            out[name] = fn(row[name])
        except (ValueError, TypeError) as exc:
            problems.append(f"{name}: {exc}")

    try:
        out["network"] = handles.check_network(row.get("network", ""))
    except ValueError as exc:
        problems.append(str(exc))
    out["raw_handle"] = row.get("handle", "")
    if "network" in out:
        if (out["network"], out["raw_handle"]) in known:
            out["handle"] = out["raw_handle"]  # entries already in the registry keep their handle
        else:
            try:
                out["handle"] = handles.normalise_handle(out["network"], out["raw_handle"])
            except ValueError as exc:
                problems.append(str(exc))
    slug = row.get("org_unit", "")
    if slug not in units:
        problems.append(f"org_unit: no School or department with the slug {slug!r}")
    else:
        out["org_unit"] = units[slug]
    take("display_name", lambda v: v[:200])
    take("profile_url", _https)
    take("service_url", _https)
    take("purpose", _choice(Purpose.values))
    take("status", _choice(Account.Status.values))

    def audiences(v: str) -> list[str]:
        items = [a for a in v.replace(";", " ").replace(",", " ").split() if a]
        bad = [a for a in items if a not in Audience.values]
        if bad:
            raise ValueError(f"unknown audience(s) {', '.join(bad)}")
        return items

    def owners(v: str) -> list[User]:
        names = [n for n in v.replace(";", " ").replace(",", " ").split() if n]
        missing = [n for n in names if n not in users]
        if missing:
            raise ValueError(f"no active user(s) called {', '.join(missing)}")
        return [users[n] for n in names]

    take("audiences", audiences)
    take("owners", owners)
    take("content_plan", str)
    take("cadence_per_week", lambda v: _int(v, 0, 100))
    take("min_gap_minutes", lambda v: _int(v, 0, 10080))
    take("max_per_day", lambda v: _int(v, 0, 100))
    take("quiet_start", time.fromisoformat)
    take("quiet_end", time.fromisoformat)
    take("review_date", date.fromisoformat)
    take("mfa_enabled", _bool)
    take("recovery_email", _email)
    take("people_with_access", lambda v: _int(v, 0, 1000))
    take("credentials_rotated_on", date.fromisoformat)
    status = out.get("status", Account.Status.PENDING)
    if status in (Account.Status.ACTIVE, Account.Status.DORMANT) and "owners" in out and len(out["owners"]) < 2:
        problems.append(f"owners: an {status} account needs at least two owners")
    if problems:
        raise ValueError("; ".join(problems))
    return out


def _csv_problem(exc: csv.Error) -> str:
    """The csv module's error in words (its field-size message names an internal limit)."""
    if "field larger than field limit" in str(exc):
        return f"a cell is longer than {csv.field_size_limit():,} characters"
    return str(exc)


def _rows(reader: csv.DictReader, result: ImportResult):
    """(row number, row) pairs; a row the csv module cannot read ends the file with an error naming it.

    Reading stops there: after a malformed row (an unclosed quote, a giant cell) the rows that
    follow cannot be trusted, and nothing is saved when there is any error anyway.
    """
    number = 1
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            result.errors.append(f"Row {number + 1} cannot be read: {_csv_problem(exc)}.")
            return
        number += 1
        yield number, raw


def _guarded_change(service_url: str, status: str, values: dict[str, Any]) -> str:
    """Why a row may not change this existing account, or "".

    The server address is where the stored credential is sent at the next publish, so a
    spreadsheet must not move it (someone who may not read the credential could send it to a
    server they run); an account moves server by reconnecting it. Its status goes through the
    registry's own steps (connect, archive with hand-over and revocation), never a cell edit.
    """
    if "service_url" in values and (values["service_url"] or "") != (service_url or ""):
        return (
            "an existing account's server address cannot be changed by import; "
            "reconnect the account on its page to move it to another server."
        )
    if "status" in values and values["status"] != status:
        label = str(Account.Status(status).label).lower() if status in Account.Status.values else status
        return (
            f"an existing account's status cannot be changed by import (it is {label}); "
            "use the account's page to connect, archive or reactivate it."
        )
    return ""


def import_csv(actor: Any, text: str, *, dry_run: bool = False) -> ImportResult:
    """Create or update registry entries from CSV text (matched on network and handle)."""
    require(actor, "account.manage")  # with no object: the digital team and admins
    result = ImportResult(dry_run=dry_run)
    if len(text.encode("utf-8", "ignore")) > MAX_BYTES:
        result.errors.append(f"The file is larger than {MAX_BYTES // 1_000_000} MB; split it.")
        return result
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in reader.fieldnames or []]
    except csv.Error as exc:
        result.errors.append(f"Row 1 (the header) cannot be read: {_csv_problem(exc)}.")
        return result
    for needed in ("network", "handle", "org_unit"):
        if needed not in header:
            result.errors.append(f"The header row must have a {needed!r} column (see the export for the format).")
    unknown = [h for h in header if h and h not in ALL_COLUMNS + REPORT_ONLY]
    if unknown:
        result.errors.append(f"Unknown {'column' if len(unknown) == 1 else 'columns'}: {', '.join(unknown)}.")
    if result.errors:
        return result
    units = {u.slug: u for u in OrgUnit.objects.all()}
    users = {u.username: u for u in User.objects.filter(is_active=True)}
    columns = ("network", "handle", "service_url", "status")
    existing = {(n, h): (url, st) for n, h, url, st in Account.objects.values_list(*columns)}
    known = set(existing)
    parsed: list[tuple[int, dict[str, Any]]] = []
    seen: dict[tuple[str, str], int] = {}
    for number, raw in _rows(reader, result):
        if number - 1 > MAX_ROWS:
            result.errors.append(f"More than {MAX_ROWS} rows; split the file.")
            break
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue
        try:
            values = _parse_row(raw, units, users, known)
        except ValueError as exc:
            result.errors.append(f"Row {number}: {exc}.")
            continue
        key = (values["network"], values["handle"])
        refused = _guarded_change(*existing[key], values) if key in existing else ""
        if refused:
            result.errors.append(f"Row {number}: {refused}")
            continue
        if key in seen:
            result.errors.append(f"Row {number}: {key[1]} on {key[0]} is also on row {seen[key]}.")
            continue
        seen[key] = number
        parsed.append((number, values))
    if result.errors or dry_run:
        if not result.errors:
            result.updated = sum(1 for _, v in parsed if (v["network"], v["handle"]) in known)
            result.created = len(parsed) - result.updated
        return result
    with transaction.atomic():
        # One locking query for the rows being updated (PostgreSQL row locks; SQLite holds the
        # write lock for the whole transaction anyway), owners prefetched in one more.
        wanted = {(v["network"], v["handle"]) for _, v in parsed}
        rows = Account.objects.select_for_update().prefetch_related("owners")
        current: dict[tuple[str, str], Account] = {}
        for network in {n for n, _ in wanted}:
            handles_here = [h for n, h in wanted if n == network]
            for chunk in range(0, len(handles_here), 500):
                for account in rows.filter(network=network, handle__in=handles_here[chunk : chunk + 500]):
                    current[(account.network, account.handle)] = account
        for number, values in parsed:
            owners = values.pop("owners", None)
            values.pop("raw_handle", None)
            account = current.get((values["network"], values["handle"]))
            created = account is None
            before = None
            if created:
                account = Account(created_by=actor)
                if not values.get("profile_url"):
                    values["profile_url"] = handles.profile_url(values["network"], values["handle"])
            else:
                before = {**snapshot(account), "owners": sorted(u.pk for u in account.owners.all())}
                refused = _guarded_change(account.service_url, account.status, values)
                if refused:
                    transaction.set_rollback(True)
                    result.errors.append(f"Row {number}: {refused}")
                    result.created = result.updated = result.unchanged = 0
                    return result
            for name, value in values.items():
                setattr(account, name, value)
            owner_ids = sorted(u.pk for u in owners) if owners is not None else None
            if not created:
                now = {**snapshot(account), "owners": owner_ids if owner_ids is not None else before["owners"]}
                if now == before:
                    result.unchanged += 1  # nothing to write or audit
                    continue
            account.save()
            if owners is not None:
                account.owners.set(owners)
            if account.status in (Account.Status.ACTIVE, Account.Status.DORMANT) and account.owners.count() < 2:
                transaction.set_rollback(True)
                result.errors.append(f"Row {number}: an {account.status} account needs at least two owners.")
                result.created = result.updated = result.unchanged = 0
                return result
            record(
                actor,
                "account.import",
                account,
                before=before,
                after={**snapshot(account), "owners": sorted(account.owners.values_list("pk", flat=True))},
            )
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result
