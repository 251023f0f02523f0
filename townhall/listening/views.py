"""Listening pages: dashboard, mentions, saved searches, sources, never-to-store, export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from townhall.core.permissions import can, require
from townhall.listening import charts, selectors, services
from townhall.listening.models import Alert, NeverStore, Notification, SavedSearch, Source
from townhall.listening.query import QuerySyntaxError
from townhall.listening.sources.base import SourceError

PERIODS = (7, 30, 90)
LANGUAGES = {"en": "English", "cy": "Welsh", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
             "pt": "Portuguese", "nl": "Dutch", "ga": "Irish", "gd": "Scottish Gaelic", "pl": "Polish",
             "zh": "Chinese", "ja": "Japanese", "ar": "Arabic", "hi": "Hindi", "tr": "Turkish", "ru": "Russian"}


def language_name(code: str) -> str:
    return LANGUAGES.get(code.lower()[:2], code)
MAX_UPLOAD = 20 * 1024 * 1024


def _days(request: HttpRequest) -> int:
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    return days if days in PERIODS else 30


@login_required
def index(request: HttpRequest) -> HttpResponse:
    require(request.user, "listening.view")
    days = _days(request)
    searches = list(SavedSearch.objects.filter(active=True, system=False))
    one = [s for s in searches if str(s.pk) == request.GET.get("search")]
    chosen = one or searches
    scope = one or None  # None: all searches, each mention counted once (the rollups' search 0)
    labels, series = selectors.volume_by_day(chosen, days)
    split = selectors.sentiment_split(scope, days)
    authors = selectors.top_authors(scope, days)
    notes = Notification.objects.filter(user=request.user, read_at__isnull=True).select_related("alert__search")[:10]
    context = {
        "days": days,
        "periods": PERIODS,
        "searches": searches,
        "chosen": chosen[0] if len(chosen) == 1 and len(searches) > 1 else None,
        "volume": charts.line_chart(labels, series, title=f"Mentions per day, last {days} days"),
        "sentiment": charts.stacked_bar(
            [(k.title(), v, charts.SENTIMENT_COLORS[k]) for k, v in split.items()], title="Sentiment split"
        ),
        "terms": charts.bar_chart(selectors.top_terms(scope, days), title="Top matched terms"),
        "hashtags": charts.bar_chart(selectors.top_hashtags(scope, days), title="Top hashtags", color="#7b1fa2"),
        "languages": charts.bar_chart(
            [(language_name(code), n) for code, n in selectors.top_languages(scope, days)], title="Languages",
            color="#5d4037",
        ),
        "authors": charts.bar_chart(
            [(a["author_handle"], a["reach"]) for a in authors], title="Top authors by reach (followers)",
            color="#00695c",
        ),
        "voice": charts.stacked_bar(
            # all searches: the volume lines already hold each search's total (no second read)
            [(name, sum(values), color) for name, color, values in series] if not one
            else selectors.share_of_voice(searches, days),
            title="Share of voice between searches",
        ),
        "notifications": notes,
        "alerts": Alert.objects.select_related("search")[:10],
    }
    return render(request, "listening/index.html", context)


@login_required
@require_POST
def read_notification(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_object_or_404(Notification, pk=pk, user=request.user)
    note.read_at = timezone.now()
    note.save(update_fields=["read_at"])
    return redirect(note.alert.get_absolute_url())


@login_required
def mention_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "listening.view")
    params = {k: request.GET.get(k, "") for k in ("search", "since", "until", "sentiment", "q", "question")}
    window = {}  # an alert's time span, shown in the reader's time
    try:
        qs = selectors.mentions(params)
        window = {k: selectors.parse_when(params[k]) for k in ("since", "until") if params[k]}
    except ValueError:
        messages.error(request, "The time span in the address must be a date and time, and it could not be "
                                "read: every time is shown.")
        params["since"] = params["until"] = ""
        qs = selectors.mentions(params)
    page = selectors.keyset_page(qs, before=request.GET.get("before", ""), after=request.GET.get("after", ""))
    query = request.GET.copy()
    for key in ("page", "before", "after"):
        query.pop(key, None)
    return render(request, "listening/mentions.html", {
        "page": page, "params": params, "window": window, "searches": SavedSearch.objects.only("pk", "name"),
        "query": query.urlencode(),
    })


@login_required
def search_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "listening.view")
    form = {"name": "", "query": "", "retention_days": "", "description": ""}
    error = None
    if request.method == "POST":
        require(request.user, "listening.manage")
        form = {k: request.POST.get(k, "") for k in form}
        try:
            search = services.create_search(
                request.user, form["name"], form["query"], retention_days=form["retention_days"] or None,
                description=form["description"],
            )
        except QuerySyntaxError as exc:
            error = exc
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Saved search “{search.name}” created; it starts matching within seconds.")
            return redirect("listening:searches")
    return render(request, "listening/searches.html", {
        "searches": SavedSearch.objects.prefetch_related("owners").all(), "form": form, "error": error,
        "may_manage": can(request.user, "listening.manage"),
    })


@login_required
@require_POST
def check_query(request: HttpRequest) -> HttpResponse:
    """htmx: validate the query as it is typed; answers a fragment for the live region."""
    require(request.user, "listening.view")
    query = request.POST.get("query", "")
    error = None
    canonical = ""
    if query.strip():
        try:
            services.validate_query(query)
            from townhall.listening.query import parse, to_text

            canonical = to_text(parse(query))
        except QuerySyntaxError as exc:
            error = exc
    return render(request, "listening/_query_check.html", {"error": error, "canonical": canonical})


@login_required
def search_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "listening.manage")
    search = get_object_or_404(SavedSearch, pk=pk)
    error = None
    if request.method == "POST":
        if request.POST.get("delete"):
            deleted = services.delete_search(request.user, search)
            messages.success(request, f"Search deleted with the {deleted} mentions only it had found.")
            return redirect("listening:searches")
        try:
            services.update_search(
                request.user, search, name=request.POST.get("name", ""), query=request.POST.get("query", ""),
                retention_days=request.POST.get("retention_days") or None, active=bool(request.POST.get("active")),
            )
        except QuerySyntaxError as exc:
            error = exc
            search.query = request.POST.get("query", "")
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Saved search updated.")
            return redirect("listening:searches")
    return render(request, "listening/search_edit.html", {"search": search, "error": error})


@login_required
def source_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "listening.view")
    if request.method == "POST":
        require(request.user, "listening.manage")
        if "file" in request.FILES:
            return _import(request)
        kind = request.POST.get("kind", "")
        config = {k: request.POST.get(k, "") for k in ("url", "instance", "timeline", "hashtag")}
        # what was typed comes back with the error, so nothing has to be typed twice
        typed = {**config, "name": request.POST.get("name", ""), "kind": kind,
                 "poll_minutes": request.POST.get("poll_minutes", "")}
        poll = typed["poll_minutes"].strip() or "5"
        if not poll.isdigit():
            messages.error(request, "Poll every (minutes) must be a whole number of minutes, such as 5.")
        else:
            try:
                services.create_source(request.user, kind, typed["name"], config, int(poll))
            except ValueError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, "Source added; it is polled by the worker.")
                return redirect("listening:sources")
    else:
        typed = {"poll_minutes": "5"}
    return render(request, "listening/sources.html", {
        "sources": Source.objects.all(), "may_manage": can(request.user, "listening.manage"), "typed": typed,
    })


@login_required
@require_POST
def source_change(request: HttpRequest, pk: int) -> HttpResponse:
    """Pause, resume, edit or delete one source (the digital team)."""
    source = get_object_or_404(Source, pk=pk)
    action = request.POST.get("action", "")
    config = {k: request.POST.get(k, "") for k in ("url", "instance", "timeline", "hashtag")}
    try:
        services.change_source(request.user, source, action, name=request.POST.get("name", ""),
                               poll_minutes=request.POST.get("poll_minutes", ""), config=config)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        done = {"pause": "paused", "resume": "resumed", "delete": "deleted", "edit": "saved"}.get(action, "changed")
        messages.success(request, f"Source “{source.name}” {done}.")
    return redirect("listening:sources")


def _import(request: HttpRequest) -> HttpResponse:
    upload = request.FILES["file"]
    fmt = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if fmt not in ("csv", "json"):
        messages.error(request, "Upload a .csv or .json file.")
        return redirect("listening:sources")
    if upload.size > MAX_UPLOAD:
        messages.error(request, f"The file is larger than {MAX_UPLOAD // 1_000_000} MB.")
        return redirect("listening:sources")
    from townhall.listening.runner import import_posts

    try:
        summary = import_posts(request.user, upload.read(), fmt, network=request.POST.get("network") or "import")
    except SourceError as exc:
        messages.error(request, str(exc))
        return redirect("listening:sources")
    messages.success(request, f"Imported {summary['rows']} rows: {summary['matched']} matched a search, "
                              f"{summary['stored']} stored, {summary['duplicates']} duplicates.")
    for err in summary["errors"][:10]:
        messages.error(request, f"Skipped {err}.")
    return redirect("listening:sources")


@login_required
def never_store(request: HttpRequest) -> HttpResponse:
    """Any signed-in person manages their own personal handles."""
    typed = {"handle": "", "network": ""}
    if request.method == "POST":
        if request.POST.get("remove"):
            if not request.POST["remove"].isdigit():
                raise Http404("No such entry.")
            entry = get_object_or_404(NeverStore, pk=request.POST["remove"])
            try:
                services.remove_never_store(request.user, entry)
            except PermissionDenied as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, "Removed.")
        else:
            typed = {"handle": request.POST.get("handle", ""), "network": request.POST.get("network", "")}
            try:
                services.add_never_store(request.user, typed["handle"], typed["network"])
            except ValueError as exc:
                messages.error(request, str(exc))
                return _never_store_page(request, typed)  # the handle as typed, to correct rather than retype
            else:
                messages.success(request, "Added: posts from this handle are never stored, and any we had are deleted.")
        return redirect("listening:never_store")
    return _never_store_page(request, typed)


def _never_store_page(request: HttpRequest, typed: dict[str, str]) -> HttpResponse:
    return render(request, "listening/never_store.html", {
        "typed": typed,
        "entries": NeverStore.objects.filter(user=request.user),
        "perms_listening": can(request.user, "listening.view"),
        "networks": [("", "Every network"), ("bluesky", "Bluesky"), ("mastodon", "Mastodon"), ("web", "Web feeds")],
    })


@login_required
def export(request: HttpRequest) -> HttpResponse:
    """Subject-access export for one handle, as a JSON download."""
    if not (can(request.user, "listening.manage") or can(request.user, "audit.view")):
        raise PermissionDenied("Only the digital team or governance can export a person's data.")
    # Sent by POST from the page, so the person's handle stays out of addresses, browser history and
    # access logs (review 16); a GET with ?handle= still works for links and scripts made before.
    handle = (request.POST.get("handle") if request.method == "POST" else request.GET.get("handle", "")) or ""
    handle = handle.strip()
    if not handle:
        return render(request, "listening/export.html", {})
    data = services.export_handle(request.user, handle)
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    safe = "".join(c if c.isalnum() or c in ".-_" else "_" for c in data["handle"])[:80]
    response["Content-Disposition"] = f'attachment; filename="subject-access-{safe}.json"'
    return response


@login_required
@require_POST
def erase(request: HttpRequest) -> HttpResponse:
    try:
        count = services.erase_handle(request.user, request.POST.get("handle", ""))
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Deleted {count} stored mentions by that handle.")
    return redirect("listening:export")
