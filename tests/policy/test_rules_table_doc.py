"""docs/policy.md's table of rules lists every registered rule as the registry has it.

Why: the table had fallen 28 rules behind the registry (round 43 found it), and a reader choosing which
rules to switch off in a pack reads that table first."""

from __future__ import annotations

from pathlib import Path

from townhall.policy.registry import rules_registry

DOC = Path(__file__).resolve().parents[2] / "docs" / "policy.md"
HEADER = "| code | name | family | default severity | accounts |"


def _table_rows() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(HEADER)
    return text[start : text.index("\n\n", start)].splitlines()[2:]


def test_every_rule_is_in_the_table_as_registered() -> None:
    expected = []
    for code, r in rules_registry().items():
        accounts = "both" if {"official", "personal"} <= set(r.accounts) else "/".join(r.accounts)
        name = r.name + (" (classifier)" if r.needs_ml else "")
        expected.append(f"| {code} | {name} | {r.family} | {r.severity} | {accounts} |")
    assert _table_rows() == expected
