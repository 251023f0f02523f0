"""Rounds 37, 41 and 42 of issue 12: rule false alarms on the near-misses written for rounds 34-35 and
40 (corpus posts).

Each clean post below was flagged by a hand-written rule for a reason the post does not have (a
stance word in a plain sense, a unit's mailbox read as a person's, a law's name read as someone's
illness, an adult's age read as a child's, ...); each stands beside a risky post the same rule must
still catch. Plain tests rather than ``twin_tests``: the build reads those pairs, and the shipped
learned model's recipe is tied to the pairs it read.

The two tests over these pairs are in ``test_rule_slip_twins.py``, with every slip round's.
"""

from __future__ import annotations

# (family, (network, account) and risky post, (network, account) and clean post)
CASES = [
    # CON001: "support" as help on offer, not backing for a side
    ("contentious", ("x", "official"), "We support the strike and urge every student to join the picket line.",
     ("x", "official"), "Thinking of our students affected by the earthquake in Turkey and Syria. Support and "
     "hardship funds are available, DM us."),
    ("contentious", ("facebook", "official"), "We stand with Gaza. Israel's government must be stopped.",
     ("facebook", "official"), "Our thoughts are with everyone affected by the war in Gaza and Israel. The "
     "wellbeing team and chaplaincy are here for any student who needs support."),
    ("contentious", ("linkedin", "official"), "The Faculty welcomes the ban on puberty blockers and we support "
     "the government's decision.",
     ("linkedin", "official"), "Our Faculty of Medicine has followed the Cass Review closely, and our academics have "
     "contributed to the evidence base on adolescent health. We recognise that the Review and the government's "
     "decisions have provoked strong feelings on many sides, and we will continue to support rigorous, independent "
     "research in this area. Our support services remain open to every student and member of staff."),
    ("contentious", ("x", "official"), "We believe the law on assisted dying must change. Write to your MSP.",
     ("x", "official"), "New research finds that public support for a change in the law on assisted dying has "
     "risen to 64%, with differences by age and religion."),
    # a rule for everyone, practical advice, an election named, lawful protest upheld
    ("contentious", ("x", "official"), "Students must boycott the referendum: it is a sham.",
     ("x", "official"), "Reminder that all students and staff, whatever their views, must follow the university's "
     "code of conduct during Friday's protest and counter-protest."),
    ("contentious", ("x", "official"), "Staff should join the picket line on Thursday. Management are wrong.",
     ("x", "official"), "RMT strike action is expected to affect trains on Thursday. Staff and students should "
     "check National Rail Enquiries and allow extra time."),
    ("contentious", ("x", "official"), "Vote for the Greens in the Holyrood elections!",
     ("x", "official"), "Today's the deadline to apply for a postal vote for the Holyrood elections. Check your "
     "details at gov.uk/register-to-vote"),
    ("contentious", ("linkedin", "official"), "The university supports the protest against the Rwanda Bill.",
     ("linkedin", "official"), "Statement on protests: the university supports lawful, peaceful protest. "
     "Encampments that block teaching spaces will be addressed under our regulations, whatever the cause."),
    # an unquoted debating motion; "back" as an adverb
    ("contentious", ("instagram", "official"), "We believe the UN should oversee a vote in Kashmir.",
     ("instagram", "official"), "debate night: this house believes the UN should oversee a vote in Kashmir. two "
     "speakers for, two against. free tickets in bio"),
    ("contentious", ("x", "official"), "We back the strike. Pay up, management.",
     ("x", "official"), "Stormont is back in session this week. Our Professor of Politics is available for comment "
     "on the Executive's budget."),
    ("contentious", ("threads", "official"), "lol the death penalty debate is back?? hard no from us. some ideas "
     "belong in the bin",
     ("threads", "official"), "The death penalty debate is back in the news. Our criminology team has published a "
     "briefing on the evidence."),
    # PRV002: a unit's clipped name run into a role word is a mailbox, not a person
    ("privacy", ("x", "personal"), "My student Liam is having a rough time, message him at liam.obrien@gmail.com",
     ("x", "official"), "Georgian students: if events at home are affecting you, our advice team can help. "
     "intladvice@lanmouth.ac.uk"),
    # PRV007: a law's name and many people's applications are nobody's health or status
    ("privacy", ("x", "personal"), "My colleague Dr Ama Mensah told me she is terminally ill. Heartbroken.",
     ("x", "research"), "The Terminally Ill Adults (End of Life) Bill has passed second reading. Our research group "
     "has published a briefing on the evidence."),
    ("privacy", ("x", "personal"), "My student Jamal's visa application was refused and he's devastated.",
     ("x", "official"), "Students from Hong Kong: our immigration advisers can help with BN(O) visa applications."),
    # PRV008: an adult's age is no child's
    ("privacy", ("x", "personal"), "My daughter Lily, 6, started at St Peter's Primary today!",
     ("facebook", "official"), "We are sad to share that our former Chancellor, Dame Elspeth Carrick, has died aged "
     "91. She championed the expansion of our Medical School."),
    # PER005: coffee drunk is no drink
    ("personal-use", ("x", "personal"), "Still drunk from last night and I have a 9am lecture to teach.",
     ("x", "personal"), "Marking season week 2. I have drunk enough coffee to be legally classed as a percolator."),
    # BRD001: the official update passed on, not spoken as
    ("brand", ("x", "personal"), "Official update from the Registry: exam results are delayed until Friday.",
     ("x", "personal"), "Sharing the official update from Fenmoor: the new Student Hub opens on 3 March. Looks "
     "fantastic."),
    # PER001: a fault put right is no complaint, so the closing "Heroes." is meant
    ("personal-use", ("x", "personal"), "Three weeks with no heating in our building and the Estates team shrug. "
     "Heroes.",
     ("x", "personal"), "Huge thanks to the Estates team who fixed the broken heating in our building in under an "
     "hour. Heroes."),
    # CON010 (round 41): a club's hype for a contest is not a side, unless it says more than a fan would
    ("contentious", ("x", "official"), "Varsity hype: the team will wear rainbow laces, and anyone who objects is a "
     "bigot who should leave our club",
     ("x", "official"), "Varsity hype 📣 We are coming for that trophy and we are NOT giving it back. Blues till we "
     "die 💙"),
    ("contentious", ("x", "official"), "Rugby Club: we stand with the striking lecturers! Solidarity",
     ("instagram", "official"), "Cricket Club: we're going to skittle them out before lunch 🏏 (weather permitting, "
     "which it won't, because it's May in Manchester)"),
    # ABU004 (round 42): the other team before a fixture; a threat quoted to report it
    ("abuse", ("x", "official"), "We are going to batter them when they come out of the pub tonight.",
     ("x", "official"), "Varsity is Saturday and we are going to absolutely batter them. Wear green, bring noise 💚📣"),
    ("abuse", ("x", "personal"), "Hey @DanP, watch your back at the AGM 😉",
     ("x", "personal"), 'Quoting a message sent to our student rep: "watch your back at the AGM." That is '
     "intimidation, it has been reported, and it has no place in student democracy."),
    # CON001 (round 42): a lecture's quoted title is its subject, and a side taken outside it still counts
    ("contentious", ("x", "official"), 'Public lecture: "Why Reform UK must be stopped". We urge everyone to vote '
     "against them.",
     ("x", "official"), 'Our School of Law hosts a public lecture: "Hate Speech, Free Speech and the Limits of the '
     'Law" with Prof Adaeze Nwosu. Free, all welcome.'),
    # CIP006: "may" the verb is no month
    ("confidential-ip", ("x", "personal"), "Shh, the announcement May 3rd will say the Music department closes.",
     ("x", "official"), "Today's Home Office announcement may affect some international students' dependants. Our "
     "advice team will update guidance by Friday."),
]
