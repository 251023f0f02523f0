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


# Every pair handed to ``twin_tests``, in import order: ``build_family_model.py --with-twins`` reads the
# suite's twins as tuning posts, so a refitted learned head is held to them as the rules are (round 26).
TWINS: list[tuple[str, str, str, str, str]] = []


def twin_tests(pairs: list[tuple[str, str, str, str, str]], clean_families: Iterable[str] = RISK_AND_PERSONAL):
    """The two tests of a detection round's (family, network, account, risky, clean) twins: the
    risky post gets its family's finding, its clean twin no finding of ``clean_families``.

    Why: each round's file wrote the same two parametrised tests; a module now assigns them
    (``test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)``) and pytest
    collects them under those names."""
    import pytest

    keep = frozenset(clean_families)
    names = ("family", "network", "account", "risky", "clean")
    TWINS.extend(pairs)

    @pytest.mark.parametrize(names, pairs)
    def test_risky_twin_is_flagged(family: str, network: str, account: str, risky: str, clean: str) -> None:
        assert family in flagged(risky, account, network)

    @pytest.mark.parametrize(names, pairs)
    def test_clean_twin_stays_clean(family: str, network: str, account: str, risky: str, clean: str) -> None:
        assert not (flagged(clean, account, network) & keep)

    return test_risky_twin_is_flagged, test_clean_twin_stays_clean
