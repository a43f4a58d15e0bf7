"""The demo network names every area it uses, in the three interface languages."""

from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.demo.loader import DEMO_COORDINATOR, DEMO_PASSWORD, load_demo


def test_every_area_the_demo_uses_has_names_and_the_districts_nest(
    app: FastAPI, client: TestClient
) -> None:
    slug = load_demo(app.state.session_factory).slug
    token = client.post(
        "/api/v1/auth/token", data={"username": DEMO_COORDINATOR, "password": DEMO_PASSWORD}
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    base = f"/api/v1/networks/{slug}"
    tree = client.get(f"{base}/areas/tree", headers=headers).json()
    named = {area["code"]: area for area in tree}
    assert all(area["names"]["fr"] and area["names"]["es"] for area in tree)
    used = {
        code
        for path in ("partners", "services")
        for item in client.get(f"{base}/{path}?limit=200", headers=headers).json()["items"]
        for code in item["areas"]
    }
    assert used and used <= set(named)
    assert named["north-district"]["parent_code"] == "greater-riverside"
    # A filter on the city finds the partners of its districts.
    city = client.get(f"{base}/partners?area=greater-riverside&limit=200", headers=headers)
    north = client.get(f"{base}/partners?area=north-district&limit=200", headers=headers)
    assert {p["id"] for p in north.json()["items"]} < {p["id"] for p in city.json()["items"]}
