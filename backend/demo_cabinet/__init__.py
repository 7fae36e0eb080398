"""Demo data of the resident cabinet: a management company with its buildings and accounts, linked
to the demo resident, with receipts, payments, requests, meters and a meeting. Each domain seeds
its own part, in this order (accounts first: the others hang on them)."""

from __future__ import annotations

from backend.runtime import Runtime


async def seed_demo_cabinet(rt: Runtime, password: str) -> None:
    from backend.demo_cabinet import accounts, billing, meetings, meters, service_requests

    await accounts.seed(rt, password)
    await billing.seed(rt)
    await service_requests.seed(rt)
    await meters.seed(rt)
    await meetings.seed(rt)
