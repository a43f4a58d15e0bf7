"""The partner directory: listing, filters, pagination, create, read, update, delete, audit."""

import uuid
from datetime import datetime
from functools import partial
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.core.vocabulary import MembershipRole
from tests.conftest import Actor, Factory, World, at_once, partner_body

PARTNERS = "/api/v1/networks/network-a/partners"
# conftest runs on SQLite unless ACCORD_TEST_DATABASE_URL names a PostgreSQL server.


def url(partner_id: str | uuid.UUID | None = None, slug: str = "network-a") -> str:
    base = f"/api/v1/networks/{slug}/partners"
    return base if partner_id is None else f"{base}/{partner_id}"


def with_headers(actor: Actor, **extra: str) -> dict[str, str]:
    return {**actor.headers, **extra}


def create(
    client: TestClient, actor: Actor, slug: str = "network-a", **fields: Any
) -> dict[str, Any]:
    response = client.post(url(slug=slug), json=partner_body(**fields), headers=actor.headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def names(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json()["items"]]


def assert_problem(response: Any, status: int, type_suffix: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] and body["title"]
    if type_suffix:
        assert body["type"].endswith(type_suffix)
    return body


def fields_of(problem: dict[str, Any]) -> set[str]:
    return {error["field"] for error in problem.get("errors") or []}


def audit_events(client: TestClient, actor: Actor, **filters: str) -> list[dict[str, Any]]:
    response = client.get("/api/v1/networks/network-a/audit", params=filters, headers=actor.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


# --- who may read ------------------------------------------------------------------------


def test_list_returns_a_page_of_the_networks_partners_sorted_by_name(
    client: TestClient, world: World
) -> None:
    response = client.get(PARTNERS, headers=world.coordinator.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"items", "next_cursor", "total"}
    assert body["total"] == 2
    assert [p["name"] for p in body["items"]] == ["Central Police", "Riverside Shelter"]
    assert body["next_cursor"] is None
    assert body["items"][1]["id"] == world.a_partner["id"]


def test_every_member_role_can_read_the_directory(client: TestClient, world: World) -> None:
    for actor in (world.coordinator, world.editor, world.viewer):
        assert names(client.get(PARTNERS, headers=actor.headers)) == [
            "Central Police",
            "Riverside Shelter",
        ]
        one = client.get(url(world.a_other_partner["id"]), headers=actor.headers)
        assert one.status_code == 200, one.text
        assert one.json()["name"] == "Central Police"


def test_each_network_lists_only_its_own_partners(client: TestClient, world: World) -> None:
    response = client.get(url(slug="network-b"), headers=world.other_coordinator.headers)
    assert names(response) == ["Hillside Clinic"]


def test_a_non_member_sees_the_network_as_nonexistent(client: TestClient, world: World) -> None:
    outsider = world.other_coordinator
    assert_problem(client.get(PARTNERS, headers=outsider.headers), 404)
    assert_problem(client.get(url(world.a_partner["id"]), headers=outsider.headers), 404)
    assert_problem(client.post(PARTNERS, json=partner_body(), headers=outsider.headers), 404)


def test_a_platform_admin_who_is_not_a_member_cannot_use_the_directory(
    client: TestClient, world: World
) -> None:
    assert_problem(client.get(PARTNERS, headers=world.admin.headers), 403)
    assert_problem(client.post(PARTNERS, json=partner_body(), headers=world.admin.headers), 403)


def test_requests_without_a_token_answer_401(client: TestClient, world: World) -> None:
    assert_problem(client.get(PARTNERS), 401)
    assert_problem(client.post(PARTNERS, json=partner_body()), 401)


def test_a_partner_of_another_network_answers_404(client: TestClient, world: World) -> None:
    b_id = world.b_partner["id"]
    headers = with_headers(world.coordinator, **{"If-Match": '"1"'})
    assert_problem(client.get(url(b_id), headers=world.coordinator.headers), 404)
    assert_problem(client.patch(url(b_id), json={"acronym": "X"}, headers=headers), 404)
    assert_problem(client.delete(url(b_id), headers=headers), 404)
    # and it is untouched
    still = client.get(url(b_id, slug="network-b"), headers=world.other_coordinator.headers)
    assert still.status_code == 200
    assert still.json()["acronym"] is None


def test_an_unknown_partner_answers_404_problem_details(client: TestClient, world: World) -> None:
    problem = assert_problem(
        client.get(url(uuid.uuid4()), headers=world.coordinator.headers), 404, "not-found"
    )
    assert problem["title"] == "Not found"


def test_a_malformed_partner_id_answers_422(client: TestClient, world: World) -> None:
    problem = assert_problem(client.get(url("not-a-uuid"), headers=world.coordinator.headers), 422)
    assert "path.partner_id" in fields_of(problem)


# --- filters -----------------------------------------------------------------------------


@pytest.fixture
def directory(client: TestClient, world: World) -> World:
    """Network A with five more partners of varied attributes."""
    c = world.coordinator
    create(
        client,
        c,
        name="Lakeside Women's Aid",
        acronym="LWA",
        sector="specialist_ngo",
        level="sub_national",
        stage="active",
        populations=["rural", "disabled"],
        languages=["en", "fr"],
        areas=["north"],
        tags=["shelter", "helpline"],
        description="Runs the 24-hour helpline.",
    )
    create(
        client,
        c,
        name="City Hospital",
        sector="health",
        level="local",
        stage="met",
        populations=["migrant"],
        languages=["es"],
        areas=["south"],
        tags=["clinic"],
    )
    create(
        client,
        c,
        name="Ministry of Justice",
        sector="justice",
        level="national",
        stage="approached",
        languages=["fr"],
        areas=["north", "south"],
    )
    create(
        client,
        c,
        name="100% Women",
        sector="community_group",
        stage="roundtable",
        tags=["grassroots"],
    )
    create(client, c, name="Youth_Net", sector="youth_services", stage="dormant")
    return world


def listed(client: TestClient, world: World, params: Any) -> list[str]:
    return names(client.get(PARTNERS, params=params, headers=world.viewer.headers))


def test_filter_by_sector_matches_any_of_the_repeated_values(
    client: TestClient, directory: World
) -> None:
    assert listed(client, directory, {"sector": "health"}) == ["City Hospital"]
    assert listed(client, directory, [("sector", "health"), ("sector", "police")]) == [
        "Central Police",
        "City Hospital",
    ]


def test_filter_by_level_and_stage(client: TestClient, directory: World) -> None:
    assert listed(client, directory, {"level": "national"}) == ["Ministry of Justice"]
    assert listed(client, directory, [("stage", "met"), ("stage", "active")]) == [
        "City Hospital",
        "Lakeside Women's Aid",
    ]


def test_filter_by_population_language_area_and_tag(client: TestClient, directory: World) -> None:
    assert listed(client, directory, [("population", "migrant"), ("population", "disabled")]) == [
        "City Hospital",
        "Lakeside Women's Aid",
    ]
    assert listed(client, directory, {"language": "fr"}) == [
        "Lakeside Women's Aid",
        "Ministry of Justice",
    ]
    assert listed(client, directory, {"area": "south"}) == ["City Hospital", "Ministry of Justice"]
    assert listed(client, directory, [("tag", "clinic"), ("tag", "grassroots")]) == [
        "100% Women",
        "City Hospital",
    ]


def test_filters_of_different_kinds_must_all_match(client: TestClient, directory: World) -> None:
    assert listed(client, directory, {"area": "north", "language": "en"}) == [
        "Lakeside Women's Aid"
    ]
    assert listed(client, directory, {"sector": "health", "area": "north"}) == []


def test_lists_of_one_shape_answer_each_with_its_own_values(
    client: TestClient, directory: World
) -> None:
    # The statements of a list's shape are built once and reused with other values: each
    # ask must still get its own rows, total and cursors.
    def page(params: Any) -> dict[str, Any]:
        response = client.get(PARTNERS, params=params, headers=directory.viewer.headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    for area, expected in (("north", 2), ("south", 2), ("nowhere", 0)):
        assert page({"area": area})["total"] == expected
    first = page({"area": "north", "limit": 1})
    second = page({"area": "north", "limit": 1, "cursor": first["next_cursor"]})
    assert [first["total"], second["total"]] == [2, 2]
    assert [item["name"] for item in first["items"] + second["items"]] == [
        "Lakeside Women's Aid",
        "Ministry of Justice",
    ]
    assert second["next_cursor"] is None
    south = page({"area": "south", "limit": 1})
    assert [item["name"] for item in south["items"]] == ["City Hospital"]
    b = directory.other_coordinator
    create(client, b, slug="network-b", name="Northern Refuge", areas=["north"])
    in_b = client.get(url(slug="network-b"), params={"area": "north"}, headers=b.headers)
    assert (in_b.json()["total"], names(in_b)) == (1, ["Northern Refuge"])
    assert page({"area": "north"})["total"] == 2


def test_q_searches_name_acronym_and_description_ignoring_case(
    client: TestClient, directory: World
) -> None:
    assert listed(client, directory, {"q": "HOSPITAL"}) == ["City Hospital"]
    assert listed(client, directory, {"q": "lwa"}) == ["Lakeside Women's Aid"]
    assert listed(client, directory, {"q": "24-hour"}) == ["Lakeside Women's Aid"]
    assert listed(client, directory, {"q": "women"}) == ["100% Women", "Lakeside Women's Aid"]
    assert listed(client, directory, {"q": "   "}) == listed(client, directory, {})


def test_q_treats_percent_and_underscore_literally(client: TestClient, directory: World) -> None:
    assert listed(client, directory, {"q": "%"}) == ["100% Women"]
    assert listed(client, directory, {"q": "_"}) == ["Youth_Net"]
    assert listed(client, directory, {"q": "TH_n"}) == ["Youth_Net"]
    assert listed(client, directory, {"q": "y_uth"}) == []  # "_" is not a wildcard
    assert listed(client, directory, {"q": "100%"}) == ["100% Women"]
    assert listed(client, directory, {"q": "1%0"}) == []


def test_q_ignores_the_case_of_accented_letters(client: TestClient, world: World) -> None:
    create(client, world.coordinator, name="Éclair Ünion")
    assert listed(client, world, {"q": "éclair"}) == ["Éclair Ünion"]
    assert listed(client, world, {"q": "ÜNION"}) == ["Éclair Ünion"]


def test_q_ignores_accents_both_ways(client: TestClient, world: World) -> None:
    """People type without accents, or with them where the name has none."""
    create(client, world.coordinator, name="Asociación Mujeres del Río", acronym="AMR")
    create(client, world.coordinator, name="Centre Medical", description="Santé des femmes")
    assert listed(client, world, {"q": "Asociacion"}) == ["Asociación Mujeres del Río"]
    assert listed(client, world, {"q": "RIO"}) == ["Asociación Mujeres del Río"]
    assert listed(client, world, {"q": "médical"}) == ["Centre Medical"]
    assert listed(client, world, {"q": "sante"}) == ["Centre Medical"]


def test_names_sort_as_people_read_them_accents_ignored(client: TestClient, world: World) -> None:
    mine = ("Zeta House", "Édith Centre", "Eagle Trust", "Faro Network")
    for name in mine:
        create(client, world.coordinator, name=name)
    in_order = [name for name in listed(client, world, {"limit": 100}) if name in mine]
    assert in_order == ["Eagle Trust", "Édith Centre", "Faro Network", "Zeta House"]


def test_a_renamed_partner_is_found_by_its_new_name(client: TestClient, world: World) -> None:
    partner = create(client, world.coordinator, name="Old Name Trust")
    response = client.patch(
        url(partner["id"]),
        json={"name": "Fundación Nueva"},
        headers=with_headers(world.coordinator, **{"If-Match": f'"{partner["version"]}"'}),
    )
    assert response.status_code == 200, response.text
    assert listed(client, world, {"q": "fundacion"}) == ["Fundación Nueva"]
    assert listed(client, world, {"q": "old name"}) == []


def test_the_language_filter_ignores_the_case_of_the_tag(client: TestClient, world: World) -> None:
    create(client, world.coordinator, name="British Council", languages=["en-GB"])
    for spelling in ("en-GB", "en-gb", "EN-GB"):
        assert listed(client, world, {"language": spelling}) == ["British Council"], spelling


def test_an_unknown_filter_value_answers_422(client: TestClient, world: World) -> None:
    for params in ({"sector": "bakery"}, {"stage": "finished"}, {"population": "x"}):
        problem = assert_problem(
            client.get(PARTNERS, params=params, headers=world.coordinator.headers), 422
        )
        field = f"query.{next(iter(params))}"
        assert all(f == field or f.startswith(field + ".") for f in fields_of(problem)), problem


# --- pagination --------------------------------------------------------------------------


def test_limit_must_be_between_1_and_200(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    for bad in (0, 201, -1):
        problem = assert_problem(client.get(PARTNERS, params={"limit": bad}, headers=headers), 422)
        assert "query.limit" in fields_of(problem)
    assert len(names(client.get(PARTNERS, params={"limit": 200}, headers=headers))) == 2
    page = client.get(PARTNERS, params={"limit": 1}, headers=headers).json()
    assert [p["name"] for p in page["items"]] == ["Central Police"]
    assert page["next_cursor"]


def test_an_invalid_cursor_answers_400_on_the_cursor(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    for cursor in ("garbage", "!!!", "eyJzIjoibmFtZSJ9"):  # the last is {"s":"name"}
        problem = assert_problem(
            client.get(PARTNERS, params={"cursor": cursor}, headers=headers), 400
        )
        assert problem["errors"][0]["field"] == "query.cursor"


def test_a_cursor_of_another_sort_order_answers_400(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    cursor = client.get(PARTNERS, params={"limit": 1, "sort": "name"}, headers=headers).json()[
        "next_cursor"
    ]
    assert cursor
    problem = assert_problem(
        client.get(PARTNERS, params={"cursor": cursor, "sort": "stage"}, headers=headers), 400
    )
    assert problem["errors"][0]["field"] == "query.cursor"


def test_an_unknown_sort_answers_422(client: TestClient, world: World) -> None:
    problem = assert_problem(
        client.get(PARTNERS, params={"sort": "sector"}, headers=world.coordinator.headers), 422
    )
    assert fields_of(problem) == {"query.sort"}


# Seven partners in a network of their own; two share a stage so the name breaks the tie.
PAGED = [
    ("Delta Trust", "active"),
    ("Alpha House", "met"),
    ("Golf Centre", "identified"),
    ("Bravo Clinic", "withdrawn"),
    ("Foxtrot Forum", "met"),
    ("Echo Police", "agreement_signed"),
    ("Charlie Court", "approached"),
]
STAGE_RANK = [
    "identified", "approached", "met", "roundtable", "agreement_drafting",
    "agreement_signed", "active", "dormant", "withdrawn",
]  # fmt: skip


@pytest.fixture
def paged_network(client: TestClient, make: Factory) -> Actor:
    network = make.network("network-p", "Paged")
    coordinator = make.user(name="Paula Pager")
    make.member(network, coordinator, MembershipRole.coordinator)
    for name, stage in PAGED:
        create(client, coordinator, slug="network-p", name=name, stage=stage)
    return coordinator


def walk(client: TestClient, actor: Actor, sort: str, limit: int = 3) -> list[list[dict[str, Any]]]:
    pages: list[list[dict[str, Any]]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"sort": sort, "limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = client.get(url(slug="network-p"), params=params, headers=actor.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        pages.append(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 10, "pagination does not end"


def test_walking_every_page_returns_each_partner_once_in_order(
    client: TestClient, paged_network: Actor
) -> None:
    by_name = sorted(name for name, _ in PAGED)
    by_stage = [n for n, _ in sorted(PAGED, key=lambda p: (STAGE_RANK.index(p[1]), p[0]))]
    expectations = {"name": by_name, "-name": list(reversed(by_name)), "stage": by_stage}
    for sort, expected in expectations.items():
        pages = walk(client, paged_network, sort)
        assert [len(page) for page in pages] == [3, 3, 1], sort
        walked = [p["name"] for page in pages for p in page]
        assert walked == expected, sort
        assert len({p["id"] for page in pages for p in page}) == len(PAGED), sort


def test_sort_by_name_ignores_letter_case(client: TestClient, world: World) -> None:
    create(client, world.coordinator, name="mothers2mothers")
    create(client, world.coordinator, name="Zenith Trust")
    assert listed(client, world, {"sort": "name"}) == [
        "Central Police",
        "mothers2mothers",
        "Riverside Shelter",
        "Zenith Trust",
    ]


def test_sort_by_stage_descending_puts_later_stages_first(
    client: TestClient, paged_network: Actor
) -> None:
    pages = walk(client, paged_network, "-stage")
    stages = [p["stage"] for page in pages for p in page]
    assert len(stages) == len(PAGED)
    assert stages == sorted(stages, key=STAGE_RANK.index, reverse=True)
    assert stages[0] == "withdrawn" and stages[-1] == "identified"


def test_sort_by_updated_at_follows_the_last_change(
    client: TestClient, paged_network: Actor
) -> None:
    first = client.get(
        url(slug="network-p"),
        params={"sort": "updated_at", "limit": 1},
        headers=paged_network.headers,
    ).json()["items"][0]
    assert first["name"] == PAGED[0][0]  # created first
    patched = client.patch(
        url(first["id"], slug="network-p"),
        json={"acronym": "DT"},
        headers=with_headers(paged_network, **{"If-Match": '"1"'}),
    )
    assert patched.status_code == 200, patched.text
    ascending = [p["name"] for page in walk(client, paged_network, "updated_at") for p in page]
    descending = [p["name"] for page in walk(client, paged_network, "-updated_at") for p in page]
    assert ascending == [name for name, _ in PAGED[1:]] + ["Delta Trust"]
    assert descending == list(reversed(ascending))


def test_the_default_page_holds_50_partners(client: TestClient, world: World) -> None:
    for index in range(49):
        create(client, world.coordinator, name=f"Bulk {index:02d}")
    first = client.get(PARTNERS, headers=world.coordinator.headers).json()
    assert len(first["items"]) == 50
    assert first["next_cursor"]
    rest = client.get(
        PARTNERS, params={"cursor": first["next_cursor"]}, headers=world.coordinator.headers
    ).json()
    assert [p["name"] for p in rest["items"]] == ["Riverside Shelter"]
    assert rest["next_cursor"] is None


# --- create ------------------------------------------------------------------------------


def test_a_coordinator_creates_a_partner_with_etag_and_location(
    client: TestClient, world: World
) -> None:
    body = {
        "name": "Northside Legal Aid",
        "acronym": "NLA",
        "description": "Free legal advice.",
        "website": "https://legal.example.org/",
        "sector": "justice",
        "level": "regional",
        "stage": "approached",
        "populations": ["refugee"],
        "languages": ["en", "ar"],
        "areas": ["north"],
        "tags": ["legal"],
    }
    response = client.post(PARTNERS, json=body, headers=world.coordinator.headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"] == url(created["id"])
    for field, value in body.items():
        assert created[field] == value, field
    assert created["version"] == 1
    assert created["assessment"]["influence"] is None
    fetched = client.get(response.headers["Location"], headers=world.viewer.headers)
    assert fetched.status_code == 200
    assert fetched.json() == {**created, "assessment": None}  # a viewer's copy


def test_a_new_partner_gets_defaults_for_level_and_stage(client: TestClient, world: World) -> None:
    response = client.post(
        PARTNERS, json={"name": "Plain", "sector": "media"}, headers=world.coordinator.headers
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert (created["level"], created["stage"]) == ("local", "identified")
    assert created["populations"] == created["languages"] == created["areas"] == []


def test_partner_editors_and_viewers_cannot_create_partners(
    client: TestClient, world: World
) -> None:
    for actor in (world.editor, world.viewer):
        assert_problem(client.post(PARTNERS, json=partner_body(), headers=actor.headers), 403)
    assert names(client.get(PARTNERS, headers=world.coordinator.headers)) == [
        "Central Police",
        "Riverside Shelter",
    ]


def test_a_duplicate_name_ignoring_case_answers_409(client: TestClient, world: World) -> None:
    for name in ("Riverside Shelter", "riverside SHELTER", "RIVERSIDE shelter"):
        response = client.post(
            PARTNERS, json=partner_body(name=name), headers=world.coordinator.headers
        )
        problem = assert_problem(response, 409)
        assert fields_of(problem) == {"body.name"}, name
    assert names(client.get(PARTNERS, headers=world.coordinator.headers)) == [
        "Central Police",
        "Riverside Shelter",
    ]


def test_the_same_name_sent_at_once_in_different_cases_is_added_once(
    client: TestClient, world: World
) -> None:
    """Six coordinators' tools add the same organisation at the same moment: one is added,
    the others are told it exists (the database decides, not a check made beforehand)."""
    variants = ["Harbour Clinic", "harbour clinic", "HARBOUR CLINIC", "Harbour clinic"] * 2
    audited_before = audit_events(client, world.coordinator, action="partner.create")
    post = partial(client.post, PARTNERS, headers=world.coordinator.headers)
    responses = at_once(*(partial(post, json=partner_body(name=name)) for name in variants[:6]))
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201, 409, 409, 409, 409, 409], [r.text for r in responses]
    for response in responses:
        if response.status_code == 409:
            assert fields_of(assert_problem(response, 409)) == {"body.name"}
    listed = client.get(PARTNERS, params={"q": "harbour"}, headers=world.coordinator.headers)
    assert len(names(listed)) == 1
    # Nothing of the refused ones was kept: one more creation in the trail, not six.
    audited = audit_events(client, world.coordinator, action="partner.create")
    assert len(audited) == len(audited_before) + 1


def test_a_duplicate_name_differing_in_accented_case_answers_409(
    client: TestClient, world: World
) -> None:
    create(client, world.coordinator, name="Éclair Ünion")
    response = client.post(
        PARTNERS, json=partner_body(name="éclair ünion"), headers=world.coordinator.headers
    )
    assert fields_of(assert_problem(response, 409)) == {"body.name"}


def test_the_same_name_is_allowed_in_another_network(client: TestClient, world: World) -> None:
    create(client, world.other_coordinator, slug="network-b", name="Riverside Shelter")


INVALID_CREATE_CASES: list[tuple[dict[str, Any], str]] = [
    ({"colour": "blue"}, "body.colour"),
    ({"name": "Bad\u0000Name"}, "body.name"),
    ({"description": "nul \u0000 inside"}, "body.description"),
    ({"tags": ["ok", "bad\u0000"]}, "body.tags"),
    ({"languages": ["english!"]}, "body.languages.0"),
    ({"website": "ftp://files.example.org"}, "body.website"),
    ({"website": "javascript:alert(1)"}, "body.website"),
    ({"website": "not a url"}, "body.website"),
    ({"sector": "bakery"}, "body.sector"),
    ({"stage": "finished"}, "body.stage"),
    ({"populations": ["martians"]}, "body.populations.0"),
    ({"name": ""}, "body.name"),
    ({"name": "x" * 201}, "body.name"),
]


def test_invalid_partner_bodies_answer_422_naming_the_field(
    client: TestClient, world: World
) -> None:
    for overrides, field in INVALID_CREATE_CASES:
        response = client.post(
            PARTNERS, json=partner_body(**overrides), headers=world.coordinator.headers
        )
        problem = assert_problem(response, 422, "validation-error")
        assert any(f == field or f.startswith(field + ".") for f in fields_of(problem)), (
            overrides,
            problem,
        )
    assert names(client.get(PARTNERS, headers=world.coordinator.headers)) == [
        "Central Police",
        "Riverside Shelter",
    ]


def test_name_and_sector_are_required(client: TestClient, world: World) -> None:
    problem = assert_problem(
        client.post(PARTNERS, json={"acronym": "X"}, headers=world.coordinator.headers), 422
    )
    assert {"body.name", "body.sector"} <= fields_of(problem)


def test_a_body_that_is_not_json_answers_a_client_error(client: TestClient, world: World) -> None:
    response = client.post(
        PARTNERS,
        content=b"{not json",
        headers=with_headers(world.coordinator, **{"Content-Type": "application/json"}),
    )
    assert response.status_code in (400, 422), response.text
    assert response.headers["content-type"].startswith("application/problem+json")


def test_multi_valued_fields_drop_repeats_and_keep_order(client: TestClient, world: World) -> None:
    created = create(
        client,
        world.coordinator,
        populations=["rural", "migrant", "rural"],
        languages=["fr", "en", "fr"],
        areas=["south", "north", "south"],
        tags=["b", "a", "b", "c"],
    )
    assert created["populations"] == ["rural", "migrant"]
    assert created["languages"] == ["fr", "en"]
    assert created["areas"] == ["south", "north"]
    assert created["tags"] == ["b", "a", "c"]
    again = client.get(url(created["id"]), headers=world.coordinator.headers).json()
    assert again["tags"] == ["b", "a", "c"]


def test_language_tags_are_stored_in_canonical_form(client: TestClient, world: World) -> None:
    created = create(client, world.coordinator, languages=["EN-gb", "sr-latn"])
    assert created["languages"] == ["en-GB", "sr-Latn"]


def test_an_idempotency_key_replays_the_first_creation(client: TestClient, world: World) -> None:
    headers = with_headers(world.coordinator, **{"Idempotency-Key": "create-northside-1"})
    body = partner_body(name="Northside")
    first = client.post(PARTNERS, json=body, headers=headers)
    second = client.post(PARTNERS, json=body, headers=headers)
    assert first.status_code == second.status_code == 201, second.text
    assert second.json()["id"] == first.json()["id"]
    assert second.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.headers["Location"] == first.headers["Location"]
    listed_names = names(
        client.get(PARTNERS, params={"q": "Northside"}, headers=world.coordinator.headers)
    )
    assert listed_names == ["Northside"]


def test_an_idempotency_key_reused_with_another_body_answers_409(
    client: TestClient, world: World
) -> None:
    headers = with_headers(world.coordinator, **{"Idempotency-Key": "key-42"})
    assert (
        client.post(PARTNERS, json=partner_body(name="First"), headers=headers).status_code == 201
    )
    assert_problem(client.post(PARTNERS, json=partner_body(name="Second"), headers=headers), 409)
    assert (
        names(client.get(PARTNERS, params={"q": "Second"}, headers=world.coordinator.headers)) == []
    )


def test_a_failed_create_can_be_retried_with_the_same_key(client: TestClient, world: World) -> None:
    headers = with_headers(world.coordinator, **{"Idempotency-Key": "retry-me"})
    assert_problem(client.post(PARTNERS, json={"name": "Retry"}, headers=headers), 422)
    retried = client.post(PARTNERS, json={"name": "Retry", "sector": "media"}, headers=headers)
    assert retried.status_code == 201, retried.text
    assert "Idempotent-Replayed" not in retried.headers


# --- read one ----------------------------------------------------------------------------


def test_get_returns_the_version_as_etag_and_304_when_unchanged(
    client: TestClient, world: World
) -> None:
    partner_url = url(world.a_partner["id"])
    response = client.get(partner_url, headers=world.viewer.headers)
    assert response.status_code == 200
    assert response.headers["ETag"] == f'"{response.json()["version"]}"' == '"1"'
    cached = client.get(partner_url, headers=with_headers(world.viewer, **{"If-None-Match": '"1"'}))
    assert cached.status_code == 304
    assert cached.content == b""
    assert cached.headers["ETag"] == '"1"'
    other = client.get(partner_url, headers=with_headers(world.viewer, **{"If-None-Match": '"9"'}))
    assert other.status_code == 200
    assert other.json()["name"] == "Riverside Shelter"


# --- update ------------------------------------------------------------------------------


def patch(
    client: TestClient, actor: Actor, partner_id: str, body: Any, etag: str | None = '"1"'
) -> Any:
    headers = dict(actor.headers)
    if etag is not None:
        headers["If-Match"] = etag
    return client.patch(url(partner_id), json=body, headers=headers)


def test_patch_without_if_match_answers_428(client: TestClient, world: World) -> None:
    assert_problem(
        patch(client, world.coordinator, world.a_partner["id"], {"acronym": "RS"}, etag=None),
        428,
    )
    assert (
        client.get(url(world.a_partner["id"]), headers=world.coordinator.headers).json()["acronym"]
        is None
    )


def test_if_match_star_does_not_pass_the_lost_update_guard(
    client: TestClient, world: World
) -> None:
    """`*` names no version the client read: it is no guard, and answers like no If-Match."""
    pid = world.a_partner["id"]
    assert patch(client, world.coordinator, pid, {"acronym": "RS"}).status_code == 200
    for header in ("*", " * ", "*, *"):
        assert_problem(patch(client, world.coordinator, pid, {"acronym": "XX"}, etag=header), 428)
    deleted = client.delete(url(pid), headers={**world.coordinator.headers, "If-Match": "*"})
    assert_problem(deleted, 428)
    assert client.get(url(pid), headers=world.coordinator.headers).json()["acronym"] == "RS"


def test_patch_with_a_stale_etag_answers_412_with_the_current_etag(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    assert patch(client, world.coordinator, pid, {"acronym": "RS"}).status_code == 200
    stale = patch(client, world.coordinator, pid, {"acronym": "XX"}, etag='"1"')
    assert_problem(stale, 412)
    assert stale.headers["ETag"] == '"2"'
    assert client.get(url(pid), headers=world.coordinator.headers).json()["acronym"] == "RS"


def test_patch_changes_only_the_fields_sent_and_bumps_the_etag(
    client: TestClient, world: World
) -> None:
    created = create(
        client,
        world.coordinator,
        name="Eastside Shelter",
        acronym="ES",
        description="Beds for 20.",
        tags=["shelter"],
        languages=["en"],
    )
    response = patch(
        client, world.coordinator, created["id"], {"description": "Beds for 30.", "tags": ["beds"]}
    )
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    updated = response.json()
    assert updated["version"] == 2
    assert updated["description"] == "Beds for 30."
    assert updated["tags"] == ["beds"]
    unchanged = {
        "name",
        "acronym",
        "sector",
        "level",
        "stage",
        "languages",
        "populations",
        "website",
    }
    for field in unchanged:
        assert updated[field] == created[field], field
    updated_at = datetime.fromisoformat(updated["updated_at"])
    assert updated_at > datetime.fromisoformat(created["updated_at"])
    old_copy = client.get(
        url(created["id"]), headers=with_headers(world.viewer, **{"If-None-Match": '"1"'})
    )
    assert old_copy.status_code == 200
    assert old_copy.headers["ETag"] == '"2"'
    assert client.get(url(created["id"]), headers=world.coordinator.headers).json() == updated


def test_patch_with_null_clears_optional_fields(client: TestClient, world: World) -> None:
    created = create(
        client, world.coordinator, acronym="AB", website="https://ab.example.org/", description="d"
    )
    response = patch(
        client,
        world.coordinator,
        created["id"],
        {"acronym": None, "website": None, "description": ""},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["acronym"], body["website"], body["description"]) == (None, None, None)


INVALID_PATCH_CASES: list[dict[str, Any]] = [
    {"name": None},
    {"sector": None},
    {"tags": None},
    {"name": ""},
    {"stage": "active"},  # the stage moves through POST …/stage only
    {"colour": "blue"},
    {"website": "ftp://x.example.org"},
    {"languages": ["english!"]},
    {"acronym": "a\u0000b"},
]


def test_invalid_patch_bodies_answer_422_and_change_nothing(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    for body in INVALID_PATCH_CASES:
        problem = assert_problem(patch(client, world.coordinator, pid, body), 422)
        field = "body." + next(iter(body))
        assert any(f.startswith(field) for f in fields_of(problem)), (body, problem)
    after = client.get(url(pid), headers=world.coordinator.headers)
    assert after.headers["ETag"] == '"1"'
    assert after.json() == world.a_partner


def test_patch_with_no_real_change_keeps_the_etag(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    response = patch(
        client, world.coordinator, pid, {"name": "Riverside Shelter", "sector": "specialist_ngo"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"1"'
    assert audit_events(client, world.coordinator, object_id=pid, action="partner.update") == []


def test_patch_to_another_partners_name_answers_409(client: TestClient, world: World) -> None:
    problem = assert_problem(
        patch(client, world.coordinator, world.a_partner["id"], {"name": "central police"}), 409
    )
    assert fields_of(problem) == {"body.name"}


def test_a_partner_may_change_the_case_of_its_own_name(client: TestClient, world: World) -> None:
    response = patch(
        client, world.coordinator, world.a_partner["id"], {"name": "RIVERSIDE SHELTER"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "RIVERSIDE SHELTER"


def test_a_partner_editor_may_patch_only_its_own_partner(client: TestClient, world: World) -> None:
    own = patch(client, world.editor, world.a_partner["id"], {"description": "Updated by staff."})
    assert own.status_code == 200, own.text
    assert own.json()["description"] == "Updated by staff."
    assert_problem(patch(client, world.editor, world.a_other_partner["id"], {"acronym": "CP"}), 403)
    other = client.get(url(world.a_other_partner["id"]), headers=world.editor.headers).json()
    assert other["acronym"] is None


def test_a_viewer_cannot_patch(client: TestClient, world: World) -> None:
    assert_problem(patch(client, world.viewer, world.a_partner["id"], {"acronym": "V"}), 403)


# --- delete ------------------------------------------------------------------------------


def delete(client: TestClient, actor: Actor, partner_id: str, etag: str | None = '"1"') -> Any:
    headers = dict(actor.headers)
    if etag is not None:
        headers["If-Match"] = etag
    return client.delete(url(partner_id), headers=headers)


def test_a_coordinator_deletes_a_partner_and_it_is_gone(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]  # it has a partner editor and a contact: both must let go
    contact = client.post(
        f"{url(pid)}/contacts", json={"name": "Ann Staff"}, headers=world.coordinator.headers
    )
    assert contact.status_code == 201, contact.text
    response = delete(client, world.coordinator, pid)
    assert response.status_code == 204, response.text
    assert response.content == b""
    assert_problem(client.get(url(pid), headers=world.coordinator.headers), 404)
    assert_problem(client.get(f"{url(pid)}/contacts", headers=world.coordinator.headers), 404)
    assert names(client.get(PARTNERS, headers=world.coordinator.headers)) == ["Central Police"]
    # the name is free again
    create(client, world.coordinator, name="Riverside Shelter")


def test_delete_requires_a_current_if_match(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    assert_problem(delete(client, world.coordinator, pid, etag=None), 428)
    stale = delete(client, world.coordinator, pid, etag='"7"')
    assert_problem(stale, 412)
    assert stale.headers["ETag"] == '"1"'
    assert client.get(url(pid), headers=world.coordinator.headers).status_code == 200


def test_only_coordinators_delete_partners(client: TestClient, world: World) -> None:
    for actor in (world.editor, world.viewer):
        assert_problem(delete(client, actor, world.a_partner["id"]), 403)
    assert (
        client.get(url(world.a_partner["id"]), headers=world.coordinator.headers).status_code == 200
    )


def test_deleting_an_unknown_partner_answers_404(client: TestClient, world: World) -> None:
    assert_problem(delete(client, world.coordinator, str(uuid.uuid4())), 404)


# --- audit -------------------------------------------------------------------------------


def test_creating_a_partner_is_audited(client: TestClient, world: World) -> None:
    created = create(client, world.coordinator, name="Audited Org", sector="media", tags=["x"])
    events = audit_events(client, world.coordinator, object_type="partner", object_id=created["id"])
    assert [e["action"] for e in events] == ["partner.create"]
    event = events[0]
    assert event["object_id"] == created["id"]
    assert event["actor_name"] == "Cora Coordinator"
    assert event["changes"]["name"] == {"before": None, "after": "Audited Org"}
    assert event["changes"]["sector"] == {"before": None, "after": "media"}
    assert event["changes"]["tags"] == {"before": None, "after": ["x"]}


def test_an_update_is_audited_with_only_the_changed_fields(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    response = patch(
        client, world.editor, pid, {"acronym": "RS", "sector": "specialist_ngo", "tags": ["beds"]}
    )
    assert response.status_code == 200, response.text
    events = audit_events(client, world.coordinator, object_id=pid, action="partner.update")
    assert len(events) == 1
    assert events[0]["actor_name"] == "Edna Editor"
    assert events[0]["changes"] == {
        "acronym": {"before": None, "after": "RS"},
        "tags": {"before": [], "after": ["beds"]},
    }


def test_a_deletion_is_audited(client: TestClient, world: World) -> None:
    pid = world.a_other_partner["id"]
    assert delete(client, world.coordinator, pid).status_code == 204
    events = audit_events(client, world.coordinator, object_id=pid)
    assert [e["action"] for e in events] == ["partner.delete", "partner.create"]
    assert events[0]["changes"]["name"] == {"before": "Central Police", "after": None}


def test_only_coordinators_read_the_audit_trail(client: TestClient, world: World) -> None:
    for actor in (world.viewer, world.editor):
        assert_problem(client.get("/api/v1/networks/network-a/audit", headers=actor.headers), 403)
    assert_problem(
        client.get("/api/v1/networks/network-a/audit", headers=world.other_coordinator.headers), 404
    )


def test_a_page_says_how_many_partners_match_in_all(client: TestClient, directory: World) -> None:
    everyone = client.get(PARTNERS, params={"limit": 2}, headers=directory.viewer.headers).json()
    assert len(everyone["items"]) == 2
    counted = client.get(PARTNERS, params={"limit": 100}, headers=directory.viewer.headers).json()
    assert everyone["total"] == len(counted["items"]) > 2
    second = client.get(
        PARTNERS,
        params={"limit": 2, "cursor": everyone["next_cursor"]},
        headers=directory.viewer.headers,
    ).json()
    assert second["total"] == everyone["total"]
    health = client.get(PARTNERS, params={"sector": "health"}, headers=directory.viewer.headers)
    assert health.json()["total"] == 1
    nothing = client.get(PARTNERS, params={"q": "no such name"}, headers=directory.viewer.headers)
    assert nothing.json()["total"] == 0
    # A label filter is counted another way than the page is found (LabelStore.any_of):
    # the two must agree.
    for params in ({"area": "south"}, {"area": "north", "language": "en"}, {"area": "nowhere"}):
        found = client.get(
            PARTNERS, params=params | {"limit": 100}, headers=directory.viewer.headers
        )
        assert found.json()["total"] == len(found.json()["items"]), params
