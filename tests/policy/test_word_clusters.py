"""Word clusters for the learned heads (round 22 of issue 12; ``learned.cluster_features``,
``data/word_clusters.txt``, ``data/build_word_clusters.py``): the features they add, that a head
fitted without them scores exactly as before, that one post and a batch score alike, and that the
file the shipped model reads is whole."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from townhall.policy import Context, check, learned
from townhall.policy.data.build_word_clusters import load_safetensors

CLUSTERS = {"password": "k7", "passcode": "k7", "is": "k2", "the": "k3"}


def test_words_become_their_cluster_and_shapes_stay_themselves():
    feats = {
        "w:the": 0,
        "w:passcode": 0,
        "w:is": 0,
        "w:<d6>": 0,
        "b:<s> the": 0,
        "b:passcode is": 0,
        "b:is <d6>": 0,
        "b:<d6> </s>": 0,
        "b:zyzzyva <d6>": 1,
        "b:#help <d6>": 1,
        "p&passcode": 0,
    }
    got = learned.cluster_features(feats, CLUSTERS)
    assert got == {"k:k3": 0, "k:k7": 0, "k:k2": 0, "kb:<s> k3": 0, "kb:k7 k2": 0, "kb:k2 <d6>": 0}
    # "password is" and "passcode is" now share a feature: what is learned from one reaches the other
    other = learned.cluster_features({"w:password": 0, "b:password is": 0}, CLUSTERS)
    assert "kb:k7 k2" in other


def _tiny_model(tmp_path: Path, clusters: bool, cluster_weight: float) -> learned.FamilyModel:
    vocab = ["acct:official", "w:passcode", "w:is", "b:passcode is", "w:team", "w:our", "k:k7", "kb:k7 k2"]
    W = np.zeros((len(vocab), 1), dtype=np.float32)
    W[1:6, 0] = [1.0, 0.1, 0.8, -0.2, 0.05]
    W[6:, 0] = cluster_weight
    path = tmp_path / "m.npz"
    np.savez_compressed(
        path,
        feature_version=np.int64(learned.FEATURE_VERSION),
        vocab=np.frombuffer("\n".join(vocab).encode(), dtype=np.uint8),
        families=np.frombuffer(b"credentials", dtype=np.uint8),
        W=W,
        b=np.zeros(1, np.float32),
        thresholds=np.full(1, 0.5, np.float32),
        scale=np.frombuffer(b"log", dtype=np.uint8),
        clusters=np.int64(clusters),
    )
    return learned.FamilyModel(path)


def test_a_head_with_no_weight_on_clusters_scores_exactly_as_without_them(tmp_path, monkeypatch):
    monkeypatch.setattr(learned, "load_clusters", lambda path=None: dict(CLUSTERS))
    feats = {"w:our": 0, "w:team": 0, "w:passcode": 0, "w:is": 0, "b:passcode is": 0}
    plain = _tiny_model(tmp_path, clusters=False, cluster_weight=0.0)
    assert plain.clusters == {}
    with_zero = _tiny_model(tmp_path, clusters=True, cluster_weight=0.0)
    assert with_zero.clusters
    m0, r0 = plain.margin(feats, "official")
    m1, r1 = with_zero.margin(feats, "official")
    assert m0.tobytes() == m1.tobytes() and r0.tolist() == r1.tolist()
    # with weight on the clusters the score moves, and the batch path agrees with the single one
    weighted = _tiny_model(tmp_path, clusters=True, cluster_weight=0.3)
    m2, _ = weighted.margin(feats, "official")
    assert m2[0] > m1[0]
    ((mb, _rb),) = weighted.margins([feats], ["official"])
    assert mb.tobytes() == m2.tobytes()


def test_cluster_features_do_not_count_as_known_words(tmp_path, monkeypatch):
    # MIN_KNOWN asks for enough *words* the model knows; cluster features must not make a
    # two-word post look like a long one
    monkeypatch.setattr(learned, "load_clusters", lambda path=None: dict(CLUSTERS))
    m = _tiny_model(tmp_path, clusters=True, cluster_weight=5.0)
    margin, rows = m.margin({"w:passcode": 0, "b:passcode is": 0}, "official")
    assert len(rows) < learned.MIN_KNOWN and margin[0] <= -1.0


def test_the_shipped_cluster_file_is_whole():
    if not learned.CLUSTERS_PATH.exists():
        pytest.skip("no cluster file (data/build_word_clusters.py writes it)")
    lines = [ln for ln in learned.CLUSTERS_PATH.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    pairs = [ln.split(" ") for ln in lines]
    assert all(len(p) == 2 and p[1].isdigit() for p in pairs)
    words = [p[0] for p in pairs]
    assert len(words) == len(set(words)) > 40000
    assert words == sorted(words) and all(w == w.lower() for w in words)


def test_the_shipped_model_reads_clusters_of_the_shipped_file():
    model = learned.load()
    assert model is not None, learned.status()
    if not model.uses_clusters:
        pytest.skip("the shipped model has no cluster features")
    known = {
        "k" + ln.split(" ")[1] for ln in learned.CLUSTERS_PATH.read_text(encoding="utf-8").splitlines() if ln[:1] != "#"
    }
    used = {c for f in model.index if f[:2] == "k:" for c in [f[2:]]}
    assert used and used <= known


def test_a_broken_cluster_file_leaves_the_engine_working(monkeypatch, tmp_path):
    bad = tmp_path / "word_clusters.txt"
    bad.write_text("password\n", encoding="utf-8")  # no cluster number
    monkeypatch.setattr(learned, "CLUSTERS_PATH", bad)
    monkeypatch.setattr(learned, "_LOADED", False)
    monkeypatch.setattr(learned, "_MODEL", None)
    with np.load(learned.MODEL_PATH) as z:
        if "clusters" not in z.files or not int(z["clusters"]):
            pytest.skip("the shipped model has no cluster features")
    assert learned.load() is None and "unavailable" in learned.status()
    found = check("The door code is 4471 for tonight", Context("x", "official"))
    assert any(f.family == "credentials" for f in found)  # the rules still work


def test_safetensors_reader_round_trip(tmp_path):
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([1, 2], dtype=np.int64)
    header = {
        "a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
        "b": {"dtype": "I64", "shape": [2], "data_offsets": [24, 40]},
        "__metadata__": {},
    }
    raw = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(len(raw).to_bytes(8, "little") + raw + a.tobytes() + b.tobytes())
    got = load_safetensors(path)
    assert set(got) == {"a", "b"} and np.array_equal(got["a"], a) and np.array_equal(got["b"], b)
