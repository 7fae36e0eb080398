"""The cabinet world seen by every role of the access matrix: a resident linked to account X, another
resident linked to X2, staff of X and of Y, an admin, and partner keys of X (with and without
billing:write) and of Y."""

from __future__ import annotations

import contextlib

import pytest

from tests.cabinet_world import Cast, build_cast


@pytest.fixture
async def cast(app, rt, settings) -> Cast:
    async with contextlib.AsyncExitStack() as stack:
        yield await build_cast(app, rt, settings, stack, other_account="account_x2", partners=True)
