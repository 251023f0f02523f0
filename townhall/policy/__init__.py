"""Townhall's policy engine: the institution's social-media guidance as code.

No Django imports anywhere in this package: it serves the composer, the approval queue,
the listening pipeline, the CLI and the API alike, and must start fast.

    from townhall.policy import check, Context, ImageRef
    findings = check("text", Context(network="bluesky", account="official"))
"""

from townhall.policy.engine import check, check_many
from townhall.policy.pack import Pack, PackError, default_pack, load_pack
from townhall.policy.registry import Rule, rules_registry
from townhall.policy.types import FAMILIES, RISK_FAMILIES, Context, Finding, ImageRef

__all__ = [
    "FAMILIES",
    "RISK_FAMILIES",
    "Context",
    "Finding",
    "ImageRef",
    "Pack",
    "PackError",
    "Rule",
    "check",
    "check_many",
    "default_pack",
    "load_pack",
    "rules_registry",
]
