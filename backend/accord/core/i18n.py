"""Languages: choosing one for a response, and the few server-side messages people read
(gap reasons). Interface labels live in the dashboard's catalogues."""

from collections.abc import Iterable
from typing import Annotated

from fastapi import Header, Query

SUPPORTED = ("en", "fr", "es")
DEFAULT = "en"

LangQuery = Annotated[
    str | None,
    Query(
        max_length=35,
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
        description="Language for texts (en, fr, es); falls back to English. "
        "Without it, Accept-Language is honoured.",
    ),
]
AcceptLanguage = Annotated[str | None, Header(alias="Accept-Language", max_length=500)]


def _primary(tag: str) -> str:
    return tag.split("-")[0].strip().lower()


def negotiate(lang: str | None, accept_language: str | None) -> str:
    """`lang` if supported, else the best supported language of Accept-Language, else English."""
    if lang:
        return _primary(lang) if _primary(lang) in SUPPORTED else DEFAULT
    for tag in _by_preference(accept_language or ""):
        if _primary(tag) in SUPPORTED:
            return _primary(tag)
    return DEFAULT


def _by_preference(header: str) -> Iterable[str]:
    weighted = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            weighted.append((-quality, position, tag))
    return [tag for _q, _p, tag in sorted(weighted)]


MESSAGES: dict[str, dict[str, str]] = {
    "gap.nobody": {
        "en": "Nobody has taken this role on.",
        "fr": "Personne n'a pris ce rôle en charge.",
        "es": "Nadie ha asumido este rol.",
    },
    "gap.not_yet_in_place": {
        "en": "Not in place yet: the best commitment is {status} ({count} partner(s)).",
        "fr": (
            "Pas encore en place : le meilleur engagement est « {status} » ({count} partenaire(s))."
        ),
        "es": "Aún no está en marcha: el mejor compromiso está «{status}» ({count} socio(s)).",
    },
    "gap.review_overdue": {
        "en": "In place only with commitments overdue for review (due {due}).",
        "fr": (
            "En place uniquement avec des engagements dont la révision est en retard "
            "(prévue le {due})."
        ),
        "es": "En marcha solo con compromisos cuya revisión está atrasada (prevista el {due}).",
    },
    "gap.sector_without_active_partner": {
        "en": "No partner of this sector is active in the network.",
        "fr": "Aucun partenaire de ce secteur n'est actif dans le réseau.",
        "es": "Ningún socio de este sector está activo en la red.",
    },
    "gap.active_partner_without_commitment": {
        "en": "This partner is active but has taken on no role.",
        "fr": "Ce partenaire est actif mais n'a pris en charge aucun rôle.",
        "es": "Este socio está activo pero no ha asumido ningún rol.",
    },
    "status.planned": {"en": "planned", "fr": "prévu", "es": "previsto"},
    "status.in_progress": {"en": "in progress", "fr": "en cours", "es": "en curso"},
    "status.in_place": {"en": "in place", "fr": "en place", "es": "en marcha"},
}


def message(key: str, language: str, **values: object) -> str:
    texts = MESSAGES[key]
    return texts.get(language, texts[DEFAULT]).format(**values)
