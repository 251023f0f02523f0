"""Listening API: saved searches, query validation, mentions, alerts, never-to-store, export."""

from __future__ import annotations

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from townhall.core.apiutil import MAX_OFFSET, BodyIn, ErrorOut, Id
from townhall.core.permissions import can, require
from townhall.listening import selectors, services
from townhall.listening.models import Alert, NeverStore, SavedSearch
from townhall.listening.query import QuerySyntaxError, to_text

router = Router(tags=["listening"])


class QueryErrorOut(Schema):
    """A query the parser refused: the reason, and where in the query (0-based) when known."""

    detail: str
    position: int | None = None


RetentionDays = Field(None, ge=1, le=services.MAX_RETENTION_DAYS, description="Days to keep mentions; null: forever.")


class SearchIn(BodyIn):
    name: str = Field(..., max_length=120)
    query: str = Field(..., max_length=2000)
    retention_days: int | None = RetentionDays
    description: str = Field("", max_length=300)


class SearchPatch(BodyIn):
    """Only the fields sent are changed; `null` is refused (422) except for retention (keep forever)."""

    name: str = Field(None, max_length=120)
    query: str = Field(None, max_length=2000)
    retention_days: int | None = RetentionDays
    active: bool = None


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


@router.post("/searches", response={201: SearchOut, 400: QueryErrorOut | ErrorOut})
def create_search(request, payload: SearchIn):
    try:
        s = services.create_search(request.auth, payload.name, payload.query,
                                   retention_days=payload.retention_days, description=payload.description)
    except QuerySyntaxError as exc:
        return _syntax(exc)
    return Status(201, _search_out(s))


@router.patch("/searches/{search_id}", response={200: SearchOut, 400: QueryErrorOut | ErrorOut})
def edit_search(request, search_id: Id, payload: SearchPatch):
    require(request.auth, "listening.view")  # 403 before the lookup, so ids cannot be probed
    s = get_object_or_404(SavedSearch, pk=search_id)
    data = payload.dict(exclude_unset=True)
    try:
        services.update_search(request.auth, s, name=data.get("name"), query=data.get("query"),
                               retention_days=data.get("retention_days", "keep"), active=data.get("active"))
    except QuerySyntaxError as exc:
        return _syntax(exc)
    return Status(200, _search_out(s))


@router.delete("/searches/{search_id}", response={204: None})
def delete_search(request, search_id: Id):
    require(request.auth, "listening.view")
    services.delete_search(request.auth, get_object_or_404(SavedSearch, pk=search_id))
    return Status(204, None)


class ParseIn(BodyIn):
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
    cursor: str


@router.get("/mentions", response={200: list[MentionOut], 400: ErrorOut})
def list_mentions(request, search: str = "", since: str = "", until: str = "", sentiment: str = "",
                  q: str = Query("", max_length=2000), question: str = "",
                  limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                  before: str = Query("", max_length=40)):
    """Newest first. For deep reading pass `before` = the last item's `cursor` (keyset: every
    page costs the same) rather than a growing `offset`."""
    require(request.auth, "listening.view")
    try:
        qs = selectors.mentions({"search": search, "since": since, "until": until, "sentiment": sentiment,
                                 "q": q, "question": question})
        if before:
            qs = selectors.older_than(qs, before)
    except ValueError as exc:
        return Status(400, {"detail": str(exc)})
    out = []
    for m in qs[offset : offset + limit]:
        out.append({**{f: getattr(m, f) for f in MentionOut.model_fields if f not in ("searches", "cursor")},
                    "searches": [s.pk for s in m.searches.all()], "cursor": selectors.mention_cursor(m)})
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
def list_alerts(request, limit: int = Query(50, ge=1, le=500)):
    require(request.auth, "listening.view")
    return [{**{f: getattr(a, f) for f in AlertOut.model_fields if f != "url"}, "url": a.get_absolute_url()}
            for a in Alert.objects.all()[:limit]]


class NeverIn(BodyIn):
    handle: str = Field(..., max_length=300)
    network: str = Field("", max_length=20)


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
def remove_never_store(request, entry_id: Id):
    # Your own entries (anyone's for user managers); others answer 404, like one that does not exist.
    entries = NeverStore.objects.all() if can(request.auth, "users.manage") else NeverStore.objects.filter(
        user=request.auth)
    services.remove_never_store(request.auth, get_object_or_404(entries, pk=entry_id))
    return Status(204, None)


@router.get("/export")
def export(request, handle: str = Query(..., max_length=300)):
    """Subject-access export: everything stored about one handle."""
    return services.export_handle(request.auth, handle)


class MentionImportIn(BodyIn):
    format: str = Field(..., pattern="^(csv|json)$")
    # 20 million characters; the request body limit (DATA_UPLOAD_MAX_MEMORY_SIZE, 25 MB) leaves room
    # for the JSON around it. docs/api.md states both.
    data: str = Field(..., max_length=20_000_000)
    network: str = Field("import", max_length=20)


@router.post("/import", response={200: dict, 400: ErrorOut})
def import_export(request, payload: MentionImportIn):
    from townhall.listening.runner import import_posts
    from townhall.listening.sources.base import SourceError

    try:
        return Status(200, import_posts(request.auth, payload.data.encode(), payload.format, network=payload.network))
    except SourceError as exc:
        return Status(400, {"detail": str(exc)})
