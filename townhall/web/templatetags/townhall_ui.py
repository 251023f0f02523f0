"""Template filters for words on screen: network names as the brands write them."""

from __future__ import annotations

from django import template

register = template.Library()

# Brands write their own names this way; stored codes are lower case ("bluesky", "x").
BRANDS = {
    "bluesky": "Bluesky", "mastodon": "Mastodon", "x": "X", "twitter": "X", "linkedin": "LinkedIn",
    "threads": "Threads", "facebook": "Facebook", "instagram": "Instagram", "youtube": "YouTube",
    "tiktok": "TikTok", "rss": "RSS feed", "feed": "RSS feed", "import": "imported file",
}


@register.filter
def network_name(code: object) -> str:
    """'bluesky' -> 'Bluesky', 'x' -> 'X'; unknown names are shown as given."""
    text = str(code or "").strip()
    return BRANDS.get(text.lower(), text)


@register.filter
def message_link(message: object) -> tuple[str, str]:
    """(text, address) for a notification that ends with a page of Townhall ("… is ready:
    /analytics/report/?…"): the page shows the sentence with a link instead of a bare path,
    which a person could neither click nor read. Other messages come back with no address."""
    text = str(message)
    head, sep, tail = text.rpartition(": /")
    if sep and " " not in tail:
        return head + ".", "/" + tail
    return text, ""


@register.filter
def family_name(code: object) -> str:
    """A policy family as the policy page names it ("confidential-ip" -> "Confidential and
    unpublished work"), so findings never show the family's code."""
    from townhall.policies.forms import FAMILY_WORDS

    return FAMILY_WORDS.get(str(code), str(code).replace("-", " ").capitalize())


@register.filter
def language_name(code: object) -> str:
    """A mention's language code as a word ("cy" -> "Welsh"); an unknown code is shown as given."""
    from townhall.listening.views import language_name as name

    return name(str(code or ""))


@register.filter
def rule_name(name: object) -> str:
    """A rule's short name as words ("missing-alt-text" -> "Missing alt text"), not its identifier."""
    words = str(name or "").replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


SEVERITY_WORDS = {"block": "Must fix", "warn": "Check this", "info": "Tip"}


@register.filter
def severity_name(severity: object) -> str:
    """A finding's severity as what it asks of the author ("block" -> "Must fix"): the badge is read
    by people, not by the engine."""
    return SEVERITY_WORDS.get(str(severity), str(severity).capitalize())
