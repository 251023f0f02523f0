"""The audit trail in words: each entry as a sentence and a field-by-field change table.

Entries store machine facts (an action code such as ``incident.updated``, before/after snapshots
keyed by column names such as ``assigned_to_id``); people reading the trail need "Ada updated
incident “Incident #3”" and a table of "Assigned to: nobody → Gil Governance". This module turns
one into the other at display time, so the signed entries themselves never change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models

# Verbs for an action's last part (``post.approve`` -> "approved"). Codes already in the past
# tense (``account.locked``) and unknown ones are read as written, underscores as spaces.
VERBS = {
    "create": "created", "update": "updated", "edit": "edited", "submit": "submitted", "approve": "approved",
    "hold": "held", "release": "released", "retry": "asked to retry", "reschedule": "rescheduled",
    "comment": "commented on", "assign": "assigned", "status": "changed the status of",
    "acknowledge": "acknowledged", "publish": "published", "rollback": "rolled back", "draft": "drafted",
    "discard_draft": "discarded the draft of", "delete": "deleted", "add": "added", "remove": "removed",
    "export": "exported", "import": "imported", "erase": "erased", "revoke": "revoked",
    "owners": "changed the owners of",
    "resubmit": "resubmitted", "withdraw": "withdrew", "retention": "changed the retention of",
    "rotate_keys": "rotated the keys of", "held": "held publishing of", "anchored": "anchored",
    "publish_direct": "published directly", "reset": "reset", "replaced": "replaced",
    "sessions_ended": "ended every session of", "settings_changed": "changed the settings of",
    "password_changed": "changed the password of", "changed": "changed", "post_added": "added a post to",
    "expiry_changed": "changed the expiry of", "rule_saved": "saved a sign-in rule:",
    "rule_deleted": "deleted a sign-in rule:", "user_updated": "updated from single sign-on:",
    "deleted_from_network": "deleted from the network", "rebuild": "rebuilt",
    "setup": "set up", "review_scope_changed": "changed the review scope of",
}
# Nouns for an action's first parts (``account.request.submit`` -> "account request").
NOUNS = {
    "api_token": "API token", "mfa": "second factor", "sso": "", "listening.source": "listening source",
    "listening.search": "saved search", "listening.never_store": "never-store entry", "listening": "listening data",
    "listening.rollups": "listening figures", "post.publish": "post", "publishing": "", "vault": "credential vault",
    "demo": "demo data", "audit": "audit trail", "account.credentials": "account credentials",
}
# Whole sentences for actions that read badly word by word.
WHOLE = {
    "publishing.paused": "paused all publishing",
    "publishing.resumed": "resumed publishing",
    "demo.loaded": "loaded the demo data",
    "audit.anchored": "anchored the audit trail",
    "collection": "ran the retention clean-up",
    "mfa.enrolment_code_issued": "issued a two-factor enrolment code for",
    "mfa.enrolled": "set up two-factor sign-in for",
}
EMPTY = "—"
# Actors that are not people: entries written by Townhall itself (a signal, the worker) or by the
# demo loader carry a lower-case label, which reads as a user name in a sentence.
NOT_PEOPLE = {"system": "Townhall", "demo": "The demo set-up"}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Entry:
    entry: Any
    sentence: str
    changes: list[Change] = field(default_factory=list)
    created: bool = False


def people_names(entries: list[Any]) -> dict[int, str]:
    """Full names of the people behind a page of entries, in one query."""
    from django.contrib.auth import get_user_model

    ids = {e.actor_id for e in entries if e.actor_id}
    return {u.pk: u.label for u in get_user_model().objects.filter(pk__in=ids)} if ids else {}


def describe_action(action: str) -> str:
    """"incident.updated" -> "updated incident"; never shows the code itself."""
    if action in WHOLE:
        return WHOLE[action]
    head, _, last = action.rpartition(".")
    verb = VERBS.get(last, last.replace("_", " "))
    noun = NOUNS.get(head, head.replace(".", " ").replace("_", " "))
    return f"{verb} {noun}".strip() if noun else verb


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type) if "." in object_type else None
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, key: str) -> models.Field | None:
    """The model field a snapshot key names; a snapshot may name a many-to-many field in the
    singular (a post's ``account`` is its ``accounts``)."""
    if model is None:
        return None
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    for name in (key, f"{key}s"):
        for f in fields:
            if name in (f.name, f.attname):
                return f
    return None


def _related_name(f: models.Field, value: Any) -> str:
    """A related object's name as people know it (a person's full name), or that it is gone."""
    related = f.related_model._default_manager.filter(pk=value).first()
    if related is None:
        return f"removed ({value})"
    name = getattr(related, "label", None) if hasattr(related, "get_username") else None
    return str(name or related)


def field_label(model: type[models.Model] | None, key: str) -> str:
    f = _field(model, key)
    label = str(f.verbose_name) if f is not None else key.removesuffix("_id").replace("_", " ")
    return label[:1].upper() + label[1:]


def show_value(model: type[models.Model] | None, key: str, value: Any) -> str:
    """A stored value as a person reads it: choices by label, people and objects by name, Yes/No."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY if key != "assigned_to_id" else "nobody"
    f = _field(model, key)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if f is not None and f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if f is not None and f.is_relation and f.related_model is not None and not isinstance(value, dict):
        if isinstance(value, list):
            return ", ".join(_related_name(f, v) for v in value) or EMPTY
        return _related_name(f, value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or EMPTY
    if isinstance(value, dict):
        return "; ".join(f"{str(k).replace('_', ' ')}: {v}" for k, v in value.items())
    text = str(value)
    if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-":  # a date or time from a snapshot
        from django.utils import dateparse, formats, timezone

        try:
            if len(text) >= 19 and text[10:11] in ("T", " "):
                parsed = dateparse.parse_datetime(text)
                if parsed is not None:
                    if timezone.is_aware(parsed):
                        parsed = timezone.localtime(parsed)
                    return formats.date_format(parsed, "j M Y H:i")
            elif len(text) == 10 and (day := dateparse.parse_date(text)) is not None:
                return formats.date_format(day, "j M Y")
        except ValueError:  # shaped like a date but not one: shown as written
            pass
    return text


def _as_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    if value in (None, "", []):
        return {}
    return {"value": value}


def present(entry: Any, names: dict[int, str] | None = None) -> Entry:
    """One audit entry ready for the page: a sentence and the fields that changed.

    ``names`` maps actor ids to people's names; the entry itself keeps the user name it was
    signed with, which is shown when the person no longer exists."""
    model = _model(entry.object_type)
    what = f" “{entry.object_repr}”" if entry.object_repr else ""
    who = (names or {}).get(entry.actor_id) or entry.actor_label
    if not entry.actor_id and who in NOT_PEOPLE:
        who = NOT_PEOPLE[who]
    sentence = f"{who} {describe_action(entry.action)}{what}."
    before, after = _as_dict(entry.before), _as_dict(entry.after)
    created = not before and bool(after)
    changes = []
    for key in list(dict.fromkeys([*before, *after])):
        old, new = before.get(key), after.get(key)
        if before and after and old == new:
            continue
        changes.append(Change(field_label(model, key), show_value(model, key, old) if before else "",
                              show_value(model, key, new) if after else ""))
    return Entry(entry=entry, sentence=sentence, changes=changes, created=created)
