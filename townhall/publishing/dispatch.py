"""Sending many deliveries at once from one worker, safely.

Deliveries to different accounts go out concurrently, so a morning burst across 200
accounts leaves within seconds instead of queueing one network round trip after another.
The rules (after healthchecks' `sendalerts`):

1. **Bounded**: at most `TOWNHALL_PUBLISH_CONCURRENCY` deliveries in flight per worker,
   and at most `TOWNHALL_PUBLISH_NETWORK_LIMITS[network]` to one network, so a burst
   never floods a server's rate limits.
2. **One account, one at a time**: a worker never sends two deliveries of the same
   account at once (posts keep their order, and one account's token is one rate limit).
3. **Exactly once is the publisher's**: each delivery is still claimed by a conditional
   UPDATE (`publisher._claim`), so two workers, or the task and the sweep, never both send.
4. **One bad delivery stops nothing**: `publisher.run` turns every failure into a state
   a person sees; anything that still escapes is logged here and the sweep goes on.
5. **Stops cleanly**: `stop` (set on SIGTERM/SIGINT by the worker) ends the loop after the
   calls in flight have finished; nothing new is started.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from django.conf import settings
from django.db import connection, connections

from townhall.publishing import publisher

log = logging.getLogger("townhall.publishing.dispatch")

# A delivery that was due but could not be claimed is looked at again after this long.
RECHECK_SECONDS = 10.0
# The due deliveries read at once are kept and started from for up to this long (or until
# used up), instead of being read again each time a send finishes: during a burst that read
# was a third of the worker's work. A stale entry costs nothing: the claim refuses it.
REREAD_SECONDS = 1.0


class Dispatcher:
    def __init__(self, concurrency: int | None = None, network_limits: dict[str, int] | None = None) -> None:
        self.concurrency = concurrency or int(settings.TOWNHALL_PUBLISH_CONCURRENCY)
        self.network_limits = dict(network_limits or settings.TOWNHALL_PUBLISH_NETWORK_LIMITS)
        self._pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="publish")
        self._lock = threading.Lock()
        self._inflight: dict[Future, tuple[int, int, str]] = {}
        self.outcomes: Counter[str] = Counter()
        self.max_in_flight = 0
        self._connections: dict[int, object] = {}  # each pool thread's database connection, closed on close()
        self._due: list[tuple[int, int, str]] = []  # due deliveries last read, not yet started here
        self._due_read_at = float("-inf")

    # --- the loop -----------------------------------------------------------------------------

    def sweep(self, *, stop: threading.Event | None = None, poll: float = 1.0, until_idle: bool = True) -> Counter:
        """Send every due delivery; with `until_idle` return when none is due or in flight.

        Without it (the worker's publishing loop) keep polling every `poll` seconds until `stop`.
        """
        import time

        not_before: dict[int, float] = {}
        while True:
            if stop is not None and stop.is_set():
                break
            started = self._fill(not_before, until_idle)
            if until_idle and not started and not self._inflight:
                break
            if self._inflight:
                done, _ = wait(list(self._inflight), timeout=poll, return_when=FIRST_COMPLETED)
                for future in done:
                    self._finish(future, not_before, until_idle)
            elif stop is not None:
                stop.wait(poll)
            else:
                time.sleep(poll)
        for future in list(self._inflight):  # stopping: let the calls in flight finish
            future.result()
            self._finish(future, not_before, until_idle)
        return self.outcomes

    def close(self) -> None:
        """Stop the pool, then close its threads' database connections (a dropped test database
        or a restarted server must not find them still open)."""
        self._pool.shutdown(wait=True)
        for wrapper in self._connections.values():
            wrapper.inc_thread_sharing()  # closed from this thread, once its own has ended
            try:
                wrapper.close()
            finally:
                wrapper.dec_thread_sharing()
        self._connections.clear()

    # --- internals ----------------------------------------------------------------------------

    def _fill(self, not_before: dict[int, float], until_idle: bool) -> int:
        """Start due deliveries while there is room; returns how many were started."""
        import time

        free = self.concurrency - len(self._inflight)
        if free <= 0:
            return 0
        busy_accounts = {account for _pk, account, _net in self._inflight.values()}
        per_network = Counter(net for _pk, _account, net in self._inflight.values())
        busy_pks = {pk for pk, _account, _net in self._inflight.values()}
        now = time.monotonic()
        started = 0
        if not self._due or now - self._due_read_at >= REREAD_SECONDS:
            try:
                self._due = publisher.due_batch(limit=max(100, 4 * self.concurrency))
            except Exception:  # the database may be briefly away: try again next poll
                log.exception("could not read due deliveries")
                connection.close()
                self._due = []
                return 0
            self._due_read_at = now
        batch = self._due
        batch_started: set[int] = set()
        for pk, account, network in batch:
            if started >= free:
                break
            if pk in busy_pks or account in busy_accounts or not_before.get(pk, 0) > now:
                continue
            if per_network[network] >= self.network_limits.get(network, self.concurrency):
                continue
            if connection.in_atomic_block:
                # Called inside a transaction (a test, a shell): other threads could not see its
                # uncommitted rows, so send here, one at a time.
                future = Future()
                future.set_result(self._run_inline(pk))
            else:
                future = self._pool.submit(self._run_one, pk)
            self._inflight[future] = (pk, account, network)
            batch_started.add(pk)
            busy_accounts.add(account)
            per_network[network] += 1
            started += 1
        if batch_started:
            self._due = [row for row in self._due if row[0] not in batch_started]
        self.max_in_flight = max(self.max_in_flight, len(self._inflight))
        return started

    def _run_one(self, delivery_id: int) -> str:
        """Send one delivery on a pool thread, keeping the thread's connection between deliveries.

        Opening a connection per delivery (a new PostgreSQL backend each time) cost more than the
        delivery's own queries; the connection is kept as Django keeps a request thread's
        (CONN_MAX_AGE, health checks), dropped after a database error, and closed by `close`.
        """
        try:
            return publisher.run(delivery_id)
        except Exception:  # run() handles a delivery's own trouble; this is the database failing
            log.exception("delivery %s: publishing failed outside the connector", delivery_id)
            connection.close()
            return "error"
        finally:
            connection.close_if_unusable_or_obsolete()
            with self._lock:
                self._connections[threading.get_ident()] = connections["default"]

    @staticmethod
    def _run_inline(delivery_id: int) -> str:
        try:
            return publisher.run(delivery_id)
        except Exception:
            log.exception("delivery %s: publishing failed outside the connector", delivery_id)
            return "error"

    def _finish(self, future: Future, not_before: dict[int, float], until_idle: bool) -> None:
        import time

        pk, _account, _network = self._inflight.pop(future)
        self._due = [row for row in self._due if row[0] != pk]  # a read taken while it was in flight
        outcome = future.result()
        self.outcomes[outcome] += 1
        if outcome in ("skipped", "lost-lease", "error"):
            # Due by the query but not ours to send now: not again in this sweep (or for a while).
            not_before[pk] = float("inf") if until_idle else time.monotonic() + RECHECK_SECONDS


def publish_due(**kwargs) -> dict[str, int]:
    """One sweep over every due delivery, concurrently; the outcomes counted."""
    dispatcher = Dispatcher()
    try:
        return dict(dispatcher.sweep(**kwargs))
    finally:
        dispatcher.close()
