"""The shipped role catalogue: loaded safely twice, upgraded without losing what networks
did, read in three languages with English as the fallback."""

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import col

from accord.core.database import transaction
from accord.roles.catalogue import ROLES
from accord.roles.catalogue_loader import load_catalogue
from accord.roles.models import Role
from tests.conftest import World


def _roles(world: World) -> str:
    return f"/api/v1/networks/{world.a.slug}/roles"


def _all(client: TestClient, world: World, **params: Any) -> list[dict[str, Any]]:
    response = client.get(
        _roles(world), params={"limit": 200, **params}, headers=world.coordinator.headers
    )
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_the_catalogue_covers_the_guidance_in_three_languages() -> None:
    assert len(ROLES) >= 60
    sectors = {r["sector"] for r in ROLES if not r["implied"]}
    assert {
        "health",
        "police",
        "social_services",
        "specialist_ngo",
        "community_group",
        "survivors_forum",
        "faith_group",
        "local_government",
        "perpetrator_programme",
    } <= sectors
    assert {"justice", "education", "media"} <= {r["sector"] for r in ROLES if r["implied"]}
    for role in ROLES:
        assert set(role["title"]) == set(role["description"]) == {"en", "fr", "es"}, role["code"]


def test_loading_twice_changes_nothing(app: FastAPI) -> None:
    factory = app.state.session_factory
    with transaction(factory) as session:
        again = load_catalogue(session)
    assert again.added == again.updated == 0 and again.unchanged == len(ROLES)
    with transaction(factory) as session:
        shipped = session.scalars(select(Role).where(col(Role.network_id).is_(None))).all()
    assert sorted(r.code for r in shipped) == sorted(r["code"] for r in ROLES)


def test_an_upgrade_adds_roles_and_updates_texts_but_keeps_a_networks_work(
    app: FastAPI, client: TestClient, world: World
) -> None:
    headers = world.coordinator.headers
    first = _all(client, world)[0]
    # The network rewords a shipped role, retires another and adds its own.
    etag = client.get(f"{_roles(world)}/{first['id']}", headers=headers).headers["etag"]
    reworded = client.patch(
        f"{_roles(world)}/{first['id']}",
        json={"title": {"en": "Our own wording"}},
        headers=headers | {"If-Match": etag},
    )
    assert reworded.status_code == 200
    second = _all(client, world)[1]
    etag = client.get(f"{_roles(world)}/{second['id']}", headers=headers).headers["etag"]
    assert (
        client.patch(
            f"{_roles(world)}/{second['id']}",
            json={"retired": True},
            headers=headers | {"If-Match": etag},
        ).status_code
        == 200
    )
    own = client.post(
        _roles(world),
        json={"sector": "health", "title": {"en": "Run a night clinic"}},
        headers=headers,
    )
    assert own.status_code == 201

    upgraded = copy.deepcopy(ROLES)
    upgraded[0]["title"]["en"] = "A better shipped title"
    upgraded[1]["description"]["fr"] = "Une description revue."
    upgraded.append(
        {
            "code": "health.new_shipped_role",
            "sector": "health",
            "source": "004",
            "implied": False,
            "title": {"en": "A new role", "fr": "Un nouveau rôle", "es": "Un rol nuevo"},
            "description": {"en": "New.", "fr": "Nouveau.", "es": "Nuevo."},
        }
    )
    try:
        with transaction(app.state.session_factory) as session:
            result = load_catalogue(session, upgraded)
        assert (result.added, result.updated) == (1, 2)

        roles = {r["code"]: r for r in _all(client, world, include_retired=True)}
        assert roles[first["code"]]["title"] == "Our own wording"  # the network's wording stays
        assert roles[second["code"]]["retired"] is True
        assert roles["health.run_a_night_clinic"]["origin"] == "network"
        assert roles["health.new_shipped_role"]["title"] == "A new role"
        french = {r["code"]: r for r in _all(client, world, lang="fr", include_retired=True)}
        assert french[second["code"]]["description"] == "Une description revue."
    finally:
        with transaction(app.state.session_factory) as session:
            load_catalogue(session)
            session.execute(
                Role.__table__.delete().where(Role.__table__.c.code == "health.new_shipped_role")  # type: ignore[attr-defined]
            )


def test_texts_come_in_the_language_asked_for_with_english_as_fallback(
    client: TestClient, world: World
) -> None:
    code = ROLES[0]["code"]
    for language in ("en", "fr", "es"):
        role = next(r for r in _all(client, world, lang=language) if r["code"] == code)
        assert role["title"] == ROLES[0]["title"][language] and role["language"] == language
    german = next(r for r in _all(client, world, lang="de") if r["code"] == code)
    assert german["title"] == ROLES[0]["title"]["en"] and german["language"] == "en"
    by_header = client.get(
        _roles(world),
        params={"limit": 200},
        headers=world.viewer.headers | {"Accept-Language": "de-CH, es;q=0.8, en;q=0.5"},
    ).json()["items"]
    assert next(r for r in by_header if r["code"] == code)["language"] == "es"


def test_a_networks_own_role_falls_back_to_english(client: TestClient, world: World) -> None:
    created = client.post(
        _roles(world),
        json={
            "code": "health.night_clinic",
            "sector": "health",
            "title": {"en": "Night clinic", "es": "Clínica nocturna"},
            "description": {"en": "Open late."},
        },
        headers=world.coordinator.headers,
    )
    assert created.status_code == 201, created.text
    french = next(r for r in _all(client, world, lang="fr") if r["code"] == "health.night_clinic")
    assert (french["title"], french["language"]) == ("Night clinic", "en")
    spanish = next(r for r in _all(client, world, lang="es") if r["code"] == "health.night_clinic")
    assert spanish["title"] == "Clínica nocturna"


def test_only_coordinators_change_the_catalogue(client: TestClient, world: World) -> None:
    role = _all(client, world)[0]
    for actor in (world.editor, world.viewer):
        assert (
            client.post(
                _roles(world),
                json={"sector": "health", "title": {"en": "X"}},
                headers=actor.headers,
            ).status_code
            == 403
        )
        assert (
            client.patch(
                f"{_roles(world)}/{role['id']}",
                json={"retired": True},
                headers=actor.headers | {"If-Match": "*"},
            ).status_code
            == 403
        )


def test_a_role_code_is_unique_and_english_is_required(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    shipped = _all(client, world)[0]
    clash = client.post(
        _roles(world),
        json={"code": shipped["code"], "sector": shipped["sector"], "title": {"en": "Clash"}},
        headers=headers,
    )
    assert clash.status_code == 409
    no_english = client.post(
        _roles(world), json={"sector": "health", "title": {"fr": "Sans anglais"}}, headers=headers
    )
    assert no_english.status_code == 422
    bad_code = client.post(
        _roles(world),
        json={"code": "Not A Code", "sector": "health", "title": {"en": "Thing"}},
        headers=headers,
    )
    assert bad_code.status_code == 422


def test_another_networks_roles_are_invisible(client: TestClient, world: World) -> None:
    own = client.post(
        _roles(world),
        json={"sector": "health", "title": {"en": "Secret role"}},
        headers=world.coordinator.headers,
    ).json()
    other = f"/api/v1/networks/{world.b.slug}/roles"
    codes = [
        r["code"]
        for r in client.get(
            other, params={"limit": 200}, headers=world.other_coordinator.headers
        ).json()["items"]
    ]
    assert own["code"] not in codes
    assert (
        client.get(f"{other}/{own['id']}", headers=world.other_coordinator.headers).status_code
        == 404
    )


def test_the_catalogue_pages(client: TestClient, world: World) -> None:
    everything = [r["id"] for r in _all(client, world)]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 25}
        if cursor:
            params["cursor"] = cursor
        page = client.get(_roles(world), params=params, headers=world.viewer.headers).json()
        seen += [r["id"] for r in page["items"]]
        assert page["total"] == len(everything)
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == everything
    health = client.get(
        _roles(world), params={"sector": "health"}, headers=world.viewer.headers
    ).json()
    assert health["total"] == len(health["items"]) > 0
    assert health["total"] < len(everything)
