"""Case-insensitive substring search that behaves the same on SQLite and PostgreSQL."""

from typing import Any

from sqlalchemy import ColumnElement, func, or_


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matches_text(q: str, *columns: Any) -> ColumnElement[bool]:
    """Rows where any of `columns` contains `q`, ignoring case; % and _ match literally."""
    pattern = f"%{_escape_like(q.strip().lower())}%"
    return or_(*(func.lower(column).like(pattern, escape="\\") for column in columns))
