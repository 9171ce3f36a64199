"""The README's demo path and the production web server, run as real processes."""

import http.cookiejar
import re
import sqlite3
import subprocess
import urllib.parse
import urllib.request

import pytest

from tests.helpers import BIN, ROOT, clean_env, free_port, manage, stop, wait_for_http


@pytest.fixture
def demo_db(tmp_path):
    """A fresh SQLite database prepared exactly as `make demo` does."""
    env = clean_env(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    for args in (
        ("migrate", "--noinput"),
        ("ingest", "sample_data", "--name", "Sample reports"),
        ("demo_users", "--password", "demo-pass-123"),
    ):
        result = manage(*args, env=env)
        assert result.returncode == 0, result.stderr
    return env, tmp_path / "demo.sqlite3"


def test_demo_set_up_loads_the_sample_reports_and_role_users(demo_db):
    env, path = demo_db
    with sqlite3.connect(path) as db:
        titles = {row[0] for row in db.execute("SELECT title FROM reports_article")}
        users = dict(
            db.execute(
                "SELECT u.username, g.name FROM auth_user u "
                "JOIN auth_user_groups ug ON ug.user_id = u.id "
                "JOIN auth_group g ON g.id = ug.group_id"
            )
        )
    assert len(titles) == 3
    assert "US, Mexico in flurry of talks amid migration, drug rows" in titles
    assert users == {"analyst": "analyst", "editor": "editor", "admin": "admin"}
    again = manage("ingest", "sample_data", env=env)
    assert "Nothing new" in again.stdout


def login(base: str, username: str, password: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(f"{base}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(f"{base}/accounts/login/", data=data)
    request.add_header("Referer", f"{base}/accounts/login/")
    opener.open(request)
    return opener


def test_the_demo_server_shows_the_samples_to_a_logged_in_analyst(demo_db):
    env, _ = demo_db
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "python"), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(f"{base}/healthz")
        opener = login(base, "analyst", "demo-pass-123")
        home = opener.open(f"{base}/").read().decode()
        assert "<strong>3</strong> Articles" in home
        assert "US, Mexico in flurry of talks amid migration, drug rows" in home
        css = opener.open(f"{base}/static/css/app.css").read().decode()
        assert "--accent" in css
        htmx = re.search(r'src="([^"]*htmx[^"]*\.js)"', home).group(1)
        assert b"htmx" in opener.open(f"{base}{htmx}").read()
    finally:
        stop(server)


def test_gunicorn_serves_the_app_and_whitenoise_its_static_files(demo_db, tmp_path):
    env, _ = demo_db
    env = dict(env, DEBUG="0", SECRET_KEY="s" * 50, STATIC_ROOT=str(tmp_path / "static"))
    collected = manage("collectstatic", "--noinput", env=env)
    assert collected.returncode == 0, collected.stderr
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "diplomacy.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert b'"ok"' in wait_for_http(f"{base}/healthz")
        page = urllib.request.urlopen(f"{base}/accounts/login/").read().decode()
        css = re.search(r'href="(/static/css/app\.[0-9a-f]+\.css)"', page).group(1)
        with urllib.request.urlopen(f"{base}{css}") as response:
            assert "max-age" in response.headers["Cache-Control"]
            assert b"--accent" in response.read()
        opener = login(base, "admin", "demo-pass-123")
        assert "Sample reports" in opener.open(f"{base}/batches/").read().decode()
    finally:
        stop(server)
