"""The services' part of the overview: shelters and crisis centres whose capacity is out of
date (never posted, or last posted longer ago than `capacity_max_age_hours`), where a
referral tonight depends on it. One aggregate query on the posts' (service, time) index."""

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import exists, func, select
from sqlmodel import col

from accord.core.i18n import plural
from accord.core.vocabulary import CapacityStatus, ServiceStatus, ServiceType
from accord.overview.models import (
    OverviewItem,
    OverviewKind,
    OverviewLink,
    OverviewScreen,
    OverviewSeverity,
)
from accord.overview.registry import OverviewContext
from accord.services.models import CapacityPost, Service

# Where capacity decides whether a woman can be taken in tonight.
CAPACITY_MATTERS = (ServiceType.shelter, ServiceType.crisis_centre)

_TITLE = {
    "en": (
        "{count} shelter or crisis centre with capacity out of date",
        "{count} shelters or crisis centres with capacity out of date",
    ),
    "fr": (
        "{count} hébergement ou centre de crise dont la capacité n'est pas à jour",
        "{count} hébergements ou centres de crise dont la capacité n'est pas à jour",
    ),
    "es": (
        "{count} refugio o centro de crisis con la capacidad sin actualizar",
        "{count} refugios o centros de crisis con la capacidad sin actualizar",
    ),
}
_SUMMARY = {
    "en": (
        "Nobody can tell whether it has a bed tonight: ask it to post its capacity.",
        "Nobody can tell whether they have a bed tonight: ask them to post their capacity.",
    ),
    "fr": (
        "Personne ne sait s'il a une place ce soir : demandez-lui d'indiquer sa capacité.",
        "Personne ne sait s'ils ont une place ce soir : demandez-leur d'indiquer leur capacité.",
    ),
    "es": (
        "Nadie sabe si tiene plaza esta noche: pídale que publique su capacidad.",
        "Nadie sabe si tienen plaza esta noche: pídales que publiquen su capacidad.",
    ),
}


def stale_capacity(context: OverviewContext) -> Sequence[OverviewItem]:
    cutoff = context.now - timedelta(hours=context.settings.capacity_max_age_hours)
    fresh_post = exists().where(
        col(CapacityPost.service_id) == col(Service.id), col(CapacityPost.posted_at) >= cutoff
    )
    count = context.session.scalar(
        select(func.count()).where(
            col(Service.network_id) == context.network_id,
            col(Service.type).in_(CAPACITY_MATTERS),
            col(Service.status) == ServiceStatus.active,
            ~fresh_post,
        )
    )
    if not count:
        return []
    return [
        OverviewItem(
            kind=OverviewKind.capacity_out_of_date,
            severity=OverviewSeverity.high,
            count=count,
            title=plural(_TITLE, context.language, count),
            summary=plural(_SUMMARY, context.language, count),
            link=OverviewLink(
                screen=OverviewScreen.services,
                filters={
                    "type": list(CAPACITY_MATTERS),
                    "status": [ServiceStatus.active],
                    "capacity": [CapacityStatus.unknown],
                },
            ),
        )
    ]
