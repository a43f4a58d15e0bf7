"""Health checks, as a load balancer or docker-compose sees them."""

from pathlib import Path

from fastapi.testclient import TestClient

from accord.core.settings import Settings
from accord.main import create_app


def test_live_answers_while_the_process_lives(client: TestClient) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_ready_when_the_database_is_migrated(client: TestClient) -> None:
    response = client.get("/api/v1/health/ready")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["schema_revision"]


def test_not_ready_on_an_unmigrated_database(settings: Settings, tmp_path: Path) -> None:
    empty = settings.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'empty.db'}"})
    with TestClient(create_app(empty)) as client:
        response = client.get("/api/v1/health/ready")
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "migration" in response.json()["detail"]


def test_not_ready_when_the_database_is_unreachable(settings: Settings) -> None:
    unreachable = settings.model_copy(
        update={"database_url": "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"}
    )
    with TestClient(create_app(unreachable)) as client:
        response = client.get("/api/v1/health/ready")
    assert response.status_code == 503
    assert "cannot be reached" in response.json()["detail"]


def test_without_a_built_dashboard_the_front_door_leads_to_the_documentation(
    settings: Settings, tmp_path: Path
) -> None:
    api_only = settings.model_copy(update={"spa_dir": tmp_path / "no-dashboard"})
    with TestClient(create_app(api_only)) as client:
        response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 307)
    assert response.headers["location"] == "/docs"


def test_the_dashboard_is_served_with_deep_links_falling_back_to_it(
    settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<title>Accord</title>")
    (tmp_path / "assets" / "app-1234.js").write_text("console.log(1)")
    (tmp_path.parent / "secret.txt").write_text("outside")
    with TestClient(create_app(settings.model_copy(update={"spa_dir": tmp_path}))) as client:
        assert "Accord" in client.get("/").text
        deep = client.get("/networks/riverside-ccr/partners?sector=health")
        assert deep.status_code == 200 and "Accord" in deep.text
        asset = client.get("/assets/app-1234.js")
        assert asset.text == "console.log(1)" and "immutable" in asset.headers["cache-control"]
        assert "outside" not in client.get("/../secret.txt").text
        missing_api = client.get("/api/v1/no-such-thing")
        assert missing_api.status_code == 404
        assert missing_api.headers["content-type"].startswith("application/problem+json")


def test_the_connection_pool_is_larger_than_the_request_thread_pool(client: TestClient) -> None:
    app = client.app
    assert app.state.engine.pool.size() > app.state.settings.request_threads  # type: ignore[attr-defined]


def test_an_unreachable_database_is_a_503_to_retry_not_a_crash(settings: Settings) -> None:
    import uuid

    from accord.core.security import create_access_token

    unreachable = settings.model_copy(
        update={"database_url": "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"}
    )
    token = create_access_token(unreachable, uuid.uuid4(), 1).token
    with TestClient(create_app(unreachable)) as client:
        response = client.get("/api/v1/networks", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    assert response.headers["content-type"].startswith("application/problem+json")
