"""Demo data of the cabinet: accounts (owned by that domain)."""

from __future__ import annotations

from backend.runtime import Runtime


async def seed(rt: Runtime, password: str) -> None:
    return None
