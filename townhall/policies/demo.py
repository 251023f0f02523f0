"""The demo institution is "Example University", with the shipped pack as its version 1."""

from __future__ import annotations

from typing import Any

from townhall.policies import selectors, services
from townhall.policy.pack import default_pack


def load(people: dict[str, Any]) -> None:
    if selectors.institution() is not None:
        return
    inst = default_pack().data["institution"]
    services.setup_institution(
        people["ada"],
        names=[inst["name"], *inst.get("aliases", [])],
        domains=inst.get("domains", []),
        handles=inst.get("official_handles", []),
        discouraged=inst.get("discouraged_names", []),
        public_contacts=inst.get("public_contacts", []),
        digital_team_email="digital@example.ac.uk",
        governance_name="Gwen Harris",
        governance_contact="governance@example.ac.uk, 0121 204 4000",
        policy_url="https://www.example.ac.uk/policies/social-media",
        brand_url="https://www.example.ac.uk/brand",
        concern_howto="E-mail the digital team with a link and a screenshot; out of hours, call security.",
        breach_consequence="The Social Media Policy will be updated regularly, and any breach of it may result "
        "in disciplinary action.",
        monitoring_notice="The University's ICT systems are monitored under the Acceptable Use Policy; "
        "staff's personal social media accounts are never monitored by Townhall.",
    )
