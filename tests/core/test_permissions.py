"""Every cell of docs/permissions.md, checked against townhall.core.permissions."""

from __future__ import annotations

from pathlib import Path

import pytest

from townhall.core.permissions import RULES, can

DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"


def read_matrix() -> tuple[list[str], dict[str, list[bool]]]:
    rows = [line for line in DOC.read_text().splitlines() if line.startswith("| ")]
    header = [c.strip() for c in rows[0].strip("|").split("|")][1:]
    matrix = {}
    for line in rows[1:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if set(cells[0]) <= {"-"}:
            continue
        matrix[cells[0]] = [c == "Y" for c in cells[1:]]
    return header, matrix


HEADER, MATRIX = read_matrix()


class Thing:
    """An object with the three scope hooks the permission rules look at."""

    def __init__(self, unit, owner_ids: set[int], created_by_id: int | None):
        self.org_unit = unit
        self._owners = owner_ids
        self.created_by_id = created_by_id

    def is_owned_by(self, user) -> bool:
        return user.pk in self._owners


@pytest.fixture
def personas(units, make_user):
    physics, history = units["physics"], units["history"]
    people = {
        "staff": make_user("staff", history),
        "staff·member": make_user("staff", physics),
        "staff·reviewer": make_user("staff", history),
        "staff·owner": make_user("staff", history),
        "owner·creator": make_user("staff", history),
        "digital": make_user("digital", history),
        "digital·creator": make_user("digital", history),
        "governance": make_user("governance", history),
        "admin": make_user("admin", history),
    }
    people["staff·reviewer"].review_units.add(units["school"])  # covers physics, below it
    return people


def test_doc_lists_every_action_and_persona():
    assert set(MATRIX) == set(RULES)
    assert HEADER == [
        "staff", "staff·member", "staff·reviewer", "staff·owner", "owner·creator",
        "digital", "digital·creator", "governance", "admin",
    ]


@pytest.mark.parametrize("action", sorted(MATRIX))
def test_every_cell(action, personas, units):
    for persona, expected in zip(HEADER, MATRIX[action], strict=True):
        user = personas[persona]
        owners = {personas["staff·owner"].pk, personas["owner·creator"].pk}
        creator = {"owner·creator": user.pk, "digital·creator": user.pk}.get(persona, -1)
        obj = Thing(units["physics"], owners, creator)
        assert can(user, action, obj) is expected, f"{action} for {persona}: expected {expected}"


@pytest.mark.parametrize("action", sorted(MATRIX))
def test_signed_out_and_deactivated_users_may_do_nothing(action, make_user):
    from django.contrib.auth.models import AnonymousUser

    assert can(AnonymousUser(), action) is False
    gone = make_user("admin", is_active=False)
    assert can(gone, action) is False


def test_superuser_counts_as_admin(make_user):
    boss = make_user("staff", is_superuser=True)
    assert can(boss, "users.manage") and can(boss, "audit.view")


def test_unknown_action_is_an_error(make_user):
    with pytest.raises(KeyError):
        can(make_user(), "post.teleport")
