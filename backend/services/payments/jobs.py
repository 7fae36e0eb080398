"""The payments' scheduled jobs (registered on import; backend/services/scheduler.py HANDLER_MODULES)."""

from __future__ import annotations

from backend.runtime import Runtime
from backend.services import scheduler
from backend.services.payments import orders


@scheduler.handler(orders.EXPIRE_JOB)
async def expire_order(rt: Runtime, ref: str) -> None:
    # Idempotent: an order already settled (or expired by an earlier run) is left alone.
    await orders.expire(rt, ref)
