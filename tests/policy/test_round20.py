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
