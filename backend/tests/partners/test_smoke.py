from fastapi.testclient import TestClient

from tests.conftest import World


def test_world_builds(client: TestClient, world: World) -> None:
    response = client.get("/api/v1/networks/network-a/partners", headers=world.coordinator.headers)
    assert response.status_code == 200, response.text
    assert [p["name"] for p in response.json()["items"]] == ["Central Police", "Riverside Shelter"]
