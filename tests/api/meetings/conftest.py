"""The cabinet world with every role the access matrix needs: the resident of account_x, another
resident (linked to account_y of company Y), staff of X and of Y, an admin and anonymous."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import httpx
import pytest

from tests.cabinet_world import World, build_world, link
from tests.helpers import ApiClient, make_account


@dataclass
class Cast:
    world: World
    anon: ApiClient
    resident: ApiClient
    other_resident: ApiClient
    staff_x: ApiClient
    staff_y: ApiClient
    admin: ApiClient

    def by_name(self, name: str) -> ApiClient:
        return getattr(self, name)


@pytest.fixture
async def cast(app, rt) -> Cast:
    async with contextlib.AsyncExitStack() as stack:
        async def client(role: str | None) -> ApiClient:
            http = await stack.enter_async_context(
                httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver"))
            c = ApiClient(http)
            if role:
                await make_account(rt, c, role)
            return c

        anon, resident, other, staff_x, staff_y, admin = [
            await client(r) for r in (None, "resident", "resident", "uk_staff", "uk_staff", "admin")]
        world = await build_world(resident.user, staff_x.user, staff_y.user)
        await link(other.user, world.account_y)
        yield Cast(world, anon, resident, other, staff_x, staff_y, admin)
