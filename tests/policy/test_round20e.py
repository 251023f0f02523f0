"""Round 20e (issue 12): P2 and P4 tuned on (every family, new writers); P5-P7 the yardstick
(``docs/policy_round20_choices.md``). Each risky post is a kind of P4 miss now caught; its clean twin,
close in wording, is what the fix must leave alone."""

from __future__ import annotations

from .flagging import twin_tests

# (family, network, account, risky post, clean twin)
PAIRS = [
    # CON001: a verdict on "a government"; a divisive topic beside "non-negotiable"; a vote steered by "you know
    # which party"; a budget called reckless
    ("contentious", "x", "official",
     "Department of Politics: another climbdown from this shambles of a government. Our students deserve better.",
     "Department of Politics: what makes a government U-turn? Our new podcast asks three former advisers."),
    ("contentious", "x", "official",
     "School of Law: proud of our students at today's pro-choice march. Bodily autonomy is non-negotiable.",
     "School of Law: our clinic explains what bodily autonomy means in medical consent law. Free guide online."),
    ("contentious", "x", "official",
     "School of Education: polls open 7am Thursday. If you care about teacher pay, you know which party has a plan.",
     "School of Education: polls open 7am Thursday. Bring photo ID, and check your polling station online."),
    ("contentious", "x", "official",
     "Dept of Economics: our verdict on the Chancellor's budget? Reckless and economically illiterate.",
     "Dept of Economics: what does the Chancellor's budget mean for students? Our economists explain."),
    # CON001 kept on research accounts when they campaign: a slogan, a platform refused, "repost if you agree"
    ("contentious", "threads", "research",
     "Gender & Society Research Group: trans women are women. If you can't accept that, our seminars aren't for you.",
     "Gender & Society Research Group: new paper on how UK newspapers covered trans women's sport, 2015-2024."),
    ("contentious", "mastodon", "research",
     "Centre for Peace Studies: we will no longer host speakers who defend Israel's campaign in Gaza.",
     "Centre for Peace Studies: our seminar on the law of armed conflict in Gaza hears from two speakers."),
    ("contentious", "bluesky", "research",
     "Border Studies Network: small boats aren't the crisis, the Home Secretary is. Repost if you agree.",
     "Border Studies Network: small boat crossings fell 20% this year, Home Office figures show. Data in our brief."),
    # CRD: a sign-in code after the prompt that sent it; a shared account's default password; lockers' code
    ("credentials", "threads", "personal",
     'Finishing a grant at midnight. SharePoint: "enter the code we sent you". Code: 583921. Then my laptop restarts.',
     'Finishing a grant at midnight. SharePoint: "enter the code we sent you". Then my laptop restarts. Classic.'),
    ("credentials", "x", "personal",
     "Tip for new PhDs: the HPC has a shared training account (train01 / Welcome123) while yours is approved.",
     "Tip for new PhDs: the HPC training course (01/10 and 15/10) is worth it while your account is approved."),
    ("credentials", "x", "personal",
     "Clinical skills tomorrow! Changing-room lockers all use 2580, bring your own padlock if you're worried.",
     "Clinical skills tomorrow! Changing-room lockers are in corridor B, bring your own padlock if you're worried."),
    # CIP006: an unpublished figure shown, panel business told, a leadership deck leaking, an exec's business
    ("confidential-ip", "x", "personal",
     "Sneak peek: unpublished fig from chapter 3 of Jess's thesis, 94% selectivity at room temperature!",
     "Sneak peek: Jess's thesis is submitted! Three years of catalysis in one very heavy PDF."),
    ("confidential-ip", "x", "personal",
     "Sat on the funding panel today (shouldn't really say) and the Hartfield bid is dead in the water.",
     "Sat on the funding panel today. Long day, good debate, and excellent sandwiches."),
    ("confidential-ip", "linkedin", "personal",
     "At yesterday's School exec we discussed scrapping the foundation year. I voted against.",
     "At yesterday's School open day we discussed the foundation year with forty keen applicants."),
    # CPY: pasting a whole piece, a programme screen-recorded, a character's design used
    ("copyright", "linkedin", "personal",
     "Pasting the whole of today's Times Higher piece on research funding below, paywalls are the enemy.",
     "Today's Times Higher piece on research funding is worth your time. Read it on their site."),
    ("copyright", "x", "official",
     "Here's the Newsnight segment where our Dean nails it, screen-recorded off iPlayer.",
     "Our Dean was on Newsnight last night. Watch it on BBC iPlayer, from 12 minutes in."),
    ("copyright", "mastodon", "research",
     "Our lab's new logo is basically the Pixar lamp holding a microscope. Disney won't mind.",
     "Our lab's new logo, drawn by our technician Sam, is a lamp holding a microscope. Our Head won't mind."),
    # BRD: the crest on a personal venture; a group named as official
    ("brand", "x", "personal",
     "Using our school crest as the artwork for my personal podcast until I design my own. Ep 1 out now!",
     "Using a photo of the school's old clock tower as the artwork for my personal podcast. Ep 1 out now!"),
    ("brand", "facebook", "personal",
     'Started a group called "Official Mercia University Staff" for banter. Uni badge as the cover photo.',
     'Started a group called "Mercia staff allotment club" for swapping seeds. A courgette as the cover photo.'),
    # PER: the all-staff list for a private sale; the institution's position in its "we"; a printer for a business
    ("personal-use", "facebook", "personal",
     "Selling my late mum's furniture. Posted it on the all-staff email list too, reaches more people.",
     "Selling my late mum's furniture. Posted it on Facebook Marketplace too, reaches more people."),
    ("personal-use", "x", "personal",
     "Prof of Epidemiology @ Greyfriars. Greyfriars' position on the assisted dying bill is clear: we support it.",
     "Prof of Epidemiology @ Greyfriars. My own view on the assisted dying bill: I support it. Views my own."),
    ("personal-use", "mastodon", "personal",
     "Used the dept colour printer to run off 300 flyers for my wife's cupcake business, orders via DM!",
     "Used the local print shop to run off 300 flyers for my wife's cupcake business, orders via DM!"),
    # ABU: contempt for students' wits, put as a cohort's
    ("abuse", "x", "personal",
     "Students who email at 11pm asking if it's on the exam are, without question, the thickest cohort I've taught.",
     "Students who email at 11pm asking if it's on the exam are, without question, the most anxious cohort I've "
     "taught."),
    ("abuse", "x", "personal",
     "Overseas students who can't string an English sentence together have no business on a master's.",
     "Overseas students who are still finding their feet in English get free writing support on every master's."),
    # PRV: a named student's visa refused, in brackets
    ("privacy", "linkedin", "personal",
     "Proud supervisor moment: Tomasz passed his viva today, after fighting the Home Office over his visa extension "
     "(refused twice).",
     "Proud supervisor moment: Tomasz passed his viva today, after a year of fieldwork in three countries."),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)


# Clean P2/P4 posts that got a risk finding, fixed; each beside a risky twin that keeps it.
CLEAN_PAIRS = [
    ("credentials", "x", "research",
     "The door code for the Secure Systems lab is 2025, please don't prop it open.",
     "New explainer from the Secure Systems Group: why SMS one-time codes are still getting phished in 2025."),
    ("confidential-ip", "threads", "personal",
     "Here's exactly how our new sensor works, we haven't filed the patent yet but I'm too excited!",
     "Patent drafting workshop today. Lesson one: don't post about your invention before it's filed."),
    ("confidential-ip", "bluesky", "official",
     "Our report on school uniform costs is embargoed until Thursday, but here's the headline: families pay £400.",
     "For journalists: our report on school uniform costs is embargoed until 00:01 Thursday. Accredited media can "
     "request the release from the press office."),
    ("confidential-ip", "x", "personal",
     "A journalist asked me what our unpublished trial data show, so I told her: mortality halved. Oops.",
     'A journalist asked me what our unpublished trial data show. Me: "wait for the paper." Journalist: unimpressed.'),
    ("personal-use", "mastodon", "personal",
     "Our university's leadership is a shambles and the VC should resign.",
     "My own view, as a historian: we should teach the Empire with all its complexity. Not a university position, "
     "just mine."),
    ("brand", "linkedin", "personal",
     "Using the university's name to get a discount at the garden centre works every time.",
     "Thinking of using the university's name for a book or event? Have a quick chat with the Brand team first."),
    ("copyright", "mastodon", "research",
     "Pasted the full text of the Lancet paper below, since it's paywalled.",
     "Our trial is recruiting across 9 sites. Results will be published in full once analysis is complete."),
]

test_clean_risky_twin_is_flagged, test_clean_twin_is_now_clean = twin_tests(CLEAN_PAIRS)
