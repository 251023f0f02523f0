"""Rule modules, one per family; importing this package registers every rule."""

from townhall.policy.rules import (  # noqa: F401
    abuse,
    accessibility,
    brand,
    confidential,
    contentious,
    copyright,
    credentials,
    engagement,
    learned,
    personal_use,
    platform_rules,
    privacy,
    veiled,
)
