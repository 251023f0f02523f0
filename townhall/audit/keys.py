"""The keys of the audit trail's HMAC chain.

`settings.TOWNHALL_AUDIT_KEYS` holds comma-separated secrets (32+ characters), newest first.
New entries are signed with the first; each entry records the id of the key that signed it
(a fingerprint, never the key), and verification looks the key up by that id, so adding a key
in front rotates without touching history. When the variable is unset (development and the
demo) one key is derived from SECRET_KEY, as the vault does; production refuses to run so.
"""

from __future__ import annotations

import hashlib
import secrets
from functools import lru_cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MIN_LENGTH = 32


def key_id(key: bytes) -> str:
    """A short public fingerprint of a key, stored on each entry it signs."""
    return hashlib.sha256(b"townhall audit key id\0" + key).hexdigest()[:12]


@lru_cache(maxsize=8)
def _parse(configured: str, secret_key: str) -> tuple[tuple[tuple[str, bytes], ...], bool]:
    raw = [k.strip() for k in configured.split(",") if k.strip()]
    if not raw:
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"townhall-audit-v1",
                       info=b"townhall audit chain key").derive(secret_key.encode())
        return ((key_id(derived), derived),), True
    out = []
    for position, text in enumerate(raw, 1):
        if len(text) < MIN_LENGTH:
            raise ImproperlyConfigured(
                f"TOWNHALL_AUDIT_KEYS entry {position} is shorter than {MIN_LENGTH} characters "
                "(generate one with `townhall audit newkey`)."
            )
        out.append((key_id(text.encode()), text.encode()))
    return tuple(out), False


def keys() -> tuple[tuple[str, bytes], ...]:
    """(key id, key) pairs, newest first."""
    parsed, derived = _parse(getattr(settings, "TOWNHALL_AUDIT_KEYS", "") or "", settings.SECRET_KEY)
    if derived and getattr(settings, "PRODUCTION", False):
        raise ImproperlyConfigured("TOWNHALL_AUDIT_KEYS must be set in production to sign the audit trail.")
    return parsed


def current() -> tuple[str, bytes]:
    return keys()[0]


def keys_are_derived() -> bool:
    return _parse(getattr(settings, "TOWNHALL_AUDIT_KEYS", "") or "", settings.SECRET_KEY)[1]


def new_key() -> str:
    """A fresh random key to put in front of TOWNHALL_AUDIT_KEYS."""
    return secrets.token_urlsafe(48)
