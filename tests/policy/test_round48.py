"""Round 48 (issue 12, 2026-12-06): a fresh set of 640 posts by a helper who had seen neither the rules
nor our cases (480 clean near-misses, 20 risky posts per family), split once by seed into a tuning part
(384 posts) and a yardstick part (256) that was not read. Each fix below came from the tuning part's
false alarms or misses and is general: dates and event hours read as a street address, reference
numbers read as phones, Welsh "call", a suspended *account*, a bus
*pass*, the PAPYRUS charity, an event's title after "panel on", a day's newspaper, endorsing a
party, a "diversity hire" called out, a refusal broken at once ("can't tell anyone so naturally I'm
telling"), a signature cropped off, "no need to buy the licence", a named person carried off by
paramedics, and retaliation promised to a complainant. Each has a twin, close in wording, on the
other side of the line (``docs/policy.md``, round 48)."""

from __future__ import annotations

from .flagging import flagged, twin_tests

# (family, network, account, risky twin, clean post)
PAIRS = [
    # PRV006: "13 Nov, 5–8pm" gave the tagger "Nov, 5"; a date's month, not a street
    (
        "privacy",
        "facebook",
        "official",
        "Farewell drinks for Jo, our porter, on Wed 13 Nov, 8pm at her flat, 14 Acacia Avenue, Leeds LS6 2AB.",
        "Postgraduate Open Evening: Wed 13 Nov, 5–8pm, The Edge Sports Centre, Willow Terrace Road, LS2 9JT.",
    ),
    # PRV006: hours before the place ("11–3, Sports Centre, ...") are when, the rest is the venue
    (
        "privacy",
        "x",
        "official",
        "Leaving do for Sam on Tue 15 Oct, 7-11, at his house, 22 Oak Street, Leeds LS6 1AB.",
        "Careers Fair! 80 employers, free CV checks. Tue 15 Oct, 11–3, Sports Centre, Willow Terrace Road LS2 9JT.",
    ),
    # PRV001: Welsh "call" before an official line
    (
        "privacy",
        "bluesky",
        "official",
        "Sian's mobile is 07700 900 123 if anyone needs her this week, she's at home.",
        "Applications for our Welsh-medium BA programmes close on 31 January. Ffoniwch 01970 622 000.",
    ),
    # PRV001: a number labelled as a receipt, an order or a serial number is nobody's phone
    (
        "privacy",
        "x",
        "personal",
        "The cafe manager said to text her personal mobile, 07700 900 981, if the card machine is down again.",
        "Receipt no. 0023-4412-9981 from the campus cafe: the most expensive flat white of my life.",
    ),
    # PRV005: an account suspended is nobody's disciplinary matter
    (
        "privacy",
        "facebook",
        "official",
        "Dr Patel will be suspended from Monday while the misconduct investigation runs.",
        "Phishing alert ⚠️ We've had reports of emails claiming your account will be suspended unless you "
        '"verify" your password. IT Services will never ask for your password. Report suspicious mail to '
        "phishing@example.ac.uk",
    ),
    # CRD006: a bus pass is a ticket, not a password
    (
        "credentials",
        "x",
        "personal",
        "Shared drive pass: Tr4m-Line-2025 if anyone needs in over the weekend.",
        "Staff can now buy an annual bus pass through salary sacrifice. Scheme ref SS-BUS-2025. Details on the "
        "HR intranet.",
    ),
    # BRD009: PAPYRUS UK, the suicide-prevention charity, is not the font
    (
        "brand",
        "x",
        "official",
        "Made the open day posters in Papyrus instead of the brand font, it looks more fun.",
        'Tues 12–1: "Talking about suicide safely" workshop for student societies, run by our Wellbeing team '
        "with Papyrus UK. Book: example.ac.uk/wellbeing",
    ),
    # CON001: a stance word inside an event's quoted title ("our panel on "...""), not the institution's side
    (
        "contentious",
        "x",
        "official",
        "We condemn the new hate speech law: it must be scrapped. Join our protest on Thursday.",
        'Our panel on "Hate speech law after the Online Safety Act" includes a barrister, a free speech '
        "campaigner and an anti-racism charity. Expect disagreement! Thursday 5pm, LT 12.",
    ),
    # CON001: endorsing a party is a side taken
    (
        "contentious",
        "bluesky",
        "official",
        "Proud to announce the Philosophy department has voted to endorse the Green Party in the local elections.",
        "Our Politics society hosts a hustings with candidates from every party standing in the local elections.",
    ),
    # CPY004: a day owns nothing ("Tuesday's newspaper piece" is when it ran)
    (
        "copyright",
        "x",
        "personal",
        "Used Hannah's newspaper piece in full on our blog, hope she doesn't mind.",
        "Not a fan of Tuesday's newspaper piece on university fees: it used 2019 data to argue about 2024.",
    ),
    # CPY004: the maker's signature cropped off
    (
        "copyright",
        "x",
        "personal",
        "Reposting @inkyfox's cartoon about marking season, cropped her signature off so it fits the slide.",
        "Reposting @inkyfox's cartoon about marking season, with her permission and her signature on it.",
    ),
    # CPY: a paid work passed round, "no need to buy the licence"
    (
        "copyright",
        "x",
        "personal",
        "Here's the complete case study PDF from my MBA, share freely with your students, no need to buy the licence.",
        "The library holds a licence for the case study, so students can read it there for free.",
    ),
    # ABU002: called a token appointment in a fragment of its own
    (
        "abuse",
        "linkedin",
        "personal",
        "Respectfully, Dr Okafor, people like you are the reason academia is dying. Talentless diversity hire.",
        "Our seminar asks why the phrase diversity hire is used to undermine colleagues, and what to do about it.",
    ),
    # ABU004: retaliation promised to someone who complained
    (
        "abuse",
        "x",
        "personal",
        "To the PhD student who reported me to HR: good luck finding a supervisor after this. I have a long "
        "memory and a lot of friends.",
        "Good luck to everyone finding a supervisor this term: the matching event is on Friday in the foyer.",
    ),
    # CIP006: a refusal said, then broken at once
    (
        "confidential-ip",
        "x",
        "personal",
        "The battery chemistry we're spinning out hits 480 Wh/kg. NDA says I can't tell anyone so naturally I'm "
        "telling twitter.",
        "Our spin-out's battery paper is published today in Joule: 480 Wh/kg, open access, link below.",
    ),
    # PRV: a named person carried off by paramedics
    (
        "privacy",
        "instagram",
        "official",
        "Thanks to our Freshers' Ball volunteers! Pic includes Amy Roberts, who had to be stretchered out by "
        "paramedics at 1am, get well soon Amy.",
        "Thanks to our Freshers' Ball volunteers and to the St John Ambulance paramedics who looked after everyone.",
    ),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)


def test_an_official_posts_hours_and_venue_are_no_address() -> None:
    # the span left after the hours is a named building on a campus street, on an official account
    post = "Law School debate night. Speakers from both sides, audience vote at the end. 22 Feb, 7pm, Moot Court."
    assert "privacy" not in flagged(post, "official", "x")
