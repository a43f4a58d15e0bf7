"""Route finder benchmark: a network of 2,000 services and 20,000 pathways.

    make bench-routes        (or: .venv/bin/python bench/route_finder.py)

Builds the network through the app's own models in a fresh SQLite database (or the
PostgreSQL database named by BENCH_DATABASE_URL), then asks the route finder a few hundred
questions as an API client would (HTTP, through the ASGI app) and reports p50/p95/p99.
The reference point, measured in the same run, is the bare framework answering a fixed
small JSON body through the same ASGI client: the ratio says how much the route finder
costs on top of the stack itself. Results go to bench/results/route-finder-<date>.json.
"""

import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from fastapi import FastAPI
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from accord.core.database import transaction
from accord.core.security import create_access_token
from accord.core.settings import Environment, Settings
from accord.core.vocabulary import NEED_SERVICE_TYPES, MembershipRole, Need, ServiceType
from accord.main import create_app
from accord.models import (
    Membership,
    Network,
    Partner,
    Pathway,
    PathwayNeed,
    Service,
    ServiceLabel,
    StakeholderAssessment,
    User,
)

SERVICES, PATHWAYS, QUERIES, SEED = 2_000, 20_000, 300, 2026
AREAS = [f"district-{n}" for n in range(12)]


def build(app: FastAPI) -> tuple[str, uuid.UUID, list[uuid.UUID]]:
    chance = random.Random(SEED)
    factory = app.state.session_factory
    with transaction(factory) as session:
        user = User(email="bench@example.org", full_name="Bench", password_hash="x")
        network = Network(
            slug="bench", name="Bench network", level="national", languages=["en", "es"]
        )
        session.add_all([user, network])
        session.flush()
        session.add(
            Membership(
                network_id=network.id, user_id=user.id, role=MembershipRole.coordinator
            )
        )
        partners = [
            Partner(
                network_id=network.id,
                name=f"Partner {n}",
                sector="specialist_ngo",
                level="local",
                stage="active",
            )
            for n in range(200)
        ]
        session.add_all(partners)
        session.flush()
        session.add_all(StakeholderAssessment(partner_id=p.id) for p in partners)
        types = list(ServiceType)
        services = []
        for n in range(SERVICES):
            service = Service(
                network_id=network.id,
                partner_id=partners[n % len(partners)].id,
                type=types[n % len(types)],
                name=f"Service {n}",
                entry_point=n % 20 == 0,
                open_24_7=chance.random() < 0.3,
                wheelchair_access=chance.random() < 0.5,
                interpreters=chance.random() < 0.2,
            )
            services.append(service)
        session.add_all(services)
        session.flush()
        for service in services:
            session.add(
                ServiceLabel(
                    service_id=service.id, kind="area", value=chance.choice(AREAS)
                )
            )
            for position, language in enumerate(
                chance.sample(["en", "es", "fr", "pt"], 2)
            ):
                session.add(
                    ServiceLabel(
                        service_id=service.id,
                        kind="language",
                        value=language,
                        position=position,
                    )
                )
        pairs: set[tuple[uuid.UUID, uuid.UUID]] = set()
        ids = [s.id for s in services]
        while len(pairs) < PATHWAYS:
            a, b = chance.sample(ids, 2)
            pairs.add((a, b))
        needs = list(Need)
        pathways = [
            Pathway(
                network_id=network.id,
                from_service_id=a,
                to_service_id=b,
                channel="phone",
                status="active" if chance.random() < 0.9 else "draft",
                expected_response_minutes=chance.randint(10, 2880),
            )
            for a, b in pairs
        ]
        session.add_all(pathways)
        session.flush()
        for pathway in pathways:
            for position, need in enumerate(chance.sample(needs, chance.randint(1, 3))):
                session.add(
                    PathwayNeed(
                        pathway_id=pathway.id,
                        kind="need",
                        value=need,
                        position=position,
                    )
                )
        entries = [s.id for s in services if s.entry_point]
        return network.slug, user.id, entries


def measure(
    client: TestClient,
    method: str,
    url: str,
    bodies: list[dict[str, object] | None],
    headers: dict[str, str],
) -> list[float]:
    timings = []
    for body in bodies:
        started = time.perf_counter()
        response = client.request(method, url, json=body, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return timings


def summary(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1], 2),
        "max_ms": round(ordered[-1], 2),
    }


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="accord-bench-"))
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.db'}"
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")
    settings = Settings(
        environment=Environment.test, database_url=url, secret_key="b" * 48
    )
    app = create_app(settings)

    @app.get("/bench/bare")
    def bare() -> dict[str, str]:
        return {"status": "ok"}

    app.router.routes.insert(0, app.router.routes.pop())
    started = time.perf_counter()
    slug, user_id, entries = build(app)
    print(
        f"built {SERVICES} services and {PATHWAYS} pathways in {time.perf_counter() - started:.1f} s"
    )
    headers = {
        "Authorization": f"Bearer {create_access_token(settings, user_id, 1).token}"
    }
    chance = random.Random(SEED + 1)
    needs = [n for n in Need if NEED_SERVICE_TYPES[n]]
    questions: list[dict[str, object] | None] = [
        {
            "entry": {"kind": "service", "id": str(chance.choice(entries))},
            "needs": [n.value for n in chance.sample(needs, chance.randint(1, 3))],
            "language": chance.choice([None, "es", "en"]),
            "needs_24_7": chance.random() < 0.3,
        }
        for _ in range(QUERIES)
    ]
    with TestClient(app) as client:
        route_url = f"/api/v1/networks/{slug}/pathways/routes"
        measure(client, "POST", route_url, questions[:5], headers)  # warm up
        routes = measure(client, "POST", route_url, questions, headers)
        bare_timings = measure(client, "GET", "/bench/bare", [None] * QUERIES, {})
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": url.split(":")[0],
        "services": SERVICES,
        "pathways": PATHWAYS,
        "queries": QUERIES,
        "route_finder": summary(routes),
        "reference_bare_endpoint": summary(bare_timings),
    }
    result["ratio_p50_to_bare"] = round(
        result["route_finder"]["p50_ms"]
        / max(result["reference_bare_endpoint"]["p50_ms"], 0.001),
        1,
    )
    print(json.dumps(result, indent=2))
    out = (
        ROOT
        / "bench"
        / "results"
        / f"route-finder-{datetime.now(UTC).date().isoformat()}.json"
    )
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
