"""What needs attention now: the items each domain contributes to the overview.

An item is a stable code (`kind`), how soon it needs doing (`severity`), how many things it
counts, a title and summary in the language asked for, and where it is fixed: a screen and
its filters (codes and ids, never names), which the dashboard turns into a URL."""

from datetime import date

from pydantic import Field

from accord.core.models import OutputModel
from accord.core.vocabulary import Code


class OverviewKind(Code):
    """What an item is about; stable codes (add, never rename)."""

    roles_uncovered = "roles_uncovered"
    commitment_reviews_overdue = "commitment_reviews_overdue"
    capacity_out_of_date = "capacity_out_of_date"
    pathway_findings = "pathway_findings"
    pathway_reviews_overdue = "pathway_reviews_overdue"
    partners_unassessed = "partners_unassessed"
    areas_unnamed = "areas_unnamed"
    referrals_overdue = "referrals_overdue"


class OverviewSeverity(Code):
    """How soon: `high` (people may not get help now), `medium` (the system is weaker than
    agreed), `low` (housekeeping)."""

    high = "high"
    medium = "medium"
    low = "low"


SEVERITY_ORDER: dict[OverviewSeverity, int] = {s: rank for rank, s in enumerate(OverviewSeverity)}


class OverviewScreen(Code):
    """The dashboard screen where an item is fixed."""

    coverage_gaps = "coverage_gaps"
    coverage = "coverage"
    services = "services"
    pathway_health = "pathway_health"
    partners = "partners"
    stakeholder_map = "stakeholder_map"
    areas = "areas"
    referrals = "referrals"


class OverviewLink(OutputModel):
    screen: OverviewScreen
    filters: dict[str, list[str]] = Field(
        default_factory=dict,
        description="The screen's filters, as its list API names them (codes, never names).",
    )


class OverviewItem(OutputModel):
    kind: OverviewKind
    severity: OverviewSeverity
    count: int = Field(ge=1, description="How many things this item is about.")
    title: str = Field(description="In the language asked for.")
    summary: str = Field(description="Why it matters and what to do, in the language asked for.")
    link: OverviewLink


class OverviewAnswer(OutputModel):
    language: str
    as_of: date = Field(description="The day reviews and capacity were judged on.")
    items: list[OverviewItem] = Field(
        description="Most pressing first (by severity, then in the order domains are registered); "
        "empty: nothing needs attention."
    )
