"""personal-use: personal accounts speaking about the institution or colleagues without a
'views my own' framing, and institutional e-mail addresses used for personal accounts."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from townhall.policy import clauses, mlbridge
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import phrases, words_re

_INSTITUTION_REF = regex.compile(
    r"(?<![\w])(?:(?:the|my|our)\s+(?:university|uni|employer|institution|faculty|school|department|dept)"
    r"|(?:senior\s+)?management(?:\s+team)?|smt|the\s+vc|vice[-\s]chancellor|(?:my|our)\s+(?:boss|line\s+manager|"
    r"manager|head\s+of\s+(?:department|school|\w+)|hod|dean|colleagues?|co-?workers?)|hr|the\s+registry|"
    r"the\s+(?:executive|board|senate|council|governors)|work(?:place)?\s+here|here\s+at)(?![\w])",
    regex.IGNORECASE,
)
_NEGATIVE = words_re(
    phrases("""can't believe|cannot believe|frozen|freeze|cuts|cut|axed|scrapped|shambles|farce|joke|
    disgrace|disgraceful|useless|incompetent|clueless|pathetic|hopeless|awful|terrible|appalling|shocking|
    ridiculous|absurd|fed up|sick of|tired of|hate|hates|angry|furious|livid|betrayed|lied|lies|liars|
    mismanagement|mismanaged|chaos|mess|rubbish|crap|shit|couldn't organise|could not organise|piss-up|
    brewery|idiots|clowns|clown|spineless|worst|failing|failed|failure|unfair|outrage|outrageous|toxic|
    bullying|bullies|greedy|greed|overpaid|underpaid|exploited|exploitation|demoralised|demoralized|
    wtf|ffs|again|yet again|typical|no surprise|another|sack|sacked""")
)
_DISCLAIMER = regex.compile(
    r"(?<![\w])(?:views?\s+(?:are\s+|expressed\s+(?:here\s+)?(?:are\s+)?)?(?:my\s+own|mine|personal|my\s+own\s+and)"
    r"|opinions?\s+(?:are\s+)?(?:my\s+own|mine)|personal\s+(?:views?|opinions?|account)"
    r"|not\s+(?:the\s+)?views?\s+of|do\s+not\s+(?:represent|reflect)|don'?t\s+(?:represent|reflect)"
    r"|speaking\s+for\s+myself|#viewsmyown|views\s+my\s+own|all\s+views\s+mine|rts?\s*(?:!=|≠|are\s+not|aren'?t)\s*endorsements?)(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "PER001",
    "views-not-own",
    "personal-use",
    "warn",
    clauses.OWN_BEHALF,
    "Criticism of the institution or colleagues from a staff member's personal account is read as "
    "an insider's view; the guidance asks for a clear 'my own views' framing (and restraint).",
    "Make clear the views are your own (e.g. 'Views my own'), and consider raising it internally first.",
    [
        Example(
            "Can't believe the University has frozen hiring again. Management here couldn't organise a "
            "piss-up in a brewery.",
            True,
            "x",
            "personal",
        ),
        Example("Views my own, but the University's hiring freeze is a mistake.", False, account="personal"),
        Example("Proud of my colleagues who won the teaching award!", False, account="personal"),
    ],
    accounts=("personal",),
)
def views_not_own(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    ref = _INSTITUTION_REF.search(t) or cp.institution_re.search(t)
    if ref is None or _DISCLAIMER.search(t):
        return
    negative = _NEGATIVE.search(t) is not None
    if not negative and mlbridge.available():
        negative = mlbridge.sentiment(doc.text) == "negative"
    if negative:
        yield ref.start(), ref.end(), "Criticism of the institution or colleagues without a 'views my own' framing."


_WORK_EMAIL_RE = regex.compile(
    r"(?<![\w])(?:signed\s+up|registered|log(?:ged)?\s*in|created\s+(?:this|my)\s+account|made\s+this\s+account)"
    r"\s+(?:\w+\s+){0,3}(?:with|using|via)\s+my\s+(?:work|uni|university|staff|institutional|\.ac\.uk|college)\s+e-?mail",
    regex.IGNORECASE,
)


@rule(
    "PER002",
    "institutional-email-personal-account",
    "personal-use",
    "warn",
    clauses.SEPARATE_ACCOUNTS,
    "Staff must not use their institutional e-mail to log into social media for personal use: the "
    "account is then tied to the institution and lost when the person leaves.",
    "Register personal accounts with a personal e-mail address.",
    [
        Example("Finally on Bluesky! Signed up with my work email so I won't forget it.", True, account="personal"),
        Example("Contact me at jo.harper@example.ac.uk about the reading group", True, account="personal"),
        Example("Finally on Bluesky!", False, account="personal"),
    ],
    accounts=("personal",),
)
def institutional_email(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    ae = doc.ctx.account_email
    if ae and "@" in ae and cp.is_institutional_domain(ae.rsplit("@", 1)[1]):
        yield 0, 0, f"This personal account is registered with the institutional address {ae}."
    m = _WORK_EMAIL_RE.search(doc.masked)
    if m:
        yield m.start(), m.end(), "A personal account set up with an institutional e-mail address."
    for s, e, _local, domain in doc.emails:
        if cp.is_institutional_domain(domain):
            yield s, e, "Institutional e-mail address given out from a personal account."
            break
