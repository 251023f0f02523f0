"""copyright: third-party material used without permission."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule

_MEDIA = (
    r"(?:photo|photos|image|images|picture|pictures|pic|pics|video|videos|clip|clips|graphic|graphics|chart|"
    r"diagram|illustration|artwork|article|footage|song|track|music|cartoon|meme|logo|map|infographic|"
    r"screenshot|screengrab|gif|design|text|content|lyrics|poem|extract|figure)"
)
_TAKE = (
    r"(?:nicked|pinched|stole|stolen|lifted|grabbed|ripped|swiped|copied|pulled|screenshotted|screengrabbed|"
    r"took|taken|borrowed|robbed|yoinked)"
)
_SOURCE = (
    r"(?:(?:a|an|the|their|his|her|some|another|other|someone'?s|somebody'?s)\s+(?:\w+\s+)?(?:site|website|"
    r"news\s+site|newspaper|paper|magazine|article|account|page|blog|book|journal|competitor|rival|agency|"
    r"photographer|artist|channel|feed|post|tweet|thread|stock\s+site|library|band|film|show|internet|web)"
    r"|someone|somebody|google|google\s+images|instagram|insta|facebook|twitter|tiktok|youtube|pinterest|"
    r"getty|shutterstock|reddit|flickr|online|bbc|the\s+bbc|the\s+guardian|guardian|netflix|spotify)"
)
_COPY_RE = regex.compile(
    r"(?<![\w])(?:" + _MEDIA + r"s?\s+(?:\w+\s+)?" + _TAKE + r"\s+(?:straight\s+|right\s+)?(?:off|from)\s+" + _SOURCE
    + r"|(?:nicked|pinched|stole|lifted|grabbed|ripped|swiped|copied|screenshotted|borrowed|yoinked)\s+"
    r"(?:this|these|the|a|an|their|his|her)\s+(?:\w+\s+)?" + _MEDIA
    + r"|" + _TAKE + r"\s+(?:it|this|these|them)\s+(?:off|from)\s+" + _SOURCE + r")(?![\w])",
    regex.IGNORECASE,
)
_PERMISSION_RE = regex.compile(
    r"(?<![\w])(?:all\s+rights\s+reserved|(?:without|no|didn'?t\s+(?:get|ask\s+for|have|ask)|never\s+(?:got|asked\s+for))"
    r"\s+(?:their\s+|any\s+|the\s+|for\s+)?permission|hope\s+(?:they|he|she|the\s+\w+)\s+(?:don'?t|doesn'?t|won'?t)\s+"
    r"mind|(?:credit|source|photographer|artist)\s*:?\s*unknown|not\s+my\s+(?:own\s+)?" + _MEDIA
    + r"|(?:no|don'?t\s+know\s+(?:the|who))\s+(?:copyright|owner)|copyright\s+(?:unknown|theirs)|"
    r"via\s+google\s+images|found\s+(?:it\s+|this\s+)?on\s+google(?:\s+images)?)(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "CPY001",
    "taken-from-others",
    "copyright",
    "warn",
    clauses.COPYRIGHT,
    "Material taken from someone else (news sites, other accounts, image searches) is theirs; "
    "posting it without a licence infringes copyright, personally and for the institution.",
    "Use your own material, a licensed image, or get written permission and credit the owner.",
    [
        Example(
            "Photo nicked from a news site because it was better than ours - hope they don't mind!", True, "bluesky"
        ),
        Example("Grabbed this video off TikTok, too good not to share", True),
        Example("Photos taken from the top of the clock tower at sunrise.", False),
    ],
)
def taken(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    m = _COPY_RE.search(doc.masked)
    if m:
        yield m.start(), m.end(), "Material taken from a third party."


@rule(
    "CPY002",
    "no-permission",
    "copyright",
    "warn",
    clauses.COPYRIGHT,
    "'All rights reserved', 'no permission' or 'credit unknown' says the rights are someone else's "
    "and nobody asked.",
    "Only post material you own or have permission for; credit the owner as they require.",
    [
        Example("Amazing cartoon - all rights reserved by the artist, but sharing anyway", True),
        Example("Didn't ask permission but this photo is too good", True),
        Example("Photo by our own photographer, shared with permission.", False),
    ],
)
def no_permission(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    m = _PERMISSION_RE.search(doc.masked)
    if m:
        yield m.start(), m.end(), "The post suggests the material is used without permission."
