"""Clean near-misses found in round 8 (issue 12), each beside the risky post its rule must still flag.

A blind set of 309 clean posts a university would publish (official contacts, IT advice, research
on divisive topics, job adverts, strike notices, press releases after their embargo, credits) got
27 risk findings before these fixes. The posts below are new phrasings of the same kinds, not the
blind set's sentences: a fix that only cleared the exact sentence would fail here. Each group pairs
the clean kind with the risky post the same rule is there for."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.evaluate import CLEAN_FAMILIES
from townhall.policy.types import Context


def _codes(text: str, account: str = "official", network: str = "x") -> set[str]:
    """Codes of the block/warn findings of a risk family (or personal-use) on the post."""
    return {
        f.code
        for f in check(text, Context(network, account))
        if f.family in CLEAN_FAMILIES and f.severity in ("block", "warn")
    }


CLEAN = [
    # PRV002: service addresses built from a word the role list lacked, an office's acronym, the shape
    # of the reader's own address
    ("official", "Problems with the website's accessibility? Write to web.access@example.ac.uk."),
    ("official", "Supplier statements go to accounts.payable@example.ac.uk, not to individual staff."),
    ("official", "Doctoral applicants: pgr.admissions@example.ac.uk answers within two working days."),
    ("official", "Letters for the Vice-Chancellor can be emailed to vc.office@example.ac.uk."),
    ("official", "Your student email address is firstname.lastname@student.example.ac.uk - check it every day."),
    ("official", "Sign in to eduroam with your full university email address (e.g. xy987@example.ac.uk)."),
    # PRV001: a service's line with its label and no colon, a service named 'Student X', a service's
    # number given as 'Security's number', and a route home that is no one's home phone
    ("official", "Parking queries? Transport Office, 0161 306 6000, transport@example.ac.uk."),
    ("official", "Room bookings 0113 343 4000 (Monday to Friday)."),
    ("official", "Worried about a friend? Student Support can help: 0117 456 7890."),
    ("official", "Walking back late? Plan your way home and save Security's number: 0117 331 1223."),
    # PRV006: a helpline's 116 number, a painting's year
    ("official", "Need to talk? Samaritans (116 123) and Childline (116 111) answer day and night, every day."),
    ("official", 'Our banner: "The Fighting Temeraire" by J. M. W. Turner, 1839, National Gallery, public domain.'),
    # PRV004: a weekday written in full with its hours
    ("personal", "My drop-in hours have moved to Thursday 10-12 this term, Room 2.17. Come along!"),
    # PRV007: a unit's name, a policy, an advertised salary, a story told with its subject, a finding
    ("official", "Dr Omar Said leads the Centre for Dementia Studies, which opens its doors to the public on Friday."),
    ("official", "International students: the Visa Advice Team runs drop-ins in the Library on Mondays."),
    ("official", "Professor Ana Ruiz explains in the FT what the new visa rules mean for universities."),
    ("official", "Lecturer in Law, permanent post, salary £46,735-£55,755. Contact Dr Ben Cole with questions."),
    ("official", "Graduate success: Kemi Ade, who is autistic, now runs her own design studio. Kemi asked us to "
                 "share her story."),
    ("official", "Tariq came to the UK as a refugee and graduates today in Medicine. He tells his story in our film."),
    ("official", "Professor Lina Park's team has developed a cheaper test for tuberculosis, published in The Lancet."),
    # CON001: sides put side by side, the institution with its own people, a service notice naming the
    # dispute, support as a service
    ("official", "Our debate series: two historians with differing views on Brexit take audience questions."),
    ("official", "We stand with our Sudanese students and staff. Hardship funds and advice are open to them."),
    ("official", "The assessment boycott may delay some marks; we will publish results as soon as we can."),
    ("official", "Our thoughts are with everyone affected by the war in Sudan. Student Support is open all week."),
    # CIP002: the embargo named as over, a press release after its embargo time
    ("official", "The embargo on our Lancet study has now lifted: here is what our trial found."),
    ("official", "EMBARGOED UNTIL 00:01 TUESDAY 9 JUNE - now live: our report on student housing costs."),
    # CIP006: a service's promise of confidence
    ("official", "Students can speak to a trained adviser in confidence about harassment or bullying."),
    # CPY003 / CPY004: a free licence named by its source; the adverb 'still'
    ("official", "Photo by Aisha Noor via Pexels (Pexels licence). Spring on the Quad."),
    ("official", "Term has ended but please still bring library books back so others can borrow them."),
    # second hunt (set A): a policy's title before its rule, a patent application filed, a credited
    # maker's notice, a finding about the people studied, a person speaking in our own channel, a project
    ("official", "Staff Password Policy: passphrases of three random words, and MFA on every account."),
    ("official", "Patent pending: the sensor has been filed with the UKIPO and is published as GB2609876."),
    ("official", "Thank you to Lee Hart Photography for the graduation pictures. All rights reserved."),
    ("official", "Dr Nia Jones's study finds that men on probation are twice as likely to be homeless after release."),
    ("official", "Sam, one of our Student Ambassadors, talks about living with epilepsy in our new podcast."),
    ("official", "Our Centre for Criminology's Domestic Abuse Research Network meets Dr Alan Pike on Friday."),
]


@pytest.mark.parametrize(("account", "text"), CLEAN)
def test_round8_clean_near_misses(account: str, text: str) -> None:
    assert not _codes(text, account), _codes(text, account)


RISKY = [
    # PRV002: a person's address is still a person's
    ("official", "Email jo.barker@example.ac.uk if you want the tickets.", "PRV002"),
    ("official", "Send the forms to jo.office@example.ac.uk by Friday.", "PRV002"),
    ("personal", "my email is first.last@gmail.com lol", "PRV002"),
    # PRV001: a named person's line, or a number given as someone's at home
    ("official", "Tickets: ring Sam Jones, 0121 496 0777.", "PRV001"),
    ("official", "Jo is working from home this week, 0121 496 0777.", "PRV001"),
    # PRV006 / PRV004: a house number that is no year, a home after 'moved to'
    ("personal", "Party at Dave's tonight, 1821 Harborne Lane, bring a bottle", "PRV006"),
    ("personal", "She moved to 14 Wednesbury Road, come round", "PRV004"),
    # PRV007: a person's health, status or pay beside them
    ("official", "Our colleague Dr Jane Fox has been diagnosed with breast cancer and is off sick.", "PRV007"),
    ("official", "Our student Jordan has cerebral palsy and a visa problem, keep it quiet.", "PRV007"),
    ("official", "Prof Lee earns £95k a year, and we're hiring.", "PRV007"),
    # CON001: a side taken
    ("official", "We stand with Ukraine. Student Support is open.", "CON001"),
    ("official", "We stand with our Ukrainian students and staff against Putin's illegal invasion.", "CON001"),
    ("official", "We fully support the marking boycott. Management must pay up.", "CON001"),
    ("official", "Solidarity with UCU colleagues on the picket line today!", "CON001"),
    ("official", "Opposing views are welcome, but the Tories must go.", "CON001"),
    # CIP002 / CIP006: an embargo broken, a confidence passed on
    ("official", "Embargoed until 00:01 Thursday: our Nature paper shows the vaccine works.", "CIP002"),
    ("official", "The embargo on our Nature paper is Thursday, but here are the results: the vaccine works.", "CIP002"),
    ("personal", "The Dean discussed it with me in confidence: Chemistry is closing next year.", "CIP006"),
    # CPY003: a picture taken from a stock site without a licence
    ("official", "Image by Marcus Lee from Getty for our campus banner", "CPY003"),
    ("official", "Our new Password Policy is online. The admin password is Tulips!2026", "CRD001"),
    ("official", "Patent pending soon! Here's the full schematic of our unpublished sensor.", "CIP001"),
    ("official", "Amazing cartoon - all rights reserved by the artist, but sharing anyway", "CPY002"),
    ("official", "Our student Tobi has dyslexia and failed his exams, keep it quiet.", "PRV005"),
    ("official", "Dr Ruth Evans, who has MS, is off sick again this week.", "PRV007"),
]


@pytest.mark.parametrize(("account", "text", "code"), RISKY)
def test_round8_risky_still_flagged(account: str, text: str, code: str) -> None:
    assert code in _codes(text, account), _codes(text, account)
