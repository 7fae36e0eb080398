"""Demo data of the cabinet: meters (owned by that domain).

Every account of ТОО «Жайлы үй» (demo_cabinet/accounts.py) gets four meters — cold water, hot
water, electricity, heat — with a reading on the 20th of each of the six months before the
current one. Cold water takes readings from the 1st to the 25th, hot water from the 15th to the
25th (so the e2e server's day, SHANYRAQ_CLOCK_START 2026-12-08, shows a closed window beside open
ones), electricity and heat all month (1st to 31st), so a demo on any day has a meter to submit to.

Idempotent: a meter that exists is left alone with its readings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from backend import clock
from backend.demo_cabinet.accounts import ACCOUNTS, BUILDINGS, ZHAILY_UY
from backend.models.housing import PersonalAccount
from backend.models.meters import Meter, MeterKind, MeterReading
from backend.runtime import Runtime
from backend.services import history
from backend.services.meters.readings import Source
from backend.services.meters.window import ALMATY
from backend.services.tx import atomic

MONTHS = 6
# (kind, serial prefix, unit, window from, window to, max a month, first value, use a month)
METERS = (
    (MeterKind.COLD_WATER, "ХВ", "m3", 1, 25, "30", "245.120", "6.350"),
    (MeterKind.HOT_WATER, "ГВ", "m3", 15, 25, "20", "118.400", "3.210"),
    (MeterKind.ELECTRICITY, "ЭЛ", "kWh", 1, 31, "1500", "15230.000", "182.500"),
    (MeterKind.HEAT, "ТП", "Gcal", 1, 31, "5", "12.345", "0.870"),
)


def _months_back(now: dt.datetime, n: int) -> dt.datetime:
    local = now.astimezone(ALMATY)
    year, month = divmod(local.year * 12 + (local.month - 1) - n, 12)
    return dt.datetime(year, month + 1, 20, 19, 30, tzinfo=ALMATY)


async def seed(rt: Runtime) -> None:
    # The demo data are dated by the clock the demo server will run on (see backend/clock.py).
    clock.start_from_env()
    now = clock.now()
    ours = {b[1] for b in BUILDINGS if b[0] is ZHAILY_UY}
    numbers = [a[2] for a in ACCOUNTS if a[0] in ours]
    accounts = await PersonalAccount.filter(number__in=numbers, company__organization__bin=ZHAILY_UY.bin)
    for account in accounts:
        for i, (kind, prefix, unit, start, end, max_monthly, first, use) in enumerate(METERS):
            serial = f"{prefix}-{account.number}-{i + 1}"
            if await Meter.exists(account_id=account.id, serial=serial):
                continue
            async with atomic():
                meter = await Meter.create(account=account, kind=kind, serial=serial, unit=unit, window_from_day=start,
                                           window_to_day=end, max_monthly=Decimal(max_monthly),
                                           next_verification=dt.date(now.year + 2, 6 if i % 2 else 3, 1))
                # A little more use in some months than others, and always within the plausible maximum.
                value = Decimal(first) + Decimal(int(account.number) % 7)
                for back in range(MONTHS, 0, -1):
                    value += Decimal(use) * (Decimal(1) + Decimal(back % 3) / 10)
                    await MeterReading.create(meter=meter, value=value.quantize(Decimal("0.001")), source=Source.COMPANY,
                                              created_at=_months_back(now, back))
                await history.record("meter", meter.id, "created", source="demo", accountId=str(account.id))
