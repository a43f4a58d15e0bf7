"""The demo network `make run` loads: big enough to explore, and loading it twice is safe."""

from collections import Counter

from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.demo.loader import DEMO_COORDINATOR, DEMO_EDITOR, DEMO_PASSWORD, load_demo


def _sign_in(client: TestClient, email: str) -> dict[str, str]:
    response = client.post(
        "/api/v1/auth/token", data={"username": email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def test_the_demo_network_loads_once_and_the_coordinator_can_explore_it(
    app: FastAPI, client: TestClient
) -> None:
    first = load_demo(app.state.session_factory)
    second = load_demo(app.state.session_factory)
    assert first.created and not second.created
    assert second.partners == first.partners >= 28

    headers = _sign_in(client, DEMO_COORDINATOR)
    me = client.get("/api/v1/auth/me", headers=headers).json()
    assert [(m["network"], m["role"]) for m in me["memberships"]] == [(first.slug, "coordinator")]

    partners = client.get(
        f"/api/v1/networks/{first.slug}/partners?limit=200", headers=headers
    ).json()
    items = partners["items"]
    assert len(items) == first.partners
    assert len({p["sector"] for p in items}) >= 12
    stages = Counter(p["stage"] for p in items)
    assert len(stages) >= 7
    languages = {lang for p in items for lang in p["languages"]}
    assert {"en", "es"} <= languages

    stakeholder_map = client.get(
        f"/api/v1/networks/{first.slug}/partners/stakeholder-map", headers=headers
    ).json()
    assert len(stakeholder_map["points"]) >= 20

    active = next(p for p in items if p["stage"] == "active")
    history = client.get(
        f"/api/v1/networks/{first.slug}/partners/{active['id']}/stage-history", headers=headers
    ).json()["items"]
    assert history[0]["to_stage"] == "active" and history[-1]["from_stage"] is None


def test_the_demo_partner_editor_edits_their_own_organisation(
    app: FastAPI, client: TestClient
) -> None:
    result = load_demo(app.state.session_factory)
    headers = _sign_in(client, DEMO_EDITOR)
    me = client.get("/api/v1/auth/me", headers=headers).json()
    (membership,) = me["memberships"]
    assert membership["role"] == "partner_editor" and len(membership["partner_ids"]) == 1
    url = f"/api/v1/networks/{result.slug}/partners/{membership['partner_ids'][0]}"
    etag = client.get(url, headers=headers).headers["etag"]
    response = client.patch(url, json={"tags": ["24-7"]}, headers=headers | {"If-Match": etag})
    assert response.status_code == 200


def test_the_demo_coverage_has_commitments_and_gaps_on_purpose(
    app: FastAPI, client: TestClient
) -> None:
    result = load_demo(app.state.session_factory)
    headers = _sign_in(client, DEMO_COORDINATOR)
    base = f"/api/v1/networks/{result.slug}"
    matrix = client.get(f"{base}/coverage", headers=headers).json()
    assert matrix["summary"]["in_place"] >= 10
    assert matrix["summary"]["nobody"] >= 10
    gaps = client.get(f"{base}/coverage/gaps", headers=headers).json()["items"]
    kinds = {gap["kind"] for gap in gaps}
    assert {"role_not_in_place", "active_partner_without_commitment"} <= kinds
    cells = [c for s in matrix["sectors"] for r in s["roles"] for c in r["cells"]]
    assert any(cell["cross_sector"] for cell in cells)
