"""privacy: other people's personal data (contact details, ID numbers, addresses, health,
grades and disciplinary matters about identifiable people)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import person_cue, wordlist

# Cheap pre-filter: only run libphonenumber when there is a long enough digit run.
_DIGITS_RE = re.compile(r"\+?\d[\d\s().\-]{6,}\d")
# POSSIBLE (length-plausible) rather than VALID: fictional/reserved ranges such as 07700 900xxx
# are still someone's number in a post, and numbering plans change faster than the metadata.
_LENIENCY = phonenumbers.Leniency.POSSIBLE


@rule(
    "PRV001",
    "phone-number",
    "privacy",
    "block",
    clauses.PUBLIC,
    "A phone number lets anyone in the world call or message that person; posts are public and "
    "cannot be taken back.",
    "Remove the number; point people to a published institutional contact instead.",
    [
        Example("Congratulations to Felix Adeyemi, 07700 900123, our student of the year!", True, "bluesky"),
        Example("Call Sam on +44 7911 123456 for tickets", True),
        Example("Over 900 pupils visited in 2024 and 12 schools took part.", False),
        Example("Questions? Ring the Governance office on 0121 204 4869.", False),
    ],
)
def phone_number(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    if not _DIGITS_RE.search(doc.text):
        return
    for m in phonenumbers.PhoneNumberMatcher(doc.text, cp.region, _LENIENCY, max_tries=50):
        raw = m.raw_string
        digits = re.sub(r"\D", "", raw)
        # written like a phone number (+44..., 0121..., (0121)...) or valid in the numbering plan
        if raw[0] not in "+0(" and not phonenumbers.is_valid_number(m.number):
            continue
        if any(digits.endswith(p[-9:]) for p in cp.public_digits):
            continue
        if any(s <= m.start < e for s, e in doc.urls):
            continue
        yield m.start, m.end, f"Phone number {m.raw_string!r} in a public post."


FREEMAIL = frozenset(
    wordlist("""gmail.com googlemail.com hotmail.com hotmail.co.uk outlook.com live.com live.co.uk msn.com yahoo.com
    yahoo.co.uk ymail.com icloud.com me.com mac.com aol.com protonmail.com proton.me gmx.com gmx.co.uk
    btinternet.com sky.com virginmedia.com talktalk.net mail.com zoho.com fastmail.com tutanota.com
    qq.com 163.com yandex.com""")
)
ROLE_LOCALS = frozenset(
    wordlist("""info enquiries enquiry admissions admin office hello contact press media news comms marketing
    support help helpdesk servicedesk library careers alumni events studentservices registry reception
    webmaster noreply no-reply postmaster jobs recruitment hr finance research international ug pg
    postgraduate undergraduate governance digital social socialmedia team sales feedback complaints""")
)
_NAMEISH_LOCAL = re.compile(r"^[a-z]+[._-][a-z]+\d*$|^[a-z]\.?[a-z]{2,}\d*$|^[a-z]+\d{2,4}$")


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
        low = local.lower()
        if f"{low}@{domain}" in cp.public_emails:
            continue
        base = re.split(r"[._+-]", low)[0]
        if low in ROLE_LOCALS or base in ROLE_LOCALS:
            continue
        if domain in FREEMAIL:
            yield s, e, f"Personal e-mail address at {domain} in a public post."
        elif _NAMEISH_LOCAL.match(low):
            yield s, e, "E-mail address of an individual person in a public post."


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
_SSN_RE = regex.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])")
_CARD_RE = regex.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")
_IBAN_RE = regex.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?(?![\w])")
_ID_CONTEXT_RE = regex.compile(
    r"(?<![\w])(?:student|staff|employee|candidate|matric(?:ulation)?|payroll|passport|driving\s+licen[cs]e|"
    r"nhs|ucas|personal\s+id|id)\s*(?:id|no\.?|number|num|#)?\s*(?:is|:|=|#)?\s*([A-Z]{0,2}\d[\d ]{4,11}\d)(?![\w])",
    regex.IGNORECASE,
)


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
    t = doc.text
    if _DIGIT_RUN.search(t) is None:
        return
    for m in _NINO_RE.finditer(t):
        yield m.start(), m.end(), "UK National Insurance number in a public post."
    for m in _SSN_RE.finditer(t):
        yield m.start(), m.end(), "US Social Security number in a public post."
    for m in _CARD_RE.finditer(t):
        digits = re.sub(r"\D", "", m.group(0))
        if 13 <= len(digits) <= 19 and digits[0] in "3456" and _luhn(digits):
            yield m.start(), m.end(), "Payment card number (passes the Luhn check) in a public post."
    for m in _IBAN_RE.finditer(t):
        iban = m.group(0).replace(" ", "")
        if 15 <= len(iban) <= 34 and _iban_ok(iban):
            yield m.start(), m.end(), "Bank account number (IBAN, valid checksum) in a public post."
    for m in _ID_CONTEXT_RE.finditer(t):
        yield m.start(1), m.end(1), "Identity/student number in a public post."


_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
_STREET = (
    r"\d{1,4}[a-z]?,?\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Crescent|"
    r"Way|Court|Ct|Place|Pl|Terrace|Gardens|Grove|Hill|Park|Row|Square|Sq|Mews|Walk|Boulevard|Blvd)\b\.?"
)
_ADDRESS_RE = regex.compile(
    r"(?:flat\s+\d+[a-z]?,?\s+)?" + _STREET + r"(?:,?\s+[A-Z][\w'-]+){0,2}(?:,?\s+" + _POSTCODE + ")?"
)
_RESIDENCE_RE = regex.compile(
    r"(?<![\w])(?:lives?\s+(?:at|on|in)|living\s+at|home\s+address|house|flat|address\s+is|moved\s+to|"
    r"(?:his|her|their|my\s+\w+'s)\s+(?:place|home|address)|staying\s+at|halls?\s+room|room\s+\d+)(?![\w])",
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
    t = doc.text
    if _DIGIT_RUN.search(t) is None:
        return
    for m in _ADDRESS_RE.finditer(t):
        window = t[max(0, m.start() - 80) : m.end() + 40]
        if _RESIDENCE_RE.search(window):
            yield m.start(), m.end(), "Home address of a person in a public post."


# Sensitive personal states, phrased as something a person has/is/did (so "cancer research"
# or "mental health awareness week" do not match, but "her eating disorder" does).
_HEALTH = (
    r"eating\s+disorder|anorexi[ac]|bulimi[ac]|depression|anxiety(?:\s+disorder)?|panic\s+attacks?|ptsd|ocd|"
    r"bipolar|schizophreni[ac]|psychosis|adhd|autism|autistic|dyslexi[ac]|cancer|tumou?r|chemo(?:therapy)?|"
    r"hiv|aids|diabetes|epilepsy|seizures?|stroke|heart\s+attack|miscarriage|abortion|pregnan(?:t|cy)|"
    r"breakdown|nervous\s+breakdown|self[-\s]harm(?:ing)?|suicidal|suicide\s+attempt|overdose|addiction|"
    r"rehab|alcoholism|alcoholic|mental\s+health\s+(?:problems?|issues?|crisis|condition)|illness|"
    r"disability|diagnosis|surgery|operation|therapy|medication|antidepressants|sick\s+note|sick\s+leave|"
    r"covid|infection|std|sti"
)
_HEALTH_RE = regex.compile(
    r"(?<![\w])(?:(?:his|her|their|my\s+\w+'s|\p{Lu}\p{Ll}+'s)\s+(?:\w+\s+)?(?:" + _HEALTH + r")"
    r"|(?:has|had|have|got|with|diagnosed\s+with|suffering\s+(?:from|with)|struggling\s+with|battling|"
    r"recovering\s+from|treated\s+for|off\s+sick\s+with|admitted\s+(?:to|into)|told\s+(?:\w+\s+){0,4}about)\s+"
    r"(?:a\s+|an\s+|her\s+|his\s+|their\s+|severe\s+|terminal\s+)?(?:" + _HEALTH + r")"
    r"|(?:is|was|'s|got|became|been)\s+(?:\w+\s+)?(?:pregnant|depressed|anorexic|bulimic|bipolar|suicidal|"
    r"autistic|sectioned|hospitali[sz]ed|in\s+rehab|in\s+hospital|terminally\s+ill|an\s+alcoholic))(?![\w])",
    regex.IGNORECASE,
)
_GRADES_RE = regex.compile(
    r"(?<![\w])(?:(?:failed|flunked|scraped|scraped\s+through|resitting|retaking|repeating)\s+"
    r"(?:his|her|their|the|every|all|both|another|a)?\s*(?:\w+\s+)?(?:exams?|module|modules|resits?|year|"
    r"dissertation|coursework|assessment|viva|degree|test|placement)"
    r"|(?:got|scored|received|achieved|only\s+got|managed)\s+(?:a\s+|an\s+)?(?:\d{1,3}\s?%|\d{1,3}/\d{1,3}|"
    r"(?:2:2|2:1|third|fail|[DEF]\b)(?:\s+in)?)"
    r"|(?:his|her|their|\p{Lu}\p{Ll}+'s)\s+(?:exam\s+)?(?:grades?|marks?|transcript|results|gpa|scores?)"
    r"|bottom\s+of\s+the\s+(?:class|cohort|year))(?![\w])",
    regex.IGNORECASE,
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
    r"|cheated\s+(?:on|in)\s+(?:the|his|her|their)\s+(?:exam|test|coursework|assignment))(?![\w])",
    regex.IGNORECASE,
)
_TRIGGERS = re.compile(
    r"disorder|anorexi|bulimi|depress|anxiety|panic|ptsd|ocd|bipolar|schizo|psycho|adhd|autis|dyslexi|cancer|"
    r"tumo|chemo|hiv|aids|diabet|epilep|seizure|stroke|heart|miscarr|abortion|pregnan|breakdown|harm|suicid|"
    r"overdose|addict|rehab|alcohol|mental|illness|disab|diagnos|surgery|operation|therapy|medicat|sick|covid|"
    r"infection|\bst[di]\b|sectioned|hospital|terminal|fail|flunk|scrape|resit|retak|repeat|got|scor|receiv|"
    r"achiev|manag|grade|mark|transcript|result|gpa|bottom|disciplin|misconduct|plagiar|cheat|collu|harass|"
    r"investigat|tribunal|hearing|suspend|expel|exclud|sack|fire|dismiss|arrest|caution|probation|warning|"
    r"grievance|capability"
)
_SENSITIVE = (
    (_HEALTH_RE, "health"),
    (_GRADES_RE, "grades"),
    (_DISCIPLINE_RE, "disciplinary matters"),
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
        Example("Dr Patel is facing a disciplinary hearing for plagiarism next week.", True),
        Example("Mental health awareness week: our support services are here for you.", False),
        Example("Jane is running the marathon for cancer research - sponsor her!", False),
    ],
)
def sensitive_info(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    if _TRIGGERS.search(doc.masked) is None:  # cheap gate before the expensive patterns
        return
    for pattern, what in _SENSITIVE:
        for m in pattern.finditer(t):
            # the person cue may sit in the same or the previous sentence
            s = max(0, t.rfind(".", 0, max(0, m.start() - 1)) - 200)
            e = min(len(t), m.end() + 120)
            if person_cue(t, s, e):
                yield m.start(), m.end(), f"Information about {what} of an identifiable person."
                break
