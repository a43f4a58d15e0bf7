"""Language names for the texts an answer carries (route fits, pathway health reasons):
the API's fields keep BCP 47 codes; the sentence beside them names the language in the
language asked for ("Trabaja en español."), from CLDR data through langcodes."""

from functools import cache

import langcodes


@cache
def language_name(tag: str, lang: str) -> str:
    """`es` in French is "espagnol"; a tag langcodes cannot read is returned as it is."""
    try:
        return str(langcodes.Language.get(tag).display_name(lang))
    except (LookupError, ValueError, ImportError):
        return tag
