"""Queue API fixtures: citizens whose accounts carry a demo persona's IIN and phone, so that the demo
registry knows them, and a stand-in for the decision job that records what it was asked to do."""

from __future__ import annotations

import httpx
import pytest

from backend.adapters.registry_personas import BY_IIN, BY_NUMBER
from backend.services import scheduler
from tests.helpers import ApiClient, make_account


@pytest.fixture
async def persona(app, rt):
    """`await persona("01")` (README number) or `await persona(iin)`: a signed-in citizen of that persona."""
    clients: list[ApiClient] = []

    async def make(key: str, role: str = "citizen") -> ApiClient:
        found = BY_NUMBER.get(key) or BY_IIN[key]
        client = ApiClient(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver"))
        await make_account(rt, client, role, iin_bin=found.iin, full_name=found.facts.person.full_name,
                           phone=found.account_phone, email=found.email)
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.http.aclose()


@pytest.fixture
def decisions(monkeypatch) -> list[str]:
    """The application ids the "queue.decide" job ran for; the real decision is tested on its own."""
    scheduler._load_handlers()  # the real handlers register on import: replace them after that
    ran: list[str] = []

    async def decide(rt, ref: str) -> None:
        ran.append(ref)

    monkeypatch.setitem(scheduler._handlers, "queue.decide", decide)
    return ran
