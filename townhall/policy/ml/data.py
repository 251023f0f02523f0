"""Loaders for the labelled data under ``--data`` (see /work/shared/data/README.md).

Training/evaluation only; the runtime never reads these files.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

STANCE_TOPICS = ("abortion", "atheism", "climate", "feminist", "hillary")


def _read_lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh]


def read_split(folder: Path, split: str) -> tuple[list[str], list[int]]:
    """``{split}_text.txt`` / ``{split}_labels.txt`` pair (TweetEval layout)."""
    texts = _read_lines(folder / f"{split}_text.txt")
    labels = [int(x) for x in _read_lines(folder / f"{split}_labels.txt") if x.strip() != ""]
    texts = texts[: len(labels)]
    if len(texts) != len(labels):
        raise ValueError(f"{folder}/{split}: {len(texts)} texts vs {len(labels)} labels")
    return texts, labels


def tweeteval(data: Path, task: str, split: str) -> tuple[list[str], list[int]]:
    return read_split(data / "tweeteval" / task, split)


def stance(data: Path, split: str) -> tuple[list[str], list[int], list[str]]:
    """All stance topics pooled: texts, labels (0 none, 1 against, 2 favor), topic per text."""
    texts: list[str] = []
    labels: list[int] = []
    topics: list[str] = []
    for topic in STANCE_TOPICS:
        t, y = read_split(data / "tweeteval" / "stance" / topic, split)
        texts += t
        labels += y
        topics += [topic] * len(t)
    return texts, labels, topics


def xlmt_sentiment(data: Path, split: str) -> tuple[list[str], list[int]]:
    return read_split(data / "sentiment-xlmt-en", split)


def davidson(data: Path, part: str, seed: int = 13) -> tuple[list[str], list[int]]:
    """Davidson et al. with a seeded 80/10/10 train/val/heldout split; label 1 = hate or offensive."""
    with (data / "davidson" / "labeled_data.csv").open(encoding="utf-8", newline="") as fh:
        rows = [(r["tweet"], 0 if r["class"] == "2" else 1) for r in csv.DictReader(fh)]
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    n = len(order)
    cut = {"train": order[: int(0.8 * n)], "val": order[int(0.8 * n) : int(0.9 * n)],
           "heldout": order[int(0.9 * n) :]}[part]
    return [rows[i][0] for i in cut], [rows[i][1] for i in cut]
