"""The gazetteer: coordinators keep a network's areas, every member reads them by name in
any language, and an area filter on a region finds what its districts hold."""

from functools import partial
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import Actor, World, at_once


def _areas(world: World) -> str:
    return f"/api/v1/networks/{world.a.slug}/areas"


def _add(
    client: TestClient,
    world: World,
    code: str,
    en: str,
    *,
    fr: str | None = None,
    es: str | None = None,
    parent: dict[str, Any] | None = None,
    actor: Actor | None = None,
) -> dict[str, Any]:
    names: dict[str, str] = {"en": en} | ({"fr": fr} if fr else {}) | ({"es": es} if es else {})
    body: dict[str, Any] = {"code": code, "names": names}
    if parent is not None:
        body["parent_id"] = parent["id"]
    response = client.post(_areas(world), json=body, headers=(actor or world.coordinator).headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _region_with_districts(client: TestClient, world: World) -> dict[str, dict[str, Any]]:
    region = _add(client, world, "riverside", "Riverside County", fr="Comté de Riverside")
    north = _add(
        client, world, "north-district", "North District",
        fr="Quartier Nord", es="Distrito Norte", parent=region,
    )  # fmt: skip
    south = _add(client, world, "south-district", "South District", parent=region)
    return {"region": region, "north": north, "south": south}


def test_a_coordinator_keeps_the_gazetteer_and_every_write_is_audited(
    client: TestClient, world: World
) -> None:
    areas = _region_with_districts(client, world)
    north = areas["north"]
    assert north["parent_code"] == "riverside"
    assert north["names"] == {"en": "North District", "fr": "Quartier Nord", "es": "Distrito Norte"}

    url = f"{_areas(world)}/{north['id']}"
    read = client.get(url, headers=world.viewer.headers)
    assert read.status_code == 200 and read.headers["ETag"] == '"1"'
    assert (
        client.patch(
            url, json={"names": {"en": "X"}}, headers=world.coordinator.headers
        ).status_code
        == 428
    )
    renamed = client.patch(
        url,
        json={"names": {"en": "Northern District", "fr": "Quartier Nord"}},
        headers=world.coordinator.headers | {"If-Match": '"1"'},
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["names"]["en"] == "Northern District"
    assert renamed.json()["code"] == "north-district"  # the stored code never changes
    stale = client.patch(
        url,
        json={"parent_id": None},
        headers=world.coordinator.headers | {"If-Match": '"1"'},
    )
    assert stale.status_code == 412
    top = client.patch(
        url, json={"parent_id": None}, headers=world.coordinator.headers | {"If-Match": '"2"'}
    )
    assert top.status_code == 200 and top.json()["parent_id"] is None
    assert (
        client.delete(url, headers=world.coordinator.headers | {"If-Match": '"3"'}).status_code
        == 204
    )
    assert client.get(url, headers=world.coordinator.headers).status_code == 404

    events = client.get(
        f"/api/v1/networks/{world.a.slug}/audit?object_type=area", headers=world.coordinator.headers
    ).json()["items"]
    actions = [e["action"] for e in events if e["object_id"] == north["id"]]
    assert actions == ["area.delete", "area.update", "area.update", "area.create"]


def test_a_code_is_unique_in_its_network(client: TestClient, world: World) -> None:
    _add(client, world, "old-town", "Old Town")
    again = client.post(
        _areas(world),
        json={"code": "old-town", "names": {"en": "Old"}},
        headers=world.coordinator.headers,
    )
    assert again.status_code == 409
    assert again.json()["errors"][0]["field"] == "body.code"
    # Another network may use the same code for its own area.
    other = client.post(
        f"/api/v1/networks/{world.b.slug}/areas",
        json={"code": "old-town", "names": {"en": "Old Town"}},
        headers=world.other_coordinator.headers,
    )
    assert other.status_code == 201


def test_editors_and_viewers_read_the_gazetteer_but_cannot_change_it(
    client: TestClient, world: World
) -> None:
    area = _add(client, world, "old-town", "Old Town")
    url = f"{_areas(world)}/{area['id']}"
    for actor in (world.editor, world.viewer):
        assert (
            client.get(_areas(world), headers=actor.headers).json()["items"][0]["code"]
            == "old-town"
        )
        assert client.get(f"{_areas(world)}/tree", headers=actor.headers).status_code == 200
        created = client.post(
            _areas(world), json={"code": "x", "names": {"en": "X"}}, headers=actor.headers
        )
        assert created.status_code == 403
        patched = client.patch(
            url, json={"names": {"en": "X"}}, headers=actor.headers | {"If-Match": '"1"'}
        )
        assert patched.status_code == 403
        assert client.delete(url, headers=actor.headers | {"If-Match": '"1"'}).status_code == 403


def test_another_networks_areas_are_not_found(client: TestClient, world: World) -> None:
    area = _add(client, world, "old-town", "Old Town")
    other = world.other_coordinator.headers
    url = f"{_areas(world)}/{area['id']}"
    assert client.get(url, headers=other).status_code == 404
    b_url = f"/api/v1/networks/{world.b.slug}/areas/{area['id']}"
    assert client.get(b_url, headers=other).status_code == 404
    assert (
        client.patch(
            b_url, json={"names": {"en": "Mine"}}, headers=other | {"If-Match": '"1"'}
        ).status_code
        == 404
    )
    assert client.delete(b_url, headers=other | {"If-Match": '"1"'}).status_code == 404
    # Nor can B nest its area under A's.
    nested = client.post(
        f"/api/v1/networks/{world.b.slug}/areas",
        json={"code": "inside", "names": {"en": "Inside"}, "parent_id": area["id"]},
        headers=other,
    )
    assert nested.status_code == 409
    assert nested.json()["errors"][0]["field"] == "body.parent_id"


def test_an_area_cannot_end_up_inside_itself(client: TestClient, world: World) -> None:
    areas = _region_with_districts(client, world)
    region, north = areas["region"], areas["north"]
    block = _add(client, world, "north-block", "North Block", parent=north)
    for new_parent in (region, north, block):
        response = client.patch(
            f"{_areas(world)}/{region['id']}",
            json={"parent_id": new_parent["id"]},
            headers=world.coordinator.headers | {"If-Match": '"1"'},
        )
        assert response.status_code == 409, new_parent["code"]
        assert response.json()["errors"][0]["field"] == "body.parent_id"
    assert (
        client.get(f"{_areas(world)}/{region['id']}", headers=world.viewer.headers).json()[
            "parent_id"
        ]
        is None
    )


def test_two_moves_at_once_never_close_a_cycle(client: TestClient, world: World) -> None:
    """A under B and B under A, sent together: one wins, the other is refused (409), and
    the gazetteer stays a tree (checked again after each move, never from stale reads)."""
    for attempt in range(5):
        first = _add(client, world, f"east-{attempt}", f"East {attempt}")
        second = _add(client, world, f"west-{attempt}", f"West {attempt}")
        moves = [
            partial(
                client.patch,
                f"{_areas(world)}/{area['id']}",
                json={"parent_id": parent["id"]},
                headers=world.coordinator.headers | {"If-Match": '"1"'},
            )
            for area, parent in ((first, second), (second, first))
        ]
        answers = at_once(*moves)
        assert sorted(a.status_code for a in answers) == [200, 409], attempt
        tree = client.get(f"{_areas(world)}/tree", headers=world.viewer.headers).json()
        codes = [area["code"] for area in tree]
        assert {f"east-{attempt}", f"west-{attempt}"} <= set(codes)


def test_the_tree_lists_each_parent_before_its_sub_areas(client: TestClient, world: World) -> None:
    areas = _region_with_districts(client, world)
    _add(client, world, "north-block", "North Block", parent=areas["north"])
    _add(client, world, "hill-villages", "Hill Villages")
    tree = client.get(f"{_areas(world)}/tree", headers=world.viewer.headers).json()
    assert [a["code"] for a in tree] == [
        "hill-villages",
        "riverside",
        "north-district",
        "north-block",
        "south-district",
    ]


def test_search_finds_an_area_by_its_name_in_any_language_or_its_code(
    client: TestClient, world: World
) -> None:
    _region_with_districts(client, world)
    headers = world.viewer.headers

    def found(q: str) -> list[str]:
        response = client.get(_areas(world), params={"q": q}, headers=headers)
        assert response.status_code == 200
        return [a["code"] for a in response.json()["items"]]

    assert found("North") == ["north-district"]
    assert found("nord") == ["north-district"]  # French
    assert found("distrito norte") == ["north-district"]  # Spanish
    assert found("comté") == ["riverside"]
    assert found("COMTE") == ["riverside"]  # accents and case ignored
    assert found("south-dis") == ["south-district"]  # the code
    assert found("nowhere") == []
    region = found("riverside")
    assert region == ["riverside"]
    sub = client.get(
        _areas(world),
        params={
            "parent_id": client.get(_areas(world), params={"q": "County"}, headers=headers).json()[
                "items"
            ][0]["id"]
        },
        headers=headers,
    ).json()["items"]
    assert [a["code"] for a in sub] == ["north-district", "south-district"]


def test_an_area_in_use_or_with_sub_areas_is_not_deleted(client: TestClient, world: World) -> None:
    areas = _region_with_districts(client, world)
    headers = world.coordinator.headers
    refused = client.delete(
        f"{_areas(world)}/{areas['region']['id']}", headers=headers | {"If-Match": '"1"'}
    )
    assert refused.status_code == 409 and "sub-area" in refused.json()["detail"]

    partner = client.patch(
        f"/api/v1/networks/{world.a.slug}/partners/{world.a_partner['id']}",
        json={"areas": ["south-district"]},
        headers=headers | {"If-Match": f'"{world.a_partner["version"]}"'},
    )
    assert partner.status_code == 200, partner.text
    in_use = client.delete(
        f"{_areas(world)}/{areas['south']['id']}", headers=headers | {"If-Match": '"1"'}
    )
    assert in_use.status_code == 409 and "partner" in in_use.json()["detail"]


def _partner_codes(client: TestClient, world: World, area: str) -> set[str]:
    response = client.get(
        f"/api/v1/networks/{world.a.slug}/partners",
        params={"area": area},
        headers=world.viewer.headers,
    )
    assert response.status_code == 200, response.text
    return {p["name"] for p in response.json()["items"]}


def test_filtering_partners_services_and_coverage_by_a_region_finds_its_districts(
    client: TestClient, world: World
) -> None:
    _region_with_districts(client, world)
    headers = world.coordinator.headers
    for partner, areas in (
        (world.a_partner, ["north-district"]),
        (world.a_other_partner, ["riverside"]),
    ):
        response = client.patch(
            f"/api/v1/networks/{world.a.slug}/partners/{partner['id']}",
            json={"areas": areas},
            headers=headers | {"If-Match": f'"{partner["version"]}"'},
        )
        assert response.status_code == 200, response.text
    assert _partner_codes(client, world, "riverside") == {"Riverside Shelter", "Central Police"}
    assert _partner_codes(client, world, "north-district") == {"Riverside Shelter"}
    assert _partner_codes(client, world, "south-district") == set()
    coverage = client.get(
        f"/api/v1/networks/{world.a.slug}/coverage",
        params={"area": "riverside"},
        headers=world.viewer.headers,
    )
    assert coverage.status_code == 200, coverage.text
    assert {p["name"] for p in coverage.json()["partners"]} == {
        "Riverside Shelter",
        "Central Police",
    }

    services = f"/api/v1/networks/{world.a.slug}/services"
    for name, area in (("North refuge", "north-district"), ("Free-coded clinic", "elsewhere")):
        created = client.post(
            services,
            json={
                "partner_id": world.a_partner["id"],
                "type": "shelter",
                "name": name,
                "areas": [area],
            },
            headers=headers,
        )
        assert created.status_code == 201, created.text

    def service_names(area: str) -> set[str]:
        response = client.get(services, params={"area": area}, headers=world.viewer.headers)
        assert response.status_code == 200
        return {s["name"] for s in response.json()["items"]}

    assert service_names("riverside") == {"North refuge"}
    assert service_names("north-district") == {"North refuge"}
    # A free code outside the gazetteer keeps working as before.
    assert service_names("elsewhere") == {"Free-coded clinic"}


def test_a_regions_total_counts_each_partner_once_and_only_in_its_network(
    client: TestClient, world: World
) -> None:
    """A list filtered by areas alone is counted from the partners' labels: a partner in
    the region and one of its districts counts once, another network's partner with the
    same area code not at all, and a partner moved out of the region leaves the total."""
    _region_with_districts(client, world)

    def patch(network: str, partner: dict[str, Any], actor: Actor, areas: list[str]) -> None:
        current = client.get(
            f"/api/v1/networks/{network}/partners/{partner['id']}", headers=actor.headers
        ).json()
        response = client.patch(
            f"/api/v1/networks/{network}/partners/{partner['id']}",
            json={"areas": areas},
            headers=actor.headers | {"If-Match": f'"{current["version"]}"'},
        )
        assert response.status_code == 200, response.text

    patch(world.a.slug, world.a_partner, world.coordinator, ["riverside", "north-district"])
    patch(world.a.slug, world.a_other_partner, world.coordinator, ["south-district"])
    patch(world.b.slug, world.b_partner, world.other_coordinator, ["riverside"])

    def total(area: str) -> int:
        response = client.get(
            f"/api/v1/networks/{world.a.slug}/partners",
            params={"area": area, "limit": 1},
            headers=world.viewer.headers,
        )
        assert response.status_code == 200, response.text
        return int(response.json()["total"])

    assert total("riverside") == 2
    assert total("north-district") == 1
    patch(world.a.slug, world.a_other_partner, world.coordinator, ["elsewhere"])
    assert total("riverside") == 1
    assert total("elsewhere") == 1
