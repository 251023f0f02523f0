import pytest
from django.core.exceptions import PermissionDenied

from townhall.audit.models import AuditEntry
from townhall.inbox import selectors, services
from townhall.inbox.models import Conversation


@pytest.mark.django_db
def test_replies_to_official_accounts_become_conversations_questions_first(feed, account):
    feed(
        ("Thanks for the great lecture @physics.example.ac.uk", "fan.bsky.social"),
        ("Your website is down again, terrible service", "angry.bsky.social"),
        ("When does the physics open day start? @physics.example.ac.uk", "asker.bsky.social"),
        ("talking to myself", "physics.example.ac.uk"),
    )
    convs = list(selectors.queue(account.owner, status="all"))
    assert len(convs) == 3  # the account's own post is not a conversation
    assert convs[0].mention.author_handle == "asker.bsky.social" and convs[0].is_question
    statuses = {c.mention.author_handle: c.status for c in convs}
    assert statuses["asker.bsky.social"] == "open"
    assert statuses["fan.bsky.social"] == "no_reply"
    assert statuses["angry.bsky.social"] == "open"  # a complaint to the account needs an answer
    assert next(c.mention.author_handle for c in selectors.queue(account.owner)) == "asker.bsky.social"


@pytest.mark.django_db
def test_assign_status_reply_and_time_to_first_response(feed, account, make_user):
    feed(("Where can I find the physics timetable?", "student.bsky.social"))
    conv = Conversation.objects.get()
    owner = account.owner
    outsider = make_user()
    with pytest.raises(PermissionDenied):
        services.assign(outsider, conv, outsider)
    with pytest.raises(ValueError, match="not an owner"):
        services.assign(owner, conv, outsider)
    services.assign(owner, conv, owner)
    with pytest.raises(ValueError, match="empty"):
        services.reply(owner, conv, "  ")
    conv, findings = services.reply(owner, conv, "It is on the department web page under Teaching.")
    assert conv.status == "answered" and conv.first_response_at is not None
    assert isinstance(findings, list)
    from townhall.publishing.models import Post

    post = Post.objects.get(pk=conv.reply_post_id)
    assert post.status == "submitted" and post.text == "It is on the department web page under Teaching."
    assert post.in_reply_to == conv.mention.remote_id and post.in_reply_to
    assert list(post.accounts.all()) == [conv.account]
    stats = selectors.response_stats(owner)
    assert stats["answered"] == 1 and stats["median_hours"] is not None
    assert AuditEntry.objects.filter(action="inbox.reply").exists()
    assert AuditEntry.objects.filter(action="inbox.assign").exists()
    services.set_status(owner, conv, "no_reply")
    with pytest.raises(ValueError, match="Unknown status"):
        services.set_status(owner, conv, "maybe")


@pytest.mark.django_db
def test_inbox_pages(feed, account, verified_client, make_user):
    feed(("Is the physics library open on Sunday?", "q.bsky.social"))
    client = verified_client(account.owner)
    r = client.get("/inbox/")
    assert r.status_code == 200 and "Is the physics library open" in r.content.decode()
    conv = Conversation.objects.get()
    r = client.post(f"/inbox/{conv.pk}/", {"action": "check", "text": "Yes, 10 to 4."})
    assert r.status_code == 200 and "policy" in r.content.decode()
    r = verified_client(make_user()).get("/inbox/")
    assert r.status_code == 200 and "You do not own an" in r.content.decode()
    assert "Is the physics library" not in r.content.decode()


@pytest.mark.django_db
def test_retention_removes_conversations_with_their_mention(feed, account):
    from datetime import timedelta

    from django.utils import timezone

    from townhall.listening.services import enforce_retention

    feed(("Why is the physics lab closed?", "x.bsky.social"))
    assert Conversation.objects.count() == 1
    enforce_retention(timezone.now() + timedelta(days=400))
    assert Conversation.objects.count() == 0


def test_response_time_reads_like_a_person_wrote_it():
    from datetime import UTC, datetime, timedelta

    start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    conv = Conversation(received_at=start)
    assert conv.response_time_text == ""
    for waited, text in [(timedelta(minutes=50), "50 min"), (timedelta(hours=5), "5 h"),
                         (timedelta(hours=5, minutes=10), "5 h 10 min"), (timedelta(days=2, hours=3), "2 days 3 h"),
                         (timedelta(days=1), "1 day 0 h")]:
        conv.first_response_at = start + waited
        assert conv.response_time_text == text
