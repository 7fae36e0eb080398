"""Two partner systems of two organizations, X and Y."""

from __future__ import annotations

import httpx
import pytest

from tests.helpers import company_bin, make_partner


@pytest.fixture
async def partner_x(app, settings):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        yield await make_partner(settings, http, company_bin(8100), name="X CRM")


@pytest.fixture
async def partner_y(app, settings):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        yield await make_partner(settings, http, company_bin(8200), name="Y CRM")
