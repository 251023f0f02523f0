"""Shared fixtures: an organisation and a person of each role, made fresh per test."""

from __future__ import annotations

import itertools

import pytest

_counter = itertools.count(1)


@pytest.fixture
def units(db):
    from townhall.core.models import OrgUnit

    school = OrgUnit.objects.create(name="School of Science", slug="science", kind="school")
    physics = OrgUnit.objects.create(name="Physics", slug="physics", kind="department", parent=school)
    history = OrgUnit.objects.create(name="History", slug="history", kind="department")
    return {"school": school, "physics": physics, "history": history}


@pytest.fixture
def make_user(db):
    from townhall.core.models import User

    def make(role: str = "staff", unit=None, username: str | None = None, **extra):
        name = username or f"{role}{next(_counter)}"
        user = User.objects.create_user(
            username=name, password="correct horse battery 9", role=role, org_unit=unit, **extra
        )
        return user

    return make


@pytest.fixture
def verified_client(client):
    """A test client whose user has passed two-factor sign-in (for MFA roles)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def login(user):
        client.force_login(user)
        if user.mfa_required:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        return client

    return login


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing costs ~0.3 s per user; tests make hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
