"""Rebuild words.txt and names.txt from zxcvbn's frequency lists (MIT-licensed data).

words.txt feeds hashtag word segmentation (accessibility), names.txt the "identifiable
person" cue of the privacy rules. zxcvbn's name lists are American and older, so the given names of
Faker's en_GB and en_IE person providers (the ``train`` extra; build time only) are added: they hold the
Irish and Scottish names staff and students carry today (Sinead, Ciaran, Hamish, Catriona), which the
privacy rules otherwise met only through the dearer name model. Faker has no Welsh or Scottish Gaelic
locale, so a short list of such names follows. Run: python -m townhall.policy.data.build_wordlists
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

# Welsh and Scottish given names no Faker locale carries.
CELTIC_NAMES = wordlist("""gethin eleri dafydd ffion owain rhodri iwan ieuan cerys carys lowri seren angharad hywel emyr
aled dewi llyr osian tomos elin mared sioned gwenllian catrin heledd ifan rhiannon gwion steffan bleddyn geraint
eilidh morven mairi mhairi ruaridh ruairidh ruaraidh morag kirsteen ishbel ailsa shona seonaidh lachlan murdo torquil
alasdair gregor struan finlay kenzie""")

# Faker's given names that are mostly something else in a post: places, words, an organisation.
NOT_GIVEN_NAMES = wordlist("""jordan lewis arran ross che cal pierce rowan warren kirby shelby una enya""")


def _faker_given_names() -> list[str]:
    """First names of Faker's British and Irish person providers (the ``train`` extra)."""
    from faker.providers.person.en_GB import Provider as GB
    from faker.providers.person.en_IE import Provider as IE

    return [*GB.first_names, *IE.first_names]


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
    faker_names = {n.lower() for n in _faker_given_names() if n.isalpha() and n.isascii()}
    names = sorted(
        {n for n in F["female_names"] + F["male_names"] if n.isalpha() and n not in common and len(n) > 2}
        | {n for n in faker_names if n not in common and len(n) > 2 and n not in NOT_GIVEN_NAMES}
        | set(EXTRA_NAMES)
        | set(CELTIC_NAMES)
    )
    (here / "names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
