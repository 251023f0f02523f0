"""Registry endpoints under /api/accounts: the inventory, requests, transitions, CSV, connecting.

Staff see the public fields of every account; owners, the digital team and governance
see everything but the credential, which no endpoint ever returns.
"""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any, Literal

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from pydantic import AfterValidator, WithJsonSchema

from townhall.core.apiutil import MAX_OFFSET, SHORT_TEXT, BodyIn, ErrorOut, Id
from townhall.core.models import OrgUnit, User
from townhall.core.permissions import require
from townhall.registry import csvio, selectors, services
from townhall.registry.models import Account, AccountRequest, Audience, Network, Purpose
from townhall.registry.recommend import recommend

router = Router(tags=["registry"])


class AccountPublicOut(Schema):
    id: int
    network: str
    handle: str
    display_name: str
    profile_url: str
    org_unit: str
    purpose: str
    status: str


class AccountOut(AccountPublicOut):
    service_url: str | None = None
    audiences: list[str] | None = None
    owners: list[str] | None = None
    content_plan: str | None = None
    cadence_per_week: int | None = None
    min_gap_minutes: int | None = None
    max_per_day: int | None = None
    quiet_start: str | None = None
    quiet_end: str | None = None
    review_date: str | None = None
    last_posted_at: str | None = None
    mfa_enabled: bool | None = None
    recovery_email: str | None = None
    people_with_access: int | None = None
    credentials_rotated_on: str | None = None
    credentials_in_vault: bool | None = None
    security_score: int | None = None


def _row(user: Any, account: Account, people_emails: set[str] | None = None) -> dict[str, Any]:
    private = selectors.can_see_private(user, account)
    return selectors.account_row(account, private=private, people_emails=people_emails)


@router.get("/", response=list[AccountOut])
def list_accounts(
    request,
    q: str = "",
    network: str = "",
    status: str = "",
    unit: str = "",
    purpose: str = "",
    mine: bool = False,
    limit: int = Query(200, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    """The registry; private fields only on the accounts you own (all of them for oversight roles)."""
    user = request.auth
    require(user, "account.view")
    qs = selectors.search(
        selectors.accounts_for(user),
        q=q,
        network=network,
        status=status,
        unit=unit,
        purpose=purpose,
        owner=user if mine else None,
        viewer=user,
    )
    people = {e.lower() for e in selectors._people_emails()}
    return [_row(user, a, people) for a in qs[offset : offset + limit]]


@router.get("/export.csv", response={200: None})
def export_accounts(request, status: str = "", network: str = ""):
    """CSV of the inventory (full columns for the digital team and governance)."""
    user = request.auth
    require(user, "account.view")
    qs = selectors.search(selectors.accounts_for(user), status=status, network=network, viewer=user)
    response = HttpResponse(csvio.export_csv(user, qs), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="townhall-accounts.csv"'
    return response


class AccountImportIn(BodyIn):
    csv: str = Field(..., max_length=csvio.MAX_BYTES)
    dry_run: bool = False


class AccountImportOut(Schema):
    ok: bool
    created: int
    updated: int
    unchanged: int
    errors: list[str]
    dry_run: bool


@router.post("/import", response={200: AccountImportOut, 400: AccountImportOut | ErrorOut})
def import_accounts(request, payload: AccountImportIn):
    result = csvio.import_csv(request.auth, payload.csv, dry_run=payload.dry_run)
    body = {
        "ok": result.ok,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "errors": result.errors,
        "dry_run": result.dry_run,
    }
    return Status(200 if result.ok else 400, body)


@router.get("/{int:account_id}", response=AccountOut)
def account_detail(request, account_id: int):
    user = request.auth
    require(user, "account.view")
    return _row(user, get_object_or_404(selectors.accounts_for(user), pk=account_id))


class CheckItemOut(Schema):
    code: str
    label: str
    ok: bool
    weight: int
    advice: str


class SecurityOut(Schema):
    score: int
    items: list[CheckItemOut]


@router.get("/{int:account_id}/security", response=SecurityOut)
def account_security(request, account_id: int):
    account = get_object_or_404(selectors.accounts_for(request.auth), pk=account_id)
    require(request.auth, "account.view_private", account)
    items = selectors.security_checklist(account)
    return {"score": selectors.security_score(account), "items": [i.__dict__ for i in items]}


def _local_time(value: time) -> time:
    """Quiet hours are wall-clock times in the account's own zone: an offset ("03:46+20:18") has no
    meaning there, and a time carrying one cannot be compared with the naive times stored (it
    reached the database on PostgreSQL and failed later with a server error)."""
    if value.tzinfo is not None:
        raise ValueError("Give quiet hours as a local time such as 22:00, without a time zone offset.")
    return value


# The schema says what is accepted: a bare "time" format admits offsets (RFC 3339 full-time), so
# clients and the fuzz test would be told an offset is valid and then be refused.
LOCAL_TIME_SCHEMA = {
    "type": "string",
    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
    "description": "A local wall-clock time such as 22:00, without a time zone offset.",
    "examples": ["22:00"],
}
LocalTime = Annotated[time, AfterValidator(_local_time), WithJsonSchema(LOCAL_TIME_SCHEMA)]


class AccountPatch(BodyIn):
    """Only the fields sent are changed. `null` is refused (422) except where the field may be empty
    (review date, people with access, credentials rotated on)."""

    display_name: str = Field(None, max_length=200)
    purpose: Literal[tuple(Purpose.values)] = None  # type: ignore[valid-type]
    audiences: list[Literal[tuple(Audience.values)]] = Field(None, max_length=20)  # type: ignore[valid-type]
    content_plan: str = Field(None, max_length=20_000)
    cadence_per_week: int = Field(None, ge=0, le=100)
    min_gap_minutes: int = Field(None, ge=0, le=10080)
    max_per_day: int = Field(None, ge=0, le=100)
    quiet_start: LocalTime = None
    quiet_end: LocalTime = None
    review_date: date | None = None
    mfa_enabled: bool = None
    recovery_email: str = Field(None, max_length=254)
    people_with_access: int | None = Field(None, ge=0, le=1000)
    credentials_rotated_on: date | None = None
    owners: list[str] = Field(None, max_length=100)


@router.patch("/{int:account_id}", response=AccountOut)
def update_account(request, account_id: int, payload: AccountPatch):
    user = request.auth
    account = get_object_or_404(Account, pk=account_id)
    changes = payload.dict(exclude_unset=True)
    owners = changes.pop("owners", None)
    if changes:
        account = services.update_account(user, account, changes)
    if owners is not None:
        found = {u.username: u for u in User.objects.filter(username__in=owners)}
        missing = [n for n in owners if n not in found]
        if missing:
            raise ValueError(f"No user called {', '.join(missing)}.")
        services.set_owners(user, account, [found[n] for n in owners])
    return _row(user, Account.objects.get(pk=account.pk))


class TransitionIn(BodyIn):
    to: Literal["active", "dormant", "archived"]
    reason: str = Field("", max_length=SHORT_TEXT)
    handover: dict[str, bool] = Field({}, max_length=50)
    successor_id: Id | None = None


@router.post("/{int:account_id}/transition", response=AccountOut)
def transition_account(request, account_id: int, payload: TransitionIn):
    account = get_object_or_404(Account, pk=account_id)
    successor = get_object_or_404(Account, pk=payload.successor_id) if payload.successor_id else None
    account = services.transition(
        request.auth, account, payload.to, reason=payload.reason, handover=payload.handover, successor=successor
    )
    return _row(request.auth, account)


class ConnectIn(BodyIn):
    network: str = Field(..., max_length=20)
    handle: str = Field(..., max_length=300)
    # Validation errors (422) never echo the value back, so a bound is safe; the vault checks the rest.
    secret: str = Field(..., max_length=4096, description="App password or token; never returned.")
    service_url: str = Field("", max_length=300)
    org_unit: str = Field("", max_length=80, description="Slug of the owning unit (new accounts).")


class ConnectOut(Schema):
    account: AccountOut
    warnings: list[str]


@router.post("/connect", response=ConnectOut)
def connect(request, payload: ConnectIn):
    unit = None
    if payload.org_unit:
        unit = OrgUnit.objects.filter(slug=payload.org_unit).first()
        if unit is None:
            raise ValueError(f"There is no School or department with the slug {payload.org_unit!r}.")
    account = services.connect_account(
        network=payload.network,
        handle=payload.handle,
        secret=payload.secret,
        service_url=payload.service_url,
        actor=request.auth,
        org_unit=unit,
    )
    return {"account": _row(request.auth, account), "warnings": getattr(account, "connect_warnings", [])}


@router.post("/{int:account_id}/credentials/revoke", response=AccountOut)
def revoke(request, account_id: int):
    from townhall.registry.vault import revoke_credentials

    account = get_object_or_404(Account, pk=account_id)
    require(request.auth, "account.credentials", account)
    revoke_credentials(account, actor=request.auth)
    return _row(request.auth, account)


# --- Requests ------------------------------------------------------------------------


class RequestIn(BodyIn):
    org_unit: str = Field(..., max_length=80, description="Slug of the School or department.")
    network: Literal[tuple(Network.values)]  # type: ignore[valid-type]
    handle: str = Field("", max_length=200)
    display_name: str = Field("", max_length=200)
    purpose: Literal[tuple(Purpose.values)]  # type: ignore[valid-type]
    audiences: list[Literal[tuple(Audience.values)]]  # type: ignore[valid-type]
    audience_presence: str = Field(..., max_length=5000)
    why_not_existing: str = Field(..., max_length=5000)
    content_plan: str = Field(..., max_length=20_000)
    cadence_per_week: int = Field(3, ge=0, le=100)
    runners: str = Field(..., max_length=2000)
    hours_per_week: float = Field(..., gt=0, le=80)
    used_personally: bool = False
    personal_experience: str = Field("", max_length=5000)
    co_owners: list[str] = Field([], max_length=50)


class RequestOut(Schema):
    id: int
    status: str
    requested_by: str
    org_unit: str
    network: str
    handle: str
    display_name: str
    purpose: str
    audiences: list[str]
    audience_presence: str
    why_not_existing: str
    content_plan: str
    cadence_per_week: int
    runners: str
    hours_per_week: float
    used_personally: bool
    personal_experience: str
    reviewed_by: str | None
    decision_reason: str
    account_id: int | None


def _request_out(req: AccountRequest) -> dict[str, Any]:
    return {
        **{f: getattr(req, f) for f in services.REQUEST_FIELDS if f != "org_unit"},
        "id": req.pk,
        "status": req.status,
        "requested_by": req.requested_by.username,
        "org_unit": req.org_unit.slug,
        "hours_per_week": float(req.hours_per_week),
        "reviewed_by": req.reviewed_by.username if req.reviewed_by else None,
        "decision_reason": req.decision_reason,
        "account_id": req.account_id,
    }


def _request_data(payload: Schema) -> tuple[dict[str, Any], list[User]]:
    data = payload.dict(exclude_unset=True)
    co = data.pop("co_owners", [])
    if "org_unit" in data:
        unit = OrgUnit.objects.filter(slug=data["org_unit"]).first()
        if unit is None:
            raise ValueError(f"There is no School or department with the slug {data['org_unit']!r}.")
        data["org_unit"] = unit
    found = {u.username: u for u in User.objects.filter(username__in=co, is_active=True)}
    missing = [n for n in co if n not in found]
    if missing:
        raise ValueError(f"No active user called {', '.join(missing)}.")
    return data, [found[n] for n in co]


@router.get("/requests", response=list[RequestOut])
def list_requests(request, status: str = ""):
    qs = selectors.requests_for(request.auth)
    if status:
        qs = qs.filter(status=status)
    return [_request_out(r) for r in qs[:500]]


@router.post("/requests", response={201: RequestOut})
def create_request(request, payload: RequestIn):
    data, co = _request_data(payload)
    req = services.submit_request(request.auth, data, co_owners=co)
    return Status(201, _request_out(req))


@router.get("/requests/{int:request_id}", response=RequestOut)
def request_detail(request, request_id: int):
    return _request_out(get_object_or_404(selectors.requests_for(request.auth), pk=request_id))


class ReviewIn(BodyIn):
    decision: Literal["approve", "changes", "decline"]
    reason: str = Field("", max_length=5000)


@router.post("/requests/{int:request_id}/review", response=RequestOut)
def review(request, request_id: int, payload: ReviewIn):
    req = get_object_or_404(selectors.requests_for(request.auth), pk=request_id)
    return _request_out(services.review_request(request.auth, req, payload.decision, payload.reason))


class ResubmitIn(BodyIn):
    """Only the fields sent are changed; `null` is refused (422)."""

    handle: str = Field(None, max_length=200)
    audience_presence: str = Field(None, max_length=5000)
    why_not_existing: str = Field(None, max_length=5000)
    content_plan: str = Field(None, max_length=20_000)
    cadence_per_week: int = Field(None, ge=0, le=100)
    runners: str = Field(None, max_length=2000)
    hours_per_week: float = Field(None, gt=0, le=80)
    personal_experience: str = Field(None, max_length=5000)


@router.post("/requests/{int:request_id}/resubmit", response=RequestOut)
def resubmit(request, request_id: int, payload: ResubmitIn):
    req = get_object_or_404(selectors.requests_for(request.auth), pk=request_id)
    return _request_out(services.resubmit_request(request.auth, req, payload.dict(exclude_unset=True)))


@router.post("/requests/{int:request_id}/withdraw", response=RequestOut)
def withdraw(request, request_id: int):
    req = get_object_or_404(selectors.requests_for(request.auth), pk=request_id)
    return _request_out(services.withdraw_request(request.auth, req))


class RecommendationOut(Schema):
    network: str
    label: str
    score: int
    level: str
    reasons: list[str]
    existing: list[str]


class RecommendOut(Schema):
    recommendations: list[RecommendationOut]
    cautions: list[str]


@router.get("/recommend", response=RecommendOut)
def recommend_networks(request, audiences: str = Query("", max_length=SHORT_TEXT)):
    """Networks for a comma-separated list of audiences, with reasons (from the admin-edited table)."""
    require(request.auth, "account.request")
    ranked, cautions = recommend([a.strip() for a in audiences.split(",") if a.strip()])
    return {
        "recommendations": [{**r.__dict__, "level": r.level} for r in ranked],
        "cautions": cautions,
    }
