"""Writing many rows at once: COPY and UPDATE ... FROM unnest on PostgreSQL, Django's bulk
methods elsewhere.

A merge of a chunk of articles creates a few hundred rows (officials, engagements, stops,
citations, and a history row for most). Django's `bulk_create` builds one INSERT of them
all, binding every value in Python; PostgreSQL's COPY takes the rows as a stream, which
psycopg writes in C. The rows' primary keys are drawn from the table's sequence first,
in one query, so that other rows can refer to them, as after `bulk_create`. Changed rows
are updated by one statement joining the table to arrays of their new values, where
`bulk_update` would build a CASE expression per field in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history


def rows_insert(
    model: type[models.Model], objs: Iterable[models.Model], *, history: bool = False
) -> list[models.Model]:
    """Insert the unsaved objects (each gets its primary key), with history rows if asked.

    The objects are as `bulk_create` takes them: no `save()` is called, defaults and
    `auto_now` fields are filled in. With `history`, each gets a creation row in its
    django-simple-history table, as `bulk_create_with_history` writes.
    """
    objs = list(objs)
    if not objs:
        return objs
    # the connection itself, not the proxy `django.db.connection`: each of the many
    # attribute reads below would otherwise go through a context-local look-up
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        if history:
            return bulk_create_with_history(objs, model)
        return model._default_manager.bulk_create(objs)
    table = model._meta.db_table
    pk = model._meta.pk
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, pk.column, len(objs)],
        )
        for obj, (key,) in zip(objs, cursor.fetchall(), strict=True):
            setattr(obj, pk.attname, key)
    fields = model._meta.concrete_fields
    rows = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        rows.append([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
        obj._state.adding, obj._state.db = False, connection.alias
    _copy(connection, table, [f.column for f in fields], rows)
    if history:
        _history_insert(connection, model, objs)
    return objs


def values_insert(
    model: type[models.Model], fields: list[str], rows: Iterable[Iterable[Any]]
) -> None:
    """Insert rows given as values of the named fields (attnames), no model instance each.

    For rows nothing refers to (citations, band keys): no primary keys are read back, no
    defaults filled in, so every column without a database default must be named.
    """
    rows = [list(row) for row in rows]
    if not rows:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(
            model(**dict(zip(fields, row, strict=True))) for row in rows
        )
        return
    columns = [model._meta.get_field(name) for name in fields]
    prepared = [
        [f.get_db_prep_save(value, connection) for f, value in zip(columns, row, strict=True)]
        for row in rows
    ]
    _copy(connection, model._meta.db_table, [f.column for f in columns], prepared)


def rows_update(
    model: type[models.Model],
    objs: Iterable[models.Model],
    fields: list[str],
    *,
    history: bool = False,
) -> None:
    """Save these fields of the objects (rows on record), with history rows if asked.

    As `bulk_update` (and `bulk_update_with_history`, whose change rows it writes):
    `auto_now` fields are saved only if named, with the value the object holds.
    """
    objs = list(objs)
    if not objs or not fields:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        if history:
            bulk_update_with_history(objs, model, fields)
        else:
            model._default_manager.bulk_update(objs, fields)
        return
    meta = model._meta
    columns = [meta.pk, *(meta.get_field(name) for name in fields)]
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_update", fields=columns[1:])
    quote = connection.ops.quote_name
    names = [quote(f.column) for f in columns]
    arrays = ", ".join(f"%s::{f.db_type(connection)}[]" for f in columns)
    statement = (
        f"UPDATE {quote(meta.db_table)} AS t SET "
        + ", ".join(f"{name} = u.{name}" for name in names[1:])
        + f" FROM unnest({arrays}) AS u({', '.join(names)}) WHERE t.{names[0]} = u.{names[0]}"
    )
    values = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for obj in objs] for f in columns
    ]
    with connection.cursor() as cursor:
        cursor.execute(statement, values)
    if history:
        _history_insert(connection, model, objs, kind="~")


def _history_insert(
    connection: Any, model: type[models.Model], objs: list[models.Model], kind: str = "+"
) -> None:
    """Rows of the objects in the model's history table (one COPY): created (+), changed (~)."""
    history = model.history.model
    now = timezone.now()
    special: dict[str, Any] = {
        "history_date": now,
        "history_change_reason": "",
        "history_type": kind,
    }
    fields = [f for f in history._meta.concrete_fields if not f.primary_key]
    rows = []
    for obj in objs:
        user = history.get_default_history_user(obj)
        values = {**special, "history_user_id": user.pk if user is not None else None}
        rows.append(
            [
                f.get_db_prep_save(
                    values[f.attname] if f.attname in values else getattr(obj, f.attname),
                    connection,
                )
                for f in fields
            ]
        )
    _copy(connection, history._meta.db_table, [f.column for f in fields], rows)


def _copy(connection: Any, table: str, columns: list[str], rows: list[list[Any]]) -> None:
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN"
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.copy(statement) as copy,
    ):
        for row in rows:
            copy.write_row(row)
