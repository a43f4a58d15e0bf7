"""A coordinator issues a one-time password-reset link for a member of their network; the
member sets a new password with it once, and every session of theirs ends."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session, sessionmaker

from accord.accounts.models import PasswordReset
from accord.core.models import utcnow
from accord.core.vocabulary import MembershipRole
from tests.conftest import PASSWORD, Actor, Factory, World

REDEEM = "/api/v1/password-resets/redeem"
NEW_PASSWORD = "a-new-password-for-me"
INVALID = "urn:accord:problem:invalid-reset-link"


def _member(make: Factory, world: World, email: str) -> tuple[Actor, str]:
    actor = make.user(email)
    membership = make.member(world.a, actor, MembershipRole.viewer)
    return actor, str(membership.id)


def _issue(client: TestClient, world: World, membership_id: str, by: Actor | None = None) -> str:
    response = client.post(
        f"/api/v1/networks/{world.a.slug}/members/{membership_id}/password-reset",
        headers=(by or world.coordinator).headers,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["reset_path"] == f"/reset-password#token={body['token']}"
    return str(body["token"])


def _redeem(client: TestClient, token: str, password: str = NEW_PASSWORD) -> int:
    response = client.post(REDEEM, json={"token": token, "new_password": password})
    if response.status_code != 204:
        assert response.headers["content-type"].startswith("application/problem+json")
    return response.status_code


def _signs_in(client: TestClient, email: str, password: str) -> bool:
    response = client.post("/api/v1/auth/token", data={"username": email, "password": password})
    return response.status_code == 200


def test_a_coordinators_link_sets_a_new_password_once(
    client: TestClient, make: Factory, world: World
) -> None:
    _, membership_id = _member(make, world, "forgot@example.org")
    token = _issue(client, world, membership_id)
    assert _redeem(client, token) == 204
    assert _signs_in(client, "forgot@example.org", NEW_PASSWORD)
    assert not _signs_in(client, "forgot@example.org", PASSWORD)

    second = client.post(REDEEM, json={"token": token, "new_password": "yet-another-password"})
    assert second.status_code == 404
    assert second.json()["type"] == INVALID
    assert _signs_in(client, "forgot@example.org", NEW_PASSWORD)


def test_unknown_used_and_expired_links_get_the_same_answer(
    client: TestClient, make: Factory, world: World, db: sessionmaker[Session]
) -> None:
    _, membership_id = _member(make, world, "late@example.org")
    token = _issue(client, world, membership_id)
    with db() as session, session.begin():
        session.execute(update(PasswordReset).values(expires_at=utcnow() - timedelta(minutes=1)))
    expired = client.post(REDEEM, json={"token": token, "new_password": NEW_PASSWORD})
    unknown = client.post(REDEEM, json={"token": "not-a-token", "new_password": NEW_PASSWORD})
    assert expired.status_code == unknown.status_code == 404
    assert expired.json()["detail"] == unknown.json()["detail"]
    assert not _signs_in(client, "late@example.org", NEW_PASSWORD)


def test_a_new_link_voids_the_earlier_one(client: TestClient, make: Factory, world: World) -> None:
    _, membership_id = _member(make, world, "twice@example.org")
    first = _issue(client, world, membership_id)
    second = _issue(client, world, membership_id)
    assert _redeem(client, first) == 404
    assert _redeem(client, second) == 204
    assert _signs_in(client, "twice@example.org", NEW_PASSWORD)


def test_the_new_password_follows_the_rules(
    client: TestClient, make: Factory, world: World
) -> None:
    _, membership_id = _member(make, world, "short@example.org")
    token = _issue(client, world, membership_id)
    assert _redeem(client, token, password="short") == 422
    assert _redeem(client, token) == 204  # the refused attempt did not use the link


def test_only_coordinators_of_the_members_network_issue_links(
    client: TestClient, make: Factory, world: World
) -> None:
    _, membership_id = _member(make, world, "guarded@example.org")
    path = f"/api/v1/networks/{world.a.slug}/members/{membership_id}/password-reset"
    assert client.post(path, headers=world.viewer.headers).status_code == 403
    assert client.post(path, headers=world.editor.headers).status_code == 403
    # Network B's coordinator, in their own network, does not find A's member.
    other = f"/api/v1/networks/{world.b.slug}/members/{membership_id}/password-reset"
    assert client.post(other, headers=world.other_coordinator.headers).status_code == 404
    # Nor does A's coordinator, under network B's address (not theirs: it answers 404).
    assert client.post(other, headers=world.coordinator.headers).status_code == 404


def test_a_coordinator_cannot_reset_a_platform_administrator(
    client: TestClient, make: Factory, world: World
) -> None:
    another_admin = make.user("another-admin@example.org", admin=True)
    membership = make.member(world.a, another_admin, MembershipRole.viewer)
    path = f"/api/v1/networks/{world.a.slug}/members/{membership.id}/password-reset"
    assert client.post(path, headers=world.coordinator.headers).status_code == 403
    assert client.post(path, headers=world.admin.headers).status_code == 201


def test_a_reset_ends_every_session_of_the_member(
    client: TestClient, make: Factory, world: World
) -> None:
    member, membership_id = _member(make, world, "stolen@example.org")
    assert _signs_in(client, "stolen@example.org", PASSWORD)
    old_cookie = client.cookies.get("accord_refresh")
    assert client.get("/api/v1/auth/me", headers=member.headers).status_code == 200

    token = _issue(client, world, membership_id)
    client.cookies.clear()
    assert _redeem(client, token) == 204

    client.cookies.set("accord_refresh", old_cookie or "", path="/api/v1/auth")
    assert client.post("/api/v1/auth/refresh").status_code == 401
    assert client.get("/api/v1/auth/me", headers=member.headers).status_code == 401


def test_only_a_hash_of_the_token_is_kept(
    client: TestClient, make: Factory, world: World, db: sessionmaker[Session]
) -> None:
    _, membership_id = _member(make, world, "hashed@example.org")
    token = _issue(client, world, membership_id)
    with db() as session:
        stored = session.scalars(select(PasswordReset)).all()
        resets = [
            tuple(str(v) for v in row)
            for row in session.execute(text("SELECT * FROM password_resets"))
        ]
        trail = [str(row) for row in session.execute(text("SELECT * FROM audit_events"))]
    assert len(stored) == 1 and stored[0].token_hash != token
    assert not any(token in value for row in resets for value in row)
    assert not any(token in row for row in trail)
    assert any("password_reset_issue" in row for row in trail)


def test_a_member_of_another_network_is_reset_only_by_who_coordinates_both(
    client: TestClient, make: Factory, world: World
) -> None:
    """A new password opens every network the account is in: network A's coordinator must
    not reach, through a shared member, a network they do not coordinate."""
    actor, membership_id = _member(make, world, "both@example.org")
    make.member(world.b, actor, MembershipRole.coordinator)
    refused = client.post(
        f"/api/v1/networks/{world.a.slug}/members/{membership_id}/password-reset",
        headers=world.coordinator.headers,
    )
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("application/problem+json")
    make.member(world.b, world.coordinator, MembershipRole.coordinator)
    assert _redeem(client, _issue(client, world, membership_id)) == 204


def test_links_that_can_no_longer_be_used_are_not_kept(
    client: TestClient, make: Factory, world: World, db: sessionmaker[Session]
) -> None:
    """Each new link for an account clears away its voided, used and expired ones: the
    table never grows with links nobody can use (the audit log keeps their history)."""
    _, membership_id = _member(make, world, "often@example.org")
    for _ in range(3):
        _issue(client, world, membership_id)
    used = _issue(client, world, membership_id)
    assert _redeem(client, used) == 204
    latest = _issue(client, world, membership_id)
    with db() as session:
        kept = session.scalars(select(PasswordReset)).all()
    assert len(kept) == 1 and kept[0].used_at is None and kept[0].voided_at is None
    assert _redeem(client, latest, "the-latest-password-works") == 204
