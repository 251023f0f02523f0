"""Rebuild ``name_model.npz``: is a capitalised word a given name? (``tagger.name_probability``).

Positives: given names from Faker's person providers in ~50 locales (the ``train`` extra; never
needed at run time). Negatives: the English dictionary words of ``words.txt`` that are not names,
plus place, organisation and academic words a post capitalises. Character 2-4-grams, hashed,
logistic regression; numpy at run time.

    python -m townhall.policy.data.build_name_model
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np

from townhall.policy.tagger import NAME_DIM, name_ngrams

HERE = Path(__file__).resolve().parent
LOCALES = ["en_GB", "en_US", "en_IE", "en_IN", "en_NG", "en_PH", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL",
           "da_DK", "fi_FI", "sv_SE", "no_NO", "et_EE", "el_GR", "hu_HU", "cs_CZ", "pl_PL", "pt_PT", "pt_BR",
           "ro_RO", "tr_TR", "ar_AA", "yo_NG", "ig_NG", "ha_NG", "sw", "zu_ZA", "vi_VN", "id_ID", "uk_UA",
           "ru_RU", "fa_IR", "he_IL", "bn_BD", "ne_NP", "ta_IN", "es_MX", "lt_LT", "lv_LV", "sk_SK", "sl_SI",
           "hr_HR", "bg_BG", "tw_GH", "en_PK", "hi_IN"]
EXTRA_NEGATIVE = re.findall(r"\w+", """
university college school faculty department library campus hall halls senate council registry admissions
finance estates chemistry physics biology history politics economics engineering law nursing medicine music
english maths mathematics geography philosophy sociology psychology computing monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december london birmingham manchester leeds bristol glasgow edinburgh cardiff belfast oxford cambridge
liverpool sheffield newcastle nottingham leicester coventry york brighton england scotland wales ireland
britain europe america africa asia india china france germany spain italy google microsoft apple amazon
facebook twitter instagram tiktok youtube netflix zoom teams moodle canvas covid nhs ucas ucu bbc guardian
times nature science lancet professor doctor lecturer dean provost registrar chancellor vice student students
staff team office service centre center building road street avenue lane court park square station hospital
clinic trust union society club week term semester module exam exams results graduation christmas easter eid
diwali ramadan hanukkah""")


def main() -> None:
    from faker import Faker
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    names: set[str] = set()
    for loc in LOCALES:
        try:
            p = Faker(loc).provider("faker.providers.person")
        except (AttributeError, ModuleNotFoundError):
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            v = getattr(p, attr, None) or ()
            names.update(n.lower() for n in (v.keys() if isinstance(v, dict) else v)
                         if re.fullmatch(r"[^\W\d_]{2,20}", n))
    words = set((HERE / "words.txt").read_text(encoding="utf-8").split())
    neg = sorted((words - names) | set(EXTRA_NEGATIVE))
    pos = sorted(names - set(EXTRA_NEGATIVE))
    rng = random.Random(12)
    data = [(w, 1) for w in pos] + [(w, 0) for w in neg]
    rng.shuffle(data)
    rows, cols = [], []
    for r, (w, _y) in enumerate(data):
        g = name_ngrams(w)
        rows += [r] * len(g)
        cols += g
    x = csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(data), NAME_DIM))
    y = np.array([t for _w, t in data])
    cut = len(data) * 9 // 10
    clf = LogisticRegression(C=2.0, max_iter=500, solver="liblinear", class_weight="balanced")
    clf.fit(x[:cut], y[:cut])
    pred = clf.predict(x[cut:])
    yv = y[cut:]
    tp = int(((pred == 1) & (yv == 1)).sum())
    print(f"names {len(pos)} words {len(neg)}; held-out P {tp / max(1, pred.sum()):.3f} R {tp / max(1, yv.sum()):.3f}")
    np.savez_compressed(HERE / "name_model.npz", w=clf.coef_[0].astype(np.float16), b=np.float32(clf.intercept_[0]))


if __name__ == "__main__":
    main()
