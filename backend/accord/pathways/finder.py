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
from accord.core.kept import EVERYONE, KeptAnswers
from accord.core.language_names import language_name
from accord.core.models import utcnow
from accord.core.vocabulary import Need
from accord.partners import service as partners
from accord.pathways.graph import RouteGraph, ServiceNode, cheapest_paths, load_graph
from accord.pathways.models import (
    EXCLUDED_SHOWN,
    EntryPartner,
    ExcludedService,
    Exclusion,
    ExclusionCode,
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
from accord.services.models import CapacityPublic, RoomNow
from accord.services.service import capacity_view, latest_capacity, room_now

Reasons = list[tuple[FitCode, str | None]]
Failures = list[tuple[ExclusionCode, str | None]]


def _check(
    node: ServiceNode, need: Need, query: RouteQuery, language: str | None
) -> tuple[Reasons, Failures]:
    """Why `node`, a service whose type meets `need`, fits the request, and every criterion
    it fails (none: it fits)."""
    reasons: Reasons = [(FitCode.meets_need, need.value)]
    failures: Failures = []
    if not node.active:
        failures.append((ExclusionCode.not_active, node.status.value))
    if query.needs_24_7:
        if node.open_24_7:
            reasons.append((FitCode.open_24_7, None))
        else:
            failures.append((ExclusionCode.not_open_24_7, None))
    if query.needs_wheelchair:
        if node.wheelchair_access:
            reasons.append((FitCode.wheelchair_access, None))
        else:
            failures.append((ExclusionCode.no_wheelchair_access, None))
    if language:
        if language in node.languages:
            reasons.append((FitCode.works_in_language, language))
        elif node.interpreters:
            reasons.append((FitCode.interpreters, language))
        else:
            failures.append((ExclusionCode.not_in_language, language))
    if query.area:
        if not node.serves_area(query.area):
            failures.append((ExclusionCode.not_in_area, query.area))
        else:
            reasons.append(
                (FitCode.serves_area, query.area)
                if node.areas
                else (FitCode.serves_every_area, None)
            )
    if query.population:
        population = query.population.value
        if node.populations and population not in node.populations:
            failures.append((ExclusionCode.not_for_population, population))
        else:
            reasons.append(
                (FitCode.serves_population, population)
                if node.populations
                else (FitCode.open_to_every_population, None)
            )
    return reasons, failures


def _named(
    graph: RouteGraph, code: FitCode | ExclusionCode, value: str | None, lang: str
) -> str | None:
    """The value as the sentence says it: a language or an area by name, not code."""
    if value is None:
        return None
    if code in (FitCode.works_in_language, FitCode.interpreters, ExclusionCode.not_in_language):
        return language_name(value, lang)
    if code in (FitCode.serves_area, ExclusionCode.not_in_area):
        return graph.gazetteer.name(value, lang)
    return value


def _requirements(query: RouteQuery, language: str | None) -> tuple[object, ...]:
    """What, besides the need, decides whether a service fits (`_check`)."""
    return (query.needs_24_7, query.needs_wheelchair, language, query.area, query.population)


@dataclass(frozen=True, slots=True)
class Candidates:
    """For one need and question: how many services fit, every route to those reached
    (fewest hand-overs, then quickest, then by name: capacity decides later, per answer),
    and the services excluded with why, those failing fewest criteria first."""

    fitting: int
    routes: list[tuple[list[uuid.UUID], Reasons]]
    excluded: list[tuple[uuid.UUID, Failures]]
    excluded_total: int


def _best(
    graph: RouteGraph,
    need: Need,
    query: RouteQuery,
    language: str | None,
    entry_ids: list[uuid.UUID],
) -> Candidates:
    targets: dict[uuid.UUID, Reasons] = {}
    excluded: list[tuple[uuid.UUID, Failures]] = []
    for node in graph.of_type_for(need):
        reasons, failures = _check(node, need, query, language)
        if failures:
            excluded.append((node.id, failures))
        else:
            targets[node.id] = reasons
    distances, paths = cheapest_paths(graph.for_need(need), entry_ids) if targets else ({}, {})
    # The entry point itself may meet the need (a crisis centre that also shelters).
    reachable = []
    for target in targets:
        if target in entry_ids:
            reachable.append((0, target))
        elif target in paths and len(paths[target]) - 1 <= query.max_steps:
            reachable.append((distances[target], target))
        else:
            excluded.append((target, [(ExclusionCode.no_agreed_route, str(query.max_steps))]))
    # Services' ids break ties of name: a graph patched after a change (graph.py) holds its
    # services in another order than a fresh build, and both must give the same answer.
    reachable.sort(key=lambda item: (item[0], graph.services[item[1]].name, item[1]))
    routes = [
        ([target] if target in entry_ids else paths[target], targets[target])
        for _distance, target in reachable
    ]
    excluded.sort(key=lambda item: (len(item[1]), graph.services[item[0]].name, item[0]))
    return Candidates(len(targets), routes, excluded[:EXCLUDED_SHOWN], len(excluded))


def _entries(
    session: Session, graph: RouteGraph, network_id: uuid.UUID, query: RouteQuery
) -> tuple[list[ServiceNode], EntryPartner | None, bool]:
    """The services the routes start from, the partner asked from, and whether they are
    the network's front doors because that partner has no service of its own (a police
    unit that works through other desks still reaches every front door)."""
    if isinstance(query.entry, PartnerEntry):
        found = [s for s in graph.services.values() if s.partner_id == query.entry.id]
        if found:
            partner = EntryPartner(id=found[0].partner_id, name=found[0].partner_name)
            return sorted(found, key=lambda s: (not s.active, s.name, s.id)), partner, False
        try:
            record = partners.get_partner(session, network_id, query.entry.id)
        except NotFound as missing:
            raise NotFound(
                "No partner with this id in this network.",
                errors=[FieldError(field="body.entry.id", message="no such partner")],
            ) from missing
        doors = sorted(
            (graph.services[i] for i in graph.entry_points()), key=lambda s: (s.name, s.id)
        )
        return doors, EntryPartner(id=record.id, name=record.name), True
    node = graph.services.get(query.entry.id)
    if node is None:
        raise NotFound(
            "No service with this id in this network.",
            errors=[FieldError(field="body.entry.id", message="no such service")],
        )
    return [node], None, False


@dataclass(frozen=True, slots=True)
class RenderedAnswer:
    """An answer as JSON, kept (core/kept.py) until the network's revision moves (any
    write, a capacity post included) or until a capacity post it shows grows too old to be
    shown."""

    body: bytes
    shown_posts_fresh_until: datetime | None  # None: it shows no fresh post

    def current(self, now: datetime) -> bool:
        return self.shown_posts_fresh_until is None or now <= self.shown_posts_fresh_until


def find_routes(
    session: Session,
    kept: KeptAnswers,
    network_id: uuid.UUID,
    revisions: tuple[int, ...],
    query: RouteQuery,
    capacity_max_age_hours: int,
    lang: str = i18n.DEFAULT,
) -> bytes:
    """The routes for each need, explained in `lang` (the codes beside each text are stable),
    in the network as of `revisions` (as this request read them).

    Answers are kept under every write (they rank by capacity posts), the best routes per
    question shape with the graph (kept under the routes part of the revision): questions
    repeat (the same front door, the same needs). An answer shows nothing that depends on
    who asks (front doors are public), so members share them."""
    now = utcnow()

    def build() -> RenderedAnswer:
        graph = load_graph(session, kept, network_id, revisions)
        return _answer(session, graph, network_id, query, capacity_max_age_hours, lang, now)

    answer = kept.get(
        "route-answers",
        session,
        network_id,
        revisions,
        EVERYONE,
        (query.model_dump_json(), lang, capacity_max_age_hours),
        build,
        still_current=lambda kept: kept.current(now),
    )
    return answer.body


def _answer(
    session: Session,
    graph: RouteGraph,
    network_id: uuid.UUID,
    query: RouteQuery,
    capacity_max_age_hours: int,
    lang: str,
    now: datetime,
) -> RenderedAnswer:
    """The answer as JSON, and until when the capacity posts it ranks by are fresh."""
    entries, entry_partner, via_front_doors = _entries(session, graph, network_id, query)
    entry_ids = [e.id for e in entries]
    language = canonical_language_tag(query.language) if query.language else None
    shape = (
        _requirements(query, language),
        tuple(entry_ids),
        query.max_steps,
    )
    # The routes depend on the graph and the question only: kept with the graph.
    found = {
        need: graph.kept(
            ("best", need, shape), partial(_best, graph, need, query, language, entry_ids)
        )
        for need in dict.fromkeys(query.needs)
    }
    reached = frozenset(path[-1] for c in found.values() for path, _r in c.routes)
    # Read for each answer: capacity posts move the revision answers are kept under, not
    # the graph's part of it.
    capacity = latest_capacity(session, list(reached))
    rooms = {
        target: capacity_view(capacity.get(target), capacity_max_age_hours, now)
        for target in reached
    }
    # The answer holds until a post it ranks by grows too old to trust.
    max_age = timedelta(hours=capacity_max_age_hours)
    fresh_until: datetime | None = None
    for target, room in rooms.items():
        post = capacity.get(target)
        if post is not None and room.fresh:
            until = post.posted_at + max_age
            fresh_until = until if fresh_until is None else min(fresh_until, until)

    answers = [
        _need_routes(graph, need, candidates, rooms, query, lang, nothing=not entries)
        for need, candidates in found.items()
    ]
    note = None
    if entry_partner is not None and via_front_doors:
        note = (
            i18n.message(
                "entry.front_doors",
                lang,
                partner=entry_partner.name,
                doors=", ".join(e.name for e in entries),
            )
            if entries
            else i18n.message("entry.nothing_recorded", lang, partner=entry_partner.name)
        )
    whole = RouteAnswer(
        entry_services=[e.ref() for e in entries],
        entry_partner=entry_partner,
        entry_via_front_doors=via_front_doors,
        entry_note=note,
        needs=answers,
    )
    return RenderedAnswer(whole.model_dump_json().encode(), fresh_until)


def _need_routes(
    graph: RouteGraph,
    need: Need,
    candidates: Candidates,
    rooms: dict[uuid.UUID, CapacityPublic],
    query: RouteQuery,
    lang: str,
    *,
    nothing: bool,
) -> NeedRoutes:
    """One need's routes: who can take someone now first (room, then unknown, waitlist,
    full), then fewest hand-overs and quickest; and when unmet, why, service by service."""
    ranked = sorted(
        enumerate(candidates.routes),
        key=lambda item: (room_now(rooms[item[1][0][-1]]), item[0]),
    )[: query.routes_per_need]
    routes = [
        _route(graph, path, reasons, rooms[path[-1]], need, lang) for _i, (path, reasons) in ranked
    ]
    if routes:
        return NeedRoutes(need=need, met=True, routes=routes, fitting_services=candidates.fitting)
    if nothing:
        unmet, reason = UnmetCode.nothing_from_entry, i18n.message("unmet.nothing_from_entry", lang)
    elif not candidates.fitting:
        unmet, reason = UnmetCode.no_service_fits, i18n.message("unmet.no_service_fits", lang)
    else:
        unmet = UnmetCode.no_route_reaches
        reason = i18n.message(
            "unmet.no_route_reaches", lang, count=candidates.fitting, max_steps=query.max_steps
        )
    return NeedRoutes(
        need=need,
        met=False,
        routes=[],
        unmet=unmet,
        fitting_services=candidates.fitting,
        unmet_reason=reason,
        excluded=[
            ExcludedService(
                service=graph.services[service_id].ref(),
                reasons=[
                    Exclusion(
                        code=code,
                        value=value,
                        text=i18n.message(
                            f"excluded.{code}", lang, value=_named(graph, code, value, lang)
                        ),
                    )
                    for code, value in failures
                ],
            )
            for service_id, failures in candidates.excluded
        ],
        excluded_total=candidates.excluded_total,
    )


def _route(
    graph: RouteGraph,
    path: list[uuid.UUID],
    reasons: Reasons,
    room: CapacityPublic,
    need: Need,
    lang: str,
) -> Route:
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
    no_contact = not (target.front_door_phone or target.front_door_email)
    return Route(
        target=RouteTarget(
            service=target.ref(),
            front_door_phone=target.front_door_phone,
            front_door_email=target.front_door_email,
            no_contact=no_contact,
            no_contact_note=i18n.message("route.no_contact", lang) if no_contact else None,
            capacity=room.status,
            beds_free=room.beds_free,
            room=RoomNow(room_now(room).name),
            capacity_age_minutes=room.age_minutes,
            fits=[
                Fit(
                    code=code,
                    value=value,
                    text=i18n.message(f"fit.{code}", lang, value=_named(graph, code, value, lang)),
                )
                for code, value in reasons
            ],
        ),
        steps=steps,
        total_expected_response_minutes=total,
    )
