"""A network's revision: a number that moves with every committed write in the network.

Per-process caches of a network's answers (the directory's pages and records) are keyed by
it. It is read in the query that authenticates the caller (`load_network_access`), so
knowing whether a kept answer is still current costs no extra statement, and unlike a
fingerprint of `updated_at` values it cannot miss a transaction that committed after a
later-stamped one.

It is the sum of a few counters (`NetworkRevision`, one row per shard): a writing request
adds one to a counter picked at random, as the last statement before its commit. On
PostgreSQL an updated row stays locked until the commit is durable; with one row per
network, every write in a network would wait for the previous one's commit, a ceiling of
one write per commit time (about 2 ms here: 500 a second, the benchmark's target itself).
Readers read it before the data they cache: an answer is never kept under a revision newer
than what it shows.
"""

import random
import uuid
from typing import Any

from sqlalchemy import event, func, select
from sqlmodel import Session

from accord.core.database import add_one, is_writing
from accord.networks.models import NetworkRevision

SHARDS = 16
_REVISE = "accord_revise_network"
_revisions = NetworkRevision.__table__  # type: ignore[attr-defined]


def revise_on_commit(session: Session, network_id: uuid.UUID) -> None:
    """If this request writes, move the network's revision when (and only if) it commits."""
    if is_writing(session):
        session.info[_REVISE] = network_id


def revision_of(network_id: Any) -> Any:
    """The network's revision, as a column of a query that has `network_id`."""
    return (
        select(func.coalesce(func.sum(_revisions.c.revision), 0))
        .where(_revisions.c.network_id == network_id)
        .scalar_subquery()
    )


@event.listens_for(Session, "before_commit")
def _revise(session: Session) -> None:
    network_id = session.info.pop(_REVISE, None)
    if network_id is None:
        return
    session.flush()  # every pending change first: the row lock comes last
    shard = random.randrange(SHARDS)  # noqa: S311 - spreads load, guards nothing
    add_one(session, _revisions, {"network_id": network_id, "shard": shard}, "revision")
