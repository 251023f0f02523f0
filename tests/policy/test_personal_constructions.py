"""Personal-use constructions added for issue 12 (generalisation), each with a clean near-miss.

Why: the held-back and fresh blind sets are written by other people, so the rules read the shape of
a risky personal post rather than its words: who is the subject (the employer, one of its heads or
offices), what is claimed (misconduct stated as fact, in any tense), how the author marks a secret
(told in confidence, not public yet), whether a group is treated as private, whether the author
announces the institution's decisions, and whether a work address is put to private use. Each
construction is paired with the same words in a form that must stay fine: a question, a reported
allegation, one's own research, a negation, an ordinary group post, a relayed announcement.
Phrasings here are our own, not the corpus's.
"""

from __future__ import annotations

import pytest

from townhall.policy.engine import check
from townhall.policy.types import Context

from .personal_codes import personal_use_codes

PERSONAL = Context("mastodon", "personal")
OFFICIAL = Context("mastodon", "official")


def _pu(text: str, ctx: Context = PERSONAL) -> set[str]:
    return personal_use_codes(text, ctx)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the verdict: institution or role as subject, misconduct as fact, any tense or person
        ("Our deputy registrar buries every grievance that crosses his desk.", "PER003"),
        ("The faculty office has been doctoring the attendance logs before each audit.", "PER003"),
        ("my school's finance team falsified the grant returns. everyone knows.", "PER003"),
        ("The Provost. Again. He lies to staff about the budget every single year.", "PER003"),
        ("Our estates team ignored four warnings about the gas leak in block C.", "PER003"),
        ("the people running this place are a bunch of crooks", "PER003"),
        ("My department swept the bullying complaint under the rug within a week.", "PER003"),
        # a disclaimer does not silence the verdict
        ("Views my own: my employer is rigging the admissions offers for donors.", "PER003"),
        # leaks marked by their secrecy, with the institution's plans or trouble
        ("A mate in the VC's office says the Cardiff campus closes next summer. Not public yet.", "PER006"),
        ("Was told privately by my line manager that the module gets cut in January.", "PER006"),
        ("Sharing ahead of the official announcement: the library is moving to 9-5 opening from April.", "PER006"),
        # a group named as private, with a licence or a damaging post in it
        ("Locked staff chat, so let me vent: our HoD has been fiddling the workload figures.", "PER004"),
        ("Secret group for the admin team here - we can finally be honest about how bad management is.", "PER004"),
        # announcing the institution's decisions in its name
        ("I can confirm the university will be cancelling the January exams. More soon.", "PER007"),
        ("On the faculty's behalf, apologies to all applicants for the mix-up.", "PER007"),
        # the work address put to private use
        ("Set up Vinted, Depop and Facebook Marketplace with my uni email, oops", "PER002"),
        ("Piano lessons for beginners, reasonable rates - message a.jones@northfield.ac.uk", "PER002"),
    ],
)
def test_constructions_are_read(text: str, code: str) -> None:
    assert code in _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        # questions, reported allegations, research and negation are not verdicts
        "Is our finance office fiddling the overhead rates? Genuinely asking, the numbers look odd.",
        "The university was accused of covering up the report, according to the local paper.",
        "Our new paper looks at how universities game league tables - open access link below.",
        "Teaching a module on corporate fraud this term; our students love the Enron case study.",
        "My department is not hiding anything; the audit report is published in full.",
        "Our VC told a joke at the staff forum today and it landed well.",
        "I'm hiding from my students in my office today, marking in peace.",
        "Our department launched a new game data science course this term.",
        # secrecy with no institutional news
        "Told in confidence by my sister: she's expecting! So happy for her.",
        "Not public yet, but my novel has a cover and I love it.",
        # a private group without licence or harm
        "In the closed parents' group: does anyone know if the school run is affected by the roadworks?",
        "Our private group for new staff is a lovely place for questions - join via the intranet.",
        # relayed or disclaimed, not announced in the institution's name
        "The university will close for two days at Christmas, announced by the Registrar today.",
        "I can't confirm whether the department will run the module next year - ask the programme office.",
        # the work address for work, or a personal one
        "Conference abstracts to my university email please, deadline Friday.",
        "I never use my work email to sign up for anything personal.",
        "New personal account for my hobbies; work stuff stays on my work account.",
        "Questions about the MSc? Email me at j.fry@northfield.ac.uk about the course.",
    ],
)
def test_near_misses_stay_clean(text: str) -> None:
    assert not _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our deputy registrar buries every grievance that crosses his desk.",
        "I can confirm the university will be cancelling the January exams. More soon.",
        "Was told privately by my line manager that the module gets cut in January.",
    ],
)
def test_only_personal_accounts(text: str) -> None:
    assert _pu(text)
    assert not _pu(text, OFFICIAL)


def test_each_construction_has_its_own_fix() -> None:
    """The new constructions tell the author what to write instead, and spans lie in the text."""
    posts = {
        "PER003": "Our estates team ignored four warnings about the gas leak in block C.",
        "PER006": "Was told privately by my line manager that the module gets cut in January.",
        "PER007": "On the faculty's behalf, apologies to all applicants for the mix-up.",
        "PER002": "Piano lessons for beginners, reasonable rates - message a.jones@northfield.ac.uk",
    }
    for code, text in posts.items():
        found = [f for f in check(text, PERSONAL) if f.code == code]
        assert found, code
        for f in found:
            assert f.fix and f.clause
            assert 0 <= f.span[0] <= f.span[1] <= len(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # concealment by any verb with its object, knowing falsehood, knowing neglect
        ("Our admissions team shreds complaints about the interview panel, I've watched it happen.", "PER003"),
        ("The uni tells students the placement year is guaranteed. It isn't. They know it isn't.", "PER003"),
        ("The exec knew the roof was unsafe and still let the exam go ahead in that hall.", "PER003"),
        ("the student records office are a load of hopeless liars", "PER003"),
        # a source and a due date mark a leak
        (
            "Got a heads-up from a senate contact: the module review will cut half the options. Letters due in May.",
            "PER006",
        ),
        # a present-tense promise of what only the institution gives
        ("I sit on the admissions panel and I promise you: everyone who interviews gets an offer.", "PER007"),
    ],
)
def test_more_constructions_are_read(text: str, code: str) -> None:
    assert code in _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        # a gripe conceded, a reported allegation, a friend's news told in confidence
        "Annoyed my faculty moved the exam board again, but I get why - two examiners were ill.",
        "Our university has been accused in the press of misleading applicants. I'll wait for the facts.",
        "Reflecting on a lovely year: my team knew I was struggling and helped me through it.",
        "Got a heads-up from my sister: she's running the London marathon next year!",
    ],
)
def test_more_near_misses_stay_clean(text: str) -> None:
    assert not _pu(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # motives and neglect stated as fact
        ("The university really doesn't care about its staff, it's only interested in the league tables.", "PER003"),
        ("Our school office is a mess: grievances just sit in someone's inbox for months.", "PER003"),
        # warning people away, the institution named after the warning
        ("Anyone considering an MA in my department: don't. I say this as a lecturer here.", "PER003"),
        # something of the institution's own falsified, in the passive
        ("Our TEF submission was massaged by the planning office, views my own.", "PER003"),
        # the work address by its domain, and a negation that does not govern the use
        ("running my vinted shop through my @northfield.ac.uk address, so handy", "PER002"),
        ("registered my etsy on my staff email, not that anyone checks", "PER002"),
    ],
)
def test_post_b_constructions_are_read(text: str, code: str) -> None:
    assert code in _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        # the work address for work, whatever the wording
        "Keen to join our seminar series? Email me at my work address and I'll add you to the list.",
        # a warning about a process, not the institution; the author's own choice
        "Anyone considering a PhD: talk to current students first. Best advice I ever got.",
        # praise with a copula; a station or team outside the institution
        "My line manager is a star and the whole team is brilliant.",
    ],
)
def test_post_b_near_misses_stay_clean(text: str) -> None:
    assert not _pu(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # secrecy in other words, with jobs or plans
        ("We've been asked not to discuss it, but the language centre is being shut in July.", "PER006"),
        ("Press release isn't until Tuesday: the uni is merging the two nursing schools.", "PER006"),
        ("Can't say how I know, but there's a lay-offs list for the support teams. Letters next week.", "PER006"),
        # doing harm quietly; a quoted modifier before the unit
        ("my employer is quietly outsourcing the whole library team. nobody asked the staff.", "PER003"),
        ("Our 'student-centred' faculty fiddles its retention figures every year.", "PER003"),
        # the work address for the author's own trade
        ("Bookings for my yoga classes go to my work email, I check it constantly.", "PER002"),
    ],
)
def test_post_c_constructions_are_read(text: str, code: str) -> None:
    assert code in _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        "Asked not to share spoilers for the staff panto, so my lips are sealed 🎭",
        "Our team quietly celebrated ten years of the outreach programme with cake.",
        "My yoga classes are on Tuesdays at the leisure centre, all welcome.",
    ],
)
def test_post_c_near_misses_stay_clean(text: str) -> None:
    assert not _pu(text)
