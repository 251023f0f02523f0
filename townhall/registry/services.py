"""Writes to the registry: connecting accounts, requests and their review, the lifecycle.

Every function here that changes governance state checks permission with `require()`
and writes an audit entry in the same transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from townhall.audit.services import record, snapshot
from townhall.connectors.base import ConnectorError, Credentials, TransientError, get_connector
from townhall.core.models import OrgUnit
from townhall.core.permissions import can, require
from townhall.registry import handles
from townhall.registry.models import Account, Credential
from townhall.registry.vault import store_credentials

log = logging.getLogger("townhall.registry")

MIN_OWNERS = 2


class ConnectFailed(ValueError):
    """The network refused or could not check the credentials; `transient` says whether to retry."""

    def __init__(self, message: str, *, transient: bool = False):
        super().__init__(message)
        self.transient = transient


def _may_create_by_connecting(actor: Any, network: str, handle: str) -> bool:
    """New accounts come through a reviewed request; the digital team may connect directly."""
    if can(actor, "account.manage"):  # with no object: the digital team and admins
        return True
    from townhall.registry.models import AccountRequest

    return AccountRequest.objects.filter(
        requested_by=actor, network=network, handle__iexact=handle, status=AccountRequest.Status.APPROVED
    ).exists()


def connect_account(
    *,
    network: str,
    handle: str,
    secret: str,
    service_url: str = "",
    actor: Any,
    org_unit: OrgUnit | None = None,
    kind: str = Credential.Kind.APP_PASSWORD,
) -> Account:
    """Check the credentials with the network, keep them in the vault, create or update the entry.

    The actor becomes an owner; the account is active once it has two owners, pending
    before. Bad input (unknown network, a handle that breaks the network's rules, wrong
    credentials, a weak password) raises ValueError in words and saves nothing.
    """
    network = handles.check_network(network)
    handle = handles.normalise_handle(network, handle)
    service_url = (service_url or "").strip() or handles.default_service_url(network, handle)
    if service_url and not service_url.startswith(("https://", "http://")):
        raise ValueError(f"The service URL {service_url!r} must start with https://.")
    if getattr(actor, "pk", None) is None:
        raise ValueError("Connecting an account needs a named person to act as its owner.")
    existing = Account.objects.filter(network=network, handle=handle).first()
    if existing is not None:
        require(actor, "account.credentials", existing)
        if existing.status == Account.Status.ARCHIVED:
            raise ValueError(f"{existing} is archived; restore it before connecting it again.")
    elif not _may_create_by_connecting(actor, network, handle):
        raise PermissionDenied(
            "You may not do this: new accounts need an approved account request (or the digital team)."
        )
    unit = org_unit or (existing.org_unit if existing else None) or getattr(actor, "org_unit", None)
    if unit is None:
        raise ValueError("Say which School or department owns the account (--unit).")

    try:
        connector = get_connector(network)
    except ConnectorError as exc:
        raise ValueError(exc.reason) from None
    except ImportError:
        raise ValueError(
            f"Townhall has no connector for {handles.network_label(network)} installed."
        ) from None
    try:
        info = connector.verify_credentials(
            Credentials(handle=handle, secret=secret, service_url=service_url)
        )
    except TransientError as exc:
        raise ConnectFailed(
            f"Could not reach {handles.network_label(network)} to check the credentials ({exc.reason}); "
            "try again later.",
            transient=True,
        ) from None
    except ConnectorError as exc:
        raise ConnectFailed(
            f"{handles.network_label(network)} did not accept the credentials for {handle}: {exc.reason}"
        ) from None
    if info.handle and not handles.same_account(network, info.handle, handle):
        raise ConnectFailed(
            f"Those credentials belong to {info.handle}, not {handle}: check the handle and the password."
        )

    with transaction.atomic():
        account = (
            Account.objects.select_for_update().filter(pk=existing.pk).first()
            if existing is not None
            else None
        )
        before = snapshot(account) if account is not None else None
        if account is None:
            account = Account(network=network, handle=handle, org_unit=unit, created_by=actor)
        account.org_unit = unit
        account.service_url = service_url
        account.display_name = account.display_name or info.display_name or ""
        account.profile_url = info.profile_url or account.profile_url or handles.profile_url(network, handle)
        account.save()
        account.owners.add(actor)
        if account.status != Account.Status.DORMANT:
            enough = account.owners.count() >= MIN_OWNERS
            account.status = Account.Status.ACTIVE if enough else Account.Status.PENDING
            account.save(update_fields=["status", "updated_at"])
        warnings = store_credentials(account, secret, actor=actor, kind=kind)
        record(
            actor,
            "account.connect",
            account,
            before=before,
            after={**snapshot(account), "owners": sorted(account.owners.values_list("pk", flat=True))},
        )
    account.connect_warnings = warnings  # type: ignore[attr-defined]
    log.info("account %s connected by %s", account.pk, actor.get_username())
    return account
