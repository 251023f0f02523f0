import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from townhall.core import periodic
from townhall.listening.models import Mention, Source

from .servers import http_server


@pytest.mark.django_db(transaction=True)
def test_listening_tasks_are_scheduled_and_run_by_the_worker(search):
    from townhall.core.models import PeriodicState
    from townhall.listening.pipeline import Pipeline
    from townhall.listening.types import Batch, IncomingPost

    periodic.discover()
    names = set(periodic.REGISTRY)
    assert {"townhall.listening.tasks.poll_sources", "townhall.listening.tasks.enforce_retention",
            "townhall.listening.tasks.detect_spikes"} <= names
    search("physics", retention_days=1)
    old = timezone.now() - timedelta(days=3)
    Pipeline.load().run(Batch([IncomingPost("bluesky", "old", "physics long ago", created_at=old),
                               IncomingPost("bluesky", "new", "physics today")], None))
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title><item><title>physics news</title>'
           b"<guid>g1</guid><link>http://n/1</link></item></channel></rss>")
    with http_server(lambda h, p, q: (200, {"Content-Type": "application/rss+xml"}, rss)) as server:
        Source.objects.create(kind="feed", name="news", config={"url": server.url + "/f"})
        PeriodicState.objects.all().delete()
        call_command("worker", burst=True, interval=0)
        feed_url = server.url + "/f"
    assert set(Mention.objects.values_list("remote_id", flat=True)) == {"new", f"{feed_url}#g1"}  # a feed's own id


@pytest.mark.django_db
def test_listen_command(search, tmp_path, capsys):
    search("physics")
    f = tmp_path / "export.json"
    f.write_text(json.dumps([{"text": "physics from a file", "author": "x"}, {"text": ""}]))
    call_command("listen", import_path=str(f))
    out = json.loads(capsys.readouterr().out)
    assert out["stored"] == 1 and out["errors"] == ["item 2: no text"]
    with pytest.raises(CommandError, match="Say which source"):
        call_command("listen")
    with pytest.raises(CommandError, match="No source 'nope'"):
        call_command("listen", source="nope")
    bad = tmp_path / "x.txt"
    bad.write_text("x")
    with pytest.raises(CommandError, match=r"\.csv or \.json"):
        call_command("listen", import_path=str(bad))
    broken = tmp_path / "b.json"
    broken.write_text("{")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("listen", import_path=str(broken))
