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


def test_the_front_door_leads_to_the_documentation(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 307)
    assert response.headers["location"] == "/docs"


def test_the_connection_pool_is_larger_than_the_request_thread_pool(client: TestClient) -> None:
    app = client.app
    assert app.state.engine.pool.size() > app.state.settings.request_threads  # type: ignore[attr-defined]
