"""The partners' part of the overview: partners not yet assessed (influence or commitment
missing), only for those who may read assessments. One aggregate query."""

from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlmodel import col

from accord.core.i18n import plural
from accord.overview.models import (
    OverviewItem,
    OverviewKind,
    OverviewLink,
    OverviewScreen,
    OverviewSeverity,
)
from accord.overview.registry import OverviewContext
from accord.partners.models import Partner, StakeholderAssessment

_TITLE = {
    "en": ("{count} partner not yet assessed", "{count} partners not yet assessed"),
    "fr": ("{count} partenaire pas encore évalué", "{count} partenaires pas encore évalués"),
    "es": ("{count} socio aún sin evaluar", "{count} socios aún sin evaluar"),
}
_SUMMARY = {
    "en": (
        "Its influence or commitment is missing, so it is not on the stakeholder map.",
        "Their influence or commitment is missing, so they are not on the stakeholder map.",
    ),
    "fr": (
        "Son influence ou son engagement manque : il n'est pas sur la carte des acteurs.",
        "Leur influence ou leur engagement manque : ils ne sont pas sur la carte des acteurs.",
    ),
    "es": (
        "Falta su influencia o su compromiso: no aparece en el mapa de actores.",
        "Falta su influencia o su compromiso: no aparecen en el mapa de actores.",
    ),
}


def unassessed_partners(context: OverviewContext) -> Sequence[OverviewItem]:
    if not context.access.may_see_assessments:
        return []  # an assessment-based count is an assessment too
    # Counted as the stakeholder map lists them (every partner, its assessment incomplete).
    count = context.session.scalar(
        select(func.count())
        .select_from(Partner)
        .outerjoin(StakeholderAssessment, col(StakeholderAssessment.partner_id) == col(Partner.id))
        .where(
            col(Partner.network_id) == context.network_id,
            or_(
                col(StakeholderAssessment.influence).is_(None),
                col(StakeholderAssessment.commitment).is_(None),
            ),
        )
    )
    if not count:
        return []
    return [
        OverviewItem(
            kind=OverviewKind.partners_unassessed,
            severity=OverviewSeverity.low,
            count=count,
            title=plural(_TITLE, context.language, count),
            summary=plural(_SUMMARY, context.language, count),
            link=OverviewLink(screen=OverviewScreen.stakeholder_map),
        )
    ]
