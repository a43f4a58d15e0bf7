"""Commitments, the coverage matrix and its gaps, on a hand-built network whose right
answers are known."""

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from accord.core.database import transaction
from accord.core.vocabulary import Sector
from accord.networks.revision import mark_written
from accord.partners.models import Partner, PartnerStageChange
from accord.roles.catalogue import ROLES
from accord.roles.models import CommitmentStatusChange
from tests.conftest import World, partner_body


@dataclass
class Scene:
    world: World
    roles: dict[str, dict[str, Any]]  # by code
    police: dict[str, Any]
    shelter: dict[str, Any]
    clinic: dict[str, Any]
    idle: dict[str, Any]
    commitments: dict[str, dict[str, Any]]

    def url(self, path: str) -> str:
        return f"/api/v1/networks/{self.world.a.slug}/{path}"


def _codes(sector: str) -> list[str]:
    return [r["code"] for r in ROLES if r["sector"] == sector]


P1, P2 = _codes("police")[:2]
N1 = _codes("specialist_ngo")[0]
S1 = _codes("social_services")[0]
H1 = _codes("health")[0]


def _partner(client: TestClient, world: World, stage: str, **fields: Any) -> dict[str, Any]:
    response = client.post(
        f"/api/v1/networks/{world.a.slug}/partners",
        json=partner_body(stage=stage, **fields),
        headers=world.coordinator.headers,
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def _commit(
    client: TestClient,
    world: World,
    partner: dict[str, Any],
    role: dict[str, Any],
    status: str,
    **extra: Any,
) -> dict[str, Any]:
    response = client.post(
        f"/api/v1/networks/{world.a.slug}/commitments",
        json={"partner_id": partner["id"], "role_id": role["id"], "status": status, **extra},
        headers=world.coordinator.headers,
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


@pytest.fixture
def scene(client: TestClient, world: World) -> Scene:
    roles = {
        r["code"]: r
        for r in client.get(
            f"/api/v1/networks/{world.a.slug}/roles",
            params={"limit": 200},
            headers=world.coordinator.headers,
        ).json()["items"]
    }
    police = _partner(
        client, world, "active", name="Police DV Unit", sector="police", areas=["north"]
    )
    shelter = _partner(
        client, world, "active", name="Casa Luna", sector="specialist_ngo", areas=["south"]
    )
    clinic = _partner(client, world, "met", name="Hill Clinic", sector="health", areas=["north"])
    idle = _partner(client, world, "active", name="Youth Club", sector="community_group")
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    next_year = (date.today() + timedelta(days=365)).isoformat()
    commitments = {
        "p1": _commit(client, world, police, roles[P1], "in_place", review_date=next_year),
        "p2": _commit(client, world, police, roles[P2], "planned"),
        "n1": _commit(client, world, shelter, roles[N1], "in_place", review_date=yesterday),
        "s1": _commit(client, world, shelter, roles[S1], "in_progress"),
    }
    return Scene(world, roles, police, shelter, clinic, idle, commitments)


def _backdate(app: FastAPI, days: int) -> None:
    """Pretend everything recorded so far happened `days` ago."""
    then = datetime.now(UTC) - timedelta(days=days)
    with transaction(app.state.session_factory) as session:
        mark_written(session, None)  # a bulk update: it writes in every network
        session.execute(update(CommitmentStatusChange).values(changed_at=then))
        session.execute(update(PartnerStageChange).values(changed_at=then))
        session.execute(update(Partner).values(created_at=then))


def _matrix(client: TestClient, scene: Scene, **params: Any) -> dict[str, Any]:
    response = client.get(scene.url("coverage"), params=params, headers=scene.world.viewer.headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _row(matrix: dict[str, Any], code: str) -> dict[str, Any]:
    return next(r for s in matrix["sectors"] for r in s["roles"] if r["code"] == code)


def test_a_commitment_says_when_it_crosses_sectors(scene: Scene) -> None:
    assert scene.commitments["s1"]["cross_sector"] is True
    assert scene.commitments["p1"]["cross_sector"] is False
    assert scene.commitments["n1"]["review_overdue"] is True


def test_the_matrix_shows_every_role_with_its_best_status(client: TestClient, scene: Scene) -> None:
    matrix = _matrix(client, scene)
    assert _row(matrix, P1)["coverage"] == "in_place"
    assert _row(matrix, P2)["coverage"] == "planned"
    assert _row(matrix, H1)["coverage"] is None and _row(matrix, H1)["counts"]["nobody"] == 1
    cells = _row(matrix, S1)["cells"]
    assert [(c["partner_id"], c["status"], c["cross_sector"]) for c in cells] == [
        (scene.shelter["id"], "in_progress", True)
    ]
    police_sector = next(s for s in matrix["sectors"] if s["sector"] == "police")
    assert police_sector["summary"] == {
        "in_place": 1,
        "in_progress": 0,
        "planned": 1,
        "nobody": len(_codes("police")) - 2,
    }
    total = matrix["summary"]
    assert sum(total.values()) == len(ROLES)
    assert (total["in_place"], total["in_progress"], total["planned"]) == (2, 1, 1)
    # Columns are the network's partners, grouped by sector in the vocabulary's order, by name.
    columns = [(p["sector"], p["name"]) for p in matrix["partners"]]
    order = [s.value for s in Sector]
    assert columns == sorted(columns, key=lambda c: (order.index(c[0]), c[1].lower()))
    assert [c[0] for c in columns][:2] == ["health", "police"]


def test_the_filtered_sectors_partners_come_first(client: TestClient, scene: Scene) -> None:
    # The health clinic also takes on a police role: a police matrix shows it, after the
    # police partners, though health comes before police in the vocabulary.
    _commit(client, scene.world, scene.clinic, scene.roles[P1], "planned")
    police = _matrix(client, scene, sector="police")
    assert [(p["sector"], p["name"]) for p in police["partners"]] == [
        ("police", "Central Police"),
        ("police", "Police DV Unit"),
        ("health", "Hill Clinic"),
    ]
    # Two sectors chosen: both first, in the vocabulary's order, whatever order they were asked in.
    both = _matrix(client, scene, sector=["specialist_ngo", "police"])
    groups = list(dict.fromkeys(p["sector"] for p in both["partners"]))
    assert groups == ["police", "specialist_ngo", "health"]
    # The CSV's columns follow the same order.
    response = client.get(
        scene.url("coverage.csv"), params={"sector": "police"}, headers=scene.world.viewer.headers
    )
    header = next(csv.reader(io.StringIO(response.text)))
    assert header[4:] == ["Central Police", "Police DV Unit", "Hill Clinic"]


def test_filters_by_sector_and_area(client: TestClient, scene: Scene) -> None:
    police_only = _matrix(client, scene, sector="police")
    assert [s["sector"] for s in police_only["sectors"]] == ["police"]
    assert [p["name"] for p in police_only["partners"]] == ["Central Police", "Police DV Unit"]
    south = _matrix(client, scene, area="south")
    assert [p["name"] for p in south["partners"]] == ["Casa Luna"]
    assert _row(south, P1)["coverage"] is None  # the police unit works in the north


def test_gaps_each_say_why(client: TestClient, scene: Scene) -> None:
    response = client.get(scene.url("coverage/gaps"), headers=scene.world.viewer.headers)
    items = response.json()["items"]
    by_role = {g["role_code"]: g for g in items if g["role_code"]}
    assert P1 not in by_role
    assert by_role[P2]["kind"] == "role_not_in_place"
    assert by_role[P2]["reason"] == "Only planned: Police DV Unit."
    assert by_role[S1]["kind"] == "role_not_in_place"
    assert by_role[S1]["reason"] == "In progress: Casa Luna."
    assert by_role[S1]["coverage"] == "in_progress"
    assert by_role[S1]["holders"] == [
        {"partner_id": scene.shelter["id"], "partner_name": "Casa Luna", "status": "in_progress"}
    ]
    assert by_role[H1]["coverage"] is None and by_role[H1]["holders"] == []
    assert by_role[H1]["reason"] == "Nobody has taken this role on."
    assert by_role[N1]["kind"] == "review_overdue"
    assert by_role[N1]["commitment_ids"] == [scene.commitments["n1"]["id"]]
    sectors = {g["sector"] for g in items if g["kind"] == "sector_without_active_partner"}
    assert "health" in sectors and "social_services" in sectors
    assert not {"police", "specialist_ngo", "community_group"} & sectors
    idle = [g for g in items if g["kind"] == "active_partner_without_commitment"]
    assert [(g["partner_id"], g["partner_name"]) for g in idle] == [
        (scene.idle["id"], "Youth Club")
    ]
    assert all(g["reason"] for g in items)


def test_gaps_list_roles_nobody_holds_first_then_only_planned(
    client: TestClient, scene: Scene
) -> None:
    items = client.get(scene.url("coverage/gaps"), headers=scene.world.viewer.headers).json()[
        "items"
    ]
    kinds = [g["kind"] for g in items]
    # Each kind together, roles first.
    assert kinds == sorted(
        kinds,
        key=[
            "role_not_in_place",
            "review_overdue",
            "sector_without_active_partner",
            "active_partner_without_commitment",
        ].index,
    )
    roles = [g for g in items if g["kind"] == "role_not_in_place"]
    coverage = [g["coverage"] for g in roles]
    nobody = coverage.count(None)
    assert nobody == len(ROLES) - 4
    assert coverage == [None] * nobody + ["planned", "in_progress"]
    assert [g["role_code"] for g in roles[nobody:]] == [P2, S1]


def test_the_partner_in_progress_is_named_in_every_language(
    client: TestClient, scene: Scene
) -> None:
    # A second partner plans the role the shelter has in progress: the one in progress is named.
    _commit(client, scene.world, scene.police, scene.roles[S1], "planned")
    for lang, reason in [("en", "In progress: Casa Luna."), ("fr", "En cours : Casa Luna.")]:
        items = client.get(
            scene.url("coverage/gaps"), params={"lang": lang}, headers=scene.world.viewer.headers
        ).json()["items"]
        gap = next(g for g in items if g["role_code"] == S1)
        assert gap["reason"] == reason
        assert [(h["partner_name"], h["status"]) for h in gap["holders"]] == [
            ("Casa Luna", "in_progress"),
            ("Police DV Unit", "planned"),
        ]


def test_withdrawn_and_dormant_partners_are_never_candidates(
    client: TestClient, scene: Scene
) -> None:
    gone = _partner(client, scene.world, "withdrawn", name="Gone Away", sector="health")
    asleep = _partner(client, scene.world, "dormant", name="Fast Asleep", sector="health")
    gaps = client.get(scene.url("coverage/gaps"), headers=scene.world.viewer.headers).json()
    candidates = {c["id"]: c for c in gaps["candidates"]}
    assert gone["id"] not in candidates and asleep["id"] not in candidates
    assert candidates[scene.clinic["id"]]["stage"] == "met"  # not yet active, still askable
    assert {scene.police["id"], scene.shelter["id"], scene.idle["id"]} <= candidates.keys()
    # A partner that withdraws stops being offered.
    url = scene.url(f"partners/{scene.idle['id']}/stage")
    response = client.post(
        url, json={"stage": "withdrawn"}, headers=scene.world.coordinator.headers
    )
    assert response.status_code == 200, response.text
    gaps = client.get(scene.url("coverage/gaps"), headers=scene.world.viewer.headers).json()
    assert scene.idle["id"] not in {c["id"] for c in gaps["candidates"]}


def test_gap_reasons_come_in_the_language_asked_for(client: TestClient, scene: Scene) -> None:
    gaps = client.get(
        scene.url("coverage/gaps"), params={"lang": "es"}, headers=scene.world.viewer.headers
    ).json()
    idle = next(g for g in gaps["items"] if g["kind"] == "active_partner_without_commitment")
    assert idle["reason"] == "Este socio está activo pero no ha asumido ningún rol."
    assert gaps["language"] == "es"


def test_fixing_a_gap_changes_the_matrix(client: TestClient, scene: Scene) -> None:
    headers = scene.world.coordinator.headers
    commitment = scene.commitments["p2"]
    url = scene.url(f"commitments/{commitment['id']}")
    etag = client.get(url, headers=headers).headers["etag"]
    assert (
        client.patch(
            url, json={"status": "in_place"}, headers=headers | {"If-Match": etag}
        ).status_code
        == 200
    )
    assert _row(_matrix(client, scene), P2)["coverage"] == "in_place"
    gaps = client.get(scene.url("coverage/gaps"), headers=headers).json()["items"]
    assert P2 not in {g["role_code"] for g in gaps}


def test_the_matrix_as_it_stood_on_a_date(app: FastAPI, client: TestClient, scene: Scene) -> None:
    headers = scene.world.coordinator.headers
    _backdate(app, days=10)  # everything so far happened ten days ago …
    # … and today the police unit's P1 went back to planned and the clinic became active.
    url = scene.url(f"commitments/{scene.commitments['p1']['id']}")
    etag = client.get(url, headers=headers).headers["etag"]
    client.patch(url, json={"status": "planned"}, headers=headers | {"If-Match": etag})
    clinic = scene.url(f"partners/{scene.clinic['id']}/stage")
    assert client.post(clinic, json={"stage": "active"}, headers=headers).status_code == 200

    before = (date.today() - timedelta(days=5)).isoformat()
    then = _matrix(client, scene, as_of=before)
    now = _matrix(client, scene)
    assert then["as_of"] == before
    assert _row(then, P1)["coverage"] == "in_place" and _row(now, P1)["coverage"] == "planned"
    assert all(c["commitment_id"] is None for c in _row(then, P1)["cells"])
    stage_then = {p["name"]: p["stage"] for p in then["partners"]}
    assert stage_then["Hill Clinic"] == "met"
    gaps_then = client.get(
        scene.url("coverage/gaps"), params={"as_of": before}, headers=headers
    ).json()
    assert "health" in {
        g["sector"] for g in gaps_then["items"] if g["kind"] == "sector_without_active_partner"
    }
    long_ago = _matrix(client, scene, as_of="2000-01-01")
    assert long_ago["partners"] == [] and long_ago["summary"]["nobody"] == len(ROLES)


def test_retired_roles_leave_the_matrix_and_stay_in_history(
    app: FastAPI, client: TestClient, scene: Scene
) -> None:
    _backdate(app, days=3)
    headers = scene.world.coordinator.headers
    role = scene.roles[P2]
    url = scene.url(f"roles/{role['id']}")
    etag = client.get(url, headers=headers).headers["etag"]
    assert (
        client.patch(url, json={"retired": True}, headers=headers | {"If-Match": etag}).status_code
        == 200
    )
    assert P2 not in {r["code"] for s in _matrix(client, scene)["sectors"] for r in s["roles"]}
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert _row(_matrix(client, scene, as_of=yesterday), P2)["coverage"] == "planned"
    again = client.post(
        scene.url("commitments"),
        json={"partner_id": scene.shelter["id"], "role_id": role["id"], "status": "planned"},
        headers=headers,
    )
    assert again.status_code == 409


def test_the_csv_opens_in_a_spreadsheet(client: TestClient, scene: Scene) -> None:
    response = client.get(scene.url("coverage.csv"), headers=scene.world.viewer.headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    header = rows[0]
    assert header[:4] == ["sector", "role_code", "role_title", "coverage"]
    assert "Police DV Unit" in header
    p1 = next(r for r in rows if r[1] == P1)
    assert p1[3] == "in_place" and p1[header.index("Police DV Unit")] == "in_place"
    assert len(rows) == len(ROLES) + 1


def test_a_spreadsheet_formula_in_a_name_is_neutralised(client: TestClient, scene: Scene) -> None:
    _partner(client, scene.world, "met", name="=HYPERLINK(1)", sector="media")
    header = client.get(
        scene.url("coverage.csv"), headers=scene.world.viewer.headers
    ).text.splitlines()[0]
    assert "'=HYPERLINK(1)" in header


def test_one_commitment_per_partner_and_role(client: TestClient, scene: Scene) -> None:
    again = client.post(
        scene.url("commitments"),
        json={
            "partner_id": scene.police["id"],
            "role_id": scene.roles[P1]["id"],
            "status": "planned",
        },
        headers=scene.world.coordinator.headers,
    )
    assert again.status_code == 409


def test_who_may_change_commitments(client: TestClient, scene: Scene) -> None:
    world = scene.world
    # The editor is linked to world.a_partner only.
    mine = {
        "partner_id": world.a_partner["id"],
        "role_id": scene.roles[N1]["id"],
        "status": "planned",
    }
    assert (
        client.post(scene.url("commitments"), json=mine, headers=world.editor.headers).status_code
        == 201
    )
    theirs = {
        "partner_id": scene.police["id"],
        "role_id": scene.roles[H1]["id"],
        "status": "planned",
    }
    assert (
        client.post(scene.url("commitments"), json=theirs, headers=world.editor.headers).status_code
        == 403
    )
    assert (
        client.post(scene.url("commitments"), json=theirs, headers=world.viewer.headers).status_code
        == 403
    )
    url = scene.url(f"commitments/{scene.commitments['p1']['id']}")
    assert client.delete(url, headers=world.editor.headers | {"If-Match": "*"}).status_code == 403


def test_commitments_are_audited_and_listed_by_partner(client: TestClient, scene: Scene) -> None:
    headers = scene.world.coordinator.headers
    listed = client.get(
        scene.url("commitments"), params={"partner_id": scene.police["id"]}, headers=headers
    )
    assert {c["role_code"] for c in listed.json()["items"]} == {P1, P2}
    url = scene.url(f"commitments/{scene.commitments['p2']['id']}")
    etag = client.get(url, headers=headers).headers["etag"]
    assert client.delete(url, headers=headers | {"If-Match": etag}).status_code == 204
    audit = client.get(
        scene.url("audit"), params={"object_type": "commitment"}, headers=headers
    ).json()
    assert [e["action"] for e in audit["items"]][:1] == ["commitment.delete"]
    assert {e["action"] for e in audit["items"]} == {"commitment.create", "commitment.delete"}


def test_the_owner_must_be_the_partners_contact(client: TestClient, scene: Scene) -> None:
    headers = scene.world.coordinator.headers
    contact = client.post(
        scene.url(f"partners/{scene.shelter['id']}/contacts"),
        json={"name": "Ana Ruiz"},
        headers=headers,
    ).json()
    wrong = client.post(
        scene.url("commitments"),
        json={
            "partner_id": scene.police["id"],
            "role_id": scene.roles[H1]["id"],
            "status": "planned",
            "owner_contact_id": contact["id"],
        },
        headers=headers,
    )
    assert wrong.status_code == 404
    assert wrong.json()["errors"][0]["field"] == "body.owner_contact_id"


def test_commitments_of_another_network_are_invisible(client: TestClient, scene: Scene) -> None:
    world = scene.world
    other = f"/api/v1/networks/{world.b.slug}/commitments/{scene.commitments['p1']['id']}"
    assert client.get(other, headers=world.other_coordinator.headers).status_code == 404
    foreign = client.post(
        f"/api/v1/networks/{world.b.slug}/commitments",
        json={
            "partner_id": scene.police["id"],
            "role_id": scene.roles[P1]["id"],
            "status": "planned",
        },
        headers=world.other_coordinator.headers,
    )
    assert foreign.status_code == 404
    unknown = client.get(
        scene.url(f"commitments/{uuid.uuid4()}"), headers=world.coordinator.headers
    )
    assert unknown.status_code == 404


def test_the_commitment_list_counts_what_its_filters_keep(client: TestClient, scene: Scene) -> None:
    headers = scene.world.viewer.headers
    first = client.get(scene.url("commitments"), params={"limit": 3}, headers=headers).json()
    rest = client.get(
        scene.url("commitments"),
        params={"limit": 3, "cursor": first["next_cursor"]},
        headers=headers,
    ).json()
    assert (len(first["items"]), len(rest["items"])) == (3, 1)
    assert first["total"] == rest["total"] == 4
    police = client.get(
        scene.url("commitments"), params={"partner_id": scene.police["id"]}, headers=headers
    )
    assert police.json()["total"] == 2
    in_place = client.get(
        scene.url("commitments"),
        params={"status": "in_place", "partner_id": scene.shelter["id"]},
        headers=headers,
    )
    assert in_place.json()["total"] == 1
