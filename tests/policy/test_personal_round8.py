"""personal-use, issue 12 round 8: sarcasm and insinuation read as a whole, and the employer named
indirectly. Each risky post stands beside a clean one with the same shape, because the shapes
("Genius move, truly.", "Can't wait.", a loaded question) also praise and ask in earnest."""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.types import Context

_CTX = Context("x", "personal")


def _personal_use(text: str) -> bool:
    """Does the post get a personal-use finding that warns or blocks?"""
    return any(f.family == "personal-use" and f.severity in ("warn", "block") for f in check(text, _CTX))


@pytest.mark.parametrize(
    ("risky", "clean"),
    [
        # a deadpan praise sentence after a loss, beside praise after good news
        (
            "Upstairs have decided we're all getting 'agile'. Nobody asked. Management has decided the answer to "
            "understaffing is to cut more staff. Brilliant, truly brilliant.",
            "The exam board met today and everything went through smoothly. Well done, everyone!",
        ),
        (
            "The powers that be have moved the exam board to Christmas Eve. Inspired decision-making.",
            "The powers that be at the FA have banned the rainbow laces again. Priorities, eh.",
        ),
        (
            "Applause for our finance department, who have managed to reject the same expense claim four times. "
            "Heroes.",
            "Our Dean stepped in when the heating broke and found us all warm rooms. Hero.",
        ),
        (
            "So the VC's answer to the deficit is a new campus in Dubai. Bold, given we can't run the one we've got.",
            "Our HR team sorted my parental leave paperwork in a day. Very professional, thank you.",
        ),
        # the loss of something bad is good news
        (
            "Our School's 'people strategy' is now cutting the hourly paid tutors. Inspired.",
            "Great to see the university cutting its carbon emissions by a third in five years.",
        ),
        (
            "Our glorious leaders have found yet another way to make the student experience worse. Slow clap.",
            "Our glorious leaders in Westminster have cut adult education again. Slow clap.",
        ),
        # stock ironic phrases need a complaint, and a glad post keeps them sincere
        (
            "Management have announced a 'listening exercise'. We all know how the last one went. Can't wait.",
            "Our faculty is closed on Christmas Eve this year, so that's a lovely early break. Can't wait.",
        ),
        (
            "Just found out the department is spending our conference budget on a rebrand. Of course they are.",
            "Who knew our Head of School could bake? Best brownies I've had in years.",
        ),
        (
            "Colleagues keep leaving and management keep saying it's 'natural turnover'. Sure. Natural.",
            "Colleagues keep leaving biscuits on my desk. Not complaining.",
        ),
        # money found for one thing and not another
        (
            "This place never fails to disappoint. Budget for a new sculpture but no heating in the labs.",
            "Our department's new espresso machine replaced the broken kettle. Progress.",
        ),
        # loaded questions and raised eyebrows
        (
            "Does anyone in senior management ever actually set foot in a teaching room? Asking because the "
            "projectors have been broken all term.",
            "Does anyone know if the library is ever open on bank holidays? Need to return a book.",
        ),
        (
            "Our department was 'consulted' on the merger. Nobody asked a single one of us. \U0001f440",
            "Our department's new timetable system went live today and it actually works. Nobody complained "
            "once. \U0001f440",
        ),
        (
            "Why does HR always announce pay decisions the day after the union meeting? Interesting timing.",
            "Why does my cat always sit on the keyboard when I'm on a Teams call? \U0001f914",
        ),
        # the employer named indirectly
        (
            "The new Pro-VC's strategy is literally copied from a consultancy slide deck. Embarrassing.",
            "The restructure of my allotment beds is finally done. Courgettes have their own bed now. Bold choice.",
        ),
        (
            "Since when did 'exciting opportunity' become code for redundancy at my place of work?",
            "Since when did my toddler learn to open the fridge? Chaos at home.",
        ),
        (
            "The Business School's management have the emotional intelligence of a filing cabinet.",
            "We have the support of a great team in the Business School.",
        ),
    ],
)
def test_sarcasm_and_its_sincere_twin(risky: str, clean: str) -> None:
    assert _personal_use(risky), risky
    assert not _personal_use(clean), clean


def test_disclaimer_does_not_excuse_sarcasm_or_cruelty() -> None:
    # 'views my own' softens a measured complaint (PER001 info), not mockery or an accusation of cruelty
    assert _personal_use("Disclaimer: my views, not my employer's. But my employer's new sickness policy is cruel.")
    assert _personal_use(
        "Views my own, but management have outdone themselves: cancelled the staff Christmas lunch and bought "
        "a £30k coffee machine for the exec floor."
    )
    mild = check("Views my own, but the University's hiring freeze is a mistake.", _CTX)
    assert not any(f.family == "personal-use" and f.severity in ("warn", "block") for f in mild)


@pytest.mark.parametrize(
    "text",
    [
        "Our department won the teaching award. Brilliant.",
        # praise of leadership in the middle of a sentence is meant; "Brilliant leadership as ever." closing a
        # complaint is not (dev personal-use-036 stays flagged)
        "Great leadership from our Dean during the cyber attack, she kept everyone informed every day.",
        "The university has scrapped library fines for good. Brilliant.",
        "Our department cut its energy use by 20% this year. Impressive.",
        "Interesting how different the results look when you control for age. Thread on our new analysis.",
        "The Treasury's idea of investment: a consultation about a consultation. Sector leaders should push back.",
        "You'd think a city this size could run a decent bus service. Not ours, apparently.",
    ],
)
def test_praise_and_other_targets_stay_clean(text: str) -> None:
    assert not _personal_use(text), text
