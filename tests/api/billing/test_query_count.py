"""accountReceipts with lines, account, company and recipient costs the same statements for 1 or 12 receipts."""

from __future__ import annotations

import datetime as dt

from tests.api.billing.conftest import seed_receipt
from tests.services.billing.charges import SEED_LINES
from tests.sqlcount import statements

RECEIPTS = """
query($id: ID!) {
  accountReceipts(accountId: $id, first: 12) {
    totalCount
    edges { node { id number period totalToPay lines { service total } account { number address }
                   company { name } recipient { bin iik } } }
  }
}
"""


async def _count(cast) -> tuple[int, int]:
    with statements() as sql:
        data = await cast.resident.data(RECEIPTS, {"id": str(cast.world.account_x.id)})
    return len(data["accountReceipts"]["edges"]), len(sql)


async def test_statements_do_not_grow_with_receipts(rt, cast):
    # given
    await seed_receipt(rt, cast.world.company_x, SEED_LINES, dt.date(2026, 1, 1))
    one = await _count(cast)
    for month in range(2, 13):
        await seed_receipt(rt, cast.world.company_x, SEED_LINES, dt.date(2026, month, 1))
    # when
    twelve = await _count(cast)
    # then
    assert one[0] == 1 and twelve[0] == 12
    assert twelve[1] == one[1], (one, twelve)
