"""The gazetteer's part of the overview: area codes partners, services and locations use
that the gazetteer does not name, so screens show `north-district` instead of a name and
a region's filter cannot find them. For coordinators, who keep the gazetteer. One
aggregate query over the three places an area is named."""

from collections.abc import Sequence

from sqlalchemy import func, select, union
from sqlmodel import col

from accord.areas.models import Area
from accord.core.i18n import plural
from accord.overview.models import (
    OverviewItem,
    OverviewKind,
    OverviewLink,
    OverviewScreen,
    OverviewSeverity,
)
from accord.overview.registry import OverviewContext
from accord.partners.models import LabelKind, Partner, PartnerLabel
from accord.services.models import Service, ServiceLabel, ServiceLocation

_TITLE = {
    "en": ("{count} area known only by its code", "{count} areas known only by their codes"),
    "fr": (
        "{count} zone connue seulement par son code",
        "{count} zones connues seulement par leur code",
    ),
    "es": (
        "{count} zona conocida solo por su código",
        "{count} zonas conocidas solo por su código",
    ),
}
_SUMMARY = {
    "en": (
        "Partners or services name it, but the gazetteer does not: add it with its names "
        "and the area it lies in.",
        "Partners or services name them, but the gazetteer does not: add them with their "
        "names and the areas they lie in.",
    ),
    "fr": (
        "Des partenaires ou des services la citent, mais pas le répertoire des zones : "
        "ajoutez-la avec ses noms et la zone qui la contient.",
        "Des partenaires ou des services les citent, mais pas le répertoire des zones : "
        "ajoutez-les avec leurs noms et les zones qui les contiennent.",
    ),
    "es": (
        "Socios o servicios la citan, pero el nomenclátor no: añádala con sus nombres y la "
        "zona que la contiene.",
        "Socios o servicios las citan, pero el nomenclátor no: añádalas con sus nombres y "
        "las zonas que las contienen.",
    ),
}


def unnamed_areas(context: OverviewContext) -> Sequence[OverviewItem]:
    if not context.access.is_coordinator:
        return []
    network_id = context.network_id
    used = union(
        select(col(PartnerLabel.value).label("code"))
        .join(Partner, col(Partner.id) == col(PartnerLabel.partner_id))
        .where(col(Partner.network_id) == network_id, col(PartnerLabel.kind) == LabelKind.area),
        select(col(ServiceLabel.value).label("code"))
        .join(Service, col(Service.id) == col(ServiceLabel.service_id))
        .where(col(Service.network_id) == network_id, col(ServiceLabel.kind) == LabelKind.area),
        select(col(ServiceLocation.area).label("code"))
        .join(Service, col(Service.id) == col(ServiceLocation.service_id))
        .where(col(Service.network_id) == network_id, col(ServiceLocation.area).is_not(None)),
    ).subquery()
    named = select(col(Area.code)).where(col(Area.network_id) == network_id)
    count = context.session.scalar(
        select(func.count()).select_from(used).where(used.c.code.not_in(named))
    )
    if not count:
        return []
    return [
        OverviewItem(
            kind=OverviewKind.areas_unnamed,
            severity=OverviewSeverity.low,
            count=count,
            title=plural(_TITLE, context.language, count),
            summary=plural(_SUMMARY, context.language, count),
            link=OverviewLink(screen=OverviewScreen.areas),
        )
    ]
