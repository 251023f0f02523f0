"""Round 44 of issue 12: false alarms on clean posts of the held-back part's kinds, written by new writers
(tuning sets I and J, docs/policy_round44_choices.md).

Each clean post below is worded after one of the tuning posts a rule flagged for a reason it does not
have (a recording "listened back" to read as backing a side, a booking page read as a copied work, the
reader's own password habit read as a shared login, a service's mailbox read as a person's, a product's
name read as a patient's diagnosis, the institution's own postal address read as a home); each stands
beside a risky post the same rule must still catch.

The two tests over these pairs are in ``test_rule_slip_twins.py``, with every slip round's.
"""

from __future__ import annotations

# (family, (network, account), risky post, (network, account), clean post)
CASES = [
    # CON001: a recording played back, time kept for questions, support measured by a survey
    (
        "contentious",
        ("facebook", "official"),
        "We back the strike and urge every student to join the picket.",
        ("facebook", "official"),
        'Listen back: our lecture "Policing and Protest" is now a podcast, with two decades '
        "of UK research on how protests are policed.",
    ),
    (
        "contentious",
        ("x", "official"),
        "Time for the government to scrap the two-child benefit cap. We support the protest.",
        ("x", "official"),
        'Join our panel "Faith and Public Life" on 3 May. Speakers of every faith and none, and '
        "time for audience questions.",
    ),
    (
        "contentious",
        ("x", "official"),
        "Polls show broad support for net zero, and so do we: we support a ban on new oil licences.",
        ("x", "official"),
        "How does Wales feel about net zero? Polling by our Climate Unit shows broad support for the goal, "
        "with sharper disagreement over costs such as heat pumps.",
    ),
    # CPY004: where to read or book, not a copy
    (
        "copyright",
        ("facebook", "official"),
        "We copied the article from the Guardian website and posted it here in full.",
        ("facebook", "official"),
        "Sharing this from our local blood service: a donor session in the Sports Hall on "
        "Tuesday. Book your slot on their website.",
    ),
    (
        "copyright",
        ("facebook", "official"),
        "Found this photo on a photographer's website and used it as our new banner.",
        ("facebook", "official"),
        "Student story: Priya came to Northfield as a mature student after ten years in banking. "
        "Now she's a paramedic. Read her story on the blog.",
    ),
    # CRD005: the reader's habit, the approved place for shared logins
    (
        "credentials",
        ("x", "official"),
        "We all use the same password for the lab PC, it's on a post-it by the door.",
        ("x", "official"),
        "Security tip: if you've reused the same password on several sites, change your university one "
        "first. Three random words make a good passphrase.",
    ),
    (
        "credentials",
        ("x", "research"),
        "Our shared login for the lab's Twitter is on a post-it by the door, no need for a password manager.",
        ("x", "research"),
        "Lab tip: we keep shared logins in the university's password manager, never in notebooks.",
    ),
    # PRV002: a service's mailbox; an academic's work address for work, from a research group
    (
        "privacy",
        ("facebook", "official"),
        "Anna from our team can help: annasupport@gmail.com.",
        ("facebook", "official"),
        "Money worries mid-year? Contact the Money Advice team at moneyadvice@northfield.ac.uk.",
    ),
    (
        "privacy",
        ("x", "research"),
        "Our PhD student Tom failed his viva, so e-mail him at tomjones1999@gmail.com to cheer him up.",
        ("x", "research"),
        "We're hiring a postdoc in protein folding, three years funded. Informal enquiries to the PI at "
        "e.hughes@northfield.ac.uk.",
    ),
    # PRV007: a product for a condition, not a patient
    (
        "privacy",
        ("linkedin", "official"),
        "Our colleague Dr Sam Reid has sepsis and is in intensive care; please send cards to the department.",
        ("linkedin", "official"),
        "Northfield and Calder Diagnostics today showcased the commercial prototype of the rapid "
        "sepsis test at MedTech Week in London. Come and see it at stand 12.",
    ),
    # PRV004: the institution's own postal address
    (
        "privacy",
        ("facebook", "personal"),
        "Party at ours Saturday! Our address is 14 Elm Grove Road, Leeds LS6 2AB.",
        ("facebook", "official"),
        "Posting documents? Our address is Admissions, University of Northfield, Cavendish Road, "
        "Leeds LS2 9JT. Write your applicant number on the envelope.",
    ),
]
