"""The company's billing reports readings through its key: only its own company's meters, the
meter's rules but not the residents' window, each reading on its own, retries not doubled."""

from __future__ import annotations

import pytest

from backend import clock
from backend.models.history import HistoryEvent
from backend.models.meters import MeterReading
from backend.models.organizations import Organization
from backend.services.partners import ApiScope
from tests.api.meters.helpers import ACCOUNT_METERS, almaty, make_meter, reading
from tests.helpers import company_bin, make_partner

REPORT = """
mutation ($input: PartnerMeterReadingsReportInput!) { partnerMeterReadingsReport(input: $input) {
  recorded duplicates errors { field code params } } }
"""


def _vars(*readings) -> dict:
    return {"input": {"readings": [{"accountNumber": a, "serial": s, "value": v} for a, s, v in readings]}}


async def _bin_of(company) -> str:
    return (await Organization.get(id=company.organization_id)).bin


@pytest.fixture
async def meters_x(cast):
    meter = await make_meter(cast.world.account_x, serial="CW-17", window=(15, 25), max_monthly="30")
    await reading(meter, "100", almaty(2026, 11, 20))
    return meter


async def test_the_companys_billing_reports_outside_the_residents_window(cast, settings, meters_x):
    # given: the 3rd, before the residents' window opens on the 15th
    partner = await make_partner(settings, cast.anon.http, await _bin_of(cast.world.company_x), scopes={ApiScope.BILLING_WRITE})
    # when
    with clock.at(almaty(2026, 12, 3)):
        body = await partner.data(REPORT, _vars(("10117", "CW-17", "104.5")))
        again = await partner.data(REPORT, _vars(("10117", "CW-17", "104.5")))
    # then: recorded once, as the company's, and the resident sees it
    assert body["partnerMeterReadingsReport"] == {"recorded": 1, "duplicates": 0, "errors": []}
    assert again["partnerMeterReadingsReport"] == {"recorded": 0, "duplicates": 1, "errors": []}
    seen = await cast.resident.data(ACCOUNT_METERS, {"accountId": str(cast.world.account_x.id)})
    assert seen["accountMeters"][0]["lastReading"] == {"value": "104.500", "source": "company"}
    [event] = await HistoryEvent.filter(entity="meter", entity_id=str(meters_x.id))
    assert event.data["source"] == "company" and event.data["by"].startswith("partner:")


async def test_each_reading_stands_alone_and_errors_name_it(cast, settings, meters_x):
    # given: a meter of company Y, which X's key must not reach
    await make_meter(cast.world.account_y, serial="Y-1")
    partner = await make_partner(settings, cast.anon.http, await _bin_of(cast.world.company_x), scopes={ApiScope.BILLING_WRITE})
    # when
    with clock.at(almaty(2026, 12, 3)):
        body = await partner.data(REPORT, _vars(
            ("10117", "CW-17", "99"), ("20003", "Y-1", "5"), ("10117", "NOPE", "5"), ("10117", "CW-17", "1.2345"),
            ("10117", "CW-17", "131"), ("10117", "CW-17", "110")))
    # then
    payload = body["partnerMeterReadingsReport"]
    assert payload["recorded"] == 1
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("readings.0.value", "BELOW_LAST"), ("readings.1.serial", "NOT_FOUND"), ("readings.2.serial", "NOT_FOUND"),
        ("readings.3.value", "INVALID_VALUE"), ("readings.4.value", "ABOVE_PLAUSIBLE")]
    assert await MeterReading.filter(source="company").count() == 1


async def test_who_may_report(cast, settings, meters_x):
    no_scope = await make_partner(settings, cast.anon.http, await _bin_of(cast.world.company_x), scopes={ApiScope.CONTRACTS_READ})
    not_a_company = await make_partner(settings, cast.anon.http, company_bin(7777), scopes={ApiScope.BILLING_WRITE})
    cases = [(no_scope, "SCOPE_MISSING"), (not_a_company, "NOT_A_MANAGEMENT_COMPANY"), (cast.staff_x, "API_KEY_REQUIRED"),
             (cast.resident, "API_KEY_REQUIRED"), (cast.anon, "API_KEY_REQUIRED")]
    for client, code in cases:
        body = await client.data(REPORT, _vars(("10117", "CW-17", "104")))
        assert [e["code"] for e in body["partnerMeterReadingsReport"]["errors"]] == [code], code
    assert await MeterReading.filter(source="company").count() == 0


async def test_at_most_a_thousand_readings_a_call(cast, settings, meters_x):
    partner = await make_partner(settings, cast.anon.http, await _bin_of(cast.world.company_x), scopes={ApiScope.BILLING_WRITE})
    body = await partner.data(REPORT, _vars(*[("10117", "CW-17", "104")] * 1001))
    assert [(e["field"], e["code"]) for e in body["partnerMeterReadingsReport"]["errors"]] == [("readings", "TOO_MANY")]
