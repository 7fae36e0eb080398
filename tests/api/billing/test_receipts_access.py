"""Who sees which receipt: a resident only their confirmed accounts'; staff only their company's;
anonymous callers and partner keys none through the resident queries."""

from __future__ import annotations

import pytest

from tests.api.billing.conftest import seed_receipt
from tests.services.billing.charges import SEED_LINES

ACCOUNT_RECEIPTS = """
query($id: ID!) {
  accountReceipts(accountId: $id) {
    totalCount
    edges { node { id number period openingDebt charged totalToPay paidInPeriod
      lines { section service unit volume tariff charged debtAdvance total }
      account { number } company { name } recipient { name bin iik bik bankName } pdfUrl(locale: KK) } }
  }
}
"""
RECEIPT = "query($id: ID!) { receipt(id: $id) { id number totalToPay } }"
Y_LINES = [{"account_number": "20003", "section": "utilities", "service": "Отопление", "unit": "Гкал",
            "volume": "1.2", "tariff": "5400.50", "charged": "6480.60"}]


async def _receipts(rt, cast):
    await seed_receipt(rt, cast.world.company_x, SEED_LINES)
    await seed_receipt(rt, cast.world.company_y, Y_LINES)


@pytest.mark.parametrize("who, sees_x, sees_y", [
    ("anon", False, False), ("resident", True, False), ("other_resident", False, False),
    ("staff_x", True, False), ("staff_y", False, True), ("admin", True, True),
    ("partner_x", False, False), ("partner_y", False, False),
])
async def test_account_receipts_by_role(rt, cast, who, sees_x, sees_y):
    # given
    await _receipts(rt, cast)
    client = getattr(cast, who)
    # when
    x = (await client.gql(ACCOUNT_RECEIPTS, {"id": str(cast.world.account_x.id)}))
    y = (await client.gql(ACCOUNT_RECEIPTS, {"id": str(cast.world.account_y.id)}))
    # then
    assert not x.get("errors") and not y.get("errors")
    assert x["data"]["accountReceipts"]["totalCount"] == (1 if sees_x else 0)
    assert y["data"]["accountReceipts"]["totalCount"] == (1 if sees_y else 0)
    if not sees_x:
        assert x["extensions"]["denied"], x


async def test_the_resident_reads_the_seed_receipt_with_its_lines_and_bank_details(rt, cast):
    # given
    await _receipts(rt, cast)
    # when
    data = (await cast.resident.data(ACCOUNT_RECEIPTS, {"id": str(cast.world.account_x.id)}))["accountReceipts"]
    # then
    node = data["edges"][0]["node"]
    assert (node["period"], node["charged"], node["openingDebt"], node["totalToPay"]) == (
        "2026-11-01", "1015.31", "4405.90", "5421.21")
    assert [l["total"] for l in node["lines"]] == ["1480.03", "3088.33", "852.85"]
    assert node["lines"][0] == {"section": "HOUSING", "service": "Водоотведение СОИ", "unit": "м3", "volume": "9.944482",
                                "tariff": "30.1000", "charged": "299.33", "debtAdvance": "1180.70", "total": "1480.03"}
    org = await cast.world.company_x.organization
    assert node["recipient"] == {"name": "ТОО «ТеплоДом»", "bin": org.bin, "iik": "KZ12345678901234567890",
                                 "bik": "HSBKKZKX", "bankName": "Halyk Bank"}
    assert node["account"]["number"] == "10117" and node["pdfUrl"].startswith("/receipts/")
    assert node["pdfUrl"].endswith("?locale=kk")


@pytest.mark.parametrize("who, sees", [("anon", False), ("resident", True), ("other_resident", False), ("staff_x", True),
                                       ("staff_y", False), ("partner_x", False)])
async def test_one_receipt_by_role(rt, cast, who, sees):
    # given
    await _receipts(rt, cast)
    rid = (await cast.staff_x.data(ACCOUNT_RECEIPTS, {"id": str(cast.world.account_x.id)}))["accountReceipts"]["edges"][0]["node"]["id"]
    # when
    body = await getattr(cast, who).gql(RECEIPT, {"id": rid})
    # then
    assert not body.get("errors")
    assert (body["data"]["receipt"] is not None) is sees
