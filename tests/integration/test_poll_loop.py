"""The embedded default, no broker: `manage.py poll_sources --loop` keeps polling feeds as
they come due, and their new reports are extracted in the same process."""

import sqlite3
import subprocess
import time

from tests.feeds import Item, serve
from tests.helpers import PYTHON, ROOT, clean_env, manage, stop
from tests.reports.test_sources import ITEMS

LATER = Item(
    "https://wire.example/later",
    "Later",
    "Mexican President Mateo Zapata met Egyptian Prime Minister Nadia Haddad in Cairo on Monday.",
)


def rows(path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return list(db.execute(sql))


def wait_for(path, sql: str, expected, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while (found := rows(path, sql)) != expected:
        assert time.monotonic() < deadline, f"{sql}: {found}, not {expected}"
        time.sleep(0.3)


def test_poll_sources_loop_polls_feeds_as_they_come_due_and_extracts_in_process(tmp_path):
    feeds, server = serve()
    path = tmp_path / "embedded.sqlite3"
    env = clean_env(DEBUG="1", DATABASE_URL=f"sqlite:///{path}", FETCH_ALLOWED_HOSTS="127.0.0.1")
    loop = None
    try:
        assert manage("migrate", "--noinput", env=env).returncode == 0
        url = feeds.feed("/wire.rss", ITEMS)
        with sqlite3.connect(path) as db:
            db.execute(
                "INSERT INTO reports_source (name, url, interval, enabled, next_poll_at, "
                "last_result, last_error, failures, etag, last_modified, created_at) "
                "VALUES ('Wire', ?, 1, 1, datetime('now'), '', '', 0, '', '', datetime('now'))",
                [url],
            )
        loop = subprocess.Popen(
            [PYTHON, "manage.py", "poll_sources", "--loop", "--every", "0.5"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        articles = "SELECT status, count(*) FROM reports_article GROUP BY status"
        wait_for(path, articles, [("extracted", 2)])
        assert rows(path, "SELECT status FROM reports_batch") == [("done",)]

        # the feed gains an item; the source comes due (a minute) and the loop loads it
        feeds.feed("/wire.rss", [LATER, *ITEMS])
        with sqlite3.connect(path) as db:
            db.execute("UPDATE reports_source SET next_poll_at = datetime('now', '-1 second')")
        wait_for(path, articles, [("extracted", 3)])
        assert rows(path, "SELECT count(*) FROM reports_batch") == [(2,)]
        assert feeds.seen("/wire.rss")[-1].headers["If-None-Match"] == '"v1"'
    finally:
        if loop is not None:
            stop(loop)
        server.shutdown()
        server.server_close()
    assert "Wire: 2 new report(s) in batch 1" in loop.stdout.read()
