"""Transaction-scoped locks (PostgreSQL advisory locks) for writes that match against the record.

Merging an article's extraction (or a chunk of articles' at once) looks records
up by name and then attaches rows to what it found. Two merges about the same
people must run one after the other; merges about different people may run side
by side. So:

- an article merge holds the record lock *shared* and an exclusive lock per
  name, place and agreement it looks up (for a chunk: those of all its
  articles, taken together), then per official it resolved to;
- an editor's merge of two records (and re-extraction's pruning, which
  deletes across the record) holds the record lock *exclusively*, waiting for
  the article merges in progress and holding new ones back.

Every transaction takes its locks in one global order (record lock, then
lock keys by namespace and number), so none waits on another in a cycle.
SQLite serializes writers by itself; there these are no-ops.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.db import connection

RECORD_LOCK_KEY = 7_304_211
# Namespaces of keys_lock, in the order a transaction may take them.
NAMESPACES = {"merge": 7_304_001, "official": 7_304_002}


def record_lock(*, shared: bool = False) -> None:
    """Hold the record lock until the current transaction ends."""
    if connection.vendor != "postgresql":
        return
    function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(%s)", [RECORD_LOCK_KEY])


def _number(key: str) -> int:
    """A stable 32-bit number for a key (a collision only makes two merges queue)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4).digest(), "big", signed=True)


def keys_lock(namespace: str, keys: Iterable[str]) -> None:
    """Hold an exclusive lock per key until the transaction ends, taken in ascending order."""
    if connection.vendor != "postgresql":
        return
    numbers = sorted({_number(key) for key in keys})
    if not numbers:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(%s, n)) FROM unnest(%s::integer[]) AS n",
            [NAMESPACES[namespace], numbers],
        )
