"""Detection round 12 (issue 12): risky posts on OFFICIAL accounts phrased without the usual cue
words, each beside a near-miss with the same words that must stay clean. The forms: put-downs
without a swear word (a judging adverb before the insult, "imagine being this dim", "... and so are
you", a vocative insult or "keep crying" in a reply, a bare "grow up.", "not university material", a
person held up by a relative clause); a logo named and then altered, handed out for any use, or used
where "nobody will notice"; an unlock word or a leetspeak Wi-Fi key; a VC shortlist "between" two
names, a redundancy list "finalised internally"; a party said not to "represent our values", a
policy called xenophobic, a bare "Shameful." after a long sentence; a stay in a psychiatric unit, a
named student who "scraped" a mark."""

from __future__ import annotations

from functools import partial

import pytest

from .flagging import RISK_ONLY, flagged

_families = partial(flagged, account="official", families=RISK_ONLY)


@pytest.mark.parametrize(
    ("family", "risky", "clean"),
    [
        # abuse: put-downs without a swear word, beside the same words said kindly or as a topic
        (
            "abuse",
            "@gemmaw You're clearly too thick to follow a fee breakdown.",
            "@daniel_w Thanks, Daniel. You're clearly passionate about sustainability, come to Green Week!",
        ),
        (
            "abuse",
            "Imagine being this dim. @mikey thinks the library opens at 3am on Christmas Day.",
            "@kirsty_p Imagine being this close to graduation! Congratulations, Kirsty",
        ),
        (
            "abuse",
            "@sophie_r your complaint is laughable and frankly so are you.",
            "@sophie_r Thank you, and so are you!",
        ),
        (
            "abuse",
            "@activist_abby Keep crying, snowflake. The decision stands.",
            "@ellie_r Keep going, you're nearly there! The library is open until midnight.",
        ),
        (
            "abuse",
            "To the student who complained about the canteen: nobody cares, grow up.",
            "When you grow up, what do you want to be? Our outreach team asked 200 pupils.",
        ),
        (
            "abuse",
            "@tom_d_ If you fail again maybe accept you're not university material, mate.",
            "@tom_h You're not alone. Our wellbeing team is here for you 24/7.",
        ),
        (
            "abuse",
            "The lecturer who wrote that review of our report is an incompetent has-been.",
            "The lecturer who wrote that review of our report is an expert in coastal erosion.",
        ),
        (
            "abuse",
            "@dan_p Maybe if you'd read the website instead of whining, you'd know the deadline.",
            "@dan_p Sorry for the confusion, the deadline is on the website under Key Dates.",
        ),
        # brand: the mark altered after it is named, handed out, or used where nobody is to know
        (
            "brand",
            "Society merch drop! T-shirts with the university crest recoloured in rainbow stripes, at the SU shop.",
            "Official merch: scarves and hoodies with the university crest are in the SU shop now.",
        ),
        (
            "brand",
            "Our mascot has a new look: we added him to the crest. Brand team haven't seen it yet.",
            "Our mascot has a new look, created with the brand team. See the guidelines on the brand portal.",
        ),
        (
            "brand",
            "Put our crest on some stock photos of another campus for the prospectus, nobody will notice.",
            "Our crest on the new prospectus cover, with photos of our own campus by our photographer.",
        ),
        (
            "brand",
            "Anyone can use our logo on their products, stick it on whatever you like!",
            "Anyone can use our logo if they follow the brand guidelines on the brand portal.",
        ),
        (
            "brand",
            "Our crest has changed four times since 1900, and we recoloured it purple for the fundraiser.",
            "Throwback Thursday: our crest has changed four times since 1900. Swipe to see how it evolved.",
        ),
        (
            "brand",
            "Here's our logo stretched across the new banner, we squashed it a bit to fit.",
            "Our new logo has been unveiled after 12 months of consultation with staff and students.",
        ),
        # credentials: a secret by another name, and a password-shaped Wi-Fi key without a key word
        (
            "credentials",
            'PhD students, the lab booking spreadsheet is locked, the unlock word is "mitochondria".',
            "PhD students, the lab booking spreadsheet is locked; ask the lab manager to unlock it.",
        ),
        (
            "credentials",
            "Wi-Fi for today's hackathon: network Hack-Grove, and it's the same as last year, h4ck3rsUn1te",
            "Wi-Fi for today's hackathon: network Hack-Grove, ask at the desk for the code.",
        ),
        (
            "credentials",
            "Fresher tip: your username is your email, and your password is your student number plus your birth year.",
            "Fresher tip: your username is your student number, and you set your password when you enrol.",
        ),
        (
            "credentials",
            "Shared lab laptop: user labadmin, pass Summer2024!",
            "Our MSc in Cyber Security teaches students to spot weak passwords like Password123 and Summer2024.",
        ),
        # confidential-ip: a shortlist "between" two names, a list agreed internally; the rule itself is clean
        (
            "confidential-ip",
            "The shortlist for the new Vice-Chancellor has reached us: it's between Prof Adams and Dr Singh.",
            "The shortlist for the Vice-Chancellor post has been published on our website, with candidate statements.",
        ),
        (
            "confidential-ip",
            "The redundancy list for Estates has been finalised internally: 14 roles. Consultation after Christmas.",
            "The restructure of Estates was announced to staff last month; FAQs are on the intranet.",
        ),
        (
            "confidential-ip",
            "Embargoed press release: our Nature paper shows the vaccine cut infections by 84%.",
            "Embargoed press releases are available to registered journalists through our newsroom. Sign up here.",
        ),
        (
            "confidential-ip",
            "We know we shouldn't post unpublished results but look at this graph from our trial!",
            "Reminder: please don't share unpublished data on social media before papers are accepted.",
        ),
        # contentious: a side taken without the usual stance words; research on the same topic is clean
        (
            "contentious",
            "Reform UK's candidates don't represent our values. Please don't give them your vote next week.",
            "Research from our School of Politics explains why some voters see Reform UK as close to their values.",
        ),
        (
            "contentious",
            "The government's cuts to international student visas are pure xenophobia dressed up as policy. Shameful.",
            "Our economists assess what the government's cuts to international student visas mean for the sector.",
        ),
        # privacy: a stay in a psychiatric unit, a low mark with a name
        (
            "privacy",
            "Lovely to see Hannah Price back on campus after her stay in the psychiatric unit over the summer.",
            "Psychiatric nursing is one of our fastest-growing courses. Apply for September entry.",
        ),
        (
            "privacy",
            "Commiserations to Zac Hill who scraped 23% in the Maths exam, better luck in August!",
            "Our computer science students scraped 2 million public web pages for their NLP project.",
        ),
        # copyright: access licensed by the library, beside the same offer made by copying the book
        (
            "copyright",
            "Reading list tip: we scanned all of Prof Lang's textbook so you don't need to buy a copy.",
            "Reading list tip: the library has licensed e-book access to Prof Lang's textbook, so you don't need "
            "to buy a copy.",
        ),
    ],
)
def test_risky_flagged_and_near_miss_clean(family: str, risky: str, clean: str) -> None:
    assert family in _families(risky), risky
    assert not _families(clean), clean
