"""`manage.py extract PATH... --published DATE [--json]`: what the extractor finds in reports.

With one file and --json it prints one JSON object (the shape of the evaluation
contract); with several files, one JSON object per line (JSON Lines), each with
its "path". Without --json it prints a readable summary.
"""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.loaders import LoadError, decode_bytes


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"bad date {value!r}: expected YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "Extract officials, engagements, trips and agreements from report files."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="plain-text report files")
        parser.add_argument(
            "--published", required=True, help="publication date YYYY-MM-DD (resolves 'Tuesday')"
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the contract JSON"
        )

    def handle(self, *args, paths: list[Path], published: str, as_json: bool, **options) -> None:
        from extraction import extract

        day = iso_date(published)
        failures = []
        for path in paths:
            try:
                text = self.read(path)
            except LoadError as exc:
                failures.append(str(exc))
                self.stderr.write(f"error: {exc}")
                continue
            document = extract(text, day)
            if as_json:
                self.print_json(document.to_dict(), path, single=len(paths) == 1)
            else:
                self.print_summary(document.to_dict(), path)
        if failures:
            raise CommandError(f"{len(failures)} of {len(paths)} file(s) could not be read")

    def read(self, path: Path) -> str:
        if not path.is_file():
            raise LoadError(f"{path}: no such file")
        try:
            return decode_bytes(path.read_bytes(), str(path))
        except OSError as exc:
            raise LoadError(f"{path}: cannot read the file ({exc.strerror})") from exc

    def print_json(self, data: dict, path: Path, *, single: bool) -> None:
        if single:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(json.dumps({"path": str(path), **data}, ensure_ascii=False))

    def print_summary(self, data: dict, path: Path) -> None:
        out = [f"{path} (published {data.get('published')})"]
        out.append(f"  Officials ({len(data['officials'])}):")
        for o in data["officials"]:
            title = ", ".join(filter(None, [o.get("title"), o.get("country")]))
            out.append(f"    {o['name']}" + (f" ({title})" if title else ""))
        out.append(f"  Engagements ({len(data['engagements'])}):")
        for e in data["engagements"]:
            when = e.get("start") or "date unknown"
            if e.get("end") and e.get("end") != e.get("start"):
                when += f" to {e['end']}"
            where = e.get("place") or "place unknown"
            label = e.get("title") or e["kind"]
            who = ", ".join(e.get("participants") or [])
            out.append(f"    {label} [{e.get('status')}] {when}, {where}: {who}")
        out.append(f"  Trips ({len(data['trips'])}):")
        for t in data["trips"]:
            stops = " -> ".join(
                s.get("place") + (f" ({s['start']})" if s.get("start") else "") for s in t["stops"]
            )
            with_whom = ", ".join(t.get("companions") or [])
            line = f"    {t['traveler']}: {stops}"
            out.append(line + (f" (with {with_whom})" if with_whom else ""))
        out.append(f"  Agreements ({len(data['agreements'])}):")
        for a in data["agreements"]:
            out.append(f"    {a['name']} parties {', '.join(a.get('parties') or []) or 'unknown'}")
        self.stdout.write("\n".join(out))
