"""Access tokens: anything but a valid, unexpired token for our audience is refused with
401 and a WWW-Authenticate challenge."""

import base64
import json
import time
import uuid

import pytest
from fastapi.testclient import TestClient
from jose import jwt

from accord.core.settings import Settings
from tests.conftest import Factory

ME = "/api/v1/auth/me"


def _claims(user_id: uuid.UUID, settings: Settings, **overrides: object) -> dict[str, object]:
    now = int(time.time())
    claims: dict[str, object] = {
        "sub": str(user_id),
        "iat": now,
        "exp": now + 600,
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
        "ver": 1,
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _assert_refused(client: TestClient, headers: dict[str, str]) -> None:
    response = client.get(ME, headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["status"] == 401


def test_a_valid_token_is_accepted(client: TestClient, make: Factory) -> None:
    actor = make.user("valid@example.org")
    response = client.get(ME, headers=actor.headers)
    assert response.status_code == 200
    assert response.json()["email"] == "valid@example.org"


def test_a_missing_token_is_refused(client: TestClient) -> None:
    _assert_refused(client, {})


def test_a_malformed_header_is_refused(client: TestClient) -> None:
    _assert_refused(client, {"Authorization": "Bearer not-a-jwt"})
    _assert_refused(client, {"Authorization": "Basic dXNlcjpwYXNz"})


def test_an_expired_token_is_refused(client: TestClient, make: Factory, settings: Settings) -> None:
    actor = make.user()
    past = int(time.time()) - 3600
    token = jwt.encode(
        _claims(actor.id, settings, iat=past - 60, exp=past), settings.secret_key, algorithm="HS256"
    )
    _assert_refused(client, {"Authorization": f"Bearer {token}"})


def test_a_token_accepted_before_is_refused_once_it_expires(
    client: TestClient, make: Factory, settings: Settings
) -> None:
    actor = make.user()
    now = int(time.time())
    token = jwt.encode(_claims(actor.id, settings, exp=now + 2), settings.secret_key, "HS256")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(ME, headers=headers).status_code == 200
    time.sleep(max(0.0, now + 3 - time.time()))
    _assert_refused(client, headers)
    # And a network route refuses it the same way.
    network = client.get("/api/v1/networks/any-network/partners", headers=headers)
    assert network.status_code == 401


def test_a_tampered_token_is_refused(client: TestClient, make: Factory, settings: Settings) -> None:
    actor, other = make.user(), make.user()
    token = jwt.encode(_claims(actor.id, settings), settings.secret_key, algorithm="HS256")
    header, _payload, signature = token.split(".")
    forged_payload = _b64(_claims(other.id, settings))
    _assert_refused(client, {"Authorization": f"Bearer {header}.{forged_payload}.{signature}"})


def test_a_token_signed_with_another_key_is_refused(
    client: TestClient, make: Factory, settings: Settings
) -> None:
    actor = make.user()
    token = jwt.encode(
        _claims(actor.id, settings), "another-secret-key-of-sufficient-length", "HS256"
    )
    _assert_refused(client, {"Authorization": f"Bearer {token}"})


def test_alg_none_is_refused(client: TestClient, make: Factory, settings: Settings) -> None:
    actor = make.user()
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(actor.id, settings))}."
    _assert_refused(client, {"Authorization": f"Bearer {unsigned}"})


@pytest.mark.parametrize("claim", ["aud", "iss"])
def test_a_token_for_another_audience_or_issuer_is_refused(
    client: TestClient, make: Factory, settings: Settings, claim: str
) -> None:
    actor = make.user()
    token = jwt.encode(
        _claims(actor.id, settings, **{claim: "someone-else"}), settings.secret_key, "HS256"
    )
    _assert_refused(client, {"Authorization": f"Bearer {token}"})


@pytest.mark.parametrize("claim", ["exp", "aud", "sub", "iat", "ver"])
def test_a_token_missing_a_required_claim_is_refused(
    client: TestClient, make: Factory, settings: Settings, claim: str
) -> None:
    actor = make.user()
    claims = _claims(actor.id, settings)
    claims.pop(claim)
    token = jwt.encode(claims, settings.secret_key, "HS256")
    _assert_refused(client, {"Authorization": f"Bearer {token}"})


def test_a_token_of_a_deactivated_account_is_refused(
    client: TestClient, make: Factory, db: object
) -> None:
    from accord.accounts.models import User
    from accord.core.database import transaction

    actor = make.user()
    with transaction(db) as session:  # type: ignore[arg-type]
        user = session.get(User, actor.id)
        assert user is not None
        user.is_active = False
    _assert_refused(client, actor.headers)


def test_a_password_change_ends_existing_tokens(client: TestClient, make: Factory) -> None:
    actor = make.user()
    assert client.get(ME, headers=actor.headers).status_code == 200
    changed = client.post(
        "/api/v1/auth/me/password",
        json={"current_password": "correct-horse-battery", "new_password": "another-long-password"},
        headers=actor.headers,
    )
    assert changed.status_code == 204
    _assert_refused(client, actor.headers)


def test_a_hand_made_token_with_the_right_claims_is_accepted(
    client: TestClient, make: Factory, settings: Settings
) -> None:
    """The negative tests above fail for the reason they name, not for a missing claim."""
    actor = make.user()
    token = jwt.encode(_claims(actor.id, settings), settings.secret_key, "HS256")
    assert client.get(ME, headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_issued_tokens_carry_the_standard_claims(
    client: TestClient, make: Factory, settings: Settings
) -> None:
    make.user("claims@example.org")
    response = client.post(
        "/api/v1/auth/token",
        data={"username": "claims@example.org", "password": "correct-horse-battery"},
    )
    assert response.status_code == 200
    token = response.json()["access_token"]
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    claims = jwt.get_unverified_claims(token)
    assert {"sub", "exp", "iat", "iss", "aud"} <= claims.keys()
    assert claims["aud"] == settings.token_audience
    assert claims["exp"] - claims["iat"] == settings.access_token_minutes * 60
