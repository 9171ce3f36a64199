"""`manage.py import_travels PATH...`: the Office of the Historian's travels as the record."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from engagements import record


class Command(BaseCommand):
    help = (
        "Import the Office of the Historian's travels of Presidents and Secretaries of State "
        "(XML files or folders of them) as official-record trips, stops and engagements."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="XML files or folders of them")
        parser.add_argument(
            "--presidents",
            help="presidents.xml of the travels collection (found beside the paths by default); "
            "lets 'President Bush' in remarks resolve to the President of the day",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def entries(self, paths: list[str]) -> list[record.RecordEntry]:
        return record.parse_travels(paths)

    def handle(self, *args, **options) -> None:
        paths = options["paths"]
        try:
            entries = self.entries(paths)
        except (OSError, SyntaxError) as error:  # ET.ParseError is a SyntaxError
            raise CommandError(f"cannot read the record: {error}") from error
        if not entries:
            raise CommandError("no record entries found in " + ", ".join(paths))
        presidents = options["presidents"] or record.presidents_file_near(paths)
        with tqdm(
            total=len(entries),
            unit="entry",
            disable=options["no_progress"],
            file=self.stderr._out,
        ) as bar:
            importer = record.RecordImporter(presidents=presidents, progress=bar.update)
            summary = importer.run(entries)
        for line in summary.lines():
            self.stdout.write(line)
        if not summary.created_anything:
            self.stdout.write(self.style.SUCCESS("nothing new: the record was already imported"))
