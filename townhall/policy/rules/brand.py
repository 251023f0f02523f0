"""brand: speaking as the institution from a personal account, impersonation, unofficial
logos, misuse of the institution's names (names and aliases come from the pack)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.abuse import _STRONG_RE, _YOU_INSULT_RE
from townhall.policy.rules.common import gate, gate_words, token_set
from townhall.policy.rules.privacy import FREEMAIL

_CLAIM_RE = re.compile(
    # "the official account of ..." claimed, not pointed to ("link to the official page below")
    r"(?<![\w])(?:(?:the\s+)?official\s+"
    r"(?:account|page|profile|channel|twitter|feed|handle|voice|"
    r"instagram|x\s+account|bluesky|mastodon)(?:\s+(?:of|for))?"
    r"|(?:this|i)\s+(?:is|am)\s+(?:the\s+)?(?:official|verified)"
    r"|on\s+behalf\s+of\s+(?:the\s+)?(?:university|uni|institution|school|faculty|college)"
    r"|(?:speak|speaking|post|posting|write|writing|announce|announcing)\s+on\s+behalf\s+of\s+(?:the\s+|our\s+)?(?:whole\s+|entire\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:department|dept|school|faculty|team|office|service|centre|library|union|staff|students)(?![\w])"
    r"|official\s+(?:[\w'’-]+\s+){0,3}?(?:advice|word|line|update|answer|guidance|position|news|statement|confirmation)\s+"
    r"from\s+me"
    r"|as\s+(?:the\s+)?(?:head|director|manager|dean|chair|lead|leader|coordinator|officer|pvc|vc)\s+(?:of\s+)?[^,.!?\n]{0,50},\s*"
    r"(?:i'?m|i\s+am|we\s+are|we'?re|i|we)\s+(?:\w+\s+){0,3}?(?:confirm|announce|delighted|pleased|happy|proud|sorry)"
    r"|speaking\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?(?:university|uni|institution)"
    r"|(?:dm|message|contact)\s+us\s+for\s+(?:offers?|admissions?|places?|your\s+offer|scholarships?|refunds?)"
    r"|we\s+are\s+(?:the\s+)?(?:university|uni|admissions\s+team|admissions\s+office)"
    r"|(?:admissions|registry|accommodation|finance)\s+(?:team|office)\s+here"
    r"|(?:this\s+is|i'?m|i\s+am|we\s+are|we'?re)\s+(?:the\s+)?(?:new\s+)?(?:head\s+of\s+(?:admissions|recruitment|student\s+\w+)|"
    # ("I'm running the team meeting", "I'm on the team" are what the author does, not who speaks)
    r"(?:(?!(?:\w+ing|on|in|at|with|for|from|off|out|of|part|to|back|away)\b)\w+\s+){0,2}(?:team|office)(?=[\s.,:!])|"
    r"social\s+media\s+manager\s+for\s+the\s+(?:university|uni))"
    r"|(?:quick\s+)?(?:announcement|news|good\s+news|update|message|statement|fyi|notice|reminder|psa)\s+from\s+the\s+"
    r"(?:[\w'’-]+\s+){0,2}(?:office|team|registry|department|faculty|library|service|centre|school)"
    r"|official\s+(?:statement|announcement|update)\s+from|follow\s+(?:my|this)\s+(?:personal\s+)?account\s+for\s+"
    r"(?:all\s+)?(?:the\s+)?official"
    r"|(?:dm|message)\s+(?:me|us)\s+(?:directly\s+)?(?:for\s+(?:offers?|places?)|your\s+details)|to\s+(?:hold|secure|confirm)\s+your\s+place"
    r"|(?:dm|message|pm|email|text)\s+me\s+(?:directly\s+)?(?:for|with)\s+(?:your\s+)?(?:offers?|places?|accommodation|room|"
    r"allocation|results?|cas|visa|application|deposit|ucas)"
    r"|send\s+your\s+deposit|i\s+handle\s+all\s+admissions|for\s+all\s+enquiries\s+about\s+courses"
    # writing as an office ("Tweeting from the Vice-Chancellor's Office:"), taking payment for a place
    r"|(?:tweeting|posting|writing|messaging)\s+(?:from|for|on\s+behalf\s+of)\s+the\s+(?:[\w'’-]+\s+){0,3}"
    r"(?:office|team|department|dept|library|service|centre|faculty|school|registry)(?=\s*[:,-])"
    r"|(?:posting|sharing|here'?s|here\s+is)\s+(?:our|the|my)\s+(?:[\w'’-]+\s+){0,2}official\s+(?:response|statement|position|reply)"
    r"|(?:this\s+is|we'?re|we\s+are)\s+(?:[\w'’-]+\s+){0,2}(?:admissions|careers|library|registry|accommodation|finance)"
    r"\s+(?:on\s+(?:x|bluesky|threads|instagram|tiktok|mastodon|facebook|linkedin)|here|now)"
    # promising what only the institution can give ("I can sort you an offer", "consider it approved")
    r"|consider\s+it\s+(?:done|approved|sorted|agreed|granted)"
    r"|i\s+(?:can|could|will|'ll)\s+(?:\w+\s+)?(?:sort|get|guarantee|arrange|make\s+sure|promise)\s+(?:you\s+)?(?:an?\s+|your\s+)?"
    r"(?:\w+\s+)?(?:offer|place|refund|waiver|scholarship|bursary|room|accommodation|allocation|extension|upgrade|interview|"
    r"cas|visa|transfer)"
    r"|pay\s+(?:the|a|your)\s+(?:£\s?\d+\s+)?(?:deposit|fee|admin\s+fee)\s+(?:via|through|by|to|with|on)"
    # "as the voice of the Careers Service", "as a spokesperson for the Student Services team", "as the uni's voice"
    r"|as\s+(?:the|a|an|its|their|your)\s+(?:[\w'’()-]+\s+){0,3}?(?:voice|spokes(?:person|man|woman)|mouthpiece|"
    r"representative|face)\s+(?:of|for)\s+(?:the\s+|our\s+)?(?:[\w'’-]+\s+){0,3}?(?:university|uni|college|institution|"
    r"school|faculty|department|dept|team|office|service|services|union|library|registry|admissions)(?![\w])"
    r"|as\s+(?:the|our|my)\s+(?:university|uni|college|institution|school|faculty|department)'?s?\s+(?:[\w'’()-]+\s+){0,3}?"
    r"(?:spokes(?:person|man|woman)|voice|mouthpiece|representative)"
    # "speaking for everyone at the uni", "on behalf of all of us at ..."
    r"|(?:speaking|speak|posting|writing)\s+(?:for|on\s+behalf\s+of)\s+(?:everyone|everybody|all\s+of\s+us|all\s+(?:the\s+)?"
    r"(?:staff|students|colleagues))\s+(?:at|in)\s+(?:the\s+)?(?:university|uni|college|institution)"
    r"|(?:say|saying|state|stating|put|tell|telling|announc\w+|confirm\w*)\s+(?:it\s+|this\s+|you\s+)?officially"
    # "I am speaking officially for Queen's University", "representing officially the University of X"
    r"|(?:speak(?:ing|s)?|represent(?:ing|s)?|post(?:ing)?|writ(?:e|ing)|act(?:ing)?)\s+officially\s+(?:for\s+|on\s+behalf\s+of\s+)?"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:university|uni|college|institution)"
    r"|(?<!\w)(?:speak|speaks|spoke)\s+for\s+(?:the\s+|my\s+|our\s+)?(?:uni|university|college|institution|school|faculty|"
    r"department|dept)(?![\w])"
    # "I represent Westbridge University officially", "I'm the uni's spokesperson now", "on behalf of
    # Westbridge University," (a named institution, not only the pack's own names)
    r"|(?:i|we)\s+(?:officially\s+)?represent\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:university|uni|college|institution)"
    r"(?!['’]s)(?:\s+officially)?"
    r"|(?:i'?m|i\s+am|i'?ve\s+become|i\s+have\s+become|this\s+is)\s+(?:now\s+)?(?:officially\s+)?(?:the|a|an)\s+"
    r"(?:official\s+)?(?:(?:university|uni|college|institution)(?:'s|’s)?\s+|(?:[\w'’-]+\s+){0,2}?(?:university|uni|"
    r"college)(?:'s|’s)\s+)(?:official\s+|new\s+)?(?:spokes(?:person|man|woman)|voice|mouthpiece|representative|"
    r"press\s+officer)"
    r"|(?:^|[.!?]\s+)on\s+behalf\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?(?:university|uni|college)\s*,"
    # "On behalf of the whole University I want to apologise", "on behalf of everyone at the uni"
    r"|on\s+behalf\s+of\s+(?:the\s+(?:whole|entire)\s+|everyone\s+at\s+(?:the\s+)?|everybody\s+at\s+(?:the\s+)?|"
    r"all\s+of\s+us\s+at\s+(?:the\s+)?)(?:university|uni|college|institution)"
    # "I'm authorised to say on the University's behalf", "authorised to speak for Kelmouth here"
    r"|on\s+(?:the\s+|our\s+)?(?:[\w'’-]+\s+){0,2}?(?:university|uni|college|institution)['’]s\s+behalf"
    r"|(?:authori[sz]ed|cleared|permitted|allowed)\s+to\s+(?:speak|say|announce|confirm|comment|post)\s+(?:this\s+|that\s+)?"
    r"(?:for|on\s+behalf\s+of|on\s+\S+\s+behalf)\s+(?!myself|me\b|my\s+own)[\w'’-]+"
    # "As Kelmouth University's official spokesperson I can announce", "As the voice of Westbridge I can
    # confirm": a claimed institutional role, then the author announcing in its name
    r"|as\s+(?:the\s+|its\s+|our\s+)?(?:[\w'’-]+\s+){0,3}?(?:official\s+)?(?:voice|spokes(?:person|man|woman)|mouthpiece)"
    r"\s+(?:(?:of|for)\s+(?!(?:the|a|an|my|this|his|her|their)\s)[\w'’-]+(?:\s+[\w'’-]+){0,3}?\s*,?\s*)?(?:i|we)\s+"
    r"(?:can\s+|hereby\s+|am\s+|'m\s+|must\s+)?(?:now\s+)?(?:officially\s+)?(?:confirm|announce|declare|reveal)"
    # "The University has officially told me I can announce ...", "officially confirmed to me, and I can now tell you"
    r"|(?:university|uni|college|institution)\s+has\s+(?:now\s+)?officially\s+(?:confirmed|told|informed|authori[sz]ed|"
    r"cleared|asked)\s+(?:\w+\s+){0,2}?(?:me|us)\b[^.!?\n]{0,40}?\b(?:i|we)\s+(?:can|may|am\s+able\s+to)\s+(?:now\s+)?"
    r"(?:announce|confirm|tell|say|share)"
    r")(?![\w])"
)


_BEHALF_NAMED_RE = regex.compile(
    r"(?<![\w])(?i:on\s+behalf\s+of)\s+(?:the\s+)?(?:\p{Lu}[\w'’&.-]*\s+){0,3}(?P<last>\p{Lu}[\w'’.-]*)\s*,?\s+"
    r"(?i:i|we)(?:'m|’m|'re|’re|\s+am|\s+are|\s+want|\s+would|\s+wish|\s+can|\s+must|\s+have|\s+hereby|\s+will)?\s*"
    r"(?i:\w+\s+){0,2}?(?i:apologi[sz]e|confirm|announce|regret|reject|welcome|delighted|pleased|proud|sorry|thank|"
    r"condemn|support|deny|state|declare)"
)
# the announcing verb before the body ("I can confirm on behalf of Cardiff University that ...",
# "I'm announcing on behalf of Swansea University that the campus is closed"): the same claim with
# the speaker first; the named body's words may include 'of'/'and' ("the University of Bristol")
_VERB_BEHALF_NAMED_RE = regex.compile(
    r"(?<![\w])(?i:i|we)(?i:'m|’m|'re|’re|\s+am|\s+are|\s+can|\s+hereby|\s+will|\s+must|\s+want\s+to|\s+would\s+like\s+to)?"
    r"(?i:\s+(?:now|officially|hereby))?\s+(?i:confirm|confirming|announce|announcing|state|stating|declare|declaring|"
    r"say|saying|tell\s+you|telling\s+you|apologi[sz]e|apologi[sz]ing)\s+(?i:on\s+behalf\s+of)\s+(?i:the\s+)?"
    r"(?:(?:\p{Lu}[\w'’&.-]*|of|and|&)\s+){0,4}(?P<last>\p{Lu}[\w'’.-]*)"
)
# bodies one may speak for without being the institution's voice
_OWN_GROUP_WORDS = gate_words(
    "lab group team committee society club network family project consortium authors organisers organizers "
    "editors board panel students colleagues"
)
_INST_WORD_RE = re.compile(
    r"(?<![\w])(?:university|uni|uni's|college|institution|our\s+(?:school|faculty|department))(?![\w])"
)
_DISCLAIMS_RE = re.compile(
    # ... or "in no position to" ("I'm in no position to speak for the faculty, but ...")
    r"(?:\bnot|n't|\bnever|\bcannot|\bnothing|\banything|\bno\s+one|\bnobody|\bno\s+position|\bno\s+authority|"
    r"\bno\s+right)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# (also through an owner's name: "an apology from Aberystwyth University's official account")
_POINTED_TO_RE = re.compile(
    r"(?:^|\W)(?:to|on|via|at|see|visit|check|from|in|by|follow)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}[\w-]+(?:'s|’s)\s+)?$"
)


# the statement named as the institution's own ("the uni's official statement", "the university's"): round 15
_RELAYED_RE = regex.compile(r"(?:sharing|reposting|re-?sharing|passing\s+on|here['’]?s|read|see)\s+(?:the\s+)?$")
_THEIRS_RE = regex.compile(r"(?:uni|university|college|employer|institution|school|department)['’]s\s")


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
        Example("I'm the university's spokesperson now apparently, so: the library closes", True, account="personal"),
        Example("On behalf of Westbridge University, we apologise for nothing", True, account="personal"),
        Example("I represent Westbridge University officially and we endorse CryptoCoin", True, account="personal"),
        Example("I represent the university's rowing club at BUCS this weekend!", False, account="personal"),
        Example("Spoke to the university's spokesperson about the new library today.", False, account="personal"),
        Example("So proud to work at Example University!", False, account="personal"),
        Example("Speaking on behalf of Ulster University, we apologise for the disruption.", True, account="personal"),
        Example("On behalf of Edinburgh Napier, I want to apologise for the email.", True, account="personal"),
        Example("On behalf of the Organising Committee, we thank all our speakers!", False, account="personal"),
        Example("I can confirm on behalf of Kelmouth University that all exams are off", True, account="personal"),
        Example(
            "I can confirm on behalf of the Organising Committee that the deadline moves", False, account="personal"
        ),
    ],
    accounts=("personal",),
)
def speaking_as_institution(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    for m in _CLAIM_RE.finditer(t):
        if m.group(0).startswith(("official", "the official")) and _POINTED_TO_RE.search(t, 0, m.start()):
            continue  # "link to the official page below" points to it, it does not claim to be it
        if _DISCLAIMS_RE.search(t, max(0, m.start() - 30), m.start()):
            continue  # "I'm not speaking for the university", "I can't promise anything on behalf of ..."
        if m.group(0).startswith(("sharing", "posting")) and _THEIRS_RE.search(m.group(0)):
            continue  # "Sharing the uni's official statement": passed on as the institution's, not spoken as it
        if m.group(0).startswith("official") and _RELAYED_RE.search(t, max(0, m.start() - 30), m.start()):
            continue  # "Sharing the official update from Fenmoor: ..." (round 37): passed on, not spoken as it
        if m.group(0).endswith("officially") and not _INST_WORD_RE.search(t, max(0, m.start() - 80), m.end() + 80):
            continue  # "I can officially say I'm a doctor!": one's own news, not the institution's
        yield m.start(), m.end(), "A personal account speaks as the institution."
        return
    # "Speaking on behalf of Ulster University, we apologise", "On behalf of Edinburgh Napier, I want to
    # apologise": a named body (capitalised words, not one's lab, team or committee), then I/we speaking
    b = (_BEHALF_NAMED_RE.search(doc.text) or _VERB_BEHALF_NAMED_RE.search(doc.text)) if "behalf" in t else None
    if b and b.group("last").lower() not in _OWN_GROUP_WORDS:
        yield b.start(), b.end(), "A personal account speaks as the institution."
        return
    # "Example University Admissions: ..." / "We at Example University announce"
    for nm in cp.institution_re.finditer(t):
        after = t[nm.end() : nm.end() + 40]
        before = t[max(0, nm.start() - 45) : nm.start()]
        if regex.match(
            r"\s*(?:admissions|official|team|here\b|announces|is\s+pleased\s+to\s+announce|library|careers|"
            r"accommodation|registry|finance|student\s+support)",
            after,
        ) or (
            _AS_INST_RE.search(before) and (not before.rstrip().endswith("as") or _SPOKES_RE.match(t, nm.end()))
        ):
            yield nm.start(), nm.end(), "A personal account speaks as the institution."
            return


# before the institution's name: "We at", "on behalf of", "speaking for everyone at", "as"
_AS_INST_RE = regex.compile(
    r"(?:we\s+at|we,|on\s+behalf\s+of|this\s+is|new\s+account\s+for|statement\s+from|(?:speaking|speak|posting|"
    r"writing)\s+(?:for|on\s+behalf\s+of)\s+(?:everyone|everybody|all\s+of\s+us|all\s+(?:the\s+)?staff)\s+at|"
    r"(?<![\w])as)\s*$"
)
# after "as <institution>": "'s (new) spokesperson", "'s voice on here"
_SPOKES_RE = regex.compile(
    r"'?s?\s+(?:[\w'’()-]+\s+){0,3}?(?:spokes(?:person|man|woman)|voice|mouthpiece|representative)(?![\w])"
)


_IMPERSONATE_RE = regex.compile(
    r"(?<![\w])(?:i\s+am|i'm|this\s+is|posting\s+as|tweeting\s+as|speaking\s+as)\s+(?:the\s+)?"
    # the Pro- and Deputy Vice-Chancellors are office-holders as much as the Vice-Chancellor
    r"(?:(?:(?:pro|deputy)[-\s]+)?vice[-\s]chancellor|vc|pvc|dvc|provost|registrar|dean|president|principal|chancellor|head\s+of\s+admissions|"
    r"university\s+secretary)(?![\w])"
    r"|(?:parody|fake|spoof|pretend)\s+(?:\w+\s+){0,2}(?:account|version|profile|page)\s+(?:of|for)\s+(?:our|the)\s+"
    r"(?:\w+\s+){0,2}(?:vice[-\s]chancellor|vc|university|uni|dean|registrar|provost|president|instagram|twitter|page)"
    r"|(?:made|set\s+up|created|started|running|run|runs|opened|launched|registered)\s+a\s+(?:fake|parody|spoof|lookalike|"
    r"look-alike|copycat|clone)\s+(?:\w+\s+){0,3}(?:account|profile|page)"
    # "set up @CardiffUniOfficial2 so students can DM me": a handle made to look like the institution's
    r"|(?:made|set\s+up|created|started|opened|registered|running|grabbed)\s+(?:an?\s+(?:new\s+)?account\s+(?:called\s+)?)?"
    r"@\w*(?:uni|university|college|official)\w*"
    r"|(?:^|[.!?]\s*|\bi'?m\s+|\bi\s+am\s+|\bwe'?re\s+|\bwe\s+are\s+|\bi\s+was\s+|\bbeen\s+)pretend(?:ing|ed|s)?\s+to\s+be\s+(?:the\s+|a\s+)?(?:official\s+)?(?:\w+\s+){0,2}?(?:uni|university|college|"
    r"vice[-\s]chancellor|vc|dean|registrar|provost|admissions)(?![\w])"
    r"|i'?m\s+(?:professor|dr)\s+\w+,\s+(?:pro-)?vice[-\s]chancellor"
    r"|fake\s+(?:[\w'’]+\s+){0,3}?(?:acceptance\s+|offer\s+)?(?:letters?|offers?|certificates?|degrees?|transcripts?)"
    # round 20 (P3): a personal account renamed as the institution or one of its services ("changed my display
    # name to "Ashcombe University Careers" so students can find me")
    # round 20e (P4): 'Started a group called "Official Mercia University Staff"'
    r"|(?:started|set\s+up|created|made|opened|launched)\s+a\s+(?:new\s+)?(?:\w+\s+)?(?:group|page|account|channel|server)\s+"
    r"called\s+[\"“'‘]?official\s+(?:[\w'’-]+\s+){0,3}?(?:university|uni|college)"
    r"|(?:changed|changing|set|setting|renamed|renaming|switched|updated)\s+(?:my|our)\s+(?:display\s+|profile\s+|account\s+|"
    r"user\s*)?(?:name|handle|username|bio)\s+(?:to|as)\s+[\"“'‘]?(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:university|uni|college)"
    r"(?![\w])",
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
        Example("pretending to be the official uni account for April fools, made a lookalike page", True,
                account="personal"),
        Example("Beware: someone is pretending to be the university on WhatsApp. Report it.", False,
                account="personal"),
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
    r"recolored|updated|stretched|squashed|squished|distorted|warped|cropped|flipped|altered|adapted|customi[sz]ed|"
    r"reworked|redesigned|reimagined|messed\s+(?:about|around)\s+with|played\s+(?:about|around)\s+with|"
    r"mocked\s+up|mashed|mashed\s+up|merged|combined|fused|spliced)\s+(?:a|the|our|my|my\s+own|their)\s+(?:own\s+)?(?:version\s+of\s+(?:the|our)\s+)?"
    r"(?:(?:new|quick|little|simple|fresh|fun|cute|better|modern|temporary|stand-?in)\s+){0,2}"
    r"(?:university\s+|uni\s+|institution'?s?\s+|school\s+|department\s+)?(?:logo|crest|coat\s+of\s+arms)"
    # "gave the logo a makeover", "a quick facelift for the crest"
    r"|(?:gave|give|giving|given)\s+(?:the|our)\s+(?:university\s+|uni\s+)?(?:logo|crest)\s+a\s+(?:\w+\s+)?(?:makeover|"
    r"facelift|revamp|glow-?up|twist)"
    r"|(?:logo|crest)\s+(?:i|we)\s+(?:made|designed|edited|tweaked|photoshopped)"
    # round 20e (P4): "Using our school crest as the artwork for my personal podcast"
    r"|(?:using|used|use|nicked|borrowed|took|pinched)\s+(?:our|the)\s+(?:[\w'’-]+\s+){0,2}?(?:crest|logo|coat\s+of\s+arms|"
    r"badge|shield)\s+(?:as|for|on)\b[^.!?\n]{0,40}?\bmy\s+(?:own\s+|personal\s+|new\s+)?(?:[\w-]+\s+)?(?:podcast|"
    r"channel|blog|business|brand|shop|website|band|company|youtube|newsletter|page|account))(?![\w])",
    regex.IGNORECASE,
)


# Round 21 (P5, P6): the institution's marks taken for one's own ends, said by new writers: the logo
# "borrowed from work" for a venture, the crest put on one's own van, the university's banner behind
# one's own promo pictures "so it looks proper", hoodies with the crest printed and sold privately, and
# a free-mail address dressed in the institution's name for staff business ("brookfield.uni.travel@gmail.com,
# the account I use for staff trip bookings").
_R21_MARKS_RE = regex.compile(
    r"(?i)(?<![\w])(?:(?:borrowed|nicked|pinched|lifted|took|grabbed|swiped)\s+(?:the|our)\s+(?:uni(?:versity)?['’]?s?\s+)?"
    r"(?:logo|crest|branding)\s+(?:from|off)\s+(?:work|the\s+uni(?:versity)?|the\s+office)"
    r"|(?:uni(?:versity)?|college|work)\s+(?:logo|crest|coat\s+of\s+arms)\s+on\s+my\s+(?:own\s+)?(?:van|car|house|boat|bike|"
    r"wedding|stall|shop|products?|business\s+cards?|website)"
    r"|(?:uni(?:versity)?|college)['’]?s?\s+(?:banner|logo|crest|branding|backdrop|sign)\s+in\s+(?:the\s+)?(?:background\s+of\s+)?"
    r"my\s+(?:own\s+)?(?:promo|advert|ad|ads|marketing|business|shop|product|wedding\s+\w+)"
    r"|(?:got|had|have|getting)\s+(?:some\s+)?(?:[\w-]+\s+){0,2}?(?:printed|made|embroidered)\s+with\s+(?:the|our)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:crest|logo|coat\s+of\s+arms)\b[^.!?\n]{0,60}?(?:£\s?\d|\beach\b|for\s+sale|message\s+me|"
    r"dm\s+me|to\s+order))"
)
_R21_MARK_WORDS = frozenset(("borrowed", "nicked", "pinched", "lifted", "took", "grabbed", "swiped", "van", "car",
                             "banner", "backdrop", "printed", "embroidered", "made"))
_R21_MARK_NOUNS = frozenset(("logo", "crest", "branding", "banner", "backdrop", "sign", "arms"))
# the words that dress a free-mail address in the institution's name ("brookfield.uni.travel@gmail.com")
_INSTITUTION_LOCAL_PARTS = frozenset(("uni", "univ", "university", "college", "dept", "faculty", "staff"))
_LOCAL_PART_SEP_RE = re.compile(r"[._-]")


def _marks_r21(doc: Doc) -> Hit | None:
    """One of the round-21 misuses of the institution's marks or name (see _R21_MARKS_RE)."""
    t = doc.masked
    for s, e, local, domain in doc.emails:
        if domain in FREEMAIL and not _INSTITUTION_LOCAL_PARTS.isdisjoint(_LOCAL_PART_SEP_RE.split(local.lower())):
            return s, e, "A private e-mail account dressed in the institution's name."
    words = token_set(t)
    if (
        doc.ctx.account == "personal"
        and not _R21_MARK_WORDS.isdisjoint(words)
        and not _R21_MARK_NOUNS.isdisjoint(words)
    ):
        m = _R21_MARKS_RE.search(t)
        if m is not None:
            return m.start(), m.end(), "The institution's crest or logo put on a private product or venture."
    return None


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
        Example("Stretched the logo a bit and changed the font for our unofficial club flyers", True),
        Example("Download the official logo from the brand centre.", False),
        Example("The university crest on a new banner at the main gate", False),
        Example("Selling hoodies with the university crest on them, DM me", True, account="personal"),
    ],
)
def unofficial_logo(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    r21 = _marks_r21(doc)
    if r21 is not None:
        yield r21
        return
    if doc.ctx.account == "personal" and gate(t, _MERCH_WORDS):
        # the pack's institution, or any university or college named beside its crest (round 18: selling
        # "Glanmor University hoodies ... crest on the front" misuses that university's marks just the same)
        names = [*cp.institution_re.finditer(t)]
        if gate(t, _LOGO_WORDS) and len(doc.text) == len(t):  # the masked text keeps the text's positions
            names += _ANY_INSTITUTION_RE.finditer(doc.text)
        for nm in names:
            s, e = max(0, nm.start() - 60), min(len(t), nm.end() + 60)
            if _MERCH_RE.search(t, s, e) and _ALTER_RE.search(t, s, e) and not _PROPER_USE_RE.search(t, s, e):
                yield nm.start(), nm.end(), "The institution's name on home-made or unofficial merchandise."
                return
    if doc.ctx.account == "personal" and gate(t, _OWN_AFFAIRS_MARK_WORDS):
        hit = _marks_for_own_affairs(t)
        if hit is not None:
            yield hit
            return
    if not gate(t, _LOGO_WORDS):
        return
    if doc.ctx.account != "personal" and _OWN_TEAM_RE.search(t) and "unofficial" not in t:
        return  # the institution's comms or brand team updating its own marks
    if _FAKE_WARNING_RE.search(t):
        return  # "watch out for fake accounts using our logo": a warning against misuse, not misuse
    m = _LOGO_RE.search(t)
    if m and t[m.end() : m.end() + 12].lstrip().startswith(("myself", "ourselves")) and not _INST_MARK_RE.search(
        m.group(0)
    ):
        m = None  # round 21: "my tutoring business ... designed the logo myself": one's own logo, not the institution's
    if m:
        yield m.start(), m.end(), "Unofficial or altered logo."
        return
    m = _MARK_ON_PRODUCT_RE.search(t)
    if (
        m
        and not m.group("recoloured")  # "instead of navy": the brand's own colours, so the institution's logo
        and "logo" in m.group(0)
        and not _INST_MARK_RE.search(t, max(0, m.start() - 60), m.end())  # before the mark or in the match
    ):
        m = None  # "our spin-out's own logo on the pitch deck": a logo, but not the institution's
    if m and _VENTURE_RE.search(t) and not _PROPER_USE_RE.search(t):
        if m.group("recoloured"):
            yield m.start(), m.end(), "The institution's logo recoloured away from its brand colours."
        else:
            yield m.start(), m.end(), "The institution's crest or logo put on a private product or venture."
        return
    m = _ALTERED_MARK_RE.search(t)
    if m and not _BY_OWN_DESIGNERS_RE.match(t, m.end()):
        # altered is altered wherever it is sold ("the crest recoloured in rainbow stripes, at the SU shop")
        yield m.start(), m.end(), "The institution's logo or crest altered."
        return
    sneak = _SNEAK_RE.search(t)
    pu = _PROPER_USE_RE.search(t)
    if pu and not sneak and not _FAKE_RE.search(t) and not _HOPE_RE.search(t, max(0, pu.start() - 25), pu.start()):
        return
    official = doc.ctx.account != "personal"
    if (
        official
        and not sneak
        and not _FAKE_RE.search(t)
        and _MARK_HISTORY_RE.search(t)
        and not _WE_ALTERED_RE.search(t)
    ):
        return  # "our crest has changed four times since 1900": the mark's own history, told by its owner
    m = _FREE_FOR_ALL_RE.search(t)
    if m:
        yield m.start(), m.end(), "The institution's logo or crest handed out for any use."
        return
    for mk in _MARK_RE.finditer(t):
        if _NO_MARK_RE.search(t, max(0, mk.start() - 30), mk.start()):
            continue  # "no university crest involved"
        s, e = max(0, mk.start() - 70), min(len(t), mk.end() + 70)
        window = t[s:e]
        institutional = any(
            not _NO_MARK_RE.search(t, max(0, s + im.start() - 30), s + im.start())
            for im in (*_INST_MARK_RE.finditer(window), *cp.institution_re.finditer(window))
        ) or (official and _OUR_MARK_RE.search(window) is not None)
        # an official account putting its own crest on its banners and merchandise is the institution
        # using its marks; only an altered mark, or one used where nobody is to know, is a problem there
        merch_counts = doc.ctx.account == "personal" or _FAKE_RE.search(window) is not None
        if institutional and (
            _ALTER_RE.search(window) or (merch_counts and _MERCH_RE.search(window)) or sneak is not None
        ):
            yield mk.start(), mk.end(), "The institution's logo or crest altered, or used on unofficial material."
            return


# The institution's marks (logo, crest, letterhead, templates, colours, typeface) taken for the
# author's own affairs: a business, a product, a pitch to investors, a wedding, a church talk, or
# handed out for anyone to use. Said many ways ("my consultancy website now carries the university's
# logo", "our pitch deck uses the crest on every slide", "put the logo files on a public Dropbox"),
# so it is read as two parts: an institutional mark, and something of one's own (or a free-for-all)
# within the same stretch of text; the proper route (brand team, approved) clears it.
_OWN_AFFAIRS_MARK_WORDS = gate_words(
    "logo logos crest shield arms letterhead template templates typeface font colours colors palette branding"
)
_INST_MARK_USE_RE = regex.compile(
    r"(?<![\w])(?:(?:the\s+|our\s+)?(?:university|uni|college|institution|department|dept|school|faculty)(?:'s|’s|s')?|"
    r"the\s+official|(?-i:\p{Lu}[\w'’-]+(?:\s+(?:of\s+)?\p{Lu}[\w'’-]+){0,2}))\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:logo|logos|crest|shield|coat\s+of\s+arms|letterhead|templates?|typeface|font|colou?rs|colou?r\s+palette|palette|"
    r"branding|logo\s+files)(?![\w])"
    r"|(?<![\w])(?:logo|crest|shield|letterhead|colou?r\s+palette|typeface)\s+of\s+(?:the\s+)?(?:university|uni|college)",
    regex.IGNORECASE,
)
_OWN_AFFAIRS_RE = regex.compile(
    r"(?<![\w])(?:(?:my|our)\s+(?:own\s+|new\s+|little\s+|private\s+|personal\s+)?(?:[\w'’-]+\s+){0,2}?(?:business(?!\s+cards?)|"
    r"company|consultancy|agency|start-?up|firm|shop|stall|brand|product|app|pitch(?:\s+deck)?|investors?(?:\s+\w+)?|"
    r"invitations|invites|wedding|favours|church|tutoring|tuition|side[-\s]hustle|listing|airbnb|band|onlyfans|etsy|"
    r"clinic|practice|freelance\w*|client\w*)(?:'s|’s)?(?![\w])"
    r"|(?:pitch\s+deck|investor\s+(?:slides|deck|pack)|business\s+(?:page|website|site))"
    r"|(?:public|open|shared)\s+(?:dropbox|google\s+drive|drive|folder|link)|help\s+yourselves|for\s+whatever\s+you"
    r"|so\s+(?:that\s+)?(?:clients|customers|investors|people|buyers)\s+(?:will\s+)?(?:trust|think|assume|know|believe))(?![\w])",
    regex.IGNORECASE,
)


def _marks_for_own_affairs(t: str) -> Hit | None:
    """A personal post putting the institution's marks to its author's own use (see above)."""
    for mk in _INST_MARK_USE_RE.finditer(t):
        if _NO_MARK_RE.search(t, max(0, mk.start() - 30), mk.start()):
            continue
        s, e = max(0, mk.start() - 90), min(len(t), mk.end() + 90)
        if _OWN_AFFAIRS_RE.search(t, s, e) and not _PROPER_USE_RE.search(t) and not _FAKE_WARNING_RE.search(t):
            return mk.start(), mk.end(), "The institution's logo or house style used for the author's own affairs."
    return None


_NO_MARK_RE = regex.compile(r"(?<![\w])(?:no|without|not\s+(?:the|a|any|our)|never\s+(?:use|used))\s+(?:\w+\s+){0,2}$")
_OWN_TEAM_RE = regex.compile(
    r"(?<![\w])(?:(?:comms|communications|marketing|brand|branding|design|digital|web|creative)\s+team\s+(?:has\s+|have\s+|"
    r"is\s+|are\s+)?(?:just\s+)?(?:updated|refreshed|redesigned|launched|unveiled|introduced|rolled\s+out|designed|created|"
    r"released|published|produced)|(?:as\s+part\s+of|following|after)\s+(?:the|our)\s+brand\s+(?:refresh|update|review|"
    r"relaunch)"
    # the institution announcing its own new identity ("Our brand refresh rolls out this month",
    # "our new visual identity launches today")
    r"|(?:our|the\s+university'?s)\s+(?:new\s+|refreshed\s+)?(?:brand|visual\s+identity)\s+(?:refresh|relaunch|update)?\s*"
    r"(?:rolls?\s+out|launch(?:es|ed)?|is\s+(?:here|live|out)|goes\s+live|arrives?)"
    # the institution showing its own mark renewed ("Our crest, redesigned for our 50th birthday")
    r"|(?:our|the\s+university'?s)\s+(?:new\s+)?(?:crest|logo|coat\s+of\s+arms|mace),?\s+(?:has\s+been\s+|is\s+|was\s+)?"
    r"(?:(?:newly|lovingly|carefully)\s+)?(?:redesigned|refreshed|updated|restored|modernised|modernized|redrawn)\s+"
    r"(?:for|by\s+(?:our|the)\s+(?:brand|design|comms|communications|marketing)|to\s+mark|in\s+time\s+for|ahead\s+of)"
    r"|(?:our\s+)?(?:refreshed|new)\s+visual\s+identity)(?![\w])"
)
# The mark used where nobody is meant to know ("nobody will notice", "hope nobody minds", "brand team
# haven't seen it yet", "don't tell marketing"): on an official account too, the use was never cleared,
# and a brand team named only as the one kept in the dark is no sign of proper use.
_SNEAK_RE = regex.compile(
    r"(?<![\w])(?:(?:nobody|no\s+one|no-one)\s+will\s+(?:ever\s+)?(?:notice|know|mind|care|spot)|"
    r"hope\s+(?:nobody|no\s+one|no-one)\s+(?:minds|notices)|(?:don['’]?t|do\s+not)\s+tell\s+(?:the\s+)?"
    r"(?:brand|comms|communications|marketing|design)|without\s+(?:asking|permission)|"
    r"(?:brand|comms|communications|marketing|design)\s+(?:team|office|police)\s+(?:haven['’]?t|hasn['’]?t|have\s+not|"
    r"has\s+not|don['’]?t|doesn['’]?t|didn['’]?t|won['’]?t|never|(?:are|is)\s+(?:not|going\s+to)))(?![\w])"
)
# On an official account "our logo" is the institution's own mark (a personal "our logo" may be a society's).
# "Our new logo has been unveiled" is the institution presenting its own new mark, not an alteration.
_OUR_MARK_RE = regex.compile(
    r"(?<![\w])our\s+(?!(?:new|refreshed|fresh|updated|official)\b)(?:[\w-]+\s+)?(?:logo|logos|branding|shield|wordmark|colou?rs)(?![\w])"
)
# The mark named first and then altered ("the university crest recoloured in rainbow stripes", "the
# logo rotated slightly", "our logo is now stretched"): the participle after the noun; "should never be
# stretched" (a rule about the mark) has a word between that is not allowed here.
_ALTERED_MARK_RE = regex.compile(
    r"(?<![\w])(?:logo|crest|coat\s+of\s+arms|wordmark|shield)\s+(?:(?:is|has\s+been|got|now|all|slightly|a\s+bit)\s+){0,2}"
    r"(?:recolou?red|stretched|squashed|squished|distorted|warped|flipped|rotated|skewed|redrawn|photoshopped|"
    r"tweaked|altered|reshaped|cropped|mashed)(?![\w])"
    # round 18 (M1): the alteration said first ("sticking the Fenbridge crest on a neon pink background and
    # swapping the motto", "slap the uni crest on their own kit ... just recolour it in your club colours")
    r"|(?<![\w])(?:stick(?:ing)?|stuck|slap(?:ping|ped)?|plonk(?:ing|ed)?)\s+(?:the|our|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:crest|logo|shield|coat\s+of\s+arms)\s+on\s+(?:a|an|their|our|my|the|your)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:background|kit|shirts?|t-shirts?|hoodies?|mugs?|flyers?|posters?|merch|stickers?|banners?|caps|bags?)(?![\w])"
    r"|(?<![\w])(?:crest|logo|shield|coat\s+of\s+arms)\b[^.!?]{0,80}?(?<!\b(?:don'?t|never|not|no|or|nor)\s)"
    r"\b(?:recolou?r|stretch|squash|redraw)\s+(?:it|them)\b"
    r"|(?<![\w])(?:swapp(?:ing|ed)|swap|chang(?:ing|ed)|replac(?:ing|ed))\s+(?:out\s+)?the\s+(?:latin\s+)?motto\b"
)
# "... redrawn by our design team": the institution's own designers at work.
_BY_OWN_DESIGNERS_RE = regex.compile(
    r"[^.!?]{0,40}?\bby\s+(?:the\s+|our\s+)?(?:university['’]?s\s+|uni['’]?s\s+)?(?:brand|design|comms|communications|"
    r"marketing|creative|digital|graphics)\s+(?:team|office|unit|studio)"
)
# The mark handed out for any use ("anyone can use our logo on their products", "stick it on whatever
# you like"); the brand centre or its guidelines named as the way clears it (_PROPER_USE_RE, above).
_FREE_FOR_ALL_RE = regex.compile(
    r"(?<![\w])(?:(?:anyone|anybody|everyone|everybody)\s+(?:can|may|is\s+free\s+to|is\s+welcome\s+to)\s+(?:\w+\s+)?"
    r"(?:use|print|put|stick|slap)\s+(?:our|the)\s+(?:university\s+|uni\s+)?(?:logo|crest|branding)"
    r"|(?:stick|put|print|slap)\s+(?:it|them)\s+on\s+(?:whatever|anything)(?:\s+you\s+(?:like|want))?)(?![\w])"
)
# ... unless the post says the author altered it ("... since 1900, and we recoloured it purple")
_WE_ALTERED_RE = regex.compile(
    r"(?<![\w])(?:we|i)(?:['’]ve|\s+have)?\s+(?:just\s+|also\s+)?(?:recolou?red|redrew|redrawn|stretched|squashed|"
    r"tweaked|altered|edited|photoshopped|modified|swapped|flipped|rotated|reworked|remixed)(?![\w])"
)
# The mark's own story told by its owner ("our crest has changed four times since 1900", "#tbt: how
# the logo evolved", "our archivist explains the emblem"): history, not an alteration.
_MARK_HISTORY_RE = regex.compile(
    r"(?<![\w])(?:throwback|#tbt|tbt|history|historic|evolution|evolved|archives?|archivist|"
    r"(?:through|over)\s+the\s+(?:years|ages|decades|centuries)|since\s+1[5-9]\d\d|(?:in|from)\s+1[5-9]\d\d)(?![\w])"
)

# copies of the official thing: the SU shop or the brand team named only as what was copied or avoided
_FAKE_RE = regex.compile(
    r"(?<![\w])(?:unofficial|not\s+official|knock-?offs?|fake|counterfeit|bootleg|replicas?|dupes?)(?![\w])"
)
# A warning against copies and impostors ("beware of fake accounts using our logo", "report
# counterfeit hoodies"): the post guards the brand.
_FAKE_WARNING_RE = regex.compile(
    r"(?<![\w])(?:watch\s+out\s+for|beware(?:\s+of)?|be\s+(?:aware|wary|careful)\s+of|look\s+out\s+for|report(?:ing)?|"
    r"don'?t\s+(?:buy|trust|follow|fall\s+for)|avoid|warning\s*:?|alert\s*:?|scam)\s+(?:\w+\s+){0,3}?(?:unofficial|fake|"
    r"knock-?offs?|counterfeit|bootleg|replicas?|impostors?|imposters?|impersonat\w+|copycat|spoof)(?![\w])"
    # round 19 (N1): the warning named after the fake ("Fake merch alert: sellers are using our crest")
    r"|(?<![\w])(?:unofficial|fake|knock-?off|counterfeit|bootleg|copycat|spoof|scam)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:alert|warning)(?![\w])"
    # round 19 (N5): the fake described as using the mark ("This week's fake used our logo")
    r"|(?<![\w])(?:fake|scam|phishing\s+(?:e-?mails?|texts?|messages?|sites?|pages?))\s+(?:used|uses|using|copied|copies|"
    r"had|has|stole|borrowed|carried|carries)\s+(?:our|the\s+(?:university|uni|college)['’]?s?)\s+(?:logo|crest|branding)"
)
# "hope the brand team don't mind": the brand team named as the one not asked
_HOPE_RE = regex.compile(r"(?i)(?:hope|hoping|sorry|don'?t\s+tell|before|if|until)\s+(?:\w+\s+){0,2}$")
# Round 18 (M3, M4): the mark put on something of one's own that is sold or shown off as backed ("the
# Dunmore College crest on the pitch deck ... investors love it", "jars of honey with the Hartwell crest",
# "the university's thistle logo on the label" of one's gin), or recoloured ("logo in hot pink and black
# instead of navy").
_MARK_ON_PRODUCT_RE = regex.compile(
    r"(?<![\w])(?:(?:crest|logo|coat\s+of\s+arms|shield)\s+(?:is\s+|are\s+)?(?:now\s+)?(?:piped\s+|printed\s+|stitched\s+|"
    r"embroidered\s+|stuck\s+)?on\s+(?:the\s+|my\s+|our\s+|their\s+|a\s+|each\s+)?(?:[\w-]+\s+){0,2}?(?:pitch\s+deck|"
    r"label|labels|car|van|cake|jars?|bottles?|gowns?|bears?|cards?|menu|packaging|invoices?|front|back|lid|box|boxes)"
    r"|(?:with|featuring|bearing)\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:crest|logo|coat\s+of\s+arms)\s+(?:and|on|piped|printed)"
    r"|(?P<recoloured>(?:logo|crest)\s+in\s+(?:[\w-]+\s+){1,4}?(?:instead\s+of|rather\s+than)\s+(?:the\s+)?(?:navy|"
    r"official|brand|proper|usual|real)?))(?![\w])"
)
_VENTURE_RE = regex.compile(
    r"(?<![\w])(?:£\s?\d|selling|for\s+sale|dm\s+to\s+order|launching\s+my|my\s+(?:gin|business|company|brand|shop|"
    r"side\s+hustle|startup|start-up|bakery|cafe|café)|spin-?out|investors|pitch\s+deck|wedding|for\s+anyone|\d+\s*%\s+off|"
    r"discount|vinted|etsy|ebay|depop|catalogue|so\s+(?:they|people|customers|clients)\s+know|favours|"
    r"because\s+(?:navy|the\s+official|the\s+brand)\s+(?:one\s+)?is\s+boring|(?:instead|rather)\s+(?:of|than)\s+navy)(?![\w])"
)
_ANY_INSTITUTION_RE = regex.compile(
    r"(?:(?-i:\p{Lu})[\p{L}'’-]+\s+){1,3}(?-i:University|College|Uni)\b|(?-i:University)\s+of\s+(?-i:\p{Lu})[\p{L}'’-]+"
    r"|(?<![\w])(?:the\s+)?(?i:uni|university|college)(?:['’]s)?\s+(?i:crest|logo|coat\s+of\s+arms|shield)"
)
_MERCH_WORDS = gate_words(
    "selling sell sold merch merchandise hoodie hoodies caps t-shirt t-shirts tshirts shirts stickers sticker mugs kit "
    "lanyards badges badge totes tote bags pins joggers calendar calendars etsy depop vinted ebay jumper scarves scarf"
)
_LOGO_WORDS = gate_words(
    "logo logos crest shield arms colours colors branding branded merch merchandise tagline motto slogan strapline"
)
# The institution's marks, altered or put on things it never approved, however it is said.
_MARK_RE = regex.compile(
    r"(?<![\w])(?:logo|logos|crest|shield|coat\s+of\s+arms|arms|colours|colors|branding|branded|tagline|motto|slogan|"
    r"strapline)(?![\w])"
)
_INST_MARK_RE = regex.compile(
    r"(?<![\w])(?:university|uni|college|school|department|dept|faculty|institution|official|the\s+crest|the\s+shield|"
    r"our\s+crest|the\s+arms|uni'?s|university'?s|our\s+(?:tagline|motto|slogan|strapline)|the\s+motto|crest)(?![\w])"
)
_ALTER_RE = regex.compile(
    r"(?<![\w])(?:made|make|designed|drew|redrawn|redrew|edited|tweaked|photoshopped|remixed|modified|created|changed|"
    r"recolou?red|rebrand(?:ed)?|redesign(?:ed)?|stretched|doodled|playing\s+with|modern\s+version|"
    r"(?<!(?:university|uni|college|institution)'s\s)(?<!(?:university|uni|college|institution)s\s)(?<!official\s)(?<!the\s)"
    r"new\s+logo|"
    r"fresh\s+logo|"
    r"mash-?up|combines|combined|upside\s+down|swapped|added|stuck|through\s+it|with\s+a\s+\w+\s+(?:on|through|holding)|"
    r"turned|cheeky|own\s+version|better\s+than|nicer\s+than|rude|printed|print|printing|embroider\w*|put\s+the|into\s+a|"
    r"mod(?:ded|ding|s)?|jazz(?:ed|ing)?\s+up|spruc(?:ed|ing)\s+up|drawn\s+on|doodl\w+|defac\w+|graffiti\w*|"
    r"(?:filter|effect)\s+(?:on|over)|with\s+a\s+\w+\s+effect|shaped|sunglasses|hand[-\s]?(?:painted|drawn|made)|painted|"
    r"knitted|sewn|stitched|3d[-\s]printed|laser[-\s]cut|etched|not\s+official|unofficial|not\s+affiliated|"
    r"put\s+(?:it|them|this|that)\s+on\s+(?:my|our|a|the|some)|knock(?:ed|ing)?\s+up|version\s+of|mash(?:ed|ing)?|"
    r"in\s+(?:paint|canva|photoshop|illustrator|word|powerpoint)|(?:looks?\s+better|redone|done)\s+in\s+\w+|"
    r"in\s+(?:pink|red|blue|green|purple|yellow|orange|black|gold|rainbow|neon|glitter)\b|going\s+on\s+(?:our|the|my)|"
    r"knock-?offs?|fake|counterfeit|bootleg|replicas?|dupes?|unlicensed|not\s+(?:officially\s+)?licensed)(?![\w])"
)
_MERCH_RE = regex.compile(
    r"(?<![\w])(?:selling|sell|sold|merch|merchandise|hoodies?|caps|t-?shirts?|shirts|stickers?|mugs|kit|lanyards|badges?|"
    r"flyers?|banner|jumper|cake|unofficial|totes?|tote\s+bags|bags|pins|phone\s+cases?|joggers|calendars?|etsy|depop|"
    r"vinted|ebay|shop|onesies|scarves|scarf|leaflets?|posters?|kit)(?![\w])"
)
_PROPER_USE_RE = regex.compile(
    r"(?<![\w])(?:brand\s+(?:centre|center|team|guidelines|guide|portal|hub|toolkit)|download\s+the\s+official|"
    r"(?:su-?|officially\s+)?approved\s+logo|official\s+(?:university\s+)?shop|request\s+the\s+official"
    # round 19 (N1): the institution's own templates and placement rules ("the official poster template with
    # the correct logo placement")
    r"|official\s+(?:[\w-]+\s+){0,2}?templates?|(?:correct|official)\s+logo\s+(?:placement|files?|versions?)"
    # round 19 (N14): "Thanks to the Comms team for helping make our public lecture flyer look proper, crest and all"
    r"|(?:thanks\s+to|with\s+(?:help|support)\s+from|helped\s+by)\s+(?:the\s+|our\s+)?(?:university['’]?s\s+)?"
    r"(?:brand|design|comms|communications|marketing|creative|digital|graphics|press)\s+(?:team|office|unit|studio)"
    # round 19 (N8): "hire through our official gown partner"
    r"|official\s+(?:[\w-]+\s+){0,2}?(?:partner|partners|supplier|suppliers|licensee|licensees)"
    # the institution's own merchandise and licensing: sold where it sells it, approved, or asked about
    r"|(?<!not\s)(?<!not\s\w{2}\s)approved(?:\s+by)?|licensing\s+enquir\w+|(?:campus|su|union|university|uni)\s+(?:shop|store)"
    r"|(?<!not\s)official\s+(?:\w+\s+){0,2}(?:merch|merchandise|kit|mug|hoodie|scarf|teddy|range|store)"
    r"|(?:got|given|had|with)\s+(?:the\s+)?(?:go-?ahead|permission|sign-?off|blessing|ok|okay)\s+from|cleared\s+(?:it\s+)?with"
    # made by the institution's own designers ("our lab's new logo, designed by the university's design team")
    r"|(?:designed|made|created|produced|drawn|done)\s+(?:for\s+us\s+)?by\s+(?:the\s+|our\s+)?(?:university'?s\s+|uni'?s\s+|"
    r"college'?s\s+)?(?:brand|design|comms|communications|marketing|creative|digital|graphics)\s+(?:team|office|unit|studio)"
    # ordered through the institution's own print service ("business cards with the logo through the print unit")
    r"|(?:through|from|via|with)\s+(?:the\s+|our\s+)?(?:university'?s\s+|uni'?s\s+)?(?:print\s+(?:unit|services?|shop|room)|"
    r"reprographics|design\s+(?:and|&)\s+print))(?![\w])"
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


# A new account or page in the institution's (or a unit's) name, set up without the digital team:
# an act of creating an account, near a sign it was not authorised ("unofficial", "ourselves",
# "since nobody else has", "without telling comms"), and no sign it went through the proper route.
_ACCOUNT_NOUN = (
    r"(?:account|acct|page|profile|channel|handle|feed|insta|instagram|tiktok|podcast|newsletter|blog|domain|website|"
    r"site|[\w-]+\.(?:com|net|org|co\.uk|io)|@[\w.]+)"
)
_NEW_ACCOUNT_RE = re.compile(
    r"(?<![\w])(?:(?:start(?:ed|ing)?|set(?:ting)?\s+up|launch(?:ed|ing)?|creat(?:ed|ing)|made|mak(?:e|ing)|open(?:ed|ing)?|"
    r"register(?:ed|ing)?|spun\s+up|grabb?(?:ed|ing)?|changed\s+my\s+(?:display\s+|user\s*|screen\s+|profile\s+)?(?:handle|name)\s+to)\s+(?:(?:a|an|the|our|my|its|their|this|"
    r"new|brand\s+new|second|backup|own|unofficial|\"[^\"]{1,40}\"|“[^”]{1,40}”|[\w.'’-]+)\s+){0,5}?"
    + _ACCOUNT_NOUN
    + r""
    r"|(?:brand\s+)?new\s+(?:\w+\s+)?" + _ACCOUNT_NOUN + r""
    r"|" + _ACCOUNT_NOUN + r"[^.!?\n]{0,60}?(?:set|started|made|launched|created|built)\s+(?:it|this|them)"
    r"|(?:i|we|i'?m|we'?re|i\s+am|we\s+are)\s+(?:run|runs|running|manage|managing|admin|moderate|moderating|look\s+after)\s+"
    r"(?:(?:a|an|the|our|this|my|\"[^\"]{1,40}\"|[\w.'’-]+)\s+){0,5}?(?:" + _ACCOUNT_NOUN[3:-1] + r"|discord|server|"
    r"forum|subreddit|(?:facebook|whatsapp)\s+group)"
    r"|(?:launch\w*|start\w*|set\w*\s+up|creat\w*|made|open\w*)\s+[^.!?\n]{0,60}?\s+on\s+(?:facebook|instagram|insta|tiktok|"
    r"twitter|threads|bluesky|mastodon|discord|whatsapp|linkedin|reddit|youtube)\b"
    r"|(?:instagram|insta|account|page|handle|tiktok|twitter|channel)\s+is\s+now\s+@[\w.]+"
    r"|(?:(?:this|i|we)\s+(?:is|am|are|'m|'re)\s+now\s+on|now\s+(?:also\s+)?on)\s+(?:x|bluesky|threads|instagram|tiktok|mastodon|"
    r"facebook|linkedin)\s+as\s+@[\w.]+)(?![\w])"
)
# a sign the account did not go through the digital team; negations ("not approved", "haven't
# asked anyone", "not on the official directory yet") are read before the proper-use words below
_UNAUTHORISED_RE = re.compile(
    r"(?<![\w])(?:unofficial|since\s+no\s*(?:body|one)\s+else|no\s*(?:body|one)\s+else\s+(?:has|had|was|did|would)|"
    r"ourselves|without\s+(?:\w+\s+)?(?:telling|asking|checking|permission|approval|sign-?off|going\s+through|the\s+digital|comms)|"
    r"(?:didn'?t|did\s+not|never|haven'?t|have\s+not|hasn'?t|not)\s+(?:\w+\s+){0,2}?(?:go(?:ing)?\s+through|ask(?:ed|ing)?|"
    r"tell(?:ing)?|told|check(?:ed|ing)?|approved|cleared|official|on\s+the\s+official|listed|verified|registered\s+with)|"
    r"isn'?t\s+official|(?:too\s+slow|take\s+forever|takes\s+forever|taking\s+forever)|couldn'?t\s+wait\s+for|"
    r"(?:took|taking|takes|take)\s+(?:too\s+long|ages|forever)|"
    r"backup|second\s+(?:account|page)|shh+|don'?t\s+tell|on\s+the\s+quiet|nobody\s+asked|free\s+traffic|"
    r"since\s+there\s+(?:wasn'?t|isn'?t|was\s+no|is\s+no)\s+(?:one|an?\s+(?:official\s+)?(?:one|account|page))|"
    r"free\s+(?:followers|clout|promo|promotion)|before\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:office|team|uni|university|"
    r"comms|they)\s+(?:does|do|did|could|can|get\s+round)|(?:sell|selling)\s+(?:the\s+)?ad(?:s|\s+space|verts)|"
    r"pointed\s+it\s+at|redirects?\s+to\s+my|before\s+they\s+did|in\s+spirit|i'?m\s+not\s+in\s+the|"
    # a copy of the real one: "looks just like the uni's official one", "a clone of the official page"
    r"looks?\s+(?:just\s+|exactly\s+|identical\s+|almost\s+)?(?:like|the\s+same\s+as)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:official|real|uni'?s|university'?s|college'?s)|(?:clone|copy|replica|lookalike|look-alike)\s+of\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:official|real|uni'?s|university'?s)|mistake\s+it\s+for\s+the\s+(?:real|official)|"
    r"people\s+think\s+it'?s\s+(?:real|official)|"
    r"we'?ll\s+sort\s+it\s+(?:out\s+)?(?:eventually|later)|not\s+affiliated|no\s+affiliation|(?:than|not)\s+the\s+real\s+"
    r"(?:one|page|account|thing)|fan\s+(?:page|account))(?![\w])"
)
_ACCOUNT_PROPER_RE = re.compile(
    r"(?<![\w])(?:with\s+the\s+(?:digital|comms|communications|social\s+media|web)\s+team|(?<!not\s)(?<!not\s\w{2}\s)listed|"
    r"(?<!not\s)verified|(?<!not\s)approved|(?<!not\s\w{2}\s)official\s+directory|social\s+directory|"
    r"talk\s+to\s+the\s+digital|ask\s+(?:us|the\s+digital)|(?:fake|parody)\s+accounts?|report\s+it|no\s+work\s+talk|"
    r"personal\s+(?:project|account))(?![\w])"
)
# a handle that claims to be official ("@UoE_Careers_Official") made by someone
_OFFICIAL_HANDLE_RE = re.compile(r"@[\w.]*official[\w.]*|@[\w.]*(?:uni|university)[\w.]*")
_HANDLE_RE = re.compile(r"@(?!user\b)\w")
_CREATE_WORDS = gate_words(
    "start started starting set setting launch launched launching created creating made make making open opened "
    "opening register registered registering spun grab grabbed grabbing changed new now run runs running manage "
    "managing admin moderate moderating"
)
_ACCOUNT_WORDS = gate_words(
    "account accounts acct page profile channel handle feed insta instagram tiktok podcast newsletter blog domain "
    "website site com net org io uk discord server forum subreddit group facebook twitter threads bluesky mastodon "
    "whatsapp linkedin reddit youtube"
)


@rule(
    "BRD005",
    "unofficial-account",
    "brand",
    "warn",
    clauses.NEW_ACCOUNT,
    "Accounts, pages and web addresses in the institution's or a unit's name must be set up with the "
    "digital team and listed; unofficial ones confuse people and can be used to mislead them.",
    "Ask the digital team to set up (or take over) the account so it is official and listed; until then, "
    "post from your own account as yourself.",
    [
        Example(
            "me and the technicians have started an unofficial 'Example Uni Labs' account, shhh",
            True,
            account="personal",
        ),
        Example("The School's new page! We set it up ourselves since the Digital Team were too slow.", True),
        Example("Set up a Facebook page that looks just like the uni's official one for my events", True,
                account="personal"),
        Example("The Careers Service has a new Bluesky account, set up with the digital team.", False),
        Example(
            "Started a Mastodon account for my birdwatching. No work talk here, just birds", False, account="personal"
        ),
    ],
)
def unofficial_account(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    # most posts name no account at all, or only reply to one (@user): skip them cheaply
    if not gate(t, _CREATE_WORDS) or (not gate(t, _ACCOUNT_WORDS) and not _HANDLE_RE.search(t)):
        return
    m = _NEW_ACCOUNT_RE.search(t)
    if not m:
        return
    if _UNAUTHORISED_RE.search(t) or (not _ACCOUNT_PROPER_RE.search(t) and _OFFICIAL_HANDLE_RE.search(t)):
        yield m.start(), m.end(), "An account or page in the institution's name set up outside the official route."


# The institution's name or standing lent to a product, a business or a personal favour: an
# endorsement ("officially recommends", "our coaches swear by") next to something commercial, or
# the name used to get something ("using the uni's name to get a discount").
_ENDORSE_RE = re.compile(
    r"(?<![\w])(?:(?:officially\s+)?recommends?|(?:delighted|proud|happy|pleased)\s+to\s+recommend|endorses?|endorsed\s+by|"
    r"swear\s+by|official\s+(?:[\w-]+\s+){0,2}(?:partner|supplier|sponsor|provider|university|uni|college)"
    r"|(?:recommended|preferred|exclusive|approved)\s+(?:[\w-]+\s+){0,1}(?:supplier|partner|provider|sponsor|app|product)"
    r"|(?:has|have|had|is)\s+(?:officially\s+)?endorsed|endorsing|chosen\s+(?:my|our)\s+(?:\w+\s+){0,2}"
    r"(?:startup|company|business|firm|product|app)"
    r"|(?<![\w])x\s+my\s+|collab(?:oration)?s?|(?:staff|students|university|uni|lecturers?|professors?)\s+(?:and\s+\w+\s+)?"
    r"(?:recommended|approved|endorsed)"
    r"|partner(?:ing|ed|s|ship)?\s+with\s+my\s+(?:[\w-]+\s+){0,2}?(?:company|business|consultancy|start-?up|firm|agency|"
    r"brand|shop|practice|app|product|service)"
    # round 20 (P3): a brand deal done in one's role ("partnering with VitaFuel protein bars as Head of
    # Performance at Dunmore University Sport! Use code ...")
    r"|partner(?:ing|ed|s|ship)?\s+with\s+(?:\S+\s+){1,5}?as\s+(?:the\s+|our\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:at|of|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:university|uni|college)"
    r"|(?:approved|accredited|certified|backed|recommended|endorsed)\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:university|"
    r"uni|college|staff|department|school|faculty)"
    r"|(?:approved|accredited|certified|backed|recommended|endorsed)\s+by\s+(?:its|the\s+(?:university|uni|college)'?s)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:team|staff|scientists|academics|researchers|experts|lecturers|professors)"
    r"|(?:the\s+)?(?:uni|university|college)\s+(?:wants|recommends|says|suggests|advises|tells)\s+(?:you|students|everyone|"
    r"freshers|staff)\s+(?:to\s+)?(?:buy|use|get|shop|book|order|sign\s+up)"
    # "has the backing of the University", "the university's seal of approval", "university-endorsed"
    r"|(?:has|have|with|got)\s+the\s+(?:full\s+|official\s+)?backing\s+of|seal\s+of\s+approval"
    r"|(?:uni|university|college)[-\s](?:endorsed|approved|recommended|backed)"
    r")(?![\w])"
)
_COMMERCIAL_RE = re.compile(
    r"(?<![\w])(?:use\s+(?:the\s+)?code|(?:referral\s+)?code\s+[a-z0-9-]{3,}|\d+\s*%\s*off|discount|supplements?|startup|"
    r"my\s+(?:[\w-]+\s+){0,2}(?:company|business|firm|app|product|shop|brand|range|cups|candles?)|"
    r"our\s+(?:[\w-]+\s+){0,2}(?:company|business|firm|start-?up|consultancy|agency)|checkout|buy\s+now|shop\s+now|"
    r"affiliate|sponsored|#ad|bonus|promo|via\s+the\s+link|stock\s+my|"
    r"link\s+in\s+bio|bet(?:ting)?|casino|ltd|limited|plc|llp|co-?founder|founder|tuition|coaching|consultancy|"
    r"my\s+(?:new\s+|own\s+)?(?:book|consultancy|start-?up|shop|course|service|brand|agency|podcast|clinic|practice|"
    r"side\s+hustle)|giveaway|win\s+a|side\s+hustle|flyers?|my\s+(?:\w+\s+)?listing|airbnb|bookings|sell(?:ing|s)?|"
    r"£\s?\d+|\$\s?\d+|launching\s+this"
    # selling words and things sold ("pre-order today", "buy it on Amazon", "my new novel", "QuickLoans")
    r"|pre-?orders?|order\s+(?:now|today|yours|here|online)|book\s+(?:now|today|yours)|buy\s+(?:it|one|yours|them)|"
    r"on\s+amazon|available\s+(?:now\s+)?(?:on|at|from)\s+(?:amazon|all\s+good|our\s+(?:site|website|shop))|"
    r"my\s+(?:new\s+|debut\s+|latest\s+)?(?:novel|album|game|range|collection|merch)|"
    r"loans?|lenders?|crypto\w*|spin-?out'?s?|wearables?)(?![\w])"
)
# An official account naming a product "the official drink of Freshers' Week" or a harmful one as its
# partner ("our official energy drink partner"): the institution's name endorsing what students buy.
_PRODUCT = (
    r"(?:drinks?|beers?|lagers?|ales?|ciders?|gins?|vodkas?|rum|wines?|prosecco|spirits?|cocktails?|shots?|vapes?|e-?cig\w*|"
    r"energy\s+drinks?|coffees?|snacks?|crisps|pizzas?|burgers?|takeaways?|chocolates?|sweets|protein\s+\w+|supplements?|"
    r"bookmakers?|betting\s+\w+|casinos?|crypto\w*(?:\s+\w+)?|loans?|lenders?|phones?|laptops?|trainers)"
)
_HARMFUL = (
    r"(?:beers?|lagers?|ales?|ciders?|gins?|vodkas?|rum|wines?|prosecco|spirits?|cocktails?|shots?|alcohol|vapes?|e-?cig\w*|"
    r"energy\s+drinks?|bookmakers?|betting|gambling|casinos?|crypto\w*|loans?|lenders?|payday\s+\w+)"
)
_OFFICIAL_PRODUCT_RE = regex.compile(
    r"(?<![\w])official\s+(?:[\w'’-]+\s+)?" + _PRODUCT + r"\s+(?:of|for)\s+(?!the\s+(?:day|week|month)\b)"
    r"|(?<![\w])official\s+" + _HARMFUL + r"\s+(?:partner|sponsor|supplier|provider)s?(?![\w])",
    regex.IGNORECASE,
)
_PRODUCT_WORDS = gate_words(
    "drink drinks beer beers lager lagers ale ales cider ciders gin gins vodka vodkas rum wine wines prosecco spirit "
    "spirits cocktail cocktails shot shots vape vapes energy coffee coffees snack snacks crisps pizza pizzas burger "
    "burgers takeaway takeaways chocolate chocolates sweets protein supplement supplements bookmaker bookmakers "
    "betting casino casinos crypto loan loans lender lenders phone phones laptop laptops trainers alcohol "
    "gambling payday"
)
_NAME_FOR_GAIN_RE = re.compile(
    r"(?<![\w])(?:us(?:e|ed|ing)|drop(?:ped|ping)?|throw(?:ing)?\s+around|abus(?:e|ed|ing))\s+(?:the\s+)?"
    r"(?:uni(?:versity)?'?s|institution'?s|employer'?s|college'?s|our)\s+name\s+(?:to|for)\s+(?:get|score|blag|jump|skip|win|a)"
    r"|(?:telling|told|tell|saying|claiming|pretending)\s+(?:\w+\s+){0,3}?(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:the\s+)?"
    r"(?:uni|university|college|institution)'?s?\s+(?:official\s+)?(?:[\w-]+\s+)?(?:partner|supplier|representative|rep|"
    r"ambassador|agent|spokesperson|sponsor)"
    r"|(?:put|putting|puts|add|adding|added|using|use|used|print\w*|slap\w*)\s+(?:the\s+)?(?:[\w'’]+\s+)?(?:uni(?:versity)?'?s|"
    r"institution'?s|college'?s|employer'?s)\s+name\s+(?:on|in|onto|all\s+over)\s+(?:my|our|a|the)"
    r"|(?:saying|claiming|pretending)\s+(?:we'?re|we\s+are|i'?m|i\s+am|it'?s|it\s+was)\s+(?:on\s+)?(?:an?\s+)?"
    r"\"?official\s+(?:university|uni)"
)
_BRAND_ADVICE_RE = re.compile(
    r"(?<![\w])(?:(?:chat|talk|speak|check)\s+(?:with|to)\s+(?:the\s+|our\s+)?(?:[\w&]+\s+){0,3}?(?:team|office)\s+first"
    r"|thinking\s+(?:of|about)\s+using)(?![\w])"
)
_OUR_PARTNER_RE = re.compile(
    r"(?:our|the\s+(?:university|uni|college|institution)['’]s)\s+official\s+(?:[\w-]+\s+){0,2}"
    r"(?:partner|supplier|sponsor|provider)s?(?![\w])"
)
_BACKING_WORDS = gate_words("backing seal university-endorsed uni-endorsed university-approved uni-approved endorse")
_ENDORSE_WORDS: frozenset[str] = gate_words(
    "recommend recommends recommended endorse endorses endorsed endorsing swear partner supplier sponsor provider "
    "chosen name official preferred exclusive partnering partner partnered partners partnership approved accredited "
    "certified backed wants x collab collaboration collabs telling told claiming pretending"
)


_ENDORSE_OR_BACKING_WORDS = _ENDORSE_WORDS | _BACKING_WORDS


@rule(
    "BRD006",
    "name-endorsement",
    "brand",
    "warn",
    clauses.BRAND,
    "The institution's name must not be lent to products, businesses or personal favours: it reads as an "
    "endorsement the institution never gave.",
    "Leave the institution out of it: recommend things as yourself, and ask the brand team before the "
    "name is linked to any company or product.",
    [
        Example(
            "Exam season fuel! Example University officially recommends Domino's! Use code EXUNI for 25% off", True
        ),
        Example("Using the uni's name to get a discount at the Harvester works every time", True, account="personal"),
        Example("Graduation photography is provided by our official partner, listed on the graduation website.", False),
        Example("The University is proud to partner with the NHS Trust on a new training centre.", False),
    ],
)
def name_endorsement(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    if doc.ctx.account != "personal" and "official" in t and gate(t, _PRODUCT_WORDS):
        m = _OFFICIAL_PRODUCT_RE.search(t)
        if m:
            yield m.start(), m.end(), "The institution's name lent to a product."
            return
    if not gate(t, _ENDORSE_OR_BACKING_WORDS):
        return
    m = _NAME_FOR_GAIN_RE.search(t)
    if m and _BRAND_ADVICE_RE.search(t):
        m = None  # round 20e (P2): "Thinking of using the university's name ...? Chat with the Brand team first"
    if m:
        yield m.start(), m.end(), "The institution's name used for personal gain."
        return
    m = _ENDORSE_RE.search(t)
    if m and doc.ctx.account != "personal" and _OUR_PARTNER_RE.search(t, max(0, m.start() - 30), m.end()):
        # "from our official coffee partner", "the University's official photography partner": an
        # official account naming a partner it has contracted; look for an endorsement besides it
        m = next(
            (
                x
                for x in _ENDORSE_RE.finditer(t, m.end())
                if not _OUR_PARTNER_RE.search(t, max(0, x.start() - 30), x.end())
            ),
            None,
        )
    pu = _PROPER_USE_RE.search(t)
    if (pu and not (m and m.start() <= pu.start() < m.end())) or "listed" in t:
        return  # sold, approved or listed through the proper route (unless the 'approval' is the claim itself)
    if m and _COMMERCIAL_RE.search(t):
        yield m.start(), m.end(), "The institution's name lent to a product or business."


# --- the institution's backing claimed ------------------------------------------------------
# The institution named as backing a party, a candidate or a petition ("the university backs the
# Green candidate", "The University of Hull is right behind her, vote Jones!"), or a link to it claimed
# and in the same breath admitted to be untrue or meant to mislead ("in association with the
# University of Liverpool - haven't actually asked them", "the uni's colours so people think we're a
# spin-out"). Read as two parts each time, so that reports of the institution's real positions
# ("the University does not endorse any candidate") and plain disclaimers stay clean.
_INST_REF = (
    r"(?:(?:the\s+|our\s+)?(?:university|uni|college)(?:\s+of\s+(?-i:\p{Lu}[\w'’-]+)(?:\s+(?-i:\p{Lu}[\w'’-]+))?)?"
    r"|(?-i:\p{Lu}[\w'’-]+)(?:\s+(?-i:\p{Lu}[\w'’-]+))?\s+(?:university|uni|college)"
    r"|everyone\s+at\s+(?:the\s+)?(?:university|uni|college)|(?:our|the)\s+(?:whole\s+|entire\s+)?(?:department|dept|"
    r"school|faculty|institution))"
)
_INST_BACKS_RE = regex.compile(
    r"(?<![\w])" + _INST_REF + r"(?:'s|’s)?\s+(?:is\s+|are\s+|has\s+|have\s+|now\s+)?(?:(?:now|fully|officially|firmly|"
    r"proudly|formally|right|all|squarely)\s+){0,2}(?:backs|backing|backed|endorses|endorsing|endorsed|supports|supporting|"
    r"behind|stands?\s+(?:with|behind)|standing\s+(?:with|behind)|approves\s+of|recommends|"
    r"wants\s+(?:you|students|everyone|us|staff)\s+to\s+vote)(?![\w])",
    regex.IGNORECASE,
)
_INST_ENDORSES_THING_RE = regex.compile(
    r"(?<![\w])" + _INST_REF + r"(?:'s|’s)?\s+(?:has\s+|now\s+|officially\s+|fully\s+){0,2}"
    r"(?:endorses|endorsed|recommends|approves|approved|backs|backed)\s+(?:(?:my|our)\s+(?:new\s+|latest\s+|debut\s+)?(?:novel|book|app|product|company|"
    r"business|start-?up|brand|range|course|consultancy|podcast|album|shop|service|tutoring|agency|firm)\b|(?-i:\p{Lu}[\w-]*)(?:'s|’s|\s+(?-i:"
    r"(?:Ltd|Limited|plc|PLC|LLP|Inc)\b)))",
    regex.IGNORECASE,
)
# a party, a candidate, an election or a petition: what an institution does not back in public
_POLITICS_RE = regex.compile(
    r"(?<![\w])(?:vote|voting|election|candidate|candidates|councillor|cllr|mp|mps|party|manifesto|petition|referendum|"
    r"by-?election|ballot\s+box|labour|tory|tories|conservatives?|lib\s+dems?|liberal\s+democrats?|greens|reform\s+uk|snp|"
    r"plaid(?:\s+cymru)?|sinn\s+f[eé]in|dup|ukip)(?![\w])",
    regex.IGNORECASE,
)
_POLITICS_WORDS = gate_words(
    "vote voting election candidate candidates councillor cllr mp mps party manifesto petition referendum by-election "
    "labour tory tories conservative conservatives lib dems liberal greens green reform snp plaid sinn dup ukip"
)
_BACK_WORDS = gate_words(
    "backs backing backed endorses endorsing endorsed supports supporting behind stands standing approves recommends "
    "wants"
)
# the claim denied, asked about or reported as a question ("the University does not endorse ...")
_NOT_BACKING_RE = regex.compile(
    r"(?:\bnot|n't|\bnever|\bno\s+longer|\bwhether|\bif|\bdoes|\bdo|\bwhy|\bhow)\s+(?:\w+\s+){0,4}$", regex.IGNORECASE
)
# a link to the institution claimed ("in association with", "official ... event", "endorsed by")
_LINK_CLAIM_RE = regex.compile(
    r"(?<![\w])(?:in\s+(?:association|partnership|collaboration|conjunction)\s+with|(?:supported|sponsored|backed|endorsed|"
    r"approved|recogni[sz]ed|accredited|certified|recommended)\s+by|(?:has|with)\s+the\s+backing\s+of|seal\s+of\s+approval|"
    r"official(?:ly)?\s+(?:[\w'’-]+\s+){0,4}?(?:event|events|partner|photographer|supplier|night|quiz|tour|run|merch|"
    r"recommended|approved|endorsed)|(?:university|uni|college)[-\s](?:endorsed|approved|backed|recommended|affiliated)"
    r"|(?:university|uni|college)'?s\s+(?:colours|colors|purple|crest|logo|typeface|font|name|palette|branding)"
    r"|(?:hosted|organi[sz]ed|run|presented|funded)\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:university|uni|college)"
    r"|(?:university|uni|college)(?:\s+of\s+\w+)?\s+(?:venture|spin-?out|spinout|company|project|initiative|partner))(?![\w])",
    regex.IGNORECASE,
)
# ...and the admission that the link is not real, or is meant to mislead
_NOT_REAL_RE = regex.compile(
    r"(?<![\w])(?:(?:haven'?t|have\s+not|hasn'?t|didn'?t|did\s+not|never|not)\s+(?:actually\s+|yet\s+|really\s+|even\s+|"
    r"formally\s+)?(?:asked|told|checked|cleared|agreed|confirmed|run\s+it\s+(?:by|past))"
    r"|get\s+round\s+to\s+(?:asking|telling)|(?:sort|kind)\s+of(?=\s*[.,!)]|\s+it'?s)|(?<=\()unofficially(?=\s*!?\))"
    r"|(?:or\s+so|at\s+least\s+that'?s\s+what)\s+(?:my|our|the)\s+(?:\w+\s+)?(?:says|said|claims)"
    r"|(?:endorsement|approval|accreditation|sign-?off)\s+(?:is\s+)?pending|technically\s+not"
    r"|not\s+(?:actually\s+|officially\s+|really\s+|strictly\s+)?(?:affiliated|linked|connected|official)\s*(?:,\s*)?"
    r"(?:but|though|yet|tho|lol|😉|😅|🤫)"
    r"|(?:well|ok|okay),?\s+(?:a\s+few|some|two|three|me\s+and)\s+"
    r"|it'?s\s+(?:just\s+|only\s+|really\s+)?(?:me|us)\s+and\s+(?:a\s+few|two|three|some)\s+(?:\w+\s+)?(?:mates|friends|colleagues)"
    r"|to\s+(?:pull|draw|bring)\s+in\s+(?:a\s+|the\s+)?(?:crowd|people|punters|customers|clients)"
    r"|so\s+(?:that\s+)?(?:people|clients|customers|investors|students|buyers|folk|they|everyone)\s+(?:will\s+)?"
    r"(?:think|assume|believe|trust)|(?:people|they|everyone|clients|customers)\s+will\s+(?:think|assume|believe)"
    r"|(?:to\s+)?(?:look|looks|seem|seems)\s+(?:more\s+)?(?:official|legit|legitimate)|know\s+we'?re\s+(?:legit|serious)"
    r"|mistake\s+(?:it|us|me)\s+for"
    # "we're not, but it helps with investors", "it's actually just our book club"
    r"|(?:we'?re|we\s+are|it'?s|it\s+is|i'?m|i\s+am|they'?re)\s+(?:really\s+)?not(?:\s+really)?\s*,?\s*but"
    r"|it'?s\s+(?:actually|really)\s+(?:just|only)|helps\s+with\s+(?:the\s+)?(?:investors|clients|sales|customers|funding))"
    r"(?![\w])",
    regex.IGNORECASE,
)
# Round 18 (M1): a centre or institute named in the institution's name before it exists ("The Harrowgate
# University Institute for Future Cities is now live (name not signed off yet ...)", "calling ourselves
# 'the Fenbridge Centre for AI' in funding bids though the uni hasn't actually approved a centre"): the
# name claims the institution's backing, and the post says it was never given.
_UNIT_NAME_RE = regex.compile(
    r"(?<![\w])(?:centre|center|institute|academy|observatory|hub|laboratory|unit|network|school|college)\s+"
    r"(?:for|of|on)\s+(?:the\s+)?(?-i:\p{Lu})[\w-]*",
    regex.IGNORECASE,
)
_NOT_APPROVED_RE = regex.compile(
    r"(?<![\w])(?:name|title|centre|center|institute|it)\s+(?:is\s+|has\s+|was\s+)?(?:not|n['’]t|never)\s+(?:yet\s+|been\s+|"
    r"officially\s+|formally\s+)*(?:signed\s+off|approved|agreed|sanctioned|authori[sz]ed|ratified)"
    r"|(?:uni|university|college|institution|senate|council|faculty|they|the\s+\w+)\s+(?:hasn['’]?t|has\s+not|haven['’]?t|"
    r"have\s+not|never|didn['’]?t|did\s+not)\s+(?:actually\s+|yet\s+|officially\s+|formally\s+|even\s+)*(?:approved|"
    r"signed\s+off|agreed|sanctioned|recogni[sz]ed|ratified|created|set\s+up|okayed)"
    r"|(?:without|before)\s+(?:any\s+)?(?:approval|sign-?off|permission)",
    regex.IGNORECASE,
)
_UNIT_WORDS = gate_words("centre center institute academy observatory hub laboratory unit network school college")
_NOT_APPROVED_WORDS = gate_words(
    "approved signed sanctioned authorised authorized ratified agreed recognised recognized created set okayed "
    "approval sign-off signoff permission"
)
_LINK_CLAIM_WORDS = gate_words(
    "association partnership collaboration conjunction supported sponsored backed endorsed approved recognised "
    "recognized accredited certified recommended backing seal official officially university-endorsed uni-endorsed "
    "university-approved uni-approved university-backed uni-backed university-recommended university-affiliated "
    "uni-affiliated university's uni's college's hosted organised organized run presented funded venture spin-out "
    "spinout company project initiative partner"
)
_NOT_REAL_WORDS = gate_words(
    "asked told checked cleared agreed confirmed telling asking sort kind unofficially says said claims pending "
    "technically affiliated linked connected official well ok okay mates friends colleagues pull draw bring think "
    "assume believe trust look looks seem seems legit serious mistake not actually really helps"
)


@rule(
    "BRD008",
    "institution-backing-claimed",
    "brand",
    "warn",
    clauses.BRAND,
    "Saying the institution backs a party, a candidate or a petition, or claiming a link to it that was "
    "never agreed (\"in association with the University\", its colours used so people assume a "
    "connection), puts words in the institution's mouth and misleads readers.",
    "Say what you think or do as yourself, without the institution's name; a partnership or "
    "endorsement can only be announced once the institution has agreed it.",
    [
        Example("The University of Glasgow endorses this petition against the bypass, please sign!", True,
                account="personal"),
        Example("Vote for Sarah Jones on Thursday. The University is behind her all the way!", True),
        Example("Our quiz night is 'in association with the University', haven't actually asked them.", True,
                account="personal"),
        Example("The University does not endorse any candidate in the election.", False),
        Example("The University supports students through the hardship fund.", False),
        Example("Unofficial fan account, not affiliated with the University.", False, account="personal"),
    ],
)
def institution_backing_claimed(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    words = token_set(t)
    if not _BACK_WORDS.isdisjoint(words) and not _POLITICS_WORDS.isdisjoint(words):
        for m in _INST_BACKS_RE.finditer(doc.text):
            if _NOT_BACKING_RE.search(doc.text, max(0, m.start() - 40), m.start()):
                continue
            s = max(0, m.start() - 160)
            if "?" in doc.text[m.end() : m.end() + 80].split(".")[0]:
                continue  # "Does the uni back the strike?": asked, not claimed
            if _POLITICS_RE.search(t, s, min(len(t), m.end() + 160)):
                yield m.start(), m.end(), "The institution said to back a party, a candidate or a petition."
                return
    if doc.ctx.account == "personal" and not _BACK_WORDS.isdisjoint(words):
        # "the University endorses Acme's AI tutor", "the uni recommends my new novel"
        for m in _INST_ENDORSES_THING_RE.finditer(doc.text):
            if not _NOT_BACKING_RE.search(doc.text, max(0, m.start() - 40), m.start()):
                yield m.start(), m.end(), "The institution said to endorse a product or business."
                return
    if not _UNIT_WORDS.isdisjoint(words) and not _NOT_APPROVED_WORDS.isdisjoint(words):
        unit = _UNIT_NAME_RE.search(doc.text)
        if unit is not None and _NOT_APPROVED_RE.search(t):
            yield unit.start(), unit.end(), "A unit of the institution named before the institution approved it."
            return
    if _LINK_CLAIM_WORDS.isdisjoint(words) or _NOT_REAL_WORDS.isdisjoint(words):
        return
    claim = _LINK_CLAIM_RE.search(t)
    if claim is None:
        return
    admit = _NOT_REAL_RE.search(t)
    if admit is not None:
        yield claim.start(), claim.end(), "A link to the institution claimed that it never agreed."


# --- off-brand official material -----------------------------------------------------------
# An official post made with a retired mark ("used the old crest from the 2010 prospectus", "the
# logo from before the rebrand") or leaving the house style on purpose ("Comic Sans instead of the
# brand font", "went a bit off-brand with the colours"). Reminders to stop using the old mark,
# heritage posts and the brand team's own news stay clean.
_OLD_MARK_RE = regex.compile(
    r"(?<![\w])(?:(?:old|older|previous|former|outdated|out-of-date|retired|superseded|pre-rebrand|discontinued)\s+"
    r"(?:[\w'’-]+\s+)?(?:logo|logos|crest|shield|branding|coat\s+of\s+arms|brand\s+colou?rs)"
    r"|(?:logo|crest|shield|branding)\s+from\s+(?:before\s+(?:the|our)\s+(?:rebrand|brand\s+refresh|new\s+\w+)|(?:the\s+)?"
    r"(?:19|20)\d\d))(?![\w])",
    regex.IGNORECASE,
)
# "couldn't find the new logo so we used the one from the brochure"
_CANT_FIND_NEW_RE = regex.compile(
    r"(?<![\w])(?:couldn'?t|could\s+not|can'?t|cannot|didn'?t)\s+(?:\w+\s+)?find\s+the\s+(?:new|current|latest|right|proper|"
    r"official|updated)\s+(?:logo|crest|template|font|files|branding)\b[^.!?\n]{0,40}?\b(?:so|and)\s+(?:we|i)\s+"
    r"(?:just\s+)?(?:used|went\s+with|put|made|took)",
    regex.IGNORECASE,
)
_OLD_MARK_USED_RE = regex.compile(
    r"(?<![\w])(?:used|using|use|uses|put|putting|printed|printing|stuck|went\s+with|going\s+with|kept|keeping|found|"
    r"dug\s+out|on\s+(?:the|our|this|these)\s+(?:new\s+)?(?:[\w'’-]+\s+)?(?:poster|posters|flyers?|signage|signs|banner|"
    r"lanyards|slides|invites?|invitations|cover|prospectus|badges|leaflets?|website|page|programme))(?![\w])",
    regex.IGNORECASE,
)
# a reminder against the old mark, or a look back at it
_OLD_MARK_OK_RE = regex.compile(
    r"(?<![\w])(?:no\s+longer|not\s+be\s+used|don'?t\s+use|do\s+not\s+use|stop\s+using|please\s+use|should\s+(?:not|n't)|"
    r"shouldn'?t|replaced|retir\w+|throwback|tbt|history|historic\w*|heritage|archives?|then\s+and\s+now|years\s+ago|"
    r"evolution|through\s+the\s+years|remember\s+(?:this|when|the)|anniversary|brand\s+(?:hub|centre|center|team|"
    r"guidelines|guide|portal|toolkit))(?![\w])",
    regex.IGNORECASE,
)
_OFF_STYLE_RE = regex.compile(
    r"(?<![\w])(?:(?:instead\s+of|rather\s+than|not|ditch(?:ed|ing)|ignor(?:ed|ing)|swapp?(?:ed|ing)\s+out|"
    r"different\s+(?:\w+\s+)?(?:from|to|than))\s+(?:the\s+|our\s+)?(?:official\s+|approved\s+)?(?:brand|house|corporate|"
    r"official)(?:'s)?\s+(?:\w+\s+)?(?:font|fonts|typeface|colou?rs|palette|template|templates|style|logo|one)"
    r"|(?:went|gone|going|go|gone\s+a\s+bit|deliberately|slightly|totally|bit)\s+(?:a\s+bit\s+|slightly\s+|totally\s+|"
    r"completely\s+)?off[-\s]brand|comic\s+sans|"
    # the font, not PAPYRUS UK, the young people's suicide-prevention charity universities work with
    r"papyrus(?!\s+(?:uk|prevention|hopeline|charity|trust))"
    r"|(?:our|my|a)\s+own\s+(?:fonts?|typeface|colou?r\s+scheme|palette)\s+(?:instead|rather|because|since|as))(?![\w])",
    regex.IGNORECASE,
)
_OLD_WORDS = gate_words(
    "old older previous former outdated out-of-date retired superseded pre-rebrand discontinued before find"
)
_MARK_WORDS = gate_words("logo logos crest shield branding arms colours colors")
_STYLE_WORDS = gate_words("off-brand brand off comic papyrus sans corporate house")


@rule(
    "BRD009",
    "off-brand-material",
    "brand",
    "warn",
    clauses.BRAND,
    "Official material must carry the current marks in the house style: a retired logo or crest, or "
    "a font and colours chosen instead of the brand ones, looks unofficial and confuses readers.",
    "Use the current logo and the brand fonts, colours and templates from the brand hub; ask the "
    "brand team if the files you need are missing.",
    [
        Example("Poster for the open day attached. Used the old crest as I couldn't find the new files.", True),
        Example("Using Comic Sans for the open day posters instead of the brand font, it's friendlier", True),
        Example("Reminder: the old logo should no longer be used. Download the new one from the brand hub.", False),
        Example("Throwback to our old crest on the 1965 prospectus!", False),
    ],
    accounts=("official",),
)
def off_brand_material(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    words = token_set(t)
    if not _STYLE_WORDS.isdisjoint(words) or ("own" in words and "instead" in words):
        m = _OFF_STYLE_RE.search(t)
        if m:
            yield m.start(), m.end(), "Official material made outside the house style."
            return
    if _MARK_WORDS.isdisjoint(words) or (_OLD_WORDS.isdisjoint(words) and "from" not in words):
        return
    m = _OLD_MARK_RE.search(t) or _CANT_FIND_NEW_RE.search(t)
    if m and _OLD_MARK_USED_RE.search(t) and not _OLD_MARK_OK_RE.search(t):
        yield m.start(), m.end(), "Official material carries a retired logo or crest."


# --- the official account's tone ---------------------------------------------------------------
# An official account brushing someone off in public ("@x nobody cares, stop whining", "lol cry
# about it", "imagine complaining about free coffee 🙄", "read the handbook next time"): whatever the
# merits, the institution's voice sneering at a student or member of the public damages the brand.
# Read by shape: a dismissal, mockery of the person's complaint, or an eye-roll aimed at someone.
# A post that insults the person outright is left to the abuse family (one finding, the graver one).
_DISMISS_RE = regex.compile(
    r"(?i)(?<![\w])(?:nobody|no\s+one|no-one)\s+(?:\w+\s+)?(?:cares|asked|wants\s+to\s+hear)"
    r"(?=\s*(?:[,.!?]|🙄|😂|$|mate|lol|tbh|pal|though|honestly))"
    r"|(?<![\w])(?:cry|cope|seethe)\s+(?:about\s+it|harder|more)|who\s+asked|deal\s+with\s+it|get\s+over\s+it|skill\s+issue"
    r"|(?:stop|quit)\s+(?:your\s+)?(?:whining|moaning|whinging|complaining|crying|bleating|bitching)"
    r"|(?:imagine|fancy)\s+(?:\w+\s+)?(?:complaining|moaning|whining|whinging|crying)\s+about"
    r"|(?:maybe|try|learn\s+to)\s+(?:\w+\s+)?read(?:ing)?\s+(?:the|our)\s+(?:\w+\s+)?(?:handbook|website|email|faq|guidance|"
    r"instructions|rules)\s+(?:next\s+time|first|mate|then)"
    r"|some\s+people\s*(?:🙄|😂|🤣|smh|honestly|lol|lmao)|not\s+our\s+problem(?:\s+mate|,?\s+sorry)?\s*(?:🙄|lol|😂|[.!]|$)"
    r"|(?<![\w])(?:lol|lmao|lmfao|rofl)\b[^.!?\n]{0,40}?\b(?:imagine|cry|whin\w+|moan\w*|complain\w*|you\s+think)"
    r"|shut\s+up|your\s+degree'?s?\s+(?:is\s+)?(?:worthless|useless|a\s+joke)"
)
_EYEROLL = ("🙄", "🤡", "😒")
_AT_SOMEONE_RE = regex.compile(r"(?<![\w])@\w{2,}|(?i:\byou\b|\bu\b|\bya\b)")
# every form of _DISMISS_RE holds one of these words (or 'over it' / 'some people'): posts with
# none skip the pattern, which keeps the rule under a microsecond on ordinary posts
_TONE_WORDS = gate_words(
    "cares asked hear cry cope seethe deal skill whining whinging moaning complaining crying bleating bitching "
    "read reading problem shut worthless useless joke lol lmao lmfao rofl"
)


@rule(
    "BRD007",
    "official-dismissive-reply",
    "brand",
    "warn",
    clauses.BRAND,
    "An official account mocking or brushing off a student or member of the public ('nobody cares', "
    "'cry about it', an eye-roll at a complaint) is the institution's voice being rude in public.",
    "Reply courteously with the facts or a route to help (DM, a contact address), or do not reply.",
    [
        Example("@moaning_student nobody cares, stop whining and do your coursework", True, "x", "official"),
        Example("lmao imagine complaining about free coffee, some people 🙄 @studentbob", True, "x", "official"),
        Example("@studentbob sorry for the trouble! DM us and we'll sort it", False, "x", "official"),
        Example("Nobody cares more about you than we do: here is how to get help.", False, "x", "official"),
    ],
    accounts=("official",),
)
def official_dismissive_reply(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    # (isascii() is a flag test: most posts hold no emoji, and skip the three searches)
    eyeroll = not t.isascii() and ("🙄" in t or "🤡" in t or "😒" in t)
    low = doc.masked
    if not (eyeroll or gate(low, _TONE_WORDS) or "over it" in low or "some people" in low):
        return
    m = _DISMISS_RE.search(low)
    if m is None and not eyeroll:
        return
    if not (_AT_SOMEONE_RE.search(t) or doc.ctx.is_reply or (m and eyeroll)):
        return
    if _YOU_INSULT_RE.search(t) or _STRONG_RE.search(t):
        return  # an insult ("you lot are pathetic", "you lazy sod") is the abuse family's finding
    if m:
        yield m.start(), m.end(), "The official account brushes someone off or mocks them."
        return
    e = next(i for i in (t.find(x) for x in _EYEROLL) if i >= 0)
    yield e, e + 1, "The official account rolls its eyes at someone."
