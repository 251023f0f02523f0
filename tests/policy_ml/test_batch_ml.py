"""Batch scoring (``ml/batch.py``, ``FamilyModel.margins``, ``check_many``) gives, bit for bit, what
scoring one post at a time gives: ``check_many`` must never decide a post differently from
``check``."""

from __future__ import annotations

import numpy as np
import pytest

import townhall.policy.ml as ml
from townhall.policy import Context, check, check_many, learned, mlbridge
from townhall.policy.ml import batch
from townhall.policy.ml.features import normalize
from townhall.policy.ml.student import student
from townhall.policy.pack import default_pack

from .test_ml import _varied_texts

_ODD = [
    "",
    " ",
    "\n\n",
    "😀😀😀",
    "🔥🔥 💯",
    "Привет, мир! Как дела у студентов?",
    "你好世界，这是一个测试。大学 开放日",
    "مرحبا بكم في الجامعة",
    "Γειά σου κόσμε — καλημέρα",
    "שלום עולם",
    "café ÜBER naïve résumé",
    "@user you absolute idiot, nobody asked #SoTired http://t.co/x 07700 900123",
    "Contact Dr Jane Smith on jane.smith@gmail.com or 0161 496 0000, BA1 2AB",
    "you are a disgusting piece of garbage " * 60,  # several windows
    ("The seminar is on Thursday. " * 80) + "Frankly you are all useless idiots.",
    "a" * 5000,
    "word " * 1500,
    "Thanks!",
    "No.",
]


def _texts(n: int = 300) -> list[str]:
    return [*_varied_texts(n), *_ODD]


def test_student_logits_match_one_at_a_time() -> None:
    st = student()
    texts = _texts()
    assert batch.student_logits(st, texts) == [st.logit(t) for t in texts]


def test_profanity_logits_match_one_at_a_time() -> None:
    from townhall.policy.ml.stack import DenseContext, _profanity_logit

    pm = ml._model("abuse").profanity
    if pm is None:
        pytest.skip("no profanity member")
    texts = _texts()
    assert batch.profanity_logits(pm, texts) == [_profanity_logit(DenseContext(t, pm)) for t in texts]
    assert batch.profanity_logits(pm, ["", "😀"]) == [_profanity_logit(DenseContext(t, pm)) for t in ("", "😀")]


def test_chunk_char_ids_match_one_by_one() -> None:
    fz = ml._model("abuse").featurizer
    chunks = list(dict.fromkeys(c for t in _texts() for c in normalize(t).split(" ")))
    assert fz._char_index is not None
    got = fz._char_index.ids_by_chunk(chunks)
    for c, ids in zip(chunks, got, strict=True):
        assert np.array_equal(np.sort(ids), np.sort(fz._chunk_char_ids(c))), c


@pytest.mark.parametrize("floor", [0.2, ml.ABUSE_THRESHOLD, 0.8])
def test_screened_and_stance_match_one_at_a_time(floor: float) -> None:
    texts = _texts()
    abuse, stance = batch.screened_and_stance(texts, floor, [True] * len(texts))
    assert abuse == [ml.abuse_probability_screened(t, floor) for t in texts]
    assert stance == [ml.stance_probability(t) for t in texts]
    some = [i % 3 == 0 for i in range(len(texts))]
    abuse_some, stance_some = batch.screened_and_stance(texts, floor, some)
    assert abuse_some == abuse
    assert stance_some == [p if w else None for p, w in zip(stance, some, strict=True)]


def test_family_margins_match_one_at_a_time() -> None:
    model = learned.load()
    if model is None:
        pytest.skip("no family model")
    fz = learned.featuriser(default_pack().compiled())
    texts = _texts()
    feats = [fz.feature_dict(t) for t in texts]
    accounts = ["official" if i % 3 else "personal" for i in range(len(texts))]
    got = model.margins(feats, accounts)
    for (m, rows), f, a in zip(got, feats, accounts, strict=True):
        want_m, want_rows = model.margin(f, a)
        assert m.dtype == want_m.dtype and np.array_equal(m, want_m)
        assert np.array_equal(rows, want_rows)


@pytest.mark.parametrize(
    "ctx",
    [Context("x", "official"), Context("linkedin", "personal"), Context("bluesky", "official", is_reply=True)],
)
def test_check_many_finds_what_check_finds(ctx: Context) -> None:
    texts = [*_texts(250), *_texts(250)[:40]]  # repeats within a call, too
    many = check_many(texts, ctx, chunk=64)
    mlbridge._ABUSE_CACHE.clear()
    mlbridge.stance.cache_clear()
    assert many == [check(t, ctx) for t in texts]


def test_check_many_with_a_context_per_post() -> None:
    texts = _texts(80)
    ctxs = [Context("x", "official") if i % 2 else Context("linkedin", "personal") for i in range(len(texts))]
    many = check_many(texts, ctxs, chunk=32)
    mlbridge._ABUSE_CACHE.clear()
    mlbridge.stance.cache_clear()
    assert many == [check(t, c) for t, c in zip(texts, ctxs, strict=True)]


def test_check_many_pauses_the_collector_per_chunk_and_restores_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cyclic collector is off while a chunk is checked, and left as it was found after,
    also when a rule raises (``engine._gc_paused``)."""
    import gc

    from townhall.policy import engine

    seen: list[bool] = []
    real = engine._check_doc

    def spy(doc, pack, folded=None):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(doc, pack, folded)

    monkeypatch.setattr(engine, "_check_doc", spy)
    was = gc.isenabled()
    try:
        gc.enable()
        check_many(["one post", "another post", "a third"], chunk=2)
        assert seen == [False, False, False]
        assert gc.isenabled()
        gc.disable()
        check_many(["one post"])
        assert not gc.isenabled()  # not switched on by check_many when the caller had it off
        gc.enable()

        def boom(doc, pack, folded=None):  # type: ignore[no-untyped-def]
            raise RuntimeError("rule failed")

        monkeypatch.setattr(engine, "_check_doc", boom)
        with pytest.raises(RuntimeError):
            check_many(["one post"])
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_word_views_outlive_a_chunk() -> None:
    """``tokens``/``token_set``/``token_index`` keep every post of a default chunk (512): the
    topic gate reads them while the chunk is primed and the rules read them again afterwards."""
    import inspect

    from townhall.policy import engine
    from townhall.policy.rules import common

    chunk = inspect.signature(engine.check_many).parameters["chunk"].default
    for f in (common.tokens, common.token_set, common.token_index):
        assert f.cache_info().maxsize >= 2 * chunk
