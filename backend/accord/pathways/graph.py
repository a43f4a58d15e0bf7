"""The route graph of a network: active services as nodes, active pathways as edges,
each edge carrying the needs it is agreed for. The route finder and pathway health both
read it; the algorithms are NetworkX's, not hand-rolled."""

import uuid
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, TypeVar

import networkx as nx
from sqlalchemy import String, and_, cast, or_, select
from sqlmodel import Session, col

from accord.areas import service as areas
from accord.core import collector
from accord.core.database import fetch_rows
from accord.core.kept import EVERYONE, KeptAnswers, Part
from accord.core.vocabulary import (
    NEED_SERVICE_TYPES,
    ONWARD_REFERRAL_EXPECTED,
    Need,
    PathwayStatus,
    Sector,
    ServiceStatus,
    ServiceType,
)
from accord.networks import revision
from accord.partners.models import Partner
from accord.pathways.models import Pathway, PathwayNeed, ServiceRef
from accord.services.models import Service, ServiceLabel

KEPT_PER_GRAPH = 512
T = TypeVar("T")
# The needs a service of each type meets.
NEEDS_MET_BY: dict[ServiceType, frozenset[Need]] = {
    type_: frozenset(need for need, types in NEED_SERVICE_TYPES.items() if type_ in types)
    for type_ in ServiceType
}

# Dijkstra weight: any extra step costs more than any response time, so routes with fewer
# hand-overs always come first, and among those the quickest.
STEP_COST = 10_000_000
UNKNOWN_RESPONSE_MINUTES = 24 * 60


@dataclass(frozen=True)
class ServiceNode:
    id: uuid.UUID
    name: str
    type: ServiceType
    status: ServiceStatus
    partner_id: uuid.UUID
    partner_name: str
    partner_sector: Sector
    entry_point: bool
    open_24_7: bool
    wheelchair_access: bool
    interpreters: bool
    populations: frozenset[str]
    languages: frozenset[str]
    areas: frozenset[str]
    front_door_phone: str | None
    front_door_email: str | None
    # `areas` widened through the gazetteer: their sub-areas and the areas above them, so a
    # question about a district finds a region-wide service and one about a region finds
    # a district's service.
    area_reach: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        return self.status == ServiceStatus.active

    def ref(self) -> ServiceRef:
        return ServiceRef(
            id=self.id,
            name=self.name,
            type=self.type,
            partner_id=self.partner_id,
            partner_name=self.partner_name,
            partner_sector=self.partner_sector,
        )

    def meets(self, need: Need) -> bool:
        return self.active and self.type in NEED_SERVICE_TYPES[need]

    def serves_area(self, area: str) -> bool:
        return not self.areas or area in self.area_reach


def by_name(node: ServiceNode) -> tuple[str, uuid.UUID]:
    """A sort key: by name, and by id among services of the same name."""
    return node.name, node.id


class PathwayEdge(NamedTuple):
    """A tuple: a large network has tens of thousands, and a frozen dataclass's __init__
    sets each field through a Python call."""

    id: uuid.UUID
    source: uuid.UUID
    target: uuid.UUID
    needs: frozenset[Need]
    status: PathwayStatus
    channel: str
    minutes: int | None
    consent_required: bool
    mandatory_reporting_note: str | None
    protocol_reference: str | None
    review_date: date | None


@dataclass
class RouteGraph:
    services: dict[uuid.UUID, ServiceNode]
    pathways: list[PathwayEdge]
    graph: nx.DiGraph  # active services and active pathways only
    gazetteer: areas.Gazetteer = field(default_factory=lambda: areas.Gazetteer({}, {}))
    _meeting: dict[Need, list[ServiceNode]] = field(default_factory=dict, repr=False)
    _of_type: dict[Need, list[ServiceNode]] = field(default_factory=dict, repr=False)
    _for_need: dict[Need, nx.DiGraph] | None = field(default=None, repr=False)
    _kept: dict[Hashable, Any] = field(default_factory=dict, repr=False)
    # Values worked out per need (`per_need`), by need and name: a patched graph takes over
    # those of the needs its changes did not touch.
    _per_need: dict[Need, dict[str, Any]] = field(default_factory=dict, repr=False)

    def kept(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value derived from this graph alone, computed once per key: a built graph never
        changes, and questions repeat (the same front door, the same needs). Anything that
        reads other rows (capacity posts) is kept under every write instead (core/kept.py).
        The oldest of more than KEPT_PER_GRAPH values go first."""
        if key in self._kept:
            value: T = self._kept[key]
            return value
        value = compute()
        if len(self._kept) >= KEPT_PER_GRAPH:
            self._kept.pop(next(iter(self._kept)), None)
        self._kept[key] = value
        return value

    def per_need(self, name: str, compute: Callable[[list[Need]], dict[Need, T]]) -> dict[Need, T]:
        """A value for every need, computed once per graph (`compute(needs)` for those not
        yet known, all in one call) and taken over by the graph patched from this one for
        the needs its changes did not touch (`_patched`): it must depend on the routes,
        starts and destinations of its need alone."""
        missing = [need for need in Need if name not in self._per_need.get(need, {})]
        if missing:
            for need, value in compute(missing).items():
                self._per_need.setdefault(need, {})[name] = value
        return {need: self._per_need[need][name] for need in Need}

    def meeting(self, need: Need) -> list[ServiceNode]:
        """The active services whose type meets `need`, by name; kept, as every question
        asks it (all needs in one pass over the services)."""
        if not self._meeting:
            meeting: dict[Need, list[ServiceNode]] = {n: [] for n in Need}
            for node in self.services.values():
                if node.active:
                    for met in NEEDS_MET_BY[node.type]:
                        meeting[met].append(node)
            for found in meeting.values():
                found.sort(key=by_name)
            self._meeting = meeting
        return self._meeting[need]

    def of_type_for(self, need: Need) -> list[ServiceNode]:
        """Every service whose type meets `need`, active or not (the route finder says why
        it left each out); kept."""
        found = self._of_type.get(need)
        if found is None:
            types = NEED_SERVICE_TYPES[need]
            found = self._of_type[need] = [s for s in self.services.values() if s.type in types]
        return found

    def entry_points(self) -> list[uuid.UUID]:
        return [s.id for s in self.services.values() if s.entry_point and s.active]

    def numbered_edges(self, needs: Iterable[Need]) -> "NumberedEdges":
        """The active routes for each of `needs` as pairs of small numbers (one per
        service), in one pass over the edges: integers hash in C where a UUID's hash is a
        Python call (two million of them were a tenth of the health check's time)."""
        return NumberedEdges.of(self, frozenset(needs))

    def for_need(self, need: Need) -> nx.DiGraph:
        """The routes agreed for `need`: a graph of its own per need, all built in one pass
        over the edges the first time any is asked. (A filtered view of the whole graph
        costs a filter call per edge on every traversal, and pathway health walks every
        need: 10 s on a network of 35,000 pathways, against well under one this way.)"""
        if self._for_need is None:
            edges: dict[Need, list[tuple[uuid.UUID, uuid.UUID, dict[str, PathwayEdge]]]] = {
                n: [] for n in Need
            }
            for u, v, edge in self.graph.edges(data="edge"):
                for agreed in edge.needs:
                    edges[agreed].append((u, v, {"edge": edge}))
            by_need = {}
            for need_, agreed_edges in edges.items():
                # Only the services these routes join: a start with no route for the
                # need is not in its graph (the route finder and health allow for that).
                per_need = by_need[need_] = nx.DiGraph()
                per_need.add_edges_from(agreed_edges)
            self._for_need = by_need
        return self._for_need[need]


@dataclass(frozen=True)
class NumberedEdges:
    ids: list[uuid.UUID]  # a service's number is its place here
    number: dict[uuid.UUID, int]
    by_need: dict[Need, list[tuple[int, int]]]

    @classmethod
    def of(cls, graph: RouteGraph, needs: frozenset[Need]) -> "NumberedEdges":
        ids = list(graph.services)
        number = {service_id: n for n, service_id in enumerate(ids)}
        by_need: dict[Need, list[tuple[int, int]]] = {need: [] for need in needs}
        every = needs == frozenset(Need)
        for u, v, edge in graph.graph.edges(data="edge"):
            pair = (number[u], number[v])
            for need in edge.needs if every else edge.needs & needs:
                by_need[need].append(pair)
        return cls(ids, number, by_need)


def load_graph(
    session: Session, kept: KeptAnswers, network_id: uuid.UUID, revisions: tuple[int, ...]
) -> RouteGraph:
    """The network's graph as of `revisions`, as this request read them: building it is the
    route finder's whole cost on a large network, so it is kept (core/kept.py) under the
    routes part of the revision, which capacity posts, contacts and assessments leave
    alone. After a change to a few services, partners or pathways, the graph kept before it
    is patched with their rows (`_patched`) rather than built again. It is data, not an
    answer: the same for everyone who asks."""
    return kept.get(
        "route-graphs",
        session,
        network_id,
        revisions,
        EVERYONE,
        None,
        lambda: _build_graph(session, network_id),
        patch=lambda old, since: _patched(session, network_id, old, since, revisions[Part.routes]),
    )


# Codes read back as members by a dict lookup: calling the Enum per row (70,000 needs on a
# large network) is a Python-level lookup each time.
_NEEDS = {need.value: need for need in Need}
_PATHWAY_STATUSES = {status.value: status for status in PathwayStatus}
_SERVICE_TYPES = {type_.value: type_ for type_ in ServiceType}
_SERVICE_STATUSES = {status.value: status for status in ServiceStatus}
# More changed services, partners and pathways than this since the kept graph: build anew.
PATCH_LIMIT = 2000


def raw(column: Any) -> Any:
    """A UUID column read as text (hex on SQLite, the hyphenated form on PostgreSQL), made a
    UUID once per id (`uid` below) rather than parsed per row and column."""
    return cast(col(column), String)


class _Reader:
    """Reads services and pathways of a network as graph nodes and edges: all of them (a
    build) or those a filter picks (a patch).

    Plain columns rather than ORM objects, run on the connection (`fetch_rows`): the ORM's
    loading of plain column rows cost twice the query on a large network. Ids are read raw
    and each made a UUID once (`uid`): parsing one per row and column was half the cost of
    building a network of 35,000 pathways on SQLite."""

    def __init__(self, session: Session, network_id: uuid.UUID, gazetteer: areas.Gazetteer):
        self.session = session
        self.network_id = network_id
        self.gazetteer = gazetteer
        self._made: dict[object, uuid.UUID] = {}
        self._reaches: dict[frozenset[str], frozenset[str]] = {}  # services share a few

    def uid(self, value: object) -> uuid.UUID:
        found = self._made.get(value)
        if found is None:
            found = self._made[value] = (
                value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
            )
        return found

    def reach(self, codes: set[str]) -> frozenset[str]:
        key = frozenset(codes)
        found = self._reaches.get(key)
        if found is None:
            found = self._reaches[key] = (
                frozenset(self.gazetteer.with_sub_areas(key)) | self.gazetteer.with_wider_areas(key)
                if key
                else frozenset()
            )
        return found

    def services(self, where: Any = None) -> dict[uuid.UUID, ServiceNode]:
        mine = col(Service.network_id) == self.network_id
        chosen = mine if where is None else and_(mine, where)
        service_rows = fetch_rows(
            self.session,
            select(
                raw(Service.id),
                col(Service.name),
                col(Service.type),
                col(Service.status),
                raw(Service.partner_id),
                col(Partner.name),
                col(Service.entry_point),
                col(Service.open_24_7),
                col(Service.wheelchair_access),
                col(Service.interpreters),
                col(Service.front_door_phone),
                col(Service.front_door_email),
                col(Partner.sector),
            )
            .join(Partner, col(Partner.id) == col(Service.partner_id))
            .where(chosen),
        )
        labels: dict[object, dict[str, set[str]]] = {
            row[0]: {"population": set(), "language": set(), "area": set()} for row in service_rows
        }
        if not labels:
            return {}
        for service_id, kind, value in fetch_rows(
            self.session,
            select(raw(ServiceLabel.service_id), col(ServiceLabel.kind), col(ServiceLabel.value))
            .join(Service, col(Service.id) == col(ServiceLabel.service_id))
            .where(chosen),
        ):
            labels[service_id].setdefault(kind, set()).add(value)
        uid, reach = self.uid, self.reach
        return {
            uid(row[0]): ServiceNode(
                id=uid(row[0]),
                name=row[1],
                type=_SERVICE_TYPES[row[2]],
                status=_SERVICE_STATUSES[row[3]],
                partner_id=uid(row[4]),
                partner_name=row[5],
                entry_point=row[6],
                open_24_7=row[7],
                wheelchair_access=row[8],
                interpreters=row[9],
                populations=frozenset(labels[row[0]]["population"]),
                languages=frozenset(labels[row[0]]["language"]),
                areas=frozenset(labels[row[0]]["area"]),
                area_reach=reach(labels[row[0]]["area"]),
                front_door_phone=row[10],
                front_door_email=row[11],
                partner_sector=Sector(row[12]),
            )
            for row in service_rows
        }

    def pathways(self, where: Any = None) -> list[PathwayEdge]:
        mine = col(Pathway.network_id) == self.network_id
        chosen = mine if where is None else and_(mine, where)
        needs: dict[object, set[Need]] = {}
        for pathway_id, need in fetch_rows(
            self.session,
            select(raw(PathwayNeed.pathway_id), col(PathwayNeed.value))
            .join(Pathway, col(Pathway.id) == col(PathwayNeed.pathway_id))
            .where(chosen),
        ):
            needs.setdefault(pathway_id, set()).add(_NEEDS[need])
        uid = self.uid
        return [
            PathwayEdge(
                id=uid(row[0]),
                source=uid(row[1]),
                target=uid(row[2]),
                needs=frozenset(needs.get(row[0], ())),
                status=_PATHWAY_STATUSES[row[3]],
                channel=row[4],
                minutes=row[5],
                consent_required=row[6],
                mandatory_reporting_note=row[7],
                protocol_reference=row[8],
                review_date=row[9],
            )
            for row in fetch_rows(
                self.session,
                select(
                    raw(Pathway.id),
                    raw(Pathway.from_service_id),
                    raw(Pathway.to_service_id),
                    col(Pathway.status),
                    col(Pathway.channel),
                    col(Pathway.expected_response_minutes),
                    col(Pathway.consent_required),
                    col(Pathway.mandatory_reporting_note),
                    col(Pathway.protocol_reference),
                    col(Pathway.review_date),
                ).where(chosen),
            )
        ]


def _routable(edge: PathwayEdge, services: dict[uuid.UUID, ServiceNode]) -> bool:
    """Whether the pathway is an edge of the graph: active, between active services."""
    if edge.status != PathwayStatus.active:
        return False
    source, target = services.get(edge.source), services.get(edge.target)
    return source is not None and target is not None and source.active and target.active


def _build_graph(session: Session, network_id: uuid.UUID) -> RouteGraph:
    # A million small objects that refer only forward: nothing for the collector to find
    # (core/collector.py; 15-25 % of a cold build on the national data set).
    with collector.paused():
        reader = _Reader(session, network_id, areas.gazetteer(session, network_id))
        services = reader.services()
        pathways = reader.pathways()
        graph = nx.DiGraph()
        graph.add_nodes_from(s.id for s in services.values() if s.active)
        # One call for every edge: add_edge per edge costs a Python call and two checks.
        graph.add_edges_from(
            (edge.source, edge.target, {"edge": edge})
            for edge in pathways
            if _routable(edge, services)
        )
    return RouteGraph(
        services=services, pathways=pathways, graph=nx.freeze(graph), gazetteer=reader.gazetteer
    )


def _patched(
    session: Session, network_id: uuid.UUID, old: RouteGraph, since: int, until: int
) -> RouteGraph | None:
    """`old` (the graph at routes revision `since`) brought to `until` from the rows of the
    services, partners and pathways changed in between (networks/revision.py records them in
    the commits that change them); None when that cannot be told or is too much to patch.

    Every pathway from or to a changed service is read again, so rows the database removed
    on its own (a deleted service's pathways, by cascade) leave the graph too. The old graph
    is shared with requests still reading it, so nothing of it changes (`_derived_digraph`)."""
    changes = revision.changes_between(session, network_id, Part.routes, since, until)
    if changes is None:
        return None
    partner_ids = changes.get("partner", set())
    service_ids = set(changes.get("service", set()))
    pathway_ids = set(changes.get("pathway", set()))
    if len(partner_ids) + len(service_ids) + len(pathway_ids) > PATCH_LIMIT:
        return None
    reader = _Reader(session, network_id, old.gazetteer)
    service_ids |= {s.id for s in old.services.values() if s.partner_id in partner_ids}
    read_services = (
        reader.services(
            or_(col(Service.id).in_(service_ids), col(Service.partner_id).in_(partner_ids))
            if partner_ids
            else col(Service.id).in_(service_ids)
        )
        if service_ids or partner_ids
        else {}
    )
    service_ids |= read_services.keys()
    read_pathways = (
        reader.pathways(
            or_(
                col(Pathway.id).in_(pathway_ids),
                col(Pathway.from_service_id).in_(service_ids),
                col(Pathway.to_service_id).in_(service_ids),
            )
        )
        if service_ids or pathway_ids
        else []
    )
    pathway_ids |= {edge.id for edge in read_pathways}

    services = dict(old.services)  # a kept service keeps its place
    for service_id in service_ids - read_services.keys():
        services.pop(service_id, None)
    services.update(read_services)

    def kept_as_was(edge: PathwayEdge) -> bool:
        return (
            edge.id not in pathway_ids
            and edge.source not in service_ids
            and edge.target not in service_ids
        )

    was = [edge for edge in old.pathways if not kept_as_was(edge)]
    pathways = [edge for edge in old.pathways if kept_as_was(edge)] + read_pathways
    graph = _derived_digraph(
        old.graph,
        drop_nodes=[s for s in service_ids if old.graph.has_node(s)],
        drop_edges=[(e.source, e.target) for e in was if _routable(e, old.services)],
        add_nodes=[s.id for s in read_services.values() if s.active],
        add_edges=[
            (e.source, e.target, {"edge": e}) for e in read_pathways if _routable(e, services)
        ],
    )
    patched = RouteGraph(services=services, pathways=pathways, graph=graph, gazetteer=old.gazetteer)
    # What was worked out for a need its changes cannot have touched still holds.
    touched = _needs_touched(old, patched, service_ids, was, read_pathways)
    patched._per_need = {n: v for n, v in old._per_need.items() if n not in touched}
    return patched


def _needs_touched(
    old: RouteGraph,
    new: RouteGraph,
    service_ids: set[uuid.UUID],
    was: list[PathwayEdge],
    now: list[PathwayEdge],
) -> set[Need]:
    """The needs whose routes, starts or destinations the changes may have moved: those of
    every changed pathway (before and after), those a changed service meets or met, and
    every need when a start (an entry point) changed."""
    touched: set[Need] = set()
    for edge in (*was, *now):
        touched |= edge.needs
    for service_id in service_ids:
        for node in (old.services.get(service_id), new.services.get(service_id)):
            if node is None:
                continue
            if node.entry_point:
                return set(Need)
            touched |= NEEDS_MET_BY.get(node.type, frozenset())
    return touched


def _derived_digraph(
    old: nx.DiGraph,
    drop_nodes: Iterable[uuid.UUID],
    drop_edges: Iterable[tuple[uuid.UUID, uuid.UUID]],
    add_nodes: Iterable[uuid.UUID],
    add_edges: Iterable[tuple[uuid.UUID, uuid.UUID, dict[str, PathwayEdge]]],
) -> nx.DiGraph:
    """A new graph: `old` with these nodes and edges dropped, then these added.

    Copying a graph of 35,000 edges (`DiGraph.copy`) took 90 ms; this shares every
    adjacency dict it does not change with `old` and copies only the few it does (the
    outer dicts are copied whole: a C-level copy of 10,000 entries). NetworkX keeps a
    DiGraph's adjacency in `_node`, `_succ` (also `_adj`) and `_pred`; both graphs are
    frozen (`nx.freeze`), so neither can change what the other shares."""
    nodes, succ, pred = dict(old._node), dict(old._succ), dict(old._pred)
    own_succ: set[uuid.UUID] = set()
    own_pred: set[uuid.UUID] = set()

    def own(adjacency: dict[uuid.UUID, Any], owned: set[uuid.UUID], node: uuid.UUID) -> Any:
        """The node's entry of `adjacency`, copied first if it is still `old`'s."""
        if node not in owned:
            adjacency[node] = dict(adjacency[node])
            owned.add(node)
        return adjacency[node]

    def successors(u: uuid.UUID) -> dict[uuid.UUID, Any]:
        found: dict[uuid.UUID, Any] = own(succ, own_succ, u)
        return found

    def predecessors(v: uuid.UUID) -> dict[uuid.UUID, Any]:
        found: dict[uuid.UUID, Any] = own(pred, own_pred, v)
        return found

    for u, v in drop_edges:
        if u in succ and v in succ[u]:
            del successors(u)[v]
            del predecessors(v)[u]
    for node in drop_nodes:
        if node not in nodes:
            continue
        for v in list(succ[node]):
            if v != node:
                del predecessors(v)[node]
        for u in list(pred[node]):
            if u != node:
                del successors(u)[node]
        del nodes[node], succ[node], pred[node]
        own_succ.discard(node)
        own_pred.discard(node)
    for node in add_nodes:
        if node not in nodes:
            nodes[node] = {}
            succ[node], pred[node] = {}, {}
            own_succ.add(node)
            own_pred.add(node)
    for u, v, data in add_edges:
        successors(u)[v] = data
        predecessors(v)[u] = data
    graph = nx.DiGraph()
    graph._node = nodes
    graph._succ = graph._adj = succ
    graph._pred = pred
    return nx.freeze(graph)


def step_weight(_u: uuid.UUID, _v: uuid.UUID, data: dict[str, PathwayEdge]) -> int:
    minutes = data["edge"].minutes
    return STEP_COST + (UNKNOWN_RESPONSE_MINUTES if minutes is None else minutes)


def cheapest_paths(
    graph: nx.DiGraph, sources: Iterable[uuid.UUID]
) -> tuple[dict[uuid.UUID, int], dict[uuid.UUID, list[uuid.UUID]]]:
    present = [s for s in sources if graph.has_node(s)]
    if not present:
        return {}, {}
    distances, paths = nx.multi_source_dijkstra(graph, set(present), weight=step_weight)
    return distances, paths


def dominated_by(
    edges: Iterable[tuple[int, int]], sources: Iterable[int], targets: Iterable[int]
) -> list[int]:
    """Services (by number, `NumberedEdges`) on every route from the sources to any of the
    targets: remove one and the sources can no longer reach the targets at all (a single
    point of failure)."""
    source, sink = -1, -2  # two virtual nodes: every number of a service is 0 or more
    flow = nx.DiGraph(edges)
    # Every source and target, even one without a route for the need: an entry point that
    # meets the need itself is a way round everything else.
    flow.add_edges_from((source, s) for s in sources)
    flow.add_edges_from((t, sink) for t in targets)
    if not flow.has_node(sink) or not nx.has_path(flow, source, sink):
        return []
    dominators = nx.immediate_dominators(flow, source)
    chain: list[int] = []
    node = dominators[sink]
    while node != source:
        chain.append(node)
        node = dominators[node]
    return chain


def reachable_from(graph: nx.DiGraph, sources: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Every node some source reaches (the sources included), in one breadth-first walk."""
    present = [s for s in sources if graph.has_node(s)]
    if not present:
        return set()
    return {node for layer in nx.bfs_layers(graph, present) for node in layer}


def onward_expected(node: ServiceNode) -> bool:
    return node.type in ONWARD_REFERRAL_EXPECTED
