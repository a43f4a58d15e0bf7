"""The route finder and pathway health read areas through the gazetteer: a question about
a region finds the services of its districts, and a region-wide service answers for each
district. The network is the hand-built one of tests/pathways (police desk in `north`,
shelter A in `north`, shelter B in `south`)."""

from typing import Any

from fastapi.testclient import TestClient

from tests.pathways.test_pathways import Net, _findings, _routes, net  # noqa: F401


def _gazetteer(client: TestClient, net: Net) -> None:  # noqa: F811
    headers = net.world.coordinator.headers
    region = client.post(
        net.url("areas"),
        json={"code": "riverside", "names": {"en": "Riverside County", "fr": "Comté de Riverside"}},
        headers=headers,
    ).json()
    for code, name in (("north", "North"), ("south", "South")):
        response = client.post(
            net.url("areas"),
            json={"code": code, "names": {"en": name}, "parent_id": region["id"]},
            headers=headers,
        )
        assert response.status_code == 201, response.text


def _shelters(answer: dict[str, Any]) -> set[str]:
    (need,) = answer["needs"]
    return {route["target"]["service"]["name"] for route in need["routes"]}


def test_a_route_question_about_a_region_finds_its_districts_services(
    client: TestClient,
    net: Net,  # noqa: F811
) -> None:
    question = {
        "entry": {"kind": "service", "id": net.s["police"]["id"]},
        "needs": ["emergency_shelter"],
        "area": "riverside",
    }
    assert _shelters(_routes(client, net, **question)) == set()  # no gazetteer yet
    _gazetteer(client, net)
    assert _shelters(_routes(client, net, **question)) == {"Shelter A", "Shelter B"}
    assert _shelters(_routes(client, net, **question | {"area": "south"})) == {"Shelter B"}


def test_pathway_health_of_a_region_counts_its_districts_and_names_areas(
    client: TestClient,
    net: Net,  # noqa: F811
) -> None:
    def unmet(area: str, **params: Any) -> dict[str, str]:
        return {
            f["need"]: f["reason"]
            for f in _findings(client, net, area=area, **params)
            if f["kind"] == "unmet_need_in_area"
        }

    _gazetteer(client, net)
    region = unmet("riverside", lang="fr")
    # The police desk (north) and both shelters sit in the region's districts.
    assert "police_report" not in region and "emergency_shelter" not in region
    assert region and all("Comté de Riverside" in reason for reason in region.values())
    assert "police_report" in unmet("south")

    # A service covering the whole region answers for each of its districts.
    response = client.post(
        net.url("services"),
        json={
            "partner_id": net.world.a_other_partner["id"],
            "name": "County police",
            "type": "police_response",
            "areas": ["riverside"],
        },
        headers=net.world.coordinator.headers,
    )
    assert response.status_code == 201, response.text
    assert "police_report" not in unmet("south")


def test_route_texts_name_languages_and_areas_while_fields_keep_codes(
    client: TestClient,
    net: Net,  # noqa: F811
) -> None:
    _gazetteer(client, net)
    url = net.url("pathways/routes")
    body = {
        "entry": {"kind": "service", "id": net.s["police"]["id"]},
        "needs": ["emergency_shelter"],
        "language": "es",
        "area": "north",
    }
    for lang, language, area in (
        ("en", "Works in Spanish.", "Serves North."),
        ("fr", "Travaille en espagnol.", "Couvre la zone North."),
        ("es", "Trabaja en español.", "Cubre la zona North."),
    ):
        answer = client.post(
            url, json=body, params={"lang": lang}, headers=net.world.viewer.headers
        )
        assert answer.status_code == 200, answer.text
        fits = answer.json()["needs"][0]["routes"][0]["target"]["fits"]
        by_code = {fit["code"]: fit for fit in fits}
        assert by_code["works_in_language"]["value"] == "es"
        assert by_code["works_in_language"]["text"] == language
        assert by_code["serves_area"]["value"] == "north"
        assert by_code["serves_area"]["text"] == area
