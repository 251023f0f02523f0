"""brand: speaking as the institution from a personal account, impersonation, unofficial
logos, misuse of the institution's names (names and aliases come from the pack)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule

_CLAIM_RE = regex.compile(
    r"(?<![\w])(?:(?:the\s+)?official\s+(?:account|page|profile|channel|twitter|feed|handle|voice|"
    r"instagram|x\s+account|bluesky|mastodon)(?:\s+(?:of|for))?"
    r"|(?:this|i)\s+(?:is|am)\s+(?:the\s+)?(?:official|verified)"
    r"|on\s+behalf\s+of\s+(?:the\s+)?(?:university|uni|institution|school|faculty|college)"
    r"|speaking\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?(?:university|uni|institution)"
    r"|(?:dm|message|contact)\s+us\s+for\s+(?:offers?|admissions?|places?|your\s+offer|scholarships?|refunds?)"
    r"|we\s+are\s+(?:the\s+)?(?:university|uni|admissions\s+team|admissions\s+office)"
    r"|(?:admissions|registry|accommodation|finance)\s+(?:team|office)\s+here)(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "BRD001",
    "speaking-as-institution",
    "brand",
    "block",
    clauses.NEW_ACCOUNT,
    "A personal account presenting itself as the institution (or one of its offices) misleads "
    "applicants and is how admissions scams start.",
    "Post as yourself; institutional announcements go out from the official, registered accounts.",
    [
        Example("Official account of Example University Admissions - DM us for offers!", True, "mastodon", "personal"),
        Example("Posting on behalf of the University: all exams are cancelled tomorrow.", True, account="personal"),
        Example("So proud to work at Example University!", False, account="personal"),
    ],
    accounts=("personal",),
)
def speaking_as_institution(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    m = _CLAIM_RE.search(t)
    if m:
        yield m.start(), m.end(), "A personal account speaks as the institution."
        return
    # "Example University Admissions: ..." / "We at Example University announce"
    for nm in cp.institution_re.finditer(t):
        after = t[nm.end() : nm.end() + 40]
        before = t[max(0, nm.start() - 20) : nm.start()]
        if regex.match(r"\s*(?:admissions|official|team|here\b|announces|is\s+pleased\s+to\s+announce)", after) or \
                regex.search(r"(?:we\s+at|we,|on\s+behalf\s+of)\s*$", before):
            yield nm.start(), nm.end(), "A personal account speaks as the institution."
            return


_IMPERSONATE_RE = regex.compile(
    r"(?<![\w])(?:i\s+am|i'm|this\s+is|posting\s+as|tweeting\s+as|speaking\s+as)\s+(?:the\s+)?"
    r"(?:vice[-\s]chancellor|vc|provost|registrar|dean|president|principal|chancellor|head\s+of\s+admissions|"
    r"university\s+secretary)(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "BRD002",
    "impersonation",
    "brand",
    "block",
    clauses.NEW_ACCOUNT,
    "Claiming to be an office-holder (the Vice-Chancellor, the Registrar) from an account that is "
    "not theirs is impersonation.",
    "Remove the claim; only the office-holder's own registered account may speak as them.",
    [
        Example("This is the Vice-Chancellor: fees are waived for everyone this year!", True, account="personal"),
        Example("Met the Vice-Chancellor at the graduation today!", False, account="personal"),
    ],
    accounts=("personal",),
)
def impersonation(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    m = _IMPERSONATE_RE.search(doc.masked)
    if m:
        yield m.start(), m.end(), "Claims to be an office-holder of the institution."


_LOGO_RE = regex.compile(
    r"(?<![\w])(?:unofficial\s+(?:\w+\s+)?(?:logo|crest|branding|merch|merchandise)"
    r"|(?:made|designed|drew|redrew|edited|tweaked|photoshopped|remixed|modified|created|changed|recoloured|"
    r"recolored|updated)\s+(?:a|the|our|my|my\s+own|their)\s+(?:own\s+)?(?:version\s+of\s+(?:the|our)\s+)?"
    r"(?:new\s+)?(?:university\s+|uni\s+|institution'?s?\s+|school\s+|department\s+)?(?:logo|crest|coat\s+of\s+arms)"
    r"|(?:logo|crest)\s+(?:i|we)\s+(?:made|designed|edited|tweaked|photoshopped))(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "BRD003",
    "unofficial-logo",
    "brand",
    "warn",
    clauses.BRAND,
    "Home-made or altered logos dilute the brand and can suggest endorsement the institution never gave.",
    "Use the official logo files from the brand centre, unaltered, or ask the digital team.",
    [
        Example("I made my own version of the university logo for our society - thoughts?", True),
        Example("Download the official logo from the brand centre.", False),
    ],
)
def unofficial_logo(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    m = _LOGO_RE.search(doc.masked)
    if m:
        yield m.start(), m.end(), "Unofficial or altered logo."


@rule(
    "BRD004",
    "discouraged-name",
    "brand",
    "info",
    clauses.BRAND,
    "The brand guide fixes how the institution is named in official copy; consistency is recognition.",
    "Use the institution's full name as set in the policy pack.",
    [
        Example("Great day at Example Uni open day!", True),
        Example("Great day at Example University open day!", False),
    ],
    accounts=("official",),
)
def discouraged_name(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    if cp.discouraged_re is None:
        return
    for m in cp.discouraged_re.finditer(doc.text):
        if any(s <= m.start() < e for s, e in doc.urls) or (m.start() and doc.text[m.start() - 1] in "#@"):
            continue
        yield m.start(), m.end(), f"{m.group(0)!r} is not the institution's name as the brand guide sets it.", (
            f"Write {cp.names[0]!r}."
        )
