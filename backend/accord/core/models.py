"""Shared model machinery: metadata naming, UTC timestamps, and input-model hygiene."""

import uuid
from datetime import UTC, datetime
from functools import cache
from typing import Any

from pydantic import ConfigDict, field_validator, model_validator
from sqlalchemy import DateTime, String, Text, TypeDecorator, event
from sqlmodel import Field, SQLModel

from accord.core.search import search_key, sort_key

# Stable constraint names, so migrations can name what they drop.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every database (SQLite drops the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def id_field() -> Any:
    return Field(default_factory=uuid.uuid4, primary_key=True)


def created_at_field() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


def code_field(max_length: int, **kwargs: Any) -> Any:
    """A column holding a vocabulary code. Stored as plain text, not a database enum, so
    that adding a code never needs a schema change (codes are validated by the API)."""
    return Field(sa_type=String(max_length), **kwargs)


def sort_key_field(source: str, max_length: int) -> Any:
    """A column holding sort_key(`source`) (core/search.py: case and accents ignored):
    filled on Core inserts by its default; models keep it current on ORM writes with
    `keep_sort_key`. Stored beside the name so that a list is read in order from an index
    instead of sorting a whole network's rows on every page."""

    def default(context: Any) -> str:
        return sort_key(context.get_current_parameters()[source])

    return Field(default="", max_length=max_length, sa_column_kwargs={"default": default})


def keep_sort_key(model: type[SQLModel], source: str, target: str) -> None:
    """Recompute `target` from `source` whenever the ORM inserts or updates a `model`."""

    def refresh(_mapper: Any, _connection: Any, row: Any) -> None:
        setattr(row, target, sort_key(getattr(row, source)))

    event.listen(model, "before_insert", refresh)
    event.listen(model, "before_update", refresh)


def search_text_field(*sources: str) -> Any:
    """A column holding search_key(*`sources`): what the list's `q` is matched against.
    Filled on Core inserts by its default; kept current on ORM writes by
    `keep_search_text`."""

    def default(context: Any) -> str:
        values = context.get_current_parameters()
        return search_key(*(values.get(source) for source in sources))

    return Field(default="", sa_type=Text, sa_column_kwargs={"default": default})


def keep_search_text(model: type[SQLModel], target: str, *sources: str) -> None:
    """Recompute `target` from `sources` whenever the ORM inserts or updates a `model`."""

    def refresh(_mapper: Any, _connection: Any, row: Any) -> None:
        setattr(row, target, search_key(*(getattr(row, source) for source in sources)))

    event.listen(model, "before_insert", refresh)
    event.listen(model, "before_update", refresh)


def _check_value(value: Any) -> Any:
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("must not contain NUL characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:  # lone surrogates from JSON "\ud800" escapes
            raise ValueError("must be valid Unicode text") from exc
    is_integer = isinstance(value, int) and not isinstance(value, bool)
    if is_integer and not INT64_MIN <= value <= INT64_MAX:
        raise ValueError("must fit in a signed 64-bit integer")
    if isinstance(value, list | tuple | set):
        for item in value:
            _check_value(item)
    if isinstance(value, dict):
        for key, item in value.items():
            _check_value(key)
            _check_value(item)
    return value


def _drop_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def optional(**kwargs: Any) -> Any:
    """A field a PATCH may leave out but never set to null: absent means "unchanged", and
    the schema says `string` (not `string | null`), so null is refused with 422."""
    return Field(default=None, schema_extra={"json_schema_extra": _drop_default}, **kwargs)


class InputModel(SQLModel):
    """Base of every request body: unknown fields, NUL bytes and huge integers are refused,
    and JSON values are taken for what they are: `true` is not 1, `"yes"` is not `true`,
    `"12"` is not 12 (strict mode; 12.0 is 12, as in JSON Schema). FastAPI validates a body
    in Python mode (after parsing the JSON), where strict mode would also refuse the strings
    JSON uses for ids, codes and dates: those fields use `Id`, `IsoDate` (core/fields.py)
    and `Code` enums (core/vocabulary.py), which read their string and nothing else."""

    model_config = ConfigDict(extra="forbid", strict=True)  # type: ignore[assignment]

    @model_validator(mode="before")
    @classmethod
    def _integral_numbers_are_integers(cls, data: Any) -> Any:
        # JSON has one kind of number and JSON Schema counts 2.0 as an integer: strict mode
        # would refuse it for an integer field. 2.5 and "2" are still refused.
        if not isinstance(data, dict):
            return data
        return {
            name: int(value) if isinstance(value, float) and value.is_integer() else value
            for name, value in data.items()
        }

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_unstorable(cls, value: Any) -> Any:
        return _check_value(value)


class OutputModel(SQLModel):
    """Base of every response body."""


def new_row(model: type[SQLModel], **values: Any) -> dict[str, Any]:
    """A new row of `model`'s table as a plain dict, for a Core insert: `values`, and the
    model's own defaults for every other column (ids, timestamps, versions). Costs a
    fraction of building the ORM object, which write paths run per request."""
    row = dict(values)
    for name, default, factory in _defaults(model):
        if name not in row:
            row[name] = factory() if factory is not None else default
    return row


@cache
def _defaults(model: type[SQLModel]) -> tuple[tuple[str, Any, Any], ...]:
    """Each field's default value or factory (read once: pydantic inspects a factory's
    signature whenever it is asked for a default)."""
    defaults = []
    for name, info in model.model_fields.items():
        if info.is_required():
            defaults.append((name, None, _required(model, name)))
        else:
            defaults.append((name, info.default, info.default_factory))
    return tuple(defaults)


def _required(model: type[SQLModel], name: str) -> Any:
    def refuse() -> Any:
        raise TypeError(f"a new {model.__name__} needs a value for {name}")

    return refuse
