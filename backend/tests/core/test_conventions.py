"""The API's conventions, as a client meets them: problem+json everywhere, input hygiene,
body limits, concurrency headers, idempotent retries, opaque cursors."""

from collections.abc import Iterator

from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.core.settings import Settings
from accord.main import create_app
from tests.conftest import World, partner_body

PROBLEM = "application/problem+json"


def _partners(world: World) -> str:
    return f"/api/v1/networks/{world.a.slug}/partners"


def _assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:accord:problem:")
    assert body["title"]
    return body


def test_an_unknown_route_is_a_problem_404(client: TestClient) -> None:
    _assert_problem(client.get("/api/v1/nothing-here"), 404)


def test_an_unsupported_method_is_405_with_allow(client: TestClient, world: World) -> None:
    response = client.put(_partners(world), headers=world.coordinator.headers, json={})
    _assert_problem(response, 405)
    assert "GET" in response.headers["allow"] and "POST" in response.headers["allow"]


def test_unknown_fields_are_refused(client: TestClient, world: World) -> None:
    body = partner_body(colour="purple")
    problem = _assert_problem(
        client.post(_partners(world), json=body, headers=world.coordinator.headers), 422
    )
    assert [e["field"] for e in problem["errors"]] == ["body.colour"]


def test_nul_bytes_are_refused_in_body_query_and_path(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    problem = _assert_problem(
        client.post(_partners(world), json=partner_body(name="Bad\x00Name"), headers=headers), 422
    )
    assert problem["errors"][0]["field"] == "body.name"
    _assert_problem(client.get(_partners(world) + "?q=a%00b", headers=headers), 422)
    _assert_problem(client.get("/api/v1/networks/network-a%00/partners", headers=headers), 422)
    # Nothing was stored.
    names = [p["name"] for p in client.get(_partners(world), headers=headers).json()["items"]]
    assert all("\x00" not in name for name in names)


def test_unpaired_surrogates_are_refused(client: TestClient, world: World) -> None:
    raw = b'{"name": "Broken \\ud800 text", "sector": "health"}'
    response = client.post(
        _partners(world),
        content=raw,
        headers=world.coordinator.headers | {"Content-Type": "application/json"},
    )
    _assert_problem(response, 422)


def test_integers_outside_int64_are_refused(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    _assert_problem(client.get(_partners(world) + f"?limit={2**70}", headers=headers), 422)
    assessment = f"{_partners(world)}/{world.a_partner['id']}/assessment"
    etag = client.get(assessment, headers=headers).headers["etag"]
    response = client.patch(
        assessment, json={"influence": 2**70}, headers=headers | {"If-Match": etag}
    )
    problem = _assert_problem(response, 422)
    assert problem["errors"][0]["field"] == "body.influence"


def test_malformed_json_is_a_client_error_not_a_crash(client: TestClient, world: World) -> None:
    response = client.post(
        _partners(world),
        content=b'{"name": ',
        headers=world.coordinator.headers | {"Content-Type": "application/json"},
    )
    assert response.status_code in (400, 422)
    assert response.headers["content-type"].startswith(PROBLEM)


def test_bodies_over_one_mebibyte_are_refused(client: TestClient, world: World) -> None:
    huge = partner_body(description="x" * (1024 * 1024 + 1))
    _assert_problem(
        client.post(_partners(world), json=huge, headers=world.coordinator.headers), 413
    )


def test_streamed_bodies_over_the_limit_are_refused(client: TestClient, world: World) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"name": "Streamed", "sector": "health", "description": "'
        for _ in range(1100):
            yield b"x" * 1024
        yield b'"}'

    response = client.post(
        _partners(world),
        content=chunks(),
        headers=world.coordinator.headers | {"Content-Type": "application/json"},
    )
    _assert_problem(response, 413)
    names = [
        p["name"]
        for p in client.get(_partners(world), headers=world.coordinator.headers).json()["items"]
    ]
    assert "Streamed" not in names


def test_no_stack_trace_reaches_a_client(settings: Settings) -> None:
    app: FastAPI = create_app(settings)

    def explode() -> None:
        raise RuntimeError("secret internal detail in /srv/accord/service.py line 42")

    app.add_api_route("/api/v1/explode", explode)
    app.router.routes.insert(0, app.router.routes.pop())  # ahead of the dashboard's catch-all

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/explode")
    body = _assert_problem(response, 500)
    assert "secret" not in response.text and "Traceback" not in response.text
    assert body["title"] == "Internal Server Error"
    # The security headers too: Starlette writes this answer outside the app's middleware.
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"


def test_if_match_accepts_weak_tags_but_not_the_wildcard(client: TestClient, world: World) -> None:
    url = f"{_partners(world)}/{world.a_partner['id']}"
    headers = world.coordinator.headers
    etag = client.get(url, headers=headers).headers["etag"]
    weak = client.patch(url, json={"acronym": "RS"}, headers=headers | {"If-Match": f"W/{etag}"})
    assert weak.status_code == 200
    # `*` names no version the client read, so it guards nothing: as if If-Match were missing.
    star = client.patch(url, json={"acronym": "RSH"}, headers=headers | {"If-Match": "*"})
    assert star.status_code == 428
    assert client.get(url, headers=headers).json()["acronym"] == "RS"


def test_a_stale_write_is_412_and_a_blind_write_428(client: TestClient, world: World) -> None:
    url = f"{_partners(world)}/{world.a_partner['id']}"
    headers = world.coordinator.headers
    etag = client.get(url, headers=headers).headers["etag"]
    assert (
        client.patch(url, json={"acronym": "A"}, headers=headers | {"If-Match": etag}).status_code
        == 200
    )
    stale = client.patch(url, json={"acronym": "B"}, headers=headers | {"If-Match": etag})
    _assert_problem(stale, 412)
    assert stale.headers["etag"] != etag
    _assert_problem(client.patch(url, json={"acronym": "C"}, headers=headers), 428)
    assert client.get(url, headers=headers).json()["acronym"] == "A"


def test_an_idempotent_retry_replays_the_first_answer(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers | {"Idempotency-Key": "create-shelter-1"}
    body = partner_body(name="Casa Luna")
    first = client.post(_partners(world), json=body, headers=headers)
    again = client.post(_partners(world), json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["location"] == first.headers["location"]
    names = [
        p["name"]
        for p in client.get(_partners(world), headers=world.coordinator.headers).json()["items"]
    ]
    assert names.count("Casa Luna") == 1


def test_reusing_a_key_for_another_request_is_409(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers | {"Idempotency-Key": "key-2"}
    assert (
        client.post(_partners(world), json=partner_body(name="One"), headers=headers).status_code
        == 201
    )
    problem = _assert_problem(
        client.post(_partners(world), json=partner_body(name="Two"), headers=headers), 409
    )
    assert "Idempotency-Key" in problem["detail"]


def test_a_failed_request_can_be_corrected_and_retried_with_its_key(
    client: TestClient, world: World
) -> None:
    headers = world.coordinator.headers | {"Idempotency-Key": "key-3"}
    assert (
        client.post(_partners(world), json={"name": "No sector"}, headers=headers).status_code
        == 422
    )
    fixed = client.post(_partners(world), json=partner_body(name="With sector"), headers=headers)
    assert fixed.status_code == 201


def test_keys_belong_to_their_user(client: TestClient, world: World) -> None:
    key = {"Idempotency-Key": "shared-key"}
    first = client.post(
        _partners(world), json=partner_body(name="Mine"), headers=world.coordinator.headers | key
    )
    other = client.post(
        f"/api/v1/networks/{world.b.slug}/partners",
        json=partner_body(name="Theirs"),
        headers=world.other_coordinator.headers | key,
    )
    assert first.status_code == other.status_code == 201
    assert other.json()["name"] == "Theirs"


def test_a_malformed_idempotency_key_is_422(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers | {"Idempotency-Key": "has spaces in it"}
    _assert_problem(client.post(_partners(world), json=partner_body(), headers=headers), 422)
    too_long = world.coordinator.headers | {"Idempotency-Key": "k" * 256}
    _assert_problem(client.post(_partners(world), json=partner_body(), headers=too_long), 422)


def test_a_made_up_cursor_is_400(client: TestClient, world: World) -> None:
    problem = _assert_problem(
        client.get(_partners(world) + "?cursor=not-a-cursor", headers=world.coordinator.headers),
        400,
    )
    assert problem["errors"][0]["field"] == "query.cursor"


def test_a_cursor_only_fits_the_sort_it_came_from(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    page = client.get(_partners(world) + "?limit=1&sort=name", headers=headers).json()
    assert page["next_cursor"]
    _assert_problem(
        client.get(
            _partners(world) + f"?limit=1&sort=stage&cursor={page['next_cursor']}", headers=headers
        ),
        400,
    )


def test_limit_is_bounded(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    _assert_problem(client.get(_partners(world) + "?limit=0", headers=headers), 422)
    _assert_problem(client.get(_partners(world) + "?limit=201", headers=headers), 422)
    assert client.get(_partners(world) + "?limit=200", headers=headers).status_code == 200


def test_the_api_documents_itself(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    document = client.get("/openapi.json").json()
    assert document["info"]["title"] == "Accord API"


def test_expired_idempotency_keys_are_cleared(
    client: TestClient, world: World, app: FastAPI
) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import func, select, update

    from accord.core.database import transaction
    from accord.core.idempotency import IdempotencyRecord

    headers = world.coordinator.headers
    assert (
        client.post(
            _partners(world),
            json=partner_body(name="Old"),
            headers=headers | {"Idempotency-Key": "old"},
        ).status_code
        == 201
    )
    with transaction(app.state.session_factory) as session:
        session.execute(
            update(IdempotencyRecord).values(created_at=datetime.now(UTC) - timedelta(days=3))
        )
    assert (
        client.post(
            _partners(world),
            json=partner_body(name="New"),
            headers=headers | {"Idempotency-Key": "new"},
        ).status_code
        == 201
    )
    with transaction(app.state.session_factory) as session:
        keys = session.scalars(select(IdempotencyRecord.key)).all()  # type: ignore[call-overload]
        assert session.scalar(select(func.count()).select_from(IdempotencyRecord)) == 1
    assert keys == ["new"]
