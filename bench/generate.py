"""Fill a database with a national-scale data set for benchmarking (issue #6).

    DATABASE_URL=… .venv/bin/python bench/generate.py [--seed 1] [--scale 1.0]
    DATABASE_URL=… .venv/bin/python bench/generate.py --only referrals   (issue #14)

One national network with 40 sub-national networks under it, 25,000 partners, 60,000
services and 200,000 pathways at scale 1.0, with the skew of real life: a few large
networks (a capital, big cities) and many small ones (Zipf-like sizes). Everything goes
in through the app's own tables (SQLAlchemy Core inserts, in batches), with the same
labels, assessments and stage history the API would write. Deterministic for a seed.
The database must be migrated first (`make migrate`, or `alembic upgrade head`).

Then 2,000,000 referrals over the three years before now (issue #14's "Scale"), with their
needs, and a partner editor to send, receive and read inboxes (`editor@bench.example`).
`--only referrals` adds them to a data set that has the rest and no referral yet (what
`make bench` does to an older bench database). Referrals are rows in the databases' own
storage format written without per-value processing (SQLite: the driver's executemany;
PostgreSQL: COPY), in batches: through SQLAlchemy's inserts they took several times as long
(bench/README.md).
"""

import argparse
import bisect
import random
import sys
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from accord.core.database import WRITE_OPTION, create_db_engine
from accord.core.fields import name_key
from accord.core.models import new_row
from accord.core.security import hash_password
from accord.core.settings import Environment, Settings
from accord.core.vocabulary import (
    DeclineReason,
    Level,
    MembershipRole,
    Need,
    PathwayStatus,
    Population,
    Sector,
    ServiceStatus,
    ServiceType,
    Stage,
    Urgency,
)
from accord.models import (
    Area,
    Membership,
    MembershipPartner,
    Network,
    Partner,
    PartnerLabel,
    PartnerStageChange,
    Pathway,
    PathwayNeed,
    Referral,
    ReferralNeed,
    Service,
    ServiceLabel,
    StakeholderAssessment,
    User,
)
from accord.referrals import tallies
from accord.referrals.service import DEFAULT_RESPONSE_MINUTES

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


def batched(rows: Iterable[Any], size: int = BATCH) -> Iterable[list[Any]]:
    batch: list[Any] = []
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

    def put_raw(
        self,
        connection: Any,
        table: Any,
        columns: Sequence[str],
        rows: Iterable[tuple[Any, ...]],
    ) -> None:
        """Rows already in the database's storage format (`RawFormat`), in batches, with no
        per-value type processing: SQLite's executemany on the driver's connection, or
        PostgreSQL's COPY. In the caller's transaction."""
        name = table.__tablename__
        raw = connection.connection.driver_connection
        if self.engine.dialect.name == "sqlite":
            statement = (
                f"INSERT INTO {name} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})"
            )
            cursor = raw.cursor()
            for batch in batched(rows):
                cursor.executemany(statement, batch)
                self.counts[name] = self.counts.get(name, 0) + len(batch)
            cursor.close()
            return
        with raw.cursor() as cursor:
            with cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
                for batch in batched(rows):
                    # Codes, hex ids, numbers and timestamps: nothing to escape.
                    copy.write(
                        "".join(
                            "\t".join(
                                "\\N" if value is None else str(value) for value in row
                            )
                            + "\n"
                            for row in batch
                        )
                    )
                    self.counts[name] = self.counts.get(name, 0) + len(batch)


def generate(
    url: str, seed: int, scale: float, only: str | None = None
) -> dict[str, Any]:
    """The whole data set, or (`only="referrals"`) the referrals and the partner editor
    added to a data set that has the rest."""
    now = datetime.now(UTC)
    loader = Loader(url)
    started = time.perf_counter()
    summary: dict[str, Any] = {}
    if only is None:
        summary = directory(loader, random.Random(seed), now, scale)
    summary["referrals"] = add_referrals(loader, seed, scale, now)
    summary["editor"] = ensure_editor(loader)
    # After the referrals alone, their tables' statistics (ANALYZE of the whole database
    # would redo every other table's as well).
    settle(loader.engine, None if only is None else REFERRAL_TABLES)
    loader.engine.dispose()
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "rows": loader.counts,
        **summary,
    }


def directory(
    loader: Loader, chance: random.Random, now: datetime, scale: float
) -> dict[str, Any]:
    """Networks, areas, the coordinator, partners, services and pathways."""
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
    largest = max(regions, key=lambda r: len(services_by_network[r["id"]]))
    return {
        "largest_network": largest["slug"],
        "login": {"email": coordinator["email"], "password": BENCH_PASSWORD},
    }


# --- referrals (issue #14) ---------------------------------------------------------------

REFERRALS, REFERRAL_DAYS = 2_000_000, 3 * 365
OFF_PATHWAY = 0.10  # sent straight to another service of the network, with consent
WITH_REFERENCE = 0.08  # carry a sender's reference ("BN-<n>"); the rest none
REFERRAL_TABLES = (
    "referrals",
    "referral_needs",
    "users",
    "memberships",
    "membership_partners",
)
EDITOR_EMAIL, EDITOR_PASSWORD = "editor@bench.example", "bench-editor-password"
REFERRAL_COLUMNS = (
    "id",
    "network_id",
    "pathway_id",
    "off_pathway",
    "from_service_id",
    "to_service_id",
    "from_partner_id",
    "to_partner_id",
    "urgency",
    "consent_given",
    "sender_reference",
    "status",
    "decline_reason",
    "previous_referral_id",
    "onward_referral_id",
    "sent_at",
    "due_at",
    "expires_at",
    "received_at",
    "accepted_at",
    "declined_at",
    "completed_at",
    "revoked_at",
    "expired_at",
    "minutes_to_receive",
    "minutes_to_accept",
    "version",
    "updated_at",
)
NEED_COLUMNS = ("referral_id", "kind", "value", "position")
MINUTE, DAY = 60_000_000, 86_400_000_000  # in microseconds
# Urgency and decline reasons by cumulative share. `referred_onward` is left out: it links
# an onward referral, which the generator does not make.
URGENCIES = (
    (0.15, Urgency.immediate),
    (0.50, Urgency.same_day),
    (1.0, Urgency.routine),
)
DECLINES = (
    (0.40, DeclineReason.no_capacity),
    (0.65, DeclineReason.not_eligible),
    (0.80, DeclineReason.unable_to_contact),
    (0.95, DeclineReason.survivor_declined),
    (1.0, DeclineReason.other),
)
_EPOCH = datetime(1970, 1, 1)


class RawFormat:
    """Values as SQLAlchemy's types store them, so that rows can skip its per-value
    processing: ids as 32 hex digits, timestamps in UTC with microseconds (on SQLite as
    text without an offset), booleans as 1/0 or t/f."""

    def __init__(self, dialect: str) -> None:
        sqlite = dialect == "sqlite"
        self.true, self.false = (1, 0) if sqlite else ("t", "f")
        self._offset = "" if sqlite else "+00"

    def time(self, microseconds: int | None) -> str | None:
        if microseconds is None:
            return None
        moment = _EPOCH + timedelta(microseconds=microseconds)
        return moment.isoformat(" ", "microseconds") + self._offset


def new_id(chance: random.Random) -> str:
    """A version-4 UUID from the seeded generator (uuid4() is not), as 32 hex digits."""
    bits = chance.getrandbits(128) & ~((0xF000 << 64) | (0xC000 << 48))
    return f"{bits | (0x4000 << 64) | (0x8000 << 48):032x}"


def _epoch_us(moment: datetime) -> int:
    return (moment.astimezone(UTC).replace(tzinfo=None) - _EPOCH) // timedelta(
        microseconds=1
    )


def network_sizes(connection: Any) -> list[tuple[uuid.UUID, str, int]]:
    """Networks with services as (id, slug, services), fewest first: the first takes the
    benchmark's writes, the last is the largest (bench/run.py)."""
    rows = connection.execute(
        select(Network.id, Network.slug, func.count(Service.id))  # type: ignore[call-overload]
        .join(Service, Service.network_id == Network.id)
        .group_by(Network.id, Network.slug)
    ).all()
    return sorted(((r[0], r[1], r[2]) for r in rows), key=lambda r: (r[2], r[1]))


def sending_pathway(connection: Any, network_id: uuid.UUID) -> dict[str, Any] | None:
    """The pathway the bench editor sends along in the writes network: the first active one
    (by its services' names) between active services of two different partners."""
    source, target = (
        Service.__table__.alias("source"),
        Service.__table__.alias("target"),
    )
    pathways = Pathway.__table__
    row = connection.execute(
        select(
            pathways.c.id,
            pathways.c.expected_response_minutes,
            source.c.partner_id,
            target.c.partner_id,
        )
        .join(source, source.c.id == pathways.c.from_service_id)
        .join(target, target.c.id == pathways.c.to_service_id)
        .where(
            pathways.c.network_id == network_id,
            pathways.c.status == PathwayStatus.active,
            source.c.status == ServiceStatus.active,
            target.c.status == ServiceStatus.active,
            source.c.partner_id != target.c.partner_id,
        )
        .order_by(source.c.name, target.c.name)
        .limit(1)
    ).first()
    if row is None:
        return None
    needs = connection.scalars(
        select(PathwayNeed.value)  # type: ignore[call-overload]
        .where(PathwayNeed.pathway_id == row[0], PathwayNeed.kind == "need")
        .order_by(PathwayNeed.position)
    ).all()
    return {
        "id": row[0],
        "minutes": row[1],
        "from_partner_id": row[2],
        "to_partner_id": row[3],
        "needs": list(needs),
    }


def add_referrals(
    loader: Loader, seed: int, scale: float, now: datetime
) -> dict[str, Any]:
    """REFERRALS × scale referrals over the REFERRAL_DAYS before now, into the sub-national
    networks in proportion to their active pathways, 1–3 needs each; none if the database
    has some already."""
    engine = loader.engine
    with engine.connect() as connection:
        if connection.scalar(select(func.count()).select_from(Referral.__table__)):
            print("  referrals: some already, none added", flush=True)
            return {"added": 0}
        networks, needs_of = _referral_world(connection)
    fmt = RawFormat(engine.dialect.name)
    chance = random.Random(f"referrals-{seed}")
    total = int(REFERRALS * scale)
    # In proportion to the networks' usable pathways; within one, busy pathways and quiet
    # ones (log-normal weights), as referrals follow a few well-used routes.
    usable = [n for n in networks if n["pathways"]]
    for network in usable:
        weights = [chance.lognormvariate(0, 1.0) for _ in network["pathways"]]
        network["cumulative"] = list(_cumulative(weights))
    network_cumulative = list(_cumulative([len(n["pathways"]) for n in usable]))
    statuses: dict[str, int] = {}
    started = time.perf_counter()
    written = 0
    referral_rows: list[tuple[Any, ...]] = []
    need_rows: list[tuple[Any, ...]] = []
    with bulk_load(engine, ("referrals", "referral_needs")) as connection:
        for row, needs in _referrals(
            chance, fmt, usable, network_cumulative, needs_of, total, now
        ):
            referral_rows.append(row)
            for position, need in enumerate(needs):
                need_rows.append((row[0], "need", need, position))
            statuses[row[11]] = statuses.get(row[11], 0) + 1
            if len(referral_rows) == 4 * BATCH:
                written += _write_referrals(
                    loader, connection, referral_rows, need_rows
                )
                if written % 200_000 == 0:
                    print(
                        f"  referrals: {written:,} ({time.perf_counter() - started:.0f} s)",
                        flush=True,
                    )
        written += _write_referrals(loader, connection, referral_rows, need_rows)
        print(
            f"  referrals: {written:,}, referral_needs: "
            f"{loader.counts.get('referral_needs', 0):,} "
            f"({time.perf_counter() - started:.0f} s); indexing…",
            flush=True,
        )
    print(f"  indexed ({time.perf_counter() - started:.0f} s)", flush=True)
    # What the tallies' triggers, dropped for the load, would have counted.
    with engine.begin() as connection:
        tallies.rebuild_lineage(connection)
        tallies.rebuild(connection)
    print(f"  tallied ({time.perf_counter() - started:.0f} s)", flush=True)
    return {"added": written, "statuses": dict(sorted(statuses.items()))}


@contextmanager
def bulk_load(engine: Any, tables: Sequence[str]) -> Iterator[Any]:
    """A transaction loading empty `tables`: their indexes (but their primary keys),
    foreign keys and triggers are dropped first and made again at the end from their own
    definitions (the caller counts what the triggers would have: referral tallies),
    as the database holds them, in the same transaction; a load that fails leaves them as
    they were. Row by row, the eight indexes of `referrals` and its foreign-key checks
    cost SQLite 55 s for 200,000 referrals against 10 s this way (bench/README.md).

    SQLite checks the foreign keys afterwards (`PRAGMA foreign_key_check`); PostgreSQL
    checks them when they are added again."""
    names = ", ".join(f"'{t}'" for t in tables)
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        if engine.dialect.name == "sqlite":
            # Outside a transaction, where SQLite takes these.
            raw.execute("PRAGMA foreign_keys=OFF")
            raw.execute("PRAGMA cache_size=-1000000")  # 1 GB while indexing
            try:
                with connection.begin():
                    indexes = connection.exec_driver_sql(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                        f"AND tbl_name IN ({names}) AND sql IS NOT NULL"
                    ).all()
                    triggers = connection.exec_driver_sql(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                        f"AND tbl_name IN ({names})"
                    ).all()
                    for name, _ in indexes:
                        connection.exec_driver_sql(f"DROP INDEX {name}")
                    for name, _ in triggers:
                        connection.exec_driver_sql(f"DROP TRIGGER {name}")
                    yield connection
                    for _, sql in indexes + triggers:
                        connection.exec_driver_sql(sql)
                    for table in tables:
                        broken = connection.exec_driver_sql(
                            f"PRAGMA foreign_key_check({table})"
                        ).first()
                        if broken is not None:
                            raise RuntimeError(
                                f"{table}: a foreign key broken: {broken}"
                            )
            finally:
                raw.execute("PRAGMA foreign_keys=ON")
                raw.execute("PRAGMA cache_size=-2000")
            return
        with connection.begin():
            connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '512MB'")
            keys = connection.exec_driver_sql(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                f"FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ({names})"
            ).all()
            indexes = connection.exec_driver_sql(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "JOIN pg_class c ON c.relname = i.indexname "
                "JOIN pg_index x ON x.indexrelid = c.oid "
                f"WHERE i.tablename IN ({names}) AND NOT x.indisprimary"
            ).all()
            triggers = connection.exec_driver_sql(
                "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) "
                f"FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text IN ({names})"
            ).all()
            for table, name, _ in keys:
                connection.exec_driver_sql(
                    f"ALTER TABLE {table} DROP CONSTRAINT {name}"
                )
            for name, _ in indexes:
                connection.exec_driver_sql(f"DROP INDEX {name}")
            for table, name, _ in triggers:
                connection.exec_driver_sql(f"DROP TRIGGER {name} ON {table}")
            yield connection
            for _, sql in indexes:
                connection.exec_driver_sql(sql)
            for _, _, sql in triggers:
                connection.exec_driver_sql(sql)
            for table, name, definition in keys:
                connection.exec_driver_sql(
                    f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"
                )


def _write_referrals(
    loader: Loader,
    connection: Any,
    referral_rows: list[tuple[Any, ...]],
    need_rows: list[tuple[Any, ...]],
) -> int:
    count = len(referral_rows)
    loader.put_raw(connection, Referral, REFERRAL_COLUMNS, referral_rows)
    loader.put_raw(connection, ReferralNeed, NEED_COLUMNS, need_rows)
    referral_rows.clear()
    need_rows.clear()
    return count


def _cumulative(weights: Iterable[float]) -> Iterable[float]:
    running = 0.0
    for weight in weights:
        running += weight
        yield running


def _referral_world(
    connection: Any,
) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """Each network's active pathways between active services and its active services, in
    an order that does not depend on the ids (services by name), so that a seed gives the
    same referrals over any data set generated with the same seed. Read as the driver
    returns them (ids as hex on SQLite, UUIDs on PostgreSQL)."""

    def rows(sql: str) -> list[Any]:
        return list(connection.exec_driver_sql(sql).all())

    def hexed(value: Any) -> Any:
        return value if value is None or isinstance(value, str) else value.hex

    services: dict[str, tuple[str, str]] = {}
    by_network: dict[str, list[tuple[str, str, str]]] = {}
    for sid, network_id, partner_id, name in rows(
        "SELECT id, network_id, partner_id, name FROM services "
        f"WHERE status = '{ServiceStatus.active}'"
    ):
        sid, partner_id = hexed(sid), hexed(partner_id)
        services[sid] = (partner_id, name)
        by_network.setdefault(hexed(network_id), []).append((name, sid, partner_id))
    pathways: dict[str, list[tuple[tuple[str, str], tuple[Any, ...]]]] = {}
    for pid, network_id, source, target, minutes in rows(
        "SELECT id, network_id, from_service_id, to_service_id, expected_response_minutes "
        f"FROM pathways WHERE status = '{PathwayStatus.active}'"
    ):
        source, target = hexed(source), hexed(target)
        if source not in services or target not in services:
            continue  # the API sends nothing to an inactive service
        pathways.setdefault(hexed(network_id), []).append(
            (
                (services[source][1], services[target][1]),
                (
                    hexed(pid),
                    source,
                    target,
                    services[source][0],
                    services[target][0],
                    minutes,
                ),
            )
        )
    needs_of: dict[str, list[str]] = {}
    for pid, value in rows(
        "SELECT pathway_id, value FROM pathway_needs WHERE kind = 'need' "
        "ORDER BY pathway_id, position"
    ):
        needs_of.setdefault(hexed(pid), []).append(value)
    networks = []
    for network_id, slug, factor in rows(
        "SELECT id, slug, referral_expiry_factor FROM networks ORDER BY slug"
    ):
        network_id = hexed(network_id)
        found = sorted(pathways.get(network_id, []))
        networks.append(
            {
                "id": network_id,
                "slug": slug,
                "factor": factor,
                "pathways": [p for _, p in found if needs_of.get(p[0])],
                "services": [
                    (sid, partner)
                    for _, sid, partner in sorted(by_network.get(network_id, []))
                ],
            }
        )
    return networks, needs_of


def _referrals(
    chance: random.Random,
    fmt: RawFormat,
    networks: list[dict[str, Any]],
    network_cumulative: list[float],
    needs_of: dict[str, list[str]],
    total: int,
    now: datetime,
) -> Iterable[tuple[tuple[Any, ...], list[str]]]:
    """(row, needs) for `total` referrals in the order they were sent: day by day, growing
    by half over the span, fewer at weekends, most in the daytime (UTC)."""
    now_us = _epoch_us(now)
    today = now_us - now_us % DAY
    first = today - REFERRAL_DAYS * DAY
    days = []
    for d in range(REFERRAL_DAYS + 1):
        start = first + d * DAY
        weight = 1 + 0.5 * d / REFERRAL_DAYS
        if (_EPOCH + timedelta(microseconds=start)).weekday() >= 5:
            weight *= 0.6
        length = min(DAY, now_us - start)
        days.append((start, length, weight * length / DAY))
    weights_total = sum(w for _, _, w in days)
    all_needs = [str(n) for n in Need]
    random_ = chance.random
    lognormal = chance.lognormvariate
    time_ = fmt.time
    true, false = fmt.true, fmt.false
    network_total = network_cumulative[-1]
    made = 0
    running = 0.0
    for start, length, weight in days:
        running += weight
        count = round(total * running / weights_total) - made
        made += count
        offsets = []
        for _ in range(count):
            if random_() < 0.75:  # 08:00 to 20:00
                offset = int((8 + 12 * random_()) * 3_600_000_000)
            else:
                offset = int(random_() * DAY)
            offsets.append(offset if offset < length else int(random_() * length))
        offsets.sort()
        for offset in offsets:
            sent = start + offset
            network = networks[
                bisect.bisect(network_cumulative, random_() * network_total)
            ]
            urgency = _pick(URGENCIES, random_())
            if random_() < OFF_PATHWAY or len(network["services"]) < 2:
                services = network["services"]
                a = int(random_() * len(services))
                b = int(random_() * (len(services) - 1))
                b += b >= a
                (source, source_partner), (target, target_partner) = (
                    services[a],
                    services[b],
                )
                pathway_id, minutes, off = None, DEFAULT_RESPONSE_MINUTES[urgency], true
                needs = chance.sample(all_needs, 1 + int(3 * random_()))
            else:
                cumulative = network["cumulative"]
                pathway = network["pathways"][
                    bisect.bisect(cumulative, random_() * cumulative[-1])
                ]
                pathway_id, source, target, source_partner, target_partner, minutes = (
                    pathway
                )
                minutes = minutes or DEFAULT_RESPONSE_MINUTES[urgency]
                off = false
                own = needs_of[pathway_id]
                wanted = 1 + int(3 * random_())
                needs = own if wanted >= len(own) else chance.sample(own, wanted)
            window = minutes * MINUTE
            expires = sent + window * network["factor"]
            status, reason, times = _lifecycle(
                random_, lognormal, sent, window, expires, now_us
            )
            received, accepted, declined, completed, revoked, expired = times
            version = 1 + sum(t is not None for t in times)
            yield (
                (
                    new_id(chance),
                    network["id"],
                    pathway_id,
                    off,
                    source,
                    target,
                    source_partner,
                    target_partner,
                    str(urgency),
                    true,
                    f"BN-{chance.randint(1000, 999_999)}"
                    if random_() < WITH_REFERENCE
                    else None,
                    status,
                    reason,
                    None,
                    None,
                    time_(sent),
                    time_(sent + window),
                    time_(expires),
                    time_(received),
                    time_(accepted),
                    time_(declined),
                    time_(completed),
                    time_(revoked),
                    time_(expired),
                    None if received is None else (received - sent) // MINUTE,
                    None if accepted is None else (accepted - sent) // MINUTE,
                    version,
                    time_(max((t for t in times if t is not None), default=sent)),
                ),
                needs,
            )


def _pick(shares: Sequence[tuple[float, Any]], value: float) -> Any:
    for share, choice in shares:
        if value < share:
            return choice
    return shares[-1][1]


def _lifecycle(
    random_: Any, lognormal: Any, sent: int, window: int, expires: int, now: int
) -> tuple[str, str | None, tuple[int | None, ...]]:
    """Where a referral sent at `sent` is now: (status, decline reason, (received,
    accepted, declined, completed, revoked, expired) times). Each step happens after the
    last, and only before now; one nobody received is expired from its expiry time (as
    the sweep leaves it), or still sent before then."""
    received = accepted = declined = completed = revoked = expired = None
    status, reason = "sent", None
    if random_() < 0.04:  # nobody receives it; a quarter of those revoked by the sender
        if random_() < 0.25:
            at = sent + int(random_() * (expires - sent))
            if at <= now:
                status, revoked = "revoked", at
    else:
        wait = int(window * 0.25 * lognormal(0, 0.9))
        at = sent + max(30_000_000, min(wait, expires - sent - MINUTE))
        if at <= now:
            status, received = "received", at
            answer = random_()
            at = received + int(window * 0.3 * lognormal(0, 0.8))
            if answer < 0.80:
                if at <= now:
                    status, accepted = "accepted", at
                    after = random_()
                    if after < 0.93:
                        at = accepted + int(7 * DAY * lognormal(0, 0.8))
                        if at <= now:
                            status, completed = "completed", at
                    elif after < 0.96:
                        at = accepted + int(2 * DAY * lognormal(0, 0.8))
                        if at <= now:
                            status, revoked = "revoked", at
            elif answer < 0.95:
                if at <= now:
                    status, declined = "declined", at
                    reason = str(_pick(DECLINES, random_()))
            elif answer < 0.97:
                at = received + int(window * lognormal(0, 0.8))
                if at <= now:
                    status, revoked = "revoked", at
            # else: received and never answered (3 %: the overview's overdue ones)
    if status == "sent" and expires <= now:
        status, expired = "expired", expires
    return status, reason, (received, accepted, declined, completed, revoked, expired)


def ensure_editor(loader: Loader) -> dict[str, Any]:
    """A partner editor (`editor@bench.example`): of the two partners of the sending
    pathway in the writes network (it sends along it and receives what comes), and of the
    busiest receiving partner of the largest network (its inbox). Made once; an active
    pathway is added to the writes network only if it has none to send along."""
    with loader.engine.begin() as connection:
        user_id = connection.scalar(select(User.id).where(User.email == EDITOR_EMAIL))  # type: ignore[call-overload]
        if user_id is None:
            row = new_row(
                User,
                email=EDITOR_EMAIL,
                full_name="Bench Partner Editor",
                password_hash=hash_password(EDITOR_PASSWORD),
                is_admin=False,
                is_active=True,
            )
            connection.execute(insert(User.__table__), [row])
            user_id = row["id"]
        sizes = network_sizes(connection)
        writes, large = sizes[0], sizes[-1]
        pathway = sending_pathway(connection, writes[0]) or _add_pathway(
            connection, writes[0]
        )
        busiest = connection.execute(
            select(Referral.to_partner_id, func.count())  # type: ignore[call-overload]
            .where(Referral.network_id == large[0])
            .group_by(Referral.to_partner_id)
            .order_by(func.count().desc(), Referral.to_partner_id)
            .limit(1)
        ).first()
        partners = {writes[0]: {pathway["from_partner_id"], pathway["to_partner_id"]}}
        if busiest is not None:
            partners[large[0]] = {busiest[0]}
        for network_id, partner_ids in partners.items():
            if connection.scalar(
                select(Membership.id).where(  # type: ignore[call-overload]
                    Membership.network_id == network_id, Membership.user_id == user_id
                )
            ):
                continue
            membership = new_row(
                Membership,
                network_id=network_id,
                user_id=user_id,
                role=MembershipRole.partner_editor,
            )
            connection.execute(insert(Membership.__table__), [membership])
            connection.execute(
                insert(MembershipPartner.__table__),
                [
                    {"membership_id": membership["id"], "partner_id": partner_id}
                    for partner_id in sorted(partner_ids)
                ],
            )
    return {
        "login": {"email": EDITOR_EMAIL, "password": EDITOR_PASSWORD},
        "sends_in": writes[1],
        "inbox_of": large[1],
    }


def _add_pathway(connection: Any, network_id: uuid.UUID) -> dict[str, Any]:
    """An active pathway between two active services of different partners (for a writes
    network that has none)."""
    services = connection.execute(
        select(Service.id, Service.partner_id)  # type: ignore[call-overload]
        .where(Service.network_id == network_id, Service.status == ServiceStatus.active)
        .order_by(Service.name)
    ).all()
    source = services[0]
    target = next(s for s in services if s[1] != source[1])
    now = datetime.now(UTC)
    row = new_row(
        Pathway,
        network_id=network_id,
        from_service_id=source[0],
        to_service_id=target[0],
        consent_required=True,
        expected_response_minutes=120,
        channel="phone",
        status=PathwayStatus.active,
        created_at=now,
        updated_at=now,
    )
    connection.execute(insert(Pathway.__table__), [row])
    connection.execute(
        insert(PathwayNeed.__table__),
        [
            {"pathway_id": row["id"], "kind": "need", "value": need, "position": n}
            for n, need in enumerate((Need.emergency_shelter, Need.safety_planning))
        ],
    )
    found = sending_pathway(connection, network_id)
    assert found is not None
    return found


def add_sent_referrals(url: str, count: int, seed: int) -> tuple[str, list[str]]:
    """`count` referrals just sent along the editor's sending pathway, not received yet: a
    pool for the benchmark's receiving scenario. (network slug, ids)."""
    loader = Loader(url)
    fmt = RawFormat(loader.engine.dialect.name)
    chance = random.Random(f"pool-{seed}")
    now = _epoch_us(datetime.now(UTC))
    with _writing(loader.engine) as connection, connection.begin():
        network_id, slug, _ = network_sizes(connection)[0]
        factor = connection.scalar(
            select(Network.referral_expiry_factor).where(Network.id == network_id)  # type: ignore[call-overload]
        )
        pathway = sending_pathway(connection, network_id)
        assert pathway is not None, (
            "no sending pathway: run bench/generate.py --only referrals"
        )
        source, target = connection.execute(
            select(Pathway.from_service_id, Pathway.to_service_id).where(  # type: ignore[call-overload]
                Pathway.id == pathway["id"]
            )
        ).one()
        window = (
            pathway["minutes"] or DEFAULT_RESPONSE_MINUTES[Urgency.same_day]
        ) * MINUTE
        rows, ids = [], []
        for n in range(count):
            sent = now - (count - n)  # a microsecond apart, all within the last second
            rid = new_id(chance)
            ids.append(str(uuid.UUID(rid)))
            rows.append(
                (
                    rid,
                    network_id.hex,
                    pathway["id"].hex,
                    fmt.false,
                    source.hex,
                    target.hex,
                    pathway["from_partner_id"].hex,
                    pathway["to_partner_id"].hex,
                    "same_day",
                    fmt.true,
                    None,
                    "sent",
                    *(None,) * 3,
                    fmt.time(sent),
                    fmt.time(sent + window),
                    fmt.time(sent + window * factor),
                    *(None,) * 8,
                    1,
                    fmt.time(sent),
                )
            )
        loader.put_raw(connection, Referral, REFERRAL_COLUMNS, rows)
        loader.put_raw(
            connection,
            ReferralNeed,
            NEED_COLUMNS,
            [(row[0], "need", pathway["needs"][0], 0) for row in rows],
        )
    loader.engine.dispose()
    return slug, ids


def _writing(engine: Any) -> Any:
    """A connection whose transactions take SQLite's write lock up front (BEGIN IMMEDIATE),
    as the app's writes do: beside a running server, a deferred one that reads first fails
    at once if a request commits in between."""
    return engine.connect().execution_options(**{WRITE_OPTION: True})


def remove_unmoved(url: str, ids: Sequence[str]) -> int:
    """Delete those of `ids` still `sent` (a pool's leftovers); how many. Their needs go
    with them by their foreign key, and the tallies' triggers take them off the counts."""
    loader = Loader(url)
    referrals = Referral.__table__
    removed = 0
    with _writing(loader.engine) as connection:
        for batch in batched([uuid.UUID(i) for i in ids], 500):
            with connection.begin():
                # Their rows locked first, in one order, waiting for any request still at
                # one of them: the deletes' triggers then take tally rows holding nothing
                # a request waits for (a request takes its referral before its tallies).
                unmoved = connection.scalars(
                    select(referrals.c.id)
                    .where(referrals.c.id.in_(batch), referrals.c.status == "sent")
                    .order_by(referrals.c.id)
                    .with_for_update()
                ).all()
                removed += connection.execute(
                    referrals.delete().where(referrals.c.id.in_(unmoved))
                ).rowcount
    loader.engine.dispose()
    return removed


def settle(engine: Any, tables: Sequence[str] | None = None) -> None:
    """Statistics (and, on PostgreSQL, the visibility map index-only scans rely on), as a
    database in use has them from autovacuum; a freshly loaded one does not. `tables`:
    only those."""
    print("  analysing…", flush=True)
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            for table in tables or [""]:
                connection.exec_driver_sql(f"ANALYZE {table}".strip())
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # not inside a transaction
        connection.exec_driver_sql(f"VACUUM ANALYZE {', '.join(tables or [])}".strip())


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="1.0 = the national data set"
    )
    parser.add_argument("--database-url", default=None, help="default: $DATABASE_URL")
    parser.add_argument(
        "--only",
        choices=["referrals"],
        default=None,
        help="add only the referrals (and the partner editor) to a data set that has the rest",
    )
    args = parser.parse_args(argv)
    url = (
        args.database_url or Settings(environment=Environment.development).database_url
    )
    print(
        f"Generating {args.only or 'everything'} (seed {args.seed}, scale {args.scale}) "
        f"into {url.split('@')[-1]}"
    )
    print(generate(url, args.seed, args.scale, args.only))


if __name__ == "__main__":
    main()
