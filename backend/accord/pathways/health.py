"""Pathway health: where the network's referral routes are broken, each finding naming the
services or pathways involved and saying why."""

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlalchemy import select
from sqlmodel import Session, col

from accord.core import collector, i18n
from accord.core.kept import EVERYONE, KeptAnswers
from accord.core.language_names import language_name
from accord.core.responses import RenderedJSON
from accord.core.vocabulary import Need, PathwayStatus, Population
from accord.networks.models import Network
from accord.partners.models import LabelKind, Partner, PartnerLabel
from accord.pathways.graph import (
    RouteGraph,
    by_name,
    dominated_by,
    load_graph,
    onward_expected,
    reachable_from,
)
from accord.pathways.models import Finding, FindingKind, PathwayHealth

Say = Callable[..., str]  # i18n.message bound to the language asked for


@dataclass(frozen=True)
class KeptHealth:
    """A health answer as it is kept: its JSON (PathwayHealth) rendered once, and how many
    findings there are of each kind (the overview's counts). Not the findings themselves: a
    large network has thousands, five or so objects each, which every full pass of the
    garbage collector walked for as long as the answer was kept (bench/README.md)."""

    rendered: RenderedJSON
    checked_services: int
    checked_pathways: int
    counts: Counter[FindingKind]


def current_day() -> date:
    return date.today()


def check(
    session: Session,
    kept: KeptAnswers,
    network_id: uuid.UUID,
    revisions: tuple[int, ...],
    area: str | None = None,
    lang: str = i18n.DEFAULT,
) -> KeptHealth:
    """Every finding, its reason in `lang` (the kind and fields beside it are stable codes),
    for the network as of `revisions` (as this request read them).

    Kept (core/kept.py) under the routes part of the revision (it reads only the route
    graph's tables: a capacity post, a contact or an assessment leaves it current) and the
    day (reviews fall overdue at midnight), per area and language. It is the same for every
    member: it names services and pathways every member may see, never an address."""
    today = current_day()
    return kept.get(
        "pathway-health",
        session,
        network_id,
        revisions,
        EVERYONE,
        (area, lang, today),
        lambda: _check(session, kept, network_id, revisions, area, lang, today),
    )


def _check(
    session: Session,
    kept: KeptAnswers,
    network_id: uuid.UUID,
    revisions: tuple[int, ...],
    area: str | None,
    lang: str,
    today: date,
) -> KeptHealth:
    # Tens of thousands of short-lived objects (numbered edges, walks, findings), none in a
    # cycle: with the collector running, those alive at each of its young passes were
    # promoted and soon set off a full pass over everything kept (core/collector.py).
    with collector.paused():
        graph = load_graph(session, kept, network_id, revisions)

        def say(key: str, **values: object) -> str:
            return i18n.message(key, lang, **values)

        findings: list[Finding] = []
        findings += _unmet_needs(graph, area, say, lang)
        findings += _unreachable(graph, say)
        findings += _dead_ends(graph, say)
        findings += _broken_pathways(graph, today, say)
        findings += _single_points_of_failure(graph, say)
        findings += _populations_and_languages(session, network_id, graph, say, lang)
        answer = PathwayHealth(
            checked_services=len(graph.services),
            checked_pathways=len(graph.pathways),
            findings=findings,
        )
    return KeptHealth(
        rendered=RenderedJSON.of(answer.model_dump(mode="json")),
        checked_services=answer.checked_services,
        checked_pathways=answer.checked_pathways,
        counts=Counter(finding.kind for finding in answer.findings),
    )


def _unmet_needs(
    graph: RouteGraph, only_area: str | None, say: Say, lang: str = i18n.DEFAULT
) -> list[Finding]:
    areas = sorted({a for s in graph.services.values() for a in s.areas})
    if only_area is not None:
        areas = [only_area]
    findings = []
    for need in Need:
        meeting = graph.meeting(need)
        if not areas:
            if not meeting:
                findings.append(
                    Finding(
                        kind=FindingKind.unmet_need_in_area,
                        need=need,
                        reason=say("health.unmet_need_in_network"),
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
                        reason=say(
                            "health.unmet_need_in_area", area=graph.gazetteer.name(area, lang)
                        ),
                    )
                )
    return findings


def _unreachable(graph: RouteGraph, say: Say) -> list[Finding]:
    entries = graph.entry_points()
    reached = reachable_from(graph.graph, entries)
    return [
        Finding(
            kind=FindingKind.unreachable_service,
            service_ids=[node.id],
            reason=say(
                "health.unreachable_service"
                if entries
                else "health.unreachable_without_entry_point",
                name=node.name,
            ),
        )
        for node in sorted(graph.services.values(), key=by_name)
        if node.active and not node.entry_point and node.id not in reached
    ]


def _dead_ends(graph: RouteGraph, say: Say) -> list[Finding]:
    return [
        Finding(
            kind=FindingKind.dead_end,
            service_ids=[node.id],
            pathway_ids=sorted(
                graph.graph.edges[u, node.id]["edge"].id for u in graph.graph.predecessors(node.id)
            ),
            reason=say("health.dead_end", name=node.name),
        )
        for node in sorted(graph.services.values(), key=by_name)
        if node.active
        and onward_expected(node)
        and graph.graph.in_degree(node.id) > 0
        and graph.graph.out_degree(node.id) == 0
    ]


def _broken_pathways(graph: RouteGraph, today: date, say: Say) -> list[Finding]:
    findings = []
    services = graph.services
    inactive = {s.id for s in services.values() if not s.active}
    standing = (PathwayStatus.agreed, PathwayStatus.active)
    # The few pathways with a finding first (one pass, no call per pathway), then those in
    # order of the names of the services they join: the order the graph holds them in
    # depends on how it was built (read whole or patched).
    found = [
        edge
        for edge in graph.pathways
        if (edge.review_date is not None and edge.review_date < today)
        or (edge.status in standing and (edge.source in inactive or edge.target in inactive))
    ]
    found.sort(key=lambda e: (services[e.source].name, services[e.target].name, e.id))
    for edge in found:
        source, target = services[edge.source], services[edge.target]
        if edge.status in standing:
            closed = [s for s in (source, target) if not s.active]
            if closed:
                findings.append(
                    Finding(
                        kind=FindingKind.pathway_to_inactive_service,
                        pathway_ids=[edge.id],
                        service_ids=[s.id for s in closed],
                        reason=say(
                            "health.pathway_to_inactive_service",
                            source=source.name,
                            target=target.name,
                            names=", ".join(s.name for s in closed),
                        ),
                    )
                )
        if edge.status != PathwayStatus.suspended and edge.review_date and edge.review_date < today:
            findings.append(
                Finding(
                    kind=FindingKind.pathway_review_overdue,
                    pathway_ids=[edge.id],
                    service_ids=[source.id, target.id],
                    reason=say(
                        "health.pathway_review_overdue",
                        source=source.name,
                        target=target.name,
                        due=edge.review_date,
                    ),
                )
            )
    return findings


def _single_points_of_failure(graph: RouteGraph, say: Say) -> list[Finding]:
    entries = graph.entry_points()
    if not entries:
        # No route starts anywhere yet (a new network): nothing lies on every route, and
        # the services are already reported unreachable without an entry point.
        return []
    # Worked out per need and kept with the graph: after a change to a few pathways, only
    # the needs they carry are searched again (graph.py `per_need`).
    chains = graph.per_need("single-points-of-failure", partial(_dominators, graph, entries))
    return [
        Finding(
            kind=FindingKind.single_point_of_failure,
            need=need,
            service_ids=[service_id],
            reason=say("health.single_point_of_failure", name=graph.services[service_id].name),
        )
        for need in Need
        for service_id in chains[need]
        if service_id not in entries
    ]


def _dominators(
    graph: RouteGraph, entries: list[uuid.UUID], needs: list[Need]
) -> dict[Need, list[uuid.UUID]]:
    """For each of `needs`, the services on every route from the entry points to a service
    that meets it."""
    numbered = graph.numbered_edges(needs)
    sources = [numbered.number[s] for s in entries]
    return {
        need: [
            numbered.ids[number]
            for number in dominated_by(
                numbered.by_need[need],
                sources,
                [numbered.number[s.id] for s in graph.meeting(need)],
            )
        ]
        for need in needs
    }


def _populations_and_languages(
    session: Session, network_id: uuid.UUID, graph: RouteGraph, say: Say, lang: str
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
        meeting = graph.meeting(need)
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
                        reason=say("health.population_not_served"),
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
                        reason=say(
                            "health.language_not_served", language=language_name(language, lang)
                        ),
                    )
                )
    return findings
