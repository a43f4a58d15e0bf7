"""Languages: choosing one for a response, and the few server-side messages people read
(gap reasons, route-finder and pathway-health explanations). Interface labels, including
the labels of vocabulary codes, live in the dashboard's catalogues: these messages never
name a code, the structured fields beside them carry it."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Annotated

from fastapi import Depends, Header, Query

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


async def _language(lang: LangQuery = None, accept_language: AcceptLanguage = None) -> str:
    return negotiate(lang, accept_language)


# The language a route answers in: `lang`, else Accept-Language, else English.
Language = Annotated[str, Depends(_language)]


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
    "gap.in_progress": {
        "en": "In progress: {partners}.",
        "fr": "En cours : {partners}.",
        "es": "En curso: {partners}.",
    },
    "gap.only_planned": {
        "en": "Only planned: {partners}.",
        "fr": "Seulement prévu : {partners}.",
        "es": "Solo previsto: {partners}.",
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
    # route finder: why a service fits (FitCode), why a step is there, why a need is unmet
    "fit.meets_need": {
        "en": "Its type of service meets this need.",
        "fr": "Son type de service répond à ce besoin.",
        "es": "Su tipo de servicio responde a esta necesidad.",
    },
    "fit.open_24_7": {
        "en": "Open 24/7.",
        "fr": "Ouvert 24 h/24, 7 j/7.",
        "es": "Abierto las 24 horas, todos los días.",
    },
    "fit.wheelchair_access": {
        "en": "Wheelchair accessible.",
        "fr": "Accessible en fauteuil roulant.",
        "es": "Accesible en silla de ruedas.",
    },
    "fit.works_in_language": {
        "en": "Works in {value}.",
        "fr": "Travaille en {value}.",
        "es": "Trabaja en {value}.",
    },
    "fit.interpreters": {
        "en": "Offers interpreters for {value}.",
        "fr": "Propose des interprètes pour {value}.",
        "es": "Ofrece intérpretes para {value}.",
    },
    "fit.serves_area": {
        "en": "Serves {value}.",
        "fr": "Couvre la zone {value}.",
        "es": "Cubre la zona {value}.",
    },
    "fit.serves_every_area": {
        "en": "Serves every area.",
        "fr": "Couvre toutes les zones.",
        "es": "Cubre todas las zonas.",
    },
    "fit.serves_population": {
        "en": "Serves the population asked for.",
        "fr": "Accueille la population demandée.",
        "es": "Atiende a la población indicada.",
    },
    "fit.open_to_every_population": {
        "en": "Open to every population.",
        "fr": "Ouvert à toutes les populations.",
        "es": "Abierto a todas las poblaciones.",
    },
    "step.agreed_for_need": {
        "en": "Active pathway agreed for this need.",
        "fr": "Parcours actif convenu pour ce besoin.",
        "es": "Ruta activa acordada para esta necesidad.",
    },
    "unmet.no_service_fits": {
        "en": "No active service of a type that meets this need fits this request.",
        "fr": "Aucun service actif d'un type qui répond à ce besoin ne correspond à cette demande.",
        "es": (
            "Ningún servicio activo de un tipo que responda a esta necesidad se ajusta a "
            "esta solicitud."
        ),
    },
    "unmet.no_route_reaches": {
        "en": (
            "{count} service(s) fit, but no active agreed pathway for this need reaches them "
            "from the entry point within {max_steps} steps."
        ),
        "fr": (
            "{count} service(s) correspondent, mais aucun parcours actif convenu pour ce besoin "
            "ne les atteint depuis le point d'entrée en {max_steps} étapes au plus."
        ),
        "es": (
            "{count} servicio(s) se ajustan, pero ninguna ruta activa acordada para esta "
            "necesidad los alcanza desde el punto de entrada en {max_steps} pasos o menos."
        ),
    },
    # capacity posts refused (services/service.py), on `beds_free`
    "capacity.accepting_without_beds": {
        "en": (
            "Accepting with 0 beds free contradicts itself: post the beds that are free, "
            "or say waitlist or full."
        ),
        "fr": (
            "« Accueille » avec 0 lit libre se contredit : indiquez les lits libres, "
            "ou « liste d'attente » ou « complet »."
        ),
        "es": (
            "«Admite» con 0 camas libres se contradice: indique las camas libres, "
            "o «lista de espera» o «completo»."
        ),
    },
    "capacity.full_with_beds": {
        "en": "Full with {free} bed(s) free contradicts itself: say accepting, or 0 beds free.",
        "fr": (
            "« Complet » avec {free} lit(s) libre(s) se contredit : indiquez « accueille », "
            "ou 0 lit libre."
        ),
        "es": (
            "«Completo» con {free} cama(s) libre(s) se contradice: indique «admite», "
            "o 0 camas libres."
        ),
    },
    "capacity.free_above_total": {
        "en": "{free} beds free is more than the {total} beds the service has in all.",
        "fr": "{free} lits libres, c'est plus que les {total} lits du service au total.",
        "es": "{free} camas libres son más que las {total} camas del servicio en total.",
    },
    # route finder: a target nobody can reach, a partner as the entry point
    "route.no_contact": {
        "en": "No way to reach this service is recorded: no front-door phone or e-mail.",
        "fr": (
            "Aucun moyen de joindre ce service n'est enregistré : ni téléphone ni e-mail d'accueil."
        ),
        "es": (
            "No consta ninguna forma de contactar con este servicio: ni teléfono ni correo "
            "de acceso."
        ),
    },
    "entry.front_doors": {
        "en": (
            "{partner} has no service of its own recorded: routes start from the network's "
            "front doors, which it can contact: {doors}."
        ),
        "fr": (
            "{partner} n'a aucun service enregistré : les parcours partent des points "
            "d'accueil du réseau, qu'il peut contacter : {doors}."
        ),
        "es": (
            "{partner} no tiene ningún servicio propio registrado: las rutas parten de las "
            "puertas de entrada de la red, que puede contactar: {doors}."
        ),
    },
    "entry.nothing_recorded": {
        "en": (
            "Nothing is recorded from {partner}: it has no service of its own and the network "
            "has no front door (entry point) to start from."
        ),
        "fr": (
            "Rien n'est enregistré depuis {partner} : il n'a aucun service et le réseau n'a "
            "aucun point d'accueil (point d'entrée) d'où partir."
        ),
        "es": (
            "No consta nada desde {partner}: no tiene ningún servicio propio y la red no tiene "
            "ninguna puerta de entrada (punto de entrada) desde la que partir."
        ),
    },
    "unmet.nothing_from_entry": {
        "en": "Nothing is recorded from this entry point.",
        "fr": "Rien n'est enregistré depuis ce point d'entrée.",
        "es": "No consta nada desde este punto de entrada.",
    },
    # route finder: which criterion excluded a service (ExclusionCode)
    "excluded.not_active": {
        "en": "Not active at the moment.",
        "fr": "Pas actif en ce moment.",
        "es": "No está activo en este momento.",
    },
    "excluded.not_open_24_7": {
        "en": "Not open 24/7.",
        "fr": "Pas ouvert 24 h/24, 7 j/7.",
        "es": "No abre las 24 horas, todos los días.",
    },
    "excluded.no_wheelchair_access": {
        "en": "Not wheelchair accessible.",
        "fr": "Pas accessible en fauteuil roulant.",
        "es": "No es accesible en silla de ruedas.",
    },
    "excluded.not_in_language": {
        "en": "Does not work in {value} and offers no interpreters.",
        "fr": "Ne travaille pas en {value} et ne propose pas d'interprètes.",
        "es": "No trabaja en {value} ni ofrece intérpretes.",
    },
    "excluded.not_in_area": {
        "en": "Does not serve {value}.",
        "fr": "Ne couvre pas la zone {value}.",
        "es": "No cubre la zona {value}.",
    },
    "excluded.not_for_population": {
        "en": "Does not serve the population asked for.",
        "fr": "N'accueille pas la population demandée.",
        "es": "No atiende a la población indicada.",
    },
    "excluded.no_agreed_route": {
        "en": "It fits, but no active agreed pathway reaches it within {value} steps.",
        "fr": (
            "Il correspond, mais aucun parcours actif convenu ne l'atteint en {value} étapes "
            "au plus."
        ),
        "es": ("Se ajusta, pero ninguna ruta activa acordada lo alcanza en {value} pasos o menos."),
    },
    # pathway health: one message per finding (FindingKind, with its variants)
    "health.unmet_need_in_network": {
        "en": "No active service in the network meets this need.",
        "fr": "Aucun service actif du réseau ne répond à ce besoin.",
        "es": "Ningún servicio activo de la red responde a esta necesidad.",
    },
    "health.unmet_need_in_area": {
        "en": "No active service serving {area} meets this need.",
        "fr": "Aucun service actif couvrant la zone {area} ne répond à ce besoin.",
        "es": "Ningún servicio activo que cubra la zona {area} responde a esta necesidad.",
    },
    "health.unreachable_service": {
        "en": "{name} cannot be reached from any entry point by an active pathway.",
        "fr": "{name} n'est joignable depuis aucun point d'entrée par un parcours actif.",
        "es": "{name} no es alcanzable desde ningún punto de entrada por una ruta activa.",
    },
    "health.unreachable_without_entry_point": {
        "en": "{name} cannot be reached: the network has no active entry point.",
        "fr": "{name} est injoignable : le réseau n'a aucun point d'entrée actif.",
        "es": "{name} no es alcanzable: la red no tiene ningún punto de entrada activo.",
    },
    "health.dead_end": {
        "en": (
            "{name} receives referrals but has no active pathway to refer on, although its "
            "type of service is expected to."
        ),
        "fr": (
            "{name} reçoit des orientations mais n'a aucun parcours actif pour orienter plus "
            "loin, alors que son type de service devrait le faire."
        ),
        "es": (
            "{name} recibe derivaciones pero no tiene ninguna ruta activa para derivar a su vez, "
            "aunque se espera de su tipo de servicio."
        ),
    },
    "health.pathway_to_inactive_service": {
        "en": "The pathway {source} → {target} involves a service that is not active: {names}.",
        "fr": "Le parcours {source} → {target} passe par un service qui n'est pas actif : {names}.",
        "es": "La ruta {source} → {target} pasa por un servicio que no está activo: {names}.",
    },
    "health.pathway_review_overdue": {
        "en": "The pathway {source} → {target} was due for review on {due}.",
        "fr": "La révision du parcours {source} → {target} était prévue le {due}.",
        "es": "La revisión de la ruta {source} → {target} estaba prevista el {due}.",
    },
    "health.single_point_of_failure": {
        "en": (
            "Every agreed route from the entry points for this need goes through {name}: if it "
            "stops, nobody can be referred for this need."
        ),
        "fr": (
            "Tous les parcours convenus depuis les points d'entrée pour ce besoin passent par "
            "{name} : s'il s'arrête, plus personne ne peut être orienté pour ce besoin."
        ),
        "es": (
            "Todas las rutas acordadas desde los puntos de entrada para esta necesidad pasan "
            "por {name}: si deja de funcionar, nadie puede ser derivado para esta necesidad."
        ),
    },
    "health.population_not_served": {
        "en": "No service meeting this need serves this population.",
        "fr": "Aucun service répondant à ce besoin n'accueille cette population.",
        "es": "Ningún servicio que responda a esta necesidad atiende a esta población.",
    },
    "health.language_not_served": {
        "en": "No service meeting this need works in {language} or offers interpreters.",
        "fr": (
            "Aucun service répondant à ce besoin ne travaille en {language} ni ne propose "
            "d'interprètes."
        ),
        "es": (
            "Ningún servicio que responda a esta necesidad trabaja en {language} ni ofrece "
            "intérpretes."
        ),
    },
    # a sender's reference refused (referrals/reference.py)
    "input.reference_name": {
        "en": "Looks like a name. Use your case system's code (with at least one digit), "
        "never anything that identifies the woman.",
        "fr": "Ressemble à un nom. Utilisez le code de votre dossier (avec au moins un "
        "chiffre), jamais ce qui identifie la femme.",
        "es": "Parece un nombre. Use el código de su sistema de casos (con al menos un "
        "dígito), nunca algo que identifique a la mujer.",
    },
    "input.reference_email": {
        "en": "Looks like an e-mail address. Use your case system's code, never anything "
        "that identifies the woman.",
        "fr": "Ressemble à une adresse e-mail. Utilisez le code de votre dossier, jamais ce "
        "qui identifie la femme.",
        "es": "Parece una dirección de correo. Use el código de su sistema de casos, nunca "
        "algo que identifique a la mujer.",
    },
    "input.reference_phone": {
        "en": "Looks like a phone number. Use your case system's code, never anything that "
        "identifies the woman.",
        "fr": "Ressemble à un numéro de téléphone. Utilisez le code de votre dossier, jamais "
        "ce qui identifie la femme.",
        "es": "Parece un número de teléfono. Use el código de su sistema de casos, nunca "
        "algo que identifique a la mujer.",
    },
    "input.reference_date": {
        "en": "Looks like a date, which could be a date of birth. Use your case system's "
        "code, never anything that identifies the woman.",
        "fr": "Ressemble à une date, qui pourrait être une date de naissance. Utilisez le "
        "code de votre dossier, jamais ce qui identifie la femme.",
        "es": "Parece una fecha, que podría ser una fecha de nacimiento. Use el código de su "
        "sistema de casos, nunca algo que identifique a la mujer.",
    },
    # input refused (core/fields.py), by the validation error's type: `input.<type>`
    "input.personal_data_email": {
        "en": (
            "Looks like an e-mail address. Free text is read by every member: no personal "
            "data here (staff contacts have their own fields)."
        ),
        "fr": (
            "Ressemble à une adresse e-mail. Le texte libre est lu par tous les membres : "
            "aucune donnée personnelle ici (les contacts du personnel ont leurs propres champs)."
        ),
        "es": (
            "Parece una dirección de correo electrónico. El texto libre lo leen todos los "
            "miembros: ningún dato personal aquí (los contactos del personal tienen sus "
            "propios campos)."
        ),
    },
    "input.personal_data_phone": {
        "en": (
            "Looks like a phone number. Free text is read by every member: no personal data "
            "here (staff contacts have their own fields)."
        ),
        "fr": (
            "Ressemble à un numéro de téléphone. Le texte libre est lu par tous les membres : "
            "aucune donnée personnelle ici (les contacts du personnel ont leurs propres champs)."
        ),
        "es": (
            "Parece un número de teléfono. El texto libre lo leen todos los miembros: ningún "
            "dato personal aquí (los contactos del personal tienen sus propios campos)."
        ),
    },
    "input.personal_data_date": {
        "en": (
            "Looks like a full date, which could be a date of birth. Free text is read by "
            'every member: no personal data here (write "March 2026", or use a date field).'
        ),
        "fr": (
            "Ressemble à une date complète, qui pourrait être une date de naissance. Le texte "
            "libre est lu par tous les membres : aucune donnée personnelle ici (écrivez "
            "« mars 2026 » ou utilisez un champ de date)."
        ),
        "es": (
            "Parece una fecha completa, que podría ser una fecha de nacimiento. El texto libre "
            "lo leen todos los miembros: ningún dato personal aquí (escriba «marzo de 2026» o "
            "use un campo de fecha)."
        ),
    },
    "input.invisible_character": {
        "en": "Must not contain invisible or text-direction characters (found U+{codepoint}).",
        "fr": (
            "Ne doit contenir aucun caractère invisible ni de sens d'écriture "
            "(trouvé : U+{codepoint})."
        ),
        "es": (
            "No debe contener caracteres invisibles ni de dirección del texto "
            "(encontrado: U+{codepoint})."
        ),
    },
    "input.combining_marks_only": {
        "en": "Must contain letters or digits, not only accents or marks.",
        "fr": "Doit contenir des lettres ou des chiffres, pas seulement des accents ou des signes.",
        "es": "Debe contener letras o cifras, no solo acentos o signos.",
    },
    "status.planned": {"en": "planned", "fr": "prévu", "es": "previsto"},
    "status.in_progress": {"en": "in progress", "fr": "en cours", "es": "en curso"},
    "status.in_place": {"en": "in place", "fr": "en place", "es": "en marcha"},
}


MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
}
DAY_PATTERNS = {
    "en": "{day} {month} {year}",
    "fr": "{day} {month} {year}",
    "es": "{day} de {month} de {year}",
}


def day_in(language: str, day: date) -> str:
    """A day as people of `language` write it in a sentence ("3 décembre 2026")."""
    language = language if language in MONTHS else DEFAULT
    return DAY_PATTERNS[language].format(
        day=day.day, month=MONTHS[language].split()[day.month - 1], year=day.year
    )


# A counted text by language: (one, other), `{count}` in both.
Plural = Mapping[str, tuple[str, str]]


def plural(texts: Plural, language: str, count: int) -> str:
    """The form of `texts` for `count` in `language` (French counts 0 and 1 as one)."""
    one, other = texts.get(language) or texts[DEFAULT]
    singular = count in (0, 1) if language == "fr" else count == 1
    return (one if singular else other).format(count=count)


def _shown(language: str, value: object) -> object:
    if isinstance(value, date) and not isinstance(value, datetime):
        return day_in(language, value)
    return value


def message(key: str, language: str, /, **values: object) -> str:
    """The message `key` in `language`; dates among `values` are written in that language."""
    texts = MESSAGES[key]
    shown = {name: _shown(language, value) for name, value in values.items()}
    return texts.get(language, texts[DEFAULT]).format(**shown)
