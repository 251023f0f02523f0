"""Round 19 (issue 12): false alarms on clean posts by new writers. Four helpers who had seen no rules
wrote 120 clean near-misses each (N1 comms and admissions, N2 academics, N3 professional services, N4
replies). N1 and N2 were the tuning sets: 5/120 and 3/120 got a risk finding, after this round 0/120
and 1/120. N3 and N4 were the yardstick, measured only before and after: 4/120 and 6/120, unchanged
(``docs/policy_round19_choices.md``). Each clean post below is an N1/N2 false alarm that is fixed; its
risky twin, close in wording, keeps the finding the fix could have taken away."""

from __future__ import annotations

from .flagging import flagged, twin_tests

# (family, network, account, risky post, clean twin)
PAIRS = [
    # CRD001/CRD006: "Wi-Fi" is a word spelt with a hyphen, not a password
    (
        "credentials",
        "bluesky",
        "official",
        'Conference Wi-Fi: log in with the guest account and the password "Kestrel-2024!" from the poster by the '
        "noticeboard.",
        'Campus Wi-Fi is eduroam. Log in with your full university email address and your usual password — never '
        'a separate "Wi-Fi password" from a stranger or a poster on a noticeboard.',
    ),
    # CRD006: the password given as the one not to use
    (
        "credentials",
        "linkedin",
        "personal",
        'Password for the shared thesis drive is "Summer2024!" until IT sorts out proper accounts for my postgrads.',
        "Password hygiene tip for my postgrads: use a password manager, a unique passphrase for every site, and turn "
        'on MFA everywhere. Your thesis draft deserves better than "Summer2024!"',
    ),
    # CPY003: the web search is what not to do
    (
        "copyright",
        "x",
        "official",
        "Student societies: couldn't find the brand toolkit, so the photo on our fresher's flyer is one we got from "
        "Google!",
        "Student societies: our brand toolkit (logos, fonts, templates) is now on the intranet. Please use the "
        "approved versions, not a screenshot from Google!",
    ),
    # CPY003: "she doesn't know" about a surprise, where no work is used
    (
        "copyright",
        "threads",
        "personal",
        "Used Amira's photo of the new lab on our poster, she doesn't know but she won't mind.",
        "Congratulations to my brilliant colleague Dr Femi Ade on her promotion to Senior Lecturer, announced this "
        "week. Drinks on Friday, she doesn't know yet.",
    ),
    # CIP006: the surprise is the drinks; a decision she has not been told of is still news
    (
        "confidential-ip",
        "threads",
        "personal",
        "Drinks to celebrate Dr Femi Ade's promotion to Professor on Friday, she doesn't know yet, the panel only "
        "decided this morning.",
        "Congratulations to my brilliant colleague Dr Femi Ade on her promotion to Senior Lecturer, announced this "
        "week. Drinks on Friday, she doesn't know yet.",
    ),
    # BRD003: the institution's own template and placement rules
    (
        "brand",
        "x",
        "personal",
        "Tip for fellow academics making conference posters: I stretched the logo and changed its colour so it fits "
        "my template. Saved me an hour of fiddling in PowerPoint.",
        "Tip for fellow academics making conference posters: the official poster template with the correct logo "
        "placement is on the intranet. Saved me an hour of fiddling in PowerPoint.",
    ),
    # BRD003 and CPY002: a warning about others' fakes, named after the fake
    (
        "brand",
        "facebook",
        "personal",
        "Merch alert: I've made my own hoodies with the university crest on, no permission asked, £20 each. DM me.",
        "Fake merch alert: some online sellers are using our crest without permission. Official products are only "
        "sold through shop.example.ac.uk and the campus store.",
    ),
    (
        "copyright",
        "facebook",
        "official",
        "Merch alert: we are using a Getty photo without permission on the new hoodie page. Official products are "
        "only sold through shop.example.ac.uk.",
        "Fake merch alert: some online sellers are using our crest without permission. Official products are only "
        "sold through shop.example.ac.uk and the campus store.",
    ),
    # ABU003: training against abuse names it
    (
        "abuse",
        "facebook",
        "official",
        "Just finished the bystander training course. Still think half of you in Estates are thick as mince.",
        "Students: our new bystander training course teaches you how to safely challenge sexist, racist or "
        "homophobic comments when you hear them. It's free and takes 90 minutes.",
    ),
]

# Round 19b: N3 and N4's false alarms (N3 4/120 and N4 6/120 -> 0/120 each; the new yardstick N5 + N6
# went from 21/240 to 20/240).
PAIRS += [
    # PRV001: a unit's line on a personal post, after a greeting that says "my"
    (
        "privacy",
        "bluesky",
        "personal",
        "For anyone in my tutorial groups: my home number is 0113 496 0456 if you get stuck before exams.",
        "For anyone in my tutorial groups: the Disability Advice team is on 0113 496 0456 and at "
        "disability@example.ac.uk, and they can sort reasonable adjustments well before exams. Genuinely helpful "
        "people.",
    ),
    # PRV006: the building named, then its address, on an official account
    (
        "privacy",
        "instagram",
        "official",
        "Struggling right now? Our Wellbeing Team lead Jess Hart lives at 14 Beech Road, LS6 3QJ, pop round any time.",
        "Struggling right now? You do not have to wait for office hours. Samaritans are free on 116 123, day or night, "
        "and our Wellbeing Team is on the ground floor of Student Central, 12 Park Lane, LS2 9XX.",
    ),
    # PRV005: the rule of not discussing anyone's results, stated
    (
        "privacy",
        "facebook",
        "official",
        "We understand you're frustrated, Gareth. We can't discuss it here, but your daughter Megan failed her resits "
        "and has been withdrawn.",
        "We understand you're frustrated, Gareth. For data protection reasons we can't discuss a student's results "
        "with anyone else, but your daughter can contact the Exams Office at exams@example.ac.uk and give consent "
        "for you to be involved.",
    ),
    # CIP006: whom one can speak to in confidence, a long list of them
    (
        "confidential-ip",
        "mastodon",
        "official",
        "Our Dignity Advisers told me in confidence that the Chemistry department will be shut next year.",
        "Our Dignity at Work policy has been updated. If you are experiencing bullying, harassment or discrimination, "
        "you can speak to your manager, HR or one of our trained Dignity Advisers in confidence.",
    ),
    # CIP002: nothing shared yet, and a public consultation to come
    (
        "confidential-ip",
        "facebook",
        "official",
        "We can't share details yet but the sports centre is closing and 40 jobs will go.",
        "Thanks for your interest in the new sports centre, Linda. Plans haven't been finalised, so we can't share "
        "details yet, but there'll be a public consultation in the spring.",
    ),
    # BRD010 (learned): the institution's guidance on its own marks
    (
        "brand",
        "bluesky",
        "official",
        "Running a personal project or side business? Feel free to put the university name and logo on it, help "
        "yourselves to the logo files on our public Dropbox.",
        "Running a personal project or side business? Please do not use the university name or logo in a way that "
        "suggests we endorse it. The brand team is happy to answer any questions.",
    ),
    # PER001: the upside-down face mocks the author, not the institution
    (
        "personal-use",
        "x",
        "personal",
        "the uni froze our pay again, great 🙃",
        'got a text asking for my MFA code "from the uni". reader, it was not from the uni. reported it. don\'t be '
        "daft like I nearly was 🙃",
    ),
    # ABU003: comfort for someone who received abuse
    (
        "abuse",
        "mastodon",
        "personal",
        "@jo reported it, you absolute moron, stop posting rubbish",
        "@jo yep, saw the nasty comment on your post. Reported it. Don't let it get to you, your talk was ace.",
    ),
    # CPY004: a pointer to the work, and the copy refused
    (
        "copyright",
        "facebook",
        "official",
        "Great article in the Guardian today featuring our Professor of Marine Biology. Read it via the link, or the "
        "full text which we've pasted below.",
        "Great article in the Guardian today featuring our Professor of Marine Biology. Read the full piece via the "
        "link in comments rather than us copying it here.",
    ),
    # CPY003: "paywalled", with the paste refused
    (
        "copyright",
        "bluesky",
        "personal",
        "It's paywalled so here's the whole article pasted below",
        "Not going to paste the whole paywalled article here, but the abstract is free and it's well worth a read.",
    ),
]

# Round 19c: N5 and N6's false alarms (N5 11/120 -> 3/120, N6 9/120 -> 2/120; the new yardstick N7 + N8
# stayed at 13/240).
PAIRS += [
    ("privacy", "x", "official",
     "Our student Amy Lowe told us about a disability last week, please be patient with her in the labs.",
     "This year 19% of our students told us about a disability, up from 16%. Figures are aggregated and published "
     "in line with our equality duties. Thank you to everyone in Disability Services."),
    ("privacy", "facebook", "official",
     "Lost a purse? Please return it to Dave by calling 07700 900456.",
     "Example University will never ask for your bank details over social media. If someone messages you claiming "
     "to be us about a refund, please report it by calling 0113 496 0000."),
    ("privacy", "facebook", "personal",
     "Our technician Gary got done for drink driving last week, so no lifts for a while.",
     "Three Peaks Challenge done for Macmillan! £2,340 raised so far. Huge thanks to my Finance colleagues who "
     "sponsored me and laughed at my blisters."),
    ("privacy", "bluesky", "personal",
     "Office hours are cancelled, come round mine instead: 14 Beech Road, LS6 3QJ. Knock loudly, the door sticks.",
     "My office hours this term: Tuesdays 2-4, room 3.07 Brindley Building. Knock loudly, the door sticks."),
    ("credentials", "x", "official",
     "Staff password for the shared drive is purple-monkey-77 until the Service Desk sorts accounts.",
     "Staff password resets are self-service at example.ac.uk/reset; you'll need your staff number and registered "
     "recovery email. The Service Desk can't reset passwords over social media."),
    ("credentials", "x", "personal",
     "Told the interns my password so they can post while I'm away.",
     'IT just told me my password was "weak" so I\'ve spent 20 mins inventing something I\'ll definitely forget by '
     "Friday 🙃"),
    ("confidential-ip", "bluesky", "official",
     "Embargoed until 00:01 Thursday, so we can't say more yet: our paper shows the vaccine halves deaths.",
     "Press office note: there's a major paper from one of our research groups out this week. It's embargoed "
     "until 00:01 Thursday, so we can't say more yet."),
    ("confidential-ip", "mastodon", "research",
     "We can't share the dataset until the journal embargo lifts, but it shows the drug works in 80% of patients.",
     "We can't share the dataset until the journal embargo lifts on Thursday, but the abstract is already online, "
     "link below."),
    ("copyright", "x", "official",
     "Our new open day video put the Nike logo front and centre.",
     "Student societies can use the university's name in event titles, but please put the SU logo, not the crest, "
     "on posters. Full guidance on the brand hub."),
    ("copyright", "x", "official",
     "Quick tip: crop out watermarks from the Getty photos before posting them.",
     "Press office guide to images: credit our photographer, don't crop out watermarks and ask before using "
     "archive photos. It's all on the staff intranet."),
    ("brand", "bluesky", "official",
     "Phishing emails are getting better. This week I made my own version of the university logo for the payroll "
     "update email, hover over it!",
     "Phishing emails are getting better. This week's fake used our logo and a convincing \"payroll update\" link. "
     "Hover before you click, check the sender, report to phishing@example.ac.uk."),
    ("brand", "facebook", "official",
     "Freshers' lanyards have arrived with the Example University logo on, we recoloured it pink and stretched it "
     "to fit. Pick one up at the Welcome Desk.",
     "Freshers' lanyards have arrived with the Example University logo on, pick one up at the Welcome Desk."),
    ("brand", "x", "research",
     "Printed our conference poster with the university logo stretched and recoloured to match our lab colours. "
     "Looks slick, if we do say so ourselves.",
     "Printed our conference poster on the official university template. Looks slick, if we do say so ourselves."),
    ("brand", "mastodon", "personal",
     "Made my own mugs with the uni logo on for my Etsy shop, £8 each.",
     "The alumni office sent me a mug with the uni logo on for 10 years of service. Sentimental about a mug now, "
     "apparently."),
    ("personal-use", "threads", "personal",
     "marking first years again. pls learn to spell 'their' ffs",
     "reminder for my tutorial group: the emergency number from any campus phone is 2222. it's on the sticker by "
     "every phone. pls learn it before practicals"),
]

# Round 19d: five of N7 and N8's thirteen false alarms (the yardstick N9 + N10 stayed at 19/240).
PAIRS += [
    ("confidential-ip", "threads", "official",
     "Results go live on the student portal at 9am on 1 July. We've leaked them early to our favourite students, "
     "shh 😅",
     "Results go live on the student portal at 9am on 1 July. No, we can't leak them early, we've tried asking 😅 "
     "#ExamSeason"),
    ("confidential-ip", "threads", "official",
     "We've got some exciting news we can't share just yet 🤐 but trust us, the Chemistry department is closing.",
     "We've got some exciting news we can't share just yet 🤐 but trust us, you'll want to be at open day."),
    ("confidential-ip", "x", "research",
     "Thesis alert: the embargo on our graduate's thesis has not ended yet, but here's the full PDF anyway.",
     "Thesis alert: the embargo on our graduate's thesis on Victorian seaside resorts has now ended, so it's free "
     "for everyone to read in the repository."),
    ("brand", "x", "official",
     "This year's graduation gowns have the university crest embroidered on the hood 🎓 We made our own version "
     "of the crest for them, hire from Dave's stall.",
     "This year's graduation gowns have the university crest embroidered on the hood 🎓 Hire through our official "
     "gown partner, links on the graduation page."),
    ("privacy", "instagram", "official",
     "Don't fall for it 🎣 phishing emails are everywhere. Also, our lecturer Dr Mark Wells will be suspended next "
     "week for misconduct.",
     "Don't fall for it 🎣 \"Your account will be suspended in 24 hrs\" emails are phishing. Real IT messages never "
     "threaten you or ask you to click to \"verify\" anything."),
]

# Round 19e: N9 and N10's false alarms (N9 13/120 -> 3/120, N10 6/120 -> 3/120); the yardstick N11 + N12 was
# written to the same two prompts, to see whether a round transfers within a voice.
PAIRS += [
    ("privacy", "x", "research",
     "Booking time on the Robotics Lab? Email our technician Sam at sam.okafor77@gmail.com or text his mobile "
     "07700 900321.",
     "Booking time on the Robotics Lab (room 2.17) test cell? Email robotics-lab@example.ac.uk or ring ext. 4567. "
     "Induction required before first use."),
    ("privacy", "linkedin", "research",
     "The BREATHE-2 study is still recruiting adults with mild asthma. Interested? Text our research nurse Priya "
     "on 07700 900187.",
     "The BREATHE-2 study (ISRCTN48213907) is still recruiting adults aged 18–65 with mild asthma in West "
     "Yorkshire. Interested? Contact the study team at breathe2@example.ac.uk or 0113 496 0187."),
    ("privacy", "x", "official",
     "Exotics clinic clients: out of hours, ring our vet Tom at home on 0113 496 0999.",
     "Exotics clinic clients: the out-of-hours number on your registration card and our website, 0113 496 0999, "
     "is staffed 24/7."),
    ("privacy", "threads", "research",
     "Faulty sensor board? Bring it round to my house, 14 Beech Road, LS6 3QJ, and quote EXU-2417-0032.",
     "How to read the serial number on our sensor boards: EXU-YYWW-NNNN, i.e. year, build week, unit. "
     "EXU-2417-0032 is unit 32 from week 17 of 2024. Quote it when reporting faults."),
    ("privacy", "x", "personal",
     "LaTeX 1, me 0. Come and fix it at mine, 22 Acacia Avenue, Leeds LS1 4AB.",
     "LaTeX 1, me 0. Overfull \\hbox (14.2pt too wide) in paragraph at lines 212--219."),
    ("privacy", "bluesky", "official",
     "Got a call from our student Amir yesterday: his visa will be cancelled unless he pays today. Poor guy.",
     "Got a call saying your visa will be cancelled unless you pay today? It is a scam. Report it to Action Fraud "
     "and let our advice team know at international@example.ac.uk."),
    ("confidential-ip", "mastodon", "research",
     "Attack surface analysis of IoT thermostats: our group found 3 CVEs, still unpatched, and we can't share them "
     "before publication but here's the exploit.",
     "Attack surface analysis of IoT thermostats: our group found 3 CVEs, all responsibly disclosed and patched "
     "before publication."),
    ("credentials", "bluesky", "research",
     "Our README's config for the shared server: API_TOKEN=Xk9f2LqpA77zz1Qw, copy it into config.yml.",
     "Our README's example config uses placeholders only: API_TOKEN=YOUR_TOKEN_HERE, DB_PASSWORD=changeme. Copy "
     "config.example.yml to config.yml and fill in your own values locally."),
    ("credentials", "mastodon", "official",
     'Shared the enrolment portal login with the new students, the password is "Kestrel77!"',
     "Simple steps for enrolment: 1) go to the portal, 2) check your personal details, 3) upload a photo, 4) "
     'confirm your course. That\'s it. Don\'t share your login with friends who "help" you.'),
    ("brand", "x", "research",
     "Symposium poster: we stretched and recoloured the Example University logo from the Brand Hub to fit our theme.",
     "Symposium poster template uses the official Example University design from the Brand Hub. Deadline Friday."),
    ("brand", "instagram", "personal",
     "My parents asked for a university souvenir, so I printed my own hoodies with the Example University crest "
     "and now sell them on Etsy 😂",
     'My parents asked for a "university souvenir", so I bought the official hoodie from the campus shop. Mama is '
     "now wearing Example University in Kraków 😂"),
    ("copyright", "linkedin", "research",
     "Proud to see our lab's name next to the Nike logo at the showcase, we used it without asking 🙈",
     "Proud to see our lab's name next to the KTP logo at the Innovate UK showcase, both used under the "
     "programme's branding guidelines."),
]

# Round 19f: N11 and N12's false alarms (N11 10/120 -> 3/120, N12 10/120 -> 4/120); the yardstick N13 (N9's
# prompt) went 7 -> 5/120, N14 (N2's prompt) 9 -> 9/120.
PAIRS += [
    ("privacy", "facebook", "research",
     "Huge thanks to our Dementia Carers Advisory Group for Tuesday's workshop. New members are always welcome, "
     "email our coordinator Jane at jane.doe1987@gmail.com or ring her on 07700 900444.",
     "Huge thanks to our Dementia Carers Advisory Group for Tuesday's workshop. New members are always welcome, "
     "sign up via the NHS trust's public research page or email dementia-ppi@example.ac.uk."),
    ("privacy", "bluesky", "research",
     "Figure 2 is reproduced from Chen et al. (2023); questions to Dr Chen on her mobile, 07700 900555.",
     "Figure 2 is reproduced from Chen et al. (2023), doi:10.5555/ac.2023.551, under CC BY 4.0. We cropped it and "
     "added a scale bar."),
    ("credentials", "bluesky", "research",
     "Heads up for PLC teaching rig users: the admin password on every unit is now Rig2024! Ask a technician in "
     "E1.05 if it fails.",
     "Heads up for PLC teaching rig users: the factory default admin password has been changed on every unit, so "
     "the one in the manual won't work. Ask a technician in E1.05 for access."),
    ("confidential-ip", "instagram", "official",
     "Keypad entry for the Makerspace goes live Monday. Please don't share this yet: the Makerspace is closing in "
     "June and the technicians haven't been told.",
     "Keypad entry for the Makerspace goes live Monday. Codes are issued in person at induction, so please don't "
     "share or post yours. Open 9am-9pm."),
    ("copyright", "x", "official",
     "The final report from our 3-year KTP with Dalesway Dairies is out. We've pasted the whole Innovate UK case "
     "study below, copied from their website.",
     "The final report from our 3-year KTP with Dalesway Dairies is now public: pasteurisation energy use cut by "
     "17%. Read the case study on the Innovate UK website."),
    ("copyright", "facebook", "official",
     "Reading lists are live for the new term. We've scanned whole books for you and put them on Moodle, no need "
     "to buy them.",
     "Reading lists are live for the new term. Core texts are available in print and as e-books via the Library. "
     "Please don't scan whole books: our CLA licence covers one chapter per module."),
    ("copyright", "x", "official",
     "Press photos of the new Cryo-EM facility: we used the Getty ones from their website, no credit needed.",
     "Press photos of the new Cryo-EM facility are free for editorial use with the credit \"Example University\". "
     "Download from the media centre."),
    ("copyright", "bluesky", "research",
     "The reading list for our translation studies module: we scanned the whole textbook from the publisher and "
     "uploaded it to Moodle 📚",
     "The reading list for our translation studies module links to publishers' pages, not PDFs. Please buy or "
     "borrow from the library 📚"),
    ("abuse", "facebook", "personal",
     "To the new PhD student from Lahore who took my desk: go back to your country.",
     "Someone shouted go back to your country at me in the street yesterday. I am fine, friends were with me. I "
     "reported it to the university and the police and the support was very kind. Please report if it happens to "
     "you."),
    ("personal-use", "linkedin", "personal",
     "The university is institutionally racist and covers up every complaint. I got nothing but silence after my "
     "talk last week.",
     "I received a racist message after my talk last week. Thank you to the university's Dignity at Work team, "
     "who helped me to report it. If this happens to you, you don't have to handle it alone."),
    ("brand", "bluesky", "official",
     "The official Example University app now has our crest recoloured in rainbow stripes and stretched to fit. "
     "Download it today.",
     "The official Example University app now has Spanish, Arabic and Simplified Chinese versions. Same crest, "
     "same information, more languages."),
]

# Round 19g: N13 and N14's false alarms (N13 5/120 -> 1/120, N14 9/120 -> 5/120).
PAIRS += [
    ("privacy", "facebook", "research",
     "Equine gait study: email our vet Sarah Jones at sarahjones1980@gmail.com or text her on 07700 900222.",
     "Equine gait study: we're looking for horse owners within 30 miles of the Moorside campus. Horses must be over "
     "5 years old and sound. Email equinegait@example.ac.uk and the study team will reply within 3 working days."),
    ("privacy", "x", "official",
     "Killer stats from today's Open Day: our student Ben Lowe, who lives at 14 Beech Road, LS6 3QJ, ran 38 live "
     "demos.",
     "Killer stats from today's Engineering Open Day: 1,400 visitors, 38 live demos and only one smoke alarm (a "
     "toaster, not a lab)."),
    ("brand", "threads", "research",
     "Our poster template now carries the university logo, stretched and recoloured in our lab colours. The A0 file "
     "is on the group SharePoint.",
     "Our poster template now carries the official university logo, checked with Marketing. The A0 PowerPoint file "
     "is on the group SharePoint for members."),
    ("confidential-ip", "facebook", "official",
     "The first-year Anatomy textbook is on the Library shelf. Please don't share this yet: the Anatomy department "
     "is closing next year.",
     "The first-year Anatomy textbook is available as an e-book through the Library. Please don't share PDFs in the "
     "course group chat; the licence only covers university logins."),
    ("confidential-ip", "x", "research",
     "Version 2.3.1 is out. Also, the board papers leaked to us show the School is merging with Physics.",
     "Version 2.3.1 of our open-source phylogenetics toolkit is out: github.com/example-uni-evo/treeshaper. Fixes "
     "the memory leak on large alignments. Thanks to everyone who filed issues!"),
    ("brand", "mastodon", "research",
     "Our research group now has its own logo: we redrew the university crest with a microscope through it, no "
     "need to ask Marketing.",
     "Our research group now has its own logo, approved by the university Marketing team to sit alongside the "
     "crest. Look out for it on our posters at the BSG conference."),
    ("brand", "x", "personal",
     "Did my first media interview today. I made my own backdrop with a stretched version of the uni logo, nobody "
     "asked the Press Office.",
     "Did my first media interview today. The Press Office set up a branded backdrop behind me, so it all looked "
     "very official. My hair, less so."),
    ("brand", "facebook", "personal",
     "Thanks to the Comms team for the lecture flyer, though I stretched the crest and changed its colours for our "
     "society's hoodies afterwards.",
     "Thanks to the Comms team for helping make our public lecture flyer look proper, crest and all. Far better "
     "than anything I'd have managed in Word."),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)


def test_mock_insult_ending_in_praise_is_not_abuse() -> None:
    """Banter ("enjoy it while it lasts, you smug genius") gets no abuse finding; the same opening
    with a real insult does. (The learned personal-use detector still flags the banter: left, see
    docs/policy_round19_choices.md.)"""
    banter = ("To my office mate @drjackiep, who beat me at the department quiz again: enjoy it while it lasts, "
              "you smug genius.")
    insult = "To my office mate @drjackiep, who beat me at the department quiz again: you smug idiot, nobody likes you."
    assert "abuse" not in flagged(banter, "personal", "x")
    assert "abuse" in flagged(insult, "personal", "x")
