"""The referrals' part of the overview: referrals waiting past their time, by receiving
partner — a woman may be waiting for an answer. Shown to those who see the referrals
(coordinators: every partner; a partner's editors: their own partners, sent or received);
a viewer sees referral statistics only, never per-partner counts this small. One aggregate
query on the (network, status, due) index."""

import uuid
from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlmodel import col

from accord.core.i18n import plural
from accord.core.vocabulary import MembershipRole
from accord.overview.models import (
    OverviewItem,
    OverviewKind,
    OverviewLink,
    OverviewScreen,
    OverviewSeverity,
)
from accord.overview.registry import OverviewContext
from accord.partners.models import Partner
from accord.referrals.lifecycle import AWAITING_ANSWER
from accord.referrals.models import Referral

# Partners named one by one; the rest are summed into the last item.
PARTNERS_SHOWN = 5

_TITLE = {
    "en": (
        "{count} referral to {{partner}} waiting past its time",
        "{count} referrals to {{partner}} waiting past their time",
    ),
    "fr": (
        "{count} orientation vers {{partner}} en attente au-delà du délai",
        "{count} orientations vers {{partner}} en attente au-delà du délai",
    ),
    "es": (
        "{count} derivación a {{partner}} esperando más allá de su plazo",
        "{count} derivaciones a {{partner}} esperando más allá de su plazo",
    ),
}
_OTHERS = {"en": "other partners", "fr": "d'autres partenaires", "es": "otros socios"}
_SUMMARY = {
    "en": (
        "Nobody has answered it in the agreed time: call the service, or refer elsewhere.",
        "Nobody has answered them in the agreed time: call the service, or refer elsewhere.",
    ),
    "fr": (
        "Personne n'y a répondu dans le délai convenu : appelez le service, ou orientez ailleurs.",
        "Personne n'y a répondu dans le délai convenu : appelez le service, ou orientez ailleurs.",
    ),
    "es": (
        "Nadie la ha respondido en el plazo acordado: llame al servicio o derive a otro.",
        "Nadie las ha respondido en el plazo acordado: llame al servicio o derive a otro.",
    ),
}


def overdue_referrals(context: OverviewContext) -> Sequence[OverviewItem]:
    access = context.access
    if not access.is_coordinator and access.role != MembershipRole.partner_editor:
        return []
    statement = (
        select(col(Referral.to_partner_id), col(Partner.name), func.count())
        .join(Partner, col(Partner.id) == col(Referral.to_partner_id))
        .where(
            col(Referral.network_id) == context.network_id,
            col(Referral.status).in_(AWAITING_ANSWER),
            col(Referral.due_at) < context.now,
        )
        .group_by(col(Referral.to_partner_id), col(Partner.name))
        .order_by(func.count().desc(), col(Partner.name))
    )
    if not access.is_coordinator:
        mine = sorted(access.editable_partner_ids)
        statement = statement.where(
            or_(col(Referral.from_partner_id).in_(mine), col(Referral.to_partner_id).in_(mine))
        )
    rows = context.session.execute(statement).all()
    items = [_item(context, [row[0]], row[1], row[2]) for row in rows[:PARTNERS_SHOWN]]
    rest = rows[PARTNERS_SHOWN:]
    if rest:
        others = _OTHERS.get(context.language, _OTHERS["en"])
        items.append(_item(context, [row[0] for row in rest], others, sum(r[2] for r in rest)))
    return items


def _item(
    context: OverviewContext, partner_ids: list[uuid.UUID], partner: str, count: int
) -> OverviewItem:
    return OverviewItem(
        kind=OverviewKind.referrals_overdue,
        severity=OverviewSeverity.high,
        count=count,
        title=plural(_TITLE, context.language, count).replace("{partner}", partner),
        summary=plural(_SUMMARY, context.language, count),
        link=OverviewLink(
            screen=OverviewScreen.referrals,
            filters={
                "partner_id": [str(p) for p in partner_ids],
                "overdue": ["true"],
            },
        ),
    )
