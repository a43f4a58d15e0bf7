"""The route graph of a network: active services as nodes, active pathways as edges,
each edge carrying the needs it is agreed for. The route finder and pathway health both
read it; the algorithms are NetworkX's, not hand-rolled."""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import networkx as nx
from sqlalchemy import select
from sqlmodel import Session, col

from accord.core.vocabulary import (
    NEED_SERVICE_TYPES,
    ONWARD_REFERRAL_EXPECTED,
    Need,
    PathwayStatus,
    ServiceStatus,
    ServiceType,
)
from accord.partners.models import Partner
from accord.pathways.models import Pathway, ServiceRef
from accord.pathways.service import NEEDS
from accord.services.models import Service
from accord.services.service import LABELS as SERVICE_LABELS

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
    entry_point: bool
    open_24_7: bool
    wheelchair_access: bool
    interpreters: bool
    populations: frozenset[str]
    languages: frozenset[str]
    areas: frozenset[str]
    front_door_phone: str | None
    front_door_email: str | None

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
        )

    def meets(self, need: Need) -> bool:
        return self.active and self.type in NEED_SERVICE_TYPES[need]

    def serves_area(self, area: str) -> bool:
        return not self.areas or area in self.areas


@dataclass(frozen=True)
class PathwayEdge:
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

    def entry_points(self) -> list[uuid.UUID]:
        return [s.id for s in self.services.values() if s.entry_point and s.active]

    def for_need(self, need: Need) -> nx.DiGraph:
        """The routes agreed for `need` (a read-only view, no copy)."""
        graph = self.graph

        def agreed_for(u: uuid.UUID, v: uuid.UUID) -> bool:
            return need in graph.edges[u, v]["edge"].needs

        return nx.subgraph_view(graph, filter_edge=agreed_for)


def load_graph(session: Session, network_id: uuid.UUID) -> RouteGraph:
    rows = session.execute(
        select(Service, col(Partner.name))
        .join(Partner, col(Partner.id) == col(Service.partner_id))
        .where(col(Service.network_id) == network_id)
    ).all()
    labels = SERVICE_LABELS.read(session, [service.id for service, _ in rows])
    services = {
        service.id: ServiceNode(
            id=service.id,
            name=service.name,
            type=ServiceType(service.type),
            status=ServiceStatus(service.status),
            partner_id=service.partner_id,
            partner_name=partner_name,
            entry_point=service.entry_point,
            open_24_7=service.open_24_7,
            wheelchair_access=service.wheelchair_access,
            interpreters=service.interpreters,
            populations=frozenset(labels[service.id]["populations"]),
            languages=frozenset(labels[service.id]["languages"]),
            areas=frozenset(labels[service.id]["areas"]),
            front_door_phone=service.front_door_phone,
            front_door_email=service.front_door_email,
        )
        for service, partner_name in rows
    }
    pathway_rows = session.scalars(
        select(Pathway).where(col(Pathway.network_id) == network_id)
    ).all()
    needs = NEEDS.read(session, [p.id for p in pathway_rows])
    pathways = [
        PathwayEdge(
            id=p.id,
            source=p.from_service_id,
            target=p.to_service_id,
            needs=frozenset(Need(n) for n in needs[p.id]["needs"]),
            status=PathwayStatus(p.status),
            channel=p.channel,
            minutes=p.expected_response_minutes,
            consent_required=p.consent_required,
            mandatory_reporting_note=p.mandatory_reporting_note,
            protocol_reference=p.protocol_reference,
            review_date=p.review_date,
        )
        for p in pathway_rows
    ]
    graph = nx.DiGraph()
    graph.add_nodes_from(s.id for s in services.values() if s.active)
    for edge in pathways:
        if (
            edge.status == PathwayStatus.active
            and graph.has_node(edge.source)
            and graph.has_node(edge.target)
        ):
            graph.add_edge(edge.source, edge.target, edge=edge)
    return RouteGraph(services=services, pathways=pathways, graph=graph)


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
    graph: nx.DiGraph, sources: list[uuid.UUID], targets: Iterable[uuid.UUID]
) -> list[uuid.UUID]:
    """Services on every route from the sources to any of the targets: remove one and the
    sources can no longer reach the targets at all (a single point of failure)."""
    source, sink = "source", "sink"
    flow = nx.DiGraph(graph)  # a copy we may add the two virtual nodes to
    flow.add_edges_from((source, s) for s in sources if flow.has_node(s))
    flow.add_edges_from((t, sink) for t in targets if flow.has_node(t))
    if not flow.has_node(sink) or not nx.has_path(flow, source, sink):
        return []
    dominators = nx.immediate_dominators(flow, source)
    chain: list[uuid.UUID] = []
    node = dominators[sink]
    while node != source:
        chain.append(node)
        node = dominators[node]
    return chain


def reachable_from(graph: nx.DiGraph, sources: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    seen: set[uuid.UUID] = set()
    for source in sources:
        if graph.has_node(source) and source not in seen:
            seen |= nx.descendants(graph, source) | {source}
    return seen


Predicate = Callable[[ServiceNode], bool]


def onward_expected(node: ServiceNode) -> bool:
    return node.type in ONWARD_REFERRAL_EXPECTED
