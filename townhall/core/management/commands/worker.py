"""`townhall worker`: runs queued tasks and ticks the periodic schedule.

Several workers may run at once against PostgreSQL (tasks are claimed with row locks;
periodic tasks are enqueued once thanks to `PeriodicState` locks). Each worker keeps a heartbeat
(`--lease`); a task left RUNNING by a worker that died is queued again by the others, and a task
that failed on the database is tried again after a pause, a bounded number of times
(`townhall.core.worker`). `--burst` ticks the
schedule once, drains the queue and exits: handy for tests and for cron-less one-shots.

Besides the task queue, a long-running worker runs the **publishing loop**
(`publishing.dispatch`): every second it sends the deliveries that are due, several
accounts at once, and takes over deliveries a dead worker left behind as soon as their
lease runs out. SIGTERM/SIGINT stop it cleanly: nothing new starts, the calls in flight
finish and are recorded, then the process exits; a second signal puts the task in hand back in
the queue and exits at once.
"""

from __future__ import annotations

import logging
import signal
import threading
import time

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

from townhall.core import periodic
from townhall.core.worker import LEASE_SECONDS, Worker


class Command(BaseCommand):
    help = "Run background tasks (publishing, listening, reminders) and the periodic schedule."

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="drain the queue, then exit")
        parser.add_argument("--queues", default="*", help="comma-separated queue names, or * for all")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
        parser.add_argument("--no-schedule", action="store_true", help="do not enqueue periodic tasks")
        parser.add_argument("--no-publishing", action="store_true", help="do not run the publishing loop")
        parser.add_argument("--lease", type=float, default=LEASE_SECONDS,
                            help="seconds without a heartbeat after which this worker's task is taken over")

    def handle(self, *args, burst, queues, interval, no_schedule, no_publishing, lease=LEASE_SECONDS, **options):
        stop = threading.Event()
        publishing = None
        if not burst and not no_publishing:
            # First, so a restarted worker takes over abandoned deliveries as soon as it can.
            publishing = threading.Thread(target=self._publishing_loop, args=(stop,), name="publishing")
            publishing.start()
        periodic.discover()
        if not no_schedule:
            periodic.tick()
            if not burst:
                threading.Thread(target=self._schedule_loop, daemon=True, name="scheduler").start()
        worker = Worker(
            queue_names=queues.split(","),
            interval=interval,
            batch=burst,
            backend_name="default",
            startup_delay=not burst,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
            lease=max(1.0, lease),
        )
        if not burst:
            worker.configure_signals()

            def shutdown(signum, frame):
                stop.set()
                worker.shutdown(signum, frame)

            for signum in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signum, shutdown)
            self.stdout.write("Townhall worker running; press Ctrl+C to stop.")
        try:
            worker.run()
        finally:
            stop.set()
            if publishing is not None:
                publishing.join()

    @staticmethod
    def _publishing_loop(stop: threading.Event) -> None:
        from django.db import connection

        from townhall.publishing.dispatch import Dispatcher

        dispatcher = Dispatcher()
        while not stop.is_set():
            try:
                dispatcher.sweep(stop=stop, poll=1.0, until_idle=False)
            except Exception:  # never let the loop die: log, wait, go on
                logging.getLogger("townhall.publishing").exception("publishing loop failed")
                connection.close()
                stop.wait(5)
        dispatcher.close()
        connection.close()

    @staticmethod
    def _schedule_loop() -> None:
        from django.db import close_old_connections

        while True:
            time.sleep(15)
            try:
                close_old_connections()
                periodic.tick()
            except Exception:  # the scheduler must survive a database hiccup
                import logging

                logging.getLogger("townhall.periodic").exception("periodic tick failed")
