"""What the personal-use tests compare: the hand-written rules' block/warn codes for a post."""

from __future__ import annotations

from townhall.policy.engine import check
from townhall.policy.types import Context


def personal_use_codes(text: str, ctx: Context) -> set[str]:
    """Block/warn personal-use codes of the hand-written rules; the learned PER010 is left out,
    since these tests pin the rules' constructions, not the model's."""
    return {
        f.code
        for f in check(text, ctx)
        if f.family == "personal-use" and f.severity in ("block", "warn") and f.code != "PER010"
    }
