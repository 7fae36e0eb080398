"""The billing tests' cast (as tests/api/housing's): a resident linked to account X, another
resident linked to X2, staff of X and of Y, an admin, and partner keys of X (with and without
billing:write) and of Y."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import httpx
import pytest

from backend.services.partners import ApiScope
from tests.cabinet_world import World, build_world, link
from tests.helpers import ApiClient, PartnerClient, make_account, make_partner


@dataclass
class Cast:
    world: World
    anon: ApiClient
    resident: ApiClient  # confirmed link to account_x
    other_resident: ApiClient  # confirmed link to account_x2
    staff_x: ApiClient
    staff_y: ApiClient
    admin: ApiClient
    partner_x: PartnerClient  # billing:write for company X
    partner_x_read: PartnerClient  # company X's organization, without billing:write
    partner_y: PartnerClient  # billing:write for company Y


@pytest.fixture
async def cast(app, rt, settings) -> Cast:
    async with contextlib.AsyncExitStack() as stack:
        async def http() -> httpx.AsyncClient:
            return await stack.enter_async_context(
                httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver"))

        clients = {}
        for name, role in (("resident", "resident"), ("other_resident", "resident"), ("staff_x", "uk_staff"),
                           ("staff_y", "uk_staff"), ("admin", "admin")):
            clients[name] = ApiClient(await http())
            await make_account(rt, clients[name], role)
        world = await build_world(clients["resident"].user, clients["staff_x"].user, clients["staff_y"].user)
        await link(clients["other_resident"].user, world.account_x2)
        org_x = await world.company_x.organization
        org_y = await world.company_y.organization
        yield Cast(
            world=world, anon=ApiClient(await http()), **clients,
            partner_x=await make_partner(settings, await http(), org_x.bin, scopes={ApiScope.BILLING_WRITE}, name="X billing"),
            partner_x_read=await make_partner(settings, await http(), org_x.bin, scopes={ApiScope.CONTRACTS_READ}, name="X CRM"),
            partner_y=await make_partner(settings, await http(), org_y.bin, scopes={ApiScope.BILLING_WRITE}, name="Y billing"),
        )


async def seed_receipt(rt, company, lines, period=None):
    """A receipt through the product's import path (what a company's billing does)."""
    import datetime as dt

    from backend.services.billing.charges_import import import_lines

    return await import_lines(rt, company, period or dt.date(2026, 11, 1), [dict(l) for l in lines])
