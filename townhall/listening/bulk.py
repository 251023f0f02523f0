"""Many rows in one statement on PostgreSQL, sent as a single JSON parameter.

Why JSON: Django's psycopg cursor binds parameters on the client, and psycopg turns a Python
list into an array literal in Python, value by value; for the few thousand values of one
ingest batch that was a fifth of the process's CPU (profiled, issue 13). `json.dumps` is C,
and PostgreSQL's `json_populate_recordset(NULL::table, …)` reads the rows back with the
table's own column types, so the SQL does not repeat them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from django.db import connection


def _default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot send {type(value).__name__} as JSON")


def rows_json(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """The rows as a JSON array of objects keyed by column name."""
    return json.dumps(
        [dict(zip(columns, row, strict=True)) for row in rows],
        default=_default,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def select_rows(table: str, columns: Sequence[str]) -> str:
    """`SELECT <columns> FROM <the rows of one JSON parameter, typed as table's rows>`."""
    qn = connection.ops.quote_name
    cols = ", ".join(qn(c) for c in columns)
    return f"SELECT {cols} FROM json_populate_recordset(NULL::{qn(table)}, %s::json)"  # noqa: S608 - model names
