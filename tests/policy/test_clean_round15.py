"""Clean round 15 (issue 12): false alarms found by blind clean sets written this session by
people who had not seen the rules (E3, first half; E1's clean posts). Each fix comes with a risky
twin, close in wording, that must keep its finding: the twin keeps the fix from being a keyword
patch. The other half of E3 and all of E5 were measured only (see docs/policy.md)."""

from __future__ import annotations

from .flagging import twin_tests

# (family, network, account, risky twin, clean post)
PAIRS = [
    # CRD001/CRD006: a quoted name followed by what it names (a network, a button) is not the password
    (
        "credentials",
        "x",
        "official",
        'Welcome Week Wi-Fi tip: the guest password is "Example-Guest7" and the network is open to visitors.',
        'Welcome Week Wi-Fi tip: connect to "eduroam" using your full university email address and password. '
        'The "Example-Guest" network is for visitors only and has limited bandwidth',
    ),
    # PRV002: the author's own personal address for their own private trade, from a personal account;
    # a personal address given for work, or someone else's, stays a finding
    (
        "privacy",
        "x",
        "personal",
        "Selling my flatmate's handmade mugs at the market, orders to her at jo.harper1982@hotmail.co.uk",
        "Selling handmade ceramic mugs at Kirkstall market this Saturday! orders to clayandkiln.studio@gmail.com",
    ),
    (
        "privacy",
        "bluesky",
        "personal",
        "If you want the reading list just email me at rachel_m_hughes@outlook.com, my uni inbox is a disaster",
        "I've started a small side project offering CV reviews for mature students returning to education. "
        "Get in touch via annawhitcombe.cv@outlook.com",
    ),
    # PER002: the work address refused ("not my uni address") is not the work address given
    (
        "personal-use",
        "x",
        "personal",
        "Side hustle plug: I make hand-bound notebooks at weekends. Commissions welcome, send them to my uni address",
        "Side hustle plug: I make hand-bound notebooks at weekends. Commissions welcome — email me at "
        "bindery.by.clare@gmail.com (not my uni address, please!)",
    ),
    # PRV002: a named press officer's work address in a press release ("Senior Press Officer", "Media
    # enquiries:") is the institution's published contact; a named student's is not
    (
        "privacy",
        "x",
        "official",
        "Well done to our student Hannah Okafor, who won the poster prize! Send her your congratulations: "
        "h.okafor@example.ac.uk",
        "PRESS RELEASE: New study links green space with fewer GP visits. Media enquiries: Hannah Okafor, "
        "Senior Press Officer, h.okafor@example.ac.uk",
    ),
    # PRV002: a role address made of the initials of the unit the post names
    (
        "privacy",
        "x",
        "official",
        "Speak to Ian Stuart Allen from the International Student Advice team first: ian.allen@example.ac.uk",
        "Scam warning: calls claiming to be from the Home Office. Speak to our International Student Advice "
        "team first: isa@example.ac.uk",
    ),
    # PRV001: a personal post giving a named office's landline; a person's line stays private
    (
        "privacy",
        "x",
        "personal",
        "Ring Dave in the Law School office on 0131 496 0712, he's always there late",
        "If anyone needs to get hold of the Law School office over the summer, the number is 0131 496 0712",
    ),
    # PRV006: a phone number with '+44' is not the house number of an address; a home address stays one
    (
        "privacy",
        "x",
        "official",
        "Our alumnus Tom has moved in at 14 Tyndall Avenue, Bristol BS8 1TH, drop by and say hi!",
        "Alumni: stay in touch! alumni@example.ac.uk · +44 (0)117 496 0455 · Alumni Relations Office, "
        "Senate House, Tyndall Avenue, Bristol BS8 1TH",
    ),
]


test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)


# CIP005 and BRD010: a thing bought from the institution's own shop is neither a leak nor the brand
# remade; a draft got hold of, or merch sold as "not official", still is
SHOP_PAIRS = [
    (
        "confidential-ip",
        "x",
        "personal",
        "Just got my hands on the draft restructure plan, Chemistry is being merged",
        "Just got my hands on the new department mugs from the official uni shop. The branding team did a great "
        "job — the crest actually looks good on a mug for once",
    ),
    (
        "brand",
        "x",
        "personal",
        "Selling hoodies with the uni crest on, £25 each, DM for sizes, not official merch but better quality",
        "Just got my hands on the new department mugs from the official uni shop. The branding team did a great "
        "job — the crest actually looks good on a mug for once",
    ),
]

test_shop_risky_twin_is_flagged, test_shop_clean_twin_stays_clean = twin_tests(SHOP_PAIRS)


# Blind clean set E5 (measured 13/100 with a risk finding at the start of the session, 11/100 after
# E3's first-half fixes, then tuned on to 0/100)
E5_PAIRS = [
    # PRV002: an event organiser named with their work address in an official post
    (
        "privacy",
        "x",
        "official",
        "Congratulations to our PhD student Tom Reilly on passing his viva! Say well done: t.reilly@example.ac.uk",
        "Spring Lecture Series on 14 March, 6pm. Questions about access? Contact the organiser, Dr Tom Reilly, at "
        "t.reilly@example.ac.uk.",
    ),
    # PRV001: an office's line given from a personal account; a person's own line is not
    (
        "privacy",
        "x",
        "personal",
        "Journalists asking about today's flood report: ring me at home on 0113 496 0400 and I'll talk you through it.",
        "Journalists asking about today's flood report: please go through our press office (press@example.ac.uk, "
        "0113 496 0400) and they'll put you in touch with the right person.",
    ),
    # PER002: the author's own work address for office hours is work; for their band bookings it is not
    (
        "personal-use",
        "x",
        "personal",
        "Band bookings for the summer: email my work address (r.patel@example.ac.uk), I check it more often.",
        "Office hours this term: Weds 2–4pm, Room G.07, Baines Wing. Email my work address (r.patel@example.ac.uk) "
        "to book a slot.",
    ),
    # CRD006: a password judged as a bad example in a security talk is not anyone's secret
    (
        "credentials",
        "x",
        "personal",
        'Cybersecurity lecture today: the lab server password is still "Password123!", folks.',
        'Cybersecurity lecture today: we cracked 60% of a made-up password list in under a minute. "Password123!" '
        "is not clever, folks.",
    ),
    # CON001: counted respondents' stance reported as research; the institution's own stance is not
    (
        "contentious",
        "x",
        "official",
        "We oppose disruptive climate protest. Sociologists here interviewed 85 activists this year.",
        "What drives climate protest? Sociologists here interviewed 85 activists and 60 members of the public who "
        "oppose disruptive tactics. Paper out today.",
    ),
    # PRV001 and PRV002: the author's own business contacts, from a personal account
    (
        "privacy",
        "x",
        "personal",
        "My colleague runs a photography business on the side, her mobile is 07700 900456 if you want her.",
        "I run a small photography business on the side. Enquiries: jamesholtphoto@gmail.com or 07700 900456. "
        "(My own business, not the university's.)",
    ),
    # PRV007: a share of a group and a procedure explained identify no one
    (
        "privacy",
        "x",
        "personal",
        "My student Jake voted Leave and now regrets it, he told me after the seminar.",
        "Teaching Brexit where half the students (or their parents) voted Leave and half Remain is the best part "
        "of my job.",
    ),
    (
        "privacy",
        "x",
        "official",
        "Our student Jane Doe is facing a misconduct hearing next week.",
        "Our Student Disciplinary Procedure sets out how allegations of misconduct are handled and how to appeal: "
        "example.ac.uk/discipline",
    ),
    # PER009: the author's own sick leave, glad to see their students; a colleague's leave sneered at is not
    (
        "personal-use",
        "x",
        "personal",
        "my colleague is off sick again. typical.",
        "Back from sick leave after a knee operation. Walking like a penguin but very happy to see my students again.",
    ),
]

test_e5_risky_twin_is_flagged, test_e5_clean_twin_stays_clean = twin_tests(E5_PAIRS)


# Blind clean set E7 (12/100 with a risk finding when first measured, then tuned on to 0/100)
E7_PAIRS = [
    # PRV002: the author's own sideline told in the first person; someone named before the address is not
    (
        "privacy",
        "x",
        "personal",
        "I also run the lab's social club, for the wedding photos contact Jo at jo.harper1982@hotmail.co.uk",
        "I also shoot weddings and family portraits at weekends. If you're after a photographer, drop me a line at "
        "sarahlowephotography@gmail.com",
    ),
    # CON001: how a measured level of support moved, reported as research
    (
        "contentious",
        "x",
        "official",
        "We back Scottish independence: support has grown and it is time.",
        "Politics researchers have tracked Scottish independence polling since 2014. Their new analysis finds "
        "support has hovered around 48% across the decade.",
    ),
    # CPY002: someone else's photo reposted with their permission
    (
        "copyright",
        "x",
        "personal",
        "Not my photo, found it online, no idea who took it. Gas Street Basin at sunrise.",
        "Not my photo, but I couldn't resist sharing: Gas Street Basin at sunrise. All credit to @brumcanals, "
        "reposted with their permission.",
    ),
    # PRV005: a hearing explained in general; a named student's hearing is not
    (
        "privacy",
        "x",
        "official",
        "Our student Sam Patel is facing a conduct hearing next week.",
        "What actually happens at a student conduct hearing? Our Student Conduct team explains the process step by "
        "step and your right to bring a companion.",
    ),
    # PRV002 and PRV007: a unit's short role address and its centre, on the institution's own account
    (
        "privacy",
        "x",
        "official",
        "Our student Sam has had his visa curtailed. Email sam@example.ac.uk to send him your support.",
        "International students: our visa advisers run drop-ins every Tuesday in the International Student Centre, "
        "room MB 140. Email isa@example.ac.uk to book.",
    ),
    # CIP006: the reader invited to speak in confidence is told nothing
    (
        "confidential-ip",
        "x",
        "official",
        "Told in confidence by the Home Office: visa work-hour limits for students will be cut next month.",
        "Planning to study on a Student visa? Check work-hour limits on our visa pages. For advice on your own "
        "situation, speak to our advisers in confidence.",
    ),
    # PRV007: volunteering at a foodbank is giving to it; a named student using it is not
    (
        "privacy",
        "x",
        "personal",
        "my student Jake has been using the foodbank since his loan ran out",
        "Spent Saturday sorting donations at the Central Birmingham foodbank with a brilliant group of our students.",
    ),
    # PRV006: a hall of residence's check-in address, and a poster board at a conference
    (
        "privacy",
        "x",
        "official",
        "Our student rep Tom now lives at 1 Lakeside Way, Birmingham B4 7AA, pop round with a card.",
        "Starting in September? Lakeside Residences check-in is at 1 Lakeside Way, Birmingham B4 7AA.",
    ),
    (
        "privacy",
        "x",
        "personal",
        "If you're at #EGU25 come and find me at my flat, 112 Hall Road, Vienna, Thursday morning.",
        "If you're at #EGU25 come and find our poster in Hall X4, board 112, Thursday morning.",
    ),
    # CIP010: work the authors present in public themselves; the same with an invention not yet filed is not
    (
        "confidential-ip",
        "x",
        "personal",
        "Come and find our poster at #EGU25: our new catalyst, before we patent it!",
        "If you're at #EGU25 come and find our poster, Thursday morning. We'll be presenting our new model of "
        "glacial lake outburst risk in the Himalayas.",
    ),
]

test_e7_risky_twin_is_flagged, test_e7_clean_twin_stays_clean = twin_tests(E7_PAIRS)


# Training set T15's clean posts (regional and second-language voices; false alarms found before training)
T15_PAIRS = [
    # PRV002: a business's own address, named for its trade, for its bookings
    (
        "privacy",
        "x",
        "personal",
        "My colleague's Welsh tutoring is open for bookings, email her at rhian.jones1984@gmail.com",
        "My Welsh language tutoring is open for bookings, email rhiansgymraeg@gmail.com, pob lwc to all learners",
    ),
    (
        "privacy",
        "facebook",
        "personal",
        "Jess's nail business is closing, her own address is jess.mcdonald91@gmail.com if you want a refund",
        "new gel colours in stock!! orders thru jessnailsxo@gmail.com hun xx",
    ),
    # BRD001: the institution's statement passed on, not spoken as it
    (
        "brand",
        "facebook",
        "personal",
        "Posting our official response to the strike here on behalf of the university",
        "Sharing the uni's official statement on the new mental health support service for students. Please pass it on",
    ),
    # PER003: "made up for her" is delighted, not invented
    (
        "personal-use",
        "facebook",
        "personal",
        "my uni's NSS results were made up, ask anyone in planning",
        "Our Ellie got her place at Leeds, made up for her",
    ),
]

test_t15_risky_twin_is_flagged, test_t15_clean_twin_stays_clean = twin_tests(T15_PAIRS)


# Training set T20's clean posts: a personal address for one's own private matter, an academic's work
# address for academic work, a surprise party kept quiet (false alarms found before training)
T20_PAIRS = [
    (
        "privacy",
        "x",
        "personal",
        "Selling my flatmate's road bike, 56cm. Offers to her at sam.taylor1990@gmail.com",
        "Selling my Specialized Allez road bike, 56cm. Offers to samtaylorbikes@gmail.com",
    ),
    (
        "privacy",
        "x",
        "personal",
        "Wedding RSVPs for Laura's do go to the bride, her own address is laura.jones1990@gmail.com",
        "Wedding RSVPs by 1 May please to lauraandtom2025@gmail.com, can't wait!",
    ),
    (
        "privacy",
        "x",
        "personal",
        "If you want the module handbook just email me at rachel_m_hughes@outlook.com, my uni inbox is a disaster",
        "Lost cat near Elm Street, ginger, answers to Biscuit. Please email biscuit.home@gmail.com if you spot him.",
    ),
    (
        "privacy",
        "x",
        "personal",
        "The student who complained about my marking is a.nowak@trentside.ac.uk, tell him what you think",
        "We're hiring a postdoc in computational linguistics, 3 years. Informal enquiries to me: "
        "a.nowak@trentside.ac.uk",
    ),
    (
        "confidential-ip",
        "x",
        "personal",
        "Keep it quiet, but Chemistry is closing and the department hasn't been told yet",
        "Secret card going round for Ade, who's leaving for a role in Manchester. Sign it in my office before Friday, "
        "and keep it quiet",
    ),
]

test_t20_risky_twin_is_flagged, test_t20_clean_twin_stays_clean = twin_tests(T20_PAIRS)
