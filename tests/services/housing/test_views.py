"""The account header as plain data (services/housing/views.py), as receipts and SMS texts use it."""

from __future__ import annotations

from decimal import Decimal

from backend.services.housing.views import account_view, account_views
from tests.cabinet_world import build_world
from tests.sqlcount import statements


async def test_the_header_of_an_account():
    # given
    world = await build_world()
    # when
    view = await account_view(world.account_x)
    # then
    assert (view.number, view.owner_name, view.phone, view.flat) == ("10117", "Мартынович Александр", "", "17")
    assert view.address == "г. Астана, 100 атқыштар дивизиясы көшесі, 1, кв. 17"
    assert (view.premises_area, view.account_area, view.living, view.registered, view.debt) == (Decimal("61.00"), Decimal("61.00"), 2, 2, Decimal("0.00"))
    assert view.company_name == "ТОО «ТеплоДом»"


async def test_many_headers_cost_three_statements():
    # given
    world = await build_world()
    # when
    with statements() as sql:
        views = await account_views([world.account_x, world.account_x2, world.account_y])
    # then
    assert [v.number for v in views.values()] == ["10117", "10118", "20003"]
    assert len(sql) == 3
