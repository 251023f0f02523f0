"""The credential vault: network secrets encrypted at rest, never shown back to anyone.

Why it exists: the guidance asks that institutional accounts be protected like any
important online service, with strong, distinct passwords that are never shared. With
the vault, staff post through Townhall without ever knowing the network password; only
the publishing worker decrypts it, in memory, for the moment it talks to the network.

Keys: `settings.TOWNHALL_VAULT_KEYS` holds comma-separated Fernet keys, newest first
(`MultiFernet`): new secrets are encrypted with the newest, old ones still decrypt, and
`rotate_keys()` re-encrypts everything with the newest so the old key can be dropped.
When it is unset (development and the demo only) a key is derived from SECRET_KEY with
HKDF; production should always set it (see docs/registry.md).

Duplicates: each secret gets a keyed HMAC fingerprint (key derived from the vault key,
so the fingerprint is useless without it); storing a secret whose fingerprint matches
another account's gives a warning, never a comparison of plaintext.

What never happens here: the secret is not logged, not put in audit entries, not put in
exception messages, and not returned by anything except `read_credentials()`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from townhall.audit.services import record
from townhall.connectors.base import Credentials, PermanentError
from townhall.registry.models import Account, Credential

log = logging.getLogger("townhall.registry.vault")

# Kinds that a person chose (or could have chosen) and so may be weak; tokens issued by
# the network are long random strings and are not strength-checked.
PASSWORD_KINDS = {Credential.Kind.APP_PASSWORD, Credential.Kind.PASSWORD}
MIN_ZXCVBN_SCORE = 3  # "safely unguessable: moderate protection from offline slow-hash scenario"
MAX_SECRET_LENGTH = 4096


class VaultError(PermanentError):
    """No usable credential (none stored, revoked, or the key that encrypted it is gone).

    A `PermanentError`, so publishing treats it like revoked access: a person must act.
    """


def _hkdf(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"townhall-vault-v1", info=info).derive(material)


@lru_cache(maxsize=8)
def _keys_for(configured: str, secret_key: str) -> tuple[tuple[bytes, ...], bool]:
    """The raw Fernet keys, newest first, and whether they were derived (dev/demo only)."""
    raw = [k.strip() for k in configured.split(",") if k.strip()]
    if not raw:
        derived = base64.urlsafe_b64encode(_hkdf(secret_key.encode(), b"townhall vault encryption key"))
        return (derived,), True
    keys = []
    for position, key in enumerate(raw, 1):
        try:
            Fernet(key.encode())
        except (ValueError, TypeError) as exc:
            raise ImproperlyConfigured(
                f"TOWNHALL_VAULT_KEYS entry {position} is not a Fernet key "
                "(generate one with `python -m townhall vault newkey`)."
            ) from exc
        keys.append(key.encode())
    return tuple(keys), False


def _keys() -> tuple[bytes, ...]:
    keys, derived = _keys_for(getattr(settings, "TOWNHALL_VAULT_KEYS", "") or "", settings.SECRET_KEY)
    if derived and getattr(settings, "PRODUCTION", False):
        raise ImproperlyConfigured("TOWNHALL_VAULT_KEYS must be set in production to store network credentials.")
    return keys


def keys_are_derived() -> bool:
    """True when the vault key is derived from SECRET_KEY (fine for the demo, not for production)."""
    return _keys_for(getattr(settings, "TOWNHALL_VAULT_KEYS", "") or "", settings.SECRET_KEY)[1]


def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(k) for k in _keys()])


def _fingerprints(secret: str) -> list[str]:
    """The secret's HMAC under each configured key's fingerprint key; the first is the current one.

    Comparing against all of them keeps duplicate detection working between adding a new
    key and running `rotate_keys()`.
    """
    out = []
    for key in _keys():
        fkey = _hkdf(key, b"townhall vault fingerprint key")
        out.append(hmac.new(fkey, secret.encode(), hashlib.sha256).hexdigest())
    return out


def new_key() -> str:
    """A fresh Fernet key, to prepend to TOWNHALL_VAULT_KEYS."""
    return Fernet.generate_key().decode()


def check_strength(secret: str, *, user_inputs: list[str] | None = None) -> None:
    """Raise ValueError with zxcvbn's reason when a password-type secret is too guessable."""
    from zxcvbn import zxcvbn

    result = zxcvbn(secret[:200], user_inputs=[u for u in (user_inputs or []) if u])
    if result["score"] >= MIN_ZXCVBN_SCORE:
        return
    feedback = result.get("feedback") or {}
    reasons = [feedback.get("warning") or "", *list(feedback.get("suggestions") or [])]
    reason = " ".join(r.strip().rstrip(".") + "." for r in reasons if r and r.strip())
    raise ValueError(
        f"This password is too weak to store (strength {result['score']} of 4, at least "
        f"{MIN_ZXCVBN_SCORE} needed). {reason or 'Use a longer, random password.'}".strip()
    )


def _validate_secret(secret: Any) -> str:
    if not isinstance(secret, str) or not secret.strip():
        raise ValueError("The credential is empty: paste the app password or token.")
    if secret != secret.strip():
        raise ValueError("The credential starts or ends with spaces: check it was copied exactly.")
    if len(secret) > MAX_SECRET_LENGTH:
        raise ValueError(f"The credential is longer than {MAX_SECRET_LENGTH} characters: check it was copied exactly.")
    return secret


def store_credentials(
    account: Account,
    secret: str,
    *,
    actor: Any,
    kind: str = Credential.Kind.APP_PASSWORD,
    extra: dict | None = None,
) -> list[str]:
    """Encrypt and keep `secret` (and `extra`, e.g. OAuth refresh data) for `account`.

    Replaces any earlier credential of the account. Raises ValueError (with the reason) for
    an empty, malformed or weak password-type secret; nothing is saved then. Returns
    warnings in words (e.g. the same secret is stored for another account); they are also
    logged and audited, without the secret.
    """
    secret = _validate_secret(secret)
    if kind not in Credential.Kind.values:
        raise ValueError(f"Unknown credential kind {kind!r}; use one of: {', '.join(Credential.Kind.values)}.")
    if extra is not None and not isinstance(extra, dict):
        raise ValueError("Extra credential data must be a mapping.")
    if kind in PASSWORD_KINDS:
        check_strength(secret, user_inputs=[account.handle, account.display_name])
    try:
        payload = json.dumps({"secret": secret, "extra": extra or {}}, sort_keys=True)
    except TypeError as exc:
        raise ValueError("Extra credential data must be plain JSON values.") from exc
    token = _fernet().encrypt(payload.encode()).decode()
    prints = _fingerprints(secret)
    now = timezone.now()
    warnings: list[str] = []
    with transaction.atomic():
        duplicates = list(
            Credential.objects.filter(fingerprint__in=prints, revoked_at__isnull=True)
            .exclude(account=account)
            .exclude(ciphertext="")
            .select_related("account")
        )
        if duplicates:
            names = ", ".join(str(c.account) for c in duplicates)
            warnings.append(
                f"The same secret is already stored for {names}: every account should have its own "
                "password, so one leak cannot open several accounts."
            )
        existing = Credential.objects.select_for_update().filter(account=account).first()
        replaced = existing is not None and existing.is_usable
        cred = existing or Credential(account=account)
        cred.kind = kind
        cred.ciphertext = token
        cred.fingerprint = prints[0]
        cred.stored_at = now
        cred.encrypted_at = now
        cred.revoked_at = None
        cred.stored_by = actor if getattr(actor, "pk", None) else None
        cred.save()
        record(
            actor,
            "account.credentials.store",
            account,
            after={
                "kind": kind,
                "replaced": replaced,
                "duplicate_of": [c.account_id for c in duplicates],
            },
        )
    for warning in warnings:
        log.warning("credential for account %s: %s", account.pk, warning)
    return warnings


def read_credentials(account: Account) -> Credentials:
    """The decrypted credentials for a connector call. Raises VaultError when unusable."""
    cred = Credential.objects.filter(account_id=account.pk).first()
    if cred is not None and cred.revoked_at is not None:
        raise VaultError(f"The credentials for {account} were revoked: connect the account again.")
    if cred is None or not cred.ciphertext:
        raise VaultError(f"No credentials are stored for {account}: connect the account first.")
    try:
        payload = json.loads(_fernet().decrypt(cred.ciphertext.encode()))
    except InvalidToken:
        raise VaultError(
            f"The credentials for {account} cannot be decrypted with the configured vault keys "
            "(was a key removed from TOWNHALL_VAULT_KEYS?)."
        ) from None
    return Credentials(
        handle=account.handle,
        secret=payload["secret"],
        service_url=account.service_url,
        extra=payload.get("extra") or {},
    )


def has_credentials(account: Account) -> bool:
    return Credential.objects.filter(account_id=account.pk, revoked_at__isnull=True).exclude(ciphertext="").exists()


def revoke_credentials(account: Account, *, actor: Any) -> None:
    """Wipe the stored secret (the row stays, with when and by whom). Idempotent."""
    with transaction.atomic():
        cred = Credential.objects.select_for_update().filter(account_id=account.pk).first()
        if cred is None or not cred.is_usable:
            return
        kind = cred.kind
        cred.ciphertext = ""
        cred.fingerprint = ""
        cred.revoked_at = timezone.now()
        cred.save(update_fields=["ciphertext", "fingerprint", "revoked_at"])
        record(actor, "account.credentials.revoke", account, before={"kind": kind}, after={"revoked": True})


def rotate_keys(*, actor: Any = None) -> int:
    """Re-encrypt every stored credential with the newest key; returns how many were re-encrypted.

    Run it after prepending a new key to TOWNHALL_VAULT_KEYS; afterwards the old keys can be
    removed. A credential no configured key can decrypt is left alone and reported in the log.
    """
    fernet = _fernet()
    fkey = _hkdf(_keys()[0], b"townhall vault fingerprint key")
    count, failed = 0, 0
    ids = list(Credential.objects.exclude(ciphertext="").values_list("pk", flat=True))
    for pk in ids:
        with transaction.atomic():
            cred = Credential.objects.select_for_update().filter(pk=pk).exclude(ciphertext="").first()
            if cred is None:
                continue
            try:
                plain = fernet.decrypt(cred.ciphertext.encode())
            except InvalidToken:
                failed += 1
                log.error("vault: credential %s cannot be decrypted with any configured key", pk)
                continue
            cred.ciphertext = fernet.encrypt(plain).decode()
            secret = json.loads(plain)["secret"]
            cred.fingerprint = hmac.new(fkey, secret.encode(), hashlib.sha256).hexdigest()
            del plain, secret
            cred.encrypted_at = timezone.now()
            cred.save(update_fields=["ciphertext", "fingerprint", "encrypted_at"])
            count += 1
    record(actor, "vault.rotate_keys", after={"reencrypted": count, "undecryptable": failed})
    return count
