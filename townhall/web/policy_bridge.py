"""The one place where Django code calls the Django-free policy engine.

Views, the API, publishing and listening go through here, so the engine's types stay
out of templates and JSON, and the engine is loaded once per process.
"""

from __future__ import annotations

from typing import Any

NETWORKS = ["bluesky", "mastodon", "x", "linkedin", "threads", "facebook", "instagram"]
# The most a check page or API call takes at once: the composer's own limit for a post
# (`Post.text`). Checking time grows with the length, so a bound here bounds one request.
MAX_CHECK_CHARS = 20_000
ACCOUNT_TYPES = ["official", "personal", "research"]


def current() -> tuple[Any, int | None]:
    """(pack, version number) of the institution's current published policy; the shipped pack
    and None before one is published. Compiled once per version per process (policies.selectors)."""
    from townhall.policies.selectors import current_pack

    return current_pack()


def policy_version() -> int | None:
    """The number of the version checks use now (stored with every check result)."""
    from townhall.policies.selectors import current_ref

    ref = current_ref()
    return ref[1] if ref else None


def account_type(account: Any) -> str:
    """A registry account's (or purpose's) type for the checks: research and teaching accounts
    are 'research' (academic freedom), every other registered account is 'official'."""
    purpose = account if isinstance(account, str) else getattr(account, "purpose", "")
    return "research" if purpose in ("research", "teaching") else "official"


def check(
    text: str,
    *,
    network: str = "bluesky",
    account: str = "official",
    alts: list[str] | None = None,
    pack: Any = None,
    scholarly: bool = False,
    reply: bool = False,
) -> list[dict[str, Any]]:
    """Findings as plain dicts: code, family, severity, message, clause, span, fix.

    ``pack=None`` checks against the institution's current published version. ``reply=True`` for
    a reply to someone else's post (the inbox): broadcast-only advice does not apply to replies."""
    from townhall.policy import Context, ImageRef
    from townhall.policy import check as engine_check

    if network not in NETWORKS:
        raise ValueError(f"unknown network {network!r}; choose one of {', '.join(NETWORKS)}")
    if account not in ACCOUNT_TYPES:
        raise ValueError(f"unknown account type {account!r}; choose official, personal or research")
    if pack is None:
        pack, _ = current()
    ctx = Context(network=network, account=account, images=[ImageRef(alt=a) for a in (alts or [])],
                  scholarly=scholarly, is_reply=reply)
    # Every caller's text is bounded before it gets here (a post's 20,000 characters, a reply's
    # 5,000), except what a preview is handed while someone types; the cut keeps one request's
    # checking time bounded whatever it is handed, and nothing this long can be saved to publish.
    return [f.to_dict() for f in engine_check(text[:MAX_CHECK_CHARS], ctx, pack=pack)]


def blocks(findings: list[dict[str, Any]]) -> bool:
    return any(f["severity"] == "block" for f in findings)


def rules() -> list[dict[str, Any]]:
    from townhall.policy import rules_registry

    registry = rules_registry()
    out = []
    for rule in registry.values() if isinstance(registry, dict) else registry:
        out.append(
            {
                "code": rule.code,
                "name": rule.name,
                "family": rule.family,
                "severity": rule.severity,
                "clause": rule.clause,
                "rationale": getattr(rule, "rationale", ""),
                "fix": getattr(rule, "fix", ""),
            }
        )
    return out
