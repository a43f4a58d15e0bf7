"""Every router of the API, mounted under /api/v1 by `create_app` through one router.

(Including each router in the app directly, one routing level less, was measured side by
side and did not pay: bench/README.md.)"""

from fastapi import APIRouter

from accord.accounts.routes import (
    auth_router,
    member_resets_router,
    password_resets_router,
    users_router,
)
from accord.areas.routes import router as areas_router
from accord.audit.routes import router as audit_router
from accord.health.routes import router as health_router
from accord.networks.routes import invitations_router
from accord.networks.routes import router as networks_router
from accord.overview.routes import router as overview_router
from accord.partners.routes import router as partners_router
from accord.pathways.routes import router as pathways_router
from accord.referrals.routes import router as referrals_router
from accord.roles.routes import commitments_router, coverage_router, csv_router, roles_router
from accord.services.routes import board_router as capacity_board_router
from accord.services.routes import router as services_router

API_PREFIX = "/api/v1"

ROUTERS = (
    health_router,
    auth_router,
    users_router,
    networks_router,
    member_resets_router,
    password_resets_router,
    invitations_router,
    areas_router,
    overview_router,
    partners_router,
    roles_router,
    commitments_router,
    csv_router,
    coverage_router,
    services_router,
    capacity_board_router,
    pathways_router,
    referrals_router,
    audit_router,
)


def api_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX)
    for domain in ROUTERS:
        router.include_router(domain)
    return router
