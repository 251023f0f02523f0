"""Network recommendation: from the audiences a request names, the networks to consider, and why.

The guidance says to target the networks your audience actually uses. The evidence lives
in the `NetworkAudience` table (seeded from data/network_audiences.csv, editable by an
admin), not in code, because it changes faster than releases.

Scoring: each network sums the strength its rows give for the declared audiences. A
network marked 0 ("avoid") for an audience is reported with that reason so the requester
sees why it is not suggested. Existing institutional accounts on a network are named too,
because "why will the existing accounts not do" is the first question the team will ask.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from townhall.registry.models import Account, Audience, Network, NetworkAudience

CSV_PATH = Path(__file__).resolve().parent / "data" / "network_audiences.csv"


@dataclass
class Recommendation:
    network: str
    label: str
    score: int
    reasons: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)  # handles of active accounts already there

    @property
    def level(self) -> str:
        return "strong" if self.score >= 3 else "good" if self.score >= 2 else "some"


def recommend(audiences: list[str], *, limit: int = 4, unit=None) -> tuple[list[Recommendation], list[str]]:
    """The best networks for `audiences` (best first), and cautions (networks to avoid, and why)."""
    wanted = [a for a in dict.fromkeys(audiences) if a in Audience.values]
    if not wanted:
        return [], []
    labels = dict(Audience.choices)
    by_network: dict[str, Recommendation] = {}
    cautions: list[str] = []
    for row in NetworkAudience.objects.filter(audience__in=wanted).order_by("-strength", "network"):
        network_label = Network(row.network).label if row.network in Network.values else row.network
        if row.strength == 0:
            cautions.append(f"{network_label} for {labels[row.audience].lower()}: {row.reason}")
            continue
        rec = by_network.setdefault(row.network, Recommendation(row.network, network_label, 0))
        rec.score += row.strength
        rec.reasons.append(f"{labels[row.audience]}: {row.reason}")
    ranked = sorted(by_network.values(), key=lambda r: (-r.score, r.label))[:limit]
    if ranked:
        existing = Account.objects.filter(
            network__in=[r.network for r in ranked], status__in=[Account.Status.ACTIVE, Account.Status.PENDING]
        )
        if unit is not None:
            existing = existing.filter(org_unit__in=unit.lineage())
        for account in existing:
            for rec in ranked:
                if rec.network == account.network:
                    rec.existing.append(account.handle)
    return ranked, cautions


def load_table(path: Path = CSV_PATH) -> int:
    """(Re)load the shipped rows; an admin's own extra rows are left alone. Returns rows loaded."""
    count = 0
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            NetworkAudience.objects.update_or_create(
                audience=row["audience"],
                network=row["network"],
                defaults={"strength": int(row["strength"]), "reason": row["reason"], "source": row["source"]},
            )
            count += 1
    return count
