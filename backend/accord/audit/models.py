"""Audit events: who changed what, when, with the before and after of changed fields."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index
from sqlmodel import Field

from accord.core.models import OutputModel, SQLModel, created_at_field, id_field


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_network_time", "network_id", "created_at", "id"),
        Index("ix_audit_events_object", "object_type", "object_id"),
    )

    id: uuid.UUID = id_field()
    # Null for platform-level events (an account created by an admin).
    network_id: uuid.UUID | None = Field(
        default=None, foreign_key="networks.id", ondelete="CASCADE"
    )
    actor_id: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    action: str = Field(max_length=60)
    object_type: str = Field(max_length=40)
    object_id: str = Field(max_length=64)
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_at: datetime = created_at_field()


class FieldChange(OutputModel):
    before: Any = None
    after: Any = None


class AuditEventPublic(OutputModel):
    id: uuid.UUID
    action: str
    object_type: str
    object_id: str
    actor_id: uuid.UUID | None
    actor_name: str | None
    changes: dict[str, FieldChange]
    created_at: datetime
