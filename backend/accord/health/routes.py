"""Liveness and readiness, for load balancers and docker-compose health checks."""

from fastapi import APIRouter, Request
from pydantic import BaseModel

from accord.core.deps import AccordRoute
from accord.core.errors import ServiceUnavailable
from accord.core.openapi import responses
from accord.health import service

router = APIRouter(route_class=AccordRoute, prefix="/health", tags=["health"])


class HealthStatus(BaseModel):
    status: str
    database: str | None = None
    schema_revision: str | None = None


@router.get("", response_model=HealthStatus, responses=responses(422, database=False))
async def live() -> HealthStatus:
    """200 while the process is alive (on the event loop: it waits for no thread)."""
    return HealthStatus(status="ok")


@router.get("/ready", response_model=HealthStatus, responses=responses(422, 503))
def ready(request: Request) -> HealthStatus:
    """200 only when the database answers and its schema is at the latest migration."""
    problem = service.readiness_problem(request.app.state.engine)
    if problem is not None:
        raise ServiceUnavailable(problem)
    return HealthStatus(status="ok", database="ok", schema_revision=service.head_revision())
