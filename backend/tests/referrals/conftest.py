"""A small referral network whose answers are known:

    police desk (Central Police) ──shelter, safety 120', consent──▶ refuge (Riverside Shelter)
    refuge ──shelter, no consent asked──▶ legal aid (Legal Aid Centre)
    a draft pathway: legal aid ──▶ police desk

The police's editor sends, the shelter's editor (world.editor) receives, the legal aid
centre's editor only watches."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, settings
from sqlalchemy import select
from sqlmodel import Session, col

from accord.core.vocabulary import MembershipRole
from accord.referrals import tallies
from accord.referrals.models import Referral, ReferralNeed
from accord.referrals.tallies import ReferralMinuteTally, ReferralTally
from tests.conftest import Actor, Factory, World, partner_body

# Hypothesis over the database (and the API): the same examples each run, on the fixtures of
# the test (the state they leave is part of what is tried), and a failure reported as found:
# shrinking it through the database takes minutes.
THROUGH_THE_DATABASE = settings(
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass
class Referrals:
    world: World
    client: TestClient
    police: Actor  # editor of the sending partner
    shelter: Actor  # editor of the receiving partner (world.editor)
    legal: Actor  # editor of a third partner
    services: dict[str, dict[str, Any]]
    pathways: dict[str, dict[str, Any]]

    @property
    def base(self) -> str:
        return f"/api/v1/networks/{self.world.a.slug}/referrals"

    def send(self, actor: Actor | None = None, **fields: Any) -> Any:
        body: dict[str, Any] = {
            "pathway_id": self.pathways["police_to_refuge"]["id"],
            "needs": ["emergency_shelter"],
            "urgency": "same_day",
            "consent_given": True,
        } | fields
        return self.client.post(self.base, json=body, headers=(actor or self.police).headers)

    def sent(self, **fields: Any) -> dict[str, Any]:
        response = self.send(**fields)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def move(self, referral: dict[str, Any], actor: Actor, status: str, **fields: Any) -> Any:
        return self.client.patch(
            f"{self.base}/{referral['id']}",
            json={"status": status, **fields},
            headers=actor.headers | {"If-Match": f'"{referral["version"]}"'},
        )

    def moved(
        self, referral: dict[str, Any], actor: Actor, status: str, **fields: Any
    ) -> dict[str, Any]:
        response = self.move(referral, actor, status, **fields)
        assert response.status_code == 200, response.text
        return dict(response.json())


@pytest.fixture
def net(client: TestClient, world: World, make: Factory) -> Referrals:
    headers = world.coordinator.headers
    base = f"/api/v1/networks/{world.a.slug}"

    def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = client.post(f"{base}/{path}", json=body, headers=headers)
        assert response.status_code == 201, response.text
        return dict(response.json())

    legal_partner = post("partners", partner_body(name="Legal Aid Centre", sector="specialist_ngo"))
    services = {
        "police": post(
            "services",
            {
                "partner_id": world.a_other_partner["id"],
                "name": "Police desk",
                "type": "police_response",
            },
        ),
        "refuge": post(
            "services", {"partner_id": world.a_partner["id"], "name": "Refuge", "type": "shelter"}
        ),
        "legal": post(
            "services",
            {"partner_id": legal_partner["id"], "name": "Legal aid", "type": "legal_aid"},
        ),
    }

    def pathway(source: str, target: str, **fields: Any) -> dict[str, Any]:
        body = {
            "from_service_id": services[source]["id"],
            "to_service_id": services[target]["id"],
            "channel": "phone",
            "status": "active",
        } | fields
        return post("pathways", body)

    pathways = {
        "police_to_refuge": pathway(
            "police",
            "refuge",
            needs=["emergency_shelter", "safety_planning"],
            expected_response_minutes=120,
        ),
        "refuge_to_legal": pathway(
            "refuge", "legal", needs=["emergency_shelter", "legal_advice"], consent_required=False
        ),
        "draft": pathway("legal", "police", needs=["police_report"], status="draft"),
    }
    police = make.user("police-editor@example.org", name="Pat Police")
    make.member(
        world.a, police, MembershipRole.partner_editor, [uuid.UUID(world.a_other_partner["id"])]
    )
    legal = make.user("legal-editor@example.org", name="Lee Legal")
    make.member(world.a, legal, MembershipRole.partner_editor, [uuid.UUID(legal_partner["id"])])
    return Referrals(
        world=world,
        client=client,
        police=police,
        shelter=world.editor,
        legal=legal,
        services=services,
        pathways=pathways,
    )


def add_referral_row(
    session: Any,
    network_id: uuid.UUID,
    route: dict[str, Any],
    sent: datetime,
    needs: tuple[str, ...] | list[str],
    **fields: Any,
) -> Referral:
    """A referral written as a row (with its needs), the way any code could, rather than
    through the API: `route` names its pathway (an id or None: off-pathway) and the `from`
    and `to` services as the API gave them; `fields` its status, times and minutes."""
    pathway = route["pathway"]
    row = Referral(
        network_id=network_id,
        pathway_id=uuid.UUID(str(pathway)) if pathway else None,
        off_pathway=pathway is None,
        from_service_id=uuid.UUID(route["from"]["id"]),
        to_service_id=uuid.UUID(route["to"]["id"]),
        from_partner_id=uuid.UUID(route["from"]["partner_id"]),
        to_partner_id=uuid.UUID(route["to"]["partner_id"]),
        urgency="routine",
        consent_given=True,
        sent_at=sent,
        due_at=sent + timedelta(hours=8),
        expires_at=sent + timedelta(hours=24),
        updated_at=sent,
        **fields,
    )
    session.add(row)
    session.flush()
    for position, need in enumerate(needs):
        session.add(ReferralNeed(referral_id=row.id, kind="need", value=need, position=position))
    return row


def _kept_tallies(session: Session) -> tuple[list[Any], list[Any]]:
    counts = session.scalars(select(ReferralTally).where(col(ReferralTally.count) != 0)).all()
    minutes = session.scalars(
        select(ReferralMinuteTally).where(col(ReferralMinuteTally.count) != 0)
    ).all()

    def rows(found: Any) -> list[Any]:
        if not found:
            return []
        names = [column.name for column in type(found[0]).__table__.columns]
        return sorted(tuple(str(getattr(row, name)) for name in names) for row in found)

    return rows(counts), rows(minutes)


def assert_tallies_kept_as_counted(app: FastAPI) -> tuple[list[Any], list[Any]]:
    """The tallies the triggers kept equal those counted again from the rows (counted in a
    transaction rolled back, so nothing changes); the kept ones, as sorted rows."""
    factory = app.state.session_factory
    with factory() as session:
        kept = _kept_tallies(session)
        tallies.rebuild_lineage(session.connection())
        tallies.rebuild(session.connection())
        counted = _kept_tallies(session)
        session.rollback()
    assert kept == counted
    return kept
