"""accessibility: images without alt text, multi-word hashtags not in CamelCase, all-caps
text, emoji walls and words in special-font letters (all of which screen readers read out
badly or not at all)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from townhall.policy import clauses
from townhall.policy.compiled import CompiledPack, wordset
from townhall.policy.doc import Doc
from townhall.policy.fold import styled_letters
from townhall.policy.registry import Example, Hit, rule
from townhall.policy.segment import segment
from townhall.policy.textutil import EMOJI_CLUSTER_RE, GRAPHEME_RE, is_emoji_cluster

_PLACEHOLDER_ALT = regex.compile(
    r"^\s*(?:image|photo|picture|pic|img|alt|alt text|graphic|screenshot|untitled|dsc_?\d+|img_?\d+|"
    r"[\w-]+\.(?:jpe?g|png|gif|webp|heic))\s*$",
    regex.IGNORECASE,
)


@rule(
    "ACC001",
    "missing-alt-text",
    "accessibility",
    "warn",
    clauses.APPROPRIATE_MEDIA,
    "Without alt text, blind and low-vision users get nothing from the image; a file name or "
    "'image' is no better.",
    "Describe what the image shows and why it matters, in a sentence.",
    [
        Example("Our new greenhouse is finally complete!", True, "bluesky", alts=("",)),
        Example("Look!", True, alts=("IMG_2041.jpg",)),
        Example("Our new greenhouse is finally complete!", False, alts=("Glass greenhouse full of seedlings",)),
    ],
)
def missing_alt(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for i, img in enumerate(doc.ctx.images):
        alt = (img.alt or "").strip()
        if not alt:
            yield 0, 0, f"Image {i + 1} has no alt text."
        elif _PLACEHOLDER_ALT.match(alt):
            yield 0, 0, f"Image {i + 1} alt text {alt!r} does not describe the image."


_TRAILING_DIGITS = regex.compile(r"\d+$")


@rule(
    "ACC002",
    "hashtag-not-camelcase",
    "accessibility",
    "warn",
    clauses.APPROPRIATE_MEDIA,
    "Screen readers read #celebratingexcellence as one garbled word; #CelebratingExcellence is read "
    "word by word (and is easier for everyone to read).",
    "Capitalise each word of a multi-word hashtag (CamelCase).",
    [
        Example("Great night at the awards #celebratingexcellenceinteaching2026", True, "mastodon"),
        Example("Bring your questions! #PostgradLife", False),
        Example("We love #science", False),
    ],
)
def hashtag_case(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    for s, e, body in doc.hashtags:
        if not body.islower() or not body.isascii():
            continue
        core = _TRAILING_DIGITS.sub("", body).replace("_", "")
        if len(core) < 7 or core in wordset():
            continue
        parts = segment(core)
        if parts and len(parts) >= 2 and sum(len(p) >= 3 for p in parts) >= 2:
            camel = "".join(p.capitalize() for p in parts) + body[len(core) :]
            yield s, e, f"Multi-word hashtag #{body} is not in CamelCase.", f"Write #{camel}."


_LETTER = regex.compile(r"\p{L}")
_UPPER_WORD = regex.compile(r"(?<![\w])\p{Lu}{2,}(?![\w])")
_ASCII_CAPS_RUN = re.compile(r"[A-Z]{2,}")


@rule(
    "ACC003",
    "all-caps",
    "accessibility",
    "warn",
    clauses.APPROPRIATE_MEDIA,
    "Text in capitals is harder to read (no word shapes), some screen readers spell it out letter "
    "by letter, and it reads as shouting.",
    "Use sentence case; emphasise with words, not capitals.",
    [
        Example("DON'T MISS OUR OPEN DAY THIS SATURDAY, BOOK NOW", True),
        Example("Join the NHS and UCAS webinar on Monday", False),
    ],
)
def all_caps(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    # in ASCII text each capitals word lies in its own run of two or more A-Z, so fewer than four
    # such runs (a C-speed ``re`` count) means fewer than four words, without the Unicode scan
    if t.isascii() and len(_ASCII_CAPS_RUN.findall(t)) < 4:
        return
    if len(_UPPER_WORD.findall(t)) < 4:
        return
    letters = len(_LETTER.findall(t)) if not t.isascii() else sum(c.isalpha() for c in t)
    if letters < 15:
        return
    upper = sum(c.isupper() for c in t)
    words = _UPPER_WORD.findall(t)
    if upper / letters >= 0.8 and len(words) >= 4:
        yield 0, len(t), "The post is written in capitals."


@rule(
    "ACC004",
    "emoji-wall",
    "accessibility",
    "info",
    clauses.APPROPRIATE_MEDIA,
    "A screen reader reads every emoji's name aloud ('party popper party popper ...'); a wall of "
    "them buries the message.",
    "Keep to one or two emoji, at the end of the post.",
    [
        Example("We did it!!! 🎉🎉🎉🎉🎉🎉🎉", True),
        Example("Graduation day 🎓 congratulations!", False),
    ],
)
def emoji_wall(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    t = doc.text
    if t.isascii() or len(EMOJI_CLUSTER_RE.findall(t)) < cp.emoji_wall:
        return
    run = 0
    run_start = 0
    pos = 0
    limit = cp.emoji_wall
    for m in GRAPHEME_RE.finditer(t):
        cl = m.group(0)
        if is_emoji_cluster(cl):
            if run == 0:
                run_start = m.start()
            run += 1
            pos = m.end()
        elif cl.isspace() and run:
            continue
        else:
            if run >= limit:
                yield run_start, pos, f"{run} emoji in a row."
                return
            run = 0
    if run >= limit:
        yield run_start, pos, f"{run} emoji in a row."


@rule(
    "ACC005",
    "special-font-letters",
    "accessibility",
    "warn",
    clauses.APPROPRIATE_MEDIA,
    "Letters from a 'fancy text' generator (bold, script, full-width, circled, small capitals) are "
    "symbols, not letters: a screen reader spells them out one by one or skips them, and search "
    "does not find the words.",
    "Write the words in plain letters; for emphasis, use the network's own formatting or put the "
    "point first.",
    [
        Example("𝐁𝐢𝐠 𝐧𝐞𝐰𝐬: our open day is on Saturday!", True),
        Example("ᴏᴘᴇɴ ᴅᴀʏ this Saturday", True),
        Example("Our open day is on Saturday, 10:00 to 16:00 ①", False),
        Example("Привет! Open day is on Saturday.", False),
    ],
)
def special_font_letters(doc: Doc, cp: CompiledPack) -> Iterator[Hit]:
    runs = styled_letters(doc.text)
    if runs:
        s, e = runs[0]
        more = f" ({len(runs)} stretches)" if len(runs) > 1 else ""
        yield s, e, f"Words written in special-font letters{more}."
