"""`manage.py ingest PATH... [--published DATE] [--source NAME]`: load reports as a batch."""

import sys
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from reports import embedded
from reports.models import Article
from reports.services import batch_create, ingest_reports, read_reports


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"bad date {value!r}: expected YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = (
        "Load news reports into a new batch and queue their extraction. PATH may be a file "
        "(.txt with an optional NAME.meta.json, .html, .json, .jsonl, .csv, .zip of these, an "
        "RSS/Atom feed, or a .urls list of links), a folder of such files, or a feed or page "
        "URL. A report whose text is already stored is not stored again; a file that cannot "
        "be read is reported and the rest of the batch goes on."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", help="files, folders or http(s) URLs")
        parser.add_argument(
            "--published", help="publication date (YYYY-MM-DD) for reports that carry none"
        )
        parser.add_argument("--source", default="", help="outlet for reports that name none")
        parser.add_argument("--name", default="", help="batch name (default: the paths)")
        parser.add_argument(
            "--wait",
            action="store_true",
            help="with a broker: follow the workers until the batch is extracted "
            "(without one, the command always extracts the batch before it ends)",
        )

    def handle(self, *args, paths: list[str], **options) -> None:
        published = iso_date(options["published"]) if options["published"] else None
        reports = read_reports(paths)
        if not reports:
            raise CommandError("no report files found in " + ", ".join(paths))
        batch = batch_create(
            name=options["name"] or ", ".join(paths)[:200],
            default_published=published,
            source=options["source"],
        )
        show = sys.stderr.isatty()
        with (
            embedded.foreground(),
            tqdm(total=len(reports), desc="Loading", unit="report", disable=not show) as bar,
        ):
            result = ingest_reports(batch=batch, reports=reports, progress=bar.update)
        for error in result.errors:
            self.stderr.write(f"error: {error['error']}")
        if not result.created and not result.errors:
            batch.delete()
            self.stdout.write(f"Nothing new: all {len(result.existing)} report(s) already stored.")
            return
        undated = [a for a in result.created if a.published is None]
        self.stdout.write(
            f"Batch {batch.pk} '{batch.name}': {len(result.created)} new article(s), "
            f"{len(result.existing)} already stored, {len(result.errors)} failed."
        )
        if undated:
            self.stdout.write(
                f"{len(undated)} article(s) have no publication date: their relative dates stay "
                "unresolved (give --published, or set the date in the admin and re-extract)."
            )
        if embedded.active():
            # no broker: extract here, before the command ends (each report in a child
            # process, under the time limit)
            with tqdm(
                total=len(result.created), desc="Extracting", unit="article", disable=not show
            ) as bar:
                embedded.drain(progress=bar.update)
        elif options["wait"]:
            self.follow(batch.pk, len(result.created), show)
        batch.refresh_from_db()
        self.stdout.write(f"Batch status: {batch.get_status_display()}.")

    def follow(self, batch_id: int, total: int, show: bool) -> None:
        queued = Article.objects.filter(batch_id=batch_id, status=Article.Status.QUEUED)
        with tqdm(total=total, desc="Extracting", unit="article", disable=not show) as bar:
            left = queued.count()
            while left:
                time.sleep(0.5)
                now = queued.count()
                bar.update(left - now)
                left = now
