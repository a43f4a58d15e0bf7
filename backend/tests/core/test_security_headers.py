"""Security headers on every answer (API, dashboard, /docs) and no-store on API answers."""

from pathlib import Path

from fastapi.testclient import TestClient

from accord.core.settings import Environment, Settings
from accord.main import create_app
from tests.conftest import PASSWORD, Factory, World
from tests.test_tenancy import _fill, _network_routes, _setup_ids

CONFIDENTIAL = ("contacts", "assessment", "audit", "members", "locations")


def _assert_security_headers(response: object) -> str:
    headers = response.headers  # type: ignore[attr-defined]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    policy: str = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "strict-transport-security" not in headers  # not in production
    return policy


def test_every_network_read_is_never_stored(client: TestClient, world: World) -> None:
    ids = _setup_ids(client, world)
    walked = 0
    for method, template in _network_routes(client.app):  # type: ignore[arg-type]
        if method != "GET":
            continue
        path = _fill(template, world, ids, world.a.slug)
        response = client.get(path, headers=world.coordinator.headers)
        if response.status_code >= 500:
            continue  # pathways/health on a network without entry points: issue #12 item 7
        assert response.status_code == 200, f"{path}: {response.status_code}"
        _assert_security_headers(response)
        cache = response.headers["cache-control"]
        if any(part in template for part in CONFIDENTIAL):
            assert cache == "no-store", f"{path}: {cache}"
        else:
            # Either never stored, or kept by the browser only and revalidated by ETag.
            assert cache == "no-store" or (
                cache == "private, no-cache" and "etag" in response.headers
            ), f"{path}: {cache}"
        walked += 1
    assert walked >= 15


def test_auth_answers_are_never_stored(client: TestClient, make: Factory) -> None:
    actor = make.user("headers@example.org")
    answers = [
        client.post(
            "/api/v1/auth/token", data={"username": "headers@example.org", "password": PASSWORD}
        ),
        client.post(
            "/api/v1/auth/token", data={"username": "headers@example.org", "password": "no"}
        ),
        client.post("/api/v1/auth/refresh"),
        client.get("/api/v1/auth/me", headers=actor.headers),
        client.get("/api/v1/auth/me"),
        client.post("/api/v1/auth/logout"),
        client.post("/api/v1/auth/refresh"),  # no cookie any more: no session
    ]
    assert [a.status_code for a in answers] == [200, 400, 200, 200, 401, 204, 204]
    for answer in answers:
        _assert_security_headers(answer)
        assert answer.headers["cache-control"] == "no-store"


def test_the_dashboard_page_allows_only_its_own_files_and_nonced_styles(
    settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("console.log(1)")
    (tmp_path / "index.html").write_text(
        '<meta name="csp-nonce" content="__CSP_NONCE__"><style nonce="__CSP_NONCE__"></style>'
    )
    app = create_app(settings.model_copy(update={"spa_dir": tmp_path}))
    try:
        with TestClient(app) as client:
            first, second = client.get("/n/network-a/partners"), client.get("/")
            asset = client.get("/assets/app.js")
    finally:
        app.state.engine.dispose()
    nonces = []
    for page in (first, second):
        policy = _assert_security_headers(page)
        assert "script-src 'self';" in policy and "default-src 'self'" in policy
        nonce = page.text.split('content="')[1].split('"')[0]
        assert nonce != "__CSP_NONCE__" and f"style-src 'self' 'nonce-{nonce}'" in policy
        assert page.text.count(nonce) == 2
        nonces.append(nonce)
    assert nonces[0] != nonces[1]  # a fresh nonce for every answer
    _assert_security_headers(asset)
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_the_api_documentation_page_has_a_policy_of_its_own(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    policy = _assert_security_headers(docs)
    assert "script-src https://cdn.jsdelivr.net 'sha256-" in policy
    assert "connect-src 'self'" in policy


def test_hsts_in_production_only(settings: Settings) -> None:
    production = create_app(settings.model_copy(update={"environment": Environment.production}))
    try:
        with TestClient(production) as client:
            for path in ("/api/v1/auth/me", "/docs", "/"):
                hsts = client.get(path, follow_redirects=False).headers
                assert hsts["strict-transport-security"].startswith("max-age=")
    finally:
        production.state.engine.dispose()
