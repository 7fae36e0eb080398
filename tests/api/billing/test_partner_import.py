"""Partner billing imports a month's charges: only with billing:write, only into its own company;
per-line errors; the CSV and GraphQL paths give identical receipts."""

from __future__ import annotations

import pytest

from backend.models.billing import ChargeImport, Receipt, ReceiptLine
from tests.services.billing.charges import SEED_LINES, csv_body

IMPORT = """
mutation($input: ChargesImportInput!) {
  partnerChargesImport(input: $input) {
    import { id status linesTotal linesOk linesFailed receipts errors { line accountNumber field code message } }
    errors { code field }
  }
}
"""
IMPORTS = "query { chargeImports { totalCount edges { node { id period source linesTotal } } } }"


def _graphql_lines(lines: list[dict]) -> list[dict]:
    def camel(k: str) -> str:
        head, *rest = k.split("_")
        return head + "".join(p.title() for p in rest)

    return [{camel(k): (v.upper() if k == "section" else v) for k, v in line.items()} for line in lines]


async def _import(client, lines, period="2026-11-01"):
    return (await client.gql(IMPORT, {"input": {"period": period, "lines": _graphql_lines(lines)}}))


@pytest.mark.parametrize("who, code", [("anon", "API_KEY_REQUIRED"), ("resident", "API_KEY_REQUIRED"),
                                       ("staff_x", "API_KEY_REQUIRED"), ("partner_x_read", "SCOPE_MISSING")])
async def test_import_is_refused_without_a_billing_key(cast, who, code):
    # when
    body = await _import(getattr(cast, who), SEED_LINES)
    # then
    assert body["data"]["partnerChargesImport"]["errors"][0]["code"] == code
    assert await Receipt.all().count() == 0 and await ChargeImport.all().count() == 0


async def test_partner_of_x_imports_its_accounts_receipt(cast):
    # when
    body = await _import(cast.partner_x, SEED_LINES)
    # then
    result = body["data"]["partnerChargesImport"]
    assert result["errors"] == []
    assert {k: result["import"][k] for k in ("status", "linesTotal", "linesOk", "linesFailed", "receipts")} == {
        "status": "done", "linesTotal": 3, "linesOk": 3, "linesFailed": 0, "receipts": 1}
    receipt = await Receipt.get(account_id=cast.world.account_x.id)
    assert str(receipt.total_to_pay) == "5421.21"


async def test_partner_of_y_importing_xs_account_numbers_gets_line_errors_and_writes_nothing(cast):
    # when
    body = await _import(cast.partner_y, SEED_LINES)
    # then
    result = body["data"]["partnerChargesImport"]["import"]
    assert result["receipts"] == 0 and result["linesFailed"] == 3
    assert result["errors"][0] == {"line": 1, "accountNumber": "10117", "field": "accountNumber", "code": "NOT_FOUND",
                                   "message": "The company has no personal account with this number."}
    assert await Receipt.filter(account_id=cast.world.account_x.id).count() == 0


async def test_charge_imports_are_listed_to_their_company_only(cast):
    # given
    await _import(cast.partner_x, SEED_LINES)
    # when
    seen = {who: (await getattr(cast, who).data(IMPORTS))["chargeImports"]["totalCount"]
            for who in ("staff_x", "staff_y", "partner_x", "partner_y", "resident", "admin")}
    # then
    assert seen == {"staff_x": 1, "staff_y": 0, "partner_x": 1, "partner_y": 0, "resident": 0, "admin": 1}


async def test_an_invalid_period_is_a_payload_error(cast):
    # when
    body = await _import(cast.partner_x, SEED_LINES, period="2031-01-01")
    # then
    assert body["data"]["partnerChargesImport"]["errors"][0] == {"code": "INVALID_PERIOD", "field": "period"}


async def _receipt_content(account_id):
    receipt = await Receipt.get(account_id=account_id)
    lines = await ReceiptLine.filter(receipt_id=receipt.id).order_by("position").values_list(
        "position", "section", "service", "unit", "volume", "tariff", "charged", "recalculation", "benefits",
        "debt_advance", "total")
    return (receipt.opening_debt, receipt.charged, receipt.total_to_pay, receipt.paid_in_period, receipt.content_hash,
            lines)


async def test_csv_and_graphql_give_identical_receipts(cast):
    # given
    await _import(cast.partner_x, SEED_LINES)
    by_graphql = await _receipt_content(cast.world.account_x.id)
    await Receipt.all().delete()
    # when
    response = await cast.partner_x.http.post(
        "/partner/billing/charges", params={"period": "2026-11"}, content=csv_body(SEED_LINES),
        headers={"x-api-key": cast.partner_x.api_key, "content-type": "text/csv"})
    # then
    assert response.status_code == 200, response.text
    assert response.json()["receipts"] == 1
    assert await _receipt_content(cast.world.account_x.id) == by_graphql


IMPORT_ONE = "query($id: ID!) { chargeImport(id: $id) { id linesTotal errors { code } } }"


@pytest.mark.parametrize("who, sees", [("anon", False), ("resident", False), ("staff_x", True), ("staff_y", False),
                                       ("admin", True), ("partner_x", True), ("partner_x_read", False), ("partner_y", False)])
async def test_one_charge_import_by_role(cast, who, sees):
    # given
    import_id = (await _import(cast.partner_x, SEED_LINES))["data"]["partnerChargesImport"]["import"]["id"]
    # when
    body = await getattr(cast, who).gql(IMPORT_ONE, {"id": import_id})
    # then
    assert not body.get("errors")
    assert (body["data"]["chargeImport"] is not None) is sees
