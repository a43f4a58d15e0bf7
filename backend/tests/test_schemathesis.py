"""Property-based API testing with Schemathesis, as an authenticated coordinator of a real
network with real partners: every operation with valid and invalid data, and the stateful
links the spec declares. Zero failures is the bar.

Operations are parametrised from the committed OpenAPI document (test_openapi.py proves
it equals the app's), and each runs its own Hypothesis test against the live app."""

import json
from typing import Any

import hypothesis.strategies as st
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.generation.modes import GenerationMode

from tests.conftest import World, repo_path

NETWORK = "network-a"
EXAMPLES = 30

_DOCUMENT = json.loads(repo_path("openapi", "openapi.json").read_text(encoding="utf-8"))
OPERATIONS = [
    pytest.param(method.upper(), path, id=f"{method.upper()} {path}")
    for path, operations in _DOCUMENT["paths"].items()
    for method in operations
]

_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)


def _load(app: FastAPI, world: World) -> Any:
    config = SchemathesisConfig.from_path(repo_path("schemathesis.toml"))
    loaded = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    loaded.config.update(headers=world.coordinator.headers, parameters={"path.network": NETWORK})

    @loaded.hook
    def map_case(_context: Any, case: schemathesis.Case) -> schemathesis.Case:
        if case.meta is not None and case.meta.generation.mode.is_positive and case.query:
            # A cursor is opaque: only the ones the API issued are valid, and made-up ones
            # rightly get 400 (tested in core/test_cursors.py). Page from the start.
            case.query.pop("cursor", None)
        return case

    return loaded


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_operation(app: FastAPI, world: World, method: str, path: str) -> None:
    operation = _load(app, world)[path][method]
    fixed: dict[str, Any] = {"headers": world.coordinator.headers}
    if "{network}" in path:
        fixed["path_parameters"] = {"network": NETWORK}
    strategies = [operation.as_strategy(mode, **fixed) for mode in GenerationMode]

    @given(case=st.one_of(*strategies))
    @_SETTINGS
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate()

    check()


def test_stateful_links(app: FastAPI, world: World) -> None:
    machine = _load(app, world).as_state_machine()
    machine.run(
        settings=settings(
            max_examples=25,
            stateful_step_count=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
    )
