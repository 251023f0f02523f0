"""The twins of the rule-slip rounds (37, 41-42, 44, 45 of issue 12), run by one pair of tests.

Each round's file holds its pairs (``CASES``: family, (network, account) and risky post, (network,
account) and clean post) and says why each clean post was flagged. Plain tests rather than
``flagging.twin_tests``: the family-model build reads those pairs as tuning posts, and the shipped
learned heads' recipes are tied to the pairs they read.
"""

from __future__ import annotations

import pytest

from .flagging import RISK_AND_PERSONAL, flagged
from .test_round37 import CASES as ROUND37
from .test_round44 import CASES as ROUND44
from .test_round45 import CASES as ROUND45

CASES = [*ROUND37, *ROUND44, *ROUND45]
FIELDS = ("family", "risky_at", "risky", "clean_at", "clean")


@pytest.mark.parametrize(FIELDS, CASES)
def test_risky_post_keeps_its_finding(family: str, risky_at: tuple, risky: str, clean_at: tuple, clean: str) -> None:
    network, account = risky_at
    assert family in flagged(risky, account, network)


@pytest.mark.parametrize(FIELDS, CASES)
def test_clean_post_gets_none(family: str, risky_at: tuple, risky: str, clean_at: tuple, clean: str) -> None:
    network, account = clean_at
    assert not flagged(clean, account, network) & RISK_AND_PERSONAL
