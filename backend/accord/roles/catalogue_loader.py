"""Loads the shipped role catalogue (roles/catalogue.py) into the database.

Safe to run twice and on every upgrade: new roles are added, shipped texts that changed
are updated, and nothing a network did is touched (its own roles, its wording and its
retirements live apart from the shipped rows). Codes never change once shipped, so a
role is found again by its code."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from accord.core.models import utcnow
from accord.roles.catalogue import CATALOGUE_VERSION, ROLES
from accord.roles.models import CatalogueState, Role

STATE_NAME = "roles"


@dataclass(frozen=True)
class CatalogueLoad:
    version: int
    added: int
    updated: int
    unchanged: int


def shipped_texts(entry: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {
        language: {"title": entry["title"][language], "description": entry["description"][language]}
        for language in entry["title"]
    }


def load_catalogue(session: Session, roles: list[dict[str, Any]] | None = None) -> CatalogueLoad:
    entries = ROLES if roles is None else roles
    shipped = {
        role.code: role
        for role in session.scalars(select(Role).where(col(Role.network_id).is_(None)))
    }
    added = updated = unchanged = 0
    for position, entry in enumerate(entries):
        values = {
            "sector": entry["sector"],
            "source": entry["source"],
            "implied": entry["implied"],
            "position": position,
            "texts": shipped_texts(entry),
        }
        role = shipped.get(entry["code"])
        if role is None:
            session.add(Role(code=entry["code"], network_id=None, **values))
            added += 1
        elif any(getattr(role, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(role, name, value)
            role.updated_at = utcnow()
            session.add(role)
            updated += 1
        else:
            unchanged += 1
    state = session.get(CatalogueState, STATE_NAME)
    if state is None:
        state = CatalogueState(name=STATE_NAME, version=CATALOGUE_VERSION)
    state.version = CATALOGUE_VERSION
    state.loaded_at = utcnow()
    session.add(state)
    session.flush()
    return CatalogueLoad(CATALOGUE_VERSION, added, updated, unchanged)
