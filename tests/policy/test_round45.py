"""Round 45 of issue 12: false alarms on staff's own posts by new writers (tuning sets P and Q,
docs/policy_round45_choices.md).

Each clean post below is worded after a tuning post that a rule flagged for a reason it does not have
(a colleague's lunch read as an inside source, a water bottle's leak and a TV show's leaked plot read as
the institution's, an unexplained printer fault read as a secret, a meeting that ended early read as
misconduct, a motto read as a password, a chair read as a buried report, a joke at one's own expense
read as an insult); each stands beside a risky post the same rule must still catch.

The two tests over these pairs are in ``test_rule_slip_twins.py``, with every slip round's.
"""

from __future__ import annotations

from .flagging import flagged

# (family, (network, account), risky post, (network, account), clean post)
CASES = [
    # PER006: a source needs something told; a leak needs something the institution keeps
    (
        "personal-use",
        ("facebook", "personal"),
        "Someone in the office told me the Music department is closing next year. Not announced yet.",
        ("facebook", "personal"),
        "Someone in the office microwaved fish again. I will not name names. I will simply open every window.",
    ),
    (
        "personal-use",
        ("threads", "personal"),
        "Leaked from Senate: the Music department closes in July. You heard it here.",
        ("threads", "personal"),
        "My leak-proof water bottle has leaked all over my bag, lecture notes included. Great start.",
    ),
    # CIP003: a TV show's leaked plot
    (
        "confidential-ip",
        ("threads", "personal"),
        "Leaked: the draft Senate paper on closing the Music department.",
        ("threads", "personal"),
        "The leaked plot of the new Doctor Who series is all over my feed and I refuse to look.",
    ),
    # CIP006: nobody knows why, not nobody knows yet
    (
        "confidential-ip",
        ("x", "personal"),
        "Nobody knows yet, but Chemistry will be merged into Physics in June. You didn't hear it from me.",
        ("x", "personal"),
        "The printer on the second floor now prints everything in pale pink. Nobody knows why. Pink handouts for all.",
    ),
    # PER005: nobody complained about an early finish
    (
        "personal-use",
        ("linkedin", "personal"),
        "I've used the same lecture slides since 2009 and nobody has ever complained.",
        ("linkedin", "personal"),
        "Leadership lesson: good meetings have a purpose and end early. Nobody has ever complained about getting 15 "
        "minutes back.",
    ),
    # CRD001: a motto, not a password
    (
        "credentials",
        ("x", "personal"),
        "My password for the staff portal: Coffee2024! Don't tell IT.",
        ("x", "personal"),
        "My password for life: coffee. My real passwords: long, random and kept in a manager.",
    ),
    # PER003: a seat sat on, not a report
    (
        "personal-use",
        ("threads", "personal"),
        "Management at the uni are sitting on the asbestos report for the Main Building.",
        ("threads", "personal"),
        'Estates life: fixed two radiators and a wobbly chair someone had been sitting on "for about two years". '
        "Uni furniture, eh.",
    ),
]



def test_a_joke_at_ones_own_expense_is_no_insult() -> None:
    # ABU003's corroboration: "coward" said of the author after "I am a kind person and also a"
    clean = 'I wrote "per my last email" and then deleted it, because I am a kind person and also a coward.'
    assert "abuse" not in flagged(clean, "personal", "x")
    assert "abuse" in flagged("@dan you are a liar and also a coward, everyone knows it", "personal", "x")
