"""contentious: party politics, elections, conflicts, industrial disputes, religion and other
divisive stances. A problem on official accounts (the pack caps it to info on personal ones):
the institution should not appear to take sides where it has no official view."""

from __future__ import annotations

import re
from collections.abc import Iterator

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import (
    CONTEST_RE,
    gate,
    phrase_rest_at,
    phrases,
    sentences,
    token_set,
    tokens,
    words_re,
)

POLITICS = words_re(
    phrases("""conservatives|conservative party|tories|tory|labour party|labour government|labour mp|
    labour leader|labour voters|lib dems|lib dem|liberal democrats|reform uk|snp|plaid cymru|green party|ukip|
    democrats|republicans|gop|maga|trump|biden|kamala|hillary|clinton|obama|starmer|sunak|farage|boris johnson|
    truss|corbyn|badenoch|rachel reeves|netanyahu|putin|zelensky|modi|election|elections|general election|
    by-election|referendum|brexit|remainers|brexiteers|manifesto|vote for|voting for|polling day|ballot box|
    parliament|mps|the government|this government|prime minister|home secretary|the president|left-wing|
    right-wing|leftist|far-right|far-left|woke|socialists|communists|fascists|immigration|immigrants|migrants|
    asylum seekers|small boats|tuition fees|cost of living crisis|austerity|reform party|vote reform|vote green|
    vote labour|vote tory|vote conservative|vote lib dem|the greens|politician|politicians|house of lords|the lords|
    scottish independence|independence referendum|united ireland|deportation|deportations|deportation flights|
    rwanda scheme|overseas aid|culture war|woke activists|two-child benefit cap|benefit cap|downing street|
    westminster|the tories'|tories'|your politics|conservative government|tory government|
    votes reform|votes labour|votes tory|votes conservative|votes green|votes snp|voted reform|voted labour|
    voted tory|voted conservative|voted leave|voted remain|reform voters|tory voters|leave voters|
    the conservative|reform government|reform-led government|indyref|indyref2|indy ref|indy ref 2|
    irish unity|border poll|welsh independence|pro-independence|anti-independence|rejoin eu|rejoin the eu|
    rejoiners|polls open|the polls open|shambles of a government|joke of a government|excuse for a government|
    chancellor's budget|autumn budget|spring budget|
    autumn statement|senedd|stormont|holyrood|the dup|dup mps|windsor framework|sinn fein|sinn féin""")
)
CONFLICT = words_re(
    phrases("""war|wars|invasion|occupation|ceasefire|genocide|ethnic cleansing|apartheid|war crimes|
    airstrikes|bombing|gaza|israel|israeli|palestine|palestinian|hamas|idf|zionist|zionism|ukraine|ukrainian|
    russia|russian|kashmir|taiwan|sudan|yemen|syria|tigray|the foreign government|regime|sanctions|
    terrorists|terrorism|intifada|settlers|iran|iranian|uyghur|uyghurs|china's government|chinese government|
    hezbollah|houthis|north korea|the occupation|arms companies|arms trade""")
)
CAMPAIGN = words_re(
    phrases("""boycott|boycotts|boycotting|bds|divest|divestment|sign the petition|petition|
    protest|protests|protesters|march against|rally against|occupation of|encampment|sit-in|
    stand with|solidarity with|free palestine|stop the war|counter-protest|counter-protests|counter-demo|
    counter-demos|counter-demonstration|counter-demonstrations""")
)
INDUSTRIAL = words_re(
    phrases("""strike|strikes|striking|industrial action|picket|picket line|pickets|walkout|
    walk-out|ucu|unison|unite the union|pay dispute|pension dispute|uss pensions|marking boycott|
    assessment boycott|marking and assessment boycott|
    action short of a strike|asos|scab|scabs|strikebreakers|union ballot|redundancies|job cuts""")
)
RELIGION = words_re(
    phrases("""god|allah|jesus|christ|christianity|christians|islam|muslims|judaism|jews|
    hinduism|hindus|sikhism|sikhs|buddhism|atheism|atheists|atheist|religion|religions|religious|
    the church|bible|quran|koran|scripture|faith|sharia|blasphemy|prayer in schools|creationism""")
)
DIVISIVE = words_re(
    phrases("""abortion|pro-life|prolife|pro-choice|prochoice|unborn child|roe v wade|unborn|feminism|
    feminist|feminists|
    misogyny|patriarchy|men's rights|trans rights|gender ideology|terfs|terf|gender critical|
    climate change|climate crisis|global warming|climate denial|net zero|fossil fuels|just stop oil|
    extinction rebellion|gun control|second amendment|death penalty|capital punishment|euthanasia|
    assisted dying|vaccine mandates|anti-vax|lockdown|black lives matter|blm|all lives matter|
    defund the police|free speech|cancel culture|monarchy|royal family|republicanism|climate|climate sceptics|
    climate deniers|climate emergency|north sea|oil and gas|drilling|trans women|trans men|trans people|
    transgender|gender critical|no platform|no-platforming|vaccine|vaccines|vaccination|lockdowns|
    creationism|faith schools|sharia|immigration|refugees|brexiteers|remainers|pro-lifers|prolifers|
    pro-choicers|anti-abortionists|anti-vaxxers|antivaxxers|remoaners|gender criticals|trans activists|
    biological sex|sex-based rights|for women scotland|gender identity|gender self-id|self-id|puberty blockers|
    private schools|charitable status|colonial statues|statues of colonial|colonial figures|marriage is between|
    defunding the police|defund|irish reunification|reunification|union flag|
    union jack|royal occasions|fossil fuel companies|immigration enforcement|home office raids|bodily autonomy|
    rse|sex education|relationships and sex education|gun lobby|gun laws|nra""")
)
_DISPUTE = "an industrial dispute"
_POLITICS = "party politics or elections"
TOPICS = (
    (POLITICS, _POLITICS),
    (CONFLICT, "an armed conflict or foreign politics"),
    (CAMPAIGN, "a boycott, petition or protest"),
    (INDUSTRIAL, _DISPUTE),
    (RELIGION, "religion"),
    (DIVISIVE, "a divisive social issue"),
)
STANCE = words_re(
    phrases("""support|supports|supporting|fully support|back|backing|oppose|opposes|opposing|
    against|condemn|condemns|condemned|betray|betrayed|betrayal|betraying|shame|shameful|disgrace|disgraceful|
    must|must not|must never|should|should never|never again|need to|needs to|have to|stand with|
    stand against|solidarity|urge|urges|we urge|call on|calls on|demand|demands|vote for|vote against|
    vote accordingly|boycott|ban|abolish|abolished|scrap|resign|get them out|lies|liars|lying|corrupt|evil|
    wicked|criminal|murderers|illegal|immoral|right-wing|left-wing|pathetic|useless|incompetent|failed|
    failing|destroyed|destroying|ruined|ruining|hate|proud to support|end the|stop the|no to|
    yes to|the only|the best|the worst|wrong|right to|deserve|deserves|never govern|govern|
    disaster|catastrophe|threat|dangerous|brainwashed|nonsense|myth|hoax|truth|the real|wake up|fantasy|
    don't be fooled|fooled|blood on their hands|vandalism|no place|not welcome|down with|inevitable|
    it's time|time for|no right|has no right|stand firmly|stands firmly|stands with|we oppose|we support|
    we condemn|we back|we reject|ashamed|cruel|barbaric|bigots|bigoted|idiots|thugs|overreach|authoritarian|
    enjoy|no thanks|judge them|has to stop|have to stop|must stop|under attack|so-called|don't fall for|
    is right|are right|have failed|has failed|selfish|greedy|hostage|our position|position is clear|committing|
    is real|proves|nutters|nutjobs|cranks|lunatics|loonies|backward|extremists|snowflakes|morons|fanatics|
    zealots|full stop|end of story|is racism|is racist|are racists|vote labour|vote tory|vote tories|vote conservative|
    vote green|vote reform|vote lib dem|vote snp|vote plaid|vote democrat|vote republican|
    don't represent our values|do not represent our values|doesn't represent our values|does not represent our values|
    against our values|at odds with our values|
    incompatible with our values|give them your vote|don't give them your vote|don't vote for|do not vote for|
    never vote for|is xenophobic|are xenophobic|is xenophobia|are xenophobia|pure xenophobia|pure racism|
    dressed up as policy|
    vote with that in mind|bear that in mind when you vote|keep that in mind when you vote|
    can't wait to work with|cannot wait to work with|can't wait to partner with|cannot wait to partner with|
    don't represent us|do not represent us|doesn't represent us|does not represent us|don't speak for us|
    do not speak for us|doesn't speak for us|does not speak for us|
    backs|we're calling on|we are calling on|we're calling for|we are calling for|i'm calling on|
    encourage everyone to|encourages everyone to|we're urging|we are urging|
    isn't welcome|aren't welcome|is not welcome|are not welcome|deserves its independence|
    we believe|affirms|formally supports|welcomes calls|will not cooperate|won't cooperate|will no longer|
    no longer advertise|no longer fly|no longer mark|outdated institution|abolition of|be scrapped|right future|
    should be a free|does not represent our community|doesn't represent our community|won't be part of|
    add your name|shambles|reckless|non-negotiable|economically illiterate|scientifically illiterate|
    repost if you agree|rt if you agree|share if you agree|retweet if you agree|
    head examined|heads examined|an embarrassment|blood on its hands|blood on his hands|blood on her hands|
    catch yourselves on|catch yourself on|hard no|a hard no|belongs in the bin|belong in the bin|
    endorse|endorses|endorsing|proud to be""")
)
# A campaign's rallying cry is a side taken, with or without a stance word ("Free Palestine from
# the river to the sea", "Globalise the intifada", "Stop the boats", "Get Brexit done").
_SLOGANS = phrases("""free palestine|from the river to the sea|globalise the intifada|globalize the intifada|
    intifada now|stop the boats|get brexit done|take back control|leave means leave|bollocks to brexit|
    tories out|kill the bill|no borders|refugees welcome|stop the war|ceasefire now|independence now|
    yes yes yes|indy now|brits out|troops out|no surrender|tiocfaidh ar la|stand with israel|bring them home|
    alba gu brath|alba gu bràth|saor alba|cymru rydd|not my king|yes2|trans women are women|
    trans rights are human rights""")
SLOGAN = words_re(_SLOGANS)
# Slogans that name their cause themselves ("Alba gu bràth" on a campus banner, "Tories out"): a side
# taken even when no topic word stands beside them (the others above need one).
_SELF_EVIDENT_SLOGANS = phrases("""alba gu brath|alba gu bràth|saor alba|cymru rydd|tiocfaidh ar la|
    globalise the intifada|globalize the intifada|free palestine|from the river to the sea|bollocks to brexit|
    get brexit done|tories out|stop the boats|not my king|trans women are women|trans rights are human rights""")
SELF_EVIDENT_SLOGAN = words_re(_SELF_EVIDENT_SLOGANS)
# A campaign's hashtag is its slogan written as one word (#ToriesOut, #NotMyKing, #RefugeesWelcome):
# the same side taken, under the same two rules as the slogan written out.
_SLOGAN_TAGS = frozenset(p.replace(" ", "") for p in _SLOGANS)
_SELF_EVIDENT_TAGS = frozenset(p.replace(" ", "") for p in _SELF_EVIDENT_SLOGANS)
_ANY_SLOGAN_TAGS = _SLOGAN_TAGS | _SELF_EVIDENT_TAGS
_HASHTAG_RE = re.compile(r"#(\w+)")


def _slogan_tags(t: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-case body) of each hashtag of ``t`` that is a slogan written as one word."""
    if "#" not in t:
        return []
    return [(m.start(), m.end(), b) for m in _HASHTAG_RE.finditer(t) if (b := m.group(1).lower()) in _ANY_SLOGAN_TAGS]


# A call to act on what the post has said, addressed to the reader (a vote against, a letter to the
# MP): a side taken on the politics the post names, whichever sentence the call is in. Only as an
# instruction (at the start of a sentence, after a colon, or after "please"/"so"), not "how to
# contact your MP" in a neutral guide to the election.
_CALL_TO_ACT_RE = re.compile(
    r"(?:^|(?<=[.!?:;\n])\s*|\b(?:please|so|now|and|just)\s+)(?:(?:don'?t|do\s+not|never)\s+vote\s+for|"
    r"vote\s+(?:them|him|her)\s+out|(?:write\s+to|e-?mail|contact|lobby|tell|message)\s+your\s+(?:local\s+)?"
    r"(?:mp|msp|ms|mla|councillors?|representatives?)"
    r"|(?:repost|rt|retweet|share)\s+if\s+you\s+agree)\b"
    # round 20e (P4): "..., you know which party has a plan", "you know what to do on Thursday"
    r"|\byou\s+know\s+(?:which\s+party|who\s+to\s+vote\s+for|what\s+to\s+do\s+(?:on|at|in|this|next)\b)"
    # round 21 (P5): "our reading list for anyone still undecided: literally anything but Reform"
    r"|\b(?:anything|anyone|anybody)\s+but\s+(?:the\s+)?(?:tories|tory|labour|reform|conservatives?|snp|greens|"
    r"lib\s+dems?|ukip|dup|sinn\s+f[eé]in|plaid|trump|farage|starmer)\b",
    re.IGNORECASE,
)
# ...unless the post studies the slogan itself ("From the river to the sea? The history of a
# contested slogan", a lecture on protest chants): the words are its subject, not its voice.
_SLOGAN_STUDIED_RE = re.compile(
    r"\b(?:slogans?|chants?|phrases?|contested|history\s+of|meaning\s+of|origins?|lecture|seminar|talk|panel|"
    r"debate|study|analysis|discourse|rhetoric)\b|[?]",
    re.IGNORECASE,
)
# The stance words the classifier gate was tuned with (CON003 consults the model only when a
# topic, one of these or a hashtag is present); CON001's list above is broader.
STANCE_GATE = words_re(
    phrases("""support|supports|supporting|fully support|back|backing|oppose|opposes|opposing|
    against|condemn|condemns|condemned|betray|betrayed|betrayal|betraying|shame|shameful|disgrace|disgraceful|
    must|must not|must never|should|should never|never again|need to|needs to|have to|stand with|
    stand against|solidarity|urge|urges|we urge|call on|calls on|demand|demands|vote|vote for|vote against|
    don't vote|sign|join us|join the|boycott|ban|abolish|scrap|resign|out|lies|liars|lying|corrupt|evil|
    wicked|criminal|murderers|illegal|immoral|right-wing|left-wing|pathetic|useless|incompetent|failed|
    failing|destroyed|destroying|ruined|ruining|hate|love|proud to support|free|end the|stop the|no to|
    yes to|pro|anti|the only|the best|the worst|wrong|right to|deserve|deserves|never govern|govern|
    disaster|catastrophe|threat|dangerous|brainwashed|nonsense|myth|hoax|truth|the real|wake up""")
)


# --- stance words that are part of a non-stance construction (CON001) ------------------------
# "speakers for and against the bill", "arguing against the motion 'This House would abolish the
# monarchy'", "vote for your sabbatical officers": the stance word is consumed by the balanced or
# procedural phrase around it, so it says nothing about the institution's side. Only the stance
# word itself is discounted; any other stance language in the sentence still counts.
_BALANCED_SPAN_RE = re.compile(
    r"\bfor\s+and\s+against\b|\bagainst\s+and\s+for\b|\bpros\s+and\s+cons\b"
    r"|\b(?:argu(?:e|es|ed|ing)|speak(?:s|ing)?|speakers?|case|voted?|voting|won|lost)\s+(?:both\s+)?(?:for|against)\s+"
    r"(?:the\s+)?motion\b"
    # "two speakers for, two against", "three for and two against"
    r"|\b(?:(?:speakers?|voices|panellists?)\s+)?for\s*(?:,\s*|\s+and\s+)(?:\w+\s+){0,2}?against\b"
    r"|\b(?:speakers?|voices|arguments?|panellists?|case)\s+(?:both\s+)?(?:for\s+and\s+against|against\s+and\s+for|"
    r"for|against)\b"
    # "two academics with opposing views on the Rwanda scheme": the sides the post puts side by side
    r"|\b(?:opposing|opposed|differing|contrasting|competing)\s+(?:views|sides|perspectives|positions|viewpoints|"
    r"opinions|arguments|camps)\b",
    re.IGNORECASE,
)
# Support as a service on offer ("Support is available from Student Services", "through Student
# Support", "our support team"): help for whoever needs it, not backing for a side.
_SUPPORT_SERVICE_RE = re.compile(
    r"\b(?:student|wellbeing|welfare|disability|learning|peer|financial|mental\s+health|pastoral|it)\s+support\b"
    r"|\bsupport\s+(?:is|are|remains)\s+(?:also\s+)?available\b"
    r"|\bsupport\s+(?:services?|team|teams|staff|line|fund|funds|hub|officers?|workers?|plans?|sessions?|available)\b"
    # round 37: help someone needs or is offered ("anyone who needs support", "support and hardship funds are
    # available"); "offering our full support to the strike" keeps its stance (a possessive between)
    r"|\b(?:needs?|needing|seek(?:s|ing)?|get(?:s|ting)?|access(?:ing)?|offer(?:s|ing)?|receive|extra|further|"
    r"practical|confidential|specialist|additional|dedicated|ongoing|tailored)\s+(?:(?:any|some|more|extra)\s+)?"
    r"support\b"
    r"|\bsupport\s+and\s+(?:hardship|advice|guidance|wellbeing|welfare|counselling|information|funding|funds?)\b"
    # backing for the institution's own work, not for a side: "we will continue to support rigorous,
    # independent research in this area"
    r"|\bsupport(?:s|ing)?\s+(?:[\w'’,-]+\s+){0,3}?(?:research|scholarship|debate|dialogue|academic\s+freedom|"
    r"free\s+speech)\b",
    re.IGNORECASE,
)
# Round 37: words of a stance list in their plain, practical senses, read from near-misses written for
# round 34 (tuning posts): a rule everyone must follow ("all students and staff, whatever their views,
# must follow the code of conduct"), practical advice ("commuters should check National Rail
# Enquiries"), an election named, not a side ("apply for a postal vote for the Holyrood elections"),
# lawful protest upheld for all ("the university supports lawful, peaceful protest"), an unquoted
# debating motion ("this house believes the UN should ..."), and "back" as an adverb ("Stormont is
# back in session"). Any other stance in the post still counts.
_PLAIN_SENSE_RE = re.compile(
    r"\b(?:must|should|need\s+to|needs\s+to|have\s+to)\s+(?:follow|comply\s+with|observe|adhere\s+to|abide\s+by)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:code\s+of\s+conduct|regulations?|rules|polic(?:y|ies)|guidance|procedures?|law)\b"
    # (advice to the reader: its subject is who the notice is for, not a government or a party)
    r"|\b(?:students|staff|you|everyone|visitors|commuters|passengers|applicants|attendees|anyone|colleagues|"
    r"travellers)\s+(?:[\w'’-]+\s+){0,3}?(?:should|must|need\s+to|needs\s+to|have\s+to)\s+(?:check|allow|plan|"
    r"expect|contact|book|apply|bring|note|arrive|consult|email|visit|log\s+in|make\s+sure|keep\s+an\s+eye)\b"
    r"|\bvote\s+for\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:elections?|by-elections?|referendum|poll)\b"
    r"|\b(?:support|supports|supporting|respect|respects|uphold|upholds|defend|defends|protect|protects)\s+"
    r"(?:lawful|peaceful)(?:,?\s+(?:and\s+)?(?:lawful|peaceful))?\s+(?:protests?|demonstrations?|campaigning|assembly)\b"
    r"|\bthis\s+house\s+(?:believes|would|regrets|supports|opposes|welcomes|condemns|calls)\b[^.!?\n]*"
    r"|\b(?:is|are|was|were)\s+back\b|\bback\s+in\s+session\b"
    # round 44: a recording played again, support measured by a survey (time set aside: _TIME_FOR_RE)
    r"|\b(?:listen|listening|watch|watching|play|catch\s+up|look|looking|looked)\s+back\b"
    r"|\b(?:surveys?|polls?|polling|data|findings|respondents|study|studies|research)\b[^.!?\n]{0,60}?\b(?:shows?|"
    r"showed|finds?|found|suggests?|reveals?|reports?)\s+(?:broad|strong|wide|widespread|majority|growing|little|"
    r"weak|falling|rising|mixed|limited|high|low)\s+support\b",
    re.IGNORECASE,
)
# The institution standing with its own people ("We stand with our Ukrainian students and staff"):
# care for members of its community, who are on its campus whatever their country's war; any other
# stance in the sentence ("... against the invasion") still counts.
_OWN_PEOPLE_RE = re.compile(
    r"\b(?:stand(?:s|ing)?\s+with|solidarity\s+with|support(?:s|ing)?)\s+(?:all\s+(?:of\s+)?)?our\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:students|staff|colleagues|community|communities|members|alumni|families)\b",
    re.IGNORECASE,
)
# A talk's, a book's or an exhibition's quoted title (round 42, from round 40's near-misses: 'a public
# lecture: "Hate Speech, Free Speech and the Limits of the Law"'): the subject of the event, not the
# institution's side; its topic words stay topics, so a side taken outside it still counts.
_EVENT_TITLE_RE = re.compile(
    r"\b(?:lecture|talk|seminar|webinar|panel|symposium|keynote|workshop|podcast|episode|book|exhibition|module|"
    r"screening|film|discussion|conference|course|class|event|evening|night)"
    # "our panel on "...", "a talk titled "..."": the title after a linking word
    r"(?:\s+(?:on|about|titled|entitled|called|named))?\s*:?\s*[\"“]([^\"”]{3,160})[\"”]",
    re.IGNORECASE,
)
# A debating motion quoted: "This House would abolish the monarchy".
_MOTION_RE = re.compile(
    r"(?:motion|debate)\s*:?\s*[\"“'‘]([^\"”'’]{3,160})[\"”'’]|[\"“'‘](this\s+house\s+[^\"”'’]{3,160})[\"”'’]",
    re.IGNORECASE,
)
# Campus elections (students' union, sabbatical officers, course reps) are not party politics.
_CAMPUS_VOTE_RE = re.compile(
    r"\bvot(?:e|ing)\s+for\s+(?:your|a|the|our)\s+(?:new\s+|next\s+)?(?:students['’]?\s+)?(?:union\s+|su\s+)?"
    r"(?:sabbatical|sabb|officers?|reps?|representatives?|committee|president|course\s+reps?|student\s+reps?|"
    r"trustees?|candidates?\s+for\s+(?:su|the\s+union|students['’]?\s+union))\b"
    # a students' union's own referendum or election (round 18): "Vote yes in the SU referendum"
    r"|\b(?:su|students['’]?\s+union|student|campus|society|guild)\s+(?:referendum|referenda|elections?)\b",
    re.IGNORECASE,
)


# A research finding reports other people's attitudes: "our survey finds 58% of UK adults support
# assisted dying", "most Britons back more immigration of care workers", "support for independence
# is now 52%". The stance verb belongs to the counted respondents, not to the institution; it is
# discounted only where the post frames itself as a finding (survey, poll, study, finds, shows).
_FINDING_FRAME_RE = re.compile(
    r"\b(?:surveys?|surveyed|polls?|polled|polling|study|studies|research|researchers?|report|analysis|data|dataset|"
    r"respondents|finds|found|findings|shows?|showed|suggests?|results|census|interviewed|sample|attitudes)\b",
    re.IGNORECASE,
)
_ATTITUDE_RE = re.compile(
    r"(?:\d[\d.,]*\s*(?:%|per\s*cent)|\b\d+\s+(?:in|out\s+of)\s+\d+|\bmost|\b(?:the|a)\s+majority|\bmajority|"
    r"\ba\s+minority|\bhalf|\ba\s+(?:third|quarter)|\b(?:two|three)[-\s](?:thirds|quarters)|\bmany|\bfew|\bfewer|"
    # round 15: a number of people counted, then who they are ("interviewed 85 activists and 60 members of
    # the public who oppose disruptive tactics")
    r"\b\d[\d,]*(?=\s+(?:[\w'’-]+\s+){1,5}?(?:who|that)\s)|"
    r"\bmore\s+than\s+half)\s+(?:of\s+)?(?:[\w'’-]+\s+){0,5}?(?:now\s+|still\s+|would\s+|strongly\s+|also\s+)?"
    r"(?P<v>support|supports|supported|back|backs|backed|oppose|opposes|opposed|favour|favours|favor|favors|reject|"
    r"rejects|(?:are|were)\s+against|disagree|agree)\b"
    r"|\b(?P<n>support|opposition|backing)\s+for\s+(?:[\w'’-]+\s+){1,8}?(?:is|was|stands|stood|rose|fell|remains|"
    r"has\s+(?:risen|fallen|grown|dropped|doubled|halved)|reached|at|among|has\s+been)\b"
    # round 15: the measure's own course ("finds support has hovered around 48% across the decade")
    r"|\b(?P<c>support|opposition|backing)\s+(?:has|had|have)\s+(?:\w+\s+)?(?:hovered|stood|remained|risen|fallen|grown|"
    r"dropped|averaged|held|stayed|fluctuated|climbed|declined|edged)\b"
    # the topic of the study itself: "a report on support for Scottish independence"
    r"|\b(?:on|about|into|measuring|tracking)\s+(?:public\s+|popular\s+|voter\s+|voters['’]\s+)?"
    r"(?P<t>support|opposition|backing)\s+for\b",
    re.IGNORECASE,
)
# The institution upholding a right for everyone, whatever their side: "we support the right of
# students and staff to protest peacefully", "we uphold the right to peaceful protest and free
# speech", "we respect the right to lawful protest". Any other stance in the sentence still counts.
_RIGHT_TO_RE = re.compile(
    r"\b(?:we\s+(?:fully\s+|always\s+|will\s+)?)?(?:support|supports|supporting|respect|respects|uphold|upholds|defend|defends|protect|protects|recognise|"
    r"recognises|recognize|recognizes|affirm|affirms)\s+(?:[\w'’-]+\s+){0,3}?rights?\s+(?:of\s+(?:[\w'’-]+\s+){1,6}?)?"
    r"to\s+(?:[\w-]+\s+){0,3}?(?:protest|campaign|organi[sz]e|demonstrate|free\s+speech|freedom\s+of\s+(?:speech|"
    r"expression)|express|speak|assemble|strike|vote|hold\s+and\s+express|study|learn|teach|work|attend|"
    r"(?:be|feel)\s+safe)\w*",
    re.IGNORECASE,
)
# "with time for questions", "time for audience Q&A": the programme, not "it's time for change"
_TIME_FOR_RE = re.compile(
    r"\btime\s+for\s+(?:(?:audience\s+|your\s+|a\s+few\s+)?(?:questions|q\s*&\s*a|q\s*and\s*a|discussion|networking|"
    r"refreshments|coffee|lunch|a\s+break)|qs|debate|tea|drinks)\b",
    re.IGNORECASE,
)


# Debate framed as debate: a question the post puts to its audience in a talk, a seminar, a
# podcast or a piece of research ("Seminar: why do people call politicians idiots?", "Should the
# monarchy be reformed? Our historians weigh up the evidence"), and the open question a speaker
# "discusses whether ..." (the House of Lords should be elected). The stance words inside the
# question are its subject; a side taken in another sentence ("Abolish it now.") still counts, and
# a question in a post with no such frame ("Why do people still back the Tories?") is left to read.
_DEBATE_FRAME_RE = re.compile(
    r"\b(?:talk|talks|seminar|seminars|lecture|lectures|panel|debate|debates|podcast|episode|blog|webinar|"
    r"discussion|symposium|conference|workshop|course|module|essay|book|chapter|research|researchers?|historians?|"
    r"scientists|economists|study|evidence|weighs?\s+up|explores?|examines?|asks?|discuss(?:es)?|in\s+conversation|"
    r"q\s*&\s*a|roundtable|keynote|reading\s+group|class|students\s+debate)\b",
    re.IGNORECASE,
)
_QUESTION_RE = re.compile(
    r"(?:^|(?<=[.!?:\n])\s*)[\"“‘']?(?:(?:so|but|and)\s+)?(?:why|should|shall|is|are|was|were|do|does|did|can|could|will|would|"
    r"what|how|who|whose|which|has|have|must)\b[^.!?:\n]{0,200}\?",
    re.IGNORECASE,
)
# ...but not a verdict dressed as a question ("why are Tory politicians such idiots?")
_LOADED_QUESTION_RE = re.compile(r"\bwhy\s+(?:are|is|were|was)\b[^?]*\b(?:such|so)\b", re.IGNORECASE)
_WHETHER_RE = re.compile(
    r"\b(?:discuss\w*|ask\w*|debat\w*|explor\w*|consider\w*|examin\w*|weigh\w*\s+up|question\w*|"
    r"investigat\w*|assess\w*|wonder\w*|look\w*\s+at)\s+(?:whether|if)\b[^.!?]*",
    re.IGNORECASE,
)
# What a scam or a fake message says, reported in a warning ("Texts saying you owe tuition fees and
# must pay by gift card are a scam"): the fraudster's words, not the institution's side.
_SCAM_WORDS_RE = re.compile(r"\b(?:scam|scams|scammers?|fraud\w*|phishing|fake|bogus|hoax\s+(?:call|text|email)s?)\b",
                            re.IGNORECASE)
_REPORTED_CLAIM_RE = re.compile(
    r"\b(?:saying|claiming|telling\s+(?:you|students|people)|asking\s+(?:you|students|people)|that\s+(?:say|says|claim|claims)|"
    r"which\s+(?:say|says|claim|claims))\b[^.!?]*",
    re.IGNORECASE,
)


# The vote left to the reader ("vote for whoever you like", "whichever party you choose"): civic
# information, no side.
_FREE_VOTE_RE = re.compile(
    r"\bvot(?:e|ing)\s+(?:for\s+)?(?:whoever|whomever|whichever|who\s+you|the\s+(?:party|candidate)\s+(?:you|of\s+your))"
    r"\b[^.!?]*",
    re.IGNORECASE,
)


def discounted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` whose stance words belong to a balanced, quoted-motion or campus-election
    construction, a reported research finding, a right upheld for all sides, a programme note or a
    plain, practical sense (help on offer, a rule for all, advice to readers: _PLAIN_SENSE_RE), not
    to a side the author takes."""
    out = [m.span() for m in _BALANCED_SPAN_RE.finditer(text)]
    out += [m.span(1) if m.group(1) is not None else m.span(2) for m in _MOTION_RE.finditer(text)]
    out += [m.span() for m in _CAMPUS_VOTE_RE.finditer(text)]
    if "vot" in text:
        out += [m.span() for m in _FREE_VOTE_RE.finditer(text)]
    if _FINDING_FRAME_RE.search(text):
        out += [m.span(m.lastgroup or 0) for m in _ATTITUDE_RE.finditer(text)]
    out += [m.span() for m in _RIGHT_TO_RE.finditer(text)]
    out += [m.span() for m in _TIME_FOR_RE.finditer(text)]
    if "our" in text:
        out += [m.span() for m in _OWN_PEOPLE_RE.finditer(text)]
    if "upport" in text:
        out += [m.span() for m in _SUPPORT_SERVICE_RE.finditer(text)]
    out += [m.span() for m in _PLAIN_SENSE_RE.finditer(text)]
    return out


def question_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose stance words belong to a question put up for debate, to a scam's claim quoted
    in a warning or to an event's quoted title (see _QUESTION_RE, _WHETHER_RE, _REPORTED_CLAIM_RE,
    _EVENT_TITLE_RE). Unlike discounted_spans, the
    topic words inside stay topics: a side taken on them in the next sentence still counts."""
    out: list[tuple[int, int]] = []
    if '"' in text or "“" in text:
        out += [m.span(1) for m in _EVENT_TITLE_RE.finditer(text)]
    if "?" in text and _DEBATE_FRAME_RE.search(text):
        out += [m.span() for m in _QUESTION_RE.finditer(text) if not _LOADED_QUESTION_RE.search(m.group(0))]
    if "ether" in text or " if " in text:
        out += [m.span() for m in _WHETHER_RE.finditer(text)]
    low = text.lower()
    if any(w in low for w in ("scam", "fraud", "phishing", "fake", "bogus", "hoax")) and _SCAM_WORDS_RE.search(text):
        out += [m.span() for m in _REPORTED_CLAIM_RE.finditer(text)]
    return out

# The first words of every topic phrase: a post holding none of them (most posts) skips the six
# lexicons with one set test.
_TOPIC_FIRST_WORDS = frozenset().union(*(pattern.keys for pattern, _label in TOPICS))
# first word -> {label: that lexicon's phrases starting with it, longest first}: the six lexicons
# walked in one pass over the post's words instead of six
_TOPIC_FIRST: dict[str, dict[str, list[tuple[str, ...]]]] = {
    w: {label: pattern.first[w] for pattern, label in TOPICS if w in pattern.first} for w in _TOPIC_FIRST_WORDS
}


def _topic_lexicon_hits(t: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of every topic-lexicon match in ``t``, unsorted: for each lexicon, what
    its ``Lexicon.finditer`` yields (at each word, the longest of its phrases starting with the
    word, or if it has none, with the word without its 's, that matches there)."""
    toks = tokens(t)
    n = len(toks)
    first = _TOPIC_FIRST
    hits: list[tuple[int, int, str]] = []
    for i, (s, _e, w) in enumerate(toks):
        own = first.get(w)
        bare = first.get(w[:-2]) if w.endswith("'s") else None
        if own is None and bare is None:
            continue
        tries = list(own.items()) if own else []
        if bare:
            tries += [(label, c) for label, c in bare.items() if not own or label not in own]
        for label, cands in tries:
            for ph in cands:
                k = len(ph)
                if i + k <= n and (k == 1 or phrase_rest_at(toks, i, ph)):
                    hits.append((s, toks[i + k - 1][1], label))
                    break
    return hits


def _topic_hits(doc: Doc, cp: CompiledPack) -> list[tuple[int, int, str]]:
    """Every topic-lexicon hit (start, end, label) in the post; computed once per post."""
    cached = doc.__dict__.get("_topics")
    if cached is not None:
        return cached
    t = doc.masked
    hits = _topic_lexicon_hits(t) if gate(t, _TOPIC_FIRST_WORDS) else []
    if cp.extra_topics_re is not None:
        m = cp.extra_topics_re.search(t)
        if m:
            hits.append((m.start(), m.end(), "a topic this institution treats as divisive"))
    hits.sort()
    doc.__dict__["_topics"] = hits
    return hits


@rule(
    "CON001",
    "divisive-stance",
    "contentious",
    "block",
    clauses.CONTENTIOUS,
    "A stance on party politics, elections, conflicts, boycotts, industrial disputes, religion or "
    "another divisive issue, posted by the institution, reads as the institution's official view.",
    "Remove the stance, or post factual information only; leave opinions to personal accounts.",
    [
        Example(
            "Whoever wins the election, one thing is certain: the Conservatives have betrayed students and "
            "must never govern again.",
            True,
            "mastodon",
        ),
        Example("We fully support the ongoing boycott and urge our followers to sign the petition against "
                "the foreign government.", True),
        Example("Solidarity with UCU colleagues on the picket line today!", True),
        Example("Eid Mubarak to everyone celebrating in our community!", False),
        Example("The library stays open during the strike; check opening hours online.", False),
        Example("Polling stations on campus open at 7am on Thursday.", False),
        Example("Our Law School hosts a balanced panel on assisted dying, with speakers for and against the bill.",
                False),
        Example("Students' Union elections open Monday! Vote for your sabbatical officers.", False),
        Example("Our debating society won the final arguing against the motion 'This House would abolish the "
                "monarchy'.", False),
        Example("Trans women are women. No debate, and anyone who disagrees must leave.", True),
        Example("Free Palestine from the river to the sea 🇵🇸", True),
        Example('Public talk: "From the river to the sea? The history of a contested slogan", Tues 5pm.', False),
        Example('Our Principal at Court: "anyone who votes Reform is not welcome on this campus."', True),
    ],
    accounts=("official", "personal"),
)
def divisive_stance(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.masked
    topics = _topic_hits(doc, cp)
    sl = _slogan(t, topics)
    if sl is not None:
        yield sl[0], sl[1], "Takes a side with a campaign slogan."
        return
    if not topics:
        return
    stance = [(m.start(), m.end()) for m in STANCE.finditer(t)]
    call_m = _call_to_act_match(t, topics)
    if not stance and call_m is None:
        return  # most posts with a topic: no stance, no call; the discounted spans are not needed
    off = discounted_spans(t)
    asked = question_spans(t)
    if call_m is not None and not any(s <= call_m.start() and call_m.end() <= e for s, e in off + asked):
        yield call_m.start(), call_m.end(), f"Takes a stance on {_POLITICS}: it tells the reader how to act on it."
        return
    if not stance:
        return
    if off or asked:
        stance = [(a, b) for a, b in stance if not any(s <= a and b <= e for s, e in off + asked)]
    # a stance word that ends a longer dispute's name is its head noun ("the marking boycott" names the
    # action a service notice is about), not a side ("march against" is no name: its 'against' counts)
    stance = [(a, b) for a, b in stance if not any(s < a and b == e and lb == _DISPUTE for s, e, lb in topics)]
    if off:  # a topic word inside a discounted phrase ("stand with our ... students") is no topic either
        topics = [(a, b, label) for a, b, label in topics if not any(s <= a and b <= e for s, e in off)]
    bounds = list(sentences(t))
    for ts, te, label in topics:
        k = next((i for i, (s, e) in enumerate(bounds) if s <= ts < e), 0)
        # stance language in the same sentence, or in the next one when the topic sentence is a
        # bare claim ("Trans women are women. Anyone who disagrees is not welcome here.")
        ss, se = bounds[k] if bounds else (0, len(t))
        # ... or when the next sentence is a bare verdict on it ("... dressed up as policy. Shameful."),
        # not a question ("Any truth to that?")
        # ... or when the next sentence steers the reader's vote by it ("... Please vote with that in mind.")
        if k + 1 < len(bounds) and (
            se - ss < 80 or _bare_verdict(t, *bounds[k + 1]) or _VOTE_STEER_RE.search(t, *bounds[k + 1])
        ):
            se = bounds[k + 1][1]
        # the topic's own words count as the stance only when they are a call to vote ("Vote Labour.")
        if any(ss <= a < se and ((a, b) != (ts, te) or _VOTE_PARTY_RE.match(t, ts)) for a, b in stance):
            yield ts, te, f"Takes a stance on {label}."
            return


def _slogan(t: str, topics: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """Span of a campaign slogan, written out or as a hashtag, that takes a side here: a
    self-evident one anywhere, the others beside a topic that is not only a social issue; never
    in a post that studies slogans."""
    tags = _slogan_tags(t)
    span: tuple[int, int] | None = None
    m = SELF_EVIDENT_SLOGAN.search(t)
    if m is not None:
        span = m.start(), m.end()
    else:
        span = next(((a, b) for a, b, body in tags if body in _SELF_EVIDENT_TAGS), None)
    if span is None and any(label != "a divisive social issue" for _s, _e, label in topics):
        m = SLOGAN.search(t)
        span = (m.start(), m.end()) if m is not None else (tags[0][0], tags[0][1]) if tags else None
    if span is None:
        return None
    # studied in its own sentence or the one before ('Public talk: "From the river to the sea? ..."'),
    # not in a later one ("Trans women are women. If you can't accept that, our seminar series isn't for you.")
    bounds = list(sentences(t))
    k = next((i for i, (a, b) in enumerate(bounds) if a <= span[0] < b), 0)
    lo = bounds[max(0, k - 1)][0] if bounds else 0
    hi = bounds[k][1] if bounds else len(t)
    if _SLOGAN_STUDIED_RE.search(t, lo, hi):
        return None
    return span


def _call_to_act_match(t: str, topics: list[tuple[int, int, str]]) -> re.Match[str] | None:
    """A call to vote against or to lobby (see _CALL_TO_ACT_RE) in a post about party politics. The
    pattern is searched only when the post holds one of the words every branch needs."""
    if not any(label == _POLITICS for _s, _e, label in topics) or _CALL_WORDS.isdisjoint(token_set(t)):
        return None
    return _CALL_TO_ACT_RE.search(t)


_CALL_WORDS = frozenset(
    ("vote", "mp", "msp", "ms", "mla", "councillor", "councillors", "representative", "representatives", "agree",
     "know", "anything", "anyone", "anybody")
)


def campaign_span(text: str) -> tuple[int, int] | None:
    """Where a post campaigns (a slogan, a call to vote or lobby, a call on others to join a
    boycott): what academic freedom does not cover (academic.py keeps CON001's severity for it).
    ``text`` is the post as written; the test is on its lower-case form."""
    t = text.lower()
    topics = _topic_lexicon_hits(t)
    found = _slogan(t, topics)
    if found is None and topics:
        m = _call_to_act_match(t, topics) or _URGE_OTHERS_RE.search(t) or _SHAMES_RE.search(t)
        m = m or _TELLS_LEGISLATORS_RE.search(t) or _group_side(t, topics)
        found = m.span() if m else None
    return found


# Round 21 (P5, P6): how a research account campaigns besides slogans and calls to vote. It shames the
# other side ("every MP who voted for it should be ashamed", "the NRA has blood on its hands", "history
# will be on their side", "the DUP's position is frankly an embarrassment"); it tells legislators what
# to do with a vote ("MPs need to stop dithering and vote it through", "Stormont needs to commission
# services now"); or the group itself declares its side on the topic ("Our lab stands with the gun
# control movement", "Our unit backs the assisted dying bill 100%"). A finding ("our data show the
# scheme did not deter crossings"), a policy option weighed ("the government should consider ...") or
# "our research supports the view that ..." is none of these. Asked only of posts CON001 already flags.
_SHAMES_RE = re.compile(
    r"\bshould\s+(?:all\s+)?be\s+(?:ashamed|embarrassed)\b|\bshame\s+on\b"
    r"|\bblood\s+on\s+(?:its|their|his|her|your)\s+hands\b"
    r"|\bhistory\s+will\s+(?:judge\s+them|be\s+on\s+(?:their|our)\s+side|vindicate|absolve)\b"
    r"|\b(?:should|must|can)\s+come\s+(?:and|to)\s+explain\s+themselves\b"
    r"|\bneeds?\s+(?:their|his|her)\s+heads?\s+examin\w*"
    r"|\b(?:is|are|was|were)\s+(?:frankly\s+|simply\s+|just\s+|nothing\s+short\s+of\s+)?(?:an?\s+)?"
    r"(?:disgrace|embarrassment|stain\s+on)\b|\bcatch\s+yourselves?\s+on\b",
    re.IGNORECASE,
)
_TELLS_LEGISLATORS_RE = re.compile(
    r"\b(?:mps|msps|mss|mlas|peers|the\s+lords|parliament|stormont|holyrood|the\s+senedd|the\s+d[aá]il|councillors|"
    r"ministers|congress)\s+(?:needs?\s+to|must|should|ha(?:ve|s)\s+to)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:vote\s+(?:it|this|the\s+\w+)\s+(?:through|down)|vote\s+(?:for|against|yes|no)\b|pass\s+(?:it|this|the)\b|"
    r"(?:scrap|repeal|reject|throw\s+out|back|commission|fund|legislate|act)\b[^.!?]{0,40}?\b(?:now|immediately|"
    r"today|without\s+delay)\b)",
    re.IGNORECASE,
)
_GROUP_SIDE_RE = re.compile(
    r"\b(?:we|our\s+(?:[\w'-]+\s+){0,3}?(?:lab|group|project|centre|center|unit|team|network|department|school|"
    r"institute|programme|clinic|collective)|the\s+(?:centre|center|institute|unit|lab|group|school|department)\s+"
    r"(?:for|of)\s+(?:[\w'-]+\s+){0,4}?)\s*(?:(?:fully|firmly|proudly|wholeheartedly|unequivocally)\s+)?"
    r"(?:stands?\s+(?:with|behind)|backs?|supports?|endorses?|(?:is|are)\s+(?:right\s+)?behind)\s+"
    r"(?!(?:the\s+|this\s+|these\s+|our\s+)?(?:findings?|evidence|view|idea|hypothes[ie]s|claims?|conclusions?|data|"
    r"research|work|students?|staff|colleagues|members|communit\w+|families|patients|participants|everyone|anyone|"
    r"people\s+affected)\b)"
    # ... nor the people of its own study ("stands with the women in our study")
    r"(?![^.!?:]{0,40}?\b(?:in|from|of)\s+our\s+(?:study|studies|research|project|survey|trial|sample|work)\b)",
    re.IGNORECASE,
)


def _group_side(t: str, topics: list[tuple[int, int, str]]) -> re.Match[str] | None:
    """The group declares its side: a _GROUP_SIDE_RE match with a topic of the lexicon in the words it
    backs (the rest of its sentence), so "we support our students through the strike" is not one."""
    for m in _GROUP_SIDE_RE.finditer(t):
        end = next((e for s, e in sentences(t) if s <= m.start() < e), len(t))
        if any(m.end() <= a < end for a, _b, _label in topics):
            return m
    return None


# Asking others to join in: "we'd urge other research groups to do the same", "we call on all
# universities to divest", "cutting all ties with ...".
_URGE_OTHERS_RE = re.compile(
    r"\b(?:urge|urges|urging|call\s+on|calls\s+on|calling\s+on|encourage|encourages|encouraging)\s+"
    r"(?:every\w*|all|other|fellow|our\s+followers|colleagues)\b[^.!?]{0,80}?\bto\b"
    r"|\bcut(?:s|ting)?\s+(?:all\s+)?ties\s+with\b"
    # round 20e (P4): a platform refused to one side ("we will no longer host speakers who defend ..."), a
    # list of opponents to be spread ("we've compiled the full list below - share widely")
    r"|\b(?:will\s+)?no\s+longer\s+(?:host|invite|platform|work\s+with|collaborate\s+with)\b"
    r"|\bshare\s+(?:this\s+)?widely\b|\brepost\s+if\s+you\s+agree\b"
    r"|\buntil\s+(?:it'?s|it\s+is|they'?re|they\s+are)\s+(?:scrapped|abolished|repealed|stopped|withdrawn|dropped)\b",
    re.IGNORECASE,
)


# "vote labour", "vote reform": a call to vote for a party (not "vote for", "voted labour")
_VOTE_PARTY_RE = re.compile(r"vote\s+(?!for\b|against\b)\w")


# A call to vote by what the post has just said: a side taken in the sentence before, whatever its length.
_VOTE_STEER_RE = re.compile(
    r"\bvote\s+(?:accordingly|with\s+(?:that|this)\s+in\s+mind)\b|\b(?:bear|keep)\s+(?:that|this)\s+in\s+mind\s+"
    r"(?:when\s+you\s+vote|at\s+the\s+ballot\s+box|in\s+the\s+polling\s+booth)",
    re.IGNORECASE,
)


def _bare_verdict(t: str, s: int, e: int) -> bool:
    """A sentence of a few words that is not a question ("Shameful.", "Shame on you.")."""
    said = t[s:e].strip()
    return len(said) < 25 and "?" not in said


@rule(
    "CON002",
    "divisive-topic",
    "contentious",
    "info",
    clauses.CONTROVERSIAL,
    "Mentioning a divisive topic is not wrong in itself, but replies can pull the account into a debate.",
    "Keep to the facts and be ready to moderate replies; avoid adjectives that signal a side.",
    [
        Example("Polling stations on campus open at 7am on Thursday for the general election.", True),
        Example("The sports centre reopens on Monday after refurbishment.", False),
    ],
)
def divisive_topic(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for s, e, label in _topic_hits(doc, cp)[:1]:
        yield s, e, f"Mentions {label}."


def worth_judging(doc: Doc, cp: CompiledPack) -> bool:
    """Whether the learned detector (CON010) may call this post a stance: it names a divisive
    topic, carries a hashtag, names someone or something (a capitalised word after the first), or
    is long enough to argue. Why: on a short plain sentence the model's "takes a side" is a guess
    ("This one goes out.", "This one breaks the connector."), and on an official account that
    guess sends an ordinary post to governance. Stance words alone ("out", "must") are too common
    to count here; CON003 keeps its own gate."""
    if _NEUTRAL_RE.search(doc.masked) and not _DECLARED_SIDE_RE.search(doc.masked):
        return False  # "The University is politically neutral, but we support students' right to campaign"
    if "#" in doc.text or _topic_hits(doc, cp):
        return True
    if CONTEST_RE.search(doc.masked) and not any(
        m.group(0).lower() not in _CONTEST_STANCE_WORDS for m in STANCE.finditer(doc.masked)
    ):
        return False  # a fixture's sides are teams, not a divisive issue (common.CONTEST_RE, round 41)
    # Names (a party, a person, a court, a country) or a post long enough to argue something.
    words = doc.text.split()
    return len(words) >= 12 or any(w[:1].isupper() for w in words[1:])


# ...unless it says more than a fan would: a stance word other than these ("anyone who objects should
# leave our club" is still asked)
_CONTEST_STANCE_WORDS = frozenset(
    ("back", "backing", "backs", "support", "supports", "supporting", "the best", "the only", "enjoy", "time for",
     "it's time", "proud to support", "fully support")
)
# The institution declaring that it takes no side: nothing for the model to read as a side (CON001
# still reads any explicit stance in the same post).
_NEUTRAL_RE = re.compile(
    r"\b(?:politically|party[-\s]politically)\s+(?:neutral|impartial)|\b(?:remains?|is|are|stays?|being)\s+"
    r"(?:neutral|impartial)\b|\b(?:does|do|will)\s+not\s+(?:take\s+(?:a\s+|any\s+)?(?:position|side|sides|stance)|"
    r"endorse\s+(?:any|a)\s+(?:candidate|party|parties|campaign|side))|\b(?:doesn'?t|don'?t|won'?t)\s+take\s+sides\b"
)
# ...unless the post names a side anyway ("neutral, but Reform are racist", "we stand with ...")
_DECLARED_SIDE_RE = re.compile(
    r"\b(?:we|the\s+university|the\s+uni)\s+(?:stands?\s+with|condemns?|opposes?|backs?|endorses?|urges?|calls?\s+on)\b"
    r"|\bvote\s+(?:for|against|labour|tory|reform|green|conservative)\b"
)


@rule(
    "CON003",
    "stance-classifier",
    "contentious",
    "warn",
    clauses.CONTENTIOUS,
    "A classifier trained on stance-taking tweets (abortion, religion, climate, feminism, politics) "
    "catches opinions that keyword lists miss.",
    "Reword as neutral information, or post it from a personal account with a 'views my own' note.",
    [
        Example("Abortion is murder and every unborn child deserves protection. #prolife", True),
        Example("The sports centre reopens on Monday after refurbishment.", False),
    ],
    needs_ml=True,
)
def stance_classifier(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    topics = _topic_hits(doc, cp)
    # The model is only consulted when there is a topic or stance language to judge: it is
    # the most expensive part of the rule set and it cannot fire on neutral text anyway.
    if not topics and STANCE_GATE.search(doc.masked) is None and "#" not in doc.text:
        return
    p = doc.stance_probability
    if p is None or p < cp.stance_threshold:
        return
    if topics:
        s, e, label = topics[0]
        yield s, e, f"Reads as taking a stance on {label} (classifier score {p:.2f})."
    elif p >= cp.stance_without_topic:
        yield 0, len(doc.text), f"Reads as taking a stance on a divisive issue (classifier score {p:.2f})."
