"""Who sees an account's meters and who may submit a reading: the access matrix."""

from __future__ import annotations

import pytest

from backend import clock
from backend.models.meters import MeterReading
from tests.api.meters.helpers import ACCOUNT_METERS, SUBMIT, almaty, make_meter, submit_vars


@pytest.mark.parametrize("who, sees", [
    ("anon", False), ("resident", True), ("other_resident", False), ("staff_x", True), ("staff_y", False), ("admin", True),
])
async def test_account_meters_per_role(cast, who, sees):
    # given
    meter = await make_meter(cast.world.account_x)
    # when
    body = await cast.by_name(who).gql(ACCOUNT_METERS, {"accountId": str(cast.world.account_x.id)})
    # then
    assert not body.get("errors")
    meters = body["data"]["accountMeters"]
    assert [m["id"] for m in meters] == ([str(meter.id)] if sees else [])
    if who == "anon":
        assert body["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize("who, code", [
    ("anon", "UNAUTHENTICATED"), ("other_resident", "NOT_FOUND"), ("staff_x", "FORBIDDEN"), ("staff_y", "FORBIDDEN"),
    ("admin", "FORBIDDEN"),
])
async def test_submit_refused_per_role(cast, who, code):
    # given
    meter = await make_meter(cast.world.account_x)
    # when
    with clock.at(almaty(2026, 12, 20)):
        body = await cast.by_name(who).data(SUBMIT, submit_vars(meter, "12.5"))
    # then
    assert [e["code"] for e in body["meterReadingSubmit"]["errors"]] == [code]
    assert await MeterReading.filter(meter_id=meter.id).count() == 0


async def test_the_resident_submits_for_their_own_meter(cast):
    # given
    meter = await make_meter(cast.world.account_x)
    # when
    with clock.at(almaty(2026, 12, 20)):
        body = await cast.resident.data(SUBMIT, submit_vars(meter, "12.5"))
    # then
    payload = body["meterReadingSubmit"]
    assert payload["errors"] == []
    assert payload["reading"]["value"] == "12.500" and payload["reading"]["source"] == "resident"
    assert payload["meter"]["lastReading"]["value"] == "12.500"
    row = await MeterReading.get(id=payload["reading"]["id"])
    assert row.submitted_by_id == cast.resident.user.id


async def test_a_pending_link_does_not_let_a_resident_submit(cast):
    # given: the other resident asks for account_x2, not confirmed yet
    from backend.models.housing import AccountLinkStatus
    from tests.cabinet_world import link

    await link(cast.other_resident.user, cast.world.account_x2, AccountLinkStatus.PENDING)
    meter = await make_meter(cast.world.account_x2)
    # when
    with clock.at(almaty(2026, 12, 20)):
        body = await cast.other_resident.data(SUBMIT, submit_vars(meter, "1"))
        seen = await cast.other_resident.data(ACCOUNT_METERS, {"accountId": str(cast.world.account_x2.id)})
    # then
    assert [e["code"] for e in body["meterReadingSubmit"]["errors"]] == ["NOT_FOUND"]
    assert seen["accountMeters"] == []


async def test_an_unknown_or_malformed_meter_is_not_found(cast):
    with clock.at(almaty(2026, 12, 20)):
        for meter_id in ("not-a-uuid", "00000000-0000-0000-0000-000000000000"):
            body = await cast.resident.data(SUBMIT, {"input": {"meterId": meter_id, "value": "1"}})
            assert [(e["field"], e["code"]) for e in body["meterReadingSubmit"]["errors"]] == [("meterId", "NOT_FOUND")]
