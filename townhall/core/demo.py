"""The demo institution: Schools, departments and staff of every role.

Each app adds its own demo data in `townhall/<app>/demo.py` with a `load(people)`
function; `load_demo()` calls them in dependency order. Everything is idempotent.
"""

from __future__ import annotations

import importlib
import logging

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.audit.services import record
from townhall.core.models import OrgUnit, User

log = logging.getLogger("townhall.demo")

DEMO_PASSWORD = "townhall-demo-2026"
APP_ORDER = ["policies", "registry", "publishing", "listening", "inbox", "incidents", "analytics"]

UNITS = [
    ("School of Engineering and Physical Sciences", "eps", "school", None),
    ("Physics", "physics", "department", "eps"),
    ("Computer Science", "computer-science", "department", "eps"),
    ("Business School", "business", "school", None),
    ("Marketing", "marketing", "department", "business"),
    ("School of Life and Health Sciences", "lhs", "school", None),
    ("Nursing", "nursing", "department", "lhs"),
    ("Communications and External Relations", "comms", "service", None),
    ("Alumni Relations", "alumni", "service", "comms"),
    ("Students' Union", "union", "union", None),
]

PEOPLE = [
    # username, first, last, role, unit, reviews
    ("amara", "Amara", "Okafor", "staff", "physics", []),
    ("ben", "Ben", "Clarke", "staff", "marketing", []),
    ("chen", "Chen", "Wei", "staff", "nursing", ["lhs"]),
    ("dana", "Dana", "Fitzgerald", "digital", "comms", []),
    ("eli", "Eli", "Novak", "digital", "comms", []),
    ("gwen", "Gwen", "Harris", "governance", "comms", []),
    ("ada", "Ada", "Lovelace", "admin", "comms", []),
]


def _units() -> dict[str, OrgUnit]:
    units: dict[str, OrgUnit] = {}
    for name, slug, kind, parent in UNITS:
        unit, _ = OrgUnit.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "parent": units.get(parent)}
        )
        units[slug] = unit
    return units


def _people(units: dict[str, OrgUnit]) -> dict[str, User]:
    people: dict[str, User] = {}
    for username, first, last, role, unit, reviews in PEOPLE:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username)
            user.set_password(DEMO_PASSWORD)
        user.first_name, user.last_name, user.role = first, last, role
        user.email = f"{username}@example.ac.uk"
        user.org_unit = units[unit]
        user.is_staff = role == "admin"
        user.is_superuser = role == "admin"
        user.save()
        user.review_units.set([units[s] for s in reviews])
        if user.mfa_required and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
        people[username] = user
    return people


@transaction.atomic
def load_demo() -> dict[str, User]:
    units = _units()
    people = _people(units)
    record(None, "demo.loaded", object_type="demo", object_repr="Demo institution loaded")
    for app in APP_ORDER:
        try:
            module = importlib.import_module(f"townhall.{app}.demo")
        except ModuleNotFoundError:
            continue
        module.load(people)
    return people
