"""Publishing on the worker: one task per delivery (queue "publish") and a periodic sweep.

The task is enqueued when a post is approved (deferred to its due time); the sweep, every
minute, picks up anything the task missed: deliveries whose enqueue was lost, retries
after back-off, and deliveries left mid-publish by a worker that died.
"""

from __future__ import annotations

from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic


@task(queue_name="publish")
def publish_delivery(delivery_id: int) -> str:
    from townhall.publishing import publisher

    return publisher.run(delivery_id)


@periodic(every=timedelta(minutes=1))
@task(queue_name="publish")
def publish_due_posts() -> dict[str, int]:
    """Publish every due delivery, concurrently (safe to run while other workers do the same).

    A worker running its publishing loop (`townhall worker`) already does this every
    second; this periodic sweep is the safety net for `--burst` runs and queue-only workers.
    """
    from townhall.publishing import dispatch

    return dispatch.publish_due()


@periodic(every=timedelta(hours=1))
@task()
def refresh_post_metrics() -> dict[str, int]:
    """Likes, reposts, replies of recently published posts (see publishing.metrics)."""
    from townhall.publishing import metrics

    return metrics.refresh()
