"""Optimistic concurrency: every mutable record has a `version`, exposed as its ETag."""

from typing import Annotated

from fastapi import Header, Response

from accord.core.errors import PreconditionFailed, PreconditionRequired


def etag_for(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


def _tags(header: str) -> list[str]:
    tags = []
    for part in header.split(","):
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag:
            tags.append(tag)
    return tags


def require_current_version(if_match: str | None, current_version: int) -> None:
    """Refuse a write made without If-Match (428) or against a stale version (412).

    `If-Match: *` only says "whatever is there now": it names no version the client read,
    so it guards against nothing. It is treated as no If-Match at all (428, "send the
    ETag you read"), not as a stale one (412 would tell the client to reload, which would
    not help it: `*` would still not be accepted)."""
    tags = [] if if_match is None else [tag for tag in _tags(if_match) if tag != "*"]
    if not tags:
        raise PreconditionRequired(
            "Send the record's ETag (the version you read) in an If-Match header, so that "
            "a concurrent change is never silently overwritten; `*` is not accepted."
        )
    if etag_for(current_version) in tags:
        return
    raise PreconditionFailed(
        "Someone else changed this record since you read it. Reload it and apply your "
        "change again.",
        headers={"ETag": etag_for(current_version)},
    )


def none_match_holds(if_none_match: str | None, etag: str) -> bool:
    """Whether the client's copy (If-None-Match) is the one with this ETag: answer 304."""
    if not if_none_match:
        return False
    tags = _tags(if_none_match)
    return "*" in tags or etag in tags


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description="The ETag of the version you read. Required: 428 without it, 412 if stale.",
    ),
]
IfNoneMatch = Annotated[
    str | None,
    Header(
        alias="If-None-Match",
        max_length=200,
        description="An ETag you hold; answered with 304 if the record has not changed.",
    ),
]
