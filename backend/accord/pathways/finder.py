"""The route finder: from an entry point and a survivor's coded needs to the agreed routes
that reach services fitting those needs, best first. Codes in, codes out: no personal data."""

import itertools
import uuid

from sqlmodel import Session

from accord.core.errors import FieldError, NotFound
from accord.core.fields import canonical_language_tag
from accord.core.models import utcnow
from accord.core.vocabulary import NEED_SERVICE_TYPES, Need
from accord.pathways.graph import RouteGraph, ServiceNode, cheapest_paths, load_graph
from accord.pathways.models import (
    NeedRoutes,
    PartnerEntry,
    Route,
    RouteAnswer,
    RouteQuery,
    RouteStep,
    RouteTarget,
)
from accord.services.service import capacity_view, latest_capacity


def _fits(
    node: ServiceNode, need: Need, query: RouteQuery, language: str | None
) -> list[str] | None:
    """Why `node` fits the request, or None when it does not."""
    if not node.meets(need):
        return None
    reasons = [f"{node.type.value} meets {need.value}"]
    if query.needs_24_7:
        if not node.open_24_7:
            return None
        reasons.append("open 24/7")
    if query.needs_wheelchair:
        if not node.wheelchair_access:
            return None
        reasons.append("wheelchair access")
    if language:
        if language in node.languages:
            reasons.append(f"works in {language}")
        elif node.interpreters:
            reasons.append(f"interpreters for {language}")
        else:
            return None
    if query.area:
        if not node.serves_area(query.area):
            return None
        reasons.append(f"serves {query.area}" if node.areas else "serves every area")
    if query.population:
        population = query.population.value
        if node.populations and population not in node.populations:
            return None
        reasons.append(
            f"serves {population} women" if node.populations else "open to every population"
        )
    return reasons


def _entries(graph: RouteGraph, query: RouteQuery) -> list[ServiceNode]:
    if isinstance(query.entry, PartnerEntry):
        found = [s for s in graph.services.values() if s.partner_id == query.entry.id]
        if not found:
            raise NotFound(
                "This partner offers no service in this network to start from.",
                errors=[FieldError(field="body.entry.id", message="no services for this partner")],
            )
        return sorted(found, key=lambda s: (not s.active, s.name))
    node = graph.services.get(query.entry.id)
    if node is None:
        raise NotFound(
            "No service with this id in this network.",
            errors=[FieldError(field="body.entry.id", message="no such service")],
        )
    return [node]


def find_routes(
    session: Session, network_id: uuid.UUID, query: RouteQuery, capacity_max_age_hours: int
) -> RouteAnswer:
    graph = load_graph(session, network_id)
    entries = _entries(graph, query)
    entry_ids = [e.id for e in entries]
    language = canonical_language_tag(query.language) if query.language else None
    answers: list[NeedRoutes] = []
    chosen: list[tuple[Need, list[tuple[list[uuid.UUID], list[str]]]]] = []

    for need in dict.fromkeys(query.needs):
        targets = {
            node.id: reasons
            for node in graph.services.values()
            if (reasons := _fits(node, need, query, language)) is not None
        }
        if not targets:
            kinds = ", ".join(sorted(t.value for t in NEED_SERVICE_TYPES[need]))
            answers.append(
                NeedRoutes(
                    need=need,
                    met=False,
                    routes=[],
                    unmet_reason=f"No active service ({kinds}) fits this request.",
                )
            )
            chosen.append((need, []))
            continue
        distances, paths = cheapest_paths(graph.for_need(need), entry_ids)
        # The entry point itself may meet the need (a crisis centre that also shelters).
        reachable = [
            (0 if target in entry_ids else distances[target], target)
            for target in targets
            if target in entry_ids
            or (target in paths and len(paths[target]) - 1 <= query.max_steps)
        ]
        reachable.sort(key=lambda item: (item[0], graph.services[item[1]].name))
        best = [
            ([target] if target in entry_ids else paths[target], targets[target])
            for _distance, target in reachable[: query.routes_per_need]
        ]
        chosen.append((need, best))
        if not best:
            answers.append(
                NeedRoutes(
                    need=need,
                    met=False,
                    routes=[],
                    unmet_reason=(
                        f"{len(targets)} service(s) fit, but no active agreed pathway for this "
                        f"need reaches them from the entry point within {query.max_steps} steps."
                    ),
                )
            )
        else:
            answers.append(NeedRoutes(need=need, met=True, routes=[]))

    capacity = latest_capacity(
        session, list({path[-1] for _need, best in chosen for path, _r in best})
    )
    now = utcnow()
    for answer, (need, best) in zip(answers, chosen, strict=True):
        for path, reasons in best:
            target = graph.services[path[-1]]
            steps = []
            total: int | None = 0
            for source, destination in itertools.pairwise(path):
                edge = graph.graph.edges[source, destination]["edge"]
                steps.append(
                    RouteStep(
                        pathway_id=edge.id,
                        from_service=graph.services[source].ref(),
                        to_service=graph.services[destination].ref(),
                        channel=edge.channel,
                        expected_response_minutes=edge.minutes,
                        consent_required=edge.consent_required,
                        mandatory_reporting_note=edge.mandatory_reporting_note,
                        protocol_reference=edge.protocol_reference,
                        why=f"active pathway agreed for {need.value}",
                    )
                )
                total = None if total is None or edge.minutes is None else total + edge.minutes
            room = capacity_view(capacity.get(target.id), capacity_max_age_hours, now)
            answer.routes.append(
                Route(
                    target=RouteTarget(
                        service=target.ref(),
                        front_door_phone=target.front_door_phone,
                        front_door_email=target.front_door_email,
                        capacity=room.status,
                        beds_free=room.beds_free,
                        fits=reasons,
                    ),
                    steps=steps,
                    total_expected_response_minutes=total,
                )
            )
    return RouteAnswer(entry_services=[e.ref() for e in entries], needs=answers)
