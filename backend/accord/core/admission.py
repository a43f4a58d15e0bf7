"""Admission control: at most so many API requests are worked on at once; the rest wait
their turn here, before they hold anything.

Why: a request takes a database connection in its first dependency and keeps it until its
response, while each of its sync steps waits for a worker thread. Let in more requests than
there are threads and they take every pooled connection, leaving the threads that could
finish them waiting for one: under load that is a stall until the pool times out. Waiting
here costs nothing but the socket."""

import anyio
from starlette.types import ASGIApp, Receive, Scope, Send


class AdmissionMiddleware:
    def __init__(self, app: ASGIApp, limit: int, prefix: str, exempt: frozenset[str]) -> None:
        self.app = app
        self.prefix = prefix
        self.exempt = exempt
        self._slots = anyio.Semaphore(limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(self.prefix) or path in self.exempt:
            # The dashboard's static files and the liveness check (answered on the event
            # loop, no thread, no connection) need no slot: they answer even when every
            # slot waits for the database.
            await self.app(scope, receive, send)
            return
        async with self._slots:
            await self.app(scope, receive, send)
