"""credentials: passwords, keys, tokens, one-time codes and shared logins."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack, wordset
from townhall.policy.doc import Doc
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.rules.common import SENTENCE_REACH, gate, gate_words, sentence_start, token_set, wordlist

_PW_RE = regex.compile(
    r"(?<![\w])(?:pass(?:word|code|phrase|wd)?s?|pwd?|pin(?:\s+(?:code|number))?|wi-?fi\s+key|login|"
    r"log-?in\s+details|credentials)(?![\w])"
    r"[^.\n!?]{0,60}?(?:\bis\b|\bwas\b|\bare\b|=|:|->|\u2192)\s*[\"'“‘]?(?P<secret>[^\s\"'”’]{4,64})",
    regex.IGNORECASE,
)
# Talk about passwords in general: statistics and how they are stored, not anyone's secret.
_STATS_RE = regex.compile(
    r"(?i)\b(?:most\s+(?:common|popular|used)|least\s+common|password\s+hash(?:es|ing)?|cryptography|our\s+(?:research|study|"
    r"survey|paper)|(?:research|study|survey|paper)\s+(?:on|into|about)|found\s+(?:that\s+)?\d+\s*%|\d+\s*%\s+of\s+(?:people|"
    r"users|students|staff))\b"
)
# A password given as the example of what not to use ("three random words beats P@ssw0rd",
# "stop using passwords like Summer2024!", "a passphrase instead of Password123"): advice, not a
# disclosure. Only right before the value, so "the wifi password is Tulips22" still counts.
_BAD_EXAMPLE_RE = regex.compile(
    r"(?i)(?:passwords?\s+like|pins?\s+like|such\s+as|e\.?g\.?,?|instead\s+of|rather\s+than|beats|better\s+than|"
    # "harder to guess than P@ssw0rd1", "stronger than Password123", "safer than"
    r"(?:harder\s+to\s+(?:guess|crack|break)|stronger|safer|more\s+secure|easier\s+to\s+remember)\s+than|"
    r"never\s+use|avoid(?:\s+using)?|stop\s+using|(?:than|not|never)\s+(?:something|anything)\s+like|don'?t\s+use|do\s+not\s+use|weak\s+(?:passwords?|pins?)\s*"
    r"(?:like|such\s+as|e\.g\.)?|(?:worst|weakest)\s+(?:passwords?|pins?)(?:\s+(?:is|are|like|ever))?)[\s:\"'“‘(]*$"
)
# A web address or an e-mail address: where one logs in or who to write to, not a secret.
_WHERE_RE = regex.compile(r"(?i)(?:https?://|www\.)\S+|[\w.+-]*@?[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,6})(?:/\S*)?")
_NOT_SECRET = frozenset(
    wordlist("""your their our his her the a an not now being still changing changed expired incorrect wrong strong weak
    secure required needed important reset below above attached here there this that same different easy
    simple long short case sensitive private personal yours mine empty blank what which
    passwords passphrase passphrases passcode passcodes pins""")
)


def _looks_secret(tok: str) -> bool:
    tok = tok.rstrip(".,;:!?)")
    if len(tok) < 4 or tok.lower() in _NOT_SECRET:
        return False
    if tok.islower() and "-" in tok and all(p.isalpha() and p in wordset() for p in tok.split("-")):
        return False  # round 19 (N5): "password resets are self-service": a lower-case compound word
    if any(c.isdigit() for c in tok) or any(not c.isalnum() for c in tok):
        return True
    if tok.lower() not in wordset():
        return True
    # a capitalised dictionary word is a plausible password ("Tulips"), a lower-case one is prose
    return tok[0].isupper() and tok[1:].islower() is False


# A password of nothing that logs in ("my password for life", "the password to happiness").
_FIGURATIVE_PW_RE = regex.compile(
    r"(?i)\b(?:password|passcode|pin)\s+(?:for|to)\s+(?:life|success|happiness|a\s+(?:good|happy|long|great)\s+\w+|"
    r"my\s+heart|the\s+soul)\b"
)


@rule(
    "CRD001",
    "password-disclosure",
    "credentials",
    "block",
    clauses.PASSWORD,
    "A password posted anywhere public must be considered compromised; closed groups are not private.",
    "Remove it, change the password now, and share access through a password manager or SSO instead.",
    [
        Example("Shared drive password for the marketing team is Tulips!2026 - ask me if it doesn't work.", True),
        Example("wifi password: hunter22", True),
        Example("Remember: your password is your responsibility, never share it.", False),
        Example("Reset your password at the IT service desk.", False),
        Example("Passwords should be long: three random words beats P@ssw0rd every time.", False),
        Example("Stop using passwords like Summer2024! - use a password manager.", False),
    ],
)
def password(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    if not _secret_gate(doc):
        return
    for m in _PW_RE.finditer(doc.text):
        if _STATS_RE.search(doc.text, max(0, m.start() - 40), m.end()):  # 'the most common PIN is 1234'
            continue
        if _WHERE_RE.fullmatch(m.group("secret").rstrip(".,;:!?)")) or any(
            a <= m.start("secret") < b for a, b in doc.urls
        ):
            continue  # "the login page is portal.example.ac.uk": where to log in, not what with
        if _BAD_EXAMPLE_RE.search(doc.text, max(0, m.start("secret") - 40), m.start("secret")):
            continue
        if _FILE_NAME_RE.fullmatch(m.group("secret").strip("\"'“”‘’.,;:!?)")):
            continue  # round 21 (P7): 'a file called "passwords.docx"' names a file
        if _FIGURATIVE_PW_RE.search(doc.text, max(0, m.start() - 10), m.start("secret")):
            continue  # round 45: "My password for life: coffee": a motto, no account behind it
        if _looks_secret(m.group("secret")):
            yield (
                m.start("secret"),
                m.start("secret") + len(m.group("secret").rstrip(".,;:!?)")),
                ("Password or PIN disclosed in a post."),
            )
            return
    hit = None if _STATS_RE.search(doc.text) else _secret_in_prose(doc)
    if hit and not _BAD_EXAMPLE_RE.search(doc.text, max(0, hit[0] - 40), hit[0]):
        yield hit[0], hit[1], "Password, PIN or access code disclosed in a post."


# The thing a secret protects, however it is named ("the key safe has code 2580 now", "enrolment
# key for my module is rivers2026", "Duo passcode for me, it's 240 618", "security question answer
# is 'Fluffy'"), then a secret-looking value later in the same sentence.
_SECRET_NOUN_RE = regex.compile(
    r"(?<![\w])(?:(?P<code>(?:pin|pin\s+(?:code|number)|passcode|pass\s+code|(?:door|keypad|key\s*safe|lock|alarm|gate|"
    r"safe|access|entry|recovery|backup|security|verification|2fa|mfa|duo|authenticator|login|sign[-\s]?in|two[-\s]step|"
    r"2[-\s]step|two[-\s]factor|one[-\s]time|otp|wi-?fi|network|printing|printer|freezer|car\s+park|unlock|phone|"
    r"laptop|locker|padlock|combination)\s+(?:code|key|pin)s?"
    r"|code\s+for\s+the\s+(?:\w+\s+){0,2}(?:door|shed|safe|room|lock|gate|alarm|building|cupboard|cabinet|store|lab|office)"
    r"|(?:safe|door|lock|gate|padlock|locker|cupboard|cabinet)\s+(?:[\w'’]+\s+){0,4}?opens\s+with"
    r"|(?:opens|unlocks|open|unlock)\s+with(?=\s+(?:the\s+code\s+|code\s+)?\d)"
    r"|(?:has|with)\s+(?:the\s+)?code|(?:the|my|your|our)\s+code(?=\s+(?:is|was|:)\s+\d{5,8}\b)))"
    r"|(?P<pw>pass(?:word|phrase|wd)s?|pwd?|wi-?fi\s+key|network\s+key|enrol(?:l)?ment\s+key|recovery\s+key|"
    r"security\s+(?:question\s+)?answer|login\s+details|log-?in|credentials|(?:group|shared|team|admin|department)\s+"
    r"account|account\s+details|details\s+are|(?:admin|login|wordpress|site|account)\s+details))(?![\w])",
    regex.IGNORECASE,
)
_SECRET_WORDS = gate_words("""password passwords passcode passcodes passphrase passwd pw pwd pin pins wifi wi-fi key
    keys login logins log-in log logged logging credentials code codes details account answer pass username user""")
_SECRET_WORDS |= gate_words("opens")


def _secret_gate(doc: Doc) -> bool:
    """Any secret word in the post, not counting 'user' when it only occurs as a reply's '@user'
    (on replies that handle alone would send every post through the big patterns)."""
    words = token_set(doc.masked)
    hit = words & _SECRET_WORDS
    if not hit:
        return False
    if hit == {"user"}:
        t = doc.masked
        return t.count("user") > t.count("@user")
    return True
_VALUE_RE = regex.compile(
    r"[\"'“‘](?P<q>[^\s\"'”’]{3,40})[\"'”’]"
    r"|(?<![\w@./-])(?P<digits>\d(?:[ -]?\d){3,9}#?)(?![\w@/]|[.,]\d)"
    r"|(?<![\w@./])(?P<tok>[^\s\"'“”‘’()<>,;]{4,64})"
)
# An offer's code ("with code HOODIE15 for 15% off", "half price with code NEWYOU50", "code UNIRAIL
# at checkout"): a code meant to be shared, not a secret.
_PROMO_RE = regex.compile(
    r"(?i)%\s*off\b|\b(?:discount\w*|promo|promotional|voucher|coupon|course|module|postcode|zip|checkout|half[-\s]price|"
    r"offers?|deals?|sale|bursary|early[-\s]bird|reduced\s+rate|(?:official\s+)?(?:\w+\s+)?partner|box\s+office)\b|£\s?\d"
)
_SENTENCE_END_RE = regex.compile(r"[.!?](?:\s|$)|\n")


def _secret_in_prose(doc: Doc) -> tuple[int, int] | None:
    t = doc.masked
    for m in _SECRET_NOUN_RE.finditer(t):
        end = _SENTENCE_END_RE.search(t, m.end())
        if end and t[end.start()] == "?":  # "What's the wifi password? Someone said it's Vine2026guest"
            end = _SENTENCE_END_RE.search(t, end.end())
        stop = min(end.start() if end else len(t), m.end() + 90)
        for v in _VALUE_RE.finditer(doc.text, m.end(), stop):
            if any(a <= v.start() < b for a, b in doc.urls):
                continue
            if v.group("q"):
                ss, _se = _crd6_sentence(t, m.start())
                if _ADVICE_RE.search(t, ss, min(len(t), m.end() + 12)):
                    continue  # round 19 (N10): 'Don't share your login with friends who "help" you'
                if v.group("q").lower() not in _NOT_SECRET and not _named_or_judged(t, v.start(), v.end()):
                    return v.span("q")
                continue
            if v.group("digits"):
                d = regex.sub(r"\D", "", v.group("digits"))
                if regex.fullmatch(r"(?:19|20)\d\d", d) or _PROMO_RE.search(t, max(0, v.start() - 40), v.end() + 15):
                    continue
                between = t[m.end() : v.start()]
                if m.group("code") or (m.group("pw") and len(d) >= 4 and regex.search(r"(?i)\b(?:pin|is|:)", between)):
                    return v.span("digits")
                continue
            tok = v.group("tok").rstrip(".,;:!?)")
            if tok.startswith(("#", "@")) or tok.lower() in _NOT_SECRET:
                continue
            if _PROMO_RE.search(t, max(0, m.start() - 60), min(len(t), v.end() + 60)):
                continue  # "with code HOODIE15 for 15% off"
            if _looks_strong(tok):
                return v.start("tok"), v.start("tok") + len(tok)
    return None


# A span of clock times ("6am–9am", "9.30-11am", "10:00–12:00pm"): when a portal is down, not a secret.
_TIME_RANGE_RE = regex.compile(r"(?i)\d{1,2}(?:[:.]\d\d)?(?:am|pm)?[-–—]\d{1,2}(?:[:.]\d\d)?(?:am|pm)")


def _password_shaped(tok: str) -> bool:
    """Letters, digits and a capital or a symbol in one token ('Caerdydd!2023', 'Summer!2024'): the
    shape password rules force, which dates, sizes, fractions and paths ('24/7', 'v2.1') lack."""
    return (
        sum(c.isalpha() for c in tok) >= 3
        and any(c.isdigit() for c in tok)
        # '_' too (round 18: "Insta - westmoor_uni / Sunflower_88" on a sticky note)
        and any(c in "!@#$%^&*?+=~_" for c in tok)
        and any(c.isupper() for c in tok)
    )


# Words usually spelt with a hyphen whose joined form the word list lacks.
_HYPHENATED_WORDS = frozenset(("wifi", "email", "tshirt", "signin", "signon", "logon", "xray", "ebook", "elearning"))


def _looks_strong(tok: str) -> bool:
    """Letters and digits together, or letters with symbols inside: what passwords look like."""
    has_alpha = any(c.isalpha() for c in tok)
    has_digit = any(c.isdigit() for c in tok)
    inner_symbol = any(not c.isalnum() for c in tok[1:-1])
    if inner_symbol and not has_digit:
        parts = regex.split(r"[-'’]", tok.lower())
        if all(p.isalpha() and p in wordset() for p in parts if p):
            return False  # 'Step-by-step', 'Follow-up': hyphenated words, not a secret
        joined = "".join(parts)
        if joined in wordset() or joined in _HYPHENATED_WORDS:
            return False  # round 19: 'a separate "Wi-Fi password"', 'E-mail': one word spelt with a hyphen
    if has_alpha and has_digit:
        unit = regex.fullmatch(r"(?i)\d+(?:st|nd|rd|th|am|pm|k|m|s|gb|mb|%|x)", tok)
        return not (unit or _TIME_RANGE_RE.fullmatch(tok))
    return has_alpha and inner_symbol and any(c.isupper() for c in tok) and any(c.islower() for c in tok)


_KEY_PATTERNS = [
    (r"(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}", "AWS access key ID"),
    (
        r"(?i:secret(?:[ _-]?(?:access[ _-]?)?key)?)\s*(?:[:=]|is)?\s*[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])",
        "AWS secret key",
    ),
    (r"gh[pousr]_[A-Za-z0-9]{36,255}", "GitHub token"),
    (r"github_pat_[A-Za-z0-9_]{22,255}", "GitHub token"),
    (r"glpat-[A-Za-z0-9_-]{20}", "GitLab token"),
    (r"xox[abposr]-[A-Za-z0-9-]{10,}", "Slack token"),
    (r"https://hooks\.slack\.com/services/[A-Za-z0-9/]+", "Slack webhook"),
    (r"AIza[0-9A-Za-z_-]{35}", "Google API key"),
    (r"ya29\.[0-9A-Za-z_-]{20,}", "Google OAuth token"),
    (r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----", "private key"),
    (r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", "JSON Web Token"),
    (r"(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}", "Stripe key"),
    (r"sk-(?:proj-)?[A-Za-z0-9_-]{20,}", "API secret key"),
    (r"SK[0-9a-f]{32}", "Twilio key"),
    (r"SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}", "SendGrid key"),
    (r"npm_[A-Za-z0-9]{36}", "npm token"),
    (r"(?:ssh-rsa|ssh-ed25519) AAAA[0-9A-Za-z+/]{40,}", "SSH key"),
]
# _KEY_RE's exact pre-check: every key format starts with one of these literal prefixes (case as
# written), or with 'secret' in any case; posts with none skip the 18-format alternation (17 us a
# post on the bench texts).
_KEY_PREFIXES = (
    *("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"),
    *("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox", "hooks.slack.com", "AIza", "ya29."),
    *("-----BEGIN", "eyJ", "sk_", "rk_", "sk-", "SK", "SG.", "npm_", "ssh-"),
)
_KEY_RE = regex.compile("|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_KEY_PATTERNS)))
# A link whose query string holds a secret ("...?token=a83Fk29xQpL7", "&sig=..." of a shared-access
# link, "?api_key=..."): the link is the password, whoever reads the post can use it. The value must
# mix letters and digits (a "?key=value" placeholder or "?code=blue" is not one).
_URL_SECRET_RE = regex.compile(
    r"(?i)[?&](?:access[_-]?token|auth[_-]?token|token|api[_-]?key|apikey|key|password|passwd|pwd|secret|"
    r"client[_-]?secret|sig|signature)=(?P<v>[A-Za-z0-9%._~+/-]{8,})"
)


@rule(
    "CRD002",
    "api-key-or-token",
    "credentials",
    "block",
    clauses.SECURE,
    "Keys and tokens in known formats (AWS, GitHub, Slack, Google, private keys, JWTs) are harvested "
    "by bots within minutes of being posted.",
    "Delete the post, revoke the key at its provider immediately, and issue a new one.",
    [
        Example("Oops, here is the AWS key from the demo: AKIAIOSFODNN7EXAMPLE", True),
        Example("token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB", True),
        Example("-----BEGIN OPENSSH PRIVATE KEY-----", True),
        Example("Our AKIA research project launches today", False),
    ],
)
def api_key(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    if "=" in t:
        for u in _URL_SECRET_RE.finditer(t):
            v = u.group("v")
            if any(c.isdigit() for c in v) and any(c.isalpha() for c in v):
                yield u.start("v"), u.end("v"), "A link that carries its own access token: whoever has it gets in."
                return
    if not any(p in t for p in _KEY_PREFIXES) and "secret" not in t.casefold():
        return
    for m in _KEY_RE.finditer(t):
        idx = int(m.lastgroup[1:]) if m.lastgroup else 0
        s, e = m.span()
        if _KEY_PATTERNS[idx][1] == "AWS secret key":
            s = e - 40
        yield s, e, f"{_KEY_PATTERNS[idx][1]} in a post."


_TOKEN_RE = regex.compile(r"(?<![\w/+=.-])[A-Za-z0-9+/=_\-]{20,}(?![\w/+=-])")


def _entropy(s: str) -> float:
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


@rule(
    "CRD003",
    "high-entropy-secret",
    "credentials",
    "warn",
    clauses.SECURE,
    "A long random-looking string next to no other explanation is usually a secret (key, token, "
    "password); detect-secrets uses the same entropy heuristic.",
    "If this is a key or token, delete the post and revoke it; if not, ignore this warning.",
    [
        Example("secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", True),
        Example("use 9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c to connect", True),
        Example("#celebratingexcellenceinteaching2026 was a wonderful night", False),
    ],
)
def high_entropy(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    # exact pre-check: a match is 20+ non-space characters, so it lies inside a space-free run that long
    if not any(len(w) >= 20 for w in t.split()):
        return
    for m in _TOKEN_RE.finditer(t):
        tok = m.group(0)
        if any(s <= m.start() < e for s, e in doc.urls):
            continue
        if m.start() > 0 and t[m.start() - 1] in "#@":
            continue
        has_digit = any(c.isdigit() for c in tok)
        has_upper = any(c.isupper() for c in tok)
        has_lower = any(c.islower() for c in tok)
        classes = has_digit + has_upper + has_lower
        if classes < 2:
            continue
        ishex = all(c in "0123456789abcdefABCDEF" for c in tok)
        limit = cp.token_entropy - 0.6 if ishex else cp.token_entropy
        if ishex and not has_digit:
            continue
        if not ishex and classes < 3 and not any(c in "+/_-=" for c in tok):
            continue
        if _PLACEHOLDER_VALUE_RE.search(tok):
            continue  # round 19 (N9): "DB_PASSWORD=changeme", "API_TOKEN=YOUR_TOKEN_HERE": a template's blanks
        if _entropy(tok) >= limit:
            yield m.start(), m.end(), "Random-looking string that may be a key, token or password."


_PLACEHOLDER_VALUE_RE = regex.compile(
    r"(?i)[=:]\s*[\"']?(?:changeme|change[_-]me|your[_-]?[a-z_-]*[_-]?here|x{3,}|\*{3,}|<[^>]*>|placeholder|dummy|"
    r"example|todo|tbd|none|null)[\"']?$"
)


_OTP_RE = regex.compile(
    r"(?<![\w])(?:otp|one[-\s]time\s+(?:pass)?code|verification\s+code|security\s+code|auth(?:entication)?\s+code|"
    r"2fa\s+code|mfa\s+code|login\s+code|sign[-\s]?in\s+code|access\s+code|confirmation\s+code|(?:my|the|your)\s+code)"
    r"(?![\w])[^.\n\d]{0,25}?(?P<code>(?<![\d])\d{4,8}(?![\d]))",
    regex.IGNORECASE,
)


@rule(
    "CRD004",
    "one-time-code",
    "credentials",
    "block",
    clauses.PASSWORD,
    "A one-time or verification code lets someone take over the account it protects, right now.",
    "Delete the post; never share a one-time code, and report it if someone asked you for it.",
    [
        Example("Can someone log in for me? The verification code is 482913", True),
        Example("Use code 2026 for 10% off? No - our course code is introduced in week 1.", False),
    ],
)
def otp(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    low = doc.lower
    if "code" not in low and "otp" not in low:  # exact pre-check: every form ends in 'code' or is 'otp'
        return
    for m in _OTP_RE.finditer(doc.text):
        if m.group(0).lower().startswith(("my code", "the code", "your code")) and not regex.search(
            r"(?i)\b(?:log\s*in|sign\s*in|text|sms|sent|verify|account|2fa|mfa|authenticat)", doc.text
        ):
            continue
        yield m.start("code"), m.end("code"), "One-time or verification code in a post."


_SHARED_RE = regex.compile(
    r"(?<![\w])(?:(?:here(?:'s|\s+is|\s+are)|sharing|share|posting|use)\s+(?:\w+\s+){0,3}?(?:the|my|our)\s+(?:\w+\s+)?"
    r"(?:user\s*name|login|log-in|account|email)\s*(?:and|&|/|\+)\s*(?:password|pw|pass)\b"
    r"|(?:share|sharing|shared|give|gave|given|giving|told|tell|post|posted|put|handed\s+out|hand\s+out|passed\s+on|"
    r"pass\s+on|send|sent|circulated?|let|dmed|dm'?d|messaged|emailed|whatsapped|texted|forward|forwarded|forwarding|"
    r"hand\s+over|handed\s+over|lend|lent|pass\s+round|passed\s+round)\s+(?:\w+\s+){0,5}?(?:the|my|our|their|his|her|a|\w+'s)\s+(?:\w+\s+){0,2}?"
    r"(?:login|log-in|logins|password|passcode|credentials|account\s+details|shared\s+account|admin\s+account)"
    # round 29: the login's system, not the login ("colleagues have told us the new login system is hard to use")
    r"(?!\s+(?:system|systems|page|screen|portal|process|procedure|service|app|form|button|flow|experience|issues?|"
    r"problems?|policy|policies|rules|requirements|changes?|update|reset|manager)\b)"
    r"|(?:give|giving|lend|lending|hand|pass)\s+(?:you|them|him|her|anyone)\s+(?:the|my|our)\s+(?:\w+\s+)?account\b"
    r"|anyone\s+with\s+the\s+(?:login|password)"
    r"|(?:our|the)\s+(?:usual|shared|team'?s?|same|group|common)\s+(?:login|log-in|password|credentials)"
    r"|(?:use|using|borrow|borrowing)\s+my\s+(?:\w+\s+)?(?:account|login|log-in|card\s+login)"
    r"|(?:all|both|\w+)\s+of\s+us\s+(?:log|sign)\s+(?:in|on)\s+(?:\w+\s+){0,4}?(?:with|using|as)\s+the\s+same\s+"
    r"(?:account|login|password|details)|same\s+(?:login|password)\s+for\s+(?:everyone|all\s+of\s+us|the\s+whole)"
    r"|(?:share|sharing|use|borrow|lend)\s+(?:my|our|the\s+team'?s?|the\s+shared|his|her)\s+"
    r"(?:login|log-in|account\s+details|credentials|password)"
    r"|log\s*(?:in|on)\s+(?:as|with)\s+(?:me|my\s+account|the\s+(?:shared|team|admin|department)\s+account)"
    # 'take turns logging in with Sophie's account', 'set her up under my account', 'everyone logs in as journalclub'
    r"|shared\s+(?:login|log-in|account\s+password|credentials)"
    r"|user(?:name)?\s*[:=]\s*\S+\s*(?:,|/|and)?\s*(?:pass(?:word)?|pw)\s*[:=])",
    regex.IGNORECASE,
)


# Shared use described rather than handed out: logging in with someone else's account, everyone
# logging in as one user, taking turns on one login, passwords kept in a shared sheet.
_SHARED2_RE = regex.compile(
    r"(?<![\w])(?:(?:log|logs|logging|logged|sign|signs|signing|signed)\s*(?:in|on)\s+(?:\w+\s+)?(?:as|with|using|under|"
    r"through)\s+(?:[\w-]+'s|someone\s+else'?s|her|his|their|my|our|one|the\s+same)\s+(?:\w+\s+)?(?:account|login|"
    r"log-in|details|credentials|user\s*name|card)"
    r"|(?:everyone|everybody|we\s+all|all\s+of\s+us|the\s+(?:whole|entire)\s+\w+|the\s+\w+\s+of\s+us)\s+(?:\w+\s+)?"
    r"(?:logs?|signs?)\s+(?:in|on)\s+(?:as|with|using)\b"
    # ... each as themselves ("everyone can log in as themselves with single sign-on": no shared login)
    r"(?!\s+(?:themselves|yourselves|yourself|himself|herself|usual|normal|normally|their\s+own|your\s+own|"
    r"(?:their|your|the)\s+(?:own\s+)?(?:university|uni|staff|student|college|sso|single\s+sign-on|institutional|"
    r"personal|individual)\b|single\s+sign-on|sso\b))"
    r"|take\s+turns\s+(?:logging|signing)\s+(?:in|on)"
    # others told to use the author's own login: 'tell the demonstrators to sign in as me on Gradescope'
    r"|(?:log|logs|logging|sign|signs|signing)\s*(?:in|on)\s+as\s+me(?![\w'’])"
    r"|(?:shared|public|google|team|group|common)\s+(?:google\s+)?(?:sheet|doc|spreadsheet|document|file|note|notebook)\s+"
    r"(?:of|with|for|listing)\s+(?:all\s+)?(?:the\s+|our\s+|your\s+)?(?:passwords|logins|credentials|log-ins)"
    # a session left open for others: 'stayed logged in ... so the temps can do the invoices'
    r"|(?:stayed|stay|left|leave|leaving|kept|keep|keeping)\s+(?:\w+\s+){0,2}?(?:logged\s+(?:in|on|into)|signed\s+in|unlocked)"
    r"(?:\s+[\w'’]+){0,9}?\s+(?:so|for)\s+(?:that\s+)?(?:the|my|our|his|her|their|a|\w+)\s+(?:\w+\s+){0,2}?(?:can|could|to)\b"
    # someone else working under one's account: 'set my supervisor up ... under my account so she can'
    r"|(?:under|on|through)\s+(?:my|our|her|his|their|[\w-]+'s)\s+(?:account|login|log-in|user\s*name|credentials)\s+"
    r"so\s+(?:that\s+)?(?:she|he|they|we|you|the|\w+)\b"
    # everyone holding the details, the password kept where the group reads it
    r"|(?:we'?ve|we\s+have|everyone\s+has|everybody\s+has|all\s+of\s+us\s+have|we\s+all\s+have)\s+(?:all\s+)?(?:got\s+)?"
    r"the\s+(?:details|login|logins|password|passwords|credentials)"
    r"|(?:pw|pwd|password|passcode|login|details|creds)\s+(?:is\s+|are\s+|'s\s+)?(?:in|on)\s+the\s+(?:group\s+chat|"
    r"whatsapp|chat|group|pinned\s+\w+|bio|noticeboard|whiteboard|fridge|wall|team\s+channel)"
    # offering one's own logins: 'who wants my Netflix, Disney and Spotify logins ... dm me'
    r"|(?:who\s+wants|anyone\s+want|does\s+anyone\s+want|happy\s+to\s+share|you\s+can\s+(?:borrow|use|have))\s+"
    r"(?:my|our)\s+(?:[\w,&+-]+\s+){0,5}?(?:logins?|log-ins?|passwords?|account\s+details|credentials|accounts?)"
    r"|(?:dm|pm|message|text|email|ask)\s+me\s+for\s+(?:the|my|our)\s+(?:pw|pwd|password|login|pin|code|details|creds)"
    # asking for the digits of someone's code
    r"|(?:read|tell|send|text|give|post|dm|message)\s+(?:me|us)\s+the\s+(?:6|six|4|four|8|eight)[-\s]digits?"
    # defaults left in place: 'admin/admin'
    r"|(?:admin|root|user|guest|test)\s*/\s*(?:admin|root|password|pass|guest|test|1234|12345|123456)(?![\w])"
    # a value entered where the secret is asked for: 'enter openday26 when it asks for the key'
    r"|(?:enter|type|use|put\s+in|key\s+in)\s+[\"'“‘]?(?=[a-z]*\d)[a-z0-9][\w!#$%&*@-]{3,30}[\"'”’]?\s+(?:as|for|when\s+(?:it\s+|the\s+\w+\s+)?"
    r"asks?\s+for|at)\s+(?:the|a|your)\s+(?:key|password|code|pin|passcode|network\s+key|wi-?fi\s+password))(?![\w])"
)
_SHARED2_WORDS = gate_words(
    "log logs logging logged sign signs signing signed turns sheet spreadsheet doc document notebook unlocked "
    "account login details got pw pwd password passcode creds logins passwords accounts credentials admin root "
    "guest enter type digits"
)


@rule(
    "CRD005",
    "shared-login",
    "credentials",
    "warn",
    clauses.PASSWORD,
    "Shared logins cannot be revoked per person and leave no audit trail; the guidance says never share a password.",
    "Give each person their own access (delegated roles, SSO) instead of sharing a login.",
    [
        Example("New interns can just use my login for the department account this week.", True),
        Example("username: commsteam / password: see me", True),
        Example("Log in with your university account to book a room.", False),
    ],
)
def shared_login(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    found = _SHARED_RE.finditer(doc.masked) if _secret_gate(doc) else iter(())
    if gate(doc.masked, _SHARED2_WORDS):
        found = (*found, *_SHARED2_RE.finditer(doc.masked))
    for m in found:
        # advice not to share is the guidance itself
        if _NEGATED_RE.search(doc.masked, max(0, m.start() - 20), m.start() + 1):
            continue
        if _WISHED_FOR_RE.search(doc.masked, m.end(), m.end() + 80) and not _HANDED_OVER_RE.search(doc.masked):
            continue  # "a shared login for the lab's Spotify would solve so many arguments": no such login
        if _TOLD_ABOUT_MINE_RE.match(m.group()) and _VERDICT_AFTER_RE.match(doc.masked, m.end()):
            continue  # round 19 (N6): "IT just told me my password was weak": told about it, nothing handed out
        if _PASSWORD_MANAGER_RE.search(doc.masked, m.end(), m.end() + 60):
            continue  # round 44: "shared logins in the university's password manager, never in notebooks"
        yield m.start(), m.end(), "A shared login is being handed out."


_TOLD_ABOUT_MINE_RE = regex.compile(r"(?i)(?:told|tell|telling)\s+(?:me|us)\s+(?:that\s+)?(?:my|our)\s")
_VERDICT_AFTER_RE = regex.compile(
    r"(?i)\s+(?:was|is|had|has|needs?|needed|must|expired|expires|will\s+expire)\b(?!\s+[\"'“‘]?[\w!@#$%^&*-]*\d)"
)


# A shared login wished for, not given ("would solve so many arguments", "(We don't have one.)");
# it counts only while the post holds nothing of a login's detail: no handle, address, figure,
# 'password is', 'DM me' or colon.
_WISHED_FOR_RE = regex.compile(
    r"(?i)\b(?:would|could|might|'d)\s+(?:\w+\s+)?(?:solve|fix|help|save|make|end|settle|stop)\b"
    r"|\b(?:don'?t|do\s+not)\s+(?:actually\s+)?have\s+one\b|\bif\s+only\b"
)
_HANDED_OVER_RE = regex.compile(
    r"(?i)[@:\d]|\b(?:password|pw|pwd|pass|passcode|pin)\s+(?:is|=)|\b(?:dm|message|email|text)\s+me\b|\bhere'?s\b"
)


_NEGATED_RE = regex.compile(
    r"(?:never|don'?t|do\s+not|not|shouldn'?t|mustn'?t|must\s+not|won'?t|cannot|can'?t)\s+\S*\s*$"
    # "no more shared logins!", "if you've accidentally posted a password": advice, not a disclosure
    r"|(?:no\s+more|accidentally|by\s+mistake|if\s+you(?:'ve|\s+have)?(?:\s+ever)?)\s+\S?$"
    # round 44: "if you've used the same password for several accounts, change ...": the reader's habit
    r"|if\s+you(?:'ve|\s+have)?(?:\s+ever)?\s+(?:used|reused|re-used|kept|had)\s+\S?$"
)
# round 44: "we keep shared logins in the university's password manager": the approved way to hold them
_PASSWORD_MANAGER_RE = regex.compile(
    r"(?i)\b(?:in|into|inside|from|via|using|with|through)\s+(?:[\w'’-]+\s+){0,3}?(?:(?:password|credentials?)\s+"
    r"(?:manager|vault|safe)s?|1password|lastpass|bitwarden|keepass\w*|dashlane)\b"
)


# CRD006: compositional — a thing a secret opens (a lock, door, keypad, Wi-Fi, account, VPN, MFA)
# and, near it, either a value that looks like its secret (a digit code however it is spaced, a
# password-shaped token, a quoted word), a description that gives it away ('my birthday', 'the dog's
# name', 'the same as the printer one') or a request to hand it over ('DM me your login').
# Why: people name the secret's lock in countless ways; the two ingredients stay the same.
_CRD6_GATE = gate_words("""password passwords pw pwd p/w pass passcode pin pins code codes combination combo keypad
    padlock lock door doors key keys wifi wi-fi login logins creds credentials otp mfa 2fa vpn admin username
    account session keyword phrase logging logged gate gates cage shed locker cupboard digit opens unlocks
    protected encrypted secured magic codeword safeword unlock
    safe lockbox keysafe key-safe authenticator duo okta authy override lockers""")
_LOCKED_RE = regex.compile(
    r"(?<![\w@#])(?:(?P<num>(?:door|keypad|key\s*safe|lock\s*box|key\s*box|lock|padlock|gate|alarm|cupboard|cabinet|store|shed|cage|safe|"
    r"locker|drawer|room|toilet|lab|building|override|host|backup|recovery|sms|otp|mfa|2fa|6-digit|one[-\s]time|"
    r"disarm|arming|bike|cage|print|release)"
    r"\s+(?:\w+\s+){0,1}?(?:code|codes|key|pin|combination|combo)s?|combination|combo|keypad|padlock|pin|passcode|otp|"
    r"(?:the\s+)?code(?:\s+(?:is|was|for|to|on)|['’]s)|codes|doors?|lock\s*box|key\s*box|lock|keypad|safe|gates?|cage|shed|"
    r"lockers?|cupboard|(?:(?:manager|supervisor|till|admin)\s+)?override"
    r"|(?:\d|four|five|six|eight)[-\s]digit\s+(?:number|code|pin|passcode)"
    r"|(?<!(?:course|dress|promo|post|discount|qr|source|zip|country|area|tax|module|colour|color|morse|bar|voucher|"
    r"referral|programme|program|unit|exam|candidate|ucas|error|status|sort|event|booking|reference|ref|my|your|the|"
    r"a|this|that|our|their|his|her|cheat|genetic|moral|penal|highway|legal|building|shortcode|time|dial)\s)"
    r"(?<=[a-z]\s)code)"
    r"|(?P<pw>pass(?:word|phrase|wd)s?|"
    # "pass" alone, but not a ticket ("annual bus pass ... Scheme ref SS-BUS-2025", "visitor pass")
    r"(?<!(?:bus|boarding|day|season|gym|visitor|visitors|library|parking|travel|rail|train|festival|press|"
    r"weekly|monthly|annual|student|staff|car|backstage|vip|hall|event|sports|swim|ski|museum|all-access)[\s-])"
    r"pass|pwd?|p/w|creds|credentials|log-?in|log(?:ging|ged)?\s+(?:him\s+|her\s+)?in\s+(?:to|with|as)|(?:wi-?fi|network)\s+(?:code|pass)|code\s+wi-?fi|session\s+still\s+active|one-time\s+link|u/n|user\s*name|admin\s+(?:is|login|pw|password)|(?:admin|account|login)\s*[=:]|wi-?fi\s+(?:key|pw)|"
    r"(?:new\s+)?key\s+for|key\s+is|keyword|vpn|account\s*=|shared\s+seat|(?:recovery|seed|secret)\s+phrase"
    # other names for a secret, and a file or device locked with one ("the magic word for the door app is
    # 'biscuits'", "the zip is protected with 'finals2025'")
    r"|(?:magic|secret|code|safe|unlock|access|entry)\s*word|(?:password[-\s])?(?:protected|locked|encrypted|secured)\s+with))(?![\w])",
    regex.IGNORECASE,
)
_CODE_VALUE_RE = regex.compile(
    r"(?<![\w£$€.,/:-])(?P<v>\d(?:[ .-]?\d){2,9})(?![\w%/:]|[.,]\d|\s*(?:%|am|pm|k\b|mins?\b|secs?\b|seconds?\b|"
    r"minutes?\b|hours?\b|days?\b|years?\b|"
    r"people|students|staff|characters?|times?\b|attendees))",
    regex.IGNORECASE,
)
_YEAR_PREP_RE = regex.compile(r"(?i)\b(?:in|since|by|until|till|from|during|before|after|of)\s+$")
_ROOM_VALUE_RE = regex.compile(r"\d{1,2}\.\d{1,3}")
_ROOM_TOKEN_RE = regex.compile(r"[A-Z]{1,2}\d{1,2}\.\d{1,3}[a-z]?")
_STRONG_VALUE_RE = regex.compile(
    r"[\"'“‘](?P<q>[^\s\"'”’]{3,40})[\"'”’]|(?<![\w@./#])(?P<t>[A-Za-z][^\s\"'“”‘’()<>,;]{3,40})"
)
# A quoted name followed by what it names ('the "Example-Guest" network', 'the "Forgot password" link'):
# the name of a thing on screen, not the secret.
_NAMED_THING_RE = regex.compile(
    r"\s+(?:wi-?fi\s+)?(?:network|wi-?fi|ssid|button|link|option|tab|menu|page|app|folder|channel|group|site|portal|"
    r"screen|box|field|setting|settings|account\s+type)s?\b",
    regex.IGNORECASE,
)
# A quoted password judged as an example ('"Password123!" is not clever', '"qwerty" is a terrible password'):
# the lesson of a security talk, not anyone's secret
_JUDGED_RE = regex.compile(
    r"\s*(?:is|isn'?t|was|are)\s+(?:not\s+|never\s+)?(?:a\s+|an\s+)?(?:very\s+|really\s+)?(?:clever|secure|safe|strong|"
    r"good|terrible|bad|weak|awful|guessable|crackable|predictable|common)\b",
    regex.IGNORECASE,
)


# A quoted value the reader is told to pick on screen ('Visitors can pick "Example-Guest" and sign up'):
# the name of a network or an option, not its secret.
_PICKED_RE = regex.compile(r"(?i)\b(?:pick|choose|select|join|tap|click|connect\s+to)\s*[\"'“‘]?$")


def _picked(t: str, start: int) -> bool:
    """The value starting at ``start`` is one the reader is told to pick on screen (see _PICKED_RE)."""
    return _PICKED_RE.search(t, max(0, start - 24), start) is not None


def _named_or_judged(t: str, start: int, end: int) -> bool:
    """The quoted value from ``start`` to ``end`` names a thing on screen (one to pick, or one named
    after it), is judged as an example, names a file ('a file called "passwords.docx"') or is a guess
    the post says failed ('tried "password" first. None got it'; round 21)."""
    return (
        _picked(t, start)
        or _NAMED_THING_RE.match(t, end) is not None
        or _JUDGED_RE.match(t, end) is not None
        or _FILE_NAME_RE.fullmatch(t[start:end].strip("\"'“”‘’")) is not None
        or _failed_guess(t, start)
    )


_GIVEAWAY_RE = regex.compile(
    r"(?<![\w])(?:"
    # "it's the name of the department cat plus the year": the secret described by what it is made of
    r"(?:is|was|it'?s|its|'s)\s+(?:just\s+)?(?:the\s+)?name\s+of\s+(?:the|my|our|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:cat|dog|pet|son|daughter|kids?|wife|husband|partner|street|road|first\s+school|school|building|department|"
    r"team|lab|boat|horse)|"
    r"(?:is|was|it'?s|its|'s)\s+(?:just\s+)?(?:the|my|our|your|his|her|their)\s+(?:\w+'?s?\s+){0,2}?"
    r"(?:birthday|birth\s+year|dog'?s?\s+name|cat'?s?\s+name|pet'?s?\s+name|surname|initials|postcode|house\s+number|"
    r"year\s+(?:the|we|i|it)|one\s+with|dob|date\s+of\s+birth|(?:staff|student|id|payroll)\s+(?:id\s+)?(?:number|no)"
    r")"
    r"|(?:is|was|it'?s|its|'s)\s+(?:just\s+|literally\s+)?(?:the|my|our|your|his|her|their)\s+(?:\w+\s+){0,2}?"
    r"(?:number|name|postcode|birthday|dob|code)\s*(?:backwards|reversed|then|\+|plus|and\s+the\s+year|followed\s+by)"
    r"|(?:birthday|dob|name|postcode|number)\s*(?:as\s+ddmm|\+\s*(?:the\s+)?(?:founding\s+)?year|then\s+the\s+year)"
    r"|(?:gave|give|giving|given|texted|told|tell|sent|send)\s+(?:\w+\s+){0,3}?(?:my|our)\s+(?:\w+\s+){0,2}?"
    r"(?:pin|password|passcode|push\s+approval|otp)"
    r"|(?:send|text|give|read|tell|post|dm|message)\s+(?:you\s+|me\s+|us\s+)?the\s+(?:6|six|4|four|8|eight)[-\s]digits?"
    r"|(?:recovery|seed|secret)\s+phrase[^:\n]{0,90}:\s*(?:[a-z]+\s+){7,}[a-z]+"
    r"|same\s+(?:password|pin|code|one|login)?\s*as\s+(?:the|my|our|last)|\d+\s+reversed|(?:it'?s|its)\s+my\s+birthday"
    r"|session\s+still\s+active|one-time\s+link|(?:gave|give|giving|sent|send)\s+(?:\w+\s+){0,2}?(?:my|our)\s+"
    r"(?:backup|recovery|mfa|2fa|otp)\s+codes?"
    r"|(?:dm|send|message|email|text|whatsapp|pm|tell)\s+(?:me\s+)?(?:your|their|his|her)\s+(?:\w+\s+){0,3}?"
    r"(?:password|login|pin|passcode|credentials|log-in)s?"
    r"|(?:dm|send|message|email|text|pm)\s+me\s+(?:\w+\s+){0,4}?(?:password|login|pin|passcode|credentials)s?)(?![\w])",
    regex.IGNORECASE,
)
# What the user name is made of ("your username is your student number", "your login ID is your staff
# number"): an identifier, which is public, not the secret; the password described the same way still is.
_NAMES_ID_RE = regex.compile(
    r"(?i)(?<![\w])(?:user\s*name|username|user\s+id|login\s+(?:id|name)|log-?in\s+name|account\s+name|e-?mail\s+address)"
    r"\s*$"
)
_ADVICE_RE = regex.compile(
    r"(?<![\w])(?:never|don'?t|do\s+not|not|isn'?t|no|won'?t|can'?t|cannot|shouldn'?t|stop|avoid|reset|forgot(?:ten)?|"
    r"change|changing(?![-\s]rooms?)|most\s+common|least\s+common|most\s+used|scam|phishing|fake|fraudulent|"
    # round 21 (P5): "the group study room, code's 4471#" is a room, not a study of passwords
    r"study(?!\s+(?:rooms?|spaces?|areas?|pods?|booths?|carrels?|centre|hub|zone|desks?|suite))|research|"
    r"(?<!(?:exam|test|question|mock)\s)paper|"
    r"asking\s+for|hash(?:es|ing)?|cryptography|weak|weakest|guessable|easily\s+guessed)(?![\w])",
    regex.IGNORECASE,
)


# A file's name, not a secret ('a password manager is not a file called "passwords.docx"')
_FILE_NAME_RE = regex.compile(r"(?i)[\w.-]+\.(?:docx?|xlsx?|txt|pdf|csv|pptx?|zip|json|md|odt|ods|rtf|pages|numbers)")
# A guess that failed ('a room of Year 12s tried to guess my password ... every one tried "password" first.
# None got it'): what was tried, not what it is.
_GUESS_BEFORE_RE = regex.compile(r"(?i)\b(?:tried|try|tries|guess(?:ed|es|ing)?|typed|entered)\s+(?:\w+\s+){0,2}$")
_GUESS_FAILED_RE = regex.compile(
    r"(?i)\b(?:none|nobody|no\s+one|not\s+one)\s+(?:of\s+them\s+)?(?:got|guessed|cracked)\b|didn['’]?t\s+work|"
    r"\bwrong\b|\bfailed\b"
)


def _failed_guess(t: str, at: int) -> bool:
    """The quoted value at ``at`` is a guess the post says failed."""
    return _GUESS_BEFORE_RE.search(t, max(0, at - 30), at) is not None and _GUESS_FAILED_RE.search(t) is not None


# 'the wifi is Schrodinger', 'keyword: Mangetout' — a non-dictionary word given as the secret
_IS_VALUE_RE = regex.compile(r"(?:\s+\w+){0,6}?\s*(?:\bis\b|:|=)\s*(?P<v>[A-Z][\w!$%&*@#-]{3,40})(?![\w])")


_CAMEL_RE = regex.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
# a lower-case made-up word right after 'passcode' / 'pw' ('passcode owlhoot')
_PLAIN_SECRET_RE = regex.compile(r"[a-z]{5,24}")
_SHORT_PW_WORDS = frozenset(("passcode", "pw", "pwd", "p/w", "pass", "passcodes"))
_CLAUSE_END_RE = regex.compile(r"\s*(?:$|[.,;!?)\n]|-\s|–|—)")
# 'marketing@x.ac.uk / SBS_Social!2024': an account and its password side by side
_PAIR_RE = regex.compile(r"[\w.+-]+@[\w.-]+\s*(?:/|\|)\s*(?P<pw>[^\s,;]{6,40})")
# A user name and its password side by side, without '@': "user labadmin, pass Gl@sg0w#77",
# "login: jbrown pwd: Winter2023", or the sticky-note form "admin / Caerdydd!2023" (a user-like
# word, a slash, then a password-shaped token: letters with digits and a capital or symbol).
_USER_PASS_RE = regex.compile(
    r"(?i)(?<![\w])(?:user(?:\s*name)?|u/n|uname|login|log-?in|id|account|acct)\s*[:=]?\s*[\w.@-]{2,40}[,;]?\s*"
    r"(?:and\s+|&\s+|/\s*)?(?:pass(?:word|wd)?|pw|pwd|p/w|passcode)\s*[:=]?\s*(?P<pw>[^\s,;]{4,40})"
    # round 18: "all staff can log in as creative@kestrelbay.ac.uk with KBU-Create-2024" (a secret-shaped
    # token: it holds a digit or a symbol)
    r"|(?:log\s*-?\s*in|sign\s*-?\s*in)\s+as\s+[\w.@+-]{2,60}\s+(?:with|using|and|pw|pass(?:word)?)\s+(?:the\s+)?"
    r"(?:password\s+|pw\s+|pass\s+)?(?P<pw>(?=[^\s,;]*[\d!$%&*#@?])[^\s,;]{6,40})"
)
# A shared account's password told by its recipe (round 18: "email is music.hist@... and the pass is the
# dept name w capitals + 1"): anyone who knows the department can now sign in.
_RECIPE_RE = regex.compile(
    r"(?i)(?<![\w])(?:pass(?:word)?|pw|pwd|passcode|pin|login)\s+(?:is|'s|=|:)\s+(?:just\s+|simply\s+|still\s+)?"
    r"(?:the|our)\s+(?:dept|department|team|lab|group|office|building|society|club|project|school|faculty|unit|"
    r"centre|uni|university)(?:['’]s)?\s+(?:name|initials|postcode|phone\s+number|room\s+number|acronym|motto)\b"
)
# the opening of _USER_PASS_RE's "log in as <account> with <secret>" branch, for secret_in_prose's gate
_ACCOUNT_BEFORE_RE = regex.compile(r"(?i)\b(?:account|login|log-?in|shared|training|guest|test|demo)\b")
_LOGIN_AS_RE = regex.compile(r"(?<![\w])(?:log|sign)\s*-?\s*in\s+as\s")
_SLASH_PAIR_RE = regex.compile(r"(?<![\w/])[a-z][\w.-]{2,30}\s*/\s*(?P<pw>[^\s,;/]{6,40})(?![\w/])")
_BARE_LOCKS = frozenset(
    ("door", "doors", "lock", "keypad", "safe", "gate", "gates", "cage", "shed", "locker", "cupboard", "lockbox",
     "lock box", "keybox", "key box", "override", "lockers")
)
_KEYPADS = frozenset(("keypad", "padlock", "lockbox", "lock box", "keybox", "key box"))
_DIAL_RE = regex.compile(r"\d[-.]\d[-.]\d")


def _bare_lock_code(t: str, lock: str, after: int, v: regex.Match[str], digits: str) -> bool:
    """Whether the number ``v`` after a bare lock word (``lock``, ending at ``after``) is its code: given
    as it ('the door is 8821') or keyed in ('4471#') with four digits or more; a keypad's or padlock's
    number right after it ('keypad 2580'); a dial code written digit by digit ('the lock is 3-4-8', round 21)."""
    if lock in _KEYPADS and len(digits) >= 4 and t[after : v.start()].strip(" :") == "":
        return True
    given = _GIVEN_AS_RE.search(t, after, v.start()) is not None
    if len(digits) == 3:
        return given and _DIAL_RE.fullmatch(v.group("v")) is not None
    return len(digits) >= 4 and (given or _KEYED_RE.match(t, v.end()) is not None)
# A code typed with the keypad's enter key ("keypad 4471#", "4471* on the door"): keyed in, not a number
# of a room or a seat.
_KEYED_RE = regex.compile(r"[#*](?![\w#])")
# A licence, product or recovery key: dash-separated groups of letters and digits ('8HJ2-KK91-QW77-P0LM'),
# said to be one. Either alone can be innocent (an order reference; a key talked about).
_KEY_SHAPE_RE = regex.compile(r"(?<![\w-])[A-Za-z0-9]{4,6}(?:-[A-Za-z0-9]{4,6}){2,7}(?![\w-])")
_KEY_WORDS = gate_words(
    "licence license licences licenses key keys serial activation product registration recovery backup"
)
_GIVEN_AS_RE = regex.compile(
    r"(?i)\b(?:is|was|are|now|still|it['’]s|(?:all\s+)?use|changed\s+to|set\s+to|defaulted\s+to|reset\s+to|back\s+to|opens\s+with|"
    r"unlocks\s+with)\b"
    r"|[:=]|\.{2,}|…|\G['’]s\s|\G\s*\("
)


# A network named, then its key in the same sentence, however the two are laid out ("network UniGuest,
# key Conf3renc3#24", "Wifi: LabGuest, key 9HfT2kLp", "SSID HackNet / pass h4ck1ng-2025").
_NETWORK_WORDS = gate_words("wifi wi-fi network ssid hotspot eduroam wlan")
# "the wifi's Guest2024", "wifi: Tulips22": the network's password given straight after it; a bare word
# ("the wifi's down") is prose, so the value must hold a digit or a symbol.
_WIFI_IS_RE = regex.compile(
    r"(?i)\bwi-?fi(?:\s+(?:password|pw|code|key))?(?:'s|’s|\s+is|\s*:|\s*=)\s*[\"'“‘]?(?P<v>[^\s,;)\"'”’]{5,40})"
)
# A token shaped like nothing but a password ("h4ck3rsUn1te", "Gr0ve-Hack24"): lower and upper case and a
# digit standing between letters, in a post about a network; however it is introduced ("it's the same as
# last year, ..."), a word, a name, a course code or a year does not look like that.
_LEET_TOKEN_RE = regex.compile(r"(?<![\w@#/.:-])[A-Za-z0-9!$%&*_-]{8,40}(?![\w@/])")


def _leet(tok: str) -> bool:
    """Mixed case with a digit inside the letters (see _LEET_TOKEN_RE)."""
    return (
        any(c.islower() for c in tok)
        and any(c.isupper() for c in tok)
        and regex.search(r"[A-Za-z]\d+[A-Za-z]", tok) is not None
    )


# A code keyed in on a lock ("punch in 2580 on the keypad", "type 1967 into the door panel"): the value
# comes before the lock word.
_ENTER_WORDS = gate_words("punch key tap type enter put press")
_ENTER_CODE_RE = regex.compile(
    r"(?i)\b(?:punch|key|tap|type|enter|put|press)\s+(?:in\s+)?(?P<v>\d(?:[ -]?\d){3,7})\s*[#*]?\s+"
    r"(?:on|at|into|in|to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:keypad|door|lock|pad|panel|safe|gate|box|alarm|key\s*safe)\b"
)
# A password given as what a machine or account takes ("it's hist2024 for the seminar room PC", "it's
# Lab!2025 on the shared laptop"): letters and digits together, then the thing it opens.
_DEVICE_WORDS = gate_words(
    "pc pcs computer laptop machine ipad tablet server router printer desktop workstation mac kiosk account login"
)
_FOR_DEVICE_RE = regex.compile(
    r"(?i)\b(?:it'?s|its|it\s+is)\s+[\"'“‘]?(?P<v>[\w!@#$%&*.-]{4,30}?)[\"'”’]?\s+(?:for|on|to\s+get\s+into|to\s+log\s+into)\s+"
    r"(?:the|my|our|your|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:pc|pcs|computer|laptop|machine|ipad|tablet|server|router|"
    r"printer|desktop|workstation|mac|kiosk|account|login)s?\b"
)
# A picture of a login, a password or codes ("screenshot of my login page with the password autofilled",
# "photo of the recovery codes"); not one of a phishing e-mail or of the reset page (advice).
_SCREENSHOT_WORDS = gate_words("screenshot screenshots screengrab screen photo pic picture snap")
_SCREENSHOT_RE = regex.compile(
    r"(?i)\b(?:screenshot|screen\s*shot|screengrab|photo|pic|picture|snap)s?(?:\s+(?:attached|below|here|above))?\s+"
    r"(?:of|showing|with|from)\b[^.!?\n]{0,60}?\b(?:password|passcode|"
    r"login\s+details|credentials|creds|recovery\s+codes?|backup\s+codes?|pin|admin\s+(?:login|panel)|login)s?\b"
)
# Round 21 (P6): a login on a sticky note in the photo ("a very helpful post-it on the monitor with the lecture
# capture admin login on it (I'll blur it later)"), and a private meeting's passcode ("Meeting ID 812 4471
# 9920, passcode Seabird, group members and invited guests only"): a public event's passcode is meant to travel.
_NOTE_LOGIN_RE = regex.compile(
    r"(?i)\bpost-?its?\b[^.!?\n]{0,60}?\b(?:login|log-in|password|passcode|pin|code)s?\b[^.!?\n]{0,20}?\bon\s+it\b"
    r"|\b(?:login|log-in|password|passcode|pin)s?\s+(?:\w+\s+)?on\s+(?:a|the)\s+post-?it\b"
)
_MEETING_PASSCODE_RE = regex.compile(
    r"(?i)\bmeeting\s+id\b[^.!?\n]{0,40}?\b(?:passcode|password|pwd)\s*[:=]?\s*(?P<v>[^\s,;)]{3,30})"
)
_PRIVATE_MEETING_RE = regex.compile(
    r"(?i)\b(?:members|invited\s+guests|staff|team|group)\s+(?:\w+\s+){0,3}?only\b|\bprivate\s+(?:meeting|call|session)\b"
    r"|\b(?:please\s+)?(?:don'?t|do\s+not)\s+(?:share|forward|pass\s+on)\b"
)
_SCREENSHOT_SAFE_RE = regex.compile(r"(?i)\b(?:resets?|phish\w*|scam|fake|new\s+login\s+page|how\s+to|guide|step)\b")


# A security question's answer or memorable word ("security question answer is Buster", "memorable
# word: Rosebud"): a password by another name.
_ANSWER_RE = regex.compile(
    r"(?i)\b(?:security\s+(?:question\s+)?answer|answer\s+to\s+(?:my|the)\s+security\s+question|memorable\s+"
    r"(?:word|answer|information|date)|mother'?s\s+maiden\s+name)\s*(?:is|was|:|=)\s*[\"'“‘]?(?P<v>[\w!@#$%&*-]{3,40})"
)
_WIFI_KEY_RE = regex.compile(
    r"(?i)\b(?:wi-?fi|network|ssid|hotspot|wlan|eduroam)\b[^.\n!?]{0,60}?(?:[,;:/(]|\band\b|\bthen\b|\bwith\b)\s*(?:the\s+)?"
    r"(?:key|pass(?:word|phrase|code)?|pw|pwd|p/w|code)\s*(?:is\s*)?[:=]?\s*[\"'“‘]?(?P<v>[^\s,;)\"'”’]{5,64})"
)


# A sign-in code near the app or step that sent it ("duo keeps asking, code 304 112 didn't work",
# "Authenticator gave me 771 203"): six digits, as one run or two groups of three.
_MFA_WORDS = gate_words(
    "duo mfa 2fa authenticator otp okta authy verification one-time sms two-factor two-step passcode 2-step sent "
    "security sign-in login texted"
)
_MFA_CUE_RE = regex.compile(
    r"(?i)\b(?:duo|mfa|2fa|authenticator|otp|okta|authy|verification|one[-\s]time|two[-\s](?:factor|step)|2-step|passcode"
    # round 20e (P4): 'SharePoint: "enter the code we sent you". Code: 583921'
    r"|(?:enter\s+)?the\s+code\s+we\s+(?:just\s+)?sent|sent\s+(?:you|me)\s+a\s+code|(?:security|sign-?in|log-?in)\s+code"
    # round 21 (P5): "the code it texted me was 448 219"
    r"|code\s+(?:it|they|the\s+app|the\s+bank|microsoft|google)\s+(?:just\s+)?(?:texted|sent|emailed|gave)(?:\s+(?:me|you))?)\b"
)
_AREA_CODE_BEFORE_RE = regex.compile(r"(?<![\w])(?:\+?44\s?)?0\d{3,4}\s$")
_REF_BEFORE_RE = regex.compile(
    r"(?i)\b(?:ticket|ref(?:erence)?|case|incident|order|request|job|invoice|booking|call)\s*(?:no\.?|number|id|#)?\s*[:#]?\s*$"
)
_MFA_CODE_RE = regex.compile(r"(?<![\w£$€.,:/-])\d{3}[ -]?\d{3}(?![\w%/:-]|[.,]\d|\s\d)")


def _crd6_sentence(t: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos`` plus the next one (a value often follows: 'OTP again. 605 839.'),
    each cut ``SENTENCE_REACH`` characters from where it is looked for."""
    s = sentence_start(t, pos)
    hi = min(len(t), pos + SENTENCE_REACH)
    e1 = _SENTENCE_END_RE.search(t, pos, hi)
    if e1 is None:
        return s, hi
    hi = min(len(t), e1.end() + SENTENCE_REACH)
    e = _SENTENCE_END_RE.search(t, e1.end(), hi)
    return s, e.start() if e else hi


# The spaces and colons after a cue word ("password:  x"), matched where they are rather than by
# slicing off the rest of the post for each cue.
_LEAD_BLANKS_RE = regex.compile(r"[ :]*")


@rule(
    "CRD006",
    "secret-in-prose",
    "credentials",
    "block",
    clauses.PASSWORD,
    "A code, password or login given in words ('the door is 8821', 'p/w Rosie2019', 'it's my birthday', "
    "'DM me your login') is as good as the secret itself once posted.",
    "Remove it and change the code or password; give access through the proper channel (card access, "
    "your own account, a password manager), never in a post.",
    [
        Example("card reader broken again. code is 9003 if you're stuck outside", True, account="personal"),
        Example("u/n jsmith42, p/w Rosie2019 if you need my inbox", True, account="personal"),
        Example("VPN for the lab: user labadmin, pass Gl@sg0w#77", True, account="personal"),
        Example("sticky note on the PC: admin / Caerdydd!2023", True, account="personal"),
        Example("admin / finance / HR all closed on Friday", False, account="personal"),
        Example("the padlock for the store is 0 4 0 4, please put it back", True, account="personal"),
        Example("DM your Outlook login and I'll sort your calendar", True, account="personal"),
        Example("Please stop using your birthday as your PIN.", False, account="personal"),
        Example("Forgotten your password? Reset it at the IT Service Desk, room G.01.", False),
    ],
)
def secret_in_prose(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    if "/" in t:
        for p in _SLASH_PAIR_RE.finditer(t):
            pw = p.group("pw").rstrip(".,;:!?)")
            shaped = _password_shaped(pw) or (
                # round 20e (P4): "the shared training account (train01 / Welcome123)"
                _looks_strong(pw) and _ACCOUNT_BEFORE_RE.search(t, max(0, p.start() - 60), p.start()) is not None
            )
            if shaped and not any(a <= p.start() < b for a, b in doc.urls):
                yield p.start("pw"), p.start("pw") + len(pw), "A user name and its password in a post."
                return
    if "it" in doc.masked and gate(doc.masked, _DEVICE_WORDS):
        for k in _FOR_DEVICE_RE.finditer(t):
            v = k.group("v")
            s, e = _crd6_sentence(t, k.start())
            if _looks_strong(v) and not _WHERE_RE.fullmatch(v) and not _ADVICE_RE.search(t, s, e):
                yield k.start("v"), k.end("v"), "A password in a post."
                return
    if gate(doc.masked, _NETWORK_WORDS):
        for w in _LEET_TOKEN_RE.finditer(t):
            if _leet(w.group(0)) and not any(a <= w.start() < b for a, b in doc.urls):
                yield w.start(), w.end(), "A Wi-Fi password in a post."
                return
    if not (
        gate(doc.masked, _CRD6_GATE) or "p/w" in doc.masked or "u/n" in doc.masked or _LOGIN_AS_RE.search(doc.masked)
    ):
        return
    if "-" in t and gate(doc.masked, _KEY_WORDS):
        for k in _KEY_SHAPE_RE.finditer(t):
            tok = k.group(0)
            if any(c.isalpha() for c in tok) and any(c.isdigit() for c in tok):
                yield k.start(), k.end(), "A licence or recovery key in a post."
                return
    if gate(doc.masked, _NETWORK_WORDS):
        for w in _WIFI_KEY_RE.finditer(t):
            v = w.group("v").rstrip(".,;:!?)")
            if _looks_secret(v) and not _WHERE_RE.fullmatch(v) and not any(a <= w.start("v") < b for a, b in doc.urls):
                yield w.start("v"), w.start("v") + len(v), "A Wi-Fi network and its key in a post."
                return
        for w in _WIFI_IS_RE.finditer(t):
            v = w.group("v").rstrip(".,;:!?)")
            if (
                any(c.isdigit() or c in "!@#$%^&*?+=~" for c in v)
                and any(c.isalpha() for c in v)
                and not _WHERE_RE.fullmatch(v)
                and not _ADVICE_RE.search(t, max(0, w.start() - 30), w.start("v"))
            ):
                yield w.start("v"), w.start("v") + len(v), "A Wi-Fi password in a post."
                return
    if gate(doc.masked, _ENTER_WORDS):
        for k in _ENTER_CODE_RE.finditer(t):
            s, e = _crd6_sentence(t, k.start())
            if not _ADVICE_RE.search(t, s, e):
                yield k.start("v"), k.end("v"), "An access code in a post."
                return
    if gate(doc.masked, _SCREENSHOT_WORDS):
        for k in _SCREENSHOT_RE.finditer(t):
            s, e = _crd6_sentence(t, k.start())
            if not _ADVICE_RE.search(t, s, e) and not _SCREENSHOT_SAFE_RE.search(t, s, e):
                yield k.start(), k.end(), "A picture of a login or password in a post."
                return
    if "post" in doc.masked:
        for k in _NOTE_LOGIN_RE.finditer(t):
            s, e = _crd6_sentence(t, k.start())
            if not _ADVICE_RE.search(t, s, e):
                yield k.start(), k.end(), "A login on a note in the picture."
                return
    if "meeting" in doc.masked:
        k = _MEETING_PASSCODE_RE.search(t)
        if k is not None and _PRIVATE_MEETING_RE.search(t):
            yield k.start("v"), k.end("v"), "A private meeting's passcode in a post."
            return
    if "answer" in doc.masked or "memorable" in doc.masked or "maiden" in doc.masked:
        for a in _ANSWER_RE.finditer(t):
            v = a.group("v")
            if v.lower() not in _NOT_SECRET and not _ADVICE_RE.search(t, max(0, a.start() - 30), a.start()):
                yield a.start("v"), a.end("v"), "A security answer (as good as a password) in a post."
                return
    if gate(doc.masked, _MFA_WORDS):
        for c in _MFA_CODE_RE.finditer(t):
            s, e = _crd6_sentence(t, c.start())
            # the cue may stand in the sentence before ('"enter the code we sent you". Code: 583921')
            lo = max(sentence_start(t, max(0, s - 2)), c.start() - 80)
            cue = _MFA_CUE_RE.search(t, lo, min(e, c.end() + 60))
            if _REF_BEFORE_RE.search(t, max(0, c.start() - 24), c.start()):
                continue  # "ticket 604118 raised": a reference number, not a code
            if _AREA_CODE_BEFORE_RE.search(t, max(0, c.start() - 8), c.start()):
                continue  # "call us back on 01632 960440": the end of a phone number
            if cue and cue.start() < s and _ADVICE_RE.search(t, lo, s):
                continue  # the cue is in advice ("will never ask for your MFA code"), not a code being given
            if cue and not _ADVICE_RE.search(t, s, e) and not any(a <= c.start() < b for a, b in doc.urls):
                yield c.start(), c.end(), "A sign-in (MFA) code in a post."
                return
    for p in _PAIR_RE.finditer(t) if "@" in t else ():
        if _looks_strong(p.group("pw").rstrip(".,;:!?)")):
            yield p.start("pw"), p.end("pw"), "An account and its password in a post."
            return
    for p in _USER_PASS_RE.finditer(t):
        pw = p.group("pw").rstrip(".,;:!?)")
        if _looks_strong(pw) and not _WHERE_RE.fullmatch(pw):
            yield p.start("pw"), p.start("pw") + len(pw), "A user name and its password in a post."
            return
    for r in _RECIPE_RE.finditer(t):
        s, e = _crd6_sentence(t, r.start())
        if not _ADVICE_RE.search(t, s, e):
            yield r.start(), r.end(), "A shared password given away by how it is made."
            return
    for m in _LOCKED_RE.finditer(t):
        s, e = _crd6_sentence(t, m.start())
        if _ADVICE_RE.search(t, s, min(e, m.end() + 12)):
            continue
        g = next(
            (
                g
                for g in _GIVEAWAY_RE.finditer(t, max(s, m.start() - 40), e)
                if not _NAMES_ID_RE.search(t, s, g.start())
            ),
            None,
        )
        if g:
            yield g.start(), g.end(), "A secret given away in words."
            return
        stop = min(e, m.end() + 70) if m.group("num") else min(len(t), m.end() + 100)
        iv = _IS_VALUE_RE.match(t, m.end())
        if m.group("pw") and iv and _looks_secret(iv.group("v")) and iv.group("v").lower() not in wordset():
            yield iv.start("v"), iv.end("v"), "A password in a post."
            return
        for v in _CODE_VALUE_RE.finditer(t, m.end(), stop):
            d = regex.sub(r"\D", "", v.group("v"))
            if any(a <= v.start() < b for a, b in doc.urls):
                continue
            if regex.fullmatch(r"(?:19|20)\d\d", d) and (
                not (m.group("num") and _GIVEN_AS_RE.search(t, m.end(), v.start()))
                or _YEAR_PREP_RE.search(t, max(0, v.start() - 8), v.start())
            ):
                continue  # a year, unless given as the code ('the key safe is 1928'); 'phished in 2025' is a year
            lock = m.group(0).lower()
            if lock in _BARE_LOCKS and not _bare_lock_code(t, lock, m.end(), v, d):
                continue  # 'Doors open at 7pm, 300 seats' is not 'the door is 8821'
            if len(d) >= 10 and d.startswith("0"):
                continue  # a phone number, not a code
            if _ROOM_VALUE_RE.fullmatch(v.group("v")):
                continue  # "room 4.032, not 3.110": floor and room, not a code
            if m.group("pw") and not (_GIVEN_AS_RE.search(t, m.end(), v.start()) and v.start() < e):
                continue
            if m.group("num") or len(d) >= 4:
                yield v.start(), v.end(), "An access code in a post."
                return
        if m.group(0).lower() in _SHORT_PW_WORDS:
            nv = _STRONG_VALUE_RE.match(t, _LEAD_BLANKS_RE.match(t, m.end()).end())
            tok = nv.group("t") if nv and nv.group("t") else ""
            if (
                _PLAIN_SECRET_RE.fullmatch(tok)
                and _CLAUSE_END_RE.match(t, nv.end())
                and not any(w in wordset() for w in (tok.lower(), tok.lower().rstrip("s"), tok.lower()[:-2]))
            ):
                yield nv.start("t"), nv.end("t"), "A password in a post."
                return
        if not m.group("pw"):
            continue
        for v in _STRONG_VALUE_RE.finditer(t, m.end(), stop):
            if any(a <= v.start() < b for a, b in doc.urls):
                continue
            if _BAD_EXAMPLE_RE.search(t, max(0, v.start() - 40), v.start()):
                continue  # round 19: 'your thesis deserves better than "Summer2024!"': the example not to use
            if v.group("q"):
                if v.group("q").lower() not in _NOT_SECRET and not _named_or_judged(t, v.start(), v.end()):
                    yield v.span("q")[0], v.span("q")[1], "A password in a post."
                    return
                continue
            tok = v.group("t").rstrip(".,;:!?)")
            if _ROOM_TOKEN_RE.fullmatch(tok):
                continue  # round 19 (N11): "ask a technician in E1.05": a room, not the password
            if _picked(t, v.start()):
                continue  # round 20 (P3): 'Visitors can pick "Example-Guest"': a network's name on screen
            right_after = not t[m.end() : v.start()].strip()
            if "@" not in tok and (_looks_strong(tok) or (right_after and _CAMEL_RE.fullmatch(tok))):
                yield v.start("t"), v.start("t") + len(tok), "A password in a post."
                return
