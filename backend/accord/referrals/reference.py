"""The sender's own reference: what the sending agency's case system maps back to its case.
It must be an opaque code, never something that identifies the woman: a reference that
looks like a name (letters and spaces only, no digit), an e-mail address, a phone number
or a date is refused, with a message that says which."""

import re
from typing import Annotated

from pydantic import BeforeValidator, StringConstraints
from pydantic import Field as PydanticField
from pydantic_core import PydanticCustomError

from accord.core.errors import PATTERN_MESSAGES
from accord.core.fields import DATE_PATTERN, survivor_data_found
from accord.core.i18n import MESSAGES

# Letters, digits and the separators case systems use; no spaces (a name has them); at
# least one letter (digits alone are how phone numbers and dates look) and one digit (letters
# alone are how names look). Written without look-aheads, which not every engine has.
_CHARS = r"[A-Za-z0-9._/:#\-]"
REFERENCE_PATTERN = rf"^(?:[A-Za-z][A-Za-z._/:#\-]*[0-9]|[0-9][0-9._/:#\-]*[A-Za-z]){_CHARS}*$"
PATTERN_MESSAGES[REFERENCE_PATTERN] = (
    "Letters and digits (at least one of each) and . _ / : # - only, no spaces, at most 64 "
    "characters: your case system's code."
)
_DIGITS_ONLY = re.compile(r"^\+?[0-9][0-9.\-/]*$")


def reference_problem(value: str) -> str | None:
    """Why `value` cannot be a sender's reference (`name`, `email`, `phone`, `date`), or
    None."""
    found = survivor_data_found(value)
    if found == "email" or "@" in value:
        return "email"
    digits = sum(char.isdigit() for char in value)
    whole_date = DATE_PATTERN.fullmatch(value) is not None
    # Seven digits or more and nothing else is how phone numbers look; a code has letters.
    if _DIGITS_ONLY.match(value) and digits >= 7 and not whole_date:
        return "phone"
    if found == "date":
        return "date"
    if digits == 0:
        return "name"
    return None


def _opaque(value: object) -> object:
    # Before the pattern: "maria@example.org" is refused as an e-mail, not as a stray "@".
    if not isinstance(value, str):
        return value
    problem = reference_problem(value)
    if problem is not None:
        kind = f"reference_{problem}"
        # In English here; the error handler gives it in the request's language.
        raise PydanticCustomError(kind, MESSAGES[f"input.{kind}"]["en"])
    return value


SenderReference = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=REFERENCE_PATTERN),
    BeforeValidator(_opaque),
    PydanticField(
        description="The sender's own case code: letters and digits (at least one of each) "
        "and . _ / : # -. Never a name, e-mail, phone number or date.",
        examples=["DV-2026-0042"],
    ),
]
