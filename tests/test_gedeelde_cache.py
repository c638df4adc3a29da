"""One cache for all app servers: the default cache is Django's database cache, its table
comes with `migrate`, and a rate limit counted in one process holds in the next."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent

HERSTEL_AANVRAGEN = """
from django.test import Client
c = Client(REMOTE_ADDR="203.0.113.5", HTTP_HOST="127.0.0.1")
print(",".join(str(c.post("/accounts/password_reset/", {"email": "x@example.nl"}).status_code)
               for _ in range(3)))
"""


def manage(*args, database_url):
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ZELFSCAN_"))}
    omgeving["DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout


def test_the_default_cache_is_the_database():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def test_the_password_reset_limit_holds_across_processes(tmp_path):
    url = f"sqlite:///{tmp_path / 'gedeeld.sqlite3'}"
    manage("migrate", "--noinput", database_url=url)  # makes the cache table too
    eerste = manage("shell", "-c", HERSTEL_AANVRAGEN, database_url=url).strip().splitlines()[-1]
    tweede = manage("shell", "-c", HERSTEL_AANVRAGEN, database_url=url).strip().splitlines()[-1]
    assert eerste == "302,302,302"
    assert tweede == "302,302,429"  # the sixth request, in another process
