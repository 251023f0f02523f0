import pytest

from townhall.listening.models import Alert, Mention, SavedSearch


@pytest.mark.django_db
def test_demo_is_idempotent_and_has_a_spike(verified_client):
    from townhall.core.demo import load_demo
    from townhall.inbox.models import Conversation

    people = load_demo()
    n = Mention.objects.count()
    assert n >= 250
    assert SavedSearch.objects.filter(system=True).exists()
    assert Alert.objects.filter(kind="volume").exists()
    load_demo()
    assert Mention.objects.count() == n
    client = verified_client(people["dana"])
    assert client.get("/listening/").status_code == 200
    assert client.get("/inbox/").status_code == 200
    if Conversation.objects.exists():
        assert Conversation.objects.filter(status="answered").exists()
