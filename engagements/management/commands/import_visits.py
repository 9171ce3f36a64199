"""`manage.py import_visits PATH...`: foreign leaders' visits to the US as the record."""

from __future__ import annotations

from engagements import record

from .import_travels import Command as TravelsCommand


class Command(TravelsCommand):
    help = (
        "Import the Office of the Historian's visits of foreign leaders to the United States "
        "(XML files or folders of them) as official-record trips, stops and engagements."
    )

    def entries(self, paths: list[str]) -> list[record.RecordEntry]:
        return record.visits_with_places(record.parse_visits(paths))
