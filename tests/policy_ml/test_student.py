"""The distilled abuse student and its tokenizer (numpy and stdlib only at run time)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from townhall.policy.ml.student import STUDENT_PATH, Student, quantize_tables, student

FIXTURES = Path(__file__).parent / "fixtures"


def test_wordpiece_matches_reference_tokenizer() -> None:
    """Ids equal those of Hugging Face's tokenizer for the MiniLM vocabulary (fixture written with
    it), on accents, CJK, controls, emoji, RTL scripts, full-width forms and real tweets."""
    cases = json.loads((FIXTURES / "wordpiece_reference.json").read_text())["cases"]
    tok = student().tok
    bad = [c["text"] for c in cases if tok.encode(c["text"]) != c["ids"]]
    assert not bad


def _random_student(tmp_path: Path, widths=(1, 2, 3), filters=8, dims=6) -> tuple[Student, dict]:
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "cat", "sat", "##s", "on", "mat", "!", "dog"]
    rng = np.random.default_rng(3)
    emb = rng.normal(size=(len(vocab), dims)).astype(np.float32)
    emb[0] = 0.0
    conv_w = [rng.normal(size=(filters, dims, k)).astype(np.float32) for k in widths]
    conv_b = rng.normal(size=(len(widths), filters)).astype(np.float32)
    out_w = rng.normal(size=filters * len(widths)).astype(np.float32)
    kept = np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 10])  # "mat" and "dog" never seen: they read as [UNK]
    rows = np.full(len(vocab), 1, np.int32)
    rows[kept] = np.arange(len(kept))
    table, scale = quantize_tables(emb[kept], conv_w)
    path = tmp_path / "s.npz"
    Student.save(path, vocab, rows, table, scale, conv_b, out_w, 0.25,
                 {"max_len": 64, "widths": list(widths), "filters": filters}, oof=np.zeros(2, np.float32))
    ref = {"emb": emb, "conv_w": conv_w, "conv_b": conv_b, "out_w": out_w, "kept": set(kept.tolist()),
           "table": table, "scale": scale}
    return Student.load(path), ref


def _reference_logit(s: Student, ref: dict, text: str) -> float:
    """The torch model's definition, written out: every width at each of the n positions of
    [CLS] … [SEP], over the sequence followed by [PAD]s; ReLU; max over positions; linear."""
    ids = [i if i in ref["kept"] else 1 for i in s.ids(text)]
    x = ref["emb"][ids]
    n = len(ids) - (max(s.widths) - 1)
    pooled = []
    for w, b in zip(ref["conv_w"], ref["conv_b"], strict=True):
        k = w.shape[2]
        pre = np.array([[np.sum(w[f] * x[i : i + k].T) for f in range(w.shape[0])] for i in range(n)]) + b
        pooled.append(np.maximum(pre, 0.0).max(axis=0))
    return float(np.concatenate(pooled) @ ref["out_w"] + 0.25)


@pytest.mark.parametrize("text", ["", "cat", "the cat sat on the mat!", "the cats sat " * 30, "dog dog"])
def test_tables_compute_the_convolution(tmp_path: Path, text: str) -> None:
    """Per-token tables summed by offset give the convolution's result (up to int8 rounding)."""
    s, ref = _random_student(tmp_path)
    want = _reference_logit(s, ref, text)
    bound = float(np.abs(ref["out_w"]).sum() * ref["scale"].max() * 3)  # <= half a step per offset
    assert abs(s.logit(text) - want) <= bound
    assert len(s.ids(text)) <= s.max_len + 2


def test_quantisation_error_is_half_a_step() -> None:
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(50, 5)).astype(np.float32)
    conv_w = [rng.normal(size=(4, 5, k)).astype(np.float32) for k in (1, 3)]
    table, scale = quantize_tables(emb, conv_w)
    full = np.concatenate([emb @ w[:, :, j].T for j in range(3) for w in conv_w if w.shape[2] > j], axis=1)
    assert table.shape == (50, 4 * 4) and table.dtype == np.int8
    assert np.all(np.abs(table * scale - full) <= scale / 2 + 1e-6)
    with pytest.raises(ValueError, match="ascending"):
        quantize_tables(emb, conv_w[::-1])


def test_mismatched_tables_are_refused(tmp_path: Path) -> None:
    _, ref = _random_student(tmp_path)
    with pytest.raises(ValueError, match="re-export"):
        Student(["[PAD]", "[UNK]", "[CLS]", "[SEP]"], np.zeros(4, np.int32), ref["table"][:, :-1],
                ref["scale"][:-1], ref["conv_b"], ref["out_w"], 0.0, {"max_len": 64, "widths": [1, 2, 3], "filters": 8})


def test_shipped_student_is_what_distill_reported() -> None:
    """The shipped tables reproduce the validation figure distill.py measured through this very
    numpy path (TweetEval offensive val, best threshold), and separate obvious cases."""
    from townhall.policy.evaluate import find_data_dir
    from townhall.policy.ml import data as D
    from townhall.policy.ml.evaluate import best_threshold

    s = student()
    assert STUDENT_PATH.stat().st_size < 20 * 1024 * 1024
    assert s.logit("you are a disgusting idiot, shut up") > s.logit("Congratulations to our graduates today!")
    data = find_data_dir(None)
    if data is None:
        pytest.skip("no shared data folder")
    texts, y = D.tweeteval(data / "data", "offensive", "val")
    _, f1 = best_threshold(np.array(y), np.array([s.logit(t) for t in texts]))
    assert f1 >= s.meta["val_macro_f1"] - 0.002


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_scores(text: str) -> None:
    z = student().logit(text)
    assert np.isfinite(z)
    assert len(student().ids(text)) <= student().max_len + 2


def test_merged_members_score_their_average(tmp_path: Path) -> None:
    """distill.merge_members: two students folded side by side into one set of tables give the
    average of the two students' logits (up to float32 rounding), through ``Student`` unchanged."""
    from townhall.policy.ml.distill import merge_members

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "cat", "sat", "##s", "on", "mat", "!", "dog"]
    kept = np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 10])
    rows = np.full(len(vocab), 1, np.int32)
    rows[kept] = np.arange(len(kept))
    rng = np.random.default_rng(11)
    parts = []
    for _ in range(2):
        emb = rng.normal(size=(len(vocab), 6)).astype(np.float32)
        emb[0] = 0.0
        conv_w = [rng.normal(size=(5, 6, k)).astype(np.float32) for k in (1, 2, 3)]
        parts.append((emb, conv_w, rng.normal(size=(3, 5)).astype(np.float32),
                      rng.normal(size=15).astype(np.float32), float(rng.normal())))
    meta = {"max_len": 64, "widths": [1, 2, 3]}

    def saved(name: str, arrays: tuple, filters: int) -> Student:
        table, scale, conv_b, out_w, out_b = arrays
        Student.save(tmp_path / name, vocab, rows, table, scale, conv_b, out_w, out_b, {**meta, "filters": filters})
        return Student.load(tmp_path / name)

    merged = saved("m.npz", merge_members(parts, kept), 10)
    singles = [saved(f"s{i}.npz", merge_members([p], kept), 5) for i, p in enumerate(parts)]
    for text in ["the cat sat on the mat!", "dogs", "", "cats sat sat sat on on the the !"]:
        want = (singles[0].logit(text) + singles[1].logit(text)) / 2
        assert merged.logit(text) == pytest.approx(want, abs=1e-4)
