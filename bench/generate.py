"""Fill a database with a national-scale data set for benchmarking (issue #6).

    DATABASE_URL=… .venv/bin/python bench/generate.py [--seed 1] [--scale 1.0]

One national network with 40 sub-national networks under it, 25,000 partners, 60,000
services and 200,000 pathways at scale 1.0, with the skew of real life: a few large
networks (a capital, big cities) and many small ones (Zipf-like sizes). Everything goes
in through the app's own tables (SQLAlchemy Core inserts, in batches), with the same
labels, assessments and stage history the API would write. Deterministic for a seed.
The database must be migrated first (`make migrate`, or `alembic upgrade head`).
"""

import argparse
import random
import sys
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from accord.core.database import create_db_engine
from accord.core.fields import name_key
from accord.core.security import hash_password
from accord.core.settings import Environment, Settings
from accord.core.vocabulary import (
    Level,
    MembershipRole,
    Need,
    Population,
    Sector,
    ServiceType,
    Stage,
)
from accord.models import (
    Area,
    Membership,
    Network,
    Partner,
    PartnerLabel,
    PartnerStageChange,
    Pathway,
    PathwayNeed,
    Service,
    ServiceLabel,
    StakeholderAssessment,
    User,
)

NETWORKS, PARTNERS, SERVICES, PATHWAYS = 40, 25_000, 60_000, 200_000
BATCH = 5_000
BENCH_PASSWORD = "bench-coordinator-password"
LANGUAGES = ["en", "es", "fr", "pt", "ar", "qu"]


def zipf_sizes(total: int, parts: int, chance: random.Random) -> list[int]:
    """`total` split over `parts` with a long tail: part k gets about 1/k of the first."""
    weights = [1 / (k + 1) ** 0.9 * chance.uniform(0.8, 1.2) for k in range(parts)]
    scale = total / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    sizes[0] += total - sum(sizes)
    return sizes


def batched(
    rows: Iterable[dict[str, Any]], size: int = BATCH
) -> Iterable[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Loader:
    def __init__(self, url: str) -> None:
        settings = Settings(environment=Environment.development, database_url=url)
        self.engine = create_db_engine(settings)
        self.counts: dict[str, int] = {}

    def put(self, table: Any, rows: Iterable[dict[str, Any]]) -> None:
        name = table.__tablename__
        with self.engine.begin() as connection:
            for batch in batched(rows):
                connection.execute(insert(table.__table__), batch)
                self.counts[name] = self.counts.get(name, 0) + len(batch)
        print(f"  {name}: {self.counts[name]:,}", flush=True)


def generate(url: str, seed: int, scale: float) -> dict[str, Any]:
    chance = random.Random(seed)
    now = datetime.now(UTC)
    loader = Loader(url)
    started = time.perf_counter()
    partners_total, services_total = int(PARTNERS * scale), int(SERVICES * scale)
    pathways_total = int(PATHWAYS * scale)

    national = {
        "id": uuid.uuid4(),
        "slug": "national",
        "name": "National coordinated response",
    }
    networks = [national] + [
        {
            "id": uuid.uuid4(),
            "slug": f"region-{n:02d}",
            "name": f"Region {n:02d} response",
        }
        for n in range(1, NETWORKS + 1)
    ]
    loader.put(
        Network,
        (
            {
                **n,
                "level": Level.national if n is national else Level.sub_national,
                "area": n["slug"],
                "languages": ["en", "es"],
                "parent_id": None if n is national else national["id"],
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
            for n in networks
        ),
    )
    regions = networks[1:]
    # Each region's gazetteer: the region itself and the twelve districts its partners and
    # services name (`<slug>-d1` … `-d12`), so an area filter on a region widens as it does
    # in real networks (areas/service.py: with_sub_areas).
    areas = []
    for region in regions:
        top = {"id": uuid.uuid4(), "network_id": region["id"], "code": region["slug"]}
        areas.append({**top, "name_en": region["name"], "parent_id": None})
        areas.extend(
            {
                "id": uuid.uuid4(),
                "network_id": region["id"],
                "code": f"{region['slug']}-d{d}",
                "name_en": f"{region['name']} district {d}",
                "name_fr": f"{region['name']} quartier {d}",
                "parent_id": top["id"],
            }
            for d in range(1, 13)
        )
    loader.put(
        Area,
        ({"version": 1, "created_at": now, "updated_at": now, **a} for a in areas),
    )
    coordinator = {"id": uuid.uuid4(), "email": "coordinator@bench.example"}
    loader.put(
        User,
        [
            {
                **coordinator,
                "full_name": "Bench Coordinator",
                "password_hash": hash_password(BENCH_PASSWORD),
                "is_admin": False,
                "is_active": True,
                "version": 1,
                "created_at": now,
            }
        ],
    )
    loader.put(
        Membership,
        (
            {
                "id": uuid.uuid4(),
                "network_id": n["id"],
                "user_id": coordinator["id"],
                "role": MembershipRole.coordinator,
                "version": 1,
                "created_at": now,
            }
            for n in networks
        ),
    )

    sectors, stages, populations = list(Sector), list(Stage), list(Population)
    partner_sizes = zipf_sizes(partners_total, len(regions), chance)
    partners: list[tuple[uuid.UUID, uuid.UUID]] = []  # (partner, network)
    partner_rows, labels, assessments, history = [], [], [], []
    for region, size in zip(regions, partner_sizes, strict=True):
        for n in range(size):
            pid = uuid.uuid4()
            stage = chance.choice(stages)
            created = now - timedelta(days=chance.randint(30, 900))
            partners.append((pid, region["id"]))
            partner_rows.append(
                {
                    "id": pid,
                    "network_id": region["id"],
                    "name": f"{region['name']} partner {n:05d}",
                    # Unique per network as people read names (core/fields.py: name_key).
                    "name_key": name_key(f"{region['name']} partner {n:05d}"),
                    "acronym": None,
                    "description": "A partner organisation of the coordinated response.",
                    "website": None,
                    "sector": chance.choice(sectors),
                    "level": Level.local,
                    "stage": stage,
                    "stage_changed_at": created,
                    "version": 1,
                    "created_at": created,
                    "updated_at": created,
                }
            )
            for position, value in enumerate(
                chance.sample(populations, chance.randint(0, 3))
            ):
                labels.append(
                    {
                        "partner_id": pid,
                        "network_id": region["id"],
                        "kind": "population",
                        "value": value,
                        "position": position,
                    }
                )
            for position, value in enumerate(
                chance.sample(LANGUAGES, chance.randint(1, 2))
            ):
                labels.append(
                    {
                        "partner_id": pid,
                        "network_id": region["id"],
                        "kind": "language",
                        "value": value,
                        "position": position,
                    }
                )
            labels.append(
                {
                    "partner_id": pid,
                    "network_id": region["id"],
                    "kind": "area",
                    "value": f"{region['slug']}-d{chance.randint(1, 12)}",
                    "position": 0,
                }
            )
            assessments.append(
                {
                    "partner_id": pid,
                    "trusted_by_survivors": chance.randint(1, 5),
                    "connected_respected": chance.randint(1, 5),
                    "influence": chance.randint(1, 5),
                    "commitment": chance.randint(1, 5),
                    "risks": None,
                    "champion": chance.random() < 0.1,
                    "decision_authority": "unknown",
                    "version": 1,
                    "assessed_by": None,
                    "assessed_at": None,
                }
            )
            history.append(
                {
                    "id": uuid.uuid4(),
                    "partner_id": pid,
                    "from_stage": None,
                    "to_stage": stage,
                    "note": None,
                    "changed_by": coordinator["id"],
                    "changed_at": created,
                }
            )
    loader.put(Partner, partner_rows)
    loader.put(PartnerLabel, labels)
    loader.put(StakeholderAssessment, assessments)
    loader.put(PartnerStageChange, history)

    types = list(ServiceType)
    services_by_network: dict[uuid.UUID, list[uuid.UUID]] = {
        r["id"]: [] for r in regions
    }
    service_rows, service_labels = [], []
    for _ in range(services_total):
        partner_id, network_id = chance.choice(partners)
        sid = uuid.uuid4()
        services_by_network[network_id].append(sid)
        service_rows.append(
            {
                "id": sid,
                "network_id": network_id,
                "partner_id": partner_id,
                "type": chance.choice(types),
                "name": f"Service {len(service_rows):06d}",
                "description": None,
                "status": "active" if chance.random() < 0.92 else "inactive",
                "entry_point": chance.random() < 0.05,
                "age_min": None,
                "age_max": None,
                "genders": [],
                "open_24_7": chance.random() < 0.25,
                "opening_hours": [],
                "wheelchair_access": chance.random() < 0.5,
                "sign_language": False,
                "interpreters": chance.random() < 0.2,
                "free_of_charge": True,
                "female_staff": chance.random() < 0.6,
                "front_door_phone": None,
                "front_door_email": None,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
        for position, value in enumerate(
            chance.sample(LANGUAGES, chance.randint(1, 2))
        ):
            service_labels.append(
                {
                    "service_id": sid,
                    "kind": "language",
                    "value": value,
                    "position": position,
                }
            )
    loader.put(Service, service_rows)
    loader.put(ServiceLabel, service_labels)

    # Pathways stay inside their network; big networks get most of them.
    networks_with_services = [n for n, s in services_by_network.items() if len(s) >= 2]
    weights = [len(services_by_network[n]) for n in networks_with_services]
    needs = list(Need)
    seen: set[tuple[uuid.UUID, uuid.UUID]] = set()
    pathway_rows, pathway_needs = [], []
    while len(pathway_rows) < pathways_total:
        network_id = chance.choices(networks_with_services, weights)[0]
        source, target = chance.sample(services_by_network[network_id], 2)
        if (source, target) in seen:
            continue
        seen.add((source, target))
        pid = uuid.uuid4()
        pathway_rows.append(
            {
                "id": pid,
                "network_id": network_id,
                "from_service_id": source,
                "to_service_id": target,
                "consent_required": True,
                "mandatory_reporting_note": None,
                "expected_response_minutes": chance.randint(10, 2880),
                "channel": chance.choice(
                    ["phone", "secure_email", "in_person", "system"]
                ),
                "protocol_reference": None,
                "status": "active" if chance.random() < 0.85 else "agreed",
                "agreement_reference": None,
                "review_date": None,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
        for position, need in enumerate(chance.sample(needs, chance.randint(1, 3))):
            pathway_needs.append(
                {"pathway_id": pid, "kind": "need", "value": need, "position": position}
            )
    loader.put(Pathway, pathway_rows)
    loader.put(PathwayNeed, pathway_needs)
    settle(loader.engine)
    loader.engine.dispose()
    largest = max(regions, key=lambda r: len(services_by_network[r["id"]]))
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "rows": loader.counts,
        "largest_network": largest["slug"],
        "login": {"email": coordinator["email"], "password": BENCH_PASSWORD},
    }


def settle(engine: Any) -> None:
    """Statistics (and, on PostgreSQL, the visibility map index-only scans rely on), as a
    database in use has them from autovacuum; a freshly loaded one does not."""
    print("  analysing…", flush=True)
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")  # not inside a transaction


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="1.0 = the national data set"
    )
    parser.add_argument("--database-url", default=None, help="default: $DATABASE_URL")
    args = parser.parse_args(argv)
    url = (
        args.database_url or Settings(environment=Environment.development).database_url
    )
    print(
        f"Generating (seed {args.seed}, scale {args.scale}) into {url.split('@')[-1]}"
    )
    print(generate(url, args.seed, args.scale))


if __name__ == "__main__":
    main()
