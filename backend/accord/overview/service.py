"""The overview: every registered provider's items, most pressing first."""

from accord.core.responses import RenderedJSON
from accord.overview.models import SEVERITY_ORDER, OverviewAnswer
from accord.overview.registry import OverviewContext, providers


def overview(context: OverviewContext) -> OverviewAnswer:
    items = [item for provide in providers() for item in provide(context)]
    # Stable: within a severity, items keep the order domains are registered in.
    items.sort(key=lambda item: SEVERITY_ORDER[item.severity])
    return OverviewAnswer(language=context.language, as_of=context.today, items=items)


def rendered(context: OverviewContext) -> RenderedJSON:
    """Serialized once, with a digest ETag: a dashboard polling it gets 304 while the same."""
    return RenderedJSON.of(overview(context).model_dump(mode="json"))
