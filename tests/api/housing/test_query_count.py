""""My accounts" with each account's company and building costs the same SQL statements for 1 or 20 links."""

from __future__ import annotations

from backend.models.housing import AccountLinkStatus
from tests.cabinet_world import build_world, link, make_building, make_company, make_personal_account
from tests.helpers import ApiClient, make_account
from tests.sqlcount import statements

MY = """
query { myAccountLinks { id status accountNumber address residentName
  account { number ownerName flat premisesArea address debt building { address } company { name phone } } } }
"""
STAFF = """
query { companyAccountLinks(first: 50) { totalCount edges { node { id accountNumber residentPhone
  account { number address company { name } } } } } }
"""


async def _twenty(user) -> None:
    # Four companies with five accounts each; every other link pending.
    for c in range(4):
        company = await make_company(f"ТОО «Компания {c}»")
        building = await make_building(company, street=f"Көше {c}", house=str(c + 1))
        for f in range(5):
            account = await make_personal_account(building, str(f + 1), f"5{c}{f:03d}")
            await link(user, account, AccountLinkStatus.CONFIRMED if f % 2 == 0 else AccountLinkStatus.PENDING)


async def test_my_account_links_cost_does_not_grow_with_links(app, rt, cast):
    # given: `resident` has one link; a second resident twenty
    many = ApiClient(cast.resident.http)
    await make_account(rt, many, "resident")
    await _twenty(many.user)
    await cast.resident.data(MY)  # warm-up: validation cache, imports
    # when
    with statements() as one:
        body = await cast.resident.data(MY)
    with statements() as twenty:
        many_body = await many.data(MY)
    # then
    assert len(body["myAccountLinks"]) == 1
    assert len(many_body["myAccountLinks"]) == 20
    assert sum(1 for x in many_body["myAccountLinks"] if x["account"]) == 12
    assert len(twenty) == len(one), (one, twenty)


async def test_the_staffs_queue_costs_the_same_for_one_or_many_links(app, rt, cast):
    # given: one link to company X, then many more
    await cast.staff_x.data(STAFF)
    with statements() as few:
        body = await cast.staff_x.data(STAFF)
    assert body["companyAccountLinks"]["totalCount"] == 2
    world = await build_world()
    for i in range(15):
        account = await make_personal_account(cast.world.building_x, str(100 + i), f"6{i:04d}")
        other = ApiClient(cast.resident.http)
        await make_account(rt, other, "resident")
        await link(other.user, account, AccountLinkStatus.PENDING)
    assert world.company_x.id != cast.world.company_x.id
    # when
    with statements() as many:
        body = await cast.staff_x.data(STAFF)
    # then
    assert body["companyAccountLinks"]["totalCount"] == 17
    assert len(many) == len(few), (few, many)
