"""HTTP for the overview: what needs attention in a network now."""

from datetime import date

from fastapi import APIRouter, Response

from accord.core.concurrency import IfNoneMatch
from accord.core.deps import AccordRoute, Kept, ReadSession, SettingsDep
from accord.core.i18n import Language
from accord.core.models import utcnow
from accord.core.openapi import NOT_MODIFIED, PAGE_ETAG_HEADER, READ_ERRORS, responses
from accord.networks.access import MemberAccess
from accord.overview import service
from accord.overview.models import OverviewAnswer
from accord.overview.registry import OverviewContext

router = APIRouter(route_class=AccordRoute, prefix="/networks/{network}", tags=["overview"])


@router.get(
    "/overview",
    response_model=OverviewAnswer,
    responses=responses(*READ_ERRORS, extra={**NOT_MODIFIED, 200: {"headers": PAGE_ETAG_HEADER}}),
)
def network_overview(
    access: MemberAccess,
    session: ReadSession,
    kept: Kept,
    settings: SettingsDep,
    lang: Language,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """What needs doing now, most pressing first, each item with the screen and filters
    that fix it: roles nobody covers, shelters' and crisis centres' capacity out of date,
    pathway health findings, reviews overdue, partners not yet assessed (only for those who
    may read assessments). Send the ETag back in If-None-Match to get 304 while unchanged."""
    context = OverviewContext(
        session=session,
        kept=kept,
        access=access,
        settings=settings,
        language=lang,
        today=date.today(),
        now=utcnow(),
    )
    return service.rendered(context).response(if_none_match)
