"""Test fixtures: a real database (SQLite file, or PostgreSQL when ACCORD_TEST_DATABASE_URL
names a server), migrated with Alembic once per run and emptied after every test, so no
test sees another's data. Nothing is mocked."""

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from accord.accounts.models import User
from accord.core.database import transaction
from accord.core.security import create_access_token, hash_password
from accord.core.settings import REPO_ROOT, Environment, Settings
from accord.core.vocabulary import MembershipRole
from accord.main import create_app
from accord.models import metadata
from accord.networks.models import Membership, MembershipPartner, Network
from accord.partners.models import PartnerCreate
from accord.roles.catalogue_loader import load_catalogue

PASSWORD = "correct-horse-battery"
GENEROUS_RATE_LIMITS = {
    "rate_limit_api": "1000000/minute",
    "rate_limit_sign_in": "1000000/minute",
    "rate_limit_sign_in_address": "1000000/minute",
    "rate_limit_refresh": "1000000/minute",
}
REFERENCE_TABLES = {"catalogue_state"}
SECRET = "test-secret-key-that-is-long-enough-for-production-use"


def alembic_config(database_url: str) -> Config:
    config = Config(str(REPO_ROOT / "alembic.ini"))
    config.attributes["database_url"] = database_url
    config.attributes["configure_logger"] = False
    return config


@contextmanager
def temporary_database(folder: Path, prefix: str) -> Iterator[str]:
    """A new, empty database: an SQLite file in `folder`, or, when ACCORD_TEST_DATABASE_URL
    names a PostgreSQL server, a database created there and dropped afterwards."""
    server = os.environ.get("ACCORD_TEST_DATABASE_URL")
    if not server:
        yield f"sqlite:///{folder / f'{prefix}.db'}"
        return
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with temporary_database(tmp_path_factory.mktemp("db"), "accord_test") as url:
        yield url


@pytest.fixture(scope="session")
def migrated(database_url: str) -> str:
    command.upgrade(alembic_config(database_url), "head")
    engine = create_engine(database_url)
    try:
        with Session(engine) as session:
            load_catalogue(session)
            session.commit()
    finally:
        engine.dispose()
    return database_url


@pytest.fixture(scope="session")
def settings(migrated: str) -> Settings:
    return Settings(
        environment=Environment.test,
        database_url=migrated,
        secret_key=SECRET,
        request_threads=8,
        # Tests expire referrals when they mean to (tests/referrals/test_sweep.py runs it).
        referral_sweep_seconds=0,
        # One app serves the whole run, so its counts outlive each test: tests of the limits
        # build their own app with low ones (tests/core/test_ratelimit.py).
        **GENEROUS_RATE_LIMITS,
    )


@pytest.fixture(scope="session")
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def _empty_database(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "app" not in request.fixturenames:
        return
    engine = request.getfixturevalue("app").state.engine
    with engine.begin() as connection:
        # Networks may nest (parent_id RESTRICT): un-nest them before deleting.
        connection.execute(Network.__table__.update().values(parent_id=None))  # type: ignore[attr-defined]
        for table in reversed(metadata.sorted_tables):
            if table.name in REFERENCE_TABLES:
                continue
            if table.name == "roles":  # keep the shipped catalogue, drop networks' own roles
                connection.execute(table.delete().where(table.c.network_id.is_not(None)))
                continue
            connection.execute(table.delete())


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def db(app: FastAPI) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = app.state.session_factory
    return factory


@dataclass
class Actor:
    user: User
    headers: dict[str, str]

    @property
    def id(self) -> uuid.UUID:
        return self.user.id


@dataclass
class World:
    """Two networks, A and B, each with members of every role and a partner."""

    a: Network
    b: Network
    admin: Actor
    coordinator: Actor
    editor: Actor
    viewer: Actor
    other_coordinator: Actor
    a_partner: dict[str, Any]
    a_other_partner: dict[str, Any]
    b_partner: dict[str, Any]


class Factory:
    def __init__(self, app: FastAPI, settings: Settings, password_hash: str) -> None:
        self.factory: sessionmaker[Session] = app.state.session_factory
        self.settings = settings
        self.password_hash = password_hash

    def user(
        self, email: str | None = None, *, admin: bool = False, name: str | None = None
    ) -> Actor:
        email = email or f"{uuid.uuid4().hex[:10]}@example.org"
        with transaction(self.factory) as session:
            user = User(
                email=email,
                full_name=name or email.split("@")[0].title(),
                password_hash=self.password_hash,
                is_admin=admin,
            )
            session.add(user)
        return Actor(user=user, headers=self.headers_for(user.id, user.version))

    def headers_for(self, user_id: uuid.UUID, version: int = 1) -> dict[str, str]:
        token = create_access_token(self.settings, user_id, version).token
        return {"Authorization": f"Bearer {token}"}

    def network(self, slug: str, name: str | None = None) -> Network:
        with transaction(self.factory) as session:
            network = Network(slug=slug, name=name or slug.title(), level="local", languages=["en"])
            session.add(network)
        return network

    def member(
        self,
        network: Network,
        actor: Actor,
        role: MembershipRole,
        partner_ids: list[uuid.UUID] | None = None,
    ) -> Membership:
        with transaction(self.factory) as session:
            membership = Membership(network_id=network.id, user_id=actor.id, role=role)
            session.add(membership)
            session.flush()
            for partner_id in partner_ids or []:
                session.add(MembershipPartner(membership_id=membership.id, partner_id=partner_id))
        return membership


@pytest.fixture
def make(app: FastAPI, settings: Settings, password_hash: str) -> Factory:
    return Factory(app, settings, password_hash)


def partner_body(**overrides: Any) -> dict[str, Any]:
    body = PartnerCreate(name=f"Partner {uuid.uuid4().hex[:6]}", sector="health").model_dump(
        mode="json", exclude_none=True
    )
    return {**body, **overrides}


@pytest.fixture
def world(client: TestClient, make: Factory) -> World:
    a, b = make.network("network-a", "Network A"), make.network("network-b", "Network B")
    admin = make.user("admin@example.org", admin=True, name="Admin")
    coordinator = make.user("coordinator@example.org", name="Cora Coordinator")
    other = make.user("other@example.org", name="Otto Other")
    make.member(a, coordinator, MembershipRole.coordinator)
    make.member(b, other, MembershipRole.coordinator)

    def create(network: Network, actor: Actor, **fields: Any) -> dict[str, Any]:
        response = client.post(
            f"/api/v1/networks/{network.slug}/partners",
            json=partner_body(**fields),
            headers=actor.headers,
        )
        assert response.status_code == 201, response.text
        return response.json()

    a_partner = create(a, coordinator, name="Riverside Shelter", sector="specialist_ngo")
    a_other = create(a, coordinator, name="Central Police", sector="police")
    b_partner = create(b, other, name="Hillside Clinic", sector="health")
    editor = make.user("editor@example.org", name="Edna Editor")
    viewer = make.user("viewer@example.org", name="Vic Viewer")
    make.member(a, editor, MembershipRole.partner_editor, [uuid.UUID(a_partner["id"])])
    make.member(a, viewer, MembershipRole.viewer)
    return World(
        a=a,
        b=b,
        admin=admin,
        coordinator=coordinator,
        editor=editor,
        viewer=viewer,
        other_coordinator=other,
        a_partner=a_partner,
        a_other_partner=a_other,
        b_partner=b_partner,
    )


def repo_path(*parts: str) -> Path:
    return REPO_ROOT.joinpath(*parts)


def at_once(*requests: Callable[[], Any]) -> list[Any]:
    """Send the requests from separate threads, released together."""
    barrier = threading.Barrier(len(requests))
    responses: list[Any] = [None] * len(requests)

    def run(index: int) -> None:
        barrier.wait()
        responses[index] = requests[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses
