"""What the policy tests ask of a post: the families it is flagged for (warn or block).

Why one helper: every detection round's test file asked the same question with its own copy of
the comprehension, each a little different (which families count, which account).
"""

from __future__ import annotations

from collections.abc import Iterable

from townhall.policy.engine import check
from townhall.policy.evaluate import CLEAN_FAMILIES
from townhall.policy.types import RISK_FAMILIES, Context

# The families a clean post must not be flagged for: the risk families and personal-use
# (``townhall eval``'s own definition).
RISK_AND_PERSONAL = CLEAN_FAMILIES
RISK_ONLY = RISK_FAMILIES


def flagged(
    text: str, account: str = "personal", network: str = "x", families: Iterable[str] | None = None
) -> set[str]:
    """The families with a warn or block finding on ``text`` in that context, limited to
    ``families`` when given."""
    keep = None if families is None else frozenset(families)
    return {
        f.family
        for f in check(text, Context(network, account))
        if f.severity in ("warn", "block") and (keep is None or f.family in keep)
    }
