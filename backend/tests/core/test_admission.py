"""Under load, more requests arrive than there are worker threads: they must all be
answered, none left waiting for a database connection held by a request that is itself
waiting for a thread."""

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from accord.core.settings import Settings
from accord.main import create_app
from tests.conftest import World


def test_more_requests_than_threads_are_all_answered(settings: Settings, world: World) -> None:
    # Two threads and a pool of six connections, asked by twelve clients at once: without
    # admission control the first six requests hold every connection while waiting for a
    # thread, and the two threads wait for a connection until the pool gives up.
    small = create_app(settings.model_copy(update={"request_threads": 2}))
    url = f"/api/v1/networks/{world.a.slug}/partners"
    with TestClient(small) as busy, ThreadPoolExecutor(max_workers=12) as clients:
        answers = list(
            clients.map(
                lambda _: busy.get(url, headers=world.coordinator.headers).status_code, range(36)
            )
        )
    assert answers == [200] * 36
