"""A network's revision: a counter that moves with every committed write in the network.

Per-process caches of a network's answers (the partner directory's pages and records) are
keyed by it. It is read in the query that authenticates the caller (`load_network_access`),
so knowing whether a kept answer is still current costs no extra statement, and unlike a
fingerprint of `updated_at` values it cannot miss a transaction that committed after a
later-stamped one.

It moves in the writing request's own transaction, as the last statement before the commit:
on PostgreSQL the network's row is then locked only for the commit itself, so concurrent
writers in one network take turns for that moment alone. Readers read it before the data
they cache: an answer is never kept under a revision newer than what it shows.
"""

import uuid

from sqlalchemy import event, update
from sqlmodel import Session

from accord.core.database import is_writing
from accord.networks.models import Network

_REVISE = "accord_revise_network"
_networks = Network.__table__  # type: ignore[attr-defined]


def revise_on_commit(session: Session, network_id: uuid.UUID) -> None:
    """If this request writes, move the network's revision when (and only if) it commits."""
    if is_writing(session):
        session.info[_REVISE] = network_id


@event.listens_for(Session, "before_commit")
def _revise(session: Session) -> None:
    network_id = session.info.pop(_REVISE, None)
    if network_id is None:
        return
    session.flush()  # every pending change first: the row lock comes last
    session.execute(
        update(_networks)
        .where(_networks.c.id == network_id)
        .values(revision=_networks.c.revision + 1)
    )
