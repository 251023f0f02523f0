"""Core endpoints: who am I, organisation units, policy checks, the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Query, Router, Schema

from townhall.audit.models import AuditEntry
from townhall.audit.services import verify
from townhall.core.apiutil import BodyIn, Id
from townhall.core.models import OrgUnit
from townhall.core.permissions import RULES, can, require
from townhall.web import policy_bridge

router = Router(tags=["core"])


class MeOut(Schema):
    id: int
    username: str
    name: str
    role: str
    org_unit: str | None
    permissions: list[str]


@router.get("/me", response=MeOut)
def me(request):
    user = request.auth
    return {
        "id": user.pk,
        "username": user.username,
        "name": user.label,
        "role": user.effective_role,
        "org_unit": str(user.org_unit) if user.org_unit else None,
        "permissions": sorted(a for a in RULES if can(user, a)),
    }


class OrgUnitOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    parent_id: int | None


@router.get("/org-units", response=list[OrgUnitOut])
def org_units(request):
    return list(OrgUnit.objects.all())


class CheckImageIn(BodyIn):
    alt: str = Field("", max_length=2000)


class CheckIn(BodyIn):
    text: str = Field(..., max_length=20_000)  # a post's own limit; checking time grows with length
    network: Literal["x", "bluesky", "mastodon", "linkedin", "threads", "facebook", "instagram"] = "bluesky"
    account: Literal["official", "personal", "research"] = "official"
    scholarly: bool = False  # a research or teaching post (academic freedom)
    images: list[CheckImageIn] = Field([], max_length=10)


class FindingOut(Schema):
    code: str
    family: str
    severity: str
    message: str
    clause: str
    span: list[int]
    fix: str


class CheckOut(Schema):
    blocks: bool
    findings: list[FindingOut]
    policy_version: int | None  # the institution's published version checked against (None: built-in)


@router.post("/policy/check", response=CheckOut, tags=["policy"])
def policy_check(request, payload: CheckIn):
    require(request.auth, "policy.view")
    pack, version = policy_bridge.current()
    findings = policy_bridge.check(
        payload.text, network=payload.network, account=payload.account, alts=[i.alt for i in payload.images],
        pack=pack, scholarly=payload.scholarly,
    )
    return {"blocks": policy_bridge.blocks(findings), "findings": findings, "policy_version": version}


class RuleOut(Schema):
    code: str
    name: str
    family: str
    severity: str
    clause: str
    rationale: str
    fix: str


@router.get("/policy/rules", response=list[RuleOut], tags=["policy"])
def policy_rules(request):
    return policy_bridge.rules()


class AuditOut(Schema):
    seq: int
    at: datetime
    actor_label: str
    action: str
    object_type: str
    object_id: str
    object_repr: str
    before: dict | list | None
    after: dict | list | None
    hash: str


@router.get("/audit", response=list[AuditOut], tags=["audit"])
def audit_entries(
    request,
    action: str = Query("", max_length=100),
    limit: int = Query(100, ge=1, le=1000),
    before_seq: Id | None = None,
):
    require(request.auth, "audit.view")
    qs = AuditEntry.objects.all()
    if action:
        qs = qs.filter(action=action)
    if before_seq:
        qs = qs.filter(seq__lt=before_seq)
    return list(qs[:limit])


class VerifyOut(Schema):
    ok: bool
    checked: int
    broken_seq: int | None
    reason: str


@router.get("/audit/verify", response=VerifyOut, tags=["audit"])
def audit_verify(request):
    require(request.auth, "audit.view")
    result = verify()
    return {"ok": result.ok, "checked": result.checked, "broken_seq": result.broken_seq, "reason": result.reason}
