"""The rule registry, in the spirit of ruff: every rule has a stable code, a family, a
default severity, the guidance clause it enforces, a rationale, a fix and examples.

Codes never change meaning once published (packs and audit logs refer to them), so a
retired rule keeps its code reserved rather than having it reused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from townhall.policy.types import FAMILIES, SEVERITIES

if TYPE_CHECKING:
    from townhall.policy.doc import Doc
    from townhall.policy.pack import CompiledPack

# A detector yields (start, end, message), (start, end, message, fix) or (start, end, message,
# fix, severity) for each hit; a hit's own severity can only lower the rule's resolved one.
Hit = tuple[int, int, str] | tuple[int, int, str, str] | tuple[int, int, str, str, str]
Detector = Callable[["Doc", "CompiledPack"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Example:
    """A post a rule must (``flag=True``) or must not flag; run as a test."""

    text: str
    flag: bool
    network: str = "x"
    account: str = "official"
    alts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    family: str
    severity: str
    clause: str
    rationale: str
    fix: str
    examples: tuple[Example, ...]
    detector: Detector = field(repr=False)
    accounts: tuple[str, ...] = ("official", "personal")
    needs_ml: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "severity": self.severity,
            "accounts": list(self.accounts),
            "clause": self.clause,
            "rationale": self.rationale,
            "fix": self.fix,
            "needs_ml": self.needs_ml,
            "examples": [
                {"text": e.text, "flag": e.flag, "network": e.network, "account": e.account, "alts": list(e.alts)}
                for e in self.examples
            ],
        }


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    family: str,
    severity: str,
    clause: str,
    rationale: str,
    fix: str,
    examples: Iterable[Example],
    accounts: tuple[str, ...] = ("official", "personal"),
    needs_ml: bool = False,
) -> Callable[[Detector], Detector]:
    """Register the decorated detector as a rule (fails loudly on a duplicate code or bad family)."""

    def deco(fn: Detector) -> Detector:
        if code in _REGISTRY:
            raise ValueError(f"duplicate rule code {code}")
        if family not in FAMILIES:
            raise ValueError(f"{code}: unknown family {family}")
        if severity not in SEVERITIES:
            raise ValueError(f"{code}: unknown severity {severity}")
        _REGISTRY[code] = Rule(
            code, name, family, severity, clause, rationale, fix, tuple(examples), fn, accounts, needs_ml
        )
        return fn

    return deco


def rules_registry() -> dict[str, Rule]:
    """All registered rules by code, in code order (importing the rule modules on first use)."""
    import townhall.policy.rules  # noqa: F401  (registers the rules)

    return dict(sorted(_REGISTRY.items()))
