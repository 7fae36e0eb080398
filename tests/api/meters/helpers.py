"""Meters and readings for the meters tests, and moments in Almaty."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from backend.models.meters import Meter, MeterKind, MeterReading

ALMATY = ZoneInfo("Asia/Almaty")

ACCOUNT_METERS = """
query ($accountId: ID!) { accountMeters(accountId: $accountId) {
  id kind serial unit windowFromDay windowToDay windowOpen maxMonthly nextVerification
  lastReading { value source } readings { value submittedAt } } }
"""
SUBMIT = """
mutation ($input: MeterReadingSubmitInput!) { meterReadingSubmit(input: $input) {
  reading { id value source } meter { id lastReading { value } } errors { field code params } } }
"""


def almaty(y: int, m: int, d: int, h: int = 12) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=ALMATY)


async def make_meter(account, kind: MeterKind = MeterKind.COLD_WATER, serial: str = "CW-1", window=(15, 25),
                     max_monthly: str = "30") -> Meter:
    return await Meter.create(account=account, kind=kind, serial=serial, unit="m3", window_from_day=window[0],
                              window_to_day=window[1], max_monthly=Decimal(max_monthly))


async def reading(meter: Meter, value: str, at: dt.datetime, source: str = "resident") -> MeterReading:
    return await MeterReading.create(meter=meter, value=Decimal(value), source=source, created_at=at)


def submit_vars(meter: Meter, value: str) -> dict:
    return {"input": {"meterId": str(meter.id), "value": value}}
