"""End-to-end ingest throughput: generated reports through PostgreSQL, Redis and 2 workers.

    .venv/bin/python bench/ingest.py [--reports 1000] [--workers 2]

Creates a fresh database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/diplomacy_bench), writes N distinct reports of
about 3 KB, measures the extractor alone on them in this process, then times
`manage.py ingest` plus the workers until the batch is finished. Then loads the
same reports into a second fresh database in one process with no broker (tasks
run in process), which splits a worker's time per article into extraction,
storing and merging, and what the broker, Celery and two processes sharing the
machine add. Prints articles/s and the share of worker time spent outside
extraction.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent

FIRST = [
    "Amina",
    "Bruno",
    "Carla",
    "Dmitri",
    "Elena",
    "Farid",
    "Giulia",
    "Hiro",
    "Ines",
    "Jonas",
    "Kwame",
    "Lena",
    "Mateo",
    "Nadia",
]
LAST = [
    "Okafor",
    "Petrov",
    "Quispe",
    "Rahman",
    "Sato",
    "Tanaka",
    "Usman",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zapata",
    "Haddad",
]
COUNTRIES = [
    ("French", "Paris"),
    ("German", "Berlin"),
    ("Japanese", "Tokyo"),
    ("Indian", "New Delhi"),
    ("Brazilian", "Brasilia"),
    ("Kenyan", "Nairobi"),
    ("Mexican", "Mexico City"),
    ("Egyptian", "Cairo"),
    ("Turkish", "Ankara"),
    ("Indonesian", "Jakarta"),
]
TITLES = ["Foreign Minister", "Prime Minister", "President", "Defense Minister", "Trade Minister"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FILLER = (  # noqa: SIM905
    "officials said the talks covered trade energy security migration climate finance "
    "shipping routes grain exports debt relief and regional stability while analysts "
    "noted the visit came amid tension over tariffs sanctions and a disputed border"
).split()


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def report(i: int, rng: random.Random) -> str:
    (dem1, city1), (dem2, city2) = rng.sample(COUNTRIES, 2)
    a, b, c = person(rng), person(rng), person(rng)
    t1, t2 = rng.choice(TITLES), rng.choice(TITLES)
    day = rng.choice(WEEKDAYS)
    paragraphs = [
        f"{city2.upper()} (Wire) — {dem1} {t1} {a} met {dem2} {t2} {b} in {city2} on {day}, "
        f"the first such meeting in months, officials said.",
        f"{a} will travel to {rng.choice(COUNTRIES)[1]} later this month for talks with "
        f"{rng.choice(TITLES).lower()} {c}, according to a statement.",
    ]
    for _ in range(12):
        words = [rng.choice(FILLER) for _ in range(rng.randint(25, 40))]
        words[0] = words[0].capitalize()
        paragraphs.append(" ".join(words) + f" (ref {i}-{rng.randrange(10**6)}).")
    return "\n\n".join(paragraphs)


def reset_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    db_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/diplomacy_bench"
    )
    broker = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "CELERY_BROKER_URL": broker,
        "CELERY_QUEUE": queue,
        "SECRET_KEY": "bench",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
    }

    rng = random.Random(2021)
    texts = [report(i, rng) for i in range(args.reports)]
    published = date(2021, 10, 6)

    from extraction import extract

    extract(texts[0], published)  # load the gazetteers once, outside the timing
    started = time.perf_counter()
    for text in texts:
        extract(text, published)
    extract_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(texts):
            Path(folder, f"r{i:05d}.txt").write_text(text, encoding="utf-8")
        total, statuses, engagements, loaded = end_to_end(
            folder, published, db_url, env, args.workers
        )
        # the same reports stored, extracted and merged in one process, without a broker
        alone_url = db_url + "_one_process"
        reset_database(alone_url)
        alone_env = {**env, "DATABASE_URL": alone_url}
        alone_env.pop("CELERY_BROKER_URL")
        manage(["migrate", "-v0"], alone_env)
        started = time.perf_counter()
        manage(["ingest", folder, "--published", str(published)], alone_env)
        alone = time.perf_counter() - started

    n, w = args.reports, args.workers
    worker_ms = total * w / n * 1000  # worker time per article, all workers busy
    extract_ms = extract_seconds / n * 1000
    alone_ms = alone / n * 1000
    print(f"reports                          {n} (about {sum(map(len, texts)) // n} bytes each)")
    print(f"statuses                         {statuses}; engagements stored {engagements}")
    print(f"extractor only, 1 process        {n / extract_seconds:8.1f} articles/s")
    print(f"store+extract+merge, 1 process   {n / alone:8.1f} articles/s (no broker, no workers)")
    print(f"ingest command (store+queue)     {loaded:8.2f} s")
    print(f"end to end, {w} workers           {n / total:8.1f} articles/s ({total:.1f} s)")
    print("worker time per article, of which:")
    print(f"  extraction                     {extract_ms:8.1f} ms")
    print(f"  storing and merging            {alone_ms - extract_ms:8.1f} ms")
    print(f"  broker, Celery, contention     {worker_ms - alone_ms:8.1f} ms")
    print(f"  total                          {worker_ms:8.1f} ms")
    print(
        f"pipeline overhead                {(1 - extract_ms / worker_ms) * 100:8.1f} % "
        "of worker time (everything but extraction; target < 50 %)"
    )


def manage(arguments: list[str], env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def end_to_end(
    folder: str, published: date, db_url: str, env: dict[str, str], count: int
) -> tuple[float, dict, int, float]:
    """`manage.py ingest` and `count` workers until every article is done: seconds and counts."""
    reset_database(db_url)
    manage(["migrate", "-v0"], env)
    workers = [
        subprocess.Popen(
            [
                str(BIN / "celery"),
                "-A",
                "diplomacy",
                "worker",
                "--concurrency",
                "1",
                "-Q",
                env["CELERY_QUEUE"],
                "-n",
                f"{env['CELERY_QUEUE']}-{n}@%h",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        for n in range(count)
    ]
    try:
        time.sleep(3)  # let the workers connect
        started = time.perf_counter()
        manage(["ingest", folder, "--published", str(published)], env)
        loaded = time.perf_counter() - started
        with psycopg.connect(db_url.replace("postgres://", "postgresql://")) as conn:
            while True:
                row = conn.execute(
                    "SELECT count(*) FILTER (WHERE status = 'queued'), count(*) "
                    "FROM reports_article"
                ).fetchone()
                conn.commit()
                if row[0] == 0:
                    break
                time.sleep(0.2)
            total = time.perf_counter() - started
            statuses = dict(
                conn.execute("SELECT status, count(*) FROM reports_article GROUP BY status")
            )
            (engagements,) = conn.execute("SELECT count(*) FROM engagements_engagement").fetchone()
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGTERM)
        for worker in workers:
            worker.wait(timeout=30)
    return total, statuses, engagements, loaded


if __name__ == "__main__":
    main()
