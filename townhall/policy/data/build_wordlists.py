"""Rebuild words.txt and names.txt from zxcvbn's frequency lists (MIT-licensed data).

words.txt feeds hashtag word segmentation (accessibility), names.txt the "identifiable
person" cue of the privacy rules. Run: python -m townhall.policy.data.build_wordlists
"""

from pathlib import Path

from townhall.policy.rules.common import wordlist

EXTRA_WORDS = wordlist("""postgrad undergrad postgraduate undergraduate alumni alumnus fresher freshers phd msc bsc mba
uni campus graduation graduate graduates research researcher researchers stem open day openday
covid wellbeing sustainability scholarship scholarships internship internships outreach
innovation inclusion diversity teaching learning excellence celebrating celebrate awards award
mental health student students staff science scientist engineering medicine nursing law""")


# Common given names in UK universities today that the (US, older) zxcvbn lists lack.
EXTRA_NAMES = wordlist("""chloe olivia amelia isla ava mia ivy freya lily sophie zara aisha fatima priya
mohammed muhammad oliver noah leo harry jack oscar archie alfie theo arthur finn jo sam alex jamie ali omar yusuf hamza
ibrahim raj arjun wei mei kofi ama chidi ngozi tunde ayesha maryam zainab imran bilal hassan aaliyah
niamh siobhan ciara aoife sean liam callum ellie evie poppy rosie jess becky kirsty""")


def main() -> None:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS as F

    here = Path(__file__).parent
    words: list[str] = []
    seen: set[str] = set()
    for source in ("us_tv_and_film", "english_wikipedia"):
        for w in F[source][:25000]:
            if w.isalpha() and w.isascii() and w not in seen:
                seen.add(w)
                words.append(w)
    for w in EXTRA_WORDS:
        if w not in seen:
            seen.add(w)
            words.append(w)
    (here / "words.txt").write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    common = set(F["english_wikipedia"][:3000]) | set(F["us_tv_and_film"][:3000])
    names = sorted(
        {n for n in F["female_names"] + F["male_names"] if n.isalpha() and n not in common and len(n) > 2}
        | set(EXTRA_NAMES)
    )
    (here / "names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
