# ruff: noqa: E501
"""Phrasings of the privacy, credentials, confidential-ip, brand and copyright families that the
rules once missed, and the clean near-misses that must stay clean (issue 12: detection that
generalises). Each case checks the rule families alone (the learned detector is switched off),
so a case passes because a rule reads the pattern, not because the model saw the sentence."""

from __future__ import annotations

import pytest

from townhall.policy import learned

from .flagging import flagged as _families


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    monkeypatch.setattr(learned, "analyse", lambda doc, cp: None)




RISKY = [
    # privacy: someone else's health, record, family life or whereabouts
    ("privacy", "personal", "the new admin in Geography is on a tag, you can literally see it under her jeans lol"),
    ("privacy", "personal", "The fella who runs the Thursday fencing club got done for GBH in 2019."),
    ("privacy", "personal", "Our new research fellow is a survivor of domestic abuse and is living at a refuge near Moseley"),
    ("privacy", "personal", "my PhD student Oyin told me she's expecting twins! Due in May"),
    ("privacy", "personal", "guy in flat 4 at Jarratt Hall is dealing. room 4C. everyone knows"),
    ("privacy", "personal", "heads up that Amelia Tran in the Year 3 cohort has Tourette's and a support plan"),
    ("privacy", "personal", "Mariana (first year, Economics) is a care leaver and estranged from her family"),
    ("privacy", "personal", "Please welcome back Sunita Rao from her stay at the Priory, she's doing much better"),
    ("privacy", "personal", "Whip round for Nkechi, her landlord kicked her out, she's at her sister's in Handsworth B21 9QS"),
    ("privacy", "personal", "guess whos on a fitness to practise referral. the nursing girl with the nose ring"),
    # credentials: codes, shared logins, secrets described
    ("credentials", "personal", "gate to the staff car park is 4471 after hours, you're welcome"),
    ("credentials", "personal", "the SPSS licence code for the dept is 8HJ2-KK91-QW77-P0LM, install it at home"),
    ("credentials", "personal", "Any student reps who need the portal, I'll just forward you my login"),
    ("credentials", "personal", "Benchling only has one seat so the five of us take turns logging in with Sophie's account"),
    ("credentials", "personal", "everyone logs in as journalclub, pw is the seminar room number followed by our founding year"),
    ("credentials", "personal", "Got a text with a 6 digit number, 551 209, is this a scam?"),
    ("credentials", "personal", "Zoom for tonight's talk: ID 812 3390 4410, passcode owlhoot"),
    ("credentials", "personal", "The guy who set up the printers left the admin panel on admin/admin."),
    ("credentials", "personal", "who wants my Netflix, Disney and Spotify logins while I'm travelling? dm me"),
    ("credentials", "official", "Open day visitors: connect to Example-Visitor and enter openday26 when it asks for the key"),
    ("credentials", "personal", "I've stayed logged into the Finance system on the PC so the temps can do the invoices"),
    # confidential-ip: not yet protected, not yet public, heard from insiders
    ("confidential-ip", "personal", "Sneak peek at the chemistry we'll be filing on in March: a manganese interlayer!"),
    ("confidential-ip", "personal", "Here's the design of our valve (CAD files attached). IP discussions are ongoing"),
    ("confidential-ip", "personal", "our Q2 numbers are down 34%, saw it on the dashboard. don't think that's gone out to staff"),
    ("confidential-ip", "personal", "My friend in Registry says 400 students got the wrong degree class, they're fixing it quietly"),
    ("confidential-ip", "personal", "Ahead of our paper coming out, here's the whole method - no need to wait for the journal!"),
    ("confidential-ip", "personal", "Staff aren't being told until after graduation but the Music department is closing."),
    ("confidential-ip", "personal", "The bids for the new catering contract have Compass at £4.1m and Sodexo at £3.8m."),
    ("confidential-ip", "personal", "A copy of the external examiner's report fell into my hands. Highlights below"),
    # brand: speaking for the institution, its name lent to business, home-made marks
    ("brand", "personal", "Hand-painted tote bags with the college coat of arms, not official, just me and my paints"),
    ("brand", "personal", "Speaking for everyone at Example University, we are disgusted by the council's decision"),
    ("brand", "personal", "As the voice of the Careers Service on here I can confirm all placements are guaranteed"),
    ("brand", "personal", "Delighted my start-up is now Example University's recommended supplier! 20% off with code UNI20"),
    ("brand", "personal", "As someone who basically speaks for the uni on this: the campus will be open."),
    ("brand", "personal", "Selling \"Property of Example University Athletics\" joggers I printed myself, £20"),
    ("brand", "personal", "Message me for your accommodation allocation, I work in Residences and can get you a room early"),
    ("brand", "personal", "the uni wants you to buy your bedding from DormCo (use code EXUNI10) - trust me, I work here"),
    # copyright: someone else's work reused
    ("copyright", "official", "Throwback to graduation 2019 (photos pulled from the parents' Facebook group, thanks all!)"),
    ("copyright", "official", "Lovely pic by @mattphoto of our graduation, reposted without his watermark so it's cleaner"),
    ("copyright", "official", "We've added the Harry Potter theme music to our library induction video. Magic!"),
    ("copyright", "personal", "Our book club zine reproduces three short stories by Ali Smith in full."),
    ("copyright", "personal", "A nice explainer from Kurzgesagt that I downloaded and edited into my lecture recording"),
    ("copyright", "official", "Happy Valentine's! (cute illustration from an Etsy artist we love)"),
    ("copyright", "official", "This meme has been doing the rounds so we made it our own (original creator unknown)"),
    # a second round, each a different wording of the same kinds of risk
    ("privacy", "personal", "Omar's son has been admitted to Birmingham Children's with meningitis so he'll be off"),
    ("credentials", "personal", "The cage for the chem store opens with 6-6-1-0, someone left it unlocked again"),
    ("credentials", "personal", "the server room keypad defaulted to 0000 after the power cut and nobody changed it back"),
    ("credentials", "personal", "it's licensed to the uni but I'll just give you the account, pm me for the pw"),
    ("confidential-ip", "personal", "Got a preview of the NSS results today via the planning office. Our course dropped 20 points."),
    ("confidential-ip", "personal", "Someone left the shortlisting spreadsheet open on the print room PC. 4 candidates, 2 internal"),
    ("confidential-ip", "personal", "The questions for Thursday's Organic Chemistry exam focus almost entirely on stereochemistry."),
    ("confidential-ip", "personal", "the rebrand is going to cost £1.2m and the logo is purple. Comms are launching it in September"),
    ("confidential-ip", "personal", "We made the enzyme 40x more active. Going to write up properly once the uni sorts IP."),
    ("confidential-ip", "personal", "I refereed a PhD thesis from Oxford last week and it's a rehash of my 2019 paper."),
    ("brand", "personal", "Example University x my candle business collab launching this Friday!"),
    ("brand", "personal", "I speak on behalf of the whole Computer Science department when I say the new VLE is rubbish"),
    ("brand", "personal", "Official Example University advice from me to all applicants: don't bother with the foundation year"),
    ("brand", "personal", "I've been telling local businesses I'm the university's sustainability partner so they'll stock my cups"),
    ("brand", "personal", "Selling knock-off uni scarves on Vinted with the crest, identical to the SU shop ones but half the price"),
    ("brand", "personal", "our department's instagram is now @exampleuni_physics_real because the comms team took too long"),
    ("brand", "personal", "Use my referral code EXUNI-STAFF at Gym Plus for 30% off - Example University staff recommended"),
    ("copyright", "official", "Rainy day on campus (pic: reddit user u/brumsnaps, hope that's ok!)"),
    ("copyright", "official", "Exam season mood 😅 this Bluey clip says it all"),
    ("copyright", "official", "Delighted to share this Times article about our vet school (pasted below so you don't need to log in)"),
    ("copyright", "personal", "edited the Wallace and Gromit \"cracking toast\" clip into our lab safety induction video"),
    ("copyright", "personal", "My seminar handout is basically 6 pages photocopied from Sapiens."),
]

CLEAN = [
    ("official", "If your visa is refused or curtailed, talk to our International Student Advice team first."),
    ("official", "The Student Hub is at 25 Aston Street, Birmingham B4 7ET. Email hub@example.ac.uk."),
    ("official", "Our Disability Service supports students with ADHD, autism and mental health conditions."),
    ("personal", "my office hours moved to thurs 2-4, room 2.17. email is on the module page"),
    ("personal", "The cost of living is biting. If you can, donate to the students' union food bank, link below."),
    ("official", "Staff can now sign in to the VPN with their university account and the Authenticator app. Step-by-step guide online."),
    ("official", "Bring photo ID for password resets in person."),
    ("official", "If you've accidentally posted a password online, change it straight away and tell the IT Service Desk."),
    ("personal", "Thrilled that our spinout just filed its first patent. Can't share the details yet, but watch this space."),
    ("personal", "Heard in the staff room today: someone's brought in homemade samosas and they're already gone."),
    ("personal", "Off the record, the best coffee on campus is in the Engineering basement."),
    ("personal", "The estates team fixed the leak in our lab within a day of me reporting it."),
    ("personal", "Our society's new logo is a lightbulb I drew myself - no university crest involved, the SU checked!"),
    ("official", "The comms team has updated the University crest on the website header as part of the brand refresh."),
    ("personal", "I can't promise anything on behalf of the university, but admissions can tell you what's possible."),
    ("personal", "I'm not speaking for the university here, just pointing you to the official clearing page."),
    ("personal", "I can officially say I passed my driving test!"),
    ("official", "Here's how to spot an official Example University account: a listing on our social directory."),
    ("official", "Licensed images from Getty Images illustrate our new prospectus; credits are on the inside cover."),
    ("personal", "Anyone else find the new staff portal confusing? Probably just me, I still print my emails"),
    ("official", "Our official Mastodon account is @exampleuni@mastodon.ac.uk - beware of imitation accounts."),
    ("official", "The Senate papers for Wednesday's open session are now on the governance website."),
    ("personal", "got a 2:1 in my dissertation!!! cannot believe it, thank you to my amazing supervisor"),
    ("official", "Our Occupational Health service provides confidential support to all staff. Self-refer via the HR portal."),
    ("personal", "Our netball club got the go-ahead from the Sports Office for the crest on our new dresses"),
    ("official", "Our open day playlist is licensed through PRS for Music. Tell us your favourite track!"),
    ("personal", "Our research group server is members-only to protect participants' data, so please ask me for access."),
    ("personal", "invigilating today, the students were amazing, total silence for three hours"),
    ("personal", "Anyone else get the university's email about the new logo? Thoughts on the colours?"),
    ("official", "Our graduation video soundtrack was composed by Music student Tomás Ruiz. Credits in the description."),
    ("personal", "Our research on door-entry PINs found 11% of people use 1234. Paper out now."),
    ("official", "Societies: please don't share committee logins. Ask the SU to add each officer to your page instead."),
]


@pytest.mark.parametrize("family,account,text", RISKY)
def test_risky_phrasing_is_read(family: str, account: str, text: str) -> None:
    assert family in _families(text, account)


@pytest.mark.parametrize("account,text", CLEAN)
def test_clean_near_miss_stays_clean(account: str, text: str) -> None:
    got = _families(text, account) & {"privacy", "credentials", "confidential-ip", "brand", "copyright"}
    assert not got, got
