"""The gazetteer's rules: codes unique in a network, parents in the same network and never
a cycle, no removal of an area that is in use or has sub-areas; and the one place where
an area filter is widened to the sub-areas of what was asked (`with_sub_areas`)."""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlmodel import Session, col

from accord.areas.models import (
    MAX_AREAS_PER_NETWORK,
    Area,
    AreaCreate,
    AreaNamesPublic,
    AreaPublic,
    AreaUpdate,
)
from accord.audit import service as audit
from accord.core.concurrency import require_current_version
from accord.core.database import fetch_rows, lock
from accord.core.errors import Conflict, NotFound
from accord.core.pagination import CursorCodec, SortColumn, page_of, paginate, parse_uuid
from accord.core.search import matches_folded
from accord.networks.access import NetworkAccess
from accord.networks.models import Network
from accord.partners.models import LabelKind, Partner, PartnerLabel
from accord.services.models import Service, ServiceLabel, ServiceLocation

LANGUAGES = ("en", "fr", "es")


# --- the hierarchy, as filters and the route graph read it -----------------------------------


@dataclass(frozen=True)
class Gazetteer:
    """A network's areas by code: parent codes and names. Small (MAX_AREAS_PER_NETWORK)."""

    parents: dict[str, str | None]
    names: dict[str, dict[str, str | None]]

    def children(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for code, parent in self.parents.items():
            if parent is not None:
                result.setdefault(parent, []).append(code)
        return result

    def with_sub_areas(self, codes: Iterable[str]) -> list[str]:
        """`codes` and every area below them, in a stable order (codes asked first)."""
        children = self.children()
        found = list(dict.fromkeys(codes))
        seen = set(found)
        index = 0
        while index < len(found):
            for child in children.get(found[index], ()):
                if child not in seen:
                    seen.add(child)
                    found.append(child)
            index += 1
        return found

    def with_wider_areas(self, codes: Iterable[str]) -> set[str]:
        """`codes` and every area above them."""
        found: set[str] = set()
        for code in codes:
            current: str | None = code
            while current is not None and current not in found:
                found.add(current)
                current = self.parents.get(current)
        return found

    def name(self, code: str, language: str) -> str:
        """The area's name in `language` (English when it has none), or the code itself."""
        names = self.names.get(code)
        if names is None:
            return code
        return names.get(language) or names["en"] or code


def _gazetteer_statement() -> Any:
    areas = Area.__table__.alias("a")  # type: ignore[attr-defined]
    parents = Area.__table__.alias("p")  # type: ignore[attr-defined]
    return (
        select(areas.c.code, parents.c.code, areas.c.name_en, areas.c.name_fr, areas.c.name_es)
        .select_from(areas.outerjoin(parents, parents.c.id == areas.c.parent_id))
        .where(areas.c.network_id == bindparam("network_id", type_=areas.c.network_id.type))
    )


# Built once: every area filter reads the gazetteer, and building the statement and its
# cache key per request cost more than running it (1.4 -> 0.2 ms of a region's page).
_GAZETTEER = _gazetteer_statement()


def gazetteer(session: Session, network_id: uuid.UUID) -> Gazetteer:
    rows = fetch_rows(session, _GAZETTEER, {"network_id": network_id})
    return Gazetteer(
        parents={row[0]: row[1] for row in rows},
        names={row[0]: {"en": row[2], "fr": row[3], "es": row[4]} for row in rows},
    )


def with_sub_areas(session: Session, network_id: uuid.UUID, codes: Sequence[str]) -> list[str]:
    """An area filter as partners and services apply it: a region matches its districts."""
    if not codes:
        return []
    return gazetteer(session, network_id).with_sub_areas(codes)


# --- reading -----------------------------------------------------------------------------------


def _public_many(session: Session, areas: Sequence[Area]) -> list[AreaPublic]:
    parent_ids = {a.parent_id for a in areas if a.parent_id is not None}
    codes: dict[uuid.UUID, str] = {}
    if parent_ids:
        rows = session.execute(
            select(col(Area.id), col(Area.code)).where(col(Area.id).in_(parent_ids))
        )
        codes = {row[0]: row[1] for row in rows}
    return [
        AreaPublic(
            id=area.id,
            code=area.code,
            names=AreaNamesPublic(en=area.name_en, fr=area.name_fr, es=area.name_es),
            parent_id=area.parent_id,
            parent_code=codes.get(area.parent_id) if area.parent_id else None,
            version=area.version,
            created_at=area.created_at,
            updated_at=area.updated_at,
        )
        for area in areas
    ]


def describe(session: Session, area: Area) -> AreaPublic:
    return _public_many(session, [area])[0]


def get_area(
    session: Session, network_id: uuid.UUID, area_id: uuid.UUID, *, for_update: bool = False
) -> Area:
    area = lock(session, Area, area_id) if for_update else session.get(Area, area_id)
    if area is None or area.network_id != network_id:
        raise NotFound("No area with this id in this network.")
    return area


_SORT = [
    SortColumn(col(Area.sort_name)),
    SortColumn(col(Area.code)),
    SortColumn(col(Area.id), parse=parse_uuid),
]


def list_areas(
    session: Session,
    network_id: uuid.UUID,
    *,
    q: str | None,
    parent_id: uuid.UUID | None,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[AreaPublic], str | None]:
    """Areas by English name; `q` matches the code and the name in any language."""
    cursors = codec.for_list("areas", network=network_id, q=q, parent_id=parent_id)
    statement: Any = select(Area).where(col(Area.network_id) == network_id)
    if q and q.strip():
        statement = statement.where(matches_folded(q, col(Area.search_text)))
    if parent_id is not None:
        statement = statement.where(col(Area.parent_id) == parent_id)
    rows = session.execute(
        paginate(
            statement, cursors=cursors, columns=_SORT, limit=limit, cursor=cursor, select_keys=True
        )
    ).all()
    page, next_cursor = page_of(rows, cursors=cursors, limit=limit, key=lambda row: row[1:])
    return _public_many(session, [row[0] for row in page]), next_cursor


def area_tree(session: Session, network_id: uuid.UUID) -> list[AreaPublic]:
    """Every area of the network (at most MAX_AREAS_PER_NETWORK), each parent before its
    children and siblings by English name: what a picker shows as an indented list."""
    areas = list(
        session.scalars(
            select(Area)
            .where(col(Area.network_id) == network_id)
            .order_by(col(Area.sort_name), col(Area.code), col(Area.id))
        )
    )
    children: dict[uuid.UUID | None, list[Area]] = {}
    for area in areas:
        children.setdefault(area.parent_id, []).append(area)
    ordered: list[Area] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        area = stack.pop()
        ordered.append(area)
        stack.extend(reversed(children.get(area.id, [])))
    return _public_many(session, ordered)


# --- writing -----------------------------------------------------------------------------------


def _snapshot(area: Area, parent_code: str | None) -> dict[str, Any]:
    return {
        "code": area.code,
        "name_en": area.name_en,
        "name_fr": area.name_fr,
        "name_es": area.name_es,
        "parent": parent_code,
    }


def _parent(session: Session, network_id: uuid.UUID, parent_id: uuid.UUID | None) -> Area | None:
    if parent_id is None:
        return None
    parent = session.get(Area, parent_id)
    if parent is None or parent.network_id != network_id:
        # 409, not 422: the id is well-formed; it names no area of this network (now).
        raise Conflict.on_field("body.parent_id", "No area with this id in this network.")
    return parent


def _ancestors(session: Session, area: Area) -> set[uuid.UUID]:
    """`area` and every area above it (each seen once, whatever the data holds)."""
    found: set[uuid.UUID] = set()
    current: Area | None = area
    while current is not None and current.id not in found:
        found.add(current.id)
        current = session.get(Area, current.parent_id) if current.parent_id else None
    return found


def create_area(session: Session, access: NetworkAccess, data: AreaCreate) -> AreaPublic:
    network_id = access.network_id
    count = session.scalar(
        select(func.count()).select_from(Area).where(col(Area.network_id) == network_id)
    )
    if (count or 0) >= MAX_AREAS_PER_NETWORK:
        raise Conflict(f"A network's gazetteer holds at most {MAX_AREAS_PER_NETWORK} areas.")
    taken = session.scalar(
        select(col(Area.id)).where(col(Area.network_id) == network_id, col(Area.code) == data.code)
    )
    if taken is not None:
        raise Conflict.on_field("body.code", "An area with this code already exists.")
    parent = _parent(session, network_id, data.parent_id)
    area = Area(
        network_id=network_id,
        code=data.code,
        name_en=data.names.en,
        name_fr=data.names.fr,
        name_es=data.names.es,
        parent_id=parent.id if parent else None,
    )
    session.add(area)
    session.flush()
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=network_id,
        action="area.create",
        object_type="area",
        object_id=area.id,
        after=_snapshot(area, parent.code if parent else None),
    )
    return describe(session, area)


def update_area(
    session: Session,
    access: NetworkAccess,
    area_id: uuid.UUID,
    data: AreaUpdate,
    if_match: str | None,
) -> AreaPublic:
    network_id = access.network_id
    moving = "parent_id" in data.model_fields_set
    if moving:
        # Moves in one network's gazetteer take turns (the network row is the lock, as for
        # memberships), taken before the area's own: two moves at once could otherwise each
        # pass the check below and together close a cycle (A under B, B under A).
        lock(session, Network, network_id)
    area = get_area(session, network_id, area_id, for_update=True)
    require_current_version(if_match, area.version)
    old_parent = session.get(Area, area.parent_id) if area.parent_id else None
    before = _snapshot(area, old_parent.code if old_parent else None)
    new_parent = old_parent
    if moving:
        new_parent = _parent(session, network_id, data.parent_id)
        if new_parent is not None and area.id in _ancestors(session, new_parent):
            raise Conflict.on_field(
                "body.parent_id", "An area cannot be inside itself or one of its sub-areas."
            )
        area.parent_id = new_parent.id if new_parent else None
    if data.names is not None:
        area.name_en = data.names.en
        area.name_fr = data.names.fr
        area.name_es = data.names.es
    audit.record_update(
        session,
        area,
        actor_id=access.user.id,
        network_id=network_id,
        action="area.update",
        object_type="area",
        before=before,
        after=_snapshot(area, new_parent.code if new_parent else None),
    )
    return describe(session, area)


def uses_of(session: Session, network_id: uuid.UUID, code: str) -> int:
    """How many partners, services and locations of the network name `code` as their area."""
    partners = session.scalar(
        select(func.count())
        .select_from(PartnerLabel)
        .join(Partner, col(Partner.id) == col(PartnerLabel.partner_id))
        .where(
            col(Partner.network_id) == network_id,
            col(PartnerLabel.kind) == LabelKind.area,
            col(PartnerLabel.value) == code,
        )
    )
    services = session.scalar(
        select(func.count())
        .select_from(ServiceLabel)
        .join(Service, col(Service.id) == col(ServiceLabel.service_id))
        .where(
            col(Service.network_id) == network_id,
            col(ServiceLabel.kind) == LabelKind.area,
            col(ServiceLabel.value) == code,
        )
    )
    locations = session.scalar(
        select(func.count())
        .select_from(ServiceLocation)
        .join(Service, col(Service.id) == col(ServiceLocation.service_id))
        .where(col(Service.network_id) == network_id, col(ServiceLocation.area) == code)
    )
    return (partners or 0) + (services or 0) + (locations or 0)


def delete_area(
    session: Session, access: NetworkAccess, area_id: uuid.UUID, if_match: str | None
) -> None:
    """Refused (409) while sub-areas sit under it or partners, services or locations use its
    code: removing it would silently turn their names back into codes."""
    network_id = access.network_id
    area = get_area(session, network_id, area_id, for_update=True)
    require_current_version(if_match, area.version)
    children = session.scalar(
        select(func.count()).select_from(Area).where(col(Area.parent_id) == area.id)
    )
    if children:
        raise Conflict(f"This area has {children} sub-area(s). Move or delete them first.")
    used = uses_of(session, network_id, area.code)
    if used:
        raise Conflict(
            f"{used} partner(s), service(s) or location(s) name this area. "
            "Change their areas first."
        )
    parent = session.get(Area, area.parent_id) if area.parent_id else None
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=network_id,
        action="area.delete",
        object_type="area",
        object_id=area.id,
        before=_snapshot(area, parent.code if parent else None),
    )
    session.delete(area)
