"""Referral tallies: the counts and minute histograms the network's statistics are read from,
kept by the database itself.

A national year is 670,000 referrals and a million needs: counted from the referrals on
every request, the statistics took 17-37 s (bench/README.md). The tallies hold, for each
network and each network above it (`network_lineage`, the network itself included), by
calendar month of sending:

- `referral_tallies`: referrals by group and status now, with how many of them were
  accepted and declined. Groups: in the referral's own network its leaf of the partners'
  tree (`pathway:<pathway>:<receiving partner>`, `off_pathway:<receiving partner>`); in a
  network above it, `network:<network>` (a nested network is one group); in both,
  `need:<code>` per need.
- `referral_minute_tallies`: how many took how many minutes to be received (`receive`) and
  to be accepted (`accept`), by the same groups plus `total` and, in the own network,
  `partner:<receiving partner>`, so any row's percentile is one group's histogram. Minutes
  are kept to two significant figures, rounded down (`two_significant`): the histogram of a
  national month stays small, and the percentile of it is the exact percentile to two
  significant figures (rounding down keeps the order, so the nearest rank falls in the same
  bucket).

Kept by construction: triggers on `referrals`, `referral_needs` and `networks` move the
tallies in the same statement as the rows, whatever writes them (the API, the expiry sweep,
a partner's deletion cascading to its referrals, a pathway's deletion setting theirs to
off-pathway, a network moving under another parent taking its referrals from the networks
above it to those above the new one). `rebuild` counts them again from the rows: what the
migration and the bench's bulk load use, and what the tests compare the kept tallies with.

The SQL is written once for both databases; `_Dialect` says the three places they differ
(a UUID as 32 hex digits, the month of a timestamp, the trigger's wrapping)."""

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, Uuid, bindparam, text
from sqlmodel import Field, SQLModel


class NetworkLineage(SQLModel, table=True):
    """Each network with itself and every network above it."""

    __tablename__ = "network_lineage"

    network_id: uuid.UUID = Field(foreign_key="networks.id", primary_key=True, ondelete="CASCADE")
    ancestor_id: uuid.UUID = Field(foreign_key="networks.id", primary_key=True, ondelete="CASCADE")


class ReferralTally(SQLModel, table=True):
    __tablename__ = "referral_tallies"

    network_id: uuid.UUID = Field(foreign_key="networks.id", primary_key=True, ondelete="CASCADE")
    month: int = Field(primary_key=True, description="YYYYMM of sending, UTC")
    group_key: str = Field(primary_key=True, max_length=120)
    status: str = Field(primary_key=True, max_length=16)
    count: int = 0
    accepted: int = 0
    declined: int = 0


class ReferralMinuteTally(SQLModel, table=True):
    __tablename__ = "referral_minute_tallies"

    network_id: uuid.UUID = Field(foreign_key="networks.id", primary_key=True, ondelete="CASCADE")
    month: int = Field(primary_key=True)
    group_key: str = Field(primary_key=True, max_length=120)
    measure: str = Field(primary_key=True, max_length=8)
    minutes: int = Field(primary_key=True)
    count: int = 0


def two_significant(minutes: int) -> int:
    """Minutes rounded down to two significant figures (as `_bucket` does in the database)."""
    step = 1
    while minutes >= 100 * step:
        step *= 10
    return minutes // step * step


def _bucket(minutes: str) -> str:
    steps = " ".join(
        f"WHEN {minutes} < {100 * step} THEN {minutes} / {step} * {step}"
        for step in (1, 10, 100, 1000, 10_000, 100_000)
    )
    return f"CASE {steps} ELSE {minutes} / 1000000 * 1000000 END"


@dataclass(frozen=True)
class _Dialect:
    name: str

    def hex(self, column: str) -> str:
        # SQLAlchemy keeps a UUID as 32 hex digits on SQLite, natively on PostgreSQL.
        if self.name == "sqlite":
            return column
        return f"replace(CAST({column} AS text), '-', '')"

    def differ(self, a: str, b: str) -> str:
        """`a` and `b` differ, NULL counting as a value."""
        return f"{a} IS NOT {b}" if self.name == "sqlite" else f"{a} IS DISTINCT FROM {b}"

    def month(self, column: str) -> str:
        if self.name == "sqlite":
            return f"CAST(strftime('%Y%m', {column}) AS INTEGER)"
        return f"CAST(to_char({column} AT TIME ZONE 'UTC', 'YYYYMM') AS INTEGER)"


# --- what one referral adds (sign 1) or takes away (sign -1) ----------------------------------


def _leaf(d: _Dialect, r: str) -> str:
    return (
        f"CASE WHEN {r}.pathway_id IS NOT NULL "
        f"THEN 'pathway:' || {d.hex(f'{r}.pathway_id')} || ':' || {d.hex(f'{r}.to_partner_id')} "
        f"ELSE 'off_pathway:' || {d.hex(f'{r}.to_partner_id')} END"
    )


def _group(d: _Dialect, r: str, leaf: str) -> str:
    """The referral's group as the network `l.ancestor_id` sees it."""
    return (
        f"CASE WHEN l.ancestor_id = {r}.network_id THEN {leaf} "
        f"ELSE 'network:' || {d.hex(f'{r}.network_id')} END"
    )


def _flag(column: str) -> str:
    return f"CASE WHEN {column} IS NULL THEN 0 ELSE 1 END"


_COUNTS_CONFLICT = (
    "ON CONFLICT (network_id, month, group_key, status) DO UPDATE SET "
    "count = referral_tallies.count + excluded.count, "
    "accepted = referral_tallies.accepted + excluded.accepted, "
    "declined = referral_tallies.declined + excluded.declined"
)
_MINUTES_CONFLICT = (
    "ON CONFLICT (network_id, month, group_key, measure, minutes) DO UPDATE SET "
    "count = referral_minute_tallies.count + excluded.count"
)
_COUNTS_INTO = (
    "INSERT INTO referral_tallies (network_id, month, group_key, status, count, accepted, declined)"
)
_MINUTES_INTO = (
    "INSERT INTO referral_minute_tallies (network_id, month, group_key, measure, minutes, count)"
)
# The three groups a referral's minutes count in, and its two measures.
_KINDS = "(SELECT 'total' AS kind UNION ALL SELECT 'group' UNION ALL SELECT 'partner') k"
_MEASURES = "(SELECT 'receive' AS measure UNION ALL SELECT 'accept') m"


def _minutes_of(r: str) -> str:
    return (
        f"CASE m.measure WHEN 'receive' THEN {r}.minutes_to_receive ELSE {r}.minutes_to_accept END"
    )


def _minute_group(d: _Dialect, r: str) -> str:
    pathway = f"'pathway:' || {d.hex(f'{r}.pathway_id')}"
    off_pathway = f"'off_pathway:' || {d.hex(f'{r}.to_partner_id')}"
    leaf = f"CASE WHEN {r}.pathway_id IS NOT NULL THEN {pathway} ELSE {off_pathway} END"
    return (
        f"CASE k.kind WHEN 'total' THEN 'total' "
        f"WHEN 'partner' THEN 'partner:' || {d.hex(f'{r}.to_partner_id')} "
        f"ELSE {_group(d, r, leaf)} END"
    )


# What a referral's groups and month depend on: when none of them changes, a measure whose
# minutes stay is left where it is (an acceptance leaves the minutes to receive alone).
_KEYS = ("network_id", "pathway_id", "to_partner_id", "sent_at")


def _measure_moved(d: _Dialect) -> str:
    measure = (
        f"CASE m.measure WHEN 'receive' "
        f"THEN {d.differ('OLD.minutes_to_receive', 'NEW.minutes_to_receive')} "
        f"ELSE {d.differ('OLD.minutes_to_accept', 'NEW.minutes_to_accept')} END"
    )
    keys = " OR ".join(d.differ(f"OLD.{key}", f"NEW.{key}") for key in _KEYS)
    return f"({measure} OR {keys})"


def _row_statements(d: _Dialect, r: str, sign: int, *, update: bool = False) -> list[str]:
    """What the row `r` (NEW or OLD in a trigger) adds to the tallies, times `sign`; in an
    update (`update`), minutes only for a measure that moved."""
    month = d.month(f"{r}.sent_at")
    moved = f"AND {_measure_moved(d)} " if update else ""
    counts = (
        f"{r}.status, {sign}, {sign} * {_flag(f'{r}.accepted_at')}, "
        f"{sign} * {_flag(f'{r}.declined_at')}"
    )
    minutes = f"{_bucket(_minutes_of(r))}, {sign}"
    needs = f"JOIN referral_needs n ON n.referral_id = {r}.id AND n.kind = 'need'"
    return [
        f"{_COUNTS_INTO} SELECT l.ancestor_id, {month}, {_group(d, r, _leaf(d, r))}, {counts} "
        f"FROM network_lineage l WHERE l.network_id = {r}.network_id {_COUNTS_CONFLICT}",
        f"{_COUNTS_INTO} SELECT l.ancestor_id, {month}, 'need:' || n.value, {counts} "
        f"FROM network_lineage l {needs} WHERE l.network_id = {r}.network_id {_COUNTS_CONFLICT}",
        f"{_MINUTES_INTO} SELECT l.ancestor_id, {month}, {_minute_group(d, r)}, m.measure, "
        f"{minutes} FROM network_lineage l, {_KINDS}, {_MEASURES} "
        f"WHERE l.network_id = {r}.network_id AND {_minutes_of(r)} IS NOT NULL {moved}"
        f"AND (k.kind <> 'partner' OR l.ancestor_id = {r}.network_id) {_MINUTES_CONFLICT}",
        f"{_MINUTES_INTO} SELECT l.ancestor_id, {month}, 'need:' || n.value, m.measure, "
        f"{minutes} FROM network_lineage l {needs}, {_MEASURES} "
        f"WHERE l.network_id = {r}.network_id AND {_minutes_of(r)} IS NOT NULL {moved}"
        f"{_MINUTES_CONFLICT}",
    ]


def _need_statements(d: _Dialect) -> list[str]:
    """What a need added to a referral adds: the referral's counts and minutes under it."""
    month = d.month("r.sent_at")
    counts = f"r.status, 1, {_flag('r.accepted_at')}, {_flag('r.declined_at')}"
    referral = "JOIN referrals r ON r.id = NEW.referral_id"
    return [
        f"{_COUNTS_INTO} SELECT l.ancestor_id, {month}, 'need:' || NEW.value, {counts} "
        f"FROM network_lineage l {referral} WHERE l.network_id = r.network_id "
        f"AND NEW.kind = 'need' {_COUNTS_CONFLICT}",
        f"{_MINUTES_INTO} SELECT l.ancestor_id, {month}, 'need:' || NEW.value, m.measure, "
        f"{_bucket(_minutes_of('r'))}, 1 FROM network_lineage l {referral}, {_MEASURES} "
        f"WHERE l.network_id = r.network_id AND NEW.kind = 'need' "
        f"AND {_minutes_of('r')} IS NOT NULL {_MINUTES_CONFLICT}",
    ]


def _moved_statements(d: _Dialect, sign: int) -> list[str]:
    """What the referrals of network NEW's subtree add to the networks above NEW (as the
    lineage says at the time), times `sign`: a move takes them from the networks above it
    before and gives them to those above it after."""
    month = d.month("r.sent_at")
    network = f"'network:' || {d.hex('r.network_id')}"
    subtree = (
        "FROM referrals r JOIN network_lineage s ON s.network_id = r.network_id "
        "JOIN network_lineage a ON a.network_id = NEW.id"
    )
    needs = "JOIN referral_needs n ON n.referral_id = r.id AND n.kind = 'need'"
    above = "s.ancestor_id = NEW.id AND a.ancestor_id <> NEW.id"
    counted = (
        f"r.status, {sign} * count(*), {sign} * sum({_flag('r.accepted_at')}), "
        f"{sign} * sum({_flag('r.declined_at')})"
    )
    minutes = f"{_bucket(_minutes_of('r'))}, {sign} * count(*)"
    timed = f"{_minutes_of('r')} IS NOT NULL"
    return [
        f"{_COUNTS_INTO} SELECT a.ancestor_id, {month}, {network}, {counted} {subtree} "
        f"WHERE {above} GROUP BY 1, 2, 3, 4 {_COUNTS_CONFLICT}",
        f"{_COUNTS_INTO} SELECT a.ancestor_id, {month}, 'need:' || n.value, {counted} "
        f"{subtree} {needs} WHERE {above} GROUP BY 1, 2, 3, 4 {_COUNTS_CONFLICT}",
        f"{_MINUTES_INTO} SELECT a.ancestor_id, {month}, "
        f"CASE k.kind WHEN 'total' THEN 'total' ELSE {network} END, m.measure, {minutes} "
        f"{subtree} CROSS JOIN {_KINDS} CROSS JOIN {_MEASURES} WHERE {above} AND {timed} "
        f"AND k.kind <> 'partner' GROUP BY 1, 2, 3, 4, 5 {_MINUTES_CONFLICT}",
        f"{_MINUTES_INTO} SELECT a.ancestor_id, {month}, 'need:' || n.value, m.measure, "
        f"{minutes} {subtree} {needs} CROSS JOIN {_MEASURES} WHERE {above} AND {timed} "
        f"GROUP BY 1, 2, 3, 4, 5 {_MINUTES_CONFLICT}",
    ]


# A network moved under another parent: its subtree leaves the networks above it and joins
# those above the new parent (the closure table's move; no recursion, which SQLite's
# triggers cannot hold).
_SUBTREE = "SELECT network_id FROM network_lineage WHERE ancestor_id = NEW.id"
_REPARENT_STATEMENTS = [
    f"DELETE FROM network_lineage WHERE network_id IN ({_SUBTREE}) "
    f"AND ancestor_id NOT IN ({_SUBTREE})",
    "INSERT INTO network_lineage (network_id, ancestor_id) "
    "SELECT s.network_id, a.ancestor_id FROM network_lineage s, network_lineage a "
    "WHERE s.ancestor_id = NEW.id AND a.network_id = NEW.parent_id",
]


# A referral's trigger and a network's move must not cross on PostgreSQL (SQLite writes one
# transaction at a time): a referral written while its network moves, counted under the old
# lineage and missed by the move's count, would stay under the old networks. So a referral's
# trigger holds a key-share lock on its network before it reads the lineage (it does not
# stand in the way of other referrals or of the network's own updates), and the move locks
# its subtree's networks for update before counting: either the referral committed first and
# is moved with the rest, or it waits for the move and reads the new lineage.
def _network_shared(d: _Dialect, network: str) -> list[str]:
    if d.name == "sqlite":
        return []
    return [f"PERFORM 1 FROM networks WHERE id = {network} FOR KEY SHARE"]


def _subtree_locked(d: _Dialect) -> list[str]:
    if d.name == "sqlite":
        return []
    return [f"PERFORM 1 FROM networks WHERE id IN ({_SUBTREE}) FOR UPDATE"]


_LINEAGE_STATEMENTS = [
    "INSERT INTO network_lineage (network_id, ancestor_id) VALUES (NEW.id, NEW.id)",
    "INSERT INTO network_lineage (network_id, ancestor_id) SELECT NEW.id, ancestor_id "
    "FROM network_lineage WHERE network_id = NEW.parent_id",
]
# The columns a referral's tallies depend on: an update of any other (version, updated_at,
# the links) leaves them.
_TALLIED = (
    "status, accepted_at, declined_at, minutes_to_receive, minutes_to_accept, pathway_id, "
    "to_partner_id, sent_at, network_id"
)
TRIGGERS = (
    "referral_tallies_sent",
    "referral_tallies_moved",
    "referral_tallies_removed",
    "referral_tallies_need",
    "network_lineage_added",
    "network_lineage_moved",
)


def trigger_ddl(dialect: str) -> list[str]:
    """The statements creating the triggers that keep the tallies and the lineage."""
    d = _Dialect(dialect)
    add = _network_shared(d, "NEW.network_id") + _row_statements(d, "NEW", 1)
    take = _network_shared(d, "OLD.network_id") + _row_statements(d, "OLD", -1)
    moved = (
        _network_shared(d, "OLD.network_id")
        + _network_shared(d, "NEW.network_id")
        + _row_statements(d, "OLD", -1, update=True)
        + _row_statements(d, "NEW", 1, update=True)
    )
    need = _network_shared(
        d, "(SELECT network_id FROM referrals WHERE id = NEW.referral_id)"
    ) + _need_statements(d)
    bodies = {
        # (table, when, statements)
        "referral_tallies_sent": ("referrals", "AFTER INSERT", add),
        "referral_tallies_moved": ("referrals", f"AFTER UPDATE OF {_TALLIED}", moved),
        # Before: its needs are still there (they go with it, by their foreign key).
        "referral_tallies_removed": ("referrals", "BEFORE DELETE", take),
        "referral_tallies_need": ("referral_needs", "AFTER INSERT", need),
        "network_lineage_added": ("networks", "AFTER INSERT", _LINEAGE_STATEMENTS),
        "network_lineage_moved": (
            "networks",
            "AFTER UPDATE OF parent_id",
            _subtree_locked(d)
            + _moved_statements(d, -1)
            + _REPARENT_STATEMENTS
            + _moved_statements(d, 1),
        ),
    }
    changed = {
        "sqlite": "WHEN OLD.parent_id IS NOT NEW.parent_id",
        "postgresql": "WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)",
    }[dialect]
    ddl = []
    for name, (table, when, statements) in bodies.items():
        if dialect == "sqlite":
            # SQLite's upsert of a SELECT needs a WHERE (each has one) to be parsed.
            body = "".join(f"{s};\n" for s in statements)
            only = f" {changed}" if name == "network_lineage_moved" else ""
            ddl.append(
                f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW{only} BEGIN\n{body}END"
            )
            continue
        result = "OLD" if when.startswith("BEFORE DELETE") else "NULL"
        body = "".join(f"  {s};\n" for s in statements)
        ddl.append(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
            f"{body}  RETURN {result};\nEND\n$$"
        )
        only = f" {changed}" if name == "network_lineage_moved" else ""
        ddl.append(
            f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW{only} EXECUTE FUNCTION {name}()"
        )
    return ddl


def drop_trigger_ddl(dialect: str) -> list[str]:
    tables = {
        "referral_tallies_need": "referral_needs",
        "network_lineage_added": "networks",
        "network_lineage_moved": "networks",
    }
    ddl = []
    for name in TRIGGERS:
        if dialect == "sqlite":
            ddl.append(f"DROP TRIGGER IF EXISTS {name}")
        else:
            ddl.append(f"DROP TRIGGER IF EXISTS {name} ON {tables.get(name, 'referrals')}")
            ddl.append(f"DROP FUNCTION IF EXISTS {name}()")
    return ddl


# --- made again from the rows -----------------------------------------------------------------


def rebuild_lineage(connection: Connection) -> None:
    """Every network's lineage, from the networks' parents."""
    networks = text("SELECT id, parent_id FROM networks").columns(id=Uuid(), parent_id=Uuid())
    parents = {row[0]: row[1] for row in connection.execute(networks)}
    connection.execute(text("DELETE FROM network_lineage"))
    rows = []
    for network in parents:
        seen, cursor = set(), network
        while cursor is not None and cursor not in seen:  # a cycle is refused on writing
            seen.add(cursor)
            rows.append({"network": network, "ancestor": cursor})
            cursor = parents.get(cursor)
    if rows:
        insert = text(
            "INSERT INTO network_lineage (network_id, ancestor_id) VALUES (:network, :ancestor)"
        ).bindparams(bindparam("network", type_=Uuid()), bindparam("ancestor", type_=Uuid()))
        connection.execute(insert, rows)


def rebuild(connection: Connection) -> None:
    """Every tally counted again from the referrals, as the triggers would have kept them."""
    d = _Dialect(connection.dialect.name)
    for table in ("referral_tallies", "referral_minute_tallies"):
        connection.execute(text(f"DELETE FROM {table}"))
    month = d.month("r.sent_at")
    lineage = "JOIN network_lineage l ON l.network_id = r.network_id"
    needs = "JOIN referral_needs n ON n.referral_id = r.id AND n.kind = 'need'"
    counted = f"r.status, count(*), sum({_flag('r.accepted_at')}), sum({_flag('r.declined_at')})"
    minutes = f"{_bucket(_minutes_of('r'))}"
    statements = [
        f"{_COUNTS_INTO} SELECT l.ancestor_id, {month}, {_group(d, 'r', _leaf(d, 'r'))}, "
        f"{counted} FROM referrals r {lineage} GROUP BY 1, 2, 3, 4",
        f"{_COUNTS_INTO} SELECT l.ancestor_id, {month}, 'need:' || n.value, {counted} "
        f"FROM referrals r {lineage} {needs} GROUP BY 1, 2, 3, 4",
        f"{_MINUTES_INTO} SELECT l.ancestor_id, {month}, {_minute_group(d, 'r')}, m.measure, "
        f"{minutes}, count(*) FROM referrals r {lineage} CROSS JOIN {_KINDS} CROSS JOIN "
        f"{_MEASURES} WHERE {_minutes_of('r')} IS NOT NULL "
        f"AND (k.kind <> 'partner' OR l.ancestor_id = r.network_id) GROUP BY 1, 2, 3, 4, 5",
        f"{_MINUTES_INTO} SELECT l.ancestor_id, {month}, 'need:' || n.value, m.measure, "
        f"{minutes}, count(*) FROM referrals r {lineage} {needs} CROSS JOIN {_MEASURES} "
        f"WHERE {_minutes_of('r')} IS NOT NULL GROUP BY 1, 2, 3, 4, 5",
    ]
    for statement in statements:
        connection.execute(text(statement))
