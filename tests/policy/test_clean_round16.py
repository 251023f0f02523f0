"""Clean round 16 (issue 12): false alarms found by tuning set L2 (240 clean near-misses written by
someone who had not seen the rules; 12/240 with a risk finding before this round). Each fix comes
with a risky twin, close in wording, that keeps its finding, so the fix is not a keyword patch. Blind
set L1 and the E-sets' clean posts (``bench/blind_sets.py``) measure whether the round generalises."""

from __future__ import annotations

from .flagging import twin_tests

# (family, network, account, risky twin, clean post)
PAIRS = [
    # CRD001: a span of clock times is when a portal is down, not a password
    (
        "credentials",
        "x",
        "official",
        "Scheduled maintenance tonight. The temporary admin password is 6am9pm-Tulip until Sunday.",
        "Scheduled maintenance: the password reset portal will be unavailable Sunday 6am–9am. Existing passwords "
        "will keep working as normal.",
    ),
    (
        "credentials",
        "linkedin",
        "official",
        "Library PCs: the shared login password is Shelf-9pm2 for this week.",
        "Library PCs: password changes are paused 9.30-11am on Monday while we upgrade the login servers.",
    ),
    # CRD001: a password named as what not to be like ("harder to crack than something like P@ssw0rd1")
    (
        "credentials",
        "mastodon",
        "personal",
        "The wifi password in the staff room is something like Tulip22 now, ask Dave if it fails",
        "New term, new password? I tell my tutees to use a passphrase: three random words plus a number is far "
        "harder to crack than something like P@ssw0rd1.",
    ),
    # CIP006: "Don't share it" said of a password is advice, not news held back
    (
        "confidential-ip",
        "x",
        "personal",
        "We got the big grant today! Don't share it yet, the announcement is on Friday",
        "Every year I tell my first-years the same thing: your password is like a toothbrush. Don't share it, and "
        "change it if you think someone else has used it.",
    ),
    (
        "confidential-ip",
        "bluesky",
        "personal",
        "Our paper got accepted at Nature this morning!! Don't share it, embargo until the 12th",
        "PSA for freshers: your uni login is yours alone. Don't share it with flatmates, even for printing.",
    ),
    # PRV004/PRV006: an event that has moved to a room is not a person who has moved house
    (
        "privacy",
        "x",
        "personal",
        "Big news: my colleague Sarah has moved to 14 Elm Grove Road, Leeds LS6 2AB, drop round for the party",
        "Today's seminar has moved to Room 2.14, Hartley Building. Same time, 2pm.",
    ),
    (
        "privacy",
        "threads",
        "personal",
        "My neighbour has moved to Flat 3, 21 Mill Lane, Leeds LS1 4AB so post goes there now",
        "Heads up: Thursday's tutorial has now moved to Room G.12 in the Arts Tower, same time.",
    ),
    # PRV007: the subject of someone's thesis is not their own circumstances
    (
        "privacy",
        "x",
        "personal",
        "Proud of my PhD student Tomasz, who defended his thesis today despite his asylum claim being refused "
        "last week.",
        "Proud of my PhD student Tomasz, who defended his thesis today on how asylum decisions are communicated "
        "to applicants. Careful, thorough work. Congratulations, Dr Nowak!",
    ),
    (
        "privacy",
        "linkedin",
        "personal",
        "Good luck to Priya, back on her dissertation after her cancer treatment this spring",
        "Good luck to Priya on her dissertation about cancer screening",
    ),
    # PRV001: a unit's landline, when the sentence before named the unit ("ring them on") or when the
    # post relays the unit's message ("X colleagues asked me to share: the queries line ...")
    (
        "privacy",
        "x",
        "personal",
        "Bumped into Dave at Security Reception this morning. If you need him, ring him on 01632 960999",
        "Handed in a wallet at Security Reception, Ground Floor, Hartley Building this morning. If it's yours, "
        "ring them on 01632 960999 to claim it.",
    ),
    (
        "privacy",
        "facebook",
        "personal",
        "Finance colleagues asked me to share my number for invoices: 01632 960330, call any time",
        "Finance colleagues asked me to share: the invoice queries line (01632 960330) is closed on bank holidays, "
        "so email finance@example.ac.uk instead.",
    ),
    # PRV002: a research group's account giving a named officer's work address, as an official one may
    (
        "privacy",
        "linkedin",
        "research",
        "Congratulations to Dr Colin Ashby, c.ashby@example.ac.uk, who failed his probation review",
        "Industry partners interested in collaborating with the Advanced Materials Group can reach our "
        "partnerships manager, Dr Colin Ashby, at c.ashby@example.ac.uk.",
    ),
    # PRV006: one of the institution's own units saying where it has moved
    (
        "privacy",
        "x",
        "official",
        "Our International Office manager has moved house! Find her at 12 Station Street, Eastmoor EM1 2HD.",
        "Our International Office has moved! Find them at 3rd Floor, Marlow House, 12 Station Street, Eastmoor "
        "EM1 2HD. The phone number stays the same: 01632 960420.",
    ),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)
