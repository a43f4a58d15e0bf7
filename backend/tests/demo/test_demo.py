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


def test_the_demo_answers_the_coordinators_question(app: FastAPI, client: TestClient) -> None:
    """Police, Spanish, wheelchair, shelter tonight: one call."""
    result = load_demo(app.state.session_factory)
    headers = _sign_in(client, DEMO_COORDINATOR)
    base = f"/api/v1/networks/{result.slug}"
    police = next(
        s
        for s in client.get(
            f"{base}/services", params={"type": "police_response"}, headers=headers
        ).json()["items"]
    )
    answer = client.post(
        f"{base}/pathways/routes",
        json={
            "entry": {"kind": "service", "id": police["id"]},
            "needs": ["emergency_shelter"],
            "language": "es",
            "needs_24_7": True,
            "needs_wheelchair": True,
        },
        headers=headers,
    ).json()
    route = answer["needs"][0]["routes"][0]
    assert answer["needs"][0]["met"] is True
    assert route["target"]["service"]["type"] in ("shelter", "crisis_centre")
    health = client.get(f"{base}/pathways/health", headers=headers).json()["findings"]
    kinds = {f["kind"] for f in health}
    assert {
        "pathway_to_inactive_service",
        "pathway_review_overdue",
        "unreachable_service",
        "unmet_need_in_area",
    } <= kinds
    refuge = next(
        s
        for s in client.get(f"{base}/services", params={"type": "shelter"}, headers=headers).json()[
            "items"
        ]
    )
    assert refuge["capacity"]["status"] == "accepting"
    viewer = _sign_in(client, "viewer@riverside.example")
    seen = client.get(f"{base}/services/{refuge['id']}", headers=viewer).json()
    assert seen["has_confidential_location"] and all(
        not loc["confidential"] for loc in seen["locations"]
    )
