"""Abuse that names no swear word (round 43, issue 12): veiled threats, wished misfortune, gloating,
insult idioms and coded othering.

Why a module of its own: the abuse classifier (ABU003) learned offence from tweets, where it is mostly
swearing, and scores "hope your knee op goes wrong", "would be a shame if the committee found out
about your little situation" or "go find a uni that takes your sort" at 0.05-0.3. Staff write abuse
that way far more often than they swear. Each form here is an idiom any writer uses, not one
writer's words, and each pattern needs both the idiom and its target (a person, a group) so the same
words said of a thing, of oneself or in kindness stay clean (the twins in tests/policy/test_round43.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.abuse import is_banter, quoted_to_report
from townhall.policy.rules.common import GatedPattern, token_set, wordlist

# A person pointed at: the reader, an @handle, a pronoun, a capitalised name, or a person noun.
_WHO = (
    r"(?:you|ya|ye|u|@\w+|he|she|they|him|her|them|(?-i:[A-Z][a-z]+(?:['’]s)?)|"
    r"(?:the|that|this|our|my|your|his|her|their)\s+(?:new\s+|old\s+)?(?:guy|bloke|man|woman|lad|girl|boss|manager|dean|"
    r"lecturer|examiner|reviewer|prof|professor|tutor|student|colleague|head|director|ref|referee|postdoc|technician|"
    r"supervisor|neighbour|cleaner|porter|chair|vc))"
)
_YOUR = r"(?:your|ur|yer|his|her|their|@\w+['’]s|(?-i:[A-Z][a-z]+)['’]s)"

# --- ABU006: veiled threats and wished misfortune --------------------------------------------------

_VEILED_FULL_RE = regex.compile(
    # "would be a shame if someone tested it", "be a pity if the committee found out about ..."
    r"\b(?:be|been|is)\s+a\s+(?:real\s+|terrible\s+|awful\s+|right\s+|crying\s+)?(?:shame|pity)\s+if\s+"
    r"(?:someone|somebody|anyone|something|(?:the|your|his|her)\s+\w+)\s+(?:\w+\s+){0,2}?"
    r"(?:found\s+out|find\s+out|tested|happened|happens|heard|saw|learned|learnt|discovered|got\s+hold|leaked|told|"
    r"were\s+to|was\s+to)\b"
    # "be a shame to trip", "lots of stairs ... shame to fall"
    r"|\b(?:shame|pity)\s+(?:if\s+(?:you|ya|u|he|she|they)\s+(?:were\s+to\s+|was\s+to\s+)?|to\s+)"
    r"(?:trip|tripped|fall|fell|slip|slipped|get\s+hurt|got\s+hurt|have\s+an\s+accident|had\s+an\s+accident)\b"
    # "keep talking and see what happens", "keep pushing that motion and see what happens to your contract"
    r"|\b(?:keep|carry\s+on|go\s+on|try\s+(?:that|it)\s+again)\s+(?:\w+ing|it\s+up|that\s+up)\b(?:\W+[\w'’]+){0,5}?"
    r"\W+(?:and|&)\s+see\s+what\s+happens\b"
    r"|\bsee\s+what\s+happens\s+to\s+" + _YOUR + r"\s+(?:\w+\s+)?(?:contract|job|career|post|promotion|funding|grant|"
    r"renewal|tenure|probation|reputation|family|kids|car|office)\b"
    # "noticed you walk home through the park", "I know what time you leave"
    r"|\b(?:noticed|seen|clocked|know|knows)\s+(?:that\s+)?(?:you|u|ya|ye|he|she)\s+(?:always\s+|usually\s+)?"
    r"(?:walk|walks|cycle|cycles|drive|drives|get|gets|leave|leaves|go|goes)\s+home\b"
    r"|\b(?:know|knows|noticed)\s+what\s+time\s+(?:you|u|ya|he|she)\s+(?:leave|leaves|finish|finishes|get\s+home)\b"
    # "people like X always get what's coming"
    r"|\b(?:gets?|getting|got)\s+what['’]?s\s+coming(?:\s+to\s+(?:him|her|them|you|ya))?"
    # "hope someone doxxes @x"
    r"|\bdox+(?:es|ed|ing)?\s+(?:@\w+|him|her|them|you|(?-i:[A-Z][a-z]+))"
    # "I know where he lives", "not going to stop posting about you until you resign"
    r"|\b(?:i|we)\s+know\s+where\s+(?:he|she|they)\s+(?:lives?|works?|sleeps?|parks?)\b"
    r"|\bnot\s+(?:going\s+to|gonna)\s+stop\s+(?:posting|tweeting|messaging|emailing|calling|writing)\s+(?:about|to|at)\s+"
    r"(?:you|him|her|them)\s+until",
    regex.IGNORECASE,
)
# Cheap pre-gates (one set test on the post's cached words) in front of the gated patterns: each list
# must hold a word of every branch of its pattern (tests/policy/test_round43.py checks the branches
# that once slipped through: "works", "serve", plural insults, "five-year-old").
_VEILED_WORDS = frozenset(
    wordlist("""shame pity happens home coming time doxx doxxes doxxed doxxing dox doxes doxed doxing live lives work
    works sleep sleeps park parks until""")
)
# Sending others after a person: "Pile on, everyone", "his email is on the staff page ... flood it",
# "everyone reply-all and tell him what you think of him", "go and heckle".
_PILE_ON_FULL_RE = regex.compile(
    r"\bpile\s+on\W+(?:everyone|folks|people|lads|all|guys)\b|\bflood\s+(?:it|his|her|their)\b(?:\s+inbox)?"
    r"|\b(?:everyone|all\s+of\s+you|y['’]?all|lads|folks)\W+(?:\w+\s+){0,2}?(?:go\s+(?:and\s+)?)?"
    r"(?:ask|tell|reply(?:-all)?|email|message|tag|dm|@)\s+(?:(?:him|her|them)\b(?!\s+(?:happy|congrat|well|thanks|thank|good)))"
    r"|\btell\s+(?:him|her|them)\s+(?:exactly\s+)?what\s+(?:you|we)\s+think\s+of\s+(?:him|her|them)"
    r"|\bknows?\s+exactly\s+how\s+we\s+feel\s+about\s+(?:him|her|his|their)"
    r"|\bgo\s+(?:along\s+)?and\s+heckle|\bdon['’]?t\s+feed\s+(?:him|her|them)\W+(?:just\s+)?ratio"
    r"|\bDM\s+us\W+we['’]ve\s+got\s+stories|\bgo\s+and\s+say\s+it\s+to\s+(?:his|her|their)\s+face",
    regex.IGNORECASE,
)

# A wish that a person fail, fall or come to harm short of death (ABU004 has death and grave harm).
_MISFORTUNE = (
    r"(?:fails?|failing|flops?|goes\s+(?:wrong|badly|tits\s+up)|go\s+(?:wrong|badly)|"
    r"gets?\s+(?:sacked|fired|the\s+sack|rejected|hurt|injured|dumped|demoted|struck\s+off|made\s+redundant|food\s+poisoning)|"
    r"falls?\s+(?:down|off|over|on)\b|trips?\s+(?:down|over|up|on)\b|breaks?\s+(?:a|an|his|her|their|your)\s+(?:\w+\s+)?"
    r"(?:leg|arm|neck|back|hip|ankle|wrist|nose)|loses?\s+(?:his|her|their|your)\s+(?:\w+\s+)?(?:job|funding|grant|contract|"
    r"house|home|voice|licence|tenure|students|kids)|never\s+(?:walks?|works?|teach(?:es)?|lectures?|makes?\s+it|"
    r"gets?\s+(?:funded|promoted|published|another))\b)"
)
_WISH_MISFORTUNE_FULL_RE = regex.compile(
    r"\b(?:i\s+)?(?:hope|hoping|wish|pray|praying)\s+(?:that\s+)?(?:"
    + _WHO
    + r"|"
    + _YOUR
    + r"\s+(?:[\w-]+\s+){0,2}?[\w-]+)"
    r"\s+(?:\w+\s+){0,3}?"
    + _MISFORTUNE
    + r"|\bcan['’]?t\s+wait\s+(?:to\s+see|to\s+watch|for|till|until)\s+"
    + _WHO
    + r"\s+(?:\w+\s+){0,2}?"
    r"(?:fail|flop|crash|cry|get\s+(?:sacked|fired|rejected|humiliated|destroyed|torn\s+apart)|fall\s+flat|"
    r"crash\s+and\s+burn|be\s+(?:sacked|fired|humiliated|torn\s+apart))\b",
    regex.IGNORECASE,
)
_WISH_WORDS = frozenset(wordlist("hope hoping wish pray praying wait"))
# "I hope it doesn't go wrong", "hope nobody falls": no harm wished.
_NEGATED_BEFORE_RE = re.compile(
    r"(?:\b(?:don|doesn|didn|won|wouldn|isn|aren|can|couldn|shouldn)['’]?t|\bnot|\bnever|\bnobody|\bno\s+one)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)

# Gloating over a person's loss: a misfortune named, then a sneer at it.
_LOSS_RE = re.compile(
    r"\b(?:died|dies|death|passed\s+away|accident|cancer|heart\s+attack|stroke|shingles|illness|sick|ill|off\s+sick|"
    r"injur\w+|rejected|redundan\w+|sacked|fired|divorc\w+|left\s+him|left\s+her|wife\s+left|husband\s+left|"
    r"lost\s+(?:his|her|their|your)|freezer\s+died|funding\s+cut|op\b|operation|surgery|miscarriage|bereave\w+)",
    re.IGNORECASE,
)
_GLOAT_FULL_RE = regex.compile(
    r"\bkarma['’]?s?\s+(?:is\s+)?a\s+(?:beautiful|wonderful|lovely|funny)\s+thing|\bcouldn['’]?t\s+happen\s+to\s+a\s+nicer"
    r"|\bcan['’]?t\s+say\s+I\s+(?:blame\s+(?:her|him|them)|(?:am|'m|’m)\s+(?:sorry|surprised|upset)|feel\s+sorry|miss\s+(?:him|her))"
    r"|\bnot\s+(?:that\s+)?much\s+of\s+a\s+(?:shame|loss)|\bno\s+great\s+loss\b|\bserves?\s+(?:him|her|them|you)\s+right"
    r"|\boh\s+wait\W+(?:we|i)(?:['’]re|['’]m|\s+am|\s+are)\s+not\b"
    r"|\bwon['’]?t\s+(?:suffer|miss\s+(?:him|her))\s+much|\bcan['’]?t\s+say\s+(?:the|our)\s+\w+['’]?s?\s+\w+\s+will\s+suffer"
    r"|\b(?:milking|milks)\s+it\b|\bboo\s+hoo\b|\bcry\s+(?:more|me\s+a\s+river)\b",
    regex.IGNORECASE,
)
_GLOAT_WORDS = frozenset(
    wordlist("karma couldn't couldnt say much loss serve serves oh won't wont milking milks boo cry")
)


# searched only where the folded post holds the literal parts every match needs (common.GatedPattern):
# the rules run on every post, and most posts hold none of these idioms' words
_VEILED_RE = GatedPattern(_VEILED_FULL_RE)
_PILE_ON_RE = GatedPattern(_PILE_ON_FULL_RE)
_WISH_MISFORTUNE_RE = GatedPattern(_WISH_MISFORTUNE_FULL_RE)
_GLOAT_RE = GatedPattern(_GLOAT_FULL_RE)


@rule(
    "ABU006",
    "veiled-harm",
    "abuse",
    "warn",
    clauses.PUBLIC_GATHERING,
    "A threat dressed as concern ('be a shame if someone found out', 'keep talking and see what happens'), "
    "a wish that someone fail or get hurt, or a sneer at their loss is harassment even without one rude word.",
    "Delete it. If you have a grievance with a colleague or student, raise it through the dignity-at-work or "
    "complaints procedure, not in public.",
    [
        Example(
            "Would be a real shame if the committee found out about your little situation, @x.", True, "x", "personal"
        ),
        Example("It would be a shame if anyone missed the open day, book your place now!", False),
        Example("@RoryMcGee hope your knee op goes wrong and you never lecture again", True, "x", "personal"),
        Example("Hope your knee op goes well, Rory! The department sends its best.", False, "x", "personal"),
        Example("keep talking @dan and see what happens at the Christmas do", True, "x", "personal"),
        Example("Try the new bread recipe and see what happens, you'll regret nothing!", False),
        Example("Heard Paul's grant got rejected and he's off sick. Karma's a beautiful thing.", True, "x", "personal"),
    ],
)
def veiled_harm(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    words = token_set(doc.lower)
    if not _VEILED_WORDS.isdisjoint(words) or "dox" in doc.lower:
        for m in _VEILED_RE.finditer(doc.text):
            if quoted_to_report(doc.text, m.start(), m.end()):
                continue  # 'Messages like "you'll get what's coming" are threats and we will act'
            yield m.start(), m.end(), "Reads as a veiled threat against a person."
            return
    if not _WISH_WORDS.isdisjoint(words):
        for m in _WISH_MISFORTUNE_RE.finditer(doc.text):
            if _NEGATED_BEFORE_RE.search(doc.text, 0, _misfortune_start(doc.text, m)):
                continue
            if quoted_to_report(doc.text, m.start(), m.end()):
                continue
            yield m.start(), m.end(), "Wishes a person harm or failure."
            return
    m = _PILE_ON_RE.search(doc.text)
    if m and not quoted_to_report(doc.text, m.start(), m.end()):
        yield m.start(), m.end(), "Urges others to go after a person."
        return
    if not _GLOAT_WORDS.isdisjoint(words):
        m = _GLOAT_RE.search(doc.text)
        if m and _LOSS_RE.search(doc.text) and not quoted_to_report(doc.text, m.start(), m.end()):
            yield m.start(), m.end(), "Gloats over a person's misfortune."


def _misfortune_start(text: str, m: regex.Match[str]) -> int:
    """Where the wished misfortune begins inside a match (for the negation just before it)."""
    inner = regex.search(_MISFORTUNE + r"|\b(?:fail|flop|crash|cry|get|fall|be)\b", m.group(0), regex.IGNORECASE)
    return m.start() + (inner.start() if inner else len(m.group(0)))


# --- ABU007: ridicule of a person, coded othering of a group --------------------------------------

# Insult idioms: said of anyone they are a put-down, with or without a rude word.
_IDIOM_FULL_RE = regex.compile(
    r"\bface\s+(?:for\s+radio|only\s+a\s+mother\s+could\s+love)|\bvoice\s+for\s+(?:silent\s+(?:films?|movies?)|mime)"
    r"|\bdropped\s+on\s+(?:(?:your|his|her|their|ur)\s+)?head\s+(?:as\s+a\s+(?:baby|child|kid|toddler)|at\s+birth)"
    r"|\b(?:about\s+as|as)\s+useful\s+as\s+(?:a\s+)?(?:chocolate\s+(?:teapot|fireguard)|an?\s+ashtray\s+on|a\s+handbrake\s+on|"
    r"a\s+screen\s+door\s+on|a\s+chocolate)|\babout\s+as\s+(?:bright|sharp|clever|smart|useful|helpful|much\s+use)\s+as\b"
    r"|\b(?:thick|dim|dense|daft|dumb|dull)\s+as\s+(?:a\s+)?(?:brush|brick|bricks|(?:two\s+short\s+)?planks?|mince|a\s+post|"
    r"pigshit|rocks|a\s+box\s+of\s+rocks)\b"
    r"|\blike\s+it\s+was\s+(?:written|drawn|designed|coded|made|built)\s+by\s+(?:an?\s+)?(?:\w+\s+)?(?:raccoon|monkey|chimp|"
    r"toddler|five-year-old|hamster|goldfish|potato)\b"
    r"|\b(?:talent|brains|intelligence|looks|common\s+sense)\s+(?:clearly\s+|obviously\s+|must\s+)?skips?\s+(?:a\s+)?generations?"
    r"|\b(?:lecturing|talking|speaking|teaching|presenting|singing)\s+or\s+having\s+a\s+stroke"
    r"|\byou['’]?re\s+the\s+reason\s+(?:why\s+)?(?:aliens|shampoo|they\s+put\s+instructions)"
    r"|\bwhere\s+(?:grant\s+)?(?:money|funding|talent|ideas|careers?)\s+goes?\s+to\s+die"
    r"|\bdon['’]?t\s+let\s+the\s+door\s+hit\s+(?:you|ya|him|her|them)"
    r"|\bwaste\s+of\s+(?:oxygen|skin|air)\b|\buninstall\s+(?:life|yourself|urself)"
    r"|\bcan['’]?t\s+(?:even\s+)?speak\s+(?:proper|decent|basic|normal|real)\s+english"
    r"|\bbet\s+(?:your|ur|his|her)\s+(?:mum|mom|mam|dad|parents|mother|father)\s+(?:regrets|wishes|is\s+ashamed)"
    r"|\bhall\s+of\s+shame\b|\bnot\s+a\s+stereotype\s+if\s+it['’]?s\s+true|\bnobody\s+asked(?:\s+you)?(?=\s*[,.!;]|$)"
    r"|\b(?:lose|lost|losing)\s+(?:an|one|a\s+few|several)\s+iq\s+points?|\bpeaked\s+in\s+(?:19|20)\d\d"
    r"|\b(?:forwarded|filed|sent)\s+(?:it|them|your\s+\w+)\s+(?:to|in)\s+the\s+bin"
    r"|\blike\s+an?\s+(?:toddler|child|five-year-old|monkey|chimp)\s+(?:made|drew|wrote|did|designed)\s+it"
    # a stock insult awarded: "Plonker of the week", "Gobshite alert", "Hypocrite of the year"
    r"|\b(?:plonker|bellend|drongo|gobshite|numpty|muppet|idiot|moron|clown|hypocrite|wally|pillock|prat|"
    r"knobhead|tosser|wanker|dickhead|gobshite\s+of\s+a|drongo|galah|bampot|wazzock)s?\s+(?:of\s+the\s+(?:week|month|day|year)|"
    r"alert|award|(?:talk|lecture|paper|seminar|speech|presentation)\b)",
    regex.IGNORECASE,
)
_IDIOM_WORDS = frozenset(
    wordlist("""face voice dropped useful about thick dim dense daft dumb dull written drawn designed coded made
    built skips skip stroke reason die door waste uninstall speak bet hall stereotype asked iq peaked bin toddler
    child five-year-old monkey chimp plonker bellend drongo gobshite numpty muppet idiot moron clown hypocrite
    wally pillock prat knobhead tosser wanker dickhead galah bampot wazzock plonkers bellends drongos gobshites
    numptys muppets idiots morons clowns hypocrites wallys pillocks prats knobheads tossers wankers dickheads
    galahs bampots wazzocks""")
)
# Said of oneself ("I've got a face for radio", "my voice for mime"): a joke at one's own expense.
_SELF_JUST_BEFORE_RE = re.compile(
    r"\b(?:i|i['’]ve|i['’]m|i\s+have|my|me|myself|we['’]ve|our)\b[^.!?\n]{0,25}$", re.IGNORECASE
)

# A group left vague on purpose, and the nudge that says who is meant.
_VAGUE_GROUP = (
    r"(?:those|these|certain|a\s+particular|a\s+certain)\s+(?:people|types?|sorts?|kinds?|groups?|folk|"
    r"backgrounds?|postcodes|communities|crowd|persuasion|parts\s+of\s+the\s+world)|the\s+same\s+(?:type|sort|kind)"
    r"|(?:your|their|that|his|her)\s+sort\b|\bnot\s+(?:our|one\s+of\s+our)\s+(?:kind|sort)\b"
    r"|\*\s*those\s+people\s*\*"
)
_NUDGE = (
    r"you\s+(?:all\s+)?know\s+(?:who|which|the\s+type|the\s+sort|what\s+i\s+mean)|if\s+you\s+know\s+what\s+i\s+mean|"
    r"we\s+all\s+know\s+(?:who|which|why)|shall\s+we\s+say|funny\s+how|(?:strange|funny|curious|odd)\s+coincidence|"
    r"go\s+(?:straight\s+|right\s+)?back|overrun|take\s+over|never\s+(?:integrate|belong|fit\s+in)|"
    r"find\s+a\s+\w+\s+that\s+takes|standards\s+(?:used\s+to|slipping|usually)|calibre|quotas?|diversity\s+hires?|"
    r"keep\s+it\s+in\s+the\s+bedroom|not\s+our\s+kind|your\s+sort|never\s+will\s+be"
)
_OTHERING_GROUP_RE = regex.compile(r"\b(?:" + _VAGUE_GROUP + r")", regex.IGNORECASE)
_OTHERING_NUDGE_RE = regex.compile(r"\b(?:" + _NUDGE + r")", regex.IGNORECASE)
_OTHERING_WORDS = frozenset(wordlist("those these certain particular same sort kind"))
# Posts that name a bias in order to oppose it ("funny how certain groups are always left off the
# panels"): the vague group is the victim, not the target.
_AGAINST_BIAS_RE = re.compile(
    r"\b(?:under-?represent\w*|marginali[sz]\w*|excluded|exclusion|barriers?|discriminat\w*|racis\w*|sexis\w*|"
    r"bias\w*|inequalit\w*|privilege\w*|disadvantag\w*|prejudice\w*|stereotyp\w*|xenophob\w*|bigot\w*)",
    re.IGNORECASE,
)
# Someone's place put down to their identity: "only got promoted because the panel needed a skirt".
_ONLY_BECAUSE_FULL_RE = regex.compile(
    r"\bonly\s+(?:got|get|gets|was|were)\s+(?:here|in|hired|promoted|(?:the|his|her|their)\s+(?:job|post|role|chair|grant|"
    r"fellowship|promotion)|appointed|"
    r"accepted|admitted|shortlisted)\s+(?:because|cos|coz|cuz|'cause|due\s+to|thanks\s+to)\b(?:\W+[\w'’]+){0,6}?\W+"
    r"(?:quotas?|diversity|box|token|skirt|woman|women|female|gender|race|colour|color|ethnic\w*|minorit\w+|"
    r"disab\w+|wheelchair|accent|background|boxes)\b"
    r"|\bdiversity\s+hires?\s+(?:like|such\s+as)\s+(?:@\w+|(?-i:[A-Z][a-z]+))",
    regex.IGNORECASE,
)


# A group of students or staff named by who they are ...
_GROUP_NP_FULL_RE = regex.compile(
    r"\b(?:(?:mature|international|foreign|overseas|chinese|indian|irish|polish|romanian|nigerian|muslim|jewish|hindu|"
    r"sikh|female|women|working-class|first-gen|first-generation|state\s+school|widening\s+participation|autistic|"
    r"disabled|dyslexic|deaf|older|elderly|trans|gay|foundation\s+year|clearing)\s+(?:students?|colleagues?|staff|"
    r"lecturers?|technicians?|postdocs?|cleaners?|users?|kids|mums|applicants?|academics?|researchers?|people|"
    r"intake|cohort)|wheelchair\s+users?|single\s+mums|(?:women|girls)\s+in\s+(?:stem|science|tech|engineering))\b",
    regex.IGNORECASE,
)
# ... and run down as a group: a stereotype vouched for, an exasperated "yet another", "the rest of us".
_GROUP_SNEER_FULL_RE = regex.compile(
    r"\b(?:yet\s+another|same\s+story|that\s+lot|can['’]?t\s+even|(?:just\s+)?isn['’]?t\s+for\s+(?:everyone|them)|"
    r"don['’]?t\s+bother|not\s+a\s+stereotype|nobody\s+asked(?=\s*[,.!;])|"
    r"some\s+of\s+us\s+(?:came|actually|have\s+to)|won['’]?t\s+last|moaning|(?:complaining|asking|demanding)\b[^.!?\n]{0,60}\bagain\b|"
    r"need\s+to\s+learn\s+(?:what\s+an?\s+\w+\s+is|how\s+to\s+(?:queue|wash|shower|use\s+a\s+toilet|behave|speak))|"
    r"explained\s+(?:a\s+bit\s+|much\s+|far\s+)?more\s+slowly|like\s+teaching\s+my\s+(?:nan|gran)|"
    r"(?:women|girls)\s+and\s+(?:\w+\s+){1,2}eh\b|maybe\s+(?:just\s+)?don['’]?t|taking\s+the\s+(?:mick|piss))",
    regex.IGNORECASE,
)


_IDIOM_RE = GatedPattern(_IDIOM_FULL_RE)
_GROUP_NP_RE = GatedPattern(_GROUP_NP_FULL_RE)
_ONLY_BECAUSE_RE = GatedPattern(_ONLY_BECAUSE_FULL_RE)


@rule(
    "ABU007",
    "ridicule",
    "abuse",
    "warn",
    clauses.PUBLIC_GATHERING,
    "Mocking a person with a stock put-down ('a face for radio', 'as useful as a chocolate teapot'), or "
    "pointing at a group without naming it ('you all know who I mean', 'your sort') demeans people as "
    "surely as an insult word, and on a university's feeds it is harassment.",
    "Delete the put-down. Criticise the work or the decision, in words you would use to the person's face; "
    "say nothing about who a person is.",
    [
        Example("@JoeBishop_ you've got a face for radio and a voice for silent films", True, "x", "personal"),
        Example("I've got a face for radio, so here's our new podcast instead!", False, "x", "personal"),
        Example("@Kamal_Issa_ not our kind, never will be. go find a uni that takes your sort", True, "x", "personal"),
        Example("Funny how certain groups are always missing from our panels. Time to fix the bias.", False),
        Example(
            "Unpopular opinion: @DrPark only got promoted because the panel needed a woman.", True, "x", "personal"
        ),
    ],
)
def ridicule(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    words = token_set(doc.lower)
    if not _IDIOM_WORDS.isdisjoint(words):
        for m in _IDIOM_RE.finditer(doc.text):
            said_of_self = "iq" not in m.group(0).lower() and _SELF_JUST_BEFORE_RE.search(doc.text, 0, m.start())
            if said_of_self or quoted_to_report(doc.text, m.start(), m.end()):
                continue
            if is_banter(doc.text):
                break  # "@x ya wee eejit, ye forgot yer lanyard AGAIN 😂 I've left it at reception for ye, pal"
            yield m.start(), m.end(), "Mocks a person with a stock put-down."
            return
    if not _OTHERING_WORDS.isdisjoint(words):
        m = _OTHERING_GROUP_RE.search(doc.text)
        if (
            m
            and _OTHERING_NUDGE_RE.search(doc.text)
            and not _AGAINST_BIAS_RE.search(doc.text)
            and not quoted_to_report(doc.text, m.start(), m.end())
        ):
            yield m.start(), m.end(), "Points at a group without naming it, to run it down."
            return
    g = _GROUP_NP_RE.search(doc.text)
    if g and not _AGAINST_BIAS_RE.search(doc.text):
        m = _GROUP_SNEER_FULL_RE.search(doc.text)
        if m and not quoted_to_report(doc.text, m.start(), m.end()):
            yield g.start(), g.end(), "Runs down a group of people for who they are."
            return
    if "only" in words or "diversity" in words:
        m = _ONLY_BECAUSE_RE.search(doc.text)
        if m and not quoted_to_report(doc.text, m.start(), m.end()):
            yield m.start(), m.end(), "Puts a person's place down to who they are, not what they did."
