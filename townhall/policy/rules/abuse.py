"""abuse: offensive, insulting and harassing language.

The trained classifier (ABU003) carries most of the recall on real tweets; the two lexicon
rules catch what must never slip through (slurs) and the unmistakable directed insult
("you lot are pathetic", "X is a spineless clown"), and are kept narrow so they add few
false positives (measured on the TweetEval offensive validation split).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import wordlist, words_re

# Slurs and the strongest profanity aimed at people; matched as whole words (with common plurals).
SLURS = words_re(
    [
        w + suffix
        for w in wordlist("""nigger nigga faggot fag dyke tranny retard spastic spaz paki chink gook kike wetback
        coon raghead towelhead gyppo pikey wog golliwog cunt twat slag slut whore""")
        for suffix in ("", "s")
    ]
)

INSULT_NOUNS = (
    "idiot|idiots|moron|morons|imbecile|imbeciles|clown|clowns|cretin|cretins|halfwit|halfwits|dimwit|"
    "dimwits|numpty|numpties|muppet|muppets|buffoon|buffoons|loser|losers|scumbag|scumbags|scum|prick|pricks|"
    "dick|dicks|dickhead|dickheads|knob|knobhead|wanker|wankers|tosser|tossers|bellend|arsehole|arseholes|"
    "asshole|assholes|bastard|bastards|bitch|bitches|jerk|jerks|pig|pigs|rat|rats|snake|snakes|parasite|"
    "parasites|leech|leeches|waste\\s+of\\s+space|disgrace|embarrassment|joke|fool|fools|dumbass|jackass|"
    "douchebag|douche|freak|freaks|creep|creeps|thug|thugs|pervert|sheep|coward|cowards|hypocrite|hypocrites|"
    "liar|liars|lunatic|lunatics|nutjob|psycho|bigot|bigots|trash|garbage|dinosaur|dinosaurs"
)
INSULT_ADJ = (
    "stupid|dumb|thick|useless|pathetic|worthless|spineless|gutless|brainless|clueless|incompetent|"
    "braindead|brain-dead|moronic|idiotic|retarded|disgusting|vile|repulsive|ugly|fat|lazy|hopeless|"
    "pitiful|contemptible|despicable|deluded|ignorant|insufferable|obnoxious|revolting|rubbish|shit|shite|"
    "crap|crappy|fucking|bloody|sad|miserable|arrogant|smug|loathsome|corrupt|evil"
)
_TARGET = (
    r"(?:you(?:\s+(?:lot|guys|people|all|two|lads))?|u|ya|y'all|they|he|she|these\s+people|those\s+people|"
    r"(?:my|our|the|this|that|your|his|her|their)\s+(?:\w+\s+){0,3}?"
    r"(?:boss|manager|head\s+of\s+\w+|hod|colleague|colleagues|lecturer|lecturers|professor|tutor|students?|"
    r"management|managers|dean|vc|vice-chancellor|staff|team|department|supervisor|examiner|admin|"
    r"committee|government|minister|mp|neighbour|landlord|ref|referee|manager|coach|players?|fans?)"
    r"|(?-i:\p{Lu}\p{Ll}+))"
)
DIRECTED_RE = regex.compile(
    r"(?<![\w])(?:"
    + _TARGET
    + r"\s+(?:is|are|'s|'re|was|were|r|seem|seems|look|looks|sound|sounds)\s+(?:such\s+|just\s+|so\s+|really\s+|"
    r"a\s+|an\s+|the\s+|total\s+|complete\s+|utter\s+|absolute\s+|bunch\s+of\s+|pack\s+of\s+|"
    r"(?:" + INSULT_ADJ + r")\s+){0,4}(?:" + INSULT_ADJ + r"|" + INSULT_NOUNS + r")"
    r"|(?:you|ya|u)\s+(?:(?:" + INSULT_ADJ + r"|little|absolute|complete|utter|total|bunch\s+of|pack\s+of)\s+){0,3}"
    r"(?:" + INSULT_NOUNS + r")"
    r"|(?:you(?:'re|\s+are|r)|ur|your\s+(?:a|an))\s+(?:(?:such\s+|so\s+|a\s+|an\s+|just\s+|really\s+))*(?:"
    + INSULT_ADJ + r"|" + INSULT_NOUNS + r")"
    r"|shut\s+(?:up|your\s+(?:mouth|face|gob))|stfu|gtfo|piss\s+off|fuck\s+(?:off|you)|f\s*off|sod\s+off|"
    r"go\s+(?:to\s+hell|die|kill\s+yourself)|kys|kill\s+yourself|get\s+lost|eat\s+shit|"
    r"stop\s+(?:moaning|whining|whinging|crying|bitching)"
    r")(?![\w])",
    regex.IGNORECASE,
)


# Every match of DIRECTED_RE holds one of these words as a whole run of word characters (its
# closing insult, or the rarest word of 'shut up', 'stfu', 'f off', 'go to hell', ...): a post
# holding none of them cannot match, and most posts are skipped by this set test instead of the
# pattern.  Built from the same word lists, so it cannot fall out of step with them.
_DIRECTED_LAST_WORDS = frozenset(
    re.findall(r"\w+", f"{INSULT_ADJ}|{INSULT_NOUNS}".replace("\\s+", " "))
    + wordlist("shut stfu gtfo piss fuck f foff sod hell die kill kys lost shit")
    + wordlist("moaning whining whinging crying bitching")
)


# A second, tighter pre-check that every match passes (so it only saves pattern runs): a match
# holds, as a whole run of ASCII letters once case-folded, one of its closing words ('of' and
# 'dead' are only ever inside 'waste of space' and 'brain-dead', whose 'space' and 'brain' are
# there too) AND one of the words it starts from: a verb after the target ('is', 'are', "'s"...),
# 'you'/'your'/'ur'/'u'/'ya', or the first word of a fixed phrase ('shut up', 'get lost'...). In
# runs of [a-z] after casefold() (with 'İ', which IGNORECASE matches to 'i', folded to 'i'), the
# pattern's words appear whole: no character outside the pattern's \w folds to an ASCII letter.
_DIRECTED_CLOSING = _DIRECTED_LAST_WORDS - {"of", "dead"}
_DIRECTED_LEAD = frozenset(
    wordlist("is are s re was were r seem seems look looks sound sounds")  # after a target
    + wordlist("you ya u your ur")  # 'you idiot', "you're/your/ur a ..."
    + wordlist("shut stfu gtfo piss fuck f foff sod go kys kill get eat stop")  # fixed phrases
)
_ASCII_RUN_RE = re.compile(r"[a-z]+")


def _may_direct(text: str) -> bool:
    # casefold, as the pattern's IGNORECASE would match 'ſ' to 's' or 'K' (Kelvin) to 'k'
    folded = text.casefold()
    if _DIRECTED_LAST_WORDS.isdisjoint(re.findall(r"\w+", folded)):
        return False
    runs = set(_ASCII_RUN_RE.findall(folded.replace("i\u0307", "i")))
    return not _DIRECTED_CLOSING.isdisjoint(runs) and not _DIRECTED_LEAD.isdisjoint(runs)


@rule(
    "ABU001",
    "slur",
    "abuse",
    "block",
    clauses.PUBLIC_GATHERING,
    "Slurs attack people for who they are; they breach the dignity-at-work policy whoever posts them.",
    "Remove the slur; there is no acceptable context for it in an institutional or staff post.",
    [
        Example("what a retard", True),
        Example("Our Scunthorpe campus opens today", False),
    ],
)
def slur(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for m in SLURS.finditer(doc.masked):
        yield m.start(), m.end(), "Slur or hateful term."


@rule(
    "ABU002",
    "directed-insult",
    "abuse",
    "warn",
    clauses.PUBLIC_GATHERING,
    "Insulting a person or group (students, colleagues, 'you lot') is harassment in public and "
    "reflects on the author and the institution.",
    "Criticise the decision or behaviour, not the person; or say nothing.",
    [
        Example("My head of department is a spineless clown and everyone knows it.", True, "bluesky", "personal"),
        Example("Shut up and stop moaning about the wifi, you lot are pathetic.", True),
        Example("You are brilliant, thank you for coming!", False),
        Example("The weather is pathetic today, bring an umbrella.", False),
    ],
)
def directed_insult(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    if not _may_direct(doc.text):
        return
    for m in DIRECTED_RE.finditer(doc.text):
        if any(s <= m.start() < e for s, e in doc.urls):
            continue
        yield m.start(), m.end(), "Insulting language aimed at a person or group."
        return


@rule(
    "ABU003",
    "abuse-classifier",
    "abuse",
    "warn",
    clauses.UNPROFESSIONAL,
    "A classifier trained on real offensive tweets catches insults, threats and profanity that "
    "word lists miss (and ignores harmless uses of the same words).",
    "Rephrase without insults or profanity; if you are angry, wait before posting.",
    [
        Example("@user you are a disgusting piece of garbage and should be ashamed", True),
        Example("Thank you to everyone who came to the open day!", False),
    ],
    needs_ml=True,
)
def abuse_classifier(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    p = doc.abuse_at_least(cp.abuse_threshold)
    if p is not None and p >= cp.abuse_threshold:
        yield 0, len(doc.text), f"Reads as offensive or insulting (classifier score {p:.2f})."
