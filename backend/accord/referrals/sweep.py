"""The expiry sweep: referrals nobody received within their time become `expired`, in every
network, every `referral_sweep_seconds` in each API process (main.py's lifespan), or from
cron with `python -m accord expire-referrals`."""

import logging

import anyio
import anyio.to_thread
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from accord.core.database import transaction
from accord.referrals.service import EXPIRY_BATCH, expire_due

log = logging.getLogger(__name__)


def expire_all(factory: sessionmaker[Session]) -> int:
    """Expire every referral past its time, a batch per transaction; how many."""
    total = 0
    while True:
        with transaction(factory) as session:
            expired = expire_due(session)
        total += expired
        if expired < EXPIRY_BATCH:
            return total


async def sweep_referrals(factory: sessionmaker[Session], every_seconds: int) -> None:
    while True:
        try:
            # Off the event loop: the sweep is database work.
            expired = await anyio.to_thread.run_sync(expire_all, factory)
            if expired:
                log.info("expired %d referrals nobody received in time", expired)
        except Exception:  # a busy or unreachable database: try again next time
            log.exception("the referral expiry sweep failed")
        await anyio.sleep(every_seconds)
