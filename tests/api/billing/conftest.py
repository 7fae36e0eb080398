"""The billing tests' cast (as tests/api/housing's): a resident linked to account X, another
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


async def seed_receipt(rt, company, lines, period=None):
    """A receipt through the product's import path (what a company's billing does)."""
    import datetime as dt

    from backend.services.billing.charges_import import import_lines

    return await import_lines(rt, company, period or dt.date(2026, 11, 1), [dict(l) for l in lines])
