"""What changed between two packs, in words a communications officer would use.

"CON001 on official accounts: block → warn" is what people need to read when a new version is
published; the raw YAML diff is shown beside it for those who want it. Effective severities
are compared (rule setting, then the family cap per account type), so a family change shows
up as the rules it actually changes.
"""

from __future__ import annotations

import difflib
from typing import Any

from townhall.policy.pack import Pack
from townhall.policy.types import ACCOUNTS

_LABELS = {
    "institution.name": "Institution name",
    "institution.aliases": "Other names",
    "institution.domains": "E-mail domains",
    "institution.official_handles": "Official handles",
    "institution.public_contacts": "Published contact details",
    "institution.discouraged_names": "Names the brand guide discourages",
    "region": "Phone-number region",
    "topics.extra": "Extra divisive topics",
    "thresholds.abuse": "Abuse classifier threshold",
    "thresholds.stance": "Stance classifier threshold",
    "thresholds.stance_without_topic": "Stance threshold without a topic word",
    "thresholds.token_entropy": "Secret-looking token threshold",
    "thresholds.max_hashtags": "Most hashtags",
    "thresholds.max_mentions": "Most mentions",
    "thresholds.max_links": "Most links",
    "thresholds.emoji_wall": "Emoji in a row before it is a wall",
    "academic_freedom.accounts": "Academic freedom: account types",
    "academic_freedom.relaxed_rules": "Academic freedom: rules that only inform",
    "academic_freedom.severity": "Academic freedom: relaxed rules become",
    "academic_freedom.still_apply": "Academic freedom: still applies to",
    "academic_freedom.parties": "Academic freedom: extra parties and candidates",
}
_ACCOUNT_WORDS = {"official": "official accounts", "personal": "personal accounts", "research": "research accounts"}


def _flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(_flatten(v, f"{prefix}.{k}" if prefix else str(k)))
    else:
        out[prefix] = data
    return out


def _show(value: Any) -> str:
    if value is None:
        return "not set"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "none"
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def _effective(pack: Pack, network: str) -> dict[tuple[str, str], str]:
    from townhall.policy.engine import plan_for
    from townhall.policy.registry import rules_registry

    out: dict[tuple[str, str], str] = {}
    for account in ACCOUNTS:
        active = {r.code: sev for r, sev in plan_for(pack, account, network)}
        for code, r in rules_registry().items():
            applies_as = "official" if account == "research" else account
            if applies_as in r.accounts:
                out[(code, account)] = active.get(code, "off")
    return out


def describe_changes(old: Pack | None, new: Pack) -> list[str]:
    """One sentence per change from ``old`` to ``new`` (everything is new when ``old`` is None)."""
    if old is None:
        return [f"First version of the policy for {new.name}."]
    lines: list[str] = []
    a, b = _effective(old, ""), _effective(new, "")
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            code, account = key
            lines.append(f"{code} on {_ACCOUNT_WORDS[account]}: {a.get(key, 'off')} → {b.get(key, 'off')}")
    fa, fb = _flatten(old.data), _flatten(new.data)
    for path in sorted(set(fa) | set(fb)):
        if fa.get(path) == fb.get(path) or path == "version":
            continue
        first = path.split(".")[0]
        if first in ("families", "rules"):
            continue  # shown above as the rules they change
        if first == "networks":
            parts = path.split(".")
            label = f"On {parts[1].capitalize()}: " + " ".join(parts[2:]).replace("_", " ")
        else:
            label = _LABELS.get(path, path.replace("_", " "))
        lines.append(f"{label}: {_show(fa.get(path))} → {_show(fb.get(path))}")
    return lines or ["No change to the rules (only comments or layout)."]


def yaml_diff(old_text: str, new_text: str, old_label: str = "before", new_label: str = "after") -> str:
    """A unified diff of the two YAML texts."""
    return "".join(
        difflib.unified_diff(
            old_text.splitlines(keepends=True), new_text.splitlines(keepends=True), old_label, new_label
        )
    )
