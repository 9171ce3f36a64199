"""Server time of the analysts' pages on a large record in PostgreSQL.

    .venv/bin/python bench/pages.py [--requests 300] [--keep]

Builds (or, with --keep, reuses) a database BENCH_PAGES_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/diplomacy_bench_pages) holding 5,000 officials,
20,000 stops in 4,000 trips and 100,000 engagements with participants and
citations, then times requests through Django's full stack in this process
(middleware, views, templates, database): the trips list, a trip page, an
official's profile and a search, beside a bare view (/healthz). Prints median and
95th percentile in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/diplomacy_bench_pages"

OFFICIALS, TRIPS, STOPS_PER_TRIP, ENGAGEMENTS, ARTICLES = 5_000, 4_000, 5, 100_000, 10_000


def prepare(url: str, keep: bool) -> bool:
    """Create the database; True when it must be filled."""
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0].replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and keep:
            return False
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    return True


def fill() -> None:
    from django.contrib.auth.models import Group, User

    from engagements.models import Citation, Engagement, Participant, Place, Stop, Trip
    from people.models import Country, Official
    from reports.models import Article

    rng = random.Random(5)
    countries = list(Country.objects.all())
    started = time.perf_counter()
    officials = Official.objects.bulk_create(
        [
            Official(
                name=f"Official{i} Surname{i % 997}",
                normalized_name=f"official{i} surname{i % 997}",
                country=rng.choice(countries),
            )
            for i in range(OFFICIALS)
        ],
        batch_size=5000,
    )
    places = Place.objects.bulk_create(
        [
            Place(
                name=f"City {i}",
                normalized=f"city {i}",
                country=rng.choice(countries),
                latitude=rng.uniform(-60, 70),
                longitude=rng.uniform(-170, 170),
            )
            for i in range(2_000)
        ],
        batch_size=5000,
    )
    articles = Article.objects.bulk_create(
        [
            Article(
                title=f"Report {i}",
                text=f"Report {i}. Official{i % OFFICIALS} met counterparts on Tuesday in City "
                f"{i % 2000} for talks on trade and security, officials said. " * 5,
                sha256=f"{i:064x}",
                published=date(2015, 1, 1) + timedelta(days=i % 3000),
                status="extracted",
            )
            for i in range(ARTICLES)
        ],
        batch_size=2000,
    )
    trips, stops = [], []
    day0 = date(2015, 1, 1)
    for _ in range(TRIPS):
        start = day0 + timedelta(days=rng.randrange(3500))
        trips.append(
            Trip(
                traveler=rng.choice(officials[:800]),
                start=start,
                end=start + timedelta(days=STOPS_PER_TRIP * 2),
            )
        )
    trips = Trip.objects.bulk_create(trips, batch_size=5000)
    for trip in trips:
        for order in range(STOPS_PER_TRIP):
            day = trip.start + timedelta(days=order * 2)
            stops.append(
                Stop(
                    trip=trip,
                    order=order + 1,
                    place=rng.choice(places),
                    start=day,
                    end=day + timedelta(days=1),
                    precision="day",
                )
            )
    stops = Stop.objects.bulk_create(stops, batch_size=5000)
    engagements = []
    for i in range(ENGAGEMENTS):
        stop = stops[i % len(stops)]
        engagements.append(
            Engagement(
                kind=rng.choice(["meeting", "call", "talks", "summit"]),
                start=stop.start,
                end=stop.start,
                precision="day",
                status=rng.choice(["held", "scheduled"]),
                place=stop.place,
                stop=stop,
                confidence=rng.random(),
            )
        )
    engagements = Engagement.objects.bulk_create(engagements, batch_size=5000)
    participants, citations = [], []
    for i, engagement in enumerate(engagements):
        traveler_id = trips[(i % len(stops)) // STOPS_PER_TRIP].traveler_id
        others = {traveler_id, *(rng.choice(officials).pk for _ in range(rng.randint(1, 3)))}
        participants += [Participant(engagement=engagement, official_id=pk) for pk in others]
        article = articles[i % ARTICLES]
        citations.append(
            Citation(
                article=article, engagement=engagement, start=0, end=60, quote=article.text[:60]
            )
        )
    Participant.objects.bulk_create(participants, batch_size=10000)
    Citation.objects.bulk_create(citations, batch_size=10000)
    user = User.objects.create_user("bench-analyst", password="x")
    user.groups.add(Group.objects.get(name="analyst"))
    with psycopg.connect(os.environ["DATABASE_URL"].replace("postgres://", "postgresql://")) as c:
        c.execute("ANALYZE")
    print(
        f"filled in {time.perf_counter() - started:.0f} s: {len(officials)} officials, "
        f"{len(trips)} trips, {len(stops)} stops, {len(engagements)} engagements, "
        f"{len(participants)} participants, {len(citations)} citations"
    )


def measure(client, paths: list[str], requests: int) -> list[float]:
    timings = []
    for i in range(requests):
        path = paths[i % len(paths)]
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="reuse an existing bench database")
    args = parser.parse_args()
    url = os.environ.get("BENCH_PAGES_DATABASE_URL", DEFAULT_URL)
    os.environ.update(
        DATABASE_URL=url, SECRET_KEY="bench", DJANGO_SETTINGS_MODULE="diplomacy.settings"
    )
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    # production static files (manifest storage), as gunicorn would serve the pages
    os.environ["STATIC_ROOT"] = tempfile.mkdtemp(prefix="bench-static-")
    sys.path.insert(0, str(ROOT))
    must_fill = prepare(url, args.keep)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)
    if must_fill:
        fill()

    from django.contrib.auth.models import User
    from django.test import Client

    from engagements.models import Trip
    from people.models import Official

    client = Client()
    client.force_login(User.objects.get(username="bench-analyst"))
    rng = random.Random(9)
    trip_ids = list(Trip.objects.values_list("pk", flat=True))
    busy = list(Official.objects.filter(trips__isnull=False).values_list("pk", flat=True)[:400])
    pages = {
        "bare view (/healthz)": ["/healthz"],
        "trips list": [
            "/trips/",
            "/trips/?page=7",
            "/trips/?country=FR",
            "/trips/?traveler=surname1",
        ],
        "trip page": [f"/trips/{rng.choice(trip_ids)}/" for _ in range(50)],
        "official profile": [f"/officials/{pk}/" for pk in rng.sample(busy, 50)],
        "search": [f"/search/?q=surname{n}" for n in rng.sample(range(997), 50)],
    }
    for paths in pages.values():
        measure(client, paths[:3], 3)  # warm caches and connections
    print(f"{'page':<24}{'median ms':>10}{'p95 ms':>10}{'max ms':>10}  (n={args.requests} each)")
    for name, paths in pages.items():
        timings = sorted(measure(client, paths, args.requests))
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"{name:<24}{statistics.median(timings):>10.1f}{p95:>10.1f}{timings[-1]:>10.1f}")


if __name__ == "__main__":
    main()
