"""Field types shared by request models: codes, slugs, language tags, free area codes."""

import re
import unicodedata
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
from pydantic_core import PydanticCustomError

from accord.core.errors import PATTERN_MESSAGES
from accord.core.i18n import MESSAGES

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


# Characters a reader cannot see that change what a name looks like or which name it is:
# zero-width characters (one "Casa Luna" with U+200B inside is another string that looks
# the same) and bidirectional overrides and isolates (which reorder what is displayed).
INVISIBLE_CHARACTERS = r"\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069"
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")

# A name is one line with no surrounding blanks ("  Casa Luna " and "Casa Luna" would
# otherwise be two partners) and nothing invisible. The pattern states it in the schema;
# the validators word it.
_NAME_EDGE = f"[^\\x00 \\t\\r\\n{INVISIBLE_CHARACTERS}]"
NAME_PATTERN = f"^{_NAME_EDGE}([^\\x00\\r\\n{INVISIBLE_CHARACTERS}]*{_NAME_EDGE})?$"


def _refuse_invisible(value: Any) -> Any:
    # Before the pattern, so the message names the character instead of the whole rule.
    if isinstance(value, str) and (found := _INVISIBLE.search(value)):
        raise PydanticCustomError(
            "invisible_character",
            MESSAGES["input.invisible_character"]["en"],
            {"codepoint": f"{ord(found.group()):04X}"},
        )
    return value


def _composed(value: str) -> str:
    """One spelling per name (NFC): "é" typed as one character or as "e" and an accent."""
    value = unicodedata.normalize("NFC", value)
    if len(value) > NAME_MAX:  # composing lengthens a few scripts' text
        raise PydanticCustomError(
            "string_too_long",
            "String should have at most {max_length} characters",
            {"max_length": NAME_MAX},
        )
    if all(unicodedata.category(char).startswith("M") for char in value):
        raise PydanticCustomError(
            "combining_marks_only", MESSAGES["input.combining_marks_only"]["en"]
        )
    return value


NAME_MAX = 200

# Every name and title a person gives (a network, partner, service, location, contact,
# role…): single-line, composed (NFC), nothing invisible. A shorter limit narrows it:
# `Annotated[Name, Field(max_length=120)]`.
Name = Annotated[
    str,
    StringConstraints(min_length=1, max_length=NAME_MAX, pattern=NAME_PATTERN),
    BeforeValidator(_refuse_invisible),
    AfterValidator(_composed),
]


def name_key(name: str) -> str:
    """What makes two names the same name: ignoring case, composition, compatibility forms
    (fullwidth letters, ligatures), invisible characters and runs of spaces. Stored and
    unique per network, so a look-alike of a partner's name is refused as a duplicate."""
    visible = _INVISIBLE.sub("", name)
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", visible).casefold())
    return " ".join(folded.split())


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


# --- free text ---------------------------------------------------------------------------
# Notes, descriptions and assessments are read by every member of a network, and Accord
# keeps no personal data about survivors. Someone writing about a case puts in contact
# details or a date of birth long before anything else that identifies a person: those are
# refused, with a message saying what was found. Names of people are not looked for: no list
# of names is complete, every partner's and contact's name would match one, and a guess that
# refuses "Casa Rosa" teaches people to work around the check. Dates in full (day, month and
# year) are refused whatever they are, since a date of birth looks like any other date:
# the fields meant for dates take them, and "March 2026" passes. Web addresses are skipped
# (their paths carry dates and numbers); the check is meant to catch a slip, not a
# determined writer.

_MONTHS = (
    # English, French and Spanish, full and abbreviated: the languages the API speaks.
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    "|novembre|décembre|decembre|janv|févr|fevr|avr|juil|déc"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre|ene|abr|ago|dic"
)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
DATE_PATTERN = _DATE = re.compile(
    r"(?<![0-9])(?:"
    # 12/03/1990, 12.03.90, 12-3-1990 and 1990-03-12, 1990/3/12
    r"[0-9]{1,2}[./\-][0-9]{1,2}[./\-](?:[0-9]{4}|[0-9]{2})"
    r"|[0-9]{4}[./\-][0-9]{1,2}[./\-][0-9]{1,2}"
    r")(?![0-9])"
    # 12 March 1990, 1st of March 1990, 12 de marzo de 1990, 12 mars 1990
    rf"|\b[0-9]{{1,2}}(?:st|nd|rd|th|er)?\.?\s+(?:of\s+|de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?[0-9]{{4}}\b"
    # March 12, 1990 and March 12th 1990
    rf"|\b(?:{_MONTHS})\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}}\b",
    re.IGNORECASE,
)
# Seven digits or more, with spaces, dots, dashes, slashes or brackets between them.
_PHONE = re.compile(r"(?<![0-9])\+?[0-9](?:[ ().\-/]{0,2}[0-9]){6,}(?![0-9])")
# A span of years ("2025-2026", "1990 / 2010") has eight digits too and is not a number.
_YEARS = re.compile(r"(?:19|20)[0-9]{2}\s*[\-\u2013/]\s*(?:19|20)[0-9]{2}")


def survivor_data_found(text: str) -> str | None:
    """What in `text` looks like personal data that has no place in free text (`email`,
    `date` or `phone`), or None. The one check every free-text field goes through."""
    text = _URL.sub(" ", text)
    if _EMAIL.search(text):
        return "email"
    if _DATE.search(text):
        return "date"
    if any(not _YEARS.fullmatch(found.group()) for found in _PHONE.finditer(text)):
        return "phone"
    return None


def _no_survivor_data(value: str) -> str:
    found = survivor_data_found(value)
    if found is not None:
        kind = f"personal_data_{found}"
        # In English here; the error handler gives it in the request's language.
        raise PydanticCustomError(kind, MESSAGES[f"input.{kind}"]["en"])
    return value


FreeText = Annotated[str, AfterValidator(_no_survivor_data)]
"""Text a person writes for others to read (notes, descriptions, assessments, references).
Narrow it with a limit: `Annotated[FreeText, Field(max_length=2000)]`. Contact details of
staff and the public front door of a service are not free text and do not use it."""
