"""Issue 10, item 15: an OIDC sign-in counts as a second factor only when `amr` says two factors.

The accepted `amr` values were hard-coded and included single factors (`otp`, `fpt`, `face`),
so an identity provider reporting a lone one-time code or face scan skipped Townhall's own
code. Now TOWNHALL_OIDC_MFA_AMR decides; by default `mfa`, or a knowledge factor (pwd, pin,
kba) with a possession or inherence one, and never a single other value.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from townhall import config
from townhall.sso import oidc


@pytest.fixture
def oidc_settings(settings):
    settings.TOWNHALL_OIDC = {
        "ISSUER": "https://idp.example", "CLIENT_ID": "townhall", "CLIENT_SECRET": "", "SCOPES": ["openid"],
        "GROUPS_CLAIM": "groups", "MFA_ACR": [], "MFA_AMR": config.DEFAULT_OIDC_MFA_AMR.split(), "LABEL": "x",
    }
    return settings


def _mfa(amr) -> bool:
    return oidc.assertion_from_claims({"iss": "https://idp.example", "sub": "1", "amr": amr}).mfa


@pytest.mark.parametrize("amr", [["otp"], ["fpt"], ["face"], ["mca"], ["sc"], ["hwk"], ["pwd"], ["otp", "hwk"],
                                 ["face", "fpt"], [], "otp"])
def test_a_single_factor_is_not_a_second_factor(oidc_settings, amr):
    assert not _mfa(amr)


@pytest.mark.parametrize("amr", [["mfa"], ["pwd", "otp"], ["pin", "hwk"], ["kba", "sms"], ["pwd", "face"],
                                 ["otp", "pwd", "user"], ["pin", "swk"], ["pwd", "vbm"]])
def test_two_kinds_of_factor_or_mfa_count(oidc_settings, amr):
    assert _mfa(amr)


def test_the_rules_are_a_setting(oidc_settings):
    oidc_settings.TOWNHALL_OIDC = {**oidc_settings.TOWNHALL_OIDC, "MFA_AMR": ["hwk", "pin+face"]}
    assert _mfa(["hwk"]) and _mfa(["pin", "face"])
    assert not _mfa(["mfa"]) and not _mfa(["pwd", "otp"])


def test_without_the_setting_the_default_applies(oidc_settings):
    cfg = dict(oidc_settings.TOWNHALL_OIDC)
    del cfg["MFA_AMR"]
    oidc_settings.TOWNHALL_OIDC = cfg
    assert not _mfa(["otp"]) and _mfa(["pwd", "otp"])


def test_the_environment_sets_the_rules(monkeypatch):
    monkeypatch.setenv("TOWNHALL_OIDC_ISSUER", "https://idp.example")
    monkeypatch.setenv("TOWNHALL_OIDC_CLIENT_ID", "townhall")
    monkeypatch.delenv("TOWNHALL_OIDC_MFA_AMR", raising=False)
    default = ["mfa", "pwd|pin|kba+otp|hwk|swk|sms|tel|fpt|face|iris|retina|vbm"]
    assert config.sso()["TOWNHALL_OIDC"]["MFA_AMR"] == default
    monkeypatch.setenv("TOWNHALL_OIDC_MFA_AMR", "mfa, pwd+hwk")
    assert config.sso()["TOWNHALL_OIDC"]["MFA_AMR"] == ["mfa", "pwd+hwk"]
    monkeypatch.setenv("TOWNHALL_OIDC_MFA_AMR", "pwd+")
    with pytest.raises(ImproperlyConfigured):
        config.sso()
