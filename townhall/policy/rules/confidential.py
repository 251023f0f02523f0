"""confidential-ip: unpublished inventions and results before protection, embargoes,
material marked confidential, other people's confidential ideas."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule

_PATENT_RE = regex.compile(
    r"(?<![\w])(?:(?:before|ahead\s+of|prior\s+to|until|till)\s+(?:\w+\s+){0,4}?(?:patent|ip\s+protection|"
    r"filing|tech(?:nology)?\s+transfer)"
    r"|patent(?:\s+application)?\s+(?:\w+\s+){0,3}?(?:goes\s+in|is\s+(?:not\s+)?(?:yet\s+)?filed|hasn'?t\s+been|"
    r"not\s+(?:yet\s+)?(?:been\s+)?filed|pending|still\s+being\s+(?:drafted|written)|due|next\s+(?:week|month))"
    r"|(?:haven'?t|have\s+not|not\s+yet|yet\s+to)\s+(?:\w+\s+)?(?:filed|patented|protected)"
    r"|unpatented|not\s+yet\s+patented|patentable|pre-?patent|invention\s+disclosure)(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "CIP001",
    "pre-patent-disclosure",
    "confidential-ip",
    "block",
    clauses.PATENT,
    "Public disclosure before filing destroys novelty: the invention can no longer be patented.",
    "Wait until the patent application is filed (ask the technology transfer office), then announce.",
    [
        Example(
            "Excited to reveal our new enzyme design method before the patent application goes in next month - "
            "here is exactly how it works.",
            True,
            "linkedin",
        ),
        Example("We haven't filed yet, but here's the circuit design", True),
        Example("Our patented sensor is now licensed to three companies.", False),
    ],
)
def pre_patent(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for m in _PATENT_RE.finditer(doc.masked):
        yield m.start(), m.end(), "Disclosure of an invention that is not yet protected."


_EMBARGO_RE = regex.compile(
    r"(?<![\w])(?:(?:under\s+)?embargo(?:ed)?(?!\s+(?:has\s+been\s+|now\s+|is\s+now\s+)?(?:lifted|ended|over|expired))"
    r"|(?:not\s+yet|yet\s+to\s+be|un)published\s+(?:\w+\s+)?(?:results?|data|findings|paper|study|manuscript|work)"
    r"|(?:ahead\s+of|before)\s+(?:its\s+|our\s+|the\s+)?(?:publication|peer\s+review|the\s+paper\s+(?:is\s+)?(?:out|published))"
    r"|(?:sneak\s+peek|preview)\s+(?:at\s+|of\s+)?(?:our\s+)?(?:unpublished|upcoming\s+paper|draft\s+paper)"
    r"|(?:paper|manuscript|results?)\s+(?:is\s+|are\s+)?(?:still\s+)?under\s+(?:peer\s+)?review)(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "CIP002",
    "embargo-or-unpublished",
    "confidential-ip",
    "block",
    clauses.CONFIDENTIAL,
    "Breaking an embargo or releasing unpublished results can cost the publication and breaches "
    "agreements with journals and partners.",
    "Wait until the embargo lifts or the paper is published, then share the published version.",
    [
        Example("Embargoed until 00:01 Thursday: our Nature paper shows the vaccine works.", True),
        Example("Sneak peek at our unpublished results from the trial!", True),
        Example("The embargo has been lifted: read our paper in Nature today.", False),
        Example("Our paper is published today in Nature - read it here.", False),
    ],
)
def embargo(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for m in _EMBARGO_RE.finditer(doc.masked):
        yield m.start(), m.end(), "Embargoed or unpublished material."


_CONF_RE = regex.compile(
    r"(?<![\w])(?:(?:strictly|highly|private\s+and|marked|stamped|labelled|commercial(?:ly)?\s+in)\s+confiden(?:tial|ce)"
    r"|confidential\s+(?:document|report|minutes|memo|papers?|e-?mail|draft|information|data|briefing|slides|"
    r"agenda|plan|proposal|restructur\w*|figures)"
    r"|leak(?:ed|s|ing)?(?!\s*(?:proof|detection))|(?:internal|restricted)\s+(?:use\s+)?only|not\s+for\s+"
    r"(?:public\s+)?(?:circulation|distribution|release|publication|sharing)|do\s+not\s+(?:share|forward|circulate)|"
    r"(?:under|covered\s+by|breaking\s+(?:an|the|my))\s+(?:an\s+)?nda|off\s+the\s+record"
    r"|(?:committee|board|council|senate|exec(?:utive)?|smt|management|governors?'?|faculty\s+board|ucu)\s+"
    r"minutes|minutes\s+of\s+(?:the\s+)?(?:confidential|closed|private|in-camera)|closed\s+session|in\s+camera)(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "CIP003",
    "marked-confidential",
    "confidential-ip",
    "block",
    clauses.CONFIDENTIAL,
    "Material that is marked confidential, leaked or internal (minutes, board papers) was not "
    "meant for the public; posting it can breach duties of confidence.",
    "Do not post it; if it concerns wrongdoing, use the speak-up / whistleblowing route instead.",
    [
        Example(
            "Leaked: the committee minutes (strictly confidential) say the School will close two departments "
            "next year.",
            True,
            "bluesky",
            "personal",
        ),
        Example("Internal only - draft budget attached", True),
        Example("Our counselling service is free and confidential.", False),
    ],
)
def marked_confidential(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for m in _CONF_RE.finditer(doc.masked):
        yield m.start(), m.end(), "Material marked confidential, leaked or internal."


_OTHERS_RE = regex.compile(
    r"(?<![\w])(?:(?:a|the)\s+(?:grant|paper|manuscript|proposal|submission|thesis)\s+(?:i'?m|i\s+am|i\s+was|"
    r"we'?re|we\s+are)\s+(?:peer[-\s])?reviewing"
    r"|(?:peer[-\s])?review(?:ing|ed)?\s+(?:a|an|this)\s+(?:grant|paper|manuscript|proposal|submission)\s+"
    r"(?:that|which|where|with|from|and)"
    r"|(?:my|a|our)\s+(?:colleague|collaborator|student|rival|competitor)'?s?'?\s+(?:\w+\s+)?(?:unpublished|"
    r"secret|confidential|new|latest)\s+(?:idea|ideas|work|results?|data|method|invention|design)"
    r"|(?:someone|somebody)\s+else'?s\s+(?:unpublished\s+)?(?:idea|work|results|data|research))(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "CIP004",
    "others-confidential-ideas",
    "confidential-ip",
    "warn",
    clauses.PATENT,
    "Ideas seen in peer review or shared in confidence belong to their authors; disclosing them "
    "breaches trust and research-integrity rules.",
    "Leave other people's unpublished ideas out; talk about them only once they publish.",
    [
        Example("Fascinating method in a grant I'm reviewing: they grow the crystals in zero-g!", True),
        Example("My colleague's unpublished results suggest the drug works - watch this space", True),
        Example("Read my colleague's new paper in Science", False),
    ],
)
def others_ideas(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for m in _OTHERS_RE.finditer(doc.masked):
        yield m.start(), m.end(), "Someone else's unpublished or confidential work."
