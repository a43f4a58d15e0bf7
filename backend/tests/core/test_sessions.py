"""One way to talk to the database: every API route ends its sessions in AccordRoute, and
says by name which kind it needs."""

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from accord.core.deps import AccordRoute, read_session, write_session

# POSTs that only read: a question too rich for a URL, or no database at all.
READING_POSTS = {"pathways-find_routes"}


def _calls(dependant: object) -> set[object]:
    found = {getattr(dependant, "call", None)}
    for sub in getattr(dependant, "dependencies", []):
        found |= _calls(sub)
    return found


def _api_routes(app: FastAPI) -> list[tuple[str, APIRoute]]:
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute) and (context.path_format or "").startswith("/api/"):
            found.append((context.path_format or "", route))
    return found


def test_every_api_route_ends_its_sessions_in_one_place(app: FastAPI) -> None:
    api = _api_routes(app)
    assert len(api) > 40, "the API's routes were not found"
    assert [path for path, r in api if not isinstance(r, AccordRoute)] == []


def test_reads_take_a_read_session_and_writes_a_write_session(app: FastAPI) -> None:
    document = app.openapi()["paths"]
    for path, route in _api_routes(app):
        calls = _calls(route.dependant)
        if route.methods <= {"GET", "HEAD"}:
            assert write_session not in calls, path
        else:
            method = next(iter(route.methods)).lower()
            name = document[path][method]["operationId"]
            if name not in READING_POSTS:
                assert write_session in calls, f"{name} writes without a WriteSession"
            else:
                assert write_session not in calls, name


def test_a_get_that_declares_a_write_session_is_refused_at_startup() -> None:
    from fastapi import APIRouter

    from accord.core.deps import WriteSession

    router = APIRouter(route_class=AccordRoute)
    try:

        @router.get("/sneaky")
        def sneaky(session: WriteSession) -> None: ...

    except TypeError as refused:
        assert "never writes" in str(refused)
    else:  # pragma: no cover - the failure this test exists for
        raise AssertionError("a GET was allowed a WriteSession")
    assert read_session is not write_session
