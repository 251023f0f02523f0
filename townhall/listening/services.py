"""Writes for listening: saved searches, never-to-store handles, retention, subject access.

Every governance action is audited with `record()`: creating, editing and deleting
searches, exporting or erasing a person's mentions, retention deletions.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from townhall.audit.services import record, snapshot
from townhall.core import outbound
from townhall.core.permissions import can, require
from townhall.listening import rollups
from townhall.listening.models import Mention, MentionMatch, NeverStore, SavedSearch, Source
from townhall.listening.pipeline import LIVE_NETWORKS, global_retention_days, handle_key, official_account_keys
from townhall.listening.query import QuerySyntaxError, parse, terms
from townhall.registry.models import Account

log = logging.getLogger("townhall.listening")

MAX_RETENTION_DAYS = 3650
PALETTE = ["#1f5fa8", "#b3541e", "#2e7d32", "#7b1fa2", "#c62828", "#00695c", "#5d4037", "#37474f"]


def validate_query(query: str) -> None:
    """Parse, and check that from:/to: name official accounts; errors carry the position."""
    tree = parse(query)
    handles = {t.value for t in terms(tree) if t.kind in ("from", "to")}
    if not handles:
        return
    known = {h.lower().lstrip("@") for h in Account.objects.values_list("handle", flat=True)}
    for term in terms(tree):
        if term.kind in ("from", "to") and term.value not in known:
            raise QuerySyntaxError(
                f"{term.kind}:{term.value} is not an official account in the registry "
                "(use @handle to search for anyone's handle)",
                term.position,
                query,
            )


def _clean(name: str, query: str, retention_days: int | None) -> tuple[str, str, int | None]:
    name = (name or "").strip()
    query = (query or "").strip()
    if not name:
        raise ValueError("Give the search a name.")
    if len(name) > 120:
        raise ValueError("The name is longer than 120 characters.")
    validate_query(query)
    if retention_days in ("", None):
        retention_days = None
    else:
        try:
            retention_days = int(retention_days)
        except (TypeError, ValueError):
            raise ValueError("Retention must be a whole number of days.") from None
        if not 1 <= retention_days <= MAX_RETENTION_DAYS:
            raise ValueError(f"Retention must be between 1 and {MAX_RETENTION_DAYS} days.")
    return name, query, retention_days


@transaction.atomic
def create_search(
    actor: Any,
    name: str,
    query: str,
    *,
    owners: list[Any] | None = None,
    retention_days: int | None = None,
    description: str = "",
    system: bool = False,
) -> SavedSearch:
    if actor is not None:
        require(actor, "listening.manage")
    name, query, retention_days = _clean(name, query, retention_days)
    search = SavedSearch.objects.create(
        name=name,
        query=query,
        description=description[:300],
        retention_days=retention_days,
        created_by=actor,
        system=system,
        color=PALETTE[SavedSearch.objects.count() % len(PALETTE)],
    )
    search.owners.set(owners if owners is not None else ([actor] if actor else []))
    record(actor, "listening.search.create", search, after={**snapshot(search), "owners": _owner_ids(search)})
    return search


@transaction.atomic
def update_search(
    actor: Any,
    search: SavedSearch,
    *,
    name: str | None = None,
    query: str | None = None,
    retention_days: Any = "keep",
    active: bool | None = None,
    owners: list[Any] | None = None,
) -> SavedSearch:
    require(actor, "listening.manage")
    if search.system:
        raise ValueError("This search is kept by Townhall (it feeds the inbox) and cannot be edited.")
    before = {**snapshot(search), "owners": _owner_ids(search)}
    new_retention = search.retention_days if retention_days == "keep" else retention_days
    search.name, search.query, search.retention_days = _clean(
        search.name if name is None else name, search.query if query is None else query, new_retention
    )
    if active is not None:
        search.active = active
    search.save()
    if owners is not None:
        search.owners.set(owners)
    if before["retention_days"] != search.retention_days:
        recompute_expiry(search)
    after = {**snapshot(search), "owners": _owner_ids(search)}
    record(actor, "listening.search.edit", search, before=before, after=after)
    return search


@transaction.atomic
def delete_search(actor: Any, search: SavedSearch) -> int:
    """Delete a search and the mentions that only it matched; returns how many were deleted."""
    require(actor, "listening.manage")
    if search.system:
        raise ValueError("This search is kept by Townhall (it feeds the inbox) and cannot be deleted.")
    before = snapshot(search)
    others = MentionMatch.objects.exclude(search=search).values("mention_id")
    only_mine = Mention.objects.filter(matches__search=search).exclude(pk__in=others).values_list("pk", flat=True)
    ids = list(only_mine)
    rollups.delete_mentions(ids)
    # The mentions other searches also matched stay. Those only system searches (the inbox's) match
    # now leave the "any search" counts, and every one gets the expiry its remaining searches
    # give it, not this search's (reliability review of 2026-12-06: a deleted 10-year search kept
    # its mentions for 10 years, and the dashboards counted them for good).
    shared = list(MentionMatch.objects.filter(search=search).values_list("mention_id", flat=True))
    user_matched = MentionMatch.objects.exclude(search=search).filter(search__system=False).values("mention_id")
    rollups.subtract_from_all(list(
        Mention.objects.filter(pk__in=shared).exclude(pk__in=user_matched).values_list("pk", flat=True)
    ))
    record(actor, "listening.search.delete", search, before=before, after={"mentions_deleted": len(ids)})
    rollups.forget_search(search.pk)
    search.delete()
    _recompute_expiry(shared)
    return len(ids)


def _owner_ids(search: SavedSearch) -> list[int]:
    return sorted(search.owners.values_list("pk", flat=True))


def recompute_expiry(search: SavedSearch) -> None:
    """A retention change applies to mentions already stored, not only to new ones."""
    _recompute_expiry(list(MentionMatch.objects.filter(search=search).values_list("mention_id", flat=True)))


def _recompute_expiry(mention_ids: list[int], chunk: int = 5000) -> None:
    """Each mention expires its longest-keeping search's retention after it was posted.

    Set-based: one UPDATE per distinct retention among the searches, per chunk of mentions (a
    mention gets the longest of its searches: matched by one at that retention, by none longer).
    Why: one UPDATE per mention took 10 s for 40,000 mentions inside the request and would time
    out at half a million (reliability review of 2026-12-06)."""
    default = global_retention_days()
    days_of = {pk: days or default for pk, days in SavedSearch.objects.values_list("pk", "retention_days")}
    levels = sorted(set(days_of.values()), reverse=True)
    for i in range(0, len(mention_ids), chunk):
        part = mention_ids[i : i + chunk]
        for days in levels:
            at = [pk for pk, d in days_of.items() if d == days]
            longer = [pk for pk, d in days_of.items() if d > days]
            mentions = Mention.objects.filter(pk__in=part).filter(
                pk__in=MentionMatch.objects.filter(search_id__in=at, mention_id__in=part).values("mention_id")
            )
            if longer:
                mentions = mentions.exclude(
                    pk__in=MentionMatch.objects.filter(search_id__in=longer, mention_id__in=part).values("mention_id")
                )
            mentions.update(expires_at=F("created_at") + timedelta(days=days))


# --- never-to-store -----------------------------------------------------------------------


@transaction.atomic
def add_never_store(actor: Any, handle: str, network: str = "", *, for_user: Any | None = None) -> NeverStore:
    """A staff member lists a personal handle; admins may list one on someone's behalf.

    Stored mentions by that handle are deleted at once: the promise is that Townhall keeps
    nothing from personal accounts, not only that it stops collecting.
    """
    owner = for_user or actor
    if owner.pk != actor.pk and not can(actor, "users.manage"):
        raise PermissionDenied("Only an administrator can add a handle for someone else.")
    key = handle_key(handle or "")
    if not key or len(key) > 300 or any(c.isspace() for c in key):
        raise ValueError("Give the handle without spaces, e.g. jane.bsky.social or jane@mastodon.social.")
    if _is_official(key):
        # Listing an official account would delete every stored post of it at once and stop its
        # `from:` searches, under an audit entry that (rightly) does not name the handle (review 16).
        raise ValueError(f"{key} is an official account in the registry: only personal handles go on this list.")
    if NeverStore.objects.filter(user=owner, handle=key, network=network or "").exists():
        raise ValueError(f"{key} is already on your never-to-store list.")
    entry = NeverStore.objects.create(handle=key, network=network or "", user=owner)
    doomed = _mentions_of(key)
    if network:
        # Imported and feed posts can be anyone's: an entry for one network covers them too.
        doomed = doomed.filter(Q(network=network) | ~Q(network__in=LIVE_NETWORKS))
    deleted = rollups.delete_mentions(list(doomed.values_list("pk", flat=True)))
    # The handle itself is personal data: the audit keeps who added an entry, not which handle.
    record(actor, "listening.never_store.add", entry, object_repr=f"never-to-store entry {entry.pk}",
           after={"user": owner.pk, "network": entry.network, "mentions_deleted": deleted})
    return entry


def _is_official(key: str) -> bool:
    """Whether `key` (a handle as `handle_key` gives it) is an account in the registry."""
    return any(handle_key(h or "") == key for h in Account.objects.values_list("handle", flat=True))


@transaction.atomic
def remove_never_store(actor: Any, entry: NeverStore) -> None:
    if entry.user_id != actor.pk and not can(actor, "users.manage"):
        raise PermissionDenied("You can only remove your own handles.")
    record(actor, "listening.never_store.remove", entry, object_repr=f"never-to-store entry {entry.pk}",
           before={"user": entry.user_id, "network": entry.network})
    entry.delete()


# --- retention ------------------------------------------------------------------------------


def enforce_retention(now: datetime | None = None, batch: int = 5000) -> int:
    """Delete every mention past its expiry, in batches; returns how many went."""
    now = now or timezone.now()
    total = 0
    while True:
        ids = list(Mention.objects.filter(expires_at__lt=now).values_list("pk", flat=True)[:batch])
        if not ids:
            break
        rollups.delete_mentions(ids)  # subtracts them from the dashboard counts in the same transaction
        total += len(ids)
    if total:
        record(None, "listening.retention", object_type="listening.mention",
               object_repr=f"{total} expired mentions deleted", after={"deleted": total, "before": now.isoformat()})
    return total


# --- subject access --------------------------------------------------------------------------


def _mentions_of(key: str) -> Any:
    """Every stored mention of one person, given a handle or a network id (a Bluesky DID).

    Matched by handle and by the network ids stored with that handle: a post collected before the
    author's handle was known (a firehose lookup that failed or was off) carries the DID as its
    handle, and a person who changed handle has posts under the old one (reliability review of
    2026-12-06: erasure and subject-access exports missed those)."""
    ids = set(
        Mention.objects.filter(author_handle__iexact=key).exclude(author_id="")
        .values_list("author_id", flat=True).distinct()[:100]
    )
    people = Q(author_handle__iexact=key) | Q(author_id__iexact=key)
    if ids:
        people |= Q(author_id__in=ids) | Q(author_handle__in=ids)
    return Mention.objects.filter(people)


def _may_handle_personal_data(user: Any) -> bool:
    return can(user, "listening.manage") or can(user, "audit.view")


def export_handle(actor: Any, handle: str) -> dict[str, Any]:
    """Everything stored about one handle (a subject-access request), as JSON-ready data."""
    if not _may_handle_personal_data(actor):
        raise PermissionDenied("Only the digital team or governance can export a person's data.")
    key = handle_key(handle or "")
    if not key:
        raise ValueError("Give the handle to export.")
    mentions = (
        _mentions_of(key)
        .prefetch_related("searches")
        .order_by("created_at")
    )
    items = [
        {
            "network": m.network,
            "id": m.remote_id,
            "url": m.url,
            "author_handle": m.author_handle,
            "author_name": m.author_name,
            "text": m.text,
            "language": m.lang,
            "posted_at": m.created_at.isoformat(),
            "collected_at": m.collected_at.isoformat(),
            "deleted_after": m.expires_at.isoformat(),
            "sentiment": m.sentiment,
            "abuse_score": m.abuse,
            "is_question": m.is_question,
            "matched_searches": [s.name for s in m.searches.all()],
            "inbox_status": getattr(getattr(m, "conversation", None), "status", None),
        }
        for m in mentions
    ]
    record(actor, "listening.export", object_type="listening.handle", object_id=key[:100],
           object_repr=f"subject-access export ({len(items)} mentions)", after={"count": len(items)})
    return {
        "handle": key,
        "generated_at": timezone.now().isoformat(),
        "retention_days_default": global_retention_days(),
        "mentions": items,
    }


@transaction.atomic
def erase_handle(actor: Any, handle: str) -> int:
    """Delete everything stored about one handle (erasure request); returns the count."""
    if not _may_handle_personal_data(actor):
        raise PermissionDenied("Only the digital team or governance can erase a person's data.")
    key = handle_key(handle or "")
    if not key:
        raise ValueError("Give the handle to erase.")
    ids = list(_mentions_of(key).values_list("pk", flat=True))
    count = rollups.delete_mentions(ids)
    record(actor, "listening.erase", object_type="listening.handle", object_id=key[:100],
           object_repr=f"erasure ({count} mentions)", after={"deleted": count})
    return count


# --- sources -----------------------------------------------------------------------------------

SOURCE_KEYS = {
    "bluesky": {"url"},
    "mastodon": {"instance", "timeline", "hashtag"},
    "feed": {"url"},
    "import": set(),
}


@transaction.atomic
def create_source(actor: Any, kind: str, name: str, config: dict[str, Any], poll_minutes: int = 5) -> Source:
    if actor is not None:
        require(actor, "listening.manage")
    if kind not in Source.Kind.values:
        raise ValueError(f"Unknown source kind {kind!r}; choose one of {', '.join(Source.Kind.values)}.")
    name = (name or "").strip()
    if not name:
        raise ValueError("Give the source a name.")
    if Source.objects.filter(name=name).exists():
        raise ValueError(f"There is already a source called {name!r}.")
    config = {k: str(v).strip() for k, v in (config or {}).items() if k in SOURCE_KEYS[kind] and str(v).strip()}
    if kind == "feed" and not config.get("url", "").startswith(("http://", "https://")):
        raise ValueError("A feed needs its http(s) URL.")
    if kind == "feed":
        outbound.check(config["url"], allow_query=True)
    if kind == "mastodon":
        if not config.get("instance", "").startswith(("http://", "https://")):
            raise ValueError("A Mastodon source needs the instance URL, e.g. https://mastodon.ac.uk.")
        outbound.check(config["instance"])
        if config.get("timeline", "tag") == "tag" and not config.get("hashtag"):
            raise ValueError("A hashtag timeline needs the hashtag (without #).")
    if not 1 <= int(poll_minutes) <= 24 * 60:
        raise ValueError("Poll every 1 to 1440 minutes.")
    source = Source.objects.create(kind=kind, name=name, config=config, poll_minutes=int(poll_minutes))
    record(actor, "listening.source.create", source, after=snapshot(source))
    return source


INBOX_SEARCH = "Conversations with our accounts"


def ensure_inbox_search() -> SavedSearch | None:
    """Keep the system search "addressed to any official account" present and active.

    The inbox is fed by the same rule as everything else (only posts matching a saved
    search are stored): this search is what makes replies to our accounts match. It is a
    rule (`SavedSearch.Rule.OFFICIAL_ACCOUNTS`), not a query string: the pipeline builds it
    from the registry when it loads (the listener reloads when an account changes), so it
    covers every account whatever their number.
    """
    keys, _ = official_account_keys()
    search = SavedSearch.objects.filter(system=True, name=INBOX_SEARCH).first()
    if not keys:
        if search and search.active:
            search.active = False
            search.save(update_fields=["active", "updated_at"])
        return search
    query = f"to: any of the {len(keys)} official accounts in the registry"
    if search is None:
        search = SavedSearch.objects.create(
            name=INBOX_SEARCH, query=query, system=True, rule=SavedSearch.Rule.OFFICIAL_ACCOUNTS,
            description="Replies to and mentions of official accounts (feeds the inbox).",
        )
        record(None, "listening.search.create", search, after=snapshot(search))
        return search
    if search.query != query or not search.active or search.rule != SavedSearch.Rule.OFFICIAL_ACCOUNTS:
        before = snapshot(search)
        search.query, search.active, search.rule = query, True, SavedSearch.Rule.OFFICIAL_ACCOUNTS
        search.save(update_fields=["query", "active", "rule", "updated_at"])
        record(None, "listening.search.edit", search, before=before, after=snapshot(search))
    return search


def latest_mention_time() -> datetime | None:
    return Mention.objects.aggregate(m=Max("created_at"))["m"]


def change_source(actor: Any, source: Source, action: str, *, name: str = "", poll_minutes: int | str = "",
                  config: dict[str, Any] | None = None) -> Source | None:
    """Pause, resume, edit or delete a source from the Sources page (audited).

    Pausing keeps the cursor, so resuming carries on where the source stopped; deleting keeps the
    mentions already stored (they expire with the retention period)."""
    require(actor, "listening.manage")
    before = snapshot(source)
    if action in ("pause", "resume"):
        source.active = action == "resume"
        if source.active:
            source.last_error = ""
        source.save(update_fields=["active", "last_error"])
        record(actor, f"listening.source.{'resumed' if source.active else 'paused'}", source, before=before,
               after=snapshot(source))
        return source
    if action == "delete":
        record(actor, "listening.source.delete", source, before=before)
        source.delete()
        return None
    if action != "edit":
        raise ValueError("Unknown change.")
    name = (name or "").strip()
    if not name:
        raise ValueError("Give the source a name.")
    if Source.objects.filter(name=name).exclude(pk=source.pk).exists():
        raise ValueError(f"There is already a source called {name!r}.")
    try:
        minutes = int(poll_minutes)
    except (TypeError, ValueError):
        raise ValueError("Poll every 1 to 1440 minutes.") from None
    if not 1 <= minutes <= 24 * 60:
        raise ValueError("Poll every 1 to 1440 minutes.")
    merged = {**source.config, **{k: str(v).strip() for k, v in (config or {}).items()
                                  if k in SOURCE_KEYS[source.kind] and str(v).strip()}}
    if source.kind == "feed" and not merged.get("url", "").startswith(("http://", "https://")):
        raise ValueError("A feed needs its http(s) URL.")
    if source.kind == "feed":
        outbound.check(merged["url"], allow_query=True)
    if source.kind == "mastodon" and merged.get("instance"):
        outbound.check(merged["instance"])
    source.name, source.poll_minutes, source.config = name, minutes, merged
    source.save(update_fields=["name", "poll_minutes", "config"])
    record(actor, "listening.source.edit", source, before=before, after=snapshot(source))
    return source
