"""Appending and reading audit events. Every write in every domain goes through `record`."""

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from accord.accounts.models import User
from accord.audit.models import AuditEvent, AuditEventPublic, FieldChange
from accord.core.models import new_row, utcnow
from accord.core.pagination import (
    CursorCodec,
    SortColumn,
    page_of,
    paginate,
    parse_datetime,
    parse_uuid,
)

# Never copied into the trail, whatever the object.
_SECRET_FIELDS = frozenset({"password_hash", "password"})


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple | set):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set) else items
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def diff(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> dict[str, Any]:
    """The fields that differ, as {field: {"before": …, "after": …}}."""
    before, after = before or {}, after or {}
    changes: dict[str, Any] = {}
    for field in sorted(set(before) | set(after)):
        if field in _SECRET_FIELDS:
            continue
        old, new = _plain(before.get(field)), _plain(after.get(field))
        if old != new:
            changes[field] = {"before": old, "after": new}
    return changes


def event_row(
    *,
    actor_id: uuid.UUID | None,
    network_id: uuid.UUID | None,
    action: str,
    object_type: str,
    object_id: uuid.UUID | str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """An audit event as a row, for a write path that inserts its rows itself (in one
    statement with the rest of its change, see database.insert_unless_taken)."""
    return new_row(
        AuditEvent,
        network_id=network_id,
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        changes=diff(before, after),
    )


def record(
    session: Session,
    *,
    actor_id: uuid.UUID | None,
    network_id: uuid.UUID | None,
    action: str,
    object_type: str,
    object_id: uuid.UUID | str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEvent:
    event = AuditEvent(
        **event_row(
            actor_id=actor_id,
            network_id=network_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=before,
            after=after,
        )
    )
    session.add(event)
    return event


_SORT = [
    SortColumn(AuditEvent.created_at, descending=True, parse=parse_datetime),
    SortColumn(AuditEvent.id, descending=True, parse=parse_uuid),
]


def list_events(
    session: Session,
    network_id: uuid.UUID,
    *,
    object_type: str | None,
    object_id: str | None,
    actor_id: uuid.UUID | None,
    action: str | None,
    since: datetime | None,
    until: datetime | None,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[AuditEventPublic], str | None]:
    cursors = codec.for_list(
        "audit",
        network=network_id,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
    )
    statement = (
        select(AuditEvent, col(User.full_name))
        .outerjoin(User, User.id == AuditEvent.actor_id)  # type: ignore[arg-type]
        .where(AuditEvent.network_id == network_id)  # type: ignore[arg-type]
    )
    if object_type:
        statement = statement.where(AuditEvent.object_type == object_type)  # type: ignore[arg-type]
    if object_id:
        statement = statement.where(AuditEvent.object_id == object_id)  # type: ignore[arg-type]
    if actor_id:
        statement = statement.where(AuditEvent.actor_id == actor_id)  # type: ignore[arg-type]
    if action:
        statement = statement.where(AuditEvent.action == action)  # type: ignore[arg-type]
    if since:
        statement = statement.where(AuditEvent.created_at >= since)  # type: ignore[arg-type]
    if until:
        statement = statement.where(AuditEvent.created_at < until)  # type: ignore[arg-type]
    rows = session.execute(
        paginate(statement, cursors=cursors, columns=_SORT, limit=limit, cursor=cursor)
    ).all()
    items, next_cursor = page_of(
        rows, cursors=cursors, limit=limit, key=lambda row: (row[0].created_at, row[0].id)
    )
    return [
        AuditEventPublic(
            id=event.id,
            action=event.action,
            object_type=event.object_type,
            object_id=event.object_id,
            actor_id=event.actor_id,
            actor_name=actor_name,
            changes={k: FieldChange(**v) for k, v in event.changes.items()},
            created_at=event.created_at,
        )
        for event, actor_name in items
    ], next_cursor


def record_update(
    session: Session,
    record_object: Any,
    *,
    actor_id: uuid.UUID,
    network_id: uuid.UUID,
    action: str,
    object_type: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
) -> bool:
    """The end of every edit: if anything changed, move the record's version (its ETag) and
    `updated_at`, and append the audit event with the fields that changed."""
    if after == before:
        return False
    record_object.version += 1
    record_object.updated_at = utcnow()
    session.add(record_object)
    record(
        session,
        actor_id=actor_id,
        network_id=network_id,
        action=action,
        object_type=object_type,
        object_id=record_object.id,
        before=before,
        after=after,
    )
    session.flush()
    return True
