"""Demo data of the cabinet: service requests (owned by that domain)."""

from __future__ import annotations

from backend.runtime import Runtime


async def seed(rt: Runtime) -> None:
    return None
