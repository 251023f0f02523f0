"""Reads: the current policy (compiled once per version, cached in-process), versions, acks.

The composer checks as the author types, so the current pack must cost one indexed query
(which version is current) and a dict lookup; the pack is parsed and compiled once per
version per process. Published versions never change, so the cache never goes stale: a new
version has a new id.
"""

from __future__ import annotations

import threading
from typing import Any

from townhall.policies.models import Acknowledgement, Institution, PolicyVersion
from townhall.policy.pack import Pack, PackError, default_pack, pack_from_text

# Keyed by (id, sha256): ids alone can come back after a test database is rolled back.
_PACKS: dict[tuple[int, str], Pack] = {}
_LOCK = threading.Lock()


def institution() -> Institution | None:
    return Institution.objects.order_by("pk").first()


def published() -> Any:
    return PolicyVersion.objects.filter(status=PolicyVersion.Status.PUBLISHED).order_by("-number")


def current_version() -> PolicyVersion | None:
    return published().first()


def current_ref() -> tuple[int, int, str] | None:
    """(id, number, sha256) of the current version: one indexed query, no text loaded."""
    row = published().values_list("pk", "number", "sha256").first()
    return (row[0], row[1], row[2]) if row else None


def draft() -> PolicyVersion | None:
    return PolicyVersion.objects.filter(status=PolicyVersion.Status.DRAFT).first()


def version(number: int) -> PolicyVersion | None:
    return published().filter(number=number).first()


def pack_of(v: PolicyVersion) -> Pack:
    """The compiled pack of a version (cached per published version; drafts are parsed each time)."""
    if v.status != PolicyVersion.Status.PUBLISHED:
        return pack_from_text(v.yaml_text, "draft")
    key = (v.pk, v.sha256)
    pack = _PACKS.get(key)
    if pack is None:
        with _LOCK:
            pack = _PACKS.get(key)
            if pack is None:
                pack = pack_from_text(v.yaml_text, f"version {v.number}")
                pack.compiled()
                _PACKS[key] = pack
    return pack


def current_pack() -> tuple[Pack, int | None]:
    """(pack, version number) for every check in the app; the shipped pack when none is published."""
    ref = current_ref()
    if ref is None:
        return default_pack(), None
    pack = _PACKS.get((ref[0], ref[2]))
    if pack is None:
        v = PolicyVersion.objects.get(pk=ref[0])
        pack = pack_of(v)
    return pack, ref[1]


def pack_for_spec(spec: str | None) -> Pack | None:
    """For `townhall check --policy current|N`: the stored pack, or None when there is none."""
    if spec is None or spec == "current":
        v = current_version()
    else:
        try:
            v = version(int(spec))
        except ValueError:
            return None
    return pack_of(v) if v is not None else None


def previous(v: PolicyVersion) -> PolicyVersion | None:
    if v.number is None:
        return current_version()
    return published().filter(number__lt=v.number).first()


def changes(v: PolicyVersion) -> list[str]:
    """What this version (or the draft) changes from the one before, in words."""
    from townhall.policy.packdiff import describe_changes

    before = previous(v)
    try:
        new = pack_of(v)
    except PackError:
        return ["The draft does not validate yet."]
    return describe_changes(pack_of(before) if before else None, new)


def pending_ack(user: Any) -> PolicyVersion | None:
    """The newest version this person must acknowledge and has not (None when up to date)."""
    if not getattr(user, "is_authenticated", False):
        return None
    v = published().filter(ack_mode=PolicyVersion.Ack.REQUIRED).first()
    if v is None or v.published_at is None:
        return None
    if Acknowledgement.objects.filter(version=v, user=user).exists():
        return None
    return v


def notice(user: Any) -> PolicyVersion | None:
    """The version to tell this person about: one they must acknowledge first, else the newest
    version published "for information" since the first (they dismiss it once)."""
    required = pending_ack(user)
    if required is not None or not getattr(user, "is_authenticated", False):
        return required
    v = published().first()
    if v is None or v.number <= 1 or v.ack_mode != PolicyVersion.Ack.INFO:
        return None
    if Acknowledgement.objects.filter(version=v, user=user).exists():
        return None
    return v


def ack_report(v: PolicyVersion) -> list[dict[str, Any]]:
    """Per unit: who acknowledged this version and when, and who has not."""
    from townhall.core.models import User

    acks = {a.user_id: a.at for a in Acknowledgement.objects.filter(version=v)}
    units: dict[str, dict[str, Any]] = {}
    for u in User.objects.filter(is_active=True).select_related("org_unit").order_by("last_name", "username"):
        unit = u.org_unit.name if u.org_unit else "No unit"
        row = units.setdefault(unit, {"unit": unit, "people": [], "done": 0})
        at = acks.get(u.pk)
        row["people"].append({"user": u, "at": at})
        row["done"] += at is not None
    return [units[k] for k in sorted(units)]
