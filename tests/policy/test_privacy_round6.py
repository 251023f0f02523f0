"""Privacy round 6 (issue 12): phrasings the dev posts did not show, from our own tuning set A.

Each rule is run alone (the learned model would blur which rule fired), on posts of our own:
bank details, a child made findable, photos taken without asking, exam-board verdicts, a death by
suicide, continental addresses; and the near-misses that must stay quiet (an official post's own
service addresses and lines, named organisations' addresses, invented people in teaching)."""

from __future__ import annotations

import pytest

from townhall.policy import Context, check, default_pack, rules_registry
from townhall.policy.doc import Doc


def _hits(code: str, text: str, account: str = "personal") -> list:
    rule = rules_registry()[code]
    return list(rule.detector(Doc(text, Context("x", account)), default_pack().compiled()))


def _privacy(text: str, account: str) -> set[str]:
    return {f.code for f in check(text, Context("x", account)) if f.family == "privacy" and f.severity != "info"}


@pytest.mark.parametrize(
    ("code", "text", "account"),
    [
        (
            "PRV007",
            "Can't make the meeting - my colleague Sunita's husband was rushed into hospital last night and "
            "I'm covering her classes",
            "personal",
        ),
        ("PRV004", "his flat is above the Tesco on Hyde Park Corner, the green door", "personal"),
        ("PRV004", "our new head of school lives on Elm Grove, number 27, the one with the red door", "personal"),
        ("PRV002", "email the student directly at s1234567@sms.ed.ac.uk, she's not replying", "personal"),
        ("PRV007", "In confidence - Dr Lee is being made redundant next month, don't tell anyone", "personal"),
        ("PRV007", "Happy birthday to our lab manager Tina, 50 today! Born 3 March 1975, what a legend", "personal"),
        (
            "PRV003",
            "Can everyone chip in for Dave's leaving present? Transfer to me: sort code 40-11-62, acc no 71234567",
            "personal",
        ),
        ("PRV003", "Send the deposit to Barclays, 20-32-06 / 53498721, name K Jones", "personal"),
        ("PRV003", "her NI no is QQ123456C, payroll keep losing it", "personal"),
        ("PRV008", "So proud of my daughter Evie starting at Greenfield Primary today! Year 1 already", "personal"),
        ("PRV008", "My son Oscar (7) at Kings Road Junior School won the spelling bee!!", "personal"),
        (
            "PRV008",
            "Meet Noah, aged 5, who came along with his mum to our science fair - he goes to Westfield Infants",
            "official",
        ),
        ("PRV008", "Here's a pic of my neighbour's kids - Jack and Ruby - outside Hillside Primary", "personal"),
        ("PRV009", "Took a sneaky pic of the front row in my 9am, they didn't notice", "personal"),
        ("PRV009", "Photo of my tutees in the pub last night, they don't know I'm posting it lol", "personal"),
        (
            "PRV009",
            "Here's the photo of my whole seminar group at the pub, they've no idea I'm putting it online",
            "personal",
        ),
        ("PRV005", "Progression board today: Amy Walsh repeats the year, Josh Green withdrawn. Grim.", "personal"),
        ("PRV005", "Results meeting: Tom Briggs gets a 2:2, Hollie Ward gets a first, Sam Cole fails.", "personal"),
        ("PRV007", "My PhD student Sam's dad died last week so go easy on her at the progress review", "personal"),
        ("PRV007", "We are sad to share that our student Liam Carter took his own life this weekend.", "official"),
        (
            "PRV004",
            "Our Erasmus student is staying at Hauptstrasse 45, 80331 Munchen until June - send post there",
            "personal",
        ),
        ("PRV006", "Send the proofs to my co-author, Lindenweg 8, 10115 Berlin", "personal"),
    ],
)
def test_round6_flags(code: str, text: str, account: str) -> None:
    hits = _hits(code, text, account)
    assert hits, (code, text)
    s, e = hits[0][0], hits[0][1]
    assert 0 <= s < e <= len(text)


def test_bank_details_tell_the_author_what_to_do_instead() -> None:
    (hit,) = [h for h in _hits("PRV003", "Pay me back: sort code 40-11-62, account 71234567") if len(h) > 3]
    assert "privately" in hit[3]


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("Questions? Email studentadvice@bristol.ac.uk or call 0117 928 9000", "official"),
        ("Research office: researchsupport@uni.ac.uk, 0151 794 2000", "official"),
        ("Accommodation queries: accommodationoffice@york.ac.uk or 01904 322165", "official"),
        ("Admissions: 01223 333308, admissions@cam.ac.uk", "official"),
        ("Recruiting participants with ADHD for an online study of attention. Email adhdlab@uni.ac.uk", "research"),
        ("Alumni reception at the Royal Society, 6-9 Carlton House Terrace, London SW1Y 5AG, 6pm", "official"),
        ("Our office in Lagos: 12 Adeola Odeku Street, Victoria Island, Lagos. Open weekdays.", "official"),
        ("Please send transcripts to: Graduate School, 17 Hill Street, Edinburgh EH2 3JP", "official"),
        (
            "Our Erasmus office: Studentenwerk Berlin, Hardenbergstrasse 34, 10623 Berlin - partner since 2005",
            "official",
        ),
        ('In the workshop we used a made-up student, "Jo Bloggs", ID 11223344 - never use real data', "personal"),
        ("Exam question practice: 'Patient X is diagnosed with diabetes...' - all fictional, of course", "personal"),
        ("Congratulations to Emma Jones, awarded a first and the Dean's Prize for her dissertation!", "official"),
        ("Our outreach team visited St Mary's Primary today: 60 pupils aged 9-11 built robots!", "official"),
        ("Never post photos of students without their permission.", "official"),
        ("Term dates 12-09-25 to 19-12-25, 20250912 code", "official"),
        ("Students who live on Hyde Park Road should put bins out on Tuesday", "official"),
        ("She lives in Leeds and commutes to Sheffield for the lab", "personal"),
        ("Read the full open access article here: doi.org/10.1038/s41586-024-01234-5", "official"),
        (
            "the office address for deliveries is School of Chemistry, Main Building, Park Place, Cardiff CF10 3AT",
            "personal",
        ),
        ("Born 3 March 1975, I've now spent half my life at this university!", "personal"),
        ("I was rushed into hospital last night, so my colleague is covering my classes", "personal"),
        ("Name: Student Services. Address: 1 University Way, Lancaster LA1 4YW. Phone: 01524 65201.", "official"),
        ("Our outreach team spent the day at Oakfield Primary School with 90 Year 5 pupils - thank you!", "official"),
        ("Proud dad moment: my son just graduated from Durham!", "personal"),
        ("The band played live at Madison Square Garden on 10/17/94, what a night", "personal"),
        ("Our seminar looks at how adults with ADHD manage deadlines at work. Slides: research@uni.ac.uk", "official"),
        ("We want to hear from people with long-term conditions about campus access", "official"),
        ("The School's postal address is Room 2, Arts Tower, 12 Western Bank, Sheffield S10 2TN", "official"),
        ("Tomorrow is our society's annual general meeting! Come out to learn more about the committee.", "personal"),
        ("Fees can be paid by bank transfer - details are on the Finance web pages, never by email.", "official"),
    ],
)
def test_round6_near_misses_stay_clean(text: str, account: str) -> None:
    assert not _privacy(text, account), text


def test_a_persons_address_on_an_official_account_still_counts() -> None:
    """The organisation-name exemption needs no person in between: 'Dr Ahmed's house' is a home."""
    assert _hits("PRV004", "drop it round to Dr Ahmed's house, 5 The Crescent, York YO24 1AA", "official")


def test_an_address_spelled_out_with_a_dotted_name_does_not_crash() -> None:
    """'jane.doe [at] gmail [dot] com': the spelled-out address holds a plain '.', which the separator
    table once failed on (KeyError) and took the whole check down."""
    assert _hits("PRV002", "her email's jane.doe [at] gmail [dot] com if you want to invite her")
    assert _hits("PRV002", "her email is jane.doe at gmail dot com")


@pytest.mark.parametrize(
    "text",
    [
        "our new PGR rep Alex is transitioning and wants to be called Alexa from now on, spread the word",
        "Kwame from the library is having gender reassignment surgery soon, so be nice when he comes back as Kira",
    ],
)
def test_gender_identity_of_a_named_person(text: str) -> None:
    assert _hits("PRV007", text)


def test_one_person_with_a_condition_still_counts() -> None:
    """The kind-of-person exemption ('people with ...') leaves a singled-out person alone."""
    assert _hits("PRV005", "My colleague with ADHD keeps missing deadlines", "personal")


def test_not_made_up_is_not_fiction() -> None:
    assert _hits("PRV003", "This is not made up: student ID 20219876 left their bag in the library", "personal")


def _spans_reference(text: str, threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """``address_spans`` as first written: every token near a number scored (no early exit)."""
    from townhall.policy import tagger

    ms = list(tagger.TOKEN_RE.finditer(text))
    toks = [m.group(0) for m in ms]
    n = len(toks)
    near: set[int] = set()
    for i, t in enumerate(toks):
        if t[:1].isdigit():
            near.update(range(max(0, i - 6), min(n, i + 7)))
    if not near:
        return []
    order = sorted(near)
    probs = dict(zip(order, tagger._probs_reference(toks, order), strict=True))
    return tagger.runs_to_spans(ms, order, probs, threshold)


@pytest.mark.parametrize(
    "text",
    [
        "Drop round to 12 Acacia Avenue, Leeds LS1 4AB after 6",
        "Meet at 5049 Harjukuja 54, Seinäjoki after the concert.",
        "Over 900 pupils visited in 2024 and 12 schools took part.",
        "Kick-off 7:45pm, we won 3-1 and 2,000 fans came",
        "If anyone's in Madrid, Carmen lives at Calle Mayor 22, 28013 Madrid, pop round",
        "Room 2.14 at 10am, then lunch at 12:30 in the Great Hall",
        "PSC 0413, Box 8144, APO AA 12345",
    ],
)
def test_address_spans_early_exit_changes_nothing(text: str) -> None:
    """The tagger stops when no number token can be part of an address; the spans must be exactly
    those of scoring every token (scores compared bit for bit)."""
    from townhall.policy.tagger import address_spans

    for threshold in (0.5, 0.7):
        assert address_spans(text, threshold) == _spans_reference(text, threshold)
