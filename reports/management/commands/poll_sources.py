"""`manage.py poll_sources [--loop]`: poll the feeds due a poll, without a broker."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from reports.models import Source
from reports.polling import source_poll, sources_poll_due


class Command(BaseCommand):
    help = (
        "Poll the sources (feeds) due a poll, in this process, and load each one's new items "
        "as a batch, queued for extraction. With --loop, go on polling them as they come "
        "due, as `celery beat` does with a broker."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--loop", action="store_true", help="keep polling sources as they come due"
        )
        parser.add_argument(
            "--every",
            type=float,
            default=float(settings.SOURCES_POLL_TICK),
            help="with --loop: seconds between looks for sources due (default SOURCES_POLL_TICK)",
        )

    def handle(self, *args, loop: bool, every: float, **options) -> None:
        while True:
            polled = sources_poll_due(dispatch=self.poll)
            if not loop:
                if not polled:
                    self.stdout.write("No source is due a poll.")
                return
            try:
                time.sleep(every)
            except KeyboardInterrupt:
                return

    def poll(self, source_id: int) -> None:
        source = Source.objects.get(pk=source_id)
        result = source_poll(source=source)
        self.stdout.write(f"{source.name}: {result.summary}")
