"""Build real firehose bytes (CAR files, #commit frames) with the atproto SDK's CBOR codec.

libipld (the SDK's DAG-CBOR codec) encodes plain values; CID links need CBOR tag 42,
which we splice in around unique placeholder byte strings. The CAR v1 layout (varint-
prefixed header and blocks) is three lines. The SDK's own `CAR.from_bytes` and
`Frame.from_bytes` read the result back, so these are the bytes a relay sends.
"""

from __future__ import annotations

import hashlib
import itertools

import libipld

_counter = itertools.count(1)


def cid_for(data: bytes) -> bytes:
    """CIDv1, dag-cbor codec, sha2-256: how atproto addresses records."""
    return b"\x01\x71\x12\x20" + hashlib.sha256(data).digest()


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        out.append(b | 0x80 if n else b)
        if not n:
            return bytes(out)


def _bytes_header(n: int) -> bytes:
    if n < 24:
        return bytes([0x40 + n])
    if n < 256:
        return bytes([0x58, n])
    if n < 65536:
        return bytes([0x59]) + n.to_bytes(2, "big")
    return bytes([0x5A]) + n.to_bytes(4, "big")


class Link:
    def __init__(self, cid: bytes):
        self.cid = cid


def encode(obj) -> bytes:
    """DAG-CBOR with Link(...) values encoded as tag-42 CIDs and raw bytes kept intact."""
    slots: dict[bytes, bytes] = {}

    def walk(v):
        if isinstance(v, Link):
            key = b"LINK%08d" % next(_counter)
            payload = b"\x00" + v.cid
            slots[key] = b"\xd8\x2a" + _bytes_header(len(payload)) + payload
            return key
        if isinstance(v, bytes) and len(v) > 40:
            key = b"BLOB%08d" % next(_counter)
            slots[key] = _bytes_header(len(v)) + v
            return key
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    raw = libipld.encode_dag_cbor(walk(obj))
    for key, value in slots.items():
        raw = raw.replace(_bytes_header(len(key)) + key, value)
    return raw


def car(root: bytes, blocks: list[tuple[bytes, bytes]]) -> bytes:
    header = encode({"version": 1, "roots": [Link(root)]})
    out = varint(len(header)) + header
    for cid, data in blocks:
        out += varint(len(cid) + len(data)) + cid + data
    return out


def post_record(text: str, *, created: str = "2026-03-01T12:00:00.000Z", langs=None, reply_parent=None,
                mention_dids=()) -> dict:
    rec = {"$type": "app.bsky.feed.post", "text": text, "createdAt": created}
    if langs:
        rec["langs"] = list(langs)
    if reply_parent:
        ref = {"uri": reply_parent, "cid": "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"}
        rec["reply"] = {"root": ref, "parent": ref}
    if mention_dids:
        rec["facets"] = [
            {"index": {"byteStart": 0, "byteEnd": 1},
             "features": [{"$type": "app.bsky.richtext.facet#mention", "did": d}]}
            for d in mention_dids
        ]
    return rec


def commit_frame(seq: int, repo: str, records: list[tuple[str, dict]], *, other_ops=()) -> bytes:
    """A #commit frame creating `records` [(rkey, record)] in collection app.bsky.feed.post."""
    commit_data = libipld.encode_dag_cbor({"did": repo, "version": 3, "rev": f"rev{seq}"})
    commit_cid = cid_for(commit_data)
    blocks = [(commit_cid, commit_data)]
    ops = []
    for rkey, record in records:
        data = libipld.encode_dag_cbor(record)
        cid = cid_for(data)
        blocks.append((cid, data))
        collection = record.get("$type", "app.bsky.feed.post")
        ops.append({"action": "create", "path": f"{collection}/{rkey}", "cid": Link(cid)})
    for action, path in other_ops:
        ops.append({"action": action, "path": path, "cid": None})
    body = {
        "seq": seq,
        "rebase": False,
        "tooBig": False,
        "repo": repo,
        "commit": Link(commit_cid),
        "rev": f"rev{seq}",
        "since": None,
        "blocks": car(commit_cid, blocks),
        "ops": ops,
        "blobs": [],
        "time": "2026-03-01T12:00:00.000Z",
    }
    return libipld.encode_dag_cbor({"op": 1, "t": "#commit"}) + encode(body)


def identity_frame(seq: int, did: str, handle: str) -> bytes:
    body = {"seq": seq, "did": did, "handle": handle, "time": "2026-03-01T12:00:00.000Z"}
    return libipld.encode_dag_cbor({"op": 1, "t": "#identity"}) + encode(body)
