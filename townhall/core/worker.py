"""The task worker's reliability: leases on claimed tasks, bounded retries, clean shutdown.

django_tasks_db's worker claims a task by setting it RUNNING and then records SUCCESSFUL or
FAILED. On its own that loses work in four ways, which this module closes:

- **A worker that dies** (SIGKILL, out of memory, power) leaves its task RUNNING for ever. Each
  worker now keeps a `WorkerHeartbeat` row renewed every quarter of its lease (60 s by default);
  any worker takes back a RUNNING task whose worker's row has expired (`recover_abandoned`) and
  queues it again. A task that has been claimed `MAX_ATTEMPTS` times is a poison task (it kills
  its worker): it is marked FAILED with `WorkerLost` rather than tried for ever.
- **A dropped database connection** (a PostgreSQL restart, a server-side idle timeout) under a
  task used to escape the worker (recording the failure used the dead connection too) and leave
  the task RUNNING. Now the connection is closed and opened again, and a task that failed on the
  database, or raised `Retry`, is queued again after an exponential pause with jitter, at most
  `MAX_ATTEMPTS` times in all: no retry storm, no endless retries.
- **SIGTERM/SIGINT** never exit between claiming a task and running it: the first signal lets the
  task in hand finish; a second one interrupts the task and puts it back in the queue (READY)
  instead of recording it FAILED.
- A worker that lost its claim (it was frozen past its lease and another worker took the task
  over) does not overwrite the other worker's outcome.

Tasks that may run again must be idempotent: a step that must not be repeated (an e-mail to one
person) is wrapped in `once(task_id, step)`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from traceback import format_exception
from types import FrameType
from typing import Any

from django.db import (
    DatabaseError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.tasks.base import TaskContext
from django.tasks.signals import task_finished, task_started
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker as DbWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

log = logging.getLogger("townhall.worker")

LEASE_SECONDS = 60.0
MAX_ATTEMPTS = 5  # claims of one task in all (the first run included)
RETRY_BASE_SECONDS = 5.0
RETRY_MAX_SECONDS = 600.0
READY, RUNNING, FAILED, SUCCESSFUL = "READY", "RUNNING", "FAILED", "SUCCESSFUL"


class Retry(Exception):
    """Raised by a task to be run again later (a transient failure: the mail server is down)."""

    def __init__(self, reason: str = "", after: float | None = None) -> None:
        super().__init__(reason)
        self.after = after


class WorkerLost(Exception):
    """Recorded on a task whose workers died under it too many times."""


class WorkerStopped(BaseException):
    """Raised in a running task by a second SIGTERM/SIGINT: the task goes back to the queue."""


def db_now() -> datetime:
    """The database server's clock (one clock for every worker, whatever each machine's says)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement_timestamp()")
            return cursor.fetchone()[0]
    return timezone.now()


def retry_delay(attempts: int) -> float:
    """Seconds before try number ``attempts + 1``: 5, 10, 20, 40 … up to 10 minutes, ±20 %."""
    base = min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** max(0, attempts - 1))
    return base * random.uniform(0.8, 1.2)


def is_transient(exc: BaseException) -> bool:
    """A failure of the connection rather than of the task (a restart, a dropped socket)."""
    if isinstance(exc, Retry):
        return True
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    return isinstance(exc, DatabaseError) and connection.connection is not None and not _usable()


def _usable() -> bool:
    try:
        return connection.is_usable()
    except Exception:
        return False


def once(task_id: Any, step: str, action: Callable[[], Any]) -> bool:
    """Do ``action`` unless this task already did ``step`` (in an earlier try); True if done now.

    The step is recorded after it is done, so a worker killed between the two repeats that one
    step only; a task retried after a failure repeats none that succeeded."""
    from townhall.core.models import TaskStep

    if TaskStep.objects.filter(task_id=task_id, step=step[:200]).exists():
        return False
    action()
    with contextlib.suppress(IntegrityError), transaction.atomic():
        TaskStep.objects.create(task_id=task_id, step=step[:200])
    return True


def beat(worker_id: str, lease: float) -> None:
    from townhall.core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"expires_at": db_now() + timedelta(seconds=lease), "hostname": socket.gethostname()[:255],
                  "pid": os.getpid()},
    )


def forget(worker_id: str) -> None:
    from townhall.core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def recover_abandoned(grace: float = LEASE_SECONDS) -> dict[str, int]:
    """Queue again (or, after MAX_ATTEMPTS claims, fail) the RUNNING tasks of dead workers.

    A worker is dead when its heartbeat has expired or it has none; a task claimed less than
    ``grace`` seconds ago by a worker without a heartbeat (an older worker during an upgrade) is
    left alone for now."""
    from townhall.core.models import WorkerHeartbeat

    now = db_now()
    counts = {"requeued": 0, "failed": 0}
    candidates = list(DBTaskResult.objects.running().values_list("pk", "worker_ids", "started_at"))
    if not candidates:
        return counts
    alive = set(WorkerHeartbeat.objects.filter(expires_at__gte=now).values_list("worker_id", flat=True))
    known = set(WorkerHeartbeat.objects.values_list("worker_id", flat=True))
    for pk, worker_ids, started_at in candidates:
        owner = worker_ids[-1] if worker_ids else None
        if owner in alive:
            continue
        if owner not in known and started_at and started_at > now - timedelta(seconds=grace):
            continue
        with transaction.atomic():
            row = DBTaskResult.objects.select_for_update(skip_locked=True).filter(pk=pk, status=RUNNING).first()
            if row is None or (row.worker_ids[-1:] or [None])[0] != owner:
                continue
            attempts = len(row.worker_ids)
            if attempts >= MAX_ATTEMPTS:
                exc = WorkerLost(f"The worker running this task stopped {attempts} times (killed, out of "
                                 "memory or the machine restarted); it is not tried again.")
                _fail(row, exc)
                counts["failed"] += 1
                log.error("task %s (%s) given up: its worker died %s times", row.pk, row.task_path, attempts)
            else:
                _requeue(row, now, 0.0, f"its worker {owner} stopped")
                counts["requeued"] += 1
                log.warning("task %s (%s) taken back from worker %s, which stopped", row.pk, row.task_path, owner)
    WorkerHeartbeat.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
    return counts


def _requeue(row: DBTaskResult, now: datetime, delay: float, why: str) -> None:
    row.status = READY
    row.run_after = now + timedelta(seconds=delay)
    row.traceback = _clean(f"Queued again ({why}); try {len(row.worker_ids) + 1} of {MAX_ATTEMPTS}.")
    row.save(update_fields=["status", "run_after", "traceback"])


def _clean(text: str) -> str:
    """Text PostgreSQL can store (no NUL), of a bounded size."""
    return text.replace("\x00", "\\x00")[-20_000:]


def _fail(row: DBTaskResult, exc: BaseException) -> None:
    row.status = FAILED
    row.finished_at = timezone.now()
    row.exception_class_path = f"{type(exc).__module__}.{type(exc).__qualname__}"
    row.traceback = _clean("".join(format_exception(exc)))
    row.return_value = None
    row.save(update_fields=["status", "return_value", "finished_at", "exception_class_path", "traceback"])


class Worker(DbWorker):
    """django_tasks_db's worker with a heartbeat, recovery, retries and a safe shutdown."""

    def __init__(self, *, lease: float = LEASE_SECONDS, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lease = lease
        self._wake = threading.Event()
        self._in_task = False
        self._signals = 0
        self._beating = threading.Event()
        self._beat_thread: threading.Thread | None = None

    # --- signals -------------------------------------------------------------------------------

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        """First signal: finish the task in hand, then stop. Second: put the task back and stop."""
        self._signals += 1
        self.running = False
        self._wake.set()
        if self._signals == 1:
            log.warning("received %s: stopping after the task in hand", signal.strsignal(signum))
            return
        if self._in_task:
            log.warning("received %s again: the task in hand goes back to the queue", signal.strsignal(signum))
            self._in_task = False
            raise WorkerStopped()

    # --- heartbeat -----------------------------------------------------------------------------

    def _start_heartbeat(self) -> None:
        self._retrying_db(lambda: beat(self.worker_id, self.lease))
        self._beat_thread = threading.Thread(target=self._heartbeat_loop, daemon=True, name="heartbeat")
        self._beat_thread.start()

    def _heartbeat_loop(self) -> None:
        every = max(0.2, self.lease / 4)
        try:
            while not self._beating.wait(every):
                try:
                    close_old_connections()
                    beat(self.worker_id, self.lease)
                    recover_abandoned(grace=self.lease)
                except Exception:  # the database is away: beat again next time
                    log.warning("worker heartbeat failed", exc_info=True)
                    connection.close()
        finally:
            connection.close()

    def _stop_heartbeat(self) -> None:
        self._beating.set()
        if self._beat_thread is not None:
            self._beat_thread.join(timeout=10)
        try:
            forget(self.worker_id)
        except Exception:  # it expires on its own
            log.warning("could not remove the worker's heartbeat", exc_info=True)

    # --- the loop ------------------------------------------------------------------------------

    def _retrying_db(self, action: Callable[[], Any], *, forever: bool = False) -> Any:
        """Run a database action, reconnecting after a dropped connection (PostgreSQL restarting).

        Gives up after a few tries unless ``forever`` (recording a task's outcome: the worker
        may do nothing else until it is recorded, and stopping leaves it to the lease)."""
        tries = 0
        while True:
            try:
                return action()
            except (OperationalError, InterfaceError) as exc:
                tries += 1
                connection.close()
                if tries >= 3 and not (forever and self.running):
                    raise
                log.warning("database unavailable (%s); trying again", exc)
                time.sleep(min(30.0, 0.2 * 2 ** tries))

    def _claim(self) -> tuple[DBTaskResult | None, bool]:
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
            return task_result, True
        except OperationalError as exc:
            if exc.args and is_locked_database_exception(exc):
                return None, False
            raise

    def run(self) -> None:
        log.info("starting worker %s, queues %s", self.worker_id, ",".join(self.queue_names))
        if self.startup_delay and self.interval:
            self._wake.wait(random.random())
        failures = 0
        self._start_heartbeat()
        try:
            self._retrying_db(lambda: recover_abandoned(grace=self.lease))
            while self.running:
                close_old_connections()
                try:
                    task_result, retrieved = self._claim()
                    failures = 0
                except (OperationalError, InterfaceError) as exc:
                    failures += 1
                    connection.close()
                    if self.batch and failures >= 3:
                        raise
                    log.warning("could not fetch a task (%s); trying again", exc)
                    self._wake.wait(min(30.0, 0.5 * 2 ** failures))
                    continue
                if task_result is not None:
                    self.run_task(task_result)
                if self.batch and retrieved and task_result is None:
                    return
                if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                    return
                close_old_connections()
                if self.running and task_result is None:
                    self._wake.wait(self.interval)
        finally:
            self._stop_heartbeat()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        outcome: tuple[str, Any]
        try:
            self.running_task = True
            task = db_task_result.task
            task_result = db_task_result.task_result
            backend_type = task.get_backend()
            task_started.send(sender=backend_type, task_result=task_result)
            try:
                self._in_task = True
                if self._signals > 1:
                    raise WorkerStopped()
                if task.takes_context:
                    value = task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
                else:
                    value = task.call(*task_result.args, **task_result.kwargs)
            finally:
                self._in_task = False
            outcome = ("ok", value)
        except WorkerStopped:
            outcome = ("stopped", None)
        except BaseException as exc:
            transient = is_transient(exc)
            outcome = ("retry" if transient and len(db_task_result.worker_ids) < MAX_ATTEMPTS else "failed", exc)
        finally:
            self.running_task = False
            self._in_task = False
            self._run_tasks += 1
        if not _usable():
            connection.close()
        try:
            self._retrying_db(lambda: self._record(db_task_result, *outcome), forever=True)
        except (OperationalError, InterfaceError):
            raise  # stopping while the database is away: the lease hands the task on
        except Exception as exc:  # an outcome the database refuses: record that much at least
            log.exception("task %s: its outcome could not be recorded", db_task_result.pk)
            failure = RuntimeError(f"its outcome could not be recorded: {type(exc).__name__}")
            self._retrying_db(lambda: self._record(db_task_result, "failed", failure), forever=True)
        if outcome[0] == "stopped":
            sys.exit(1)

    def _record(self, row: DBTaskResult, kind: str, value: Any) -> None:
        with transaction.atomic():
            current = DBTaskResult.objects.select_for_update().filter(pk=row.pk).first()
            if current is None or current.status != RUNNING or current.worker_ids != row.worker_ids:
                log.warning("task %s was taken over by another worker meanwhile; its outcome here is dropped",
                            row.pk)
                return
            if kind == "ok":
                try:
                    with transaction.atomic():
                        row.status = SUCCESSFUL
                        row.finished_at = timezone.now()
                        row.return_value = value
                        row.exception_class_path = row.traceback = ""
                        row.save(update_fields=["status", "return_value", "finished_at", "exception_class_path",
                                                "traceback"])
                except (TypeError, ValueError, DatabaseError) as exc:  # a return value JSON cannot hold
                    if isinstance(exc, (OperationalError, InterfaceError)):
                        raise
                    kind, value = "failed", exc
            if kind == "failed":
                _fail(row, value)
            elif kind == "retry":
                after = value.after if isinstance(value, Retry) and value.after is not None else None
                delay = after if after is not None else retry_delay(len(row.worker_ids))
                _requeue(row, db_now(), delay, f"{type(value).__name__}: {value}"[:500])
                log.warning("task %s (%s) failed (%s: %s); trying again in %.0f s", row.pk, row.task_path,
                            type(value).__name__, value, delay)
            elif kind == "stopped":
                _requeue(row, db_now(), 0.0, "the worker was stopped")
        if kind in ("ok", "failed"):
            try:
                task_finished.send(sender=type(row.task.get_backend()), task_result=row.task_result)
            except Exception:
                log.exception("task %s finished; reporting it failed", row.pk)
