"""Round 43 of issue 12: abuse that names no swear word (rules/veiled.py, ABU006 and ABU007).

Each risky post is worded here, not copied from the tuning posts it was read from, and must get the
new rule's code; each stands beside a clean post with the same words said of a thing, of oneself, in
kindness or in order to report them, which must get no risk finding at all.
"""

from __future__ import annotations

import pytest

from townhall.policy import Context, check

from .flagging import RISK_AND_PERSONAL, flagged

# (code, (network, account), risky post, (network, account), clean twin)
CASES = [
    # ABU006: veiled threats
    (
        "ABU006",
        ("x", "personal"),
        "Lovely car you've got there @NeilP. Be a shame if something happened to it.",
        ("x", "official"),
        "It would be a shame if anyone missed out: book your graduation tickets by Friday.",
    ),
    (
        "ABU006",
        ("x", "personal"),
        "Carry on complaining to the union, @sara_h, and see what happens to your probation.",
        ("x", "official"),
        "Try a different revision method this week and see what happens to your focus!",
    ),
    (
        "ABU006",
        ("x", "personal"),
        "@marcusd I've noticed you always cycle home along the canal. Lonely spot at night.",
        ("x", "official"),
        "Cycle home safely: the canal path lights are being repaired this week, so use the road route.",
    ),
    (
        "ABU006",
        ("x", "personal"),
        "Funny how people like @DrKhan eventually get what's coming to them.",
        ("x", "official"),
        "Our reps were sent messages like \"you'll get what's coming\". That is a threat, and it has been "
        "reported to the police.",
    ),
    (
        "ABU006",
        ("x", "personal"),
        "I'm not going to stop posting about you until you apologise, @KarenLowe. Every single day.",
        ("x", "personal"),
        "I'm not going to stop posting about the library's new opening hours until everyone knows. 24/7!",
    ),
    # ABU006: wished misfortune and gloating
    (
        "ABU006",
        ("x", "personal"),
        "Really hope @tomwright's grant application gets rejected. Again.",
        ("x", "personal"),
        "Really hope @tomwright's grant application gets funded, he's worked so hard on it.",
    ),
    (
        "ABU006",
        ("x", "personal"),
        "Can't wait to watch Professor Hale crash and burn at the open meeting tomorrow.",
        ("x", "official"),
        "Can't wait to watch our robotics team compete at the national final tomorrow!",
    ),
    (
        "ABU006",
        ("x", "personal"),
        "Dr Lane's big grant was turned down and now he's off sick. Couldn't happen to a nicer man.",
        ("x", "official"),
        "Dr Lane's big grant was turned down this year. He will apply again in spring, and we are behind him.",
    ),
    (
        "ABU006",
        ("x", "personal"),
        "Everyone, her email is on the staff page. Tell her what you think of her.",
        ("x", "official"),
        "Everyone, Dr Shah retires on Friday. Tell her congratulations at the party in the atrium!",
    ),
    # ABU007: stock put-downs
    (
        "ABU007",
        ("x", "personal"),
        "Our new head of department is about as sharp as a bowling ball.",
        ("x", "personal"),
        "I'm about as sharp as a bowling ball before my first coffee, so go easy on me.",
    ),
    (
        "ABU007",
        ("x", "personal"),
        "@GregT your slides look like it was drawn by a toddler. Embarrassing.",
        ("x", "official"),
        "Our outreach team ran a drawing day: every poster was drawn by a toddler and they are brilliant.",
    ),
    (
        "ABU007",
        ("x", "personal"),
        "@PhilB with a face for radio like that, stick to the podcast.",
        ("x", "personal"),
        "I have a face for radio, which is why our department now has a podcast. Episode 1 is out!",
    ),
    (
        "ABU007",
        ("x", "personal"),
        "Sat behind Dr Moss at the seminar. Every time he spoke I lost an IQ point.",
        ("x", "official"),
        "Our quiz night raised £400 for charity. The IQ points test was won by the Chemistry team!",
    ),
    (
        "ABU007",
        ("x", "personal"),
        "Idiot of the week: the registrar, who thinks students enjoy queuing.",
        ("x", "official"),
        "Volunteer of the week: Maria from the registry, who helped 200 students enrol.",
    ),
    # ABU007: coded othering and identity put-downs
    (
        "ABU007",
        ("x", "personal"),
        "More of *those people* in the new intake. You all know who I mean.",
        ("x", "official"),
        "Funny how the same names keep winning our bake-off. You all know who you are, congratulations!",
    ),
    (
        "ABU007",
        ("x", "personal"),
        "Funny how certain types always seem to get the best offices. Strange coincidence.",
        ("x", "official"),
        "Funny how certain groups are always left off conference panels. It is a bias we mean to fix.",
    ),
    (
        "ABU007",
        ("x", "personal"),
        "Yet another autistic student asking for the slides in advance. Uni isn't for everyone.",
        ("x", "official"),
        "Autistic students can ask for slides in advance: email the disability team and we will set it up.",
    ),
    (
        "ABU007",
        ("x", "personal"),
        "Let's be honest, Dr Obi only got the job because of the diversity quotas.",
        ("x", "official"),
        "Dr Obi got the job because of her outstanding research on diversity in clinical trials.",
    ),
]


@pytest.mark.parametrize(("code", "risky_at", "risky", "clean_at", "clean"), CASES)
def test_risky_post_gets_the_new_rule(code: str, risky_at: tuple, risky: str, clean_at: tuple, clean: str) -> None:
    network, account = risky_at
    assert code in {f.code for f in check(risky, Context(network, account))}
    assert "abuse" in flagged(risky, account, network)


@pytest.mark.parametrize(("code", "risky_at", "risky", "clean_at", "clean"), CASES)
def test_clean_twin_gets_none(code: str, risky_at: tuple, risky: str, clean_at: tuple, clean: str) -> None:
    network, account = clean_at
    assert not flagged(clean, account, network) & RISK_AND_PERSONAL


@pytest.mark.parametrize(
    "text",
    [
        # the same words, but banter among friends, a joke at one's own expense, or a threat reported
        "@ciaran ya daft eejit of the week 😂 you left your lanyard at mine again, I'll drop it round, pal",
        "Honestly I've got a voice for mime, so I'll let the slides do the talking today.",
        'A student rep was told "be a shame if something happened to your car". We have reported it to the police.',
    ],
)
def test_kind_self_or_reported_uses_stay_clean(text: str) -> None:
    assert not {f.code for f in check(text, Context("x", "personal"))} & {"ABU006", "ABU007"}


@pytest.mark.parametrize(
    ("code", "text"),
    [
        # branches the rules' word pre-gates once let slip past their patterns (found in review)
        ("ABU006", "Don't worry @sam, I know where he works. See you Monday."),
        ("ABU006", "Heard Paul's grant was rejected and he's off sick. Serve him right."),
        ("ABU007", "Idiots of the week: whoever runs the parking office."),
        ("ABU007", "@tom your poster looks like a five-year-old drew it"),
    ],
)
def test_each_branch_passes_its_word_gate(code: str, text: str) -> None:
    assert code in {f.code for f in check(text, Context("x", "personal"))}

