"""Pathway health: where the network's referral routes are broken, each finding naming the
services or pathways involved and saying why."""

import uuid
from datetime import date

from sqlalchemy import select
from sqlmodel import Session, col

from accord.core.vocabulary import Need, PathwayStatus, Population
from accord.networks.models import Network
from accord.partners.models import LabelKind, Partner, PartnerLabel
from accord.pathways.graph import (
    RouteGraph,
    dominated_by,
    load_graph,
    onward_expected,
    reachable_from,
)
from accord.pathways.models import Finding, FindingKind, PathwayHealth


def check(session: Session, network_id: uuid.UUID, area: str | None = None) -> PathwayHealth:
    graph = load_graph(session, network_id)
    findings: list[Finding] = []
    findings += _unmet_needs(graph, area)
    findings += _unreachable(graph)
    findings += _dead_ends(graph)
    findings += _broken_pathways(graph, date.today())
    findings += _single_points_of_failure(graph)
    findings += _populations_and_languages(session, network_id, graph)
    return PathwayHealth(
        checked_services=len(graph.services),
        checked_pathways=len(graph.pathways),
        findings=findings,
    )


def _unmet_needs(graph: RouteGraph, only_area: str | None) -> list[Finding]:
    areas = sorted({a for s in graph.services.values() for a in s.areas})
    if only_area is not None:
        areas = [only_area]
    findings = []
    for need in Need:
        meeting = [s for s in graph.services.values() if s.meets(need)]
        if not areas:
            if not meeting:
                findings.append(
                    Finding(
                        kind=FindingKind.unmet_need_in_area,
                        need=need,
                        reason=f"No active service in the network meets {need.value}.",
                    )
                )
            continue
        for area in areas:
            if not any(s.serves_area(area) for s in meeting):
                findings.append(
                    Finding(
                        kind=FindingKind.unmet_need_in_area,
                        need=need,
                        area=area,
                        reason=f"No active service serving {area} meets {need.value}.",
                    )
                )
    return findings


def _unreachable(graph: RouteGraph) -> list[Finding]:
    entries = graph.entry_points()
    reached = reachable_from(graph.graph, entries)
    return [
        Finding(
            kind=FindingKind.unreachable_service,
            service_ids=[node.id],
            reason=(
                f"{node.name} cannot be reached from any entry point by an active pathway."
                if entries
                else f"{node.name} cannot be reached: the network has no active entry point."
            ),
        )
        for node in sorted(graph.services.values(), key=lambda s: s.name)
        if node.active and not node.entry_point and node.id not in reached
    ]


def _dead_ends(graph: RouteGraph) -> list[Finding]:
    return [
        Finding(
            kind=FindingKind.dead_end,
            service_ids=[node.id],
            pathway_ids=[
                graph.graph.edges[u, node.id]["edge"].id for u in graph.graph.predecessors(node.id)
            ],
            reason=(
                f"{node.name} receives referrals but has no active pathway to refer on, "
                f"although a {node.type.value} is expected to."
            ),
        )
        for node in sorted(graph.services.values(), key=lambda s: s.name)
        if node.active
        and onward_expected(node)
        and graph.graph.in_degree(node.id) > 0
        and graph.graph.out_degree(node.id) == 0
    ]


def _broken_pathways(graph: RouteGraph, today: date) -> list[Finding]:
    findings = []
    for edge in graph.pathways:
        source, target = graph.services[edge.source], graph.services[edge.target]
        if edge.status in (PathwayStatus.agreed, PathwayStatus.active):
            closed = [s for s in (source, target) if not s.active]
            if closed:
                names = " and ".join(f"{s.name} ({s.status.value})" for s in closed)
                findings.append(
                    Finding(
                        kind=FindingKind.pathway_to_inactive_service,
                        pathway_ids=[edge.id],
                        service_ids=[s.id for s in closed],
                        reason=f"The pathway {source.name} → {target.name} involves {names}.",
                    )
                )
        if edge.status != PathwayStatus.suspended and edge.review_date and edge.review_date < today:
            findings.append(
                Finding(
                    kind=FindingKind.pathway_review_overdue,
                    pathway_ids=[edge.id],
                    service_ids=[source.id, target.id],
                    reason=(
                        f"The pathway {source.name} → {target.name} was due for review on "
                        f"{edge.review_date.isoformat()}."
                    ),
                )
            )
    return findings


def _single_points_of_failure(graph: RouteGraph) -> list[Finding]:
    entries = graph.entry_points()
    findings = []
    for need in Need:
        targets = [s.id for s in graph.services.values() if s.meets(need)]
        for service_id in dominated_by(graph.for_need(need), entries, targets):
            if service_id in entries:
                continue
            node = graph.services[service_id]
            findings.append(
                Finding(
                    kind=FindingKind.single_point_of_failure,
                    need=need,
                    service_ids=[service_id],
                    reason=(
                        f"Every agreed route from the entry points to {need.value} goes through "
                        f"{node.name}: if it stops, nobody can be referred for this need."
                    ),
                )
            )
    return findings


def _populations_and_languages(
    session: Session, network_id: uuid.UUID, graph: RouteGraph
) -> list[Finding]:
    populations = {p for s in graph.services.values() for p in s.populations}
    populations |= set(
        session.scalars(
            select(col(PartnerLabel.value))
            .join(Partner, col(Partner.id) == col(PartnerLabel.partner_id))
            .where(
                col(Partner.network_id) == network_id,
                col(PartnerLabel.kind) == LabelKind.population,
            )
        )
    )
    network = session.get(Network, network_id)
    languages = list(network.languages) if network else []
    findings = []
    for need in Need:
        meeting = [s for s in graph.services.values() if s.meets(need)]
        if not meeting:
            continue  # already reported as an unmet need
        for population in sorted(populations):
            if not any(not s.populations or population in s.populations for s in meeting):
                findings.append(
                    Finding(
                        kind=FindingKind.population_not_served,
                        need=need,
                        population=Population(population),
                        service_ids=[s.id for s in meeting],
                        reason=f"No service meeting {need.value} serves {population} women.",
                    )
                )
        for language in languages:
            if not any(language in s.languages or s.interpreters for s in meeting):
                findings.append(
                    Finding(
                        kind=FindingKind.language_not_served,
                        need=need,
                        language=language,
                        service_ids=[s.id for s in meeting],
                        reason=(
                            f"No service meeting {need.value} works in {language} "
                            "or offers interpreters."
                        ),
                    )
                )
    return findings
