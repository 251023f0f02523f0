"""Never-to-store on a source that names authors by id (the Bluesky firehose gives DIDs):
handles are resolved to DIDs up front, and the pipeline fails closed when one cannot be."""

from __future__ import annotations

from townhall.listening.pipeline import Pipeline
from townhall.listening.query import parse
from townhall.listening.runner import bluesky_never_ids
from townhall.listening.types import IncomingPost


class Directory:
    """Stands in for the PLC directory (the real one is exercised in test_e2e_pds.py)."""

    def __init__(self, dids: dict[str, str]):
        self.dids = dids
        self.known: dict[str, str] = {}
        self.asked: list[str] = []

    def did_of(self, handle: str) -> str:
        return next((d for d, h in self.known.items() if h == handle), "")

    def resolve_handle(self, handle: str) -> str:
        self.asked.append(handle)
        did = self.dids.get(handle, "")
        if did:
            self.known[did] = handle
        return did


def post(author_id: str, handle: str = "") -> IncomingPost:
    return IncomingPost(network="bluesky", remote_id=f"at://{author_id}/app.bsky.feed.post/1",
                        text="Example University physics open day", author_id=author_id,
                        author_handle=handle or author_id)


def pipeline(never, directory) -> Pipeline:
    ids, unresolved = bluesky_never_ids(never, directory)
    return Pipeline([(1, parse("physics"))], never + ids, drop_unresolved=frozenset(unresolved))


def test_a_personal_account_is_dropped_by_did_even_when_its_handle_is_not_known():
    directory = Directory({"dave.example.com": "did:plc:dave"})
    p = pipeline([("dave.example.com", "bluesky"), ("@dave@mastodon.social", "")], directory)
    kept = p.select([post("did:plc:dave"), post("did:plc:someone")])
    assert [s.post.author_id for s in kept] == ["did:plc:someone"]
    assert directory.asked == ["dave.example.com"]  # the Mastodon handle is not looked up on Bluesky


def test_an_unresolvable_never_to_store_handle_makes_the_pipeline_fail_closed():
    p = pipeline([("gone.example.com", "")], Directory({}))
    kept = p.select([post("did:plc:unknown"), post("did:plc:known", "known.bsky.social")])
    assert [s.post.author_handle for s in kept] == ["known.bsky.social"]  # only authors we can name
    mastodon = IncomingPost(network="mastodon", remote_id="1", text="physics", author_handle="", author_id="42")
    assert p.select([mastodon])  # other networks are unaffected


def test_nothing_is_dropped_when_every_handle_resolves():
    p = pipeline([("dave.example.com", "")], Directory({"dave.example.com": "did:plc:dave"}))
    assert len(p.select([post("did:plc:a"), post("did:plc:b")])) == 2
