"""Field types shared by request models: codes, slugs, language tags, free area codes."""

from typing import Annotated

import langcodes
from pydantic import AfterValidator, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(min_length=2, max_length=60, pattern=SLUG_PATTERN),
    Field(description="Lowercase letters, digits and single hyphens, e.g. `riverside-ccr`."),
]


def _language_tag(value: str) -> str:
    if not langcodes.tag_is_valid(value):
        raise ValueError(f"'{value}' is not a valid BCP 47 language tag (e.g. en, fr, es-MX)")
    return langcodes.standardize_tag(value)


LanguageTag = Annotated[
    str,
    StringConstraints(min_length=2, max_length=35, strip_whitespace=True),
    AfterValidator(_language_tag),
    Field(description="A BCP 47 language tag such as `en`, `fr` or `es-MX`."),
]

AreaCode = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100, strip_whitespace=True),
    Field(description="A free area code such as a district name."),
]

Tag = Annotated[str, StringConstraints(min_length=1, max_length=50, strip_whitespace=True)]


def unique(values: list[str] | None) -> list[str] | None:
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
