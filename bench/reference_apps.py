"""The two reference points every load scenario is compared with, served the same way as
Accord (uvicorn, two workers):

- `bare`: a Starlette endpoint returning a fixed small JSON body — the ceiling of the
  server stack on this machine;
- `straightforward`: a FastAPI + SQLModel endpoint listing 50 partners of a network as ORM
  objects through a response model — what a typical implementation gets.
"""

import os
import uuid
from collections.abc import Iterator
from typing import Annotated

from accord.partners.models import Partner
from fastapi import Depends, FastAPI
from pydantic import BaseModel
from sqlmodel import Session, create_engine, select
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def _bare(_request: object) -> JSONResponse:
    return JSONResponse({"status": "ok", "service": "reference"})


bare = Starlette(routes=[Route("/", _bare)])


class PartnerRow(BaseModel):
    id: uuid.UUID
    name: str
    sector: str
    stage: str
    level: str


_engine = create_engine(
    os.environ.get("DATABASE_URL", "sqlite://"),
    pool_size=44,
    max_overflow=0,
    connect_args={"check_same_thread": False}
    if os.environ.get("DATABASE_URL", "").startswith("sqlite")
    else {},
)


def _session() -> Iterator[Session]:
    with Session(_engine) as session:
        yield session


straightforward = FastAPI()


@straightforward.get("/networks/{network_id}/partners", response_model=list[PartnerRow])
def list_partners(
    network_id: uuid.UUID, session: Annotated[Session, Depends(_session)]
) -> list[Partner]:
    statement = (
        select(Partner)
        .where(Partner.network_id == network_id)
        .order_by(Partner.name)
        .limit(50)
    )
    return list(session.exec(statement).all())
