"""A small hand-written English polarity lexicon (with negation) for the sentiment head.

Why: the sentiment head has only ~2.4k labelled tweets, so most polar words are never seen in
training; four dense counts (positive, negative, and each under negation) let the linear model
generalise to them.  Written by hand for this project (no external resource).
"""

from __future__ import annotations

import math

import numpy as np

POSITIVE = frozenset(["good", "great", "love", "loved", "loves", "lovely", "loving", "awesome", "amazing", "excellent", "happy", "happier", "happiest", "glad", "nice", "best", "better", "wonderful", "fantastic", "fun", "funny", "beautiful", "brilliant", "cool", "enjoy", "enjoyed", "enjoying", "excited", "exciting", "thanks", "thank", "thankful", "grateful", "congrats", "congratulations", "proud", "perfect", "win", "won", "winning", "wins", "winner", "super", "sweet", "cute", "favorite", "favourite", "favorites", "like", "liked", "likes", "yay", "wow", "hope", "hopeful", "hoping", "incredible", "outstanding", "superb", "joy", "joyful", "delighted", "pleased", "pleasure", "impressive", "impressed", "inspiring", "inspired", "inspire", "support", "supported", "success", "successful", "celebrate", "celebrating", "blessed", "bless", "welcome", "glorious", "fabulous", "terrific", "gorgeous", "stunning", "adorable", "kind", "kindness", "smile", "smiling", "laugh", "laughing", "lol", "haha", "hahaha", "positive", "peace", "safe", "ready", "recommend", "recommended", "agree", "interesting", "epic", "legend", "legendary", "stoked", "thrilled", "heartwarming", "cheers", "hero", "heroes", "fine", "top", "tops"]) | frozenset(["❤", "😍", "😊", "😀", "😁", "😂", "🙂", "👍", "🎉", "💙", "💕", "😘", "🙌", "💯", "🔥",
                          "♥", ":)", ":-)", ":d", "<3", "xd", "☺"])

NEGATIVE = frozenset(["bad", "worse", "worst", "hate", "hated", "hates", "hating", "awful", "terrible", "horrible", "sad", "sadly", "angry", "anger", "annoying", "annoyed", "upset", "disappointed", "disappointing", "disappointment", "fail", "failed", "failure", "fails", "wrong", "poor", "sucks", "suck", "sucked", "stupid", "idiot", "idiots", "dumb", "ugly", "sick", "tired", "hurt", "hurts", "pain", "painful", "cry", "crying", "disgusting", "disgusted", "gross", "nasty", "evil", "kill", "killed", "killing", "dead", "death", "die", "died", "dies", "dying", "fear", "scared", "scary", "afraid", "worried", "worry", "worrying", "problem", "problems", "trouble", "broken", "break", "lost", "lose", "loser", "losing", "miss", "missed", "missing", "sorry", "shame", "shameful", "pathetic", "ridiculous", "useless", "waste", "boring", "bored", "lame", "mess", "messed", "crap", "shit", "fuck", "fucking", "damn", "hell", "wtf", "smh", "ugh", "sigh", "rip", "attack", "attacked", "attacks", "crisis", "war", "terror", "terrorist", "terrorists", "violence", "violent", "racist", "racism", "corrupt", "liar", "lies", "lying", "fake", "fraud", "unfortunately", "unfair", "stress", "stressed", "stressful", "hard", "difficult", "worse", "horrific", "tragic", "tragedy", "cancel", "cancelled", "canceled", "delay", "delayed", "rude", "shocking", "shocked", "outrage", "outraged", "blame"]) | frozenset(["😡", "😠", "😢", "😭", "😞", "😔", "💔", "👎", "😒", "🙄", "😩", "😫", ":(", ":-(", ":/"])

NEGATORS = frozenset(["not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "shouldn't", "couldn't", "ain't", "dont", "cant", "didnt", "isnt", "wont", "without", "hardly"])
N_LEXICON_FEATURES = 4


def lexicon_features(toks: list[str]) -> np.ndarray:
    """[pos, neg, negated pos, negated neg] as log1p counts; negation scope = next 3 tokens."""
    pos = neg = npos = nneg = 0
    scope = 0
    for t in toks:
        if t in NEGATORS:
            scope = 3
            continue
        if t in POSITIVE:
            if scope:
                npos += 1
            else:
                pos += 1
        elif t in NEGATIVE:
            if scope:
                nneg += 1
            else:
                neg += 1
        if scope:
            scope -= 1
    return np.array([math.log1p(pos), math.log1p(neg), math.log1p(npos), math.log1p(nneg)])
