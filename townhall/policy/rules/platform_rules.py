"""platform: the target network's limits, counted exactly as the network counts them."""

from __future__ import annotations

from collections.abc import Iterator

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.platform import LIMITS, may_exceed, measure
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.types import NETWORK_NAMES

_LONG = (
    "Registration for our free online course on data ethics is now open for everyone around the world, with "
    "six weekly units covering privacy, consent, fairness, accountability and transparency, plus live question "
    "and answer sessions with researchers from five different Schools across the University and a certificate "
    "for everyone who completes it."
)


def _brand(doc: Doc) -> str:
    """The network as its brand writes it ("on Bluesky", "on X"): these messages are read by people."""
    return NETWORK_NAMES.get(doc.ctx.network, doc.ctx.network)


@rule(
    "PLT001",
    "too-long",
    "platform",
    "block",
    clauses.APPROPRIATE_MEDIA,
    "The network will refuse (or truncate) a post over its limit; each network counts differently "
    "(X weights CJK and emoji double and links as 23, Bluesky counts graphemes).",
    "Shorten the post, or split it into a thread.",
    [
        Example(_LONG, True, "x"),
        Example(_LONG, False, "linkedin"),
        Example("Short and sweet.", False),
    ],
)
def too_long(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    net = doc.ctx.network
    limit = LIMITS[net]
    if not may_exceed(doc.text, net, limit):
        return
    length, limit = measure(doc.text, net)
    if length > limit:
        # point at the part past the limit, approximately (characters, not weights)
        start = min(len(doc.text), max(0, len(doc.text) - (length - limit)))
        yield start, len(doc.text), f"{length} of {limit} on {_brand(doc)} ({length - limit} over).", (
            f"Cut at least {length - limit} characters, or split into a thread."
        )


@rule(
    "PLT002",
    "too-many-hashtags",
    "platform",
    "warn",
    clauses.APPROPRIATE_MEDIA,
    "Hashtag stuffing reads as spam, is down-ranked by the networks and is a burden for screen readers.",
    "Keep the one or two hashtags that matter.",
    [
        Example("Open day! #uni #campus #study #students #fun", True),
        Example("Open day! #OpenDay", False),
    ],
)
def too_many_hashtags(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    limit = cp.limit("max_hashtags", doc.ctx.network)
    tags = doc.hashtags
    if len(tags) > limit:
        yield tags[limit][0], tags[-1][1], f"{len(tags)} hashtags (at most {limit} on {_brand(doc)})."


@rule(
    "PLT003",
    "too-many-mentions",
    "platform",
    "warn",
    clauses.APPROPRIATE_MEDIA,
    "Mass mentions look like spam and can get the account limited.",
    "Mention only the people the post is about.",
    [
        Example("Thanks " + " ".join(f"@user{i}" for i in range(12)), True),
        Example("Thanks @alice and @bob!", False),
    ],
)
def too_many_mentions(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    limit = cp.limit("max_mentions", doc.ctx.network)
    ms = doc.mentions
    if len(ms) > limit:
        yield ms[limit][0], ms[-1][1], f"{len(ms)} mentions (at most {limit} on {_brand(doc)})."


@rule(
    "PLT004",
    "too-many-links",
    "platform",
    "warn",
    clauses.APPROPRIATE_MEDIA,
    "Several links dilute the call to action; Instagram captions do not make links clickable at all.",
    "Keep one link (or put it in the bio on Instagram).",
    [
        Example("See https://a.example.com and https://b.example.com and https://c.example.com", True),
        Example("Read more: https://www.example.ac.uk/news", False),
    ],
)
def too_many_links(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    limit = cp.limit("max_links", doc.ctx.network)
    us = doc.urls
    if len(us) > limit:
        yield us[limit][0], us[-1][1], f"{len(us)} links (at most {limit} on {_brand(doc)})."


IMAGE_LIMITS = {"x": 4, "bluesky": 4, "mastodon": 4, "threads": 20, "instagram": 20, "linkedin": 20, "facebook": 80}


@rule(
    "PLT005",
    "too-many-images",
    "platform",
    "block",
    clauses.APPROPRIATE_MEDIA,
    "Each network caps the images per post; extra ones are rejected at publish time.",
    "Remove images or split the post.",
    [
        Example("Gallery", True, "x", alts=("a", "b", "c", "d", "e")),
        Example("Gallery", False, "x", alts=("a", "b")),
    ],
)
def too_many_images(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    n = len(doc.ctx.images)
    limit = IMAGE_LIMITS[doc.ctx.network]
    if n > limit:
        yield 0, 0, f"{n} images (at most {limit} on {_brand(doc)})."
