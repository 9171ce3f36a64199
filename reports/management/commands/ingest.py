"""`manage.py ingest PATH... [--published DATE] [--source NAME]`: load reports as a batch."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.services import batch_create, ingest_reports, read_reports


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"bad date {value!r}: expected YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = (
        "Load news reports (.txt files, with NAME.meta.json sidecars, or folders of them) "
        "into a new batch. A report already stored (same text) is not stored again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders")
        parser.add_argument(
            "--published", help="publication date (YYYY-MM-DD) for reports that carry none"
        )
        parser.add_argument("--source", default="", help="outlet for reports that name none")
        parser.add_argument("--name", default="", help="batch name (default: the paths)")

    def handle(self, *args, paths: list[Path], **options) -> None:
        published = iso_date(options["published"]) if options["published"] else None
        reports = read_reports(paths)
        if not reports:
            raise CommandError("no report files found in " + ", ".join(map(str, paths)))
        batch = batch_create(
            name=options["name"] or ", ".join(str(p) for p in paths)[:200],
            default_published=published,
            source=options["source"],
        )
        result = ingest_reports(batch=batch, reports=reports)
        for error in result.errors:
            self.stderr.write(f"error: {error['error']}")
        if not result.created and not result.errors:
            batch.delete()
            self.stdout.write(f"Nothing new: all {len(result.existing)} report(s) already stored.")
            return
        self.stdout.write(
            f"Batch {batch.pk} '{batch.name}': {len(result.created)} new article(s), "
            f"{len(result.existing)} already stored, {len(result.errors)} failed."
        )
