"""Field types shared by request models: codes, slugs, language tags, free area codes."""

from typing import Annotated, Any

import email_validator
import langcodes
from pydantic import AfterValidator, Field, StringConstraints

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


def _canonical_language_tag(value: str) -> str:
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
    AfterValidator(_canonical_language_tag),
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

Phone = Annotated[
    str,
    StringConstraints(max_length=50, pattern=r"^\+?[0-9 ()./\-]{3,50}$"),
    Field(description="Digits, spaces and + ( ) . / - only, e.g. `+44 20 7946 0000`."),
]
