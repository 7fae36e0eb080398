"""The demo's meters: four per account of the demo company with six months of readings; on the e2e
server's day (2026-12-08) the demo resident submits a reading, and a too-low one is refused."""

from __future__ import annotations

from backend import clock
from backend.demo_cabinet import accounts, meters
from backend.models.housing import PersonalAccount
from backend.models.identity import User
from backend.models.meters import Meter, MeterReading
from backend.services.request_info import RequestInfo
from backend.services.sessions import open_session
from backend.services.tx import atomic
from tests.api.meters.helpers import ACCOUNT_METERS, SUBMIT, almaty
from tests.helpers import create_user


async def test_the_demo_resident_submits_a_reading_on_the_e2e_day(rt, anon):
    # given: seeded twice on the 3rd (the second run adds nothing)
    await create_user("uk_staff", email=accounts.STAFF_EMAIL)
    with clock.at(almaty(2026, 12, 3)):
        await accounts.seed(rt, "Shanyraq-Demo-2026!")
        for _ in range(2):
            await meters.seed(rt)
    demo = await User.get(phone=accounts.RESIDENT_PHONE)
    async with atomic():
        anon.token = (await open_session(rt, demo, "phone", RequestInfo(ip="127.0.0.1"), announce=False)).access_token
    account_id = str((await PersonalAccount.get(number="10117")).id)
    assert await Meter.filter(account__number="10117").count() == 4
    assert await MeterReading.filter(meter__account__number="10117").count() == 4 * meters.MONTHS
    # when: on the e2e server's day
    with clock.at(almaty(2026, 12, 8, 10)):
        listed = (await anon.data(ACCOUNT_METERS, {"accountId": account_id}))["accountMeters"]
        cold = next(m for m in listed if m["kind"] == "COLD_WATER")
        last = cold["lastReading"]["value"]
        too_low = await anon.data(SUBMIT, {"input": {"meterId": cold["id"], "value": "1"}})
        fine = await anon.data(SUBMIT, {"input": {"meterId": cold["id"], "value": last}})
    # then
    assert sorted(m["kind"] for m in listed) == ["COLD_WATER", "ELECTRICITY", "HEAT", "HOT_WATER"]
    assert {m["kind"]: m["windowOpen"] for m in listed} == {"COLD_WATER": True, "HOT_WATER": False, "ELECTRICITY": True, "HEAT": True}
    assert all(len(m["readings"]) == 6 for m in listed)
    assert cold["serial"] == "ХВ-10117-1" and last == "289.030"
    assert cold["readings"][0]["submittedAt"].startswith("2026-11-20")
    assert [(e["code"], e["params"]) for e in too_low["meterReadingSubmit"]["errors"]] == [("BELOW_LAST", {"last": last})]
    assert fine["meterReadingSubmit"]["errors"] == []
