"""privacy: other people's personal data (contact details, ID numbers, addresses, health,
grades and disciplinary matters about identifiable people)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import phonenumbers
import regex

from townhall.policy import clauses
from townhall.policy.compiled import POSTCODE_RE, CompiledPack, given_names, wordset
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import (
    CAP_WORD_RE,
    SENTENCE_REACH,
    gate,
    gate_words,
    may_hold,
    office_address,
    person_cue,
    phrases,
    sentence_start,
    sentences,
    token_set,
    tokens,
    wordlist,
)
from townhall.policy.tagger import address_spans, name_probability

# Cheap pre-filter: only run libphonenumber when there is a long enough digit run.
_DIGITS_RE = re.compile(r"\+?\d[\d\s().\-]{6,}\d")
# POSSIBLE (length-plausible) rather than VALID: fictional/reserved ranges such as 07700 900xxx
# are still someone's number in a post, and numbering plans change faster than the metadata.
_LENIENCY = phonenumbers.Leniency.POSSIBLE
# A number introduced as a phone number, however it is grouped ("call me on 9472 7916",
# "Phone: 451 5986", "they're not answering at 78 651 450", "my mobile is seven..." is not digits).
_PHONE_CONTEXT_RE = regex.compile(
    r"(?<![\w])(?:call(?:ing)?|ring|phone|tel(?:ephone)?|mobile|mob|cell(?:phone)?|landline|whats\s?app|text(?:ing)?|"
    r"sms|messages?|number|no\.|answering|reach\s+(?:me|him|her|them)|contact(?:able)?|registered|dial)"
    r"(?![\w])[^\d\n.!?]{0,25}?(?P<num>(?<![\w/.:-])\+?\(?\d[\d()]{0,4}(?:[ .-]?\(?\d+\)?){1,5}(?![\w/:]|[.,]\d))",
    regex.IGNORECASE,
)


# Numbers only organisations hold (UK freephone and non-geographic ranges: 0800, 0808, 03xx, 0845,
# 0870, 0500) are never a private person's, and a landline given as a service's line by an official
# account ("call Student Services on 0121 414 3344", "IT Service Desk: 0161 275 5000") is the
# institution publishing its own contact details, which the guidance asks it to do.
_NON_GEOGRAPHIC = (
    "0800",
    "0808",
    "0500",
    "0300",
    "0330",
    "0333",
    "0343",
    "0344",
    "0345",
    "0370",
    "0371",
    "0845",
    "0870",
)
_SERVICE_CUE_RE = regex.compile(
    r"(?<![\w])(?:call\s+us|ring\s+us|contact\s+us|our\s+\w+(?:\s+\w+)?\s+(?:team|line|office|desk|centre|center)|"
    r"service(?:s)?\s+desk|helpdesk|help\s+desk|helpline|hotline|switchboard|reception|enquiries|bookings?|"
    r"(?:student|it|advice|support|security|estates|library|admissions|accommodation|recruitment|wellbeing|"
    r"disability|careers|finance|registry)\s+(?:services?|team|office|desk|line|centre|center)|"
    r"student\s+(?:wellbeing|support|advice|services|finance|hub|help|life|union)|"
    r"(?:security|reception|porters|switchboard|wellbeing|counselling|admissions|library)['’]s\s+(?:number|line|phone)|"
    r"(?:queries|enquiries|booking|bookings|advice|support)\s+line|"
    r"(?:24[/-]7|24-hour|24\s+hour)\s+(?:line|support|helpline))(?![\w])",
    regex.IGNORECASE,
)
# The harmonised European helplines ("Samaritans (116 123)", "Childline on 116 111"): six digits
# starting 116, held only by services, never a person's line.
_HELPLINE_116_RE = re.compile(r"116\d{3}")
_PERSONAL_CUE_RE = regex.compile(
    r"(?<![\w])(?:me|my|his|her|their|mobile|mob|whats\s?app|(?:at|from)\s+home|home\s+(?:number|phone|landline|line|no))(?![\w])",
    regex.IGNORECASE,
)


_OWN_OFFICE_RE = regex.compile(
    r"(?i)\b(?:my|our)\s+(?:new\s+)?(?:office|work|desk|direct|department|dept)\s+(?:number|line|phone|extension|no\.?)\b"
)
# A dotted room number or a range of them ("0.21-0.24", "4.102"): floor and room, not a phone
# number (no UK number is written with a one- or two-digit group before a dot).
_ROOM_NUMBER_RE = regex.compile(r"\(?\d{1,2}\.\d")
# A span of years ("(1951-2026)"), not a phone number.
_YEARS_RE = regex.compile(r"\(?(?:1[89]|20)\d\d\s*[-–]\s*(?:1[89]|20)?\d\d\)?")


# "the Law School office ... the number is 0131 ...", "Estates helpdesk: 0113 ...": a unit of an organisation,
# by its capitalised name and what it is (office, desk, reception), as what the number reaches
_UNIT_LINE_RE = regex.compile(
    r"\b\p{Lu}[\p{L}'’-]+(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}'’-]+){0,3}\s+(?:[Oo]ffice|[Rr]eception|[Hh]elp\s?desk|"
    r"[Ss]ervice\s+[Dd]esk|[Ss]witchboard|[Ee]nquiries|[Ll]odge|[Dd]esk)\b"
    # round 17: a unit named by what it is ("the Law School: the office number is", "The Music
    # Department box office is on", "the School of Nursing office")
    r"|\b(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:School|Department|Faculty|Institute|Centre|Center|Library|Museum|Gallery|Union)\b"
    r"|\b(?:School|Department|Faculty|Institute|Centre)\s+of\s+\p{Lu}[\p{L}'’-]+"
)


_CAPITALISED_RE = regex.compile(r"\b\p{Lu}\p{Ll}+\b")


def _given_name_in(s: str) -> bool:
    """Whether ``s`` holds a capitalised given name ("call Sam on ...", "Priya's address"): a person,
    where the number or address that follows would otherwise be a unit's."""
    names = given_names()
    return any(w.lower() in names for w in _CAPITALISED_RE.findall(s))


# Passing on a unit's message ("Finance colleagues asked me to share: ..."): the "me" is the messenger's
_RELAY_RE = regex.compile(
    r"(?i)\b(?:asked|told)\s+me\s+to\s+(?:share|pass\s+(?:this\s+)?on|post|say|let\s+you\s+(?:all\s+)?know)\b"
)
# "ring them on ...": the number of the unit the sentence before named ("Handed it in at Security Reception.")
_CALL_THEM_RE = regex.compile(r"(?i)\b(?:ring|call|phone|contact|text)\s+them\b")


def _unit_line_from_personal(text: str, start: int) -> bool:
    """A landline a personal post gives as a named unit's line, in the same sentence (or in the one
    before, when this one says "ring them"), with no person's line in view (no 'my', 'her', 'home',
    no given name before it)."""
    ends = [m.start() for m in _SENTENCE_END_RE.finditer(text, 0, start)]
    s = max(ends, default=-1)
    before = text[s + 1 : start]
    if _CALL_THEM_RE.search(before) and not _UNIT_LINE_RE.search(before) and not _SERVICE_CUE_RE.search(before):
        before = text[(ends[-2] if len(ends) > 1 else -1) + 1 : start]  # the unit named one sentence back
    unit = _UNIT_LINE_RE.search(before) or _SERVICE_CUE_RE.search(before)
    if unit is None:
        return False
    colon = before.rfind(":", 0, unit.start())
    if colon >= 0:
        before = before[colon + 1 :]  # round 19: "For anyone in my tutorial groups: the Disability team is on ..."
    if _PERSONAL_CUE_RE.search(_RELAY_RE.sub(" ", before)):
        return False
    return not _given_name_in(before)


_OWN_PHONE_INTRO_RE = regex.compile(
    r"(?i)(?:enquiries|bookings|orders|commissions|(?:call|text|ring|whatsapp|message)\s+me)\s*(?:on|at)?\s*:?\s*"
    r"(?:[\w.+-]+@[\w.-]+\s*(?:,|or|/|and)?\s*)?$"
)


def _own_trade_line(text: str, start: int) -> bool:
    """A personal post's own number given for the author's own private trade (see _OWN_TRADE_RE)."""
    return (
        _OWN_PHONE_INTRO_RE.search(text, max(0, start - 70), start) is not None
        and _OWN_TRADE_RE.search(text) is not None
        and _OWN_WORK_RE.search(text) is None
    )


def _service_line(doc: Doc, start: int, end: int, digits: str) -> bool:
    """Whether the number at [start, end) is an organisation's line rather than a person's."""
    d = ("0" + digits[2:]).replace("00", "0", 1) if digits.startswith("44") else digits  # +44 (0)1223 ...
    if d.startswith(_NON_GEOGRAPHIC) or _HELPLINE_116_RE.fullmatch(d):
        return True
    text = doc.text
    if d.startswith(("01", "02")) and _OWN_OFFICE_RE.search(text, max(0, start - 40), start):
        return True  # the author's own office line ("my new office number is 0113 ...")
    if doc.ctx.account == "personal":
        if _own_trade_line(text, start):
            return True  # the author's own number for their own private trade
        return d.startswith(("01", "02", "03")) and _unit_line_from_personal(text, start)
    if not d.startswith(("01", "02", "07")):
        return False
    # the sentence start: the last . ! ? or line break followed by a space (not the dot inside
    # "support@uni.ac.uk", which would cut "Contact the Support team at" off the sentence)
    s = max((m.start() for m in _SENTENCE_END_RE.finditer(text, 0, start)), default=-1)
    window = text[s + 1 : min(len(text), end + 40)]
    before = text[s + 1 : start]
    if _PERSONAL_CUE_RE.search(before):
        return False
    if d.startswith("07"):
        # a mobile is a person's unless the official post gives it as a service's duty line ("Press
        # enquiries: ... Out of hours, call 07700 900123", "Security's on-call mobile"), with no
        # person named before it in the sentence
        if _given_name_in(before):
            return False
        if _DUTY_LINE_RE.search(window):
            return True
        return _SERVICE_CUE_RE.search(text) is not None and bool(_CALL_RE.search(text, max(s + 1, start - 25), start))
    if _CONTACT_LABEL_RE.search(text, max(s + 1, start - 90), start):
        return True  # "Media contact: Priya Shah, p.shah@..., 0113 ...": the press office's line for the release
    if _DUTY_LINE_RE.search(window) and not _given_name_in(before):
        return True  # round 19 (N9): "the out-of-hours number on your registration card, 0113 ...": a duty line
    if _SERVICE_CUE_RE.search(window) or _LABEL_CUE_RE.search(before):
        return True
    if _role_email_near(doc, s + 1, min(len(text), end + 60)):
        return True  # "Admissions: 01223 333308, admissions@...": the same service's line and address
    # "Call Security on 0121 ...", "Still stuck? 0113 ...": an official account's own line, unless a
    # person's given name comes before it in the sentence ("call Sam on 0121 ...")
    if _given_name_in(before):
        return False
    if text[start : start + 1] == "(" and _PAREN_LABEL_RE.search(before):
        return True  # "Security (0113 ...) and the Wellbeing out-of-hours line (0113 ...)": a service, its line
    if _OWN_NUMBER_LEAD_RE.search(before):
        return True  # "The phone number stays the same: 0113 ...": the office's line, said of itself
    return bool(_CALL_RE.search(text, max(s + 1, start - 25), start)) or not before.strip(" ?:-")


# A service named right before its line in brackets ("Security (0113 ...)", "the out-of-hours line (0113 ...)");
# tested after the given-name check, so "Priya from Security (0113 ...)" stays a person's.
_PAREN_LABEL_RE = regex.compile(
    r"(?i)\b(?:office|team|desk|line|helpline|hotline|lodge|porters|security|reception|switchboard|enquiries|"
    r"control\s+room|service|services|centre|center)\s*$"
)


# The sentence ends in "(the/our/same) phone number (stays the same / is unchanged / is):": an
# official post giving its own line after saying it moves or changes (only reached once no
# person's given name came before it in the sentence).
_OWN_NUMBER_LEAD_RE = regex.compile(
    r"(?i)\b(?:phone|telephone|contact|office)\s+(?:number|line)\s+(?:(?:stays|remains|is|will\s+be|hasn['’]t|"
    r"has\s+not|doesn['’]t|does\s+not|won['’]t|will\s+not)\s+)?(?:(?:the\s+)?same|unchanged|still|change[ds]?|"
    r"changing)?\s*[:\-–,]?\s*$"
)


# A service named as a label before its line ("Research office: ...", "Accommodation queries: ...",
# "Admissions: ..."): how an official post lists its own contacts.
_LABEL_CUE_RE = regex.compile(
    r"(?i)(?:\b(?:office|queries|enquiries|questions|team|desk|line|contact|contacts|helpline|support|hotline|"
    r"control\s+room|lodge|porters|security|reception|switchboard|emergencies)|"
    r"^\s*\p{L}+)\s*[:\-–]\s*(?:[\w.+-]+@[\w.-]+\s*(?:,|or|/|and)?\s*)?$"
    # "Supplier queries 0113 ...", "Transport Office, 0191 ...": the same label without a colon
    r"|(?-i:\p{Lu})\p{L}+\s+(?:[Oo]ffice|[Tt]eam|[Dd]esk|[Qq]ueries|[Ee]nquiries)\s*,?\s*$"
)


def _role_email_near(doc: Doc, s: int, e: int) -> bool:
    """Whether a role or service address (not a person's) lies in text[s:e]: an official post
    giving a service's e-mail gives that service's line beside it."""
    for es, _ee, local, domain in doc.emails:
        if not s <= es < e or domain in FREEMAIL:
            continue
        low = local.lower()
        if low in ROLE_LOCALS or re.split(r"[._+-]", low)[0] in ROLE_LOCALS or _compound_role(low):
            return True
        if low.isalpha() and low in wordset() and low not in given_names():
            return True  # a service's one-word address ("transport@"), as _email_verdict reads it
        if _worded_service_local(low, doc.text):
            return True  # round 19 (N9): "the study team at breathe2@... or 0113 ...": the team's line
    return False


# A post that says its person is invented ("a fictional student, 'Alex Example'", "Anonymised case
# study: 'Student A' discloses ...", "made-up ID for the GDPR workshop"): teaching material about
# personal data, not anyone's. "not made up" / "isn't anonymised" do not count.
_FICTION_STEMS = ("fictio", "fictitious", "made-up", "made up", "hypothetic", "anonymi", "pseudonymi", "dummy",
                  "imaginary", "invented", "not real", "not a real", "student ", "patient ", "person ", "participant ")
_FICTIONAL_RE = regex.compile(
    r"(?<!\bnot\s)(?<!n't\s)(?<!\bnot\s(?:been|be)\s)\b(?:fictional|fictitious|hypothetical|anonymi[sz]ed|pseudonymi[sz]ed|"
    r"imaginary|invented\s+(?:student|name|person|example|case|data|details)"
    r"|made[-\s]up\s+(?:student|name|example|person|data|case|character|number|details|colleague|patient)s?"
    r"|(?:all|is|are|entirely|completely|totally|obviously)\s+made[-\s]up"
    r"|dummy\s+(?:data|records?|students?|accounts?|details|examples?|numbers?)|not\s+(?:a\s+)?real\s+(?:person|student|"
    r"people|name|number|data|details))\b"
    r"|[\"“‘'](?:student|patient|person|participant|candidate|colleague|employee)\s+[A-Z][\"”’']",
    regex.IGNORECASE,
)


def fictional(doc: Doc) -> bool:
    """Whether the post says the person in it is invented or anonymised (see _FICTIONAL_RE)."""
    got = doc.__dict__.get("_fictional")
    if got is None:
        low = doc.lower
        got = any(x in low for x in _FICTION_STEMS) and _FICTIONAL_RE.search(doc.text) is not None
        doc.__dict__["_fictional"] = got
    return got


# ... and in Welsh, which universities in Wales post in beside English ("Ffoniwch 01970 ...": call)
_CALL_RE = regex.compile(
    r"(?i)\b(?:call|calling|ring|ringing|phone|phoning|dial|contact|on|tel|telephone|ffoniwch|ffonio|cysylltwch|ffôn)\b"
)
_SENTENCE_END_RE = regex.compile(r"[.!?](?=\s)|\n")
# An organisation's duty line: out of hours, on call, the duty officer or press office's phone.
_DUTY_LINE_RE = regex.compile(
    r"(?i)\b(?:out[-\s]of[-\s]hours|on[-\s]call|duty\s+(?:officer|manager|phone|mobile|line|team)|"
    r"(?:press|media|news)\s+(?:office|team|enquiries|desk|line)|emergency\s+(?:line|number|contact))\b"
)


@rule(
    "PRV001",
    "phone-number",
    "privacy",
    "block",
    clauses.PUBLIC,
    "A phone number lets anyone in the world call or message that person; posts are public and cannot be taken back.",
    "Remove the number; point people to a published institutional contact instead.",
    [
        Example("Congratulations to Felix Adeyemi, 07700 900123, our student of the year!", True, "bluesky"),
        Example("Call Sam on +44 7911 123456 for tickets", True),
        Example("Over 900 pupils visited in 2024 and 12 schools took part.", False),
        Example("Questions? Ring the Governance office on 0121 204 4869.", False),
        Example("Clearing is open! Call 0800 169 2000 to talk to our admissions team.", False),
        Example("IT Service Desk: 0161 275 5000, open till 8pm.", False),
        Example("Contact the Student Support team at support@example.ac.uk or 0113 496 0123.", False),
        Example("Ring Jo on her mobile, 0161 275 5000, she runs the desk.", True),
    ],
)
def phone_number(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    # a post that says its person is invented or anonymised is teaching material (asked only when
    # there is a hit: the check costs more than most posts' whole run of this rule)
    hits = list(_phone_number(doc, cp))
    if hits and not fictional(doc):
        yield from hits


def _phone_number(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    if "seven" in doc.lower:  # a UK mobile spelled out starts 'oh/zero seven'
        for m in _SPELLED_RUN_RE.finditer(doc.lower):
            digits = _spelled_digits(m.group(0))
            if (
                len(digits) == 11
                and digits.startswith("07")
                and not any(digits.endswith(p[-9:]) for p in cp.public_digits)
                and not _service_line(doc, m.start(), m.end(), digits)
            ):
                yield m.start(), m.end(), "Mobile number written out in words in a public post."
    if not _DIGITS_RE.search(doc.text):
        return
    seen: list[tuple[int, int]] = []
    for m in _PHONE_CONTEXT_RE.finditer(doc.text):
        digits = re.sub(r"\D", "", m.group("num"))
        if not 6 <= len(digits) <= 15 or any(digits.endswith(p[-9:]) for p in cp.public_digits):
            continue
        if any(s <= m.start("num") < e for s, e in doc.urls):
            continue
        seen.append(m.span("num"))
        if _service_line(doc, m.start("num"), m.end("num"), digits):
            continue
        if _ACCOUNT_WORD_RE.search(doc.text, max(0, m.start("num") - 25), m.start("num")):
            continue  # a bank account number (PRV003 says so), not a phone
        if _REFERENCE_BEFORE_RE.search(doc.text, max(0, m.start("num") - 25), m.start("num")):
            continue
        yield m.start("num"), m.end("num"), f"Phone number {m.group('num')!r} in a public post."
    for m in phonenumbers.PhoneNumberMatcher(doc.text, cp.region, _LENIENCY, max_tries=50):
        if any(s <= m.start < e for s, e in seen):
            continue
        raw = m.raw_string
        digits = re.sub(r"\D", "", raw)
        # written like a phone number (+44..., 0121..., (0121)...) or valid in the numbering plan
        if raw[0] not in "+0(" and not phonenumbers.is_valid_number(m.number):
            continue
        if _YEARS_RE.fullmatch(raw.strip(" ()")) or _ROOM_NUMBER_RE.match(raw) or len(digits) < 6:
            continue  # a year, "(2023", a room, or too few digits to ring
        if any(digits.endswith(p[-9:]) for p in cp.public_digits) or _service_line(doc, m.start, m.end, digits):
            continue
        if any(s < m.end and m.start < e for s, e in doc.urls):
            continue  # inside or running into a link or a DOI ("(2023), doi:10.5555/...")
        if m.start and (doc.text[m.start - 1].isalpha() or doc.text[m.start - 1] == "_"):
            continue  # digits inside a token (a key, a code), not a phone number
        if _REFERENCE_BEFORE_RE.search(doc.text, max(0, m.start - 25), m.start):
            continue
        yield m.start, m.end, f"Phone number {m.raw_string!r} in a public post."


# A number read out word by word ('oh seven seven double-oh nine one two ...'), as people write a
# number to get it past filters: digit words, doubles and triples, single digits, separators.
_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
_SPELLED_RUN_RE = re.compile(
    r"(?<![\w])(?:zero|oh|o|nought)[\s,-]+seven(?:[\s,.-]+(?:(?:double|triple|treble)[\s-]*)?"
    r"(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|\d)(?![\w])){6,14}"
)


def _spelled_digits(run: str) -> str:
    """The digits a spelled-out run stands for ('double-oh' is '00')."""
    out: list[str] = []
    times = 1
    for w in re.findall(r"[a-z]+|\d", run):
        if w in ("double", "triple", "treble"):
            times = 2 if w == "double" else 3
            continue
        d = _DIGIT_WORDS.get(w, w if w.isdigit() else "")
        out.append(d * times)
        times = 1
    return "".join(out)


FREEMAIL = frozenset(
    wordlist("""
    gmail.com googlemail.com hotmail.com hotmail.co.uk outlook.com live.com live.co.uk msn.com yahoo.com
    yahoo.co.uk ymail.com icloud.com me.com mac.com aol.com protonmail.com proton.me gmx.com gmx.co.uk
    btinternet.com sky.com virginmedia.com talktalk.net mail.com zoho.com fastmail.com tutanota.com
    qq.com 163.com yandex.com
""")
)
ROLE_LOCALS = frozenset(
    wordlist("""
    info enquiries enquiry admissions admin office hello contact press media news comms marketing
    support help helpdesk servicedesk library careers alumni events studentservices registry reception
    webmaster noreply no-reply postmaster jobs recruitment hr finance research international ug pg
    postgraduate undergraduate phishing security abuse itsupport wellbeing counselling disability estates facilities
    payroll pensions sport sports sustainability brand governance digital social socialmedia team sales feedback
    complaints dpo foi dataprotection data-protection privacy legal compliance safeguarding chaplaincy
    accommodation president hub studenthub fees income ask enquire visit visits opendays openday clearing ithelp
    servicedesk bookings tickets conference conferences graduation alumnioffice students staff library-help
    orders shop store
    access accessibility web webteam accounts payable receivable invoices transport parking travel timetabling
    exams examinations scholarships funding grants doctoral enterprise innovation partnerships ethics
""")
)
_OWN_EMAIL_RE = regex.compile(
    r"(?:e-?mail|contact|reach|message|write\s+to)\s+(?:me\s+(?:at|on|via)|my\s+(?:work\s+|uni\s+|staff\s+|university\s+)?"
    r"(?:address|e-?mail(?:\s+address)?))\s*[:(]?\s*$"
)
# The author's own personal address given for their own private trade or hobby, from their personal
# account ("Commissions welcome, email me at ...@gmail.com", "orders to ...@outlook.com"): their choice
# to publish, and the guidance's advice (private business off the work address). Given for work
# ("email me the reading list at my gmail, my uni inbox is a disaster") it stays a finding.
_OWN_INTRO_RE = regex.compile(
    r"(?i)(?:(?:e-?mail|contact|reach|message|write\s+to|drop)\s+me(?:\s+a\s+line)?|get\s+in\s+touch|orders|"
    r"bookings|enquiries|commissions|dm\s+or\s+e-?mail|e-?mail|write(?:\s+to)?|send\s+(?:\w+\s+)?(?:mail|an?\s+e-?mail|a\s+message)"
    r"(?:\s+to)?|(?:get|reach|book\s+with|holla\s+at)\s+me|on\s+request)\s*(?:welcome\s*)?(?:(?:at|on|via|to|through|:)\s*)?"
    r"[:\s]*$"
)
_OWN_TRADE_RE = regex.compile(
    r"(?i)\b(?:commissions?|orders?|bookings?|side\s+(?:hustle|project|business|gig)|small\s+business|freelance|"
    r"selling|for\s+sale|handmade|hand-made|my\s+(?:own\s+)?(?:shop|stall|studio|business|etsy|band|club)|etsy|market\s+stall|"
    r"business\s+on\s+the\s+side|"
    r"plug|offering|lessons|prices|rates|tuition|tutoring|classes|slots|clients|in\s+stock|side\s*line|for\s+hire|"
    r"(?:little|small|wee)\s+(?:shop|business)|jobs\s+open|courses?\s+starts?)\b"
)
# An address whose local part names a trade rather than a person ("fionasknits@", "carmensalsa@",
# "tomaszrenovations@"): a business's contact (round 15)
_TRADE_LOCAL_RE = regex.compile(
    r"(?:knit|craft|photo|studio|design|cake|bake|tutor|tuition|lesson|salsa|dance|yoga|vinyl|record|print|nail|"
    r"hair|brush|art|paint|proof|edit|renovat|build|garden|walk|repair|cucina|kitchen|music|guitar|piano|band|shop)",
    regex.IGNORECASE,
)
# The author's own sideline told in the first person ("I also shoot weddings", "I tutor GCSE chemistry",
# "I sell hand-knitted jumpers on Etsy"): what the address after it is for (round 15)
_OWN_ACTIVITY_RE = regex.compile(
    r"(?i)\bI(?:'m|\s+am)?\s+(?:also\s+|now\s+|still\s+)?(?:sell|selling|make|making|run|running|shoot|shooting|tutor|"
    r"tutoring|offer|offering|design|designing|knit|knitting|bake|baking|paint|painting|repair|repairing|coach|coaching|"
    r"photograph|photographing|proofread|proofreading|walk\s+dogs|do\s+(?:commissions|weddings|portraits|lessons|"
    r"tutoring|repairs|alterations))\b"
)
# someone else's address: "her", "his", "my colleague's" just before it
_OTHERS_BEFORE_RE = regex.compile(
    r"(?i)\b(?:her|his|their|your\s+(?:personal|private|home|own|non-uni|other)|"
    r"(?:my|our)\s+(?:friend|colleague|flatmate|housemate|mum|mom|dad|sister|brother|"
    r"partner|wife|husband|neighbou?r|student)(?:'s)?|contact\s+(?:her|him|them)|"
    r"(?:the|this|that)\s+(?:guy|man|woman|bloke|lad|girl|person|creep|idiot|student|colleague|lecturer|tutor)|"
    r"\p{L}+['’]s\s+(?:e-?mail|address|personal))\b[^.!?\n]{0,40}$"
)
# What a post's own contact address is for when it is work (round 15): then a personal address is not the place
_WORK_MATTER_RE = regex.compile(
    r"(?i)\b(?:students?|module|lectures?|seminars?|handbook|slides|exams?|marks|grades|supervis\w*|tutees?|"
    r"colleagues|my\s+(?:uni|university|department|school|faculty|work)|uni\s+inbox|work\s+inbox|research\s+participants)\b"
)
# The address given as the contact: "email ...", "to ...", "at ...", "via ...", "RSVP to", "Viewings:", "- "
_CONTACT_BEFORE_RE = regex.compile(r"(?i)(?:\b(?:to|at|via|with|on|email|e-mail|contact)|[:\-–—(])\s*$")


def _third_party_before(text: str, s: int) -> bool:
    """Someone else's address: 'her', 'my colleague's', 'the guy who ...', or a given name just before it."""
    if _OTHERS_BEFORE_RE.search(text, max(0, s - 60), s):
        return True
    return _given_name_in(text[max(0, s - 40) : s])


_ACADEMIC_DOMAIN_RE = regex.compile(r"(?i)(?:^|\.)(?:ac\.[a-z]{2}|edu(?:\.[a-z]{2})?)$")
# Work an academic's address is given out for from their own account (round 15)
_ACADEMIC_WORK_RE = regex.compile(
    r"(?i)\b(?:office\s+hours|abstracts?|submissions?|proposals?|call\s+for\s+papers|conference|symposium|workshop|"
    r"summer\s+school|special\s+issue|guest[-\s]editing|co-editing|hiring|recruiting|postdoc|phd|participants|"
    r"supervision|dissertation|students|placement|hackathon|outreach|register|registration|enquiries|journalists|"
    r"press|comment|seminar|lecture|module|project|study|survey|research)\b"
)


def _academic_contact(text: str, s: int) -> bool:
    """An academic address given from a personal account for academic work, not someone else's."""
    return _ACADEMIC_WORK_RE.search(text) is not None and not _third_party_before(text, s)


def _own_private_address(text: str, s: int, local: str) -> bool:
    """A personal post's address at ``s`` (local part ``local``) given as the author's own, with no work
    matter of theirs in the post and no one else's address in view: for their own private trade or
    sideline (told in the first person, introduced as their contact, or named for the trade), or for
    another private matter of theirs (a car for sale, an RSVP, a five-a-side team, a lost cat; round 15)."""
    if _OWN_WORK_RE.search(text) or _third_party_before(text, s):
        return False  # work, or someone else's address ("contact Jo at ...", "her address")
    own = _OWN_ACTIVITY_RE.search(text)
    if (own is not None or _OWN_TRADE_RE.search(text) is not None) and (
        own is not None
        or _OWN_INTRO_RE.search(text, max(0, s - 40), s) is not None
        or _TRADE_LOCAL_RE.search(local) is not None
    ):
        return True
    return _WORK_MATTER_RE.search(text) is None and _CONTACT_BEFORE_RE.search(text, max(0, s - 30), s) is not None


_OWN_WORK_RE = regex.compile(
    r"(?i)\b(?:my\s+(?:students|tutees|supervisees|module|class|lecture|seminar)|reading\s+list|coursework|"
    r"dissertation|assignment|marking|office\s+hours|(?:uni|work|staff|university)\s+(?:inbox|e-?mail)\s+is)\b"
)
# a student or staff number as the address ("s1234567@", "2345678@", "ab12345@"): one person's
_ID_LOCAL_RE = re.compile(r"^[a-z]{0,3}\d{5,9}[a-z]?$")
_NAMEISH_LOCAL = re.compile(r"^[a-z]+[._-][a-z]+\d*$|^[a-z]\.?[a-z]{2,}\d*$|^[a-z]+\d{2,4}$")
# The shape of an address, not anyone's ("firstname.lastname@", "first.last@", "yourname@"): a post
# telling people how their own address is built.
_PLACEHOLDER_PARTS = frozenset(
    wordlist("firstname lastname first last surname forename name yourname username initial initials your x xx xxx")
)
# "log in with your full email address (e.g. ab123@...)": an example of the format the reader's own
# address takes, given by the institution; one with 'e.g.' right before it and 'your ... address'
# (e-mail, username, login) before that.
_FORMAT_EXAMPLE_RE = regex.compile(
    r"(?i)\byour\s+(?:[\w-]+\s+){0,2}?(?:e-?mail(?:\s+address)?|address|user\s?name|login|log-in)\b"
    r"[^.!?@]{0,25}?(?:\be\.g\.?|\bfor\s+example|\bsuch\s+as|\bin\s+the\s+format)[\s,:]*$"
)


@rule(
    "PRV002",
    "personal-email",
    "privacy",
    "block",
    clauses.PUBLIC,
    "A personal e-mail address identifies and exposes one person (often to spam and harassment); "
    "role addresses are meant to be public, personal ones are not.",
    "Use a role address (e.g. admissions@) or a contact form instead of a personal address.",
    [
        Example("Send requests to my personal address jo.harper1982@hotmail.co.uk this week.", True),
        Example("Email jane.smith@example.ac.uk with your questions", True),
        Example("Questions? Write to admissions@example.ac.uk", False),
    ],
)
def personal_email(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for s, e, local, domain in doc.emails:
        msg = _email_verdict(doc, cp, s, e, local, domain)
        if msg:
            yield s, e, msg
    low_text = doc.lower
    if "dot" in low_text and (" at " in low_text or "[at]" in low_text or "(at)" in low_text):
        for m in _SPOKEN_EMAIL_RE.finditer(low_text):
            local = _SPOKEN_SEP_RE.sub(lambda x: _SPOKEN_SEPS[x.group(1) or x.group(2)], m.group("local"))
            domain = _SPOKEN_SEP_RE.sub(lambda x: _SPOKEN_SEPS[x.group(1) or x.group(2)], m.group("domain"))
            msg = _email_verdict(doc, cp, m.start(), m.end(), local, domain)
            if msg:
                yield m.start(), m.end(), msg + " (written out to dodge filters, but just as readable)"


# 'jane dot smith at uni dot ac dot uk', 'gordon underscore hay at gmail dot com': an address
# spelled out in words; the domain must end in a real top-level label so prose does not match.
_SPOKEN_EMAIL_RE = regex.compile(
    r"(?<![\w])(?P<local>[a-z0-9]+(?:\s*(?:\s(?:dot|underscore|dash|hyphen)\s|[._-])\s*[a-z0-9]+)*)"
    r"\s*(?:\s(?:at)\s|\[at\]|\(at\))\s*(?P<domain>[a-z0-9-]+(?:\s*(?:\sdot\s|\[dot\]|\(dot\)|\.)\s*[a-z0-9-]+)*"
    r"(?:\s*(?:\sdot\s|\[dot\]|\(dot\)|\.)\s*(?:com|uk|org|net|ie|edu|io|me|info|scot|wales|cymru|eu)))(?![\w])"
)
_SPOKEN_SEPS = {"dot": ".", "underscore": "_", "dash": "-", "hyphen": "-", ".": ".", "_": "_", "-": "-"}
_SPOKEN_SEP_RE = re.compile(r"\s*(?:\[|\()?\b(dot|underscore|dash|hyphen)\b(?:\]|\))?\s*|\s*([._-])\s*")


def _email_verdict(doc: Doc, cp: CompiledPack, s: int, e: int, local: str, domain: str) -> str | None:
    """Why the address at [s, e) is a person's (None for a role, service or published address)."""
    low = local.lower()
    if f"{low}@{domain}" in cp.public_emails or (s and doc.text[s - 1] == "@"):
        return None  # published, or a fediverse handle ('@exampleuni@mastodon.ac.uk'), not an address
    base = re.split(r"[._+-]", low)[0]
    if cp.is_institutional_domain(domain) and (
        all(x in _PLACEHOLDER_PARTS for x in re.split(r"[._+-]", low) if x)
        or (
            any(x in doc.lower for x in ("e.g", "example", "such as", "format"))
            and _FORMAT_EXAMPLE_RE.search(doc.text, max(0, s - 90), s) is not None
        )
    ):
        return None  # the shape of the reader's own address, not a person's
    if (
        low in ROLE_LOCALS
        or base in ROLE_LOCALS
        or (low.isalpha() and low in wordset() and low not in given_names())
        or (domain not in FREEMAIL and _compound_role(low))
    ):
        return None  # a role address ("phishing@", "wellbeing@", "studentadvice@"), not a person
    # (round 18: not only the institution's own domain: "Contact the International Office: intl@kingsmere.ac.uk"
    # on an official account names an office at a partner or sister institution, not a person)
    org = domain not in FREEMAIL
    if doc.ctx.account != "personal" and org and _clipped_unit_local(low, doc.text):
        return None  # "The International Student Advice team ... intadvice@": a unit's clipped name and role word
    if org and cp.is_institutional_domain(domain) and low not in given_names() and office_address(doc.text, s, low):
        return None  # round 21 (P5): "the Postgrad Office is on 028 9097 0000 or pgr@...": the office's own address
    if org and low.isalpha() and 3 <= len(low) <= 6 and low in _unit_acronyms(doc.text):
        return None  # "our International Student Advice team: isa@...": the unit the post names, by its initials
    if (
        doc.ctx.account == "official"
        and org
        and low.isalpha()
        and len(low) <= 4
        and low not in given_names()
    ):
        return None  # "isa@", "ohs@" on the institution's own account: a unit's initials, not a person
    if (
        doc.ctx.account != "personal"
        and cp.is_institutional_domain(domain)
        and low.isalpha()
        and low not in given_names()
        and regex.search(r"(?i)(?<![\w@.])" + low + r"(?![\w@])", doc.text[:s] + " " + doc.text[e:])
    ):
        return None  # "The Student Hub ... hub@example.ac.uk": the address of a service the post names
    if (
        domain not in FREEMAIL
        and doc.ctx.account == "personal"
        and cp.is_institutional_domain(domain)
        and _OWN_EMAIL_RE.search(doc.masked, max(0, s - 40), s)
    ):
        return None  # the author's own work address (PER002 says what is wrong with that)
    if domain in FREEMAIL:
        if doc.ctx.account == "personal" and _own_private_address(doc.text, s, local):
            return None  # the author's own address for their own private trade or private life
        return f"Personal e-mail address at {domain} in a public post."
    elif _ID_LOCAL_RE.match(low):
        return "E-mail address of one student or member of staff (their ID number) in a public post."
    elif (
        doc.ctx.account in ("personal", "research")
        and _ACADEMIC_DOMAIN_RE.search(domain)
        and _academic_contact(doc.text, s)
    ):
        # "Abstracts to me at a.nowak@trentside.ac.uk": an academic's work address, for work; from a
        # research group's account (round 44) "Informal enquiries to the PI at e.hughes@..." likewise
        return None
    elif _NAMEISH_LOCAL.match(low):
        if (
            doc.ctx.account != "personal"  # an official or a research group's account: the institution's own
            and cp.is_institutional_domain(domain)
            and (
                _ROLE_TITLE_RE.search(doc.text, max(0, s - 90), min(len(doc.text), e + 60))
                or _TITLE_CASE_ROLE_RE.search(doc.text, max(0, s - 60), min(len(doc.text), e + 60))
                or _CONTACT_LABEL_RE.search(doc.text, max(0, s - 90), s)
            )
        ):
            return None  # a named officer's published work address ("Sam Kelly, ... (our Care Leavers Officer)")
        if (
            doc.ctx.account != "personal"
            and cp.is_institutional_domain(domain)
            and _worded_service_local(low, doc.text)
        ):
            return None  # round 19 (N9): "clinicalskills@", "robotics-lab@", "breathe2@" on the institution's account
        return "E-mail address of an individual person in a public post."
    return None


# The words service and project addresses are built from ("studentadvice@", "libraryhelp@",
# "researchsupport@", "diabetesstudy@", "adhdlab@"): an address whose local part is made of such a
# word and other dictionary words (or one unknown word before a lab/group/study/project) names a
# service, not a person. A given name anywhere in it keeps it a person's ("jenny.lab@").
_UNIT_LOCALS = frozenset(
    wordlist("""
    office offices team teams lab labs group groups study studies project projects unit centre center hub desk help
    support advice service services enquiries enquiry queries info admin research school society club network
    events programme programmes trial trials clinic dept department faculty institute admissions library careers
    finance helpdesk servicedesk line mail inbox bookings booking committee panel secretariat forum it phish spam
    report
""")
)
# dictionary words that are also given names ("Summer"), harmless inside a service's address
_UNIT_PREFIXES = frozenset(wordlist("summer winter spring autumn grace faith hope"))
_OWNER_UNITS = frozenset(wordlist("lab labs group groups study studies project projects trial trials"))


@functools.lru_cache(maxsize=1024)
def _compound_role(local: str) -> bool:
    """Whether ``local`` (lower case) is a service's address made of words ("studentadvice",
    "summer.school", "adhdlab"): every part splits into known words, one of them a unit word, and
    none is a given name."""
    parts = [x for x in re.split(r"[._+-]", local) if x]
    if not parts or not all(x.isalpha() for x in parts):
        return False
    names, words = given_names(), wordset()
    if any(x in names and x not in _UNIT_PREFIXES for x in parts):
        return False
    pieces: list[str] = []
    for x in parts:
        seg = _segment(x, words, names)
        if seg is None and len(parts) > 1 and 2 <= len(x) <= 4:
            seg = (x,)  # an office's acronym beside a unit word ("vc.office", "pgr.admissions")
        if seg is None:
            seg = _clipped_then_unit(x, names)
        if seg is None:
            return False
        pieces.extend(seg)
    return any(x in _UNIT_LOCALS or x in ROLE_LOCALS for x in pieces)


def _clipped_then_unit(part: str, names: frozenset[str]) -> tuple[str, str] | None:
    """("intl", "advice") for "intladvice": a clipped office name of two to four letters, no given
    name, run into a unit or role word (round 37: "Email intladvice@aberwen.ac.uk" was read as a
    person's address)."""
    for k in (2, 3, 4):
        head, rest = part[:k], part[k:]
        if len(rest) >= 4 and head not in names and (rest in _UNIT_LOCALS or rest in ROLE_LOCALS):
            return head, rest
    # round 44: a longer subject before a service word ("moneyadvice", "visahelp"), the subject a word the
    # dictionary lacks; a given name before it ("annasupport") keeps it a person's
    for k in range(5, min(len(part) - 3, 10) + 1):
        head, rest = part[:k], part[k:]
        if rest in _SERVICE_TAILS and head not in names and head.isalpha():
            return head, rest
    return None


_SERVICE_TAILS = frozenset(wordlist("advice support help helpdesk enquiries services service team office desk hub"))


_TITLE_BEFORE_RE = regex.compile(r"(?:\b(?:dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame)\.?\s+)$", regex.IGNORECASE)


def _spelled_in_text(parts: list[str], text: str, names: frozenset[str] | set[str]) -> bool:
    """The local part is the run of words the post names its study or service by ("Equine gait study
    ... equinegait@"), none of them a given name."""
    joined = "".join(parts)
    for m in regex.finditer(r"\p{L}+(?:[\s-]+\p{L}+){1,3}", text):
        words = regex.split(r"[\s-]+", m.group(0).lower())
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                if "".join(words[i:j]) == joined and not any(w in names for w in words[i:j]):
                    return True
    return False


def _worded_service_local(low: str, text: str) -> bool:
    """A local part made of words that name no one ("clinicalskills", "robotics-lab", "breathe2"):
    every part is dictionary words (digits aside), or a unit word beside other parts of 4+ letters; no
    part is a given name, and none is written in the post as someone's surname (after a given name or
    a title: "Dr Jane Smith ... smith@")."""
    parts = [x for x in re.split(r"[._+-]|\d+", low) if x]
    if not parts or not all(x.isalpha() for x in parts):
        return False
    names, words = given_names(), wordset()
    if any(x in names for x in parts):
        return False
    segs = [_segment(x, words, names) for x in parts]
    if len(parts) > 1 and any(seg is not None and len(x) >= 5 for x, seg in zip(parts, segs, strict=True)):
        # an acronym beside a word ("dementia-ppi@"): the group's initials
        segs = [(x,) if seg is None and 2 <= len(x) <= 4 else seg for x, seg in zip(parts, segs, strict=True)]
    worded = all(seg is not None for seg in segs)
    beside_unit = (
        len(parts) > 1
        and any(x in _UNIT_LOCALS for x in parts)
        and all(len(x) >= 4 or x in _UNIT_LOCALS for x in parts)
    )
    if not (worded or beside_unit or _spelled_in_text(parts, text, names)):
        return False
    pieces = [p for seg in segs if seg for p in seg] or parts
    for piece in {*parts, *pieces}:
        for m in regex.finditer(r"(?i)(?<![\w@.])" + regex.escape(piece) + r"(?![\w@])", text):
            before = text[max(0, m.start() - 30) : m.start()]
            prev = regex.search(r"(\p{Lu}\p{Ll}+)\s+$", before)
            if _TITLE_BEFORE_RE.search(before) or (prev is not None and prev.group(1).lower() in names):
                return False
    return True


def _segment(word: str, words: frozenset[str] | set[str], names: frozenset[str] | set[str]) -> tuple[str, ...] | None:
    """``word`` split into known pieces (unit words, role words, dictionary words of 3+ letters that
    are not given names), or one unknown piece followed by an owner unit ("adhdlab"); None if neither."""
    known = _UNIT_LOCALS | ROLE_LOCALS | _UNIT_PREFIXES
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(1, n + 1):
        for j in range(max(0, i - 20), i):
            prev = best[j]
            if prev is None:
                continue
            piece = word[j:i]
            if piece in known or (len(piece) >= 3 and piece in words and piece not in names):
                best[i] = (*prev, piece)
                break
    if best[n] is not None:
        return best[n]
    for unit in _OWNER_UNITS:
        head = word[: -len(unit)]
        if word.endswith(unit) and 2 <= len(head) <= 12 and head not in names:
            return (head, unit)
    return None


_ROLE_TITLE_RE = regex.compile(
    r"(?i)\b(?:our|the|your)\s+(?:[\w-]+\s+){0,3}?(?:officer|adviser|advisor|coordinator|co-ordinator|liaison|"
    r"contact|lead|manager|director|administrator|head\s+of\s+(?:the\s+)?\w+|dean|chair|convenor|leader|tutor|secretary|"
    r"librarian|registrar|clerk|editor|organiser|organizer|convener|host|curator)\b"
)


# "Hannah Okafor, Senior Press Officer, h.okafor@...": a job title as a title, without 'our' or 'the'
_TITLE_CASE_ROLE_RE = regex.compile(
    r"\b(?:[A-Z][\w-]+\s+){0,3}(?:Officer|Adviser|Advisor|Co-?ordinator|Manager|Director|Administrator|Lead|"
    r"Secretary|Librarian|Registrar|Editor|Organiser|Organizer|Convenor|Chair|Dean|Head of [A-Z][\w-]+)\b"
)
# "Media enquiries: Hannah Okafor, h.okafor@...": the contact a press release or event gives for itself
_CONTACT_LABEL_RE = regex.compile(
    r"(?i)\b(?:media|press|journalist|event|booking|general|all|further|[\w-]+)\s+(?:enquiries|queries)\s*(?::|-|–|—|to|,)"
    r"|(?i)\b(?:media|press|journalist|event|booking)\s+(?:contact|information)\s*(?::|-|–|—|,)"
)
_UNIT_WORDS = frozenset(
    wordlist("""team service services advice office centre center support unit school department library institute
    faculty research student students international union hub lab laboratory group college programme network
    admissions registry careers wellbeing counselling disability accommodation finance estates security""")
)


# the role and unit words a clipped unit address may end in (four letters or more: "advice", "admissions")
_CLIP_ROLE_WORDS = frozenset(w for w in ROLE_LOCALS | _UNIT_WORDS if len(w) >= 4)


def _clipped_unit_local(low: str, text: str) -> bool:
    """Whether ``low`` is a clipped word the post capitalises followed by a role word ("intadvice" beside
    "International Student Advice", "pgradmissions" beside "Postgraduate"): a unit's address, not a
    person's, when the clipped part is no given name."""
    if not low.isalpha():
        return False
    heads = {
        low[: -len(role)] for role in _CLIP_ROLE_WORDS if low.endswith(role) and 2 <= len(low) - len(role) <= 5
    }
    heads -= given_names()
    return bool(heads) and any(
        w.lower().startswith(h) and len(w) > len(h) + 2 for w in _CAPITALISED_RE.findall(text) for h in heads
    )


def _unit_acronyms(text: str) -> frozenset[str]:
    """Initials (3 or more) of the capitalised names of units in ``text`` ("International Student Advice" ->
    'isa'; 'of'/'and' skipped), for names that hold a unit word: a role address is often a unit's initials,
    and a person's name ("Jo Smith") is not a unit."""
    out: set[str] = set()
    run: list[str] = []
    for m in regex.finditer(r"[\p{L}'’&-]+|[^\p{L}\s]", text):
        w = m.group(0)
        if w[0].isupper():
            run.append(w.lower())
        elif w in ("and", "of", "for", "&") and run:
            continue
        else:
            run = []
            continue
        for i in range(len(run) - 2):
            if any(x in _UNIT_WORDS for x in run[i:]):
                out.add("".join(x[0] for x in run[i:]))
    return frozenset(out)


_DIGIT_RUN = re.compile(r"\d")


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _iban_ok(iban: str) -> bool:
    s = iban[4:] + iban[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97 == 1


_NINO_RE = regex.compile(
    r"(?<![\w])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D](?![\w])"
)
_NINO_NAMED_RE = regex.compile(
    r"(?i)\b(?:ni|nino|national\s+insurance)\s*(?:no\.?|number|num|#)?\s*(?:is\s*)?[:\-]?\s*"
    r"((?-i:[A-Z]{2})\s?\d{2}\s?\d{2}\s?\d{2}\s?(?-i:[A-D]))(?![\w])"
)
_SSN_RE = regex.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])")
_CARD_RE = regex.compile(r"(?<![\d-])(?:\d[ -]?){11,18}\d(?![\d-])")
# Numbers that fail Luhn are still someone's card number when the post calls them one.
_CARD_WORD_RE = regex.compile(
    r"(?<![\w])(?:card|visa|mastercard|master\s+card|amex|american\s+express|maestro|debit|credit|"
    r"diners|discover|jcb|cc\s*(?:no|number|#))(?![\w])",
    regex.IGNORECASE,
)
_IBAN_RE = regex.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?(?![\w])")
_ID_CONTEXT_RE = regex.compile(
    r"(?<![\w])(?<!(?:meeting|webinar|zoom|teams|room|event|session|order|ticket|booking)\s)"
    r"(?:student|staff|employee|candidate|matric(?:ulation)?|payroll|passport|driving\s+licen[cs]e|"
    r"nhs|ucas|personal\s+id|id)\s*(?:with\s+(?:the\s+)?)?(?:id|no\.?|number|num|#)?\s*(?:is|:|=|#)?\s*"
    r"([A-Z]{0,2}\d[\d ]{2,11}\d)(?![\w])",
    regex.IGNORECASE,
)

# Necessary conditions for _money_numbers' patterns (test_speed_rules.py checks them): a decimal
# digit (``re``'s \d, the same Unicode class as ``regex``'s), the IBAN's opening, the ID words.
_ANY_DIGIT_RE = re.compile(r"\d")
_IBAN_LEAD_RE = re.compile(r"[A-Z]{2}\d\d")
_ID_CONTEXT_STEMS = ("student", "staff", "employee", "id", "matric", "payroll", "passport", "licen", "nhs", "ucas")


@rule(
    "PRV003",
    "id-number",
    "privacy",
    "block",
    clauses.PUBLIC,
    "Identity, student, payment and bank numbers enable fraud and identity theft.",
    "Remove the number entirely; never post identity or payment numbers.",
    [
        Example("Her NI number is AB 12 34 56 C, can someone update payroll?", True),
        Example("Card 4111 1111 1111 1111 exp 09/27", True),
        Example("Pay into GB82 WEST 1234 5698 7654 32 please", True),
        Example("Student ID 20219876 left their bag in the library", True),
        Example("SSN 123-45-6789 on the form", True),
        Example("Our 2024 intake was 12345 students across 4 campuses", False),
    ],
)
def id_number(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    # a post that says its person is invented or anonymised is teaching material (asked only when
    # there is a hit: the check costs more than most posts' whole run of this rule)
    hits = list(_id_number(doc, cp))
    if hits and not fictional(doc):
        yield from hits


def _id_number(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    if _DIGIT_RUN.search(t) is None:
        return
    ninos = [m.span() for m in _NINO_RE.finditer(t)]
    if "insurance" in doc.lower or not token_set(doc.masked).isdisjoint(("ni", "nino")):
        # named as one, the number counts even in a made-up range ("NI no is QQ123456C")
        ninos += [m.span(1) for m in _NINO_NAMED_RE.finditer(t) if m.span(1) not in ninos]
    for s, e in ninos:
        yield s, e, "UK National Insurance number in a public post."
    if "/" in t and doc.urls:
        # numbers inside a link (a DOI, an article id: "doi.org/10.1038/s41586-024-01234-5") are part
        # of an address on the web, not a card or account number someone posted
        hits = list(_money_numbers(t, doc.lower))
        yield from (h for h in hits if not any(a <= h[0] < b for a, b in doc.urls))
    else:
        yield from _money_numbers(t, doc.lower)


def _money_numbers(t: str, low: str) -> Iterator[Hit]:
    """SSNs, payment cards, IBANs, UK bank details and ID numbers named as such in ``t`` (see id_number);
    ``low`` is ``t`` in lower case."""
    # each pattern is scanned only when the post has what it needs: an SSN nine digits and a hyphen,
    # a card twelve digits, an IBAN two capitals and two digits, an ID number one of its words
    digits = len(_ANY_DIGIT_RE.findall(t))
    for m in _SSN_RE.finditer(t) if digits >= 9 and "-" in t else ():
        yield m.start(), m.end(), "US Social Security number in a public post."
    for m in _CARD_RE.finditer(t) if digits >= 12 else ():
        digits = re.sub(r"\D", "", m.group(0))
        if 13 <= len(digits) <= 19 and digits[0] in "3456" and _luhn(digits):
            yield m.start(), m.end(), "Payment card number (passes the Luhn check) in a public post."
        elif _CARD_WORD_RE.search(t, max(0, m.start() - 60), min(len(t), m.end() + 40)):
            yield m.start(), m.end(), "Payment card number (called a card in the post) in a public post."
    for m in _IBAN_RE.finditer(t) if _IBAN_LEAD_RE.search(t) else ():
        iban = m.group(0).replace(" ", "")
        if 15 <= len(iban) <= 34 and _iban_ok(iban):
            yield m.start(), m.end(), "Bank account number (IBAN, valid checksum) in a public post."
    if ("-" in t and _SORT_SHAPE_RE.search(t)) or "sort" in low or "s/c" in low:
        for s, e in _bank_details(t):
            yield (
                s,
                e,
                "UK bank details (sort code and account number) in a public post.",
                "Remove the bank details; send them privately to the people who need to pay, or point them to "
                "an official payment page.",
            )
    for m in _ID_CONTEXT_RE.finditer(t) if may_hold(low, _ID_CONTEXT_STEMS) else ():
        yield m.start(1), m.end(1), "Identity/student number in a public post."


# UK bank details: a sort code (12-34-56, or named as one) with an 8-digit account number near it,
# or an account number named as one in a post about paying ("acc no 71234567 ... sort code").
_SORT_SHAPE_RE = re.compile(r"\d\d-\d\d-\d\d")
_SORT_CODE_RE = regex.compile(
    r"(?i)(?:\b(?:sort\s*code|s/c)\s*(?:is\s*)?[:\-]?\s*(?P<named>\d{2}[-\s]?\d{2}[-\s]?\d{2})"
    r"|(?<![\d/.:-])(?P<bare>\d{2}-\d{2}-\d{2}))(?![\d/.:-]|-\d)"
)
_ACCOUNT_NO_RE = regex.compile(r"(?<![\d/:-]|\d[.,])\d{8}(?![\d/:-]|[.,]\d)")
# a bare 12-34-56 is a sort code only in a post about paying or banks (otherwise often a date)
_BANK_CUE_RE = regex.compile(
    r"(?i)\b(?:bank|banks|transfer|pay|paid|payment|payments|deposit|account|acc|a/c|money|refund|owe|chip\s+in|"
    r"barclays|lloyds|natwest|hsbc|santander|monzo|nationwide|halifax|starling|revolut|tsb|metro)\b"
)
# A number the post labels as a reference of some kind ("Receipt no. 0023-4412-9981", "order #", "serial
# number", "grant ref"): a code that reads like a phone number, which nobody rings.
_REFERENCE_BEFORE_RE = regex.compile(
    r"(?i)\b(?:receipt|order|invoice|ticket|booking|ref|reference|serial|tracking|parcel|claim|policy|grant|batch|"
    r"lot|part|item|isbn|issn|doi|pmid|arxiv|patent|licen[cs]e|registration|charity|company|vat)\.?\s*"
    r"(?:no\.?|num(?:ber)?|#|id|code|ref)?\s*(?:is\s*)?[:#\-]?\s*$"
)
_ACCOUNT_WORD_RE = regex.compile(r"(?i)\b(?:acc(?:ount)?|a/c|acct)\.?\s*(?:no\.?|number|num|#)?\s*(?:is\s*)?[:\-]?\s*$")


def _bank_details(t: str) -> list[tuple[int, int]]:
    """Spans of sort codes that come with an account number (within 60 characters either way)."""
    out: list[tuple[int, int]] = []
    for m in _SORT_CODE_RE.finditer(t):
        if m.group("bare") and not _BANK_CUE_RE.search(t):
            continue
        for a in _ACCOUNT_NO_RE.finditer(t, max(0, m.start() - 60), min(len(t), m.end() + 60)):
            if a.start() >= m.end() or a.end() <= m.start():
                near = t[min(a.end(), m.end()) : max(a.start(), m.start())]
                if m.group("named") or _ACCOUNT_WORD_RE.search(t, max(0, a.start() - 25), a.start()) or len(near) <= 6:
                    out.append((min(m.start(), a.start()), max(m.end(), a.end())))
                    break
    return out


# The continental layout the tagger can miss: street name, house number, comma, 4-5 digit postal
# code and town ("Kastanienallee 12, 10435 Berlin", "Calle Mayor 22, 28013 Madrid"). The core (number,
# comma, postal code, capitalised town) is searched first; a 4-digit code that is a year does not count.
_CONTINENTAL_CORE_RE = regex.compile(r"\d[a-z]?,\s*\d{4,5}\s+\p{Lu}")
_CONTINENTAL_RE = regex.compile(
    r"(?<![\w])\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|del|la|le|des|du|di|da|van|von|der|am|an))"
    r"{0,3}\s+\d{1,4}[a-z]?,\s*(?!(?:19|20)\d\d\b)\d{4,5}\s+\p{Lu}[\p{L}-]+"
)
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
_STREET = (
    r"\d{1,4}[a-z]?,?\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Crescent|"
    r"Way|Court|Ct|Place|Pl|Terrace|Gardens|Grove|Hill|Park|Row|Square|Sq|Mews|Walk|Boulevard|Blvd)\b\.?"
)
_ADDRESS_RE = regex.compile(
    r"(?:flat\s+\d+[a-z]?,?\s+)?" + _STREET + r"(?:,?\s+[A-Z][\w'-]+){0,2}(?:,?\s+" + _POSTCODE + ")?"
)
# "House" in a building's or street's name ("Maple House", "Carlton House Terrace", "Senate House"),
# not someone's house: the residence cue only counts in lower case.
_BUILDING_HOUSE_RE = regex.compile(r"House$")
# a tagger span that starts in the middle of a phone number ("01223 |333308, admissions@...")
_PHONE_BEFORE_RE = regex.compile(r"(?:\+44\s?|(?<![\w.])0)(?P<area>[1-37-9]\d{1,3})[\s-]$")
_DIGITS_AT_RE = regex.compile(r"\d{3,8}(?:[\s-]\d{3,4})?(?!\d)")


# A whole UK phone number inside a span with no street word ("uk, 0113 243 1751, Monday" after an
# e-mail address): a contact line the tagger read as an address; PRV001 judges phone numbers.
# The European helplines' 116 numbers ("Samaritans (116 123)", "Childline on 116 111") count too.
_PHONE_IN_SPAN_RE = regex.compile(
    r"(?<![\d])(?:(?:\+44\s?(?:\(0\)\s?)?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}|116\s?\d{3})(?![\d])"
)


def _phone_tail(t: str, s: int) -> bool:
    """Whether the span at ``s`` opens with the rest of a UK phone number whose area code sits right
    before it (10 digits in all after the 0)."""
    before = _PHONE_BEFORE_RE.search(t, max(0, s - 8), s)
    rest = _DIGITS_AT_RE.match(t, s) if before else None
    if rest is None:
        return False
    digits = sum(c.isdigit() for c in rest.group(0))
    # "01904 323 333": a five-digit area code and the rest in two groups
    return len(before.group("area")) + digits == 10 or len(before.group("area")) + len(rest.group(0).split()[0]) == 10
_RESIDENCE_RE = regex.compile(
    r"(?<![\w])(?:lives?\s+(?:at|on|in)|living\s+at|home\s+address|house|flat|address\s+is|"
    # "has moved to": a person's move, not an office's, team's or service's ("Our postgraduate office
    # has moved to the Graduate School, ...")
    r"(?<!(?:office|offices|team|service|services|centre|center|desk|hub|department|school|reception|library|shop|"
    r"clinic|unit|registry|admissions|finance|estates|careers|hr|security|accommodation|registrar|payroll|"
    r"helpdesk|support|advice|"
    # an event's move ("Today's seminar has moved to Room 2.14"), not a person's
    r"seminars?|lectures?|talks?|class|classes|tutorials?|meetings?|workshops?|sessions?|exams?|events?|vivas?|"
    r"drop-ins?|inductions?|fairs?|surgery|surgeries|rehearsals?|screenings?)\s+"
    r"(?:has\s+|have\s+|is\s+|are\s+|will\s+be\s+|will\s+have\s+)?(?:now\s+|just\s+)?)moved\s+to|"
    r"(?:his|her|their|my\s+\w+'s)\s+(?:place|home|address)|staying\s+at|halls?\s+room|"
    # a room in a named teaching or office building is a workplace ("Aston Building, Room 210")
    r"(?<!\b(?:building|centre|center|library|tower|wing|hub|lab|laboratory|institute|annexe?)\W{1,3})room\s+\d+(?!\d|\.\d))(?![\w])",
    regex.IGNORECASE,
)


@rule(
    "PRV004",
    "home-address",
    "privacy",
    "block",
    clauses.PUBLIC,
    "A home address tells the world where a person sleeps; it is a safety risk, not just a privacy one.",
    "Remove the address; share a public venue or the institution's address instead.",
    [
        Example("Happy birthday Tom! Everyone drop round to his house at 14 Elm Grove Road, B15 2TT tonight", True),
        Example("Our new lab is at 25 Aston Street, Birmingham - come and visit!", False),
    ],
)
def home_address(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    spans = []
    for s, e, home in _addresses(doc, cp):
        if home:
            spans.append((s, e))
            yield s, e, "Home address of a person in a public post."
    if gate(doc.masked, _LIVES_WORDS):
        t = doc.text
        for m in _LIVES_AT_RE.finditer(t):
            if any(a < m.end() and m.start() < b for a, b in spans):
                continue
            place, tail = m.group("place"), t[m.end() : m.end() + 45]
            if (
                _STREET_WORD_RE.search(place)
                or _STREETISH_RE.search(place)
                or regex.search(r"(?i)\bcorner\b", place)
                or _FIND_DETAIL_RE.match(tail)
            ) and not _ADVICE_HOME_RE.search(t, max(0, m.start() - 30), m.start()):
                yield (
                    m.start(),
                    m.end(),
                    "Where a person lives, described closely enough to find their door, in a public post.",
                )


# Where someone lives without a house number: "his flat is above the Tesco on Hyde Park Corner, the green
# door", "lives on Elm Grove, number 27". The place must be a named street, or come with a detail that
# finds the door (a number, the colour of the door, the flat above/next to a named shop).
_LIVES_WORDS = gate_words("live lives living flat house home place")
_LIVES_AT_RE = regex.compile(
    r"(?i)\b(?:lives|living|(?<=\b(?:i|we|they|you|who|still|both)\s+)live|"
    r"(?:his|her|their|\p{L}+'s|\p{L}+’s)\s+(?:flat|house|home|place)\s+is)\s+(?:just\s+)?"
    r"(?:above|over|below|next\s+door\s+to|next\s+to|opposite|behind|on|off|at|in|by|near|round\s+the\s+corner\s+from)\s+"
    r"(?:the\s+)?(?P<place>(?-i:\p{Lu})[\p{L}'’-]+(?:\s+(?:on\s+|in\s+)?(?-i:\p{Lu})[\p{L}'’-]+){0,4})"
)
_FIND_DETAIL_RE = regex.compile(
    r"(?i)\s*[,(-]?\s*(?:number|no\.?|flat|house|room)\s*\d|\s*[,(-]?\s*(?:the\s+)?(?:one\s+with\s+the\s+)?"
    r"(?:green|red|blue|black|white|yellow|purple|pink|grey|gray|orange|brown)\s+(?:door|gate|house)"
)
_ADVICE_HOME_RE = regex.compile(r"(?i)\b(?:if\s+you|students\s+who|anyone\s+who|people\s+who)\s*$")


_ROOM_NUMBER_IN_RE = regex.compile(r"(?i)\broom\s+[A-Z]?\d")


_CODE_OR_LINES_RE = regex.compile(r"(?:\p{Lu}{2,}-\d|(?i:lines?|ll\.|pp?\.|steps?|slides?|rows?)\s+\d)")
_COUNT_IN_SPAN_RE = regex.compile(
    r"(?i)\d\s+(?:visitors|people|students|attendees|participants|demos|delegates|guests|applicants|staff|schools|"
    r"talks|sessions|countries|languages|papers|posters|teams|volunteers|events)\b"
)
_CODE_OR_LINES_BEFORE_RE = regex.compile(r"(?i)\b(?:lines?|ll\.|pp?\.|rows?)\s+$")


def _addresses(doc: Doc, cp: CompiledPack) -> list[tuple[int, int, bool]]:
    """(start, end, looks like a home) for each street address in the post that is not one the
    institution publishes: the token tagger's spans, the UK street pattern and UK postcodes."""
    cached = doc.__dict__.get("_addresses")
    if cached is not None:
        return cached
    t = doc.text
    found: list[tuple[int, int]] = []
    if _DIGIT_RUN.search(t) is not None:
        found = [(m.start(), m.end()) for m in _ADDRESS_RE.finditer(t)]
        for s, e, _p in address_spans(t) if _address_gate(t, doc.lower) else ():
            if not any(a < e and s < b for a, b in found):
                found.append((s, e))
        if _CONTINENTAL_CORE_RE.search(t):
            for m in _CONTINENTAL_RE.finditer(t):
                if not any(a < m.end() and m.start() < b for a, b in found):
                    found.append(m.span())
        for m in POSTCODE_RE.finditer(t):
            if any(a <= m.start() < b + 3 for a, b in found):
                continue
            if _POSTCODE_CUE_RE.search(t, max(0, m.start() - 60), m.start()):
                found.append(m.span())
            elif pl := _PLACE_BEFORE_RE.search(t, max(0, m.start() - 40), m.start()):
                found.append((pl.start("place"), m.end()))  # "Handsworth B21 9QS"
    out = []
    for s, e in sorted(found):
        if any(a <= s < b for a, b in doc.urls):
            continue
        if lead := _HOURS_LEAD_RE.match(t, s, e):
            s = lead.end()  # "Tue 15 Oct, 11–3, Sports Centre, ...": the hours are when, the rest is where
        span_digits = re.sub(r"\D", "", t[s:e])
        if (
            any(p in span_digits or (len(span_digits) >= 6 and span_digits in p) for p in cp.public_digits)
            or _NOT_ADDRESS_RE.search(t, s, e)
            or _ROOM_BEFORE_RE.search(t, max(0, s - 12), s)
            or _ROOM_ONLY_RE.fullmatch(t[s:e].strip())
            or _COUNT_ONLY_RE.fullmatch(t[s:e])
            or _CATALOGUE_BEFORE_RE.search(t, max(0, s - 24), s)
            or _CATALOGUE_AT_RE.match(t, s)
            or _CLOCK_ONLY_RE.fullmatch(t[s:e].strip())
            or (t[e - 1 : e].isdigit() and _DOT_DIGIT_RE.match(t, e))
            or _DAY_HOURS_RE.match(t, s)
            or (_LIST_BEFORE_RE.search(t, max(0, s - 6), s) and t[e - 1 : e].isdigit() and _LIST_AFTER_RE.match(t, e))
            # a date, or a month whose day stands just before the span ("13 Nov, 5–8pm" gave "Nov, 5")
            or (_DATE_RE.search(t, max(0, s - 4), e) and not _STREET_WORD_RE.search(t, s, e))
            or (_numeric_date_in(t, s, e) and not _STREET_WORD_RE.search(t, s, e))
            or _in_date_list(t, s, e)
            or _phone_tail(t, s)
            or (_PHONE_IN_SPAN_RE.search(t, max(0, s - 1), e) and not _STREET_WORD_RE.search(t, s, e))
            or t[e : e + 1] == "@"
            # round 19 (N9): a product code or a reference to lines ("EXU-2417-0032", "at lines 212--219")
            or _CODE_OR_LINES_RE.match(t, s)
            # round 19 (N13): "1,400 visitors, 38 live demos": counts, not an address
            or (_COUNT_IN_SPAN_RE.search(t, s, min(len(t), e + 14)) and not _STREET_WORD_RE.search(t, s, e))
            or _CODE_OR_LINES_BEFORE_RE.search(t, max(0, s - 8), s)
            # round 19 (N6): "Tuesdays 2-4, room 3.07 Brindley Building": hours and a room, no street
            or (_ROOM_NUMBER_IN_RE.search(t, s, min(len(t), e + 12)) and not _STREET_WORD_RE.search(t, s, e))
        ):
            continue
        # the institution's published addresses are not personal data (postcode a little after)
        if cp.is_public_address(t[s : min(len(t), e + 30)]):
            continue
        window = t[max(0, s - 80) : e + 40]
        home = any(not _BUILDING_HOUSE_RE.match(r.group(0)) for r in _RESIDENCE_RE.finditer(window))
        if doc.ctx.account != "personal" and _OWN_ADDRESS_RE.search(t, max(0, s - 120), s):
            continue  # the institution giving its own address ("Our campus address is ...")
        if not home and _WORK_ADDRESS_RE.search(t, max(0, s - 90), s):
            continue  # "the office address for deliveries is School of Chemistry, ...": a workplace's, on any account
        if not home and doc.ctx.account != "personal" and _names_building(t[s:e]):
            continue  # an official post naming the building first ("Student Centre, Oxford Road, M13 9PL")
        if not home and doc.ctx.account != "personal" and _VENUE_RE.search(t, max(0, s - 45), s):
            continue  # an official post giving a public venue's address ("the Sports Centre is at ...")
        if not home and doc.ctx.account != "personal" and _OWN_FACILITY_AT_RE.search(t, max(0, s - 80), s):
            continue  # "Our new Sports Village is at 1 Parkside Drive, ...": a named place of the institution's
        if not home and doc.ctx.account != "personal" and _CAMPUS_STREET_RE.search(t, s, e):
            continue  # "1 University Way, Lancaster LA1 4YW": a campus street, on an official account
        if not home and doc.ctx.account != "personal" and _org_named_before(t, s):
            continue  # "Graduate School, 17 Hill Street", "held at the ICC Birmingham, 8 Centenary Square"
        if not home and not _address_like(t[s:e]) and not _ADDRESS_CUE_RE.search(t, max(0, s - 60), s):
            continue  # a product name, a time, a score or an age the tagger proposed
        out.append((s, e, home))
    doc.__dict__["_addresses"] = out
    return out


# Round 18 (M3): a count of things, not a house ("3 campuses, 2 trains, 1 very good flask"): a number and a
# lower-case plural, with no street word (a street's name is capitalised: "2 Trains Lane" would not fit).
_COUNT_ONLY_RE = regex.compile(r"[\s,;]*\d{1,3}\s+(?:[\p{Ll}-]+\s+){0,2}\p{Ll}{2,}s[\s,;.!]*")
# ... or a library's or archive's reference ("(shelfmark Maps 1234.(5))", "call number QA76 .5")
_CATALOGUE_AT_RE = regex.compile(
    r"(?i)[\s(]*(?:shelfmark|shelf\s+mark|call\s+(?:number|no\.?)|class\s*mark|pressmark)\b"
)
_CATALOGUE_BEFORE_RE = regex.compile(
    r"(?i)\b(?:shelfmark|shelf\s+mark|call\s+(?:number|no\.?)|catalogue\s+(?:number|no\.?|ref(?:erence)?)|"
    r"accession\s+(?:number|no\.?)|class\s*mark|pressmark)\s*:?\s*$"
)


def _names_building(span: str) -> bool:
    """The address opens with a named building ("Student Centre, Oxford Road, ..."): its first part
    holds a venue word and is not itself a street ("12 Church Street", "Park Road")."""
    first = span.lstrip(" ,\n").split(",")[0]
    return (
        _VENUE_RE.search(first) is not None
        and not any(c.isdigit() for c in first)
        and _STREET_WORD_RE.search(first) is None
        and _STREETISH_RE.search(first) is None
    )


_STREETISH_RE = regex.compile(r"(?i)\b(?:hill|park|row|walk|grove|mews|gardens|green|parade|view|rise|vale)\b")


_OWN_ADDRESS_RE = regex.compile(
    r"(?i)\b(?:our|the)\s+(?:campus|university|main|postal|office|visiting|head\s+office|registered)\s+address\b"
    r"|\bour\s+address\s+(?:is|for)\b"  # round 44: "Our address is Admissions Office, University of ..."
    # "The Institute's address for invoices is ...", "the School's postal address": the organisation's own
    r"|\b(?:our|the)\s+(?:university|institute|college|school|faculty|department|centre|center|society|union)(?:'s|’s)\s+"
    r"(?:\w+\s+)?address\b"
    # an official account saying where it is: "find us in Room G.14, ...", "we're now based at ..."
    r"|\b(?:find|visit|see|join|meet)\s+us\s+(?:\w+\s+){0,2}?(?:at|in|on)\b"
    # "Visit our Executive Education team at Canary Wharf: Level 17, ...": one of its own offices
    r"|\b(?:find|visit|see|join|meet)\s+(?:our|the\s+university'?s)\s+(?:[\w'’-]+\s+){0,4}?(?:team|office|staff|"
    r"colleagues|centre|center|hub|campus)\s+(?:\w+\s+){0,2}?(?:at|in|on)\b"
    r"|\b(?:we'?re|we\s+are|we'?ve|we\s+have)\s+(?:now\s+)?(?:moved\s+to|located\s+(?:at|in)|based\s+(?:at|in)|at|on)\b"
    # "Our office in Lagos: 12 ...", "Our international office in Kuala Lumpur: Level 5, ..."
    r"|\bour\s+(?:[\w-]+\s+){0,2}?(?:office|offices|campus|centre|center|hub|base|headquarters|hq|branch)"
    r"(?:\s+in\s+(?:\p{L}+\s+){0,2}?\p{L}+)?\s*:"
    # "Our International Office has moved! Find them at 3rd Floor, ...": one of its own units, moving
    r"|\bour\s+(?:[\w'’-]+\s+){0,3}?(?:office|offices|team|service|services|centre|center|hub|library|shop|clinic|"
    r"department|school|unit|helpdesk|desk|reception)\s+(?:has|have|is|are|will\s+be)\s+(?:now\s+|just\s+)?"
    r"mov(?:ed|ing)\b"
)
# A named organisation or event place right before an address in an official post (capitalised, as a
# name is: "Graduate School", "Royal College of Physicians", "Finance Office", "the ICC"), or an event
# "held at" it; not when a person or someone's own place ("my office", "Tom's") comes in between.
_ORG_NAME_RE = regex.compile(
    r"\b(?:School|Institute|College|Society|Office|Offices|Faculty|Department|University|Hotel|Conference|"
    r"Centre|Center|ICC|Exhibition|Convention|Council|Trust|Foundation|Academy|Museum|Gallery)\b|(?i:\bheld\s+at\b)"
)
_OWNER_BEFORE_RE = regex.compile(r"(?i)\b(?:my|his|her|their|your)\b|\p{L}'s\b|\b(?:dr|prof|mr|mrs|ms|miss)\.?\s")


def _org_named_before(t: str, s: int) -> bool:
    """Whether an official post names an organisation or event place in the 50 characters before the
    address at ``s`` (same sentence), with no person or possessive in between (see _ORG_NAME_RE)."""
    start = max(0, s - 50)
    cut = max(t.rfind(c, start, s) for c in ".!?\n")
    start = max(start, cut + 1)
    last = None
    for last in _ORG_NAME_RE.finditer(t, start, s):  # noqa: B007 - the last one before the address
        pass
    return last is not None and _OWNER_BEFORE_RE.search(t, start, s) is None


# An official post saying where one of its own named places is ("Our new Sports Village is at ...",
# "Our Dental Hospital is now on ..."): capitalised words after "our", then "is/are at/on".
_OWN_FACILITY_AT_RE = regex.compile(
    r"\b(?i:our)\s+(?:(?i:new|brand[-\s]new|refurbished)\s+)?(?:\p{Lu}[\p{L}'’&-]+\s+){1,4}(?i:is|are)\s+"
    r"(?:(?i:now|still)\s+)?(?:(?i:at|on|located\s+at|based\s+at)\s+"
    # round 19 (N3): "our Wellbeing Team is on the ground floor of Student Central, 12 Park Lane": the
    # building named, then its address
    r"|(?i:(?:based\s+)?(?:on\s+the\s+[\w-]+\s+floor\s+of|in|inside|at))\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’&-]+\s+){0,3}"
    r"\p{Lu}[\p{L}'’&-]+,\s*)$"
)
_CAMPUS_STREET_RE = regex.compile(
    r"\b(?:University|Campus)\s+(?:Road|Way|Avenue|Drive|Park|Square|Place|Boulevard|Walk|Lane|Street)\b"
)
_WORK_ADDRESS_RE = regex.compile(
    r"(?i)\b(?:the|our|my)\s+(?:office|work|department|dept|school|faculty|lab|institute|centre|center|delivery|"
    r"postal\s+work)\s+address\b"
)
_VENUE_RE = regex.compile(
    r"(?i)\b(?:centre|center|hall|lodge|union|building|library|campus|reception|museum|gallery|theatre|theater|"
    r"stadium|venue|shop|store|clinic|nursery|hub|arena|pavilion|chapel|cathedral|church|car\s+parks?|parking|"
    r"residences|halls\s+of\s+residence|student\s+village|"
    r"sports\s+(?:ground|field|village|park)|playing\s+fields?)\b"
    # a unit or service of the institution by its proper name ("The Careers Service is at ...", "the
    # Registry has moved to ..."): capitalised, so "send it to my office at ..." is not one
    r"|\b(?-i:(?:Service|Services|Office|Registry|Help\s*[Dd]esk|Enquiry\s+Desk|Department|Faculty|Institute|"
    r"Practice|Surgery|Pharmacy|Caf[eé]|Canteen|Food\s+Bank))\b"
)
# spans the tagger proposes that are meeting IDs or phone lines, not places
_NOT_ADDRESS_RE = regex.compile(
    r"(?i)\b(?:id|passcode|meeting|ext|extension|tel|phone|call|dial|fax|ref|isbn|doi|invoice|order|edition|sort|acc|"
    r"volume|vol|chapter|folio)\b"
    # a place at a conference or a fair ("poster board 112", "stand 14", "booth B7"): where a poster hangs
    r"|\b(?:board|stand|booth|poster|pitch|table)\s+(?:no\.?\s*)?[a-z]?\d"
    # a day and its hours ("thurs 2-4", "Mon 9-5"), not a house number
    r"|\b(?:mon|tues?|wed(?:nes)?|weds|thu|thur|thurs|fri|sat(?:ur)?|sun)(?:day)?s?\s+\d{1,2}(?:[:.]\d\d)?\s*(?:-|–|to)\s*\d"
    # a day and a clock time ("Seminar ..., Wednesday 4pm"): when, not where
    r"|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mon|tues?|weds?|thu|thur|thurs|fri|sat|sun)\s+"
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)\b"
    # a UK phone number the tagger ran on into opening hours ("0114 222 8800, Mon-Fri 9-5")
    r"|\G\+?(?:44\s*)?\(?0\d{2,4}\)?[\s-]?\d{3}[\s-]?\d{3,4}\b"
    # counts ("24,500 undergraduates and 6,200 postgraduates")
    r"|\d,\d{3}\b"
)
# a span the tagger starts inside a dotted room number ("Room 3.|310, Whitworth Building", "6.|018, not
# 6.081") or right after a room word ("rooms 2.30-2.34, Faraday Building", "LT 214, Arts Tower"):
# floor and room numbers inside a building, not a house on a street
_ROOM_BEFORE_RE = regex.compile(
    r"(?i)(?:\d\.\d*|\b(?:rooms?|office|lab|labs|lt|lecture\s+theatre|level|floor|suite|seats?)\s+"
    # "Room G.07" (round 15): the span may start at the room's dot, after its floor letter
    r"|\b(?:rooms?|office|lab|labs|lt|suite)\s+[a-z]{1,2}\.?)$"
)
_DOT_DIGIT_RE = regex.compile(r"\.\d")
# a span that is a time of day and nothing more ("moved to 12 noon")
_CLOCK_ONLY_RE = regex.compile(r"(?i)\d{1,2}(?:[.:]\d{2})?\s*(?:noon|midday|midnight|o['’]clock|am|pm|a\.m\.?|p\.m\.?)")
# hours at the start of a span, before a comma ("11–3, ", "5-8pm, "): an event's time, then its place
_HOURS_LEAD_RE = regex.compile(
    r"(?i)[\s,]*\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)?\s*(?:-|–|to)\s*\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)?\s*,\s*"
)
# a span that is a room number and nothing more ("Room 2.", cut at the dot of "Room 2.14")
_ROOM_ONLY_RE = regex.compile(r"(?i)(?:rooms?|office|lab|labs|lt)\s+[a-z]{0,2}\.?\d+(?:\.\d*)?")
# a day and its hours ("Thurs 2-4"), even when the tagger's span stops before the hours
_DAY_HOURS_RE = regex.compile(
    r"(?i)(?:mon|tues?|wed(?:nes)?|weds|thu|thur|thurs|fri|sat(?:ur)?|sun)(?:day)?s?\s+\d{1,2}(?:[:.]\d\d)?\s*(?:-|–|to)\s*\d"
)
# an item of a numbered list ("1. Physics, 2. Library, 3. ..."): the numbers count items, not houses
_LIST_BEFORE_RE = regex.compile(r"(?:^|[\s,:;])\d{1,2}[.)]\s+$")
_LIST_AFTER_RE = regex.compile(r"[.)]\s+\p{L}")
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?"
)
_DATE_RE = regex.compile(
    r"(?i)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTHS + r")\b|\b(?:" + _MONTHS + r")\s+\d{1,2}\b"
)
# A numeric date ("27/05/90", "06/28/95", "14.06.2025"): when, not where.
_NUMERIC_DATE_RE = regex.compile(r"(?<![\d/.])\d{1,2}([/.])\d{1,2}\1(?:\d{2}|\d{4})(?![\d/])")
# A list of days of one month ("14, 21 and 28 June", "3, 10 & 17 October"): the tagger reads ", 21 and"
# as a house number, but the numbers count days.
_DATE_LIST_RE = regex.compile(
    r"(?i)\b\d{1,2}(?:st|nd|rd|th)?(?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*\s*,?\s*(?:and|&|or|to|-|–)\s*"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTHS + r")\b"
)


def _numeric_date_in(t: str, s: int, e: int) -> bool:
    """Whether a numeric date overlaps the span [s, e) (the tagger may stop inside it: "Knebworth, 10/")."""
    if "/" not in t and "." not in t:
        return False
    return any(m.start() < e and s < m.end() for m in _NUMERIC_DATE_RE.finditer(t, max(0, s - 10), min(len(t), e + 10)))


def _in_date_list(t: str, s: int, e: int) -> bool:
    """Whether the span [s, e) lies inside a list of days of a month (see _DATE_LIST_RE)."""
    if "," not in t and "and" not in t and "&" not in t:
        return False
    return any(m.start() <= s and e <= m.end() + 1 for m in _DATE_LIST_RE.finditer(t, max(0, s - 30), e + 40))


_STREET_WORD_RE = regex.compile(
    r"(?i)\b(?:street|st|road|rd|avenue|ave|lane|drive|close|way|court|place|terrace|gardens|crescent|square|"
    r"rue|via|calle|strasse|straße|gatan|gade|vej|katu|tie|apt|suite|flat|unit|box|ul|ulica|gasse|straat|vägen|útja|út|"
    r"utca|kapu|rua|rúa|viale|corso|piazza|plaza|avenida|psc|fpo|apo|dpo|corner)\b|\w(?:vej|gade|gatan|katu|tie|straat|"
    r"strasse|straße|gasse|vägen|weg|laan|veien|vegur|gata)\b"
)
# The tagger only runs where a number sits next to a word that could be a street or place name:
# capitalised, non-English, or an address word (most numbers in posts are counts, times, dates).
_ADDRESS_GATE_NUMBER = (
    r"\d[\w.,'’-]*\s+(?:[\p{Lu}\n]|(?!(?:am|pm|days?|years?|hours?|minutes?|mins?|weeks?|months?|people|students|of|in|"
    r"and|or|to|the|a|for|times?|more|new|million|thousand|k|percent|points?|goals?|votes?|likes?|followers|x|vs|"
    r"yrs?|hrs?|degrees?|miles?|km|kg|lbs?|per|out|at|on|is|was|are|were|with|from|by|it|you|i|we|they|he|she|that|"
    r"this|my|your|his|her|our|their)\b)\p{Ll})"
)
_ADDRESS_GATE_PLACE = r"\p{L}{3,}\s+\d{1,5}(?:\s*(?:,|\n|$|\p{Lu}))"
_ADDRESS_GATE_WORDS = r"(?i:\b(?:apt|suite|flat|unit|box|street|road|avenue|lane|address|lives|postcode)\b)"
_ADDRESS_GATE_RE = regex.compile(_ADDRESS_GATE_NUMBER + "|" + _ADDRESS_GATE_PLACE + "|" + _ADDRESS_GATE_WORDS)
# The gate asks only whether _ADDRESS_GATE_RE matches anywhere, so its three branches are tried one
# by one, the cheap and usual one (a number before a word) first: the whole alternation costs ~34 us
# a post with a digit, the number branch alone ~4 us and it decides nine posts in ten. The place
# branch needs whitespace before a digit (a C-speed ``re`` test first; its ``\s`` holds every
# character the ``regex`` one does) and matches where its last three letters do (the same answer
# without rescanning each word from every letter); the word branch needs one of its words.
_ADDRESS_GATE_NUMBER_RE = regex.compile(_ADDRESS_GATE_NUMBER)
_ADDRESS_GATE_PLACE_RE = regex.compile(_ADDRESS_GATE_PLACE.replace("{3,}", "{3}", 1))
_ADDRESS_GATE_WORDS_RE = regex.compile(_ADDRESS_GATE_WORDS)
_SPACE_DIGIT_RE = re.compile(r"\s\d")
_ADDRESS_GATE_STEMS = ("apt", "suite", "flat", "unit", "box", "street", "road", "avenue", "lane", "address", "lives",
                       "postcode")


def _address_gate(t: str, low: str) -> bool:
    """Whether _ADDRESS_GATE_RE matches ``t`` (``low``: its lower-cased copy), branch by branch."""
    return (
        _ADDRESS_GATE_NUMBER_RE.search(t) is not None
        or (_SPACE_DIGIT_RE.search(t) is not None and _ADDRESS_GATE_PLACE_RE.search(t) is not None)
        or (may_hold(low, _ADDRESS_GATE_STEMS) and _ADDRESS_GATE_WORDS_RE.search(t) is not None)
    )
_TIME_SCORE_RE = regex.compile(
    r"(?i)\b(?:am|pm|a\.m\.|p\.m\.|gmt|bst|ct|et|pt|est|pst|pacific|eastern|vol|no|ep|season|iphone|ipad|mm|gb|mb)\b|"
    r"\b\d{1,2}:\d\d\b|\b\d{1,2}-\d{1,2}\b"
)
_ZIP_RE = regex.compile(r"\b\d{4,6}\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def _address_like(span: str) -> bool:
    """A street word, a newline-laid-out address, or a house number with a postal code and
    names: what separates an address from '7 PM', 'iPhone 5' or 'Fenway 6-0'."""
    if _STREET_WORD_RE.search(span) or "\n" in span.strip():
        return True
    if _TIME_SCORE_RE.search(span):
        return False
    words = [w for w in regex.findall(r"\p{L}{3,}", span)]
    numbers = regex.findall(r"\d+", span)
    years = [n for n in numbers if regex.fullmatch(r"(?:1[5-9]|20)\d\d", n)]  # 'Constable, 1821, National Gallery'
    return (
        len(words) >= 1
        and len(numbers) >= 1
        and len(years) < len(numbers)
        and (len(numbers) >= 2 or _ZIP_RE.search(span) is not None or "," in span)
    )


_ADDRESS_CUE_RE = regex.compile(
    r"(?i)(?:address|located\s+at|is\s+at|lives?\s+(?:at|on)|sent\s+to|send\s+(?:it\s+)?to|deliver\w*\s+to|drops?\s+you\s+off|"
    r"corner\s+of|meet(?:ing)?\s+(?:me\s+|you\s+)?at|enter\s+on|(?:station|office|shop|restaurant)\s+is\s+(?:on|at)|"
    r"return\s+(?:it\s+)?to|post\s+(?:it\s+)?to|ship\s+(?:it\s+)?to|moved\s+to|stop\s+at|taxi\s+to)\W*(?:\S+\W+){0,3}$"
)
# "in Handsworth B21 9QS", "at Harborne B17 0AB": a full postcode after a place name
_PLACE_BEFORE_RE = regex.compile(
    r"(?:\b(?i:in|at|near|from|to|round|off)\s+)(?P<place>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)\s*,?\s*$"
)
_POSTCODE_CUE_RE = regex.compile(r"(?i)(?:\d|street|road|lane|avenue|close|flat|house|address|postcode|,)\s*\S*\s*$")


@rule(
    "PRV006",
    "street-address",
    "privacy",
    "warn",
    clauses.PUBLIC,
    "A street address that is not one the institution publishes is usually somebody's home or a "
    "private place; once posted it cannot be taken back.",
    'If it is anyone\'s home or private address, remove it and write the town only ("in Leeds"), or '
    "give the institution's published address or a public venue instead.",
    [
        Example("The keynote speaker is at 14 Rue des Lilas, 69003 Lyon until Friday.", True),
        Example("Meet at 5049 Harjukuja 54, Seinäjoki after the concert.", True),
        Example("Our Student Hub is at 25 Aston Street, Birmingham B4 7ET - come and visit!", False),
        Example("The Sports Centre is at University Road, Leicester LE1 7RH. Bookings online.", False),
        Example("The lecture is in room 214 at 3pm on 12 March.", False),
    ],
)
def street_address(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for s, e, home in _addresses(doc, cp):
        if not home:
            yield s, e, "Street address in a public post."


# Sensitive personal states, phrased as something a person has/is/did (so "cancer research"
# or "mental health awareness week" do not match, but "her eating disorder" does).
_HEALTH = (
    r"eating\s+disorder|anorexi[ac]|bulimi[ac]|depression|anxiety(?:\s+disorder)?|panic\s+attacks?|ptsd|ocd|"
    r"bipolar|schizophreni[ac]|psychosis|adhd|autism|autistic|dyslexi[ac]|cancer|tumou?r|chemo(?:therapy)?|"
    r"hiv|aids|diabetes|epilepsy|seizures?|stroke|heart\s+attack|miscarriage|abortion|pregnan(?:t|cy)|"
    r"breakdown|nervous\s+breakdown|self[-\s]harm(?:ing)?|suicidal|suicide\s+attempt|overdose|addiction|"
    r"rehab|alcoholism|alcoholic|mental\s+health\s+(?:problems?|issues?|crisis|condition)|illness|"
    r"disability|diagnosis|surgery|operation|therapy|medication|antidepressants|sick\s+note|sick\s+leave|"
    r"covid|long\s+covid|infection|std|sti|chemo|radiotherapy|stress|burnout|burn-out|a\s+breakdown|"
    r"breast\s+cancer|lung\s+cancer|ms|multiple\s+sclerosis|dementia|parkinson'?s|long-term\s+condition|ivf|"
    r"fertility\s+treatment|pip(?:\s+assessment)?|disability\s+benefits?|a\s+wheelchair|"
    # chronic fatigue (written "ME" only in capitals: "off for me" is not an illness), fibromyalgia, migraines
    r"(?-i:ME|M\.E\.|CFS)|chronic\s+fatigue(?:\s+syndrome)?|fibromyalgia|migraines"
)
_HEALTH_RE = regex.compile(
    r"(?<![\w])(?:(?:his|her|their|my\s+\w+'s|\p{Lu}\p{Ll}+'s)\s+(?:\w+\s+)?(?:" + _HEALTH + r")"
    r"|(?:has|had|have|having|got|with|diagnosed\s+with|suffering\s+(?:from|with)|struggling\s+with|battling|"
    r"recovering\s+from|treated\s+for|treatment\s+for|(?:approved|referred|waiting|assessed)\s+for|off\s+(?:sick\s+|ill\s+|unwell\s+|poorly\s+|work\s+)?(?:with|for)|signed\s+off\s+(?:with|for)|"
    r"admitted\s+(?:to|into)|told\s+(?:\w+\s+){0,4}about|(?:message|email|note)\s+about)\s+"
    r"(?:a\s+|an\s+|her\s+|his\s+|their\s+|severe\s+|terminal\s+)?(?:" + _HEALTH + r")"
    r"|(?:is|was|'s|got|became|been)\s+(?:\w+\s+)?(?:pregnant|depressed|anorexic|bulimic|bipolar|suicidal|"
    r"autistic|sectioned|hospitali[sz]ed|in\s+rehab|in\s+hospital|terminally\s+ill|an\s+alcoholic)"
    r"|(?:your|my\s+\w+'s)\s+(?:" + _HEALTH + r")|miscarried|self-harming|signed\s+off\s+sick"
    r"|(?:having|had|needs)\s+(?:an?\s+)?(?:surgery|operation|chemo|an\s+abortion)|in\s+intensive\s+care|in\s+icu"
    r"|(?:after|following)\s+(?:an?|the|his|her|their)\s+(?:" + _HEALTH + r")"
    # learner's English and text-speak: "is very depress", "take antidepressant", "hes HIV positive"
    r"|(?:is|was|'s|are|feel|feels|very)\s+(?:\w+\s+)?depress"
    r"|(?:takes?|taking|took|on|started|starting|prescribed|needs?)\s+(?:\w+\s+)?(?:anti-?depressants?|antipsychotics?|"
    r"lithium|methadone|insulin|mood\s+stabili[sz]ers?)"
    r"|(?:he'?s|she'?s|hes|shes|is|was|they'?re|are)\s+(?:hiv|hep(?:atitis)?\s*[bc])[\s-]*(?:positive|\+)"
    # British "on the sick" (signed off): "on the sick with cancer again"
    r"|on\s+the\s+sick\b"
    r"|(?:has|had|got|with|diagnosed\s+with)\s+(?-i:MS)(?![\w]))(?![\w])",
    regex.IGNORECASE,
)
_GRADES_RE = regex.compile(
    r"(?<![\w])(?:(?:failed|fails|flunked|flunks|scraped|scraped\s+through|resitting|retaking|repeating|repeats|retakes)\s+"
    r"(?:his|her|their|the|every|all|both|another|a)?\s*(?:\w+\s+)?(?:exams?|module|modules|resits?|year|"
    r"dissertation|coursework|assessment|viva|degree|test|placement)"
    # an exam board's verdict on someone, in the present tense of minutes ("X gets a third", "Y fails the year")
    r"|(?:gets|scores|receives|awarded|given|ends\s+up\s+with|leaves\s+with|graduates\s+with|drops\s+to)\s+"
    r"(?:a\s+|an\s+)?(?:2:2|2\.2|third|fail|pass\s+degree|ordinary\s+degree)(?![\w:.])"
    r"|(?:got|scored|received|achieved|only\s+got|managed)\s+(?:a\s+|an\s+)?(?:\d{1,3}\s?%|\d{1,3}/\d{1,3}|"
    r"(?:2:2|2:1|third|fail|[DEF]\b)(?:\s+in)?)"
    r"|(?:his|her|their|\p{Lu}\p{Ll}+'s)\s+(?:exam\s+)?(?:grades?|marks?|transcript|results|gpa|scores?)"
    r"|bottom\s+of\s+the\s+(?:class|cohort|year)"
    # round 21 (P5): a reply telling its addressee their own mark ("your ECON2031 resit came back at 38")
    r"|your\s+(?:[A-Z]{2,5}\s?\d{3,4}\s+)?(?:resit|re-sit|exam|mark|grade|result|dissertation|coursework|essay|viva)\s+"
    r"(?:came\s+back|is|was|has\s+come\s+back)\s+(?:at\s+|as\s+)?(?:a\s+)?(?:\d{1,3}\b|fail|a\s+fail|2:2|third)"
    r"|(?:got|scored|only\s+got)\s+\d{1,3}\s?%\s+(?:in|on|for)"
    r"|(?:must|has\s+to|have\s+to|will\s+have\s+to|needs\s+to)\s+(?:resit|repeat|retake)"
    # "didn't make it through her resits", "never passed his second-year exams"
    r"|(?:didn'?t|did\s+not|never|couldn'?t|could\s+not|won'?t|hasn'?t)\s+(?:make\s+it\s+(?:through|thru)|get\s+through|pass(?:ed)?|"
    r"scrape\s+through)\s+(?:his|her|their|the|any\s+of\s+(?:his|her|their)|another|a)?\s*(?:[\w-]+\s+)?(?:exams?|"
    r"modules?|resits?|year|dissertation|coursework|assessments?|viva|placement|test|probation)"
    r"|failing\s+(?:\w+\s+)?(?:modules?|exams?|the\s+year|his|her)|(?:a\s+)?(?:2:2|third|fail)\s+(?:in|for)\s+(?:his|her|their))(?![\w])",
    regex.IGNORECASE,
)
# The subject right before "was/will be suspended ...": an account, a service or a payment, which
# are suspended, excluded or cancelled as people are, and are nobody's personal data.
_THING_SUBJECT_RE = regex.compile(
    r"(?i)\b(?:account|accounts|card|licen[cs]e|subscription|access|membership|service|services|page|profile|"
    r"e-?mail|login|password|payment|direct\s+debit|loan|bus|train|trains|route|match|fixture|game|event|"
    r"league|season|scheme|programme|trial|study|project|funding|website|site|app|server)\s+$"
)
_DISCIPLINE_RE = regex.compile(
    r"(?<![\w])(?:(?:facing|under|subject\s+of|referred\s+(?:for|to)|reported\s+for|investigated\s+for|"
    r"accused\s+of|caught|found\s+guilty\s+of|disciplined\s+for|suspended\s+for|expelled\s+for)\s+"
    r"(?:an?\s+)?(?:\w+\s+)?(?:disciplinary|misconduct|plagiari[sz](?:m|ing)|cheating|collusion|harassment|"
    r"investigation|tribunal|hearing)"
    r"|(?:was|been|got|is\s+being|being|has\s+been|will\s+be)\s+(?:\w+\s+)?(?:suspended|expelled|excluded|"
    r"sacked|fired|dismissed|arrested|disciplined|cautioned|put\s+on\s+probation|given\s+a\s+(?:final\s+)?warning)"
    r"|(?:his|her|their|\p{Lu}\p{Ll}+'s)\s+(?:disciplinary|misconduct|grievance|capability)\s+"
    r"(?:hearing|case|panel|meeting|process|investigation)"
    r"|cheated\s+(?:on|in)\s+(?:the|his|her|their)\s+(?:exam|test|coursework|assignment)"
    r"|(?:misconduct|disciplinary|fitness\s+to\s+practi[sc]e|conduct)\s+(?:panel|hearing|committee|investigation|case)"
    # round 21 (P6): a penalty named ("have had their module marks capped at 40 following this week's panel")
    r"|(?:marks?|grades?)\s+(?:have\s+been\s+|were\s+|was\s+|got\s+)?capped\s+at\s+\d{1,3}|(?:had|have\s+had|got)\s+"
    r"(?:their|his|her)\s+(?:\w+\s+)?(?:marks?|grades?)\s+capped"
    r"|caught\s+(?:\w+\s+)?(?:colluding|cheating|plagiari[sz]ing|stealing|drinking|dealing)|referred\s+to\s+the\s+(?:\w+\s+)?panel"
    r"|(?:expelled|excluded|kicked\s+out)\s+(?:from|of)\s+(?:halls|the\s+course|university)|got\s+arrested"
    r"|drink[-\s]driving|(?:formal|final|written)\s+warning|(?:convicted|charged|arrested|cautioned)\s+for|done\s+for(?!\s+(?:charity|(?-i:\p{Lu}\p{Ll})))|criminal\s+record|lost\s+(?:his|her)\s+licen[cs]e"
    r"|(?:went|been|gone)\s+to\s+prison|on\s+bail)(?![\w])",
    regex.IGNORECASE,
)
# PRV005's gate: a post holding none of these stems (as substrings of the lower-cased, link-masked
# text) cannot match any of its patterns. Kept as plain substrings tested with ``in`` rather than
# one alternation: Python's regex engine tries every branch at every position (35 us a post on
# the bench texts), while ``in`` finds a common stem in well under a microsecond. The few stems
# that need a word boundary or a space stay in a small pattern, consulted only when no plain stem
# is there (same answer as the former single pattern).
_TRIGGER_STEMS = tuple(
    phrases("""disorder|anorexi|bulimi|depress|anxiety|panic|ptsd|ocd|bipolar|schizo|psycho|adhd|autis|dyslexi|
    cancer|tumo|chemo|hiv|aids|diabet|epilep|seizure|stroke|heart|miscarr|abortion|pregnan|breakdown|harm|suicid|
    overdose|addict|rehab|alcohol|mental|illness|disab|diagnos|surgery|operation|therapy|medicat|sick|covid|
    infection|sectioned|hospital|terminal|fail|flunk|scrape|resit|retak|repeat|got|scor|receiv|third|2:2|2.2|
    pass degree|ordinary degree|
    achiev|manag|grade|mark|transcript|result|gpa|bottom|disciplin|misconduct|plagiar|cheat|collu|harass|
    investigat|tribunal|hearing|suspend|expel|exclud|sack|fire|dismiss|arrest|caution|probation|warning|
    grievance|capability|visa|asylum|deport|overstay|removal|undocumented|illegal|
    stress|burn|dementia|parkinson|sclerosis|condition|panel|collud|caught|kicked|ivf|
    fertility|benefit|approved|referred|waiting|assessed|wheelchair|drink|convict|charged|criminal|licen|prison|bail|
    fatigue|fibromyalg|migraine|cfs|ill with|unwell with|poorly with""")
)
# the stems that are whole words ('ms', 'std') and the spaced ones, each behind a cheap literal test
_TRIGGER_WORDS = frozenset(("std", "sti", "ms", "pip", "ilr", "brp"))
_TRIGGER_SPACED_LEADS = ("home", "right", "done", "leave", "settled", "residence", "didn", "never", "make")
_TRIGGERS_SPACED = re.compile(
    r"home\s+office|right\s+to|done\s+for|leave\s+to\s+remain|settled\s+status|residence\s+permit"
    r"|didn'?t\s+pass|never\s+passed|make\s+it\s+(?:through|thru)"
)
_WORD_RE = re.compile(r"\w+")


def _triggered(low: str) -> bool:
    """Whether PRV005's patterns can match at all (see _TRIGGER_STEMS)."""
    return (
        any(stem in low for stem in _TRIGGER_STEMS)
        or not _TRIGGER_WORDS.isdisjoint(_WORD_RE.findall(low))
        or (any(w in low for w in _TRIGGER_SPACED_LEADS) and _TRIGGERS_SPACED.search(low) is not None)
    )
# Immigration status is special in a university: visas, asylum, deportation.
_IMMIGRATION_RE = regex.compile(
    r"(?<![\w])(?:(?:visa|leave\s+to\s+remain|residence\s+permit|brp)\s+(?:\w+\s+){0,2}(?:\(\s*)?(?:was\s+|has\s+been\s+|got\s+|is\s+)?"
    r"(?:refused|rejected|curtailed|revoked|cancelled|denied|expir(?:es|ed|ing)|runs?\s+out|ran\s+out)"
    r"|overstay(?:ed|ing)|(?:being|been|get|gets|got|was|were)\s+deported|deportation|facing\s+removal"
    r"|asylum\s+(?:claim|application|case|appeal|seeker)|claimed\s+asylum|undocumented|illegal(?:ly)?\s+(?:here|in\s+the\s+uk)"
    r"|no\s+right\s+to\s+(?:work|remain)|hiding\s+from\s+the\s+home\s+office"
    # "if Mo's leave to remain doesn't come through", "her visa still hasn't been renewed"
    r"|(?:visa|leave\s+to\s+remain|ilr|settled\s+status|brp|residence\s+permit|asylum\s+decision)\s+(?:\w+\s+){0,2}?"
    r"(?:doesn'?t|does\s+not|didn'?t|did\s+not|hasn'?t|has\s+not|won'?t|isn'?t|is\s+not|wasn'?t|never)\s+(?:\w+\s+)?"
    r"(?:come\s+through|came\s+through|approved|granted|renewed|extended|sorted|arrive|arrived|been\s+(?:approved|"
    r"granted|renewed|extended|decided))"
    r"|(?:on|has|holds)\s+an?\s+(?:\w+\s+){0,2}visa\s+(?:that|which)\s+(?:runs\s+out|expires|ends))(?![\w])",
    regex.IGNORECASE,
)
_HEALTH_WORDS = frozenset(
    wordlist("""
    disorder eating anorexia anorexic bulimia bulimic depression depressed anxiety panic attack attacks
    ptsd ocd bipolar schizophrenia schizophrenic psychosis adhd autism autistic dyslexia dyslexic cancer
    tumour tumor chemo chemotherapy radiotherapy hiv aids diabetes epilepsy seizure seizures stroke
    heart miscarriage miscarried abortion pregnant pregnancy breakdown self-harm self-harming harm
    harming suicidal suicide overdose addiction rehab alcoholism alcoholic mental illness disability
    diagnosis diagnosed surgery operation therapy medication antidepressants sick covid infection std
    sti stress burnout burn-out ms sclerosis dementia parkinson's parkinsons condition ivf fertility pip
    wheelchair sectioned hospitalised hospitalized hospital ill
""")
)
_GRADE_WORDS = frozenset(
    wordlist("""
    failed flunked scraped resitting retaking repeating resit resits retake repeat exam exams module
    modules year dissertation coursework assessment viva degree test placement grade grades mark marks
    transcript results gpa score scores bottom 2:2 third fail failing fails flunks repeats retakes gets scores
    receives awarded given ends leaves graduates
""")
)
_DISCIPLINE_WORDS = frozenset(
    wordlist("""
    disciplinary misconduct plagiarism plagiarising plagiarizing cheating collusion colluding harassment
    investigation investigated tribunal hearing suspended expelled excluded sacked fired dismissed
    arrested disciplined cautioned probation warning grievance capability cheated panel caught referred
    kicked drink drink-driving driving convicted charged criminal licence license prison bail done capped
""")
)
_HEALTH_WORDS |= frozenset(("intensive", "icu", "cfs", "fatigue", "fibromyalgia", "migraines", "unwell", "poorly"))
_HEALTH_WORDS |= frozenset(
    wordlist(
        "depress antidepressant anti-depressant antidepressants anti-depressants antipsychotic antipsychotics "
        "lithium methadone insulin stabilisers stabilizers positive"
    )
)
_DISCIPLINE_WORDS |= frozenset(("formal", "final", "written"))
_IMMIGRATION_WORDS = frozenset(
    wordlist("""
    visa visas leave permit brp overstayed overstaying overstay deported deportation removal asylum
    undocumented illegal illegally right home ilr settled
""")
)
_SENSITIVE = (
    (_IMMIGRATION_RE, "immigration status", _IMMIGRATION_WORDS),
    (_HEALTH_RE, "health", _HEALTH_WORDS),
    (_GRADES_RE, "grades", _GRADE_WORDS),
    (_DISCIPLINE_RE, "disciplinary matters", _DISCIPLINE_WORDS),
)


@rule(
    "PRV005",
    "sensitive-personal-information",
    "privacy",
    "block",
    clauses.PUBLIC,
    "Health, grades and disciplinary matters are special or confidential personal data; naming or "
    "describing the person makes them identifiable even without a full name.",
    "Remove the personal detail, or get the person's explicit consent and talk about it in general terms.",
    [
        Example(
            "Student in my 9am (Chloe, second row, you know who you are) just told the whole class about "
            "her eating disorder. Awkward.",
            True,
            "mastodon",
            "personal",
        ),
        Example("My student Priya failed her resit again, third time lucky?", True, account="personal"),
        Example("So Hannah Wells didn't make it through her resits either. Poor thing", True, account="personal"),
        Example("If Mo's leave to remain doesn't come through he'll be on a plane by June", True, account="personal"),
        Example("If your visa hasn't been renewed in time, talk to the advice team.", False),
        Example("Dr Patel is facing a disciplinary hearing for plagiarism next week.", True),
        Example("Mental health awareness week: our support services are here for you.", False),
        Example("Jane is running the marathon for cancer research - sponsor her!", False),
    ],
)
def sensitive_info(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    # a post that says its person is invented or anonymised is teaching material (asked only when
    # there is a hit: the check costs more than most posts' whole run of this rule)
    hits = list(_sensitive_info(doc, cp))
    if hits and not fictional(doc):
        yield from hits


def _sensitive_info(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    # each pattern runs only inside windows around its own words (or a figure before '%'): a post
    # holding none of them, and no '%', has no window at all, so nothing below can match. The word
    # sets are tested against the post's cached token set (a C-speed test) before the stem gate.
    present = token_set(doc.masked)
    pct = "%" in t
    if not pct and all(words.isdisjoint(present) for _p, _w, words in _SENSITIVE):
        return
    if not _triggered(doc.masked):  # cheap gate before the expensive patterns
        return
    toks = tokens(doc.masked)
    for pattern, what, words in _SENSITIVE:
        if not pct and words.isdisjoint(present):
            continue  # no window for this pattern (see above)
        # each pattern runs only around the words it needs (the state, not the framing)
        windows: list[list[int]] = []
        for s, e, w in toks:
            if w in words or (w[:1].isdigit() and "%" in t[e : e + 1]):
                s, e = max(0, s - 90), min(len(t), e + 40)
                if windows and s <= windows[-1][1]:
                    windows[-1][1] = e
                else:
                    windows.append([s, e])
        for m in (m for ws, we in windows for m in pattern.finditer(t, ws, we)):
            if _GENERIC_YOU_RE.search(t, max(0, m.start() - 40), m.start()):
                continue  # advice to anyone ("If your visa is refused, talk to ..."), not someone's news
            if _SCAM_WORDS_RE.search(t) and (
                _inside_quotes(t, m.start()) or t[max(0, m.start() - 5) : m.start()].lower() == "your "
            ):
                continue  # round 19 (N8): '"Your account will be suspended" emails are phishing': a scam quoted
            if _THING_SUBJECT_RE.search(t, max(0, m.start() - 24), m.start()):
                continue  # "your account will be suspended", "the service was suspended": a thing, not a person
            if _WONT_DISCUSS_RE.search(t, max(0, m.start() - 50), m.start()):
                continue  # round 19 (N4): "we can't discuss a student's results with anyone else": a rule
            if _EXPLAINER_RE.search(t, max(0, m.start() - 60), m.start()):
                continue  # "What actually happens at a student conduct hearing?": the process explained
            if _PLURAL_SUBJECT_RE.search(t, max(0, m.start() - 40), m.start()):
                continue  # "Students facing a disciplinary hearing can bring a friend": guidance to a group
            if _GENERIC_GROUP_RE.search(t, max(0, m.start() - 40), m.start()):
                continue  # "a study of how people with long COVID return to work": a kind of person, not one
            if _AGGREGATE_RE.search(t, max(0, m.start() - 60), m.start()) or doc.holds(_CONSENT_RE) or _own_story(doc):
                continue  # a count of many people, or the person's own agreement to share it
            if pattern is _IMMIGRATION_RE and _POLICY_NOUN_AFTER_RE.match(t, m.end()):
                continue  # "the Rwanda deportation policy", "deportation flights": a policy, not someone's case
            st = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \"'’s"))
            if t[st : st + 1].isupper() and _in_proper_name(t, st, m.end()):
                continue  # "the School of Law's Abortion Law Reform project": a project's name
            # the person cue may sit in the same or the previous sentence
            lo = max(0, m.start() - SENTENCE_REACH)
            s = max(lo, t.rfind(".", lo, max(lo, m.start() - 1)) - 200)
            e = min(len(t), m.end() + 120)
            # round 20e (P4): "his visa extension was refused": his or her names one person, as a name does
            his_her = t[max(0, m.start() - 4) : m.start()].lower() in ("his ", "her ")
            if his_her or person_cue(t, s, e) or (t.islower() and _first_name_word(t, s, e)):
                ss = sentence_start(t, m.start())
                hi = min(len(t), m.end() + SENTENCE_REACH)
                se = min((i for i in (t.find(c, m.end(), hi) for c in ".!?\n") if i >= 0), default=hi)
                own = _own_news(t, ss, m.start(), se) or _diary_own(t, ss, m.start())
                if own and _other_person(t, ss, se) is None:
                    continue  # the author's own news ("I was off sick for 4 months with long Covid")
                yield m.start(), m.end(), f"Information about {what} of an identifiable person."
                break


_SCAM_WORDS_RE = regex.compile(r"(?i)\b(?:phishing|scam\w*|fraud\w*|fake|spoof\w*|impersonat\w+)\b")


def _inside_quotes(t: str, pos: int) -> bool:
    """Whether a quotation is open at ``pos``: an odd number of straight double quotes, or a curly one
    not yet closed, since the sentence began. (Cheaper and looser than abuse._in_quotes, which needs a
    closing mark too; it is asked only of a sensitive-state match in a post about a scam.)"""
    s = sentence_start(t, pos)
    return t.count('"', s, pos) % 2 == 1 or t.rfind("“", s, pos) > t.rfind("”", s, pos)


# A refusal to discuss anyone's case ("For data protection reasons we can't discuss a student's results"):
# the rule stated, about no one in particular (an indefinite owner only).
_WONT_DISCUSS_RE = regex.compile(
    r"(?i)\b(?:can['’]?t|cannot|won['’]?t|don['’]?t|do\s+not|never|unable\s+to|not\s+able\s+to)\s+(?:discuss|share|"
    r"comment\s+on|disclose|talk\s+about|release|give\s+out|pass\s+on)\s+(?:an?\s+|any\s+|individual\s+)"
    r"(?:[\w-]+['’]s?\s*)?$"
)


# A question about what happens at any such event ("What actually happens at a student conduct hearing?")
_EXPLAINER_RE = regex.compile(
    r"(?i)\b(?:what|how|when|why)\s+(?:\w+\s+){0,4}?(?:at|in|during|before|after|for|to)\s+an?\s+(?:\w+\s+)?$"
)


# A policy or a state practice named by its topic ("the Rwanda deportation policy", "deportation
# flights", "the deportation bill"): the law argued about, no one person's status.
_POLICY_NOUN_AFTER_RE = regex.compile(
    r"(?i)\s+(?:policy|policies|flights?|scheme|schemes|plans?|bill|act|law|laws|rules|regime|programme|program|"
    r"deal|debate|system|powers|agenda|centres?|centers?|targets?|quotas?|legislation)\b"
)


# A plural kind of person right before the state ("people with long COVID", "adults who have ADHD",
# "volunteers with type 2 diabetes"): who a study, a service or a talk is about, never one person.
_GENERIC_GROUP_RE = regex.compile(
    r"(?i)\b(?:people|adults|participants|volunteers|patients|individuals|families|women|men|children|young\s+people|"
    r"carers|parents|those|anyone|everyone)\s+(?:who\s+(?:have|had|are|live|were)\s+|living\s+|(?:diagnosed\s+))?$"
)
# A plural group as the subject ("Students facing a hearing can ...", "any staff who are off sick"):
# guidance for whoever it concerns, not one person's news.
_PLURAL_SUBJECT_RE = regex.compile(
    r"(?i)(?:^|[.!?:]\s+|\b(?:all|any)\s+)(?:students|staff|applicants|employees|colleagues|members\s+of\s+staff)\s+"
    r"(?:who\s+(?:are|have\s+been|were)\s+)?$"
)
# 'If your visa is refused', 'when you're off sick': a condition addressed to anyone reading.
_GENERIC_YOU_RE = regex.compile(
    r"(?i)\b(?:if|when|whenever|should|in\s+case|whether|once|unless)\s+(?:\w+\s+){0,2}?(?:your|you(?:'re|\s+are)?)\s+"
    r"(?:[\w'-]+\s+){0,3}$"
)


# PRV007: compositional — a specific other person AND a sensitive attribute in the same sentence.
# Why: PRV005 knows a few phrasings per category; people describe someone's health, money, sex
# life, faith, record or status in endless ways, but the two ingredients are always there: who
# (a name, 'my colleague', 'the lad in my 9am', 'she') and what (a word from one of the special or
# confidential categories). The lexicon is generic vocabulary of those categories, not posts.
_ATTR_RE = re.compile(
    r"(?<![\w])(?:"
    # health, disability, pregnancy, mental health
    r"cancer(?!\s+(?:research|awareness|charity|uk|trust|relay|fund|support|centre|center|screening))|leuka?emia|lymphoma|chemo(?:therapy)?|radiotherapy|tumou?rs?|heart\s+(?:attack|bypass|surgery|condition)"
    r"|bypass\s+surgery|(?:hip|knee)\s+replacement|diagnosed|diagnosis|allerg(?:y|ies|ic)|crohn'?s|colitis|diabetic"
    r"|epilep(?:sy|tic)|miscarr(?:iage|ied)|pregnan(?:t|cy)|maternity(?!\s+(?:leave|cover|pay|policy))|paternity(?!\s+(?:leave|pay|policy))|baby\s+(?:is\s+)?due|ivf"
    r"|(?:sick|medical|stress|compassionate)\s+leave|off\s+sick|signed\s+off(?!\s+(?:by|on)\b)|(?:is|was|'s|been|still|now|currently|out\s+of|ended\s+up)\s+in\s+hospital|hospitali[sz]ed"
    r"|psych(?:iatric)?\s+(?:ward|unit|hospital|clinic|admission|inpatient)|mental\s+health\s+(?:unit|ward|hospital)|(?:a|her|his|their)\s+(?:\w+\s+)?condition|diabetes|hysterectomy|surrogacy|sober|fainted"
    r"|a\s+(?:bad\s+)?limp|crutches|wheelchair|dyslexi[ac]|autis(?:m|tic)|adhd|ocd|ptsd|bipolar|schizophreni[ac]"
    r"|depress(?:ed|ion)|anxiety|(?:nervous|mental)\s+breakdown|(?:since|after|following)\s+(?:the|her|his|their)\s+breakdown|suicid(?:e|al)|(?:tried|attempted)\s+to\s+kill"
    r"|self[-\s]harm(?:ing)?|overdos(?:e|ed)|eating\s+disorder|anorexi[ac]|bulimi[ac]|addict(?:ion|ed)?"
    r"|alcoholic|rehab|hiv|dementia|sectioned|antidepressants|terminal(?:ly\s+ill)?|rehab"
    # sexual health, addiction relapse, and being seen where only patients/members go
    r"|chlamydia|gonorrh?o?ea|syphilis|herpes|genital\s+warts|(?:got|has|had|caught|with)\s+(?:an?\s+)?st[id]s?"
    r"|back\s+on\s+(?:the\s+)?(?:drink|booze|bottle|drugs|coke|cocaine|heroin|gear|gambling|pills|ket|crack|smack|meth)"
    r"|(?:drinking|gambling|using)\s+again|relapsed|fell\s+off\s+the\s+wagon|off\s+the\s+(?:drink|booze|wagon)"
    r"|(?:at|in|outside|leaving|(?:coming|walking)\s+out\s+(?:of|from)|queue\s+(?:at|for))\s+(?:the|an?)\s+(?:[\w'-]+\s+)?"
    r"(?:sexual\s+health|gum|std|sti|abortion|methadone|drugs?|addiction|fertility|ivf|mental\s+health)\s+clinic"
    r"|(?:at|in|outside|leaving|(?:coming|walking)\s+out\s+(?:of|from))\s+(?:the|an?)\s+(?:[\w'-]+\s+)?"
    r"(?:aa|na|ga|alcoholics\s+anonymous|narcotics\s+anonymous|gamblers\s+anonymous)\s+(?:meeting|group|session)"
    # pay stated for a person: "is on £24,500", "on 95 grand", "earns 48k"
    r"|(?:on|earns?|earning|earned|paid|makes|making|getting|salary\s+(?:is|of))\s+(?:about\s+|around\s+|nearly\s+|over\s+|almost\s+)?"
    r"(?:£\s?\d{2,3}(?:,\d{3}|k)|£\s?\d{5,6}|\d{2,3}\s?(?:k|grand)(?![\w]))"
    # sexuality and gender identity
    r"|gay|lesbian|bisexual|queer|transgender|(?:was|been|got)\s+outed|came\s+out\s+as|in\s+the\s+closet"
    # one person's job loss: "is being made redundant", "his redundancy meeting"
    r"|(?:being|been|was|is|got|'s)\s+made\s+redundant|(?:his|her|their)\s+redundancy"
    # gender identity: "is transitioning", "having gender reassignment surgery", "is non-binary", "deadnamed"
    r"|transitioning|gender\s+(?:reassignment|transition|affirming)|non-?binary|deadnam(?:e|ed|es|ing)"
    r"|(?:is|'s|as|being)\s+trans(?![\w-])"
    r"|(?:come|came|coming)\s+out\s+(?:to|as)|tinder|grindr|dating\s+(?:app|profile)"
    # religion and politics (special category)
    r"|convert(?:ed)?\s+(?:to|from)\s+[^\W\d_]+|jehovah'?s\s+witness|scientologist|mormon"
    r"|(?:muslim|jewish|hindu|sikh|christian|catholic|atheist)\s+(?:student|colleague|lad|girl|guy|woman|man|member\s+of\s+staff)(?!\s+(?:society|association|network|union|group|chaplain))"
    r"|(?:is|'s|was|became)\s+(?:an?\s+)?(?:devout\s+|practising\s+|secret\s+)?(?:muslim|christian|jew|hindu|sikh|buddhist|atheist|catholic)"
    r"|voted\s+(?:remain|leave|tory|labour|reform|conservative|green|snp|ukip|for\s+(?:brexit|reform|trump))"
    # money
    r"|(?:in|into)\s+(?:[£$€¥]?[\d,.]+k?\s+(?:of\s+)?)?debt|bankrupt(?:cy)?|insolven(?:t|cy)|payday\s+loans?"
    r"|universal\s+credit|food\s*banks?|(?:on|from)\s+(?:a\s+|the\s+)?hardship\s+(?:fund|payment)|hardship\s+payout|ccjs?|credit\s+check|claiming\s+benefits|non-payment|sleeping\s+(?:rough|in\s+(?:her|his|their|a|the)\s+\w+)|evict(?:ed|ion)|homeless|repossess(?:ed|ion)"
    r"|payslip|salary|arrears|struggling\s+with\s+money|money\s+(?:problems|troubles)|(?:bailiffs|debt\s+collectors?)"
    # criminal record, police, safeguarding
    r"|criminal\s+record|convicted|conviction|prison|jail(?:ed)?|arrested|a\s+caution\s+for|charged\s+with"
    r"|ankle\s+tag|on\s+bail|assault(?:ed)?|stabbing|police\s+(?:interviewed|arrested|questioned|cautioned)|hmp|(?:being|been|was)\s+investigated|sex\s+offenders?\s+register|probation\s+for|shoplifting|(?:for|of|committ(?:ed|ing))\s+fraud|reported\s+to\s+(?:prevent|the\s+police)|restraining\s+order"
    r"|being\s+stalked|stalking|sex\s+offender"
    r"|(?:on|wearing)\s+(?:an?\s+|the\s+)?(?:electronic\s+|ankle\s+|curfew\s+)?tag|(?:got|been|was|were|gets)\s+done\s+for|gbh|abh"
    r"|(?:is|was|'s|been|were|are)\s+dealing(?:\s+(?:drugs|weed|coke|cocaine|pills|ket))?(?=\s*(?:[.,;:!?)]|$|\s+(?:in|on|at|from|out|again)\b))"
    r"|dealing\s+(?:drugs|weed|coke|cocaine|pills|ket)"
    # family life and safety: domestic abuse, care, estrangement, pregnancy, fertility
    r"|domestic\s+(?:abuse|violence)|(?:in|at|to)\s+a\s+(?:women'?s\s+)?refuge|coercive\s+control|fled\s+(?:her|his|their|an?\s+abusive)"
    r"|care\s+leaver|(?:grew\s+up|was|been|is)\s+in\s+(?:foster\s+)?care|estranged|young\s+carer"
    r"|expecting\s+(?:a\s+baby|twins|triplets|(?:her|his|their)\s+(?:first|second|third)|a\s+little)"
    # named conditions ('has Tourette's', 'Crohn's disease') and support arrangements
    r"|(?:tourette|asperger|parkinson|alzheimer|huntington|hodgkin|addison|cushing|raynaud|motor\s+neurone)'?s?(?:\s+(?:syndrome|disease))?"
    r"|\w+'?s\s+(?:syndrome|disease|palsy)|(?:disability|learning|individual|student)\s+support\s+plan|(?:has|have|with|on)\s+an?\s+support\s+plan"
    r"|reasonable\s+adjustments\s+for\s+(?:her|his|their)|(?:on|her|his|their)\s+(?:meds|medication|methadone)"
    r"|(?:in|out\s+of|into|to|at)\s+(?:a&e|a\s+and\s+e|icu|intensive\s+care|hospital|hospice|rehab|the\s+priory|a\s+psych\w*)"
    r"|(?:heart|kidney|liver|lung|brain|stomach|bowel|back|mental\s+health)\s+(?:thing|problems?|issues?|condition|"
    r"trouble|failure|scare)|palliative|biopsy|(?:scan|test)\s+results|infertil\w+|trying\s+for\s+a\s+baby"
    r"|(?:can'?t|cannot|couldn'?t|unable\s+to)\s+have\s+(?:kids|children|a\s+baby|babies)|egg\s+freezing"
    r"|meningitis|sepsis|pneumonia|tuberculosis|hepatitis|lupus|arthritis|cystic\s+fibrosis|sickle\s+cell|concussion|"
    r"appendicitis|kidney\s+failure|organ\s+transplant|transplant\s+list|dialysis|ms\s+diagnosis|mnd|als|cerebral\s+palsy|"
    r"(?:admitted|rushed|taken|airlifted)\s+(?:to|into)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:hospital|a&e|ward|children'?s|infirmary|"
    r"icu|hdu|royal|general|qe|qeh|heartlands|\w+'s)"
    # carried off by the emergency services ("had to be stretchered out by paramedics at 1am")
    r"|stretchered\s+(?:out|off|away)|(?:taken|carried|rushed)\s+(?:out\s+|off\s+|away\s+)?(?:by|in\s+an?)\s+"
    r"(?:paramedics|ambulance)"
    # workplace and academic discipline
    r"|grievance|capability\s+(?:process|procedure|hearing)|disciplinary|misconduct|(?:formal|final|written)\s+warning"
    r"|on\s+a\s+warning|fitness\s+to\s+practi[sc]e|(?:employment\s+)?tribunal|performance\s+improvement\s+plan"
    r"|plagiari[sz](?:ed|ing|m)|(?:got|been|was)\s+(?:sacked|suspended|fired|expelled)"
    # marks and failure
    r"|fail(?:ed|ing)\s+(?:his|her|their|the)\s+\w+|(?:got|gave|scored|awarded|gets|getting)\s+(?:him\s+|her\s+)?an?\s+\d{1,2}\b"
    r"|\d{1,2}\s*%\s+(?:in|on)\s+(?-i:[A-ZÀ-ÖØ-Þ])|(?:got|gets|scored|scraped|scraping|only\s+managed)\s+(?:an?\s+)?\d{2}(?:\s*%|(?![\w%]|\s+[^\W\d_]+s\b))|fail(?:ed|ing)\s+(?:again|twice)|(?:your|his|her|their)\s+mark\s+for|\d{1,2}\s+marks|(?:solid|a\s+measly|only\s+got)\s+\d{1,2}\b"
    # immigration status
    r"|visa|tier\s*4|cas\s+(?:has\s+been\s+|have\s+been\s+|was\s+|got\s+|is\s+being\s+|been\s+)?(?:withdrawn|revoked|cancelled|refused)|(?:lost|withdrawn)\s+(?:his|her|their)\s+cas|ilr"
    r"|leave\s+to\s+remain|immigration\s+(?:hearing|status|case|appeal|tribunal)|home\s+office|deport(?:ed|ation)"
    r"|asylum|(?:is|was|'s|a)\s+(?:\w+\s+)?refugee|no\s+passport|citizenship\s+(?:test|application)|right\s+to\s+work|overstay(?:ed|ing)?"
    # private life: relationships, date of birth, whereabouts
    r"|divorc(?:e|ed|ing)|(?:having|had)\s+an\s+affair|(?:left|leaving)\s+(?:him|her|them)\s+for"
    r"|custody\s+(?:hearing|battle|case)|born\s+(?:on\s+)?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|dob|born\s+(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]+\s+\d{4}|date\s+of\s+birth"
    # round 21 (P5): an age with the day it falls ("Rosa, turning 58 on 3 May"): the date of birth told
    r"|turning\s+\d{2}\s+on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
    r"|(?:his|her|their)\s+(?:\w+\s+)?(?:mum|mother|dad|father|wife|husband|partner|son|daughter|brother|sister|gran|grandmother|grandfather|nan|grandad|baby|child)\s+(?:has\s+|had\s+)?(?:died|passed(?:\s+away)?|was\s+killed)"
    # "Sam's dad died last week": the relative first (whose it is, _other_person finds)
    r"|(?:mum|mom|mother|dad|father|wife|husband|partner|son|daughter|brother|sister|gran|grandmother|grandfather|nan|"
    r"grandad|baby|child)\s+(?:has\s+|had\s+|just\s+|sadly\s+|suddenly\s+)?(?:died|passed\s+away|was\s+killed)"
    # a death by suicide: "took his own life", "killed herself", "died by suicide"
    r"|took\s+(?:his|her|their)\s+own\s+life|killed\s+(?:himself|herself|themselves|themself)|died\s+by\s+suicide"
    r"|(?:guest|staying)\s+in\s+room\s+\d+"
    r")(?![\w])",
    re.IGNORECASE,
)
# Cheap gate: one distinctive word of each attribute phrase (the big alternation costs ~130 us a
# post, the set test under 2 us; most posts hold none of these words).
_ATTR_ANCHORS = frozenset(
    wordlist("""
    transitioning reassignment non-binary nonbinary deadname deadnamed deadnaming trans affirming redundant redundancy
    cancer leukemia leukaemia lymphoma chemo chemotherapy radiotherapy tumour tumor tumours tumors heart bypass
    replacement diagnosed diagnosis allergy allergies allergic crohn's crohns colitis diabetic epilepsy epileptic
    miscarriage miscarried pregnant pregnancy maternity paternity ivf sick medical compassionate signed hospital
    hospitalised hospitalized psych psychiatric condition diabetes hysterectomy surrogacy sober fainted limp
    stretchered paramedics ambulance
    crutches wheelchair dyslexic dyslexia autism autistic adhd ocd ptsd bipolar schizophrenia schizophrenic
    depressed depression anxiety breakdown suicide suicidal self-harm self-harming harm overdose overdosed
    disorder anorexia anorexic bulimia bulimic addict addiction addicted alcoholic rehab hiv dementia sectioned
    antidepressants terminal terminally gay lesbian bisexual queer transgender outed closet tinder grindr
    dating muslim jewish hindu sikh christian catholic atheist jew buddhist convert converted jehovah's jehovahs
    scientologist mormon voted debt bankrupt bankruptcy insolvent insolvency payday universal foodbank
    foodbanks bank banks hardship ccj ccjs credit benefits non-payment sleeping evicted eviction homeless
    repossessed repossession payslip salary arrears struggling bailiffs collector collectors criminal convicted
    conviction prison jail jailed arrested caution charged tag bail assault assaulted stabbing police hmp
    investigated offenders offender probation shoplifting fraud prevent restraining stalked stalking grievance
    capability disciplinary misconduct warning fitness tribunal improvement plagiarised plagiarized plagiarising
    plagiarizing plagiarism sacked suspended fired expelled failed failing visa tier tier4 cas ilr remain
    immigration deported deportation asylum refugee passport citizenship overstay overstayed overstaying
    divorce divorced divorcing affair custody dob birth died killed turning
    tag tagged gbh abh dealing domestic refuge coercive fled leaver foster estranged carer expecting tourette
    tourette's asperger asperger's parkinson's alzheimer alzheimer's huntington's hodgkin's
    addison's cushing's raynaud's neurone syndrome palsy adjustments meds medication methadone a&e icu intensive
    hospice priory psych psychiatric palliative biopsy infertile
    infertility freezing meningitis sepsis pneumonia tuberculosis hepatitis lupus arthritis cystic sickle
    concussion appendicitis transplant dialysis mnd admitted rushed airlifted
    chlamydia gonorrhoea gonorrhea syphilis herpes warts relapsed wagon clinic anonymous
""")
)
# Words that only matter next to a number ('got 44', '31 marks', 'born 3.3.1986', 'room 214').
_ATTR_DIGIT_ANCHORS = frozenset(
    wordlist("got gets getting scored awarded gave marks mark solid measly born room scraped scraping")
)
# ('unit' and 'ward' for "a mental health unit", the stay as telling as the condition)
_ORGAN_TROUBLE = frozenset(wordlist("thing problem problems issue issues condition trouble failure scare unit ward"))
_ORGANS = wordlist("heart back stomach brain kidney liver lung bowel health")
# Common words that only matter with a partner word ('came out', 'right to work', 'Home Office').
_ATTR_PAIRS = (
    ("out", frozenset(("came", "come", "coming"))),
    ("work", frozenset(("right",))),
    ("office", frozenset(("home",))),
    ("left", frozenset(("him", "her", "them"))),
    ("leaving", frozenset(("him", "her", "them"))),
    ("passed", frozenset(("away", "his", "her", "their"))),
    ("kill", frozenset(("tried", "attempted"))),
    ("due", frozenset(("baby",))),
    ("life", frozenset(("own",))),
    ("himself", frozenset(("killed",))),
    ("herself", frozenset(("killed",))),
    ("themselves", frozenset(("killed",))),
    ("money", frozenset(("struggling", "problems", "troubles"))),
    ("done", frozenset(("got", "been", "was", "were", "gets"))),
    ("care", frozenset(("leaver", "foster", "in"))),
    ("plan", frozenset(("support",))),
    ("have", frozenset(("can't", "cannot", "couldn't", "unable"))),
    ("results", frozenset(("scan", "test"))),
    ("trying", frozenset(("baby",))),
    ("std", frozenset(("got", "has", "had", "caught", "with"))),
    ("sti", frozenset(("got", "has", "had", "caught", "with"))),
    ("back", frozenset(wordlist("drink booze bottle drugs coke cocaine heroin gear gambling pills ket"))),
    ("again", frozenset(("drinking", "gambling", "using"))),
    ("meeting", frozenset(("aa", "na", "ga"))),
    ("drink", frozenset(("off",))),
    ("booze", frozenset(("off",))),
    *((organ, _ORGAN_TROUBLE) for organ in _ORGANS),
)


# A pay figure ('£24,500', '£62k', '48k', '95 grand'): opens the attribute gate for pay said of a person.
_PAY_FIGURE_RE = re.compile(r"£\s?\d{2,3}(?:,\d{3}|k)|£\s?\d{5,6}|\b\d{2,3}\s?(?:k|grand)\b")


def _attr_gate(doc: Doc) -> bool:
    """Whether the post holds an attribute word worth running the full pattern for."""
    toks = token_set(doc.masked)
    if not toks.isdisjoint(_ATTR_ANCHORS):  # (no intersection set built)
        return True
    t = doc.text
    # (map over str.isdigit: the same test as a generator, at C speed; a word ending in 'k' needs a 'k')
    if (toks & _ATTR_DIGIT_ANCHORS or "%" in t) and any(map(str.isdigit, t)):
        return True
    if (
        "£" in t or "grand" in toks or ("k" in doc.masked and any(w[-1] == "k" and w[0].isdigit() for w in toks))
    ) and _PAY_FIGURE_RE.search(t):
        return True
    # most posts hold none of the pairs' first words: one set test instead of the walk over the pairs
    return not _PAIR_WORDS.isdisjoint(toks) and any(
        w in toks and not partners.isdisjoint(toks) for w, partners in _ATTR_PAIRS
    )


# Who: a specific other person. Strong cues name or describe one; pronouns only count when a
# strong cue is somewhere in the post (otherwise 'she' may be anyone, e.g. a politician in the news).
_RELATION = (
    r"student|pupil|tutee|mentee|supervisee|colleague|co-?worker|classmate|flatmate|housemate|lecturer|professor|"
    r"tutor|supervisor|manager|boss|intern|postdoc|admin|administrator|cleaner|porter|hire|technician|"
    r"researcher|participant|first[-\s]year|second[-\s]year|third[-\s]year|final[-\s]year|fresher|"
    r"head\s+of\s+\w+|dean|registrar|member\s+of\s+staff|staff\s+member|team\s+member|director|pa|temp|candidate|"
    r"woman|man|guy|girl|lad|bloke|lady|boy|wife|husband|partner|neighbou?r|guest|tenant|teaching\s+assistant|ta|"
    r"fella|fellow|chap|lass|officer|coach|receptionist|warden|chef|caretaker|librarian|secretary|porter|mentee|"
    r"invigilator|examiner|trainee|apprentice|volunteer|ambassador|rep|hod|line\s+manager|lab\s+manager|lab\s+tech"
)
_WHO_STRONG_RE = regex.compile(
    r"(?<![\w])(?:"
    r"(?:my|our|the|a|this|that|one\s+of\s+(?:my|our|the))\s+"
    r"(?:(?!(?:i|you|we|they|because|and|but|or|to|is|was|are|were|want|so|if|when|who|with|for)\s)[\w'’-]+\s+){0,3}?"
    r"(?:" + _RELATION + r")s?(?![\w-])"
    r"(?!['’]?\s+(?:hardship|advice|services?|union|support|loans?|number|card|id|finance|accommodation|society|team|"
    r"office|portal|experience|body|population|data|voice|reps?|halls?|news|life|wellbeing|money))"
    r"|(?:a\s+)?(?:student|colleague|tutee|member\s+of\s+staff)\s+(?:of\s+mine|in\s+(?:my|our|the))"
    r"|(?:dr|prof|professor|mr|mrs|ms|miss|mx)\.?\s+(?-i:\p{Lu}[\p{L}'-]+)"
    r"|(?:student|staff|matriculation)\s+(?:no\.?|number|id)\s*:?\s*\d{5,}"
    r"|(?:name\s+is|name's|called)\s+(?-i:\p{Lu}\p{Ll}+)"
    r"|(?!(?:someone|somebody|anyone|anybody|everyone|everybody|nobody|people|students|staff|colleagues)\b)"
    r"(?-i:\p{Lu}\p{Ll}+)\s+(?:(?-i:\p{Lu})\.?\s+)?(?:from|in)\s+(?:the\s+)?(?:(?-i:\p{Lu})\w*|our|my)"
    r")(?![\w])",
    regex.IGNORECASE,
)
# Rarer ways of pointing at a person, tried only when the cues above find nobody.
_WHO_MORE_RE = regex.compile(
    r"(?<![\w])(?:"
    # 'the dean's PA', 'vice chancellor's driver': someone described through whom they work for
    r"[\w-]+'s\s+(?:" + _RELATION + r")(?![\w-])"
    # 'Ewan (BSc Comp Sci yr3)', 'Mariana (first year, Economics)': a name with the course or year that places them
    r"|(?-i:\p{Lu}\p{Ll}+)\s+\((?:bsc|ba|msc|ma|mres|phd|beng|meng|llb|mbchb|pgce|yr|year|first|second|third|final|"
    r"\d(?:st|nd|rd|th))\b"
    # 'guy in flat 4', 'lad from the chem stores', 'woman on reception': a person placed where the author lives or works
    r"|(?:" + _RELATION + r")\s+(?:in|from|at|on)\s+(?:flat|room|block|halls?|reception|my|our|"
    r"the\s+(?:[\w-]+\s+){0,2}?(?:office|team|department|dept|lab|stores?|shop|library|canteen|kitchen|desk))(?![\w-])"
    r")",
    regex.IGNORECASE,
)
# 'should be in jail', 'maybe prison for you': an opinion or a wish about someone, not a disclosure.
_MODAL_RE = regex.compile(
    r"(?<![\w])(?:should|would|could|must|might|needs?\s+to|ought\s+to|deserves?\s+to|maybe|throw|lock)\s+"
    r"(?:\S+\s+){0,4}$",
    regex.IGNORECASE,
)
# A post about people the author knows: their workplace, their students, their own circle.
_LOCAL_RE = regex.compile(
    r"(?<![\w])(?:my|our|we|us|uni|university|campus|department|dept|office|staff|students?|class|lab|team|"
    r"school|faculty|colleagues?|work|works|tutorial|seminar|module|halls?|admissions|registry|estates|hr|it|"
    r"the\s+new|marks?|exams?|dissertation|mentee|tutee|supervisee)(?![\w])",
    regex.IGNORECASE,
)
# Words the news uses about public figures all day ('jail', 'fraud', 'pregnant'): only counted
# when the post is about the author's own circle (workplace, students, colleagues).
_NEWS_TALK_RE = regex.compile(
    r"(?:prison|jail|arrest|charged|assault|(?:for|of|committ\w+)\s+fraud|convict|investigated|pregnan|addict|"
    r"gay|lesbian|bisexual|queer|transgender|tumou?r|cancer|dementia|depress|anxiety|suicid|bankrupt|visa|"
    r"home\s+office|deport|asylum)",
    regex.IGNORECASE,
)
_WHO_PRONOUN_RE = regex.compile(r"(?<![\w])(?:he|she|him|his|her|himself|herself)(?![\w])", regex.IGNORECASE)
# Whose: the nearest person word before the attribute decides; first person = the author's own news.
_OWNER_RE = regex.compile(
    r"(?<![\w])(?:(?P<self>(?i:i|i'm|i've|i'd|i'll|me|myself|my(?!\s+(?:[\w-]+\s+){0,2}?(?:" + _RELATION + r"|"
    r"son|daughter|mum|mom|dad|nan|gran|brother|sister|friend|kids?|child|children)s?\b)))"
    # "my colleague Sunita's husband ...": a person of the author's circle is someone else, not the author
    r"|(?P<other>(?i:(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:" + _RELATION + r"|son|daughter|mum|mom|dad|nan|gran|brother|"
    r"sister|friend|kids?|child|children)s?)|(?i:he|she|him|his|her|they|them|their)|[\p{Lu}][\p{Ll}]+))(?![\w])",
)
# The person agreed to it being public or made it public themselves.
def tells_sensitive(doc: Doc) -> bool:
    """Whether the post holds a sensitive attribute (health, disciplinary, results, immigration ...) as
    PRV007 reads them."""
    return _attr_gate(doc) and bool(_attr_matches(doc))


_CONSENT_RE = regex.compile(
    r"(?<![\w])(?:with\s+(?:his|her|their|(?-i:\p{Lu}\p{Ll}+)'s)\s+(?:kind\s+)?(?:permission|consent|blessing)"
    r"|(?:has|have|had)\s+(?:spoken|written|talked)\s+(?:openly|publicly)|shared\s+with\s+(?:\w+\s+)?permission"
    r"|(?:told|shared)\s+(?:his|her|their)\s+(?:own\s+)?story\s+(?:publicly|on)|asked\s+me\s+to\s+share"
    # round 20e (P4): "(she asked me to spread the word)", "told the whole department"
    r"|asked\s+(?:me|us)\s+to\s+(?:spread|share|pass\s+on)\s+the\s+(?:word|news)"
    # round 21 (P7): "My mum was diagnosed in 2019 and she insisted I mention her"
    r"|(?:he|she|they)\s+insisted\s+(?:that\s+)?(?:i|we)\s+(?:mention|share|tell|post|name)"
    # the person agreed: "he said I could post this", "she's happy for me to share", "with her OK"
    r"|(?:he|she|they)\s+(?:said|says|agreed|told\s+me)\s+(?:that\s+)?(?:i|we)\s+(?:could|can|may|might)\s+"
    r"(?:post|share|mention|say|tell)|(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+(?:happy|fine|ok|okay)\s+(?:for\s+me\s+)?"
    r"(?:to\s+|with\s+me\s+)(?:share|post|mention|shar\w+|post\w+)|(?:he|she|they)\s+(?:asked|wanted)\s+(?:me|us)\s+to\s+"
    r"(?:share|post|tell)|with\s+(?:his|her|their)\s+(?:ok|okay|blessing|agreement)|(?:posted|shared)\s+with\s+(?:his|her|"
    r"their)\s+(?:permission|consent|blessing|ok|okay)"
    # the person's own words, quoted and attributed: '"I was diagnosed with ADHD at 40," says alumna Ffion'
    r"|[\"“][^\"”]{0,200}?\b(?:i|i'm|i’m|my|me)\b[^\"”]{0,200}[\"”]\s*,?\s*(?:says|said|explains|explained|recalls|writes|"
    r"wrote|told\s+us|tells\s+us|shares|shared)\b)(?![\w])",
    regex.IGNORECASE,
)
# Many people counted together ("helped over 2,000 students with mental health issues"): a statistic,
# nobody's news.
_AGGREGATE_RE = regex.compile(
    r"(?i)(?:\d[\d,.]*%?|hundreds|thousands|dozens|many|most|all|some|few|more\s+than\s+\d[\d,]*)\s+(?:of\s+)?(?:our\s+|the\s+)?"
    r"(?:\w+\s+)?(?:students|staff|people|colleagues|employees|patients|participants|respondents|applicants|adults|"
    # round 19 (N5): "19% of our students told us about a disability"
    r"children|young\s+people|graduates|members)\s+(?:\w+\s+){0,2}(?:told\s+us\s+about\s+(?:a|an|their)\s+)?$"
)
_NON_NAME_CAPS = frozenset(
    wordlist("""i i'm the this that our my we you they he she his her it a an and but so if when just proud
    congrats congratulations thank thanks happy sad welcome meet get well sorry lol omg tbh pls please hey hi
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december uk nhs phd msc bsc ba ma home office prevent law""")
)


# The author describing themself ("I have ADHD and I'm a professor", "as a lecturer I ..."): the
# person word is the author, not someone else. The first form ends before an article the match
# begins with ("I'm |a professor|"), the second before the noun itself ("I'm a |professor|").
_SELF_IS = r"(?i)\b(?:i\s*['’]?m|i\s+am|i\s+was|i['’]ve\s+been|as)\s+"
_SELF_BEFORE_ARTICLE_RE = regex.compile(_SELF_IS + "$")
_SELF_BEFORE_NOUN_RE = regex.compile(_SELF_IS + r"(?:a|an)\s+(?:[\w-]+\s+)?$")


def _other_person(t: str, s: int, e: int) -> tuple[int, int] | None:
    """Span of a specific other person in t[s:e]: a strong cue, a given name, or a pronoun (a
    person word the author uses of themself does not count)."""
    for rx in (_WHO_STRONG_RE, _WHO_MORE_RE):
        for m in rx.finditer(t, s, e):
            lo = max(s, m.start() - 30)
            self_rx = _SELF_BEFORE_ARTICLE_RE if m.group(0).lower().startswith(("a ", "an ")) else _SELF_BEFORE_NOUN_RE
            if self_rx.search(t, lo, m.start()) is None:
                return m.span()
    name = _first_name_word(t, s, e)
    if name:
        return name
    m = _WHO_PRONOUN_RE.search(t, s, e)
    return m.span() if m else _full_name(t, s, e)


def _first_name_word(t: str, s: int, e: int) -> tuple[int, int] | None:
    """Span of a single word in t[s:e] that names someone: a listed given name; a capitalised word
    the name model reads as a name and no dictionary word, not opening a sentence ('Rhodri's',
    'Eilidh'); in a post written all in lower case, a listed given name in lower case ('megan')."""
    names = given_names()
    maybe: list = []
    for m in CAP_WORD_RE.finditer(t, s, e):
        low = m.group(0).lower()
        if low in _NON_NAME_CAPS:
            continue
        if low in names:
            return m.span()
        if (
            low not in _NOT_NAME_WORDS
            and _NAME_NEXT_RE.match(t, m.end())
            and t[: m.start()].rstrip()[-1:] not in ("", ".", "!", "?", "\n")
        ):
            maybe.append(m)
    if t.islower():
        for ts, te, w in tokens(t[s:e]):
            if w in names and w not in _NON_NAME_CAPS and w not in wordset() and len(w) > 2:
                return s + ts, s + te
    for m in _UNIT_PERSON_RE.finditer(t, s, e):
        w = m.group(1).lower()
        if w not in wordset() and w not in _NON_NAME_CAPS and w not in _NOT_NAME_WORDS:
            return m.span(1)  # 'sinead in registry', 'Tom fae payroll': someone placed in a unit
    # last, as it is the dearest: the name model on capitalised words no dictionary holds
    for m in maybe:
        if m.group(0).lower() not in wordset() and name_probability(m.group(0)) >= 0.7:
            return m.span()
    return None


# What follows a name used as one ("Rhodri's", "Eilidh got", "Ruairi didn't"): only such words are
# put to the name model, which is dear.
_NAME_NEXT_RE = regex.compile(
    r"(?:'s|’s|\s+(?:is|was|has|had|got|gets|did|didn'?t|never|just|from|in|fae|at|who|told|failed|must|and|said)\b)"
)
# A word followed by the unit the person works in: the way colleagues name each other.
_UNIT_PERSON_RE = regex.compile(
    r"(?i)(?<![\w'’@#])(\p{L}[\p{L}'’-]{2,})\s+(?:in|from|fae|at|on)\s+(?:the\s+)?(?:registry|payroll|accounts|finance|hr|"
    r"it|estates|admissions|marketing|comms|reception|security|catering|library|facilities|procurement|exams\s+office|"
    r"(?:the|my|our)\s+(?:office|team|lab|class|department|dept|school|faculty))(?![\w])"
)


def _post_names_someone(t: str) -> bool:
    """Whether the post anywhere names or describes a specific private person (not just 'she')."""
    if _WHO_STRONG_RE.search(t):
        return True
    return (
        _first_name_word(t, 0, len(t)) is not None
        or _WHO_MORE_RE.search(t) is not None
        or _full_name(t, 0, len(t)) is not None
    )


def names_someone(t: str) -> bool:
    """Public form of ``_post_names_someone`` (the learned privacy finding asks it)."""
    return _post_names_someone(t)


# "Sunita Rao", "Kwame Asante": a first and last name not in any list, read by the name model
_NAME_PAIR_RE = regex.compile(r"(?<![\w'’])(\p{Lu}\p{Ll}{1,20})\s+\p{Lu}[\p{Ll}'’-]{1,20}(?![\w])")


def _full_name(t: str, s: int, e: int) -> tuple[int, int] | None:
    """Span of a capitalised first-and-last-name pair whose first word the name model reads as a
    given name (not at the start of a sentence, where any word is capitalised)."""
    for m in _NAME_PAIR_RE.finditer(t, s, e):
        first = m.group(1)
        low = first.lower()
        if low in _NON_NAME_CAPS or low in _NOT_NAME_WORDS or t[: m.start()].rstrip()[-1:] in ("", ".", "!", "?", "\n"):
            continue
        if low in given_names() or (low not in wordset() and name_probability(first) >= 0.5):
            return m.span()
    return None


_NOT_NAME_WORDS = frozenset(
    wordlist("""university uni college school faculty department dept centre center institute hospital trust
    council office service services union team club society library hall halls street road""")
)


def _own_news(t: str, s: int, a: int, e: int) -> bool:
    """Whether the attribute at ``a`` is about the author: the nearest person word before it in the
    sentence [s, e) is I/me/my (or, with none before, the first one after it)."""
    before = [m for m in _OWNER_RE.finditer(t, s, a) if not (m.group("other") and _cap_not_person(m.group(0)))]
    if before:
        return before[-1].group("self") is not None
    after = [m for m in _OWNER_RE.finditer(t, a, e) if not (m.group("other") and _cap_not_person(m.group(0)))]
    return bool(after) and after[0].group("self") is not None


def _diary_own(t: str, s: int, a: int) -> bool:
    """A sentence with no subject that opens on the attribute ("My A-level results day was 20 years
    ago. Got a D in maths."): diary style, whose subject is the author when the nearest person word
    before it in the post is I/me/my."""
    if t[s:a].strip():
        return False
    prior = [m for m in _OWNER_RE.finditer(t, 0, s) if not (m.group("other") and _cap_not_person(m.group(0)))]
    return bool(prior) and prior[-1].group("self") is not None


def _cap_not_person(w: str) -> bool:
    low = w.lower()
    return (
        " " not in w  # 'My colleague': a relation phrase, always a person
        and w[:1].isupper()
        and low not in ("he", "she", "him", "his", "her", "they", "them", "their")
        and (low in _NON_NAME_CAPS or low not in given_names())
    )


@rule(
    "PRV007",
    "someone-elses-sensitive-details",
    "privacy",
    "warn",
    clauses.PUBLIC,
    "A named or described person together with their health, money, sex life, faith, record, status, "
    "marks or private life in one sentence identifies them; it is their news to share, not ours.",
    "Leave out the personal detail, or post only what the person has agreed to share publicly.",
    [
        Example(
            "Our cleaner is really struggling, she told me she's deep in debt from payday loans.",
            True,
            account="personal",
        ),
        Example("Heads up: the new lecturer in Chemistry was declared bankrupt last year.", True, account="personal"),
        Example("My colleague Giulia was outed as bisexual by a student on TikTok.", True, account="personal"),
        Example("Personal news: I'm pregnant! Due in March and very excited.", False, account="personal"),
        Example("Happy to share that my own visa came through today.", False, account="personal"),
        Example("Our Welfare team can help if you're in debt. Apply for the hardship fund online.", False),
        Example("Jamal was born with cerebral palsy and has spoken openly about it in his BBC interview.", False),
        Example("Guest lecture on HIV stigma by Dr Amos Tutu this Friday, all welcome", False, account="personal"),
        Example("Applying for a student visa? Our guide explains the CAS process step by step.", False),
        Example("Dr Amos Tutu told me he's HIV positive, keep it quiet", True, account="personal"),
    ],
)
def someone_elses_sensitive(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    # a post that says its person is invented or anonymised is teaching material (asked only when
    # there is a hit: the check costs more than most posts' whole run of this rule)
    hits = list(_someone_elses_sensitive(doc, cp))
    if hits and not fictional(doc):
        yield from hits


_SHARE_OF_GROUP_RE = regex.compile(
    r"(?i)\b(?:half|most|many|some|all|none|a\s+third|a\s+quarter|two\s+thirds|a\s+few|a\s+lot|lots|several|\d+\s*%)"
    r"\s+(?:of\s+)?$"
)
_PROCEDURE_AFTER_RE = regex.compile(
    r"\s+(?:\p{Lu}\p{L}+\s+){0,3}(?:Procedure|Procedures|Policy|Code|Regulations|Process|Guidance|Framework|Charter|"
    r"Centre|Center|Hub|Union|Society|Association|(?i:team|service|services|office|advice|support))\b"
)


def _someone_elses_sensitive(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    if not _attr_gate(doc):
        return
    found = _attr_matches(doc)
    if not found or _CONSENT_RE.search(t) or not _post_names_someone(t):
        return
    if _own_story(doc):
        return  # "Jordan asked us to share his story", "She tells her story in our video": told with them
    local = _LOCAL_RE.search(t) is not None
    bounds = list(sentences(t))
    for m in found:
        k, (s, e) = next(((k, b) for k, b in enumerate(bounds) if b[0] <= m.start() < b[1]), (-1, (0, len(t))))
        if 0 <= k < len(bounds) - 1 and _REVEAL_RE.match(t, bounds[k + 1][0]):
            e = bounds[k + 1][1]  # "guess who's on a fitness to practise referral. the nursing girl with the nose ring"
        seen = _SAW_RE.search(t, s, m.start()) is not None and _SIGHTING_FIRST_RE.match(m.group(0)) is not None
        if seen and 0 <= k < len(bounds) - 1:
            e = bounds[k + 1][1]  # 'Guess who I saw at the NA meeting? Our very own Prof Rees'
        who = _other_person(t, s, e)
        opens = not t[s : m.start()].strip(" -–—,:;'\"“‘(") and _ELLIPTICAL_RE.match(m.group(0)) is not None
        if who is None and k > 0 and opens and not _OPENS_WITH_SELF_RE.match(t, s):
            # a sentence that opens with the detail has the previous one's subject ("Our lab manager Tina
            # is 50 today! Born 3 March 1975")
            who = _other_person(t, bounds[k - 1][0], e)
            if who is not None and _own_news(t, bounds[k - 1][0], m.start(), e):
                who = None
        if who is None or (not seen and _own_news(t, s, m.start(), e)) or _MODAL_RE.search(t, s, m.start()):
            continue
        if _SHARE_OF_GROUP_RE.search(t, max(0, who[0] - 20), who[0]):
            continue  # "half the students voted Leave": a share of a group, no one in it identified
        if doc.ctx.account != "personal" and _PROCEDURE_AFTER_RE.match(t, who[1]):
            continue  # "Our Student Disciplinary Procedure sets out ...": a procedure explained, no one in it
        if doc.ctx.account != "personal" and _GROUP_RE.fullmatch(t, *who) and not _WHO_PRONOUN_RE.search(t, s, e):
            # "Our Disability Service supports students with ADHD": a group the institution serves
            continue
        if doc.ctx.account != "personal" and _PROFILE_RE.match(t):
            # "Meet Jamal, a care leaver now graduating ...": an official profile, written with its subject
            continue
        if doc.ctx.account != "personal" and _INDEFINITE_RE.match(t, who[0]) and not _names_anyone(t):
            # "A student in one of our halls has been diagnosed with meningitis": an official health
            # notice about someone it deliberately leaves unnamed
            continue
        if not local and _NEWS_TALK_RE.match(m.group(0)):
            continue
        if _TOPIC_OF_RE.search(t, max(s, m.start() - 70), m.start()):
            continue  # "a guest lecture on HIV stigma by Dr Tutu": the subject of a talk, not the speaker's health
        if _GIVING_TO_RE.search(t, max(s, m.start() - 90), m.start()):
            continue  # "student volunteers who raised £4,000 for the food bank": giving to it, not using it
        if _FINDING_OF_RE.search(t, max(s, m.start() - 140), m.start()):
            continue  # "Dr Malik's research shows that women in prison ... domestic abuse": the people studied
        if m.group(0)[:1].isupper() and _in_proper_name(t, m.start(), m.end()):
            continue  # "the Institute of Cancer Sciences", "the Visa Compliance team": a unit's name
        if _POLICY_NOUN_RE.match(t, m.end()) and m.group(0).lower() in _POLICY_ATTRS:
            continue  # "the graduate route visa changes": a policy, nobody's status
        if (
            doc.ctx.account != "personal"
            and _PRODUCT_AFTER_RE.match(t, m.end())
            and _PRODUCT_BEFORE_RE.search(t, max(0, m.start() - 40), m.start())
        ):
            continue  # round 44: "the rapid sepsis test", "a new dementia screening tool": a product, no patient
        if m.group(0).lower().startswith("salary") and _JOB_AD_RE.search(t):
            continue  # "Research Associate ..., salary £37,099": the advertised pay of a post
        sighting = _SIGHTING_FIRST_RE.match(m.group(0)) is not None
        if who[0] < m.start() and _COMPOUND_RE.fullmatch(t, who[1], m.start()) and not sighting:
            continue  # "a student visa", "staff wellbeing": the person word qualifies the thing
        if t[s:e].rstrip().endswith("?") and _READER_QUESTION_RE.match(t, s):
            continue  # "Applying for a student visa? Our guide explains...": a question to any reader
        yield m.start(), m.end(), "Someone else's sensitive personal details next to who they are."
        return


# Giving to a service rather than using it ("volunteers who raised £4,000 for the food bank",
# "collecting tins for the local foodbank", "volunteering at a homeless shelter"): the detail is
# the cause helped, not anyone's circumstances.
_GIVING_TO_RE = regex.compile(
    r"(?i)\b(?:raised|raising|raise|donated|donating|donate|donations|collected|collecting|collect|volunteer\w*|"
    r"fundrais\w*|sponsor\w*|helping\s+out|bake\s+sale|sorting|sorted|packing|packed|stocking)\b[^.!?]{0,60}?\b"
    r"(?:for|to|at|with)\s+(?:(?:the|a|an|our|my|their|local|campus|town'?s|city'?s)\s+)*(?:\p{Lu}[\p{L}'’-]*\s+){0,3}$"
)


# An official post that says the person tells their story or asked for it to be told ("Jordan asked
# us to share his story", "She tells her story in our video", "Daniel's story, in his own words").
_OWN_STORY_RE = regex.compile(
    r"(?i)\b(?:asked|wanted)\s+(?:us|me)\s+to\s+(?:share|tell|post)\s+(?:his|her|their)\s+story"
    r"|\b(?:tells|told|shares|shared|telling|sharing)\s+(?:us\s+)?(?:his|her|their)\s+(?:own\s+)?story"
    r"|\bstory\s*,?\s+(?:told\s+)?in\s+(?:his|her|their)\s+own\s+words"
    # the person speaking in the institution's own channel ("talks openly about ...", "talks about studying
    # with dyslexia in our new blog")
    r"|\b(?:talks|speaks|writes)\s+openly\b"
    r"|\b(?:talks|speaks|writes|tells\s+us)\s+about\b[^.!?]{0,80}\bin\s+(?:our|this\s+week'?s|the\s+latest)\s+"
    r"(?:new\s+|latest\s+)?(?:blog|podcast|video|film|interview|vlog|article|series|episode)"
)
def _own_story(doc: Doc) -> bool:
    """Whether an official post says its person tells their own story or asked for it to be told."""
    low = doc.lower
    return (
        doc.ctx.account != "personal"
        and ("story" in low or "openly" in low or "about" in low)
        and _OWN_STORY_RE.search(doc.text) is not None
    )


# An attribute word capitalised inside a unit's or organisation's name: before an organisation word
# ("Visa Compliance team", "Cancer Research UK", "Dementia Studies") or after "Institute of" ("Centre
# for Dementia ...").
_ORG_AFTER_RE = regex.compile(
    r"\s+(?:\p{Lu}\p{L}+\s+){0,2}(?:Sciences?|Research|Studies|Society|Centre|Center|Institute|Unit|Team|Services?|"
    r"Office|Compliance|Support|Trust|Foundation|UK|Care|Network|Clinic|Charity|Association|Alliance|Group|"
    r"Programme|Policy|Week|Month|Day|Awareness|Advice|Lab|Laboratory|Hub|Partnership|Consortium)\b"
    # a law's name (round 37): "the Terminally Ill Adults (End of Life) Bill"
    r"|\s+(?:\p{Lu}\p{L}+\s+){0,2}(?:\([^()]{1,40}\)\s+)?(?:Bill|Act)\b"
)
_ORG_BEFORE_RE = regex.compile(
    r"\b(?:Institute|Centre|Center|School|Department|Society|Foundation|Trust|Unit|Journal|Faculty|Division|"
    r"Chair|Professor|Lecturer|Reader)\s+(?:of|for|in)\s+(?:\p{Lu}\p{L}+\s+(?:and\s+|&\s+)?){0,3}$"
)


def _in_proper_name(t: str, s: int, e: int) -> bool:
    """Whether the capitalised attribute at [s, e) is part of a unit's or organisation's name."""
    return _ORG_AFTER_RE.match(t, e) is not None or _ORG_BEFORE_RE.search(t, max(0, s - 80), s) is not None


# A condition naming what a product or a study is for (round 44): "the rapid sepsis test", "a new dementia
# screening tool", "our cancer vaccine trial"; said by an official or research account, after an article
# and before the thing, it is nobody's diagnosis ("John's cancer treatment" has no article and still counts).
_PRODUCT_AFTER_RE = regex.compile(
    r"(?i)\s+(?:[\w-]+\s+)?(?:tests?|testing|screening|diagnostics?|vaccines?|treatments?|therap(?:y|ies)|drugs?|trials?|"
    r"detection|monitors?|monitoring|devices?|sensors?|apps?|tools?|kits?|prototypes?|biomarkers?|research|model|"
    r"algorithm|wearables?)\b"
)
_PRODUCT_BEFORE_RE = regex.compile(
    r"(?i)\b(?:a|an|the|our|new|its|their)\s+(?:(?:new|rapid|first|novel|low-cost|cheap|portable|home|commercial|"
    r"quick|early|simple|blood|saliva|urine|at-home|ai|digital|world-first|pioneering)\s+){0,3}$"
)


# A status word followed by what makes it a policy ("visa changes", "asylum backlog"), not a person's case.
_POLICY_ATTRS = frozenset(("visa", "asylum", "home office", "right to work", "universal credit"))
_POLICY_NOUN_RE = regex.compile(
    r"(?i)\s+(?:changes|rules|policy|policies|system|regime|reforms?|fees|caps?|levels|numbers|data|requirements|"
    r"backlog|figures|statistics|debate|crackdown|legislation|bill|white\s+paper|consultation|"
    # many people's cases, a service's business (round 37: "advisers can help with BN(O) visa applications")
    r"applications)\b"
)
# A job advert: its pay is the post's, not a person's.
_JOB_AD_RE = regex.compile(
    r"(?i)\b(?:vacanc(?:y|ies)|job\s+(?:opportunity|advert|opening)|we(?:'re|’re|\s+are)\s+(?:hiring|recruiting)|"
    r"closing\s+date|closes\s+on|apply\s+(?:by|now|online|via|here|today|before)|fixed[-\s]term|per\s+annum|pro\s+rata|"
    r"full[-\s]time|part[-\s]time|permanent\s+(?:post|role|contract))\b"
)


# An official post that opens by presenting someone as its feature ("Meet Jamal, ...", "Introducing
# Dr Okafor:", "Spotlight on Priya"): a profile written with the person, who tells their own story.
_PROFILE_RE = regex.compile(
    r"\W*(?:(?i:meet|introducing|say\s+hello\s+to|spotlight(?:\s+on)?\s*:?|student\s+story\s*:|graduate\s+story\s*:|"
    r"(?:(?:student|graduate|alumni|staff)\s+)?success(?:\s+story)?\s*:)"
    r"\s+(?:(?i:our\s+)?(?:\p{Ll}+\s+){0,2})?(?:(?:Dr|Prof|Professor)\.?\s+)?\p{Lu}\p{Ll}+)"
)


# details that open a sentence without a subject and so belong to the previous one's ("Born 3 March
# 1975", "Diagnosed last spring", "Rushed into hospital on Friday"), unlike an imperative ("Come out ...")
_ELLIPTICAL_RE = regex.compile(
    r"(?i)(?:born|diagnosed|recovering|signed\s+off|off\s+sick|pregnant|admitted|rushed|taken|airlifted|hospitali|"
    r"sectioned|suspended|sacked|expelled|arrested|divorc|made\s+redundant|failed|struggling|in\s+hospital)"
)
_OPENS_WITH_SELF_RE = regex.compile(r"(?i)\s*(?:i|i'm|my|me)\b")
# An attribute that starts with a place or an act ('at the GUM clinic', 'back on the coke', 'on £29k'):
# never a compound with the person word before it ('Dr Whyte at the ...').
_SIGHTING_FIRST_RE = regex.compile(
    r"(?i)(?:at|in|outside|leaving|coming|walking|queue|on|earns?|earning|earned|paid|makes|making|getting|salary|back|"
    r"drinking|gambling|using|relapsed|fell|off)\s"
)
# The author saw someone there ('spotted X at', 'guess who I saw at'): the place is the other person's.
_SAW_RE = regex.compile(r"(?i)\b(?:saw|seen|spotted|spot|bumped\s+into|ran\s+into|clocked|guess\s+who)\b")


# The attribute as the subject of a talk, a study or a campaign ("lecture on HIV stigma",
# "research into dementia care", "awareness week about eating disorders").
_TOPIC_OF_RE = regex.compile(
    r"(?i)\b(?:lectures?|talks?|seminars?|webinars?|workshops?|papers?|study|studies|research|book|chapter|conference|"
    r"symposium|panel|training|podcast|documentary|exhibition|article|awareness|campaign|guide|"
    # the subject of someone's work: "defended his thesis today on how asylum decisions are communicated"
    r"thesis|theses|dissertation|phd|doctorate|monograph|fellowship|project|"
    r"session|screening|fundraiser|appeal)\b(?:\s+[\w'’-]+){0,4}?\s+(?:on|about|into|around|"
    r"regarding|exploring|examining)\s+(?:[\w'’-]+\s+){0,3}$"
    # the title after a colon: 'Public lecture: HIV prevention and stigma', 'Seminar: "Abortion law in NI"'
    r"|\b(?:lectures?|talks?|seminars?|webinars?|workshops?|symposium|panel|podcast|screening|conference)\s*:\s*[\"“‘']?"
    r"(?:[\w'’-]+\s+){0,3}$"
    # a finding about the disease: 'has found a new marker for early pancreatic cancer', 'developed a test for TB'
    r"|\b(?:found|discovered|identified|developed|designed|tested|testing|trialled|trialling|developing|created)\s+"
    r"(?:(?:a|an|the)\s+)?(?:new\s+|novel\s+|cheaper\s+|better\s+|faster\s+|early\s+)?(?:[\w-]+\s+)?"
    r"(?:treatments?|drugs?|tests?|vaccines?|therap(?:y|ies)|markers?|biomarkers?|screening|cures?|causes?|genes?|links?|"
    r"diagnostics?|ways?)\s+(?:for|of|against|to\s+(?:treat|detect|prevent|diagnose|spot)|between)\s+"
    r"(?:(?!(?:his|her|their|my)\b)[\w'’-]+\s+){0,3}$"
)
# A finding reported ("research shows that women in prison are more likely to have experienced
# domestic abuse"): the attribute belongs to the people studied, counted, not to the researcher named.
_FINDING_OF_RE = regex.compile(
    r"(?i)\b(?:research|study|studies|survey|data|report|analysis|evidence|findings?)\s+(?:shows?|showed|finds?|found|"
    r"suggests?|suggested|reveals?|revealed|indicates?)\s+(?:that\s+)?[^.!?]{0,100}$"
)
# Nothing but a space between the person word and the attribute: "a student visa".
_COMPOUND_RE = regex.compile(r"\s+")
# A question put to any reader: "Applying for a visa?", "Struggling with anxiety?", "Need help with ...?"
_READER_QUESTION_RE = regex.compile(
    r"(?i)\s*(?:applying|struggling|worried|need|needing|looking|thinking|feeling|waiting|dealing|living|coping|"
    r"studying|have\s+you|are\s+you|do\s+you|got|been|starting|returning|caring|recovering)\b"
)


# A sentence that only says who ("It's Connor M.", "the nursing girl with the nose ring"): the person
# the previous sentence's detail is about.
_REVEAL_RE = regex.compile(
    r"\s*(?:(?:it'?s|its|that'?s|yes|i\s+mean)\s+(?-i:\p{Lu})|(?:the|that|this)\s+(?:[\w'’-]+\s+){0,3}?(?:"
    + _RELATION
    + r")s?\b)",
    regex.IGNORECASE,
)
# "a student", "one of our staff", "a member of staff": someone the post leaves unnamed
_INDEFINITE_RE = regex.compile(r"(?i)(?:an?|one\s+of\s+(?:our|the))\s")


def _names_anyone(t: str) -> bool:
    """Whether the post names a person (a given name, a first and last name, a title and surname,
    a student number): what turns an anonymous notice into someone's news."""
    names = given_names()
    if any(m.group(0).lower() in names and m.group(0).lower() not in _NON_NAME_CAPS for m in CAP_WORD_RE.finditer(t)):
        return True
    return _full_name(t, 0, len(t)) is not None or _TITLED_RE.search(t) is not None


_TITLED_RE = regex.compile(
    r"(?i)\b(?:dr|prof|professor|mr|mrs|ms|miss|mx)\.?\s+(?-i:\p{Lu})|(?:student|staff)\s+(?:no\.?|number|id)\s*:?\s*\d"
)
# a plural of people ('our students', 'staff members') rather than one person
_GROUP_RE = regex.compile(r"(?i).*(?:s|staff|people)")
_PAIR_WORDS = frozenset(w for w, _p in _ATTR_PAIRS)
# Words an attribute phrase can start with (the pattern is only tried at these).
_ATTR_FIRST = (
    _ATTR_ANCHORS
    | _ATTR_DIGIT_ANCHORS
    | _PAIR_WORDS
    | frozenset(
        wordlist("""
    is was been still now currently out ended a an her his their your came come coming in into on from only lost
    withdrawn leave home right having had left leaving guest staying tried attempted nervous mental self eating
    being employment performance formal final written date bypass hip knee baby sick medical stress
    compassionate off signed heart food universal payday credit claiming non sleeping police sex restraining
    reported fitness fail failed failing custody born dob convert converted voted struggling money bailiffs debt
    dating tinder grindr got gets getting gave scored awarded solid on wearing were are fled
    grew disability learning individual student reasonable since after following in into to at out can't cannot
    couldn't unable heart kidney liver lung brain stomach bowel back mental palliative biopsy scan test trying egg
    organ sickle cerebral als taken caught drinking gambling using outside walking queue earns earning earned
    paid makes making getting salary mum mom mother dad father wife husband partner son daughter brother sister gran
    grandmother grandfather nan grandad baby child took transitioning gender non-binary nonbinary non deadname
    deadnamed deadnaming as being made
""")
    )
)


def _attr_matches(doc: Doc) -> list:
    """Attribute matches, searched only in windows around the gate's words (the full pattern over a
    whole post costs ~150 us; a few 90-character windows a fraction of that)."""
    t = doc.text
    windows: list[list[int]] = []
    for s, e, w in tokens(doc.masked):
        if not (
            w in _ATTR_ANCHORS
            or w in _ATTR_DIGIT_ANCHORS
            or w in _PAIR_WORDS
            or (w[:1].isdigit() and ("%" in t[e : e + 2] or "£" in t[max(0, s - 2) : s] or w[-1] == "k"))
            or w == "grand"
        ):
            continue
        s, e = max(0, s - 50), min(len(t), e + 40)
        if windows and s <= windows[-1][1]:
            windows[-1][1] = e
        else:
            windows.append([s, e])
    # every phrase starts at a word, so try the pattern only at word starts (not every character)
    out = []
    nxt = 0
    for s, _e, _w in tokens(doc.masked):
        if s < nxt or not (_w in _ATTR_FIRST or _w[:1].isdigit()) or not any(ws <= s < we for ws, we in windows):
            continue
        m = _ATTR_RE.match(t, s, next(we for ws, we in windows if ws <= s < we))
        if m:
            out.append(m)
            nxt = m.end()
    return out


# PRV008: a child made findable. Why: a child's name or age together with their school or the street
# they live on tells a stranger where to find that child; parents (and staff posting about visitors'
# children) post it in pride, not thinking of who reads it. Both ingredients are needed: one child
# singled out (my son/daughter/kids, a name with an age) and a place (a named school, where they live).
_CHILD_GATE = gate_words(
    """son sons daughter daughters kids kid child children boy girl twins toddler little youngest eldest
    age aged year-old yr-old nephew niece grandson granddaughter stepson stepdaughter two three"""
)
_SCHOOL_NAME_RE = regex.compile(
    r"(?<![\w])(?:\p{Lu}[\p{L}'’.-]+\s+){1,4}(?:Primary|Infants?|Junior|Juniors|Nursery|Pre-?school|Prep|Academy|"
    r"C\s?of\s?E|CE|RC|Montessori|High\s+School|Grammar|School)(?![\w])"
)
_PLACE_WORDS = gate_words(
    "primary infant infants junior juniors nursery school academy prep e montessori grammar ce rc live lives living"
)
_CHILD_LIVES_RE = regex.compile(
    r"(?i)\b(?:lives?|living)\s+(?:just\s+)?(?:off|on|in|at|near|round\s+the\s+corner\s+from|by)\s+(?-i:\p{Lu})[\p{L}'’-]+"
    r"(?:\s+(?-i:\p{Lu})[\p{L}'’-]+)?\s+(?:Road|Rd|Street|St|Avenue|Lane|Drive|Close|Crescent|Way|Grove|Gardens|Terrace|"
    r"Place|Park|Estate|Green)\b"
)
_MY_CHILD_RE = regex.compile(
    r"(?i)\b(?:my|our|his|her|their)\s+(?:[\w'’]+\s+)?(?:son|sons|daughter|daughters|kids?|child|children|boy|girl|twins|"
    r"little\s+ones?|youngest|eldest|two|three|toddler|nephew|niece|grandson|granddaughter|stepson|stepdaughter)\b"
    r"|\b(?:daughter|son)\s+of\s+(?:our|my|a|the)\b"
    r"|(?<![\w])(?-i:\p{Lu}\p{Ll}+)\s*(?:\(\s*(?:age[d]?\s+)?\d{1,2}\s*\)|,\s*(?:aged?\s+)?\d{1,2}\s*,)"
    r"|\b(?:aged?|age)\s+\d{1,2}(?![\d-])|\b\d{1,2}[-\s]?(?:year|yr)[-\s]?old\b|\b(?:she|he)(?:'s|’s|\s+is)\s+\d{1,2}\b"
)
_ADULT_AGE_RE = regex.compile(r"(?<!\d)(?:1[89]|[2-9]\d)(?!\d)")
# outreach and admissions posts about many pupils ("pupils aged 9-11 from St Mary's Primary"): a group
_PUPILS_RE = regex.compile(r"(?i)\b(?:pupils|students|children|kids|schools|classes|visitors)\b")


@rule(
    "PRV008",
    "child-findable",
    "privacy",
    "block",
    clauses.PUBLIC,
    "A child's name or age together with their school or the street they live on tells anyone in the world "
    "where to find that child.",
    "Leave out the school's name and where the child lives (say 'first day at school!'), and think twice "
    "about the child's name.",
    [
        Example("First day of school for my two! Lily and Max at St Peter's Primary 💙", True, account="personal"),
        Example("Photo from open day: Freya (age 6), daughter of our cleaner, at Oakfield Primary", True),
        Example("the little girl is Amira, she's 4 and lives just off Hyde Park Road", True, account="personal"),
        Example("Our outreach team visited St Mary's Primary today: 60 pupils aged 9-11 built robots!", False),
        Example("My daughter started school today and I cried more than she did.", False, account="personal"),
    ],
)
def child_findable(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    # cheap pre-checks (on the post's cached word set): a place (a school word, or 'live') and a child
    # word or a number
    if not gate(doc.masked, _PLACE_WORDS):
        return
    if not gate(doc.masked, _CHILD_GATE) and not any(c.isdigit() for c in t):
        return
    place = _SCHOOL_NAME_RE.search(t) or _CHILD_LIVES_RE.search(t)
    if place is None:
        return
    # an age over 17 is no child ("our former Chancellor ... has died aged 91"; round 37)
    child = next((c for c in _MY_CHILD_RE.finditer(t) if not _ADULT_AGE_RE.search(c.group(0))), None)
    if child is None or fictional(doc):
        return
    # an age alone is a child only when a name comes with it and the post is not about a group
    own = child.group(0).lower().startswith(("my", "our", "his", "her", "their", "daughter", "son"))
    if not own and _PUPILS_RE.search(t) and not _names_anyone(t):
        return
    yield place.start(), place.end(), "A child's school or street next to who the child is."


# PRV009: a photo or video of people taken or posted without asking them. Why: the guidance says
# publish nothing you would not want the world to see; a picture of someone asleep in the library,
# or of a class that "didn't notice", is their image shared without their say. The ingredients: a
# picture word and the author saying they did not ask (or that the people do not know).
_PHOTO_GATE = gate_words(
    """photo photos pic pics picture pictures snap snaps snapped snapping selfie filmed filming video videos
    footage photographed recorded recording shot shots clip"""
)
_NO_CONSENT_RE = regex.compile(
    r"(?i)\b(?:didn'?t|did\s+not|never|without)\s+(?:even\s+)?(?:ask(?:ing)?|asked)(?:\s+(?:them|him|her|anyone|first|"
    r"permission|their\s+permission|for\s+permission))?"
    r"|\bwithout\s+(?:their|his|her|anyone'?s|any)\s+(?:permission|consent|knowledge|knowing)"
    r"|\b(?:they|he|she)\s+(?:don'?t|doesn'?t|didn'?t|do\s+not|does\s+not|did\s+not|won'?t)\s+(?:even\s+)?"
    r"(?:know|notice|realise|realize|see|mind)\b"
    r"|\b(?:they|he|she)(?:'d|\s+would)\s+(?:never|not|kill\s+me)|\bwouldn'?t\s+let\s+me\b|\bsneaky\b|\bsecretly\b"
    r"|\b(?:they|he|she)(?:'ve|’ve|\s+have|'s|’s|\s+has)\s+(?:got\s+)?no\s+idea\b|\bwithout\s+(?:them|him|her)\s+knowing\b"
    r"|\bbehind\s+(?:their|his|her)\s+backs?\b|\b(?:hope|pray)\s+(?:they|he|she)\s+(?:don'?t|doesn'?t|never)\s+see"
)
# advice and policy about consent, which is the guidance itself
_CONSENT_ADVICE_RE = regex.compile(
    r"(?i)\b(?:never|always|remember|please|should|must|policy|guidance|make\s+sure|consent\s+form|"
    r"(?:don'?t|do\s+not)\s+(?:post|share|take|upload|film|photograph))\b"
)


# Round 21 (P6): people's details legible in the picture ("ignore the sign-in sheet on the table, it's got
# everyone's names, student IDs and mobile numbers on"): a photo is not blurred by saying it is.
_DETAILS_IN_SHOT_RE = regex.compile(
    r"(?i)\b(?:sign-?in\s+sheets?|registers?|attendance\s+(?:sheets?|lists?)|class\s+lists?|contact\s+(?:sheets?|lists?)|"
    r"consent\s+forms?|forms?)\b[^.!?\n]{0,60}?\b(?:names?\s*(?:,|and)\s*(?:student\s+(?:ids?|numbers?)|mobile\s+numbers?|"
    r"phone\s+numbers?|addresses|dates?\s+of\s+birth|emails?)|student\s+(?:ids?|numbers?)|mobile\s+numbers?|"
    r"phone\s+numbers?|home\s+addresses|dates?\s+of\s+birth)\b"
)


@rule(
    "PRV009",
    "photo-without-consent",
    "privacy",
    "warn",
    clauses.PUBLIC,
    "A photo or video of people posted without asking them shares their image with the whole world "
    "without their say.",
    "Ask the people in the picture first and post it only if they agree; otherwise describe the moment "
    "in words or use a photo without recognisable people.",
    [
        Example("Snapped the students asleep in the library at 3am 😂 didn't ask", True, account="personal"),
        Example("Took a sneaky pic of the front row in my 9am, they didn't notice", True, account="personal"),
        Example("Never post photos of students without their permission.", False),
        Example("Great photos from graduation - thanks to everyone who agreed to be in them!", False),
    ],
)
def photo_without_consent(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    if not gate(doc.masked, _PHOTO_GATE):
        return
    t = doc.text
    if "sheet" in doc.masked or "register" in doc.masked or "list" in doc.masked or "form" in doc.masked:
        sheet = _DETAILS_IN_SHOT_RE.search(doc.masked)
        if sheet is not None:
            yield sheet.start(), sheet.end(), "A list of people's details shown in the picture."
            return
    m = _NO_CONSENT_RE.search(t)
    if m is None or _CONSENT_ADVICE_RE.search(t):
        return
    pic = next((x for x in tokens(doc.masked) if x[2] in _PHOTO_GATE), None)
    if pic is None:
        return
    yield min(pic[0], m.start()), max(pic[1], m.end()), "A picture of people posted without asking them."
