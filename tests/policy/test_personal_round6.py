"""personal-use round 6 (issue 12): detection by structure rather than phrasing. Who speaks (an office
the author holds or a body they sit on, with a decision in the institution's name), what is said (news
marked as not public yet or from an inside source; a warning to stay away; marks altered to look
better; the institution's name used to sell or campaign) and about whom (a sneer at one's own students
or colleagues). Each construction has near-misses in the same form that must stay clean: a published
decision relayed, a view argued as one's own, praise of students, a side business kept apart from the
employer, a personal campaign, an embargo that is over."""

from __future__ import annotations

import pytest

from townhall.policy.doc import Doc
from townhall.policy.rules.personal_use import _role_voice, _unpublished_leak
from townhall.policy.types import Context

from .personal_codes import personal_use_codes

PERSONAL = Context("x", "personal")
OFFICIAL = Context("x", "official")


def _pu(text: str, ctx: Context = PERSONAL) -> set[str]:
    return personal_use_codes(text, ctx)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # who speaks: an office, then a decision or promise in the institution's name
        ("As Director of Admissions I can say we'll be lowering the entry tariff for Law to BBC next year.", "PER007"),
        ("We've decided as a School to stop running the foundation year. My decision as HoS, ask away.", "PER007"),
        ("As a department we stand with the strikers and will not be reporting anyone who withholds marks.", "PER007"),
        ("Speaking as the university's head of estates: the library will reopen in April, no question.", "PER007"),
        ("As programme director I'm guaranteeing every one of you a placement year. Ignore the website.", "PER007"),
        (
            "Applicants: we'll accept you with lower grades if you email me directly. I'm the admissions tutor.",
            "PER007",
        ),
        # what is said: not public yet, or an inside source, about the institution's matters
        ("The committee agreed last night to close the nursery. Papers not published yet, but I was there.", "PER006"),
        (
            "Redundancy letters go out Monday to the whole of Earth Sciences. Nobody affected has been told yet.",
            "PER006",
        ),
        ("Can't say too much, but our university is about to sign a huge deal with a Saudi fund.", "PER006"),
        ("Just left the HoDs' meeting. Three departments are going. I'm not supposed to post this.", "PER006"),
        ("Our REF mock scores came back - History got mostly 2*. Management doesn't want staff to know yet.", "PER006"),
        ("Internal email from the VC's office says the campus in Malaysia will be sold. Watch this space.", "PER006"),
        # warnings to stay away; marks altered to look better
        ("Working here is like being trapped in a Kafka novel written by accountants. Avoid at all costs.", "PER003"),
        ("Applicants, do yourselves a favour and go anywhere but here. Trust me, I teach here.", "PER003"),
        ("Exam board made me change 12 marks today to make the averages look better. I'm done.", "PER003"),
        # the institution's name used to sell or to campaign
        (
            "Launching my tutoring company! As a Senior Lecturer at the University of Dunmore I know exactly "
            "what examiners want. Book via my site.",
            "PER008",
        ),
        ("New range of T-shirts with the university crest on them, made by me! £15 each, DM to order.", "PER008"),
        ("Selling my essay-writing guides — approved by the university and used in our modules. Buy below.", "PER008"),
        ("The University proudly endorses Councillor Mike Evans for mayor. A true friend of our campus.", "PER008"),
        ("I'm standing for council as the University of Fenwick's candidate. Vote for me and the uni!", "PER008"),
        # about whom: a sneer at one's own students or colleagues
        ("The girl in my seminar who always cries when she gets feedback did it again today. Snowflakes.", "PER009"),
        ("Our new Head of School is off on maternity leave after three months in post. Unbelievable timing.", "PER009"),
        ("Marked a script today where the student wrote in text speak. Posting the worst lines below lol", "PER009"),
        ("The new admin in our office is so slow I could scream. Honestly how did she get hired.", "PER009"),
        ("My Year 1 group failed the midterm en masse. 60% fails. They're not bright, let's be honest.", "PER009"),
    ],
)
def test_round6_construction_flags(text: str, code: str) -> None:
    assert code in _pu(text), _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        "As Director of Admissions, I'm delighted the university has published its new contextual offer scheme.",
        "As a lecturer, I think the evidence on class sizes is clearer than people admit. Views mine.",
        "I sit on the editorial board of Social Policy Review, and we're looking for reviewers on housing.",
        "As an admissions tutor I can't promise offers, but I can tell you our open day is on Saturday.",
        "Today the university announced it will cut 50 jobs in the business school. I think that's a mistake.",
        "The Senate paper on assessment reform is now public; I'd urge colleagues to read it.",
        "Now that the embargo's over I can talk about the ice core results. Thread below",
        "Grant panel season: reminder that reviewer comments are confidential, don't screenshot them.",
        "can't say much yet but big news coming for our department next week, watch this space",
        "One of my PhD students passed her viva today. So proud of her!",
        "My second years gave brilliant presentations today. Really impressed with the work they put in.",
        "My colleague is off on maternity leave from Friday. We've planned a surprise leaving do!",
        "My colleague Raj just ran the London Marathon in under 3 hours for a cancer charity. Legend.",
        "Our Student Support team helped over 2,000 students with mental health issues last year. Heroes.",
        "my final years can't write enough about how much they loved the field trip",
        "Launching my new book on medieval trade routes! Published by Oxford University Press. Out in March.",
        "I'm starting a small photography business on weekends. Nothing to do with my day job.",
        "I'm standing as a Labour councillor in Heaton ward. This is a personal campaign.",
        "Vote for whoever you like on Thursday, but please vote.",
        "Avoid the A1 at all costs this morning, roadworks everywhere.",
        "Retirement party for our lab technician Dave today. 35 years of fixing everything. Legend.",
        "Strike day 2: about 40 of us at the picket this morning. Good turnout despite the rain.",
    ],
)
def test_round6_near_misses_stay_clean(text: str) -> None:
    assert not _pu(text), _pu(text)


def test_role_voice_needs_both_parts() -> None:
    """An office alone, or a decision alone, is not speaking for the institution."""
    assert _role_voice(Doc("As Director of Admissions I love open days.", PERSONAL)) is None
    assert _role_voice(Doc("We'll be lowering the tariff next year, apparently.", PERSONAL)) is None
    assert _role_voice(Doc("As Director of Admissions: we'll be lowering the tariff.", PERSONAL)) is not None


def test_unpublished_leak_needs_institutional_matter() -> None:
    assert _unpublished_leak(Doc("Not announced yet but I'm getting a puppy!", PERSONAL)) is None
    assert _unpublished_leak(Doc("Not announced yet: the School of Music is closing.", PERSONAL)) is not None


def test_official_accounts_are_not_judged_by_these_rules() -> None:
    text = "As Director of Admissions I can say we'll be lowering the entry tariff for Law next year."
    assert not _pu(text, OFFICIAL)


def test_findings_keep_span_clause_and_fix() -> None:
    from townhall.policy.engine import check

    text = "New range of T-shirts with the university crest on them, made by me! £15 each, DM to order."
    f = next(x for x in check(text, PERSONAL) if x.code == "PER008")
    assert "crest" in text[f.span[0] : f.span[1]]
    assert f.clause and f.fix and "university" in f.fix.lower()


@pytest.mark.parametrize(
    "text",
    [
        # a quoted virtue with its contrary in the next sentence, and the employer with a word between
        "Our 'world-class' university is closing the music department. Lovely.",
        "My uni says it 'puts students first'. Then it cut the hardship fund by half.",
        # the insinuating question or close
        "Why does every complaint about our Dean end on a 'performance plan'? Asking for a friend.",
        "Our department is now charging students for printing their dissertations. Is that even legal?",
    ],
)
def test_round6_irony_and_insinuation_flag(text: str) -> None:
    assert "PER001" in _pu(text), _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        "Isn't it funny how the sun always comes out on exam board day?",
        "My favourite 'quick question' from students is always the longest one. Love them.",
        "Our new 'hybrid' timetable starts next week, fingers crossed it works.",
        "Is our finance office fiddling the overhead rates? Genuinely asking, the numbers look odd.",
    ],
)
def test_round6_irony_near_misses_stay_clean(text: str) -> None:
    assert not _pu(text), _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        'Our Provost described the redundancies as "an exciting opportunity". For whom, exactly?',
        "the people running my university couldn't find their way out of a paper bag",
        "My university has the ethics of a payday lender.",
        "This uni is a property developer with a few lecture theatres attached.",
        "Three emails from the Registrar today, all contradicting each other. Nobody is in charge here.",
        "our HoD takes every good idea from the juniors and presents it to the Dean as his own.",
        "The VC earns more than the Prime Minister and still can't answer a straight question from staff.",
        "our senior team should be embarrassed. absolute amateurs",
        "If my university put half the effort into teaching that it puts into rebranding we'd be top.",
        "I used to be proud to work here. Not any more.",
        "Our estates department have taken 8 months to fix a leaking roof over the rare books.",
        "Leadership at my university would rather hire another consultant than listen to the people who teach.",
        'The Principal\'s "listening tour" visited every building except the ones with problems.',
    ],
)
def test_round6_verdict_constructions_flag(text: str) -> None:
    assert "PER001" in _pu(text), _pu(text)


@pytest.mark.parametrize(
    "text",
    [
        "My HoD covered my teaching while I was ill, no questions asked. Grateful.",
        "Management consultants: useful for some things, but universities need to value internal expertise.",
        "Estates fixed the leaking roof in the lab within a day. Credit where it's due.",
        "The VC's town hall was better than I expected: frank answers on the deficit and a clear plan.",
        "I used to be scared of public speaking. Now I lecture to 300 first-years twice a week.",
        "Five years at the university today! Grateful for brilliant colleagues and patient students.",
    ],
)
def test_round6_verdict_near_misses_stay_clean(text: str) -> None:
    assert not _pu(text), _pu(text)
