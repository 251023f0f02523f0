from datetime import timedelta

import pytest
from django.utils import timezone

from townhall.audit.models import AuditEntry
from townhall.listening.models import Mention, MentionMatch, Source
from townhall.listening.pipeline import Pipeline
from townhall.listening.types import Batch, IncomingPost


def post(rid, text, **kw):
    kw.setdefault("author_handle", "someone.bsky.social")
    kw.setdefault("created_at", timezone.now() - timedelta(minutes=5))
    return IncomingPost(network="bluesky", remote_id=rid, text=text, **kw)


@pytest.mark.django_db
def test_only_matching_posts_are_stored_with_enrichment(search):
    s = search("physics OR #openday")
    source = Source.objects.create(kind="bluesky", name="fh")
    result = Pipeline.load().run(
        Batch([post("1", "I love the physics department, great teaching!"), post("2", "cats and dogs")], "42"),
        source,
    )
    assert result.stored == 1 and result.posts == 2 and result.matched == 1
    m = Mention.objects.get()
    assert m.remote_id == "1"
    assert m.sentiment == "positive"
    assert m.lang == "en"
    assert list(m.searches.all()) == [s]
    assert m.terms == ["word:physics"]
    source.refresh_from_db()
    assert source.cursor == "42" and source.posts_stored == 1 and source.events_seen == 2


@pytest.mark.django_db
def test_questions_need_a_reply(search):
    search("physics")
    Pipeline.load().run(Batch([post("q", "When is the physics open day? Does anyone know?",
                                    to_handles=("example.ac.uk",))], None))
    m = Mention.objects.get()
    assert m.is_question and m.needs_reply


@pytest.mark.django_db
def test_never_store_handles_are_dropped_before_storage(search, make_user):
    from townhall.listening.services import add_never_store

    search("physics")
    staff = make_user()
    add_never_store(staff, "@Amara.bsky.social")
    result = Pipeline.load().run(Batch([post("1", "physics rocks", author_handle="amara.bsky.social"),
                                        post("2", "physics rocks too")], None))
    assert result.never_stored == 1 and result.stored == 1
    assert not Mention.objects.filter(author_handle="amara.bsky.social").exists()
    # the audit never names the personal handle
    assert not AuditEntry.objects.filter(after__icontains="amara").exists()


@pytest.mark.django_db
def test_adding_a_handle_deletes_what_was_stored(search, make_user):
    from townhall.listening.services import add_never_store

    search("physics")
    Pipeline.load().run(Batch([post("1", "physics", author_handle="ben.bsky.social")], None))
    assert Mention.objects.count() == 1
    ben = make_user()
    add_never_store(ben, "ben.bsky.social", "bluesky")
    assert Mention.objects.count() == 0
    with pytest.raises(ValueError, match="already"):  # the same person twice (another person may list it too)
        add_never_store(ben, "ben.bsky.social", "bluesky")
    with pytest.raises(ValueError, match="without spaces"):
        add_never_store(make_user(), "ben smith")


@pytest.mark.django_db
def test_duplicates_by_id_and_near_identical_text(search):
    search("physics")
    text = "The physics department has opened a brand new quantum lab today https://t.co/abc"
    p = Pipeline.load()
    p.run(Batch([post("1", text), post("1", text)], None))
    assert Mention.objects.count() == 1
    p.run(Batch([post("1", text)], None))  # replayed after a restart
    assert Mention.objects.count() == 1
    # a repost with a different link and handle prefix is the same mention, counted as a repeat
    p.run(Batch([post("2", "RT @x: The Physics department has opened a brand new quantum lab today! https://b.ly/z")],
                None))
    assert Mention.objects.count() == 1
    assert Mention.objects.get().repeats == 1
    # short texts are not merged
    p.run(Batch([post("3", "physics!"), post("4", "Physics.")], None))
    assert Mention.objects.count() == 3


@pytest.mark.django_db
def test_retention_per_search_and_global(search, settings):
    from townhall.listening.services import enforce_retention, update_search

    settings.TOWNHALL_LISTENING_RETENTION_DAYS = 30
    short = search("physics", retention_days=7)
    search("chemistry")
    old = timezone.now() - timedelta(days=10)
    p = Pipeline.load()
    p.run(Batch([post("1", "physics news", created_at=old), post("2", "chemistry news", created_at=old),
                 post("3", "physics and chemistry", created_at=old)], None))
    assert Mention.objects.count() == 3
    assert enforce_retention() == 1  # only the physics-only one: 10 days > 7
    assert set(Mention.objects.values_list("remote_id", flat=True)) == {"2", "3"}
    assert AuditEntry.objects.filter(action="listening.retention").exists()
    update_search(short.owners.first(), short, retention_days=60)
    assert enforce_retention(timezone.now() + timedelta(days=25)) == 1  # "2" (global 30 days) goes


@pytest.mark.django_db
def test_subject_access_export_and_erasure(search, team, make_user):
    from django.core.exceptions import PermissionDenied

    from townhall.listening.services import erase_handle, export_handle

    search("physics")
    Pipeline.load().run(Batch([post("1", "physics!", author_handle="carol.bsky.social"),
                               post("2", "physics?", author_handle="dave.bsky.social")], None))
    data = export_handle(team, "@Carol.bsky.social")
    assert [m["id"] for m in data["mentions"]] == ["1"]
    assert data["mentions"][0]["matched_searches"] == ["physics"]
    assert AuditEntry.objects.filter(action="listening.export").exists()
    with pytest.raises(PermissionDenied):
        export_handle(make_user(), "carol.bsky.social")
    assert erase_handle(team, "carol.bsky.social") == 1
    assert Mention.objects.count() == 1


@pytest.mark.django_db
def test_search_validation_and_audit(search, team, official):
    from townhall.listening.query import QuerySyntaxError
    from townhall.listening.services import create_search, delete_search, update_search

    with pytest.raises(QuerySyntaxError) as info:
        create_search(team, "bad", "to:nobody.example.com")
    assert info.value.position == 0 and "not an official account" in info.value.message
    s = create_search(team, "ours", "to:example.ac.uk OR physics")
    update_search(team, s, query="physics OR chemistry")
    assert AuditEntry.objects.filter(action="listening.search.create").exists()
    edit = AuditEntry.objects.get(action="listening.search.edit")
    assert edit.before["query"] == "to:example.ac.uk OR physics"
    Pipeline.load().run(Batch([post("1", "physics")], None))
    assert delete_search(team, s) == 1
    assert not MentionMatch.objects.exists()
    with pytest.raises(ValueError, match="between 1"):
        create_search(team, "x", "x", retention_days=0)


@pytest.mark.django_db
def test_a_broken_stored_query_does_not_stop_the_pipeline(search):
    from townhall.listening.models import SavedSearch

    search("physics")
    SavedSearch.objects.create(name="legacy", query="(broken")
    result = Pipeline.load().run(Batch([post("1", "physics")], None))
    assert result.stored == 1


@pytest.mark.django_db
def test_a_nul_character_in_a_post_is_dropped_not_the_batch(search):
    """PostgreSQL text cannot hold U+0000: one such post must not fail its whole batch."""
    search("physics")
    source = Source.objects.create(kind="bluesky", name="fh")
    result = Pipeline.load().run(
        Batch(
            [
                post("n1", "physics\x00 open day", author_name="A\x00B", to_handles=("x\x00.bsky.social",)),
                post("n2", "physics lab tour today"),
            ],
            "7",
        ),
        source,
    )
    assert result.stored == 2
    m = Mention.objects.get(remote_id="n1")
    assert m.text == "physics open day" and m.author_name == "AB" and m.to_handles == ["x.bsky.social"]
    source.refresh_from_db()
    assert source.cursor == "7"
