"""Round 6 of issue 12, abuse family: posts written as tuning set A (never the blind set).

Why: the abuse rules missed British insults without a swear word, whole groups demeaned or called
less than human, stock veiled threats and wishes of death, and slurs spelt with several symbols;
and flagged research that quotes a slur, abuse quoted to condemn it, and swearing out of joy.
Each case checks the family of block/warn findings (and, for hits, that the finding keeps a span,
a clause and a fix), so a rule that stops matching or starts over-matching fails here.
"""

from __future__ import annotations

import pytest

from townhall.policy import Context, check

ABUSIVE = [
    "My tutees this year are a bunch of dozy plonkers who think reading week means a week off.",
    "That pillock from Finance just rejected my expenses claim for the third time. Absolute prat.",
    "Those climate protesters gluing themselves to roads are parasites and deserve a good kicking.",
    "Remember what happened to the last guy who crossed me, Dr Owens. Think carefully.",
    "Female academics are too emotional to lead research groups. Science, not feelings.",
    "That n1gg@ in my lab keeps taking my bench space.",
    "Trannies in the women's loos on level 2 again. Sick of it.",
    "If I ever meet Reviewer 2 in a dark car park, he'd better run.",
    "Our external examiner is a doddery old git who should have been put down years ago.",
    "The Deputy VC is a slimy little weasel, everyone on the third floor knows it.",
    "Get back in the kitchen, love, this is a physics seminar.",
    "Our Vice Principal is a walking turd in a suit.",
    "Mature students are a drain, too old to learn and too stubborn to listen.",
    "Fair warning to whoever reported me: I will find out who you are, and you will be sorry.",
    "These wheelchair users blocking the lift are a nuisance, take the stairs like the rest of us.",
    "Some of our Chinese students are robots, copy and paste merchants with zero original thought.",
    "He's a sad little nonce and everyone in the Physics department knows it.",
    "Catholics in the staff choir are a bunch of kiddie-fiddler apologists.",
    "Roll on the day Professor Hale drops dead so we can finally modernise the curriculum.",
    "Honestly the admin team are the dregs of society, bottom-feeders the lot of them.",
    "Students from those sink estates are basically feral. Can't teach animals.",
    "That slapper in Marketing thinks she runs the place.",
    # second tuning batch (A2)
    "The Roma kids at the summer school stole everything that wasn't nailed down. Typical gypos.",
    "Muzzies in the prayer room again, hope someone torches it.",
    "Women in STEM are diversity hires who'd never make it on merit.",
    "Some of the lads in my tutorial are proper knuckle-draggers. Neanderthals, the lot of them.",
    "If anyone from the Estates team reads this, you're all a bunch of useless c u n t s.",
]

CLEAN = [
    "Fucking delighted to announce I've passed my viva with minor corrections!! Thank you all.",
    'Our new paper examines how the word "retard" became a playground insult, using 40 years of newspaper archives.',
    "Today's lecture covers the dehumanising propaganda of 1930s Germany, which described Jews as \"vermin\". "
    "Content note.",
    "My dog is a complete idiot and I love him.",
    "I'm such an idiot, left my laptop charger in the exam hall again.",
    "Grey squirrels are vermin and the estates team is trapping them near the arboretum.",
    "Otters are fascinating: they are animals that hold hands while they sleep.",
    "Please stop calling disabled students \"scroungers\" in the comments. It's hateful and untrue.",
    "The myth that working-class students are \"lazy\" has no basis in the evidence. Our report explains.",
    "my line manager has scheduled a meeting at 5pm on a Friday again. she's clueless about work life balance",
    "ngl my salary as a postdoc is a joke, £36k in edinburgh doesn't cover rent",
    "@jo you daft sod, it's Tuesday not Wednesday 😂",
    "Git tip: you git stash before you pull, then pop it afterwards.",
    "Wales absolutely battered England in the second half. What a match!",
    "International students are a huge asset to our campus!",
    "My students are bloody brilliant, they found the flaw in my proof before I did.",
    "Women in STEM still face a leaky pipeline; here's what our department is doing about it.",
    "Neanderthals interbred with modern humans, says new genetic evidence from our lab.",
    'The word "spastic" was once a charity\'s name; our history seminar traces how it became a slur.',
]


def _abuse(text: str) -> list:
    return [f for f in check(text, Context("x", "personal")) if f.family == "abuse" and f.severity in ("block", "warn")]


@pytest.mark.parametrize("text", ABUSIVE)
def test_abusive_post_is_flagged_with_span_clause_and_fix(text: str) -> None:
    found = _abuse(text)
    assert found, text
    for f in found:
        assert 0 <= f.span[0] < f.span[1] <= len(text)
        assert f.clause and f.fix


@pytest.mark.parametrize("text", CLEAN)
def test_near_miss_stays_clean(text: str) -> None:
    assert not _abuse(text), [(f.code, text[f.span[0] : f.span[1]]) for f in _abuse(text)]


def test_quoted_slur_is_still_a_slur_without_a_mention_word() -> None:
    # quotation marks alone do not make a mention: '@x you "retard"' is still the slur, used
    assert {f.code for f in _abuse('@x you "retard", read the brief')} >= {"ABU001"}


def test_abuse_quoted_to_condemn_it_is_not_flagged_but_the_same_words_meant_are() -> None:
    quoted = 'Screenshot of a message my colleague received: "go back where you came from". This is racism.'
    assert not _abuse(quoted)
    assert _abuse("@newlecturer go back where you came from")


def test_exclaimed_insult_after_own_blunder_is_not_a_directed_insult() -> None:
    # ABU002 reads "What an idiot." after the author's own blunder as venting at themself
    codes = {f.code for f in _abuse("Left my laptop charger in the exam hall again. What an idiot.")}
    assert "ABU002" not in codes
    assert "ABU002" in {f.code for f in _abuse("Dr Price cancelled my seminar again. What an idiot.")}


def test_delight_swearing_does_not_excuse_an_insult() -> None:
    assert _abuse("Fucking delighted that useless prick from the REF panel got sacked")


@pytest.mark.parametrize(
    "text",
    [
        "The Home Office's visa rules are an absolute disgrace and they're driving talent away from UK science.",
        "The government's plan to cap international students is economically illiterate, says our new analysis.",
    ],
)
def test_strong_verdict_on_a_policy_is_not_abuse(text: str) -> None:
    assert not _abuse(text)


def test_the_same_verdict_with_an_insult_for_people_is_still_abuse() -> None:
    # an insult noun, a swear word or "you" puts a person back on the receiving end
    assert _abuse("The government's plan is economically illiterate, written by idiots for idiots.")
    assert _abuse("@HomeOfficeUK your visa rules are a fucking disgrace and so are you")


@pytest.mark.parametrize("text", ["@user muppet", "@drx absolute knobhead 🤡", "@someone you grifter."])
def test_a_reply_that_is_only_an_insult_is_flagged(text: str) -> None:
    assert "ABU002" in {f.code for f in _abuse(text)}


def test_a_reply_with_an_insult_noun_inside_a_sentence_is_not_a_bare_insult() -> None:
    assert "ABU002" not in {f.code for f in _abuse("@user the clown at the fair was brilliant, thanks for the tip")}


def test_wishing_a_department_cancer_is_a_threat() -> None:
    assert "ABU004" in {f.code for f in _abuse("hope the whole Maths dept gets cancer tbh")}


@pytest.mark.parametrize(
    "text",
    [
        "Research seminar: racist abuse of footballers on social media, Thursday 4pm.",
        "New paper on hate speech against women MPs: we annotated 20k replies for insults and threats.",
    ],
)
def test_research_about_abuse_is_not_abuse(text: str) -> None:
    assert not _abuse(text)


def test_research_framing_does_not_excuse_abuse() -> None:
    assert _abuse("New paper on online abuse, by the usual useless wankers from Sociology")
