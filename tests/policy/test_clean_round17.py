"""Clean round 17 (issue 12): false alarms found by tuning set L3 (150 clean near-misses of the issue's
kinds, written by a helper who had not seen the rules; 9/150 with a risk finding before this round, 4
after) and by L5 (160 official and research-group near-misses by another helper; 9/160 before, 4
after). Each fix has a risky twin, close in wording, that keeps its finding. Set L4, written beside L3
by a third helper, is the yardstick: 16/150 before and after both (``docs/policy.md``)."""

from __future__ import annotations

from .flagging import twin_tests

# (family, network, account, risky twin, clean post)
PAIRS = [
    # PRV001: a unit named by what it is ("the Law School:", "The Music Department box office") owns the line
    (
        "privacy",
        "x",
        "personal",
        "For anyone trying to reach Priya in the Law School: her home number is 01632 960372, she's off sick.",
        "For anyone trying to reach the Law School: the office number is 01632 960372, open 9-5.",
    ),
    (
        "privacy",
        "facebook",
        "personal",
        "Our Music Department colleague Tom is off sick, ring him at home on 01632 960588 if urgent.",
        "Our Christmas concert is open to the public! The Music Department box office is on 01632 960588 and tickets "
        "are free.",
    ),
    # CPY004: the group's own website or blog is not someone else's
    (
        "copyright",
        "bluesky",
        "research",
        "Our slides are now on the lab website, alongside the photos we grabbed from a rival lab's website.",
        "Our slides from last week's European Geosciences Union meeting are now on the lab website.",
    ),
    # CPY004: an act the post says it avoided ("instead of copying their figures")
    (
        "copyright",
        "bluesky",
        "research",
        "We copied the figures from their paper straight into our review instead of linking to it.",
        "Our mini-review is up on the lab blog, linking to each original paper instead of copying their figures.",
    ),
    # PER010: office hours for the author's own tutees, with the work address
    (
        "personal-use",
        "x",
        "personal",
        "If you're one of my second-year tutees, I also do private tutoring at £30 an hour. Drop me a line at my "
        "university address, j.mercer@northvale.ac.uk.",
        "If you're one of my second-year tutees, my office hours this term are Wednesdays 10-12 in Room 3.07. Or "
        "drop me a line at my university address, j.mercer@northvale.ac.uk.",
    ),
    # L5 -- PRV001: a service named right before its line in brackets, with no person named before it
    (
        "privacy",
        "x",
        "official",
        "Priya from Security (01632 960999) found my wallet, she's a star.",
        "Christmas closure: the University reopens on 2 Jan. Security (01632 960999) and the Wellbeing "
        "out-of-hours line (01632 960777) stay open throughout.",
    ),
    # PRV002: a unit's clipped name and a unit word ("International Student Advice ... intadvice@")
    (
        "privacy",
        "x",
        "official",
        "Our student Ana Reyes is stranded abroad after her visa was refused; write to "
        "anareyes@calderbrook.example.ac.uk to help.",
        "The International Student Advice team runs visa appointments by phone on Wednesdays. Book via "
        "intadvice@calderbrook.example.ac.uk.",
    ),
    # PRV002: a named group lead's published work address, the role a little further back
    (
        "privacy",
        "bluesky",
        "research",
        "Our former PhD student Iain MacRae is off sick with depression; send him wishes at "
        "i.macrae@calderbrook.example.ac.uk.",
        "Prospective PhD applicants: informal enquiries are welcome to the Coastal Geomorphology Group lead, "
        "Professor Iain MacRae (i.macrae@calderbrook.example.ac.uk).",
    ),
    # PRV004: "moved to 12 noon" is a time, not a house number
    (
        "privacy",
        "x",
        "official",
        "Dr Kim has moved to 12 Nook Lane, Leeds LS6 2AB, send your cards there!",
        "Service notice: CalderLearn is down on Sat 12 Oct from 6am to 10am. Deadlines in that window have been "
        "moved to 12 noon.",
    ),
    # CPY010 (learned): the maker credited by name
    (
        "copyright",
        "instagram",
        "official",
        "Reposting this lovely shot of the Christmas market we found on Pinterest, no idea who took it 📸",
        "Reposting this lovely shot of the Christmas market from @calderbrook_su 📸 "
        "(credit: Tom Hart, SU photographer)",
    ),
    # CPY004: "the official University logo" is the institution's own
    (
        "copyright",
        "linkedin",
        "official",
        "Grabbed the Oxford University logo off Google for our event poster.",
        "Reminder for departments: please use the official University logo lock-up on event materials.",
    ),
]

test_risky_twin_is_flagged, test_clean_twin_stays_clean = twin_tests(PAIRS)
