"""POST /partner/billing/charges: the CSV upload's refusals and its report."""

from __future__ import annotations

import pytest

from backend.models.billing import ChargeImport, Receipt
from tests.services.billing.charges import SEED_LINES, csv_body

URL = "/partner/billing/charges"


async def _post(client, body: bytes, key: str | None, period: str = "2026-11", content_type: str = "text/csv"):
    headers = {"content-type": content_type}
    if key:
        headers["x-api-key"] = key
    return await client.http.post(URL, params={"period": period}, content=body, headers=headers)


@pytest.mark.parametrize("who, status, code", [("anon", 401, "API_KEY_REQUIRED"), ("bad", 401, "INVALID_API_KEY"),
                                               ("partner_x_read", 403, "SCOPE_MISSING")])
async def test_upload_needs_a_billing_key(cast, who, status, code):
    # given
    key = {"anon": None, "bad": "shq_0000_nope"}.get(who) or (getattr(cast, who).api_key if who.startswith("partner") else None)
    # when
    response = await _post(cast.anon, csv_body(SEED_LINES), key)
    # then
    assert (response.status_code, response.json()["errors"][0]["code"]) == (status, code)
    assert await ChargeImport.all().count() == 0


async def test_an_unknown_column_refuses_the_file_before_anything_is_written(cast):
    # given
    body = b"account_number,section,service,charged,colour\n10117,housing,X,1.00,red\n"
    # when
    response = await _post(cast.anon, body, cast.partner_x.api_key)
    # then
    error = response.json()["errors"][0]
    assert (response.status_code, error["code"], error["field"], error["params"]["columns"]) == (400, "UNKNOWN_COLUMN", "header", ["colour"])
    assert await ChargeImport.all().count() == 0 and await Receipt.all().count() == 0


@pytest.mark.parametrize("period, content_type, status, code", [
    ("2026-13", "text/csv", 400, "INVALID_PERIOD"), ("", "text/csv", 400, "INVALID_PERIOD"),
    ("2026-11", "application/json", 415, "UNSUPPORTED_MEDIA_TYPE"),
])
async def test_period_and_media_type_are_checked(cast, period, content_type, status, code):
    # when
    response = await _post(cast.anon, csv_body(SEED_LINES), cast.partner_x.api_key, period, content_type)
    # then
    assert (response.status_code, response.json()["errors"][0]["code"]) == (status, code)


async def test_report_of_a_file_with_a_bad_line_and_a_late_account(cast):
    # given
    lines = [dict(l) for l in SEED_LINES] + [
        {"account_number": "10118", "section": "utilities", "service": "Отопление", "charged": "abc"},
        {"account_number": "10117", "section": "other", "service": "Домофон", "charged": "300.00"},
    ]
    # when
    response = await _post(cast.anon, csv_body(lines), cast.partner_x.api_key)
    # then
    report = response.json()
    assert response.status_code == 200
    assert (report["linesTotal"], report["linesOk"], report["linesFailed"], report["receipts"]) == (5, 3, 2, 1)
    assert [(e["line"], e["accountNumber"], e["code"]) for e in report["errors"]] == [
        (4, "10118", "INVALID_DECIMAL"), (5, "10117", "ACCOUNT_NOT_CONSECUTIVE")]
    assert (await ChargeImport.get(id=report["importId"])).source == "csv"
