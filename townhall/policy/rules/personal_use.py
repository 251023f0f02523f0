"""personal-use: personal accounts speaking about the institution or colleagues without a
'views my own' framing, and institutional e-mail addresses used for personal accounts."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from townhall.policy import clauses, mlbridge
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import gate, gate_words, phrases, sentences, words_re

_INSTITUTION_REF = re.compile(
    r"(?<![\w])(?:(?:the|my|our)\s+(?:university|uni|employer|institution|faculty|school|department|dept)"
    r"|(?:senior\s+)?management(?:\s+team)?|smt|the\s+vc|vice[-\s]chancellor|(?:my|our)\s+(?:boss|line\s+manager|"
    r"manager|head\s+of\s+(?:department|school|\w+)|hod|dean|colleagues?|co-?workers?)|hr|the\s+registry|"
    r"the\s+(?:executive|board|senate|council|governors)|work(?:place)?\s+here|here\s+at"
    r"|senior\s+(?:managers?|leadership|leaders|team)|(?:the\s+)?leadership(?:\s+team)?|the\s+(?:vc|pvc|dean|provost|registrar)'?s?"
    r"|(?:the\s+)?exam\s+board|all-staff|(?:a|this)\s+place\s+to\s+work|this\s+place|at\s+work|the\s+people\s+at\s+the\s+top"
    r"|(?:my|our)\s+(?:employer|institution|workplace|faculty|hod|pay)|the\s+uni\s+admin|the\s+uni(?:versity)?'?s?"
    r"|don'?t\s+work\s+here|(?:my|our)\s+university'?s?|the\s+registry|the\s+faculty|working\s+here|work\s+here"
    r"|this\s+uni(?:versity)?|this\s+institution|uni'?s"
    r"|(?:my|our)\s+(?:employer|place|work)'?s|where\s+i\s+work|i\s+work\s+(?:there|here)"
    # more ways of naming the employer: its heads, its new policies, an insider saying what they do there
    r"|(?:the|our|my)\s+(?:new\s+)?(?:principal|chancellor|provost|registrar|hod|dean|vc|pvc)'?s?"
    r"|(?:the|our|my)\s+new\s+(?:curriculum|strategy|rebrand|policy|structure|timetable|workload\s+model)|unis"
    r"|as\s+(?:a|an)\s+(?:member\s+of\s+staff|librarian|lecturer|admin\w*|technician|tech|porter|cleaner|administrator)"
    r"|i'?m\s+(?:an?\s+)?(?:admin\w*|lecturer|librarian|technician|tech)\s+(?:in|at)|as\s+someone\s+who\s+works"
    r"|(?:tech|technician|lecturer|librarian|admin)\s+in\s+the\s+(?:\w+\s+){0,2}(?:labs?|library|department|office)\s+here"
    r"|(?:the\s+)?(?:hr|estates|finance|admissions|comms|it)\s+(?:team|department|dept|office)|(?:the\s+)?new\s+(?:vc|vice[-\s]chancellor|dean|head\s+of\s+\w+|pvc)|(?:coming|come|study|studying|apply|applying)\s+here|(?:my|our)\s+(?:dept|school|department|faculty)'?s?|never\s+worked\s+anywhere)(?![\w])"
)
_NEGATIVE = words_re(
    phrases("""can't believe|cannot believe|frozen|freeze|cuts|axed|scrapped|shambles|farce|joke|
    disgrace|disgraceful|useless|incompetent|clueless|pathetic|hopeless|awful|terrible|appalling|shocking|
    ridiculous|absurd|fed up|sick of|tired of|hate|hates|angry|furious|livid|betrayed|lied|lies|liars|
    mismanagement|mismanaged|chaos|mess|rubbish|crap|shit|couldn't organise|could not organise|piss-up|
    brewery|idiots|clowns|clown|spineless|worst|failing|failed|failure|unfair|outrage|outrageous|toxic|
    bullying|bullies|greedy|greed|overpaid|underpaid|exploited|exploitation|demoralised|demoralized|
    wtf|ffs|again|yet again|typical|no surprise|another|sack|sacked|tone-deaf|fiction|pure fiction|as ever|
    what a place|blame them|bonuses|frozen|cutting|calling it|liability|going under|morale|don't care|
    doesn't care|pointless|clueless|not strategic|joke|shambles|falling apart|the chaos|chaos|hole|consultants|
    disgrace|shameful|bullies|awful|run|steer clear|dirt|fleecing|going downhill|no clue|wouldn't know|
    pretending|pretend|tell that to|badly managed|badly run|dropout rates|titanic|treats|shame|cutting our pay|
    real terms|it's about money|cheers|disgusting|never recommend|wouldn't recommend|would not recommend|
    out of their depth|mess|nobody cares|false|untrue|not true|made up|couldn't care less|killing me|
    more interested in|wouldn't trust|don't trust|can't trust|make it make sense|laughable|a disaster for|
    spending a fortune|a fortune on|insult|insulting|a racket|cowards|cowardly|so bad|fantasy|shambolic|
    nightmare|hypocrites|hypocritical|hypocrisy|dead weight|don't believe|embarrassing|embarrassment|
    a laughing stock|mickey mouse|dinosaurs|cheapskates|penny-pinching|stingy""")
)
# Claims that damage the institution's reputation whatever the framing: accusations of dishonesty,
# cover-ups, unlawful or unsafe conduct, financial collapse, warnings to stay away.
_DAMAGING = words_re(
    phrases("""lying|lies|lied|liars|cover-up|covered up|cover up|covering up|cooking the books|cooked the books|
    fiddled|fiddling|rigged|fraud|fraudulent|fabricated|racist|institutionally racist|sexist|criminal|illegal|
    unlawful|unsafe|dangerous|asbestos|bankrupt|go bust|went bust|going bust|insolvent|sham|scam|fleecing|
    exploiting|knowingly|deliberately|hiding|buries|bury|whitewash|corrupt|corruption|steer clear|stay away|
    run|don't come|don't work here|treat staff like dirt|like dirt|bullies|bullying|harassment|pure fiction|
    fiction|misleading|mis-selling|ripping off|rip-off|property company|destroyed morale|resign|should resign|
    incompetent|in such a state|going under|falling apart|downhill|clueless|lost half|lost all|false|simply false|
    untrue|not true|made up|never recommend|wouldn't recommend|would not recommend|nobody cares|a mess|
    wouldn't trust|don't trust|can't trust|sitting on|fudging|fudged""")
)
_DISCLAIMER = re.compile(
    r"(?<![\w])(?:views?\s+(?:are\s+|expressed\s+(?:here\s+)?(?:are\s+)?)?(?:my\s+own|mine|personal|my\s+own\s+and)"
    r"|opinions?\s+(?:are\s+)?(?:my\s+own|mine)|personal\s+(?:views?|opinions?|account)"
    r"|not\s+(?:the\s+)?views?\s+of|do\s+not\s+(?:represent|reflect)|don'?t\s+(?:represent|reflect)"
    r"|speaking\s+for\s+myself|#viewsmyown|views\s+my\s+own|all\s+views\s+mine|rts?\s*(?:!=|≠|are\s+not|aren'?t)\s*endorsements?)(?![\w])"
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
        Example("Proud of my colleagues who won the teaching award!", False, account="personal"),
    ],
    accounts=("personal",),
)
def views_not_own(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    ref = _institution_ref(doc, cp)
    if ref is None:
        return
    disclaimed = _DISCLAIMER.search(t) is not None
    negative = _near(_NEGATIVE, t, ref)
    if not negative:
        negative = _vader_negative(doc.text, ref)
    if not negative and mlbridge.available() and _USE_SENTIMENT:
        # the classifier judges the sentence that names the institution, not the whole post
        s, e = next(((a, b) for a, b in sentences(doc.text) if a <= ref[0] < b), (0, len(doc.text)))
        negative = mlbridge.sentiment(doc.text[s:e]) == "negative"
    if not negative:
        return
    if disclaimed:
        # the framing the guidance asks for is there: advice only (PER003 still judges the claims)
        yield (
            ref[0],
            ref[1],
            "Criticism of the institution, framed as your own views.",
            ("Keep it measured; consider raising it internally first."),
            "info",
        )
    else:
        yield ref[0], ref[1], "Criticism of the institution or colleagues without a 'views my own' framing."


# The sentiment classifier as a fallback read ordinary news about the institution (an apology,
# a new badge, a deficit) as criticism on our dev cases (12 false alarms, 0 extra hits): off.
_USE_SENTIMENT = False


# VADER (a generic sentiment lexicon, townhall/policy/ml/vader.py) reads negative evaluations the
# word list above never saw ("an insult", "so bad", "lost the trust of"); it judges only the
# sentence naming the institution, and only when the rule already found that reference.
_VADER_NEGATIVE = -0.45


def _vader_negative(text: str, ref: tuple[int, int]) -> bool:
    from townhall.policy.ml.vader import analyzer

    s, e = next(((a, b) for a, b in sentences(text) if a <= ref[0] < b), (0, len(text)))
    return analyzer().polarity_scores(text[s:e])["compound"] <= _VADER_NEGATIVE


def _institution_ref(doc: Doc, cp: CompiledPack) -> tuple[int, int] | None:
    """Where the post first names the employer or colleagues; kept on the post because PER001,
    PER003 and PER005 all ask and the pattern is the costly part of them."""
    key = "_per_institution_ref"
    if key in doc.__dict__:
        return doc.__dict__[key]
    t = doc.masked
    m = _INSTITUTION_REF.search(t) or cp.institution_re.search(t)
    doc.__dict__[key] = span = m.span() if m else None
    return span


def _near(lex: object, t: str, ref: tuple[int, int], reach: int = 160) -> bool:
    """A lexicon hit within ``reach`` characters of the institution reference."""
    return any(abs(m.start() - ref[0]) <= reach for m in lex.finditer(t))  # type: ignore[attr-defined]


@rule(
    "PER003",
    "reputation-damage",
    "personal-use",
    "warn",
    clauses.REPUTATION,
    "Accusing the institution of lying, cover-ups, unsafe or unlawful conduct, or telling people to "
    "stay away, damages its reputation even from a personal account and even with 'views my own'.",
    "If you have evidence of wrongdoing, use the speak-up (whistleblowing) route; otherwise say what "
    'you disagree with and why, without allegations ("I disagree with the decision to ... because ...").',
    [
        Example(
            "Views my own: my university is institutionally racist and has been for decades.", True, account="personal"
        ),
        Example("My employer is lying to applicants about graduate outcomes. Views my own.", True, account="personal"),
        Example("Views my own, but the University's hiring freeze is a mistake.", False, account="personal"),
        Example("Proud of my colleagues who won the teaching award!", False, account="personal"),
    ],
    accounts=("personal",),
)
def reputation_damage(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    ref = _institution_ref(doc, cp)
    if ref is None:
        return
    for m in _DAMAGING.finditer(t):
        if abs(m.start() - ref[0]) <= 160:
            yield m.start(), m.end(), "A claim that could damage the institution's reputation, whatever the framing."
            return


# "It's only the staff WhatsApp group so I can say it": the guidance's closed-groups clause.
_CLOSED_GROUP_RE = regex.compile(
    r"(?<![\w])(?:(?:private|closed|locked|secret|staff[-\s]only|members[-\s]only)\s+(?:\w+\s+)?(?:group|chat|channel|"
    r"forum|page|team)|(?:only|just)\s+(?:the\s+)?(?:staff\s+)?(?:whatsapp|facebook|teams|slack|signal|telegram|discord)\s+group"
    r"|(?:whatsapp|facebook|teams|slack)\s+group\s+is\s+private|(?:group|chat)\s+is\s+(?:private|closed|locked)"
    r"|it'?s\s+a\s+(?:closed|private|locked)\s+group|only\s+the\s+\d+\s+of\s+us|nobody\s+outside\s+will\s+see"
    r"|(?:so\s+)?it\s+(?:won'?t|will\s+not)\s+go\s+any\s+further|so\s+it\s+stays\s+(?:here|in\s+the\s+group)"
    r"|(?:between|among)\s+(?:us|ourselves)\s+in\s+(?:this|the)\s+group)(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "PER004",
    "closed-group-not-private",
    "personal-use",
    "warn",
    clauses.CLOSED_GROUPS,
    "Posts in private or closed groups are screenshotted and forwarded; the guidance says not to "
    "assume anything posted there is private.",
    "Write only what you would be happy to see in public; take confidential matters to a meeting or "
    "the proper internal route, not a group chat.",
    [
        Example(
            "It's only the staff WhatsApp group so I can say it: our Dean is a liability.", True, account="personal"
        ),
        Example(
            "Posting this in our private Facebook group, so it won't go any further: results were fiddled.",
            True,
            account="personal",
        ),
        Example("Join our public Facebook group for alumni news!", False, account="personal"),
    ],
    accounts=("personal",),
)
def closed_group(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    m = _CLOSED_GROUP_RE.search(doc.masked)
    if m:
        yield m.start(), m.end(), "Written as if a closed group were private."


_WORK_EMAIL_RE = regex.compile(
    r"(?<![\w])(?:signed\s+up|sign\s+up|registered|log(?:ged)?\s*in|created|made|set\s+up|opened)"
    r"\s+(?:\w+\s+){0,4}(?:with|using|via|on|under)\s+my\s+(?:work|uni|university|staff|institutional|\.ac\.uk|college|"
    r"office|employer'?s?)\s*(?:e-?mail|address|account)",
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


# Unprofessional conduct in the job, told from a personal account: being drunk or hungover at work
# or at work events, skiving or lying to get out of work, marking or treating students carelessly,
# contempt for the students one teaches. Compositional: a work setting near a conduct cue, so a
# staff party "home by midnight" or "marking week, send biscuits" stays fine.
_WORK_SETTING_RE = re.compile(
    r"(?<![\w])(?:at\s+work|work\s+(?:christmas|summer|xmas)\s+(?:do|party)|staff\s+(?:party|do|ball|bar|room|awards|"
    r"meeting|away\s+day)|(?:department|dept|faculty|team|staff|board)\s+meeting|seminar|lecture|lectern|lab|"
    r"teach(?:ing)?|tutorial|(?:my|the|our)\s+(?:students|first[-\s]years|tutees|cohort|class|office|hod|dean|boss|"
    r"line\s+manager)|students|first[-\s]years|marking|scripts|essays|exam(?:s|\s+board)?|open\s+day|office|"
    r"faculty|the\s+vc|work(?:ing)?\s+from\s+home|wfh|#wfh|on\s+the\s+clock|taxpayer'?s?|extensions?|"
    r"admissions|library|campus|graduation|invigilat\w*|timesheet|feedback|corridor)(?![\w])"
)
_CONDUCT_RE = re.compile(
    r"(?<![\w])(?:hungover|hung\s+over|drunk|tipsy|wasted|smashed|pissed|can'?t\s+feel\s+my\s+face|"
    r"(?:\w+\s+)?(?:pints|shots|gins?|prosecco|wine)\s+(?:at\s+lunch|in\s+hand|in|before)|drinking\s+game|"
    r"free\s+bar|lock-?in|with\s+a\s+(?:gin|wine|beer|pint)\s+in\s+hand|skiv(?:e|ed|ing)(?:\s+off)?|bunk(?:ed|ing)\s+off|"
    r"called\s+in\s+sick|pulled\s+a\s+sickie|throw\s+a\s+sickie|snuck\s+out|sneaked\s+out|quiet\s+quitting|"
    r"can'?t\s+be\s+bothered|without\s+reading|not\s+my\s+problem|(?:was|i'?m)\s+(?:actually\s+)?at\s+the\s+pub|"
    r"don'?t\s+tell\s+my\s+(?:hod|boss|manager|dean|line\s+manager)|\"working\s+from\s+home\"|'working\s+from\s+home'|"
    r"“working\s+from\s+home”|paid\s+to\s+sit|lost\s+the\s+will\s+to\s+live|can'?t\s+spell|thick\s+as|drivel|"
    r"worst\s+things?\s+i\s+have\s+ever\s+read|do\s+they\s+even|why\s+do\s+we\s+even\s+let|pls\s+learn|"
    r"standards\s+are\s+dropping|works\s+every\s+time|we\s+have\s+to\s+give\s+it|fell\s+asleep|nodded\s+off|"
    r"pretended\s+(?:i|to)|how\s+little\s+time|smelling\s+of|reading\s+reddit|scrolling\s+(?:tiktok|twitter|instagram))(?![\w])"
)
_CONDUCT_WORDS = gate_words(
    "hungover hung drunk tipsy wasted smashed pissed feel pints shots gin gins prosecco wine drinking free lock-in "
    "lockin skive skived skiving skiving bunked bunking called sickie snuck sneaked quiet bothered reading problem pub "
    "tell working paid will spell thick drivel worst even pls standards works give fell nodded pretended little "
    "smelling reddit scrolling"
)


@rule(
    "PER005",
    "unprofessional-conduct",
    "personal-use",
    "warn",
    clauses.REPUTATION,
    "Telling the world you were drunk at work, skived, or marked carelessly, or sneering at the students "
    "you teach, is read as the conduct of the institution's staff, whatever account it is on.",
    "Leave out how work was skipped, drink at work or careless marking; if students' work worries you, "
    "say what would help them, without mocking them.",
    [
        Example(
            "hungover in a 9am seminar after the staff bar lock-in, if my students could see me now",
            True,
            account="personal",
        ),
        Example(
            "skiving off the 2pm department meeting to watch the cricket, don't tell my HoD", True, account="personal"
        ),
        Example("marking week, send biscuits (and a comfy chair)", False, account="personal"),
        Example(
            "staff summer ball, glad rags on, home by midnight like the sensible adults we are",
            False,
            account="personal",
        ),
    ],
    accounts=("personal",),
)
def unprofessional_conduct(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    if not gate(t, _CONDUCT_WORDS):
        return
    for m in _CONDUCT_RE.finditer(t):
        s, e = max(0, m.start() - 140), min(len(t), m.end() + 140)
        if _WORK_SETTING_RE.search(t, s, e) or _institution_ref(doc, cp):
            yield m.start(), m.end(), "Unprofessional conduct at work, told from a staff member's account."
            return


# Revealing what goes on inside: an insider's source ("heard it in the staff room", "I'm minuting
# it", "we've been told to stop reporting it") next to trouble (closures, redundancies, broken kit,
# a colleague's verdict on others). The institution announces its own bad news.
_INSIDER_RE = re.compile(
    r"(?<![\w])(?:heard\s+(?:it\s+)?(?:in|at|from)\s+the\s+(?:staff\s*room|canteen|corridor|meeting|kitchen)|overheard|"
    r"i'?m\s+minuting|(?:we'?ve|we\s+have|we\s+were|i\s+was|i'?ve\s+been)\s+(?:been\s+)?told\s+(?:not\s+)?to|"
    r"not\s+(?:yet\s+|officially\s+)+announced|before\s+(?:it'?s|it\s+is)\s+announced|behind\s+closed\s+doors|"
    r"off\s+the\s+record|i\s+sit\s+next\s+to|(?:in|at)\s+the\s+(?:faculty|senate|exec|board|management)\s+(?:board|meeting)|"
    r"leaked|between\s+you\s+and\s+me|don'?t\s+say\s+i\s+told\s+you)(?![\w])"
)
_TROUBLE_RE = re.compile(
    r"(?<![\w])(?:clos(?:e|es|ed|ing)|redundan\w+|job\s+cuts|cuts|axed|axing|scrapp\w+|broken|deficit|restructur\w+|"
    r"dead\s+weight|sack\w*|fired|spin|cover\w*|stop\s+reporting|merg\w+|shut\w*|cowards|losing|lost)(?![\w])"
)
_CLOSING_GAP_RE = re.compile(r"closing\s+the\s+(?:\w+\s+)?gap")
_INSIDER_WORDS = gate_words(
    "heard overheard minuting told announced closed record sit leaked faculty senate exec board management say"
)


@rule(
    "PER006",
    "revealing-internal-matters",
    "personal-use",
    "warn",
    clauses.REPUTATION,
    "Passing on what was heard or minuted inside (closures, redundancies, what a manager said) from a "
    "personal account leaks it before the institution has told the people affected.",
    "Leave internal news to the people announcing it; raise your concerns through your manager or union.",
    [
        Example(
            "They're closing the nursing course. Heard it in the staff room. Announce it yourselves, cowards.",
            True,
            account="personal",
        ),
        Example(
            "Heard a lovely talk in the staff room today about closing the attainment gap.", False, account="personal"
        ),
    ],
    accounts=("personal",),
)
def revealing_internal(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    if not gate(t, _INSIDER_WORDS):
        return
    m = _INSIDER_RE.search(t)
    if not m:
        return
    s, e = max(0, m.start() - 160), min(len(t), m.end() + 160)
    if _TROUBLE_RE.search(t, s, e) and not _CLOSING_GAP_RE.search(t):
        yield m.start(), m.end(), "Internal matters passed on from inside, before the institution has said them."


# Speaking for the institution from a personal account: promising what only it can give ("the
# university will cover your costs", "I'll make sure you get in", "consider it done") or announcing
# its plans ("excited to announce that the University will launch ...").
_INST_NOUN = r"(?:the\s+|our\s+|my\s+)?(?:uni(?:versity)?|institution|school|faculty|department|college)"
_PROMISE_TAIL = (
    r"\s+(?:will|'ll|is\s+going\s+to|are\s+going\s+to)\s+(?:definitely\s+|happily\s+)?(?:be\s+)?"
    r"(?:cover(?:ing)?|refund(?:ing)?|waiv(?:e|ing)|reimburs(?:e|ing)|pay(?:ing)?\s+for|guarantee(?:ing)?|honou?r(?:ing)?|"
    r"launch(?:ing)?|giv(?:e|ing)\s+you|offer(?:ing)?\s+you)(?![\w])"
)
_PROMISE_TAIL_RE = re.compile(_PROMISE_TAIL)
_PROMISE_RE = re.compile(
    r"(?<![\w])(?:"
    + _INST_NOUN
    + r"\s+(?:will|'ll|is\s+going\s+to|are\s+going\s+to)\s+(?:definitely\s+|happily\s+)?(?:be\s+)?"
    r"(?:cover(?:ing)?|refund(?:ing)?|waiv(?:e|ing)|reimburs(?:e|ing)|pay(?:ing)?\s+for|guarantee(?:ing)?|honou?r(?:ing)?|"
    r"launch(?:ing)?|giv(?:e|ing)\s+you|offer(?:ing)?\s+you)"
    r"|consider\s+it\s+(?:done|approved|sorted|agreed|granted)"
    r"|i(?:'ll|\s+will|\s+can|\s+could)\s+(?:\w+\s+)?(?:make\s+sure|guarantee|promise|sort|arrange|get)\s+(?:that\s+)?(?:you|your)\s+"
    r"(?:get\s+in|(?:an?\s+|your\s+)?(?:\w+\s+)?(?:place|offer|refund|extension|waiver|deposit))"
    r"|(?:excited|pleased|proud|delighted|happy|thrilled)\s+to\s+announce\s+that\s+" + _INST_NOUN + r")(?![\w])"
)


@rule(
    "PER007",
    "speaking-for-the-institution",
    "personal-use",
    "warn",
    clauses.OWN_BEHALF,
    "Promises or announcements made for the institution from a personal account bind it to things it "
    "has not agreed, and people act on them.",
    "Say only what you can promise yourself, and point people to the official office or page for decisions.",
    [
        Example(
            "@user Yes, the university will be covering all your travel costs. Consider it done.",
            True,
            account="personal",
        ),
        Example("@user I can't speak for the university, but the official FAQ should help.", False, account="personal"),
        Example("Does anyone know whether the uni will be closed for snow tomorrow?", False, account="personal"),
    ],
    accounts=("personal",),
)
def speaking_for_institution(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    if "will" not in t and "'ll" not in t and "consider" not in t and "announce" not in t:
        return
    m = _PROMISE_RE.search(t)
    if m:
        yield m.start(), m.end(), "A promise or announcement made for the institution from a personal account."
        return
    for nm in cp.institution_re.finditer(t):  # the pack's own names ("Example University will ...")
        tail = _PROMISE_TAIL_RE.match(t, nm.end())
        if tail:
            yield nm.start(), tail.end(), "A promise or announcement made for the institution from a personal account."
            return
