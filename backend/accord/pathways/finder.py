"""The route finder: from an entry point and a survivor's coded needs to the agreed routes
that reach services fitting those needs, best first. Codes in, codes out: no personal data."""

import itertools
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from sqlmodel import Session

from accord.core import i18n
from accord.core.errors import FieldError, NotFound
from accord.core.fields import canonical_language_tag
from accord.core.kept import KeptAnswers
from accord.core.language_names import language_name
from accord.core.models import utcnow
from accord.core.vocabulary import Need
from accord.pathways.graph import RouteGraph, ServiceNode, cheapest_paths, load_graph
from accord.pathways.models import (
    Fit,
    FitCode,
    NeedRoutes,
    PartnerEntry,
    Route,
    RouteAnswer,
    RouteQuery,
    RouteStep,
    RouteTarget,
    UnmetCode,
)
from accord.services.service import capacity_view, latest_capacity

Reasons = list[tuple[FitCode, str | None]]


def _fits(node: ServiceNode, need: Need, query: RouteQuery, language: str | None) -> Reasons | None:
    """Why `node`, a service that meets `need` (RouteGraph.meeting), fits the request, or
    None when it does not."""
    reasons: Reasons = [(FitCode.meets_need, need.value)]
    if query.needs_24_7:
        if not node.open_24_7:
            return None
        reasons.append((FitCode.open_24_7, None))
    if query.needs_wheelchair:
        if not node.wheelchair_access:
            return None
        reasons.append((FitCode.wheelchair_access, None))
    if language:
        if language in node.languages:
            reasons.append((FitCode.works_in_language, language))
        elif node.interpreters:
            reasons.append((FitCode.interpreters, language))
        else:
            return None
    if query.area:
        if not node.serves_area(query.area):
            return None
        reasons.append(
            (FitCode.serves_area, query.area) if node.areas else (FitCode.serves_every_area, None)
        )
    if query.population:
        population = query.population.value
        if node.populations and population not in node.populations:
            return None
        reasons.append(
            (FitCode.serves_population, population)
            if node.populations
            else (FitCode.open_to_every_population, None)
        )
    return reasons


def _named(graph: RouteGraph, code: FitCode, value: str | None, lang: str) -> str | None:
    """The value as the sentence says it: a language or an area by name, not code."""
    if value is None:
        return None
    if code in (FitCode.works_in_language, FitCode.interpreters):
        return language_name(value, lang)
    if code == FitCode.serves_area:
        return graph.gazetteer.name(value, lang)
    return value


def _requirements(query: RouteQuery, language: str | None) -> tuple[object, ...]:
    """What, besides the need, decides whether a service fits (`_fits`)."""
    return (query.needs_24_7, query.needs_wheelchair, language, query.area, query.population)


def _best(
    graph: RouteGraph,
    need: Need,
    query: RouteQuery,
    language: str | None,
    entry_ids: list[uuid.UUID],
) -> tuple[int, list[tuple[list[uuid.UUID], Reasons]]]:
    """How many services fit the request for `need`, and the best routes to them from the
    entry points: fewest hand-overs, then quickest, then by name."""
    targets = {
        node.id: reasons
        for node in graph.meeting(need)
        if (reasons := _fits(node, need, query, language)) is not None
    }
    if not targets:
        return 0, []
    distances, paths = cheapest_paths(graph.for_need(need), entry_ids)
    # The entry point itself may meet the need (a crisis centre that also shelters).
    reachable = [
        (0 if target in entry_ids else distances[target], target)
        for target in targets
        if target in entry_ids or (target in paths and len(paths[target]) - 1 <= query.max_steps)
    ]
    reachable.sort(key=lambda item: (item[0], graph.services[item[1]].name))
    best = [
        ([target] if target in entry_ids else paths[target], targets[target])
        for _distance, target in reachable[: query.routes_per_need]
    ]
    return len(targets), best


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


@dataclass(frozen=True, slots=True)
class RenderedAnswer:
    """An answer as JSON, kept with the graph: it holds until the network's revision moves
    (a new graph) or until a capacity post it shows grows too old to be shown."""

    body: bytes
    shown_posts_fresh_until: datetime | None  # None: it shows no fresh post

    def current(self, now: datetime) -> bool:
        return self.shown_posts_fresh_until is None or now <= self.shown_posts_fresh_until


def find_routes(
    session: Session,
    kept: KeptAnswers,
    network_id: uuid.UUID,
    revision: int,
    query: RouteQuery,
    capacity_max_age_hours: int,
    lang: str = i18n.DEFAULT,
) -> bytes:
    """The routes for each need, explained in `lang` (the codes beside each text are stable),
    in the network as of `revision` (its revision as this request read it).

    Answers, and the best routes per question shape, are kept with the graph (which is
    kept under the revision): questions repeat (the same front door, the same needs). An
    answer shows nothing that depends on who asks (front doors are public), so members
    share them."""
    graph = load_graph(session, kept, network_id, revision)
    now = utcnow()
    answer = graph.kept(
        ("answer", query.model_dump_json(), lang, capacity_max_age_hours),
        partial(_answer, session, graph, query, capacity_max_age_hours, lang, now),
        still_current=lambda kept: kept.current(now),
    )
    return answer.body


def _answer(
    session: Session,
    graph: RouteGraph,
    query: RouteQuery,
    capacity_max_age_hours: int,
    lang: str,
    now: datetime,
) -> RenderedAnswer:
    """The answer as JSON, and until when the capacity posts it shows are fresh."""
    entries = _entries(graph, query)
    entry_ids = [e.id for e in entries]
    language = canonical_language_tag(query.language) if query.language else None
    answers: list[NeedRoutes] = []
    chosen: list[tuple[Need, list[tuple[list[uuid.UUID], Reasons]]]] = []

    shape = (
        _requirements(query, language),
        tuple(entry_ids),
        query.max_steps,
        query.routes_per_need,
    )
    for need in dict.fromkeys(query.needs):
        # The routes depend on the graph and the question only: kept with the graph.
        fitting, best = graph.kept(
            ("best", need, shape), partial(_best, graph, need, query, language, entry_ids)
        )
        if not fitting:
            answers.append(
                NeedRoutes(
                    need=need,
                    met=False,
                    routes=[],
                    unmet=UnmetCode.no_service_fits,
                    fitting_services=0,
                    unmet_reason=i18n.message("unmet.no_service_fits", lang),
                )
            )
            chosen.append((need, []))
            continue
        chosen.append((need, best))
        if not best:
            answers.append(
                NeedRoutes(
                    need=need,
                    met=False,
                    routes=[],
                    unmet=UnmetCode.no_route_reaches,
                    fitting_services=fitting,
                    unmet_reason=i18n.message(
                        "unmet.no_route_reaches",
                        lang,
                        count=fitting,
                        max_steps=query.max_steps,
                    ),
                )
            )
        else:
            answers.append(NeedRoutes(need=need, met=True, routes=[], fitting_services=fitting))

    targets = frozenset(path[-1] for _need, best in chosen for path, _r in best)
    # A capacity post is a write in the network: it moves the revision the graph is kept
    # under, so the latest posts can be kept with it too. Their age is judged per answer.
    capacity = graph.kept(("capacity", targets), partial(latest_capacity, session, list(targets)))
    max_age = timedelta(hours=capacity_max_age_hours)
    fresh_until: datetime | None = None
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
                        agreed_for=need,
                        why=i18n.message("step.agreed_for_need", lang),
                    )
                )
                total = None if total is None or edge.minutes is None else total + edge.minutes
            post = capacity.get(target.id)
            room = capacity_view(post, capacity_max_age_hours, now)
            if post is not None and room.fresh:
                until = post.posted_at + max_age
                fresh_until = until if fresh_until is None else min(fresh_until, until)
            answer.routes.append(
                Route(
                    target=RouteTarget(
                        service=target.ref(),
                        front_door_phone=target.front_door_phone,
                        front_door_email=target.front_door_email,
                        capacity=room.status,
                        beds_free=room.beds_free,
                        fits=[
                            Fit(
                                code=code,
                                value=value,
                                text=i18n.message(
                                    f"fit.{code}", lang, value=_named(graph, code, value, lang)
                                ),
                            )
                            for code, value in reasons
                        ],
                    ),
                    steps=steps,
                    total_expected_response_minutes=total,
                )
            )
    whole = RouteAnswer(entry_services=[e.ref() for e in entries], needs=answers)
    return RenderedAnswer(whole.model_dump_json().encode(), fresh_until)
