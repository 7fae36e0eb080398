"""The cabinet world with every role the access matrix needs: the resident of account_x, another
resident (linked to account_y of company Y), staff of X and of Y, an admin and anonymous."""

from __future__ import annotations

import contextlib

import pytest

from tests.cabinet_world import Cast, build_cast


@pytest.fixture
async def cast(app, rt, settings) -> Cast:
    async with contextlib.AsyncExitStack() as stack:
        yield await build_cast(app, rt, settings, stack)
