"""Abuse family (issue 12): the constructions the families helper added, each with a clean
near-miss that must stay clean. Why: the judged posts are unseen, so each construction is
pinned by a case of its own kind, not by the phrase that prompted it."""

from __future__ import annotations

import pytest

from townhall.policy import Context, check
from townhall.policy.rules.abuse import CLASSIFIER_ALONE, aims_at_someone, has_offence_cue


def codes(text: str, account: str = "personal") -> set[str]:
    return {f.code for f in check(text, Context("x", account)) if f.severity in ("block", "warn")}


@pytest.mark.parametrize(
    "text",
    [
        "@daveh you are a useless waste of space",  # addressed (a reply)
        "the new head of school is a spineless hypocrite",  # a strong insult
        "shut up you stupid b1tch nobody asked",  # disguised profanity
        "someone should punch the dean",  # violence aimed at a person
        "I hope he dies in his sleep",  # a wish for harm
        "the cleaners on floor 3 are subhumans",  # dehumanising
        "I know where you live",  # a threat
        "you clearly never read the paper",  # "you" as the subject of a claim
    ],
)
def test_offence_cues(text: str) -> None:
    assert has_offence_cue(text)


@pytest.mark.parametrize(
    "text",
    [
        "That 9am stats lecture was absolutely brutal",
        "I killed it at the conference today, three people asked for the slides!",
        "Damn good results from the pilot study, so proud of the team",
        "Bloody hell, just realised it's December",
        "I prefer marking on paper. I know, I know. I'm a dinosaur.",
        "gonna murder this marking pile tonight, wish me luck",
        "pov: you've been staring at the same spreadsheet for three hours",
        "Found my old lanyard with the 2009 logo on it",
        "Thank you to everyone who came!",
    ],
)
def test_harmless_strong_words_are_no_cue(text: str) -> None:
    assert not has_offence_cue(text)


def test_the_gate_only_applies_below_the_confident_band() -> None:
    assert 0.5 < CLASSIFIER_ALONE <= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "Killed it at the staff talent show. Well, my singing killed something anyway.",
        "Our team absolutely smashed the hackathon, killer demo from Priya",
        "Bloody hell, the library's new coffee machine actually makes decent coffee.",
    ],
)
def test_banter_and_strong_words_stay_clean(text: str) -> None:
    assert "ABU003" not in codes(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("my line manager is a complete c*nt and everyone knows it", "ABU001"),
        ("The postgrads in lab 4 are a pack of mongs", "ABU001"),
        ("watch your back @jonesy, you won't be laughing on monday", "ABU004"),
        ("I know where you live and I'll make sure you regret this", "ABU004"),
    ],
)
def test_disguised_slurs_and_threats(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Back pain? Watch your posture at the desk, says our physio team.",
        "Try the new method and see what happens, you'll regret nothing!",
        "We're coming for you next season, Northbridge! Great game today.",
        "Among us is a great game, and so is Scunthorpe's five-a-side",
        "Email me at c.unt@example.com for the slides",
    ],
)
def test_threat_and_slur_near_misses_stay_clean(text: str) -> None:
    assert not codes(text) & {"ABU001", "ABU004"}


@pytest.mark.parametrize(
    "text",
    [
        "@siannon_w you're a wee star, cheers pal",
        "@ciaran_b shut up you daft eejit, you know you're welcome any time 😂",
    ],
)
def test_the_learned_abuse_verdict_leaves_warm_banter_alone(text: str) -> None:
    """ABU010 (the learned detector) fired on banter the abuse rules already read as warmth."""
    assert not {"ABU010", "ABU002", "ABU003"} & codes(text)


def test_the_learned_abuse_verdict_still_reads_an_insult_in_a_reply() -> None:
    assert "ABU010" in codes("@user you utter clown. Did you even read past the abstract?")


# --- issue 12: offensive posts that address nobody (TweetEval val/train with '@user' stripped) ---
@pytest.mark.parametrize(
    "text",
    [
        "Friggen crook.",  # a word that fits only a person
        "who raised these spoiled brats?",
        "Guilty old perv",
        "the minister should have been sacked years ago",  # wanting someone punished
        "Holder should be in prison",
        "that Texan should never be elected",
        "people like you are the problem",
        "Ezra is a cockroach who needs light shone on him",  # a named person's verdict
        "Theresa Mayhew is a liability to this nation",
        "Her feeling of bitterness is evident in every article",  # a third person
    ],
)
def test_third_person_contempt_is_an_offence_cue(text: str) -> None:
    assert has_offence_cue(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm such a fool, left my badge at home again",  # said of oneself
        "Only Fools and Horses marathon on telly tonight",
        "April fools prank in the lab went too far, the kettle is now pink",
        "Marking is the worst, three scripts to go",  # a capitalised noun, not a name
        "Traffic was insane on the way in today",
        "Lying on the sofa with a cold, marking can wait",
        "knee-jerk reaction to the league tables again",
        "Can't wait to go back to Edinburgh for the conference",
    ],
)
def test_venting_and_names_of_things_are_no_new_cue(text: str) -> None:
    assert not has_offence_cue(text)


@pytest.mark.parametrize(
    "text",
    [
        "Disgusting.",  # a bare reaction to someone else's post
        "Sleazy and greasy!!!",
        "This pope is a dope!",  # a person noun
        "Truly the most idiotic thing I've ever seen.",  # contempt that fits only a person
        "Fool!",
        "Mueller should be in jail",
    ],
)
def test_contempt_without_a_pronoun_aims_at_someone(text: str) -> None:
    assert aims_at_someone(text)


@pytest.mark.parametrize(
    "text",
    [
        "stupid printer on level 3 has eaten my thesis",
        "I'm a useless idiot, booked the wrong room for my own seminar",
        'Mental health awareness week: words like "psycho" and "crazy" hurt.',  # a mention, not a use
        "Disgusting weather today, soaked to the bone",
        "this marking is kicking my butt",
    ],
)
def test_venting_at_things_and_oneself_aims_at_no_one(text: str) -> None:
    assert not aims_at_someone(text)
