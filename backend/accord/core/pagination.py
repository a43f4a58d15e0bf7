"""Cursor (keyset) pagination: stable under inserts, cheap on indexed columns.

A cursor is opaque to clients: base64url of the sort name and the last row's sort values.
"""

import base64
import binascii
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, or_
from sqlalchemy.sql.elements import ColumnElement

from accord.core.errors import InvalidInput

T = TypeVar("T")
AnySelect = Select[*tuple[Any, ...]]

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page."
    )


@dataclass(frozen=True)
class SortColumn:
    expression: Any  # a column or SQL expression
    descending: bool = False
    # How a value read back from a cursor becomes a bindable value again.
    parse: Callable[[Any], Any] = lambda value: value


def parse_uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(str(value))


def parse_datetime(value: Any) -> datetime:
    return datetime.fromisoformat(str(value))


def _to_json(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def encode_cursor(sort_name: str, values: Sequence[Any]) -> str:
    raw = orjson.dumps({"s": sort_name, "v": [_to_json(v) for v in values]})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(
    cursor: str, sort_name: str, parsers: Sequence[Callable[[Any], Any]]
) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = orjson.loads(raw)
        if not isinstance(data, dict) or data.get("s") != sort_name:
            raise ValueError("cursor belongs to another sort order")
        values = data["v"]
        if not isinstance(values, list) or len(values) != len(parsers):
            raise ValueError("cursor has the wrong shape")
        return [None if v is None else parse(v) for parse, v in zip(parsers, values, strict=True)]
    except (ValueError, KeyError, TypeError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise InvalidInput.on(
            "query.cursor", "This cursor is not valid for this list; start again without it."
        ) from exc


def _after(columns: Sequence[SortColumn], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in the order of `columns` (mixed directions allowed)."""
    clauses = []
    for index, column in enumerate(columns):
        equal_before = [columns[i].expression == values[i] for i in range(index)]
        beyond = (
            column.expression < values[index]
            if column.descending
            else column.expression > values[index]
        )
        clauses.append(and_(*equal_before, beyond))
    return or_(*clauses)


def paginate(
    statement: AnySelect,
    *,
    sort_name: str,
    columns: Sequence[SortColumn],
    limit: int,
    cursor: str | None,
    select_keys: bool = False,
) -> AnySelect:
    """Order and window `statement`; fetch one row more than `limit` to know if more exist.
    `select_keys` appends the sort values to each row, for sorts on computed expressions
    (lower(name), a rank) whose cursor values must come from the database itself."""
    if cursor:
        values = decode_cursor(cursor, sort_name, [column.parse for column in columns])
        statement = statement.where(_after(columns, values))
    if select_keys:
        statement = statement.add_columns(*(c.expression for c in columns))
    order = [c.expression.desc() if c.descending else c.expression.asc() for c in columns]
    return statement.order_by(*order).limit(limit + 1)


def page_of(
    rows: Sequence[T],
    *,
    limit: int,
    sort_name: str,
    key: Callable[[T], Sequence[Any]],
) -> tuple[list[T], str | None]:
    """Split the `limit + 1` rows fetched by `paginate` into a page and the next cursor."""
    items = list(rows[:limit])
    has_more = len(rows) > limit
    next_cursor = encode_cursor(sort_name, key(items[-1])) if has_more and items else None
    return items, next_cursor


LimitQuery = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")
]
CursorQuery = Annotated[
    str | None,
    Query(max_length=1000, description="The `next_cursor` of the previous page."),
]
