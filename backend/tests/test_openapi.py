"""The committed OpenAPI document is the app's own: `make openapi` regenerates it."""

import json

from fastapi import FastAPI

from tests.conftest import repo_path


def test_committed_document_matches_the_app(app: FastAPI) -> None:
    committed = json.loads(repo_path("openapi", "openapi.json").read_text(encoding="utf-8"))
    assert committed == app.openapi(), "openapi/openapi.json is stale: run `make openapi`"


def test_every_operation_declares_its_problems(app: FastAPI) -> None:
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            label = f"{method.upper()} {path}"
            assert operation["operationId"].count("-") == 1, label
            errors = {code for code in operation["responses"] if code.startswith(("4", "5"))}
            assert "422" in errors, label  # at least a NUL byte in the URL
            for code in errors:
                content = operation["responses"][code]["content"]
                assert list(content) == ["application/problem+json"], label
            if "{network}" in path:
                assert {"401", "403", "404"} <= errors, label
            if method in ("patch", "delete"):
                assert {"412", "428"} <= errors, label
