"""HTTP for reading a network's audit trail."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from accord.audit import service
from accord.audit.models import AuditEventPublic
from accord.core.deps import AccordRoute, ReadSession
from accord.core.fields import IsoDateTime
from accord.core.openapi import LIST_ERRORS, responses
from accord.core.pagination import CursorQuery, Cursors, LimitQuery, Page
from accord.networks.access import CoordinatorAccess

router = APIRouter(route_class=AccordRoute, prefix="/networks/{network}/audit", tags=["audit"])


@router.get("", response_model=Page[AuditEventPublic], responses=responses(*LIST_ERRORS))
def list_audit_events(
    access: CoordinatorAccess,
    session: ReadSession,
    cursors: Cursors,
    object_type: Annotated[str | None, Query(max_length=40, examples=["partner"])] = None,
    object_id: Annotated[str | None, Query(max_length=64)] = None,
    actor_id: uuid.UUID | None = None,
    action: Annotated[str | None, Query(max_length=60, examples=["partner.update"])] = None,
    since: Annotated[IsoDateTime | None, Query(description="From this time (inclusive).")] = None,
    until: Annotated[IsoDateTime | None, Query(description="Before this time.")] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[AuditEventPublic]:
    """Who changed what in the network, newest first (coordinators)."""
    items, next_cursor = service.list_events(
        session,
        access.network_id,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        action=action,
        since=since,
        until=until,
        codec=cursors,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=items, next_cursor=next_cursor)
