"""confidential-ip: unpublished inventions and results before protection, embargoes,
material marked confidential, other people's confidential ideas."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import GatedPattern, gate, gate_words, may_hold, sentence_start, token_set

_PATENT_RE = regex.compile(
    r"(?<![\w])(?:(?:before|ahead\s+of|prior\s+to|until|till)\s+(?:\w+\s+){0,4}?(?:patent|ip\s+protection|"
    r"filing|tech(?:nology)?\s+transfer)"
    r"|patent(?:\s+application)?\s+(?:\w+\s+){0,3}?(?:goes\s+in|is\s+(?:not\s+)?(?:yet\s+)?filed|hasn'?t\s+been|"
    r"not\s+(?:yet\s+)?(?:been\s+)?filed|pending|still\s+being\s+(?:drafted|written)|due|next\s+(?:week|month))"
    r"|(?:haven'?t|have\s+not|not\s+yet|yet\s+to)\s+(?:\w+\s+)?(?:filed|patented|protected)"
    r"|unpatented|not\s+yet\s+patented|patentable|pre-?patent|invention\s+disclosure"
    r"|(?:before|until|till)\s+(?:we|they|i|the\s+uni(?:versity)?)\s+(?:\w+\s+)?(?:file|patent|protect)"
    r"|(?:about|hoping|planning|plan|going|want)\s+to\s+(?:\w+\s+)?(?:patent|file\s+(?:for\s+)?(?:a\s+)?patent)"
    r"|(?:not|isn'?t|aren'?t)\s+(?:yet\s+)?(?:protected|patented|filed)\s+(?:yet|it)?"
    r"|(?:haven'?t|hasn'?t|not)\s+(?:\w+\s+){0,3}?(?:about\s+)?(?:protecting|patenting)\s+it"
    r"|(?:thinking\s+about|worry\s+about|sort\s+out|deal\s+with)\s+(?:protecting\s+it|the\s+ip|ip|the\s+patent|patents?)"
    r"|(?:sort|worry\s+about|deal\s+with|think\s+about)\s+(?:the\s+)?(?:ip|patent|patenting|protection)\s+(?:side|stuff|bit)?"
    r"\s*later"
    r"|(?:patent|ip)\s+(?:paperwork|application|filing)\s+(?:\w+\s+){0,2}?(?:still|due|soon|pending|with\s+the\s+lawyers)"
    r"|(?:we'?ll|we\s+will|we'?re|we\s+are|i'?ll|i'?m|they'?re|they'?ll|about\s+to|going\s+to|planning\s+to|hoping\s+to|"
    r"plan\s+to|due\s+to|intend\s+to)\s+(?:\w+\s+)?(?:be\s+)?(?:fil(?:e|ing)|patent(?:ing)?)\s+(?:on\s+|for\s+)?"
    r"(?:it|this|that|them|in\s+\w+|next\s+\w+|soon|shortly|later|a\s+patent|the\s+patent|on\s+\w+|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)"
    r"|(?:applying|apply|applied)\s+for\s+(?:the|a|our)\s+patent\s+(?:soon|shortly|next|in\s+\w+|this\s+\w+)"
    # round 21 (P6): "Tech transfer are filing the patent in March, so for now here's a rough sketch"
    r"|(?:filing|lodging|submitting)\s+(?:the|a|our)\s+patent(?:\s+application)?\s+(?:in|next|on|after|soon|later|this)\b"
    r"|(?:once|when|after|until|till|before)\s+(?:the\s+uni(?:versity)?|we|they|legal|the\s+lawyers|tto|the\s+tto|the\s+\w+\s+office)"
    r"\s+(?:\w+\s+){0,2}?(?:sorts?|sort\s+out|sorted|files?|filed|protects?|patents?|deals?\s+with|finish\w*)\s+(?:the\s+|our\s+)?"
    r"(?:ip|patent|patents|protection|paperwork|filing)"
    r"|(?:haven'?t|have\s+not|hasn'?t|not\s+yet)\s+(?:yet\s+)?(?:spoken|talked|been|gone|got\s+round)\s+to\s+(?:the\s+|our\s+)?"
    r"(?:patent|ip|tech(?:nology)?\s+transfer|commercialisation)\s*(?:attorneys?|lawyers?|office|team|people)?"
    r"|(?:lawyers?|attorneys?|tto|ip\s+office)\s+(?:say|said|told\s+us|want\s+us)\s+(?:not\s+to|to\s+wait|don'?t)"
    r"|(?:before|until)\s+(?:it'?s|it\s+is|it\s+gets|they'?re|everything'?s)\s+(?:all\s+)?(?:locked\s+down|protected|"
    r"patented|filed)"
    r"|(?:ip|patent|patenting|licensing|protection)\s+(?:discussions?|talks|negotiations?|process|paperwork|application|"
    r"filing|review|conversations?)\s+(?:\w+\s+){0,4}?(?:is\s+|are\s+)?(?:still\s+)?(?:ongoing|under\s*way|in\s+progress|"
    r"pending|continuing|not\s+(?:yet\s+)?(?:finished|done|complete|sorted)|being\s+\w+)"
    # round 18: "full formula on the whiteboard - filing is next month" (not a tax return's filing)
    r"|(?<!(?:tax|return|accounts|self-assessment|vat)\s+)(?![^.!?\n]{0,40}\b(?:tax|vat|self-assessment|accounts|return|"
    r"expenses|claims?)\b)filing\s+(?:is|'s)\s+(?:due\s+)?(?:next\s+(?:week|month)|"
    r"in\s+(?:a\s+few|two|three|\d+)\s+(?:weeks?|months?)|soon|tomorrow|this\s+week|on\s+the\s+\d+\w*|"
    r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)"
    # round 18 (M3, M4): "we file the provisional on the 20th", "attorney says hold fire on showing it",
    # "here's the schematic before they ..."
    r"|(?:file|filing|submit|submitting)\s+(?:the\s+|our\s+)?provisional\b"
    r"|(?:attorneys?|lawyers?|tto|ip\s+office)\s+(?:says?|said|told\s+us|wants?\s+us)\s+(?:to\s+)?(?:hold\s+(?:fire|off)|wait)"
    r"|(?:here'?s|sharing|showing|posting)\s+(?:the\s+|our\s+)?(?:full\s+)?(?:schematic|schematics|design|formula|circuit|"
    r"recipe|blueprint|drawings?)\s+before\s+(?:they|we|the\s+(?:patent|attorneys?|lawyers?))"
    # round 20e (P4): "IP team are still drafting the filing so you didn't see this"
    r"|(?:still\s+)?drafting\s+the\s+(?:filing|patent|application|provisional)"
    r"|filing\s+(?:with\s+the\s+ipo|for\s+(?:a\s+)?patent)\s+soon|patent\s+(?:is\s+|application\s+is\s+)?"
    r"(?:still\s+being\s+drafted|due\s+to\s+be\s+filed))(?![\w])",
    regex.IGNORECASE,
)


# Words each rule's pattern cannot match without (checked against the post's word set first).
_PATENT_WORDS = gate_words("""
    patent patents patented patentable unpatented pre-patent ip filing file filed protected protect
    protecting protection invention transfer ipo later
""")
_EMBARGO_WORDS = gate_words("""
    embargo embargoed unpublished published publication peer review sneak preview paper results yet
    release announcement share post publish wait journal
""")
_CONF_WORDS = gate_words("""
    confidential confidence leak leaked leaks leaking internal restricted circulation distribution
    release publication sharing share forward circulate nda record minutes session camera draft audit
    review report memo email slides papers notes briefing list names shortlist exam approved meeting
    public unreleased secret strictly highly marked stamped labelled commercially ref closed private reserved
""")
_INSIDER_WORDS = gate_words("""
    told said mentioned heard shared showed confidence privately private supposed meant allowed hush
    hush-hush inside keep nobody nobody's accidentally mistakenly landed got friend someone somebody
    kill shouldn't should office contact source mate wasn't weren't don't
""")


_INSIDER_WORDS |= gate_words("can't doesn't peek look before go")
_CONF_WORDS |= gate_words("ref closed private reserved")
_PATENT_WORDS |= gate_words("later")


_INSIDER_WORDS |= gate_words("let slip panel inbox")
_CONF_WORDS |= gate_words("submission")
_CONF_WORDS |= gate_words("redundancy redundancies internally")
_PATENT_WORDS |= gate_words("patenting filing licensing applying locked lawyers attorneys tto")
_PATENT_WORDS |= gate_words("provisional attorney schematic schematics blueprint")


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
    if not gate(doc.masked, _PATENT_WORDS):
        return
    for m in _PATENT_RE.finditer(doc.masked):
        if m.group().lower().endswith("pending") and _FILED_RE.search(doc.masked):
            continue  # "Patent pending: filed with the UKIPO and published as GB...": the application is in
        if _PATENT_ADVICE_RE.search(doc.masked, max(0, m.start() - 60), m.start()):
            continue  # round 20e (P2): "lesson one: don't post about your invention before it's filed"
        if m.group().lower() == "invention disclosure" and (
            _GRANTED_RE.search(doc.text) or _FILED_RE.search(doc.masked)
        ):
            continue  # round 20 (P1): "supported Helen from invention disclosure all the way to grant": its history
        yield m.start(), m.end(), "Disclosure of an invention that is not yet protected."


# The rule told as advice ("don't post about your invention before it's filed", "never disclose ... until").
_PATENT_ADVICE_RE = regex.compile(
    r"(?i)\b(?:don'?t|do\s+not|never|avoid|remember\s+not\s+to)\s+(?:\w+\s+){0,6}?(?:post|talk|tweet|share|publish|"
    r"disclose|present|blog)\w*\b[^.!?\n]{0,40}$"
)
# The patent said to be granted (or its granted number given): the invention is protected.
_GRANTED_RE = regex.compile(
    r"(?i)\bpatent\b[^.!?\n]{0,80}?\b(?:has\s+been|was|is\s+now|been)\s+granted\b|\bgranted\s+(?:a\s+|the\s+|our\s+)?patent"
    r"|\b(?:GB|EP|US)\s?\d[\d\s]{5,9}\s?B\d?\b"
)
# The application said to be filed or published: 'pending' then means what the law means by it.
_FILED_RE = regex.compile(
    r"(?i)\b(?:has|have|had)\s+been\s+(?:\w+\s+)?(?:filed|published|submitted)|\bfiled\s+(?:with|at)\s+(?:the\s+)?"
    r"(?:uk\s*ipo|ipo|epo|uspto|wipo|intellectual\s+property\s+office)|\bpublished\s+as\s+(?:GB|EP|WO|US)\s?\d"
)


_EMBARGO_RE = regex.compile(
    # the embargo named as over ("has now lifted", "embargo's up", "out of embargo", "no longer under
    # embargo", "published after embargo") is the all-clear, not a breach
    r"(?<![\w])(?:(?<!(?:for|until|till|when)\s+the\s+)"
    r"(?<!(?:out\s+of|no\s+longer|after|past|post|since|following|end\s+of|lifting\s+of|lifted\s+the|once\s+the)\s+"
    r"(?:the\s+|under\s+|its\s+|our\s+|an\s+)?)(?<!post-)"
    r"(?:under\s+)?embargo(?:ed)?(?!(?:\s+(?:on|for)(?:\s+[\w'’-]+){1,4}?)?"
    r"(?:['’]s|\s+(?:has\s+been|has|have|had|is|was|now|is\s+now|just|finally|officially|"
    r"having\s+been))?\s+(?:(?:now|just|finally|officially)\s+)?(?:lifted|lifts\s+(?:today|now)|ended|over|expired|up|"
    r"passed|gone|finished|is\s+off|off))"
    r"|(?:not\s+yet|yet\s+to\s+be|un)published\s+(?:\w+\s+){0,2}(?:results?|data|findings|paper|study|manuscript|work|"
    r"trial|survey|method|idea|report)"
    r"|(?:paper|study|results?)\s+(?:isn'?t|is\s+not|aren'?t|are\s+not)\s+(?:out|published)\s+(?:yet|till|until)"
    r"|(?:won'?t|will\s+not)\s+be\s+published\s+until|(?:can'?t|cannot)\s+post\s+the\s+paper\s+yet"
    r"|(?:before|ahead\s+of)\s+the\s+(?:official\s+)?(?:release|announcement)"
    r"|(?:can'?t|cannot|can\s+not)\s+(?:share|publish|post)\s+(?:\w+\s+){0,3}?yet"
    r"|(?:ahead\s+of|before)\s+(?:its\s+|our\s+|the\s+)?(?:publication|peer\s+review|the\s+paper\s+(?:is\s+)?(?:out|published))"
    r"|(?:sneak\s+peek|preview)\s+(?:at\s+|of\s+)?(?:our\s+)?(?:unpublished|upcoming\s+paper|draft\s+paper)"
    r"|(?:paper|manuscript|results?)\s+(?:is\s+|are\s+)?(?:still\s+)?under\s+(?:peer\s+)?review"
    r"|(?:ahead\s+of|before)\s+(?:our|the|my|their|this)\s+(?:\w+\s+)?(?:paper|article|study|results?|findings|preprint|"
    r"publication|manuscript)\s+(?:comes?\s+out|coming\s+out|(?:is|being|gets?|getting)\s+(?:published|accepted|out)|"
    r"appears?|goes\s+live|is\s+out)"
    r"|no\s+need\s+to\s+wait\s+for\s+the\s+(?:journal|paper|publication|embargo|press\s+release|official)"
    r"|(?:before|until|ahead\s+of)\s+the\s+(?:journal|editors?|reviewers?|referees?)\s+(?:\w+\s+)?(?:decides?|accepts?|"
    r"publishes|respond|comes?\s+back|gets?\s+back|makes?\s+up))(?![\w])",
    regex.IGNORECASE,
)


# what follows "can't share it yet" when nothing is shared: "..., but watch this space", end of post
_KEEPS_IT_RE = regex.compile(
    r"[\s,;.!-]*(?:$|(?:but\s+)?(?:watch\s+this\s+space|stay\s+tuned|more\s+(?:soon|to\s+come|news\s+soon)|"
    r"details\s+soon|(?:we'?ll|i'?ll)\s+(?:share|post|tell)|hopefully\s+soon|soon|fingers\s+crossed"
    # round 19 (N4): "..., but there'll be a public consultation in the spring"
    # round 19 (N8): "... we can't share just yet 🤐 but trust us, you'll want to be at open day"
    r"|[^\w\s]*\s*(?:but\s+)?trust\s+(?:us|me)\b"
    r"|(?:there['’]?ll|there\s+will)\s+be\s+(?:a\s+|an\s+)?(?:full\s+|public\s+|formal\s+|official\s+)?"
    r"(?:consultation|announcement|update|statement|news|details)))"
)
_WAITS_RE = regex.compile(
    r"(?<![\w])(?:i'?ll|we'?ll|i\s+will|we\s+will)\s+(?:post|share)\s+(?:\w+\s+){0,3}?(?:as\s+soon\s+as|when|once|then)"
    r"(?![\w])"
    # news deferred to the publication ("so more news when it's out", "details to follow once it's published")
    r"|(?<![\w])(?:more\s+news|more\s+details|details|news|the\s+link|a\s+link)\s+(?:to\s+follow\s+|soon\s+|coming\s+)?"
    r"(?:when|once|after)\s+(?:it'?s|it\s+is|it\s+goes|they'?re|the\s+paper\s+is)\s+(?:out|published|live|public|online)"
    r"(?![\w])"
    # round 19 (N5, N6): "we can't share the dataset until the journal embargo lifts", "It's embargoed until
    # 00:01 Thursday, so we can't say more yet"
    r"|(?<![\w])(?:can'?t|cannot|won'?t)\s+(?:share|say|post|release)\s+(?:[\w'’-]+\s+){0,3}?until\s+(?:the\s+)?(?:\w+\s+)?"
    r"embargo\s+(?:lifts|ends|is\s+lifted|expires)"
    r"|(?<![\w])(?:so|and)\s+(?:we|i)\s+(?:can'?t|cannot)\s+(?:say|share|tell\s+you)\s+(?:any\s*)?more\s+(?:yet|until\s+then)"
    r"(?=\s*(?:[.!]|$))"
)

# A result stated while waiting: what the work finds or shows.
_GIVES_RESULT_RE = regex.compile(
    r"(?i)(?<![\w])(?:finds?|found|shows?|showed|shown|reveals?|revealed|proves?|proved|suggests?|demonstrat\w+|"
    r"confirms?|confirmed|halves|halved|doubles|doubled|cures?|cured|works|worked|beats?|outperforms?)(?![\w])"
)


# What a wait may be for: a piece of work of the author's, not the institution's news.
_PUBLICATION_RE = regex.compile(
    r"(?i)(?<![\w])(?:paper|papers|study|studies|article|book|chapter|preprint|report|findings|manuscript|thesis|"
    r"research|results|dataset|datasets|journal)(?![\w])"
)
# News of the institution told while "waiting" ("Under embargo but the department is closing in June").
_NEWS_GIVEN_RE = regex.compile(
    r"(?i)(?<![\w])(?:clos(?:e|es|ed|ing|ure)|shut\w*|cuts?|cutting|redundan\w+|merg\w+|sell\w*|sold|resign\w*|"
    r"sack\w*|fired|deficit|strike|investigat\w+|appoint\w+|leaving|axed|scrapped)(?![\w])"
)


def waits_for_publication(t: str) -> bool:
    """The post waits for the publication of a piece of work ("our embargoed study goes live tomorrow,
    I'll post the link as soon as it's public", "paper ... so more news when it's out") and gives
    nothing away meanwhile: no result ("...: bees can count to five. More news when it's out") and
    no news of the institution ("...the department is closing in June. More news when it's out").
    CIP002 and PER006 both ask."""
    return (
        _WAITS_RE.search(t) is not None
        and _PUBLICATION_RE.search(t) is not None
        and _GIVES_RESULT_RE.search(t) is None
        and _NEWS_GIVEN_RE.search(t) is None
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
        Example("Excellent workshop on commercialising research and protecting IP before publication", False),
    ],
)
def embargo(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    if not gate(doc.masked, _EMBARGO_WORDS):
        return
    waits = waits_for_publication(doc.masked)
    for m in _EMBARGO_RE.finditer(doc.masked):
        if waits and m.group().startswith(("embargo", "under")):
            continue
        if (
            m.group().startswith(("can", "cannot"))
            and _KEEPS_IT_RE.match(doc.masked, m.end())
            # nothing told after the promise ("but trust us, the Chemistry department is closing" tells)
            and _NEWS_GIVEN_RE.search(doc.masked, m.end()) is None
            and _GIVES_RESULT_RE.search(doc.masked, m.end()) is None
        ):
            continue
        if _DONE_BEFORE_RE.search(doc.masked, max(0, m.start() - 40), m.start()):
            continue  # round 19 (N9): "responsibly disclosed and patched before publication": done, in the past
        if _ADVICE_FRAME_RE.search(doc.masked, max(0, m.start() - 80), m.start()):
            continue  # "a workshop on protecting IP before publication": advice about the rule, not a breach
        if m.group().lower().startswith(("embargo", "under")) and _OPEN_ACCESS_RE.search(
            doc.masked, max(0, m.start() - 100), m.end() + 60
        ):
            continue  # a publisher's open-access embargo on its own version: the paper is out, nothing leaks
        if m.group().lower().startswith("embargo") and _NOW_LIVE_RE.search(doc.masked, m.end(), m.end() + 80):
            continue  # "Embargoed until 00:01 Wednesday - now live: ...": the press release after its embargo
        if m.group().lower().startswith("embargo") and _EMBARGO_OVER_RE.match(doc.masked, m.end()):
            continue  # round 19 (N7): "the embargo on our graduate's thesis ... has now ended": it is public
        if m.group().startswith("embargoed") and _EMBARGO_SERVICE_RE.match(doc.masked, m.start()):
            continue  # "embargoed press releases are available to registered journalists": the service, no content
        if _PRESS_NOTICE_RE.search(doc.masked) and _GIVES_RESULT_RE.search(doc.masked) is None:
            continue  # round 20e (P2): "For journalists: our report ... is embargoed until 00:01 ...": the notice
        if _WAIT_FOR_IT_RE.search(doc.masked, m.end()):
            continue  # round 20e (P2): 'asked me what our unpublished data show. Me: "wait for the paper."'
        if _FORBIDS_RE.search(doc.masked, max(0, m.start() - 60), m.start()) and not (
            _ADMITS_BEFORE_RE.search(doc.masked, max(0, m.start() - 60), m.start())
            or _BUT_AFTER_RE.match(doc.masked, m.end())
        ):
            continue  # "please don't share unpublished data on social media": the rule, not a breach of it
        yield m.start(), m.end(), "Embargoed or unpublished material."


# An embargo announced to the press ("For journalists: ... embargoed until 00:01 Thursday. Accredited media
# can request the release"): the notice of a release, whose findings it does not give.
_PRESS_NOTICE_RE = regex.compile(
    r"(?i)\b(?:for\s+journalists|accredited\s+(?:media|journalists)|(?:media|journalists|press)\s+(?:can|may)\s+request|"
    r"request\s+(?:the|an|a\s+copy\s+of\s+the)\s+(?:embargoed\s+)?(?:copy|release|report))\b"
)
# The answer that tells nothing: "wait for the paper", "no comment".
_WAIT_FOR_IT_RE = regex.compile(
    r"(?i)\b(?:wait\s+for\s+the\s+(?:paper|publication|press\s+release|report|announcement)|no\s+comment)\b"
)
_DONE_BEFORE_RE = regex.compile(
    r"(?i)\b(?:patched|fixed|disclosed|resolved|reported|notified|shared\s+with\s+the\s+\w+)\s+(?:\w+\s+)?$"
)
# The newsroom's service to journalists ("embargoed press releases are available to registered
# journalists", "sign up for embargoed stories"): releases in the plural, offered, and none given.
_EMBARGO_SERVICE_RE = regex.compile(
    r"embargoed\s+(?:press\s+|news\s+|media\s+)?(?:releases|stories|materials|copies|news)\b[^.!?]{0,80}?"
    r"\b(?:available|access|sign\s+up|register\w*|journalists|reporters|media|newsroom|mailing\s+list|subscribe)\b"
)
# The embargoed or unpublished thing as the object of a prohibition in the same clause ("please don't
# share unpublished data before papers are accepted", "never post unpublished results"): advice.
_FORBIDS_RE = regex.compile(
    r"(?<![\w'’])(?:don['’]?t|do\s+not|never|avoid|must\s+not|mustn['’]?t|shouldn['’]?t|should\s+not)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:share|sharing|post|posting|publish|publishing|tweet|tweeting|put|putting|discuss|"
    r"discussing|reveal|revealing|disclose|disclosing|release|releasing|circulate|circulating|mention|upload|"
    # round 31: a list or a longer object before the word ("don't share draft papers, unpublished results";
    # "never post a draft figure from an unpublished paper")
    r"uploading)\s+(?:[\w'’-]+,?\s+){0,5}$"
)
# ... unless the author owns up to breaking it ("we know we shouldn't post unpublished results, but ...")
_ADMITS_BEFORE_RE = regex.compile(r"(?<![\w])(?:know|knew|technically|probably|supposed|meant|sure)\s+[^.!?]*$")
_BUT_AFTER_RE = regex.compile(r"[^.!?\n]{0,80}?\b(?:but|anyway|though|however|still|oh\s+well)\b")
# A press release's embargo line followed by word that the time has come ("Embargoed until 00:01
# Wednesday 3 September - now live", "... (embargo lifted)").
_NOW_LIVE_RE = regex.compile(
    r"(?i)[\s\-–—:,(]+(?:(?:and\s+)?(?:is\s+|are\s+)?now\s+(?:live|lifted|out|public|published)|embargo\s+(?:now\s+)?lifted|"
    r"out\s+now|live\s+now)\b"
)
_EMBARGO_OVER_RE = regex.compile(
    r"(?i)[^.!?\n]{0,60}?\b(?:has|have|had)\s+(?:now\s+|just\s+|finally\s+)?(?:ended|expired|lifted|been\s+lifted|passed|"
    r"come\s+off)|[^.!?\n]{0,60}?\bis\s+(?:now\s+)?over\b"
)
# An open-access embargo: the publisher's typeset version is held back from a repository while the
# accepted manuscript is free to read ("free in our repository while the publisher's version is
# under embargo", "a 12-month embargo on the version of record"); publication has happened.
_OPEN_ACCESS_RE = regex.compile(
    r"(?i)\b(?:publisher'?s\s+(?:version|pdf|copy)|version\s+of\s+record|accepted\s+manuscript|author'?s?\s+accepted|"
    r"repository|open\s+access|green\s+oa|gold\s+oa|embargo\s+period|self-archiv\w*)\b"
)


# Training and advice about embargoes and publication ("workshop on protecting IP before
# publication", "how to handle embargoed press releases"): the topic of the session, not material.
_ADVICE_FRAME_RE = regex.compile(
    r"(?<![\w])(?:workshops?|training|webinars?|seminars?|sessions?|courses?|guides?|guidance|advice|tips|how\s+to|"
    r"drop-ins?|masterclass|toolkit|briefing\s+for\s+researchers|modules?|e-?learning)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:on|about|for|covering|covers|explaining|to)\s+(?:[\w'’,-]+\s+){0,8}$"
)


_CONF_RE = regex.compile(
    r"(?<![\w])(?:(?:strictly|highly|private\s+and|marked|stamped|labelled|commercial(?:ly)?\s+in)\s+confiden(?:tial|ce)"
    r"|confidential\s+(?:document|report|minutes|memo|papers?|e-?mail|draft|information|data|briefing|slides|"
    r"agenda|plan|proposal|restructur\w*|figures)"
    r"|(?<!(?:roof|pipe|tap|water|gas|oil|boiler|radiator|memory|resource|handle)\s)leak(?:ed|s|ing)?(?!\s*(?:proof|detection))|(?:internal|restricted)\s+(?:use\s+)?only|not\s+for\s+"
    r"(?:public\s+)?(?:circulation|distribution|release|publication|sharing)|do\s+not\s+(?:share|forward|circulate)|"
    r"(?:under|covered\s+by|breaking\s+(?:an|the|my))\s+(?:an\s+)?nda|off\s+the\s+record"
    r"|(?:committee|board|council|senate|exec(?:utive)?|smt|management|governors?'?|faculty\s+board|ucu)\s+"
    r"minutes|minutes\s+of\s+(?:the\s+)?(?:confidential|closed|private|in-camera)|closed\s+session|in\s+camera"
    r"|(?:the|a)\s+draft\s+(?:of\s+the\s+)?(?:new\s+)?(?:restructuring|strategic|pay|budget|admissions|financial|redundancy|"
    r"staffing|merger|closure)\s*\w*|draft\s+of\s+the\s+new\s+\w+"
    # ... but not the training or course about it ("our internal audit training was actually useful")
    r"|internal\s+(?:audit|review|report|memo|email)(?!\s+(?:training|course|module|workshop|webinar|e-?learning|"
    r"session|refresher|quiz))|(?:slides|papers|notes|minutes|briefing)\s+from\s+the\s+"
    r"(?:leadership|exec|executive|board|senate|council|smt|governors)"
    r"|(?:list|names)\s+of\s+(?:staff|people|colleagues)\s+at\s+risk|shortlist\s+for\s+the\s+\w+\s+(?:job|post|role)"
    # who is to go, decided behind closed doors ("the redundancy list for Estates has been finalised internally")
    r"|(?:redundancy|redundancies|at[-\s]risk)\s+(?:list|lists|numbers|figures)"
    r"|(?:finalised|finalized|agreed|decided|approved|signed\s+off)\s+internally"
    r"|panel'?s\s+shortlist|(?:the|next\s+week'?s)\s+(?:\w+\s+)?exam\s+paper\s+for"
    r"|sharing\s+the\s+exam\s+paper|(?:confidential|secret)\s+(?:partnership|deal|agreement|masterplan|plan)"
    r"|not\s+been\s+approved\s+yet|draft\s+(?:\w+\s+){0,3}submission|ref\s+submission\s+list|(?:closed|confidential|private|reserved)\s+(?:part|section|"
    r"session|business|items?)\s+of\s+the|(?<!(?:published|public|open)\s)(?:board|senate|council|committee|governors'?)\s+papers"
    r"|interview\s+(?:scores|notes|feedback|rankings)|(?:in|at)\s+a\s+(?:closed|private|confidential)\s+meeting"
    r"|exam\s+(?:questions|paper|answers)\s+for\s+(?:tomorrow|next|the\s+upcoming|monday|tuesday|wednesday|thursday|"
    r"friday)|not\s+yet\s+public|not\s+public\s+yet|\(not\s+public\)|unreleased"
    # passing on what was given in confidence: "sharing the panel's confidential feedback", "posting the
    # confidential reviewers' reports", "screenshot from our internal staff Teams channel"
    r"|(?:sharing|share|posting|post|pasting|paste|publishing|forwarding|here'?s|here\s+are|screenshots?\s+of)\s+"
    r"(?:the|our|their|a|an|his|her|these|this)\s+(?:[\w'’-]+\s+){0,2}?confidential\s+(?:[\w'’-]+\s+)?(?:feedback|"
    r"reports?|reviews?|comments|scores|minutes|documents?|e-?mails?|memo|papers?|figures|data|notes|assessments?|"
    r"rankings|decisions?|letters?|advice|results|references?|evaluations?)\b"
    r"|screen(?:shot|grab)\w*\s+(?:from|of|off)\s+(?:our|the|a|my|an)\s+(?:[\w'’-]+\s+){0,2}?(?:internal|private|closed|"
    r"staff[-\s]only)\s+(?:[\w'’-]+\s+){0,2}?(?:channel|chat|group|thread|slack|teams|forum|mailing\s+list|e-?mail|workspace))(?![\w])",
    regex.IGNORECASE,
)


# A leak refused ("No, we can't leak them early").
_REFUSED_LEAK_RE = regex.compile(r"(?i)\b(?:can['’]?t|cannot|won['’]?t|will\s+not|never|not\s+going\s+to)\s+$")


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
    for m in _CONF_RE.finditer(doc.masked) if gate(doc.masked, _CONF_WORDS) else ():
        # "do not share your login with anyone" is security advice, not a confidentiality marking
        if m.group(0).startswith("do") and _OWN_SECRET_AFTER_RE.match(doc.masked, m.end()):
            continue
        if m.group(0).startswith("leak") and harmless_leak(doc):
            continue  # "the estates team fixed the leak in our lab", "the leaked plot of the new Doctor Who series"
        if m.group(0).startswith("leak") and _studied_leak(doc, m):
            continue  # "our paper: a taxonomy of API key leaks on GitHub": leaks as the subject of research
        if m.group(0).startswith("leak") and _REFUSED_LEAK_RE.search(doc.masked, max(0, m.start() - 24), m.start()):
            continue  # round 19 (N8): "No, we can't leak them early": a leak refused
        if m.group(0) == "off the record" and not doc.holds(_MATTER_RE, masked=True):
            continue  # "off the record, the best coffee on campus is in the basement"
        if doc.holds(_PUBLISHED_RE, masked=True):
            break  # "The Senate papers for the open session are now on the governance website"
        if personal_or_posed(doc):
            break  # "told in confidence by my best friend she's getting married! Not public yet"
        yield m.start(), m.end(), "Material marked confidential, leaked or internal."
        return
    yield from _given_away(doc)


# What is not the poster's to publish, given away outright: a company's or project's whole code put
# public, the people on a job shortlist named, the content of an exam not yet sat, a panel's scores.
_GIVEN_AWAY_RE = regex.compile(
    r"(?<![\w])(?:"
    r"(?i:pushed|put|uploaded|posted|dumped|stuck|made|leaked)\s+(?i:the\s+)?(?i:whole|entire|full|complete|all\s+(?:of\s+)?the)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?i:code\s*base|codebase|code|repo|repository|source(?:\s+code)?)\b[^.!?\n]{0,40}?"
    r"(?i:public|github|gitlab|online|pastebin)"
    r"|(?i:spin-?out|company|start-?up|client|partner|sponsor)(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?i:code\s*base|codebase|"
    r"code|repo|repository|source\s+code)\s+(?:\w+\s+){0,3}?(?i:on|to)\s+(?i:my\s+)?(?i:public\s+|own\s+)?(?i:github|gitlab)"
    r"|(?i:shortlist(?:ed)?|(?:the\s+)?(?:two|three|four|five|final\s+\w+|last\s+\w+)\s+(?:left|remaining|still\s+in)|"
    r"candidates|interviewees)\s+(?i:for|in\s+the\s+running\s+for)\s+(?i:the\s+)?[^.!?\n:]{0,60}?"
    r"(?i:job|post|role|chair|position|vacancy|director\w*|dean\w*|head\s+of\s+\w+|principal|professorship|"
    r"lectureship|registrar|vice-chancellor|vice\s+chancellor|vc|chancellor|provost|president|ceo)\b"
    r"[^.!?\n:]{0,30}?(?::|\s(?i:are|is|=)\s|\s[-–]\s)\s*"
    # "...: it's between Prof Adams and Dr Singh"
    r"(?:(?i:it['’]?s\s+|it\s+is\s+)?(?i:between)\s+)?"
    r"(?:(?i:dr|prof|professor|mr|mrs|ms|miss)\.?\s+)?\p{Lu}[\p{Ll}'’-]+"
    r"|(?i:tomorrow|tomorrow's|tomorrow’s|next\s+week's|next\s+week’s|monday's|tuesday's|wednesday's|thursday's|"
    r"friday's|this\s+afternoon's|the\s+upcoming|the\s+final|the\s+resit)\s+(?:[\w-]+\s+){0,3}?(?i:exam|paper|test)"
    r"\b[^.!?\n]{0,10}?(?:\s*:\s*(?i:q(?:uestion)?\s*\d)|\s(?i:has|includes|will\s+have|is\s+all\s+about)\s+(?i:the|a|an)(?=\s))"
    r"|(?i:(?:tender|bid|bidder|procurement|interview|selection)\s+(?:panel\s+)?(?:scores|rankings|marks)|"
    r"scores\s+from\s+the\s+(?:\w+\s+){0,2}?(?:tender|interview|procurement|selection|appointment)\s+panel)"
    r")(?![\w])"
)
_GIVEN_AWAY_WORDS = gate_words("""pushed put uploaded posted dumped stuck made leaked github gitlab shortlist
    shortlisted left remaining candidates interviewees exam paper test scores rankings""")


def _given_away(doc: Doc) -> Iterator[Hit]:
    if not gate(doc.masked, _GIVEN_AWAY_WORDS):
        return
    m = _GIVEN_AWAY_RE.search(doc.text)
    if m and not _PUBLISHED_RE.search(doc.masked):
        yield m.start(), m.end(), "Something that is not yours to publish, given away in the post."


# What an invigilator could give away: the paper, its questions, who cheated.
_EXAM_SECRET_RE = regex.compile(
    r"(?<![\w])(?:questions?|paper|answers?|cheat\w*|caught|copying|phones?|names?|candidate\s+(?:no|number)|topics?|"
    r"section\s+[a-z\d])(?![\w])"
)
# Papers of an open session, or ones said to be published: the institution releasing them.
_PUBLISHED_RE = regex.compile(
    r"(?<![\w])(?:open\s+(?:session|meeting|part|business)|(?:are|is)\s+now\s+(?:on|published|available|live|up|public)|"
    r"(?:have|has)\s+been\s+published|published\s+on\s+(?:the|our))(?![\w])"
)
# A leak of water, not of documents (round 44: of a bottle or a pen too, "leaked all over my bag").
PHYSICAL_LEAK_RE = regex.compile(
    r"(?<![\w])(?:fix|fixed|fixing|repair\w*|plumb\w*|water|pipes?|roof|ceiling|taps?|drip\w*|flood\w*|bucket|radiator|"
    r"boiler|damp|gas|estates\s+team|reporting\s+it|leak-?proof|bottles?|flasks?|pens?|kettle|dishwasher|fridge|freezer|"
    r"coolant|nappy|leaked\s+all\s+over)(?![\w])"
)
# A film's, a show's or an album's leaked plot or trailer (round 45): someone else's secret, not the
# institution's ("The leaked plot of the new Doctor Who series is all over my feed").
MEDIA_LEAK_RE = regex.compile(
    r"(?<![\w])(?:leak\w*\s+(?:\w+\s+){0,2}?(?:plot|trailer|spoilers?|episodes?|album|single|setlist|script|footage|"
    r"storyline|ending|finale|season|series|film|movie|kit|squad|line-?up)|(?:plot|trailer|spoilers?|episodes?|album|"
    r"script|finale|ending|kit|squad|line-?up)\s+(?:has\s+|have\s+|was\s+|were\s+)?leaked)(?![\w])"
)
def harmless_leak(doc: Doc) -> bool:
    """Whether the post's leak is of water or a bottle, or a show's leaked plot: nothing the institution
    keeps (CIP003 and PER006 ask it of a leak word)."""
    return doc.holds(PHYSICAL_LEAK_RE, masked=True) or doc.holds(MEDIA_LEAK_RE, masked=True)


# Leaks as the subject of research or teaching ("Paper: a taxonomy of API key leaks on GitHub",
# "our researchers found thousands of leaked API keys in public repositories", "why 'Password123' is
# top of every leak list"): the leaked things are secrets in general (keys, credentials, passwords,
# personal data), and the post frames itself as a study, a talk or a lesson. "Leaked from the
# research office: ..." names no such thing beside the word and is still a leak.
_LEAK_STUDY_FRAME_RE = regex.compile(
    r"(?i)(?<![\w])(?:paper|papers|preprint|study|studies|research|researchers?|analys[ei]s|analysed|analyzed|scanned|"
    r"taxonomy|dataset|survey|surveyed|measured|found|finds|findings|teaching|lecture|seminar|talk|workshop|module|"
    r"class|tutorial|conference|explains?|how\s+(?:to|developers|people|often))(?![\w])"
)
_LEAK_SECRET_BEFORE_RE = regex.compile(
    r"(?i)(?:api[-\s]?keys?|keys?|credentials?|passwords?|secrets?|tokens?|data|database|memory|privacy)\s+$"
)
_LEAK_SECRET_AFTER_RE = regex.compile(
    r"(?i)\s+(?:(?:\w+\s+){0,3}?(?:of\s+)?)?(?:api[-\s]?keys?|keys|credentials|passwords?|secrets|tokens|"
    r"personal\s+data|logins|lists?|databases?|corpus|corpora)\b"
)


def _studied_leak(doc: Doc, m: regex.Match[str]) -> bool:
    """The leak word ``m`` names leaked secrets in general, in a post about research or teaching
    (see _LEAK_STUDY_FRAME_RE), not something the post itself passes on."""
    if not doc.holds(_LEAK_STUDY_FRAME_RE, masked=True):
        return False
    t, (start, end) = doc.masked, m.span()
    return (
        _LEAK_SECRET_BEFORE_RE.search(t, max(0, start - 20), start) is not None
        or _LEAK_SECRET_AFTER_RE.match(t, end) is not None
    )


# What makes passed-on talk confidential rather than gossip about coffee: the institution's business.
_MATTER_RE = regex.compile(
    r"(?<![\w])(?:jobs|job\s+(?:cuts?|losses|offers?|freeze)|(?:got|get|gets|getting|given|offered)\s+the\s+job|posts?\s+(?:go|going|cut)|cuts?|cutting|clos(?:e|es|ed|ing|ure)|shut\w*|redundan\w+|merg\w+|budget|"
    r"deficit|pay\s+(?:offer|rise|cut|freeze|deal)|salar\w+|restructur\w+|sack\w*|fired|suspend\w*|deal|contract|"
    r"candidates?|shortlist\w*|appoint\w*|vc|vice[-\s]chancellor|dean|provost|registrar|council|senate|exec|governors|"
    r"strike|fees|ranking|ref|exams?|grades?|audit|investigation|partnership|funding|grant|bid|strategy|proposal|minutes|"
    r"takeover|selling|sale|(?<!peer[-\s])review|panel|outcome|results?|going\s+to\s+(?:fail|lose|close|cut|announce)|%|£\s?\d)(?![\w])"
)
# Office-life subjects of gossip, banter and jokes (food, the kettle, pets and wildlife, the quiz,
# the staff match): "keep it quiet" or "off the record" about them leaks nothing, unless a serious
# matter of the institution comes with them. Shared with the personal-use rules.
TRIVIAL_WORDS = gate_words(
    "biscuit biscuits cake cakes doughnut doughnuts donut donuts samosa samosas sandwich sandwiches pizza coffee tea "
    "milk mug mugs kettle fridge microwave snack snacks chocolate chocolates crisps lunch bake-off brownie brownies "
    "cookie cookies stapler cat cats dog dogs duck ducks goose geese pigeon pigeons seagull seagulls fox foxes "
    "squirrel squirrels quiz karaoke plant plants jumper jumpers santa traybake traybakes flapjack flapjacks cheese "
    "chips curry salad soup crumpets toast bagel bagels croissant croissants vending football rounders netball cricket "
    "tug-of-war sweepstake panto surprise party parties card birthday retirement whip-round send-off leaving-do"
)
# Life news kept quiet for a while (a friend's wedding, an engagement, a pregnancy, one's own
# sabbatical, a marathon, learning to drive, a new puppy, the allotment): "told in confidence by
# my best friend that she's getting married!", "keep this under your hat: I'm learning to drive".
# The confidential-ip family guards the institution's business (closures, pay, exams, panels,
# unpublished work); a personal secret with none of that in the post is not its concern (a
# named person's health or pregnancy is the privacy rules' concern, and they read it apart).
PERSONAL_NEWS_WORDS = gate_words(
    "married marry marrying wedding engaged engagement proposed pregnant expecting baby babies twins sabbatical "
    "marathon half-marathon drive driving holiday honeymoon puppy kitten allotment birthday retirement retiring "
    "garden choir band tattoo flu cold covid bake knitting"
)


def personal_news_only(t: str) -> bool:
    """The post's secret is life news (see PERSONAL_NEWS_WORDS) or office trivia (TRIVIAL_WORDS),
    and it holds no matter of the institution, no figure and no account of someone's work."""
    if not (gate(t, PERSONAL_NEWS_WORDS) or gate(t, TRIVIAL_WORDS)):
        return False
    if _MATTER_RE.search(t) or _DISCLOSE_RE.search(t) or _INSTITUTION_NEWS_RE.search(t):
        return False
    return not any(c.isdigit() for c in t)


# Business of the institution that _MATTER_RE leaves to other rules' words: posts, roles, leavers.
_INSTITUTION_NEWS_RE = regex.compile(
    r"(?i)(?<![\w])(?:resign\w*|leaving|quit\w*|promot\w*|hiring|hired|post|role|chair|professorship|school|faculty|"
    r"department|dept|university|uni|college|campus|patent|paper|journal|nature|embargo\w*|press)(?![\w])"
)
# A case posed for discussion ("Hypothetical for my ethics class: a colleague tells you in
# confidence that ... What do you do?"): a question to readers, nothing told about anyone real.
_HYPOTHETICAL_RE = regex.compile(
    r"(?i)(?<![\w])(?:hypothetical(?:ly)?|thought\s+experiment|scenario\s+for|case\s+for\s+discussion|"
    r"ethics\s+(?:class|seminar|module|lecture|tutorial))(?![\w])"
)
_ASKS_READER_RE = regex.compile(r"(?i)\bwhat\s+(?:do|would|should|will)\s+you\s+do\b|\bwhat\s+would\s+you\b")


def poses_a_case(t: str) -> bool:
    """The post sets readers a hypothetical case and asks what they would do (no figures in it)."""
    return (
        _HYPOTHETICAL_RE.search(t) is not None
        and _ASKS_READER_RE.search(t) is not None
        and not any(c.isdigit() for c in t)
    )


# A seat that sees unpublished work (reviewing, refereeing, examining, sitting on a panel), or a bare
# "before it's out": a leak only when the post then tells something of what was seen.
_SEAT_RE = regex.compile(
    r"(?i)(?:peer[-\s]?)?(?:reviewing|refereeing|refereed|reviewed|examined|examining|assessing)\b|before\s+(?:it|they)\b"
    r"|(?:i'?m|i\s+am|i\s+was|i\s+sat|i'?ve\s+been|sat)\s+on\s+(?:a|the)\b|on\s+(?:a|the)\s+(?:\w+\s+)?(?:panel|committee)\s+today"
    # a meeting of Senate or Council attended ("good debate at the Senate meeting today"): many of its
    # sessions are open and minuted, so it is a leak only when the post then tells its business
    r"|(?:senate|council)\s+meeting\s+(?:today|this|yesterday|last)\b"
)
# What was seen, told: its authors' claims or results, a name, a figure, the topic given away.
_DISCLOSE_RE = regex.compile(
    r"(?i)(?<![\w])(?:(?:they(?:['’]ve)?|the\s+authors?|the\s+applicants?|the\s+(?:team|group|lab)|one\s+(?:team|group|lab|applicant|"
    r"of\s+them)|(?:the|this)\s+(?:paper|study|manuscript|grant|proposal|bid|submission|thesis|work|data))\s+(?:\w+\s+)?"
    r"(?:shows?|showed|found|finds|claims?|claimed|propos\w+|reports?|reported|demonstrat\w+|suggests?|proves?|proved|"
    r"uses?|used|managed|cures?|cured|solves?|solved|gets?|got|achieved?|wants?|plans?|is\s+about|are\s+from|\w+ed)"
    r"|(?:the\s+|their\s+|its\s+)(?:stats|statistics|methods?|data|findings|conclusions?|results|sample|experiments?|analysis)\b"
    r"|(?:paper|grant|proposal|thesis|manuscript|application|bid|submission|dissertation)\s+(?:\w+\s+){0,2}?(?:from|by)\s+"
    r"(?:a\s+|an\s+|the\s+)?(?-i:\p{Lu})"
    r"|(?:it'?s|it\s+is|it\s+was|they'?re|this\s+is)\s+(?:(?:a|an|basically|just|clearly|total|utter|pure)\s+)*(?:rehash|"
    r"plagiar\w+|copy|nonsense|rubbish|garbage|terrible|awful|weak|flawed|wrong|fraud\w*|mess|joke|groundbreaking|"
    r"game[-\s]?changer|going\s+to\s+(?:change|win|be\s+huge))"
    r"|(?:fig(?:ure)?|table)\s*\d|(?:won'?t|will\s+not|doesn'?t|does\s+not|didn'?t)\s+(?:survive|hold\s+up|replicate|"
    r"stand\s+up|get\s+in|pass|add\s+up)"
    r"|\d+(?:\.\d+)?\s*(?:%|x\b|-?fold|times\s+(?:better|faster|more))|£\s?\d|(?:dr|prof|professor)\.?\s+\p{Lu}"
    r"|spoiler|guess\s+(?:what|who)|(?:it'?s|it\s+is)\s+(?:about|on)\s+\w|the\s+(?:method|result|results|finding|findings|"
    r"trick|idea|answer|winner|outcome)\s+(?:is|was|uses|shows)|(?:is|was|are|were|'s|’s)\s+(?:from|by)\s+(?-i:\p{Lu})"
    # hinting at it is telling it
    r"|let'?s\s+just\s+say|all\s+i'?ll\s+say\s+is|(?:hint|clue)\s*:|rhymes\s+with|starts\s+with\s+(?:an?\s+)?\w\b"
    r"|(?:rejected|accepted|funded|failed|passed|scored|ranked|shortlisted)\b)(?![\w])"
)
_OWN_SECRET_AFTER_RE = regex.compile(
    r"\s+(?:your|their|his|her|my|our)\s+(?:\w+\s+)?(?:login|log-in|password|passwords|passcode|pin|username|"
    r"credentials|account|details|code|card)\b"
)


_OTHERS_RE = regex.compile(
    r"(?<![\w])(?:(?:a|the)\s+(?:grant|paper|manuscript|proposal|submission|thesis)\s+(?:i'?m|i\s+am|i\s+was|"
    r"we'?re|we\s+are)\s+(?:peer[-\s])?reviewing"
    # "reviewing an amazing submission for Nature Genetics": the seat, which still needs a disclosure (_SEAT_RE)
    r"|(?:peer[-\s])?review(?:ing|ed)?\s+(?:a|an|this)\s+(?:[\w-]+\s+){0,2}?(?:grant|paper|manuscript|proposal|submission)\s+"
    r"(?:that|which|where|with|from|and|for)"
    r"|(?:my|a|our)\s+(?:colleague|collaborator|student|rival|competitor)'?s?'?\s+(?:\w+\s+)?(?:unpublished|"
    r"secret|confidential|new|latest)\s+(?:idea|ideas|work|results?|data|method|invention|design)"
    r"|(?:someone|somebody)\s+else'?s\s+(?:unpublished\s+)?(?:idea|work|results|data|research)"
    r"|(?:manuscript|paper|grant|proposal|submission)\s+(?:i'?m|i\s+am|we'?re)\s+(?:refereeing|reviewing|assessing|"
    r"peer[-\s]reviewing)|(?:peer[-\s])?review(?:ing)?\s+a\s+(?:paper|manuscript|grant|proposal)\s+(?:right\s+now\s+)?"
    r"(?:where|that|which|in\s+which)|(?:grant|proposal|application)\s+i'?m\s+assessing"
    r"|(?:she|he|they)\s+(?:hasn'?t|haven'?t)\s+published\s+(?:it\s+)?yet"
    r"|(?:their|her|his)\s+unpublished\s+(?:method|idea|results?|data|work)"
    r"|told\s+me\s+about\s+(?:her|his|their)\s+new\s+\w+\s+in\s+confidence"
    r")(?![\w])",
    regex.IGNORECASE,
)


# Scoring or reviewing other people's applications, then telling what one of them proposes.
_SCORING_RE = regex.compile(
    r"(?<![\w])(?:"
    r"(?:scoring|assessing|reviewing|refereeing|marking|reading|judging|shortlisting)\s+(?:\w+\s+){0,3}?(?:applications|"
    r"proposals|bids|grants?|manuscripts?|submissions|papers)\b[^.!?\n]{0,80}?\b(?:one\s+(?:team|group|lab|applicant|bid|"
    r"proposal|of\s+them)|the\s+(?:authors|applicants|team|group)|they)\s+(?:\w+\s+)?(?:wants?|claims?|propos\w+|"
    r"found|finds|show\w*|plans?|is|are|has|have|will|uses?|used)\b"
    r")",
    regex.IGNORECASE,
)
_SCORING_WORDS = gate_words("scoring assessing reviewing refereeing marking reading judging shortlisting")
_SCORED_WORDS = gate_words("applications proposals bids grant grants manuscript manuscripts submissions papers")
# words _OTHERS_RE cannot match without
_OTHERS_WORDS = gate_words("""reviewing review reviewed peer-reviewing peer-reviewed refereeing assessing unpublished
    else's published told colleague colleague's colleagues colleagues' collaborator collaborator's student student's
    rival rival's competitor competitor's""")


# The reviewer going on to show the work ("Here are the main findings", "it totally scoops ours",
# "screenshot of the abstract"): what a bare seat does not do.
_SHOWS_WORK_RE = regex.compile(
    r"(?i)(?<![\w])(?:here(?:'s|’s|\s+(?:are|is))|scoop\w*|findings|results|abstract|screenshots?|the\s+data)(?![\w])"
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
    t = doc.masked
    words = token_set(t)
    m = None if words.isdisjoint(_OTHERS_WORDS) else _OTHERS_RE.search(t)
    if m is None and not words.isdisjoint(_SCORING_WORDS) and not words.isdisjoint(_SCORED_WORDS):
        m = _SCORING_RE.search(t)
    if m and _SEAT_RE.match(m.group(0)):
        # "Just reviewed a paper from another group ... wrote a detailed report. That's peer review":
        # the reviewer's seat alone, like CIP006's, tells nothing of the work unless the post goes on
        # to say what it claims, found or is about
        rest = t[: m.start()] + " " * (m.end() - m.start()) + t[m.end() :]
        if not (_MATTER_RE.search(rest) or _DISCLOSE_RE.search(doc.text) or _SHOWS_WORK_RE.search(rest)):
            return
    if m:
        yield m.start(), m.end(), "Someone else's unpublished or confidential work."


# Things heard or received in confidence, passed on: the personal-account leak the guidance warns
# about ("told us in confidence ... Chemistry will be shut", "I'm not supposed to say but").
# The openings of _INSIDER_RE's branches, each copied from its branch (a word and the whitespace the
# branch needs after it, or a bare prefix): a lookahead on them rejects most word starts before
# the branches are tried, so the matches are the same by construction and cost ~20% less.
_INSIDER_OPENINGS = (
    r"(?:told|said|mentioned|heard|shared|showed|i'?m|i|we'?re|we|wasn'?t|weren'?t|was|inside|keep|do?n'?t|doesn'?t"
    r"|nobody'?s?|accidentally|mistakenly|landed|arrived|appeared|turned|popped|came|i'?ve|got|let|someone|somebody|can'?t|had|before|would|will|'d"
    r"|shouldn'?t|should|ip|tech|technology|a|my|our|friend)\s|hush"
)
_INSIDER_RE = regex.compile(
    r"(?<![\w])(?=" + _INSIDER_OPENINGS + r")(?:"
    r"(?:told|said|mentioned|heard|shared|showed)\s+(?:\w+\s+){0,7}?(?:in\s+confidence|privately|in\s+private)"
    r"|(?:i'?m|i\s+am|we'?re|we\s+are)\s+not\s+(?:supposed|meant|allowed)\s+to\s+(?:say|tell|share|know)"
    r"|(?:wasn'?t|weren'?t|was\s+not)\s+(?:supposed|meant)\s+to\s+(?:hear|know|see|share)"
    r"|told\s+(?:by\s+\w+\s+)?(?:\w+\s+){0,2}not\s+to\s+(?:share|say|tell)|hush[-\s]hush|inside\s+info(?:rmation)?"
    r"|(?:keep\s+it\s+to\s+yourselves|don'?t\s+tell\s+anyone\s+i\s+(?:told|shared))"
    r"|nobody'?s?\s+(?:has\s+)?been\s+told\s+yet|nobody\s+(?:has\s+)?seen\s+(?:it|them)\s+yet"
    r"|(?:accidentally|mistakenly)\s+(?:sent|forwarded|cc'?d)\s+me|landed\s+in\s+my\s+inbox"
    # something that arrived by mail and is then passed on ("has just arrived in my inbox, sharing it
    # here"); arriving alone is ordinary post ("the conference programme arrived in my inbox")
    r"|(?:arrived|appeared|turned\s+up|popped\s+up|showed\s+up|came\s+through)\s+in\s+my\s+inbox[^.!?\n]{0,30}?"
    r"\b(?:shar(?:e|ing)|post(?:ing|ed)?|here\s+(?:it\s+)?is|attach(?:ed|ing)|screenshot\w*)\b"
    r"|(?:i'?ve|i\s+have)\s+got\s+(?:a\s+copy|the\s+pdf|hold\s+of)|got\s+my\s+hands\s+on"
    # (a thing bought is no leak: "got my hands on the new mugs from the uni shop"; round 15)
    r"(?![^.!?\n]{0,60}?\b(?:shop|store|merch|mugs?|hoodies?|tickets?|totes?|t-?shirts?|jumpers?|scarf|scarves|"
    r"signed\s+copy|pre-?order)\b)"
    r"|shared\s+by\s+a\s+friend,?\s+don'?t\s+ask|let\s+slip|(?:someone|somebody)\s+on\s+the\s+(?:\w+\s+)?panel|can'?t\s+go\s+into\s+(?:the\s+)?details|can'?t\s+say\s+(?:much|more)\s+"
    r"(?:yet\s+)?but|(?:don'?t|doesn'?t)\s+want\s+(?:this|it)\s+(?:out|public|shared|known)|(?:got|had)\s+a\s+(?:sneak\s+)?"
    r"(?:peek|look)\s+at|before"
    # (papers read or prepared before the committee meets are preparation, not a leak; round 14). The
    # look-behind follows "before" so that it runs only where "before" is, not at every position.
    r"(?<!(?:read|review|prepare|check|finish|submit|send|look\s+over|go\s+through)\s+(?:[\w'’-]+\s+){0,4}before)"
    r"\s+(?:the\s+)?(?:council|senate|board|committee|governors|exec)\s+(?:votes?|decides?|meets?|"
    r"approves?|signs?\s+off)|(?:would|will|'d)\s+kill\s+me\s+(?:for\s+posting|if)"
    r"|(?:shouldn'?t|should\s+not)\s+(?:really\s+)?be\s+(?:posting|sharing)|(?:ip|tech(?:nology)?\s+transfer)\s+office\s+"
    r"(?:says|said|told\s+us)\s+(?:to\s+)?wait|(?:a|my|our)\s+(?:contact|source|friend|mate)\s+(?:in|at|on)\s+the\s+"
    r"(?:\w+\s+)?(?:ministry|treasury|government|dfe|home\s+office|department|committee|panel|board)|(?:a\s+)?friend\s+on\s+the\s+\w+\s+panel\s+says"
    r"|(?:someone|somebody|a\s+friend)\s+(?:on|at|from)\s+(?:the\s+)?(?:senate|council|board|panel|exec|funding\s+council|"
    r"interview\s+panel|smt|management)\s+(?:\w+\s+){0,2}(?:told|says|said))(?![\w])",
    regex.IGNORECASE,
)

# _INSIDER_RE's branches by their literals (see common.may_hold): a rare word of one's own, or a
# pair of common ones that the branch holds both of. A post with none skips the scan.
_INSIDER_STEMS = (
    "confidence", "private", "supposed", "meant", "allowed", "hush", "inside", "yourselves", "nobody", "accidentally",
    "mistakenly", "inbox", "slip", "details", "kill", "wait", "peek",
)
_INSIDER_PAIRS = (
    ("told", ("not",)),  # 'told not to share'
    ("tell", ("anyone",)),  # "don't tell anyone I told you"
    ("got", ("copy", "pdf", "hold", "hands")),  # "I've got a copy", 'got my hands on'
    ("friend", ("ask",)),  # "shared by a friend, don't ask"
    ("look", ("got", "had")),  # 'got a look at'
    ("want", ("out", "public", "shared", "known")),  # "don't want this out"
    ("before", ("council", "senate", "board", "committee", "governors", "exec")),  # 'before the board votes'
    ("should", ("posting", "sharing")),  # "shouldn't be posting"
)
_INSIDER_WHO = ("someone", "somebody", "friend", "contact", "source", "mate")
_INSIDER_UNITS = (
    "ministry", "treasury", "government", "dfe", "office", "department", "committee", "panel", "board", "senate",
    "council", "exec", "smt", "management",
)


def _may_insider(low: str) -> bool:
    """Whether _INSIDER_RE can match ``low``: its branches each need a stem, a pair, "can't say
    ... but", or someone / a friend / a contact together with a body (a panel, the board, an office)."""
    return (
        may_hold(low, _INSIDER_STEMS)
        or any(w in low and any(x in low for x in others) for w, others in _INSIDER_PAIRS)
        or ("say" in low and "but" in low and "can" in low)
        or (any(w in low for w in _INSIDER_WHO) and any(u in low for u in _INSIDER_UNITS))
    )


# Received by chance, or from an insider in the institution's offices ("my friend in Registry says").
_INSIDER2_RE = regex.compile(
    r"(?<![\w])(?:"
    r"fell\s+into\s+my\s+(?:hands|lap|inbox)|came\s+into\s+my\s+possession|found\s+its\s+way\s+(?:to|into)\s+(?:me|my)"
    r"|(?:my|a|our)\s+(?:friend|mate|pal|contact|source|mum|mom|dad|wife|husband|partner|sister|brother|cousin|flatmate|"
    r"housemate|neighbou?r|other\s+half)\s+(?:in|at|on|from)\s+(?:the\s+)?"
    r"(?:registry|hr|finance|planning|estates|senate|council|exec|smt|governors|(?:\w+\s+)?leadership\s+team|"
    r"(?:vc|vice[-\s]chancellor|provost|registrar|dean|principal|president|pvc|ceo)'?s?\s+office)\b[^.!?\n]{0,30}?"
    r"\b(?:says|said|tells\s+me|told\s+me|reckons|swears|mentioned|heard|let\s+slip)"
    r"|(?:my|a|our)\s+(?:friend|mate|pal|contact|source|mum|mom|dad|wife|husband|partner|sister|brother|cousin|flatmate|"
    r"housemate|neighbou?r|other\s+half)\s+(?:who\s+)?works?\s+(?:in|at|for|on)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}?"
    r"(?:office|registry|hr|finance|planning|estates|senate|council|exec|governors|team)\b[^.!?\n]{0,40}?"
    r"\b(?:says|said|tells|told|reckons|swears|mentioned|let\s+slip)"
    r"|(?:spoke|spoken|talked|speaking|chatting|chatted)\s+(?:to|with)\s+(?:someone|somebody|a\s+\w+|my\s+\w+)\s+(?:in|at|"
    r"from|on)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}?(?:office|registry|hr|finance|planning|senate|council|exec|governors|"
    r"leadership\s+team|panel|committee|board)\b"
    r"|(?:someone|somebody)\s+(?:in|at|from|on)\s+the\s+(?:[\w'’]+\s+){0,2}?(?:office|registry|finance|planning|senate|"
    r"council|exec|panel|committee|board)\s+(?:says|said|told|tells|reckons)"
    r")",
    regex.IGNORECASE,
)
_INSIDER2_UNITS = gate_words(
    "office registry hr finance planning estates senate council exec smt governors team panel committee board"
)
_INSIDER2_WORDS = gate_words("""fell possession friend mate pal contact source mum mom dad wife husband partner sister
    brother cousin flatmate housemate neighbour neighbor half spoke spoken talked speaking chatting chatted someone
    somebody""")


@rule(
    "CIP005",
    "passed-on-in-confidence",
    "confidential-ip",
    "block",
    clauses.CLOSED_GROUPS,
    "What was said in confidence, sent by mistake or seen on a panel is not yours to publish; "
    "posting it breaches trust and can breach contracts, data protection and employment duties.",
    "Do not post it. If it is a concern the public should know about, raise it through the "
    "speak-up (whistleblowing) route; otherwise wait for the official announcement and share that.",
    [
        Example(
            "A senior manager told us in confidence today that Chemistry will be shut by next summer.",
            True,
            "bluesky",
            "personal",
        ),
        Example("I know I'm not supposed to say but the pay offer is 1.4%", True, account="personal"),
        Example("Our counselling service is free and confidential.", False),
        Example("The staff survey results are published on the intranet today.", False),
    ],
)
def passed_on(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    m = _INSIDER_RE.search(t) if gate(t, _INSIDER_WORDS) and _may_insider(t) else None
    if m is None and gate(t, _INSIDER2_WORDS) and (gate(t, _INSIDER2_UNITS) or "fell" in t or "possession" in t):
        m = _INSIDER2_RE.search(t)
    if m and m.group(0).startswith("can") and _teaser_only(doc.text, m.end()):
        return  # "can't say much yet but watch this space - exciting news coming!" tells nothing
    if m and personal_or_posed(doc):
        return  # "told in confidence by my best friend that she's getting married!"
    if m:
        yield m.start(), m.end(), "Information received in confidence, passed on in public."


_TEASER_RE = regex.compile(
    r"(?i)(?<![\w])(?:watch\s+this\s+space|stay\s+tuned|more\s+(?:soon|to\s+come|news\s+soon)|exciting|big\s+news|"
    r"good\s+news|something\s+(?:big|special|exciting|good)|(?:news|announcement|details)\s+(?:soon|coming|to\s+follow)|"
    r"all\s+good|promise|fingers\s+crossed|can'?t\s+wait|(?:we'?ll|i'?ll)\s+(?:share|post|tell)|hopefully\s+soon)(?![\w])"
)
_PROPER_RE = regex.compile(r"(?<![.!?(:\-–—\s]\s)(?<=\s)\p{Lu}\p{Ll}+")


def _teaser_only(t: str, start: int) -> bool:
    """What follows "can't say much yet but" only promises news (watch this space, exciting news
    coming) without telling any of it: no institutional matter, figure, claim or proper name."""
    rest = t[start:]
    return (
        _TEASER_RE.search(rest) is not None
        and not any(c.isdigit() for c in rest)
        and _MATTER_RE.search(rest.lower()) is None
        and _DISCLOSE_RE.search(rest) is None
        and _PROPER_RE.search(rest) is None
    )


# CIP006 is compositional: a sign that the information is not public yet (not announced, "till
# the press release", shh/🤐, "between us", a seat on the panel or committee that saw it, a
# paper or exam one is reviewing or invigilating) in a post that then gives it away, unless the
# post says the news is out (announced today, published, it's official) or only says it cannot
# discuss it ("can't discuss outcomes") without a "but ..." that discloses it anyway.
_MONTH = r"(?:jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)"
# a month named without "in": "may" only as a date ("announcement May 3rd"), not the verb ("Today's
# announcement may affect ...", round 37)
_MONTH_NAMED = _MONTH.replace("|may|", r"|may(?=\s*(?:\d|[.,;:!?)]|$))|")
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# Every branch of _C6_SECRET_RE opens with one of these words (with the whitespace the branch
# requires after it) or with one of the bare prefixes at the end: each alternative below is the
# branch's own opening, copied. The lookahead rejects most word starts before the ~100 branches are
# tried, which costs about a third of the pattern's time; the matches are the same by construction.
_C6_OPENINGS = (
    r"(?:not|isn'?t|aren'?t|won'?t|hasn'?t|haven'?t|can'?t|cannot|'s|do?n'?t|doesn'?t"
    r"|official|officially|announcement|announced|press|publication|launch|results|news"
    r"|before|till|until|keep|under|she|he|they'?re|they|we'?re|we|staff|the|a|our|my|their|her|his|\w+'s"
    r"|i|i'?ve|i'?m|just|sat|waiting|wait|stays|reviewing|refereeing|refereed|reviewed|examined|examining|assessing"
    r"|closed|private|confidential|reserved|exam|test|will|would|'d|no|nobody'?s|nobody|letters?|emails?|offers?"
    r"|(?:management|leadership|they|we)(?:'?s|'?ve|'?re)?|sitting|heard|overheard|word|forwarded|sent|cc'?d|emailed"
    r"|left|on|wife|husband|partner|friend|mate|mum|dad|votes?|secret|spoiler|want|have|got|answers|question"
    r"|quiet|hush|between|in|asked|meant|supposed|signed|please|paper|papers|anonymous|referee|reviewer"
    r"|smt|senate|council|exec|appointments|finance|from|tender|preliminary|provisional|pre|patent"
    r"|sponsor|dean|registrar|vc|vice-chancellor|boss|manager|hr|you|nda)\s"
    r"|nda|grapevine|unannounced|invigilating|peer|shh|psst|tea\s|confidential|spoiler|\(|\""
)
_C6_SECRET_RE = regex.compile(
    r"(?<![\w])(?=[\w\"(])(?=" + _C6_OPENINGS + r")(?:"
    # not public yet
    r"(?:not|isn'?t|aren'?t|won'?t\s+be|hasn'?t\s+been|haven'?t\s+been)\s+(?:yet\s+)?(?:been\s+)?(?:formally\s+|officially\s+)?"
    r"(?:announced|official|public|released|communicated|confirmed|out)"
    r"(?=\s*(?:[.,;:!?)\-–—]|$|yet\b|till\b|until\b|before\b|so\b|but\b|and\b|to\s+(?:staff|students|the)))"
    # the date it becomes public, still to come
    r"|(?:official\s+news|announcement|press\s+release|publication|launch|official\s+release|results\s+letter)\s+"
    r"(?:\w+\s+){0,2}?(?:due|in\s+a\s+(?:fortnight|few\s+(?:days|weeks))|(?:isn'?t|is\s+not|not)\s+(?:out\s+)?(?:until|till))"
    r"|before\s+(?:it|they|the\s+\w+)\s+(?:goes|go|is|are)\s+(?:out|announced|public|released|published)"
    r"|before\s+the\s+(?:official\s+)?(?:launch|unveiling|press\s+release)"
    r"|keep\s+it\s+(?:zipped|under\s+wraps|schtum|shtum)|under\s+wraps"
    r"|(?:she|he|they|staff|the\s+candidates?|the\s+students?)\s+(?:doesn'?t|don'?t|hasn'?t|haven'?t)\s+(?:\w+\s+)?"
    r"(?:know|been\s+told)\s+yet"
    r"|(?:i|i'?ve|just)\s+(?:just\s+)?(?:saw|seen|got|read)\s+the\s+(?:\w+\s+){0,3}?(?:draft|minutes|shortlist|rankings|"
    r"spreadsheet|list|figures|numbers)\b"
    r"|(?:waiting|wait)\s+(?:on|for)\s+the\s+patent"
    r"|(?:can'?t|cannot|not\s+allowed\s+to|not\s+supposed\s+to)\s+(?:publish|share|announce|reveal|post)\s+(?:\w+\s+){0,3}?"
    r"(?:until|till|before)\b"
    r"|(?:can'?t|cannot)\s+(?:say|tell\s+you|name|reveal)\s+(?:which|who|what|where|whose)\b[^.!?]{0,20}?\bbut\s+"
    r"(?:one|it'?s|it|the|they|their|his|her|i'?ll)\b|(?:can'?t|cannot)\s+(?:say|tell\s+you)\s+(?:\w+\s+){0,3}?(?:until|till|'?til)\b"
    # text-speak and the teaser that then gives it away: "cant rly say much but the restructure list goes out"
    r"|(?:can'?t|cannot)\s+(?:rly\s+|really\s+)?(?:say|tell\s+you)\s+(?:much|more|anything|owt)\s+(?:yet\s+|rn\s+|now\s+)?"
    r"but\s+(?:the|their|his|her|they|it'?s|it)\b"
    r"|(?:not|isn'?t|aren'?t|'s\s+not)\s+(?:out\s+|announced\s+|official\s+|public\s+)?(?:till|until)\s+(?:next|the\s+\d|\d|"
    + _MONTH
    + r"\b|"
    + _DAY
    + r")"
    # (round 32: the maxim itself, "what happens in the room stays in the room", is advice)
    r"|(?<!\bhappens\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?(?:room|panel|meeting|committee)\s+)"
    r"stays\s+in\s+the\s+(?:room|(?:\w+\s+){0,2}?(?:committee|meeting|panel|board))"
    r"|(?:i'?m|i\s+am|i\s+was|i\s+sat)\s+on\s+the\s+panel\b(?!\s+(?:this\s+time|for\s+the\s+(?:staff|book|social)))"
    r"|(?:reviewing|refereeing|assessing)\s+for\s+\S+(?:\s+\S+){0,12}?\s+(?:names|scores|rankings|top-ranked)"
    r"|(?:closed|private|confidential|reserved)\s+(?:\w+\s+)?(?:session|business)"
    r"|(?:exam|test)\s+(?:paper|questions|answers)\s+(?:for\s+\S+\s+)?(?:is|are)\s+(?:on|in|at|here)\b"
    r"|(?:will|would|'d|'ll)\s+kill\s+me\b"
    r"|(?:announcement|press\s+release|news)\s+(?:\w+\s+)?goes\s+out\s+(?:next|on|in|tomorrow)"
    # people concerned not told yet
    r"|(?:haven'?t|hasn'?t|not)\s+been\s+told|no\s+one'?s?\s+(?:has\s+)?been\s+told|nobody\s+(?:else\s+)?knows"
    r"(?!\s+(?:more|better|as\s+much|as\s+well|like|how|why|the\s+(?:building|campus|place|job|system)))"
    r"|(?<!\b(?:i|we|you)\s)(?:don'?t|doesn'?t)\s+know\s+yet|(?:hasn'?t|haven'?t)\s+(?:yet\s+)?(?:announced|published)"
    r"|(?:officially\s+)?announced\s+in\s+\d+|(?:letters?|emails?|offers?)\s+go(?:es)?\s+out\s+(?:next|on|in|tomorrow)"
    r"|(?:they'?re|they\s+are|we'?re|we\s+are)\s+telling\s+(?:people|staff|students|them|everyone)\s+(?:after|in|on|next|from)"
    r"|(?:not|'s\s+not)\s+(?:until|till)\s+(?:spring|summer|autumn|winter|christmas|easter|the\s+new\s+year)"
    r"|(?:management|leadership|they|we)(?:'?s|'?ve|'?re|\s+are|\s+have)?\s+(?:been\s+)?sitting\s+on\s+(?:it|them|the)"
    r"|sitting\s+on\s+our\s+rival'?s"
    # agreements and whispers
    r"|nda(?:'?d|\s+(?:says|means|prohibits|forbids|with))|the\s+(?:contract|deal)\s+is\s+secret"
    r"|do?n'?t\s+tell\s+anyone|you\s+didn'?t\s+hear\s+(?:it|this)\s+from\s+me|don'?t\s+quote\s+me"
    r"|(?:heard|overheard)\s+(?:on\s+the\s+grapevine|in\s+the\s+\w+|at\s+the\s+\w+|the\s+(?:vc|dean|registrar|provost|"
    r"principal|head|pvc)\s+say)|grapevine|word\s+on\s+the\s+(?:corridor|street)"
    r"|(?:forwarded|sent|cc'?d|emailed)\s+(?:\w+\s+){0,3}?by\s+(?:mistake|accident)"
    r"|left\s+(?:it\s+|them\s+)?(?:in|on)\s+the\s+(?:photocopier|printer)|on\s+the\s+\w+'s\s+(?:printer|desk)"
    r"|(?:wife|husband|partner|friend|mate|mum|dad)\s+(?:is|works)\s+(?:on|in|at)\s+the\s+\w+\s+and\s+(?:she|he|they)\s+"
    r"(?:says|said|told)"
    r"|votes?\s+next\s+(?:week|month)\s+but|\(confidential\)|confidential\s+(?:\w+\s+){0,2}?(?:scores|file|files|list)"
    r"|(?:my|the\s+big)\s+secret\b|secret\s+(?:restructure|deal|plan|list)|spoiler\s+for\s+the\s+(?:staff|new)|spoiler\s*:\s*\d"
    r"|no\s+filing\s+yet|not\s+submitted\s+yet|(?:\w+'s|their|her|his)\s+unpublished\s+\w+"
    r"|(?:want|have|got)\s+the\s+draft\s+of"
    # exams
    r"|exam\s+(?:for\s+\S+\s+)?(?:has|includes|will\s+have)\s+(?:a\s+)?questions?\s+on|i\s+wrote\s+the\s+(?:exam|paper)"
    r"|answers\s+to\s+(?:tomorrow'?s|next\s+week'?s|the\s+upcoming)|exam\s+questions\s+for\s+\S+"
    # panels and review
    r"|(?:the|a|our)\s+(?:\w+\s+)?panel(?:'s)?\s+(?:picked|chose|gave|feedback|decided|ranked|scored|verdict)"
    # ...not the feedback one received on one's own bid ("the panel's feedback on our grant was constructive")
    r"(?!\s+(?:on|to|for|about)\s+(?:our|my|us|me|the\s+feedback)\b)"
    r"|\bon\s+(?:a|the|our|my)\s+(?:\w+\s+)?(?:panel|committee)\s+today"
    r"|(?:peer[-\s]?)?(?:reviewing|refereeing|refereed|reviewed|examined|examining)\s+(?:a|an|the|this|my\s+\w+'s)\s+"
    r"(?:\w+\s+){0,2}?(?:paper|grant|proposal|application|manuscript|file|thesis|dissertation)\s+(?:this|from|that|which|where|"
    r"for|whose|by)\b"
    r"|exam\s+(?:this\s+year\s+|tomorrow\s+|next\s+week\s+)?(?:is|will\s+be)\s+(?:all\s+)?(?:on|about)\s+\w+"
    r"|question\s+\d+\s+(?:is|will\s+be)\s+(?:the|on|about)"
    r"|unannounced|(?:till|until|before)\s+(?:it'?s|they'?re|it\s+is|they\s+are)\s+(?:announced|released|out|official|public)"
    r"|(?:press\s+release|announcement|official\s+release)\s+(?:\w+\s+){0,2}?(?:in\s+\d+\s+(?:days?|weeks?|months?)|next\s+"
    r"(?:week|month)|on\s+" + _DAY + r"|in\s+" + _MONTH + r"|" + _MONTH_NAMED + r")"
    r"|\((?:\w+\s+){0,2}?announcement\s+" + _DAY + r"\)|(?:shh+|psst|tea\s+leaf)\b"
    r"|(?:shh+|quiet|secret|hush)\s+(?:till|until)\s+\w+"
    # confidence
    # (not a tally: "1,400 calls between us", "we raised £500 between us", "split between us")
    r"|(?<!\d\S*\s+(?:[\w-]+\s+){0,2})(?<!(?:split|shared|divided|raised|made|ate|drank)\s+(?:[\w-]+\s+){0,2})between\s+us"
    r"|(?<!(?:grow|grew|growing|grown|gain|gained|gaining|build|building|growth|more|less)\s)"
    r"in\s+(?:strict\s+|the\s+strictest\s+)?confidence|\"in\s+confidence\"|keep\s+(?:it|this)\s+"
    r"(?:quiet|hush|under\s+(?:my|your|our)\s+hats?|to\s+yourselves|between\s+us)|asked\s+to\s+keep\s+it\s+(?:quiet|hush)"
    r"|(?:meant|supposed)\s+to\s+be\s+(?:secret|confidential|a\s+secret)|nobody'?s\s+(?:allowed|supposed)\s+to\s+(?:say|know)"
    r"|nda\s+signed|signed\s+an\s+nda|please\s+(?:don'?t\s+(?:mention|share|tell)(?!\s+(?:your|their|his|her|my|our)\b)"
    r"(?!\s+(?:\w+\s+)?(?:logins?|passwords?|accounts?|details|codes?|pins?)\b)"
    # round 19 (N11): "please don't share or post yours": the reader's own code
    r"(?!\s+(?:or\s+\w+\s+)?(?:yours|your\s+own)\b)"
    # round 19 (N14): "please don't share PDFs in the course group chat": a licence's rule
    r"(?!\s+(?:\w+\s+)?(?:pdfs?|files?|copies|e-?books?|scans?|slides|recordings?|materials?)\b)"
    # a rule about a kind of material, not this news ("please don't share unpublished data on social media")
    # (round 32: "please don't share draft papers, unpublished results or internal documents on social media")
    r"(?!\s+(?:unpublished|confidential|personal|sensitive|patient|students?['’]?|embargoed|identifiable|draft|internal)\s+"
    r"(?:data|information|results|findings|details|work|material|records|papers?|documents?|figures?|drafts?)\b)|keep\s+it)"
    # "your password is like a toothbrush. Don't share it": advice about a password, not news kept back
    r"|(?<!\b(?:passwords?|passphrases?|passcodes?|logins?|pins?)\b[^\n]{0,80})don'?t\s+share\s+(?:it|this|yet)\b|not\s+keeping\s+that\s+secret|confidential\s+(?:from|investor|reviewer|pitch|obviously)"
    r"|(?<!(?:is|are|be|service|and)\s)confidential,?\s+obviously|(?:^|[.!?]\s+)confidential\s+from"
    # an insider's seat
    r"|(?:i'?m|i\s+am|i\s+was|i\s+sat|i'?ve\s+been|sat)\s+on\s+the\s+(?:\w+\s+)?(?:hiring|interview|appointments?|promotions?|"
    r"funding|grant|selection|shortlisting|awards?|prize|ref|exam|examining|grievance|disciplinary|tender|audit|finance|"
    r"remuneration|planning|recruitment|admissions)\s+(?:panel|committee|board)(?!\s+this\s+time)"
    r"|the\s+\w+\s+i\s+sat\s+on|invigilating|(?:paper|papers)\s+i'?m\s+moderating|i'?ve\s+(?:seen|got)\s+the\s+"
    r"(?:\w+\s+)?(?:paper|papers|contract|list|shortlist|results|scores)|reviewing\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?"
    r"(?:paper|grant|proposal|application|manuscript)\s+(?:this|from|that|which|where|for)|anonymous\s+reviewers?\s+on"
    r"|referee\s+reports|reviewer\s+names|(?:smt|leadership|senate|council|exec|appointments|finance)\s+(?:papers|meeting)\s+"
    r"(?:today|this|yesterday|last)|from\s+the\s+(?:leadership|smt|exec|senate|council)\s+meeting|from\s+planning"
    r"|tender\s+documents|(?:preliminary|provisional)\s+(?:\w+\s+)?(?:scores|results|figures|data)|(?:provisional|pre)\s+"
    r"patent|patent\s+(?:isn'?t|is\s+not|not)\s+(?:yet\s+)?filed|patent\s+lawyers\s+are|before\s+they'?re\s+released"
    r"|(?:sponsor|dean|registrar|vc|vice-chancellor|boss|manager|hr)\s+(?:just\s+)?(?:told|said)\s+(?:us|me)?\s*(?:\"|“)?between"
    r"|the\s+(?:grade\s+boundaries|exam\s+paper|mock\s+papers)\b(?:\s+\w+){0,4}?\s+(?:before|is\s+on|here)"
    r"|(?:i'?ve\s+got|i\s+know)\s+the\s+(?:\w+\s+){0,3}?(?:mock\s+papers|exam\s+paper|grade\s+boundaries)"
    r")",
    regex.IGNORECASE,
)
# Searched only where the folded post holds the literal runs of one of its branches (common.GatedPattern):
# ~400 us a search, on the tenth of posts its word pre-check lets through, most of which hold none.
_C6_SECRET_GATE = GatedPattern(_C6_SECRET_RE)
_C6_OUT_RE = regex.compile(
    r"(?<![\w])(?:announced\s+(?:today|this\s+morning|last\s+week|yesterday|in\s+\w+)|(?:has|have)\s+(?:now\s+)?been\s+"
    r"(?:officially\s+)?(?:announced|published)|now\s+(?:officially\s+)?(?:published|live|public|publicly|out|open|"
    r"announced)|published\s+(?:today|by|on|in)|it'?s\s+official|following\s+(?:the|today'?s)\s+announcement"
    r"|(?:is|are)\s+out\s+today|went\s+out\s+this\s+morning|embargo\s+(?:has\s+)?lifted|(?:is|are)\s+published)(?![\w])",
    regex.IGNORECASE,
)
# "I'm on the panel so can't discuss outcomes" keeps the secret; "can't say which, but one starts
# with G" does not.
_C6_REFUSE_RE = regex.compile(
    r"(?<![\w])(?:can'?t|cannot|can\s+not|won'?t|not\s+(?:allowed|permitted|able)\s+to|mustn'?t)\s+"
    r"(?:discuss|share|say|tell|comment|go\s+into)(?![\w])"
    r"(?!(?:\s+[\w'’]+){0,8}?,?\s+but\s+(?:i'?ll|one|it'?s|the\s+(?:[\w'’]+\s+){1,3}?(?:is|are|will|goes|go|gets|get)\b|our|"
    r"we|they|\d"
    # "... but big changes for our faculty", "but redundancies are coming": the 'but' gives the matter away
    r"|(?:big|major|huge|massive|sweeping|serious)\s+(?:changes|cuts|job|redundanc|restructur|closures?)"
    r"|(?:changes|cuts|redundanc\w*|closures?|job\s+losses|restructur\w*)\b))"
    # "... can't tell anyone, so naturally I'm telling twitter": the refusal said, then broken
    r"(?!(?:\s+[\w'’]+){0,4}?,?\s+so\s+(?:naturally\s+|obviously\s+|of\s+course\s+)?(?:i'?m|i\s+am|i'?ll|here'?s)\b)",
    regex.IGNORECASE,
)
_C6_WORDS = gate_words("""
    announced official public released communicated confirmed unannounced announcement release ceremony decision
    appointment shh shhh shhhh psst leaf secret hush between confidence "in quiet hats hat yourselves meant supposed
    nobody's room nda mention share keeping confidential panel committee board sat invigilating moderating reviewing
    reviewers referee reviewer papers meeting planning tender preliminary provisional pre patent boundaries mock
    publication launch fortnight wraps zipped schtum shtum draft minutes shortlist rankings exam question publish
    announce reveal stays closed reserved session unveiling sitting nda'd quote grapevine overheard corridor
    photocopier printer votes spoiler filing submitted unpublished spreadsheet panel's refereeing refereed reviewed
    examined examining
    nobody senate
""")
# More ways of saying it is not public (yet), each with a rarer word of its own (pre-checked apart
# from the big pattern above so that they cost nothing on posts without those words).
_C6_MORE_RE = regex.compile(
    r"(?<![\w])(?:"
    r"(?:hasn'?t|haven'?t|has\s+not|have\s+not|not)\s+(?:yet\s+)?gone\s+out|(?:don'?t|doesn'?t)\s+think\s+"
    r"(?:that'?s|it'?s|this\s+has|that\s+has|it\s+has)\s+(?:gone\s+out|been\s+(?:announced|shared|released|made\s+public))"
    r"|(?:nothing|none\s+of\s+(?:this|it))(?:'?s|\s+has)\s+been\s+(?:said|announced|made|put\s+out)\s+public(?:ly)?"
    r"|(?:not|never)\s+(?:been\s+)?(?:said|made|announced)\s+public(?:ly)?"
    r"|(?:fix|fixing|fixed|sort|sorting|deal|dealing|handle|handling)\s+(?:it|this|them)\s+quietly|quietly\s+"
    r"(?:fix|fixing|sort|sorting|shelv\w+|drop\w*)"
    r"|(?:the\s+)?(?:redacted|blacked[-\s]out)\s+(?:bits|parts|sections?|text|paragraphs?|lines|names|pages)|unredacted"
    r"|(?:back|just\s+out|fresh)\s+from\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:exec|smt|senate|council|leadership\s+team|"
    r"board\s+meeting|planning\s+meeting)\b"
    r"|(?:not|\w+n'?t)\s+(?:being\s+|been\s+)?(?:told|informed|consulted|notified)\s+(?:\w+\s+)?(?:until|till|before|yet)\b"
    r"|\((?:not\s+(?:out|published|public|released)(?:\s+yet)?|unpublished|under\s+review|in\s+press|embargoed)\)"
    r"|(?:bids?|tenders?|quotes?|bidders?|offers?)\s+(?:for|on)\s+(?:the\s+)?(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:contract|"
    r"tender|project|build|site|deal)\b[^.!?\n]{0,60}?£\s?\d"
    r"|(?:interview|hiring|selection|appointment|shortlisting|recruitment)\s+panel\b[^.!?\n]{0,80}?\bcandidates?\s+"
    r"(?:\d|[a-z]\b|one|two|three|four)"
    r"|(?:done\s+deal|(?:they'?re|we'?re)\s+signing\s+(?:it\s+)?(?:in|on|next))"
    r"|(?:got|had|seen|saw|getting|given)\s+(?:a|an|the)\s+(?:sneak\s+)?(?:preview|peek|early\s+look|first\s+look|advance\s+copy)\s+"
    r"(?:of|at|on)\s+(?:the\s+|our\s+|this\s+year'?s\s+)?(?:[\w-]+\s+){0,3}?(?:results?|scores?|figures|numbers|rankings?|data|"
    r"report|list|plans?|budget|league\s+table|outcomes?|marks|grades)"
    r"|via\s+(?:the|a\s+friend\s+in\s+the)\s+(?:planning|finance|hr|registry|vc'?s?|provost'?s?|dean'?s?|exec)\s+(?:office|team)\b"
    r"|(?:i'?m|i\s+am|as)\s+(?:an?\s+|the\s+)?(?:external\s+examiner|invigilator|moderator|second\s+marker)\s+(?:for|at|on)\b"
    r"[^.!?\n]{0,120}?\b(?:board|panel|scale|marks|results|fail|pass|grades)"
    r"|between\s+me\s+and\s+(?:you|the\s+whole|everyone|the\s+internet|twitter)"
    r"|(?:left|leaving|found)\s+(?:\w+\s+){0,6}?(?:open|lying\s+around|unlocked|up)\s+on\s+(?:the|a|his|her|their|my)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:pc|screen|printer|photocopier|desk|table|laptop|computer)"
    r"|(?:shortlist(?:ing)?|interview|selection|recruitment|promotions?|redundancy|pay|salary|ref)\s+(?:spreadsheet|scores|notes|"
    r"rankings|papers)"
    r"|(?:questions?|paper)\s+(?:for|in|on)\s+(?:\w+'s\s+|the\s+|next\s+week'?s\s+|tomorrow'?s\s+)?(?:[\w-]+\s+){0,3}?exam\s+"
    r"(?:focus\w*|is|are|will|cover\w*|includ\w+|has|have)\b"
    r"|(?:comms|management|leadership|the\s+uni|hr|marketing|the\s+vc|they)\s+(?:are|is|'re|will\s+be)\s+(?:launching|announcing|"
    r"unveiling|revealing|releasing|telling\s+\w+)\s+(?:it|them|this|that)\s+(?:in|on|next|after)\b"
    # round 18 (M1, new writers): asked to keep quiet and telling anyway ("we've been asked not to say
    # anything yet but ..."), a publisher's date still to come ("the dept doesn't publish til June but
    # thought you'd want to know now"), a deal before signature ("contracts still being finalised",
    # "more when the ink's dry"), results marked not for citing ("not peer reviewed, pls don't cite"),
    # an internal meeting's material, the paper's figure before its release ("paper's out Wed 6pm but
    # here's the headline figure early"). Not data or a preprint put up before submission: that is open
    # science ("preprint is up on bioRxiv, comments welcome before we submit", blind set F3)
    r"|(?:been\s+)?asked\s+(?:us\s+|me\s+)?not\s+to\s+(?:say|share|mention|post|tell|talk\s+about)\b[^.!?\n]{0,40}?\bbut\s+"
    r"(?!(?:congrat\w*|well\s+done|thank\w*|watch\s+this\s+space|stay\s+tuned|good\s+luck|i'?m\s+(?:so\s+)?proud)\b)"
    r"|(?:do(?:es)?n'?t|won'?t|will\s+not|not\s+(?:going\s+to|gonna))\s+(?:publish|release|announce|publicise)\s+"
    r"(?:it\s+|them\s+|this\s+|the\s+\w+\s+)?(?:til|till|'til|until|before)\b"
    r"|(?:contracts?|deal|agreement|paperwork|terms)\s+(?:is\s+|are\s+)?(?:still\s+)?(?:being\s+)?(?:finalised|finalized|"
    r"negotiated|thrashed\s+out)"
    # round 20 (P3): "donor agreement isn't signed yet so no names, but ..."
    r"|(?:contracts?|deal|agreement|paperwork|terms)\s+(?:isn'?t|is\s+not|aren'?t|are\s+not|not)\s+(?:yet\s+|even\s+)?signed"
    r"|(?:when|once|till|until|before)\s+the\s+ink(?:'?s|\s+is|\s+has)\s+(?:dry|dried)"
    # (not "please don't share unpublished data on social media": the guidance itself)
    r"|(?:pls|please|plz)\s+(?:don'?t|do\s+not)\s+(?:cite|quote)\b|(?:pls|please|plz)\s+(?:don'?t|do\s+not)\s+share\s+"
    r"(?:it|this|them)\s+yet\b|do\s+not\s+cite\b"
    r"|(?:from|of)\s+(?:the|our|this\s+morning'?s|today'?s|yesterday'?s)\s+internal\s+(?:\w+\s+)?(?:meeting|review|briefing|"
    r"presentation|report|seminar)"
    r"|(?:paper|article|study|report|findings|results)(?:'?s|\s+is|\s+are)\s+out\s+(?:on\s+)?(?:next\s+\w+|tomorrow|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w*)\b[^.!?\n]{0,40}?\bbut\b"
    r"|(?:headline|key|main|top)\s+(?:figure|finding|result|number|stat)s?\s+early"
    # round 18 (M3, M4): the announcement still to come, by whom or where it goes first ("just waiting for the
    # minister's visit to announce it", "before it goes to Council", "goes public when Nature publishes",
    # "partners haven't signed off", "staff comms go out next month", "before the official email:",
    # "according to the VP's memo", "the full unblinded dataset")
    r"|(?:waiting|wait)\s+(?:for|until|till)\s+(?:[\w'’]+\s+){0,4}?to\s+(?:announce|reveal|unveil|go\s+public)"
    r"|before\s+(?:it|this|they)\s+(?:goes|go)\s+to\s+(?:the\s+)?(?:council|senate|board|committee|exec|smt|governors|court)"
    r"|goes\s+public\s+(?:when|once|after|on|in|next)\b|(?:haven'?t|hasn'?t|have\s+not|has\s+not)\s+(?:yet\s+)?signed\s+off"
    r"|(?:staff|internal|all-staff)\s+(?:comms|communications?|emails?|letters?)\s+(?:go(?:es)?|going|will\s+go)\s+out\s+"
    r"(?:next|on|in|tomorrow|after)"
    r"|before\s+the\s+official\s+(?:email|announcement|comms|letter|statement|news)\s*(?:[:\-–—]|(?:goes\s+out|lands|"
    r"lands|drops|comes\s+out)\s*[:\-–—,]?\s*(?:here'?s|the|it'?s|we'?re)\b)"
    r"|according\s+to\s+(?:the\s+)?(?:vp|vc|pvc|dvc|dean|registrar|cfo|coo|director|provost|principal)['’]?s\s+"
    r"(?:memo|email|briefing|notes|slides|paper)"
    r"|(?:full\s+)?unblinded\s+(?:data|dataset|results|trial\s+data)"
    # round 20e (P4): "(shouldn't really say) the Hartfield bid is dead", "the VC's away-day slides are doing
    # the rounds", "word from the REF mock panel: ...", "at yesterday's School exec we discussed scrapping ..."
    r"|shouldn'?t\s+(?:really\s+)?(?:say|be\s+saying|tell\s+you|share|post)\b"
    # "Letters go out Monday so act surprised": told before the letters
    r"|(?:letters?|emails?|offers?|results?|outcomes?)\s+go(?:es)?\s+out\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri)day\b"
    r"[^.!?\n]{0,30}?\b(?:act|look|pretend\s+to\s+be)\s+surprised"
    r"|(?:slides|minutes|papers|draft|plans?|figures|spreadsheet)\s+(?:are|is)\s+doing\s+the\s+rounds"
    r"|word\s+from\s+the\s+(?:[\w-]+\s+){0,3}?(?:panel|committee|board|exec|smt|senate|council)\b"
    r"|at\s+(?:yesterday'?s|today'?s|this\s+morning'?s|last\s+week'?s|the)\s+(?:[\w-]+\s+){0,2}?(?:exec|smt|senate|council|"
    r"board|management\s+team|leadership\s+team)(?:\s+meeting)?\s+we\s+(?:discussed|agreed|decided|talked\s+about|voted)"
    r")",
    regex.IGNORECASE,
)
# Rare words that open the pattern on their own, and common ones that only count with a partner
# (a post holding "out" or "left" alone is not worth the pattern's cost).
_C6_MORE_WORDS = gate_words(
    "publicly quietly redacted unredacted blacked exec smt unpublished embargoed bids tender tenders quotes bidders "
    "preview peek examiner invigilator moderator marker spreadsheet finalised finalized negotiated ink cite internal "
    "unblinded memo shouldn't rounds surprised"
)
_C6_MORE_PAIRS = [
    (gate_words("told informed consulted notified"), gate_words("until till before yet")),
    (gate_words("gone"), gate_words("out")),
    (gate_words("public"), gate_words("nothing not never none nothing's")),
    (gate_words("out"), gate_words("yet")),
    (gate_words("review press"), gate_words("under in")),
    (gate_words("between"), gate_words("me")),
    (gate_words("left leaving found"), gate_words("pc screen printer photocopier desk table laptop computer")),
    (gate_words("look copy"), gate_words("early first sneak advance")),
    (gate_words("via"), gate_words("office team")),
    (gate_words("exam"), gate_words("question questions paper")),
    (gate_words("deal"), gate_words("done")),
    (gate_words("signing"), gate_words("they're we're")),
    (gate_words("launching announcing unveiling revealing releasing telling"),
     gate_words("comms management leadership hr marketing they vc uni")),
    (gate_words("bid offers"), gate_words("contract tender project build site")),
    (gate_words("panel"), gate_words("candidate candidates")),
    (gate_words("asked"), gate_words("not")),
    (gate_words("waiting wait"), gate_words("announce reveal unveil public")),
    (gate_words("goes go"), gate_words("council senate board committee exec smt governors court public")),
    (gate_words("signed"), gate_words("haven't hasn't have has isn't aren't not")),
    (gate_words("word"), gate_words("panel committee board exec smt senate council")),
    (gate_words("discussed agreed decided voted talked"), gate_words("exec smt senate council board")),
    (gate_words("comms communications communication email emails letter letters"), gate_words("out")),
    (gate_words("official"), gate_words("before")),
    (gate_words("publish release announce publicise"), gate_words("til till 'til until before")),
    (gate_words("paper paper's article study report findings results"), gate_words("out")),
    (gate_words("early"), gate_words("figure figures finding findings result results number numbers stat stats")),
    (
        gate_words("scores rankings notes papers"),
        gate_words(
            "shortlist shortlisting interview selection recruitment promotion promotions redundancy pay salary ref"
        ),
    ),
]


def _c6_more_gate(words: frozenset[str]) -> bool:
    return not words.isdisjoint(_C6_MORE_WORDS) or any(
        not words.isdisjoint(a) and not words.isdisjoint(b) for a, b in _C6_MORE_PAIRS
    )


_C6_TILL = gate_words("till until til 'til")
_C6_NOT = gate_words("not isn't aren't can't cant cannot")
_C6_CANT = gate_words("can't cant cannot")
_C6_TOLD = gate_words("know told")
_C6_OUT_WORDS = gate_words("out announced public released published launch")
_C6_PAIRS = [
    (gate_words("told"), gate_words("been")),
    (gate_words("heard"), gate_words("vc dean registrar provost principal pvc")),
    (gate_words("answers"), gate_words("tomorrow's")),
    (gate_words("wrote"), gate_words("paper")),
    (gate_words("letters letter emails offers"), gate_words("out")),
    (gate_words("telling"), gate_words("people staff students everyone them")),
    (gate_words("mistake accident"), gate_words("forwarded sent cc'd emailed")),
    (gate_words("know"), gate_words("yet")),
]


@rule(
    "CIP006",
    "not-yet-public-disclosed",
    "confidential-ip",
    "block",
    clauses.CONFIDENTIAL,
    "News that is not public yet (before the announcement, heard 'between us', seen on a panel, "
    "in a paper you review or an exam you invigilate) is not yours to release, however it is phrased.",
    "Wait for the official announcement and share that; say nothing about what you saw on a panel, "
    "in review or in confidence.",
    [
        Example("we got the grant. £1.8m. shhh till feb", True, account="personal"),
        Example(
            "Psst - the Faculty of Health is getting a new Dean from Monash. Panel met this morning.",
            True,
            account="personal",
        ),
        Example(
            "I'm on the hiring panel for the Head of Sociology role. Shortlist is Dr Ali and Prof Lopez.",
            True,
            account="personal",
        ),
        Example(
            "I'm on the REF panel this time so can't discuss outcomes, but happy to chat about the guidance.",
            False,
            account="personal",
        ),
        Example("Our Wellcome award has now been officially announced - £3.2m. Thank you, team!", False),
        Example("Confidential careers advice is available to all students.", False),
    ],
)
def not_yet_public(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    hit = next(_not_yet_public_base(doc), None) or next(_not_yet_public_more(doc), None)
    hit = hit or next(_not_yet_public_r21(doc), None)
    if hit is not None and personal_or_posed(doc):
        return  # "keep this under your hat: I'm going to learn to drive this summer"
    if hit is not None:
        yield hit


def _not_yet_public_base(doc: Doc) -> Iterator[Hit]:
    t = doc.masked
    words = token_set(t)
    if (
        words.isdisjoint(_C6_WORDS)
        # common words only count together: "not ... till", "can't say which, but", "will kill me"
        and (words.isdisjoint(_C6_TILL) or words.isdisjoint(_C6_NOT))
        and (words.isdisjoint(_C6_CANT) or "but" not in words)
        and "kill" not in words
        and ("yet" not in words or words.isdisjoint(_C6_TOLD))
        and ("before" not in words or words.isdisjoint(_C6_OUT_WORDS))
        and not any(not words.isdisjoint(a) and not words.isdisjoint(b) for a, b in _C6_PAIRS)
    ):
        return
    for m in _C6_SECRET_GATE.finditer(t):
        if _C6_OUT_RE.search(t) or _C6_REFUSE_RE.search(t):
            return
        if m.group(0).startswith(("heard", "overheard")) and not _MATTER_RE.search(t):
            continue  # "heard in the staff room: someone's brought in samosas" is gossip, not a leak
        if "confidence" in m.group(0) and _CONFIDENCE_CHANNEL_RE.search(t, max(0, m.start() - 100), m.start()):
            continue  # "staff can raise concerns about wrongdoing in confidence": a service's promise, nothing told
        if "confidence" in m.group(0) and _maxim_ends_at(t, m.start(), m.end()):
            continue  # round 32: "if someone tells you something in confidence, keep it": the rule, nothing told
        if m.group(0) == "invigilating" and not _EXAM_SECRET_RE.search(t):
            continue  # "invigilating today, total silence for three hours" gives nothing away
        if _UNTOLD_RE.match(m.group(0)) and _SURPRISE_RE.search(t, sentence_start(t, m.start()), m.start()):
            continue  # "Drinks on Friday, she doesn't know yet": a surprise for her, not news kept back
        rest = t[: m.start()] + " " * (m.end() - m.start()) + t[m.end() :]  # the seat's own "grant" tells nothing
        if gate(t, TRIVIAL_WORDS) and not (_MATTER_RE.search(rest) or _DISCLOSE_RE.search(doc.text)):
            continue  # "keep it quiet, but Maths might win the charity football match": office banter
        if _SEAT_RE.match(m.group(0)) and not (_MATTER_RE.search(rest) or _DISCLOSE_RE.search(doc.text)):
            continue  # "refereeing a paper for Nature this week, a joy to see new work" tells nothing of it
        yield m.start(), m.end(), "News that is not public yet, given away in the post."
        return


# Round 19 (N2): someone not told yet, in a sentence about a gathering or present for them (and no
# news in it): the surprise is the party, not a decision. "Drinks for her promotion, she doesn't know
# yet" keeps its finding (a promotion is news).
_UNTOLD_RE = regex.compile(r"(?i)(?:she|he|they|don'?t|doesn'?t)\b.*\bknow\s+yet$")
_SURPRISE_RE = regex.compile(
    r"(?i)\G(?![^.!?\n]*\b(?:promot\w*|job|offer|results?|decision|redundan\w*|restructur\w*|clos\w+|cuts?|grant|"
    r"contract|shortlist\w*|award\w*|appoint\w*|outcome|panel|interview\w*))[^.!?\n]*?\b(?:drinks|party|cake|card|"
    r"collection|whip-?round|leaving\s+do|surprise|celebration|present|gift|flowers|bake\s+sale|lunch|dinner)\b"
)


# The rule about confidences, said to anyone ("if someone tells you something in confidence at work, keep
# it"): nothing is told (round 32). CIP006 and PER006 both let it pass.
CONFIDENCE_MAXIM_RE = regex.compile(
    r"(?i)\bif\s+(?:someone|somebody|anyone|anybody|a\s+colleague|a\s+student|people)\s+(?:tells?|told|shares?|says?)\s+"
    r"(?:you\s+|us\s+)?(?:something|anything)\s+(?:[\w'’]+\s+){0,2}?in\s+(?:strict\s+|the\s+strictest\s+)?"
    r"confidence\b"
)


def _maxim_ends_at(t: str, start: int, end: int) -> bool:
    """``t[start:end]`` ("in confidence") closes a ``CONFIDENCE_MAXIM_RE``."""
    return any(mm.end() == end for mm in CONFIDENCE_MAXIM_RE.finditer(t, max(0, start - 120), end))


# How a service says it can be used confidentially ("how staff can raise concerns ... in confidence",
# "you can talk to an adviser in confidence", round 29: "our advice centre can help in confidence"): the
# reader may speak, nobody has been told anything.
_CONFIDENCE_CHANNEL_RE = regex.compile(
    r"(?i)(?:\b(?:can|may|how\s+to|able\s+to|where\s+to|free\s+to|want\s+to|wish\s+to|welcome\s+to|chance\s+to)\s+"
    r"(?:[\w'’-]+\s+){0,2}?|(?:^|[.!?:;,]\s+|\b(?:please|and|or|then)\s+))(?:raise|report|talk|speak|discuss|disclose|"
    r"contact|ask|seek|book|call|ring|email|e-mail|message|chat|see|visit|share\s+(?:a\s+|your\s+)?concerns?|"
    # round 19 (N3): a longer list of whom to speak to
    r"help|support|advise|listen|get\s+(?:advice|help|support))\b(?:\s+\S+){0,12}?\s+$"
)


# A question of an exam still to be sat, and what it is (round 18, M1: "Q3 on tomorrow's Organic Chem
# paper is the Diels-Alder one", "Setting the 2nd yr stats exam rn and honestly Q4 is a gift ... exam
# is thurs"): the examiner's or a colleague's tip is the paper given away. Needs both the numbered
# question said to be something and a sitting still to come (or the paper being set); "Q3 results"
# and feedback on last year's paper have neither.
_EXAM_QUESTION_RE = regex.compile(
    r"(?i)(?<![\w])(?:q|question)\s?\d{1,2}[a-z]?(?:\s+(?:on|in|of)\s+(?:[\w'’-]+\s+){1,5}?(?:exam|paper|test|final))?"
    r"\s+(?:is|'s|will\s+be|=)\s+(?:a\s+gift|the|on|about|all\s+about|basically|literally|just|going\s+to\s+be|"
    r"easy|free\s+marks|(?-i:\p{Lu}\p{Ll}+\s+v\.?\s)|again|last\s+year'?s)"
)
_EXAM_AHEAD_RE = regex.compile(
    r"(?i)(?<![\w])(?:(?:tomorrow|tmrw|tmw|next\s+week|monday|tuesday|wednesday|thursday|friday|saturday)['’]?s\s+"
    r"(?:[\w-]+\s+){0,3}?(?:exam|paper|test|final)|upcoming\s+(?:[\w-]+\s+){0,3}?(?:exam|paper|test)"
    r"|(?:setting|writing|set|wrote)\s+(?:the|this\s+year'?s|our)\s+(?:[\w-]+\s+){0,3}?(?:exam|paper|test)"
    # round 18 (M4): "next year's Accounting 201 exam drafted", "just signed off the finals paper"
    r"|next\s+(?:year|term|semester)['’]?s\s+(?:[\w-]+\s+){0,3}?(?:exam|paper|test)"
    r"|(?:exam|paper|test)\s+(?:drafted|finalised|finalized|signed\s+off)|signed\s+off\s+the\s+(?:[\w-]+\s+){0,3}?"
    r"(?:exam|paper)"
    r"|(?:exam|paper|test)\s+is\s+(?:on\s+)?(?:tomorrow|tmrw|next|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat)\w*)\b)"
)


# ... not advice to practise on past papers ("Q3 is the one everyone gets wrong in past papers")
_PAST_PAPER_RE = regex.compile(
    r"(?i)\b(?:past\s+(?:papers?|exams?|questions?)|mock\s+(?:exams?|papers?)|practice\s+papers?)\b"
)


def _exam_question_ahead(t: str) -> regex.Match[str] | None:
    if "q" not in t and "Q" not in t:
        return None
    m = _EXAM_QUESTION_RE.search(t)
    return m if m is not None and _EXAM_AHEAD_RE.search(t) and not _PAST_PAPER_RE.search(t) else None


# Round 20 (P3): a result shown while its paper is still in review or being written up ("Paper's
# still with reviewers but couldn't wait to share the chart", "it's resistant to colistin. Writing it
# up for Nature now ... tree attached"): the finding is out before the journal has it. Only with a
# figure, a chart or a result word in the post; "paper's still with reviewers, fingers crossed" tells
# nothing.
_IN_REVIEW_RE = regex.compile(
    r"(?i)(?<![\w])(?:(?:paper|manuscript|study|article|preprint)(?:['’]s|\s+is|\s+are)?\s+still\s+(?:with\s+(?:the\s+)?"
    r"(?:reviewers|referees|editors?|journal)|in\s+review|under\s+review|being\s+(?:reviewed|written))"
    r"|writing\s+(?:it|this|them)\s+up\s+(?:for\s+(?:\p{Lu}|a\s+journal|publication)|now)"
    # round 20e (P4): "Unpublished fig from chapter 3 of Jess's thesis: ... 94% selectivity"
    r"|unpublished\s+(?:fig|figs|figure|figures|data|result|results|chart|plot|graph)"
    # round 21 (P5, P6): interim results of a trial still blinded, a paper "a long way off", "until the
    # paper's through review", a draft abstract "while it's still with JAMA"
    r"|interim\s+(?:numbers|results|data|figures|analysis|readout)|still\s+blinded"
    r"|paper(?:['’]s|\s+is)?\s+(?:still\s+)?a\s+long\s+way\s+off"
    r"|(?:until|till|til|before)\s+the\s+paper(?:['’]s|\s+is|\s+gets)?\s+(?:through|past|out\s+of)\s+(?:peer\s+)?review"
    r"|while\s+(?:it['’]?s|it\s+is)\s+still\s+with\s+(?:the\s+)?(?:\p{Lu}\w+|journal|editors?|reviewers))"
)
# A measured multiple ("6x the legal limit", "3 times higher"): a result, shared by the two readings below
_TIMES_FIGURE = r"\d+(?:\.\d+)?\s*(?:x|times)\s+(?:the|higher|lower|more|less)"
_RESULT_SHOWN_RE = regex.compile(
    r"(?i)\d\s*%|\b(?:chart|graph|figure|plot|tree|table|data|numbers|results?)\s+(?:attached|below|here|above)\b"
    r"|\bshare\s+the\s+(?:chart|graph|figure|plot|data|numbers|results?)\b|(?<![\w])(?:finds?|found|shows?|showed|"
    r"reveals?|proves?|confirms?|resistant|drop|rise|fell|halved|doubled)(?![\w])"
    r"|\b(?:hazard|odds|risk)\s+ratio\b|\bresponse\s+(?:rate|in)\b|" + _TIMES_FIGURE + r"\b"
)
# Round 20 (P3), on a personal account: a decision of the institution still to be announced, as told
# by its leaders or about to start ("VC has literally just told marketing we're merging with Ashby Met",
# "our faculty is about to launch a restructure with around 40 roles at risk"). An official account
# saying so is the announcement.
_TOLD_INSIDE_RE = regex.compile(
    r"(?i)(?<![\w])(?:the\s+)?(?:vc|vice-chancellor|dean|provost|principal|registrar|hr|management|leadership|exec|smt|"
    r"board|head\s+of\s+school)\s+(?:has\s+|have\s+)?(?:literally\s+|just\s+|only\s+)*(?:told|informed|briefed)\s+"
    r"(?:us|me|staff|marketing|comms|the\s+[\w-]+(?:\s+team)?|our\s+[\w-]+(?:\s+team)?)\b"
    r"|(?<![\w])about\s+to\s+(?:launch|announce|start|begin|unveil|kick\s+off)\s+(?:a|an|the|its|our)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:restructur\w*|redundanc\w*|closure|merger|cuts|reorgani[sz]ation)"
)


def _not_yet_public_more(doc: Doc) -> Iterator[Hit]:
    t = doc.masked
    q = _exam_question_ahead(doc.text)  # the text as written: a case name's capitals count
    if q is not None:
        yield q.start(), q.end(), "A question of an exam still to be sat, given away in the post."
        return
    if ("review" in t or "writing" in t or "unpublished" in t or "interim" in t or "blinded" in t or "way off" in t
            or "still with" in t) and not _C6_OUT_RE.search(t):
        r = _IN_REVIEW_RE.search(doc.text)
        if r is not None and _RESULT_SHOWN_RE.search(t):
            yield r.start(), r.end(), "A result shown before its paper is published."
            return
    if doc.ctx.account == "personal" and ("about" in t or "told" in t or "inform" in t or "brief" in t):
        r = _TOLD_INSIDE_RE.search(t)
        # "about to launch a restructure" names its matter; what the leaders told must follow the telling
        named = r is not None and (r.group(0).startswith("about") or _MATTER_RE.search(t, r.end()))
        if r is not None and named and not _C6_OUT_RE.search(t):
            yield r.start(), r.end(), "A decision not announced yet, given away in the post."
            return
    if not _c6_more_gate(token_set(t)):
        return
    m = _C6_MORE_RE.search(t)
    if m is None or _C6_OUT_RE.search(t) or _C6_REFUSE_RE.search(t):
        return
    yield m.start(), m.end(), "News that is not public yet, given away in the post."


# Round 21 (P5, P6): more ways new writers give away what is not public yet: the announcement held
# back ("Council voted Thurs, they're holding the announcement til after exams", "nothing announced
# yet obvs", "formal news in May", "comms plan isn't til next month"), said "between ourselves", a
# decision before the staff it concerns are consulted ("Formal staff consultation starts next month")
# or after only the heads were told ("They told the heads yesterday"), "what was said in the room", a
# press release timed for 00:01, #KeepingSecrets; and "can't say who" or "can't name them" where the
# post names the matter (a shortlist, a partnership, a figure).
_C6_R21_RE = regex.compile(
    r"(?i)(?<![\w])(?:"
    r"holding\s+(?:back\s+)?(?:the|an|any|our)\s+(?:announcement|news|press\s+release|statement)"
    r"|nothing(?:['’]s|\s+has)?\s+(?:been\s+)?(?:announced|official|confirmed|public)\s+yet"
    r"|formal\s+(?:news|announcement|comms|statement)\s+(?:in|on|next|at|after|from|due)\b"
    r"|(?:comms|announcement|news|press\s+release|statement)(?:\s+plan)?\s+(?:isn['’]?t|is\s+not|['’]s\s+not|not)\s+"
    r"(?:out\s+|due\s+)?(?:til|till|'til|until)\b"
    r"|(?<!public\s)(?<!public\s\w+\s)(?:formal\s+)?(?:staff\s+)?consultation\s+(?:starts|begins|opens|will\s+(?:start|begin|open)|"
    r"is\s+due\s+to\s+start)\s+"
    r"(?:next|in|on|after|from)\b"
    r"|(?:they|management|leadership|the\s+uni|the\s+university|the\s+vc)\s+(?:only\s+|just\s+)?told\s+(?:the\s+)?"
    r"(?:heads|hods|managers|line\s+managers|team\s+leads|heads\s+of\s+\w+)\b"
    r"|what\s+was\s+said\s+in\s+the\s+room"
    # a release timed for 00:01 and summed up anyway ("... for 00:01 Tues and I'm DYING. tl;dr it flags risk")
    r"|(?:press\s+release|embargo\w*|news|announcement|paper|study)\b[^.!?\n]{0,60}?\b(?:for|at|till|until)\s+00[:.]0[01]\b"
    r"[^\n]{0,80}?\b(?:tl;?dr|spoiler|in\s+short|sneak\s+peek)\b"
    r"|#keeping(?:secrets?|itquiet|itsecret)\b|#hush-?hush\b)"
)
_C6_R21_WORDS = gate_words("holding nothing nothing's formal comms between consultation told room")
# ... said in passing ("Between ourselves, the campus has the green light"): only with a matter named
_BETWEEN_OURSELVES_RE = regex.compile(r"(?i)(?<![\w])between\s+(?:ourselves|you\s+and\s+me)\b")
# The decision already public ("Bangor has announced it's reviewing its Music provision"): nothing held back
_ANNOUNCED_RE = regex.compile(
    r"(?i)\b(?:has|have|had)\s+(?:now\s+|today\s+|just\s+|officially\s+)?(?:announced|confirmed)\b"
    r"|\bconfirmed\s+(?:today|this\s+morning|that)\b|\bpress\s+release\s+(?:this|today|out)\b"
)
_CANT_NAME_RE = regex.compile(
    r"(?i)(?<![\w])(?:can['’]?t|cannot|not\s+allowed\s+to)\s+(?:say|name|tell\s+you|reveal)\s+(?:who|which\s+one|whose|"
    r"them|names?|the\s+(?:name|firm|company|partner|school|department))\b"
    # (not "can't say who is on the panel yet": who sits on it, not what it decided)
    r"(?!\s+(?:is|are|was|were|will|sits|sat)\b)"
)
# What the letters will say, told before them ("the committee halved the call budget")
_OUTCOME_TOLD_RE = regex.compile(
    r"(?i)\b(?:cut|cuts|halved|slashed|rejected|turned\s+down|didn['’]?t\s+get|did\s+not\s+get|not\s+funded|"
    r"(?:got|get)\s+(?:it|funded|the\s+grant)|successful|unsuccessful|approved|refused|declined)\b"
)
_CANT_NAME_WORDS = gate_words("say name tell reveal")
_CANT_NAME_NEG = gate_words("can't can’t cant cannot allowed")
_FIGURE_RE = regex.compile(r"(?i)" + _TIMES_FIGURE + r"\b")
# Outcome letters still to go out, told on a personal account with the outcome ("the committee halved
# the call budget apparently. letters go out Friday"). A service's own "offer letters go out on
# Friday" is the notice of it.
_LETTERS_DAY_RE = regex.compile(
    r"(?i)(?<![\w])(?:letters?|emails?|outcomes?|decisions?)\s+go(?:es)?\s+out\s+(?:on\s+)?" + _DAY + r"\b"
)


def _not_yet_public_r21(doc: Doc) -> Iterator[Hit]:
    t = doc.masked
    words = token_set(t)
    m = None
    if not words.isdisjoint(_C6_R21_WORDS) or "00:01" in t or ("#" in t and ("secret" in t or "hush" in t)):
        m = _C6_R21_RE.search(t)
        if m is None and "between" in words and _MATTER_RE.search(t):
            m = _BETWEEN_OURSELVES_RE.search(t)
    if m is None and not words.isdisjoint(_CANT_NAME_WORDS) and not words.isdisjoint(_CANT_NAME_NEG):
        m = _CANT_NAME_RE.search(t)
        if m is not None and not (_MATTER_RE.search(t) or _FIGURE_RE.search(t)):
            m = None
    why = "News that is not public yet, given away in the post."
    if m is None and doc.ctx.account == "personal" and "out" in words:
        m = _LETTERS_DAY_RE.search(t)
        if m is not None and not _OUTCOME_TOLD_RE.search(t[: m.start()]):
            m = None
        why = "An outcome told before its letters go out."
    # (the costly "it is out" tests only for the few posts with a hit)
    if m is not None and not (_C6_OUT_RE.search(t) or _ANNOUNCED_RE.search(t)):
        yield m.start(), m.end(), why


def personal_or_posed(doc: Doc) -> bool:
    """The secret is life news or office trivia with no institutional matter, or a hypothetical
    case set for discussion, or the post only asks students to keep course materials within the
    course (see personal_news_only, poses_a_case, _COURSE_ONLY_RE)."""
    t = doc.masked
    if personal_news_only(t) or poses_a_case(t):
        return True
    return _COURSE_ONLY_RE.search(t) is not None and _MATTER_RE.search(t) is None and not any(c.isdigit() for c in t)


# Teaching materials kept within a course ("The lecture recordings are on Panopto for enrolled
# students only, please don't share them outside the course"): a copyright and courtesy notice
# about materials the readers already have, not news given away.
_COURSE_ONLY_RE = regex.compile(
    r"(?i)\b(?:recordings?|slides|handouts?|lecture\s+notes|reading\s+packs?|course\s+materials?|materials|"
    r"videos?|worksheets?)\b[^.!?]{0,80}?\b(?:(?:enrolled|registered)\s+students|students\s+on\s+the\s+"
    r"(?:course|module)|outside\s+the\s+(?:course|module|class))\b"
)


def tells_nothing(doc: Doc) -> bool:
    """The post refuses to say ("not allowed to say anything about it") or only teases ("can't say
    much yet but watch this space") and tells nothing of the matter: no claim, figure, name or
    verdict (for the learned confidential finding, which reads the topic of a post more than what
    it gives away)."""
    t = doc.masked
    if _DISCLOSE_RE.search(doc.text) or any(c.isdigit() for c in t):
        return False
    if _C6_REFUSE_RE.search(t) or _WAIT_FOR_IT_RE.search(t):
        return True
    m = regex.search(r"can'?t\s+say\s+(?:much|more|anything)\s+(?:\w+\s+)?but", t)
    return m is not None and _teaser_only(doc.text, m.end())
