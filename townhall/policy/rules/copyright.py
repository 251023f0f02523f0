"""copyright: third-party material used without permission."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import GatedPattern, gate, gate_words, may_hold, token_set

_MEDIA = (
    r"(?:photo|photos|image|images|picture|pictures|pic|pics|video|videos|clip|clips|graphic|graphics|chart|"
    r"diagram|illustration|artwork|article|footage|song|track|music|cartoon|meme|logo|map|infographic|"
    r"screenshot|screengrab|gif|design|text|content|lyrics|poem|extract|figure)"
)
_TAKE = (
    r"(?:nicked|pinched|stole|stolen|lifted|grabbed|ripped|swiped|copied|pulled|screenshotted|screengrabbed|"
    r"took|taken|borrowed|robbed|yoinked)"
)
_SOURCE = (
    r"(?:(?:a|an|the|their|his|her|some|another|other|someone'?s|somebody'?s)\s+(?:[\w'’]+\s+){0,2}?(?:site|website|"
    r"news\s+site|newspaper|paper|magazine|article|account|page|blog|book|journal|competitor|rival|agency|"
    r"photographer|artist|channel|feed|post|tweet|thread|stock\s+site|library|band|film|show|internet|web|group|"
    r"group\s+chat|forum|server)"
    r"|someone|somebody|google|google\s+images|instagram|insta|facebook|twitter|tiktok|youtube|pinterest|"
    r"getty|shutterstock|reddit|flickr|online|bbc|the\s+bbc|the\s+guardian|guardian|netflix|spotify)"
)
_COPY_RE = regex.compile(
    r"(?<![\w])(?:"
    + _MEDIA
    + r"s?\s+(?:\w+\s+)?"
    + _TAKE
    + r"\s+(?:straight\s+|right\s+)?(?:off|from)\s+"
    + _SOURCE
    + r"|(?:nicked|pinched|stole|lifted|grabbed|ripped|swiped|copied|screenshotted|borrowed|yoinked)\s+"
    r"(?:this|these|the|a|an|their|his|her)\s+(?:\w+\s+)?"
    + _MEDIA
    + r"|"
    + _TAKE
    + r"\s+(?:it|this|these|them)\s+(?:off|from)\s+"
    + _SOURCE
    + r")(?![\w])",
    regex.IGNORECASE,
)
# The openings of _PERMISSION_RE's branches, each copied from its branch (a word and the whitespace the
# branch needs after it, or a bare prefix): a lookahead on them rejects most word starts before
# the branches are tried, so the matches are the same by construction and cost ~20% less.
_PERMISSION_OPENINGS = (
    r"(?:all|without|no|didn'?t|never|hope|original|not|do?n'?t|copyright|via|found|who|screw|sod|stuff|ignore|ignoring"
    r"|ignored|from|off|through|in|googled)\s"
    r"|credit|source|photographer|artist|creator|owner|author|maker|pic|photo|image|video"
)
_PERMISSION_RE = regex.compile(
    r"(?<![\w])(?=" + _PERMISSION_OPENINGS + r")(?:"
    r"all\s+rights\s+reserved|(?:without|no|didn'?t\s+(?:get|ask\s+for|have|ask)|never\s+(?:got|asked\s+for))"
    r"\s+(?:their\s+|any\s+|the\s+|for\s+)?permission|hope\s+(?:they|he|she|the\s+\w+)\s+(?:don'?t|doesn'?t|won'?t)\s+"
    r"mind|(?:credit(?:ed)?|source|photographer|artist|creator|owner|author|maker|original\s+(?:creator|artist|source|"
    r"author|owner))\s*:?\s*[\"“'‘(]?(?:via\s+|as\s+)?(?:the\s+)?(?:unknown|internet|google|online|web|pinterest|somewhere)"
    r"|hope\s+(?:that'?s|it'?s|this\s+is|that\s+is)\s+(?:ok|okay|alright|all\s+right|fine|allowed)"
    r"|(?:pic|photo|image|video|credit|source)\s*:\s*(?:a\s+)?(?:reddit|instagram|insta|twitter|tiktok|pinterest|facebook)\s+user"
    r"|not\s+my\s+(?:own\s+)?"
    + _MEDIA
    # (not "some things need no copyright": round 19, N12)
    + r"|(?:(?<!\bneeds?\s)(?<!\bneeded\s)no|don'?t\s+know\s+(?:the|who))\s+(?:copyright|owner)"
    r"|copyright\s+(?:unknown|theirs)|"
    r"via\s+google\s+images|found\s+(?:it\s+|this\s+)?on\s+google(?:\s+images)?"
    # copyright waved away ("copyright who?", "who cares about copyright")
    r"|copyright\s+who|who\s+cares\s+about\s+(?:the\s+)?copyright|copyright\s+s?c?hmopyright|(?:screw|sod|stuff|ignore|"
    r"ignoring|ignored)\s+(?:the\s+)?copyright"
    # an image from a search engine: whose it is was never asked
    r"|(?:from|off|via|through|in)\s+(?:a\s+|an\s+|my\s+)?(?:quick\s+)?(?:web|google|image|internet|bing|online)\s+"
    r"(?:image\s+)?search|googled\s+(?:a|an|some|the)\s+(?:[\w'’-]+\s+){0,2}?(?:pictures?|images?|photos?|pics?|"
    r"diagrams?|graphics?|logos?|maps?))(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "CPY001",
    "taken-from-others",
    "copyright",
    "warn",
    clauses.COPYRIGHT,
    "Material taken from someone else (news sites, other accounts, image searches) is theirs; "
    "posting it without a licence infringes copyright, personally and for the institution.",
    "Use your own material, a licensed image, or get written permission and credit the owner.",
    [
        Example(
            "Photo nicked from a news site because it was better than ours - hope they don't mind!", True, "bluesky"
        ),
        Example("Grabbed this video off TikTok, too good not to share", True),
        Example("Photos taken from the top of the clock tower at sunrise.", False),
    ],
)
def taken(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    if not gate(doc.masked, _TAKE_WORDS):
        return
    m = _COPY_RE.search(doc.masked)
    if m:
        yield m.start(), m.end(), "Material taken from a third party."


@rule(
    "CPY002",
    "no-permission",
    "copyright",
    "warn",
    clauses.COPYRIGHT,
    "'All rights reserved', 'no permission' or 'credit unknown' says the rights are someone else's and nobody asked.",
    "Only post material you own or have permission for; credit the owner as they require.",
    [
        Example("Amazing cartoon - all rights reserved by the artist, but sharing anyway", True),
        Example("Didn't ask permission but this photo is too good", True),
        Example("Photo by our own photographer, shared with permission.", False),
        Example("Photo by Jane Doe for Example University, all rights reserved", False),
        Example("Stock photo from a quick web search on our homepage banner today!", True),
        Example("Ed Sheeran playing over our graduation highlights reel, copyright who?", True),
        Example("Our study of copyright law and image search engines is out now.", False),
    ],
)
def no_permission(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    words = token_set(doc.masked)
    base = not _PERMISSION_WORDS.isdisjoint(words)
    disown = not _DISOWN_GATE.isdisjoint(words)
    if not (base or disown):
        return
    m = _PERMISSION_RE.search(doc.masked) if base else None
    if m is None and disown:
        m = _DISOWN_RE.search(doc.masked)
    if m and m.group().startswith("all rights") and _OWN_RIGHTS_RE.search(doc.masked, 0, m.start()):
        return  # "Photo by Jane Doe for Example University, all rights reserved": the rights are ours
    if m and m.group().startswith("all rights") and _MAKER_CREDITED_RE.search(doc.text, 0, m.start()):
        return  # "Thanks to Jane Doe Photography for these pictures ... All rights reserved": theirs, credited
    if m and m.group().startswith("without") and _OTHERS_USE_OURS_RE.search(
        doc.masked, max(0, m.start() - 80), m.start()
    ):
        return  # round 19: "some online sellers are using our crest without permission": others' misuse, reported
    if m and not m.group().startswith(("without", "no ", "didn", "never", "hope")) and _LICENSED_RE.search(doc.masked):
        return  # "Not my photo ... reposted with their permission": someone else's, used as they allowed
    if m:
        yield m.start(), m.end(), "The post suggests the material is used without permission."


# Someone else using the author's own material ("sellers are using our crest", "people keep sharing
# our photos"): the post reports a misuse, it does not commit one. Not after "we" or "I".
_OTHERS_USE_OURS_RE = regex.compile(
    r"(?i)(?<![\w])(?<!(?:we|i|i'?m|we'?re|we'?ve|i'?ve)\s)(?:are|is|were|was|have\s+been|has\s+been|keep|keeps|kept)\s+"
    r"(?:\w+ly\s+)?(?:using|selling|sharing|posting|copying|printing|reposting|uploading)\s+(?:our|my|the\s+(?:university|"
    r"college)['’]?s?)\s+(?:[\w'’-]+\s+){0,3}$"
)


# The rights disowned in words ("I don't own this image", "all rights go to the artist", "credit to
# whoever took them", "these aren't my pics", "pics aren't mine"): a pattern of its own, run only
# when its words are there, so the common-word pattern above does not grow.
_DISOWN_RE = regex.compile(
    r"(?<![\w])(?:(?:i|we)\s+(?:do\s+not|don'?t|doesn'?t)\s+own\s+(?:the\s+rights\s+to\s+|any\s+of\s+)?"
    r"(?:this|these|the|any|it|them)\b"
    r"|(?:all\s+)?rights\s+(?:go|goes|belong|belongs|reserved)\s+to\s+(?:the\s+)?(?:original\s+|rightful\s+|respective\s+)?"
    r"(?:owners?|creators?|artists?|photographers?|makers?|authors?)"
    r"|(?:all\s+)?credits?\s+(?:goes\s+|go\s+)?to\s+(?:the\s+)?(?:original\s+|rightful\s+|respective\s+)?(?:owners?|"
    r"creators?|artists?|photographers?|makers?)(?=\s*(?:[.!🙏❤]|$))|credits?\s+(?:goes\s+|go\s+)?to\s+whoever"
    r"|(?:isn'?t|aren'?t|are\s+not|is\s+not)\s+my\s+(?:own\s+)?" + _MEDIA
    + r"|" + _MEDIA + r"s?\s+(?:are\s+|is\s+)?(?:not|aren'?t|isn'?t)\s+mine)(?![\w])",
    regex.IGNORECASE,
)
_DISOWN_GATE = gate_words("own rights credit credits whoever aren't isn't arent isnt mine")


# The rights notice on the institution's own commissioned material.
_OWN_RIGHTS_RE = regex.compile(
    r"(?<![\w])(?:(?:by|for)\s+(?:the\s+|our\s+)?(?:[\w'’-]+\s+){0,2}?(?:university|uni|college|institution|school|"
    r"faculty|media\s+team|comms\s+team|photography\s+team)|©\s*(?:the\s+|our\s+)?(?:[\w'’-]+\s+){0,2}?(?:university|"
    r"college|institution)|our\s+own)(?![\w])"
)


# The maker named and credited before the notice ("Thanks to Jane Doe Photography for ...", "Photos by
# Sam Lee", "Credit: Ravi Shah"): the reserved rights are the credited maker's, who supplied the work.
_MAKER_CREDITED_RE = regex.compile(
    r"(?i:\b(?:thanks\s+to|thank\s+you\s+to|photos?\s+by|photographs?\s+by|pictures?\s+by|images?\s+by|"
    r"photography\s+by|photo\s*:|credit\s*:)\s+)(?!(?:Google|Pinterest|the\s+internet)\b)\p{Lu}\p{L}+"
)


_USE = (
    r"(?:used|use|using|uses|features|featuring|scanned|scan|uploaded|upload|reuploaded|re-uploaded|posted|posting|post|"
    r"sharing|shared|share|copied|copying|pasted|pasting|typed\s+up|transcribed|put|reposted|reposting|recorded|clipped|"
    r"downloaded|"
    r"adapted|printed|found|saved|grabbed|screenshotted|ripped|lifted|borrowed|added|playing|reproduced|"
    r"screenshot|attached|attaching|photocopied|re-uploading|reuploading|translated|embedded|reproduces|reproducing|"
    r"reprinted|reprints|reprinting)"
)
_REPRODUCE_RE = regex.compile(
    r"(?<![\w])(?:cop(?:y|ied|ying)|pasted?|screenshot\w*|screen-?grab\w*|full\s+(?:text|pdf|article)|whole|entire|"
    r"complete\s+text|transcrib\w+|mirror\w*|upload\w*|re-?post\w*|scan(?:ned|s)?|pdfs?)(?![\w])"
)
_WHOLE_RE = regex.compile(
    r"(?<![\w])(?:full|whole|entire|complete)\s+(?:set\s+of\s+|of\s+)?(?:\w+['’]?s?\s+){0,3}?(?:text|pdf|article|chapter|book|"
    r"ebook|e-book|paper|papers|score|slides|analysis|recording|thread|interview|lecture\s+notes|notes|map|video|film|"
    r"song|album|report|piece|documentary|exam\s+papers|past\s+papers|of\s+chapter\s+\d+|first\s+chapter|chapter\s+\d+|"
    # (a figure after a money or headcount word is a number, "the full deficit figures", not a chart; round 14)
    r"chart|graph|figure(?<!(?:deficit|budget|sales|salary|pay|income|revenue|spending|funding|enrolment|recruitment|"
    r"attendance|financial|finance|profit|loss|cost|trading|population|headcount|staffing|student\s+number)\s+figure)|"
    r"table|comic|strip|episode|series|lecture\s+videos?|blog\s+post|season|podcast|keynote|"
    r"leader|editorial|column|op-?ed|essay|briefing|poem|script|screenplay)"
    r"|(?:scanned|copied|reproduced|posted|printed|shared|pasted|uploaded|transcribed)\s+in\s+full"
    r"|(?:whole|entire)\s+of\s+(?:chapter|the\s+book|the\s+article)|first\s+chapter\s+of\s+the\s+new",
    regex.IGNORECASE,
)
# "reproduces three short stories by Ali Smith in full": the verb a few words before "in full"
_IN_FULL_RE = regex.compile(
    r"(?<![\w])(?:reproduc\w+|print\w*|cop(?:y|ies|ied|ying)|post\w*|shar\w+|publish\w*|upload\w*|includ\w+|paste\w*|"
    r"transcrib\w+|scan\w*|show\w*|play\w*|screen\w*|stream\w*)\s+(?:[\w'’-]+\s+){1,7}?in\s+full\b"
    # round 20e (P4): not the work's own publication to come ("Results will be published in full once ...")
    r"(?<!(?:will\s+be|to\s+be|be)\s+(?:published|released|reported|posted|shared)\s+in\s+full)"
)
# The openings of _EVASION_RE's branches, each copied from its branch (a word and the whitespace the
# branch needs after it, or a bare prefix): a lookahead on them rejects most word starts before
# the branches are tried, so the matches are the same by construction and cost ~20% less.
_EVASION_OPENINGS = (
    r"(?:behind|past|get|avoid|hit|dodge|sort|fair|do?n'?t|doesn'?t|won'?t|hope|cropped|watermark|credit|without|no"
    r"|speaker|author|artist|photographer|owner|she|he|so|pasted|only|it'?s|normally|dodgy|we'?re|(?:she|he|they)'?ll"
    r"|from|off|on|via|not|didn'?t|come|comes|came|taken|lifted|screenshot|screenshotted|scanned|photocopied|copied"
    r"|photographed|snapped|cracked|free|illegal|pirate|pirated|removed|subscribers|can|printed|signature)\s"
    r"|paywall|stream|watch|live|keygen|subscriber|members"
)
_EVASION_RE = regex.compile(
    r"(?<![\w])(?=" + _EVASION_OPENINGS + r")(?:"
    r"(?:behind|past|get\s+round|get\s+around|avoid|hit|dodge)\s+(?:a|the)\s+paywall|paywalled|paywall"
    r"|sort\s+(?:out\s+)?the\s+licen[cs]e\s+later|fair\s+use,?\s+right|don'?t\s+tell\s+the\s+(?:publisher|author|artist|"
    r"photographer|label|owner)|hope\s+(?:they|he|she|\p{Lu}[\w'’]*(?:\s+\p{Lu}[\w'’]*)?)\s+(?:don'?t|doesn'?t|won'?t)\s+mind"
    r"|cropped\s+(?:out\s+)?(?:the|her|his|their)\s+(?:name|watermark|credit|logo|signature)|(?:watermark|credit|signature)\s+off"
    r"|without\s+paying|no\s+need\s+to\s+ask|(?:speaker|author|artist|photographer|owner|she|he)\s+doesn'?t\s+know"
    r"|so\s+you\s+(?:don'?t|do\s+not|won'?t)\s+(?:need|have)\s+to\s+(?:log\s*in|sign\s*in|pay|subscribe|register|buy)"
    r"|pasted\s+(?:it\s+|the\s+\w+\s+)?(?:below|here|in\s+(?:the\s+)?(?:comments|thread|replies))"
    r"|only\s+has\s+one\s+licen[cs]e|(?:it'?s\s+)?normally\s+£\d+|dodgy\s+site|we'?re\s+sure\s+(?:he|she|they)'?d\s+be\s+happy"
    r"|(?:she|he|they)'?ll\s+never\s+notice|without\s+(?:telling|asking)\s+(?:her|him|them|the\s+\w+)"
    r"|(?:from|off|on|via)\s+google(?:\s+images)?|not\s+sure\s+who\s+(?:took|made|drew|owns)|(?:don'?t|no)\s+(?:know|idea)\s+"
    r"who\s+(?:took|made|drew|owns|shot)|without\s+asking"
    # ("didn't ask for much for my birthday" asks nobody's permission)
    r"|(?<!you\s)didn'?t\s+ask(?!\s+(?:for\s+(?:much|a\s+lot|this|anything|more|help|it)|to\s+be|about|why|how|what|"
    r"if|whether))|no\s+(?:citation|credit|attribution|reference)\s+needed|without\s+(?:a\s+)?"
    r"(?:citation|credit|attribution|reference)|(?:come|comes|came|taken|lifted)\s+straight\s+(?:from|out\s+of)"
    r"|(?:screenshot|screenshotted|scanned|photocopied|copied|photographed|snapped)\s+(?:every|each|all\s+the)\s+(?:pages?|slides?)"

    # a live broadcast streamed without the paid service ("stream the final here - no TV licence or
    # subscription required", "watch it live on our stream, no subscription needed") and cracked software
    r"|(?:stream\w*|watch\w*|live)\b[^.!?\n]{0,80}?(?:no\s+(?:tv\s+)?(?:licen[cs]e|subscription|sky|paywall)\s+(?:or\s+"
    r"(?:\w+\s+)?\w+\s+)?(?:needed|required|necessary)|without\s+(?:a|an|any)\s+(?:tv\s+)?(?:subscription|licen[cs]e))"
    r"|cracked\s+(?:\w+\s+){0,2}?(?:copy|copies|version|download|installer|software|apk|exe|iso|key|keygen|torrent|"
    r"torrents|patch|serial|licen[cs]e)"

    r"|(?:free\s+)?keygen|(?:illegal|dodgy|pirate|pirated)\s+(?:live\s*)?streams?"
    r"|(?:don'?t|doesn'?t|won'?t)\s+need\s+(?:a|to\s+buy\s+a|to\s+pay\s+for\s+a)\s+(?:licen[cs]e|copy)|"
    r"no\s+need\s+to\s+(?:buy|pay\s+for|get)\s+(?:a|the|your\s+own)\s+(?:licen[cs]e|copy|subscription)|watermark\s+(?:removed|cropped|taken\s+off)|removed\s+the\s+watermark|"
    r"without\s+the\s+watermark|subscriber[-\s]only|subscribers\s+only|members[-\s]only(?=\s+(?:article|content|piece|"
    r"briefing|report|post|video|pdf|issue|analysis))|can\s+sue\s+me"
    r"|(?:photocopied|scanned|copied|printed)\s+(?:half|most|all|chapters?|\d+\s+pages?|pages)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:\w+\s+)?(?:text)?book)(?![\w])",
    regex.IGNORECASE,
)
# Re-posting what its maker took down or asked not to be shared ("reuploading this reel because the
# creator deleted it", "re-uploading the lecture the speaker asked us not to share"): kept apart from
# _EVASION_RE (its lazy scans are costly) and run only when 'asked' or a taking-down word is there.
_AGAINST_MAKER_RE = regex.compile(
    r"(?<![\w])(?:re-?upload\w*|re-?post\w*|saved|sharing|posting)\b[^.!?\n]{0,80}?(?:creator|owner|author|artist|poster|"
    r"original\s+\w+|they|she|he)\s+(?:has\s+|had\s+)?(?:deleted|removed|took\s+(?:it|them|this)\s+down|taken\s+(?:it\s+)?down)"
    r"|(?<![\w])(?:re-?upload\w*|re-?post\w*|shar\w+|upload\w*|post\w*|circulat\w+)\b[^.!?\n]{0,80}?asked\s+(?:us|me|"
    r"people|everyone|attendees|them|you|the\s+audience)\s+not\s+to\s+(?:share|post|upload|record|circulate|film|"
    r"photograph|distribute|repost)"
    # the watermark taken out ("I took the watermark out", "got the watermark off")
    r"|(?<![\w])(?:took|taken|taking|take|got|get|edited|photoshopped|cleaned|cut|rubbed)\s+(?:the\s+|their\s+|its\s+)?"
    r"watermarks?\s+(?:out|off)",
    regex.IGNORECASE,
)
_AGAINST_MAKER_WORDS = gate_words("asked deleted removed down watermark watermarks")
_THIRD_MEDIA_RE = regex.compile(
    r"(?<![\w])(?:picture|photo|photos|image|images|shot|still|clip|clips|footage|track|song|single|music|diagram|figures?|"
    r"infographic|map|font|video|recording|illustration|illustrations|graphic|cartoon|meme|soundtrack|drone\s+footage|"
    r"slides|audio)\s+(?:\w+\s+){0,3}?(?:from|off|by|of)\s+(?:the\s+)?(?:new\s+)?"
    r"(?:(?-i:\p{Lu}[\w'’-]*)|someone'?s|somebody'?s|a\s+(?:\w+\s+){0,2}?(?:photographer|artist|blog|site|website|film|"
    r"documentary|book|card|filmmaker|page)'?s?|another\s+\w+'?s?|the\s+publisher'?s?|a\s+colleague'?s|(?:her|his|their)\s+"
    r"(?:page|site|website|feed|instagram)|a\s+local\s+\w+'?s?)"
    r"|(?:the\s+new\s+|a\s+|an\s+)?(?-i:\p{Lu}\w+(?:\s+\p{Lu}\w+)?)\s+(?:single|track|song|album)"
    r"|(?:track|song|single)\s+by\s+(?-i:\p{Lu}\w+)"
    r"|(?:video|reel|film)\s+(?:\w+\s+){0,2}(?:features?|featuring|uses?|is)\s+[\"“]"
    r"|(?:used|found|lifted|recorded|clipped|grabbed|taken|downloaded|screenshotted|saved|pulled|copied|ripped|filmed)\s+"
    r"(?:\w+\s+){0,4}?(?:from|off|on|of)\s+(?:a|an|the|someone'?s|somebody'?s|their|another)?\s*(?:[\w'’]+[-\s]){0,2}?"
    r"(?:blog|site|website|report|broadcast|flickr|instagram|insta|pinterest|documentary|film|textbook|channel|feed|"
    r"spotify|podcast|radio|iplayer|newspaper|magazine|"
    r"account|web|internet|tiktok|youtube|netflix|programme|show)\b"
    r"|publisher'?s\s+(?:figures?|images?|diagrams?|photos?|illustrations?|slides?)"
    r"|(?:song|track|music|soundtrack|tune)\s+(?:\w+\s+){0,6}?(?:is|was)\s+(?-i:\p{Lu}[\w'’]+)"
    r"|(?:taken|shot|filmed)\s+by\s+(?:a|an)\s+(?-i:\p{Lu}\w+)\s+(?:photographer|journalist|camera)"
    # (not the students' union's own mark, which the institution tells societies to use: round 19, N5)
    r"|(?:used|using|put|added|borrowed)\s+(?:the\s+)?(?!(?-i:SU|Union|Guild|Students['’]?\s+Union)\s+(?:logo|crest))"
    r"(?-i:\p{Lu}\w+(?:\s+\p{Lu}\w+){0,2})\s+(?:logo|crest|badge|trademark|mascot)"
    r"|(?:comic|cartoon|strip|meme|gif|photo|image|picture)\s+(?:\w+\s+){0,2}?(?:is|are)\s+from\s+\w+"
    r"|(?:borrowed|used|using|taken|took|reposted|shared|featuring|features)\s+(?:[\w'’]+\s+){0,6}?(?:by|from)\s+(?:a|an)\s+"
    r"(?:\w+\s+)?(?:artist|photographer|illustrator|designer|filmmaker|cartoonist|painter)"
    r"|(?:photo|image|picture|video|footage|graphic|article|illustration)\s+(?:[\w'’]+\s+){0,5}?belongs\s+to"
    r"|(?:pasted|copied|scanned|photocopied|typed\s+up|uploaded|shared|posted)\s+(?:\w+\s+){0,2}?chapters?\s+\d+"
    r"|(?:a|an)\s+(?:famous\s+|well-known\s+|classic\s+)?(?-i:\p{Lu}\w+(?:\s+\p{Lu}\w+)?)\s+(?:shot|photo|photograph|artwork|"
    r"painting|print|illustration|cartoon|poster|mural|piece|design|image)"
    r"|from\s+(?:youtube|tiktok|netflix|spotify|iplayer|getty|shutterstock|pinterest|flickr|reddit|instagram)\b"
    r"|(?:printed|photocopied|copied|scanned)\s+(?:off\s+)?\d+\s+copies",
    regex.IGNORECASE,
)
# A work commissioned from its maker is the commissioner's to use ("was commissioned from the artist
# Maya Chen"); one that somebody else commissioned is not ("a report a competitor commissioned from
# Deloitte"). Written once for the three licence patterns below.
_COMMISSIONED_FROM = r"(?:was|were|is|are|been)\s+commissioned\s+from"
_COMMISSIONED = _COMMISSIONED_FROM + r"|(?:we|i)\s+commissioned"
_OWN_OR_LICENSED_RE = regex.compile(
    r"(?<![\w])(?:with\s+(?:\w+['’]?s?\s+){0,3}permission|licensed\s+(?:\w+\s+){0,2}?(?:from|under|by|through|via|with)|"
    r"licence\s+from|under\s+licen[cs]e|credits?\s+(?:are|is)\s+(?:on|in|at|below|listed)|"
    # (round 19, N12: the institution's press photos "free for editorial use with the credit ...")
    r"free\s+for\s+(?:editorial|press|media)\s+use|"
    r"public\s+domain|courtesy\s+of|creative\s+commons|cc[-\s]by|our\s+own|by\s+our\s+(?:\w+\s+)?(?:photographer|students?|"
    r"staff|team|alumn\w+)|(?:composed|written|created|made|designed|drawn|shot|taken|filmed|photographed|painted)\s+by\s+"
    r"(?:\w+\s+){0,2}?(?:student|students|staff|alumn\w+|graduate|graduates|colleague)|used\s+under|royalty[-\s]free|open\s+licen[cs]e|shared\s+with\s+credit|(?:by|from)\s+our\s+"
    r"(?:university\s+)?archive|(?:we|i)\s+took(?!\s+(?:the\s+|their\s+|its\s+)?watermarks?|\s+(?:it|them|this|these)\s+(?:from|off))|my\s+own"
    # a licence named in the post ("licence: free to use", "from the YouTube Audio Library") or the
    # author's own making ("made this animation myself", "all original", "I drew this")
    r"|licen[cs]e\s*:\s*\w|(?:audio|music|sound|stock\s+(?:photo|image|music))\s+library|no[-\s]copyright\s+(?:music|audio|sound)"
    # a free licence named by its source ("via Unsplash (Unsplash licence)", "Pexels licence", "OGL")
    r"|(?:unsplash|pexels|pixabay|open\s+government|mit|apache|gpl|cc0)\s+licen[cs]e|\bcc0\b"
    r"|all\s+(?:original|my\s+own\s+work)|(?:my|our)\s+own\s+(?:work|photo|drawing|design|footage)"
    # an open-access paper, read where its publisher put it (round 18, M3: "Full paper, open access: [link]")
    r"|(?<!\bnot\s)(?<!n['’]t\s)open[-\s]access"
    # the owner's approval or kit ("SU-approved society logos", "the press pack's photos")
    r"|[\w'’]+-approved|approved\s+by\s+(?:the\s+)?\w+|(?:logo|brand|press|media|asset)\s+(?:packs?|kits?)"
    r"|" + _COMMISSIONED
    # the library or institution holding the licence for its readers ("the library has licensed e-book
    # access to the textbook, so you don't need to buy a copy"): access through it is the licence's use
    + r"|(?:library|libraries|university|uni|college|we)\s+(?:has|have|['’]ve|['’]s)\s+"
    r"(?:now\s+|just\s+|already\s+)?licen[cs]ed"
    r"|licensed\s+(?:(?:e-?book|online|digital|electronic|campus-wide|institutional)\s+)?access"
    r"|(?:made|drew|drawn|created|designed|filmed|shot|wrote|written|composed|animated|painted|recorded|photographed|"
    r"illustrated)\s+(?:(?:this|these|it|them|the\s+\w+|all\s+(?:of\s+)?(?:it|them|this))\s+)?(?:\w+\s+){0,2}?"
    r"(?:myself|ourselves|in[-\s]house)"
    r"|i\s+(?:made|drew|painted|filmed|animated|designed|composed|wrote)\s+(?:this|these|it|them)\b(?!\s+(?:from|off|using))"
    r")(?![\w])",
    regex.IGNORECASE,
)


# The firm ways of saying it: a licence or permission named, or the whole work made by the author
# ("my own deck" or "I took the front page of the FT" say nothing about the material inside).
_LICENSED_RE = regex.compile(
    r"(?<![\w])(?:with\s+(?:\w+['’]?s?\s+){0,3}permission|licensed\s+(?:\w+\s+){0,2}?(?:from|under|by|through|via)|"
    r"under\s+(?:a\s+|the\s+)?(?:cc|creative\s+commons|open)?\s*licen[cs]e|public\s+domain|creative\s+commons|cc[-\s]by|"
    r"used\s+under|royalty[-\s]free|licen[cs]e\s*:\s*\w|(?:audio|music|sound|stock\s+(?:photo|image|music))\s+library|"
    r"no[-\s]copyright\s+(?:music|audio|sound)|all\s+(?:original|my\s+own\s+work)"
    r"|" + _COMMISSIONED
    + r"|(?:made|drew|drawn|created|designed|filmed|shot|wrote|written|composed|animated|painted|recorded|photographed|"
    r"illustrated)\s+(?:(?:this|these|it|them|the\s+\w+|all\s+(?:of\s+)?(?:it|them|this))\s+)?(?:\w+\s+){0,2}?"
    r"(?:myself|ourselves|in[-\s]house))(?![\w])",
    regex.IGNORECASE,
)
# someone else's material named beside it ("mostly from Dr Ahmed's handouts", "a colleague's figure")
_OTHERS_MATERIAL_RE = regex.compile(
    r"(?<![\w])(?:(?:from|of)\s+(?:dr|prof|professor|mr|mrs|ms)\b|unpublished|\w+'s\s+(?:slides|handouts|notes|photos?|"
    r"figures?|work|book|article|paper|images?|video|music|song|track|lecture|course|design|logo)|without)(?![\w])",
    regex.IGNORECASE,
)


# The maker credited by name ("(credit: Tom Hart, SU photographer)", "Photo: Jane Ng"), as the guidance asks.
_NAMED_CREDIT_RE = regex.compile(
    r"(?i)\b(?:credit|photo|image|pic|picture|illustration)s?\s*(?::|-|–|by)\s*(?-i:\p{Lu})\p{L}+"
)


def points_to_owner(doc: Doc) -> bool:
    """The post points at the work where its owner put it ("watch the full piece on ITVX", "read it on their
    website") and reproduces nothing (round 21; for the learned copyright finding)."""
    masked = doc.masked
    return _READ_VIA_LINK_RE.search(masked) is not None and not _reproduces(masked)


def own_or_licensed(doc: Doc) -> bool:
    """Whether the post says the material is licensed or wholly the author's own, with no sign of
    getting round the licence and no one else's material named beside it (for the learned
    copyright finding, which reads the topic of a post more than its claim)."""
    masked = doc.masked
    return (
        (_LICENSED_RE.search(masked) is not None or _NAMED_CREDIT_RE.search(doc.text) is not None)
        and _EVASION_RE.search(masked) is None
        and _pirated(masked) is None
        and _OTHERS_MATERIAL_RE.search(masked) is None
    )


_TAKE_WORDS = gate_words("""
    nicked pinched stole stolen lifted grabbed ripped swiped copied pulled screenshotted screengrabbed
    took taken borrowed robbed yoinked
""")
_PERMISSION_WORDS = gate_words("""
    rights permission mind credit source photographer artist unknown not copyright owner google via
    found credited creator author maker original internet hope pic photo image video who cares screw sod stuff
    ignore ignoring ignored search googled
""")
# Kept apart from _EVASION_RE and run only when their own words are there (both are rare): a known
# piracy index used as the source ("torrent on piratebay works fine", "got it from libgen"), not merely
# discussed ("Sci-Hub is not the answer"); a stock agency's watermark left on the picture ("with a
# 'gettyimages' watermark", in alt text too).
_PIRACY_RE = regex.compile(
    r"(?<![\w])(?:(?:on|from|off|via|through|using|use)\s+(?:the\s+)?(?:pirate\s*bay|piratebay|1337x|rarbg|limetorrents|"
    r"libgen|library\s+genesis|z-library|zlibrary|sci-hub|scihub)"
    r"|(?:getty(?:\s*images)?|shutterstock|istock(?:photo)?|alamy|adobe\s+stock|dreamstime|depositphotos|123rf)['\"’”]?\s+"
    r"(?:\w+\s+)?watermarks?|watermarks?\s+(?:\w+\s+){0,2}?['\"‘“]?(?:getty|shutterstock|istock|alamy|adobe\s+stock|"
    r"dreamstime|depositphotos|123rf))",
    regex.IGNORECASE,
)
_PIRACY_WORDS = gate_words("pirate piratebay 1337x rarbg limetorrents libgen genesis z-library zlibrary sci-hub scihub")
_WATERMARK_WORDS = gate_words("watermark watermarks")
_ARCHIVE_WORDS = gate_words(
    "album albums discography discographies box boxset boxsets mixtape mixtapes audiobook audiobooks catalogue"
)
_SOUNDTRACK_WORDS = gate_words("soundtrack music song track tune set backing")
_PLAYING_WORDS = gate_words("playing plays repeat background throughout")
_VIDEO_WORDS = gate_words("video videos film reel reels clip clips montage vlog advert promo recap tiktok")
_CPY3_EXTRA_WORDS = _PIRACY_WORDS | _WATERMARK_WORDS | _ARCHIVE_WORDS | _SOUNDTRACK_WORDS | _PLAYING_WORDS


def _round5_form(t: str, masked: str, words: frozenset[str]) -> Hit | None:
    """A piracy index used as the source, a stock agency's watermark, a commercial record shared as
    an archive, or a named commercial track as a video's soundtrack (each behind its own words)."""
    m = _pirated(masked)
    if m:
        return m.start(), m.end(), "Material used in a way that avoids its licence or its owner."
    m = _ARCHIVED_WORK_RE.search(masked) if not _ARCHIVE_WORDS.isdisjoint(words) else None
    if m:
        return m.start(), m.end(), "A commercial record or audiobook shared as a file for others."
    if not (_SOUNDTRACK_WORDS.isdisjoint(words) and _PLAYING_WORDS.isdisjoint(words)) and any(q in t for q in "'\"‘“"):
        m = _SOUNDTRACK_RE.search(t) if not _SOUNDTRACK_WORDS.isdisjoint(words) else None
        if m is None and not _PLAYING_WORDS.isdisjoint(words) and not _VIDEO_WORDS.isdisjoint(words):
            m = _TRACK_PLAYING_RE.search(t)
        if m and not _LICENSED_MUSIC_RE.search(masked):
            return m.start(), m.end(), "A commercial track used as the soundtrack of the post's video."
    return None


def _pirated(masked: str) -> regex.Match[str] | None:
    """A piracy index used as the source, or a stock agency's watermark (see _PIRACY_RE)."""
    if gate(masked, _PIRACY_WORDS) or gate(masked, _WATERMARK_WORDS):
        return _PIRACY_RE.search(masked)
    return None


# A named commercial track as the video's soundtrack ("recap video, soundtrack: 'Mr Brightside' by The
# Killers", "music: 'Dancing Queen' - ABBA"): title and artist written out, no licence named.
_SOUNDTRACK_RE = regex.compile(
    r"(?i:soundtrack|music|song|track|tune|set\s+to|backing\s+track)\s*(?:[:\-–—]|(?i:is|was))?\s*['\"‘“]"
    r"(?:\p{Lu}[\w'’!?.,&-]*\s*){1,6}['\"’”]?\s*(?:(?i:by)|-|–|—)\s+(?:(?i:the)\s+)?\p{Lu}\w+"
)
# The same track said to play over the post's own video ('our festive video has "Last Christmas" by
# Wham! playing from start to finish'): a quoted title, its artist if named, then playing / throughout.
# Only in posts that speak of a video ("Hamlet" playing at the theatre is a listing, not a soundtrack).
_TRACK_PLAYING_RE = regex.compile(
    r"['\"‘“](?:\p{Lu}[\w'’!?.,&-]*\s*){1,8}['\"’”]\s*(?:(?i:by)\s+(?:(?i:the)\s+)?\p{Lu}[\w'’!&-]*(?:\s+\p{Lu}[\w'’!&-]*)?\s*)?"
    r"(?i:(?:playing|plays)\s+)?(?i:from\s+start\s+to\s+finish|on\s+repeat|in\s+the\s+background|over\s+the\s+top|"
    r"throughout|all\s+the\s+way\s+through|the\s+whole\s+way\s+through)"
)
_LICENSED_MUSIC_RE = regex.compile(
    r"licen[cs]\w*|royalty[-\s]free|epidemic\s+sound|artlist|creative\s+commons|cc[-\s]by|copyright[-\s]free|"
    r"(?:our|my)\s+(?:own\s+)?(?:students?'?|band|choir|orchestra|composer|music)|composed\s+by\s+(?:our|my)|"
    r"with\s+permission"
)
# A commercial record or audiobook put in an archive or file share for others ("the whole new album
# zipped up on my drive, link in replies", "the complete discography in a .zip on WeTransfer").
_ARCHIVED_WORK_RE = regex.compile(
    r"(?<![\w])(?<!(?:our|my)\s(?:[\w'’]+\s){0,2})(?:albums?|discograph(?:y|ies)|box\s*sets?|"
    r"mixtapes?|audiobooks?|back\s+catalogue)\b[^.!?\n]{0,60}?(?:zip(?:ped)?|\.zip|\.rar|rar\s+file|(?:on|in|to)\s+(?:my\s+|the\s+|a\s+|our\s+)?"
    r"(?:google\s+|shared\s+)?drive|dropbox|wetransfer|we\s+transfer|mega(?:\.nz)?|torrent|magnet|onedrive)\b"
    r"|(?:zip(?:ped)?|\.zip|\.rar|torrent|folder)\s+(?:\w+\s+){0,2}?(?:of|with)\s+(?:all\s+|every\s+)?(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:albums?|discography|audiobooks?)\b"
)
_CPY3_WORDS = _TAKE_WORDS | gate_words("""
    paywall paywalled licence license fair tell mind cropped watermark credit paying asking ask know
    normally dodgy sure notice telling didn't subscriber subscriber-only subscribers members-only
    members sue photocopied scanned printed full whole entire complete first picture photo photos image
    images shot still clip clips footage track song single music diagram figure figures infographic map
    font video videos recording illustration illustrations graphic cartoon meme soundtrack slides audio
    tune comic strip gif reel film logo crest badge trademark mascot used found recorded clipped
    downloaded saved filmed publisher's publishers
""")
_CPY3_WORDS |= gate_words("""belongs watermark pasted chapter podcast keynote season spotify blog post translated
    re-uploading reuploading borrowed""")
_CPY3_WORDS |= gate_words("""famous well-known classic artwork painting print mural youtube getty shutterstock flickr
    reddit copies citation attribution reference straight every each pages need""")
_CPY3_WORDS |= gate_words("google idea full pasted log sign pay subscribe")
_CPY3_WORDS |= gate_words("subscription cracked keygen streams stream sky paid paid-for purchased bought")
_OUR_USE_RE = regex.compile(
    r"(?<![\w])(?:(?:we|we'?ve|we'?re|i|i'?ve|i'?m|us)\s+(?:\w+\s+){0,3}?(?:used?|using|put|posted|posting|reposted|"
    r"reposting|shared|sharing|uploaded|uploading|added|adding|featur\w+|embedded|printed|borrowed|found|grabbed|saved|"
    r"downloaded|scanned|screenshotted|took|taken|cropped|adapted|reproduced|pasted|clipped|ripped)"
    r"|(?:our|my)\s+(?:\w+\s+){0,2}?(?:banner|poster|video|post|slides|cover|page|card|brochure|advert|reel|prospectus|"
    r"newsletter|leaflet|flyer|story|website|channel|promo|module|course|handout|lecture|seminar|vle|moodle|drive|"
    r"graduation|campus|instagram|tiktok|outreach|guide|stories|feed|soundtrack)"
    r"|(?:used?|using|uses|featuring|features|embedded|uploaded|posted|reposted|put|added|printed|borrowed|scanned|"
    r"soundtrack|background\s+track|cover\s+image|banner\s+photo|recorded|filmed|screenshotted|ripped|clipped|lifted|"
    r"copied|grabbed|downloaded|reproduced))(?![\w])"
)
# A work bought or subscribed to ("the Gartner report we paid for", "the paid-for Forrester
# whitepaper", "the Mintel report our team purchased") passed on to everyone ("sharing with my whole
# network", "free for all my connections", "attaching the ..."): the licence covers the buyer, not the readers.
_PAID_WORK = (
    r"(?:report|briefing|newsletter|whitepaper|white\s+paper|dataset|data\s+set|study|textbook|book|e-?book|course|database|analysis|article|"
    r"survey|briefing|market\s+research|forecast|index|guide|toolkit|software|font)s?"
)
_PAID_WORK_RE = regex.compile(
    r"(?<![\w])(?:(?:paid[-\s]for|subscriber(?:[-\s]only)?|subscribers[-\s]only|members[-\s]only)\s+(?:[\w'’-]+\s+){0,3}?"
    + _PAID_WORK
    + r"|" + _PAID_WORK + r"\s+(?:that\s+|which\s+)?(?:we\s+|i\s+|our\s+(?:\w+\s+)?|my\s+(?:\w+\s+)?)"
    r"(?:\w+\s+)?(?:paid\s+(?:for|£)|purchased|bought|subscribe\w*\s+to|licensed))(?![\w])"
)
_PASS_ON_RE = regex.compile(
    r"(?<![\w])(?:shar\w+\s+(?:it\s+|this\s+)?with\s+(?:my|our|the|all|every)\w*\s+(?:\w+\s+)?(?:network|connections|"
    r"followers|contacts|friends|everyone|colleagues|world)|(?:free|available)\s+(?:for|to)\s+(?:everyone|anyone|all\s+(?:my|of\s+you))|"
    r"for\s+(?:everyone|anyone)\b|attach(?:ed|ing)\s+(?:the|our|a)\b|(?:posting|uploaded|uploading)\s+(?:the|it|our|a)\b|"
    r"here'?s\s+the\b|here\s+is\s+the\b|dm\s+me\s+for\s+(?:a\s+)?(?:copy|the\s+pdf))"
)
# A song's words written out in full ("here are the complete lyrics of Wonderwall", "every word of Mr
# Brightside"): the lyric is a work of its own; pointing to it ("full lyrics on the band's site") or
# one's own song is fine.
_LYRICS_RE = regex.compile(
    r"(?<![\w])(?:(?:full|complete|whole|entire|all\s+(?:the|of\s+the))\s+(?:song\s+)?lyrics"
    r"|lyrics\s+(?:to|of|for)\s+(?:the\s+)?(?:whole|entire|all\s+of)|every\s+(?:word|verse|line)\s+of)(?![\w])"
    r"|(?<![\w])(?:full|complete|whole|entire|all\s+the)\s+words\s+(?:to|of)(?=\s)(?!\s+(?:the|her|his|their|our|this|that|a)\s)"
)
# "every word of" is about a song only where singing is the subject ("believes every word of the pope")
_WHOLE_WORDS = gate_words("full complete whole entire all")
_SINGING_WORDS = gate_words("lyrics song songs karaoke singalong sing-along sing choir chorus verse verses anthem hymn")
_LYRICS_OK_RE = regex.compile(
    r"(?<![\w])(?:link|linked|(?:on|at|via)\s+(?:the\s+|their\s+)?(?:\w+\s+)?(?:site|website|page)|our\s+own|my\s+own|"
    r"original\s+songs?|wrote|written\s+by\s+(?:our|my|me|us)|public\s+domain|with\s+permission|licen[cs]ed)(?![\w])"
)
# The publisher's typeset version of a paper put up for everyone ("my Elsevier article's final PDF is
# here for all", "the publisher's PDF on my website"): most publishers allow only the accepted manuscript.
_PUBLISHER_PDF_RE = regex.compile(
    r"(?<![\w])(?:publisher'?s'?|typeset|final(?:\s+published)?|version\s+of\s+record)\s+(?:\w+\s+)?(?:pdf|version|copy)"
    r"|(?:elsevier|wiley|springer|sage|routledge|taylor\s+(?:&|and)\s+francis|t\s*&\s*f|oup|cup|emerald|ieee|nature)\b"
    r"(?:'s)?\s+(?:\w+\s+){0,2}?(?:article|paper|chapter|book|monograph)(?:'s)?\s+(?:final\s+|typeset\s+|full\s+)?pdf"
)
_SHARED_HERE_RE = regex.compile(
    r"(?<![\w])(?:here|attached|below|for\s+(?:all|everyone|anyone)|uploaded|upload\w*|posted|posting|put|sharing|shared|"
    r"download|👇)(?![\w])"
)
_PUBLISHER_OK_RE = regex.compile(
    r"(?<![\w])(?:accepted\s+(?:author\s+)?manuscript|aam|preprint|author'?s?\s+(?:accepted\s+)?version|cc[-\s]?by|"
    r"creative\s+commons|open\s+access(?!\s+(?:fee|charge|apc))|gold\s+oa|green\s+oa|embargo\w*|(?:policy|licence|"
    r"license|publisher)\s+(?:allows|permits)|permitted|allowed)(?![\w])"
)
# "even though we only have rights to the preprint", "they don't allow it but whatever"
_AGAINST_TERMS_RE = regex.compile(
    r"(?<![\w])(?:even\s+though|although|despite|against\s+(?:the\s+|their\s+)?(?:policy|terms|licen[cs]e|rules)|"
    r"(?:don'?t|doesn'?t|do\s+not|does\s+not)\s+allow|not\s+allowed|only\s+(?:have|has|get|own)\s+(?:the\s+)?rights|"
    r"who\s+checks|but\s+whatever)(?![\w])"
)
_READ_IT_RE = regex.compile(
    r"(?<![\w])(?:read|see|view|download|access|find|watch|listen\s+to|get|check\s+out)\s+(?:(?:the|our|this|their)\s+)?$"
)
_WHERE_AFTER_RE = regex.compile(
    r"\s+(?:is\s+|are\s+)?(?:on|at|via|available|here|free\s+(?:on|at|from))\b"
    # ... or published there by its owner ("the full report is published today on their website")
    r"|\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?:published|released|out)\s+"
    r"(?:(?:today|yesterday|this\s+(?:morning|week))\s+)?(?:on|at|via|by|in)\b"
)
_USE_RE = regex.compile(r"(?<![\w])" + _USE + r"(?![\w])", regex.IGNORECASE)


@rule(
    "CPY003",
    "reproduced-without-licence",
    "copyright",
    "warn",
    clauses.COPYRIGHT,
    "Reproducing a whole work (an article behind a paywall, a chapter, a recording), putting "
    "someone else's photo, music or figure into your own post, or working around a licence, is "
    "copying without permission however it is phrased.",
    "Link to the original instead of reproducing it; for images, music and figures use your own, "
    'a licensed or public-domain one, or ask the owner and credit them ("Photo: Jane Doe, used with permission").',
    [
        Example("Sharing the full PDF of the Nature paper here since it's behind a paywall", True, account="personal"),
        Example("Used a picture from Getty for our open day poster, we'll sort the licence later", True),
        Example("Soundtrack for our graduation video is the new Taylor Swift single", True),
        Example("Photo: the library at dusk, by our student photographer Kai Wong, shared with his permission.", False),
        Example("Music in our open day video: 'Sunny Mornings' licensed from Epidemic Sound.", False),
    ],
)
def reproduced(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    masked = doc.masked
    words = token_set(masked)
    if not _R20_WORDS.isdisjoint(words) or not _R21_WORDS.isdisjoint(words):
        hit = _reuse_forms(masked, doc.text, words)
        lic = _OWN_OR_LICENSED_RE.search(masked) if hit is not None else None
        if lic is not None and hit is not None and hit[1] <= lic.start() <= hit[1] + 2 and _COPIED_BY_RE.search(
            masked, hit[0], hit[1]
        ):
            lic = None  # round 21: "the whole of Duffy's Valentine, typed up by our library team": who copied it
        if hit is not None and lic is None:
            yield hit
            return
    # the round-5 forms (piracy index, stock watermark, archived record, named soundtrack) and the
    # round-6 ones (lyrics, a publisher's PDF) have their own rare words: a post with only those
    # skips the older patterns, which need _CPY3_WORDS
    core = not _CPY3_WORDS.isdisjoint(words)
    extra = not _CPY3_EXTRA_WORDS.isdisjoint(words)
    lyrics = (
        "lyrics" in words
        or ("every" in words and not _SINGING_WORDS.isdisjoint(words))
        or ("words" in words and not _WHOLE_WORDS.isdisjoint(words))
    )
    pdf = not _PUBLISHER_PDF_WORDS.isdisjoint(words) and not _PDF_WORDS.isdisjoint(words)
    if not (core or extra or lyrics or pdf):
        return
    hit = _reproduced_hit(doc, words, core, extra, lyrics, pdf)
    # the licence test (a costly pattern) only for the few posts that have a finding to clear: the
    # outcome is the same as testing it first, as every finding below gives way to it
    if hit is not None and not _OWN_OR_LICENSED_RE.search(masked):
        yield hit


# Round 20 (P3, new writers): a stock agency's unlicensed preview ("a Shutterstock comp for now, we'll buy
# the licence later"), a broadcaster's coverage clipped ("clip from last night's BBC One coverage"), a film
# shown to an audience off someone's own streaming account ("Streaming Barbie in the SU bar off our events
# manager's Netflix"), and someone's work used before the credit or permission ("going on our prospectus,
# will tag her properly once it's printed").
_R20_WORDS = gate_words(
    "shutterstock getty istock alamy adobe depositphotos dreamstime bbc itv sky channel espn motd tnt netflix "
    "disney disney+ prime spotify tag credit ask screen-recorded screen-recording iplayer itvx mind"
)
_STOCK = r"(?:shutterstock|getty(?:\s+images)?|istock(?:photo)?|adobe\s+stock|alamy|depositphotos|dreamstime|123rf)"
_R20_RE = regex.compile(
    r"(?<![\w])(?:" + _STOCK + r"\s+(?:comp|comps|preview|previews|watermarked)\b"
    r"|" + _STOCK + r"\b[^.!?\n]{0,80}?\b(?:buy|pay\s+for|get|sort|purchase)\s+(?:the\s+)?licen[cs]es?\s+"
    r"(?:later|after|if|once|when|next)"
    r"|(?:clip|clips|footage|highlights|video|vid)\s+(?:from|of|off)\s+(?:last\s+night'?s\s+|today'?s\s+|yesterday'?s\s+|"
    r"this\s+morning'?s\s+|the\s+)?(?:bbc(?:\s+(?:one|two|three|four|news|sport|1|2))?|itv\s?\d?|sky(?:\s+sports?|\s+news)?|"
    r"channel\s+(?:4|5|four|five)|bt\s+sport|tnt\s+sports?|espn|match\s+of\s+the\s+day|motd)(?:['’]s)?\s+"
    r"(?:coverage|broadcast|programme|show|highlights|footage|match|commentary|documentary)"
    r"|(?:stream\w*|show\w*|screen\w*|putting\s+on)\b[^.!?\n]{0,80}?\b(?:big\s+screen|in\s+the\s+(?:su\s+)?bar|"
    r"lecture\s+theatre|(?:great|main|sports)\s+hall|film\s+night|free\s+entry)\b[^.!?\n]{0,80}?\b(?:off|on|from|using|via)\s+"
    r"(?:my|our|his|her|their|someone'?s|[\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,2}?(?:netflix|disney\+?|prime(?:\s+video)?|"
    r"now\s+tv|apple\s+tv|spotify)"
    r"|(?:will|we'?ll|i'?ll|going\s+to)\s+(?:tag|credit|ask|contact|message|dm|email)\s+(?:her|him|them|the\s+(?:artist|"
    r"illustrator|photographer|designer|author|owner))\s+(?:properly\s+)?(?:once|when|after|later)\b"
    # round 20e (P4): "the Newsnight segment ..., screen-recorded off iPlayer"
    r"|screen-?record(?:ed|ing)?\s+(?:it\s+|them\s+)?(?:off|from)\s+(?:the\s+)?(?:bbc\s+)?(?:iplayer|itvx|netflix|youtube|sky|"
    r"all\s*4|channel\s+4|prime(?:\s+video)?|disney\+?|the\s+tv|tv))",
    regex.IGNORECASE,
)


# The owner's permission assumed ("Disney won't mind 🤫", "hopefully they won't mind") about a work in the post.
_WONT_MIND_RE = regex.compile(
    r"(?<![\w])(?<!(?:our|my|your)\s)(?:hopefully\s+)?(?!(?:i|we|you)\b)[\w'’-]+\s+won['’]?t\s+mind\b"
)
_WORK_NOUN_RE = regex.compile(
    r"(?<![\w])(?:logo|logos|lamp|photo|photos|image|images|picture|pictures|design|designs|illustration|drawing|artwork|"
    r"song|music|track|character|characters|clip|footage|font|map|maps|mascot|screenshot|screenshots|video|film|episode|"
    r"poem|article|strip|cartoon|comic)(?![\w])"
)


# Round 21 (P5, P6): a broadcast screen-recorded and posted ("we just screen-record the Newsnight clip"), a whole
# programme or work put up ("stuck the whole thing on YouTube"), a whole poem typed up ("the whole of Heaney's
# Digging, typed up"), a chart's tracks handed out as a download ("this year's top 40 as a free mp3 zip"), a
# syndicated comic strip run in every issue, a famous artwork made the logo ("New project logo is Banksy's
# Girl with Balloon"), and use excused as education ("OS won't mind, it's for education!").
_R21_RE = regex.compile(
    r"(?<![\w])(?:screen-?record(?:ed|ing|s)?\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:clip|episode|programme|show|match|film|"
    r"documentary|interview|segment|lecture)"
    r"|(?:stuck|put|uploaded|posted|chucked|popped|bunged)\s+the\s+whole\s+(?:thing|episode|film|programme|series|album|"
    r"book|chapter|match|documentary)\s+(?:on|onto|up\s+on)\b"
    r"|the\s+whole\s+of\s+(?-i:\p{Lu}[\w'’]+)['’]s\s+(?:[\w'’-]+[,:]?\s+){1,5}?(?:typed\s+up|copied\s+out|transcribed|in\s+full)"
    r"|(?:mp3|mp4|flac|music|song|track)s?\s+(?:zip|bundle|pack|download)\b[^.!?\n]{0,40}?\b(?:free|download)"
    r"|top\s+(?:10|20|40|100)\b[^.!?\n]{0,30}?\b(?:mp3s?|zip|download)"
    r"|(?:peanuts|garfield|dilbert|calvin\s+and\s+hobbes|far\s+side|doonesbury|snoopy|beano|dandy)\s+(?:comic\s+)?"
    r"(?:strips?|cartoons?|comics?|panels?)"
    r"|(?:logo|poster|banner|cover|branding|mascot)\s+(?:is|=|will\s+be|uses)\s+(?-i:\p{Lu}[\w'’-]+)['’]s\s+(?-i:\p{Lu})"
    r"|(?:it['’]?s|its|it\s+is)\s+(?:all\s+)?for\s+(?:education|educational\s+(?:use|purposes)|teaching|the\s+students)"
    r"\s*(?:[!.,)]|$|so\b))",
    regex.IGNORECASE,
)
_COPIED_BY_RE = regex.compile(r"(?:typed\s+up|copied\s+out|transcribed)$")
_R21_WORDS = gate_words(
    "screen-record screen-recorded screen-recording screenrecord whole mp3 mp3s mp4 flac zip top peanuts garfield "
    "dilbert calvin side doonesbury snoopy beano dandy logo poster banner cover branding mascot education "
    "educational teaching"
)


def _reuse_forms(masked: str, text: str, words: frozenset[str]) -> Hit | None:
    """The round-20 and round-21 forms; the round-21 one reads the text as written (a name's capital
    counts) where the lower-cased text keeps its positions."""
    m = None
    if not _R21_WORDS.isdisjoint(words) and len(text) == len(masked):
        m = _R21_RE.search(text)
    m = m or _R20_RE.search(masked)
    if m is None and "mind" in masked:
        m = _WONT_MIND_RE.search(masked)
        if m is not None and _WORK_NOUN_RE.search(masked) is None:
            m = None
    if m is None:
        return None
    return m.start(), m.end(), "Material used before it is licensed, or without its owner's permission."


_OWN_PUBLICATION_BEFORE_RE = regex.compile(
    r"(?<![\w])(?:will\s+be|to\s+be|be)\s+(?:published|released|reported|made\s+public)\s+in\s+$"
)
_PASTED_BEFORE_RE = regex.compile(
    r"(?<![\w])(?:pasted|pasting|copied|copying|typed\s+up|transcribed)\s+(?:\w+\s+){0,3}$"
)
_PDF_WORDS = gate_words("pdf version copy")
_PUBLISHER_PDF_WORDS = gate_words(
    "publisher's publishers' publisher publishers typeset final record elsevier wiley springer sage routledge taylor "
    "francis t oup cup emerald ieee nature"
)


# Necessary conditions for CPY003's broad patterns, as substrings of the lower-cased text (see
# common.may_hold): each branch of the pattern needs one of the stems (or, for the few branches
# made of common words, both parts of one of the pairs in _may_evade), so a post without any
# cannot match and skips the scan. test_speed_rules.py compares gated and ungated results.
_EVASION_STEMS = (
    "paywall", "cropped", "watermark", "without", "pasted", "licen", "dodgy", "google", "straight", "cracked",
    "keygen", "subscri", "members", "stream",
)
# the branches made of common words, each as (a word, the words one of which it needs with it)
_EVASION_PAIRS = (
    ("credit", ("off",)),  # 'credit off'
    ("need", ("ask", "licen", "copy", "citation", "credit", "attribution", "reference")),  # 'no need to ask', ...
    ("tell", ("publisher", "author", "artist", "photographer", "label", "owner")),  # "don't tell the author"
    ("mind", ("hope",)),  # "hope they don't mind"
    ("fair", ("use",)),  # 'fair use, right'
    ("happy", ("sure",)),  # "we're sure she'd be happy"
    ("notice", ("never",)),  # "they'll never notice"
    ("didn", ("ask",)),  # "didn't ask"
    ("doesn", ("know",)),  # "the author doesn't know"
    ("£", ("normally",)),  # "it's normally £40"
    ("you", ("log", "sign", "pay", "register", "buy")),  # "so you don't need to pay"
    ("who", ("sure", "know", "idea")),  # 'not sure who took', 'no idea who made'
    ("sue", ("can",)),  # 'can sue me'
    ("book", ("copied", "scanned", "printed")),  # 'photocopied half the textbook'
    ("page", ("screenshot", "scanned", "copied", "photographed", "snapped")),  # 'scanned every page'
    ("slide", ("screenshot", "scanned", "copied", "photographed", "snapped")),  # 'screenshotted all the slides'
)


def _may_evade(low: str) -> bool:
    """Whether _EVASION_RE can match ``low``: each of its branches needs one of _EVASION_STEMS or
    both parts of one of _EVASION_PAIRS (the streaming branch needs a licence, subscription, Sky,
    paywall or 'without', so 'sky' goes with 'need' there: 'no Sky needed')."""
    return (
        may_hold(low, _EVASION_STEMS)
        or ("sky" in low and "need" in low)
        or any(w in low and any(x in low for x in others) for w, others in _EVASION_PAIRS)
    )


# _THIRD_MEDIA_RE's branches (it scans the text with its links, hence doc.lower): a media word,
# a record/single/album, a source (site, feed, channel...), a maker (artist, photographer...), an
# emblem (logo, crest...), 'belongs to', 'chapter N', a named artwork, a platform, 'N copies'.
_THIRD_MEDIA_STEMS = (
    "picture", "photo", "image", "shot", "still", "clip", "footage", "track", "song", "single", "music", "diagram",
    "figure", "infographic", "map", "font", "video", "recording", "illustration", "graphic", "cartoon", "meme",
    "soundtrack", "slides", "audio", "album", "reel", "film", "blog", "site", "report", "broadcast", "flickr",
    "insta", "pinterest", "documentary", "textbook", "channel", "feed", "spotify", "podcast", "radio", "iplayer",
    "newspaper", "magazine", "account", "web", "internet", "tiktok", "youtube", "netflix", "programme", "show",
    "publisher", "tune", "photographer", "journalist", "camera", "logo", "crest", "badge", "trademark", "mascot",
    "comic", "strip", "gif", "artist", "illustrator", "design", "filmmaker", "painter", "belongs", "chapter",
    "artwork", "painting", "print", "poster", "mural", "piece", "getty", "shutterstock", "reddit", "copies",
)
_WHOLE_STEMS = ("full", "whole", "entire", "complete", "first")
_PAID_WORK_STEMS = ("paid", "subscribe", "members", "purchased", "bought", "licensed")


# A reproduction refused ("Not going to paste the whole paywalled article here", "rather than us copying
# it"): the verb, or the words after it, just after a refusal.
_REFUSED_BEFORE_RE = regex.compile(
    r"(?i)(?<![\w])(?:instead\s+of|rather\s+than|not\s+going\s+to|won['’]?t|will\s+not|not|can['’]?t|cannot|"
    r"mustn['’]?t)\s+(?:us\s+|me\s+|we\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$"
)


_READ_VIA_LINK_RE = regex.compile(
    r"(?i)(?<![\w])(?:(?:read|watch|listen\s+to|see)\s+(?:[\w'’-]+\s+){0,3}?(?:via|at|through|using|on|in)\s+(?:the\s+)?"
    r"(?:link|links)"
    # round 19 (N11, N12): "Read the case study on the Innovate UK website", "links to publishers' pages, not PDFs"
    # round 44: "Book your slot on their website", "Read her story on the blog": where to go, not a copy
    r"|(?:read|watch|see|find|book|register|apply|sign\s+up)\s+(?:[\w'’-]+\s+){0,4}?(?:on|at|via)\s+(?:the|their|our)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:website|site|page|pages|blog)|links?\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:pages?|sites?|websites?)"
    r"|(?:is|are)\s+(?:now\s+)?(?:up\s+|live\s+)?(?:on|at)\s+(?:the|our)\s+(?:website|site)"
    # round 21 (P6): "You can watch the full piece on BBC iPlayer": on the broadcaster's own service
    r"|(?:watch|listen\s+to|catch|see|stream)\s+(?:[\w'’-]+\s+){0,4}?(?:on|via)\s+(?:bbc\s+)?(?:iplayer|sounds|itvx|"
    r"all\s*4|channel\s+4|my5|s4c\s+clic|clic|rt[eé]\s+player|their\s+(?:website|site|channel|app)))(?![\w])"
)


# An act told not to be done: right before it ("don't crop out watermarks", "never remove the credit"), or
# before its verb ("please don't scan whole books").
_DONT = r"(?i)(?<![\w])(?:don['’]?t|do\s+not|never|please\s+don['’]?t"
_DONT_BEFORE_RE = regex.compile(_DONT + r"|avoid|no)\s+$")
_DONT_DO_BEFORE_RE = regex.compile(_DONT + r")\s+(?:[\w'’-]+\s+){1,2}$")


def _reproduces(masked: str) -> bool:
    """Whether the post reproduces a work: a word of _REPRODUCE_RE that no refusal governs."""
    return any(
        _REFUSED_BEFORE_RE.search(masked, max(0, r.start() - 40), r.start()) is None
        for r in _REPRODUCE_RE.finditer(masked)
    )


# A made work of someone's, by name: "she doesn't know" is about a work only when the post has one.
_WORK_WORDS = gate_words("""photo photos picture pictures pic pics image images video videos clip clips footage song
    songs music track tune recording illustration illustrations drawing drawings artwork painting cartoon comic map
    diagram figure figures chart infographic graphic logo font article chapter book slides poem lyrics meme gif reel
    film podcast shot shots design designs work""")
# What the evasion is the alternative to: "the approved versions, not a screenshot from Google",
# "rather than an image off Google". Only a negation of the thing itself (an article and up to two
# words), so "not sure I got it from Google" still counts.
_NEGATED_BEFORE_RE = regex.compile(
    r"(?i)(?<![\w])(?:not|never|rather\s+than|instead\s+of)\s+(?:(?:a|an|the|any|some|just)\s+)?(?:[\w'’-]+\s+){0,2}$"
)


def _reproduced_hit(doc: Doc, words: frozenset[str], core: bool, extra: bool, lyrics: bool, pdf: bool) -> Hit | None:
    """The first CPY003 form the post shows, before the licence test (see reproduced)."""
    t = doc.text
    masked = doc.masked
    if core and _may_evade(masked):
        for m in _EVASION_RE.finditer(masked):
            # "paywalled" alone is a fact about the source ("paywalled, here's the preprint"); it is
            # evasion only when the post reproduces the work to get round it
            if m.group().startswith("paywall") and not _reproduces(masked):
                continue
            if _NEGATED_BEFORE_RE.search(masked, max(0, m.start() - 40), m.start()):
                continue  # round 19: "use the approved versions, not a screenshot from Google"
            if regex.match(r"(?:she|he)\s", m.group()) and words.isdisjoint(_WORK_WORDS):
                continue  # round 19: "drinks on Friday, she doesn't know yet" keeps no work from anyone
            return m.start(), m.end(), "Material used in a way that avoids its licence or its owner."
    if core and not _AGAINST_MAKER_WORDS.isdisjoint(words):
        m = _AGAINST_MAKER_RE.search(masked)
        if m:
            return m.start(), m.end(), "Material re-posted against its maker's wishes or without its watermark."
    if extra:
        hit = _round5_form(t, masked, words)
        if hit is not None:
            return hit
    if lyrics:
        m = _LYRICS_RE.search(masked)
        if m and not _LYRICS_OK_RE.search(masked):
            return m.start(), m.end(), "A song's lyrics reproduced in full."
    if pdf:
        m = _PUBLISHER_PDF_RE.search(masked)
        if m and _SHARED_HERE_RE.search(masked) and (
            _AGAINST_TERMS_RE.search(masked) or not _PUBLISHER_OK_RE.search(masked)
        ):
            return m.start(), m.end(), "The publisher's version of a paper shared, which its licence usually forbids."
    if not core:
        return None
    m = _PAID_WORK_RE.search(masked) if may_hold(masked, _PAID_WORK_STEMS) else None
    if m and _PASS_ON_RE.search(masked):
        return m.start(), m.end(), "A work someone paid for passed on to everyone."
    m = _WHOLE_RE.search(masked) if may_hold(masked, _WHOLE_STEMS) else None
    if m is None and "in full" in masked:
        m = _IN_FULL_RE.search(masked)
    if (
        m
        and _USE_RE.search(masked, max(0, m.start() - 50), min(len(t), m.end() + 50))
        and not regex.match(r"(?i)(?:our|my)\s", masked[max(0, m.start() - 4) : m.start()] + " ")
        # "full text on Espacenet" says where the work is (a pointer), not that it is reproduced; unless the
        # post pastes it ("Pasting the whole of today's piece on research funding below")
        and not (
            _WHERE_AFTER_RE.match(masked, m.end())
            and not _PASTED_BEFORE_RE.search(masked, max(0, m.start() - 40), m.start())
        )
        # "read the full paper in The Lancet": sends the reader to the work where it is published
        and not _READ_IT_RE.search(masked, max(0, m.start() - 30), m.start())
        # round 19 (N12): "Please don't scan whole books": the act told not to be done
        and not _DONT_DO_BEFORE_RE.search(masked, max(0, m.start() - 30), m.start())
        # round 20e (P4): "Results will be published in full once analysis is complete": its own publication
        and not _OWN_PUBLICATION_BEFORE_RE.search(masked, max(0, m.start() - 30), m.start())
    ):
        return m.start(), m.end(), "A whole work reproduced in the post."
    # someone else's media is only a problem when the author puts it in their own post or material
    # (tested first: it is cheap, and the media pattern is the costliest one in the rule set); a
    # post without any of the media pattern's stems (a substring test, cheaper still) skips both
    if not may_hold(doc.lower, _THIRD_MEDIA_STEMS) or _OUR_USE_RE.search(masked) is None:
        return None
    m = _THIRD_MEDIA_RE.search(t)
    if m and not any(a <= m.start() < b for a, b in doc.urls):
        return m.start(), m.end(), "Someone else's image, music or figure used in the post."
    return None


# CPY004 is compositional rather than a list of phrasings: someone else's WORK (a photo, chapter,
# song, logo...) that comes from a third party (another person's, a platform or publisher, a
# famous brand) AND an act that reproduces it in the author's own channel (copied, scanned,
# uploaded, traced, set to...), with no sign of a licence, credit or link anywhere in the post.
# A few acts are a problem on their own (pirate sites, cropping a watermark, 'word for word').
_C4_WORK = (
    r"(?:photos?|pics?|pictures?|images?|shots?|aerials?|headers?|banners?|covers?|cover\s+art|articles?|pieces?|chapters?|"
    r"playlists?|scenes?|sketch(?:es)?|livestreams?|broadcasts?|"
    r"books?|textbooks?|workbooks?|e-?books?|audiobooks?|pdfs?|notes|slides|decks?|lectures?|songs?|tracks?|music|albums?|"
    r"gigs?|audio|films?|movies?|clips?|documentar(?:y|ies)|shows?|episodes?|videos?|reels?|memes?|gifs?|artwork|art|"
    r"drawings?|illustrations?|paintings?|prints?|posters?|logos?|characters?|designs?|templates?|stickers?|graphics?|"
    r"figures?|diagrams?|charts?|maps?|papers?|reports?|handbooks?|syllabus|curriculum|mark\s+schemes?|test\s+banks?|"
    r"blog\s+posts?|fonts?|files|questions|answers|cartoons?|handouts?|lyrics|scripts?|manuals?|editions?|records?|"
    r"recordings?|performances?|talks?|webinars?|brief|collages?|stills?|anthems?|themes?|plots|manuscripts?|vids?|docs?|"
    r"dvds?|solutions|photographs?|infographics?|stor(?:y|ies)|short\s+stories|poems?|essays?|explainers?|animations?|zines?)"
)
_C4_OTHER = (
    r"(?:someone(?:\s+else)?'?s|somebody(?:\s+else)?'?s|someone\s+else|(?:a\s+)?(?:stranger|random(?:\s+person)?)'?s|other\s+(?:people'?s|unis?|universit\w+|institutions?|departments?|companies)|another\s+"
    r"(?:uni\w*|\w+'s)|(?:a|the|our)\s+competitor(?:'s)?|(?:a|an|the)\s+(?:\w+\s+)?(?:photographer|artist|designer|illustrator)"
    r"(?:'s)?|the\s+publisher(?:'s)?|publisher'?s|(?:my|a)\s+colleague'?s|copyrighted|pirated|whoever\s+took|dunno\s+whose"
    r"|not\s+ours|(?:the|a|my|another)\s+(?:lecturer|author|tutor|professor|prof|teacher|speaker|photographer|artist|"
    r"band|writer|colleague|designer|illustrator|competitor|keynote|presenter|label|publisher)'s"
    r"|(?:my|a)\s+(?:mate|friend|colleague|sister|brother|partner)\s+took"
    r"|(?:from|off|on)\s+(?:\w+\s+){0,2}?(?:instagram|tiktok|twitter|pinterest|reddit|facebook)\s+(?:accounts|pages|feeds|users)"
    r"|(?:from|off|on)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:forum|subreddit|fan\s+page)|(?:spotted|found)\s+on\s+(?:twitter|"
    r"instagram|insta|tiktok|reddit|facebook|x)\b"
    r"|(?:from|off|out\s+of)\s+(?:one|a|an|another|someone'?s|their)\s+(?:[\w'’-]+\s+){0,2}?"
    + _C4_WORK
    # (a platform after a possessive is someone's account there, "the lab's Spotify", not a source)
    + r"|(?<!['’]s\s)(?:google(?:\s+images)?|getty|pinterest|unsplash|tumblr|imgur|9gag|deviantart|artstation"
    r"|shutterstock|istock|netflix|disney|pixar|marvel|spotify|behance|etsy|jstor|audible|kindle|the\s+internet|the\s+web"
    r"|bbc|itv|channel\s+4|the\s+economist|the\s+guardian|private\s+eye|pearson|wiley|hodder|mcgraw[-\s]hill|elsevier"
    r"|springer|routledge|aqa|ocr|edexcel|the\s+exam\s+board|premier\s+league|coursera"
    r"|(?:from|off|via|saw\s+on|seen\s+on)\s+(?:youtube|tiktok|twitter|instagram|insta|reddit|facebook)"
    r"|(?:a|an|another)\s+(?:[\w-]+\s+){0,2}?[\w-]+'s\s+(?:instagram|website|site|page|feed|blog|account|channel|behance|"
    r"pinterest|portfolio)|a\s+museum\s+site|(?:from|off|of|on|via)\s+(?:a|an|their|his|her|the"
    # (not the author's own channel: "now on the lab website", "up on the department blog")
    r"(?!\s+(?:lab|group|team|project|department|dept|school|faculty|unit|centre|center|uni|university)(?:['’]s)?\s+"
    r"(?:web)?(?:site|blog)\b))\s+(?:[\w-]+\s+){0,2}(?:site|website|"
    r"magazine|mag|newspaper|blog))(?![\w])"
    r")"
)
_WHEN_OWNER = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tonight|Tomorrow|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)"
)
# the same for names: a capitalised owner's work ("Dr Patel's deck", "the Pearson textbook", "set to
# Arctic Monkeys"); case-sensitive on the original text, each branch starting at a capital letter
_C4_OTHER_CAP_RE = regex.compile(
    r"(?=\p{Lu})(?:(?<!(?:our|my|Our|My)\s+)(?!(?:I|I'm|I've|A|The|This|That|It|We|You|Our|My|Your|His|Her|Their|Its)\s)\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*){0,2}\s+"
    r"(?i:gig|concert|songs?|album|single|column|editorial|leader|lyrics|poem|"
    r"track|films?|movie|show|documentary|textbook|book|audiobook|logo|characters|video\s+series|template|font|"
    r"mark\s+schemes?|past\s+papers|handbook|stills|anthem"
    # a film's still, not the adverb ("Please still return books on time")
    r"|still(?=\s*(?:[.,;:!?)]|$|\s+(?:from|of|image|photo|shot|frame)\b)))\b"
    r"|(?<![\w])(?i:gif|meme|clip|still|screenshot|theme)\s+(?i:of|from)\s+(?:the\s+)?\p{Lu}\w+"
    r"|(?<![\w])(?i:pdf)\s+(?i:of)\s+(?i:the\s+)?(?i:new\s+)?\p{Lu}\w+"
    # (a day or a month owns nothing: "Tuesday's newspaper piece" is when it ran, not whose it is)
    r"|(?<!\b(?:the|The)\s)(?<!\p{Lu}[\w-]*\s)(?!" + _WHEN_OWNER + r"['’]s)\p{Lu}[\w'’-]+'s\s+(?:\w+\s+){0,2}?(?i:"
    + _C4_WORK
    + r")\b"
    r"|(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss)\.?\s+\p{Lu}[\w'’-]+'s\s+(?:\w+\s+){0,2}?(?i:" + _C4_WORK + r")\b"
    # a named character or brand on the institution's merchandise
    r"|\p{Lu}\w+(?:\s+\p{Lu}\w+)?\s+(?i:on\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}?(?:hoodies|mugs|t-?shirts|shirts|merch|"
    r"totes?|tote\s+bags|cups|badges|lanyards|jumpers|stickers)))"
    # (round 29: a person in the photo is no one's work: "photo featuring Dr Wen's legendary laugh")
    r"|(?<![\w])(?i:set\s+to|soundtrack(?:ed)?\s*(?:by|:|is)?|featuring|features)\s+(?i:the\s+)?"
    r"(?!(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Lady|Rev|Revd)\b)\p{Lu}[\w'’-]+"
    r"(?:'s\s+\p{Lu}\w*)?"
    # 'the Harry Potter theme music', 'the John Williams score'
    r"|(?<!(?:our|my|Our|My)\s+)\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*){0,2}\s+(?i:theme(?:\s+(?:music|tune|song))?|score|"
    r"soundtrack|jingle|intro\s+music)\b"
    r"|\p{Lu}[\w'’-]+'s\s+\p{Lu}\w*(?:\s+\w+){0,3}?\s+as\s+(?:the|our)\s+(?i:backing\s+track|soundtrack|music|theme|intro)"
)
_C4_ACT = (
    r"(?:cop(?:y|ied|ying)|reproduc(?:e|es|ed|ing)|pasted?|ctrl\s*\+?\s*[cv]|screenshot\w*|got\s+(?:it|them|this|these)\s+(?:off|from)|screen-?grab\w*|scan(?:ned)?|photocop\w+|photographed|"
    r"ripped|traced|re-?upload\w*|upload\w*|republish\w*|re-?post\w*|cropped|crop|strip\w*|digitis\w+|digitiz\w+|snipped|"
    r"lifted|nicked|grabbed|stuck|set\s+to|soundtrack\w*|streaming|print(?:ed|ing)?|selling|send|swap|borrow\w*|stole|"
    r"used|using|use|uses|posted|posting|shared|sharing|adapted|paraphrased|put|teaching\s+from|added|tracing|found|featuring|features|came|comes|dumping|dump|"
    r"recorded|filmed|downloaded|includ(?:ed|ing)|scanning|entered|putting|pasting|spotted|made\s+it\s+(?:our|my)"
    # (a date is no source: "the figures quoted are from 2019", round 29)
    r"|(?:is|are|was|were)\s+(?:\w+\s+)?from(?!\s+(?:(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:19|20)\d\d|last|this|next|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+\d)\b))"
)
# (an act the post says it avoided is none: "linking to each paper instead of copying their figures")
_C4_ACT_RE = regex.compile(
    # round 19 (N4): "rather than us copying it here", "not going to paste it" refuse the act
    r"(?<![\w])(?<!\b(?:instead\s+of|rather\s+than|not\s+going\s+to|won['’]?t|will\s+not)\s+(?:us\s+|me\s+|we\s+)?)"
    + _C4_ACT
    + r"(?![\w])(?!\s+to\s+(?!\p{Lu}))",
    regex.IGNORECASE,
)
# searched only where the folded post holds one of its verbs (common.GatedPattern): ~52 us a search,
# on the posts CPY004's other patterns leave, a quarter of which hold none
_C4_ACT_GATE = GatedPattern(_C4_ACT_RE)
_C4_WORK_RE = regex.compile(r"(?<![\w])" + _C4_WORK + r"(?![\w])", regex.IGNORECASE)
_C4_OTHER_RE = regex.compile(r"(?<![\w])" + _C4_OTHER, regex.IGNORECASE)
# The openings of _C4_ALONE_RE's branches, each copied from its branch (a word and the whitespace the
# branch needs after it, or a bare prefix): a lookahead on them rejects most word starts before
# the branches are tried, so the matches are the same by construction and cost ~20% less.
_C4_ALONE_OPENINGS = (
    r"(?:rid|word|who'?s|if|not|said|traced|none|cropped|cut|is|are|'s|dunno|no|pay|without|minus|sans|good|free"
    r"|great|enjoy|all|do?n'?t|can'?t|several|a|loads|recorded|taped|ripped|captured|edited|spliced|put|dropped"
    r"|inserted|stitched|added|so|content|getty|shutterstock|istock|alamy|adobe|dodgy|solutions|credited|didn'?t"
    r"|never|photo|pic|image|picture|video|art|artwork|drawing|sharing|passing|presenting|claiming|made|as|make"
    r"|making|entire|whole|the|best)\s"
    r"|crop|strip|remov|watermark|ctrl|pic|photo|image|picture|source|credit|screen|\d"
)
_C4_ALONE_RE = regex.compile(
    r"(?<![\w])(?=" + _C4_ALONE_OPENINGS + r")(?:"
    r"(?:crop\w*|strip\w*|remov\w*|rid\s+of)\s+"
    r"(?:\w+\s+){0,3}?watermarks?|watermarks?\s+(?:\w+\s+){0,3}?(?:crop\w*|barely|off|still\s+on|is\s+on)|word\s+for\s+word"
    r"|ctrl\s*\+?\s*c|who'?s\s+gonna\s+know|if\s+they\s+complain|not\s+asked\s+anyone|said\s+it\s+was\s+mine|traced\s+(?:it|the)"
    r"|none\s+the\s+wiser|(?:cropped|cut)\s+(?:their|her|his|the\s+\w+'?s?)\s+(?:handle|name|credit|tag)\s+out"
    r"|(?:is|are|'s)\s+(?:someone|somebody)\s+else'?s|(?:dunno|no\s+idea|not\s+sure)\s+whose"
    r"|(?:pic|photo|image|picture|source|credit)\s*:\s*(?:the\s+)?(?:internet|google|pinterest|unknown|somewhere|online)"
    r"|if\s+(?:anyone|they|someone|somebody|the\s+owner)\s+(?:asks|complains|notices|finds\s+out)|pay\s+for\s+it\s+(?:later|if)"
    r"|without\s+(?:tagging|crediting|naming)\s+(?:her|him|them|the\s+\w+)"
    r"|(?:without|minus|sans)\s+(?:the|his|her|their|its|a|any)\s+(?:[\w'’]+\s+)?(?:watermark|credit|name|tag|handle|"
    r"signature)s?\b"
    r"|(?:good|free|great)\s+exposure\s+for\s+(?:the|them|her|him)|enjoy\s+the\s+exposure|all\s+\d+\s+pages"
    r"|(?:no\s+(?:clue|idea)|not\s+sure|dunno|don'?t\s+know|can'?t\s+remember)\s+(?:who\s+(?:took|made|drew|shot|owns|"
    r"filmed|posted|wrote|shared|tweeted|created)|whose|the\s+name\s+of|where\s+(?:it|this)\s+(?:came|comes)\s+from)|can'?t\s+find\s+any\s?more"
    r"|(?:\d+|several|a\s+few|loads\s+of|a\s+dozen)\s+pages\s+(?:\w+\s+)?(?:photocopied|copied|scanned|printed|taken|lifted|"
    r"ripped)\s+(?:straight\s+)?(?:from|out\s+of|off)"
    r"|(?:recorded|taped|screen-?recorded|ripped|captured)\s+(?:the|a|an|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:livestream|"
    r"live\s+stream|broadcast|stream|programme|concert|performance|gig|screening)"
    r"|(?:edited|cut|spliced|put|dropped|inserted|stitched|added)\s+(?:the\s+|a\s+|this\s+|that\s+)?(?:[\w\"“”'’-]+\s+){0,5}?"
    r"(?:clip|scene|song|track|footage|gif|meme|still|sketch|sequence)\s+(?:into|in|onto)\s+(?:our|my)"
    r"|so\s+(?:it'?s|it\s+is|they'?re)\s+(?:ours|our\s+own|mine|my\s+own)"
    r"|content\s+id|(?:getty|shutterstock|istock|alamy|adobe\s+stock)\s+watermark|dodgy\s+(?:pdf|copy|stream|link|download)"
    r"|solutions\s+manual|credited\s+none|no\s+credit\b|without\s+credit(?:ing)?\b"
    # (credit left out by others, as a finding - "most creators never credit the music" - is not the author's act)
    r"|(?:didn'?t|don'?t|never)(?<!(?:they|creators|people|users|accounts|artists|brands|influencers|companies|outlets|"
    r"journalists|who|most|many|often|platforms|sites)\s+(?:\w+\s+)?(?:didn'?t|don'?t|never))\s+credit(?:ing)?\b"
    r"|(?:photo|pic|image|picture|video|art|artwork|drawing)\s+(?:is\s+)?not\s+mine|(?:sharing|passing|presenting|"
    r"claiming)\s+(?:it|this|them)\s+(?:off\s+)?as\s+(?:my|our)\s+own|made\s+it\s+our\s+own|"
    r"as\s+if\s+(?:it|they|this)\s+(?:was|were|is|are)\s+(?:ours|mine|our\s+own|my\s+own)|mak(?:e|ing)\s+it\s+(?:our|my)\s+own|"
    r"(?:recorded|taped|ripped)\s+(?:it\s+)?(?:off|from)\s+the\s+(?:telly|tv|radio|theatre|cinema|dvd)|ripped\s+the\s+dvd|(?:entire|whole)\s+(?:\w+\s+){0,3}?(?:article|book|textbook|show|film|documentary|audiobook|"
    r"module\s+handbook|curriculum)\s+(?:as|in|on|from)|(?:the\s+)?best\s+\d+\s+minutes\s+of\s+it)(?![\w])",
    regex.IGNORECASE,
)
_C4_PIRACY_RE = regex.compile(
    r"(?<![\w])(?:sci-?hub|libgen|z-?library|stuvia|test\s+banks?|pirated|pirate\s+(?:copy|copies|site|pdf))(?![\w])"
)
# advice against piracy is fine: "Sci-Hub is not the answer", "don't pirate it"
_C4_NO_PIRACY_RE = regex.compile(
    r"(?<![\w])(?:not\s+the\s+answer|(?:don'?t|do\s+not|never|please\s+don'?t|avoid)\s+(?:\w+\s+){0,2}?(?:pirat\w+|use\s+"
    r"(?:sci-?hub|libgen))|illegal|instead"
    # round 20 (P1): "please stop sending me sci-hub links"
    r"|stop\s+(?:sending|using|posting|sharing|suggesting)\s+(?:me\s+|us\s+)?(?:[\w-]+\s+){0,2}?(?:sci-?hub|libgen|z-?library|"
    r"pirat\w+))(?![\w])"
)
_C4_PIRACY_WORDS = gate_words("sci-hub scihub libgen stuvia pirated pirate z-library bank banks")
_C4_FINE_RE = regex.compile(
    # (round 19, N9: "used under the programme's branding guidelines")
    r"(?<![\w])(?:used\s+under\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:guidelines|agreement|terms)|"
    r"permission|permissions|licen[cs]ed|licen[cs]e\s+(?:from|under|through|via)|under\s+(?:the\s+|our\s+)?"
    r"(?:\w+\s+)?licen[cs]e|©|\(c\)|cc[-\s]?by|credit\s*:(?!\s*(?:the\s+)?(?:internet|google|unknown|online|pinterest))|credited(?!\s+none)|credits?\s+(?:to|in|on)|courtesy|public\s+domain|"
    r"creative\s+commons|link(?:ed)?\s+(?:below|here|on|to)|\(link|link\s+in\s+the\s+(?:description|post)|(?:gift|a)\s+link|"
    r"read\s+it\s+here|open\s+access|(?<!\bas\s)(?<!\bit\s)(?:our|my)\s+"
    r"own(?!\s+(?:youtube|channel|website|site|page|account|instagram|tiktok|blog|lab\s+site|soundcloud))|ourselves|myself|"
    r"commissioned\s+(?:for|by\s+(?:us|the\s+uni))|" + _COMMISSIONED_FROM + r"|we\s+commissioned|"
    r"(?:don'?t|please\s+don'?t|never)\s+(?:pirate|upload|copy|share|use)|not\s+the\s+answer|legal(?:ly)?|allowed|"
    # the institution's own brand material (the brand family judges its use)
    r"brand\s+(?:guidelines|guide|portal|team|toolkit|centre|hub)|"
    # a logo or press pack is handed out by the owner for others to use ("the SU logo pack")
    r"(?:logo|brand|press|media|asset|artwork)\s+(?:packs?|kits?)|(?:the|our)\s+(?:university|uni|college|institution|"
    r"school|faculty)(?:'s)?\s+(?:logo|crest|brand|branding|photos?|images?|templates?)|"
    r"official\s+(?:photographer|photographers|supplier|partner|retailer|shop|store|website|page|channel|account)|"
    r"rights-cleared|approved|(?:we|i)\s+asked|asked\s+(?:the|her|him|them|their)|copyright\s+(?:guidance|clinic|team|law\s+(?:says|allows))|by\s+our\s+\w+|written\s+by\s+our)(?![\w])",
    regex.IGNORECASE,
)
# Round-6 clearances, behind their own words: the department's or our own logo and templates (the
# brand family judges those), an exception of UK copyright law named ("shown in class under the
# education exception"), tickets for a gig
_C4_FINE6_RE = regex.compile(
    r"(?<![\w])(?:(?:the|our)\s+(?:official\s+|own\s+|current\s+)?(?:university|uni|college|institution|school|faculty|"
    r"department|dept)(?:'s)?\s+"
    r"(?:[\w-]+\s+)?(?:logo|crest|brand|branding|photos?|images?|templates?)"
    r"|our\s+(?:new\s+|refreshed\s+|updated\s+|own\s+)?(?:logo|crest|branding)"
    r"|(?:education|educational|teaching|instruction|quotation|criticism|review|parody|pastiche)\s+exceptions?"
    r"|fair\s+dealing|s\.?\s?(?:29|30|32)\s+(?:of\s+the\s+)?cdpa|tickets?\s+(?:for|to))(?![\w])",
    regex.IGNORECASE,
)
_C4_FINE6_WORDS = gate_words(
    "logo crest brand branding photo photos image images template templates exception exceptions dealing cdpa ticket "
    "tickets"
)


def _c4_fine(masked: str) -> bool:
    """A sign of a licence, credit, link or the institution's own material (see _C4_FINE_RE)."""
    return _C4_FINE_RE.search(masked) is not None or (
        gate(masked, _C4_FINE6_WORDS) and _C4_FINE6_RE.search(masked) is not None
    )


# _C4_ALONE_RE's branches by their literals (see common.may_hold): a word of one's own, or two
# that the branch holds together. A post with none skips the scan.
_C4_ALONE_STEMS = (
    "watermark", "word", "ctrl", "gonna", "complain", "anyone", "mine", "traced", "wiser", "else", "whose", "asks",
    "notices", "finds", "pay", "without", "minus", "sans", "exposure", "pages", "stream", "broadcast", "programme",
    "concert", "performance", "gig", "screening", "content", "dodgy", "manual", "credit", "own", "ours", "telly", "tv",
    "radio", "theatre", "cinema", "dvd", "entire", "whole", "minutes",
)
_C4_ALONE_PAIRS = (
    (("cut", "cropped"), ("handle", "name", "tag")),  # "cropped her handle out"
    ((":",), ("internet", "google", "pinterest", "unknown", "somewhere", "online")),  # 'pic: google'
    (("clue", "idea", "sure", "dunno", "know", "remember"), ("who", "name", "where")),  # 'no idea who took it'
    (("find",), ("more",)),  # "can't find anymore"
    (("clip", "scene", "song", "track", "footage", "gif", "meme", "still", "sketch", "sequence"), ("our", "my")),
)


def _may_alone(low: str) -> bool:
    """Whether _C4_ALONE_RE can match ``low`` (the last pair: 'cut the clip into our video')."""
    return may_hold(low, _C4_ALONE_STEMS) or any(
        any(w in low for w in firsts) and any(x in low for x in others) for firsts, others in _C4_ALONE_PAIRS
    )


# the pre-check is on the work nouns (rarer in ordinary posts than the verbs) and the words the
# stand-alone patterns need
# Round 18 (M1): another institution's or person's course taken whole and relabelled ("Adapted a rival
# uni's entire MOOC into my CPD course - just changed the logos and the intro"): the whole of it, or a
# relabelling, is what makes it copying rather than building on published teaching.
_REBADGED_RE = regex.compile(
    r"(?<![\w])(?:adapted|copied|lifted|took|taken|reused|re-used|repurposed|rebadged|rebranded|nicked|borrowed|pinched|"
    r"ported|turned)\s+(?:a|an|the|their|another|some)\s+(?!(?:university|uni|college|institution|department|school)['’]s)"
    r"(?:[\w'’-]+\s+){0,2}?(?:uni|university|college|institution|"
    r"school|colleague|lecturer|prof|professor|academic|department|provider|company)['’]s\s+(?:(?:entire|whole|full|"
    r"complete)\s+)?(?:[\w-]+\s+)?(?:mooc|course|module|slides|lectures|lecture\s+notes|materials|syllabus|curriculum|"
    r"workbook|handbook|programme|training)\b"
    r"(?=[^.!?]*?\b(?:entire|whole|full|complete|just\s+(?:changed|swapped|replaced|removed|added)|only\s+(?:changed|"
    r"swapped|replaced)|(?:changed|swapped|replaced|removed)\s+(?:the\s+)?(?:logos?|names?|branding|titles?|credits|"
    r"watermarks?))\b|(?<=(?:entire|whole|full|complete)\s+(?:[\w-]+\s+)?\w+))",
    regex.IGNORECASE,
)
_REBADGE_WORDS = gate_words(
    "adapted copied lifted took taken reused re-used repurposed rebadged rebranded nicked borrowed pinched ported "
    "turned"
)
_PUBLISHED_THERE_RE = regex.compile(
    r"(?<![\w])(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?:published|released|out)\s+"
    r"(?:(?:today|yesterday|this\s+(?:morning|week))\s+)?$"
)
_C4_WORDS = gate_words("""
 photo photos pic pics picture pictures image images shot shots aerial aerials header headers banner banners cover
 covers article articles piece pieces chapter chapters book books textbook textbooks workbook workbooks ebook
 ebooks e-book e-books audiobook audiobooks pdf pdfs notes slides deck decks lecture lectures song songs track tracks
 music album albums gig gigs audio film films movie movies clip clips documentary documentaries show shows episode
 episodes video videos reel reels meme memes gif gifs artwork drawing drawings illustration illustrations painting
 paintings print prints poster posters logo logos character characters design designs template templates sticker
 stickers graphic graphics figure figures diagram diagrams chart charts map maps paper papers report reports
 handbook handbooks syllabus curriculum scheme schemes bank banks blog fonts font files
 source credit sci-hub scihub libgen stuvia pirated pirate z-library watermark watermarks ctrl+c
 wiser pages whose
 cropped crop soundtrack soundtracked backing screenshotted screenshot screengrab exposure hoodies mugs t-shirts
 shirts merch totes tote cups badges lanyards jumpers
 cartoon cartoons handout handouts lyrics script scripts manual manuals edition editions record records recording
 recordings performance talk talks webinar brief collage stills still anthem theme doc docs dvd solutions
 photographs infographic infographics exposure clue dunno ours mine tiktok tiktoks livestream broadcast
 playlist sketch sequence
""")


# "downloaded it and edited it into my lecture": a copy of someone's work made part of one's own
_C4_DOWNLOADED_RE = regex.compile(
    r"(?<![\w])(?:downloaded|ripped|screen-?recorded|saved|grabbed)\s+(?:\w+\s+){0,4}?(?:and|then)\s+(?:\w+\s+){0,2}?"
    r"(?:edited|cut|spliced|dropped|put|uploaded|re-?uploaded|added|used|inserted|stitched)\s+(?:it\s+|them\s+)?"
    r"(?:into|in|onto|on|to)\s+(?:my|our)\b"
)
# an official post captioning a work as coming from a maker it does not name ('illustration from an Etsy artist')
_C4_UNNAMED_MAKER_RE = regex.compile(
    r"(?<![\w])" + _C4_WORK + r"\s+(?:\w+\s+){0,2}?(?:from|by)\s+(?:a|an|some)\s+(?:[\w'’-]+\s+){0,2}?(?:artist|"
    r"photographer|illustrator|designer|cartoonist|creator|filmmaker)s?\b(?!\s+(?:called|named))"
)
# a named character put on merchandise ("Minions in mortarboards on our new mugs", "our merch features
# Peppa Pig"): a licensed character, whatever it wears
_MERCH_NOUNS = (
    r"(?:merch|merchandise|hoodies|mugs|t-?shirts|tshirts|shirts|totes?|tote\s+bags|cups|badges|lanyards|jumpers|stickers)"
)
_C4_MERCH_CHAR_RE = regex.compile(
    r"(?<![\w])(?!(?:Our|My|The|This|These|New|Official|University|Uni|College|Students?|Union|Example|Graduation|"
    r"Congratulations|Congrats|Thanks|Thank|Get|Grab|Buy|Shop|Order)\b)\p{Lu}[\w'’-]+(?:\s+\p{Lu}[\w'’-]+)?\s+"
    r"(?:(?i:in|wearing|dressed\s+(?:as|in|up\s+as)|with|holding)\s+(?:[\w'’-]+\s+){1,3}?)?(?i:on\s+(?:our|the)\s+"
    r"(?:new\s+)?(?:[\w'’-]+\s+){0,2}?)(?i:" + _MERCH_NOUNS + r")\b"
    r"|(?i:" + _MERCH_NOUNS + r")\s+(?:\w+\s+)?(?i:features?|featuring|stars?|starring)\s+"
    r"(?!(?:Our|The|University|Uni|College|Example)\b)\p{Lu}[\w'’-]+"
)
_C4_MERCH_WORDS = gate_words(
    "merch merchandise hoodies mugs t-shirts tshirts shirts tote totes cups badges lanyards jumpers stickers"
)
# an official post pointing at a named show's clip it carries ('this Bluey clip says it all')
_C4_THIS_TITLE_RE = regex.compile(
    r"(?<![\w])(?i:this|these)\s+(?!(?:Example|University|Uni|Library|Campus|Open|Day)\b)\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*){0,2}\s+"
    r"(?i:clip|clips|gif|gifs|meme|memes|scene|episode|cartoon|sketch|still|song|track|video|reel)(?![\w])"
)
# acts that, beside a web address, are pointing at the work rather than copying it (unless the
# address is a file share holding the copy)
_LINK_ACT_RE = regex.compile(r"(?i:shar\w+|post\w*|found|spotted|featuring|features)")
_FILE_SHARE_RE = regex.compile(
    r"(?:drive\.google|docs\.google|dropbox|wetransfer|we\.tl|mega\.nz|onedrive|1drv\.ms|scribd|box\.com|sharepoint)"
)
_C4_REUSE_WORDS = gate_words("downloaded ripped screen-recorded saved grabbed artist photographer illustrator designer "
                             "cartoonist creator filmmaker")


@rule(
    "CPY004",
    "someone-elses-work-reproduced",
    "copyright",
    "warn",
    clauses.COPYRIGHT,
    "Someone else's photo, chapter, song, logo or slides, copied, scanned, uploaded or set to your "
    "video without a licence, credit or link, is copying without permission whatever the wording.",
    "Link to the original, or use your own or a licensed work and credit the owner "
    '("Photo: Jane Doe, used with permission").',
    [
        Example(
            "Scanned in three chapters of the Pearson textbook and put them on the module site.",
            True,
            account="personal",
        ),
        Example("Our welcome video is set to Arctic Monkeys, turn it up!", True),
        Example("the watermark is barely visible if you crop it right, new header pic", True, account="personal"),
        Example("Shared a link to the BBC clip rather than downloading it. Linked on Moodle.", False),
        Example("Photo: Jane Doe, used with permission. Thanks Jane!", False),
        Example("I posted a video of my cat on YouTube", False, account="personal"),
    ],
)
def others_work(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    masked = doc.masked
    if gate(masked, _REBADGE_WORDS) and (m := _REBADGED_RE.search(masked)) and not _c4_fine(masked):
        yield m.start(), m.end(), "Another institution's or person's course material taken whole as one's own."
        return
    if not gate(masked, _C4_WORDS):
        return
    if doc.ctx.account != "personal" and (m := _C4_THIS_TITLE_RE.search(doc.text)) and not _c4_fine(masked):
        yield m.start(), m.end(), "Someone else's clip or picture posted as the institution's own."
        return
    if gate(masked, _C4_REUSE_WORDS) and not _c4_fine(masked):
        m = _C4_DOWNLOADED_RE.search(masked)
        if m is None and doc.ctx.account != "personal":
            m = _C4_UNNAMED_MAKER_RE.search(masked)
        if m:
            yield m.start(), m.end(), "Someone else's work reproduced in the post."
            return
    if gate(masked, _C4_MERCH_WORDS) and (" on " in masked or "featur" in masked or "star" in masked):
        m = _C4_MERCH_CHAR_RE.search(doc.text)
        if m and not _c4_fine(masked) and not cp.institution_re.search(m.group()):
            yield m.start(), m.end(), "A character or work someone else owns put on merchandise."
            return
    if gate(masked, _C4_PIRACY_WORDS):
        m = _C4_PIRACY_RE.search(masked)
        if m and not _C4_NO_PIRACY_RE.search(masked):
            yield m.start(), m.end(), "A pirated copy of someone else's work shared or pointed to."
            return
    # cheapest tests first: the third-party pattern is the costly one, so it runs last
    m = _C4_ALONE_RE.search(masked) if _may_alone(masked) else None
    if m and _DONT_BEFORE_RE.search(masked, max(0, m.start() - 24), m.start()):
        m = None  # round 19 (N5): "credit our photographer, don't crop out watermarks": the advice
    act = None if m else _C4_ACT_GATE.search(masked)
    if (m is None and act is None) or _c4_fine(masked):
        return
    if m:
        yield m.start(), m.end(), "Someone else's work reproduced or its owner's marks removed."
        return
    if _C4_WORK_RE.search(masked) is None:
        return
    m = _C4_OTHER_RE.search(masked) or _C4_OTHER_CAP_RE.search(doc.text)
    if m and _PUBLISHED_THERE_RE.search(masked, max(0, m.start() - 40), m.start()):
        return  # "the full report is published today on their website": where the owner put it, a pointer
    if m and _READ_VIA_LINK_RE.search(masked) and not _reproduces(masked):
        return  # round 19 (N4): "Read the full piece via the link in comments": a pointer to the work
    if m and doc.urls and act is not None and _LINK_ACT_RE.fullmatch(act.group()) and not _FILE_SHARE_RE.search(masked):
        return  # "Sharing the Guardian's piece: https://...": a link to the work, not a copy of it
    if m and not any(a <= m.start() < b for a, b in doc.urls):
        yield m.start(), m.end(), "Someone else's work reproduced in the post."
