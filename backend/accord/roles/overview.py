"""The roles' part of the overview: roles nobody covers (by priority), and commitments
overdue for review. Two aggregate queries, whatever the size of the network."""

from collections.abc import Sequence

from sqlalchemy import and_, exists, func, or_, select
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
from accord.roles.models import NetworkRole, Role, RoleCommitment

_UNCOVERED = {
    "en": ("{count} role nobody covers", "{count} roles nobody covers"),
    "fr": ("{count} rôle que personne n'assume", "{count} rôles que personne n'assume"),
    "es": ("{count} rol que nadie asume", "{count} roles que nadie asume"),
}
_UNCOVERED_CORE = {
    "en": (
        "A responsibility the guidance gives a sector has no partner committed to it.",
        "Responsibilities the guidance gives each sector have no partner committed to them.",
    ),
    "fr": (
        "Une responsabilité que les lignes directrices confient à un secteur n'a aucun "
        "partenaire engagé.",
        "Des responsabilités que les lignes directrices confient aux secteurs n'ont aucun "
        "partenaire engagé.",
    ),
    "es": (
        "Una responsabilidad que la guía asigna a un sector no tiene ningún socio comprometido.",
        "Responsabilidades que la guía asigna a los sectores no tienen ningún socio comprometido.",
    ),
}
_UNCOVERED_IMPLIED = {
    "en": (
        "A further role of the partner types the guidance names has nobody yet.",
        "Further roles of the partner types the guidance names have nobody yet.",
    ),
    "fr": (
        "Un autre rôle des types de partenaires cités par les lignes directrices n'a encore "
        "personne.",
        "D'autres rôles des types de partenaires cités par les lignes directrices n'ont encore "
        "personne.",
    ),
    "es": (
        "Otro rol de los tipos de socios que cita la guía aún no tiene a nadie.",
        "Otros roles de los tipos de socios que cita la guía aún no tienen a nadie.",
    ),
}
_REVIEWS = {
    "en": ("{count} commitment overdue for review", "{count} commitments overdue for review"),
    "fr": (
        "{count} engagement dont la révision est en retard",
        "{count} engagements dont la révision est en retard",
    ),
    "es": (
        "{count} compromiso con la revisión atrasada",
        "{count} compromisos con la revisión atrasada",
    ),
}
_REVIEWS_SUMMARY = {
    "en": (
        "Its review date has passed: confirm it still holds, or change its status.",
        "Their review dates have passed: confirm they still hold, or change their status.",
    ),
    "fr": (
        "Sa date de révision est passée : confirmez qu'il tient toujours ou changez son statut.",
        "Leurs dates de révision sont passées : confirmez qu'ils tiennent toujours ou changez "
        "leur statut.",
    ),
    "es": (
        "Su fecha de revisión ha pasado: confirme que sigue vigente o cambie su estado.",
        "Sus fechas de revisión han pasado: confirme que siguen vigentes o cambie su estado.",
    ),
}


def role_attention(context: OverviewContext) -> Sequence[OverviewItem]:
    network_id, language = context.network_id, context.language
    held = exists().where(
        col(RoleCommitment.network_id) == network_id, col(RoleCommitment.role_id) == col(Role.id)
    )
    # The roles this network uses (shipped and its own), not retired, that nobody holds; by
    # priority: the roles page 004 lists for each sector (and the network's own) before the
    # ones only implied by the other pages.
    rows = context.session.execute(
        select(col(Role.implied), func.count())
        .outerjoin(
            NetworkRole,
            and_(
                col(NetworkRole.role_id) == col(Role.id), col(NetworkRole.network_id) == network_id
            ),
        )
        .where(
            or_(col(Role.network_id).is_(None), col(Role.network_id) == network_id),
            col(NetworkRole.retired_at).is_(None),
            ~held,
        )
        .group_by(col(Role.implied))
    ).all()
    uncovered = {bool(implied): count for implied, count in rows}
    items = []
    for implied, severity, summary in (
        (False, OverviewSeverity.high, _UNCOVERED_CORE),
        (True, OverviewSeverity.medium, _UNCOVERED_IMPLIED),
    ):
        if count := uncovered.get(implied, 0):
            items.append(
                OverviewItem(
                    kind=OverviewKind.roles_uncovered,
                    severity=severity,
                    count=count,
                    title=plural(_UNCOVERED, language, count),
                    summary=plural(summary, language, count),
                    link=OverviewLink(screen=OverviewScreen.coverage_gaps),
                )
            )

    overdue = context.session.scalar(
        select(func.count()).where(
            col(RoleCommitment.network_id) == network_id,
            col(RoleCommitment.review_date) < context.today,
        )
    )
    if overdue:
        items.append(
            OverviewItem(
                kind=OverviewKind.commitment_reviews_overdue,
                severity=OverviewSeverity.medium,
                count=overdue,
                title=plural(_REVIEWS, language, overdue),
                summary=plural(_REVIEWS_SUMMARY, language, overdue),
                # The gaps page names the roles whose commitments are all overdue; there is
                # no list of commitments across partners yet.
                link=OverviewLink(screen=OverviewScreen.coverage_gaps),
            )
        )
    return items
