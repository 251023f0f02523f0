"""Every page: the footer's Help link and, for staff with a version to acknowledge, the banner."""

from __future__ import annotations

from typing import Any


def policy(request: Any) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or request.path.startswith("/policy/acknowledge"):
        return {}
    from townhall.core.permissions import can
    from townhall.policies.selectors import institution, notice

    try:
        return {
            "policy_ack_pending": notice(user),
            "policy_setup_needed": can(user, "institution.manage") and not request.path.startswith("/setup")
            and institution() is None,
        }
    except Exception:
        return {}
