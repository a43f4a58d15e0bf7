"""Field types shared by request models: codes, slugs, language tags, free area codes."""

import re
import uuid
from datetime import date, datetime
from typing import Annotated, Any

import email_validator
import langcodes
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    Field,
    Strict,
    StringConstraints,
)

from accord.core.errors import PATTERN_MESSAGES

# Staff e-mail addresses are checked for shape, not for a public top-level domain: an
# address at a .test or .internal domain is the organisation's business, not ours.
email_validator.SPECIAL_USE_DOMAIN_NAMES.clear()

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(min_length=2, max_length=60, pattern=SLUG_PATTERN),
    Field(description="Lowercase letters, digits and single hyphens, e.g. `riverside-ccr`."),
]


# language[-script][-region] of BCP 47: what a directory needs (en, es-MX, sr-Latn, zh-Hant-TW).
LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$"


def canonical_language_tag(value: str) -> str:
    """`EN-us` becomes `en-US`; registered aliases become their preferred tag (`iw` -> `he`)."""
    if langcodes.tag_is_valid(value):
        return langcodes.standardize_tag(value)
    parts = value.split("-")
    return "-".join(
        [parts[0].lower()] + [p.title() if len(p) == 4 else p.upper() for p in parts[1:]]
    )


LanguageTag = Annotated[
    str,
    StringConstraints(min_length=2, max_length=35, pattern=LANGUAGE_TAG_PATTERN),
    AfterValidator(canonical_language_tag),
    Field(description="A BCP 47 language tag such as `en`, `fr`, `es-MX` or `sr-Latn`."),
]

AreaCode = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100),
    Field(description="A free area code such as a district name."),
]

Tag = Annotated[str, StringConstraints(min_length=1, max_length=50)]


def unique(values: list[Any] | None) -> list[Any] | None:
    """Drop repeats, keep the first-seen order."""
    if values is None:
        return None
    return list(dict.fromkeys(values))


LanguageList = Annotated[list[LanguageTag], AfterValidator(unique), Field(max_length=20)]
AreaList = Annotated[list[AreaCode], AfterValidator(unique), Field(max_length=50)]
TagList = Annotated[list[Tag], AfterValidator(unique), Field(max_length=50)]

PHONE_PATTERN = r"^\+?[0-9 ()./\-]{3,50}$"
Phone = Annotated[
    str,
    StringConstraints(max_length=50, pattern=PHONE_PATTERN),
    Field(description="Digits, spaces and + ( ) . / - only, e.g. `+44 20 7946 0000`."),
]


# A name is one line with no surrounding blanks: "  Casa Luna " and "Casa Luna" would
# otherwise be two partners. The pattern states it in the schema; the validator words it.
NAME_PATTERN = r"^[^\x00 \t\r\n]([^\x00\r\n]*[^\x00 \t\r\n])?$"


Name = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NAME_PATTERN)]

# What a pattern means, in words, for the messages a person reads.
PATTERN_MESSAGES.update(
    {
        NAME_PATTERN: "Must be a single line, without spaces at the start or end.",
        SLUG_PATTERN: "Use lowercase letters, digits and single hyphens, e.g. riverside-ccr.",
        LANGUAGE_TAG_PATTERN: "Must be a language tag such as en, fr, es-MX or sr-Latn.",
        PHONE_PATTERN: "Use digits, spaces and + ( ) . / - only.",
    }
)


def _iso_8601_only(value: Any) -> Any:
    # Pydantic would also read "1" as a Unix time; a date-time parameter means ISO 8601.
    if isinstance(value, str) and not re.match(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}", value):
        raise ValueError("Must be an ISO 8601 date-time with offset, e.g. 2026-11-22T09:30:00Z.")
    return value


IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_8601_only)]


# Request models are strict (core/models.py: InputModel) and FastAPI validates a JSON body
# in Python mode, where a strict UUID would refuse the string JSON carries: read it from text.
Id = Annotated[uuid.UUID, Strict(False)]


def _iso_date_only(value: Any) -> Any:
    # Lax `date` also takes 0 (a Unix time) and date-times at midnight: a date is YYYY-MM-DD.
    if isinstance(value, datetime) or not isinstance(value, str | date):
        raise ValueError("Must be a date written YYYY-MM-DD, e.g. 2026-11-22.")
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("Must be a date written YYYY-MM-DD, e.g. 2026-11-22.")
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError("Must be a real calendar date, e.g. 2026-11-22.") from exc
    return value


IsoDate = Annotated[date, Strict(False), BeforeValidator(_iso_date_only)]
"""A calendar date, in a body or a query string: YYYY-MM-DD and nothing else."""
