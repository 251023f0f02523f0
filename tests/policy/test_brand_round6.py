"""Brand constructions added in round 6 (issue 12), from tuning set A: product endorsement by an
official account, the institution said to back a party or petition, a link to it claimed and
admitted to be untrue, its marks put to the author's own affairs, and off-brand official material.
Each asserts a hand-written rule (not only the learned BRD010) and its near-misses stay clean."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.types import Context

LEARNED = {"BRD010"}


def _brand_rules(text: str, account: str) -> set[str]:
    return {
        f.code
        for f in check(text, Context("x", account))
        if f.family == "brand" and f.severity in ("warn", "block") and f.code not in LEARNED
    }


@pytest.mark.parametrize(
    ("text", "account", "code"),
    [
        # an official account lending its name to a product
        ("The official gin of Graduation 2026 🍸 Cheers to the class of 2026 with Juniper & Co", "official", "BRD006"),
        ("Official beer of the Students' Union ball: Hoppy Days IPA 🍺 on tap all night", "official", "BRD006"),
        ("Freshers, meet our official energy drink partner: RedBolt! Grab a can at the welcome fair", "official",
         "BRD006"),
        ("Our wearable has the backing of the University of Nottingham and is clinically proven. Pre-order today.",
         "personal", "BRD006"),
        # the institution said to back a party, a candidate, a petition, a product
        ("Just so you know, the university supports Plaid Cymru in this election. Vote for them on Thursday!",
         "personal", "BRD008"),
        ("Everyone at the University is right behind Councillor Patel's campaign. Vote Patel on 4 May!", "official",
         "BRD008"),
        ("Bristol University stands with this campaign to scrap the clean air zone. Sign the petition!", "personal",
         "BRD008"),
        ("As a Professor at the University of Warwick, I'm happy to say the University endorses Acme's AI tutor",
         "personal", "BRD008"),
        # a link claimed and admitted not to be real, or meant to mislead
        ('Our conference is held "in partnership with Cardiff University", we just need to get round to telling them',
         "personal", "BRD008"),
        ("The event on Friday is an official university event, sort of. It's me and two mates but sign up anyway",
         "personal", "BRD008"),
        ("Our new start-up uses the uni's purple and the same typeface so people think we're a spin-out", "personal",
         "BRD008"),
        # the institution's marks for the author's own affairs
        ("My consultancy website now carries the university's logo to show our link with the School of Law.",
         "personal", "BRD003"),
        ("I uploaded the university's logo files to a public Dropbox, help yourselves for whatever you need",
         "personal", "BRD003"),
        # off-brand official material, and a home-made or altered logo
        ("Found the old logo from 2012 on the shared drive and used it for the Christmas party flyer", "official",
         "BRD009"),
        ("Using a different font from the brand one for our department posts because it's more fun", "official",
         "BRD009"),
        ("Went a bit off-brand with the colours on this year's prospectus cover, we think it pops!", "official",
         "BRD009"),
        ("We gave the logo a makeover for Pride month: rainbow crest, new font and all", "official", "BRD003"),
        # (set A2) a team's endorsement, the whole School behind a candidate, a claimed venture
        ('Our training firm is proud to be "recommended by Newcastle University" (a lecturer said it was good once)',
         "personal", "BRD006"),
        ("Head of School says the whole School is behind the Reform candidate, so vote accordingly folks", "personal",
         "BRD008"),
        ('Our start-up\'s website says we\'re a "University of Leeds venture". We\'re not, but it helps with investors',
         "personal", "BRD008"),
        ('Our dinner is described as "hosted by the University of Durham" on the ticket site, it\'s actually just our '
         "book club", "personal", "BRD008"),
        ("Couldn't find the new logo so we used the one from the 2015 brochure on the exhibition boards", "official",
         "BRD009"),
        # an account made because none existed, to sell ads on
        ('Set up "Manchester Uni Official" on Facebook since there wasn\'t one, already 2k likes, might sell ads',
         "personal", "BRD005"),
    ],
)
def test_round6_brand_form(text: str, account: str, code: str) -> None:
    assert code in _brand_rules(text, account)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("The University does not endorse any political party or candidate. Staff may campaign personally.",
         "official"),
        ("The university recommends our Library's study skills guide", "personal"),
        ("The University backs our lab's bid for the Wellcome prize", "personal"),
        ("Got my new business cards today with the new university branding. They look smart.", "personal"),
        ("Finished my conference slides in the uni template, ready for Vienna", "personal"),
        ("New logo, same university 💜 Our brand refresh rolls out across campus this month.", "official"),
        ("Reminder: the old logo should no longer be used. Download the current version from the brand hub.",
         "official"),
        ("Our lab's new logo, designed by the university's design team, is on our website. Love it!", "personal"),
        ("Lovely apology from Aberystwyth University's official account about the halls issues this week.",
         "personal"),
        ("Unofficial fan account, not affiliated with the University.", "personal"),
        ("We're proud that our researchers have been granted three UK patents this year.", "official"),
        ("Thank you to our partners at Santander for funding 50 new bursaries this year.", "official"),
        ("Staff can order business cards with the university logo through the print unit.", "official"),
        ("Our new merchandise range is now available from the official University shop on campus.", "official"),
        ("Our partnership with Cardiff University on coastal flooding has won £2m from UKRI. Not a moment too soon, "
         "but it's great news", "official"),
    ],
)
def test_round6_brand_near_miss_stays_clean(text: str, account: str) -> None:
    assert not _brand_rules(text, account)


def test_round6_brand_findings_keep_span_clause_and_fix() -> None:
    text = "The official cider of the alumni reunion: Orchard Gold, on tap all evening"
    found = [f for f in check(text, Context("x", "official")) if f.code == "BRD006"]
    assert found
    for f in found:
        s, e = f.span
        assert 0 <= s < e <= len(text) and f.clause and f.fix
