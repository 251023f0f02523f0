"""Listening API: saved searches, query validation, mentions, alerts, never-to-store, export."""

from __future__ import annotations

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.responses import Status

from townhall.core.permissions import require
from townhall.listening import selectors, services
from townhall.listening.models import Alert, NeverStore, SavedSearch
from townhall.listening.query import QuerySyntaxError, to_text

router = Router(tags=["listening"])


class ErrorOut(Schema):
    detail: str
    position: int | None = None


class SearchIn(Schema):
    name: str = Field(..., max_length=120)
    query: str = Field(..., max_length=2000)
    retention_days: int | None = None
    description: str = ""


class SearchPatch(Schema):
    name: str | None = None
    query: str | None = None
    retention_days: int | None = None
    active: bool | None = None


class SearchOut(Schema):
    id: int
    name: str
    query: str
    description: str
    retention_days: int | None
    active: bool
    system: bool
    owners: list[int]


def _search_out(s: SavedSearch) -> dict:
    return {
        "id": s.pk, "name": s.name, "query": s.query, "description": s.description,
        "retention_days": s.retention_days, "active": s.active, "system": s.system,
        "owners": sorted(u.pk for u in s.owners.all()),  # uses the prefetch (no query per search)
    }


def _syntax(exc: QuerySyntaxError) -> Status:
    return Status(400, {"detail": str(exc), "position": exc.position})


@router.get("/searches", response=list[SearchOut])
def list_searches(request):
    require(request.auth, "listening.view")
    return [_search_out(s) for s in SavedSearch.objects.prefetch_related("owners")]


@router.post("/searches", response={201: SearchOut, 400: ErrorOut})
def create_search(request, payload: SearchIn):
    try:
        s = services.create_search(request.auth, payload.name, payload.query,
                                   retention_days=payload.retention_days, description=payload.description)
    except QuerySyntaxError as exc:
        return _syntax(exc)
    return Status(201, _search_out(s))


@router.patch("/searches/{search_id}", response={200: SearchOut, 400: ErrorOut})
def edit_search(request, search_id: int, payload: SearchPatch):
    s = get_object_or_404(SavedSearch, pk=search_id)
    data = payload.dict(exclude_unset=True)
    try:
        services.update_search(request.auth, s, name=data.get("name"), query=data.get("query"),
                               retention_days=data.get("retention_days", "keep"), active=data.get("active"))
    except QuerySyntaxError as exc:
        return _syntax(exc)
    return Status(200, _search_out(s))


@router.delete("/searches/{search_id}", response={204: None})
def delete_search(request, search_id: int):
    services.delete_search(request.auth, get_object_or_404(SavedSearch, pk=search_id))
    return Status(204, None)


class ParseIn(Schema):
    query: str = Field(..., max_length=5000)


class ParseOut(Schema):
    ok: bool
    canonical: str = ""
    detail: str = ""
    position: int | None = None


@router.post("/parse", response=ParseOut)
def parse_query(request, payload: ParseIn):
    """Check a query without saving it (the form uses this to point at errors as you type)."""
    from townhall.listening.query import parse

    try:
        services.validate_query(payload.query)
        return {"ok": True, "canonical": to_text(parse(payload.query))}
    except QuerySyntaxError as exc:
        return {"ok": False, "detail": str(exc), "position": exc.position}


class MentionOut(Schema):
    id: int
    network: str
    remote_id: str
    url: str
    author_handle: str
    author_followers: int
    text: str
    lang: str
    created_at: datetime
    sentiment: str
    sentiment_score: float
    abuse: float
    is_question: bool
    needs_reply: bool
    repeats: int
    searches: list[int]


@router.get("/mentions", response={200: list[MentionOut], 400: ErrorOut})
def list_mentions(request, search: str = "", since: str = "", until: str = "", sentiment: str = "",
                  q: str = "", question: str = "", limit: int = 100, offset: int = 0):
    require(request.auth, "listening.view")
    try:
        qs = selectors.mentions({"search": search, "since": since, "until": until, "sentiment": sentiment,
                                 "q": q, "question": question})
    except ValueError as exc:
        return Status(400, {"detail": str(exc)})
    limit = max(1, min(limit, 1000))
    out = []
    for m in qs[max(0, offset) : max(0, offset) + limit]:
        out.append({**{f: getattr(m, f) for f in MentionOut.model_fields if f not in ("searches",)},
                    "searches": [s.pk for s in m.searches.all()]})
    return Status(200, out)


class AlertOut(Schema):
    id: int
    search_id: int
    kind: str
    window_start: datetime
    window_end: datetime
    observed: float
    baseline: float
    message: str
    url: str


@router.get("/alerts", response=list[AlertOut])
def list_alerts(request, limit: int = 50):
    require(request.auth, "listening.view")
    return [{**{f: getattr(a, f) for f in AlertOut.model_fields if f != "url"}, "url": a.get_absolute_url()}
            for a in Alert.objects.all()[: max(1, min(limit, 500))]]


class NeverIn(Schema):
    handle: str = Field(..., max_length=300)
    network: str = ""


class NeverOut(Schema):
    id: int
    handle: str
    network: str


@router.get("/never-store", response=list[NeverOut])
def my_never_store(request):
    return [{"id": e.pk, "handle": e.handle, "network": e.network}
            for e in NeverStore.objects.filter(user=request.auth)]


@router.post("/never-store", response={201: NeverOut})
def add_never_store(request, payload: NeverIn):
    e = services.add_never_store(request.auth, payload.handle, payload.network)
    return Status(201, {"id": e.pk, "handle": e.handle, "network": e.network})


@router.delete("/never-store/{entry_id}", response={204: None})
def remove_never_store(request, entry_id: int):
    services.remove_never_store(request.auth, get_object_or_404(NeverStore, pk=entry_id))
    return Status(204, None)


@router.get("/export")
def export(request, handle: str):
    """Subject-access export: everything stored about one handle."""
    return services.export_handle(request.auth, handle)


class ImportIn(Schema):
    format: str = Field(..., pattern="^(csv|json)$")
    data: str = Field(..., max_length=20_000_000)
    network: str = "import"


@router.post("/import", response={200: dict, 400: ErrorOut})
def import_export(request, payload: ImportIn):
    from townhall.listening.runner import import_posts
    from townhall.listening.sources.base import SourceError

    try:
        return Status(200, import_posts(request.auth, payload.data.encode(), payload.format, network=payload.network))
    except SourceError as exc:
        return Status(400, {"detail": str(exc)})
