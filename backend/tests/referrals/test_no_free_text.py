"""A referral carries codes, ids, timestamps, numbers and flags, and the sender's opaque
reference: never free text. This walks every schema a referral is read or written through
in the OpenAPI document, and fails as soon as one gains a string that is not an id, a
code, a time or the pattern-bound reference — a name, a note, an address would be one."""

import copy
from typing import Any

from fastapi import FastAPI

from accord.referrals.reference import REFERENCE_PATTERN

REFERRAL_SCHEMAS = ("ReferralCreate", "ReferralTransition", "ReferralPublic", "ReferralEnd")


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = document["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _free_strings(document: dict[str, Any], node: Any, where: str, seen: set[str]) -> list[str]:
    if isinstance(node, list):
        return [
            f for i, item in enumerate(node) for f in _free_strings(document, item, where, seen)
        ]
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return []
        seen.add(name)
        return _free_strings(document, _resolve(document, node), f"{where}->{name}", seen)
    found: list[str] = []
    if node.get("type") == "string":
        bound = (
            "enum" in node
            or "const" in node
            or node.get("format") in ("uuid", "date-time", "date")
            or node.get("pattern") == REFERENCE_PATTERN
        )
        if not bound:
            found.append(where)
    for key in ("properties",):
        for name, child in (node.get(key) or {}).items():
            found += _free_strings(document, child, f"{where}.{name}", seen)
    for key in ("items", "anyOf", "oneOf", "allOf", "additionalProperties"):
        if key in node:
            found += _free_strings(document, node[key], where, seen)
    return found


def test_no_referral_schema_holds_free_text(app: FastAPI) -> None:
    document = app.openapi()
    schemas = document["components"]["schemas"]
    assert set(REFERRAL_SCHEMAS) <= set(schemas)
    free = [
        field
        for name in REFERRAL_SCHEMAS
        for field in _free_strings(document, schemas[name], name, set())
    ]
    assert free == []
    # The reference is the only string a person types, and it is bound by its pattern.
    reference = _resolve(document, schemas["ReferralCreate"])["properties"]["sender_reference"]
    assert [option.get("pattern") for option in reference["anyOf"]] == [REFERENCE_PATTERN, None]


def test_the_walk_finds_a_free_text_field(app: FastAPI) -> None:
    """The check itself can fail: a schema with a plain string is reported."""
    document = copy.deepcopy(app.openapi())  # the app's own document stays as it is
    document["components"]["schemas"]["ReferralEnd"]["properties"]["note"] = {"type": "string"}
    assert _free_strings(
        document, {"$ref": "#/components/schemas/ReferralEnd"}, "ReferralEnd", set()
    ) == ["ReferralEnd->ReferralEnd.note"]
