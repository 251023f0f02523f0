"""personal-use: personal accounts speaking about the institution or colleagues without a
'views my own' framing, and institutional e-mail addresses used for personal accounts."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex

from townhall.policy import clauses, mlbridge
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import (
    SENTENCE_REACH,
    gate,
    gate_words,
    office_address,
    phrases,
    sentence_start,
    sentences,
    token_set,
    tokens,
    words_re,
)
from townhall.policy.rules.confidential import (
    CONFIDENCE_MAXIM_RE,
    TRIVIAL_WORDS,
    harmless_leak,
    waits_for_publication,
)

_INSTITUTION_REF = re.compile(
    r"(?<![\w])(?:(?:the|my|our)\s+(?:university|uni|employer|institution|faculty|school|department|dept)"
    r"|(?:senior\s+)?management(?!\s+(?:consult\w*|school|studies|science|accounting|degrees?|courses?|modules?))"
    r"(?:\s+team)?|smt|the\s+vc|vice[-\s]chancellor|(?:my|our)\s+(?:boss|line\s+manager|"
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
    r"|(?:the\s+)?(?:hr|estates|finance|admissions|comms|it)\s+(?:team|department|dept|office)|(?:the\s+)?new\s+(?:vc|vice[-\s]chancellor|dean|head\s+of\s+\w+|pvc)|(?:coming|come|study|studying|apply|applying)\s+here|(?:my|our)\s+(?:dept|school|department|faculty)'?s?|never\s+worked\s+anywhere"
    r"|i\s+(?:run|manage|head|lead)\s+the\s+(?:\w+\s+){0,2}(?:office|team|unit|service|lab|labs|department|desk)"
    r"|(?:our|my)\s+\w+\s+(?:office|unit|service|lab|labs|school|department|dept|faculty)'?s?"
    r"|(?:technician|librarian|admin|administrator|researcher|postdoc|tutor|porter|cleaner|lecturer)\s+here"
    r"|(?:a|an|as\s+a|as\s+an)\s+uni(?:versity)?\s+(?:librarian|lecturer|technician|administrator|admin|porter|cleaner|"
    r"researcher|employee|staff\s+member|worker|tutor|professor)"
    # the office named bare as the one who acts (txt-speak drops "my"/"the"): "hod just cancelled my research
    # day", "Admin have 'streamlined' the ethics process"; "admin tasks", "doing admin" are no actor
    r"|(?i:hod|admin)(?=\s+(?:have|has|just|are|were|'ve|keep|keeps|kept|decided|cancelled|canceled|told|said|want|"
    r"wants|refused|refuse|lost|ignored|changed|moved|forgot)\b))(?![\w])"
)
# "just run" warns applicants off; "has just run her first marathon" is news (an object follows)
_NEWS_AFTER = {
    "just run": re.compile(
        r"(?i)\s+(?:her|his|their|my|our|your|a|an|the|this|that|it|its|\d|into|out|up|over|through|past|round|"
        r"around|for|in|on|to|with)\b"
    )
}
# Round 13 verdicts, each in the shape that makes it one: neglect said of a thing done ("leaving them in
# damp halls is negligent", not a tort law class on negligence), a claim called a fabrication (not a
# fabrication lab), and "least competent" said of people or an office (not "the least competent at karaoke").
_LEAST_PEOPLE = (
    "people",
    "person",
    "bunch",
    "team",
    "lot",
    "office",
    "department",
    "managers",
    "management",
    "manager",
    "organisation",
    "institution",
    "outfit",
    "individuals",
)
_VERDICT_R13 = "|".join(
    [
        "is negligent|was negligent|are negligent|were negligent|been negligent|criminally negligent|"
        "grossly negligent|gross negligence|sheer negligence|plain negligence|utterly negligent",
        "complete fabrication|total fabrication|pure fabrication|utter fabrication|outright fabrication|"
        "is a fabrication|was a fabrication|is fabricated nonsense",
        *(
            f"least {a} {n}"
            for a in ("competent", "capable", "organised", "organized", "professional", "helpful")
            for n in _LEAST_PEOPLE
        ),
    ]
)


def _bare_contractions(words: list[str]) -> list[str]:
    """The phrases with each "n't" also written without its apostrophe, as posts typed on a phone write
    them ("couldnt organise", "doesnt care"; round 14): the same words, so the same verdict."""
    return words + [w.replace("n't", "nt") for w in words if "n't" in w]


_NEGATIVE = words_re(
    _bare_contractions(phrases(
        """can't believe|cannot believe|frozen|freeze|cuts|axed|scrapped|shambles|farce|is a joke|are a joke|
    was a joke|what a joke|such a joke|a complete joke|a total joke|
    an absolute joke|a bad joke|a sick joke|a running joke|bit of a joke|beyond a joke|a joke of|
    disgrace|disgraceful|useless|incompetent|clueless|pathetic|hopeless|awful|terrible|appalling|shocking|
    ridiculous|absurd|fed up|sick of|tired of|hate|hates|angry|furious|livid|betrayed|lied|lies|liars|
    mismanagement|mismanaged|chaos|mess|rubbish|crap|shit|couldn't organise|could not organise|piss-up|
    brewery|idiots|clowns|clown|spineless|worst|failing|failed|failure|unfair|outrage|outrageous|toxic|
    bullying|bullies|greedy|greed|overpaid|underpaid|exploited|exploitation|demoralised|demoralized|
    wtf|ffs|again|yet again|typical|no surprise|another|sack|sacked|tone-deaf|fiction|pure fiction|as ever|
    what a place|blame them|bonuses|frozen|cutting|calling it|liability|going under|morale|don't care|
    doesn't care|pointless|clueless|not strategic|shambles|falling apart|the chaos|chaos|hole|consultants|
    disgrace|shameful|bullies|awful|run while you can|run a mile|
    run for the hills|just run|steer clear|dirt|fleecing|going downhill|no clue|wouldn't know|
    pretending|pretend|tell that to|badly managed|badly run|dropout rates|titanic|treats|shame|cutting our pay|
    real terms|it's about money|cheers|disgusting|never recommend|wouldn't recommend|would not recommend|
    out of their depth|mess|nobody cares|false|untrue|not true|made up|couldn't care less|killing me|
    more interested in|wouldn't trust|don't trust|can't trust|make it make sense|laughable|a disaster for|
    spending a fortune|a fortune on|insult|insulting|a racket|cowards|cowardly|so bad|fantasy|shambolic|
    nightmare|hypocrites|hypocritical|hypocrisy|dead weight|don't believe|embarrassing|embarrassment|
    a laughing stock|mickey mouse|dinosaurs|cheapskates|penny-pinching|stingy|froze|
    no longer believe|no longer trust|she has no idea|he has no idea|they have no idea|they've no idea|
    she's no idea|he's no idea|nobody's been told|nobody has been told|no one has been told|no one's been told|
    """
        # grievances told as facts: neglect, delay, being ignored or passed around, how staff are treated
        """still hasn't|still haven't|still waiting|still no reply|still no answer|still no contract|still not paid|
    still not been paid|
    passing me around|passed around|pass me around|no answer|never replied|never reply|never answer|
    never answers|ignored|ignoring|ignores|nobody listens|no one listens|won't listen|not good enough|
    not how you treat|how they see us|how they treat|treat us like|treats us like|treated us like|treat staff like|
    treats staff like|treat staff as|treats staff as|treat support staff as|an afterthought|ashamed of|be ashamed|
    so ashamed|been degrading|is degrading|was degrading|degrading treatment|
    humiliating|humiliated|have no idea what|has no idea what|have no idea how|has no idea how|
    no idea what they're doing|no idea what happens|don't want to know|doesn't want to know|doesn't exist|
    don't exist|non-existent|nonexistent|can't recommend working|cannot recommend working|look elsewhere|
    go elsewhere|don't apply|what could go wrong|love that for us|
    vanity project|vanity projects|takes credit|took credit|taking credit|lowest bidder|outsourced|
    job losses|hiring freeze|pay freeze|rolling contracts|zero-hours|zero hours|zero-hour|zero hour|
    less than the minimum wage|
    below the minimum wage|repaints|papering over|swept under|box-ticking|tick-box|lip service|empty promises|
    all talk|cares more about|care more about|only cares about|cash cow|broken promises|let us down|let staff down|
    let students down|let down by|feel let down|letting us down|
    failed us|failing us|fails us|understaffed|under-staffed|overworked|burnt out|burned out|demoralising|
    gaslighting|gaslit|scapegoat|scapegoating|blaming staff|blame staff|blaming us|passing the buck|
    kept in the dark|sham consultation|a formality|done deal|rubber stamp|rubber-stamped|won't fund|
    never taught|oh wait|just mine then|said no one|said nobody|yeah right|
    sinking ship|circus|a dump|this dump|what a dump|
    dump of a|madhouse|
    clown show|dumpster fire|car crash|train wreck|trainwreck|shitshow|omnishambles|pants|doesn't work|
    don't work|hasn't worked|haven't worked|hasn't had a working|not fit for purpose|get hurt|
    accident waiting to happen|
    zero idea|not a clue|held together with|you know who you are|a dinosaur who|is a disaster|was a disaster|
    been a disaster|a total disaster|a complete disaster|an absolute disaster|utter disaster|walking disaster|
    disaster of a|out of touch|
    asleep at the wheel|heading for a cliff|built on sand|saying nothing|zero answers|never marked|never set foot|
    micromanages|micromanaging|micromanagement|rant|laziest|lazy person|lazy people|bone idle|does nothing|
    does literally nothing|nobody knows what|no one knows what|signed off sick|signed off with stress|so entitled|
    most entitled|entitled brats|entitled little|entitled people|brats|pr document|pr exercise|pr stunt|
    window dressing|nothing behind it|tone deaf|head examining|heads examined|noticed we exist|know we exist|
    rudderless|in good conscience|should be investigated|tanking|warned me|be warned|been warned|
    join the dots|draw the link|you do the maths|painted over|papered over|make it make sense|some family|
    no longer love|without a word|shrugged|thanks for nothing|it's grim|
    pages of nothing|and nothing else|the damp|damp in|mould in|mould on|won't tell you that|
    won't tell you this|they won't tell you|they don't tell you|don't tell you that|deserve better|deserves better|
    they don't understand|doesn't understand|never met a student|bragged about|boasted about|brags about|
    boasts about|crumbling|save us|screams at|shouts at|cruel|heartless|callous|inhumane|
    vindictive|spiteful|like a number|like numbers|never fails to disappoint|disappointing|a fool|
    yells at|screamed at|shouted at|honesty would be nice|transparency would be nice|"""
        # round 9: credit taken with its article, the lone-sufferer close, pay and safety told plainly;
        # then round 13's verdicts (neglect, fabrication, the least competent people)
        """took the credit|takes the credit|taking the credit|claimed the credit|claims the credit|just mine|
    just me then|underpaying|underpays|not safe|problem is at the top|rot starts at the top|
    problem starts at the top|blame the staff|blames the staff|blaming the staff|consult nobody|consults nobody|
    consulting nobody|consult no one|consults no one|updates their cv|update their cv|updating their cv|
    updated their cv|updating my cv|polishing my cv|""" + _VERDICT_R13
    )),
    not_before=_NEWS_AFTER,
)
# The institution named in other ways: as an employer, by its offices and heads, or by a staff member
# placing themselves in it ("I work in student records", "PhD student here", "a uni that ...").
# A lexicon (hash lookup) beside the pattern: cheap on the many posts that name nothing.
_INSTITUTION_LEX = words_re(
    phrases(
        """employer|employers|graduate school|doctoral college|doctoral school|estates|registry|
    our pi|my pi|my supervisor|on the inside|from the inside|an insider|phd student here|postdoc here|
    lecturer here|staff member|member of staff|members of staff|i work in|i work at|i work for|i teach at|
    i teach in|i lecture at|my building|our building|at my place|at our place|a uni that|a university that|
    uni staff|university staff|the senior team|senior team|the exec|exec team|head of school|
    heads of school|deputy vc|dvc|pvc|vc|vc's|vice-chancellor|registrar|provost|all staff|all-staff|
    staff meeting|at open day|at the open day|on open day|of a university|of a uni|of an institution|my place|
    lecturing at|teaching at|working at|working in uni|work at the uni|uni comms|tell me you work at|my own manager|
    my own boss|our new head|our head|upstairs|the people upstairs|bosses|above us|governing body|
    governors|our nss|anyone else's university|anyone else's uni|anyone else's employer|anyone else's department|
    anyone else's boss|anyone else's manager|anyone else's hr|at a uni|at a university|this department|
    this faculty|this school|we're a university|we're a uni|we're a research university|we are a university|
    place i've ever worked|place i've worked|
    place i work|"""
        # round 8: the employer named indirectly, by its upper floors, its offices or its latest upheaval
        """pro-vc|pro vc|pro-vice-chancellor|pro vice-chancellor|deputy vice-chancellor|central admin|
    central administration|higher-ups|higher ups|top brass|institution i work for|university i work for|
    uni i work for|university i work at|uni i work at|my place of work|our place of work|my workplace's|
    programme director|head of department|exec board|executive board|exec floor|senior leadership|"""
        # round 12: the employer's own self-description, quoted against the author's working day
        """the prospectus|our prospectus|"""
        # round 13: the line manager named bare ("Line manager's booked another 6pm call")
        """line manager|line manager's|line managers|"""
        # round 14: the leadership team by the acronyms and short names staff use for it ("thanks SLT",
        # "our exec just emailed everyone")
        """slt|the slt|slt's|smt's|our exec|my exec|our exec's|the exec's|executive team|university executive|
    uni exec|senior leadership team"""
    )
)
# Nicknames for the people in charge ("our glorious leaders", "the powers that be"): the employer's,
# unless the post is about government or another body ("the powers that be at the Met Office").
_NICKNAME_LEX = words_re(
    phrases("""powers that be|glorious leaders|glorious leader|glorious leadership|dear leader|dear leaders|
    beloved leaders|beloved leader|fearless leader|fearless leaders|esteemed leaders|overlords|
    lords and masters""")
)
_NOT_EMPLOYER_WORDS = gate_words(
    "government govt minister ministers ministry westminster parliament mps mp downing tories tory labour cabinet "
    "council councils treasury nhs politicians party election brexit president senate congress"
)
_OURS_WORDS = frozenset(("ours", "mine"))
_ELSEWHERE_RE = re.compile(r"\s+(?:at|in|of|over\s+at|down\s+at)\s+(?!work|the\s+(?:uni|top|office)|my|our|this)")
# the employer's latest upheaval ("three years since the restructure"), not "the restructure of my allotment"
_RESTRUCTURE_RE = re.compile(
    r"(?<![\w])(?:the|this|another|our|latest|a\s+new)\s+(?:latest\s+|new\s+)?restructur(?:e|ing)(?![\w])"
    r"(?!\s+of\s+(?:my|his|her|their)(?![\w]))"
)
# "a university with a business school could balance a budget. Not ours, apparently.", "lose three
# heads of department in a year? Asking because mine just did."
_OURS_REF_RE = re.compile(
    r"(?<![\w])(?:university|uni|institution|department|faculty|employer|school)(?![\w])[^.!?]{0,80}?[.!?,;:]?\s+"
    r"(?:\w+\s+){0,3}?(?:ours|mine)(?![\w])"
)
# Sarcasm: a bare verdict as its own sentence after a grievance ("... while the executive gets new
# cars. Incredible."), or the emoji people use for it. Only a sentence ending in a full stop or the
# post's end: "Brilliant!" is usually meant.
_SARCASM_WORDS = gate_words(
    "brilliant incredible fantastic marvellous lovely great genius inspiring amazing classic standard wonderful "
    "superb unreal priceless perfect excellent bravo iconic stellar outstanding impressive priorities cracking cool"
)
_SARCASM_RE = re.compile(
    r"(?:^|[.!?…:]\s+|\n\s*)(?:just\s+|truly\s+|absolutely\s+|simply\s+|really\s+)?(?:brilliant|incredible|fantastic|"
    r"marvellous|lovely|great|genius|inspiring|amazing|classic|standard|wonderful|superb|unreal|priceless|perfect|"
    r"excellent|bravo|iconic|stellar|outstanding|impressive|priorities|cracking|cool\s+cool(?:\s+cool)?)"
    r"(?:\s+(?:stuff|work|job|leadership|management|planning|"
    r"as\s+ever|as\s+always|again|really|isn'?t\s+it|innit))?(?:,?\s*(?:everyone|everybody|all|folks|team|guys))?"
    r"\s*(?:\.(?!\w)|$)"
)
_SARCASM_EMOJI = ("\U0001f643", "\U0001f644", "\U0001f921", "\U0001fae0", "\U0001f642\U0001f642")
_HAPPY_FACE_RE = re.compile(r"(?<![\w])in\s+a\s+(?:good|nice|happy)\s+way(?![\w])|happy\s+tears|good\s+tears")
# the face right after a clause about the author ("like I nearly was 🙃", "that's me 🙃"): self-mockery
_SELF_FACE_RE = re.compile(
    r"(?<![\w])(?:i|i'?m|i\s+was|i\s+nearly\s+was|i\s+almost\s+was|me|myself)\s*[.!]*\s*(?:\U0001f643|\U0001f644|\U0001f921|"
    r"\U0001fae0|\U0001f642\U0001f642)$"
)


# The hypocrisy contrast: "... free fruit on Wednesdays. Meanwhile rents in halls went up 12%", "cut the
# library budget while the VC gets a pay rise".
_CONTRAST_RE = re.compile(
    r"(?:(?:^|[.!?…]\s+)meanwhile\b[^.!?]{0,120}?(?<![\w])(?:went\s+up|gone\s+up|goes\s+up|rose|risen|rising|increase[ds]?|"
    r"pay\s+rise|bonus(?:es)?|cut|cuts|slashed|froze|frozen|£|\d+\s*%|millions?|a\s+fortune)"
    r"|(?<![\w])(?:while|whilst)\s+(?:the\s+|our\s+|their\s+)?(?:vc|vice[-\s]chancellor|exec\w*|senior\s+\w+|management|"
    r"leadership|bosses|dean|principal|provost|managers|directors?)\s+(?:\w+\s+)?(?:gets?|got|getting|award\w*|buys?|bought|"
    r"spends?|spent|spending|takes?|took|enjoys?|flies|flew|pockets?))"
)


# Grievances by their structure rather than their words: what the institution has not done ("hasn't
# fixed the lift in 5 months"), money wasted, hypocrisy ("puts 'inclusive' on every poster but ..."),
# people driven out, the insinuating close ("make of that what you will"), contempt metaphors
# ("basically a pyramid scheme"), mismanagement ("badly led").
_GRIEVANCE_WORDS = gate_words(
    "hasn't haven't hadn't never won't refuses refused refusing wastes wasted wasting waste squandered squanders "
    "blew blown splashed claims says puts brags boasts preaches markets sells calls driven pushed forced hounded "
    "make draw says tells basically essentially just led managed run badly poorly pyramid sweatshop mill "
    "factory hole cult money-pit one none nobody waiting since spend spends spent promised pledged who's values keeps "
    "kept asking legal see everybody everyone needs coincidence before treat reward value thank repay respect "
    "explain justify defend dare still care condemned demolished shut bulldozed"
)
_GRIEVANCE_RE = re.compile(
    r"(?<![\w])(?:(?:has|have|had)n'?t\s+(?:even\s+|yet\s+|ever\s+)?(?:\w+\s+)?(?:fixed|paid|replied|answered|responded|sorted|"
    r"processed|replaced|updated|consulted|bothered|listened|repaired|honoured|delivered)"
    r"|(?:never|won'?t|refuses?\s+to|refused\s+to|refusing\s+to)\s+(?:\w+\s+)?(?:fix|pay|reply|answer|respond|listen|replace|"
    r"repair|consult|fund|honour|deliver)(?:es|s|ed)?"
    r"|(?:wastes?|wasted|wasting|squander\w*|blew|blown|blowing|splash(?:es|ed)?\s+out)\s+(?:\w+\s+){0,3}(?:on|£|\d|millions|"
    r"thousands|money|a\s+fortune)|(?:money|millions|£\s?\d[\d,.]*\w*)\s+(?:\w+\s+){0,3}(?:wastes?|wasted|wasting)"
    r"|(?:uni|university|it|they|employer|management|leadership|department|dept|school|faculty|which|that|who|place|vc)\s+"
    r"(?:\w+\s+)?(?:claims?|says|puts|brags?|boasts?|preaches|markets?\s+itself|sells?\s+itself|calls?\s+itself|talks?\s+about|"
    r"tweets?\s+about|(?:keeps?|kept)\s+(?:saying|claiming|telling\s+\w+))\s+[^.!?]{0,80}?"
    r"(?:(?<![\w])(?:but|yet|while|whilst|then|meanwhile)(?![\w])|[.!?;]\s*(?:they|it|we|which)\s+(?:really\s+)?"
    r"(?:don'?t|doesn'?t|isn'?t|aren'?t|won'?t|didn'?t|haven'?t|hasn'?t)(?![\w]))"
    r"|(?:driven|pushed|forced|hounded)\s+out|make\s+of\s+that\s+what\s+you\s+will|draw\s+your\s+own\s+conclusions?"
    r"|(?:that\s+)?tells\s+you\s+(?:all\s+you\s+need\s+to\s+know|everything)"
    r"|(?:is|are|was)\s+(?:basically|essentially|just|nothing\s+but|little\s+more\s+than)\s+(?:a|an)\s+(?:\w+\s+)?"
    r"(?:pyramid\s+scheme|black\s+hole|sweatshop|degree\s+mill|diploma\s+mill|factory|cult|money[-\s]pit|business|racket|"
    r"property\s+company|hedge\s+fund|farce|circus)|black\s+hole|pyramid\s+scheme"
    r"|(?:badly|poorly)\s+(?:led|managed|run|organised|organized|handled)"
    r"|(?:not\s+(?:a\s+single\s+)?one|none|nobody|no\s+one)\s+(?:of\s+them\s+)?(?:has|have|was|were)\s+(?:been\s+)?"
    r"(?:replaced|fixed|paid|consulted|told|hired|answered)|waiting\s+(?:over\s+)?(?:\w+|\d+)\s+(?:weeks|months|years)\s+for"
    r"|spen[dt]s?\s+more\s+on\s+[^.!?]{0,60}?\s+than\s+on|(?:promised|pledged)\s+(?:\w+\s+){0,4}(?:years?|months?)\s+ago"
    r"|who'?s\s+never\s+(?:\w+\s+){0,3}(?:met|taught|marked|used|set\s+foot)"
    r"|(?:says|claims)\s+it\s+values\s+[^.!?;]{0,60}[;,.]\s*(?:in\s+(?:my|our)\s+experience|in\s+reality|in\s+practice|"
    r"the\s+reality)"
    r"|(?:\w+|\d+)\s+(?:days|weeks|months|years)\s+since\s+i\s+(?:first\s+)?(?:reported|asked|complained|raised|emailed|flagged|"
    r"requested|applied)"
    # the insinuating question or close (round 6): "asking for a friend", "Legal?", "we see what you're doing"
    r"|asking\s+for\s+a\s+friend|(?:is\s+(?:that|this|it)\s+)?(?:even\s+)?legal\s*\?"
    r"|we\s+(?:all\s+)?see\s+what\s+you['’]?re\s+doing|every(?:body|one)\s+(?:is\s+)?know(?:s|ing)\s+(?:this|it)"
    r"|who\s+needs\s+[^.!?]{1,40}?\s+when\s+you\s+can"
    # the advice that exposes hypocrisy (round 9): "maybe pay the cleaners before tweeting about your values"
    r"|(?:maybe|perhaps|how\s+about|try)\s+[^.!?]{3,80}?\s+before\s+(?:tweeting|posting|bragging|boasting|talking|preaching|"
    r"banging\s+on|lecturing\s+\w+|going\s+on)\s+about"
    r"|coincidence\s*\?"
    # the reproach put to the institution itself (round 12): "@UniOfX is this how you treat staff?",
    # "why are your cleaners still on zero-hours contracts?", "how do you justify ...", "do you even care"
    r"|is\s+this\s+how\s+you\s+(?:\w+\s+)?(?:treat|reward|value|thank|repay|respect|look\s+after|support)"
    r"|care\s+to\s+explain|how\s+(?:do|can|could|dare)\s+you\s+(?:even\s+)?(?:justify|defend|explain)"
    r"|do\s+you\s+(?:even|actually|really|ever)\s+care|why\s+(?:are|is|do|does|have|has)\s+your\s+[^.!?]{1,60}?\s+still\s+"
    r"(?:on|not|no|without|waiting|unpaid|charging|paying|using|broken|closed|being|under|stuck|in)"
    # a building or service said to be past saving: "our building should honestly be condemned"
    r"|should\s+(?:honestly\s+|really\s+|frankly\s+|probably\s+|just\s+)?be\s+(?:condemned|demolished|bulldozed|"
    r"shut\s+down|closed\s+down|torn\s+down))(?![\w])"
)


# Verdicts by construction (round 6), each with slots rather than one sentence: the rhetorical reply
# to a quoted claim, the incompetence idiom's ending, "has the ethics of a ...", money spent and still
# nothing, nobody in charge, credit taken "as his own", "should be embarrassed", "half the effort into X
# that it puts into Y", pride lost, months taken to fix, "would rather X than listen", a quoted virtue
# with "every ... except the ones ...". Apart from _GRIEVANCE_RE because some start at a closing quote.
_VERDICT_RE = re.compile(
    r"(?:[\"'’”]\s*[.!]?\s*(?:for\s+whom|says\s+who|really|sure)\s*(?:,\s*exactly)?\s*\?"
    r"|(?:out\s+of\s+a\s+paper\s+bag|in\s+a\s+brewery|if\s+(?:their|his|her|its)\s+(?:lives?|jobs?|bonus\w*|pay)\s+"
    r"depended\s+on\s+it)"
    r"|(?:has|have|with)\s+the\s+(?:ethics|morals|integrity|honesty|competence|compassion|empathy|charm|"
    r"organisational\s+skills|emotional\s+intelligence|people\s+skills|leadership\s+skills|self[-\s]awareness|"
    r"common\s+sense|tact|backbone|spine|attention\s+span|foresight|judgement|personality)\s+of\s+an?(?=\s)"
    r"|(?:is|are)\s+(?:just\s+|basically\s+|really\s+)?an?\s+(?:[\w-]+\s+){0,2}(?:company|developer|business|landlord|"
    r"bank|corporation)\s+with\s+(?:a\s+few|some)(?=\s)"
    r"|(?:cost|costs|spent|spends|spending|paid|earns|earning)\s+[^.!?]{0,60}?[.!?,;]?\s*(?:and\s+)?(?:\w+\s+){0,3}?"
    r"still\s+(?:can['’]?t|cannot|don['’]?t|doesn['’]?t|haven['’]?t|hasn['’]?t|won['’]?t)"
    r"|(?:nobody|no\s+one)\s+(?:is\s+|seems\s+to\s+be\s+)?in\s+charge"
    r"|(?:nobody|no\s+one)\s+(?:here\s+|there\s+|upstairs\s+)?knows\s+what\s+(?:they['’]?re|it['’]?s)\s+doing"
    r"|(?:presents?|passes?|passing|presenting|claims?|claiming)\s+(?:\w+\s+){0,6}?as\s+(?:his|her|their)\s+own"
    r"|should\s+be\s+(?:embarrassed|ashamed|mortified)|absolute\s+amateurs|amateur\s+hour"
    r"|half\s+(?:the|as\s+much)\s+(?:effort|money|energy|time|attention)\s+(?:into|on)\s+[^.!?]{1,60}?\s+(?:that|as)\s+"
    r"(?:it|they|we)\s+(?:put|puts|spend|spends)"
    r"|used\s+to\s+be\s+proud\s+(?:to|of)|no\s+longer\s+proud"
    r"|(?:taken|took|taking)\s+(?:over\s+)?(?:\w+|\d+)\s+(?:days|weeks|months|years)\s+to\s+(?:fix|reply|answer|pay|sort|"
    r"repair|respond|replace|process)|zero\s+urgency"
    r"|would\s+(?:rather|sooner)\s+[^.!?]{3,60}?\s+than\s+(?:listen|pay|fix|fund|talk|ask|support|consult|invest)"
    r"|[\"'’”]\s+(?:\w+\s+){0,6}(?:every|all)\s+(?:\w+\s+){0,3}except\s+(?:the|those)(?![\w]))"
)


# A token each _VERDICT_RE alternative holds (the pattern is long; most posts hold none of these).
_VERDICT_WORDS = gate_words(
    "whom who really sure paper brewery depended ethics morals integrity honesty competence compassion empathy charm "
    "intelligence skills awareness self-awareness sense tact backbone spine span foresight judgement personality "
    "organisational company developer business landlord bank corporation still charge knows own embarrassed ashamed "
    "mortified amateurs amateur half proud taken took taking urgency rather sooner except"
)


# Weaker signs, each common in fine posts, that together read as a complaint: management-speak in
# scare quotes, time gone by ("it's been two years", "the third day running"), finding out from the
# wrong people, a deadpan close ("apparently", "This place.", "Thanks."), the same week/month.
_WEAK_RES = (
    # (a quoted phrase may hold a contraction: "'we're a family here'")
    re.compile(r"(?<![\w])[\"“‘'](?:[a-z][\w'’-]*)(?:\s+[\w'’-]+){0,3}[\"”’'](?![\w])"),
    re.compile(
        r"(?<![\w])(?:it'?s\s+been\s+(?:over\s+|nearly\s+|almost\s+)?(?:\w+|\d+)\s+(?:years|months|weeks)|"
        r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:day|week|time|month|year|term)\s+"
        r"(?:running|in\s+a\s+row)|(?:^|(?<=[.!?…]\s))since\s+(?:\d{4}|last\s+(?:year|term|summer|spring|autumn|winter|christmas))"
        r"\s*(?:[.!]|$)|since\s+(?:january|february|march|april|june|july|august|september|october|november|december)|"
        r"\d{2}[-\s]hour\s+(?:weeks?|days?|shifts?)|(?:waited|been\s+waiting)\s+(?:over\s+|nearly\s+|almost\s+)?"
        r"(?:\w+|\d+)\s+(?:days|weeks|months|years|terms)|"
        r"(?:\w+|\d+)\s+(?:days|weeks|months|years|terms)\s+(?:running|in\s+a\s+row)|"
        # (not a milestone: "a mug for 10 years of service", round 19, N6)
        r"(?:for|in)\s+(?:over\s+)?(?:\d+|two|three|four|five|six|nine|ten)\s+(?:years|months|weeks))(?![\w])"
        r"(?!\s+of\s+(?:service|marriage|friendship|teaching|research|working|work|membership))"
    ),
    re.compile(
        r"(?<![\w])(?:found\s+out\s+(?:about\s+[^.!?]{0,40}?)?(?:from|by|via|through|in)\s+(?:a\s+student|the\s+press|the\s+news|"
        r"twitter|a\s+press\s+release|reading|the\s+paper|social\s+media|linkedin)|"
        r"same\s+(?:week|month|day|year|term|morning|afternoon)|"
        r"(?:finally|suddenly)\s+noticed|nobody\s+(?:above|upstairs)|no\s+one\s+(?:above|upstairs)|"
        r"(?:anyone|any\s+\w+|you'?re|if\s+you'?re)\s+(?:thinking\s+of|considering)\s+(?:coming|applying|studying|joining|working))"
    ),
    re.compile(
        r"(?:apparently\s*[.!]?\s*$|(?:^|[.!?]\s+)(?:this\s+place|thanks|cheers|noted|sure|right|again|typical|hmm+|okay|ok|fine|right\s+you\s+are|"
        r"interesting|no\s+(?:further\s+)?comment|go\s+figure|figures|as\s+you\s+do|no\s+words)\s*[.!…]*\s*$"
        r"|that'?s\s+what\s+(?:this|the|my|our)\s+(?:\w+\s+)?calls?\s+\w+)"
    ),
)


def _weak_cues(t: str) -> int:
    """How many kinds of weak complaint sign the post shows."""
    return sum(1 for r in _WEAK_RES if r.search(t))


def _grievance(t: str, ref: tuple[int, int], reach: int = 200) -> bool:
    """A grievance told by its structure within ``reach`` characters of the institution reference,
    or two kinds of weaker sign anywhere in the post."""
    if gate(t, _GRIEVANCE_WORDS) and any(abs(m.start() - ref[0]) <= reach for m in _GRIEVANCE_RE.finditer(t)):
        return True
    if gate(t, _IRONY_WORDS) and any(abs(m.start() - ref[0]) <= reach for m in _IRONY_RE.finditer(t)):
        return True
    if gate(t, _VERDICT_WORDS) and any(abs(m.start() - ref[0]) <= reach for m in _VERDICT_RE.finditer(t)):
        return True
    if _r14_grievance(t, ref, reach):
        return True
    return _weak_cues(t) >= 2


# Irony by construction (issue 12, round 5): a virtue in scare quotes, then its contrary done in the
# same sentence ("my uni's 'people first' strategy means sacking people first", "our 'inclusive'
# university making disabled staff reapply for their own jobs").
_IRONY_RE = re.compile(
    r"(?<![\w])[\"'‘“](?:[a-z][\w'’-]*)(?:\s+[\w'’-]+){0,3}[\"'’”][\s.,:;—–-]+(?:[^.!?]{0,60}?[.!?:]\s+)?[^.!?]{0,90}?(?<![\w])"
    r"(?:sacking|sacked|firing|fired|cutting|restructur\w+|pay\s+freeze|job\s+losses|"
    r"axing|axed|closing|forcing|forced|pushing\s+out|binning|binned|scrapping|scrapped|threatening|capability|"
    r"redundanc(?:y|ies)|dismissing|outsourcing|making\s+(?:\w+\s+){0,3}?(?:reapply|redundant)|cut|cuts|"
    r"performance\s+plan|proceedings|cancell?ing|cancell?ed|dropping|dropped|ignoring|ignored|abandoning|abandoned|"
    r"slashing|slashed|freezing|froze|frozen)(?![\w])"
    # round 14: a whole sentence of the employer's quoted, a virtue in it, and the refusal done beside it
    # ("'the university is committed to transparency' — from an email refusing my FOI")
    r"|[\"“‘'][^\"“”\n]{0,80}?(?<![\w])(?:committed\s+to|values?|valued|transparen\w+|listening|open(?:ness)?|"
    r"supportive|cares?|wellbeing|inclusive)(?![\w])[^\"“”\n]{0,80}?[\"”’'][^.!?]{0,60}?(?<![\w])(?:refus\w+|reject\w+|"
    r"declin\w+|deny|denying|denied|block\w+|redact\w+|ignor\w+|stonewall\w*)(?![\w])"
)
_IRONY_WORDS = gate_words(
    "sacking sacked firing fired cutting axing axed closing forcing forced pushing binning binned scrapping scrapped "
    "threatening capability redundancy redundancies dismissing outsourcing reapply redundant cut cuts performance "
    "proceedings cancelling canceling cancelled canceled dropping dropped ignoring ignored abandoning abandoned "
    "slashing slashed freezing froze frozen restructure restructuring restructured freeze losses "
    "refusing refused refuses rejecting rejected declining declined deny denying denied blocking blocked redacted "
    "ignores stonewalling stonewalled"
)


def _sarcastic(t: str) -> bool:
    """A sarcasm emoji, a hypocrisy contrast, or an ironic shape (a deadpan verdict sentence, a stock
    ironic phrase, a quoted word echoed, a euphemism decoded) about something that reads as a complaint
    (round 8: "Priorities, eh." praises nothing when the post is about the library closing; after a
    prize won, "Brilliant." is meant)."""
    if any(e in t for e in _SARCASM_EMOJI):
        # the face the author says is a happy one (round 14): "grant got funded: 🥳 me: 🫠 (in a good way)"
        if _HAPPY_FACE_RE.search(t) is not None:
            return False
        # round 19 (N4): every such face closes a sentence about the author ("don't be daft like I nearly was 🙃")
        return not all(_SELF_FACE_RE.search(t, 0, t.index(e) + len(e)) for e in _SARCASM_EMOJI if e in t)
    if ("while" in t or "meanwhile" in t) and _CONTRAST_RE.search(t):
        return True
    if _hypocrisy(t):
        return True
    shape, span = _ironic_shape(t)
    if shape == 0 or _sincere(t, span):
        return False
    if shape == 3:
        # the deadpan close is itself one of the weak cues _complaint_content counts: the rest of
        # the post must hold the complaint ("moved to Christmas Eve. Noted.", not "party on the 19th. Noted."),
        # and a fault put right is none (round 37: "thanks to Estates who fixed the broken heating. Heroes.")
        return _complaint_content(_unremedied(t[: span[0]]))
    return shape == 2 or _complaint_content(_unremedied(t))


def _unremedied(t: str) -> str:
    """``t`` with the faults it says were put right blanked out (same length, so spans still hold)."""
    for a, b in _remedied_spans(t):
        t = t[:a] + " " * (b - a) + t[b:]
    return t


# Sarcasm read as a whole (issue 12, round 8). An ironic shape is one of: a short sentence made only
# of praise, intensifiers and a deadpan tail ("Genius move, truly.", "Priorities, eh.", "Heroes.",
# "Very professional.", "Well done, Dean.", "Bold, given ..."), not closed with "!"; a stock ironic
# phrase ("can't wait", "slow clap", "funny that", "of course they are", "good to know", "who knew",
# "nothing says ... like"); a word of a quoted phrase echoed as its own sentence ("'natural
# turnover'. Sure. Natural."); management-speak decoded ("'exciting changes' = we're closing your
# course", "is management-speak for"); "X's idea of consultation: ..."; "the answer to understaffing
# is ..."; "Our faculty: ... Also our faculty: ...". None of these is a complaint by itself (the same
# words praise a prize won), so each also needs complaint content: a loss, a cost, a deprivation,
# a bad time or a grievance word. A few shapes are their own complaint ("Rhetorical question.",
# "Pure coincidence, I'm sure.", "for whom, exactly?").
_PRAISE_WORDS = gate_words(
    "brilliant incredible fantastic marvellous marvelous lovely great genius inspired inspiring inspirational amazing "
    "classic standard wonderful superb unreal priceless perfect excellent bravo iconic stellar outstanding impressive "
    "priorities cracking cool heroes hero legends legendary classy professional bold visionary remarkable masterful "
    "masterclass world-leading world-class smart clever nice glorious sublime exemplary top-notch first-class "
    "spectacular splendid magnificent thoughtful generous heartwarming kudos applause bravo "
    "congratulations congrats inspiring sensible flawless seamless innovative competent efficient effective "
    "exceptional phenomenal astonishing breathtaking stunning smashing "
    # round 14: a virtue named flat as its own sentence after the failing of it ("... didn't take a single
    # question. Transparency.")
    "transparency accountability integrity collegiality openness honesty compassion fairness professionalism"
)
# Words a deadpan verdict sentence may hold beside the praise: intensifiers, what is praised, the tail.
_PRAISE_FILLER = gate_words(
    "start wow oh ah well just truly absolutely simply really very so such what how real a an utterly totally quite "
    "move moves stuff work job leadership management planning decision decisions decision-making idea ideas strategy "
    "thinking effort call choice look touch talent result results news timing priorities communication comms "
    "consultation listening vision plan planning foresight optics form thing again as ever always isn't it innit "
    "everyone everybody all folks guys upstairs smt dean hr vc provost management leadership round honestly "
    "seriously indeed eh that then there the of from our my their them us you this place done one once more "
    "yet another show work team's "
    # round 14: what a deadpan verdict praises ("Truly world-class operation.")
    "operation service services organisation organization institution employer outfit university uni department"
)
_PRAISE_SENT_RE = re.compile(r"[^.!?…\n]+([.!?…]+|\n|$)")
_PRAISE_GIVEN = frozenset(("given", "considering", "seeing"))


def _praise_sentence(t: str) -> tuple[int, int] | None:
    """A sentence of at most six words made only of praise and its filler, with at least one praise
    word (or "well done"), not ending in "!"; or praise followed by ", given ..." ("Bold, given we
    can't run the one we've got.")."""
    if not gate(t, _PRAISE_WORDS) and "done" not in t:
        return None
    toks = tokens(t)  # the post's own (cached) tokens: tokenising each sentence would crowd the cache
    for m in _PRAISE_SENT_RE.finditer(t):
        s, e = m.span()
        words = [w for a, _b, w in toks if s <= a < e]
        if not words or not (words[0] in _PRAISE_WORDS or len(words) <= 6):
            continue
        if len(words) <= 6 and "!" not in m.group(1):
            praise = any(w in _PRAISE_WORDS for w in words) or words[:2] == ["well", "done"]
            if praise and all(w in _PRAISE_WORDS or w in _PRAISE_FILLER for w in words):
                return m.span()
        if words[0] in _PRAISE_WORDS and len(words) > 2 and words[1] in _PRAISE_GIVEN and "," in m.group(0)[:20]:
            return m.span()
    return None


def _deadpan(t: str, at: int) -> bool:
    """The sentence holding ``at`` does not end in "!" (sarcasm is said flat; "Can't wait!" is meant)."""
    m = _SENT_STOP_RE.search(t, at)
    return m is None or m.group(0) != "!"


_SENT_STOP_RE = re.compile(r"[.!?\n]")


_IRONY_PHRASE_BLOCK = """can't wait|cannot wait|slow clap|funny that|funny how|curious that|curious how|interesting how|
    strange how|odd how|kind of telling|telling that|says it all|say it all|tells you everything|
    tells you all you need|all you need to know|aged well|good to know|okay then|ok then|right then|who knew|
    who could have guessed|who could have predicted|who'd have thought|who would have thought|who could have seen|
    surprise surprise|what a surprise|sure you do|sure you are|sure you did|sure you will|
    sure jan|love to see it|love how|gotta love|got to love|you have to love|
    you've got to love|nothing says|such a relief|what a relief|so reassuring|how reassuring|very reassuring|
    thanks management|thanks for that|cheers for that|since forever|just asking|genuinely asking|
    honest question|serious question|
    says who|outdone itself|outdone themselves|outdone himself|outdone herself|excelled itself|excelled themselves|
    done it again|does it again|at it again|never fails to|makes perfect sense|makes total sense|totally normal|
    perfectly normal|completely normal|do come and visit|come for the|you'd think|you would think|apparently not|
    how it works here|how things work here|how it works round here|imagine running|imagine working|imagine being|
    without telling me|can't make this up|can't make it up|couldn't make it up|couldn't make this up|
    cannot make this up|cannot make it up|could not make this up|could not make it up|says everything|say everything|
    wonder who|wonder how|wonder why|wonder what|i'll frame it|living the dream|this is fine|what a time to be alive|
    chef's kiss|we love to see it|bold move|bold choice|brave choice|interesting choice|interesting decision|
    choices were made|in all but name|can anyone explain|could someone explain|can someone explain|
    could anyone explain|is it just me|round of applause|well played|nice one|nice touch|
    how thoughtful|very thoughtful|so thoughtful|classy move|nice of them|kind of them|good of them|generous of|
    how generous|so generous|very generous|oh good|oh great|oh joy|lucky us|so lucky|what could possibly go wrong|
    of course they are|of course they did|of course they have|of course they do|of course they would|
    of course they will|of course it is|of course it did|of course it was|of course he did|of course she did|
    of course he is|of course she is|because nothing|nothing helps|a masterclass in|masterclass in|
    truly world-leading|days since|the irony|the audacity|it's almost as if|almost as if|just saying|
    that's all i'll say|that's all i'm saying|i'll say no more|say no more|no comment|read into that|
    usually means|always means|normally means|code for|asking because|since when|right you are|
    totally fine|all normal|all perfectly normal|nothing to see here|everything's fine|everything is fine|
    curious why|curious as to why|mildly curious|genuinely curious|slightly curious"""
_IRONY_PHRASES = words_re(_bare_contractions(phrases(_IRONY_PHRASE_BLOCK)))
# Shapes that are their own complaint: the author says the question is rhetorical or the coincidence
# is none.
_IRONY_STRONG_BLOCK = """rhetorical question|pure coincidence|total coincidence|complete coincidence|
    coincidence i'm sure|colour me shocked|color me shocked|colour me surprised|color me surprised|
    shocked i tell you|for whom exactly|not ours apparently|stay for the grievance|interesting timing|
    funny timing|convenient timing|curious timing|how convenient|very convenient|rather convenient|
    that's one word for it|one word for it|said no one|said nobody|said no one ever|said nobody ever|
    that's leadership for you|that's management for you|leadership for you|management for you"""
_IRONY_STRONG = words_re(phrases(_IRONY_STRONG_BLOCK))
# Management-speak decoded: a quoted phrase followed by "=", "means", "is code for", "translation:".
_DECODE_RE = re.compile(
    # round 14: a thing renamed in management-speak ("renamed redundancies 'workforce realignment'")
    r"(?<![\w])(?:renam|rebrand|relabel|re-?badg|rechristen|repackag)\w*\s+(?:[\w'’-]+\s+){0,4}?(?:as\s+|to\s+)?[\"“‘']"
    r"|[\"'’”]\s*(?:=|means\s|is\s+(?:management|corporate|uni|hr|exec)[-\s]?speak\s+for|is\s+code\s+for|aka\s)"
    r"|(?<![\w])(?:management|corporate|uni|hr|exec)[-\s]?speak(?![\w])|(?<![\w])(?:translation|translated|decoded|"
    r"in\s+plain\s+english|read)\s*:"
)
_IDEA_OF_RE = re.compile(
    r"(?:'s|(?<![\w])(?:their|his|her|its|the))\s+(?:idea|version|definition|understanding|notion)\s+of\s+(?:a\s+|an\s+)?"
    r"[\w-]+(?:\s+[\w-]+)?\s*(?::|\s+is\s|\s+=)"
    r"|(?<![\w])(?:answer|solution|response|cure|remedy)\s+(?:to|for)\s+[^.!?]{1,50}?\s*(?::|\s+is\s|\s+was\s|\s+=)"
)
_DECODE_CUES = (
    "=", "mean", "speak", "code", "aka", "translat", "decoded", "english:", "read:",
    "renam", "rebrand", "relabel", "rebadg", "re-badg", "rechristen", "repackag",
)
_IDEA_WORDS = gate_words("idea version definition understanding notion answer solution response cure remedy")
# "Our faculty: 'we must all tighten our belts'. Also our faculty: away day at a spa hotel."
_ALSO_RE = re.compile(r"(?<![\w])([a-z][\w']*(?:\s+[\w']+){0,2})\s*:\s[^\n]{3,200}?(?:[.!?\"'’”]\s*|\n)also\s+\1\s*:")
# (round 13: a quoted phrase may hold a contraction, "'doesn't align'", and the echo may be a clause
# closing its sentence after a comma, "Twelve years of work, not a priority.")
_QUOTED_RE = re.compile(r"(?<![\w])[\"'‘“]([a-z][\w'’-]*(?:\s+[\w'’-]+){0,3})[\"'’”]")
_ECHO_RE = re.compile(r"(?:^|[.!?…,]\s+)((?:[\w'’-]+\s+){0,2}[\w'’-]+)\s*(?=[.!?…]|$)")


# Common words that open many phrases ("the irony", "so lucky", "of course ..."): the lexicons walk
# every place their first word occurs, so each is searched only when the post holds a rarer word of
# one of its phrases (one set lookup).
_COMMON = frozenset(
    gate_words(
        "the a an of to is it it's i i'm i'll so how what you we they he she that that's this no not just very "
        "well good kind oh for in on at and but with can't since who because when rather are was were be do did "
        "does have me us them then all up one as if can could would will"
    )
)


def _rare_gate(block: str) -> frozenset[str]:
    """For each phrase of a lexicon block, its longest uncommon word: a phrase matches only where all
    its words are, so one of them is enough to gate on."""
    out: set[str] = set()
    for ph in phrases(block):
        words = [w for _s, _e, w in tokens(ph.lower())]
        out.add(max([w for w in words if w not in _COMMON] or words, key=len))
    return frozenset(out)


def _echoed_quote(t: str) -> bool:
    """A word of a quoted phrase said again as a sentence of its own ("'paused' recruitment. Paused.") or
    as the clause that closes a sentence ("my research is 'not a priority'. Twelve years of work, not a
    priority.")."""
    quoted = {w.strip("'’") for m in _QUOTED_RE.finditer(t) for w in m.group(1).split() if len(w) > 3}
    if not quoted:
        return False
    return any(m.start() > 0 and not quoted.isdisjoint(m.group(1).split()) for m in _ECHO_RE.finditer(t))


_IRONY_PHRASE_GATE = _rare_gate(_IRONY_PHRASE_BLOCK)
_IRONY_STRONG_GATE = _rare_gate(_IRONY_STRONG_BLOCK)


def _ironic_shape(t: str) -> tuple[int, tuple[int, int]]:
    """(0, _) none; (1, span) an ironic shape that needs complaint content; (2, span) one that is its
    own complaint; (3, span) a deadpan close, which needs complaint content before it. The span is
    the shape's words, left out when the rest of the post is read for tone."""
    words = token_set(t)
    m = None if _IRONY_STRONG_GATE.isdisjoint(words) else _IRONY_STRONG.search(t)
    if m is not None:
        return 2, m.span()
    span = _praise_sentence(t)
    if span:
        return 1, span
    e = next((t.find(x) for x in _INSINUATION_EMOJI if x in t), -1)
    if e >= 0:
        return 1, (e, e + 1)
    if "?" in t and gate(t, _RHETORIC_WORDS):
        m = _RHETORIC_RE.search(t)
        if m is not None:
            return 1, (m.start(), m.start())
    if not _IRONY_PHRASE_GATE.isdisjoint(words):
        m = next((x for x in _IRONY_PHRASES.finditer(t) if _deadpan(t, x.end())), None)
        if m is not None:
            return 1, m.span()
    # a quoted phrase opens after a space or the post's start (an apostrophe in "it's" is no quote)
    if (" '" in t or ' "' in t or "‘" in t or "“" in t or t[:1] in ("'", '"')) and _echoed_quote(t):
        return 1, (0, 0)
    if any(c in t for c in _DECODE_CUES):
        m = _DECODE_RE.search(t)
        if m is not None:
            return 1, m.span()
    if gate(t, _IDEA_WORDS):
        m = _IDEA_OF_RE.search(t)
        if m is not None:
            return 1, m.span()
    if ":" in t and "also" in t:
        m = _ALSO_RE.search(t)
        if m is not None:
            return 1, (0, 0)
    if any(x in t for x in _LAUGH_CUES):
        # the employer's words quoted, or its promise recalled, and laughed at: "'a community that
        # listens' — printed on the lanyards. lol.", "remember when the VC promised ...? haha"
        lm = _LAUGH_RE.search(t)
        if lm is not None and (_CLAIMED_QUOTE_RE.search(t) or ("remember" in t and _RECALLED_RE.search(t))):
            return 1, lm.span()
    if "me:" in t or "me :" in t:
        m = _DIALOGUE_RE.search(t)
        if m is not None:
            return 1, (0, 0)
    # a quoted claim, then a flat denial of it: "has 'listened to staff concerns'. It has not."
    if "not" in t or "n't" in t or "n’t" in t:
        d = _DENIAL_RE.search(t)
        if d is not None and _CLAIMED_QUOTE_RE.search(t, 0, d.start()):
            return 1, d.span()
    # "so much for integrity" (round 14): a virtue dismissed after its failing is its own complaint;
    # "So much for the sunny forecast." needs complaint content
    if "so much for" in t:
        m = _SO_MUCH_FOR_RE.search(t)
        if m is not None and _deadpan(t, m.end()):
            return (2 if gate(m.group(1), _VIRTUES) else 1), m.span()
    # an act the author doubts was done, in scare quotes (round 14): 'My HoD has "lost" my request for the
    # third time', 'Estates have now "scheduled" the repair for the fourth time'
    if " '" in t or ' "' in t or "‘" in t or "“" in t:
        m = _DOUBTED_ACT_RE.search(t)
        if m is not None:
            return 1, m.span()
    # "Still there." (round 14): a fault left as it was, said flat after the complaint
    if "still" in t:
        m = _STILL_CLOSE_RE.search(t)
        if m is not None and m.start() > 0:
            return 3, m.span()
    # a fact left to speak for itself (round 12): "... moved the marking deadline to Christmas Eve.
    # Noted.", "... an 'away day' in Dubai. No further comment."
    m = _WEAK_RES[3].search(t)
    if m is not None and m.start() > 0:
        return 3, m.span()
    return 0, (0, 0)


_SO_MUCH_FOR_RE = re.compile(
    r"(?:^|[.!?…]\s+|\n)so\s+much\s+for\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)\s*(?:[.!…]+|$|\s+(?=[^\w\s]))"
)
_VIRTUES = gate_words(
    "integrity transparency honesty openness consultation consulting collegiality accountability wellbeing values "
    "support supporting listening kindness respect inclusion inclusivity fairness trust partnership community care "
    "valuing first together family transparent"
)
_DOUBTED_ACT_RE = re.compile(
    r"(?<![\w])(?:has|have|had|'ve|'s|was|were|been|being)\s+(?:now\s+|just\s+|apparently\s+|supposedly\s+|kindly\s+)?"
    r"[\"“‘'](?:[a-z]+ed|lost|forgot|forgotten|mislaid|seen|heard|read|done|made|taken|given|sent|kept)[\"”’'](?![\w])"
)
_STILL_CLOSE_RE = re.compile(
    r"(?:^|[.!?…]\s+|\n)still\s+(?:there|here|broken|waiting|nothing|unanswered|unfixed|leaking|dripping|no\s+[\w'’-]+|"
    r"not\s+[\w'’-]+)\s*[.!…]*[^\w]*$"
)


# Laughter at the employer (round 12): a laugh beside a quoted phrase of two or more words (its
# slogan, its award, its newsletter) or a promise recalled ("remember when the VC promised ...?"). The
# laugh alone is no complaint ("my toddler said 'no more marking' lol"): the shape still needs
# complaint content, which a slogan in quotes or a loss gives.
_LAUGH_CUES = ("lol", "lmao", "lmfao", "haha", "rofl", "\U0001f602", "\U0001f923", "\U0001f480")
_LAUGH_RE = re.compile(r"(?<![\w])(?:lol|lmao|lmfao|rofl|(?:ha){2,}h?)(?![\w])|[\U0001f602\U0001f923\U0001f480]")
_CLAIMED_QUOTE_RE = re.compile(r"(?:^|(?<=[\s(]))[\"“‘'][a-z][\w'’-]*(?:\s+[\w'’-]+){1,12}[\"”’']")
_RECALLED_RE = re.compile(
    r"(?<![\w])remember\s+when\s+[^.!?]{0,80}?(?<![\w])(?:said|promised|pledged|claimed|told\s+us|announced|swore|"
    r"guaranteed|insisted)(?![\w])"
)
# A flat denial as its own sentence ("It has not.", "Narrator: they did not.", "They haven't.")
_DENIAL_RE = re.compile(
    r"(?:^|[.!?]\s+)(?:narrator\s*:\s*)?(?:it|they|he|she|we|management|the\s+\w+)\s+(?:(?:has|have|did|does|do|is|are|"
    r"was|were|will|had|would)(?:\s+not|n['’]t)|won['’]t|can['’]t)(?:\s+\w+){0,2}\s*[.!]"
)
# The "Me: ... / Uni: ..." meme: the author's service set against the employer's answer.
_DIALOGUE_RE = re.compile(
    r"(?:^|\n|[.!?]\s+)me\s*:\s[^\n]{3,200}?(?:[.!?…]\s*|\n)(?:the\s+|my\s+)?(?:uni|university|employer|management|"
    r"hr|work|dean|vc|boss|institution|faculty|department|school|exec|smt|leadership)\s*:"
)


# Insinuation (round 8): the raised-eyebrow emoji and the loaded question
# ("Does anyone in senior management ever actually set foot in a teaching room?", "Why does HR always
# announce ...?").
_INSINUATION_EMOJI = ("\U0001f440", "\U0001f914", "\U0001f60f")
_RHETORIC_WORDS = gate_words(
    "actually even ever every always never really seriously honestly keep keeps when while whilst"
)
_RHETORIC_RE = re.compile(
    r"(?:^|[.!?…]\s+)(?:why|how\s+come|how\s+is\s+it|since\s+when|who|do|does|did|is|are|has|have|will|would|can|could)"
    r"\s+[^.!?]{0,80}?(?<![\w])(?:actually|even|ever|every|always|never|really|seriously|honestly)(?![\w])[^.!?]{0,100}\?"
    # round 14: the question that sets a boast against its contrary ("Why does my uni keep announcing 'record
    # investment' when my lab hasn't had a new fume cupboard since 2009?")
    r"|(?:^|[.!?…]\s+)(?:why|how\s+come|how\s+is\s+it)\s+[^.!?]{0,100}?(?<![\w])(?:when|while|whilst)\s+[^.!?]{0,100}?"
    r"(?:n['’]t|(?<![\w])(?:not|never|no|nothing|nobody|since|wait|waits|waiting|queue|queues|shortage|cuts?|closed|"
    r"broken|leak\w*|mould|damp))(?![\w])[^.!?]{0,80}\?"
)


def _sincere(t: str, span: tuple[int, int]) -> bool:
    """Outside the ironic words the post says it is glad or grateful ("so that's a lovely early break.
    Can't wait."): the shape is meant. (The sentiment lexicon cannot tell: sarcasm is written in
    warm words, "Lovely place to teach, do come and visit.")"""
    return any(
        not (span[0] <= m.start() < span[1]) and _GLAD_UNDONE_RE.match(t, m.end()) is None
        for m in _GLAD_WORDS.finditer(t)
    )


# Thanks taken back in the same breath (round 14): "Grateful to my colleagues, less so to our exec."
_GLAD_UNDONE_RE = re.compile(r"[^.!?\n]{0,60}?(?<![\w])(?:less\s+so|not\s+so\s+much|but\s+not\s+(?:to|for))(?![\w])")


_GLAD_WORDS = words_re(
    phrases("""grateful|thank you|thanks so much|thankful|proud of|so proud|delighted|congratulations|congrats|
    well deserved|well-deserved|so happy|really happy|excited|looking forward|early break|extra day|day off|
    days off|lie-in|treat|treats|not complaining""")
)


# What a complaint is about (round 8): a loss, a cost, a deprivation, people leaving, a bad hour, a
# euphemism for cuts. Checked only when an ironic shape is present.
_COMPLAINT_WORDS = words_re(
    phrases("""cut|cuts|cutting|slashed|slashing|axed|axing|scrapped|scrapping|cancelled|canceled|cancelling|
    canceling|cancels|closing|closed|closure|closures|shut|shutting|lose|losing|lost|loses|keep leaving|keeps leaving|
    are leaving|have left|has left|quit|quitting|exodus|turnover|resigned|resigning|resignations|redundant|redundancy|
    redundancies|sacked|sacking|fired|firing|restructure|restructuring|restructures|reapply|frozen|freeze|froze|
    paused|pausing|rejected|rejecting|reject|rejects|refused|refuses|refusing|denied|removed|stripped|understaffing|
    understaffed|short-staffed|overworked|burnout|burnt out|burned out|unpaid|leaks|leaking|leak|mould|damp|broken|
    buckets|portakabin|no heating|consultants|consultancy|rebrand|rebranding|new logo|refurb|refurbished|
    refurbishment|spa|away day|away-day|bonus|bonuses|salary|salaries|pay rise|surplus|deficit|severance|at risk|
    job cuts|their jobs|our jobs|own jobs|hot-desking|hot desking|car park charges|parking charges|
    christmas eve|christmas day|boxing day|bank holiday|on a saturday|on a sunday|at the weekend|
    over the weekend|saturday before|sunday before|on a friday|friday afternoon|5pm|6pm|7pm|8pm|9pm|midnight|
    a week's notice|no notice|short notice|last minute|last-minute|worse|worst|zero|not a penny|
    not a single|not one|yet again|third time|fourth time|fifth time|four times|three times|five times|
    every single|years running|instead of|rather than|but no|but not|no money|no budget|no funding|
    efficiencies|savings|right-sizing|rightsizing|streamlining|realignment|transformation programme|
    vision statement|mission statement|never met|never taught|out of touch|pay offer|pay cut|pay freeze|
    casual staff|casualised|zero-hours|zero hours|workload|workloads|unpaid overtime|update their cv|updates their cv|
    not paying|without paying|without pay|not being paid|not getting paid|never asked|didn't ask|
    chauffeur|chauffeured|chauffeur-driven|second home|private jet|business class|company car|
    expense account|on expenses|silence|radio silence|no response|crickets|ghosted|left on read|
    updating their cv|updated their cv|misery|morale|demoralised|waiting list|waiting lists|delays|delayed|
    we all know how|we all know what|how the last one went|know how that ends|know how this ends|my complaint|
    a complaint|grievance|bucket|binning|binned|p45|close the|to close|the axe|refurbishing|hadn't looked|
    hasn't looked|hadn't read|hasn't read|didn't read|didn't bother|hadn't bothered|hasn't bothered|
    didn't turn up|never turned up|didn't show up|never showed up|no-show|hadn't even|hasn't even|haven't even|
    without asking|without consulting|without telling|nobody asked|no one asked|wasn't consulted|
    weren't consulted|not consulted|behind closed doors|"""
    # round 14: staff made ill by the job
    """stress|stressed|off sick|signed off|sick leave|off with stress|breaking point|burning out|"""
    # round 14: questions left unanswered by those who should answer them
    """didn't take a single|didn't answer a single|not one question|dodged|ducked|dodging|ducking|didn't answer|
    wouldn't answer|won't answer|refused to answer|refused to take""")
)
# A loss that is good news: cutting emissions, scrapping fines, closing the gap.
_LOSS_VERBS = frozenset(
    phrases("""cut|cuts|cutting|slashed|slashing|axed|axing|scrapped|scrapping|removed|stripped|closing|closed|
    close the|lose|losing|lost|freeze|frozen|froze|the axe""")
)
_BENEFIT_RE = re.compile(
    r"\s+(?:[\w'-]+\s+){0,3}?(?:fines?|emissions|carbon|energy|waste|fees?|costs?|waiting|bureaucracy|paperwork|red\s+tape|"
    r"plastic|prices?|rents?|backlog|queues?|crime|pollution|inequalit\w+|gaps?|attainment\s+gap|awarding\s+gap|"
    r"commute|footprint|admin|parking\s+charges|charges|deficit|weight|sugar|bills?|debt|tuition|"
    r"match|final|game|quiz|race|tournament|league|cup)(?![\w])"
)
_MONEY = gate_words("money budget funds fund funding cash millions million thousands grand fortune")
# Hypocrisy by money (round 8): found or spent on one thing, and not on another ("finds money for a
# 'vision statement' but not for replacing broken microscopes", "£80k for a logo but not a penny for ...").
_HYPOCRISY_RE = re.compile(
    r"(?<![\w])(?:money|budget|funds?|funding|cash|millions?|thousands|grand|fortune|£\s?[\d.,]+\s*(?:[km]|bn)?|"
    r"\d+\s*k)(?![\w])[^.!?]{0,80}?(?<![\w])(?:but|yet|and|while|whilst)\s+(?:[\w']+\s+){0,4}?(?:still|not|no|nothing|"
    r"never|can'?t|cannot|won'?t|none)(?![\w])"
    r"|(?<![\w])(?:while|whilst)\s+(?:we|staff|students|us|they|colleagues)(?:'re|\s+are|\s+were|\s+get|\s+got|\s+keep)?"
    r"\s+(?:being\s+)?(?:told|telling|tell|asked|asking|given|offered|expected)(?![\w])"
)


def _hypocrisy(t: str) -> bool:
    """Money found for one thing and not another, in one sentence."""
    if not (gate(t, _MONEY) or "£" in t or "told" in t or "tell" in t or "asked" in t or "given" in t):
        return False
    return ("but" in t or "yet" in t or "and" in t or "while" in t) and _HYPOCRISY_RE.search(t) is not None


def _good_losses(t: str) -> frozenset[str]:
    """Loss words in the post that only ever name the loss of something bad ("cutting its carbon
    emissions", "scrapped library fines"): no verdict on the employer."""
    good = {m.group(0) for m in _NEGATIVE.finditer(t) if m.group(0) in _LOSS_VERBS and _BENEFIT_RE.match(t, m.end())}
    bad = {m.group(0) for m in _NEGATIVE.finditer(t) if m.group(0) in _LOSS_VERBS and not _BENEFIT_RE.match(t, m.end())}
    return frozenset(good - bad)


# A management slogan in scare quotes (round 9): with an ironic shape beside it, the quote is the
# complaint ("'temporary' heaters since 2019. Fantastic management.", "'we're listening' survey").
_SLOGAN_RE = re.compile(
    r"[\"“‘']\s*(?:[\w'’-]+\s+){0,5}?(?:together|listening|listen|value|values|valued|people\s+first|wellbeing|family|"
    r"temporary|efficienc\w+|agile|exciting|opportunit\w+|journey|transformation|excellence|world[-\s]class|world[-\s]leading|"
    r"listened|heard|staff\s+concerns|"
    r"student\s+experience|care|cares|inclusive|community|supportive|transparen\w+|consultation|open\s+door|"
    r"right[-\s]siz\w+|streamlin\w+|realign\w+|protect\w*|invest\w*|committed|priorit\w+|(?:students?|staff|patients)\s+first|"
    r"best\s+(?:employer|place|university|uni)|top\s+(?:\d+\s+)?employer|great\s+place|employer\s+of\s+choice|"
    r"no\s+compulsory\s+redundancies|(?:a\s+)?community\s+that\s+\w+)(?:\s+[\w'’-]+){0,4}\s*[\"”’']"
)


# The employer's verdict on the author's own work or case, quoted ("my promotion case was 'too
# ambitious'", "told my project 'doesn't align with priorities'"): quoting it is the complaint.
# (round 14: more of the author's work by name, a word before it ("my research centre", "my lab"), and a
# verb of judging between it and the quote: "has been deemed 'surplus to strategic requirements'")
_MY_WORK_ITEM = (
    r"(?:promotion\s+case|promotion|case|application|research|project|work|proposal|bid|module|course|job|role|post|"
    r"position|contract|paper|grant|lab|labs|laboratory|centre|center|teaching|area|field|discipline|subject|programme|"
    r"program|unit|team|group|department|dept|expertise|specialism|job\s+description|workload)"
)
_VERDICT_ON_MINE_RE = re.compile(
    r"(?<![\w])(?:my|our)\s+(?:[\w-]+\s+)?"
    + _MY_WORK_ITEM
    + r"\s+(?:(?:was|is|were|are|had\s+been|has\s+been|have\s+been|'s)\s+)?"
    r"(?:(?:now\s+|officially\s+|apparently\s+)?(?:deemed|judged|considered|called|described\s+as|labell?ed(?:\s+as)?|"
    r"classed\s+as|classified\s+as|rated(?:\s+as)?|seen\s+as|viewed\s+as|branded(?:\s+as)?|declared|found\s+to\s+be)\s+)?"
    r"[\"“‘']\w"
)


# Round 14 (issue 12): the employer's verdict on the author's own work, told as the complaint itself. The
# verdict is quoted and negative (a "not", "no longer", "surplus", "at risk": management's no, not a
# "fundable" or a "strategic priority"). Who passed it need not be named: only someone with a say over
# the author's job judges their module or lab, so with the years the author answers it with ("Fifteen
# years of it.", "Nine years I've taught it.", "Sixteen years here.") or the telling of it ("Just been
# told", "deemed"), the construction names the employer by itself. A parent's verdict on the author's
# cooking is no such thing (cooking is not work).
_NEG_QUOTE_RE = re.compile(r"[\"“‘']([^\"“”‘’\n]{2,100}?)[\"”’'](?![\w])")
_NEG_VERDICT_RE = re.compile(
    r"(?<![\w])(?:not|no|no\s+longer|never|surplus|at\s+risk|redundant|unviable|non-\w+|low(?:er)?\s+priority|"
    r"out\s+of\s+scope|outside|insufficient(?:ly)?|deprioriti[sz]\w*|discontinu\w+|sunset\w*|legacy|misalign\w*|"
    r"under-?perform\w*|unsustainable|inefficient|peripheral)(?![\w])|n['’]t(?![\w])"
)
_TENURE_RE = re.compile(
    r"(?:^|[.!?…,;:]\s+|\n)(?:[\w'’]+\s+){0,2}(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|(?:twenty|thirty|forty)-\w+)\s+"
    r"years?(?![\w])"
)
_TOLD_RE = re.compile(r"(?<![\w])(?:told|informed|notified|deemed|judged|apparently|verdict|feedback)(?![\w])")


def _verdict_on_mine(t: str) -> tuple[int, int] | None:
    """Where a negative verdict is quoted on the author's own work ("my project 'doesn't align with
    institutional priorities'"), or None."""
    if not any(q in t for q in "\"“‘'"):
        return None
    for m in _VERDICT_ON_MINE_RE.finditer(t):
        q = _NEG_QUOTE_RE.match(t, m.end() - 2)
        if q is not None and _NEG_VERDICT_RE.search(q.group(1)):
            return m.start(), q.end()
    return None


def _verdict_on_mine_told(t: str) -> tuple[int, int] | None:
    """The verdict on the author's work with the author's years in it or the telling of it: the
    employer's act without the employer named."""
    v = _verdict_on_mine(t)
    if v is None:
        return None
    s = sentence_start(t, v[0])
    return v if _TENURE_RE.search(t) or _TOLD_RE.search(t, s, v[1]) else None


# Round 14 (issue 12): understatement, the verdict given by denying praise ("I would not describe the
# way my department has handled it as entirely competent", "not covered themselves in glory", "Not the
# finest hour for the people running my university", "X and the concept of urgency have never met").
# A denial with its hedge ("entirely", "exactly") is the shape; plain "not competent" is a word PER001's
# list already reads.
_UNDERSTATED_RE = re.compile(
    r"(?<![\w])(?:not|n't|never|hardly)\s+(?:[\w'’]+\s+){0,12}?(?:as\s+)?(?:entirely|exactly|altogether|wholly|"
    r"particularly|terribly|remotely|overly|all\s+that|the\s+most)\s+(?:competent|professional|transparent|honest|"
    r"well[-\s](?:run|managed|handled|led|organised|organized|thought[-\s]out)|fair|helpful|supportive|impressive|"
    r"inspiring|reassuring|collegial|joined[-\s]up|organised|organized|competently|professionally|transparently)(?![\w])"
    r"|(?<![\w])(?:not|hardly|n't\s+(?:been|be))\s+(?:exactly\s+)?(?:the|their|its|his|her|our|a)\s+finest\s+hour"
    r"|(?<![\w])(?:not|n't|hardly)\s+(?:exactly\s+)?covered\s+(?:themselves|itself|himself|herself)\s+in\s+glory"
    r"|(?<![\w])the\s+(?:concept|idea|notion)\s+of\s+[\w-]+(?:\s+[\w-]+)?\s+(?:have|has|had)\s+(?:never|yet\s+to|not\s+yet)\s+"
    r"(?:met|been\s+introduced)"
    r"|(?<![\w])(?:strangers?|unacquainted)\s+(?:to|with)\s+the\s+(?:concept|idea|notion)\s+of"
)
_UNDERSTATED_WORDS = gate_words(
    "entirely exactly altogether wholly particularly terribly remotely overly most finest glory concept idea notion "
    "strangers stranger unacquainted"
)
# The loaded question about a duty (round 14): "Does anyone in the Registry actually read the emails we
# send?", "has anyone on SLT ever taught a seminar of 45?" asks whether those in an office do the one
# thing their job is; a question about a book or a café in the department is no such thing.
_DUTY_Q_RE = re.compile(
    r"(?<![\w])(?:does|do|has|have|did|will|would|is|are)\s+any(?:one|body)\s+(?:in|on|at|from|of|upstairs|above)\s+"
    r"[^.!?]{0,40}?(?<![\w])(?:actually|ever|even|really)\s+(?:bother(?:ed)?\s+to\s+)?(?:read|reads|taught|teach|set\s+foot|"
    r"met|meet|listen\w*|visit\w*|check\w*|answer\w*|reply|replied|respond\w*|care[sd]?|spoken|speak|talk\w*|"
    r"worked|work|open\w*|look\w*\s+at|stepped|step)(?![\w])[^?]{0,140}\?"
)
_DUTY_Q_WORDS = gate_words("anyone anybody")
# A promise quoted from the employer's own e-mail or page, answered by the time since (round 14):
# "'workload concerns will be addressed in due course'. That was in 2022.", "'we aim to reply within
# 5 working days'. me, on day 34". The quote is a whole sentence, longer than the scare quotes
# _WEAK_RES reads.
_PROMISE_QUOTE_RE = re.compile(
    r"[\"“‘'][^\"“”\n]{0,100}?(?<![\w])(?:will|shall|aim\s+to|aims\s+to|committed\s+to|in\s+due\s+course|shortly|"
    r"as\s+soon\s+as|within\s+\d+|matters?\s+to\s+us|we\s+value|we\s+are\s+listening|we'?re\s+listening|"
    r"look\s+into|looking\s+into|get\s+back\s+to)(?![\w])[^\"“”\n]{0,100}?[\"”’']"
)
_SINCE_PROMISE_RE = re.compile(
    r"(?<![\w])(?:that\s+was\s+(?:back\s+)?in\s+(?:\d{4}|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|the\s+spring|the\s+summer|the\s+autumn|the\s+winter)"
    r"|that\s+was\s+(?:\w+|\d+)\s+(?:days|weeks|months|years|terms)\s+ago|(?:on|it'?s|now)\s+day\s+\d+"
    r"|day\s+\d+\s+of\s+waiting|(?:\w+|\d+)\s+(?:weeks|months|years)\s+later|still\s+waiting|still\s+nothing)(?![\w])"
)


def _r14_grievance(t: str, ref: tuple[int, int], reach: int) -> bool:
    """The round 14 constructions of a grievance near the institution reference."""
    if gate(t, _UNDERSTATED_WORDS) and any(abs(m.start() - ref[0]) <= reach for m in _UNDERSTATED_RE.finditer(t)):
        return True
    if "?" in t and gate(t, _DUTY_Q_WORDS) and any(abs(m.start() - ref[0]) <= reach for m in _DUTY_Q_RE.finditer(t)):
        return True
    if _verdict_on_mine(t) is not None:
        return True
    q = _PROMISE_QUOTE_RE.search(t) if any(c in t for c in "\"“‘'") else None
    return q is not None and _SINCE_PROMISE_RE.search(t, q.end()) is not None


def _complaint_content(t: str) -> bool:
    """Something in the post reads as a complaint: a loss, cost or bad hour (not the loss of something
    bad: "cut its carbon emissions", "scrapped library fines"), a negative word other than mere
    recurrence, a grievance cue, or an overall negative tone."""
    for m in _COMPLAINT_WORDS.finditer(t):
        if m.group(0) not in _LOSS_VERBS or not _BENEFIT_RE.match(t, m.end()):
            return True
    if any(r.search(t) for r in _WEAK_RES[1:]):
        return True
    if _SLOGAN_RE.search(t):
        return True  # "said 'we're all in this together' from his new Tesla. Okay then."
    if _VERDICT_ON_MINE_RE.search(t):
        return True  # "my promotion case was 'too ambitious'": the employer's verdict on the author's work, quoted
    for m in _NEGATIVE.finditer(t):
        w = m.group(0)
        if w not in _REPEAT_ONLY and not (w in _LOSS_VERBS and _BENEFIT_RE.match(t, m.end())):
            return True
    from townhall.policy.ml.vader import analyzer

    return analyzer().polarity_scores(t)["compound"] <= _VADER_NEGATIVE


# Claims that damage the institution's reputation whatever the framing: accusations of dishonesty,
# cover-ups, unlawful or unsafe conduct, financial collapse, warnings to stay away.
_SEAT_BEFORE_RE = re.compile(
    r"\b(?:chairs?|sofas?|benches|bench|seats?|stools?|desks?|floor|fence|couch|cushions?|beanbags?|wall|steps|"
    r"bus|train|plane)\b(?:\W+\w+){0,5}?\W+$"
)
_MADE_UP_FOR_RE = re.compile(r"\s+(?:for|with)\s+(?:her|him|them|you|me|us|my|our|the)\b")
_DAMAGING = words_re(
    phrases(
        """lying|lies|lied|liars|cover-up|covered up|cover up|covering up|cooking the books|cooked the books|
    fiddled|fiddling|rigged|fraud|fraudulent|fabricated|racist|institutionally racist|sexist|criminal|illegal|
    unlawful|unsafe|dangerous|asbestos|bankrupt|go bust|went bust|going bust|insolvent|sham|scam|fleecing|
    exploiting|knowingly|deliberately|hiding|buries|bury|whitewash|corrupt|corruption|steer clear|stay away|
    whitewashes|whitewashed|whitewashing|
    run while you can|run a mile|run for the hills|just run|if it survives|won't survive|
    will not survive|wouldn't survive|not going to survive|can't survive|cannot survive|won't last the year|
    don't come|don't work here|treat staff like dirt|like dirt|bullies|bullying|harassment|pure fiction|
    fiction|misleading|mis-selling|ripping off|rip-off|property company|destroyed morale|resign|should resign|
    incompetent|in such a state|going under|falling apart|downhill|clueless|lost half|lost all|false|simply false|
    untrue|not true|made up|never recommend|wouldn't recommend|would not recommend|nobody cares|a mess|
    wouldn't trust|don't trust|can't trust|sitting on|fudging|fudged|going to get hurt|will get hurt|
    accident waiting to happen|should be sacked|should be fired|should be ashamed|should step down|
    must go|no confidence|lost the trust|lost the confidence|lost all trust|failed its|failed our students|
    failed their students|failing its|heading for a cliff|sinking ship|built on sand|worst place i've ever worked|
    worst place to work|worst employer|a dump|this dump|what a dump|dump of a|circus|joke of a|don't apply here|
    do not apply here|don't come here|don't study here|pick anywhere|anywhere except|anywhere but|dishonest|
    misled|disgrace|disgraceful|obscene|shameful|scandal|scandalous|hidden|hid|
    concealed|concealing|driven out|pushed out|forced out|hounded out|pyramid scheme|black hole|sweatshop|
    degree mill|racket|crooks|shambles|shambolic|farce|clowns|toxic|bully|cowards|cowardly|spineless|disgusting|
    appalling|laughing stock|in good conscience|got the job because|only got the job|jobs for the boys|nepotism|
    cronyism|old boys network|old boys' network|while telling staff|while telling us|while telling students|
    should be investigated|changed marks|changed the marks|
    purge|purges|purged|purging|witch-hunt|witch hunt|witchhunt|victimised|victimising|victimisation|victimized|
    pr document|pr exercise|pr stunt|
    window dressing|nothing behind it|cruel|inhumane|heartless|callous|not safe|underpaying|
    haven't been checked|hasn't been checked|not been checked in|faked his data|faked her data|faked their data|
    faked the data|faked data|falsified|falsifying|are hopeless|is hopeless|are utterly hopeless|
    is utterly hopeless|
    told us not to mention|told staff not to mention|told not to mention|asked us not to mention|
    told us not to tell|told staff not to tell|told not to tell|chained shut|still letting students|
    still letting people|still letting staff|raac|crumbling concrete|accreditation lapsed|
    lost its accreditation|lost accreditation|no longer accredited|still telling applicants|
    still telling students|still telling parents|worth about as much as|not worth the paper|taught by unpaid|"""
        + _VERDICT_R13
    ),
    not_before=_NEWS_AFTER,
)
_DISCLAIMER = re.compile(
    r"(?<![\w])(?:views?\s+(?:are\s+|expressed\s+(?:here\s+)?(?:are\s+)?)?(?:my\s+own|mine|personal|my\s+own\s+and)"
    r"|opinions?\s+(?:are\s+)?(?:my\s+own|mine)|personal\s+(?:views?|opinions?|account)"
    r"|not\s+(?:the\s+)?views?\s+of|do\s+not\s+(?:represent|reflect)|don'?t\s+(?:represent|reflect)"
    r"|speaking\s+for\s+myself|#viewsmyown|views\s+my\s+own|all\s+views\s+mine|rts?\s*(?:!=|≠|are\s+not|aren'?t)\s*endorsements?"
    # round 20e (P2): "My own view, as a historian: ... Not a university position, just mine."
    r"|my\s+own\s+(?:view|opinion|take)|not\s+(?:a|the|an)\s+(?:official\s+)?(?:university|uni|institutional|employer'?s?|"
    r"department(?:al)?|college)\s+(?:position|view|line|stance),?\s+(?:just\s+)?(?:mine|my\s+own))(?![\w])"
)


# Criticism aimed at the whole sector ("vice-chancellor pay across the sector is indefensible", "UK
# universities' reliance on fees") is comment on higher-education policy, not on the author's employer;
# it stays criticism of the employer when the post also names it as the author's own ("our VC", "here").
_SECTOR_GATE = ("sector", "across", "universities", "nationally")
_SECTOR_RE = re.compile(
    r"(?<![\w])(?:across\s+(?:the\s+)?(?:uk\s+|english\s+|british\s+)?(?:sector|higher\s+education|he|universities|"
    r"the\s+country)|sector[-\s]wide|(?:in|of)\s+the\s+sector|(?:uk|english|british|scottish|welsh)\s+universities|"
    r"(?:every|most|many)\s+universities|nationally)(?![\w])"
)
_OWN_EMPLOYER_RE = re.compile(
    r"(?<![\w])(?:(?:my|our|this)\s+(?:[\w'-]+\s+){0,2}(?:university|uni|employer|institution|vc|vice[-\s]chancellor|"
    r"principal|provost|dean|school|department|dept|faculty|management|leadership|hr|place|boss|manager)|here|"
    r"where\s+i\s+work)(?![\w])"
)


def _sector_wide(t: str) -> bool:
    """The post criticises the sector at large and never names the author's own employer."""
    if not any(w in t for w in _SECTOR_GATE):
        return False
    return _SECTOR_RE.search(t) is not None and _OWN_EMPLOYER_RE.search(t) is None


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
        # the employer left unnamed ("They moved our offices into a portacabin", "We've been told to
        # fail fewer students", "the people in charge here"): only a plain verdict, sarcasm or a
        # grievance makes it criticism; a vague lament about "them" does not
        ref = _unnamed_employer(t)
        if ref is None or not (_sarcastic(t) or _grievance(t, ref) or _near_words(_NEGATIVE, t, ref) - _REPEAT_ONLY):
            return
    if _sector_wide(t):
        return
    disclaimed = _DISCLAIMER.search(t) is not None
    words = _near_words(_NEGATIVE, t, ref, _impersonation_spans(t, ref) + _remedied_spans(t))
    if words & _LOSS_VERBS:
        words -= _good_losses(t)
    sarcastic = _sarcastic(t)
    grievance = _grievance(t, ref)
    negative = bool(words) or sarcastic or grievance
    if words and not (sarcastic or grievance) and words <= _REPEAT_ONLY:
        # "locked out of my uni email again", "the School won the quiz again": that something recurs
        # is not a verdict on it; it needs another sign (a negative sentence, a complaint cue)
        negative = _repeat_complaint(doc.text, t, ref)
    elif not negative:
        # the sentiment lexicon reads illness or loss told with thanks ("covered my teaching while I was
        # ill, no questions asked. Grateful.") as criticism; thanks in the post outweigh it
        negative = _vader_negative(doc.text, ref) and _THANKS_RE.search(t) is None
    if negative and words and not (sarcastic or grievance) and _fond_or_glad(doc.text, t, words):
        # a farewell, thanks or career news whose only negative words are mild or eventful ("I'll miss
        # the seminar room chaos", "my uni sacked me in 2019 and it was the best thing that ever happened")
        return
    if not negative and mlbridge.available() and _USE_SENTIMENT:
        # the classifier judges the sentence that names the institution, not the whole post
        s, e = next(((a, b) for a, b in sentences(doc.text) if a <= ref[0] < b), (0, len(doc.text)))
        negative = mlbridge.sentiment(doc.text[s:e]) == "negative"
    if not negative or _teething(t):
        return
    if not sarcastic and _OWN_RETURN_RE.search(t):
        return  # round 21 (P5): "back at work today after six months off for cancer treatment. thank you all"
    if (disclaimed and not sarcastic) or _argued(t, words, sarcastic) or (
        not sarcastic and _PROPER_CHANNEL_RE.search(t)
    ):
        # the framing the guidance asks for is there, or the author argues a view of their own (or their
        # union's) with reasons, without contempt: advice only (PER003 still judges the claims)
        yield (
            ref[0],
            ref[1],
            "Criticism of the institution, framed as your own views.",
            ("Keep it measured; consider raising it internally first."),
            "info",
        )
    else:
        yield ref[0], ref[1], "Criticism of the institution or colleagues without a 'views my own' framing."


# Round 21 (P5, P7): the author's own return to work after illness or leave, told with thanks, is news, not a
# verdict on the workplace; and criticism said to have gone "through the proper channels" first is what the
# guidance asks for (advice only, as a 'views my own' framing is).
_OWN_RETURN_RE = re.compile(
    r"(?<![\w])(?:back\s+(?:at|to)\s+work|returned\s+to\s+work|first\s+day\s+back)\b[^.!?\n]{0,60}?\bafter\s+"
    r"(?:[\w-]+\s+){0,6}?(?:off|leave|treatment|surgery|illness|chemo|recovery|sick\s+leave|maternity|paternity)\b"
    r"(?=[^\n]*\b(?:thank|thanks|grateful|kindness)\b)"
)
_PROPER_CHANNEL_RE = re.compile(
    r"(?<![\w])(?:said\s+so|raised\s+(?:it|this|that|my\s+concerns?)|fed\s+(?:it|this|that)\s+back|made\s+(?:the|my)\s+case)"
    r"\s+(?:in|through|via|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:consultation|proper\s+channels|channels|internally|"
    r"staff\s+forum|committee|union)\b"
)


# The employer never named (round 9): those in charge by position ("the people in charge here", "the
# problem is at the top"), or "they" / "we've been told" acting on the author's working life: an
# employer's act (announced, moved, cut, told us) with staff, offices, contracts or students beside it.
_IN_CHARGE_WORDS = gate_words("charge top strategy")
_IN_CHARGE_RE = re.compile(
    r"(?<![\w])(?:(?:the\s+)?(?:people|person|ones|those|whoever(?:'s|\s+is)?)\s+(?:in\s+charge|running\s+(?:this|the)\s+"
    r"(?:place|show)|at\s+the\s+top)|(?:problem|rot|issue)\s+(?:is|starts|lies)\s+at\s+the\s+top"
    # its strategy quoted
    r"|(?:the|our)\s+(?:new\s+|latest\s+|shiny\s+)?strategy\s+(?:says|promises|claims|talks\s+about|is\s+all\s+about))(?![\w])"
)
# the author's own post put at risk
_AT_RISK_WORDS = gate_words("risk cut axed deleted renewed")
_AT_RISK_RE = re.compile(
    r"(?<![\w])(?:my|our)\s+(?:jobs?|posts?|roles?|contracts?)\s+(?:is|are|was|were|has\s+been|have\s+been|'s)\s+"
    r"(?:now\s+|officially\s+)?(?:['\"‘“]?at\s+risk|being\s+(?:cut|deleted|axed)|not\s+being\s+renewed|cut|axed|deleted)"
    r"(?![\w])"
)
# a role addressed in a deadpan close ("Well done, Dean.", "Cheers, Estates.")
_ROLE_END = frozenset(
    (
        "dean",
        "provost",
        "registrar",
        "principal",
        "hr",
        "estates",
        "management",
        "vc",
        "pvc",
        "exec",
        "smt",
        "leadership",
    )
)
_VOCATIVE_RE = re.compile(
    r"(?<![\w])(?:well\s+done|thanks|thank\s+you|cheers|nice\s+one|bravo|great\s+job|good\s+job),?\s+[a-z]+\s*[.!]*\s*$"
)
# "while they tell us there's no money"
_THEY_TELL_RE = re.compile(
    r"(?<![\w])they\s+(?:\w+\s+)?(?:tell|told|telling|tells)\s+(?:us|staff|me)\s+(?:there'?s|there\s+is|we|that|to)(?![\w])"
)
_ACT_VERBS = gate_words(
    "announced moved cut closed closing decided cancelled canceled scrapped merged changed replaced axed introduced "
    "restructured outsourced froze shut dropped removed banned stopped told emailed informed instructed asked"
)
_THEY_ACT_RE = re.compile(
    r"(?:^|[.!?…:]\s+)(?:and\s+now\s+|so\s+|now\s+)?(?:they(?:'ve|\s+have|\s+had)?|we(?:'ve|\s+have|'re|\s+are|\s+were)\s+(?:been\s+|just\s+been\s+)?"
    r"(?:told|informed|instructed|asked))(?:\s+(?:just|now|quietly|finally|also|then|suddenly|officially))?\s+"
    r"(?:announced|moved|cut|closed|closing|decided|cancelled|canceled|scrapped|merged|changed|replaced|axed|"
    r"introduced|restructured|outsourced|froze|shut|dropped|removed|banned|stopped|told\s+us|emailed\s+us|"
    r"to\s+\w+|that|not\s+to)(?![\w])"
)
_WORKLIFE_RE = re.compile(
    r"(?<![\w])(?:staff|colleagues|our\s+(?:offices?|team|jobs|contracts?|pay|pension|workload|students|modules?|courses?)|"
    r"my\s+(?:office|job|post|role|contract|pay|pension|workload|students|module|course|team)|students|lecturers|"
    r"nursery|library|department|faculty|campus|teaching|marking|redundanc\w+|restructur\w+|workload|contracts?|pay|"
    r"research|surplus|deficit)(?![\w])"
)


def _unnamed_employer(t: str) -> tuple[int, int] | None:
    """Where the post speaks of the employer without naming it, or None. Each shape is tried only
    when one of its rarer words is in the post: this runs on every personal post that names nothing."""
    m = _IN_CHARGE_RE.search(t) if gate(t, _IN_CHARGE_WORDS) else None
    if m is None and gate(t, _AT_RISK_WORDS):
        m = _AT_RISK_RE.search(t)
    if m is None:
        end = t.rstrip(" .!\n").rsplit(None, 1)
        if end and end[-1].strip(",") in _ROLE_END:
            m = _VOCATIVE_RE.search(t)
    if m is None and "they" in t and ("tell" in t or "told" in t):
        m = _THEY_TELL_RE.search(t)
    if m is None and ("'" in t or '"' in t or "‘" in t or "“" in t):
        m = _verdict_on_mine_told(t)
        if m is not None:
            return m
    if m is None and gate(t, _ACT_VERBS):
        m = _THEY_ACT_RE.search(t)
        if m is None or _WORKLIFE_RE.search(t) is None:
            return None
    return m.span() if m else None


_THANKS_RE = re.compile(
    r"(?<![\w])(?:grateful|thank\s+you|thanks\s+to|thankful|credit\s+where|so\s+kind|kindness|appreciated?"
    # praise of how it was handled ("never made me feel bad about it. that's leadership")
    r"|that'?s\s+(?:what\s+)?(?:real\s+|good\s+|great\s+)?leadership|that'?s\s+how\s+(?:it'?s\s+done|you\s+do\s+it))(?![\w])"
)


def _near_words(
    lex: object, t: str, ref: tuple[int, int], skip: list[tuple[int, int]] | None = None, reach: int = 160
) -> frozenset[str]:
    """The lexicon hits (lower-cased) that ``_near`` would accept."""
    return frozenset(
        m.group(0).lower()
        for m in lex.finditer(t)  # type: ignore[attr-defined]
        if abs(m.start() - ref[0]) <= reach
        and not _as_topic(t, m.start())
        and not any(a <= m.start() < b for a, b in skip or ())
        and not _self_deprecating(t, m.start(), m.end())
    )


# A fault put right (round 14): "Estates ... fixed the damp", "removed the old asbestos from the labs". The
# fault is the object of the repair, not a verdict on whoever repaired it ("painted over the damp" is no
# repair, and stays one).
_REMEDY_RE = re.compile(
    r"(?<![\w])(?:fixed|fixes|fixing|repaired|repairs|removed|removes|removing|cleared|resolved|tackled|"
    r"sorted(?:\s+out)?|got\s+rid\s+of|dealt\s+with|eradicated|stripped\s+out|took\s+out|taken\s+out)\s+"
    r"(?:(?:the|that|this|all|of|our|their|old|last|remaining|bit|of)\s+){0,3}(?:[\w'’-]+\s+)?[\w'’-]+"
)
_REMEDY_WORDS = gate_words(
    "fixed fixes fixing repaired repairs removed removes removing cleared resolved tackled sorted rid dealt "
    "eradicated stripped took taken"
)


def _remedied_spans(t: str) -> list[tuple[int, int]]:
    """The faults the post says were put right, each with its verb."""
    return [m.span() for m in _REMEDY_RE.finditer(t)] if gate(t, _REMEDY_WORDS) else []


# The author's verdict on themself at some skill (round 13): "I'm hopeless at pub quizzes but our
# department team won anyway" says nothing of the employer; "HR are hopeless at paying us" does.
_SELF_BEFORE_RE = re.compile(
    r"(?<![\w])(?:i'?m|i\s+am|i\s+was|i'?ve\s+always\s+been|i\s+have\s+always\s+been)\s+"
    r"(?:so\s+|such\s+|really\s+|truly\s+|completely\s+|utterly\s+|absolutely\s+|totally\s+|just\s+|still\s+)?$"
)


def _self_deprecating(t: str, start: int, end: int) -> bool:
    """The word is the author's verdict on their own skill: "I'm hopeless at", "I am rubbish at"."""
    return t.startswith((" at ", " with "), end) and _SELF_BEFORE_RE.search(t, max(0, start - 40), start) is not None


# Words that only say something recurs or comes round again.
_REPEAT_ONLY = frozenset(phrases("again|yet again|another|as ever|typical"))


def _repeat_complaint(text: str, t: str, ref: tuple[int, int]) -> bool:
    """A recurrence told as a complaint: the post reads negative as a whole or near the reference, or
    shows a complaint cue other than the recurrence itself (management-speak in scare quotes, finding
    out from the wrong people)."""
    from townhall.policy.ml.vader import analyzer

    if _contempt(t) or _vader_negative(text, ref) or analyzer().polarity_scores(_vader_view(text))["compound"] < -0.05:
        return True
    if any(r.search(t) for i, r in enumerate(_WEAK_RES) if i > 1):
        return True
    # management-speak in scare quotes is a complaint cue; an email's own label ("another 'urgent'
    # survey from HR") only rolls the eyes at the inbox, unless the post also tells of a loss or cost
    # ("... the week after the pay cut") (round 11)
    quoted = [m.group(0) for m in _WEAK_RES[0].finditer(t)]
    if quoted and all(_INBOX_LABEL_RE.fullmatch(q) for q in quoted):
        return _complaint_content(t)
    return bool(quoted)


# The label an email or task gives itself, quoted: "'urgent'", "'quick' survey", "'friendly reminder'".
_INBOX_LABEL_RE = re.compile(
    r"[\"“‘'](?:urgent|quick|short|brief|important|optional|reminder|friendly\s+reminder|final\s+reminder|"
    r"gentle\s+reminder|quick\s+one|action\s+required|high\s+priority|asap)[\"”’']"
)


# Mild or eventful words that a glad post may hold: the chaos one misses, a sacking that turned out well.
_EVENTFUL = frozenset(
    phrases("""sack|sacked|cuts|cutting|axed|scrapped|frozen|freeze|froze|job losses|outsourced|hiring freeze""")
)
_GLAD = 0.5


def _fond_or_glad(text: str, t: str, words: frozenset[str]) -> bool:
    """The post is warm as a whole (VADER >= 0.5), its negative words are all mild or eventful, and
    nothing in it reads as damaging, sarcastic or a complaint cue: a farewell, thanks or career news."""
    if not words <= (_MILD_ONLY | _EVENTFUL | _REPEAT_ONLY) or _weak_cues(t) or _DAMAGING.search(t):
        return False
    if all(_FOND_RE.search(t, max(0, m.start() - 40), m.start()) for m in _NEGATIVE.finditer(t)):
        return True  # every mild word is what the author misses or loves: "I'll miss the office chaos"
    from townhall.policy.ml.vader import analyzer

    return analyzer().polarity_scores(text)["compound"] >= _GLAD


_FOND_RE = re.compile(r"(?<![\w])(?:miss|missing|love|loved|adore|adored)\s+(?:[\w']+\s+){0,3}$")


# Argued disagreement (the guidance's own advice: "say what you disagree with and why"): the author's
# or their union's stance ("I disagree with", "we reject the case for", "in my view", "I think ...")
# with a reason or evidence ("because", "given", "the data show", "according to", "see Smith et al.",
# "as the 2023 studies show", "not X but Y"); an explicit disagreement verb is its own framing. Not
# when the post is sarcastic or holds contempt or a damaging claim.
_DISAGREE_RE = re.compile(
    r"(?<![\w])(?:(?:i|we)\s+(?:\w+\s+)?(?:disagree|don'?t\s+agree|do\s+not\s+agree|reject|oppose|voted\s+against|"
    r"would\s+argue|'d\s+argue|argue)|i'd\s+(?:argue|contend)|(?:branch|union|members|ucu|unison|eis)\s+(?:\w+\s+)?(?:disagrees?|rejects?|"
    r"opposes?)|respectfully\s+disagree)(?![\w])"
)
_OPINION_RE = re.compile(
    r"(?<![\w])(?:i\s+(?:\w+\s+)?(?:think|believe|feel|reckon)|in\s+my\s+(?:view|opinion|experience)|my\s+(?:view|opinion)\s+is|"
    r"(?:wrong|right|mistaken|a\s+mistake)\s*,?\s+in\s+my\s+(?:view|opinion)|respectfully)(?![\w])"
)
_REASON_RE = re.compile(
    r"(?<![\w])(?:because|since|given|as\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,3}(?:shows?|showed|suggests?|found|finds)|"
    r"(?:data|evidence|figures|numbers|statistics|stats|survey|surveys|report|modelling|accounts|analysis|studies|"
    r"study|research|responses|results|logs)\s+(?:\w+\s+){0,3}?(?:shows?|showed|suggests?|suggested|points?|pointed|"
    r"found|finds|indicates?|says|are\s+clear|is\s+clear)|according\s+to|et\s+al|counter-?(?:proposals?|case|"
    r"arguments?|offer)|the\s+evidence|(?:doesn'?t|does\s+not|don'?t)\s+match|not\s+(?:\w+\s+){1,3}but|"
    r",\s+not\s+\w+)(?![\w])"
)
_CONTEMPT = words_re(
    phrases("""idiots|idiot|clowns|clown|useless|pathetic|shit|crap|wtf|ffs|hate|greedy|greed|
    hypocrites|hypocritical|hypocrisy|rubbish|pants|laziest|brats|insult|insulting|morons|fools|cowards|liars|
    incompetent|clueless|spineless|disgrace|disgraceful|shameful|farce|shambles|circus|embarrassing|cruel|
    heartless|callous|inhumane|laughable|fool|a fool""")
)
# "X is a joke", "uni's a total joke" (the contracted copula the word list cannot read)
_JOKE_RE = re.compile(
    r"(?:'s|(?<![\w])(?:is|are|was|were))\s+(?:(?:such|a|an|total|complete|absolute|utter|bad|sick|running|bit\s+of)\s+)*"
    r"(?:joke|farce|shambles|circus)(?![\w])"
)


def _contempt(t: str) -> bool:
    """Words of contempt for people or the place anywhere in the (lower-cased) post."""
    if _CONTEMPT.search(t) is not None:
        return True
    return any(w in t for w in ("joke", "farce", "shambles", "circus")) and _JOKE_RE.search(t) is not None


def _argued(t: str, words: frozenset[str], sarcastic: bool) -> bool:
    """A view argued as the author's (or their union's) own, without contempt."""
    if sarcastic or _contempt(t) or _DAMAGING.search(t):
        return False
    if _DISAGREE_RE.search(t):
        return True
    return _OPINION_RE.search(t) is not None and _REASON_RE.search(t) is not None


# A mild gripe about a thing (a new system, the portal, the timetable) closed in hope that it gets
# sorted ("hope they iron out the kinks", "teething problems", "fingers crossed") is a colleague's
# everyday remark, not criticism of the institution; harsh words, sarcasm or a grievance keep it.
_MILD_ONLY = frozenset(
    phrases("""nightmare|mess|chaos|the chaos|confusing|frustrating|annoying|a pain|pain|again|another|typical|
    killing me|so bad|ridiculous""")
)
_HOPE_RE = re.compile(
    r"(?<![\w])(?:(?:i\s+)?hope\s+(?:they|it|we|someone|it'?ll|they'?ll|that)\b[^.!?]{0,60}?\b(?:fix|fixed|sort|sorted|iron|"
    r"improve|improves|settle|settles|better|resolve|resolved|work\s+out|get\s+there)|fingers\s+crossed|teething|"
    r"early\s+days|bedding\s+in|(?:will|'ll)\s+get\s+there|growing\s+pains|bear\s+with"
    # or already in hand: "Estates are on it", "IT sorted it in ten minutes"
    r"|(?:are|is|'re|'s)\s+on\s+it|(?:being|been|got\s+it|get\s+it)\s+(?:fixed|sorted|repaired|looked\s+at)"
    r"|(?:fixed|sorted|repaired)\s+(?:it|them)\s+(?:in|within|by)\b"
    # or conceded: "but I get why", "to be fair", "I appreciate they're under pressure"
    r"|but\s+i\s+(?:do\s+)?(?:get|understand|see)\s+why|(?:to\s+be|in)\s+fair(?:ness)?|i\s+(?:do\s+)?(?:appreciate|understand)\s+"
    r"(?:that|why|the|they|she|he|it)\b)"
)


def _teething(t: str) -> bool:
    """Only mild negative words, with a hopeful close, and no sarcasm or grievance in the post."""
    if _HOPE_RE.search(t) is None or _sarcastic(t) or _DAMAGING.search(t):
        return False
    hits = [m.group(0) for m in _NEGATIVE.finditer(t)]
    return all(h in _MILD_ONLY for h in hits) and _weak_cues(t) == 0


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
    low = text[s:e].lower()
    # sadness about one's own life ("back at work after three months off with depression") or the
    # subject of a workshop or study is not a verdict on the employer
    if gate(low, _PERSONAL_LIFE) or _TOPIC_ANY_RE.search(low) or _PLAY_RE.search(text.lower()):
        return False
    if _ALLEGED_RE.search(low):
        return False  # "accused in the press of ...": someone else's allegation, reported, not the author's verdict
    full = text.lower()
    if gate(full, TRIVIAL_WORDS) and _SERIOUS_RE.search(full) is None:
        return False  # "no chips on Fridays: the closest I've come to a crisis at work" is a joke about lunch
    # strong words used as praise or emphasis ("killer keynote", "smashed it", "stupidly good") are
    # not a verdict; VADER reads them as negative
    sent = _vader_view(text)[s:e]
    sent = _SLANG_PRAISE_RE.sub(" ", sent) if _SLANG_PRAISE_RE.search(low) else sent
    # how someone feels ("the students are terrified too", "nervous", "exhausted") is not a verdict
    # on the employer either; VADER scores feelings and judgements alike
    sent = _FEELING_RE.sub(" ", sent)
    # nor is a routine safety notice ("fire alarm test in our building at 11"): VADER reads "fire" and
    # "alarm" as bad news
    sent = _ROUTINE_RE.sub(" ", sent)
    return analyzer().polarity_scores(sent)["compound"] <= _VADER_NEGATIVE


# What VADER misreads as a verdict in a post that criticises no decision and no decision-maker (round
# 11): an oath at the author's own state ("Fuck me, that was a long exam board"); a game lost ("lost
# the staff quiz to the physics lot"; the good losses PER001 already discounts); a violent verb on a
# piece performed ("the choir murdering Silent Night"); the "Bad news:" of a joke whose "Good news:"
# is the author's own ("Good news: excuse not to go"); a published report's subject ("published the
# bullying investigation summary"). Each is blanked (same length) before VADER scores the post.
_OATH_RE = re.compile(
    r"(?i)(?:^|(?<=[.!?…]\s))(?:fuck(?:ing\s+hell|\s+me)?|bloody\s+hell|holy\s+(?:shit|crap|moly|cow)|christ(?:\s+almighty)?|"
    r"jesus(?:\s+christ)?|(?:oh\s+)?(?:my\s+)?god|omg|blimey|crikey|jeez|gosh|good\s+grief|dear\s+god)\s*[,!]"
)
_REST_OF_SENT_RE = re.compile(r"[^.!?…\n]*")
_OATH_WORDS = ("fuck", "hell", "holy", "christ", "jesus", "god", "omg", "blimey", "crikey", "jeez", "gosh", "grief")
_PERFORMED_RE = regex.compile(
    r"(?i)(?<![\w])(?:murder(?:ing|ed|s)?|butcher(?:ing|ed|s)?|massacr(?:e|ing|ed|es)|mangl(?:e|ing|ed|es)|"
    r"kill(?:ing|ed|s)?|slaughter(?:ing|ed|s)?|strangl(?:e|ing|ed|es))\s+"
    r"(?=(?-i:\p{Lu}\p{Ll}+\s+\p{Lu})|(?:the\s+|a\s+)?(?:carols?|songs?|hymns?|anthem|aria|chorus|tune|duet|solo|"
    r"national\s+anthem)(?![\w]))"
)
_PERFORMANCE_WORDS = gate_words(
    "choir choirs carol carols karaoke band orchestra sang sing singing sings song songs rendition performance "
    "performing gig concert recital musical panto hymn hymns anthem"
)
_GOOD_NEWS_RE = re.compile(r"(?<![\w])good\s+news\s*[:,!-]")
_BAD_NEWS_RE = re.compile(r"(?<![\w])bad\s+news(?![\w])")
_OWN_PUNCHLINE_RE = re.compile(r"(?<![\w])(?:i|i'm|i've|me|my|excuse|myself)(?![\w])")


_LOSS_WORD_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(w) for w in sorted(_LOSS_VERBS, key=lambda w: (-len(w), w))) + r")(?![\w])"
)


def _blank(chars: list[str], s: int, e: int) -> None:
    """Blank ``chars[s:e]`` in place, keeping offsets."""
    chars[s:e] = " " * (e - s)


@functools.lru_cache(maxsize=256)
def _vader_view(text: str) -> str:
    """The post as VADER should score it here: the misread spans above blanked, offsets kept.
    Cached per post: ``_vader_negative`` asks once for each reference to the institution, and
    ``_repeat_complaint`` once more for the whole post."""
    low = text.lower()
    if len(low) != len(text):
        return text  # a lower-casing that changes length would shift every offset
    chars = list(text)
    if any(w in low for w in _OATH_WORDS):
        for m in _OATH_RE.finditer(low):
            rest = _REST_OF_SENT_RE.match(low, m.end())
            if rest is None or not gate(rest.group(0), _ACT_VERBS):
                _blank(chars, *m.span())  # not "Bloody hell, they've closed the nursery": that oath is a verdict
    if any(w in low for w in ("los", "cut", "axe", "scrap", "remov", "strip", "clos", "free", "froz", "slash")):
        for m in _LOSS_WORD_RE.finditer(low):
            if _BENEFIT_RE.match(low, m.end()):
                _blank(chars, *m.span())
    if gate(low, _PERFORMANCE_WORDS):
        for m in _PERFORMED_RE.finditer(text):
            _blank(chars, *m.span())
    if "good news" in low and "bad news" in low:
        g = _GOOD_NEWS_RE.search(low)
        if g is not None:
            punch = low[g.end() :]
            own = _OWN_PUNCHLINE_RE.search(punch) is not None
            if own and _INSTITUTION_REF.search(punch) is None and _NEGATIVE.search(punch) is None:
                for m in _BAD_NEWS_RE.finditer(low, 0, g.start()):
                    _blank(chars, *m.span())
    if any(w in low for w in _PUBLISH_WORDS):
        for m in _DAMAGING.finditer(low):
            if _published_report(low, m.start()):
                _blank(chars, *m.span())
    return "".join(chars)


# A game, show or play: its villains and killers are roles ("the Dean was the killer" at a murder mystery).
_PLAY_RE = re.compile(
    r"(?<![\w])(?:murder\s+mystery|whodunn?it|cluedo|panto(?:mime)?|escape\s+room|role[-\s]?play|sketch\s+show|"
    r"talent\s+show|fancy\s+dress|game\s+night|board\s+games?|charades|the\s+(?:play|musical|production))(?![\w])"
)
_ROUTINE_RE = re.compile(
    r"(?i)(?<![\w])(?:fire\s+(?:alarms?|drills?|doors?|exits?|safety|marshals?|evacuations?|tests?)|"
    r"(?:alarm|evacuation)\s+(?:tests?|drills?))(?![\w])"
)
_FEELING_RE = re.compile(
    r"(?i)(?<![\w])(?:terrified|scared|nervous|anxious|worried|afraid|frightened|exhausted|tired|knackered|shattered|"
    r"sad|sadly|crying|cried|cry|tears|teary|sobbing|heartbroken|homesick|lonely|overwhelmed|stressed|panic(?:king|ked)?|"
    r"emotional|missing|miss|nerves|jittery|sleepy|grumpy|hungry|cold|freezing|sick\s+with\s+(?:nerves|worry))(?![\w])"
    r"|[\U0001f62d\U0001f622\U0001f972\U0001f629\U0001f62b\U0001f630\U0001f631\U0001f62c\U0001f97a\U0001f975\U0001f976]"
)
_SLANG_PRAISE_RE = re.compile(
    r"(?i)(?<![\w])(?:(?:killer|wicked|insane|epic|mental|savage)(?=\s+(?:\w+\s+)?(?:keynote|talk|lecture|session|"
    r"presentation|paper|talks|idea|ideas|result|results|team|app|view|views|line|lineup|line-up|set|performance|"
    r"question|questions|slides|design|work|job|seminar|debate|panel|chat|speech|workshop|event|night|party|day|week))"
    r"|(?:killed|killing|smashed|smashing|nailed|nailing|crushed|crushing|rocked|rocking|slayed|slaying|aced)\s+it"
    r"|stupidly|ridiculously|insanely|bloody|damn(?:ed)?|crazy|dead(?=\s+(?:good|easy|funny|proud|chuffed|impressive|"
    r"clever|handy|useful|nice|lovely))|brutal(?:ly)?(?=\s+honest))(?![\w])"
)


_PERSONAL_LIFE = gate_words(
    "depression anxiety illness cancer grief died death funeral bereavement bereaved diagnosis surgery miscarriage "
    "injury injured hospital chemo stroke passed widowed"
)
_TOPIC_ANY_RE = re.compile(
    r"(?<![\w])(?:workshop|training|seminar|talk|course|session|policy|module|research|study|lecture|conference|report|"
    r"survey|project|paper|book|campaign|network|guidance|webinar|panel|awareness)s?\s+(?:\w+\s+){0,2}(?:on|about|into|"
    r"against|tackling|preventing|addressing)(?![\w])"
)


def _institution_ref(doc: Doc, cp: CompiledPack) -> tuple[int, int] | None:
    """Where the post first names the employer or colleagues; kept on the post because PER001,
    PER003 and PER005 all ask and the pattern is the costly part of them."""
    key = "_per_institution_ref"
    if key in doc.__dict__:
        return doc.__dict__[key]
    t = doc.masked
    m = _INSTITUTION_REF.search(t)
    if m is not None and m.group(0).endswith("council") and not _UNI_CUE_RE.search(t):
        m = next((x for x in _INSTITUTION_REF.finditer(t, m.end()) if not x.group(0).endswith("council")), None)
    m = m or cp.institution_re.search(t) or _INSTITUTION_LEX.search(t)
    if m is not None and "employer" in m.group(0):
        # the employer named only by the disclaimer that sets it apart ("my views, not my employer's. that
        # said, the government's visa policy ..."; round 14): look past it
        d = _EMPLOYER_DISCLAIMER_RE.match(t, sentence_start(t, m.start(), ".!?\n:;,"))
        if d is not None and d.end() >= m.end():
            m = (
                _INSTITUTION_REF.search(t, d.end())
                or cp.institution_re.search(t, d.end())
                or next((x for x in _INSTITUTION_LEX.finditer(t) if x.start() >= d.end()), None)
            )
    if m is None and gate(t, _NICKNAME_LEX.keys) and not gate(t, _NOT_EMPLOYER_WORDS) and "office" not in t:
        m = _NICKNAME_LEX.search(t)
        if m is not None and _ELSEWHERE_RE.match(t, m.end()):
            m = None  # "the powers that be at the FA": someone else's
    if m is None and "restructur" in t:
        m = _RESTRUCTURE_RE.search(t)
    if m is None and ("ours" in t or "mine" in t) and gate(t, _OURS_WORDS):
        m = _OURS_REF_RE.search(t)
    if m is None and ("uni" in t or "employer" in t or "institution" in t):
        m = _QUALIFIED_REF_RE.search(t)  # "our 'inclusive' university", "my cash-strapped uni"
    if (
        m is None
        and any(c in t for c in _STAFF_DISCLAIMER_CUES)
        and gate(t, _UNIT_WORDS)
        and _STAFF_DISCLAIMER_RE.search(t)
    ):
        # a disclaimer says the author works there, so "the Chemistry department" is their own
        m = _THE_UNIT_RE.search(t)
    # or, failing all those, its handle ("@LeedsUni so you cut the hardship fund ...")
    doc.__dict__[key] = span = m.span() if m else _handle_span(doc)
    return span


# A disclaimer whose only mention of the employer is to set the views apart from it.
_EMPLOYER_DISCLAIMER_RE = re.compile(
    r"\s*(?:\(?\s*)?(?:disclaimer\s*:\s*|usual\s+disclaimer\s*:?\s*)?(?:(?:all\s+)?(?:views?|opinions?)\s+(?:are\s+)?"
    r"(?:my\s+own|mine|personal)|my\s+(?:own\s+)?(?:views?|opinions?)(?:\s+only)?|personal\s+(?:views?|opinions?))"
    r"[\s,]*(?:and\s+|but\s+|obvs\s+|obviously\s+)?(?:not|n't)\s+(?:those\s+of\s+|the\s+views\s+of\s+)?"
    r"(?:my|the)\s+employer(?:'?s)?[\s.)]*"
)


# A disclaimer of the employer's voice ("posting as myself, not as staff", "in a personal capacity",
# "I don't speak for the uni") and a unit named with "the" ("the Chemistry department", "the
# Business School") that it makes the author's own (round 9).
_UNIT_WORDS = gate_words("department dept school faculty labs lab institute office")
_STAFF_DISCLAIMER_CUES = ("staff", "myself", "as me", "private", "capacity", "behalf", "speak", "own", "mine")
_STAFF_DISCLAIMER_RE = re.compile(
    r"(?<![\w])(?:not\s+as\s+(?:a\s+)?(?:member\s+of\s+)?staff|(?:posting|speaking|writing)\s+as\s+(?:myself|me|a\s+private)|"
    r"personal\s+capacity|not\s+on\s+behalf\s+of|(?:don'?t|do\s+not)\s+speak\s+for|views?\s+(?:are\s+)?(?:my\s+own|mine)|"
    r"opinions?\s+(?:are\s+)?(?:my\s+own|mine))(?![\w])"
)
_THE_UNIT_RE = re.compile(
    r"(?<![\w])the\s+(?:[a-z][\w&-]*\s+){1,2}(?:department|dept|school|faculty|labs?|institute|office)(?![\w])"
)


# The employer with a word or a quoted virtue between the determiner and the noun.
_QUALIFIED_REF_RE = re.compile(
    r"(?<![\w])(?:(?:my|our|this)\s+(?:['‘\"“]?[\w-]+['’\"”]?\s+){1,2}(?:university|uni|employer|institution)"
    # the author placing themself at "a" university (round 12): "I work in admissions at a Russell Group uni"
    r"|(?:i|i'?m|i\s+am)\s+(?:(?:currently|now|still|also)\s+)?(?:work|working)\s+(?:[\w-]+\s+){0,4}?(?:at|in|for)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,2}(?:uni|university))(?![\w])"
)


# "The council" is the university's governing body only in a post about a university; otherwise
# it is the local council ("the council's bus cuts are a disgrace").
_UNI_CUE_RE = re.compile(
    r"(?<![\w])(?:uni|unis|university|universities|campus|senate|court|governors|vc|vice[-\s]chancellor|principal|"
    r"provost|dean|faculty|department|dept|staff|college|registrar|academic|lecturers?|ucu)(?![\w])"
)


def _near(
    lex: object, t: str, ref: tuple[int, int], skip: list[tuple[int, int]] | None = None, reach: int = 160
) -> bool:
    """A lexicon hit within ``reach`` characters of the institution reference (not a topic, and not
    inside one of the ``skip`` spans)."""
    return any(
        abs(m.start() - ref[0]) <= reach
        and not _as_topic(t, m.start())
        and not any(a <= m.start() < b for a, b in skip or ())
        for m in lex.finditer(t)  # type: ignore[attr-defined]
    )


# Someone else pretending to be the institution (a phishing e-mail "pretending to be from our finance
# team", a scam text "posing as the university"): the institution is the victim, not the target.
_IMPERSONATION_RE = re.compile(
    r"(?<![\w])(?:pretend(?:s|ed|ing)?\s+to\s+be|pos(?:es|ed|ing)\s+as|claim(?:s|ed|ing)?\s+to\s+be|impersonat\w+|"
    r"purport(?:s|ed|ing)?\s+to\s+be|spoof\w*|fake|masquerad\w+\s+as)(?![\w])"
)


def _impersonation_spans(t: str, ref: tuple[int, int]) -> list[tuple[int, int]]:
    """Impersonation phrases whose object is the institution reference (it follows them closely):
    "pretending to be from our finance team", not "the uni is pretending to be a caring employer"."""
    return [m.span() for m in _IMPERSONATION_RE.finditer(t) if 0 <= ref[0] - m.end() <= 40]


# The same words as the subject of work rather than a claim: "a workshop on bullying and harassment",
# "our research into fraud", "training about misleading statistics".
_TOPIC_RE = re.compile(
    r"(?<![\w])(?:workshops?|training|seminars?|talks?|courses?|sessions?|polic(?:y|ies)|modules?|research|stud(?:y|ies)|"
    r"lectures?|conferences?|reports?|surveys?|projects?|papers?|books?|campaigns?|networks?|guidance|week|webinar|"
    r"panel|reporting|awareness|expert|experts|phd|thesis|dissertation)\s+(?:\w+\s+){0,3}(?:on|about|into|against|of|"
    r"tackling|preventing|addressing|around)\s+(?:\w+\s+){0,2}$"
)


def _as_topic(t: str, start: int) -> bool:
    """The words at ``start`` name what a workshop, study or policy is about, or what a report the
    institution has put out in the open is about, or open an idiom that claims nothing ("false
    alarm": the wifi came back, nobody lied)."""
    if t.startswith(_NO_CLAIM_IDIOMS, start):
        return True
    if _TOPIC_RE.search(t, max(0, start - 60), start) is not None:
        return True
    return _published_report(t, start)


# Fixed phrases whose first word is on the negative or damaging lists but which accuse no one (round 12).
_NO_CLAIM_IDIOMS = ("false alarm", "false start", "false positive", "false negative")


# A report put out in the open (round 11): "the Provost has published the bullying investigation
# summary" names what the published document is about; making it public is openness, not an accusation
# of the author's. Only a verb of publishing counts: "buried the bullying investigation" stays a claim.
_PUBLISH_WORDS = ("publish", "release", "shared", "commission", "launch", "put out")
_PUBLISHED_BEFORE_RE = re.compile(
    r"(?<![\w])(?:publish(?:ed|es|ing)?|releas(?:ed|es|ing)|shared|commission(?:ed|s)?|launch(?:ed|es)?|put\s+out)\s+"
    r"(?:(?:the|its|their|our|a|an|his|her)\s+)?(?:(?:full|final|independent|interim|long-awaited|[\w-]+'s)\s+)?$"
)
_REPORT_AFTER_RE = re.compile(
    r"[\w-]+\s+(?:[\w-]+\s+)?(?:investigation|inquiry|enquiry|review|report|audit|findings|summary|action\s+plan)(?![\w])"
)


def _published_report(t: str, start: int) -> bool:
    """The word at ``start`` heads the name of a report that the post says was published."""
    if not any(w in t for w in _PUBLISH_WORDS):
        return False
    return (
        _PUBLISHED_BEFORE_RE.search(t, max(0, start - 50), start) is not None
        and _REPORT_AFTER_RE.match(t, start) is not None
    )


# The verdict construction (issue 12, generalising): a subject that is the institution or one of its
# roles or offices, then a predicate that accuses it of misconduct, concealment, danger or collapse,
# stated as fact. Written as verb stems with their inflections ("buried", "is faking", "fiddles",
# "has been falsifying") so unseen tenses and persons are read, not a list of phrases. A yes/no
# question, a reported allegation, one's own research, a negation or a topic ("a workshop on data
# fabrication") is not a verdict.
# UK universities named as people name them (issue 12, G/E): a place-name stem, "University of X",
# "X University/Met/Uni", and common acronyms, so "we at Bangor", "on behalf of Dundee" and "Why does St
# Andrews keep hiding ..." read the institution without a pack naming it.
_UK_HE_NAMES = (
    r"(?:aberdeen|abertay|aberystwyth|aston|bangor|birmingham|bournemouth|bradford|brighton|bristol|brunel|cardiff|"
    r"chester|coventry|cranfield|cumbria|derby|dundee|durham|edinburgh|essex|exeter|falmouth|glasgow|goldsmiths|"
    r"greenwich|hallam|heriot-watt|huddersfield|keele|kingston|lancaster|leeds|leicester|lincoln|liverpool|"
    r"loughborough|manchester|napier|newcastle|northumbria|nottingham|oxford|cambridge|plymouth|portsmouth|"
    r"roehampton|salford|sheffield|southampton|st\s+andrews|stirling|strathclyde|sunderland|surrey|sussex|swansea|"
    r"teesside|ulster|warwick|westminster|wolverhampton|wrexham|queen'?s(?:\s+belfast)?|qub|qmu|gcu|uws|uhi|rgu|"
    r"ucl|lse|kcl|uea|soas|uwe|usw|uwtsd|cardiff\s+met|glasgow\s+cal(?:edonian)?)"
)
_UK_HE = (
    r"(?:(?:the\s+)?university\s+of\s+(?:the\s+)?[a-z][\w'-]+(?:\s+(?:and|of)\s+[a-z][\w'-]+){0,2}"
    r"|(?!(?:the|a|an|our|my|this|that|their|his|her|every|any|each|whole|entire|other)\s)[a-z][\w'-]+\s+(?:university|uni|met)"
    r"(?![\w-])|" + _UK_HE_NAMES + r")"
)
# The institution by its handle (issue 12, round 5): "@QUBelfast you sacked ...", "Thanks @CardiffUni".
# A handle that starts "uni"/"university" or ends "uni"/"univ"/"university", or holds a UK university's
# place-name (5+ letters, so "false" never reads as LSE) or starts with its acronym, names the
# institution; a reply to it that says "you" is addressed to the institution.
_HANDLE_RE = re.compile(r"(?<![\w@])@([a-z0-9_]{3,30})")
_HE_ACRONYMS = ("ucl", "lse", "kcl", "uea", "soas", "uwe", "usw", "qub", "qmu", "gcu", "uws", "uhi", "rgu", "uclan")
_AT_ACRONYMS = tuple("@" + a for a in _HE_ACRONYMS)
_HE_STEMS = (
    *(w for w in (n.replace("\\s+", "") for n in _UK_HE_NAMES[3:-1].split("|")) if w.isalpha() and len(w) >= 5),
    "andrews",
    "lboro",
    "belfast",
    "heriotwatt",
)
# An office in a handle names its holder at the university ("@JamesTheVC"); a bare "vc" would also be
# venture capital, so only "thevc" and whole office words.
_OFFICER_HANDLE_PARTS = ("thevc", "vicechancellor", "provost", "registrar", "viceprincipal", "theprincipal")
_SHORT_PLACES = frozenset(("kent", "bath", "york", "hull", "reading", "stir", "essex", "leeds"))


def _institution_handle(h: str) -> bool:
    """A (lower-cased) handle, without its '@', that names a university."""
    h = h.strip("_")
    if any(x in h for x in _OFFICER_HANDLE_PARTS):
        return True  # the head of the institution tagged by office ("@JamesTheVC", "@ProvostEllis")
    if h.startswith(("uniof", "university", "univ")) or h.endswith(("uni", "univ", "university", "unis")):
        return True
    if h.startswith("uni") and (h[3:] in _SHORT_PLACES or any(x in h for x in _HE_STEMS)):
        return True  # "UniKent", "unisouthampton"; not "unison", "unilever", "unitedfans"
    # an acronym opening the handle ("QUBelfast", "LSEnews"); a place-name alone is the city or its
    # football club ("LeedsUnited"), so it needs "uni" with it (above)
    return h.startswith(_HE_ACRONYMS)


def _handle_span(doc: Doc) -> tuple[int, int] | None:
    """Where the post first tags the institution's handle, or None (cached on the post)."""
    key = "_per_handle"
    if key in doc.__dict__:
        return doc.__dict__[key]
    span = None
    t = doc.masked
    if "@" in t and ("uni" in t or any(a in t for a in _AT_ACRONYMS) or any(x in t for x in _OFFICER_HANDLE_PARTS)):
        span = next((m.span() for m in _HANDLE_RE.finditer(t) if _institution_handle(m.group(1))), None)
    doc.__dict__[key] = span
    return span


_DATA_OBJ = (
    r"(?:books|figures|numbers|data|results|marks|grades|stats|statistics|surveys?|nss|ref|records|logs|minutes|"
    r"expenses|accounts|attendance|outcomes|classifications|submission|scores|rankings?|league\s+tables?|offers|"
    r"admissions|applications|pass\s+rates?|metrics|returns|reports?|evidence|timesheets|invoices|results|responses|"
    r"(?:impact\s+)?case\s+stud(?:y|ies)|references|feedback|evaluations|registers|transcripts|votes|ballots?|elections?|"
    r"approvals?|signatures?|(?:impact\s+|risk\s+)?assessments?|appeals|comments|consultations?|audits?)"
)
_DET = r"(?:the|its|their|our|his|her|those|these|all\s+the|all|this\s+year'?s|last\s+year'?s)"
_PERSON_NOUNS = (
    r"(?:liars?|crooks?|cheats?|thie(?:f|ves)|frauds?|fraudsters?|charlatans?|con\s+(?:artists?|men)|criminals?|"
    r"bully|bullies|cowards?|hypocrites?|disgrace|laughing\s+stock|crooked|corrupt|rotten|negligent|dishonest)"
)
# Claim structures (issue 12, round 3): what the post asserts, read by its shape rather than by a
# list of misdeeds. Each needs the institution or one of its roles as the subject (before it, or
# named inside the match: "told by my manager to ...", "so the VC can ...").
_ROLES = (
    r"(?:vc|pvc|dvc|pro-vc|vice[-\s]chancellor|vice[-\s]principal|principal|provost|registrar|rector|dean|hod|"
    r"head\s+of\s+\w+|director|exec\w*|senior\s+\w+|management|leadership|bosses|boss|manager|governors|chancellor)"
)
_CLAIM_STRUCTURES = (
    # ordered or pressed to falsify: "told us to change the marks", "told by my manager to bump up a set of
    # fails", "pressuring examiners to pass students", "told to reject applicants from certain postcodes"
    r"|(?:told|tells|telling|ordered|orders|ordering|instructed|pressur\w+|made|making|makes|forced|forcing|forces|"
    r"leaned\s+on|leaning\s+on|asked)\s+(?:(?:by\s+)?[\w']+\s+){0,4}?to\s+(?:change|alter|bump|push|raise|inflate|adjust|"
    r"tweak|upgrade|round|pass|fail|reject|turn\s+away|mark\s+up|moderate|sign\s+off)\s+(?:up\s+|down\s+)?"
    r"(?:[\w']+\s+){0,4}?(?:marks?|grades?|fails|results|scores|classifications?|degrees?|students|applicants|"
    r"candidates|scripts|dissertations)"
    # telling an overseer what is not so: "told the OfS the course had 40 students, it has 11", "told the
    # accreditation panel we had six more staff than we actually do", "told ofs our dropout rate is 4% when ..."
    r"|(?:told|tells|telling|assured|assuring|informed|reported\s+to|claimed\s+to|promised)\s+(?:the\s+)?"
    r"(?:external(?:\s+examiners?)?|examiners?|(?:accreditation\s+|validation\s+|review\s+)?panel|auditors?|ofs|ofsted|qaa|"
    r"sfc|hefcw|medr|home\s+office|ukvi|funders?|donors?|governors|court|senate|regulators?|inspectors?|"
    r"(?:the\s+)?(?:press|parents|applicants|students|staff|council|committee|board))\s+[^.!?]{0,90}?"
    r"(?:(?<![\w])(?:when|whereas|actually|in\s+fact|in\s+reality|really)(?![\w])|[,;]\s*(?:it|they|we)\s+(?:has|had|have|is|was|are|"
    r"were)(?![\w])|which\s+(?:it|they|we)\s+(?:wasn'?t|weren'?t|isn'?t|aren'?t|didn'?t|don'?t|hadn'?t))"
    # a venal purpose: "another restructure so the VC can buy a third house"
    r"|so\s+(?:that\s+)?(?:the\s+|our\s+|his\s+|her\s+|their\s+)?"
    + _ROLES
    + r"(?:'?s)?\s+(?:\w+\s+)?(?:can|could|gets?|got|keeps?|kept)\s+(?:\w+\s+)?(?:buy|keep|get|have|fund|afford|"
    r"pay|pocket|take|enjoy|fly|bonus|rise|chauffeurs?|cars?|houses?)"
    # leave for work spent on leisure: "the Dean's 'research leave' in the Maldives ... a lovely tan"
    r"|(?:sabbatical|(?:research|study)\s+(?:leave|trip|visit)|fieldwork|away\s+day)[\"'’”]?\s+[^.!?]{0,90}?"
    r"(?<![\w])(?:cruise|yacht|beach|resort|tan|golf|villa|spa|holiday|safari|skiing|cocktails|sunbed|pool)"
    # pleading poverty, then money found for the heads: "'couldn't afford' the pay rise but found £2m for ..."
    r"|(?:couldn'?t|can'?t|cannot|could\s+not)\s+afford[\"'’”]?\s+[^.!?]{0,80}?(?<![\w])(?:but|yet|then|and)\s+"
    r"(?:somehow\s+|magically\s+|still\s+|then\s+)?(?:found|finds|spent|spends|splashed|blew|has|had|paid)\s+"
    r"(?:£\s?[\d,.]+\w*|\d[\d,.]*\w*|money|millions|the\s+money|cash|a\s+fortune)"
    # jobs and contracts for the heads' family and friends
    r"|(?:nephew|niece|son|daughter|wife|husband|partner|cousin|[\w]+-in-law|mates?|golf\s+(?:partners?|buddy|buddies|mates?)|"
    r"drinking\s+buddy|pals?|cronies)\s+(?:\w+\s+){0,2}?(?:got|gets|getting|was\s+given|were\s+given|landed|walked\s+into|"
    r"won)\s+(?:the\s+|a\s+|an\s+|that\s+)?(?:\w+\s+){0,2}?(?:job|post|role|contract|studentship|promotion|chair|"
    r"consultancy|tender|grant|position)"
    r"|(?:job|post|contract|studentship|promotion|tender|consultancy)[\"'’”]?\s+(?:\w+\s+){0,2}?(?:went|goes|was\s+given|"
    r"was\s+awarded|awarded)\s+to\s+(?:his|her|their|the\s+\w+'s)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:nephew|niece|son|daughter|"
    r"wife|husband|partner|brother|sister|cousin|[\w]+-in-law|mates?|friends?)"
    r"|(?:promoted|promotion|hired|appointed)\s+[^.!?]{0,70}?(?:golf|drinks?|pub|mates?|friends?|cronies|pals?)\s+(?:with|of)\s+"
    r"(?:the\s+|our\s+)?"
    + _ROLES
    # credit given for work never done: "signing off degrees for students who never submitted a dissertation"
    + r"|(?:sign(?:s|ed|ing)?\s+off|award(?:s|ed|ing)?|pass(?:es|ed|ing)?|certif(?:y|ies|ied|ying))\s+"
    r"(?:[\w']+\s+){0,3}?"
    r"(?:degrees?|hours|credits?|placements?|marks|modules?|dissertations?|theses|students)\s+[^.!?]{0,50}?"
    r"(?:who|that|which)\s+(?:\w+\s+)?(?:never|didn'?t|hadn'?t|haven'?t|did\s+not|had\s+not)"
    # qualifications or credit bought or faked: "bought his PhD", "putting his own name on their papers"
     + r"|(?P<cred>(?:bought|buys|faked|fakes|forged|plagiari[sz]ed|ghost-?written)\s+(?:his|her|their)\s+(?:own\s+)?"
    r"(?:phd|doctorate|degree|thesis|qualifications?|publications?(?:\s+list)?|cv)"
    r"|(?:put|puts|putting)\s+(?:his|her|their)\s+(?:own\s+)?name\s+(?:on|first\s+on)\s+(?:top|the|their|our|my)"
    r"|tak(?:e|es|ing)\s+(?:the\s+)?names?\s+of\s+[^.!?]{0,40}?\s+off)"
)
# Passive claims (issue 12, round 5): the record named first, the wrong done to it after, the doer
# left out or put last ("The minutes of Senate were rewritten after the fact", "the case study they
# submitted was fabricated", "audit findings have been covered up by the Finance Director"). A verb
# that is only wrong in context ("altered", "deleted", "lost") needs scare quotes, "quietly" or a
# "before/after/so" clause ("deleted before the board saw them"). Who did it is judged in
# _misconduct_verdict: the sentence or its neighbours must name the institution, one of its offices,
# its handle, or "they/we/our".
_PASSIVE_STRONG = (
    r"(?:faked|falsified|fabricated|forged|doctored|backdated|fudged|fiddled|cooked|invented|made\s+up(?!\s+of)|"
    r"covered\s+up|hushed\s+up|buried|shredded|whitewashed|tampered\s+with|rigged)"
)
_PASSIVE_WEAK = (
    r"(?:altered|rewritten|adjusted|deleted|lost|mislaid|binned|removed|changed|edited|dropped|shelved|withheld|hidden)"
)
_PASSIVE_CLAIM_RE = re.compile(
    r"(?<![\w])(?:" + _DATA_OBJ[3:-1] + r"|complaints?|findings|reports?|minutes|approvals?)[\"'’”]?\s+"
    r"(?:[^.!?]{0,60}?\s)?(?:was|were|has\s+been|have\s+been|had\s+been|is\s+being|are\s+being|got)\s+"
    r"(?:(?:quietly|conveniently|simply|just|all|then|also|secretly|deliberately|systematically|completely|partly|"
    r"entirely|mysteriously)\s+)?"
    r"(?:" + _PASSIVE_STRONG + r"|[\"'‘“]" + _PASSIVE_WEAK + r"[\"'’”]|(?:quietly|conveniently|secretly|deliberately|"
    r"mysteriously)\s+" + _PASSIVE_WEAK + r"|" + _PASSIVE_WEAK + r"\s+(?:before|after|so|to\s+(?:hide|make|cover|show)|"
    r"once|the\s+(?:day|week|night)\s+(?:before|after)))(?![\w])"
)
# the verb phrase alone, found first (cheap: few places start with "was/were/been"), then the record
# looked for before it
_PASSIVE_VERB_RE = re.compile(
    r"(?<![\w])(?:was|were|been|being|got)\s+(?:(?:quietly|conveniently|secretly|deliberately|mysteriously)\s+"
    + _PASSIVE_WEAK
    + r"|(?:\w+\s+)?(?:"
    + _PASSIVE_STRONG[3:-1]
    + r"|[\"'‘“]"
    + _PASSIVE_WEAK
    + r"|"
    + _PASSIVE_WEAK
    + r"\s+(?:before|after|so|to\s+(?:hide|make|cover|show)|once|the\s+(?:day|week|night))))"
)
_BE_WORDS = gate_words("was were been being got")
_PASSIVE_WORDS = gate_words(
    "faked falsified fabricated forged doctored backdated fudged fiddled cooked invented made covered hushed buried "
    "shredded whitewashed tampered rigged altered rewritten adjusted deleted lost mislaid binned removed changed "
    "edited dropped shelved withheld hidden"
)
_MISCONDUCT_RE = re.compile(
    r"(?<![\w])(?:"
    # concealment
    r"(?:cover|hush|brush|paper)(?:s|es|ed|ing)?\s+(?:\w+\s+){0,3}?(?:up|over)(?![\w])"
    r"|(?:sweep|sweeps|sweeping|swept)\s+(?:\w+\s+){0,3}?under\s+the\s+(?:carpet|rug)"
    r"|[\"'‘“]?(?:bur(?:y|ies|ied|ying)|bin(?:s|ned|ning)?|shred(?:s|ded|ding)?|shel(?:ve|ves|ved|ving)|suppress(?:es|ed|ing)?|"
    r"quash(?:es|ed|ing)?|squash(?:es|ed|ing)?|los(?:e|es|t|ing)|delet(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|"
    r"sat\s+on|sit(?:s|ting)?\s+on|mislai?d)[\"'’”]?\s+(?:every|all|any|the|their|its|his|her|a|multiple|\d+|several|three|two)?\s*"
    r"(?:[\w']+\s+)?"
    r"(?:complaints?|reports?|cases?|findings|evidence|allegations?|investigations?|concerns?|story|grievances?|"
    r"disclosures?|whistleblow\w+|appeals?)"
    r"|(?:hid|hide|hides|hiding|hidden|conceal(?:s|ed|ing)?)\s+(?:\w+\s+){0,3}?(?:from\s+(?:staff|students|us|the|"
    r"parents|applicants|everyone|the\s+\w+)|it\s+from)"
    # or with what is hidden named: "hides sexual misconduct", "concealing the bullying complaints"
    r"|(?:hid|hide|hides|hiding|conceal(?:s|ed|ing)?)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:\w+\s+)?"
    r"(?:misconduct|abuse|harassment|bullying|complaints|deficit|debts|losses)"
    # falsification and fiddles: an unambiguous verb with an optional determiner, an ambiguous one
    # ("cook", "game", "inflate") only with one
    r"|(?:fak(?:es|ed|ing)|falsif(?:y|ies|ied|ying)|fabricat(?:e|es|ed|ing)|fudg(?:e|es|ed|ing)|fiddl(?:e|es|ed|ing)|"
    r"doctor(?:ed|ing)|massag(?:e|es|ed|ing)|rig(?:s|ged|ging)|manipulat(?:es|ed|ing)|forg(?:e|es|ed|ing)|backdat(?:e|es|ed|ing)|"
    r"tamper(?:s|ed|ing)?\s+with)\s+(?:" + _DET + r"\s+)?"
    r"(?:\w+\s+){0,2}?"
    + _DATA_OBJ
    + r"|(?:inflat(?:e|es|ed|ing)|cook(?:s|ed|ing)|gam(?:e|es|ed|ing))\s+"
    + _DET
    + r"\s+"
    r"(?:\w+\s+){0,2}?"
    + _DATA_OBJ
    # the falsified thing named as such: "signed off on the fake student numbers", "their made-up NSS figures"
    + r"|(?:fake|bogus|made-up|doctored|falsified|fabricated|fiddled|cooked)\s+(?:\w+\s+){0,2}?"
    + _DATA_OBJ
    + r"|(?:being|been|was|were|is|are|get|got)\s+(?:(?!(?:they|we|i|you|he|she|it)\s)\w+\s+)?"
    r"(?:faked|falsified|fabricated|fudged|fiddled|doctored|rigged|gamed|massaged|manipulated)"
    r"|(?:falsif(?:y|ies|ied|ying)|embezzl\w+|defraud\w*|fudging|rigging)"
    r"|siphon(?:s|ed|ing)?\s+(?:off\s+)?(?:money|funds|cash|£|millions|thousands)"
    # dishonesty and theft
    r"|li(?:e|es|ed)\s+(?:to|about)|lying\s+(?:to|about)|mislead(?:s|ing)?|misled|deceiv(?:e|es|ed|ing)|dishonest(?:ly)?"
    r"|(?:rips?|ripped|ripping)\s+(?:\w+\s+){0,2}?off|(?:steal|steals|stealing|stole|stolen)\s+(?:\w+\s+){0,3}?"
    r"(?:money|work|ideas|data|credit|wages|pay|pensions?|deposits?|fees|research|from)"
    r"|pocket(?:s|ed|ing)\s+(?:[\w']+\s+){0,4}?(?:£\s?[\d,.]+\w*|\d[\d,.]*\w*|bonus|money|millions|thousands|fees|funds|cash|stipends?|grants?|"
    r"sponsorship|allowances?|budgets?|donations?|bursar(?:y|ies)|deposits?|wages|pay)"
    # neglect of what it was told
    r"|ignor(?:e|es|ed|ing)\s+(?:[\w']+\s+){0,3}?(?:reports?|complaints?|concerns|warnings|allegations?|whistleblowers?|"
    r"the\s+law|safety|adjustments|disclosures?)"
    r"|knew\s+(?:about\s+(?:it|this|that|the\s+\w+)\s+)?(?:and|but)\s+(?:did|said)\s+nothing"
    r"|quietly\s+(?:selling|sold|dropp(?:ing|ed)|clos(?:ing|ed)|cut(?:ting)?|scrapp(?:ing|ed)|ax(?:ing|ed)|shelv(?:ing|ed)|"
    r"outsourc(?:ing|ed)|shut(?:ting)?|end(?:ing|ed)|remov(?:ing|ed)|bin(?:ning|ned)|rais(?:ing|ed)|sack(?:ing|ed)|"
    r"let(?:ting)?\s+\w+\s+go|let(?:ting|s)?\s+in)"
    # motives: "only in it for the fees", "does not care about students"
    r"|(?:only|just|purely)\s+(?:in\s+it|care|cares|cared|interested)\s+(?:for|about|in)\s+(?:the\s+)?(?:money|fees|profits?|cash|"
    r"rankings|league\s+tables|income|bottom\s+line)"
    r"|(?:does|do|did)\s*(?:not|n't)\s+(?:actually\s+|really\s+|even\s+|genuinely\s+)?care\s+(?:about|for)\s+(?:its\s+|their\s+|"
    r"the\s+|our\s+)?(?:students|staff|us|safety|welfare|employees|workers)"
    # complaints left to rot: "complaints just sit in an inbox", "reports go nowhere"
    r"|(?:complaints?|reports?|concerns|grievances|disclosures)\s+(?:just\s+|simply\s+)?(?:sit|sat|sitting|go|went|disappear\w*|"
    r"vanish\w*|die)\s+(?:in\s+(?:an?\s+|the\s+|someone'?s\s+)?(?:inbox|drawer|pile)|into\s+a\s+(?:void|black\s+hole)|nowhere|"
    r"unanswered|unread)"
    # warning people away: "if you're choosing between us and Leeds, choose Leeds", "don't apply here"
    r"|(?:if\s+you'?re|anyone|for\s+anyone)\s+(?:thinking\s+(?:of|about)|considering|choosing)\s+[^.!?]{0,80}?(?:[:,;—–-]|\.)\s*"
    r"(?:don'?t|do\s+not|choose\s+(?!us\b)\w+|pick\s+(?!us\b)\w+|go\s+elsewhere|avoid|run)"
    r"|(?:don'?t|do\s+not|never)\s+(?:ever\s+)?(?:apply|come|study|enrol|work)\s+(?:here|there|to\s+us|with\s+us)"
    r"|knew\s+[^.!?]{0,80}?\s+(?:and|but|yet)\s+(?:still\s+|then\s+)?(?:let|allowed|carried\s+on|went\s+ahead|kept\s+quiet|"
    r"hid|covered|ignored|chose|did\s+nothing|said\s+nothing)"
    r"|know(?:s)?\s+(?:full\s+well\s+)?(?:it|that|this|they)\s*(?:'s|is|was|are|'re)?\s*(?:isn'?t|not\s+true|false|untrue|a\s+lie|"
    r"wrong|aren'?t|wasn'?t)|knowingly|mak(?:e|es|ing)\s+up\s+(?:the\s+)?(?:\w+\s+)?(?:figures|numbers|data|stats|results)|"
    r"(?:makes?|made|making)\s+(?:\w+\s+)?(?:figures|numbers|data|stats)\s+up"
    r"|(?:won'?t|will\s+not|refuses?\s+to|refused\s+to|refusing\s+to|never)\s+(?:\w+\s+)?(?:admit|own\s+up|come\s+clean)"
    r"|negligen(?:ce|tly)|corruption|corruptly|unlawful(?:ly)?|illegal(?:ly)?|criminally|fraudulent(?:ly)?|"
    r"cover-?ups?|whitewash(?:ed|ing)?|dangerously|institutionally\s+\w+|rotten\s+(?:to\s+the\s+core|from\s+the\s+top)|"
    r"bankrupt(?:ing|ed|cy)?|(?:is|are|'s|'re|was)\s+(?:\w+\s+)?collapsing|in\s+freefall|on\s+its\s+knees"
    # rewriting what others found (issue 12, E): "rewriting external examiners' reports"
    r"|(?:rewrit(?:e|es|ing|ten)|rewrote|tamper(?:s|ed|ing)?\s+with|doctor(?:s|ed|ing)?)\s+(?:the\s+|their\s+|his\s+|her\s+)?"
    r"(?:external\s+)?(?:examiners?|externals?|students?|staff|panel|auditors?|inspectors?|referees?|reviewers?|witness(?:es)?)"
    r"['’]?s?['’]?\s+(?:\w+\s+)?(?:reports?|comments|marks|feedback|findings|responses|evidence|statements?)"
    # packing a governing body: "stacking the remuneration committee", "packed the senate with yes-men",
    # "the board is stuffed with the VC's golfing pals"
    r"|(?:stack|pack|stuff|fill)(?:s|ed|ing)?\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:committees?|panels?|boards?|senate|council|court|governors|governing\s+body)\s+with"
    r"|(?:stack|pack|stuff)(?:s|ed|ing)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:committees?|panels?|boards?|senate|council|court)"
    r"|(?:committees?|panels?|boards?|senate|council|court|governors)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
    r"(?:\w+\s+)?(?:stacked|packed|stuffed|filled)\s+with"
    # threats and reprisals: "threatening staff with bad references", "sacked three people on sick leave"
    r"|threaten(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?(?:staff|us|people|colleagues|students|anyone|whistleblowers|employees)\s+"
    r"(?:(?:who|that|if)\s+[^.!?]{0,50}?\s)?with"
    r"|(?:sack|fire|dismiss|get\s+rid\s+of)(?:s|ed|es|ing)?\s+(?:[\w']+\s+){0,3}?(?:on|during|for\s+taking)\s+"
    r"(?:sick|maternity|paternity|compassionate|parental)\s+leave"
    r"|(?:sack|fire|dismiss|purg|victimis|victimiz|push(?:ed|ing)?\s+out|forc(?:ed|ing)?\s+out)(?:e|es|s|ed|d|ing)?\s+"
    r"(?:[\w']+\s+){0,5}?(?:who|for|after)\s+(?:\w+\s+)?(?:signed|signing|spoke|speaking|complained|complaining|raised|"
    r"raising|reporting|reported|questioning|whistleblowing|blew|went\s+on\s+strike|striking|joined|joining)"
    # helping oneself to money: "helped himself to the research overheads", "pays for her holidays out of the budget"
    r"|help(?:s|ed|ing)?\s+(?:him|her|them)sel(?:f|ves)\s+to"
    r"|pa(?:y|ys|id|ying)\s+for\s+(?:his|her|their|the\s+\w+'s)\s+(?:\w+\s+){0,2}?(?:out\s+of|from|with)\s+(?:the\s+|our\s+)?"
    r"(?:\w+\s+){0,2}?(?:budgets?|overheads?|funds?|grants?|money|fees|expenses)"
    r"|pocket(?:s|ed|ing)\s+(?:[\w']+\s+){0,3}?(?:expenses|overheads?|per\s+diems?)"
    r"|(?:contracts?|tenders?|jobs?|posts?)\s+(?:\w+\s+){0,4}?(?:handed|given|steered|awarded|went)\s+(?:straight\s+)?to\s+"
    r"(?:his|her|their|the\s+\w+'s)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:[\w-]+['’]s\s+)?(?:firm|company|business|mates?|friends?|pals?)"
    # a report or complaint that vanished: "the harassment report into the Prof vanished"
    r"|(?:complaints?|reports?|grievances?|findings|investigations?|allegations?)\s+(?:[\w']+\s+){0,4}?(?:vanish(?:ed|es)|"
    r"disappear(?:ed|s)|went\s+missing|got\s+lost|was\s+(?:quietly\s+)?(?:lost|buried|binned|shredded|shelved))"
    # an institutional scheme called a fraud: "the 'voluntary' severance is a fraud"
    r"|(?:redundanc(?:y|ies)|severance|consultation|restructur\w*|review|scheme|process|elections?|vote|appeals?)[\"'’”]?\s+"
    r"(?:\w+\s+){0,3}?(?:is|was|are|were|'s)\s+(?:a\s+|an\s+)?(?:total\s+|complete\s+|utter\s+|absolute\s+)?"
    r"(?:fraud|sham|con|lie|scam|charade|stitch-?up|fix|fiddle|cover)"
    # what the institution says of itself called a lie (issue 12, round 5): "our EDI statement is a lie",
    # "the university's 'wellbeing strategy' is a work of fiction"; the owner is judged as the subject
    r"|(?P<scheme>(?:statement|strategy|pledge|policy|charter|commitment|application|submission|promise|values|"
    r"action\s+plan|mission)[\"'’”]?\s+(?:is|was|are|were|'s)\s+(?:all\s+|just\s+|pure\s+|basically\s+|"
    r"nothing\s+but\s+)?(?:a\s+|an\s+)?(?:total\s+|complete\s+|utter\s+|absolute\s+|outright\s+|pure\s+|"
    r"bare-?faced\s+)?(?:lie|lies|fiction|work\s+of\s+fiction|fantasy|fabrication|sham|fraud|scam|window[-\s]dressing|"
    r"whitewash|made\s+up))"
    # person verdicts: a copula or intensifier, then the noun
    r"|(?<=['’])s\s+(?:a|an|such\s+a)\s+(?:total\s+|complete\s+|utter\s+|absolute\s+|massive\s+|proper\s+)?"
    + _PERSON_NOUNS
    + r"|(?:is|are|was|were|'re|bunch\s+of|pack\s+of|gang\s+of|nothing\s+but|total|complete|utter|absolute)\s+"
    r"(?:(?:a|an|such\s+a|total|complete|utter|absolute)\s+)?(?:(?:bunch|pack|gang|load|nest|set)\s+of\s+)?"
    r"(?:\w+\s+){0,2}?"
    + _PERSON_NOUNS
    + r"|(?:the\s+)?worst\s+(?:\w+\s+)?(?:uni|university|employer|institution|department|place\s+to\s+(?:work|study)|"
    r"management|managers?|leadership)"
    r"|(?:avoid|steer\s+clear)\s+(?:\w+\s+){0,2}?at\s+all\s+costs|ashamed\s+to\s+(?:work|be|say)"
    r"|(?:someone|somebody|a\s+student|people|staff)(?:'s|\s+is|\s+are)?\s+(?:going\s+to|gonna|will)\s+(?:get|be)\s+"
    r"(?:hurt|killed|injured|seriously\s+hurt)" + _CLAIM_STRUCTURES + r")(?![\w])"
)
_MISCONDUCT_WORDS = gate_words(
    "cover covers covered covering hush hushed hushing brush brushed paper papered sweep sweeps sweeping swept bury "
    "buries buried burying hid hide hides hiding hidden conceal concealed concealing conceals faked faking fakes "
    "falsify falsified falsifies falsifying fabricated fabricating fabricate fabricates fudge fudged fudging fudges "
    "fiddle fiddled fiddling fiddles doctored doctoring massaged massaging massage massages manipulated manipulating "
    "manipulates inflated inflating inflate inflates cooked cooking cook cooks gamed gaming game games rigged rigging "
    "rigs embezzled embezzling embezzlement embezzles defraud defrauded defrauding defrauds siphoned siphoning siphon "
    "siphons lied lies lying mislead misleads misleading misled deceive deceived deceiving deceives dishonest "
    "dishonestly rip rips ripped ripping steal steals stealing stole stolen pocket pockets pocketed pocketing ignore "
    "ignores ignored ignoring knew negligent negligence negligently corrupt corruption corruptly crooked unlawful "
    "unlawfully illegal illegally criminally fraudulent fraudulently scandal scandalous cover-up cover-ups coverup "
    "admit own come coverups whitewash whitewashed whitewashing dangerously institutionally rotten bankrupt "
    "bankrupting bankrupted "
    "fake bogus made-up misconduct abuse harassment bullying complaints deficit debts losses "
    "bankruptcy collapsing freefall knees liar liars crook crooks cheat cheats thief thieves fraud frauds fraudster "
    "fraudsters charlatan charlatans con criminals bully bullies coward cowards hypocrite hypocrites disgrace joke "
    "laughing worst avoid steer ashamed hurt killed injured bin bins binned binning shred shreds shredded shredding "
    "shelves suppresses quashes squashes deletes destroys dismisses shelve "
    "shelved shelving suppress suppressed suppressing quash quashed squash squashed lose loses lost losing delete "
    "deleted deleting destroy destroyed destroying dismiss dismissed dismissing sat sit sits sitting know knows "
    "knowingly make makes made making lie only just purely care cares cared sit sat sitting go went disappear "
    "disappeared vanish vanished die thinking considering choosing apply come study enrol quietly "
    "told tells telling ordered orders ordering instructed pressured pressuring pressure forced forcing forces "
    "leaned leaning assured assuring informed claimed promised marks mark grades grade fails results sabbatical "
    "afford nephew niece son daughter wife husband partner cousin mate mates pals cronies buddy buddies golf "
    "contract studentship promotion tender consultancy promoted hired appointed bought buys forged plagiarised "
    "plagiarized ghost-written ghostwritten name names vc pvc dvc principal provost registrar rector dean hod exec "
    "executive management leadership bosses governors chancellor sign signs signed signing award awarded awarding "
    "awards passing passed certify certified certifying sham scam charade stitch-up stitchup rewriting rewrite "
    "rewrites rewritten rewrote tamper tampered tampering stack stacked stacking packed packing stuffed stuffing "
    "threaten threatened threatening threatens sacked sacking fired firing dismissed purge purged purging "
    "helped helping helps pays paid paying vanished disappeared forge forges forged forging backdate backdates "
    "backdated backdating mislaid"
)
# The subject the verdict is about: the institution, its heads and offices (wider than the employer
# reference PER001 uses, since here it must come before a misconduct predicate).
_ROLE_SUBJECT_RE = re.compile(
    r"(?<![\w])(?:"
    # the rhetorical "imagine being a Dean and faking the minutes" (issue 12, round 5)
    r"imagine\s+(?:being|running|managing|leading|working\s+(?:at|for|in))\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:uni|university|institution|department|school|faculty|college|vc|pvc|pro-?vc|vice[-\s]chancellor|dean|provost|"
    r"registrar|principal|head\s+of\s+\w+|director(?:\s+of\s+\w+)?|manager)|(?:(?:our|my|this|their)\s+(?:(?!(?:that|which|who|and|of|to|in|for|with|is|are|was|were|the|a|an)\s)"
    r"[\w'‘’\"“”-]+\s+){0,2}?"
    r"|the\s+(?:(?:new|old|current|former|acting|interim|deputy|associate|senior|whole|entire|uni|university|faculty|"
    r"school|department|research|student|central|admissions|finance|hr|estates|exec|executive|safeguarding|integrity|"
    r"accommodation|careers|international|graduate|press|comms|exams?|examinations?|registry|health|safety|disability|"
    r"wellbeing|equality|it|digital|library|security|governing|senior|leadership|management|staff|\w+'s)\s+){0,2}?)"
    r"(?:office|team|unit|board|committee|panel|registry|"
    r"department|dept|school|faculty|college|uni|university|institution|institute|centre|employer|workplace|management|leadership|"
    r"directorate|executive|exec|senate|council|governors|hr|estates|finance|admissions|registrar|bursar|provost|dean|"
    r"principal|vice[-\s]principal|vice[-\s]chancellor|pro-?vc|pro[-\s]vice[-\s]chancellor|vc|pvc|dvc|hod|head\s+of\s+(?!all|the|this|that|a|an)\w+|director\s+of\s+(?!all|the|this|that|a|an)\w+|"
    r"(?:finance|hr|research|operations|estates)\s+director|director|coo|cfo|bosses|boss|manager|managers|"
    r"line\s+manager|pi|supervisor|labs?|halls|place)"
    r"|the\s+(?:(?!(?:idea|fact|way|thing|kind|sort|point|reason|same|other|next|last|that|which|who|and|of|to|in|for|"
    r"with|is|are|was|a|an|the|this|my|our|their)\s)\w+\s+){1,2}(?:office|team|unit|committee|"
    r"panel|board|department|directorate|service|services)"
    r"|management|leadership|(?:line\s+)?managers|bosses|senior\s+(?:team|managers?|leaders?|leadership|management)|the\s+people\s+(?:at\s+the\s+top|"
    r"in\s+charge|running\s+(?:it|this|the\s+place))|(?:my|our)\s+place\s+of\s+work|where\s+i\s+work|i\s+work\s+(?:there|here)"
    r"|this\s+place|(?:uni|university|institution|employer|department|dept|faculty|school)'?s"
    r"|(?:somewhere|anywhere|a\s+place|an?\s+(?:uni|university|institution|employer|organisation|department))\s+(?:that|which|who)"
    r"|" + _UK_HE_NAMES + r")(?![\w])"
)
_YESNO_Q_RE = re.compile(
    r"^\s*(?:is|are|was|were|do|does|did|has|have|had|should|could|would|can|will|shall|must|might|"
    r"(?:\w+\s+)?wonder(?:ing)?\s+(?:if|whether)|does\s+anyone\s+know)(?![\w])"
)
_ALLEGED_RE = re.compile(
    r"(?<![\w])(?:accused|accus(?:es|ing|ation|ations)|allegations?|alleged(?:ly)?|claims?\s+(?:of|that)|denie[sd]|"
    r"deny|denying|according\s+to|reportedly|(?:is|was|were|been)\s+reported\s+(?:that|to|in|by)|"
    r"(?:press|news|media|papers?)\s+reports?|reports\s+(?:say|suggest|claim)|inquiry|investigation\s+(?:into|found)|tribunal\s+found|"
    r"rumou?rs?\s+(?:of|that)|(?:my|our|a|new)\s+(?:\w+\s+)?(?:paper|study|book|research|article|lecture|seminar|"
    r"module|talk|chapter|workshop|training|course)s?\s+(?:on|about|into|of|looks|shows|showed|finds|found|examines|"
    r"explores|argues|is\s+out|out\s+today|published)|(?<!impact\s)case\s+stud(?:y|ies)|in\s+(?:fiction|the\s+novel|the\s+film|"
    r"the\s+show|the\s+series)|novel|netflix|history\s+of|drama|episode)(?![\w])"
)
# Hearsay used as cover ("people are saying the Dean ...", "rumour has it", "my mate in finance reckons",
# "allegedly!!", "not saying it's true"): the author passes the claim on as theirs to spread, unlike a
# press report, an inquiry or one's own paper on the topic, which stay reported allegations.
_HEARSAY_RE = re.compile(
    r"(?<![\w])(?:people\s+(?:are|keep)\s+saying|people\s+say|everyone'?s\s+saying|(?:i'?m\s+|i\s+keep\s+)?hearing|i\s+hear|"
    r"rumou?r\s+(?:has\s+it|is)|apparently|allegedly|reckons?|word\s+(?:is|on\s+the\s+\w+)|not\s+saying\s+it'?s\s+true|"
    r"just\s+(?:saying|repeating|passing)|only\s+(?:passing|repeating)|passing\s+(?:this|it)\s+on|what\s+i\s+(?:heard|'?ve\s+been\s+told)|"
    r"make\s+of\s+that|draw\s+your\s+own|not\s+my\s+words|a\s+little\s+bird|so\s+i'?m\s+told)(?![\w])"
)
_HEARSAY_ALLEGED = frozenset(
    {
        "alleged",
        "allegedly",
        "allegation",
        "allegations",
        "rumours of",
        "rumors of",
        "rumours that",
        "rumors that",
        "rumour of",
        "rumor of",
        "rumour that",
        "rumor that",
    }
)


def _reported(t: str, s: int, e: int) -> bool:
    """A reported allegation in t[s:e] (the press, an inquiry, one's own study of the topic), not
    hearsay the author passes on as cover."""
    found = [m.group(0) for m in _ALLEGED_RE.finditer(t, s, e)]
    if not found:
        return False
    if _HEARSAY_RE.search(t, s, e) is None:
        return True
    return any(f not in _HEARSAY_ALLEGED for f in found)


# A bare role or the institution opening a sentence, the way short posts name them ("Dean lied ...").
_BARE_ROLE_RE = re.compile(
    r"\s*(?:[@#]\w+\s+)*(?:uni|university|management|leadership|hr|estates|finance|registry|admissions|senate|"
    + _ROLES[3:]
    + r"(?:'?s)?(?![\w])"
)
_NEG_BEFORE_RE = re.compile(r"(?:\bnot|n't|\bnever|\bno|\bnobody|\bwithout|\bnor)\s+(?:\w+\s+){0,2}$")


_SENT_END_RE = re.compile(r"[.!?]+(?=\s|$)|\n")


def _sentence_of(t: str, at: int) -> tuple[int, int]:
    """The sentence of the (lower-cased) post holding ``at`` (a full stop inside "x.ac.uk" or "2.1"
    does not end one)."""
    s = 0
    for b in _SENT_END_RE.finditer(t, 0, at):
        s = b.end()
    b = _SENT_END_RE.search(t, at)
    return s, (b.end() if b else len(t))


_SELF_SUBJECT_RE = re.compile(
    r"(?:redundanc|severance|consultation|restructur|review|scheme|process|election|vote|appeal|complaint|report|"
    r"grievance|finding|investigation|allegation|committee|panel|board|senate|council|court|governors)"
)
_COPULA_RE = re.compile(r"(?:is|are|was|were|'re|'s|s)\s")
_WARN_AWAY_RE = re.compile(r"if\s+you|anyone|for\s+anyone|don'?t|do\s+not|never")
_PASSIVE_RE = re.compile(r"(?:being|been|was|were|is|are|get|got)\s")
_OWNED_RE = re.compile(r"(?<![\w])(?:our|my)\s+(?:\w+\s+){1,3}(?:(?:is|are|was|were|has|have|had)\s+)?(?:been\s+)?$")


def _unclaimed(t: str, at: int) -> bool:
    """The words at ``at`` sit in a yes/no question or a reported allegation, not a claim of the author's."""
    s, e = _sentence_of(t, at)
    sent = t[s:e]
    if sent.rstrip().endswith("?") and _YESNO_Q_RE.search(sent):
        return True
    return _reported(t, s, e) or _NEG_BEFORE_RE.search(t, max(s, at - 25), at) is not None


# "you"/"they" just before the claim: "@QUBelfast you sacked ...", "they're purging ... Thanks @CardiffUni"
_ADDRESSEE_RE = re.compile(r"(?<![\w])(?:you|they)(?:'ve|'re|'d|\s+have|\s+are|\s+were|\s+had)?\s+(?:[\w']+\s+){0,2}$")
_MINE_BEFORE_RE = re.compile(r"(?<![\w])(?:our|my)\s+(?:[\w'’-]+\s+){0,3}[\"'‘“]?$")
_AGENT_RE = re.compile(r"(?<![\w])(?:they|we|our|my)(?![\w])")


def _inst_named_in(doc: Doc, cp: CompiledPack, t: str, s: int, e: int) -> bool:
    """The institution, one of its roles or offices, or its handle is named in t[s:e]."""
    h = _handle_span(doc)
    return bool(
        (h is not None and s <= h[0] < e)
        or _ROLE_SUBJECT_RE.search(t, s, e)
        or cp.institution_re.search(t, s, e)
        or _INSTITUTION_REF.search(t, s, e)
        or any(s <= x.start() < e for x in _INSTITUTION_LEX.finditer(t))
    )


def _addressed_or_passive(doc: Doc, cp: CompiledPack, t: str, m: re.Match[str], ps: int, s: int, e: int) -> bool:
    """Who did it, when the subject is not named before the claim (issue 12, round 5): "you" or "they"
    in a post that tags the institution's handle, a sentence opening with the claim in such a post, or a
    passive claim about a record whose sentence or neighbours name the institution or say they/we/our."""
    at = m.start()
    if m.re is _PASSIVE_CLAIM_RE:
        ne = _sentence_of(t, e + 1)[1] if e < len(t) else e
        return _inst_named_in(doc, cp, t, ps, ne) or _AGENT_RE.search(t, s, e) is not None
    if m.re is _MISCONDUCT_RE and m.group("scheme"):
        # "Our EDI statement", "my uni's wellbeing strategy": the institution's own words
        return _MINE_BEFORE_RE.search(t, max(s, at - 50), at) is not None
    if _handle_span(doc) is None:
        return False
    return _ADDRESSEE_RE.search(t, max(s, at - 40), at) is not None or not t[s:at].strip(" @_\"'")


def _claim_candidates(t: str) -> Iterator[re.Match[str]]:
    """Misconduct predicates in the post, then passive claims about a record (each behind its gate)."""
    if gate(t, _MISCONDUCT_WORDS):
        yield from _MISCONDUCT_RE.finditer(t)
    if gate(t, _BE_WORDS) and gate(t, _PASSIVE_WORDS):
        last = 0
        for v in _PASSIVE_VERB_RE.finditer(t):
            s = max(last, _sentence_of(t, v.start())[0], v.start() - 100)
            p = _PASSIVE_CLAIM_RE.search(t, s, min(len(t), v.end() + 60))
            if p is not None:
                last = p.end()
                yield p


def _misconduct_verdict(doc: Doc, cp: CompiledPack) -> tuple[int, int] | None:
    """The span of a misconduct predicate stated as fact about the institution or one of its roles
    (named before it, in the same or the preceding sentence), or None."""
    t = doc.masked
    for m in _claim_candidates(t):
        s, e = _sentence_of(t, m.start())
        # the two sentences before: "The Dean ... . They buried it.", "The uni says X. It isn't. They know it isn't."
        ps = _sentence_of(t, s - 2)[0] if s > 1 else s
        if ps > 1 and s - ps < 40:
            ps = _sentence_of(t, ps - 2)[0]
        at = m.start()
        subject = (
            _ROLE_SUBJECT_RE.search(t, ps, at)
            or cp.institution_re.search(t, ps, at)
            or _INSTITUTION_REF.search(t, ps, at)
            or any(ps <= x.start() < at for x in _INSTITUTION_LEX.finditer(t))
        )
        if subject and _COPULA_RE.match(m.group(0)):
            # "X is a crook": X must be the clause's subject, just before the copula
            w = max(s, at - 50)
            subject = (
                _ROLE_SUBJECT_RE.search(t, w, at)
                or cp.institution_re.search(t, w, at)
                or _INSTITUTION_REF.search(t, w, at)
                or any(w <= x.start() < at for x in _INSTITUTION_LEX.finditer(t))
            )
        if not subject:
            subject = _addressed_or_passive(doc, cp, t, m, ps, s, e)
        if not subject and _WARN_AWAY_RE.match(m.group(0)):
            # "If you're choosing between us and Leeds, choose Leeds. I say this as staff."
            subject = _institution_ref(doc, cp) is not None or " us " in m.group(0)
        if not subject and (
            _ROLE_SUBJECT_RE.search(m.group(0))
            or _BARE_ROLE_RE.match(t, s)
            or (m.re is _MISCONDUCT_RE and m.group("cred") and _institution_ref(doc, cp))
        ):
            # the subject named inside the claim ("told by my manager to ...", "so the VC can ..."), a bare
            # role opening the sentence ("Dean lied to ...", "uni cooking the numbers"), or a faked
            # qualification in a post about the institution ("bought his PhD and now he runs the place")
            subject = True
        if not subject and _SELF_SUBJECT_RE.match(m.group(0)):
            # the institution's own processes named as the thing wronged: "the 'voluntary' severance is a
            # fraud", "the harassment report into the Prof vanished", "the committee is stacked with ..."
            subject = True
        if not subject and _PASSIVE_RE.match(m.group(0)):
            # "our REF submission is being gamed": the thing falsified is the institution's own
            subject = _OWNED_RE.search(t, max(s, at - 60), at) is not None
        if not subject or _as_topic(t, at):
            continue
        if (
            subject is not True
            and hasattr(subject, "group")
            and subject.group(0).endswith("council")
            and not _UNI_CUE_RE.search(t)
        ):
            continue  # the local council, in a post that names no university
        sent = t[s:e]
        if sent.rstrip().endswith("?") and _YESNO_Q_RE.search(sent):
            continue  # "Is the uni fiddling the NSS?" asks; it does not claim
        if _reported(t, ps, e) or _NEG_BEFORE_RE.search(t, max(s, at - 25), at):
            continue  # reported allegations, the subject of one's research, "they're not hiding anything"
        return m.span()
    return None


# A word of _DAMAGING that names a message someone sent ("a racist message", "sexist comments under my
# post"): abuse the author received, not a claim about the institution.
_ABUSE_RECEIVED_AFTER_RE = regex.compile(
    r"\s+(?:message|messages|comment|comments|email|emails|e-mail|abuse|remark|remarks|reply|replies|tweet|tweets|"
    r"dm|dms|voicemail|letter|graffiti|slur|slurs)\b"
)


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
    if ref is not None and not _sector_wide(t):
        fixed = _remedied_spans(t)
        for m in _DAMAGING.finditer(t):
            if any(a <= m.start() < b for a, b in fixed):
                continue  # "removed the old asbestos": a hazard put right (round 14)
            if m.group(0) == "made up" and _MADE_UP_FOR_RE.match(t, m.end()):
                continue  # "made up for her": delighted (round 15), not "made up" as invented
            if m.group(0) == "sitting on" and _SEAT_BEFORE_RE.search(t, max(0, m.start() - 50), m.start()):
                continue  # round 45: "a wobbly chair someone had been sitting on": a seat, not a buried report
            if _ABUSE_RECEIVED_AFTER_RE.match(t, m.end()):
                continue  # round 19 (N10, N12): "I received a racist message after my talk": abuse sent to the author
            if abs(m.start() - ref[0]) <= 160 and not _as_topic(t, m.start()) and not _unclaimed(t, m.start()):
                yield (
                    m.start(),
                    m.end(),
                    "A claim that could damage the institution's reputation, whatever the framing.",
                )
                return
    v = None if _sector_wide(t) else _misconduct_verdict(doc, cp)
    if v:
        yield (
            v[0],
            v[1],
            "An accusation of misconduct against the institution or its staff, stated as fact.",
            "Do not state allegations as fact on social media: report wrongdoing through the speak-up "
            "(whistleblowing) route; if you post, say what you disagree with and why, or ask a question.",
        )
        return
    w = _warn_off(doc, cp)
    if w:
        yield (
            w[0],
            w[1],
            "Telling people to stay away from the institution, from a member of its staff.",
            "Say what you would change and why ('I think the workload model needs ...'), or raise it "
            "internally; do not tell applicants or staff to avoid the place.",
        )
        return
    if gate(t, _RIGGED_WORDS):
        m = _RIGGED_RE.search(t)
        if m and not _NEG_BEFORE_RE.search(t, max(0, m.start() - 16), m.start()):
            yield (
                m.start(),
                m.end(),
                "Marks or figures said to be altered to look better, stated as fact.",
                "Report concerns about marks or figures through the speak-up (whistleblowing) route or your "
                "union; do not state them as fact on social media.",
            )


# "It's only the staff WhatsApp group so I can say it": the guidance's closed-groups clause. Two
# parts, both needed: an audience the author thinks is small (a private/closed/locked group, chat,
# channel or account, "close friends", "just us") and the licence drawn from it ("so I can say it",
# "so here goes", "it won't go any further", "don't forward"). Naming a private group alone ("the
# private group for new PhD students is up") or warning that posts get forwarded is fine.
_GROUP_WORDS = gate_words(
    "private closed locked secret staff-only members-only invite-only group groups chat chats channel channels "
    "whatsapp slack teams signal telegram discord messenger acc account followers follow friends us server forum insta "
    "instagram story stories feed profile protected mutuals followers-only friends-only mutuals-only "
    "cf finsta priv instance"
)
_GROUP_RE = re.compile(
    r"(?<![\w])(?:(?:private|closed|locked|secret|staff[-\s]only|members[-\s]only|invite[-\s]only)\s+(?:\w+\s+){0,2}"
    r"(?:group|chat|channel|forum|page|team|account|acc|server|thread|insta|instagram|story|stories|feed|profile|"
    r"twitter|bluesky|facebook|fb)s?"
    r"|(?:whatsapp|facebook|fb|teams|slack|signal|telegram|discord|messenger|group)\s+(?:group|chat|channel|server)"
    r"|(?:whatsapp|slack|signal|telegram|discord|group\s+chat)"
    r"|(?:this|our|the|my)\s+(?:\w+\s+){0,2}(?:group|chat|channel|acc|account|server|forum)"
    r"|(?:only|just)\s+(?:my\s+|the\s+|a\s+few\s+)?(?:\w+\s+){0,2}(?:follow|read|see)s?"
    r"|close\s+friends|friends[-\s]only|\d+\s+followers|(?:just|only)\s+us|between\s+(?:us|ourselves)|locked(?:\s+down)?"
    r"|(?:is|are)\s+(?:private|locked|closed|staff[-\s]only))(?![\w])"
)
_LICENCE_RE = re.compile(
    r"(?<![\w])(?:so\s+i\s*(?:can|'ll|will|may\s+as\s+well|might\s+as\s+well|feel\s+free\s+to)\s+"
    r"(?:just\s+|finally\s+|now\s+|honestly\s+|actually\s+)?"
    r"(?:say|be\s+(?:blunt|honest|frank|candid)|share|tell|speak|vent|spill|admit|post)"
    r"|so\s+it'?s\s+(?:fine|ok|okay|safe)|so\s+(?:relax|chill)|so\s+here\s+goes|so\s+here'?s\s+(?:what|the)|so\s+(?:i'?ll|i\s+will)\s+say\s+it"
    r"|(?:won'?t|will\s+not|doesn'?t|wont)\s+(?:go\s+any\s+further|leak|get\s+out|go\s+beyond|leave\s+(?:this|the)\s+(?:group|chat))"
    r"|(?:stays?|staying)\s+(?:here|in\s+(?:the|this)\s+(?:group|chat)|between\s+us)"
    r"|(?:so\s+)?(?:it|this)\s+(?:goes|will\s+go|must\s+go)\s+no\s+further"
    r"|(?:nobody|no\s+one)\s+(?:outside|else)\s+(?:will\s+|can\s+)?(?:see|read)s?|(?:nobody|no\s+one)\s+reads\s+this"
    r"|(?:since|as|because)\s+it'?s\s+(?:just|only)\s+us"
    r"|(?:don'?t|do\s+not|pls\s+don'?t|please\s+don'?t)\s+(?:forward|share|screenshot|repost|pass\s+(?:it|this)\s+on)"
    r"|keep\s+(?:it|this)\s+(?:to\s+yourselves|in\s+the\s+(?:group|chat)|between\s+us)"
    r"|safe\s+(?:space|place)\s+to\s+(?:say|vent)|i\s+can\s+be\s+(?:honest|blunt|frank)\s+here"
    r"|(?:so|since)\s+nobody\s+outside|(?P<weak>so\s*[:\-–—])|so\s+(?:whatever|who\s+cares|what\s+the\s+hell|why\s+not|i\s+don'?t\s+care)"
    r"|(?:because|since|as|cos|coz)\s+(?:only|just)\s+(?:my\s+|the\s+)?(?:\w+\s+){0,2}(?:follow|read|see)s?"
    r"|only\s+the\s+\d+\s+of\s+us)(?![\w])"
)


# The licences that only ask for discretion (round 13); see closed_group.
# (round 14: "as it's just us" and "so I can share/post" are discretion too: a leaving collection or baby
# photos shared in the team chat is no complaint)
_DISCRETION_RE = re.compile(
    r".*further|(?:don'?t|do\s+not|pls\s+don'?t|please\s+don'?t)\s|(?:since|as|because)\s+it'?s\s+(?:just|only)\s+us"
    r"|so\s+i\s*(?:can|'ll|will|may\s+as\s+well|might\s+as\s+well|feel\s+free\s+to)\s+(?:just\s+|finally\s+|now\s+)?"
    r"(?:share|post)"
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
    t = doc.masked
    if not gate(t, _GROUP_WORDS):
        return
    for lic in _LICENCE_RE.finditer(t):
        s, e = max(0, lic.start() - 150), min(len(t), lic.end() + 150)
        if not _GROUP_RE.search(t, s, e):
            continue
        # a bare "so:" licenses anything, and so do "it won't go any further" (a surprise party kept
        # from its guest) and "don't share/screenshot" (a bake sale list whose buyers asked to stay
        # anonymous): each counts when what is said is a complaint or a claim (round 13)
        if (lic.group("weak") or _DISCRETION_RE.match(lic.group(0))) and not _sensitive(doc, cp):
            continue
        yield lic.start(), lic.end(), "Written as if a closed group were private."
        return
    p = _private_premise(doc, cp)
    if p:
        yield (
            p[0],
            p[1],
            "Treating a private or closed group as if what is posted there stays private.",
            "Assume anything in a group can be screenshotted: post there only what you would say in public, "
            "and take concerns about the institution to the proper internal route.",
        )


# The closed-groups clause, generalised (issue 12): the author names the audience as private
# ("closed group", "locked parents' group", "private group, phew", "it's only the staff chat") and
# either draws a licence in other words ("I can finally say it", "only sharing here because",
# "because you'll get it") or goes on to say something that would harm the institution if it left
# the group (a misconduct verdict, a damaging claim, internal trouble). A private group named with
# a question about the school run or marking tips is fine.
_PRIVATE_AUDIENCE_RE = re.compile(
    r"(?<![\w])(?:(?:private|closed|locked|secret|staff[-\s]only|members[-\s]only|invite[-\s]only)\s+(?:\w+'?\s+){0,2}?"
    r"(?:group|chat|channel|forum|page|account|acc|server|instance|thread|insta|story|stories|feed|profile|whatsapp)s?"
    # round 15: "CF only" (Instagram's close friends), a finsta or alt account kept for friends
    r"|cf\s+only|close\s+friends\s+only|finsta|(?:private|priv|locked|secret)\s+alt"
    r"|(?:it'?s|its|this\s+is|being|in|on)\s+(?:only|just)\s+(?:the|our|a|my)\s+(?:\w+'?\s+){0,3}?(?:group|chat|whatsapp|"
    r"channel|forum|server|thread)|(?:private|closed|locked|secret)\s+group|(?:this|the|our)\s+(?:group|chat)\s+(?:is|'s)\s+"
    r"(?:private|closed|locked|secret)|(?:this|the|our)\s+(?:[\w'-]+\s+){0,2}?(?:slack|teams|whatsapp|discord|signal|telegram|"
    r"messenger|channel|server|forum)\s+(?:is|'s)\s+(?:private|closed|locked|secret|invite[-\s]only)"
    # round 9: the audience a network's privacy setting makes ("followers-only", "protected tweets", "only
    # mutuals can see this", "close friends story") and the staff's own group on a chat app
    r"|followers[-\s]only|friends[-\s]only|mutuals[-\s]only|protected\s+(?:tweets|account|posts|profile)|close\s+friends"
    r"|only\s+(?:my\s+)?(?:mutuals|followers|friends|close\s+friends)\s+(?:can\s+|will\s+)?(?:see|read)"
    r"|staff\s+(?:facebook|fb|whatsapp|teams|slack|discord|signal|telegram|messenger)(?:\s+(?:group|chat|channel|server))?)(?![\w])"
)
# Bodies and procedures whose business is internal: what they decide or investigate is the
# institution's, even when the post does not name it ("Council approved the sale of the halls").
_INTERNAL_BODY_RE = re.compile(
    r"(?<![\w])(?:council|senate|exec|executive|governors|board|hr|exam\s+board|panel|committee|minutes|investigation|"
    r"disciplinary|grievance|promotion\s+round|redundancy\s+list|(?:complaints?|allegations?)\s+against|"
    r"(?:prof|professor|dr)\.?\s+[a-z][\w'-]+)(?![\w])"
)
# Internal trouble that should not leave a group: complaints and cases, job losses, closures and sales,
# money trouble, results and papers not yet out (narrower than _TROUBLE_RE, whose "half", "posts"
# and "stop" are everyday words in a group chat about a charity run).
_GROUP_TROUBLE_RE = re.compile(
    r"(?<![\w])(?:complaints?|allegations?|harass\w+|investigat\w+|disciplinar\w+|grievances?|misconduct|tribunal|suspended|"
    r"redundan\w+|job\s+cuts|cuts|cutting|axed|axing|closing|closure|shut\s+down|sale\s+of|selling\s+off|sold\s+off|deficit|"
    r"shortfall|overspen\w+|resign\w*|pushed\s+out|sacked|fired|leak\w*|exam\s+papers?|panel\s+scores|nss\s+results|"
    r"(?:same|identical)\s+questions)(?![\w])"
)
_LICENCE2_RE = re.compile(
    # "the staff Slack is private so: ...", "it's a closed group, so": the privacy given as the reason
    r"(?<![\w])(?:(?:private|closed|locked|secret|invite[-\s]only)\s*,?\s+so\b(?!\s+(?:please|pls|do|don'?t)\b)|"
    r"(?:i|we)\s+can\s+(?:finally\s+|now\s+|at\s+last\s+|actually\s+|safely\s+)?(?:say|share|admit|tell|be\s+"
    r"(?:honest|blunt|frank|candid)|spill|vent|speak\s+freely)|(?:only|just)\s+(?:posting|sharing|saying|putting|telling)\s+"
    r"(?:this|it|you)?\s*(?:here|in\s+(?:here|this|the|our))|because\s+(?:you'?ll|you\s+will|you\s+all|you)\s+(?:get\s+it|"
    r"understand)|phew|(?:stays?|staying)\s+(?:between\s+us|in\s+here|in\s+the\s+group)|(?:between|among)\s+(?:us|ourselves)"
    r"|(?:so\s+)?no\s+(?:students?|managers?|management|bosses|parents|one\s+from\s+\w+)\s+(?:(?:\w+\s+)?here|will\s+see|can\s+see|"
    r"(?:will\s+|can\s+)?read|on\s+here|reading)|here'?s\s+what\s+[^.!?]{0,40}?really\s+(?:said|thinks?|meant)"
    r"|(?:i'?ll|i\s+will|gonna|going\s+to)\s+be\s+(?:honest|blunt|frank)|(?:keep|kept)\s+(?:it|this)\s+quiet"
    # round 15: "so I feel fine saying it", "bc I'm not daft" (the privacy setting chosen for what follows)
    r"|so\s+i\s+(?:feel|am|'m)\s+(?:fine|ok|okay|safe|free|comfortable|happy)\s+(?:saying|to\s+say|being\s+honest)"
    r"|(?:bc|because|cos|coz|cause|since)\s+i'?m\s+not\s+(?:daft|stupid|an\s+idiot|mad|thick|that\s+daft)"
    r"|let\s+me\s+(?:just\s+)?(?:vent|say|be\s+(?:honest|blunt|frank))|not\s+(?:for|to\s+go)\s+(?:outside|beyond)|(?:so|as)\s+(?:nobody|no\s+one)\s+(?:else|outside))(?![\w])"
)
_SOFT_LICENCE2_RE = re.compile(r"(?:i|we)\s+can\s+(?:\w+\s+)?share|(?:only|just)\s+(?:posting|sharing|putting)")
# round 15's licences ("so I feel fine saying it", "bc I'm not daft"): the privacy setting chosen for
# what follows, which is the clause's business when it is about work and not praise
_SELF_LICENCE2_RE = re.compile(r"so\s+i\s+(?:feel|am|'m)\s|(?:bc|because|cos|coz|cause|since)\s+i'?m\s+not\s")
_PRIVATE_AUDIENCE_WORDS = gate_words(
    "private closed locked secret staff-only members-only invite-only only just followers-only friends-only "
    "mutuals-only followers protected close staff finsta priv"
)


def _private_premise(doc: Doc, cp: CompiledPack) -> tuple[int, int] | None:
    """A group named as private with a licence drawn from it, or with something damaging posted in
    it; the span of the audience phrase, or None."""
    t = doc.masked
    if not gate(t, _PRIVATE_AUDIENCE_WORDS):
        return None
    a = _PRIVATE_AUDIENCE_RE.search(t)
    if not a:
        return None
    s, e = max(0, a.start() - 150), min(len(t), a.end() + 200)
    lics = [m.group(0) for m in _LICENCE2_RE.finditer(t, s, e)]
    if any(_SELF_LICENCE2_RE.match(x) for x in lics):
        from townhall.policy.ml.vader import analyzer

        if (
            _institution_ref(doc, cp) is not None
            and _praise_sentence(t) is None
            and analyzer().polarity_scores(doc.text[a.end() :])["compound"] < 0.3
        ):
            return a.span()
        lics = [x for x in lics if _SELF_LICENCE2_RE.match(x) is None]
    if any(_SOFT_LICENCE2_RE.match(x) is None for x in lics) or (lics and _sensitive(doc, cp)):
        # sharing there ("so I can share the baby photos", "only posting this in the staff group") licenses
        # only what is a complaint or a claim (round 14), like round 13's discretion
        return a.span()
    ref = _institution_ref(doc, cp)
    if _misconduct_verdict(doc, cp) or _confided_leak(doc, cp) or _COLLEAGUE_GOSSIP_RE.search(t):
        return a.span()
    if ref is not None and any(
        abs(m.start() - ref[0]) <= 160 and not _unclaimed(t, m.start()) for m in _DAMAGING.finditer(t)
    ):
        return a.span()
    # round 9: internal trouble or business told there (a complaint under way, a sale Council approved)
    body = _INTERNAL_BODY_RE.search(t)
    internal = (_GROUP_TROUBLE_RE.search(t) and (ref is not None or body)) or (body and _PLAN2_RE.search(t))
    if internal and not (gate(t, TRIVIAL_WORDS) and _SERIOUS_RE.search(t) is None):
        return a.span()
    return None


# Gossip about a colleague, named by hint rather than name (round 15): "guess which of my colleagues got
# caught ...", "not naming names but his initials are DP"
_COLLEAGUE_GOSSIP_RE = re.compile(
    r"(?<![\w])(?:guess\s+which\s+(?:of\s+(?:my|our)\s+)?(?:colleague|lecturer|prof|professor|manager|academic|"
    r"member\s+of\s+staff|head\s+of|dean|senior)[^.!?\n]{0,60}?(?:caught|sacked|fired|suspended|drunk|affair|"
    r"disciplin|investigat|reported|complaint|warning)|(?:his|her|their)\s+initials\s+are"
    r"|not\s+naming\s+(?:any\s+)?names\s+but\s+(?:his|her|their|it'?s))"
)


_GROUP_NOUN_AFTER_RE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:group|chat|channel|forum|page|account|acc|server|thread|insta|instagram|story|stories|feed|"
    r"profile|facebook|fb)s?(?![\w])"
)


def _sensitive(doc: Doc, cp: CompiledPack) -> bool:
    """A complaint, claim or trouble anywhere in the post (for the weaker closed-group licence)."""
    t = doc.masked
    if _NEGATIVE.search(t) or _DAMAGING.search(t) or _sarcastic(t):
        return True
    if any(
        not _GROUP_NOUN_AFTER_RE.match(t, m.end()) and not t.startswith("close friends", m.start())
        for m in _TROUBLE_RE.finditer(t)
    ):
        return True  # trouble, but not the "closed" of "closed group" (round 13)
    if gate(t, _RIGGED_WORDS) and _RIGGED_RE.search(t):
        return True  # marks said to be moved to meet a target
    ref = _institution_ref(doc, cp)
    return ref is not None and _grievance(t, ref)


_WORK_EMAIL_RE = regex.compile(
    r"(?<![\w])(?:signed\s+up|sign\s+up|registered|log(?:ged)?\s*in|created|made|set\s+up|opened)"
    r"\s+(?:\w+\s+){0,7}(?:with|using|via|on|under)\s+my\s+(?:work|uni|university|staff|institutional|\.?ac\.uk|college|"
    r"office|employer'?s?)\s*(?:(?:login|log-in|sign-in|official|main|own)\s+)?(?:e-?mail|address|account)",
    regex.IGNORECASE,
)
_WORK_EMAIL_TO_RE = regex.compile(
    r"(?<![\w])(?:(?:e-?mail|contact|message|enquiries|orders|bookings|drop\s+me\s+a\s+line)\s+(?:(?:\w+\s+){0,3}(?:to|at|on|via|through)\s+)?"
    r"|(?P<use>using|use|used)\s+)"
    # "the work email" is the author's own as much as "my work email" is (round 12)
    r"(?:my|the)\s+(?:work|uni|university|staff|institutional|college|office|employer'?s?|[\w.-]+\.ac\.uk|[\w.-]+\.edu)\s*"
    r"(?:e-?mail|address|inbox|account)(?![\w])"
    r"(?(use)\s+(?:for|to\s+(?:sign|register|log|set))\s+(?:up\s+(?:to\s+|for\s+|with\s+|on\s+)?|in\s+(?:to\s+)?)?"
    r"(?:my|a|an|the)\s+)",
    regex.IGNORECASE,
)
_WORK_EMAIL_CUES = ("mail", "address", "account")
_TRADE_WORDS = gate_words(
    "commissions commission orders bookings booking gigs etsy shop business sales buy selling hustle clients freelance"
)
# ("not my uni address, please!", "rather than my work email": the work address refused, not given)
_MY_WORK_EMAIL_RE = re.compile(
    r"(?<![\w])(?<!not\s)(?<!never\s)(?<!than\s)(?<!instead\sof\s)my\s+(?:work|staff|uni|university|college|office|institutional)\s+(?:e-?mail|address)(?![\w])"
)
# An office's address ("admissions@", "security@", "student.services@") is the institution's own
# contact, which a member of staff may point people to; a person's address ("r.patel@") is not.
_ROLE_LOCALS = gate_words(
    """admissions admission enquiries enquiry info information library help helpdesk servicedesk support office
    reception studentservices services student registry careers press media comms communications hr finance
    security it ask contact hello alumni events research international accommodation wellbeing disability exams
    exam postgraduate undergraduate pgr graduate school faculty department dept team digital web marketing
    recruitment clearing fees funding scholarships visa immigration estates facilities sport sports shop
    dataprotection privacy foi governance complaints"""
)


def _role_address(local: str) -> bool:
    return any(p in _ROLE_LOCALS for p in re.split(r"[._+-]", local.lower()))


# The work address put to private use (issue 12, generalising): "my work/uni/staff e-mail" (or "my
# @x.ac.uk address", "my staff inbox") in the same sentence as signing up, registering, logging in,
# setting accounts up or running something through it, unless negated ("I never use my work e-mail
# for ...") or for work ("email my work address about the conference panel").
_MY_WORK_ADDR_RE = re.compile(
    r"(?<![\w])my\s+(?:own\s+)?(?:work|uni|university|staff|institutional|college|office|employer'?s?|academic|"
    r"@?(?:[\w.-]*\.)?(?:ac\.uk|edu(?:\.\w\w)?|ac\.\w\w))\s*(?:e-?mail|address|inbox)(?![\w])"
)
_ACCOUNT_USE_RE = re.compile(
    r"(?<![\w])(?:sign(?:ed|ing|s)?\s+(?:[\w,'&]+\s+){0,7}?up|regist(?:er|ered|ering|ers|ration)|log(?:ged|ging|s)?\s+(?:in|on)|logged\s*in|"
    r"set\s+(?:\w+\s+){0,5}?up|setting\s+(?:\w+\s+){0,5}?up|creat(?:e|ed|ing)|open(?:ed|ing)?\s+(?:an?\s+)?account|"
    r"subscrib(?:e|ed|ing)|(?:use|used|using|uses)\s+(?:\w+\s+){0,3}?(?:for|to|on|with)|(?:for|on)\s+(?:my|all\s+my)|"
    r"(?:run|running|runs|ran)\s+(?:\w+\s+){0,4}?(?:from|through|via|off)|through\s+my|via\s+my|do\s+all\s+my)(?![\w])"
)
_WORK_PURPOSE_RE = re.compile(
    r"(?<![\w])(?:conference|abstracts?|panel|seminar|students?|module|course|programme|committee|research|teaching|"
    r"marking|colleagues|project|workshop|supervision|application|applicants|meeting|lecture|office\s+hours|"
    r"reading\s+group|journal|review|grant|talk|webinar|outreach|placement|admissions|enquiries\s+about)(?![\w])"
)
# The work a staff address is for, said plainly (round 15): "office hours ... email my work address to book"
_TEACHING_PURPOSE_RE = re.compile(
    r"(?<![\w])(?:office\s+hours|my\s+(?:students|tutees|supervisees|module|lectures?|seminars?)|dissertation|"
    r"supervision|marking|coursework|(?:book|booking)\s+(?:a\s+)?(?:slot|appointment|meeting))(?![\w])"
)
_NOT_USE_RE = re.compile(
    r"(?<![\w])(?:never|don'?t|do\s+not|didn'?t|not|stop(?:ped)?|instead\s+of|rather\s+than|separate\w*|switched|"
    r"changed|moving|moved|away\s+from|no\s+longer)(?![\w])"
)


_PRIVATE_ACCOUNT_RE = re.compile(
    r"(?<![\w])(?:for|on|to|with)\s+my\s+(?:own\s+|personal\s+|new\s+)?(?!(?:orcid|researchgate|academia|moodle|"
    r"blackboard|canvas|teams|zoom|slack|scopus|jstor|journal|reviewer|publons|scholar|overleaf|turnitin|ukri|"
    r"elsevier|wiley|springer|conference|staff|work|uni|university|research|teaching|lab|student|students)(?![\w]))"
    r"[\w-]+\s+(?:account|profile|shop|subscription|membership)(?![\w])"
)
_OWN_TRADE_RE = re.compile(
    r"(?<![\w])(?:my|our)\s+(?:own\s+|little\s+|new\s+|side\s+)?(?:[\w-]+\s+){0,2}?(?:service|services|business|shop|lessons|"
    r"classes|company|hustle|consultancy|stall|practice|sessions|bookings|orders|commissions)(?![\w])"
)


# The work login put to private use (round 9): "my staff login", "my uni Microsoft account", "my SSO
# from work" used to create or register an account for something of the author's own ("Made a Twitch
# account with my staff login", "registered through my university account"). Logging in with it is the
# login's ordinary use ("logged into my uni account to check my payslip"), so only creating counts.
_MY_WORK_LOGIN_RE = re.compile(
    r"(?<![\w])(?:my\s+(?:own\s+)?(?:work|uni|university|staff|institutional|college|office|employer'?s?)\s+"
    r"(?:microsoft\s+|google\s+|office\s*365\s+|outlook\s+|it\s+)?(?:login|log-in|sign-in|sso|credentials|account)"
    r"|(?:my\s+)?(?:sso|single\s+sign-on|login|log-in|microsoft\s+account|google\s+account)\s+from\s+work)(?![\w])"
)
_LOGIN_WORDS = gate_words("login log-in sign-in sso credentials account")
_CREATE_RE = re.compile(
    r"(?<![\w])(?:sign(?:ed|ing|s)?\s+(?:[\w,'&]+\s+){0,7}?up|regist(?:er|ered|ering|ers|ration)|creat(?:e|ed|ing)|"
    r"(?:made|make|making|set|setting|opened|open)\s+(?:\w+\s+){0,5}?(?:account|profile|page|channel|shop|up)|"
    r"(?:use|used|using)\s+(?:\w+\s+){0,5}?(?:for\s+(?:my|a|an|the|it)|to\s+(?:make|create|sign|register|set|open|verify|join))|"
    r"linked\s+to|tied\s+to|through\s+my|via\s+my)(?![\w])"
)


def _own_the_address(t: str, m: regex.Match[str]) -> bool:
    """For "the work e-mail" (not "my"): the address is the author's only when they ask to be reached
    on it ("message me on the staff email") or it serves their own trade ("my pilates classes,
    bookings through the work email"), never for work ("email the work address about the workshop
    bookings") nor an office's ("contact the office address for permits")."""
    d = _THE_ADDR_RE.search(m.group(0))
    if d is None:
        return True  # "my work e-mail"
    if d.group(1) == "office":
        return False
    own_trade = _OWN_TRADE_RE.search(t) is not None
    if _WORK_PURPOSE_RE.search(t) and not own_trade:
        return False
    return (
        own_trade or gate(t, _TRADE_WORDS) or m.group("use") is not None or _ME_BEFORE_RE.search(m.group(0)) is not None
    )


_THE_ADDR_RE = re.compile(r"(?<![\w])the\s+([\w.-]+)\s*(?:e-?mail|address|inbox|account)$")
_ME_BEFORE_RE = re.compile(r"(?<![\w])me(?![\w])")


def _work_login_used(t: str) -> re.Match[str] | None:
    """'My staff login' in a sentence that creates a private account with it, or None."""
    if not gate(t, _LOGIN_WORDS):
        return None
    for m in _MY_WORK_LOGIN_RE.finditer(t):
        s, e = _sentence_of(t, m.start())
        use = _CREATE_RE.search(t, s, e)
        if not use or (_WORK_PURPOSE_RE.search(t, s, e) and not _OWN_TRADE_RE.search(t, s, e)):
            continue
        if _NOT_USE_RE.search(t, max(s, min(use.start(), m.start()) - 25), max(use.end(), m.end())):
            continue
        return m
    return None


def _work_email_used(t: str) -> re.Match[str] | None:
    """'My work e-mail' in a sentence that uses it for an account or private matter, or None."""
    if "my" not in t or not ("mail" in t or "address" in t or "inbox" in t):
        return None  # cheap pre-check: most posts name no address at all
    for m in _MY_WORK_ADDR_RE.finditer(t):
        if _OWN_TRADE_RE.search(t):
            return m  # "enquiries about my dog grooming service to my university address"
        s, e = _sentence_of(t, m.start())
        use = _ACCOUNT_USE_RE.search(t, s, e)
        # an account of the author's own on a shop, app or site is no work purpose, whatever else the
        # sentence names ("for my Vinted account so I get student discounts"; round 14)
        if not use or (_WORK_PURPOSE_RE.search(t, s, e) and not _PRIVATE_ACCOUNT_RE.search(t, s, e)):
            continue
        # the negation must govern the use ("I never use my work e-mail for ..."), not a later aside
        # ("... on my staff email, don't care what the policy says")
        if _NOT_USE_RE.search(t, max(s, min(use.start(), m.start()) - 25), max(use.end(), m.end())):
            continue
        return m
    return None


# A person's address at any university (not an office's) given out with private business or
# personal trade beside it: "tutoring at d.mensah@x.ac.uk", "cake orders to p.kaur@x.ac.uk".
_ACADEMIC_DOMAIN_RE = re.compile(r"(?:^|\.)(?:ac\.uk|edu|ac\.[a-z]{2}|edu\.[a-z]{2})$")
_PRIVATE_TRADE_WORDS = gate_words(
    "business shop orders order bookings booking book commissions commission rates prices quotes quote tutoring "
    "tuition lessons freelance hustle consultancy clients hire photography photographer weddings wedding cakes "
    "cake sale selling etsy ebay vinted depop services side private airbnb dating tinder rent letting lodger "
    "dm reasonable"
)


def _academic_address_for_trade(doc: Doc) -> tuple[int, int] | None:
    t = doc.masked
    if "@" not in t or not doc.emails or not gate(t, _PRIVATE_TRADE_WORDS):
        return None  # "@user" mentions are not addresses: the e-mail list is empty for them
    for s, e, local, domain in doc.emails:
        if _ACADEMIC_DOMAIN_RE.search(domain) and not _role_address(local):
            if _WORK_PURPOSE_RE.search(t) and not _TRADE_STRONG_RE.search(t):
                continue
            return s, e
    return None


_TRADE_STRONG_RE = re.compile(
    r"(?<![\w])(?:my\s+(?:\w+\s+){0,2}(?:business|shop|consultancy|side\s+hustle|company)|freelance|side\s+hustle|"
    r"private\s+tutoring|rates|quotes?|bookings?|orders?|commissions?|etsy|ebay)(?![\w])"
)


# Work identity worn by a personal account, or an official channel used for personal posts (the
# separate-accounts clause): the university's logo or crest as the avatar, a handle built from a job
# title or the university's name ("@DrJonesUniOfBath"), or the department's official page carrying
# a birthday, a holiday or a flat to let. Each part is gated on a cheap token; a cat as avatar, the
# School page with open-day details, stay fine.
_AVATAR_RE = re.compile(
    r"(?<![\w])(?:avatar|profile\s+(?:pic|picture|photo|image)|pfp|display\s+(?:pic|picture)|icon)(?![\w])"
)
_LOGO_RE = re.compile(r"(?<![\w])(?:logo|crest|badge|coat\s+of\s+arms)(?![\w])")
_HANDLE_WORD_RE = re.compile(
    r"(?<![\w])(?i:handle|username|user\s*name|display\s+name)(?:'s|\s+is)?\s*:?\s*@?([A-Za-z0-9_]{4,40})"
)
_HANDLE_TITLE_RE = re.compile(
    r"(?:^|_|(?<=[a-z0-9]))(?:Dr|Prof|Professor|Lecturer|Dean|Uni|University|College)(?=[A-Z0-9_]|$)"
)
_CHANNEL_RE = re.compile(
    r"(?<![\w])(?:(?:department|dept|school|faculty|university|uni|college|lab|library)'?s?\s+(?:official\s+)?"
    r"(?:account|insta|instagram|page|twitter|feed|channel|tiktok)|official\s+(?:(?:department|school|faculty|"
    r"university|uni)\s+)?(?:account|insta|instagram|page|feed|channel))(?![\w])"
)
_PERSONAL_PURPOSE_RE = re.compile(
    r"(?<![\w])(?:my\s+(?:own\s+|new\s+|old\s+)?(?:sister|brother|mum|mam|dad|wife|husband|partner|son|daughter|kids?|"
    r"nan|gran|puppy|dog|cat|holiday|hols|flat|house|sofa|car|wedding|birthday|band|gig)|happy\s+birthday|"
    r"five-a-side|for\s+rent|to\s+let|to\s+(?:advertise|sell|show\s+off|flog))(?![\w])"
)


def _work_identity(doc: Doc) -> tuple[int, int, str] | None:
    """Where a personal account wears the institution's identity, or an official channel is used for
    personal posts; with what the finding says."""
    t = doc.masked
    if any(w in t for w in ("logo", "crest", "badge", "coat of arms")):
        for a in _AVATAR_RE.finditer(t):
            if "group" in t[max(0, a.start() - 12) : a.start()]:
                continue  # a group's or society's icon, not the author's own account
            lg = _LOGO_RE.search(t, max(0, a.start() - 60), a.end() + 60)
            if lg:
                return a.start(), a.end(), "The institution's logo or crest used as a personal account's picture."
    if any(w in t for w in ("handle", "username", "user name", "display name")):
        for h in _HANDLE_WORD_RE.finditer(doc.text):
            if _HANDLE_TITLE_RE.search(h.group(1)):
                return h.start(1), h.end(1), "A personal account named with a job title or the institution's name."
    if any(w in t for w in ("official", "page", "account", "insta", "feed", "channel")):
        c = _CHANNEL_RE.search(t)
        if c and _PERSONAL_PURPOSE_RE.search(t):
            return c.start(), c.end(), "An official channel of the institution used for personal posts."
    return None


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
    t = doc.masked
    # (the lower-cased text, not the masked one: "my example.ac.uk email" names the domain in a link-like way)
    m = None
    if any(c in t for c in _WORK_EMAIL_CUES):
        m = _WORK_EMAIL_RE.search(t) or _WORK_EMAIL_TO_RE.search(doc.lower)
        if m is None and gate(t, _TRADE_WORDS):  # private trade pointed at the work address
            m = _MY_WORK_EMAIL_RE.search(t)
    # "email me at my work address about the conference panel": the work address for work; but an
    # account made with it that then carries private life ("so colleagues can find me. Here's my cat")
    # is the personal account the clause is about
    if (
        m is not None
        and not gate(t, _TRADE_WORDS)
        and _WORK_PURPOSE_RE.search(doc.lower)
        and not (m.re is _WORK_EMAIL_RE and _PERSONAL_PURPOSE_RE.search(t))
    ):
        m = None
    if m is not None and not _own_the_address(t, m):
        m = None
    if m is None:
        m = _work_email_used(doc.lower) or _work_login_used(t)
    if m:
        yield m.start(), m.end(), "A personal account set up with an institutional e-mail address."
        return
    pb = _academic_address_for_trade(doc)
    if pb:
        yield (
            pb[0],
            pb[1],
            "A university address given out for private business or personal matters.",
            "Give a personal e-mail address for private business; keep your university address for your work.",
        )
        return
    for_work = _TEACHING_PURPOSE_RE.search(doc.lower) is not None and not gate(t, _TRADE_WORDS)
    for s, e, local, domain in doc.emails:
        if cp.is_institutional_domain(domain) and not _role_address(local):
            if office_address(doc.text, s, local):
                continue  # round 21: "the Careers Office is on 028 ... or cso@...": the office's own address
            if for_work:
                continue  # "office hours ... email my work address (r.patel@...) to book a slot": work, by work mail
            yield s, e, "Institutional e-mail address given out from a personal account."
            return
    wi = _work_identity(doc)
    if wi:
        yield (
            wi[0],
            wi[1],
            wi[2],
            "Keep personal and work identities apart: use your own picture and a name without the "
            "university's name or your job title, and post personal news only from your personal account.",
        )


# Unprofessional conduct in the job, told from a personal account: being drunk or hungover at work
# or at work events, skiving or lying to get out of work, marking or treating students carelessly,
# contempt for the students one teaches. Compositional: a work setting near a conduct cue, so a
# staff party "home by midnight" or "marking week, send biscuits" stays fine.
_WORK_SETTING_RE = re.compile(
    r"(?<![\w])(?:at\s+work|work\s+(?:christmas|summer|xmas)\s+(?:do|party)|staff\s+(?:\w+\s+)?(?:party|do|ball|bar|room|awards|"
    r"meeting|away\s+day)|(?:department|dept|faculty|team|staff|board)\s+meeting|seminar|lecture|lectern|lab|"
    r"teach(?:ing)?|tutorial|(?:my|the|our)\s+(?:students|first[-\s]years|tutees|cohort|class|office|hod|dean|boss|"
    r"line\s+manager)|students|first[-\s]years|marking|scripts|essays|exam(?:s|\s+board)?|open\s+day|office|"
    r"faculty|the\s+vc|work(?:ing)?\s+from\s+home|wfh|#wfh|on\s+the\s+clock|taxpayer'?s?|extensions?|"
    r"admissions|library|campus|graduation|invigilat\w*|timesheet|feedback|corridor|marked|dissertations?|theses|"
    r"coursework|assignments?|tutees?|undergrads?|postgrads?|(?:second|third|final)[-\s]years|year\s*\d+s|conference|appeals?|grades?|first\s+year|#\w*(?:staff|lecturer|academic|phd)\w*|"
    r"attendance|registers?|facilities|taught|teach|dress-down|staff\s+member|uni\s+staff|workshop|after\s+hours)(?![\w])"
)
_CONDUCT_RE = re.compile(
    # drunk, not "smashed it" (did well) or "wasted my morning" (lost time)
    r"(?<![\w])(?:hungover|hung\s+over|(?<!coffee\s)(?<!tea\s)(?<!teas\s)(?<!water\s)(?<!cuppa\s)(?<!juice\s)drunk(?!\s+(?:so\s+much|enough|too\s+much|loads\s+of|(?:\w+\s+)?(?:cups?|mugs?|pots?)\s+of)\s+(?:coffee|tea|water|caffeine|espresso|cuppas?)\b)|tipsy|pissed|can'?t\s+feel\s+my\s+face|"
    r"wasted(?!\s+(?:no|my|our|the|their|his|her|a|an|so|too|much|hours?|time|money|effort|\d))|"
    r"smashed(?!\s+(?:it|them|the|their|his|her|my|our|a|an|this|that|every|all|through|its|records?|targets?|"
    r"expectations|goals?|pbs?)\b)|"
    r"(?:\w+\s+)?(?:pints|shots|gins?|prosecco|wine)\s+(?:at\s+lunch|in\s+hand|in|before)|drinking\s+game|"
    r"free\s+bar|lock-?in|with\s+a\s+(?:gin|wine|beer|pint)\s+in\s+hand|skiv(?:e|ed|ing)(?:\s+off)?|bunk(?:ed|ing)\s+off|"
    r"called\s+in\s+sick|pulled\s+a\s+sickie|throw\s+a\s+sickie|snuck\s+out|sneaked\s+out|quiet\s+quitting|"
    r"can'?t\s+be\s+bothered|without\s+reading|not\s+my\s+problem|(?:was|i'?m)\s+(?:actually\s+)?at\s+the\s+pub|"
    r"don'?t\s+tell\s+my\s+(?:hod|boss|manager|dean|line\s+manager)|\"working\s+from\s+home\"|'working\s+from\s+home'|"
    r"“working\s+from\s+home”|paid\s+to\s+sit|lost\s+the\s+will\s+to\s+live|can'?t\s+spell|thick\s+as|drivel|"
    r"worst\s+things?\s+i\s+have\s+ever\s+read|do\s+they\s+even|why\s+do\s+we\s+even\s+let|pls\s+learn\s+(?:to|how|what|the\s+difference)|"
    r"standards\s+are\s+dropping|works\s+every\s+time|we\s+have\s+to\s+give\s+it|fell\s+asleep|nodded\s+off|"
    r"pretended\s+(?:i|to)|how\s+little\s+time|smelling\s+of|reading\s+reddit|scrolling\s+(?:tiktok|twitter|instagram)|"
    # marking without reading, lying to get out of teaching, drinking at work events, not caring,
    # contempt for the students one teaches
    r"skim(?:med|ming|s)?|read\s+(?:the\s+)?(?:abstract|first\s+page|first\s+paragraph|intro)|"
    r"(?:gave|give|giving)\s+(?:it|them|everyone|each\s+one|all\s+of\s+them)\s+(?:a\s+)?\d{2}|"
    r"(?:couldn'?t|could\s+not|can'?t|cannot)\s+be\s+(?:bothered|arsed)|none\s+the\s+wiser|"
    r"(?:couldn'?t|could\s+not|can'?t)\s+face\s+(?:reading|marking|teaching|them|it)|(?:nobody|no\s+one)\s+will\s+(?:ever\s+)?"
    r"(?:check|notice|know)|the\s+(?:laziest|thickest|dumbest|worst|most\s+entitled)\s+(?:\w+\s+)?i'?ve\s+ever\s+taught|"
    r"(?:nobody|no\s+one)\s+(?:ever\s+)?(?:noticed|notices|notice|checks|checked|follows\s+(?:them|it)\s+up)|"
    r"(?:students|they|class)\s+(?:never|don'?t|didn'?t)\s+notice|"
    r"(?:told|tell|telling|emailed|messaged|texted)\s+(?:my\s+|the\s+)?(?:\w+\s+)?(?:tutees|students|class|hod|boss|manager|"
    r"dean|team)\s+(?:that\s+|saying\s+)?"
    r"i\s+(?:was|had|'d|am|'m|have)|"
    r"i\s+was\s+(?:actually\s+|really\s+)?(?:at|in)\s+the\s+(?:pub|races|beach|match|football|cinema|shops|gym|spa|park|bookies)|"
    r"(?:\w+|\d+)\s+(?:glasses|bottles|cans|pints)\s+of\s+(?:\w+\s+)?(?:fizz|wine|prosecco|champagne|beer|gin|cava|vodka|cider)|"
    r"haven'?t\s+(?:updated|changed|touched)\s+(?:them|it|my\s+\w+|the\s+\w+)\s+since|same\s+(?:slides|notes|lectures?)\s+since|"
    r"can'?t\s+(?:write|string)\s+a\s+sentence|lets?\s+(?:them|these\s+people|people\s+like\s+(?:this|that|them))\s+in|"
    r"(?:grade|mark|read)\s+(?:only\s+)?the\s+first\s+(?:page|paragraph|few\s+lines|line)|guess\s+the\s+rest|"
    r"(?:nobody|no\s+one)(?:'s|\s+has)\s+(?:ever\s+)?(?:complained|noticed|checked|asked)"
    r"(?!\s+(?:about|for)\s+(?:getting|having|finishing|an?\s+(?:early|shorter|short)|more|extra|time\s+back))|"
    r"(?:students|they|nobody|no\s+one)\s+(?:haven'?t|hasn'?t|didn'?t|never)\s+(?:even\s+)?noticed|"
    r"i'?ve\s+been\s+(?:at|in|on)\s+the\s+(?:beach|pub|races|sofa|golf\s+course|spa)|shouldn'?t\s+be\s+(?:at|in)\s+uni(?:versity)?|"
    r"(?:students|first[-\s]years|tutees|freshers|cohort|class)\s+(?:that\s+|who\s+)?i\s+(?:can'?t|cannot|couldn'?t)\s+stand|"
    r"(?:give|gave)\s+(?:a|an)\s+\d{2}\s+to\s+(?:anything|everything|everyone|anyone|all)|"
    r"(?:question|questions|answer|answers|essay|essays|work|students?|first[-\s]years?|class|cohort|"
    r"undergrads?|postgrads?|tutees|freshers|year\s*\d+s|(?:second|third|final)[-\s]years|\d(?:st|nd|rd|th)\s+years)\s+(?:was|were|is|are)\s+"
    r"(?:so\s+|really\s+|just\s+|genuinely\s+|truly\s+|basically\s+|frankly\s+)?"
    r"[\"'“‘]?(?:a\s+)?(?:stupid|thick|dumb|dim|illiterate|idiotic|pathetic|useless|rubbish|garbage|drivel|nightmare|nightmares|"
    r"hopeless|clueless|lazy|idiots|morons)(?![\w])|"
    r"the\s+(?:laziest|thickest|dumbest|dimmest|stupidest|most\s+entitled|most\s+clueless)[,\s]+(?:[\w,]+\s+){0,3}?"
    r"(?:i'?ve|i\s+have)\s+ever\s+(?:had\s+(?:the\s+(?:misfortune|displeasure)\s+)?(?:to\s+)?)?(?:taught|teach|had|supervised|marked)|why\s+are\s+we\s+(?:taking|letting|admitting)|"
    r"see\s+you\s+(?:all\s+)?at\s+(?:the|my)\s+disciplinary|get\s+me\s+(?:sacked|fired)|"
    r"can'?t\s+remember\s+(?:much|anything|last\s+night|how\s+i\s+got)|danced\s+on\s+the\s+(?:table|lectern|bar|stage|desk)|"
    r"(?:take|took|having|have)\s+a\s+nap|(?:facilities|they|nobody|no\s+one|hr|management|security)\s+(?:never|don'?t|doesn'?t)\s+checks?|"
    r"(?:nobody|no\s+one)\s+(?:ever\s+|actually\s+|really\s+)?(?:checks?|said\s+anything|says\s+anything)|"
    r"didn'?t\s+even\s+shower|in\s+my\s+pyjamas|most\s+productive\s+thing\s+i'?ve\s+done|"
    r"on\s+(?:the|my)\s+(?:office|work)\s+(?:pc|computer|laptop)|work\s+hack|"
    r"(?:give|gave|giving)\s+(?:it|them|everyone|everybody|each\s+one|all\s+of\s+them)\s+(?:a\s+)?(?:2:[12]|first|pass|b|c)|"
    r"forgot\s+i\s+had\s+(?:a|my|the)\s+(?:\w+\s+)?(?:seminar|lecture|tutorial|class|lab|exam|meeting|viva)|"
    r"glanced\s+at|(?:a|one|two|three|five|\d+)\s+minutes?\s+(?:each|per|a|on\s+each)\s+(?:script|essay|one|dissertation|paper)|"
    r"(?:don'?t|do\s+not|never|didn'?t)\s+(?:actually\s+|even\s+)?read\s+(?:their|the|my\s+\w+'?|any\s+of\s+(?:the|their))\s*"
    r"(?:chapters?|essays?|drafts?|scripts?|dissertations?|theses|work|feedback|emails?)|(?:🍷|🍺|🍸|🥂|🍹|🍾){2,}|"
    r"read\s+(?:past|beyond)\s+the\s+(?:introduction|intro|abstract|first)|with\s+the\s+(?:football|telly|tv|match|racing|"
    r"netflix|cricket|rugby)\s+on|no\s+attention\s+paid|paid\s+no\s+attention|not\s+paying\s+attention|"
    r"(?:put|claimed|logged)\s+(?:it|this|that|them)\s+down\s+as|(?:expensed|claimed)\s+(?:it|them|the\s+\w+)|"
    r"(?:at|to|down)\s+the\s+pub\s+(?:at|by|from)\s+(?:\d|noon|lunch)|"
    r"(?:students|first[-\s]years|they|freshers|undergrads|postgrads)\s+can'?t\s+even|i'?ve\s+stopped\s+trying|"
    r"(?:admissions|registry|they|hr|facilities|security|anyone|nobody)\s+never\s+checks?|don'?t\s+tell\s+(?:facilities|hr|it|"
    r"anyone\s+at\s+work|the\s+dean|estates|finance))(?![\w])"
)
# what one's students cannot do, said with contempt (issue 12, round 5): "my undergrads genuinely cannot
# read", "students on my module can barely read"; not "can't read the slides from the back"
_CANT_READ_RE = re.compile(
    r"(?<![\w])"
    r"(?:students|undergrads?|undergraduates|postgrads?|tutees|freshers|first[-\s]years|second[-\s]years|"
    r"third[-\s]years|final[-\s]years|year\s*\d+s|\d(?:st|nd|rd|th)\s+years|cohort|class)\s+(?:[\w']+\s+){0,6}?"
    r"(?:(?:genuinely|literally|honestly|actually|really|just|still)\s+)?(?:can\s+(?:barely|hardly|not)|cannot|can'?t|"
    r"could\s+(?:barely|hardly|not)|couldn'?t)\s+(?:even\s+)?(?:read|write|spell|count)"
    r"(?=\s*(?:[.,!?;:]|$|\s+(?:a\s+(?:sentence|paragraph)|properly|at\s+all|or\s+(?:write|read|spell)|and\s+(?:write|read))))"
)
_STUDENT_WORDS = gate_words(
    "students undergrads undergrad undergraduates postgrads postgrad tutees freshers years cohort class year1s year2s "
    "year3s"
)
_CANT_WORDS = gate_words("read write spell count")
_CONDUCT_WORDS = gate_words(
    "hungover hung drunk tipsy wasted smashed pissed feel pints shots gin gins prosecco wine drinking free lock-in "
    "lockin skive skived skiving skiving bunked bunking called sickie snuck sneaked quiet bothered reading problem pub "
    "tell working paid will spell thick drivel worst even pls standards works give fell nodded pretended little "
    "smelling reddit scrolling skim skimmed skimming skims abstract intro first gave give giving bothered arsed wiser "
    "nobody never noticed told tell telling glasses bottles cans updated changed touched same write string let "
    "lets shouldn't grade mark guess complained asked haven't hasn't didn't i've races beach match football cinema "
    "shops gym spa park bookies stand stupid thick dumb idiotic "
    "pathetic useless rubbish garbage nightmare nightmares hopeless clueless lazy idiots morons why "
    "disciplinary sacked fired remember danced nap checks check checked shower "
    "pyjamas productive pc computer laptop hack everyone everybody forgot glanced minutes minute read "
    "🍷 🍺 🍸 🥂 🍹 🍾 face will laziest thickest dumbest taught "
    "football telly tv racing netflix cricket rugby attention put claimed logged expensed pub even stopped "
    "dim dimmest stupidest illiterate"
)


# Private business run on the institution's time or kit ("the uni's Adobe licence for my freelance
# clients", "my etsy shop on the uni's printers", "consultancy during office hours"): both parts needed.
# The author's own kit or time named as what the private business uses ("personal laptop for my Etsy shop").
_OWN_KIT_BEFORE_RE = re.compile(
    r"(?<![\w])(?:personal|own|home|private|spare)\s+(?:laptop|phone|computer|pc|time|account|e-?mail|inbox|kit)\s+"
    r"(?:is\s+)?(?:(?:for|on)\s+)?$"
)
_PRIVATE_WORDS = gate_words(
    "freelance etsy hustle business shop clients consultancy onlyfans gigs holiday conference ebay depop vinted "
    "reselling classes selling airbnb side flog flogging"
)
_PRIVATE_RE = re.compile(
    r"(?<![\w])(?:(?:my|our|for\s+my)\s+(?:own\s+|little\s+|new\s+)?(?:[\w'’-]+\s+){0,2}(?:freelance|etsy|side\s+hustle|business|shop|"
    r"clients|consultancy|gigs|ebay|depop|vinted|reselling|classes)|freelance\s+(?:\w+\s+)?(?:clients|work|consultancy|gigs)|"
    r"side\s+hustle|selling\s+my|"
    # round 21 (P5, P6): "catch up on Etsy orders", "my Airbnb guest check-ins", "I do bookkeeping on the side",
    # "flog my mate's gig tix"
    r"(?:etsy|ebay|vinted|depop)\s+(?:orders|listings|parcels|sales)|(?:my\s+)?airbnb\s+(?:guests?|check-?ins|bookings|"
    r"cleaning|listing)|(?:i\s+do|doing|does)\s+(?:\w+\s+){0,2}?on\s+the\s+side|(?:flog|flogging|sell|selling|plug|"
    r"plugging)\s+my\s+(?:mate|friend|partner|brother|sister|cousin|wife|husband|son|daughter)['’]?s\b|"
    r"[\"“']conference[\"”']|[\"“']research\s+trip[\"”'])(?![\w])"
)
_RESOURCE_RE = re.compile(
    r"(?<![\w])(?:(?:uni|university|work|employer|office|department|dept|lab|college)(?:'?s)?\s+(?:\w+\s+)?(?:printers?|"
    r"licen[cs]es?|laptops?|resources|kit|equipment|vans?|card|budget|photocopiers?|servers?|software|subscription|time|"
    r"laser\s+cutters?|3d\s+printers?|machines?|tools|workshop|computers?|pcs?|desktop|phone)|(?:uni|university|work|employer|office|department|dept|lab|"
    r"college)(?:'?s)?\s+free\s+(?:\w+\s+){0,2}(?:cutters?|printers?|machines?|kit|equipment|software)|"
    r"research\s+budget|grant\s+money|office\s+hours|on\s+the\s+clock|work\s+time|during\s+work|at\s+my\s+desk|"
    r"(?:from|in|out\s+of)\s+my\s+(?:uni\s+|university\s+|work\s+)?(?:office|lab|desk)|office\s+at\s+(?:the\s+)?(?:uni|university|work)|"
    r"filing\s+cabinets?"
    # round 21 (P5, P6): a service desk or the gaps in a shift ("from the library enquiry desk between readers",
    # "from my desk here in work between calls"), a unit's own account or newsletter ("the dept events account",
    # "this month's Dept of Music newsletter")
    r"|(?:from|at|on)\s+the\s+(?:[\w-]+\s+){0,2}?(?:enquiry|enquiries|reception|help|issue|front|information|service)\s+desk"
    r"|between\s+(?:calls|readers|customers|lectures|classes|patients|tutorials|appointments)|here\s+(?:in|at)\s+work"
    r"|(?:uni|university|department|dept|faculty|school|college|library|lab|team)\s+(?:[\w-]+\s+)?(?:account|newsletter|"
    r"bulletin)|(?:dept|department|school|faculty)\s+of\s+(?:[\w&-]+\s+){1,3}?(?:newsletter|bulletin|mailing\s+list)"
    # round 20 (P3): the institution's own social accounts ("plug my yoga classes on the uni Instagram",
    # "stuck it on the official @RedfieldSport page")
    r"|(?:the\s+)?(?:uni|university|department|dept|faculty|school|college)(?:'?s)?\s+(?:instagram|insta|tiktok|facebook|"
    r"twitter|linkedin|bluesky)|official\s+@\w+|(?:the|our)\s+@\w+\s+account"
    # round 20e (P4): "posted it on the all-staff email list too"
    r"|all-?staff\s+(?:e-?mail\s+)?(?:list|e-?mail)|staff\s+mailing\s+list|(?:department|dept|school|faculty)\s+mailing\s+list"
    # a member's privileges (round 12): the staff card, discount, login or the library's licensed access
    r"|(?:staff|uni|university|work|campus|my)\s+(?:id\s+)?(?:card|discount|login|log-in|pass|access|membership)"
    r"|journal\s+access|library'?s?\s+(?:journal\s+access|databases?|subscriptions?|e-?resources))(?![\w])"
)
# The institution's privileges passed to people outside it, or its kit used for a private job (round
# 12): "got my brother into the campus gym on my staff card", "help my cousin with his dissertation
# on the library databases", "wedding invitations on the department printer". Gated twice on cheap
# tokens: a beneficiary or private job, and a privilege or machine.
_FOR_OTHERS_WORDS = gate_words(
    "mates friends pals brother sister cousin nephew niece mum dad mate friend son daughter partner "
    "wedding party birthday christening band gig"
)
_FOR_OTHERS_RES_WORDS = gate_words(
    "card discount login log-in pass access membership databases database subscriptions printer printers photocopier"
)
_FOR_OTHERS_RE = re.compile(
    r"(?<![\w])(?:(?:get|gets|got|getting|sneak\w*|snuck|let|lets|letting)\s+"
    r"(?:\w+\s+)?(?:my\s+)?(?:mates|friends|pals|brother|sister|cousin|nephew|niece|mum|dad)\s+(?:in|into|onto)(?![\w])"
    r"|(?:help|helped|helping)\s+my\s+(?:\w+\s+)?(?:mates?|friends?|brother|sister|cousin|partner|son|daughter|nephew|"
    r"niece|mum|dad)\s+with\s+(?:his|her|their)\s+(?:\w+\s+)?(?:coursework|dissertation|essay|assignment|thesis)"
    r"|(?:wedding|party|birthday|christening|band'?s?|gig)\s+(?:invitations|invites|flyers|posters|programmes|tickets))"
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
    if gate(t, _PRIVATE_WORDS):
        p = _PRIVATE_RE.search(t)
        if p and _OWN_KIT_BEFORE_RE.search(t, max(0, p.start() - 40), p.start()):
            p = None  # round 20 (P1): "work laptop for work, personal laptop for my Etsy shop": kept apart
        if p and _RESOURCE_RE.search(t, max(0, p.start() - 160), p.end() + 160):
            yield p.start(), p.end(), "The institution's time or equipment used for private business, told in public."
            return
    if gate(t, _FOR_OTHERS_WORDS) and gate(t, _FOR_OTHERS_RES_WORDS):
        p = _FOR_OTHERS_RE.search(t)
        near = p and _RESOURCE_RE.search(t, max(0, p.start() - 160), p.end() + 160)
        if p and near and not _NOT_USE_RE.search(t, 0, p.start()):
            yield p.start(), p.end(), "The institution's privileges or equipment used for private ends, told in public."
            return
    if gate(t, _STUDENT_WORDS) and gate(t, _CANT_WORDS):
        c = _CANT_READ_RE.search(t)
        if c and not _someone_else_did(t, c.start()):
            yield c.start(), c.end(), "Contempt for the students you teach, told from a staff member's account."
            return
    if not gate(t, _CONDUCT_WORDS):
        return
    for m in _CONDUCT_RE.finditer(t):
        if _someone_else_did(t, m.start()):
            continue  # "my mum came to my inaugural lecture and fell asleep": not the author's conduct
        if _ALLOWANCE_RE.search(t, max(0, m.start() - 40), m.start()):
            continue  # "the workload model assumes 15 minutes per script": an allowance, not what the author did
        s, e = max(0, m.start() - 140), min(len(t), m.end() + 140)
        if _WORK_SETTING_RE.search(t, s, e) or _institution_ref(doc, cp):
            yield m.start(), m.end(), "Unprofessional conduct at work, told from a staff member's account."
            return


# A time allowance set by someone else (a workload model, a tariff) rather than the author's own haste.
_ALLOWANCE_RE = re.compile(
    r"(?<![\w])(?:assum\w+|allow(?:s|ed|ing|ance)?|allocat\w+|gives?|budget\w*|tariff|expects?)\s+(?:\w+\s+){0,3}$"
)


# The doer of the conduct when it is not the author: family, pets, guests, the audience, a third person.
_THIRD_SUBJECT_RE = re.compile(
    r"(?<![\w])(?:(?:my|our|his|her|their|the|a|an|one|some)\s+(?:\w+\s+)?(?:mum|mom|dad|mother|father|parents?|kids?|son|"
    r"daughter|partner|husband|wife|dog|cat|baby|toddler|nan|gran|granny|grandma|grandad|grandpa|audience|visitors?|"
    r"guests?|neighbou?rs?|friends?|mate|flatmate|sister|brother|uncle|aunt(?:ie)?|in-laws?)|he|she|half\s+the\s+"
    r"(?:room|audience))(?![\w])"
)
_FIRST_PERSON_RE = re.compile(r"(?<![\w])(?:i|i'?m|i'?ve|i'?d|i'?ll|me|we|we'?re|we'?ve|us)(?![\w])")


def _someone_else_did(t: str, at: int) -> bool:
    """The clause before ``at`` has a third party as its subject and no I/we: the conduct is theirs."""
    cut = max(t.rfind(c, 0, at) for c in ".!?\n;") + 1
    clause = t[cut:at]
    return _THIRD_SUBJECT_RE.search(clause) is not None and _FIRST_PERSON_RE.search(clause) is None


# Revealing what goes on inside: an insider's source ("heard it in the staff room", "I'm minuting
# it", "we've been told to stop reporting it") next to trouble (closures, redundancies, broken kit,
# a colleague's verdict on others). The institution announces its own bad news.
_INSIDER_RE = re.compile(
    r"(?<![\w])(?:heard\s+(?:it\s+)?(?:in|at|from)\s+the\s+(?:staff\s*room|canteen|corridor|meeting|kitchen)|overheard|"
    r"i'?m\s+minuting|(?:we'?ve|we\s+have|we\s+were|i\s+was|i'?ve\s+been)\s+(?:been\s+)?told\s+(?:not\s+)?to|"
    r"not\s+(?:yet\s+|officially\s+)+announced|before\s+(?:it'?s|it\s+is)\s+announced|behind\s+closed\s+doors|"
    r"off\s+the\s+record|i\s+sit\s+next\s+to|(?:in|at)\s+the\s+(?:faculty|senate|exec|board|management)\s+(?:board|meeting)|"
    r"leaked|between\s+you\s+and\s+me|don'?t\s+say\s+i\s+told\s+you|"
    # having been in the room or seen the papers; a source inside; being told to keep quiet
    r"sat\s+in\s+(?:on\s+)?(?:the|a|today'?s|this\s+\w+'?s?)\s+(?:\w+\s+){0,2}(?:meeting|board|committee|senate|panel)|"
    r"(?:i'?ve|i\s+have|i\s+just|just)\s+seen\s+the\s+(?:\w+\s+){0,2}(?:draft|numbers|figures|list|minutes|emails?|papers|"
    r"report|spreadsheet|data|plans?|proposals?|budget|memo)|seen\s+the\s+(?:real\s+)?(?:numbers|figures)|"
    r"heard\s+(?:it\s+|this\s+)?from\s+(?:a\s+friend|someone|a\s+colleague|a\s+mate|a\s+source|my\s+\w+)|"
    r"(?:you\s+)?didn'?t\s+hear\s+(?:it|this|that)\s+from\s+me|(?:as\s+someone\s+)?on\s+the\s+inside|from\s+the\s+inside|"
    r"insiders?|gossip|(?:we'?re|we\s+are|i'?m|i\s+am|staff\s+are|staff\s+have\s+been|\w+'?s\s+been|been)\s+told\s+"
    r"(?:not\s+to|to\s+keep)|keep\s+(?:it\s+)?(?:quiet|schtum|shtum|under\s+wraps)|that'?s\s+all\s+i'?(?:ll|m\s+going\s+to)\s+say|"
    r"(?:not|aren'?t|isn'?t)\s+telling\s+(?:the\s+)?(?:board|staff|students|anyone|parents|applicants|us)|"
    r"(?:haven'?t|hasn'?t|not)\s+(?:yet\s+)?told\s+(?:the\s+)?(?:staff|students|anyone|us|the\s+\w+)|"
    r"(?:the\s+)?official\s+line\s+(?:will\s+be|is)|decisions?\s+(?:was|were|has\s+been|have\s+been)\s+(?:already\s+)?made|"
    r"(?:i\s+)?(?:know\s+i\s+)?shouldn'?t\s+(?:really\s+)?(?:say|be\s+saying|tell\s+you|post|share)\s+(?:this|it|that)|"
    r"let\s+slip|a\s+little\s+bird|word\s+is|rumou?r\s+(?:is|has\s+it)|sources?\s+(?:say|tell)|grapevine|"
    r"rumou?rs?\s+(?:in|at|around|on)\s+(?:the|our|my)\s+(?:\w+\s+)?(?:is|are|has|have|says?)|"
    r"(?:nobody|no\s+one)(?:'s|\s+has)\s+officially\s+(?:said|announced|confirmed)|"
    r"(?:staff|students|parents|applicants|we|they|nobody|no\s+one|the\s+\w+)\s+(?:haven'?t|hasn'?t|have\s+not|has\s+not)\s+"
    r"(?:yet\s+)?been\s+told|"
    r"(?:someone|somebody|a\s+friend|a\s+colleague|a\s+mate)\s+(?:on|in|at|from)\s+(?:the\s+)?(?:\w+\s+){1,3}told\s+me|"
    r"(?:as\s+)?(?:someone|one)\s+who\s+sits\s+(?:on|in)\s+the|that'?s\s+all\s*[.!]?\s*$|"
    r"word\s+from\s+(?:the\s+)?\w+|insider\s+view|"
    r"(?:they'?ll|they\s+will|they\s+won'?t)\s+announce|"
    r"can'?t\s+(?:tell\s+you|say)\s+how\s+i\s+know|(?:was|were)\s+in\s+the\s+room|"
    r"(?:official\s+)?announcement\s+(?:is\s+)?(?:after|next|on|in|before|due)|(?:going\s+to|about\s+to|set\s+to)\s+announce|"
    r"(?:staff|students|they|everyone|we)\s+(?:there\s+)?(?:find|finds|will\s+find|won'?t\s+find)\s+out|"
    r"expect\s+an?\s+(?:email|announcement|letter|memo)|i'?m\s+told|people\s+(?:who'?d|who\s+would)\s+know|"
    r"(?:people|those)\s+in\s+the\s+know|not\s+out\s+(?:till|until|yet)|all\s+over\s+the\s+(?:corridor|building|"
    r"department|campus|staff\s*room|office)|just\s+heard|"
    r"already\s+(?:been\s+)?decided|draft\s+list|(?:i\s+can\s+tell\s+you|here'?s|know)\s+the\s+real\s+reason|(?:internal|leaked)\s+(?:email|memo|document|report|figures))(?![\w])"
)
_TROUBLE_RE = re.compile(
    r"(?<![\w])(?:clos(?:e|es|ed|ing|ure|ures)|redundan\w+|job\s+cuts|let\s+go|laid\s+off|severance|cuts?|cutting|ax(?:e|es|ed|ing)|"
    r"scrapp\w+|broken|deficit|"
    r"restructur\w+|dead\s+weight|sack\w*|fired|spin|cover\w*|stop\s+reporting|merg\w+|shut\w*|cowards|losing|lost|"
    r"sell(?:ing)?(?:\s+off)?|sold|down\s+(?:by\s+)?\d+|way\s+down|miss(?:ed|ing)?\s+(?:its|the|our|their)\s+\w+|"
    r"misconduct|complaint|grievance|pulled|formality|freeze|leaks?|rats|damp|mould|fraud\w*|fiddl\w+|fudg\w+|lie|lies|"
    r"lying|misleading|drop(?:ped|ping)?|collaps\w+|bust|bankrupt|insolven\w+|losses|overspen\w+|shortfall|black\s+hole|"
    r"resign\w*|pushed\s+out|suspended|investigat\w+|tribunal|record\s+year|mention\s+them|delay\w*|severance|"
    r"lose|losing|licence|voted|posts|jobs|lowered|raised\s+the\s+pass|pass\s+mark|froze|frozen|expenses|half|forecast|on\s+track|shortfall|handed\s+to|privati[sz]\w+|stop(?:ped|ping)?|leaves\s+out|left\s+out|overtime|(?:is|are)\s+going(?=\s*[.!,;]|$))(?![\w])"
)
_CLOSING_GAP_RE = re.compile(r"closing\s+the\s+(?:\w+\s+)?gap")
# The author says it is not public yet: that alone marks a leak when it concerns the institution
# (its name, trouble, or something it plans), not a tip about the best coffee on campus.
_SECRET_WORDS = gate_words(
    "allowed supposed heard hear announced officially told slip leaked quiet schtum shtum wraps tell spread share "
    "forward screenshot record last can't"
)
_SECRET_RE = re.compile(
    r"(?<![\w])(?:not\s+(?:officially\s+|really\s+|technically\s+)?(?:allowed|supposed)\s+to\s+(?:say|tell|share|post|mention)|"
    r"you\s+heard\s+it\s+(?:here|from\s+me)\s+first|(?:you\s+)?didn'?t\s+hear\s+(?:it|this|that)\s+from\s+me|"
    r"not\s+(?:yet\s+|officially\s+)+announced|before\s+(?:it'?s|it\s+is|they)\s+announced?|"
    r"(?:nobody|no\s+one|staff|students|parents|applicants)(?:'s|\s+has|\s+have|\s+haven'?t|\s+hasn'?t)?\s+(?:not\s+)?"
    r"been\s+told\s+(?:officially\s+)?(?:yet)?|"
    r"let\s+slip|leaked|keep\s+(?:it|this)\s+(?:quiet|schtum|shtum|under\s+wraps)|"
    r"(?:don'?t|do\s+not|please\s+don'?t)\s+(?:tell\s+anyone|spread\s+(?:it|this)|share\s+(?:it|this)|forward|screenshot)|"
    r"not\s+a\s+word\s+to\s+anyone|off\s+the\s+record|(?:\w+\s+)?will\s+be\s+the\s+last\s+to\s+know|"
    r"(?:officially\s+)?i\s+can'?t\s+(?:officially\s+)?(?:say|tell\s+you)\s+(?:this|that|it)(?!\s+enough))(?![\w])"
)
_PLAN_RE = re.compile(
    r"(?<![\w])(?:will|going\s+to|planning|plans?|getting|next\s+(?:week|month|year|term)|from\s+(?:next|september|"
    r"january|april)|being\s+\w+ed)(?![\w])"
)
_INSIDER_WORDS = gate_words(
    "heard overheard minuting told announced closed record sit leaked faculty senate exec board management say sat "
    "seen inside insider insiders gossip quiet schtum shtum wraps telling official decided decision decisions draft "
    "internal real shouldn't slip bird word rumour rumor sources source know room announcement announce find expect "
    "i'm people out over just sits all grapevine rumours officially been someone somebody friend colleague mate "
    "they'll they"
)


# How a leak names its own secrecy (issue 12, generalising): told in confidence or privately, a
# source inside an office, news not public or announced yet, ahead of the official announcement,
# under embargo, "keep it under your hat". With it, what the institution plans or what is going
# wrong there (PER006 then reads it as a leak); a secret about a birthday cake is not one.
_CONFIDE_RE = re.compile(
    r"(?<![\w])(?:(?:told|tells|telling|tell|heard|learned|learnt|found\s+out|shown|showed|informed|briefed|let\s+on)\s+"
    r"(?:\w+\s+){0,3}?(?:in\s+(?:strict\s+|absolute\s+|total\s+|complete\s+)?confidence|privately|confidentially|"
    r"on\s+the\s+(?:quiet|qt|q\.t\.|sly|down-?low)|in\s+secret|under\s+embargo)"
    r"|in\s+(?:strict|absolute|total|complete)\s+confidence|confidential(?:ly)?\s*(?:,|:|-|–|—|but|so)"
    r"|under\s+(?:an?\s+)?embargo|embargoed|under\s+(?:your|yer)\s+hats?|hush[-\s]hush|on\s+the\s+(?:qt|q\.t\.|down-?low)"
    r"|(?:not|isn'?t|aren'?t|nothing'?s)\s+(?:yet\s+|been\s+made\s+|even\s+)?(?:public|official|out)(?:\s+yet)?\s*(?:[.!,;:)\-–—]|$)"
    r"|(?:ahead\s+of|before)\s+(?:the\s+|any\s+|an\s+|its\s+|their\s+)?(?:official\s+|formal\s+|public\s+)?"
    r"(?:announcement|press\s+release|statement|email\s+goes\s+out)"
    r"|(?:ahead\s+of|before)\s+(?:comms|the\s+press\s+office|it\s+goes\s+public|it'?s\s+public|they\s+tell|(?:the\s+)?"
    r"(?:staff|students|people)\s+(?:are|get|have\s+been)\s+told|anyone\s+(?:is|has\s+been)\s+told)"
    r"|(?:straight|direct(?:ly)?|first[-\s]?hand)\s+from\s+(?:someone|somebody|a\s+\w+|my\s+\w+|the\s+\w+)"
    r"|(?:someone|somebody|a\s+(?:friend|mate|colleague|contact|pal|source|bird))\s+(?:\w+\s+)?(?:in|on|at|from)\s+(?:the\s+)?"
    r"(?:hr|finance|senate|council|exec\w*|registry|estates|admissions|board|governors|management|smt|vc'?s?\s+office|"
    # round 45: "someone in the office microwaved fish" is no source; "someone in the office told me" is
    r"(?!the\s+office\b)\w+'?s?\s+office|the\s+office(?=\s+(?:\w+\s+){0,2}?(?:told|tells|says|said|reckons|mentioned|"
    r"let\s+slip|whispered|confirmed|leaked|heard))|\w+\s+team)"
    r"|(?:got|had|given|get)\s+(?:the\s+|a\s+)?(?:nod|heads[-\s]up|tip[-\s]off|wink)\s+from|tipped\s+(?:me|us)\s+off"
    r"|(?:a|my)\s+(?:governor|senate|council|hr|finance|exec|board|registry|estates|admissions)\s+(?:friend|mate|contact|pal|source)"
    r"|(?:announcement|news|letters?|emails?)\s+(?:is\s+|are\s+)?due\s+(?:after|next|on|in|before)"
    r"|inside\s+(?:info|information|knowledge|track|word)|insider\s+(?:tip|info|information|knowledge)"
    r"|(?:officially\s+)?(?:still\s+)?['\"‘“]?under\s+review['\"’”]?\s+(?:lol|apparently|haha|but|though)"
    r"|(?:nobody|no\s+one|staff|students)\s+(?:knows?|has\s+been\s+told|have\s+been\s+told)\s+yet"
    r"|(?:not|n't)\s+(?:yet\s+)?been\s+(?:announced|made\s+public|confirmed\s+publicly)"
    r"|(?:press\s+release|announcement|statement|official\s+email|news)\s+(?:isn'?t|is\s+not|not|won'?t\s+be)\s+(?:out\s+)?"
    r"(?:till|until|before)"
    r"|(?:been\s+|was\s+|were\s+|i'?m\s+|we'?re\s+)?(?:asked|told)\s+not\s+to\s+(?:share|say|tell|post|mention|discuss)"
    r"|can'?t\s+say\s+(?:where|how|who)\s+(?:i|we)\s+(?:heard|know|found|got)|leaked\s+to\s+(?:me|us)"
    r"|(?:staff|students|we|they)\s+(?:are|get|will\s+be)\s+told\s+(?:on|next|after|in|at)\s)"
)
_CONFIDE_WORDS = gate_words(
    "confidence privately confidentially quiet qt sly secret embargo embargoed hat hats hush-hush hush down-low "
    "public official out announcement release statement comms told straight direct directly first-hand firsthand "
    "nod heads-up heads tip-off tip wink tipped governor senate council hr finance exec board registry estates "
    "admissions news letter letters email emails due announced asked leaked say release "
    "someone somebody friend mate colleague contact pal source bird inside insider review yet"
)
# What the institution will do or is doing: a future, a plan, an intention or a date.
_PLAN2_RE = re.compile(
    r"(?<![\w])(?:will|won'?t|'ll|going\s+to|gonna|about\s+to|set\s+to|plan(?:s|ned|ning)?\s+to|intend\w*\s+to|"
    r"(?:is|are|'s|'re)\s+(?:being\s+)?\w+(?:ing|ed)|(?:has|have)\s+decided|decided\s+to|getting\s+the\s+chop|"
    r"(?:go(?:es)?|going)\s+out|next\s+(?:week|month|term|year)|after\s+(?:easter|christmas|summer|the\s+\w+)|"
    r"(?:on|by)\s+(?:monday|tuesday|wednesday|thursday|friday)|in\s+(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)|at\s+christmas|this\s+(?:term|summer|autumn|spring|winter))(?![\w])"
)


def _confided_leak(doc: Doc, cp: CompiledPack) -> tuple[int, int] | None:
    """A secrecy marker (told in confidence, not public yet, a source in HR) with the institution's
    plans or trouble near it, or None."""
    t = doc.masked
    if not gate(t, _CONFIDE_WORDS):
        return None
    m = _CONFIDE_RE.search(t)
    if not m or ("embargo" in m.group(0) and waits_for_publication(t)):
        return None  # (an embargo the post waits for, with nothing told yet, as CIP002 reads it)
    if CONFIDENCE_MAXIM_RE.search(t, max(0, m.start() - 60), m.end()):
        return None  # round 32: "if someone tells you something in confidence at work, keep it": the rule
    s, e = max(0, m.start() - 200), min(len(t), m.end() + 200)
    if not (_TROUBLE_RE.search(t, s, e) or _PLAN2_RE.search(t, s, e)):
        return None
    if gate(t, TRIVIAL_WORDS) and _SERIOUS_RE.search(t) is None:
        return None  # "told in confidence: there's cake in the staff room on Friday"
    inst = (
        _ROLE_SUBJECT_RE.search(t, s, e)
        or _INSTITUTION_REF.search(t, s, e)
        or cp.institution_re.search(t, s, e)
        or _ROLE_BARE_RE.search(t, s, e)
        or _EMPLOYMENT_RE.search(t, s, e)
    )
    return m.span() if inst else None


# Jobs at stake name the employer by themselves ("a severance scheme landing in Sciences", "the whole
# third floor is being let go").
_EMPLOYMENT_RE = re.compile(
    r"(?<![\w])(?:severance|redundan\w+|job\s+cuts|let\s+go|laid\s+off|lay-?offs|pay\s+freeze|hiring\s+freeze|"
    r"restructur\w+|getting\s+the\s+chop|contracts?\s+(?:won'?t|will\s+not|not)\s+be\s+renewed)(?![\w])"
)


# The institution's people and units named bare, as insiders do ("HoD told us", "the course is
# being axed", "Leeds campus").
_ROLE_BARE_RE = re.compile(
    r"(?<![\w])(?:hod|hos|dean|vc|pvc|dvc|provost|registrar|principal|vice[-\s]chancellor|head\s+of\s+\w+|line\s+manager|"
    r"boss|manager|director|course|courses|programme|programmes|module|modules|campus|department|dept|faculty|"
    r"school\s+of\s+\w+|centre|center|nursery|library|halls|graduation|accreditation)(?![\w])"
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
    trivial = gate(t, TRIVIAL_WORDS) and _SERIOUS_RE.search(t) is None
    if gate(t, _SECRET_WORDS):
        m = _SECRET_RE.search(t)
        if m and "embargo" in m.group(0) and waits_for_publication(t):
            m = None  # an embargo the post waits for, with nothing told yet (as CIP002 reads it)
        if m and m.group(0) == "leaked" and harmless_leak(doc):
            m = None  # round 45: "my leak-proof water bottle has leaked all over my bag"
        if m:
            s, e = max(0, m.start() - 160), min(len(t), m.end() + 160)
            trouble = _TROUBLE_RE.search(t, s, e) or _PLAN_RE.search(t, s, e)
            # "off the record, our departmental cat is the real Head of School": a joke about cats,
            # cake or coffee is not internal news, unless trouble or a plan is told with it
            if trouble or (_institution_ref(doc, cp) and not trivial):
                yield m.start(), m.end(), "Internal matters passed on before the institution has said them."
                return
    c = _confided_leak(doc, cp)
    if c:
        yield (
            c[0],
            c[1],
            "News shared in confidence or before it is public, about the institution's plans or troubles.",
            "Do not pass on what you were told in confidence or before it is announced; wait for the "
            "official announcement, and raise concerns with your manager or union.",
        )
        return
    u = _unpublished_leak(doc)
    if u:
        yield (
            u[0],
            u[1],
            "Internal news passed on with a sign that it is not public yet (from a meeting, a draft, a source).",
            "Do not pass on what is not public yet; wait for the official announcement and share that, and "
            "raise concerns with your manager or union.",
        )
        return
    if not gate(t, _INSIDER_WORDS):
        return
    m = _INSIDER_RE.search(t)
    if not m:
        return
    if m.group(0).startswith("leak") and harmless_leak(doc):
        return  # round 45: a bottle's leak, a TV show's leaked plot
    s, e = max(0, m.start() - 160), min(len(t), m.end() + 160)
    if trivial and all(_MOCK_TROUBLE_RE.fullmatch(x.group(0)) for x in _TROUBLE_RE.finditer(t, s, e)):
        return  # "gossip from the staff kitchen: someone's stealing the biscuits, investigation ongoing"
    if _TROUBLE_RE.search(t, s, e) and not _CLOSING_GAP_RE.search(t):
        yield m.start(), m.end(), "Internal matters passed on from inside, before the institution has said them."


_SERIOUS_RE = re.compile(
    r"(?<![\w])(?:jobs?|posts|redundan\w+|cuts?|cutting|clos(?:e|es|ed|ing|ure)|shut\w*|merg\w+|restructur\w+|deficit|"
    r"budget|pay|salar\w+|sack\w*|fired|suspend\w*|misconduct|grievance|tribunal|fraud\w*|resign\w*|contracts?|"
    r"exams?|marks|grades?|results|students'?|applicants|offers?|fees|vc|vice[-\s]chancellor|dean|provost|registrar|"
    r"senate|council|governors|exec|management|hr|strike|ballot|union|pension\w*|funding|grant|bid|scores?|"
    r"league\s+tables?|ranking\w*|%|£)(?![\w])"
)
# Trouble words a joke about the biscuits can hold ("investigation ongoing", "stolen", "lost").
_MOCK_TROUBLE_RE = re.compile(
    r"investigat\w+|lost|losing|lose|broken|stop(?:ped|ping)?|drop(?:ped|ping)?|half|leaks?|delay\w*|pulled|"
    r"missing|cover\w*|sold|sell(?:ing)?(?:\s+off)?"
)


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
    r"(?:\w+\s+)?(?:gets?\s+in|(?:an?\s+|your\s+)?(?:\w+\s+)?(?:place|offer|refund|extension|waiver|deposit))"
    r"|(?:excited|pleased|proud|delighted|happy|thrilled)\s+to\s+announce\s+that\s+" + _INST_NOUN + r")(?![\w])"
)


# Claiming the institution's voice outright: speaking/writing for or on behalf of it (not "I can't
# speak for the university"), stating its "official position", or telling people to skip its
# official routes ("no need to ask admissions", "ignore the attendance emails").
_FOR_INST = (
    r"(?:(?:all|everyone|everybody|each|(?:my\s+|our\s+)?colleagues|all\s+of\s+us|us)\s+(?:of\s+us\s+)?(?:in|at)\s+)?(?:the\s+|my\s+|our\s+)?(?:whole\s+|entire\s+)?"
    r"(?:\w+\s+){0,2}(?:university|uni|department|dept|school|faculty|college|"
    r"institution|senate|management|leadership)"
)
_BEHALF_RE = re.compile(
    r"(?<![\w])(?:(?:speaking|talking|writing|posting|answering)\s+(?:here\s+)?(?:for|on\s+behalf\s+of)\s+"
    + _FOR_INST
    # round 18 (M1): "Speaking as St Aldric's College, our official position is ...": the institution's
    # voice, then "we"/"our" (not "speaking as a university lecturer", one's own capacity)
    + r"|(?:speaking|talking|writing|posting|answering)\s+(?:here\s+)?as\s+(?!an?\s)(?:the\s+)?(?:[\w'’]+\s+){0,3}?"
    r"(?:university|uni|college|institution|department|dept|school|faculty)(?:\s+of\s+[\w'’]+)?"
    r"(?=\s*[,:;–—-]?\s*(?:we|our)\b)"
    + r"|on\s+behalf\s+of\s+(?:everyone\s+at\s+|all\s+of\s+us\s+at\s+)?"
    + _FOR_INST
    + r"|on\s+(?:the\s+|our\s+|my\s+)?(?:\w+\s+)?(?:uni(?:versity)?|department|dept|school|faculty|college|institution|"
    r"management|senate|leadership)'?s\s+behalf"
    + r"|(?:(?:writing|speaking|posting|talking)\s+(?:this\s+|here\s+)?as|i'?m|i\s+am|me,?)\s+"
    r"(?:the\s+|a\s+|an\s+|your\s+)?(?:\w+'?s?\s+)?(?:unofficial\s+|self-appointed\s+)?(?:spokes(?:person|man|woman)|mouthpiece)"
    r"|(?:as|i'?m|i\s+am)\s+the\s+(?:official\s+)?voice\s+of|officially\s+(?:confirming|announcing|speaking)\s+for\s+\w+"
    r"|(?:the|our|my)\s+(?:uni(?:versity)?|department|dept|school|faculty|college)'?s?\s+official\s+(?:position|line|view|stance|policy|"
    r"answer)\s+is|(?:i\s+can|let\s+me)\s+(?:tell|say|confirm)\s+(?:you\s+)?officially|officially\s+(?:confirm|tell\s+you)"
    r"|no\s+need\s+to\s+(?:ask|contact|email|go\s+through|apply\s+(?:to|through)|bother|wait\s+for)\s+(?:the\s+)?(?:admissions|"
    r"registry|exams?\s+office|student\s+services|official|finance|hr|office|faculty|department|school)"
    r"|(?:ignore|don'?t\s+bother\s+with)\s+(?:the|your)\s+(?:\w+\s+){0,2}(?:attendance|official|uni'?s?|university'?s?|"
    r"admissions|registry|offer|entry)\s*(?:\w+\s+){0,1}(?:emails?|letters?|rules?|process|policy|registers?|warnings?|"
    r"deadlines?|forms?|conditions|requirements))(?![\w])"
)
_NOT_FOR_RE = re.compile(
    r"(?:not|n'?t|never|cannot|can'?t|don'?t|no\s+longer|unofficially\s+and\s+not)\s+(?:\w+\s+){0,2}$"
)
# An assurance ("I can confirm", "you have my word", "trust me") plus what only the institution can
# decide ("the uni will accept / waive / refund / not be closing ..."), unless relayed from an
# official source ("announced today", "the official email").
_ASSURE_RE = re.compile(
    r"(?<![\w])(?:i\s+can\s+(?:confirm|assure|promise|guarantee|tell)|i\s+(?:promise|guarantee|assure\s+you)|i'?ll\s+sort\s+it|"
    r"not\s+(?:formally|officially|yet)\s+(?:approved|agreed|signed\s+off|announced)|"
    r"you\s+have\s+my\s+word|take\s+it\s+from\s+me|trust\s+me|don'?t\s+worry|rest\s+assured|officially|definitely|"
    r"100\s*%|i'?ll\s+make\s+sure|don'?t\s+panic|no\s+need\s+to\s+(?:worry|panic)"
    r"|i'?ve\s+(?:already\s+)?(?:told|asked|emailed|spoken\s+to|had\s+a\s+word\s+with|sorted\s+it\s+with)\s+(?:the\s+)?"
    r"(?:finance|admissions|registry|hr|estates|accommodation|exams?\s+office|(?:\w+\s+)?office|dean|head\s+of\s+\w+)"
    r"|(?:all\s+|it'?s\s+)?sorted\s*(?:[.!\U0001f44d]|$))(?![\w])"
)
_INST_WILL_RE = re.compile(
    r"(?<![\w])(?:(?:the\s+|our\s+|my\s+)?(?:uni(?:versity)?|department|dept|school|faculty|college|admissions)\s+"
    r"(?:will|'ll|won'?t|will\s+not|are\s+going\s+to|is\s+going\s+to|always|do|does)\s+(?:definitely\s+|certainly\s+|happily\s+)?"
    r"(?:not\s+)?(?:be\s+)?(?:lets?\s+(?:people|anyone|everyone|students|you)|accept\w*|admit\w*|tak(?:e|ing)\s+(?:you|your|him|her|them)|let\s+(?:you|your|him|her|them)|clos\w+|"
    r"waiv\w+|drop\w*|extend\w*|giv\w+|offer\w*|pay\w*|cover\w*|refund\w*|fund\w*|reimburs\w+|match\w*|cancel\w*|"
    r"lower\w*|reduc\w+|freez\w+|rais\w+)"
    r"|(?:anyone|everyone|you|applicants|students)\s+(?:who\s+(?:\w+\s+){1,4})?(?:(?:will|'ll)\s+)?(?:definitely\s+)?(?:get|gets|receive|"
    r"receives|be\s+(?:offered|given|accepted))\s+(?:an?\s+|your\s+)?(?:\w+\s+)?(?:offer|place|refund|scholarship|extension|bursary)"
    r"|(?:accommodation|halls|fees?|results|marks|campus|course|module|exams?|deposits?|refunds?|visas?|offers?|places?|"
    r"appeals?|extensions?|requests?|applications?|resits?|complaints?|claims?|grades?|deadlines?|placements?|fines?)\s+"
    r"(?:will|'ll|won'?t|will\s+not)\s+(?:definitely\s+|certainly\s+)?(?:be|go|stay|open|close|rise|come)"
    r"|there\s+(?:will|'ll)\s+(?:definitely\s+)?(?:be\s+)?no\s+(?:\w+\s+){0,2}(?:rise|increase|cuts?|redundanc\w+|strikes?|"
    r"exams?|closures?|changes?|fees?))(?![\w])"
)
_RELAY_RE = re.compile(
    r"(?<![\w])(?:(?<!not\s)(?<!not\syet\s)(?<!not\sofficially\s)(?<!not\sformally\s)announced|official\s+(?:email|statement|channels?|page|website|site|announcement)|press\s+release|"
    r"according\s+to|confirmed\s+by\s+(?!me)|(?:the\s+)?(?:vc|dean|registrar)\s+(?:said|says|announced|confirmed)|just\s+came\s+round|"
    r"whether|wondering|does\s+anyone\s+know|check\s+the)(?![\w])"
)
_SPEAK_WORDS = gate_words(
    "behalf speaking talking writing posting answering official officially need ignore bother confirm assure promise "
    "guarantee word trust worry assured definitely 100 make spokesperson spokesman spokeswoman mouthpiece tell sort "
    "formally there voice panic i've sorted"
)


def _asked_or_relayed(t: str, start: int) -> bool:
    """The words at ``start`` are a question someone asked or news relayed from an official source
    ("asked if the uni will refund ...", "Does anyone know whether ...", "... announced today")."""
    s = max(t.rfind(".", 0, start), t.rfind("!", 0, start), t.rfind("?", 0, start), t.rfind("\n", 0, start)) + 1
    e = min((i for i in (t.find(".", start), t.find("?", start), t.find("!", start)) if i >= 0), default=len(t))
    return t[e : e + 1] == "?" or _ASKED_RE.search(t, s, start) is not None or _RELAY_RE.search(t) is not None


_ASKED_RE = re.compile(r"(?<![\w])(?:asked|asks|asking|if|whether|wondering|wonder|know)(?![\w])")


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
    msg = "A promise or announcement made for the institution from a personal account."
    own = _OWN_STATEMENT_RE.search(t) if gate(t, _OWN_STATEMENT_WORDS) else None
    if own is None and "announce" in t:
        own = next(
            (
                m
                for n in cp.institution_re.finditer(t)
                if (m := _PROUD_RE.match(t, n.end()))
                and not _QUOTED_BEFORE_RE.search(t, max(0, n.start() - 20), n.start())
            ),
            None,
        )
    if own is not None:
        yield (
            own.start(),
            own.end(),
            "The institution's statement or announcement given in its own voice from a personal account.",
            "Leave statements and announcements to the institution's official channels; share or link to "
            "them once they are out.",
        )
        return
    if gate(t, _VOICE_WORDS):
        v = _VOICE_RE.search(t)
        if (
            v
            and not _NOT_FOR_RE.search(t, max(0, v.start() - 30), v.start())
            and not _NEG_IN_RE.search(v.group(0))  # "I can't promise offers, but I can tell you ..."
            and not _UNION_RE.search(v.group(0))
        ):
            yield (
                v.start(),
                v.end(),
                "Speaking in the institution's name (its role, its 'we', on its behalf) from a personal account.",
                "Leave statements for the institution to its official channels; say what you think as yourself "
                "('I support ...'), or link to its statement.",
            )
            return
        d = _DENIES_FOR_RE.search(t) if "at" in t else None
        if d is not None and not _UNION_RE.search(d.group(0)):
            yield (
                d.start(),
                d.end(),
                "Speaking in the institution's name (its 'we') from a personal account.",
                "Leave statements and corrections to the press office; say what you know as yourself, or link "
                "to its statement.",
            )
            return
    rv = _role_voice(doc)
    if rv:
        yield (
            rv[0],
            rv[1],
            "Deciding or promising for the institution from a personal account, in the name of your office.",
            "Leave decisions and promises to the institution's official channels; as yourself say 'I expect' "
            "or 'I hope', and point people to the office or page that decides.",
        )
        return
    a = _announced_for(doc, cp)
    if a:
        yield (
            a[0],
            a[1],
            "Announcing or confirming the institution's decisions in its name from a personal account.",
            "Leave announcements to the institution's official channels; link to its statement when it is "
            "out, or say 'I understand that ...' and point people to the office that decides.",
        )
        return
    if "will" in t or "'ll" in t or "consider" in t or "announce" in t:
        m = _PROMISE_RE.search(t)
        if m and not _asked_or_relayed(t, m.start()):
            yield m.start(), m.end(), msg
            return
        for nm in cp.institution_re.finditer(t):  # the pack's own names ("Example University will ...")
            tail = _PROMISE_TAIL_RE.match(t, nm.end())
            if tail and not _asked_or_relayed(t, nm.start()):
                yield nm.start(), tail.end(), msg
                return
    if not gate(t, _SPEAK_WORDS):
        return
    for m in _BEHALF_RE.finditer(t):
        if not _NOT_FOR_RE.search(t, max(0, m.start() - 30), m.start()):
            yield m.start(), m.end(), "Speaking for the institution from a personal account."
            return
    a = _ASSURE_RE.search(t)
    if a and not _RELAY_RE.search(t):
        for w in _INST_WILL_RE.finditer(t):
            if abs(w.start() - a.start()) <= 120:
                yield w.start(), w.end(), msg
                return


# The institution's own statement given by the author (round 9): "The university statement, from me since
# comms are slow: ...", "Our department's update, straight from me: ...", or its press-release voice
# after its name ("Example University is proud to announce ...") not quoted or retweeted.
_OWN_STATEMENT_WORDS = gate_words("statement announcement update position decision")
_OWN_STATEMENT_RE = re.compile(
    r"(?<![\w])(?:the|our|my)\s+(?:uni(?:versity)?|department|dept|school|faculty|college|institution)'?s?\s+"
    r"(?:official\s+)?(?:statement|announcement|update|position|decision)\s*,?\s*(?:straight\s+|direct(?:ly)?\s+)?from\s+me(?![\w])"
)
_PROUD_RE = re.compile(
    r"\s+(?:is|are)\s+(?:very\s+|so\s+)?(?:proud|pleased|delighted|thrilled|excited|happy)\s+to\s+(?:announce|confirm)(?![\w])"
)
_QUOTED_BEFORE_RE = re.compile(r"[\"“‘']\s*$|(?<![\w])(?:rt|via|quote|quoting|retweet\w*|shared)\b[^.!?]*$")


# The institution's voice taken by construction (issue 12, E/G): a role with an office in it, then a
# first-person confirmation ("As Head of Admissions I can confirm", "I'm the head of comms at GCU, and
# yes, I can confirm", "as the university's press officer ... I can tell you"); "on behalf of" or
# "speaking for everyone at" a named university; "we at <university> support/oppose/condemn". A union
# branch or society speaking as itself is not the institution.
_OFFICE = (
    r"(?:head|director|dean|officer|tutor|lead|leader|manager|chair|principal|registrar|provost|comms|communications|"
    r"office|spokes(?:person|man|woman)|press|admissions|vc|pvc|secretary|convener|convenor)"
)
# The units a staff member may speak for only with their authority (round 21)
_UNIT = (
    r"(?:office|school|department|dept|faculty|team|unit|centre|center|library|lab|university|uni|college|services?|"
    r"registry|admissions|finance|estates|careers)"
)
_VOICE_RE = re.compile(
    r"(?<![\w])(?:(?:(?:(?:speaking|writing|posting)\s+)?as|i'?m|i\s+am)\s+(?:the\s+|a\s+|an\s+|your\s+)?(?:[\w'’&-]+\s+){0,6}?"
    + _OFFICE
    + r"(?:'?s)?(?![\w])[^.!?]{0,80}?(?<![\w])i\s+can\s+(?:now\s+|also\s+|officially\s+)?"
    r"(?:confirm|tell\s+you|announce|assure\s+you|promise)"
    r"|on\s+behalf\s+of\s+(?:everyone\s+at\s+|all\s+(?:of\s+us\s+)?at\s+|the\s+whole\s+)?"
    + _UK_HE
    + r"|(?:speaking|talking|writing)\s+(?:here\s+)?for\s+(?:everyone|everybody|all\s+of\s+us|us\s+all|all)\s+at\s+"
    + _UK_HE
    + r"|we\s+(?:here\s+)?at\s+(?:the\s+)?(?:[\w'-]+\s+){0,6}?(?:"
    + _UK_HE
    # round 20 (P3): "We at @HarlowUni are fully behind the strike": the institution's own handle
    + r"|@\w*(?:uni|university|college)\w*)[^.!?]{0,40}?(?<![\w])(?:support|supports|oppose|back|condemn|stand\s+with|"
    r"stand\s+in\s+solidarity|call\s+on|welcome|reject|endorse|apologi[sz]e|boycott|(?:are|is)\s+(?:\w+\s+)?behind)"
    # round 20e (P4): "Greyfriars' position on the assisted dying bill is clear: we support it"
    r"|[\w'’-]+['’]s?\s+(?:official\s+)?position\s+on\b[^.!?]{0,80}?\bis\s+clear\s*:\s*we\b"
    # round 21 (P5, P6): a unit's vote given for it ("from all of us in the Research Office at Glenmoor: vote Green",
    # "Vote Green on Thursday from all of us in the School of Biological Sciences"), the institution said to back
    # one's own candidacy, a service's answer given as final, and "We at Brackenfield did NOT cut ..." to the press
    r"|from\s+(?:all\s+of\s+us|everyone|all)\s+(?:here\s+)?(?:in|at)\s+(?:the\s+)?(?:[\w'&-]+\s+){0,5}?" + _UNIT
    + r"\b[^.!?]{0,80}?\bvote\s+\w+|\bvote\s+\w+\b[^.!?]{0,40}?\bfrom\s+(?:all\s+of\s+us|everyone|all)\s+(?:here\s+)?"
    r"(?:in|at)\s+(?:the\s+)?(?:[\w'&-]+\s+){0,5}?" + _UNIT + r"\b"
    r"|(?:university|uni|college)\s+(?:is|are|'s)\s+(?:fully\s+|officially\s+)?(?:backing|supporting|endorsing|behind)\s+"
    r"my\s+(?:run|campaign|candidacy|bid|election)"
    r"|the\s+(?:[\w'&-]+\s+){0,3}?" + _UNIT + r"(?:['’]s)?\s+(?:answer|position|line)\s+"
    r"(?:to\s+that\s+|on\s+(?:this|that)\s+)?is\s*[:,]?\s*(?:no|yes|that|we)\b"
    r")(?![\w])"
)
# ... and its denial given to the press in its 'we' ("We at Brackenfield did NOT cut the nursing degree"):
# the negation is the statement, so _NEG_IN_RE does not clear it
_DENIES_FOR_RE = re.compile(
    r"(?<![\w])we\s+at\s+[\w'-]+\s+(?:did\s+not|didn'?t|have\s+not|haven'?t|are\s+not|aren'?t|will\s+not|won'?t|never)\s+"
    r"(?:\w+\s+)?(?:cut|close|closed|axe|axed|scrap|scrapped|shut|drop|dropped|sack|sacked)(?![\w])"
)
_NEG_IN_RE = re.compile(r"(?<![\w])(?:not|never|cannot|can'?t|won'?t|don'?t)(?![\w])")
_VOICE_WORDS = gate_words(
    "as i'm i am behalf speaking talking writing we vote backing supporting endorsing answer position line"
)
_UNION_RE = re.compile(r"(?<![\w])(?:ucu|unison|unite|eis|union|branch|society|soc|su|guild|association)(?![\w])")


# Announcing for the institution (issue 12, generalising): a first-person act of confirming or
# announcing ("I'm confirming it", "I can confirm", "official word from me", "I'm announcing it here
# before comms") with the institution's decision as its content ("the university will ...", "our
# department has decided ...", "the University's position is ..."), or acting "on its behalf" where
# the institution is named. Asked questions and relayed official news stay fine.
_ANNOUNCE_RE = re.compile(
    r"(?<![\w])(?:(?:i'?m|i\s+am)\s+(?:\w+\s+)?(?:confirming|announcing|revealing)|i\s+can\s+(?:now\s+|officially\s+|also\s+)?"
    r"(?:confirm|announce|reveal)|(?:official|formal)\s+word\s+from\s+me|let\s+me\s+(?:officially\s+)?(?:confirm|announce)|"
    r"(?:pleased|happy|proud|delighted|excited|thrilled)\s+to\s+(?:confirm|announce)|i\s+(?:hereby\s+)?(?:confirm|announce)"
    r"|on\s+its\s+behalf|official\s+decision\s*[,.;:—–-]|(?:it'?s|that'?s)\s+official(?:\s+from\s+me)?\s*[,.;:!]"
    r"|(?:speaking|confirming|announcing)\s+(?:\w+\s+)?(?:as|for)\s+(?:the\s+)?(?:programme|course|module|"
    r"admissions|school|department|faculty)\s+(?:lead|leader|director|head|tutor)"
    # an office's header (issue 12, round 5): "Official update from the Department of Physics at X:",
    # "Statement from the Faculty of Arts:", "OFFICIAL: The University of Stirling is cancelling ..."
    r"|(?P<hdr>(?:official\s+)?(?:update|statement|announcement|notice|message)\s+from\s+(?:the\s+)?(?:[\w'&-]+\s+){0,5}?"
    r"(?:department|dept|school|faculty|university|uni|college|institute|office|directorate|executive|registry|centre)"
    r"(?:\s+of\s+[\w'-]+(?:\s+(?:and|at)\s+[\w'-]+)?)?\s*[:—–-]|^\s*official\s*[:—–-]))(?![\w])"
)
_ANNOUNCE_WORDS = gate_words(
    "confirming announcing revealing confirm announce reveal word behalf speaking official update statement "
    "announcement notice message decision"
)
_INST_DECIDES_RE = re.compile(
    r"(?<![\w])(?:(?:the|our|my)\s+)?(?:uni(?:versity)?|department|dept|school|faculty|college|institution|management|"
    r"senate|council|governors)(?:'?s)?\s+(?:(?:official\s+)?(?:position|line|stance|decision|plan)\s+is|"
    r"(?:will|won'?t|'ll|is\s+going\s+to|are\s+going\s+to|has\s+decided|have\s+decided|is\s+to|is\s+officially|"
    r"are\s+officially|(?:is|are)\s+(?:now\s+|formally\s+)?(?:dropping|closing|cutting|scrapping|boycotting|refunding|"
    r"cancelling|suspending|withdrawing|selling|merging|ending|introducing|abolishing|waiving|freezing|raising|lowering)))"
    r"|" + _UK_HE + r"\s+(?:is|are|has|will)\s+(?:now\s+|formally\s+|officially\s+)?(?:be\s+)?"
    r"(?:dropping|closing|cutting|scrapping|cancelling|suspending|withdrawing|merging|ending|abolishing|freezing|closed|cancelled|suspended)"
    r"|(?:we|we'?ll|we\s+will|we\s+won'?t|we'?ve|we\s+have|we'?re|we\s+are)\s+(?:officially\s+|formally\s+|now\s+)?"
    r"(?:decided|dropping|closing|cutting|scrapping|boycotting|refunding|cancelling|suspending|withdrawing|"
    r"not\s+be|be\s+\w+ing|going\s+to)(?![\w])"
)


def _announced_for(doc: Doc, cp: CompiledPack) -> tuple[int, int] | None:
    """A first-person confirmation or announcement of the institution's decision, or None."""
    t = doc.masked
    if not gate(t, _ANNOUNCE_WORDS):
        return None
    for a in _ANNOUNCE_RE.finditer(t):
        if _NOT_FOR_RE.search(t, max(0, a.start() - 30), a.start()):
            continue  # "I can't confirm ...", "I'm not announcing anything"
        s, e = max(0, a.start() - 160), min(len(t), a.end() + 160)
        d = _INST_DECIDES_RE.search(t, s, e) or next(
            (n for n in cp.institution_re.finditer(t, s, e) if _PROMISE_TAIL_RE.match(t, n.end())), None
        )
        if d is None:
            continue
        if (
            d.group(0).startswith("we")
            and not a.group("hdr")
            and not _INSTITUTION_REF.search(t)
            and not cp.institution_re.search(t)
        ):
            continue  # "we" is the institution only where the post names it
        if _asked_or_relayed(t, d.start()):
            continue
        return min(a.start(), d.start()), max(a.end(), d.end())
    return None


# --- Structure before phrasing (issue 12, round 6) ---------------------------------------------------
# Held-back posts missed by the rules above were mostly the same few shapes in new words, so these
# detectors read the shape: WHO speaks (the first person with an office: "as Programme Leader",
# "I sit on Senate", a sign-off "— Dr X, Director of Teaching", "as a university we"), WHAT is said
# (a decision or promise only the institution can make; news marked as not public; the institution's
# name used to sell or campaign; private or demeaning detail) and ABOUT WHOM (one's own students,
# tutees, colleagues, head of department). Each part is a small closed class (offices, bodies,
# relations, sensitive states), not a list of sentences; every rule gates on cheap tokens first.

_OFFICE2 = (
    r"(?:head|heads|director|dean|deputy\s+dean|hos|hod|chair|convenor|convener|registrar|provost|pvc|dvc|vc|"
    r"vice[-\s]chancellor|principal|secretary|spokes(?:person|man|woman)|press\s+officer|"
    r"(?:programme|program|course|module|admissions|year|exams?|senior)\s+(?:leader|lead|director|tutor|officer|manager)|"
    r"admissions\s+tutor|director\s+of\s+\w+(?:\s+\w+)?)"
)
# The author placing themself in an office or an internal body.
_ROLE_CLAIM_RE = re.compile(
    r"(?<![\w])(?:(?:in\s+my\s+(?:role|capacity)\s+as|(?:speaking|writing|posting)\s+as|my\s+(?:decision|call)\s+as|"
    r"(?<!such\s)as|i['’]?m|i\s+am)\s+(?:the\s+|a\s+|an\s+|your\s+|our\s+)?(?:new\s+|acting\s+|interim\s+)?"
    r"(?:uni(?:versity)?['’]?s?\s+|school['’]?s\s+|faculty['’]?s\s+)?" + _OFFICE2 + r"(?![\w])"
    r"|i\s+(?:sit|serve)\s+on\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:senate|council|court|governors|governing\s+body|"
    r"(?<!editorial\s)(?<!organising\s)(?<!programme\s)committee|exec\w*|smt|exam(?:ination)?\s+board|board\s+of\s+governors)"
    r"|i\s+chair\s+(?:the\s+)?(?:\w+\s+){0,2}(?:committee|board|panel|group)"
    r"|as\s+(?:an?|the)\s+(?:university|uni|department|dept|school|faculty|institution|college)\s*,?\s+we"
    r"|we\s*,?\s+(?:as\s+)?(?:an?|the)\s+(?:university|uni|department|dept|school|faculty|institution|college)\s*,"
    r"|(?:^|\n)\s*[—–-]{1,2}\s*(?:dr\.?\s+|prof\.?\s+|professor\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}\s*,\s*"
    + _OFFICE2
    + r")(?![\w])"
)
# Every alternative names an office, a body sat on, or the institution itself: that token is the gate
# (first-person words like "as" and "I" are in almost every post).
_ROLE_WORDS = gate_words(
    "sit serve chair head heads director dean hos hod registrar provost pvc dvc vc vice-chancellor principal secretary "
    "spokesperson spokesman spokeswoman convenor convener leader lead tutor officer manager university uni department "
    "dept school faculty institution college"
)
# What only the institution can decide or promise: its "we" acting, its bodies deciding, its courses,
# offers and campuses changing, said as settled ("will", "won't", "have decided", "guarantee").
_INST_ACT_RE = re.compile(
    r"(?<![\w])(?:we(?:\s*,\s*(?:as\s+)?(?:an?|the)\s+[\w-]+\s*,)?(?:['’]ll|['’]ve|['’]re|['’]d|\s+will|\s+won['’]t|\s+will\s+not|\s+would|"
    r"\s+have|\s+are|\s+do|\s+can)?\s+(?:(?:officially|formally|now|definitely|all|not|also|no\s+longer|sincerely|truly)\s+)*"
    r"(?:(?:want|wish|like)\s+to\s+(?:apologi[sz]e|reassure|assure|confirm|announce|clarify|say\s+sorry)|apologi[sz]\w*|regret\w*|"
    r"decided|guarantee\w*|be\s+\w+ing|accept\w*|offer\w*|admit\w*|clos\w+|cut\w*|drop\w*|stop\w*|scrap\w*|"
    r"condemn\w*|support\w*|back\w*|oppose\w*|stand\w*|reject\w*|endorse\w*|refund\w*|waiv\w+|lower\w*|rais\w+|"
    r"reduc\w+|freez\w+|merg\w+|launch\w*|introduc\w+|cancel\w*|suspend\w*|reopen\w*|open\w*|fund\w*|"
    r"report\w*|run\w*|recruit\w*|tak\w+|keep\w*|guarantee\w*)"
    r"|(?:i['’]?m|i\s+am)\s+(?:now\s+)?(?:guaranteeing|promising|confirming|announcing|approving|cancelling|closing)"
    r"|i\s+can\s+(?:now\s+|officially\s+)?(?:confirm|promise|guarantee|assure)"
    r"|(?:the\s+|our\s+|this\s+)?(?:library|campus|course|programme|module|department|school|faculty|institution|university|"
    r"uni|lectures?|exams?|offers?|fees?|tariff|entry\s+requirements?|timetable)\s+(?:will|won['’]t|will\s+not|"
    r"is\s+going\s+to|are\s+going\s+to|(?:is|are)\s+(?:now\s+)?(?:not\s+)?(?:\w+ing))"
    r"|no\s+\d+\s*(?:am|pm)\s+\w+|(?:ignore|never\s+mind)\s+(?:what\s+)?(?:the\s+)?(?:website|prospectus|official|admissions|"
    r"registry)|email\s+me\s+directly)(?![\w])"
)
_RELAYED_RE = re.compile(
    r"(?<![\w])(?:(?<!not\s)(?<!not\syet\s)(?:published|announced|press\s+release|now\s+public|is\s+online|"
    r"went\s+out|on\s+the\s+website|see\s+the\s+(?:course\s+)?(?:page|website)|details\s+on)"
    r"|(?:i|we)\s+(?:think|believe|feel|would\s+argue|['’]d\s+argue)|in\s+my\s+view|my\s+view)(?![\w])"
)


# Tokens one of the decision's alternatives needs ("we", a modal, "guaranteeing", "ignore", "email").
_ACT_WORDS = gate_words("we we'll we've we're will won't i'm am can is are ignore never email no")


def _role_voice(doc: Doc) -> tuple[int, int] | None:
    """An office the author holds (or an internal body they sit on) and, within the same or the next
    sentence, a decision or promise in the institution's name; not where the decision is relayed
    from a published source or offered as the author's opinion."""
    t = doc.masked
    if not gate(t, _ROLE_WORDS) or not gate(t, _ACT_WORDS):
        return None
    for r in _ROLE_CLAIM_RE.finditer(t):
        if _NOT_FOR_RE.search(t, max(0, r.start() - 30), r.start()):
            continue
        s, e = max(0, r.start() - 160), min(len(t), r.end() + 160)
        a = _INST_ACT_RE.search(t, s, e)
        if a is None or _RELAYED_RE.search(t) or _UNION_RE.search(t, s, e):
            continue
        lo, hi = min(r.end(), a.start()), max(r.end(), a.start())
        if _NEG_IN_RE.search(t, lo, hi):
            continue  # "As an admissions tutor I can't promise offers, but ..."
        return min(r.start(), a.start()), max(r.end(), a.end())
    return None


# Campaigning in the institution's name: the university said to back a party or candidate, a
# candidate standing as the university's, "vote for X ... a friend of the university".
_POLITICAL = (
    r"(?:candidate|party|councillor|mp|mayor|election|by-election|labour|tory|tories|conservatives?|lib\s*dems?|"
    r"liberal\s+democrats?|greens?|green\s+party|reform|snp|plaid|independent)"
)
_CAMPAIGN_RE = re.compile(
    r"(?<![\w])(?:(?:the|our|my|this)\s+(?:uni(?:versity)?|institution|department|school|faculty|college)"
    r"(?:\s+of\s+\w+)?\s+(?:(?:fully|proudly|officially|strongly|wholeheartedly)\s+)?(?:backs|endorses|supports|"
    r"is\s+backing|is\s+endorsing|is\s+supporting|stands\s+behind)\s+(?:\w+\s+){0,4}?"
    + _POLITICAL
    + r"|(?:standing|running)\s+(?:for\s+\w+\s+)?as\s+(?:the\s+)?(?:[\w'’]+\s+){0,4}?(?:uni(?:versity)?|college)"
    r"(?:\s+of\s+\w+)?['’]?s?\s+(?:own\s+)?candidate"
    r"|vote\s+for\s+(?:me\s+and\s+)?(?:the\s+)?(?:uni(?:versity)?|college)"
    r"|vote\s+(?:for\s+)?\w+[^.!?]{0,60}friend\s+of\s+(?:the|our)\s+(?:uni(?:versity)?|campus|college))(?![\w])"
)
_CAMPAIGN_WORDS = gate_words(
    "candidate party councillor mp mayor election by-election vote labour tory tories "
    "conservative conservatives greens green reform snp plaid independent"
)


@rule(
    "PER008",
    "name-for-personal-ends",
    "personal-use",
    "warn",
    clauses.BRAND,
    "Selling, endorsing or campaigning with the institution's name, logo or backing from a personal "
    "account makes the institution look like a party to it; only the brand policy can allow that.",
    "Sell or campaign as yourself: leave out the university's name, logo and any claim that it backs "
    "you (e.g. 'my own business, not connected with my employer').",
    [
        Example(
            "Check out my new consultancy! Backed by the University of Northshire, logo attached. DM me for rates.",
            True,
            account="personal",
        ),
        Example(
            "Our university supports the Green Party candidate in this by-election. Vote!", True, account="personal"
        ),
        Example(
            "Launching my new book, published by Oxford University Press, out in March!", False, account="personal"
        ),
        Example("I'm standing as a councillor in Heaton ward, a personal campaign.", False, account="personal"),
    ],
    accounts=("personal",),
)
def name_for_personal_ends(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    """The institution's name or backing attached to something the author sells, or to a campaign."""
    t = doc.masked
    toks = token_set(t)
    if not _CAMPAIGN_WORDS.isdisjoint(toks):
        c = _CAMPAIGN_RE.search(t)
        if c:
            yield (
                c.start(),
                c.end(),
                "A political campaign put in the institution's name from a personal account.",
                "Campaign as yourself: say who you support without saying the university backs them, and "
                "leave its name out of the appeal.",
            )
            return
    if not _POSITION_WORDS.isdisjoint(toks) and not _PAID_WORDS.isdisjoint(toks):
        m = _POSITION_FOR_GAIN_RE.search(t)
        if m:
            yield (
                m.start(),
                m.end(),
                "A post at the institution, or its time or students, used for private gain.",
                "Keep your private business apart from your job: do not sell what your role lets you see or "
                "do, and do not steer your students to it.",
            )
            return
    if _SELL_WORDS.isdisjoint(toks) or _BACKING_WORDS.isdisjoint(toks):
        return
    for b in _BACKING_RE.finditer(t):
        if _UNI_PRESS_RE.match(t, b.start()) or "university press" in t[b.start() : b.end() + 8]:
            continue
        s, e = max(0, b.start() - 200), min(len(t), b.end() + 200)
        if _SELL_RE.search(t, s, e):
            yield b.start(), b.end(), "The institution's name or backing used to sell something of your own."
            return


# Round 18 (M1): the job itself turned to private gain, with money in the post: an interviewer selling
# coaching for the interview ("as an interviewer I know exactly what the panel wants"), work done on the
# institution's time sold ("Buy my book! Written on uni time"), one's own tutees steered to one's
# business ("ask any of my Westmoor tutees, I send all of them my way. DM for Sept rooms").
_POSITION_FOR_GAIN_RE = re.compile(
    r"(?<![\w])(?:as\s+(?:an?|the|one\s+of\s+the)\s+(?:[\w-]+\s+)?(?:interviewer|interviewers|examiner|admissions\s+tutor|"
    r"marker|assessor|panel\s+member|selector|admissions\s+(?:officer|lead|director)|member\s+of\s+the\s+(?:\w+\s+)?panel)\b"
    r"[^.!?]{0,40}?\bi\s+(?:know|can\s+tell\s+you|see)\s+(?:exactly\s+)?(?:what|how)"
    r"|(?:written|made|done|built|developed|produced|recorded|filmed)\s+(?:on|in|during)\s+(?:uni|university|work|company|"
    r"college|department|dept|my\s+work)\s+time"
    r"|(?:my|our)\s+(?:[\w'’-]+\s+)?(?:tutees|students|advisees|supervisees)\b[^.!?]{0,40}?\b(?:i\s+)?(?:send|sent|point|refer|"
    r"direct|steer)\s+(?:all\s+(?:of\s+)?)?(?:them|'em|em)\s+(?:all\s+)?(?:my\s+way|to\s+me|to\s+my))(?![\w])"
)
_POSITION_WORDS = gate_words(
    "interviewer interviewers examiner tutor marker assessor panel selector admissions time tutees students advisees "
    "supervisees"
)
_PAID_WORDS = gate_words(
    "paid pay £ coaching buy sell selling dm rates fee fees book sessions off discount code rooms lets rent letting "
    "order shop price"
)
_SELL_WORDS = gate_words(
    "buy order orders ordering selling sell sale dm rates rate off discount book booking hire launching "
    "launch check my ltd etsy shop merch range each price prices brand consultancy business company tutoring"
)
_SELL_RE = re.compile(
    r"(?<![\w])(?:buy|order|to\s+order|selling|for\s+sale|dm\s+(?:me\s+)?(?:for|to)|(?:my\s+)?rates|\d+\s*%\s+off|discount|"
    r"book\s+(?:via|through|now|me|online)|hire\s+me|launching\s+my|check\s+out\s+my|ltd|etsy|"
    r"[£$€]\s?\d+(?:\.\d\d)?\s*(?:each|per|an?\s+hour|/\s*h(?:ou)?r|a\s+session)|"
    r"my\s+(?:new\s+|own\s+|little\s+)?(?:business|company|consultancy|brand|shop|range|merch|tutoring|side\s+hustle|"
    r"startup|start-up|agency|skincare|candles|products?|services|photography))(?![\w])"
)
_BACKING_WORDS = gate_words(
    "backed endorsed approved sponsored certified recommended partnered accredited official officially logo crest "
    "brand badge trustworthy lecturer professor"
)
_BACKING_RE = re.compile(
    r"(?<![\w])(?:(?:backed|endorsed|approved|sponsored|certified|recommended|partnered|accredited|supported)\s+"
    r"(?:by|with)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:uni(?:versity)?|college|department|school|faculty|lab)"
    r"|official(?:ly)?\s+(?:[\w'’-]+\s+){0,4}?(?:uni(?:versity)?|college)(?:\s+of\s+\w+)?\s+(?:\w+\s+)?"
    r"(?:merch|range|products?|partner|supplier|brand|store|shop)"
    r"|official(?:ly)?\s+partnered\s+with"
    r"|(?:uni(?:versity)?|college)['’]?s?\s+(?:logo|crest|brand(?:ing)?|badge|coat\s+of\s+arms)"
    r"|logo\s+attached|(?:a|the)\s+(?:lecturer|professor)\s+at\s+(?:the\s+)?(?:\w+\s+){0,3}?uni(?:versity)?[^.!?]{0,30}"
    r"(?:trust|so\s+you\s+know|i\s+know\s+exactly)"
    r"|as\s+an?\s+(?:senior\s+)?(?:lecturer|professor|reader)\s+at\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?uni(?:versity)?"
    r"(?:\s+of\s+\w+)?\s*,?\s+i\s+know)(?![\w])"
)
_UNI_PRESS_RE = re.compile(r"[^.!?]{0,60}university\s+press")


# About whom (round 6): the people a staff member is responsible for or works beside, named by the
# author's relation to them ("my tutee", "one of my PhD students", "the girl in my seminar", "my
# second years", "a colleague in our department", "our new Head of School", "Dr X in our School"),
# or their work being marked. With it, a sneer at them, or a private matter of theirs (health, leave,
# a visa, failing) told with a sneer. Praise, thanks and sympathy have no sneer, so stay clean (a
# private matter told kindly is the privacy family's concern, not a disparaging post).
_RELATION_RE = re.compile(
    r"(?<![\w])(?:(?:one\s+of\s+)?(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:students?|tutees?|supervisees?|undergrads?|"
    r"postgrads?|cohort|class|seminar\s+group|tutorial\s+group|group|(?:first|second|third|final|1st|2nd|3rd)[-\s]?years?|"
    r"colleagues?|co-?workers?|head\s+of\s+(?:department|school|\w+)|hod|hos|dean|line\s+manager|manager|boss|admin|"
    r"administrator|technician|teaching\s+fellows|pgtas|tas|lecturers|staff)"
    r"(?!\s+(?:support|services?|union|team|office|body|experience|voice|records|finance|ambassadors?|reps?|"
    r"representatives?|wellbeing|hub|room|survey|council|association|society|network|forum))"
    r"|(?:(?:a|the|this|one)\s+|(?:(?<=[–—:-]\s)|^)(?:[\w-]+\s+)?)(?:student|girl|boy|lad|guy|woman|man|colleague|lecturer|admin|visiting\s+lecturer|"
    r"new\s+admin|postdoc|tutor)\s+(?:in|from|on|at)\s+(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:seminar|lecture|class|module|"
    r"tutorial|group|lab|course|department|dept|school|office|team|faculty|\d+\s*(?:am|pm))"
    r"|student\s+in\s+my|(?:dr|prof|professor)\.?\s+[a-z]+(?:\s+[a-z]+)?\s*,?\s+(?:in|of|from)\s+(?:our|my|the)\s+"
    r"(?:dept|department|school|faculty)|(?:head\s+of\s+(?:department|school)|hod|dean)\s+(?:shouted|screamed|swore)"
    r"|(?:this|that)\s+lot(?=[^.!?]{0,80}(?:script|essay|read|write|marking))"
    r"|(?:marked|marking|graded|grading)\s+(?:\w+\s+){0,3}?(?:scripts?|essays?|dissertations?|exam\s+answers?|"
    r"assignments?|reports?))(?![\w])"
)
_RELATION_WORDS = gate_words(
    "my our student students tutee tutees undergrads cohort colleague colleagues dr prof professor lot head hod dean "
    "marked marking graded grading"
)
# Private states of a person (health, immigration, discipline, failing) and sneers at them. Leave,
# pregnancy and sickness are often told warmly ("off on maternity leave, surprise do on Friday"), so
# they count only with a sneer.
_PRIVATE_STRONG_RE = re.compile(
    r"(?<![\w])(?:diagnos\w+|depress\w*|anxiety|bipolar|adhd|autis\w+|mental\s+health|(?:has|with|got)\s+cancer|homeless|"
    r"sleeping\s+(?:rough|in\s+the)|visa|deport\w*|in\s+tears|cries|crying|cried|suicid\w+|self[-\s]harm|"
    r"disabilit\w+|divorc\w+|rehab|arrested|suspended|disciplinary|gross\s+misconduct|caught\s+cheating|"
    r"cheat(?:ed|ing)|plagiari[sz]\w+|drunk|hungover|"
    r"(?:failed|fail|fails|failing)\s+(?:\w+\s+){0,2}(?:viva|exams?|module|year|resits?|midterm|dissertation|progression)|"
    r"\d+\s*%\s+fails|fails\s+in|only\s+(?:\w+\s+)?(?:nigerian|chinese|indian|black|muslim|jewish|gay|trans|"
    r"international))(?![\w])"
)
_PRIVATE_WEAK_RE = re.compile(
    r"(?<![\w])(?:off\s+sick|signed\s+off|sick\s+leave|maternity|paternity|pregnan\w+|miscarr\w+|bereave\w+)(?![\w])"
)
_OWN_STATE_BEFORE_RE = re.compile(
    r"(?:^|(?<![\w]))(?:back\s+from|returning\s+from|return\s+from|after|i['’]?m\s+(?:on|off)|i\s+was\s+(?:on|off)|"
    r"i['’]?ve\s+been\s+(?:on|off)|my|me)\s+(?:\w+\s+)?$"
)
_SNEER_RE = re.compile(
    r"(?<![\w])(?:thick\w*|stupid|lazy|laziest|idiots?|morons?|useless|no-?hopers?|brainless|snowflakes?|"
    r"can['’]?t\s+(?:even\s+)?(?:write|spell|read|reference|speak)(?!\s+(?:enough|about|more|fast|quickly))|not\s+(?:very\s+|that\s+)?(?:bright|clever)|"
    r"barely\s+speak|so\s+slow|good\s+riddance|laughing\s+at|nam(?:e|ing)\s+and\s+sham\w+|naming\s+(?:him|her|them)|"
    r"(?:posting|share|sharing)\s+the\s+(?:best|worst)\s+(?:bits|lines)|worst\s+(?:\w+\s+)?(?:script|essay|"
    r"dissertation|answers?|lines)|never\s+read\s+a\s+book|bunch\s+of|how\s+did\s+(?:she|he|they)\s+get\s+hired|"
    r"couldn['’]?t\s+get\s+a\s+real|unbelievable\s+timing|not\s+fair\s+on|typical|convenient(?:ly)?|"
    r"karma|again\.|(?:aren['’]?t|not|isn['’]?t)\s+cut\s+out"
    # round 18 (M1): "the most entitled first year ... blonde girl from my 9am Law seminar" (not "entitled to")
    r"|(?:most|so|utterly|such\s+an|an|really|very)\s+entitled(?!\s+to\b)|spoilt\s+brats?)(?![\w])"
)


@rule(
    "PER009",
    "about-students-or-colleagues",
    "personal-use",
    "warn",
    clauses.UNPROFESSIONAL,
    "A staff member mocking their students or colleagues (their work, their failings, their health or "
    "leave) is read as the institution's staff disparaging the people it is responsible for, even when "
    "no name is given.",
    "Leave out the person and what happened to them; if you want to talk about the issue, talk about it "
    "in general terms (e.g. 'students with visa worries can get advice from ...') or praise the work.",
    [
        Example(
            "One of my PhD students just failed her viva. Some people aren't cut out for it.", True, account="personal"
        ),
        Example(
            "My colleague in admissions has been off sick for months. Typical, the rest of us carry her.",
            True,
            account="personal",
        ),
        Example("One of my PhD students passed her viva today. So proud of her!", False, account="personal"),
        Example("My second years gave brilliant presentations today.", False, account="personal"),
        Example("My colleague is off on maternity leave from Friday, surprise do planned!", False, account="personal"),
    ],
    accounts=("personal",),
)
def about_students_or_colleagues(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    """A person the author teaches or works with, and a private state of theirs or a sneer at them,
    in the same sentence or the next."""
    t = doc.masked
    if _RELATION_WORDS.isdisjoint(token_set(t)):
        return
    for r in _RELATION_RE.finditer(t):
        s = sentence_start(t, r.start(), (". ", "! ", "? "))
        e = _sentence_end(t, _sentence_end(t, r.end()))  # this sentence and the next
        p = _SNEER_RE.search(t, s, e)
        if p is not None and p.group(0) == "again.":
            p = None  # "again." sneers only at a private state ("off sick again."), not at "see my students again."
        if p is None:
            # a private state (a failed viva, sick leave, a visa) told with a sneer at the person; told
            # with sympathy or as news it is the privacy family's matter, not this one's
            w = _PRIVATE_STRONG_RE.search(t, s, e) or _PRIVATE_WEAK_RE.search(t, s, e)
            if w and _OWN_STATE_BEFORE_RE.search(t, max(0, w.start() - 24), w.start()):
                w = None  # "Back from sick leave ... happy to see my students again.": the author's own leave
            p = w if w and _SNEER_RE.search(t, s, min(len(t), e + 80)) else None
        if p and not _NEG_BEFORE_RE.search(t, max(0, p.start() - 16), p.start()):
            yield (
                min(r.start(), p.start()),
                max(r.end(), p.end()),
                "A sneer at a student or colleague (or at their private matters), from a staff member's account.",
            )
            return


# "didn't fail", "isn't lazy", "never cheated": the state denied (word-bounded, unlike _NOT_FOR_RE).
_NEG_BEFORE_RE = re.compile(r"(?:(?<![\w])(?:not|never|no)|n['’]t)\s+(?:\w+\s+)?$")


def _sentence_end(t: str, start: int) -> int:
    """The index just past the sentence that holds ``start`` (or the post's end, or
    ``SENTENCE_REACH`` characters on)."""
    if start >= len(t):
        return len(t)
    hi = min(len(t), start + SENTENCE_REACH)
    ends = [i for i in (t.find(c, start, hi) for c in (". ", "! ", "? ", "\n")) if i >= 0]
    return min(ends) + 1 if ends else hi


# What is said (round 6): the post marks its own news as not public (not published or announced yet,
# the people affected not told, embargoed, draft papers, "can't say more", "watch this space") or
# gives an inside source (a meeting just left, a body the author sits on, "I was in the room",
# "source: me"); with it, something the institution decides or suffers. News relayed from a
# published source ("announced today", "now public") is not a leak.
_UNPUB_RE = re.compile(
    r"(?<![\w])(?:(?:not|isn['’]?t|aren['’]?t|nothing['’]?s)\s+(?:yet\s+|been\s+)?"
    r"(?:public|published|announced|official|out)(?:\s+(?:yet|publicly|until|till))?"
    r"|(?:won['’]?t|will\s+not|aren['’]?t|haven['’]?t|hasn['’]?t|not|isn['’]?t)\s+(?:be(?:en)?\s+|being\s+)?(?:yet\s+)?(?:told|informed|announced|published|made\s+public)"
    r"|(?:nobody|no\s+one|none\s+of\s+them)\s+(?:\w+\s+)?(?:has|have|had|was|were)\s+(?:yet\s+)?(?:been\s+)?told"
    r"|(?:haven['’]?t|hasn['’]?t|not)\s+(?:yet\s+)?told\s+(?:the\s+)?(?:staff|students|anyone|us|people)"
    r"|(?:doesn['’]?t|don['’]?t)\s+want\s+(?:\w+\s+){0,2}to\s+know"
    r"|not\s+telling\s+(?:the\s+)?(?:\w+\s+)?(?:staff|students|anyone|us|applicants)"
    r"|embargo\w*(?!\s*(?:['’]s|is|has|was)?\s*(?:been\s+)?(?:over|lifted|ended|up))"
    r"|(?:the|a|this|marked|strictly)\s+confidential|confidential\s*(?:[:(\-–—]|,\s*(?:but|so))"
    r"|(?:is|was|are|were)\s+confidential\s*,?\s+but|internally|in\s+confidence|under\s+wraps|hush"
    r"|(?P<tease>can['’]?t\s+say\s+(?:too\s+|any\s+|much\s+)?(?:much|more)(?!\s+about)|watch\s+this\s+space|"
    r"announcement\s+soon)"
    r"|(?:you\s+)?heard\s+it\s+here|(?:you\s+)?didn['’]?t\s+hear\s+(?:it|this)\s+from\s+me|source\s*:\s*me"
    r"|i\s+was\s+(?:there|in\s+the\s+room)|not\s+supposed\s+to\s+(?:post|say|share)|here['’]?s\s+the\s+gist"
    r"|(?:i['’]?ve\s+)?seen\s+(?:them|the\s+(?:\w+\s+){0,2}(?:papers|minutes|list|shortlist|figures|draft|report))"
    r"|(?:heard|overheard)\s+(?:at|in)\s+(?:the|today['’]?s|our)\s+(?:\w+\s+){0,2}(?:board|meeting|committee|panel)"
    r"|(?:just\s+)?(?:left|out\s+of|back\s+from|came\s+out\s+of)\s+(?:the\s+|our\s+|today['’]?s\s+)?"
    r"(?:[\w'’-]+\s+){0,3}(?:meeting|board|committee|away-?day|consultation\s+meeting)"
    r"|(?:told|confirmed|said)\s+(?:us\s+|me\s+)?(?:in|at)\s+(?:the|our|a|today['’]?s)\s+(?:[\w'’-]+\s+){0,3}"
    r"(?:meeting|away-?day|briefing)"
    r"|(?:internal|leaked)\s+(?:email|memo|document|report|figures|papers|results)"
    r"|(?:the\s+)?draft\s+(?:\w+\s+){0,2}(?:plan|list|timetable|budget|report|minutes|action\s+plan)"
    r"|provisional\s+(?:results|marks)|dm\s+me\s+if\s+you\s+want\s+to\s+know|i\s+(?:sit|serve)\s+on"
    r"|(?:officially|formally)\s+out\s+(?:next|on|in|after|tomorrow)"
    r"|before\s+(?:the\s+)?(?:official|formal|public)\s+(?:release|announcement|launch|statement)"
    r"|(?:nobody|no\s+one|we|you)\s+(?:is\s+|are\s+|were\s+|was\s+|['’]re\s+)?(?:not\s+)?(?:meant|supposed)\s+to\s+know"
    r"|(?:won['’]?t|will\s+not|don['’]?t|aren['’]?t\s+going\s+to)\s+tell\s+(?:the\s+)?(?:public|anyone|students|staff|us)"
    r"|internal\s+(?:[\w-]+\s+){0,2}(?:report|email|memo|channel|papers|minutes|figures|document)"
    r"(?!\s+(?:training|course|workshop|session))"
    r"|confidential\s+(?:item|paper|report|minutes|annex|section)"
    r"|(?:got|had|saw)\s+(?:the\s+|a\s+)?(?:paper|papers|minutes|draft|list|figures|email)\s+from\s+(?:a|the|my)\s+\w+"
    r"|sneak\s+(?:preview|peek)|just\s+between\s+us|can['’]?t\s+keep\s+it\s+in)(?![\w])"
)
_UNPUB_WORDS = gate_words(
    "not isn't aren't nothing's won't haven't hasn't doesn't don't embargo embargoed confidential internally "
    "confidence wraps hush can't watch announcement heard didn't source was supposed gist seen overheard left "
    "out back came told confirmed said internal leaked draft provisional dm sit serve isnt arent havent hasnt wont "
    "nobody officially formally before meant supposed tell internal got had saw sneak just keep"
)
# What the institution decides or suffers (beyond _SERIOUS_RE): its bodies and assessments.
_INST_MATTER_RE = re.compile(
    r"(?<![\w])(?:senate|council|governors|committee|exam\s+board|panel|ref|nss|smt|provost|vc|pvc|hod|hos|dean|"
    r"registrar|redundan\w+|restructur\w+|merg\w+|clos\w+|cut\w*|frozen|freez\w+|deficit|posts|jobs|fees?|"
    r"partnership|deal|results|marks|scores|fails?|shortlist|candidate|campus|department|school|faculty|"
    r"uni(?:versity)?|course|module|programme|nursery|halls|pension\w*|budget|awarded|centre|grant|funding|"
    r"admissions|applications|audit|overspend|merger|chancellor|staff)(?![\w])"
)
_PUBLIC_NOW_RE = re.compile(
    r"(?<![\w])(?:(?<!not\s)(?<!not\syet\s)(?:announced\s+(?:today|this|yesterday)|published\s+(?:today|this|on)|"
    r"now\s+(?:been\s+)?(?:public|published|online)|press\s+release|official\s+announcement\s+here|is\s+out\s+now))(?![\w])"
)


# A teaser leaks only with detail in it: a sum, a number, or a name written with a capital mid-sentence.
_DETAIL_RE = regex.compile(r"[£$€]\s?\d|\d+\s*(?:%|m\b|bn\b|k\b|jobs|posts|staff)|(?<=[a-z,]\s)\p{Lu}[\w-]+")


def _unpublished_leak(doc: Doc) -> tuple[int, int] | None:
    """A not-public-yet sign or an inside source, and institutional matter in the post."""
    t = doc.masked
    if not gate(t, _UNPUB_WORDS):
        return None
    if _INST_MATTER_RE.search(t) is None:
        return None  # nothing the institution decides or suffers: no leak, whatever the markers
    for m in _UNPUB_RE.finditer(t):
        if "embargo" in m.group(0) and waits_for_publication(t):
            continue  # "embargoed until Friday, so details to follow once it's published": nothing told yet
        if m.group(0).startswith("i ") and m.group(0).endswith(("sit on", "serve on")):
            s, e = m.start(), min(len(t), m.end() + 60)
            if (
                not re.search(r"(?:senate|council|court|governors|committee|board|exec)", t[s:e])
                or "editorial" in t[s:e]
            ):
                continue
        if _PUBLIC_NOW_RE.search(t):
            return None
        if gate(t, TRIVIAL_WORDS) and _SERIOUS_RE.search(t) is None:
            continue
        if m.group("tease") and not _DETAIL_RE.search(doc.text):
            continue  # "can't say much yet but big news for our department next week": a teaser, no news
        return m.span()
    return None


# Round 6, what is said: a member of staff warning people off the place ("avoid at all costs", "go
# anywhere but here", "think twice before applying"), where the post names the institution or says
# "here"; and marks or figures altered so they look better ("made me change 12 marks to make the
# averages look better").
_WARN_OFF_RE = re.compile(
    r"(?<![\w])(?:avoid\s+(?:it\s+|us\s+|this\s+place\s+|the\s+place\s+)?(?:at\s+all\s+costs|like\s+the\s+plague)|"
    r"stay\s+(?:well\s+)?away\s+from\s+(?:here|us|this|the\s+place|my|our)|go\s+anywhere\s+(?:but|else\s+than)\s+here|"
    r"do\s+yourselves?\s+a\s+favou?r\s+and\s+(?:go|apply|look)\s+(?:\w+\s+){0,2}(?:else|elsewhere)|"
    r"think\s+(?:twice|very\s+carefully)\s+before\s+(?:applying|coming|joining|working|studying)\s+(?:here|to\s+us|at\s+(?:my|our|this))|"
    r"don['’]?t\s+(?:come|apply|study|enrol|work)\s+here|"
    # round 15: "if your kid is thinking of applying to X for Computing, don't.", "strong recommend nobody
    # does a degree at X", "save your money"
    r"(?:thinking|considering|planning)\s+(?:of|about|on)\s+(?:applying|coming|studying|enrolling|sending)[^.!?\n]{0,80}?"
    r"[,—–-]\s*(?:just\s+|please\s+|honestly\s+)?don['’]?t(?=\s*[.!]|\s*$|\s+bother)|"
    r"(?:strong(?:ly)?\s+)?(?:recommend|advise|suggest)\s+(?:that\s+)?(?:nobody|no\s+one|against)\s+(?:\w+\s+){0,2}?"
    r"(?:does|do|doing|applies|apply|applying|comes|come|coming|studies|study|studying|enrols|enrol|enrolling|works|"
    r"work|working)|save\s+your\s+money"
    # round 18 (M1): "Wouldn't send my own kids to Westmoor tbh": a parent's verdict, from the staff
    r"|(?:wouldn['’]?t|would\s+not|would\s+never|never\s+(?:gonna|going\s+to)|won['’]?t)\s+(?:ever\s+)?(?:send|let)\s+"
    r"(?:my|any\s+of\s+my)\s+(?:own\s+)?(?:kids?|children|child|son|sons|daughters?|nephews?|nieces?)\s+"
    r"(?:(?:go|come|study|apply)\s+)?(?:to|here|near)\b)(?![\w])"
)
_WARN_OFF_WORDS = gate_words(
    "avoid stay anywhere favour favor twice carefully thinking considering planning recommend advise suggest save "
    "send let"
)
_HERE_WORDS = gate_words("here")
_NAMED_PLACE_WARN_RE = regex.compile(
    r"(?:thinking|considering|planning)\s+(?:of|about|on)\s+\w+\s+(?:to|at)\s+(?-i:\p{Lu})", regex.IGNORECASE
)
_HERE_RE = re.compile(r"(?<![\w])here(?![\w])")


def _warn_off(doc: Doc, cp: CompiledPack) -> tuple[int, int] | None:
    """A warning to stay away, with the institution (or "here", said by its staff) in the post."""
    t = doc.masked
    if not gate(t, _WARN_OFF_WORDS) and not gate(t, _HERE_WORDS):
        return None  # every alternative holds one of those words or "here"
    m = _WARN_OFF_RE.search(t)
    if m is None:
        return None
    if len(doc.text) == len(t) and _NAMED_PLACE_WARN_RE.match(doc.text, m.start()):
        return m.span()  # "thinking of applying to Castlebridge ..., don't": the place is named in the warning
    if _institution_ref(doc, cp) is None and _HERE_RE.search(t) is None:
        return None
    return m.span()


_RIGGED_RE = re.compile(
    r"(?<![\w])(?:(?:made|told|asked|forced|pressured|pushed|instructed|making|telling|forcing)\s+(?:me|us|staff|markers|"
    r"examiners|colleagues|everyone)\s+to\s+(?:change|alter|inflate|bump\s+up|raise|lower|adjust|fiddle|massage|tweak)\s+"
    r"(?:\w+\s+){0,3}?(?:marks|grades|scores|results|figures|data|numbers|stats)"
    r"|to\s+make\s+(?:the\s+|our\s+|their\s+)?(?:\w+\s+)?(?:averages?|figures|numbers|stats|statistics|results|scores|data)\s+"
    r"look\s+(?:better|good|nicer|healthier|respectable)"
    # round 13: marks or boundaries moved to meet a target ("moved the grade boundaries to hit targets"),
    # not moved for a reason the rules allow ("adjusted the boundaries after the paper proved too hard")
    r"|(?:moved|shifted|lowered|raised|changed|adjusted|tweaked|massaged|bumped\s+up|inflated|nudged)\s+(?:\w+\s+){0,3}?"
    r"(?:marks|grades|boundaries|pass\s+marks?|scores|results|figures|numbers|stats|data)\s+(?:up\s+|down\s+)?to\s+"
    r"(?:hit|meet|reach|make|match)\s+(?:\w+\s+){0,2}?(?:targets?|kpis?|quotas?|numbers|league\s+tables?))(?![\w])"
)
_RIGGED_WORDS = gate_words(
    "made told asked forced pressured pushed instructed making telling forcing make moved shifted lowered raised "
    "changed adjusted tweaked massaged bumped inflated nudged"
)
