"""End-to-end ingest throughput: generated reports through PostgreSQL, Redis and 2 workers.

    .venv/bin/python bench/ingest.py [--reports 1000] [--workers 2]

Creates a fresh database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/diplomacy_bench), writes N distinct reports of
about 3 KB and, all in one run:

1. times the extractor alone on them in this process, then in as many processes at once
   as there will be workers (what the machine gives that many extractors right now);
2. times `manage.py ingest` plus the workers (Redis at BENCH_BROKER_URL) until every
   article is done; each worker logs, per chunk, the seconds it spent extracting and the
   rest, which splits the workers' time into extraction, the pipeline (storing, merging,
   Celery) and idle;
3. loads the same reports into a second fresh database (BENCH_ONE_PROCESS_DATABASE_URL)
   in this process with no broker, counting the SQL statements per article.

Prints articles/s end to end beside the extractor alone, and the share of worker time
spent outside extraction (the pipeline overhead; target under 50 %).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
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
# what reports.extracting logs per chunk of articles
CHUNK_LOG = re.compile(r"extraction (?P<extraction>[\d.]+) s, the rest (?P<rest>[\d.]+) s")

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
    n, w = args.reports, args.workers

    db_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/diplomacy_bench"
    )
    alone_url = os.environ.get("BENCH_ONE_PROCESS_DATABASE_URL", db_url + "_one_process")
    broker = os.environ.get(
        "BENCH_BROKER_URL", os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    )
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
    texts = [report(i, rng) for i in range(n)]
    published = date(2021, 10, 6)

    from extraction import extract

    extract(texts[0], published)  # load the gazetteers once, outside the timing
    extract_seconds = extract_all(texts, published)
    with multiprocessing.get_context("fork").Pool(w) as pool:
        started = time.perf_counter()
        pool.starmap(extract_all, [(texts[i::w], published) for i in range(w)])
        parallel_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(texts):
            Path(folder, f"r{i:05d}.txt").write_text(text, encoding="utf-8")
        run = end_to_end(folder, published, db_url, env, w)
        alone, queries = one_process(folder, published, alone_url)

    total = run["seconds"]
    worker_ms = total * w / n * 1000  # worker time per article, all workers there throughout
    extract_ms = extract_seconds / n * 1000
    inside_ms = run["extraction"] / n * 1000  # extracting, inside the workers
    rest_ms = run["rest"] / n * 1000  # the rest of the workers' tasks: storing, merging
    print(f"reports                          {n} (about {sum(map(len, texts)) // n} bytes each)")
    print(f"statuses                         {run['statuses']}; engagements {run['engagements']}")
    print(f"extractor only, 1 process        {n / extract_seconds:8.1f} articles/s")
    print(f"extractor only, {w} processes      {n / parallel_seconds:8.1f} articles/s")
    print(f"store+extract+merge, 1 process   {n / alone:8.1f} articles/s (no broker, no workers)")
    print(f"ingest command (store+queue)     {run['loaded']:8.2f} s")
    print(f"end to end, {w} workers           {n / total:8.1f} articles/s ({total:.1f} s)")
    print(
        f"SQL statements per article       {queries['all'] / n:8.2f} (one process, COPY included)"
    )
    print(f"  storing (ingest command)       {queries['storing'] / n:8.2f}")
    print(f"  extraction tasks (merge etc.)  {queries['tasks'] / n:8.2f}")
    print(f"worker time per article          {worker_ms:8.1f} ms ({w} x wall time), of which:")
    print(f"  extracting                     {inside_ms:8.1f} ms (measured inside the workers)")
    print(f"  the rest of the tasks          {rest_ms:8.1f} ms (duplicates, merge, status)")
    print(
        f"  outside tasks                  {worker_ms - inside_ms - rest_ms:8.1f} ms "
        "(Celery, broker, waiting for the ingest command, idle at the end)"
    )
    print(
        f"pipeline overhead                {(1 - inside_ms / worker_ms) * 100:8.1f} % "
        "of worker time outside extraction (target < 50 %)"
    )
    print(
        f"  against the extractor alone    {(1 - extract_ms / worker_ms) * 100:8.1f} % "
        f"(1 - {extract_ms:.1f} ms, its time per article in 1 process, / worker time)"
    )
    print(
        f"  against {w} extractors at once   "
        f"{(1 - parallel_seconds * w / n * 1000 / worker_ms) * 100:8.1f} % "
        f"(1 - {parallel_seconds * w / n * 1000:.1f} ms, their time per article, / worker time)"
    )


def extract_all(texts: list[str], published: date) -> float:
    """Seconds the extractor takes on the texts, in this process."""
    from extraction import extract

    started = time.perf_counter()
    for text in texts:
        extract(text, published)
    return time.perf_counter() - started


def one_process(folder: str, published: date, url: str) -> tuple[float, dict[str, int]]:
    """Ingest the folder in this process, no broker (tasks run in process): seconds, statements.

    Django is set up here, against its own fresh database, after the other runs.
    """
    reset_database(url)
    os.environ.update(
        DATABASE_URL=url,
        SECRET_KEY="bench",
        DJANGO_SETTINGS_MODULE="diplomacy.settings",
        LOG_LEVEL="WARNING",
    )
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from diplomacy import bulk
    from reports import embedded, extracting
    from reports.models import Article
    from reports.services import batch_create, ingest_reports, read_reports

    call_command("migrate", verbosity=0)
    counts = {"all": 0, "tasks": 0}
    in_task = [False]

    def counted() -> None:
        counts["all"] += 1
        counts["tasks"] += in_task[0]

    def count(execute, sql, params, many, context):
        counted()
        return execute(sql, params, many, context)

    copy = bulk._copy  # COPY statements pass no execute wrapper: counted here

    def counted_copy(*args):
        counted()
        return copy(*args)

    bulk._copy = counted_copy
    task = extracting.articles_extract

    def counted_task(**kwargs):
        in_task[0] = True
        try:
            return task(**kwargs)
        finally:
            in_task[0] = False

    extracting.articles_extract = counted_task
    started = time.perf_counter()
    with connection.execute_wrapper(count), embedded.foreground():
        reports = read_reports([folder])
        batch = batch_create(name="bench", default_published=published)
        ingest_reports(batch=batch, reports=reports)
        # with no broker the queue is the articles' status (the embedded default's drainer
        # would take them one by one in a child process): here they are extracted in this
        # process, in the chunks the workers take
        queued = list(
            Article.objects.filter(batch=batch, status=Article.Status.QUEUED)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for at in range(0, len(queued), settings.EXTRACT_CHUNK):
            counted_task(article_ids=queued[at : at + settings.EXTRACT_CHUNK])
    seconds = time.perf_counter() - started
    extracting.articles_extract, bulk._copy = task, copy
    counts["storing"] = counts["all"] - counts["tasks"]
    return seconds, counts


def manage(arguments: list[str], env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def end_to_end(folder: str, published: date, db_url: str, env: dict[str, str], count: int) -> dict:
    """`manage.py ingest` and `count` workers until every article is done: times and counts."""
    reset_database(db_url)
    manage(["migrate", "-v0"], env)
    logs = [tempfile.TemporaryFile("w+") for _ in range(count)]  # noqa: SIM115 - closed below
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
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        for n, log in enumerate(logs)
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
                time.sleep(0.05)
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
    spent = {"extraction": 0.0, "rest": 0.0}
    for log in logs:
        log.seek(0)
        for match in CHUNK_LOG.finditer(log.read()):
            spent["extraction"] += float(match["extraction"])
            spent["rest"] += float(match["rest"])
        log.close()
    return {
        "seconds": total,
        "loaded": loaded,
        "statuses": statuses,
        "engagements": engagements,
        **spent,
    }


if __name__ == "__main__":
    main()
