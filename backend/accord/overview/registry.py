"""The one place where each domain's overview provider is registered.

A provider is a function of one `OverviewContext` that returns the domain's items (none when
nothing needs doing). It runs a bounded aggregate query (counts, never rows per record) or
reads an answer its domain already keeps. A new domain (referrals, agreements, actions,
indicators) adds its `<domain>/overview.py` and one line below."""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from accord.core.kept import KeptAnswers
from accord.core.settings import Settings
from accord.networks.access import NetworkAccess
from accord.overview.models import OverviewItem


@dataclass(frozen=True)
class OverviewContext:
    session: Session
    kept: KeptAnswers
    access: NetworkAccess
    settings: Settings
    language: str
    today: date
    now: datetime

    @property
    def network_id(self) -> uuid.UUID:
        return self.access.network_id


Provider = Callable[[OverviewContext], Sequence[OverviewItem]]


def providers() -> tuple[Provider, ...]:
    # Imported here: each domain's provider imports this package's models.
    from accord.areas.overview import unnamed_areas
    from accord.partners.overview import unassessed_partners
    from accord.pathways.overview import pathway_attention
    from accord.referrals.overview import overdue_referrals
    from accord.roles.overview import role_attention
    from accord.services.overview import stale_capacity

    return (
        overdue_referrals,
        role_attention,
        stale_capacity,
        pathway_attention,
        unassessed_partners,
        unnamed_areas,
    )
