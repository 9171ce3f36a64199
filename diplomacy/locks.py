"""A database-wide lock for writes that match facts against the whole record."""

from django.db import connection

# Merging an article's extraction, and merging two records by hand, both look
# records up and then attach rows to what they found: one at a time.
RECORD_LOCK_KEY = 7_304_211


def record_lock() -> None:
    """Hold the record lock until the current transaction ends (PostgreSQL).

    SQLite serializes writers by itself, so nothing is needed there.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RECORD_LOCK_KEY])
