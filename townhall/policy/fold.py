"""Undo the disguises that hide a word from the rules without hiding it from a reader.

"My pаssword" with a Cyrillic а, "ｐａｓｓｗｏｒｄ" in full-width letters, "f\u200bucking" with a
zero-width space, "𝐢𝐝𝐢𝐨𝐭" in mathematical bold, "s\u0336t\u0336u\u0336p\u0336i\u0336d\u0336"
struck through: a person reads each as the plain word, but every pattern and classifier
misses it. Trolls write mentions this way on purpose, and text pasted from a PDF or a fancy-font
generator carries the same characters by accident. `fold` gives the rules the text a reader
sees, and the map back to the original, so every finding's span still points into the post as
written.

What is folded, and why only this:

- invisible format characters (zero-width space/joiners, soft hyphen, word joiner, byte order
  mark, direction marks) are dropped: they change no word a reader sees;
- combining marks drawn over a plain ASCII letter (strike-through, underline, accents added to
  disguise) are dropped; a precomposed "é" or "ŵ" is a letter of its own and stays;
- full-width forms, mathematical alphanumerics (bold, italic, script, Fraktur, double-struck,
  with their letterlike-symbol gaps) and circled letters become their ASCII letter (Unicode's
  compatibility mapping, kept only where it gives one ASCII character), and so do small
  capitals and the dotless i;
- Cyrillic and Greek letters that look like Latin ones become those letters, but only inside a
  word that also holds ASCII letters, or in a post written mostly in ASCII letters: a Russian or
  Greek post keeps its own letters;
- letters spelled out one at a time ("f u c k", "p.a.s.s.w.o.r.d": three or more single letters,
  one separator repeated) lose their separators, except the spaces where such a run splits into
  dictionary words ("y o u a r e a n i d i o t" reads "you are an idiot");
- digits and symbols drawn for letters ("p4ssw0rd", "1d10t", "$tup1d") become those letters, but
  only in a word that then reads as one of the words people disguise to slip past a filter
  (swear words, insults, slurs, the names of a password), and not where the word is itself the
  value after "password is" (a weak password is still the secret): anywhere else a digit in a
  word is a code, a model or a handle, and reads as one;
- a run of more than 512 characters without a space, or of more than 64 spaces, is cut to that
  length (no word or link is longer; several patterns cost the square of such a run).

Each step keeps or drops characters, never adds any, so the map is one original index per
folded character. Plain ASCII posts (most of them) are returned untouched at the cost of one
`str.isascii` call and one search for spelled-out letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from townhall.policy.segment import segment

# Invisible characters people and generators put inside words.
_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)


def _pairs(drawn: str, plain: str) -> dict[str, str]:
    return dict(zip(drawn, plain, strict=True))


# Letters of other scripts drawn like Latin ones (the confusables that matter in practice).
_LOOKALIKE = {
    **_pairs("авекмнорстухіјѕԁһԛԝӏёїү", "abekmhopctyxijsdhqwleiy"),  # Cyrillic
    **_pairs("АВЕКМНОРСТУХІЈЅԀҺԚԜӀ", "ABEKMHOPCTYXIJSDHQWI"),
    **_pairs("αορνικυχτε", "aopvikuxte"),  # Greek
    **_pairs("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"),
}

# Latin letters of other shapes that fancy-text generators use for plain ones (small capitals,
# dotless i): a word spelled in them is an ordinary word in every language rules read.
_VARIANT = _pairs("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢıȷɡɑ", "abcdefghijklmnopqrstuvwyzijga")

# A cheap necessary condition: a text without any of these needs no folding at all.
_SUSPECT_RE = re.compile(
    "["
    # The zero-width joiner is left out here: it joins most emoji sequences (👨\u200d👩\u200d👧),
    # and only counts when it touches a letter (the second branch below).
    + "".join(re.escape(c) for c in sorted((_INVISIBLE - {"\u200d"}) | set(_LOOKALIKE) | set(_VARIANT)))
    + "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # combining marks
    + "\uff01-\uff5e\u3000"  # full-width forms, ideographic space
    + "\u2100-\u214f"  # letterlike symbols (script, Fraktur and double-struck letters outside the block below)
    + "\u24b6-\u24e9"  # circled letters
    + "\U0001d400-\U0001d7ff"  # mathematical alphanumerics
    + "\U0001f130-\U0001f189"  # squared and negative circled letters
    + "]|\\w\u200d|\u200d\\w"
)


@lru_cache(maxsize=4096)
def _compat(ch: str) -> str | None:
    """The one ASCII character a compatibility form stands for ('ｐ', '𝐩', 'ⓟ' -> 'p'), else None."""
    if ch == "\u3000":
        return " "
    if ch in _VARIANT:
        return _VARIANT[ch]
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) == 1 and folded.isascii() and folded != ch:
        return folded
    if "\U0001f130" <= ch <= "\U0001f189":  # 🄰, 🅐, 🅰: letters in squares and circles
        return chr(ord("A") + (ord(ch) - 0x1F130) % 26)
    return None


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def fold(text: str) -> tuple[str, list[int] | None]:
    """The text as a reader sees it, and for each of its characters the index it came from.

    The map is None when nothing changed (then the folded text is ``text`` itself).
    """
    if text.isascii() or _SUSPECT_RE.search(text) is None:
        if _SPELLED_OUT_RE.search(text) is None and _LONG_RUN_RE.search(text) is None and not _has_leet(text):
            return text, None
        chars, where = list(text), list(range(len(text)))
    else:
        # Drop invisibles and disguising marks, turn compatibility forms into ASCII.
        chars, where = [], []
        for i, ch in enumerate(text):
            if ch in _INVISIBLE:
                continue
            if chars and _is_mark(ch) and chars[-1].isascii() and chars[-1].isalpha():
                continue
            plain = _compat(ch) if not ch.isascii() else None
            chars.append(plain or ch)
            where.append(i)
        _unmask_lookalikes(chars)
    chars, where = _join_spelled_out(chars, where)
    _undo_leet(chars)
    chars, where = _cut_long_runs(chars, where)
    folded = "".join(chars)
    if folded == text:
        return text, None
    return folded, where


# Letters spelled out one at a time ("f u c k i n g", "p.a.s.s.w.o.r.d"): three or more single
# letters, each followed by the same one separator. Two spaces end a word ("S O  P R O U D").
_SPELLED_OUT_RE = re.compile(r"(?<![\w.*-])[A-Za-z]([ .*_-])(?:[A-Za-z]\1)+[A-Za-z](?![\w*-]|\.\w)")


# No word, link or code is this long, and no layout needs this much space. Beyond these lengths a
# run without spaces ("1111…", ":::…", emoji) or of spaces is cut short for the rules: several
# patterns look ahead along a run from each of its characters, so one 100,000-character run cost
# minutes of one CPU per request (security review of 2026-12-05).
MAX_RUN = 512
MAX_SPACE = 64
_LONG_RUN_RE = re.compile(rf"\S{{{MAX_RUN + 1}}}|\s{{{MAX_SPACE + 1}}}")


def _cut_long_runs(chars: list[str], where: list[int]) -> tuple[list[str], list[int]]:
    """Drop every character of a run of non-spaces after its first `MAX_RUN`, and of a run of
    spaces after its first `MAX_SPACE` (one pass; the map back keeps the rest)."""
    if _LONG_RUN_RE.search("".join(chars)) is None:
        return chars, where
    kept_chars: list[str] = []
    kept_where: list[int] = []
    run = 0
    spacy = False
    for ch, i in zip(chars, where, strict=True):
        space = ch.isspace()
        run = run + 1 if space == spacy else 1
        spacy = space
        if run > (MAX_SPACE if space else MAX_RUN):
            continue
        kept_chars.append(ch)
        kept_where.append(i)
    return kept_chars, kept_where


def _join_spelled_out(chars: list[str], where: list[int]) -> tuple[list[str], list[int]]:
    """Drop the separators between spelled-out letters (`_SPELLED_OUT_RE`); where single spaces
    part words as well as letters ("y o u a r e a n i d i o t"), keep the spaces where the
    letters split into the fewest dictionary words (`segment`), so words do not run together."""
    drop: set[int] = set()
    for m in _SPELLED_OUT_RE.finditer("".join(chars)):
        start = m.start()
        if chars[start] in "aAI" and m.end() - start >= 7:
            start += 2  # "a f u c k", "I h a t e": the word before the spelled-out one
        separators = range(start + 1, m.end(), 2)
        if m.group(1) == " " and len(separators) >= 5:
            letters = "".join(chars[start : m.end() : 2]).lower()
            words = segment(letters, _LEET_WORDS)
            if words and len(words) > 1:
                keep, at = set(), -1
                for word in words[:-1]:
                    at += 2 * len(word)
                    keep.add(start + at)
                separators = [k for k in separators if k not in keep]
        drop.update(separators)
    if not drop:
        return chars, where
    keep = [k for k in range(len(chars)) if k not in drop]
    return [chars[k] for k in keep], [where[k] for k in keep]


# The words people write in digits and symbols to get past a word filter: swear words, insults and
# slurs, and the names of a password (a cue the credential rules read). Only a word that reads as
# one of these is changed, so "B2B", "COVID19", "10am", "h2o" and "user@example" stay as written.
_LEET_WORDS_TEXT = """fuck fucks fucked fucker fuckers fucking fuckin fuckwit motherfucker shit shits shite shitty
    shithead
    shitheads bullshit bitch bitches bitchy cunt cunts twat twats wank wanker wankers bastard bastards arse
    arsehole arseholes ass asshole assholes dick dicks dickhead dickheads prick pricks cock cocks knob knobhead
    bellend tosser tossers piss pissed crap crappy bollocks slut sluts whore whores slag slags retard retards
    retarded spastic spaz nigger niggers nigga niggas faggot faggots fag fags dyke dykes tranny trannies paki
    pakis chink chinks kike kikes wog wogs idiot idiots idiotic moron morons moronic stupid dumb dumbass thick
    useless pathetic worthless loser losers scum scumbag scumbags pig pigs rat rats cow cows hag hags clown
    clowns muppet muppets pillock prat prats tosspot douche douchebag jerk jerks freak freaks creep creeps
    psycho pervert nonce nonces paedo paedos pedo pedos incompetent clueless brainless hopeless disgusting
    vile ugly fat lazy liar liars bigot bigots hate kill die password passwords passcode passcodes passwd
    passphrase login logins username"""
_LEET_WORDS = frozenset(_LEET_WORDS_TEXT.split())
_CUE_WORDS_TEXT = "password passwords passcode passcodes passwd passphrase login logins username"
_LEET_TO = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "li"}
# A word holding a letter and a digit or symbol that may stand for one (not leading '@' or '#': a
# handle or a tag, nor a trailing '!' that ends a sentence, nor a piece of a link).
_LEET_WORD_RE = re.compile(
    r"(?<![\w@#$|!/.=?&:%~+-])(?!@)(?=[\w@$|!]*[A-Za-z])(?=[\w@$|!]*[013457@$|!])[A-Za-z0-9@$|!]{3,20}"
    r"(?![\w@$|/~+-]|\.\w)"  # not a piece of a link, a domain or an address
)
# A cheap necessary condition for `_LEET_WORD_RE` ('@' and '!' count only inside a word: "@user"
# and "great!" are everywhere). Written to start at the rare character: 0.6 µs a post, not 3.8.
_LEET_ANY_RE = re.compile(
    r"[0-9@$|!](?:(?<=[A-Za-z][0-9@$|])|(?<=[A-Za-z]!)(?=[A-Za-z])|(?<=[0-9$|])(?=[A-Za-z]))"
)
# Where a disguised word is the secret itself ("password is p4ssw0rd", "pin: 1d10t"), it stays.
_SECRET_BEFORE_RE = re.compile(
    r"(?i)(?:pass\w*|pwd?|pin|code|login|key|credentials?)\s*(?:(?:is|was|=|:|-|now)\s*)*[\"'“‘(]?\s*$"
)


def _has_leet(text: str) -> bool:
    return _LEET_ANY_RE.search(text) is not None and _leet_words(text) != []


# Words that name a password: undone only in a post that is not written in digits throughout,
# where the words after them ("w1th", "r353t") would read as the password itself.
_CUE_WORDS = frozenset(_CUE_WORDS_TEXT.split())
_INNER_DIGIT_RE = re.compile(r"(?<![\w@#])[A-Za-z]+[0-9@$|]+[A-Za-z][\w@$|]*")


def _plain_of(word: str) -> str | None:
    """The word of `_LEET_WORDS` that ``word`` reads as with its digits and symbols undone, if any."""
    options = [""]
    for c in word.lower():
        options = [o + p for o in options for p in _LEET_TO.get(c, c)][:16]
    return next((o for o in options if o in _LEET_WORDS), None)


def _leet_words(text: str) -> list[tuple[int, str]]:
    """(start, plain word) for each disguised word in ``text`` that reads as one of `_LEET_WORDS`."""
    out = []
    other_disguised = -1  # computed when a cue word is met
    for m in _LEET_WORD_RE.finditer(text):
        word = m.group(0).rstrip("!")
        if not any(c in _LEET_TO for c in word) or word.isdigit():
            continue
        plain = _plain_of(word)
        if plain is None or _SECRET_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if plain in _CUE_WORDS:
            if other_disguised < 0:
                other_disguised = sum(1 for w in _INNER_DIGIT_RE.findall(text) if _plain_of(w) not in _CUE_WORDS)
            if other_disguised >= 3:
                continue
        if all(c.isupper() for c in word if c.isalpha()):
            plain = plain.upper()  # "1D10T"
        out.append((m.start(), plain))
    return out


def _undo_leet(chars: list[str]) -> None:
    """Put back the letters of disguised words in place (`_LEET_WORDS`): one character for one,
    so the map back is unchanged."""
    text = "".join(chars)
    if _LEET_ANY_RE.search(text) is None:
        return
    for start, plain in _leet_words(text):
        for k, letter in enumerate(plain):
            if not chars[start + k].isalpha():
                chars[start + k] = letter


def _unmask_lookalikes(chars: list[str]) -> None:
    """Replace Cyrillic/Greek lookalikes in place, word by word (see the module's docstring)."""
    if not any(c in _LOOKALIKE for c in chars):
        return
    ascii_letters = sum(1 for c in chars if c.isascii() and c.isalpha())
    other_letters = sum(1 for c in chars if not c.isascii() and c.isalpha())
    mostly_latin = ascii_letters > 2 * other_letters
    n = len(chars)
    i = 0
    while i < n:
        if not chars[i].isalpha():
            i += 1
            continue
        j = i
        while j < n and chars[j].isalpha():
            j += 1
        word = chars[i:j]
        has_ascii = any(c.isascii() for c in word)
        foreign = [c for c in word if not c.isascii()]
        if foreign and all(c in _LOOKALIKE for c in foreign) and (has_ascii or mostly_latin):
            for k in range(i, j):
                chars[k] = _LOOKALIKE.get(chars[k], chars[k])
        i = j


def span_back(span: tuple[int, int], where: list[int], n: int) -> tuple[int, int]:
    """A span in the folded text as a span in the original of length ``n``: from the first
    character it covers up to the next character the folded text kept, so the dropped marks and
    invisibles after its last letter go with it (a struck-through letter is not cut from its
    stroke)."""
    s, e = span
    kept = len(where)
    start = where[s] if s < kept else n
    if e <= s:
        return (start, start)
    end = where[e] if e < kept else n
    return (start, end)


def _between_words(ch: str) -> bool:
    """Spaces, punctuation and invisibles: a stretch of special-font words goes on across them."""
    return ch.isspace() or ch in _INVISIBLE or _is_mark(ch) or (ch.isascii() and not ch.isalnum())


def styled_letters(text: str) -> list[tuple[int, int]]:
    """Stretches of words written in letters of a special font (mathematical bold or script,
    full-width, circled, small capitals), each holding at least three such letters.

    Why: a screen reader spells such letters out one by one ("mathematical bold small p ...")
    or skips them, and search does not find the words, so accessibility advice names them.
    """
    if text.isascii() or _SUSPECT_RE.search(text) is None:
        return []
    runs: list[tuple[int, int]] = []
    start = end = -1
    count = 0
    for i, ch in enumerate(text):
        plain = None if ch.isascii() else _compat(ch)
        if plain is not None and plain.isalpha():
            if start < 0:
                start, count = i, 0
            end, count = i + 1, count + 1
        elif start >= 0 and not _between_words(ch):
            if count >= 3:
                runs.append((start, end))
            start = -1
    if start >= 0 and count >= 3:
        runs.append((start, end))
    return runs
