"""Value types shared by the engine, the CLI and the web app.

Kept free of Django (and of any heavy import) so that the composer, the CLI and the
listening pipeline can all use them without paying Django's start-up cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

NETWORKS: tuple[str, ...] = ("x", "bluesky", "mastodon", "linkedin", "threads", "facebook", "instagram")
# How the brands write their names, for messages people read (the codes above are for machines).
NETWORK_NAMES: dict[str, str] = {
    "x": "X",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "linkedin": "LinkedIn",
    "threads": "Threads",
    "facebook": "Facebook",
    "instagram": "Instagram",
}
ACCOUNTS: tuple[str, ...] = ("official", "personal", "research")
# A research or teaching account is an official account whose posts disseminate scholarship:
# every rule for official accounts applies, except that the pack's academic-freedom rules
# (contentious topics by default) only inform. Party-political endorsement still blocks.
SEVERITIES: tuple[str, ...] = ("info", "warn", "block")
FAMILIES: tuple[str, ...] = (
    "privacy",
    "credentials",
    "confidential-ip",
    "contentious",
    "abuse",
    "brand",
    "copyright",
    "platform",
    "accessibility",
    "engagement",
    "personal-use",
)
# Families whose findings are a risk to people or the institution (the rest are quality advice).
RISK_FAMILIES: frozenset[str] = frozenset(FAMILIES[:7])

Severity = Literal["info", "warn", "block"]
SEVERITY_RANK: dict[str, int] = {"off": -1, "info": 0, "warn": 1, "block": 2}


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image attached to a post; only the alt text matters to the checks."""

    alt: str = ""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """Where and as whom a post will be published: the same words can be fine on a
    personal account and a problem on the institution's official one."""

    network: str = "x"
    account: str = "official"
    images: tuple[ImageRef, ...] | list[ImageRef] = ()
    account_email: str | None = None  # the e-mail the social account is registered with, when known
    # A reply to someone else's post (inbox, threads): replies are the interaction the guidance
    # asks for, so broadcast-only advice (ENG002) does not apply to them.
    is_reply: bool = False
    scholarly: bool = False  # the author marked the post as research or teaching (academic freedom)

    def __post_init__(self) -> None:
        if self.network not in NETWORKS:
            raise ValueError(f"unknown network {self.network!r}; expected one of {', '.join(NETWORKS)}")
        if self.account not in ACCOUNTS:
            raise ValueError(f"unknown account type {self.account!r}; expected official, personal or research")
        if isinstance(self.images, list):
            object.__setattr__(self, "images", tuple(self.images))


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a post, tied to the clause of the guidance it concerns."""

    code: str
    family: str
    severity: str
    message: str
    clause: str
    span: tuple[int, int]
    fix: str
    name: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The stable wire format used by the CLI's JSON output and the API."""
        return {
            "code": self.code,
            "family": self.family,
            "severity": self.severity,
            "message": self.message,
            "clause": self.clause,
            "span": [self.span[0], self.span[1]],
            "fix": self.fix,
            # where the words are when they are in an image's description, not in the text
            **({"image": self.extra["image"]} if "image" in self.extra else {}),
        }
