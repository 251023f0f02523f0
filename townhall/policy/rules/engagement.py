"""engagement: broadcast-only official posts that invite no interaction (advice, info level)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import GatedPattern

_INVITE_RE = regex.compile(
    r"\?|(?<![\w])(?:let\s+us\s+know|tell\s+us|share\s+your|show\s+us|send\s+us|tag\s+(?:a|your|us|someone)|"
    r"comment|reply|replies|drop\s+(?:us|a|your)|dm\s+us|message\s+us|get\s+in\s+touch|ask\s+(?:us|your|questions)|"
    r"bring\s+your|join\s+(?:us|in|the)|come\s+(?:and|along|to|join)|see\s+you|say\s+hi|vote\s+in|poll|"
    r"what\s+do\s+you|which|who\s+(?:will|is|would)|how\s+(?:would|do|will)\s+you|apply|register|sign\s+up|"
    r"book\s+(?:now|your|a|here)|rsvp|we'?d\s+love\s+to\s+hear|have\s+your\s+say|contact\s+us|chat|"
    r"questions|enter|nominate|congratulat\w*|thank\s+you|thanks|welcome)(?![\w])",
    regex.IGNORECASE,
)

# _INVITE_RE is searched only where the post holds the literal runs of one of its branches
# (common.GatedPattern: 'let us know' needs 'know', 'let' and 'us'), which turns away ~3 in 10 of the
# posts the 40 stems it replaces let through; the '?' branch is tested with ``in`` first. Both rules
# only ask whether the post invites anything, so the answer is kept on the doc.
_INVITE_GATE = GatedPattern(_INVITE_RE)


def _invites(doc: Doc) -> bool:
    """Whether _INVITE_RE finds anything in the post's masked text (computed once per post)."""
    got = doc.__dict__.get("_invites")
    if got is None:
        low = doc.masked
        got = doc.__dict__["_invites"] = "?" in low or _INVITE_GATE.search(low) is not None
    return got


_SIGNPOST_RE = regex.compile(
    r"^\W*(?:please\s+)?(?:read|see|view|download|watch|visit|check\s+out|find|access|explore|discover|listen\s+to)"
    r"(?![\w])",
    regex.IGNORECASE,
)
_WORD = regex.compile(r"[\p{L}\p{N}']+")


@rule(
    "ENG001",
    "signpost-only",
    "engagement",
    "warn",
    clauses.INTERACTION,
    "A bare 'read our report' post is the broadcasting the guidance warns against: it gives no reason "
    "to care and no way to respond, so almost nobody does.",
    "Say what is in it for the reader and ask something (\"Which finding surprised you?\").",
    [
        Example("Read our annual research report.", True, "linkedin"),
        Example("Read our annual research report: which finding surprised you most?", False, "linkedin"),
        Example("Delighted to announce a new partnership with a regional NHS trust to train more nurse "
                "practitioners in the West Midlands.", False),
    ],
    accounts=("official",),
)
def signpost_only(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text.strip()
    if not t or doc.mentions or not _SIGNPOST_RE.match(t) or _invites(doc):
        return
    if len(_WORD.findall(doc.masked)) <= 20:
        yield 0, len(doc.text), "Signpost-only post: it points at content but gives no reason to engage."


@rule(
    "ENG002",
    "broadcast-only",
    "engagement",
    "info",
    clauses.INTERACTION,
    "Posts that only broadcast get less reach and miss the point of social media: ask and "
    "answer questions and encourage discussion.",
    "Add a question or an invitation (\"What would you like to see next?\", \"Tell us ...\").",
    [
        Example("Delighted to announce a new partnership with a regional NHS trust.", True, "linkedin"),
        Example("@user Thanks, the form is on the admissions page.", False),
        Example("Which experiment would you like to see next time?", False),
        Example("Read our annual research report.", False, "linkedin"),
    ],
    accounts=("official",),
)
def broadcast_only(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text.strip()
    # only original posts: a reply is already the interaction the guidance asks for
    if doc.ctx.is_reply or t.startswith("@"):
        return
    if not t or doc.mentions or _invites(doc):
        return
    if _SIGNPOST_RE.match(t) and len(_WORD.findall(doc.masked)) <= 20:
        return  # reported by ENG001
    yield 0, len(doc.text), "Broadcast-only: the post invites no reply or interaction."
