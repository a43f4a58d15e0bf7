"""The pathways' part of the overview: pathway health's findings by severity, and pathways
overdue for review. Read from `health.check`, pathway health's one public function (it
builds on the route graph the network keeps), never recomputed here."""

from collections import Counter
from collections.abc import Sequence

from accord.core.i18n import plural
from accord.overview.models import (
    OverviewItem,
    OverviewKind,
    OverviewLink,
    OverviewScreen,
    OverviewSeverity,
)
from accord.overview.registry import OverviewContext
from accord.pathways import health
from accord.pathways.models import FindingKind

# How soon each finding needs doing: `high` when someone may find no route to help now.
FINDING_SEVERITY: dict[FindingKind, OverviewSeverity] = {
    FindingKind.unmet_need_in_area: OverviewSeverity.high,
    FindingKind.pathway_to_inactive_service: OverviewSeverity.high,
    FindingKind.unreachable_service: OverviewSeverity.medium,
    FindingKind.dead_end: OverviewSeverity.medium,
    FindingKind.single_point_of_failure: OverviewSeverity.medium,
    FindingKind.population_not_served: OverviewSeverity.low,
    FindingKind.language_not_served: OverviewSeverity.low,
}
# Reviews are their own item (below), not a finding counted twice.
_REVIEW = FindingKind.pathway_review_overdue

_FINDINGS = {
    "en": ("{count} pathway health finding", "{count} pathway health findings"),
    "fr": (
        "{count} constat sur la santé des parcours",
        "{count} constats sur la santé des parcours",
    ),
    "es": (
        "{count} hallazgo sobre la salud de las rutas",
        "{count} hallazgos sobre la salud de las rutas",
    ),
}
_FINDINGS_SUMMARY = {
    OverviewSeverity.high: {
        "en": "A need with no service in an area, or a route to a closed service.",
        "fr": "Un besoin sans service dans une zone, ou un parcours vers un service fermé.",
        "es": "Una necesidad sin servicio en una zona, o una ruta hacia un servicio cerrado.",
    },
    OverviewSeverity.medium: {
        "en": "Services no route reaches, dead ends, or one service every route depends on.",
        "fr": "Des services qu'aucun parcours n'atteint, des impasses, ou un service dont "
        "dépendent tous les parcours.",
        "es": "Servicios a los que no llega ninguna ruta, callejones sin salida, o un servicio "
        "del que dependen todas las rutas.",
    },
    OverviewSeverity.low: {
        "en": "Populations or languages that no service of a needed type serves.",
        "fr": "Des populations ou des langues qu'aucun service du type requis ne sert.",
        "es": "Poblaciones o idiomas que ningún servicio del tipo necesario atiende.",
    },
}
_REVIEWS = {
    "en": ("{count} pathway overdue for review", "{count} pathways overdue for review"),
    "fr": (
        "{count} parcours dont la révision est en retard",
        "{count} parcours dont la révision est en retard",
    ),
    "es": ("{count} ruta con la revisión atrasada", "{count} rutas con la revisión atrasada"),
}
_REVIEWS_SUMMARY = {
    "en": (
        "Its agreed review date has passed: check it with both services.",
        "Their agreed review dates have passed: check them with the services.",
    ),
    "fr": (
        "Sa date de révision convenue est passée : vérifiez-le avec les deux services.",
        "Leurs dates de révision convenues sont passées : vérifiez-les avec les services.",
    ),
    "es": (
        "Su fecha de revisión acordada ha pasado: revísela con ambos servicios.",
        "Sus fechas de revisión acordadas han pasado: revíselas con los servicios.",
    ),
}


def finding_counts(context: OverviewContext) -> Counter[FindingKind]:
    """How many findings of each kind pathway health has for the network today: counted
    from the kept health answer (health.check), the same for every member and language;
    only the titles, made per answer, differ."""
    return health.check(
        context.session, context.kept, context.network_id, context.access.revisions
    ).counts


def pathway_attention(context: OverviewContext) -> Sequence[OverviewItem]:
    kinds = finding_counts(context)
    language = context.language
    items = []
    for severity in OverviewSeverity:
        of_severity = sorted(k for k in kinds if FINDING_SEVERITY.get(k) == severity)
        count = sum(kinds[k] for k in of_severity)
        if count:
            items.append(
                OverviewItem(
                    kind=OverviewKind.pathway_findings,
                    severity=severity,
                    count=count,
                    title=plural(_FINDINGS, language, count),
                    summary=_FINDINGS_SUMMARY[severity].get(language)
                    or _FINDINGS_SUMMARY[severity]["en"],
                    link=OverviewLink(
                        screen=OverviewScreen.pathway_health,
                        filters={"kind": [str(k) for k in of_severity]},
                    ),
                )
            )
    if count := kinds[_REVIEW]:
        items.append(
            OverviewItem(
                kind=OverviewKind.pathway_reviews_overdue,
                severity=OverviewSeverity.medium,
                count=count,
                title=plural(_REVIEWS, language, count),
                summary=plural(_REVIEWS_SUMMARY, language, count),
                link=OverviewLink(
                    screen=OverviewScreen.pathway_health, filters={"kind": [str(_REVIEW)]}
                ),
            )
        )
    return items
