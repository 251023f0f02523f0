"""Round 21 (issue 12): P5-P7, written by helpers who had seen no rules and measured as round 20's last
yardstick, became the tuning sets; Q1-Q3, written blind before any change, are the yardstick
(``docs/policy_round21_choices.md``). Each risky post below is a kind of P5/P6 miss, in other words;
its clean twin, close in wording, is what the fix must leave alone."""

from __future__ import annotations

from townhall.policy import Context, check

from .flagging import twin_tests

# (family, network, account, risky post, clean twin)
PAIRS = [
    # A research account campaigns when it shames the other side ...
    ("contentious", "bluesky", "research",
     "Our border studies group has looked at the Rwanda scheme for two years: it was cruel, and every minister "
     "who defended it should be ashamed.",
     "Our border studies group has looked at the Rwanda scheme for two years: 312 people relocated, at a cost "
     "of £700m. Report out today."),
    ("contentious", "mastodon", "research",
     "Twenty years of US firearms data point one way: the gun lobby has blood on its hands.",
     "Twenty years of US firearms data, now open: what gun control laws changed, state by state."),
    ("contentious", "x", "research",
     "The climate activists jailed this week are right, and history will be on their side.",
     "The climate activists jailed this week: what the Public Order Act says, in our explainer."),
    # ... tells legislators what to do with a vote ...
    ("contentious", "threads", "research",
     "Our palliative care unit has the evidence on assisted dying. MPs must stop stalling and vote it through.",
     "Our palliative care unit has the evidence on assisted dying. MPs vote on Friday; our briefing sets out "
     "both sides."),
    # ... or the group itself declares its side on the topic
    ("contentious", "x", "research",
     "Our reproductive health project proudly stands with the campaign for abortion access in Northern Ireland.",
     "Our reproductive health project stands with the women in our study: their accounts of abortion access in "
     "Northern Ireland are published today."),
    ("contentious", "mastodon", "research",
     "The Centre for Migration Studies backs the refugees who crossed last night, and so should you.",
     "The Centre for Migration Studies supports the findings of today's inquiry into asylum seekers' housing."),
    # Official accounts: a devolved parliament and its parties are politics; a verdict on a voter
    ("contentious", "x", "official",
     "Free bus travel for under-22s is the best thing Holyrood has done in years. Anyone still moaning can walk.",
     "Holyrood's education committee visits our campus on Tuesday to hear from students."),
    ("contentious", "bluesky", "official",
     "Honestly anyone still voting Reform needs their head examined.",
     "How do people decide whether to vote Reform? Our politics society hosts a panel on Tuesday."),
    ("contentious", "mastodon", "official",
     "Polls open at 7. Our advice for the undecided: anyone but the Tories 😉",
     "Polls open at 7. Our advice for the undecided: read every manifesto, then decide."),
    # ABU002: a group by origin held to a stereotype of cheating, thieving or squalor
    ("abuse", "x", "personal",
     "@mo_admin the Romanian lads on the night shift just nick whatever isn't nailed down, you know it",
     "@mo_admin the Romanian lads on the night shift just fixed the boiler, absolute heroes"),
    ("abuse", "bluesky", "personal",
     "School visit done. The estate kids were... something. Hide your phones next time lol",
     "School visit done. The estate kids were brilliant. Bring more phones for photos next time lol"),
    ("abuse", "threads", "personal",
     "Not being sexist, but why do the women in our lab always need the centrifuge explained twice?",
     "Not being funny, but why does our lab always need the centrifuge manual explained twice?"),
    # ABU002: the reader talked down to in a reply; a verdict on a whole team; a third person called thick
    ("abuse", "x", "official",
     "@sam_q_writes darling, maybe leave the statistics to the grown-ups",
     "@sam_q_writes great question, we'll pass it to the statistics team"),
    ("abuse", "bluesky", "official",
     "@parent_of_3 if a login page defeats you, university might be a stretch 🙃",
     "@parent_of_3 if a login page defeats you, ring us on the number below and we'll help 🙂"),
    ("abuse", "linkedin", "personal",
     "Two months for a desk move. Clueless, the whole lot of them.",
     "Two months for a desk move, but the team were short-staffed the whole time."),
    ("abuse", "x", "personal",
     "@gran_of_four if your grandson failed that's on him being lazy, not us",
     "@gran_of_four if your grandson's unwell he can apply for mitigating circumstances"),
    ("abuse", "x", "personal",
     "Stick to what you're good at, Brightwater, which is nothing 😂",
     "Stick to what you're good at, Brightwater: rowing. Congratulations on the regatta 😂"),
    ("abuse", "instagram", "personal",
     "When a mature student asks where the 'on' button is 🙄 #OkBoomer",
     "When a mature student asks where the 'on' button is, show them: everyone starts somewhere 🙂"),
    # ABU004: a threat to find where someone lives; ABU002: a third person sneered at for a smell
    ("abuse", "bluesky", "personal",
     "@anon_troll_88 keep it up and I'll find out where you live.",
     "@anon_troll_88 keep it up and I'll find out who moderates this forum."),
    ("abuse", "threads", "personal",
     "The PhD student who smells of old socks is back in our office. Pray for us.",
     "The sourdough starter that smells of old socks is back in our office fridge. Pray for us."),
    # CIP006: the announcement held back, "nothing announced yet", formal news still to come
    ("confidential-ip", "mastodon", "personal",
     "@kerry_t yes, Music and Drama become one department in September. Senate agreed it Weds, they're holding "
     "the announcement until after graduation",
     "@kerry_t yes, Music and Drama become one department in September. Senate agreed it Weds and the "
     "announcement went out this morning"),
    ("confidential-ip", "bluesky", "personal",
     "anyone else heard the restructure number? 60 posts in the faculty, so I'm told. nothing announced yet obvs",
     "anyone else going to the restructure Q&A? the faculty has published the proposals on the intranet"),
    ("confidential-ip", "x", "official",
     "@MayorOffice thank you! The new Riverside campus has been approved, formal news in June 🤫",
     "@MayorOffice thank you! The new Riverside campus was approved last week: the press release is on our site."),
    # CIP006: a decision told before the staff it concerns are consulted, or after only the heads were told
    ("confidential-ip", "linkedin", "official",
     "Update for partners: Council agreed this week to close our Ashby outreach centre next summer. Formal staff "
     "consultation starts next month.",
     "Update for partners: our Ashby outreach centre is open all summer. Public consultation on the new timetable "
     "opens next month."),
    ("confidential-ip", "threads", "personal",
     "@jo_lib don't plan anything in the Annexe for next year, it's shutting. They told the heads this morning.",
     "@jo_lib don't plan anything in the Annexe for next week, it's shut for painting. They told us on Friday."),
    # CIP006: "can't say who" where the post names the matter; outcome letters still to go out
    ("confidential-ip", "threads", "personal",
     "Dean shortlist is down to three and one's an internal candidate 👀 can't say who, you'll never guess",
     "Dean interviews are next week 👀 can't say who is on the panel yet, but students will meet the candidates"),
    ("confidential-ip", "x", "personal",
     "@dr_ames gutted for you too, the panel cut the call budget by half apparently. letters go out Thursday",
     "@dr_ames good luck with yours too! the panel met this week and letters go out Thursday, fingers crossed"),
    # CIP006: interim trial results, a result before review, a draft abstract still with the journal
    ("confidential-ip", "mastodon", "research",
     "Interim results are in and they're stunning: 48% remission in the treatment arm. Paper a long way off yet.",
     "Our trial is recruiting its last 40 patients. Interim results are expected next spring and will be "
     "published in full."),
    ("confidential-ip", "x", "research",
     "Can't say much until the paper's through review, but the new alloy just survived 3x the load of steel 🤯",
     "Can't say much until the paper's through review, so for now here's a photo of the team 🙂"),
    # CIP001: the patent still to be filed
    ("confidential-ip", "bluesky", "research",
     "The prototype works! Our TTO is filing the patent next month, so here's a quick thread on how the valve "
     "does it 🧵",
     "The prototype works! Our patent was granted last month, so here's a quick thread on how the valve does it 🧵"),
    # CRD006: a door code beside a study room; a keypad's code straight after it; a dial code; a texted sign-in code
    ("credentials", "x", "personal",
     "@ana_pgr quiet study room on level 2, code's 6620# if you need it tonight",
     "@ana_pgr quiet study room on level 2, bookable on the library app if you need it tonight"),
    ("credentials", "x", "official",
     "@HighfieldAcademy for the twilight session use the staff entrance, keypad 3917, then first floor 👋",
     "@HighfieldAcademy for the twilight session use the staff entrance, reception will buzz you in 👋"),
    ("credentials", "x", "personal",
     "@sam_su the cage padlock is 7-1-4 now, the old one got cut off",
     "@sam_su the cage padlock is in the key safe now, the old one got cut off"),
    ("credentials", "bluesky", "personal",
     "@it_helpdesk_jo the code it texted me was 552 019, can you see if it's stuck on your side?",
     "@it_helpdesk_jo the code it texted me has expired, can you see if it's stuck on your side?"),
    # CRD006: a network's key given "with"; a login on a sticky note in the photo; a private meeting's passcode
    ("credentials", "bluesky", "personal",
     "@visiting_prof eduroam won't take your login, so use LabGuest with the key Spring2025! for today",
     "@visiting_prof eduroam won't take your login, so ask at reception for a guest voucher for today"),
    ("credentials", "linkedin", "personal",
     "First day at the new desk 🎉 there's a post-it on the screen with the booking system password on it, handy!",
     "First day at the new desk 🎉 there's a post-it on the screen with the helpdesk number on it, handy!"),
    ("credentials", "x", "research",
     "Lab meeting on Zoom at 3: Meeting ID 845 2210 3391, passcode Kestrel. Lab members only please",
     "Public lecture on Zoom at 3: Meeting ID 845 2210 3391, passcode Kestrel. All welcome, please share"),
    # PER005: a private trade run from a service desk, between calls, on a unit's account or newsletter
    ("personal-use", "mastodon", "personal",
     "doing my Airbnb cleaning rota from the reception desk between visitors 🏠 multitasking",
     "doing my Airbnb cleaning rota on my lunch break at home 🏠 multitasking"),
    ("personal-use", "x", "personal",
     "@dan_p need your accounts done? I do bookkeeping on the side, can do it from my desk here in work 😉",
     "@dan_p need your accounts done? I do bookkeeping on the side, evenings and weekends only 😉"),
    ("personal-use", "threads", "personal",
     "using the school events account to flog my brother's raffle tickets, nobody checks it at weekends 😅",
     "using the school events account to share the open day programme, as agreed with comms 😊"),
    ("personal-use", "linkedin", "personal",
     "Shameless plug: my dog-walking business is in this week's Dept of Chemistry newsletter 🐕",
     "Shameless plug: my dog-walking business has a new website, link in bio 🐕"),
    # PER007: a unit's vote given for it; the institution said to back one's candidacy; a service's final answer
    ("personal-use", "bluesky", "personal",
     "Vote Labour on Thursday 🌹 from all of us in the Careers Service at Ashby",
     "Vote in the SU elections on Thursday 🌹 from all of us in the Careers Service at Ashby"),
    ("personal-use", "linkedin", "personal",
     "Thrilled that Ashby University is backing my campaign for the county council 🗳️",
     "Thrilled that Ashby University is hosting the county council hustings 🗳️"),
    ("personal-use", "mastodon", "personal",
     "@tasha_m the Registry answer to that is no, we're not reopening enrolment. end of.",
     "@tasha_m the Registry page says enrolment is closed; they can tell you more."),
    ("personal-use", "x", "personal",
     "@bbcnews your story is wrong. We at Kingsmere did not close the midwifery course.",
     "@bbcnews your story says Kingsmere closed the midwifery course; I hope the university corrects it."),
    # BRD003: the logo borrowed from work; the crest on one's own van; the banner behind one's promo shots;
    # crested hoodies sold privately; a free-mail address in the institution's name
    ("brand", "x", "personal",
     "My tutoring business has a website at last 🚀 borrowed the logo from work for the header for now",
     "My tutoring business has a website at last 🚀 designed the logo myself for the header for now"),
    ("brand", "instagram", "personal",
     "Had the uni crest on my own car door done by the same signwriter, looks very official 😂",
     "Had my own car door signwritten by the same signwriter as the uni fleet, looks very smart 😂"),
    ("brand", "facebook", "personal",
     "Portrait sessions booking now 📸 I shot the promo pics with the university banner in the background of my "
     "promo shots so it looks proper",
     "Portrait sessions booking now 📸 I shot the promo pics in my own studio so it looks proper"),
    ("brand", "linkedin", "personal",
     "Got some mugs made with the Ashby crest on them, £8 each, message me 😊",
     "Got some mugs from the Ashby campus shop with the crest on them, lovely gift 😊"),
    ("brand", "x", "personal",
     "@parent_q just email ashby.uni.admissions@gmail.com, faster than the official inbox",
     "@parent_q just email admissions@ashby.ac.uk, they're faster than you'd think"),
    # CPY003: a broadcast screen-recorded and posted; a whole programme put up; a whole poem typed up; a chart
    # as a free download; a syndicated strip in every issue; a famous artwork as a logo; "for education"
    ("copyright", "x", "personal",
     "@jules_t we screen-record the Question Time segment with our prof and post it, everyone does",
     "@jules_t we link to the Question Time segment with our prof on iPlayer, everyone does"),
    ("copyright", "x", "personal",
     "Taped Blue Planet II ep 4 and stuck the whole thing on Moodle for the marine biology students 🐋",
     "Put a link to Blue Planet II ep 4 on Moodle for the marine biology students, it's on iPlayer 🐋"),
    ("copyright", "bluesky", "official",
     "Poem of the Week: the whole of Duffy's Valentine, typed up by our library team 💌",
     "Poem of the Week: Duffy's Valentine, with a link to the Poetry Foundation's page 💌"),
    ("copyright", "facebook", "official",
     "Freshers' playlist: we've put the UK top 40 up as a free mp3 download 🎶",
     "Freshers' playlist: our Spotify playlist of the UK top 40 is live 🎶"),
    ("copyright", "x", "official",
     "Every issue of our staff bulletin now ends with a Garfield strip, because Mondays 😂",
     "Every issue of our staff bulletin now ends with a cartoon by our own student illustrator, because Mondays 😂"),
    ("copyright", "mastodon", "research",
     "Our new project logo is Hokusai's Great Wave with our acronym on the crest 🌊",
     "Our new project logo is a wave drawn for us by our designer, with our acronym on the crest 🌊"),
    ("copyright", "x", "official",
     "Route to the field station below, screenshot from the Ordnance Survey app. It's for education!",
     "Route to the field station below, drawn by our technician on an OpenStreetMap base (ODbL)."),
    # False alarms removed (P5-P7), each beside the risky post it must not clear:
    # PER001: one's own return to work after illness, told with thanks; criticism raised through the proper channels
    ("personal-use", "x", "personal",
     "Back at work today and nothing has changed: the university still can't run a timetable. Pathetic.",
     "Back at work today after three months off for surgery. Thank you all for the cards and the terrible jokes 💗"),
    ("personal-use", "linkedin", "personal",
     "The new promotions criteria are a joke and the university knows it. Shambles.",
     "The new promotions criteria aren't perfect, and I said so in the staff consultation. Credit to the working "
     "group for publishing the revised version today."),
    # PRV010: consent told on a personal post that tells nothing sensitive ("shared with her blessing")
    ("privacy", "x", "personal",
     "Massive congrats to Hannah Okafor, our first Sports Scholar to graduate, after the eating disorder that kept "
     "her out of the team all of second year",
     "Shared with her blessing: massive congrats to Hannah Okafor, our first Sports Scholar to graduate with a "
     "First and a county cap in the same summer 🏑"),
    # PRV002: an office's own short address after its name and number, on a personal account too
    ("privacy", "threads", "personal",
     "@tomhdz just email Jo directly on jo.kerr1988@gmail.com, she's faster than the office",
     "@tomhdz the Careers Office is on 028 9097 0000 or cso@example.ac.uk, they're faster on email"),
    # PRV002: the addressee's private address put in a reply
    ("privacy", "x", "personal",
     "@jmcallister_phd your uni inbox is locked so I've sent it to your personal one (jamie.mcallister88@gmail.com)",
     "@jmcallister_phd your uni inbox is locked so I've asked IT to send the reset to your phone"),
    # CRD001/CRD006: a file's name and a failed guess are not the secret
    ("credentials", "x", "personal",
     "the shared drive password is \"Kestrel2024!\" if anyone needs it",
     "a password manager is not a file called \"passwords.xlsx\" on your desktop, first years"),
    ("credentials", "x", "personal",
     "my laptop password is \"Bramble77\" if you need to get in while I'm away",
     "a room of Year 12s tried to guess my laptop password. Every one tried \"password\" first. None got it."),
    # CPY004: watching the piece on the broadcaster's own service is a pointer, not a copy
    ("copyright", "linkedin", "official",
     "Thanks to ITV for featuring our lab! We've downloaded the full piece from ITVX and uploaded it here.",
     "Thanks to ITV for featuring our lab! You can watch the full piece on ITVX."),
    # ABU002: a person dismissed as a class slur or a spent force
    ("abuse", "x", "personal",
     "sat next to an absolute chav on the train in, couldn't hear myself think",
     "sat next to an absolute legend on the train in, couldn't stop laughing"),
    ("abuse", "bluesky", "research",
     "Our rejection came from some washed-up old hack who clearly skimmed it",
     "Our rejection came from a reviewer who clearly read it closely; fair points"),
    # PRV005: a reply telling its addressee their own mark; a penalty named beside the students it fell on
    ("privacy", "x", "official",
     "@aoife_k Hi Aoife, the exams office has checked and your LAW2041 resit came back at 34, so you'll need the "
     "August sitting.",
     "@aoife_k Hi Aoife, the exams office has checked: resit results are on your student portal from Friday."),
    ("privacy", "bluesky", "official",
     "A reminder that plagiarism has consequences: Megan and Tariq (HIS210) have had their coursework marks capped "
     "at 40.",
     "A reminder that plagiarism has consequences: work found to be plagiarised can have its mark capped at 40."),
    # PRV007: an age with the day it falls; PRV009: people's details legible in the picture
    ("privacy", "threads", "personal",
     "@sal_hr the new lad in Estates, Connor, turning 30 on 14 June, so cake in the kitchen 🎂",
     "@sal_hr the Estates team turns 30 on 14 June (founded 1996!), so cake in the kitchen 🎂"),
    ("privacy", "instagram", "official",
     "Freshers' fair madness 😅 swipe for pics (ignore the sign-in sheet on the table, it has everyone's names and "
     "mobile numbers on)",
     "Freshers' fair madness 😅 swipe for pics (sign-in sheets went straight into the locked cabinet, as always)"),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)


def test_research_account_campaigning_keeps_its_severity() -> None:
    """Academic freedom relaxes a research account's stance on a topic, not a shaming of the other side."""
    text = "Our migration data is clear: the Rwanda scheme was cruel, and every MP who voted for it should be ashamed."
    found = [f for f in check(text, Context("bluesky", "research")) if f.code == "CON001"]
    assert found and found[0].severity == "block"
    assert "academic freedom does not cover this" in found[0].message
    finding = "Our migration data is clear: the Rwanda scheme relocated 312 people at a cost of £700m."
    assert all(f.severity == "info" for f in check(finding, Context("bluesky", "research")) if f.code == "CON001")


def test_stereotype_studied_is_not_a_put_down() -> None:
    """A seminar on the stereotype names it; the put-down is the stereotype said as true."""
    text = "Seminar: the stereotype that the Chinese cohort just copy each other's essays, and where it comes from."
    assert not any(f.family == "abuse" and f.severity != "info" for f in check(text, Context("x", "official")))


def test_consent_told_clears_the_rules_not_the_learned_reading_of_health() -> None:
    """PRV007 reads "she insisted I mention her" as consent; the learned PRV010 still reads a health detail on
    a personal post, consent claimed or not (nobody vets a personal post: test_learned_status.py)."""
    told = "Running the 10k for Diabetes UK. My mum was diagnosed last year and she insisted I mention her, so hi Mum"
    codes = {f.code for f in check(told, Context("x", "personal")) if f.severity != "info"}
    assert not codes & {"PRV005", "PRV007"}
    untold = "Running the 10k for Diabetes UK. My colleague Priya in Finance was diagnosed last year, don't tell her"
    assert {f.code for f in check(untold, Context("x", "personal"))} & {"PRV005", "PRV007"}


def test_hashtag_of_password_list_words_is_split_into_words() -> None:
    """words.txt leaves out words zxcvbn lists as passwords ("welcome", "summer"); segmentation knows them,
    so the fix names the right words (it once said "#RefugeeSwelcoMe")."""
    found = [f for f in check("Proud of our students #refugeeswelcome #summerschool", Context("x", "official"))
             if f.code == "ACC002"]
    assert {f.fix for f in found} == {"Write #RefugeesWelcome.", "Write #SummerSchool."}


def test_a_password_list_word_is_still_a_weak_password() -> None:
    """The segmentation words are not the credential rules' dictionary: a bare common word given as the
    Wi-Fi password is still told."""
    assert "credentials" in {f.family for f in check("wifi password is Welcome1 for the day", Context("x", "personal"))
                             if f.severity in ("warn", "block")}
