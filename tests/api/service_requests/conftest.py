"""The cabinet world with every role the access matrix of service requests needs: the resident of
account_x (the author), a co-owner linked to the same account, another resident (of account_y,
company Y), staff of X and of Y, an admin and anonymous; the type catalogue in place."""

from __future__ import annotations

import contextlib

import pytest

from backend.services.service_requests.catalog import ensure_catalog
from tests.cabinet_world import Cast, build_cast


@pytest.fixture
async def cast(app, rt, settings) -> Cast:
    async with contextlib.AsyncExitStack() as stack:
        cast = await build_cast(app, rt, settings, stack, co_owner=True)
        await ensure_catalog()
        yield cast
