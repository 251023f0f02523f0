"""A pack compiled for speed: regexes and word sets built once, rule plans cached."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from townhall.policy import mlbridge

if TYPE_CHECKING:
    from townhall.policy.pack import Pack

_DATA = Path(__file__).with_name("data")
# UK postcodes (outward + inward code), e.g. B4 7ET, LS1 4AB, SW1A 1AA
POSTCODE_RE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[ABD-HJLNP-UW-Z]{2}\b")


@functools.cache
def wordset() -> frozenset[str]:
    """English words for hashtag segmentation (see data/build_wordlists.py)."""
    return frozenset((_DATA / "words.txt").read_text(encoding="utf-8").split())


@functools.cache
def given_names() -> frozenset[str]:
    """Given names (lower case) used as an 'identifiable person' cue."""
    return frozenset((_DATA / "names.txt").read_text(encoding="utf-8").split())


def _alternation(names: list[str]) -> str:
    parts = sorted({regex.escape(n.strip()) for n in names if n.strip()}, key=len, reverse=True)
    return "|".join(parts) if parts else r"(?!x)x"


class CompiledPack:
    def __init__(self, pack: Pack):
        self.pack = pack
        inst = pack.data["institution"]
        self.region: str = pack.data.get("region", "GB")
        self.names: list[str] = [inst["name"], *inst.get("aliases", [])]
        specific = [n for n in self.names if n.lower() not in {"the university", "the uni"}]
        # The institution as named in the pack, plus generic references to "the University".
        self.institution_re = regex.compile(
            r"(?<![\w])(?:" + _alternation(specific) + r")(?![\w])", regex.IGNORECASE
        )
        self.specific_names = specific
        self.domains: tuple[str, ...] = tuple(d.lower() for d in inst.get("domains", []))
        self.handles: frozenset[str] = frozenset(h.lower() for h in inst.get("official_handles", []))
        contacts = inst.get("public_contacts", [])
        # phone numbers (7+ digits; a house number must not exempt every phone ending in it)
        self.public_digits: frozenset[str] = frozenset(
            d for d in (re.sub(r"\D", "", c) for c in contacts if "@" not in c) if len(d) >= 7
        )
        # published postal addresses: their postcodes and "number street" lines, normalised
        self.public_postcodes: frozenset[str] = frozenset(
            m.group(0).replace(" ", "").upper() for c in contacts for m in POSTCODE_RE.finditer(c)
        )
        self.public_streets: tuple[str, ...] = tuple(
            " ".join(part.lower().split()) for c in contacts if "@" not in c
            for part in c.split(",") if re.match(r"\s*\d+[a-z]?\s+\D", part)
        )
        self.public_emails: frozenset[str] = frozenset(c.lower() for c in inst.get("public_contacts", []) if "@" in c)
        self.discouraged_re = (
            regex.compile(r"(?<!\w)(?:" + _alternation(inst["discouraged_names"]) + r")(?!\w)")
            if inst.get("discouraged_names")
            else None
        )
        extra = pack.data.get("topics", {}).get("extra", [])
        self.extra_topics_re = (
            regex.compile(r"(?<!\w)(?:" + _alternation(extra) + r")(?!\w)", regex.IGNORECASE) if extra else None
        )
        t = pack.threshold
        self.abuse_threshold: float = t("abuse") if t("abuse") is not None else mlbridge.abuse_threshold()
        self.stance_threshold: float = t("stance") if t("stance") is not None else mlbridge.stance_threshold()
        self.stance_without_topic: float = t("stance_without_topic")
        self.token_entropy: float = t("token_entropy")
        self.emoji_wall: int = t("emoji_wall")
        self._plans: dict[tuple[str, str], list[Any]] = {}
        from townhall.policy import academic, clauses

        self.academic: dict[str, Any] = pack.academic_freedom
        self.partisan_re = academic.partisan_re(self.academic["parties"])
        self.con001_clause: str = clauses.CONTENTIOUS

    def limit(self, key: str, network: str) -> int:
        return int(self.pack.threshold(key, network))

    def plan(self, account: str, network: str) -> list[Any]:
        key = (account, network)
        plan = self._plans.get(key)
        if plan is None:
            from townhall.policy.engine import plan_for

            plan = self._plans[key] = plan_for(self.pack, account, network)
        return plan

    def is_public_address(self, text: str) -> bool:
        """Whether ``text`` (an address found in a post) is one the institution publishes."""
        if any(m.group(0).replace(" ", "").upper() in self.public_postcodes for m in POSTCODE_RE.finditer(text)):
            return True
        low = " ".join(text.lower().split())
        return any(st and low.startswith(st) for st in self.public_streets)

    def is_institutional_domain(self, domain: str) -> bool:
        domain = domain.lower()
        return any(domain == d or domain.endswith("." + d) for d in self.domains)
