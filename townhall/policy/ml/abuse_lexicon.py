"""Hand-written insult / profanity word lists and targeting counts for the abuse stack.

Why: the abuse stack's linear members see every word, but an explicit "second person + insult"
signal ("you are a pathetic idiot", "ur so dumb") is what separates a targeted insult from
casual swearing, and hand lists generalise to spellings absent from training.  Written for this
project (no external resource).  Input is ``features.tokens(features.normalize(text))``.
"""

from __future__ import annotations

import math

import numpy as np


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


PROFANITY = _words(
    "fuck fucking fucked fucker fuckers fucks fuckin motherfucker motherfuckers mf mfs shit shits shitty "
    "bullshit bitch bitches bitchy ass asses asshole assholes arse arsehole damn goddamn dammit crap crappy "
    "dick dicks dickhead pussy pussies cunt cunts bastard bastards wtf stfu gtfo fml piss pissed slut sluts "
    "whore whores hoe hoes thot twat wanker prick bollocks douche douchebag jackass dumbass smartass "
    "fag fags faggot faggots nigga niggas nigger niggers cock cocks tits"
)

INSULTS = _words(
    "idiot idiots idiotic stupid stupidity moron morons moronic dumb dumber dumbest loser losers pathetic "
    "retard retards retarded ugly fat liar liars coward cowards cowardly scum scumbag scumbags trash "
    "garbage clown clowns fool fools foolish jerk jerks imbecile imbeciles ignorant disgusting traitor "
    "traitors hypocrite hypocrites hypocritical worthless useless incompetent psycho lunatic creep creepy "
    "pig pigs rat rats snake vile evil racist racists bigot bigots sexist nazi nazis fascist fascists "
    "commie libtard libtards snowflake snowflakes sheep freak freaks weirdo nutjob nut crazy insane "
    "delusional brainless clueless shameful shameless disgrace disgraceful corrupt crook crooks thug "
    "thugs animal animals hate hating kill die dead shut sucks suck stink stinks liar lying "
    "puppet treason terrorist terrorists savage savages filthy nasty sick sickening"
)

SECOND_PERSON = _words("you u ur your you're youre yourself yall y'all ya")
N_ABUSE_LEX_FEATURES = 6


def abuse_lexicon_features(toks: list[str]) -> np.ndarray:
    """[profanity, insults, 2nd-person near a profanity/insult (within 3 tokens), @user mentions,
    '!' count, log token count], each log1p."""
    prof = ins = target = ment = excl = 0
    last_you = -10
    for i, t in enumerate(toks):
        if t in SECOND_PERSON:
            last_you = i
        elif t == "@user":
            ment += 1
            last_you = i
        elif t == "!":
            excl += 1
        else:
            hit = False
            if t in PROFANITY:
                prof += 1
                hit = True
            if t in INSULTS:
                ins += 1
                hit = True
            if hit and i - last_you <= 3:
                target += 1
    return np.array([math.log1p(prof), math.log1p(ins), math.log1p(target), math.log1p(ment),
                     math.log1p(excl), math.log1p(len(toks))])
