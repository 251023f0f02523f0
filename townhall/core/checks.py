"""Deployment checks: `townhall system-check --deploy` names what production still lacks.

Registered with Django's system check framework (deploy checks only), so they run with
Django's own (HTTPS, cookies, HSTS) and fail the command with an error, not a warning, when a
secret that production cannot do without is missing.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def production_musts(app_configs=None, **kwargs) -> list:
    problems = []
    if not getattr(settings, "TOWNHALL_VAULT_KEYS", ""):
        problems.append(Error(
            "TOWNHALL_VAULT_KEYS is not set, so the credential vault's key is derived from SECRET_KEY.",
            hint="Generate a key with `townhall accounts newkey`, keep it in your secret store and set "
                 "TOWNHALL_VAULT_KEYS (docs/security.md, 'Rotating keys').",
            id="townhall.E001",
        ))
    if not getattr(settings, "TOWNHALL_AUDIT_KEYS", ""):
        problems.append(Error(
            "TOWNHALL_AUDIT_KEYS is not set, so the audit trail is signed with a key derived from SECRET_KEY.",
            hint="Generate one with `townhall audit newkey` and set TOWNHALL_AUDIT_KEYS (docs/security.md).",
            id="townhall.E002",
        ))
    if not getattr(settings, "PRODUCTION", False):
        problems.append(Error(
            "TOWNHALL_PRODUCTION is off: no secure cookies, HTTPS redirect or HSTS.",
            hint="Set TOWNHALL_PRODUCTION=1 for a deployment.",
            id="townhall.E003",
        ))
    if not os.environ.get("SECRET_KEY"):
        problems.append(Error(
            "SECRET_KEY is not set in the environment (a development key from the data folder is in use).",
            hint="Set a random SECRET_KEY of 50+ characters from your secret store.",
            id="townhall.E004",
        ))
    if settings.TOWNHALL_BASE_URL.startswith("http://"):
        problems.append(Warning(
            f"TOWNHALL_BASE_URL is {settings.TOWNHALL_BASE_URL}: links in e-mails will not use HTTPS.",
            hint="Set it to the https:// address people use.",
            id="townhall.W001",
        ))
    if not getattr(settings, "TOWNHALL_TRUSTED_PROXIES", None):
        problems.append(Warning(
            "TOWNHALL_TRUSTED_PROXY is none: behind a TLS proxy `townhall serve` will not see HTTPS and "
            "production mode redirects forever.",
            hint="List the proxy's address (127.0.0.1 when it runs on the same machine).",
            id="townhall.W002",
        ))
    return problems
