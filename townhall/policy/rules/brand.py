"""brand: speaking as the institution from a personal account, impersonation, unofficial
logos, misuse of the institution's names (names and aliases come from the pack)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import gate, gate_words

_CLAIM_RE = regex.compile(
    r"(?<![\w])(?:(?:the\s+)?official\s+(?:account|page|profile|channel|twitter|feed|handle|voice|"
    r"instagram|x\s+account|bluesky|mastodon)(?:\s+(?:of|for))?"
    r"|(?:this|i)\s+(?:is|am)\s+(?:the\s+)?(?:official|verified)"
    r"|on\s+behalf\s+of\s+(?:the\s+)?(?:university|uni|institution|school|faculty|college)"
    r"|speaking\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?(?:university|uni|institution)"
    r"|(?:dm|message|contact)\s+us\s+for\s+(?:offers?|admissions?|places?|your\s+offer|scholarships?|refunds?)"
    r"|we\s+are\s+(?:the\s+)?(?:university|uni|admissions\s+team|admissions\s+office)"
    r"|(?:admissions|registry|accommodation|finance)\s+(?:team|office)\s+here"
    r"|(?:this\s+is|i'?m|i\s+am|we\s+are|we'?re)\s+(?:the\s+)?(?:new\s+)?(?:head\s+of\s+(?:admissions|recruitment|student\s+\w+)|"
    r"(?:\w+\s+){0,2}(?:team|office)(?=[\s.,:!])|social\s+media\s+manager\s+for\s+the\s+(?:university|uni))"
    r"|(?:quick\s+)?(?:announcement|news|good\s+news|update|message|statement|fyi|notice|reminder)\s+from\s+the\s+"
    r"(?:[\w'’-]+\s+){0,2}(?:office|team|registry|department|faculty)"
    r"|official\s+(?:statement|announcement|update)\s+from|follow\s+(?:my|this)\s+(?:personal\s+)?account\s+for\s+"
    r"(?:all\s+)?(?:the\s+)?official"
    r"|(?:dm|message)\s+(?:me|us)\s+(?:directly\s+)?(?:for\s+(?:offers?|places?)|your\s+details)|to\s+(?:hold|secure|confirm)\s+your\s+place"
    r"|send\s+your\s+deposit|i\s+handle\s+all\s+admissions|for\s+all\s+enquiries\s+about\s+courses)(?![\w])",
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
        if regex.match(
            r"\s*(?:admissions|official|team|here\b|announces|is\s+pleased\s+to\s+announce|library|careers|"
            r"accommodation|registry|finance|student\s+support)",
            after,
        ) or regex.search(
            r"(?:we\s+at|we,|on\s+behalf\s+of|this\s+is|new\s+account\s+for|statement\s+from)\s*$", before
        ):
            yield nm.start(), nm.end(), "A personal account speaks as the institution."
            return


_IMPERSONATE_RE = regex.compile(
    r"(?<![\w])(?:i\s+am|i'm|this\s+is|posting\s+as|tweeting\s+as|speaking\s+as)\s+(?:the\s+)?"
    r"(?:vice[-\s]chancellor|vc|provost|registrar|dean|president|principal|chancellor|head\s+of\s+admissions|"
    r"university\s+secretary)(?![\w])"
    r"|(?:parody|fake|spoof|pretend)\s+(?:\w+\s+){0,2}(?:account|version|profile|page)\s+(?:of|for)\s+(?:our|the)\s+"
    r"(?:\w+\s+){0,2}(?:vice[-\s]chancellor|vc|university|uni|dean|registrar|provost|president|instagram|twitter|page)"
    r"|(?:made|set\s+up|created|started)\s+a\s+(?:fake|parody|spoof)\s+(?:\w+\s+){0,2}(?:account|profile|page)"
    r"|i'?m\s+(?:professor|dr)\s+\w+,\s+(?:pro-)?vice[-\s]chancellor"
    r"|fake\s+(?:[\w'’]+\s+){0,3}?(?:acceptance\s+|offer\s+)?(?:letters?|offers?|certificates?|degrees?|transcripts?)",
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
    t = doc.masked
    if not gate(t, _LOGO_WORDS):
        return
    m = _LOGO_RE.search(t)
    if m:
        yield m.start(), m.end(), "Unofficial or altered logo."
        return
    if _PROPER_USE_RE.search(t) and "unofficial" not in t:
        return
    for mk in _MARK_RE.finditer(t):
        s, e = max(0, mk.start() - 70), min(len(t), mk.end() + 70)
        window = t[s:e]
        institutional = _INST_MARK_RE.search(window) or cp.institution_re.search(window)
        if institutional and (_ALTER_RE.search(window) or _MERCH_RE.search(window)):
            yield mk.start(), mk.end(), "The institution's logo or crest altered, or used on unofficial material."
            return


_LOGO_WORDS = gate_words("logo logos crest shield arms colours colors branding branded merch merchandise")
# The institution's marks, altered or put on things it never approved, however it is said.
_MARK_RE = regex.compile(
    r"(?<![\w])(?:logo|logos|crest|shield|coat\s+of\s+arms|arms|colours|colors|branding|branded)(?![\w])"
)
_INST_MARK_RE = regex.compile(
    r"(?<![\w])(?:university|uni|school|department|dept|faculty|institution|official|the\s+crest|the\s+shield|"
    r"our\s+crest|the\s+arms)(?![\w])"
)
_ALTER_RE = regex.compile(
    r"(?<![\w])(?:made|make|designed|drew|redrawn|redrew|edited|tweaked|photoshopped|remixed|modified|created|changed|"
    r"recolou?red|rebrand(?:ed)?|redesign(?:ed)?|stretched|doodled|playing\s+with|modern\s+version|new\s+logo|fresh\s+logo|"
    r"mash-?up|combines|combined|upside\s+down|swapped|added|stuck|through\s+it|with\s+a\s+\w+\s+(?:on|through|holding)|"
    r"turned|cheeky|own\s+version|better\s+than|nicer\s+than|rude|printed|print|embroider\w*|put\s+the|into\s+a)(?![\w])"
)
_MERCH_RE = regex.compile(
    r"(?<![\w])(?:selling|sell|merch|merchandise|hoodies?|caps|t-?shirts?|stickers|mugs|kit|lanyards|badges?|flyers|"
    r"banner|jumper|cake|unofficial)(?![\w])"
)
_PROPER_USE_RE = regex.compile(
    r"(?<![\w])(?:brand\s+(?:centre|center|team|guidelines|guide|portal)|download\s+the\s+official|"
    r"(?:su-?|officially\s+)?approved\s+logo|official\s+(?:university\s+)?shop|request\s+the\s+official"
    # the institution's own merchandise and licensing: sold where it sells it, approved, or asked about
    r"|(?<!not\s)(?<!not\s\w{2}\s)approved(?:\s+by)?|licensing\s+enquir\w+|(?:campus|su|union|university|uni)\s+(?:shop|store)"
    r"|(?<!not\s)official\s+(?:\w+\s+){0,2}(?:merch|merchandise|kit|mug|hoodie|scarf|teddy|range|store))(?![\w])"
)


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
        yield (
            m.start(),
            m.end(),
            f"{m.group(0)!r} is not the institution's name as the brand guide sets it.",
            (f"Write {cp.names[0]!r}."),
        )
