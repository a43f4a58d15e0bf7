"""Search and sort as people read names: case and accents ignored ("Asociacion" finds
"Asociación"), the same on SQLite and PostgreSQL. The folded text is computed here, in
Python, and stored beside the record (`search_text`, `sort_name`), so a query compares
plain stored strings instead of calling per-database functions on every row."""

import unicodedata
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, func, or_

# Sort keys live in String(200) columns; folding can lengthen a name ("ß" is "ss").
SORT_KEY_MAX = 200


def fold(text: str) -> str:
    """`text` without case and accents: casefolded, decomposed (NFKD), combining marks
    dropped. "Édith" and "edith", "Asociación" and "ASOCIACION" fold the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def sort_key(name: str) -> str:
    return fold(name)[:SORT_KEY_MAX]


def search_key(*parts: str | None) -> str:
    """The stored search text of a record: its searchable fields, folded, one per line."""
    return "\n".join(fold(part) for part in parts if part)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def folded_pattern(q: str) -> str:
    """The LIKE pattern of `matches_folded` for `q`: its folded text anywhere, with % and _
    matching literally."""
    return f"%{_escape_like(fold(q.strip()))}%"


def matches_folded(q: str | BindParameter[str], column: Any) -> ColumnElement[bool]:
    """Rows whose stored folded `column` contains `q`, folded the same way; % and _ match
    literally. `q` may be a bound parameter whose value is `folded_pattern(q)`."""
    pattern = q if isinstance(q, BindParameter) else folded_pattern(q)
    return column.like(pattern, escape="\\")


def matches_text(q: str, *columns: Any) -> ColumnElement[bool]:
    """Rows where any of `columns` contains `q`, ignoring case; % and _ match literally.
    For records without a stored search text (accounts)."""
    pattern = f"%{_escape_like(q.strip().lower())}%"
    return or_(*(func.lower(column).like(pattern, escape="\\") for column in columns))
