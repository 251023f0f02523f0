"""Clean near-misses on OFFICIAL accounts, issue 12 round 12: what a university's own channels post
every week in words a risk rule also reads (contact details, password advice, debates and research
on divisive topics, credited and licensed material, patents granted, embargoes lifted, welfare
signposting, obituaries, the logo's history, sport in strong words). None may get a risk finding;
academic debate in particular must stay clean."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.types import Context

RISK = {"privacy", "credentials", "confidential-ip", "contentious", "abuse", "brand", "copyright", "personal-use"}

CLEAN = [
    "Got a question about admissions? Call us on 0121 414 3344 or email admissions@exampleuni.ac.uk.",
    "Locked out? Reset your password at https://passwordreset.exampleuni.ac.uk with your student number.",
    "Reminder: IT staff will never ask for your password. Never share it by email, phone or DM.",
    "Phishing alert: an email claiming to be from IT Helpdesk asks you to confirm your login. It's fake.",
    "Fresher tip: your username is your student number followed by @student.example.ac.uk, and you set "
    "your password when you enrol.",
    "Join us on Tuesday for a debate: 'This House believes the UK should rejoin the EU.' Speakers from both sides.",
    "Lecture tonight: Dr Sami Haddad on the history of the Israeli-Palestinian conflict, 6pm. Free, booking required.",
    "The university is politically neutral and does not endorse any party or candidate.",
    "Image: 'Old Library at dusk' by Mark Ellis, CC BY 4.0, via Wikimedia Commons.",
    "Patent granted! Our engineers' low-cost water filter has been awarded a UK patent.",
    "The embargo has lifted: our study on sleep and teenage mental health is out now in The Lancet Psychiatry.",
    "Embargoed press releases are available to registered journalists through our newsroom. Sign up here.",
    "Reminder for academics: please don't share unpublished data on social media before papers are accepted. "
    "Our research integrity guidance explains why.",
    "Struggling? Our Wellbeing team is here: call 0121 414 5130, or talk to Samaritans on 116 123, any time.",
    "We're sad to share that Professor Emeritus John Hale died on 3 May at the age of 91.",
    "Throwback Thursday: our crest has changed four times since 1900. Swipe to see how it evolved.",
    "Our archivist explains why the crest was redrawn in 1962 and what each symbol means.",
    "Our women's rugby team absolutely destroyed Durham 54-3 on Wednesday. What a performance!",
    "Brutal deadline for the Dragons' Den entries this year: just 48 hours left to submit!",
    "Our students built a killer app that helps visually impaired people navigate campus.",
    "Reading list tip: the library has licensed e-book access to Prof Lang's textbook, so you don't need "
    "to buy a copy.",
    "Our Professor of Linguistics studies insults and swear words across 20 languages.",
    "Seminar: 'Grow up!' and other put-downs in workplace communication, with Dr Maya Lin.",
    "Our new study examines xenophobic abuse reported by international students since Brexit.",
    "Debate night: is the government's immigration policy fair? Speakers for and against.",
    "Please don't stretch, recolour or redraw our logo. Download the official files from the brand centre.",
    "The Wi-Fi network at Open Day is UniGuest. Ask staff at the welcome desk for today's access code.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_official_near_miss_is_clean(text: str) -> None:
    found = check(text, Context("x", "official"))
    got = [(f.code, f.family) for f in found if f.family in RISK and f.severity != "info"]
    assert not got, (text, got)
