"""`{% publishing_pause_banner %}`: the banner every page shows while publishing is paused.

A template tag rather than a context processor so the base template asks the database only
where it shows the banner (one indexed query per page).
"""

from __future__ import annotations

from django import template

from townhall.core.permissions import can
from townhall.incidents.containment import active_pause

register = template.Library()


@register.inclusion_tag("incidents/pause_banner.html", takes_context=True)
def publishing_pause_banner(context) -> dict:
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return {"pause": None}
    return {"pause": active_pause(), "may_resume": can(user, "publishing.pause")}


@register.inclusion_tag("incidents/account_lock.html")
def account_lock_status(account) -> dict:
    """On the account page: locked now (and why), or its password still to be changed after a lock."""
    from townhall.incidents.containment import active_lock, needs_rotation

    return {"lock": active_lock(account.pk), "rotate": needs_rotation(account)}
