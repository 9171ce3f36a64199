"""Official-record import throughput: the whole travels collection into a fresh PostgreSQL.

    .venv/bin/python bench/import_travels.py [--travels ../shared/reference/hsg-travels]

Drops and creates the database `diplomacy_bench_record` (BENCH_RECORD_DATABASE_URL to
use another), migrates it, times `manage.py import_travels` on the whole folder and
prints the rows it made; then imports again and checks that nothing new was created.
Target: the first import under 60 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/diplomacy_bench_record"
TABLES = [
    ("officials", "people_official"),
    ("posts", "people_post"),
    ("places", "engagements_place"),
    ("trips", "engagements_trip"),
    ("stops", "engagements_stop"),
    ("engagements", "engagements_engagement"),
    ("participants", "engagements_participant"),
    ("articles", "reports_article"),
    ("citations", "engagements_citation"),
]
TARGET_SECONDS = 60.0


def recreate(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {
            label: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for label, table in TABLES
        }


def manage(url: str, *args: str) -> tuple[float, str]:
    env = {**os.environ, "DATABASE_URL": url, "CELERY_BROKER_URL": ""}
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - began, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--travels", default=str(ROOT.parent / "shared/reference/hsg-travels"))
    args = parser.parse_args()
    travels = Path(args.travels)
    folders = [str(travels / "president-travels"), str(travels / "secretary-travels")]
    if not all(Path(f).is_dir() for f in folders):
        print(f"no travels collection at {travels}", file=sys.stderr)
        return 2
    url = os.environ.get("BENCH_RECORD_DATABASE_URL", DEFAULT_URL)
    recreate(url)
    seconds, _ = manage(url, "migrate", "--verbosity", "0")
    print(f"migrate: {seconds:.1f} s")

    command = ["import_travels", *folders, "--no-progress"]
    seconds, output = manage(url, *command)
    first = counts(url)
    print(f"first import: {seconds:.1f} s (command incl. start-up)")
    print("  " + output.strip().replace("\n", "\n  "))
    print("rows: " + ", ".join(f"{k} {v}" for k, v in first.items()))

    seconds, output = manage(url, *command)
    second = counts(url)
    print(f"second import: {seconds:.1f} s")
    print("  " + output.strip().replace("\n", "\n  "))
    new = {k: second[k] - first[k] for k in first if second[k] != first[k]}
    print("nothing new created" if not new else f"NEW ROWS ON SECOND IMPORT: {new}")
    return 0 if not new else 1


if __name__ == "__main__":
    sys.exit(main())
