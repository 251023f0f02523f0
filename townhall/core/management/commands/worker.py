"""`townhall worker`: runs queued tasks and ticks the periodic schedule.

Several workers may run at once against PostgreSQL (tasks are claimed with row locks;
periodic tasks are enqueued once thanks to `PeriodicState` locks). `--burst` ticks the
schedule once, drains the queue and exits: handy for tests and for cron-less one-shots.
"""

from __future__ import annotations

import threading
import time

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from townhall.core import periodic


class Command(BaseCommand):
    help = "Run background tasks (publishing, listening, reminders) and the periodic schedule."

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="drain the queue, then exit")
        parser.add_argument("--queues", default="*", help="comma-separated queue names, or * for all")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
        parser.add_argument("--no-schedule", action="store_true", help="do not enqueue periodic tasks")

    def handle(self, *args, burst, queues, interval, no_schedule, **options):
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
        )
        if not burst:
            worker.configure_signals()
            self.stdout.write("Townhall worker running; press Ctrl+C to stop.")
        worker.run()

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
