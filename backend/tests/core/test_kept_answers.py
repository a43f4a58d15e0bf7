"""Kept answers cannot go stale: every committed write in a network moves its revision, by
construction (a flush hook, not a call to remember), whoever writes; and a kept answer never
reaches a caller who may see less than the one it was built for."""

import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select
from sqlmodel import Session

from accord.core.database import fetch_rows, transaction
from accord.core.kept import EVERYONE, KeptAnswers, Part, ReadOutsidePart
from accord.networks.models import Network
from accord.networks.revision import revision_of
from accord.partners.models import Partner
from accord.pathways import graph, health
from accord.roles.models import RoleCommitment
from accord.services.models import CapacityPost, Service
from tests.conftest import REPO_ROOT, World, partner_body

NOT_NETWORK_WRITES = {
    # Not in a network: accounts, sign-in, and making a network.
    "auth-sign_in",
    "auth-refresh",
    "auth-sign_out",
    "auth-change_password",
    "auth-redeem_password_reset",
    "users-create_user",
    "networks-create_network",
}
READING_POSTS = {"pathways-find_routes"}  # a question too rich for a URL: reads only


def _revision(app: FastAPI, slug: str) -> int:
    with app.state.sessions.read() as session:
        network_id = session.scalar(select(Network.id).where(Network.slug == slug))
        return int(session.scalar(select(revision_of(network_id))) or 0)


def _write_operations() -> set[str]:
    document = json.loads((REPO_ROOT / "openapi" / "openapi.json").read_text())
    return {
        operation["operationId"]
        for item in document["paths"].values()
        for method, operation in item.items()
        if method in ("post", "patch", "put", "delete")
    }


class Steps:
    """One successful call of every write operation in network A, in an order that works."""

    def __init__(self, client: TestClient, world: World, make: Any) -> None:
        self.client, self.world, self.make = client, world, make
        self.base = f"/api/v1/networks/{world.a.slug}"
        self.headers = world.coordinator.headers
        self.ids: dict[str, str] = {}

    def _call(
        self,
        method: str,
        path: str,
        body: Any = None,
        etag_of: str | None = None,
        as_editor: bool = False,
    ) -> Response:
        # Referrals are sent and moved by a partner's editors, not by coordinators.
        headers = dict(self.world.editor.headers if as_editor else self.headers)
        if etag_of is not None:
            headers["If-Match"] = self.client.get(self.base + etag_of, headers=headers).headers[
                "etag"
            ]
        return self.client.request(method, self.base + path, json=body, headers=headers)

    def _made(self, name: str, response: Response) -> Response:
        if response.status_code == 201:
            self.ids[name] = response.json()["id"]
        return response

    def _invite(self, name: str, email: str) -> Response:
        response = self._call("POST", "/invitations", {"email": email, "role": "viewer"})
        if response.status_code == 201:
            self.ids[name] = response.json()["id"]
            self.ids[f"{name}-token"] = response.json()["token"]
        return response

    def _join(self, newcomer: Any) -> Response:
        """The newcomer accepts an invitation (not a network path, but a write in it)."""
        assert self._invite("member-invitation", newcomer.user.email).status_code == 201
        joined = self.client.post(
            "/api/v1/invitations/accept",
            json={"token": self.ids["member-invitation-token"]},
            headers=newcomer.headers,
        )
        if joined.status_code == 201:
            members = self.client.get(
                f"{self.base}/members", params={"limit": 200}, headers=self.headers
            ).json()["items"]
            self.ids["member"] = next(m["id"] for m in members if m["email"] == newcomer.user.email)
        return joined

    def all(self) -> list[tuple[str, Callable[[], Response]]]:
        partner = self.world.a_partner["id"]
        newcomer = self.make.user()
        return [
            (
                "networks-update_network",
                lambda: self._call("PATCH", "", {"name": "Network A2"}, ""),
            ),
            (
                "networks-create_invitation",
                lambda: self._invite("spare", "viewer@elsewhere.example"),
            ),
            (
                "networks-withdraw_invitation",
                lambda: self._call(
                    "DELETE",
                    f"/invitations/{self.ids['spare']}",
                    None,
                    f"/invitations/{self.ids['spare']}",
                ),
            ),
            ("invitations-accept_invitation", lambda: self._join(newcomer)),
            (
                "networks-update_member",
                lambda: self._call(
                    "PATCH",
                    f"/members/{self.ids['member']}",
                    {"role": "coordinator"},
                    f"/members/{self.ids['member']}",
                ),
            ),
            (
                "networks-issue_password_reset",
                lambda: self._call("POST", f"/members/{self.ids['member']}/password-reset"),
            ),
            (
                "networks-remove_member",
                lambda: self._call(
                    "DELETE",
                    f"/members/{self.ids['member']}",
                    None,
                    f"/members/{self.ids['member']}",
                ),
            ),
            (
                "areas-create_area",
                lambda: self._made(
                    "area",
                    self._call("POST", "/areas", {"code": "old-town", "names": {"en": "Old Town"}}),
                ),
            ),
            (
                "areas-update_area",
                lambda: self._call(
                    "PATCH",
                    f"/areas/{self.ids['area']}",
                    {"names": {"en": "Old Town", "fr": "Vieille Ville"}},
                    f"/areas/{self.ids['area']}",
                ),
            ),
            (
                "areas-delete_area",
                lambda: self._call(
                    "DELETE", f"/areas/{self.ids['area']}", None, f"/areas/{self.ids['area']}"
                ),
            ),
            (
                "partners-create_partner",
                lambda: self._made("partner", self._call("POST", "/partners", partner_body())),
            ),
            (
                "partners-update_partner",
                lambda: self._call(
                    "PATCH",
                    f"/partners/{self.ids['partner']}",
                    {"tags": ["outreach"]},
                    f"/partners/{self.ids['partner']}",
                ),
            ),
            (
                "partners-change_stage",
                lambda: self._call("POST", f"/partners/{partner}/stage", {"stage": "approached"}),
            ),
            (
                "partners-update_assessment",
                lambda: self._call(
                    "PATCH",
                    f"/partners/{partner}/assessment",
                    {"influence": 4},
                    f"/partners/{partner}/assessment",
                ),
            ),
            (
                "partners-create_contact",
                lambda: self._made(
                    "contact", self._call("POST", f"/partners/{partner}/contacts", {"name": "Ana"})
                ),
            ),
            (
                "partners-update_contact",
                lambda: self._call(
                    "PATCH",
                    f"/partners/{partner}/contacts/{self.ids['contact']}",
                    {"job_title": "Director"},
                    f"/partners/{partner}/contacts/{self.ids['contact']}",
                ),
            ),
            (
                "partners-delete_contact",
                lambda: self._call(
                    "DELETE",
                    f"/partners/{partner}/contacts/{self.ids['contact']}",
                    None,
                    f"/partners/{partner}/contacts/{self.ids['contact']}",
                ),
            ),
            (
                "roles-create_role",
                lambda: self._made(
                    "role",
                    self._call("POST", "/roles", {"sector": "health", "title": {"en": "Triage"}}),
                ),
            ),
            (
                "roles-update_role",
                lambda: self._call(
                    "PATCH",
                    f"/roles/{self.ids['role']}",
                    {"description": {"en": "Who is seen first"}},
                    f"/roles/{self.ids['role']}",
                ),
            ),
            (
                "commitments-create_commitment",
                lambda: self._made(
                    "commitment",
                    self._call(
                        "POST",
                        "/commitments",
                        {"partner_id": partner, "role_id": self.ids["role"], "status": "planned"},
                    ),
                ),
            ),
            (
                "commitments-update_commitment",
                lambda: self._call(
                    "PATCH",
                    f"/commitments/{self.ids['commitment']}",
                    {"status": "in_place"},
                    f"/commitments/{self.ids['commitment']}",
                ),
            ),
            (
                "commitments-delete_commitment",
                lambda: self._call(
                    "DELETE",
                    f"/commitments/{self.ids['commitment']}",
                    None,
                    f"/commitments/{self.ids['commitment']}",
                ),
            ),
            (
                "services-create_service",
                lambda: self._made(
                    "service",
                    self._call(
                        "POST",
                        "/services",
                        {"partner_id": partner, "type": "shelter", "name": "Refuge"},
                    ),
                ),
            ),
            (
                "services-update_service",
                lambda: self._call(
                    "PATCH",
                    f"/services/{self.ids['service']}",
                    {"open_24_7": True},
                    f"/services/{self.ids['service']}",
                ),
            ),
            (
                "services-create_location",
                lambda: self._made(
                    "location",
                    self._call(
                        "POST", f"/services/{self.ids['service']}/locations", {"name": "Office"}
                    ),
                ),
            ),
            (
                "services-update_location",
                lambda: self._call(
                    "PATCH",
                    f"/services/{self.ids['service']}/locations/{self.ids['location']}",
                    {"area": "north"},
                    f"/services/{self.ids['service']}/locations/{self.ids['location']}",
                ),
            ),
            (
                "services-delete_location",
                lambda: self._call(
                    "DELETE",
                    f"/services/{self.ids['service']}/locations/{self.ids['location']}",
                    None,
                    f"/services/{self.ids['service']}/locations/{self.ids['location']}",
                ),
            ),
            (
                "services-post_capacity",
                lambda: self._call(
                    "POST",
                    f"/services/{self.ids['service']}/capacity",
                    {"status": "accepting", "beds_free": 2},
                ),
            ),
            (
                "services-create_service",
                lambda: self._made(
                    "hotline",
                    self._call(
                        "POST",
                        "/services",
                        {"partner_id": partner, "type": "hotline", "name": "Line"},
                    ),
                ),
            ),
            (
                "pathways-create_pathway",
                lambda: self._made(
                    "pathway",
                    self._call(
                        "POST",
                        "/pathways",
                        {
                            "from_service_id": self.ids["hotline"],
                            "to_service_id": self.ids["service"],
                            "needs": ["emergency_shelter"],
                            "channel": "phone",
                            "status": "active",
                        },
                    ),
                ),
            ),
            (
                "referrals-send_referral",
                lambda: self._made(
                    "referral",
                    self._call(
                        "POST",
                        "/referrals",
                        {
                            "pathway_id": self.ids["pathway"],
                            "needs": ["emergency_shelter"],
                            "urgency": "routine",
                            "consent_given": True,
                        },
                        as_editor=True,
                    ),
                ),
            ),
            (
                "referrals-move_referral",
                lambda: self._call(
                    "PATCH",
                    f"/referrals/{self.ids['referral']}",
                    {"status": "received"},
                    f"/referrals/{self.ids['referral']}",
                    as_editor=True,
                ),
            ),
            (
                "referrals-run_batch",
                lambda: self._call(
                    "POST",
                    "/referrals:batch",
                    {
                        "items": [
                            {
                                "op": "create",
                                "pathway_id": self.ids["pathway"],
                                "needs": ["emergency_shelter"],
                                "urgency": "routine",
                                "consent_given": True,
                            }
                        ]
                    },
                    as_editor=True,
                ),
            ),
            (
                "pathways-find_routes",
                lambda: self._call(
                    "POST",
                    "/pathways/routes",
                    {"entry": {"kind": "service", "id": self.ids["hotline"]}, "needs": ["housing"]},
                ),
            ),
            (
                "pathways-update_pathway",
                lambda: self._call(
                    "PATCH",
                    f"/pathways/{self.ids['pathway']}",
                    {"expected_response_minutes": 30},
                    f"/pathways/{self.ids['pathway']}",
                ),
            ),
            (
                "pathways-delete_pathway",
                lambda: self._call(
                    "DELETE",
                    f"/pathways/{self.ids['pathway']}",
                    None,
                    f"/pathways/{self.ids['pathway']}",
                ),
            ),
            (
                "services-delete_service",
                lambda: self._call(
                    "DELETE",
                    f"/services/{self.ids['hotline']}",
                    None,
                    f"/services/{self.ids['hotline']}",
                ),
            ),
            (
                "partners-delete_partner",
                lambda: self._call(
                    "DELETE",
                    f"/partners/{self.ids['partner']}",
                    None,
                    f"/partners/{self.ids['partner']}",
                ),
            ),
        ]


def test_every_write_operation_moves_the_networks_kept_answers(
    app: FastAPI, client: TestClient, world: World, make: Any
) -> None:
    steps = Steps(client, world, make).all()
    covered = {name for name, _ in steps}
    missing = _write_operations() - NOT_NETWORK_WRITES - covered
    assert not missing, f"add a step for each new write operation: {sorted(missing)}"
    health = f"/api/v1/networks/{world.a.slug}/pathways/health"
    stats = f"/api/v1/networks/{world.a.slug}/referrals/stats?group_by=pathway"
    directory = f"/api/v1/networks/{world.a.slug}/partners?limit=5"
    record = f"/api/v1/networks/{world.a.slug}/partners/{world.a_other_partner['id']}"
    coverage = f"/api/v1/networks/{world.a.slug}/coverage"
    for name, step in steps:
        page = client.get(f"/api/v1/networks/{world.a.slug}/partners", headers=world.viewer.headers)
        client.get(health, headers=world.viewer.headers)  # kept under the routes part
        client.get(stats, headers=world.viewer.headers)  # kept under the referrals part
        client.get(directory, headers=world.viewer.headers)  # and these under the directory's
        client.get(record, headers=world.viewer.headers)
        client.get(coverage, headers=world.viewer.headers)  # under the coverage part
        before, before_b = _revision(app, world.a.slug), _revision(app, world.b.slug)
        response = step()
        assert response.status_code < 300, (name, response.text)
        # Pathway health is kept under a part of the revision that only some writes move:
        # whatever this write was, what it serves is what it would build afresh.
        # So are the directory's pages and records, the coverage matrix and the referral
        # statistics.
        parted = [health, stats, directory, record, coverage]
        kept = [client.get(url, headers=world.viewer.headers) for url in parted]
        app.state.kept.clear()
        fresh = [client.get(url, headers=world.viewer.headers) for url in parted]
        assert all(r.status_code in (200, 404) for r in kept), (name, [r.text for r in kept])
        assert [(r.status_code, r.json()) for r in fresh] == [
            (r.status_code, r.json()) for r in kept
        ], name
        after = _revision(app, world.a.slug)
        assert _revision(app, world.b.slug) == before_b, name  # another network's stay
        if name in READING_POSTS:
            assert after == before, name
            continue
        assert after > before, f"{name} committed a write but the revision did not move"
        # What a client polling the directory holds is no longer current after it.
        again = client.get(
            f"/api/v1/networks/{world.a.slug}/partners",
            headers=world.viewer.headers | {"If-None-Match": page.headers["etag"]},
        )
        assert again.status_code in (200, 304)


def test_a_write_made_outside_the_api_shows_at_once(
    app: FastAPI, client: TestClient, world: World
) -> None:
    """The coverage matrix kept showing `planned` after a commitment moved to `in_place`
    (its fingerprint missed a commit stamped earlier than the latest); a script's write
    (the CLI, an import, a worker) did not move anything at all."""
    base = f"/api/v1/networks/{world.a.slug}"
    headers = world.coordinator.headers
    role = client.post(
        f"{base}/roles",
        json={"sector": "specialist_ngo", "title": {"en": "Refuge"}},
        headers=headers,
    ).json()
    made = client.post(
        f"{base}/commitments",
        json={"partner_id": world.a_partner["id"], "role_id": role["id"], "status": "planned"},
        headers=headers,
    )
    assert made.status_code == 201, made.text

    def status() -> str:
        matrix = client.get(f"{base}/coverage", headers=headers).json()
        cells = [
            cell
            for sector in matrix["sectors"]
            for row in sector["roles"]
            if row["role_id"] == role["id"]
            for cell in row["cells"]
        ]
        return str(cells[0]["status"])

    assert status() == "planned"
    with transaction(app.state.session_factory) as session:
        commitment = session.get(RoleCommitment, uuid.UUID(made.json()["id"]))
        assert commitment is not None
        commitment.status = "in_place"  # type: ignore[assignment]
        session.add(commitment)
    assert status() == "in_place"
    # The directory's kept pages too: a partner renamed by a script shows at once.
    assert (
        client.get(f"{base}/partners/{world.a_partner['id']}", headers=headers).status_code == 200
    )
    with transaction(app.state.session_factory) as session:
        partner = session.get(Partner, uuid.UUID(world.a_partner["id"]))
        assert partner is not None
        partner.name = "Renamed by a script"
        session.add(partner)
    shown = client.get(f"{base}/partners/{world.a_partner['id']}", headers=headers).json()
    assert shown["name"] == "Renamed by a script"


def test_a_kept_answer_is_the_same_as_a_fresh_one_for_every_audience(
    app: FastAPI, client: TestClient, world: World
) -> None:
    """Each kept answer, built first for a coordinator, then asked for by a viewer and a
    partner's editor, is what each of them gets when nothing is kept."""
    base = f"/api/v1/networks/{world.a.slug}"
    partner = world.a_partner["id"]
    hotline = client.post(
        f"{base}/services",
        json={"partner_id": partner, "type": "hotline", "name": "Line", "entry_point": True},
        headers=world.coordinator.headers,
    ).json()
    reads: list[tuple[str, str, Any]] = [
        ("GET", f"{base}/partners", None),
        ("GET", f"{base}/partners/{partner}", None),
        ("GET", f"{base}/coverage", None),
        ("GET", f"{base}/coverage/gaps", None),
        ("GET", f"{base}/pathways/health", None),
        ("GET", f"{base}/referrals/stats?group_by=need", None),
        (
            "POST",
            f"{base}/pathways/routes",
            {"entry": {"kind": "service", "id": hotline["id"]}, "needs": ["safety_planning"]},
        ),
    ]
    for method, url, body in reads:
        as_coordinator = client.request(method, url, json=body, headers=world.coordinator.headers)
        assert as_coordinator.status_code == 200, (url, as_coordinator.text)
        for reader in (world.viewer, world.editor):
            kept = client.request(method, url, json=body, headers=reader.headers)
            app.state.kept.clear()
            fresh = client.request(method, url, json=body, headers=reader.headers)
            assert kept.status_code == fresh.status_code == 200, url
            assert kept.json() == fresh.json(), url
    assert len(app.state.kept) > 0


def test_kept_answers_belong_to_the_app(app: FastAPI, settings: Any) -> None:
    """Two apps (two processes' worth) keep nothing in common."""
    from accord.main import create_app

    other = create_app(settings)
    assert other.state.kept is not app.state.kept


def test_a_read_session_never_writes(app: FastAPI, world: World) -> None:
    with app.state.sessions.read() as session:
        network = session.get(Network, world.a.id)
        assert network is not None
        network.name = "Changed by a read"
        try:
            session.flush()
        except RuntimeError as refused:
            assert "never writes" in str(refused)
        else:  # pragma: no cover - the failure this test exists for
            raise AssertionError("a read session flushed a change")


def test_a_read_sees_one_snapshot(app: FastAPI, world: World) -> None:
    """Statements of one read see the same data, even when a write commits between them
    (pathways/graph.py indexes one query's rows by another's)."""
    with app.state.sessions.read() as reader:
        first = reader.scalar(select(Network.name).where(Network.id == world.a.id))
        with transaction(app.state.session_factory) as writer:
            network = writer.get(Network, world.a.id)
            assert network is not None
            network.name = "Renamed meanwhile"
        second = reader.scalar(select(Network.name).where(Network.id == world.a.id))
    assert first == second == world.a.name
    with Session(app.state.engine) as later:
        assert later.scalar(select(Network.name).where(Network.id == world.a.id)) == (
            "Renamed meanwhile"
        )


def _routes_revision(app: FastAPI, slug: str) -> int:
    with app.state.sessions.read() as session:
        network_id = session.scalar(select(Network.id).where(Network.slug == slug))
        return int(session.scalar(select(revision_of(network_id, Part.routes))) or 0)


def test_a_capacity_post_leaves_the_route_graph_and_health_kept(
    app: FastAPI, client: TestClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Capacity posts are most of a network's writes; the route graph and pathway health
    are not built from them, so they stay kept, while the route finder's answers, which
    rank by capacity, show the new post at once."""
    base = f"/api/v1/networks/{world.a.slug}"
    headers = world.coordinator.headers
    partner = world.a_partner["id"]
    hotline = client.post(
        f"{base}/services",
        json={"partner_id": partner, "type": "hotline", "name": "Line", "entry_point": True},
        headers=headers,
    ).json()
    shelter = client.post(
        f"{base}/services",
        json={"partner_id": partner, "type": "shelter", "name": "Refuge"},
        headers=headers,
    ).json()
    made = client.post(
        f"{base}/pathways",
        json={
            "from_service_id": hotline["id"],
            "to_service_id": shelter["id"],
            "needs": ["emergency_shelter"],
            "channel": "phone",
            "status": "active",
        },
        headers=headers,
    )
    assert made.status_code == 201, made.text
    question = {
        "entry": {"kind": "service", "id": hotline["id"]},
        "needs": ["emergency_shelter"],
    }

    def room() -> Any:
        answer = client.post(f"{base}/pathways/routes", json=question, headers=headers).json()
        return answer["needs"][0]["routes"][0]["target"]["capacity"]

    health_before = client.get(f"{base}/pathways/health", headers=headers).json()
    assert room() == "unknown"
    built: list[str] = []
    for module, name in ((graph, "_build_graph"), (graph, "_patched"), (health, "_check")):
        original = getattr(module, name)

        def counted(*args: Any, _original: Any = original, _name: str = name) -> Any:
            built.append(_name)
            return _original(*args)

        monkeypatch.setattr(module, name, counted)
    routes_before, every_before = _routes_revision(app, world.a.slug), _revision(app, world.a.slug)

    posted = client.post(
        f"{base}/services/{shelter['id']}/capacity",
        json={"status": "accepting", "beds_free": 2, "beds_total": 6},
        headers=headers,
    )
    assert posted.status_code == 201, posted.text
    assert _revision(app, world.a.slug) > every_before
    assert _routes_revision(app, world.a.slug) == routes_before
    assert room() == "accepting"  # the answer is new
    assert client.get(f"{base}/pathways/health", headers=headers).json() == health_before
    assert built == []  # neither the graph nor the health answer was built again

    # A change to a pathway moves both parts, and health shows it: the graph is patched
    # with the pathway's row, not built again.
    pathway = made.json()
    changed = client.patch(
        f"{base}/pathways/{pathway['id']}",
        json={"status": "suspended"},
        headers=headers | {"If-Match": made.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text
    assert _routes_revision(app, world.a.slug) > routes_before
    assert client.get(f"{base}/pathways/health", headers=headers).json() != health_before
    assert built == ["_check", "_patched"]


def test_a_kind_kept_under_a_part_may_read_only_its_tables(app: FastAPI, world: World) -> None:
    """A query added to the route graph's build that reads capacity posts would serve stale
    capacity after every post: it is refused the first time it runs (in every test)."""
    kept = KeptAnswers()
    with app.state.sessions.read() as session:

        def graph_reading(table: Any, run: Any = None) -> Any:
            run = run or (lambda statement: session.execute(statement).all())
            build = lambda: run(select(table.id))  # noqa: E731
            return kept.get("route-graphs", session, world.a.id, (0, 0), EVERYONE, "probe", build)

        with pytest.raises(ReadOutsidePart, match="capacity_posts"):
            graph_reading(CapacityPost)
        # Plain column reads on the connection (the route graph's own way) are seen too.
        with pytest.raises(ReadOutsidePart, match="capacity_posts"):
            graph_reading(CapacityPost, lambda statement: fetch_rows(session, statement))
        assert len(kept) == 0  # nothing was kept
        # A build reading only its part's tables is kept.
        assert graph_reading(Service) is not None and len(kept) == 1
