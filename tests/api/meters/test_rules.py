"""Every rule of a reading, with its code: the window (the clock travels), the value's form, never
below the last reading, never above a plausible maximum; and a correction inside the window."""

from __future__ import annotations

import pytest

from backend import clock
from backend.models.history import HistoryEvent
from backend.models.meters import MeterReading
from tests.api.meters.helpers import ACCOUNT_METERS, SUBMIT, almaty, make_meter, reading, submit_vars


def _errors(body) -> list[tuple]:
    return [(e["field"], e["code"], e["params"]) for e in body["meterReadingSubmit"]["errors"]]


@pytest.mark.parametrize("day, is_open", [(14, False), (15, True), (25, True), (26, False)])
async def test_the_window_is_from_day_to_day_inclusive(cast, day, is_open):
    # given: a window of the 15th to the 25th
    meter = await make_meter(cast.world.account_x, window=(15, 25))
    # when
    with clock.at(almaty(2026, 12, day)):
        body = await cast.resident.data(SUBMIT, submit_vars(meter, "5"))
        seen = await cast.resident.data(ACCOUNT_METERS, {"accountId": str(cast.world.account_x.id)})
    # then
    if is_open:
        assert _errors(body) == []
    else:
        assert _errors(body) == [("value", "WINDOW_CLOSED", {"from": 15, "to": 25})]
        assert await MeterReading.filter(meter_id=meter.id).count() == 0
    assert seen["accountMeters"][0]["windowOpen"] is is_open


async def test_the_window_is_read_in_almaty_time(cast):
    # given: a window to the 25th
    meter = await make_meter(cast.world.account_x, window=(15, 25))
    # when: 2026-12-25 19:30 UTC = 2026-12-26 00:30 Almaty
    import datetime as dt

    with clock.at(dt.datetime(2026, 12, 25, 19, 30, tzinfo=dt.timezone.utc)):
        body = await cast.resident.data(SUBMIT, submit_vars(meter, "5"))
    # then
    assert [e[1] for e in _errors(body)] == ["WINDOW_CLOSED"]


async def test_a_short_month_ends_the_window_at_its_last_day(cast):
    # given: a window "to the 31st"
    meter = await make_meter(cast.world.account_x, window=(20, 31))
    # when: 28 February 2027 is inside it, 1 March is not
    with clock.at(almaty(2027, 2, 28)):
        inside = await cast.resident.data(SUBMIT, submit_vars(meter, "5"))
    with clock.at(almaty(2027, 2, 19)):
        before = await cast.resident.data(SUBMIT, submit_vars(meter, "6"))
    # then: the refusal names the month's real last day
    assert _errors(inside) == []
    assert _errors(before) == [("value", "WINDOW_CLOSED", {"from": 20, "to": 28})]


@pytest.mark.parametrize("day, is_open", [(24, False), (25, True), (31, True), (1, True), (5, True), (6, False)])
async def test_a_window_may_run_over_the_turn_of_the_month(cast, day, is_open):
    # given: readings from the 25th to the 5th of the next month
    meter = await make_meter(cast.world.account_x, window=(25, 5))
    # when
    with clock.at(almaty(2026, 12, day) if day > 5 else almaty(2027, 1, day)):
        body = await cast.resident.data(SUBMIT, submit_vars(meter, "5"))
    # then
    assert [e[1] for e in _errors(body)] == ([] if is_open else ["WINDOW_CLOSED"])


@pytest.mark.parametrize("value", ["-1", "1.2345", "100000000000", "NaN"])
async def test_an_invalid_value_is_refused_and_nothing_is_saved(cast, value):
    # given
    meter = await make_meter(cast.world.account_x)
    # when
    with clock.at(almaty(2026, 12, 20)):
        body = await cast.resident.gql(SUBMIT, submit_vars(meter, value))
    # then
    if body.get("errors"):  # a string the Decimal scalar itself refuses
        assert body["data"] is None
    else:
        assert [(e[0], e[1]) for e in _errors(body["data"])] == [("value", "INVALID_VALUE")]
    assert await MeterReading.filter(meter_id=meter.id).count() == 0


async def test_trailing_zeros_beyond_three_decimals_are_fine(cast):
    meter = await make_meter(cast.world.account_x)
    with clock.at(almaty(2026, 12, 20)):
        body = await cast.resident.data(SUBMIT, submit_vars(meter, "12.5000"))
    assert body["meterReadingSubmit"]["reading"]["value"] == "12.500"


async def test_below_the_last_reading_is_refused_with_the_last(cast):
    # given: November's reading 120.5
    meter = await make_meter(cast.world.account_x)
    await reading(meter, "120.5", almaty(2026, 11, 20))
    # when
    with clock.at(almaty(2026, 12, 20)):
        body = await cast.resident.data(SUBMIT, submit_vars(meter, "120.499"))
        same = await cast.resident.data(SUBMIT, submit_vars(meter, "120.5"))
    # then: lower is refused; the same value (nothing used) is taken
    assert _errors(body) == [("value", "BELOW_LAST", {"last": "120.500"})]
    assert _errors(same) == []


async def test_above_plausible_is_refused_with_the_maximum(cast):
    # given: November's reading 100, at most 30 a month
    meter = await make_meter(cast.world.account_x, max_monthly="30")
    await reading(meter, "100", almaty(2026, 11, 20))
    # when
    with clock.at(almaty(2026, 12, 20)):
        too_much = await cast.resident.data(SUBMIT, submit_vars(meter, "130.001"))
        at_most = await cast.resident.data(SUBMIT, submit_vars(meter, "130"))
    # then
    assert _errors(too_much) == [("value", "ABOVE_PLAUSIBLE", {"max": "130.000", "last": "100.000", "months": 1})]
    assert _errors(at_most) == []


async def test_the_plausible_maximum_grows_with_the_months_missed(cast):
    # given: the last reading was in September: three months of use since
    meter = await make_meter(cast.world.account_x, max_monthly="30")
    await reading(meter, "100", almaty(2026, 9, 20))
    # when
    with clock.at(almaty(2026, 12, 20)):
        too_much = await cast.resident.data(SUBMIT, submit_vars(meter, "190.001"))
        fine = await cast.resident.data(SUBMIT, submit_vars(meter, "190"))
    # then
    assert _errors(too_much)[0][1:] == ("ABOVE_PLAUSIBLE", {"max": "190.000", "last": "100.000", "months": 3})
    assert _errors(fine) == []


async def test_a_first_reading_has_no_upper_bound_but_the_column(cast):
    meter = await make_meter(cast.world.account_x, max_monthly="30")
    with clock.at(almaty(2026, 12, 20)):
        body = await cast.resident.data(SUBMIT, submit_vars(meter, "99999999999.999"))
    assert _errors(body) == []


async def test_a_second_reading_in_the_window_supersedes_the_first(cast):
    # given: November 100; in December the resident typed 128 by mistake (plausible, so taken)
    meter = await make_meter(cast.world.account_x, max_monthly="30")
    await reading(meter, "100", almaty(2026, 11, 20))
    with clock.at(almaty(2026, 12, 18)):
        await cast.resident.data(SUBMIT, submit_vars(meter, "128"))
    # when: they correct it to 112 two days later — lower than the typo, not lower than November
    with clock.at(almaty(2026, 12, 20)):
        body = await cast.resident.data(SUBMIT, submit_vars(meter, "112"))
        below_november = await cast.resident.data(SUBMIT, submit_vars(meter, "99"))
        seen = await cast.resident.data(ACCOUNT_METERS, {"accountId": str(cast.world.account_x.id)})
    # then: both stay (append-only); the month shows the latest; November is still the bound
    assert _errors(body) == []
    assert _errors(below_november)[0][1] == "BELOW_LAST"
    assert await MeterReading.filter(meter_id=meter.id).count() == 3
    shown = seen["accountMeters"][0]
    assert shown["lastReading"]["value"] == "112.000"
    assert [r["value"] for r in shown["readings"]] == ["112.000", "100.000"]


async def test_each_reading_is_in_the_meters_history(cast):
    meter = await make_meter(cast.world.account_x)
    with clock.at(almaty(2026, 12, 20)):
        body = await cast.resident.data(SUBMIT, submit_vars(meter, "7.25"))
    events = await HistoryEvent.filter(entity="meter", entity_id=str(meter.id))
    assert [(e.action, e.actor_id, e.data["value"], e.data["readingId"]) for e in events] == [
        ("reading_submitted", cast.resident.user.id, "7.250", body["meterReadingSubmit"]["reading"]["id"])]


async def test_readings_are_newest_first_and_capped(cast):
    # given: 40 months of readings
    meter = await make_meter(cast.world.account_x)
    for i in range(40):
        year, month = divmod(2023 * 12 + 7 + i, 12)
        await reading(meter, str(10 + i), almaty(year, month + 1, 20))
    query = """query ($a: ID!, $n: Int!) { accountMeters(accountId: $a) { readings(first: $n) { value } } }"""
    # when
    few = await cast.resident.data(query, {"a": str(cast.world.account_x.id), "n": 3})
    many = await cast.resident.data(query, {"a": str(cast.world.account_x.id), "n": 1000})
    # then
    assert [r["value"] for r in few["accountMeters"][0]["readings"]] == ["49.000", "48.000", "47.000"]
    assert len(many["accountMeters"][0]["readings"]) == 36
