"""Mentions that used to go missing before they reached the inbox (reliability review of 2026-12-06)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from townhall.inbox.models import Conversation
from townhall.listening.models import Mention
from townhall.listening.pipeline import Pipeline
from townhall.listening.types import Batch, IncomingPost

pytestmark = [pytest.mark.django_db]
QUESTION = "When will the physics exam results be published this year?"


def _post(rid: str, text: str, author: str, to: tuple[str, ...] = ("physics.example.ac.uk",)) -> IncomingPost:
    return IncomingPost("bluesky", f"at://did:plc:x/app.bsky.feed.post/{rid}", text, author_handle=author,
                        to_handles=to, created_at=timezone.now())


def test_two_people_asking_the_same_question_are_two_conversations(feed):
    feed((QUESTION, "alice.bsky.social"))
    Pipeline.load().run(Batch([_post("bob1", QUESTION, "bob.bsky.social")], None))
    assert Mention.objects.count() == 2
    assert sorted(Conversation.objects.values_list("mention__author_handle", flat=True)) == [
        "alice.bsky.social", "bob.bsky.social"]


def test_one_persons_repeated_copies_still_merge(feed):
    feed((QUESTION, "alice.bsky.social"))
    Pipeline.load().run(Batch([_post("again", QUESTION, "alice.bsky.social")], None))
    assert Mention.objects.count() == 1 and Mention.objects.get().repeats == 1
    assert Conversation.objects.count() == 1


def test_a_copy_addressed_to_the_account_is_not_merged_into_an_unaddressed_repost(feed, make_user, units):
    from townhall.listening.services import create_search

    create_search(make_user(role="digital", unit=units["school"]), "physics", "physics")
    text = "The physics department has opened a brand new quantum lab today"
    pipeline = Pipeline.load()
    pipeline.run(Batch([_post("press", text, "press.bsky.social", to=())], None))
    pipeline.run(Batch([_post("dan", "@physics.example.ac.uk " + text, "dan.bsky.social")], None))
    assert Conversation.objects.filter(mention__author_handle="dan.bsky.social").exists()


def test_a_reply_in_ones_own_thread_that_tags_the_account_reaches_the_inbox(feed):
    """Bluesky names the parent's author among those a reply addresses: here, the writer."""
    text = "2/2 @physics.example.ac.uk why has nobody answered my email about my grade?"
    Pipeline.load().run(Batch([_post("erin", text, "erin.bsky.social", to=("erin.bsky.social",
                                                                             "physics.example.ac.uk"))], None))
    assert Conversation.objects.filter(mention__author_handle="erin.bsky.social").count() == 1


def test_the_account_talking_to_itself_still_opens_nothing(feed):
    text = "Thread 2/2: and the open day starts at ten, do come along and ask us anything"
    Pipeline.load().run(Batch([_post("self", text, "physics.example.ac.uk",
                                     to=("physics.example.ac.uk",))], None))
    assert not Conversation.objects.exists()


def test_a_second_reply_while_the_first_is_with_publishing_is_refused(feed, account):
    from townhall.inbox import services

    feed((QUESTION, "alice.bsky.social"))
    conversation = Conversation.objects.get()
    services.reply(account.owner, conversation, "Results are out on the 14th.")
    with pytest.raises(ValueError, match="already with publishing"):
        services.reply(account.owner, conversation, "Results are out on the 14th.")
    from townhall.publishing.models import Post

    assert Post.objects.count() == 1


def test_a_rejected_reply_puts_the_conversation_back_in_the_queue(feed, account, make_user):
    from townhall.audit.models import AuditEntry
    from townhall.inbox import services
    from townhall.inbox.tasks import reopen_conversations_with_unsent_replies
    from townhall.publishing import services as publishing
    from townhall.publishing.models import Post

    feed((QUESTION, "alice.bsky.social"))
    conversation = Conversation.objects.get()
    conversation, _ = services.reply(account.owner, conversation, "Results are out on the 14th.")
    assert services.reopen_unsent_replies() == 0  # waiting for approval: still answered
    reviewer = make_user(role="digital")
    publishing.reject(Post.objects.get(pk=conversation.reply_post_id), reviewer, "Not confirmed yet")
    assert reopen_conversations_with_unsent_replies.call() == 1
    conversation.refresh_from_db()
    assert conversation.status == "open"
    assert AuditEntry.objects.filter(action="inbox.reopened").count() == 1
    assert services.reopen_unsent_replies() == 0  # once
    conversation, _ = services.reply(account.owner, conversation, "Results are out on the 15th.")  # may answer again
    assert conversation.status == "answered" and Post.objects.count() == 2
