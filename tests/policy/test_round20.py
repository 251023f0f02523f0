"""Round 20 (issue 12): every family on sets by new writers. Four helpers who had seen no rules wrote
P1-P4 (``tests/policy/blind/``); P1 and P3 are the tuning sets, P2 and P4 the yardstick, measured only
before and after (``docs/policy_round20_choices.md``). Each risky post below is a kind of P3 miss
that is now caught; its clean twin, close in wording, is what the fix must leave alone."""

from __future__ import annotations

from townhall.policy import Context, check

from .flagging import flagged, twin_tests

# (family, network, account, risky post, clean twin)
PAIRS = [
    # CON001: a call to vote for a party is a side taken, though the same words name the topic
    ("contentious", "facebook", "official",
     "Midwifery team here 💙 You know what the NHS needs on Thursday. Vote Labour.",
     "Midwifery team here 💙 Polling day is Thursday: bring photo ID, and vote for whoever you like."),
    ("contentious", "x", "official",
     "Vote Reform on 4 July and take our country back!",
     "Vote for your favourite shot in our campus photography competition by Friday!"),
    # CON001: a campaign hashtag is its slogan written as one word
    ("contentious", "x", "official",
     "Another week, another climbdown from this government. Our first years could do better. #ToriesOut",
     "Another week of exams done. Our first years could not have worked harder. #ExamSeason"),
    ("contentious", "instagram", "official",
     "Bank holiday for the coronation, we suppose. The monarchy remains an expensive anachronism. #NotMyKing",
     "Bank holiday for the coronation: the library and sports centre keep weekend hours. #CampusUpdate"),
    # CON001: a call to lobby or to vote against, in a later sentence of a post about politics
    ("contentious", "linkedin", "official",
     "Scrapping the two-child benefit cap is the best thing this government could do. 81% of our students agree. "
     "Write to your MP today.",
     "What would scrapping the two-child benefit cap cost? Our economists model three options in a new report. "
     "Read it on our website."),
    ("contentious", "bluesky", "official",
     "Reform UK's climate policy ignores the evidence. Our modelling group says it plainly: don't vote for them.",
     "How do Reform UK's voters see climate policy? Our modelling group asks 2,000 of them in a new survey."),
    # CON001 kept on a research account (academic freedom relaxes topics, not campaigning)
    ("contentious", "bluesky", "research",
     "From today our lab cuts all ties with Russian universities, and we urge other research groups to do the "
     "same.",
     "From today our lab hosts two visiting researchers from Ukrainian universities, funded by a British Academy "
     "scheme."),
    ("contentious", "threads", "research",
     "Our polling is clear: Scotland's future is independent. Time for indyref2. #Yes2",
     "Our polling on indyref2: support for independence is at 49%, unchanged since spring. Full tables on our site."),
    ("contentious", "x", "research",
     "Our data shows the Rwanda scheme is cruel and a waste of money. Shame on the Home Secretary. #RefugeesWelcome",
     "Our data on the Rwanda scheme: 312 people relocated at a cost of £700m, according to the NAO. Paper out today."),
    # CON001: a petition to rejoin the EU
    ("contentious", "facebook", "official",
     "Alumni, please add your name to the Rejoin EU petition! We need 100k signatures for a debate.",
     "Alumni, please add your name to our alumni mentoring scheme! We need 100 mentors by March."),
    # CRD006: a code typed with the keypad's enter key, a code given as "it's ...", a till override
    ("credentials", "x", "personal",
     "Open day helpers: the green room is Block C, keypad 5582# as usual, and the kettle's on.",
     "Open day helpers: the green room is Block C, room 5582 on the signs, and the kettle's on."),
    ("credentials", "instagram", "personal",
     "Kit room vibes (yes, that's the lockbox on the door, it's 0731, bring the tape back this time).",
     "Kit room vibes (yes, that's the lockbox on the door, it's new, bring the tape back this time)."),
    ("credentials", "x", "personal",
     "Tip for new bar staff: the manager override on the till is 4529. Don't let customers see you type it.",
     "Tip for new bar staff: a manager override on the till is needed for refunds over £20. Just shout for one."),
    # CRD002: a link that carries its own access token
    ("credentials", "linkedin", "personal",
     "Sneak peek of our new booking site before launch: staging.example.ac.uk/book?token=Zk29xQpL7a83",
     "Sneak peek of our new booking site before launch: staging.example.ac.uk/book?utm_source=linkedin"),
    # CIP006: a result shown while its paper is in review or being written up
    ("confidential-ip", "x", "research",
     "First numbers from our school meals trial: 27% fewer sick days 📉 Paper's still with reviewers but we "
     "couldn't wait to share the chart.",
     "Our school meals trial paper is still with reviewers. Fingers crossed, and thanks to every school that "
     "took part."),
    ("confidential-ip", "bluesky", "research",
     "Sequenced the new strain today and it's resistant to every antibiotic we tried. Writing it up for Nature "
     "now! Tree attached.",
     "Sequenced the new strain today. Long day in the lab, and the kit behaved for once."),
    # CIP006: a decision still to be announced, told by the leaders or about to start (personal accounts)
    ("confidential-ip", "threads", "personal",
     "The Dean has just told our team we're merging with the School of Education next year. Logo chat welcome.",
     "The Dean has just told our team how proud she is of everyone this term. Cake in the staff room."),
    ("confidential-ip", "linkedin", "personal",
     "Heads-up: my faculty is about to launch a restructure with around 30 roles at risk. Hiring? Look out for "
     "some brilliant colleagues.",
     "Heads-up: my faculty is about to launch a new MSc in data science. Hiring? Look out for some brilliant "
     "graduates."),
    # CIP006: a deal told before its agreement is signed
    ("confidential-ip", "facebook", "official",
     "We can't keep it in: an alumna has pledged £3m for the new library! The agreement isn't signed yet so no "
     "names.",
     "We can't keep it in: our alumni phonathon raised £31,000 for student hardship funds this month!"),
    # ABU: "we will find you" as a threat, like "we'll find you"
    ("abuse", "threads", "official",
     "Whoever keeps tearing down the Pride flags in Hall C: we have you on CCTV and we will find you. Sleep well.",
     "Lost something at the Pride picnic in Hall C? Tell us what and where, and we will find you a seat at the "
     "info desk."),
    # BRD003: the logo mashed up with another brand's
    ("brand", "instagram", "official",
     "New merch drop! We've mashed the uni logo up with the Netflix one for film week. Hoodies £25 at the SU shop.",
     "New merch drop! Film week hoodies with the official uni logo, from the brand centre. £25 at the SU shop."),
    # BRD006: a brand deal done in one's institutional role
    ("brand", "linkedin", "personal",
     "Excited to be partnering with PeakFuel energy gels as Head of Performance at Dunmore University Sport! Use "
     "code DUNMORE15 for 15% off.",
     "Excited to be starting as Head of Performance at Dunmore University Sport! First job: the pre-season "
     "fitness tests."),
    # BRD002: a personal account renamed as an office of the institution
    ("brand", "threads", "personal",
     'Changed my display name to "Ashcombe University Admissions" so applicants can find me. DM me for advice!',
     'Changed my display name to "Dr Sam Okafor (Ashcombe)" so colleagues can find me. Views my own!'),
    # CPY003: a stock comp, a broadcaster's clip, a film shown off a personal streaming account, credit deferred
    ("copyright", "linkedin", "official",
     "Our new campaign carousel is live! The first slide uses an iStock comp for now; we'll buy the licence later "
     "if it performs.",
     "Our new campaign carousel is live! Every photo is by our own student photographers, credited on each slide."),
    ("copyright", "x", "official",
     "WATCH our alumna's winning try for Wales (clip from last night's BBC One coverage) #ProudAlumni",
     "Our alumna scored the winning try for Wales last night! Watch it on BBC iPlayer. #ProudAlumni"),
    ("copyright", "instagram", "official",
     "FILM NIGHT: showing Dune on the big screen in the SU bar on Friday, off our president's Netflix. Free entry!",
     "FILM NIGHT: showing Dune on the big screen in the SU bar on Friday, licensed through Filmbank. Free entry!"),
    ("copyright", "linkedin", "official",
     "We loved @inkandowl's drawing so much it's on the cover of our new prospectus! Will credit her properly once "
     "it's printed.",
     "We loved @inkandowl's drawing so much we commissioned her for the cover of our new prospectus, credited "
     "inside."),
    # PER007: "we at @Uni" taking a side from a personal account
    ("personal-use", "x", "personal",
     "We at @KenleyUni are fully behind the nurses' strike. Pay them properly. #NHS",
     "I'm fully behind the nurses' strike. Pay them properly. Views my own. #NHS"),
    # PER005: personal business on the institution's accounts or time
    ("personal-use", "instagram", "personal",
     "Going live on the department Instagram at lunch to plug my pilates classes, staff get 10% off!",
     "Going live on my own Instagram tonight to plug my pilates classes, friends get 10% off!"),
    ("personal-use", "threads", "personal",
     "Working from my desk in the registry today on my eBay reselling, boss is away, who's checking.",
     "Working from my desk in the registry today on the graduation lists, boss is away, so it's quiet."),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)


def test_debate_with_speakers_on_both_sides_is_not_a_stance() -> None:
    """A quoted debating question and "two speakers for, two against" are the programme, not a side."""
    post = ('Debate night: "Should the UK rejoin the EU?" Two speakers for, two against, audience vote before '
            "and after. Thursday 7pm, Great Hall.")
    assert "contentious" not in flagged(post, "official", "x")


def test_research_account_campaign_keeps_its_severity_and_says_why() -> None:
    """On a research account CON001 informs only, unless the post campaigns: then it blocks and says so."""
    findings = check("Our climate modelling shows Reform UK's plan fails. Don't vote for them.",
                     Context("bluesky", "research"))
    con = [f for f in findings if f.code == "CON001"]
    assert con and con[0].severity == "block" and "academic freedom does not cover" in con[0].message
    neutral = check("Our climate modelling shows Reform UK's plan would raise emissions by 4% by 2035.",
                    Context("bluesky", "research"))
    assert all(f.severity == "info" for f in neutral if f.family == "contentious")


# Clean posts of P1/P3 that got a risk finding, fixed; each beside a risky twin that keeps it.
# (family, network, account, risky post, clean twin)
CLEAN_PAIRS = [
    # CIP001: the invention's history told with its patent granted
    ("confidential-ip", "linkedin", "official",
     "Our team took Dr Reid's water filter from invention disclosure to prototype; we'll file the patent next "
     "month, here's how it works.",
     "Dr Reid's patent for a low-cost water filter has been granted (GB 2611111 B). Our innovation team supported "
     "her from invention disclosure all the way to grant."),
    # CIP006: "between us" as a tally, not a confidence
    ("confidential-ip", "threads", "personal",
     "Just between us: Modern Languages is closing next year, the Dean told us this morning.",
     "Great shift on the clearing lines today, 1,200 calls between us. Love this team."),
    # CRD006: a network's name the reader is told to pick
    ("credentials", "mastodon", "official",
     'Visitors: the guest Wi-Fi password is "Harbour-Gate-77" this week.',
     'Visitors: pick "Harbour-Guest" from the Wi-Fi list and sign up with a one-off text message.'),
    # PRV: "signed off by" a team is an approval, not sick leave
    ("privacy", "instagram", "official",
     "Our designer Maya Lin has been signed off with stress, so the new SU logo is delayed.",
     "Say hello to the new SU logo! Designed by student Maya Lin and signed off by the university brand team."),
    # CPY004/CPY003: piracy told to stop, copying refused
    ("copyright", "x", "personal",
     "Can't get the paper? Here's the sci-hub link, saves you the interlibrary loan form.",
     "Please stop sending me sci-hub links when I ask where a paper is. Interlibrary loan exists and it's free."),
    ("copyright", "x", "official",
     "Our careers team is in today's Times Higher piece (paywalled, so we've pasted the full text below).",
     "Our careers team is in today's Times Higher piece. Read it on their site (paywalled, sorry, we can't copy "
     "the text across here)."),
    # PER005: the private business kept on the author's own kit
    ("personal-use", "mastodon", "personal",
     "Confession: I run my Etsy candle shop from the work laptop at my desk, nobody checks.",
     "Confession: work laptop for work, personal laptop for my Etsy candle shop, and never the twain shall meet."),
]

test_clean_risky_twin_is_flagged, test_clean_twin_is_now_clean = twin_tests(CLEAN_PAIRS)
