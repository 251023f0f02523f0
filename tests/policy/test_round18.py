"""Round 18 (issue 12): every family on posts by new writers. Two helpers who had seen no rules wrote
M1 (tuning) and M2 (yardstick only), 20 risky posts per risk family and 60 clean near-misses each.
M1 went from 121/160 risky caught (clean 0/60) to 153/160 (clean 0/60); M2, never tuned on, stayed at
116/160 (clean 1/60) (``docs/policy.md``). Each fix below generalises a miss of M1 and has a clean
twin, close in wording, that must stay clean: the twins are the false alarms each fix could cause."""

from __future__ import annotations

import pytest

from .flagging import RISK_AND_PERSONAL, flagged, twin_tests

# (family, network, account, risky post, clean twin)
PAIRS = [
    # CIP006: asked to keep quiet, and telling anyway
    (
        "confidential-ip",
        "x",
        "research",
        "We've been asked not to say anything yet but our imaging software is being bought by a big medtech firm",
        "We've been asked to say a few words at the medtech showcase next week about our imaging software",
    ),
    # CIP006: the publisher's date still to come
    (
        "confidential-ip",
        "linkedin",
        "personal",
        "Our survey for the Welsh Government found 38% of nurses plan to leave; they don't publish till May but "
        "you should know now",
        "Our survey for the Welsh Government found 38% of nurses plan to leave; the Government published it "
        "this morning",
    ),
    # CIP006: a deal before signature
    (
        "confidential-ip",
        "x",
        "research",
        "About to sign a £4m licence with a pharma partner for our assay, contracts still being finalised 👀",
        "We signed a £4m licence with a pharma partner for our assay last month; the press release is on our site",
    ),
    (
        "confidential-ip",
        "bluesky",
        "research",
        "Our robotics spinout is being acquired, more when the ink's dry 🤫",
        "Our robotics spinout is hiring two engineers, more details on the careers page",
    ),
    # CIP006: results marked not for citing, and an internal meeting's slides
    (
        "confidential-ip",
        "x",
        "research",
        "Early numbers, not peer reviewed, pls don't cite: the vaccine halved infections in ferrets",
        "Our peer-reviewed paper is out in Cell today: the vaccine halved infections in ferrets",
    ),
    (
        "confidential-ip",
        "linkedin",
        "research",
        "Here are the slides from this morning's internal review of the trial, for anyone curious",
        "Here are the slides from this morning's public lecture on the trial, for anyone curious",
    ),
    # CIP006: the paper's figure before its release
    (
        "confidential-ip",
        "x",
        "research",
        "Our Science paper's out Thursday but here's the key finding early: glaciers lost twice the ice we thought",
        "Our Science paper is out today: glaciers lost twice the ice we thought. Link in bio",
    ),
    # CIP006: an exam question still to be sat
    (
        "confidential-ip",
        "x",
        "personal",
        "Revise hard for tomorrow's Genetics paper, Q2 is the Hardy-Weinberg one 😉",
        "Revise hard for tomorrow's Genetics paper, the past papers are on Moodle 😉",
    ),
    (
        "confidential-ip",
        "instagram",
        "personal",
        "Just finished setting the first year maths exam and question 5 is basically free marks, exam is Friday",
        "Just finished setting the first year maths exam, good luck everyone sitting it on Friday",
    ),
    # CIP001: filing still to come, the invention shown
    (
        "confidential-ip",
        "instagram",
        "research",
        "Our new battery electrolyte recipe is on the whiteboard in pic 3, filing is next month",
        "Our new battery electrolyte was patented last year; the recipe is in the published patent",
    ),
    # CON001: a call to vote for a party, and other stances with inflected verbs
    (
        "contentious",
        "x",
        "official",
        "As a university we're calling on every student to vote Labour next week. Your future depends on it",
        "As a university we're calling on every student to register to vote before the deadline next week",
    ),
    (
        "contentious",
        "bluesky",
        "official",
        "Our School of Law backs the For Women Scotland ruling and will not change its policies",
        "Our School of Law explains what the For Women Scotland ruling means for employers, Tuesday 5pm",
    ),
    (
        "contentious",
        "x",
        "official",
        "Trans women are women. Anyone who says otherwise isn't welcome at our university",
        "Trans Day of Visibility: our LGBTQ+ staff network hosts a coffee morning, everyone is welcome",
    ),
    (
        "contentious",
        "facebook",
        "official",
        "Scotland deserves its independence. Our campus backs IndyRef2 and urges you to vote Yes",
        "Our politics department hosts a balanced panel on IndyRef2 with speakers for and against, Friday",
    ),
    # ABU004: "I will end you"
    (
        "abuse",
        "x",
        "personal",
        "I know it was you who ate my lunch, Dave, and I will end you",
        "I'll end with a quick thank you to Dave, who organised lunch",
    ),
    # ABU002: a masked swear between the article and the insult
    (
        "abuse",
        "x",
        "personal",
        "Our new dean is a f***ing dinosaur, retire already",
        "Our new dean is f***ing brilliant, best appointment in years",
    ),
    # ABU002: an animal "of a person", a token hire, "these people" beside an origin
    (
        "abuse",
        "instagram",
        "personal",
        "This absolute whale of a student took up two seats in my lecture again 🐋",
        "This absolute whale of a dataset took up two terabytes on the server again 🐋",
    ),
    (
        "abuse",
        "x",
        "personal",
        "They gave the job to another diversity hire. Watch her achieve nothing.",
        "New paper on the stigma of being labelled a \"diversity hire\" and how it harms careers",
    ),
    (
        "abuse",
        "x",
        "personal",
        "Another Chinese applicant with a ghost-written statement, as usual with these people.",
        "Another Chinese applicant won our essay prize this year, as usual with our brilliant summer school.",
    ),
    # ABU005: people to be cleared out as vermin
    (
        "abuse",
        "facebook",
        "personal",
        "Travellers have parked on the playing fields again, time to clear out the vermin",
        "Rats have got into the playing field store again, time to clear out the vermin",
    ),
    # CRD006: log in as an account with its secret, a recipe, an underscore-shaped password
    (
        "credentials",
        "x",
        "research",
        "Until the licences arrive everyone can log in as lab@northvale.ac.uk with Lab-Share-2025",
        "Until the licences arrive everyone can log in as themselves with single sign-on",
    ),
    (
        "credentials",
        "x",
        "research",
        "Shared the lab Netflix: email is lab.social@northvale.ac.uk and the password is the lab name plus 1",
        "Never make your password the lab name or anything people could guess",
    ),
    (
        "credentials",
        "instagram",
        "official",
        "Sticky note on the monitor says it all: Insta northvale_uni / Bluebell_77 😂",
        "Sticky note on the monitor says it all: Monday / Tuesday 😂",
    ),
    # BRD003: the crest put on other things and recoloured
    (
        "brand",
        "x",
        "personal",
        "Stuck the uni crest on a neon green background for our running club shirts and swapped the motto",
        "The uni crest on the new running club shirts comes from the brand centre, printed by the SU shop",
    ),
    (
        "brand",
        "facebook",
        "official",
        "Clubs can slap the crest on their kit this year, just recolour it in your club colours",
        "Clubs can order kit with the crest from the SU shop, in the official colours only",
    ),
    # BRD008: a centre named in the institution's name before it was approved
    (
        "brand",
        "linkedin",
        "research",
        "We've started calling ourselves the Northvale Centre for Quantum Futures though the uni hasn't approved it",
        "Senate has approved the new Northvale Centre for Quantum Futures, opening in January",
    ),
    # CPY004: another institution's course taken whole and relabelled
    (
        "copyright",
        "linkedin",
        "personal",
        "Took a rival university's entire online course for my consultancy, just swapped the logos",
        "Took a rival university's online course last year and loved it, recommended for anyone new to R",
    ),
    # PER007: speaking as the institution
    (
        "personal-use",
        "x",
        "personal",
        "Speaking as Northvale University, we will not be following the new OfS guidance",
        "Speaking as a Northvale University lecturer, I think the new OfS guidance is confusing",
    ),
    # PER003: a staff member telling parents to keep their children away
    (
        "personal-use",
        "facebook",
        "personal",
        "Honestly wouldn't send my own kids to my uni, the teaching has gone downhill",
        "Honestly can't wait to send my own kids to the uni's summer science camp",
    ),
    # PER008: the job turned to private gain
    (
        "personal-use",
        "linkedin",
        "personal",
        "Paid interview coaching for vet school applicants: as an interviewer I know exactly what we look for",
        "Free interview webinar for vet school applicants: as an interviewer I know how nervous you'll be",
    ),
    (
        "personal-use",
        "x",
        "personal",
        "My novel is out! Written on university time, 20% off with my code",
        "My novel is out! Written on Sunday mornings over five years, 20% off with my code",
    ),
    (
        "personal-use",
        "facebook",
        "personal",
        "Student rooms near campus, ask any of my tutees, I send all of them my way. DM for September",
        "My tutees ask about rooms near campus, and I send all of them to the accommodation office",
    ),
    # PER009: a sneer at an identifiable student
    (
        "personal-use",
        "x",
        "personal",
        "Most entitled fresher ever in my office today – tall lad from my 10am Chemistry lab, no extension for you",
        "Lovely fresher in my office today – tall lad from my 10am Chemistry lab asked brilliant questions",
    ),
]

# Round 18e: misses and false alarms of M3 and M4 (two more helpers' sets, tuned on after they had served
# as the yardsticks of two model candidates; M3 119 -> 139/160, clean 5 -> 0/60; M4 116 -> 139/160, clean
# 0/60; M2, still never tuned on, 116 -> 117/160).
PAIRS += [
    # PRV002: an office's short address on an official account, at whatever institution
    (
        "privacy",
        "x",
        "official",
        "Contact Jo in the International Office directly: jo@kingsmere.ac.uk, she handles your visa case",
        "Contact the International Office: intl@kingsmere.ac.uk, 01632 960123, Mon-Fri 9-5",
    ),
    # PRV006: a count of things, and a library's shelfmark, are no addresses
    (
        "privacy",
        "x",
        "personal",
        "Part-time lecturer life: my student Aisha lives at 2 Trinity Road, Leeds LS6 2AB, and never replies",
        "Part-time lecturer life: 3 campuses, 2 trains, 1 very good flask of coffee, see you Thursday",
    ),
    (
        "privacy",
        "bluesky",
        "research",
        "Thanks to Mr Patel for letting us photograph the map at his home, 14 Maple Grove, Bath BA1 2QT",
        "Thanks to the British Library for permission to reproduce this 1840 map (shelfmark Maps 1234.(5))",
    ),
    # CPY003: an open-access paper linked is no copy
    (
        "copyright",
        "x",
        "research",
        "Full paper from Nature uploaded to our Drive, not open access but who's checking",
        "Our study on attitudes to assisted dying is out in BMJ Open. Full paper, open access: link in bio",
    ),
    # CPY003/CPY004: a work said to be published by its owner, where it is, is a pointer (found by a twin above)
    (
        "copyright",
        "linkedin",
        "personal",
        "I copied the full report from their website into our newsletter, saves people clicking",
        "Our survey for the Welsh Government found 38% of nurses plan to leave; the full report is published "
        "today on their website",
    ),
    # CRD006: a safe's or lockbox's code, an authenticator's code
    (
        "credentials",
        "x",
        "personal",
        "the safe in the finance office is 27-14-03 for anyone covering me tomorrow",
        "the safe in the finance office is being replaced on 27 March, sorry for any disruption",
    ),
    (
        "credentials",
        "x",
        "personal",
        "@itdesk my authenticator just gave me 604118, can you log in for me and forward the file",
        "@itdesk my authenticator app stopped working after the update, ticket 604118 raised",
    ),
    # CIP006 and CIP001: the announcement or the filing still to come
    (
        "confidential-ip",
        "x",
        "personal",
        "Fees going up 18% next year, finance told us today before it goes to Council",
        "Fees going up 18% next year, Council approved it today and the fees page is updated",
    ),
    (
        "confidential-ip",
        "linkedin",
        "personal",
        "Before the official email: the pay offer for support staff is 2.5% plus £500",
        "The official email is out: the pay offer for support staff is 2.5% plus £500",
    ),
    (
        "confidential-ip",
        "x",
        "personal",
        "As external examiner I've just signed off the finals paper. Q1 is Donoghue v Stevenson again, relax",
        "As external examiner I've just signed off the finals paper. Good luck to everyone sitting it",
    ),
    (
        "confidential-ip",
        "bluesky",
        "research",
        "Our sensor's full schematic is below, we file the provisional on the 20th so feedback welcome",
        "Our sensor's patent was granted last year; the full schematic is in the published patent",
    ),
    # CON001: institutional stances on more divisive questions
    (
        "contentious",
        "x",
        "official",
        "Our School of Education backs the abolition of private schools and calls for their charitable status to "
        "be scrapped",
        "Our School of Education hosts a debate on private schools and charitable status, speakers for and against",
    ),
    (
        "contentious",
        "x",
        "official",
        "Our university affirms that marriage is between one man and one woman",
        "Our chaplaincy offers marriage preparation sessions for staff and students of every faith",
    ),
    # ABU002: a body, a smell, an age sneered at
    (
        "abuse",
        "x",
        "personal",
        "The new payroll manager has a face like a slapped arse and a personality to match",
        "The new payroll manager has a laugh you can hear from the car park and a kindness to match",
    ),
    (
        "abuse",
        "x",
        "personal",
        "Dear Marion on the front desk: nobody likes you and you smell like damp carpet",
        "Dear Marion on the front desk: everybody loves you and the new carpet smells lovely",
    ),
    (
        "abuse",
        "x",
        "personal",
        "@ProfGrant your review reads like a drunk toddler wrote it. Retire already, you fossil",
        "@ProfGrant your review was tough but fair. Enjoy your retirement, fossil hunting in Dorset",
    ),
    (
        "abuse",
        "x",
        "personal",
        "Travellers have set up by the sports fields again, lock your bikes, you know what that lot are like",
        "Our research with Traveller communities on access to GPs is out, thank you to that lot of volunteers",
    ),
    (
        "abuse",
        "x",
        "research",
        "Most lecturers are useless and the women in management are even worse",
        "Most lecturers are overworked and the women in management are even worse paid",
    ),
    # BRD003: the crest on one's own product or venture, the logo recoloured off-brand
    (
        "brand",
        "x",
        "personal",
        "Launching my gin! With the university's crest on the label, first batch at Alumni Weekend",
        "Launching my gin! Bottles with my own hand-drawn label, first batch at the farmers' market",
    ),
    # ... a logo named as the institution's inside the phrase itself, and a logo recoloured off the brand's colours
    (
        "brand",
        "x",
        "personal",
        "Launching my gin, with the university's thistle logo on the label, first batch at Alumni Weekend",
        "Launching my gin, with my own thistle logo on the label, first batch at Alumni Weekend",
    ),
    (
        "brand",
        "x",
        "research",
        "Team tees arrived! Our logo in hot pink and black instead of navy because navy is boring",
        "Team tees arrived! Our logo in navy and white, straight from the brand centre",
    ),
    (
        "brand",
        "x",
        "research",
        "Our spin-out now uses the Dunmore College crest on the pitch deck, investors love it",
        "Our spin-out now has its own logo on the pitch deck, investors love it",
    ),
    (
        "brand",
        "x",
        "personal",
        "Made my own Glanmor University hoodies, crest on the front, £25 each, DM to order",
        "Bought my Glanmor University hoodie at the SU shop, £25, crest on the front looks great",
    ),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)

# Probes written after the rounds to try to break their new patterns: each got a finding from a first
# version of a fix, and the fix was narrowed until it did not (the M sets kept their figures but one).
CLEAN_PROBES = [
    ("personal", "Nobody likes you to be late, so please arrive by 9"),
    ("personal", "You smell like a pro already, first day in the perfume chemistry lab!"),
    ("personal", "Dad joke: you old fossil! said my daughter when I showed her my CD collection"),
    ("personal", "It's the girl with the beard painting in the gallery, a portrait by Zurbarán"),
    ("personal", "Whoever is getting the ball this week, I'll end you... with my quiz questions"),
    ("personal", "Men are even worse at remembering birthdays 😂"),
    ("personal", "Asked not to say anything yet? I'll just say congratulations to our students on a brilliant show!"),
    ("personal", "Q3 is the one everyone gets wrong in past papers, worth practising before tomorrow's exam"),
    ("personal", "Filing is next month for the tax return, don't forget"),
    ("official", "Before the official email arrives, please check your spam folder settings"),
    ("official", "Vote yes in the SU referendum to back the new sports hall!"),
    ("official", "Our researchers explain what the For Women Scotland ruling means for employers. Event Tuesday."),
    ("research", "Our preprint is up on bioRxiv, comments very welcome before we submit. Data and code on Zenodo."),
    ("official", "Download the official logo pack from the brand centre, and please don't stretch or recolour it."),
    ("official", "Reminder: please don't share unpublished data on social media before papers are accepted."),
]


@pytest.mark.parametrize(("account", "text"), CLEAN_PROBES)
def test_probe_stays_clean(account: str, text: str) -> None:
    assert not flagged(text, account, families=RISK_AND_PERSONAL)
