"""The decree calendar through the API: an admin records and revokes days, everyone counts working
days with them; citizens, queue officers and anonymous callers cannot move a day."""

from __future__ import annotations

import pytest

from tests.helpers import codes

ADD = """mutation($input: CalendarOverrideAddInput!) { calendarOverrideAdd(input: $input) {
  override { id day kind decree createdAt revokedAt } errors { code field params } } }"""
REVOKE = """mutation($id: ID!) { calendarOverrideRevoke(input: {id: $id}) {
  override { id revokedAt } errors { code field } } }"""
LIST = "query($year: Int!) { calendarOverrides(year: $year) { id day kind decree revokedAt } }"
COUNT = "query($from: Date!, $count: Int!) { calendarWorkingDays(from: $from, count: $count) }"


async def working_days(client, start: str, count: int) -> str:
    return (await client.data(COUNT, {"from": start, "count": count}))["calendarWorkingDays"]


async def test_an_admin_moves_a_deadline_and_revoking_moves_it_back(admin, anon):
    # given: from Friday 20 March 2026, Nauryz (21–25 March) and the weekend are skipped
    assert await working_days(anon, "2026-03-20", 1) == "2026-03-26"
    assert await working_days(anon, "2026-03-20", 2) == "2026-03-27"
    # when the admin records Friday 27 March as an extra day off
    body = await admin.data(ADD, {"input": {"day": "2026-03-27", "kind": "DAY_OFF", "decree": "Decree No. 1 of 01.03.2026"}})
    added = body["calendarOverrideAdd"]
    assert added["errors"] == [] and added["override"]["kind"] == "DAY_OFF" and added["override"]["revokedAt"] is None
    # then every later computation skips it, for anyone asking
    assert await working_days(anon, "2026-03-20", 2) == "2026-03-30"
    listed = (await admin.data(LIST, {"year": 2026}))["calendarOverrides"]
    assert [(o["day"], o["decree"]) for o in listed] == [("2026-03-27", "Decree No. 1 of 01.03.2026")]
    assert (await admin.data(LIST, {"year": 2025}))["calendarOverrides"] == []
    # and a revocation restores the official calendar
    revoked = (await admin.data(REVOKE, {"id": added["override"]["id"]}))["calendarOverrideRevoke"]
    assert revoked["errors"] == [] and revoked["override"]["revokedAt"]
    assert await working_days(anon, "2026-03-20", 2) == "2026-03-27"
    again = await admin.gql(REVOKE, {"id": added["override"]["id"]})
    assert codes(again, "calendarOverrideRevoke") == ["WRONG_STATUS"]


async def test_a_transferred_working_saturday(admin, anon):
    assert await working_days(anon, "2026-11-19", 2) == "2026-11-23"  # Thu → Fri, Mon
    body = await admin.data(ADD, {"input": {"day": "2026-11-21", "kind": "WORKING_DAY", "decree": "Decree No. 2"}})
    assert body["calendarOverrideAdd"]["errors"] == []
    assert await working_days(anon, "2026-11-19", 2) == "2026-11-21"


@pytest.mark.parametrize(
    "day,kind,code,reason",
    [
        ("2026-11-24", "WORKING_DAY", "INVALID", "ALREADY_WORKING_DAY"),
        ("2026-11-22", "DAY_OFF", "INVALID", "ALREADY_DAY_OFF"),
        ("2026-03-23", "DAY_OFF", "INVALID", "ALREADY_DAY_OFF"),
    ],
)
async def test_an_override_that_changes_nothing_is_refused(admin, day, kind, code, reason):
    body = await admin.gql(ADD, {"input": {"day": day, "kind": kind, "decree": "Decree"}})
    [error] = body["data"]["calendarOverrideAdd"]["errors"]
    assert (error["code"], error["field"], error["params"]["reason"]) == (code, "day", reason)


async def test_the_same_day_twice_and_an_empty_decree(admin):
    first = await admin.data(ADD, {"input": {"day": "2026-11-23", "kind": "DAY_OFF", "decree": "Decree"}})
    assert first["calendarOverrideAdd"]["errors"] == []
    twice = await admin.gql(ADD, {"input": {"day": "2026-11-23", "kind": "DAY_OFF", "decree": "Decree"}})
    assert codes(twice, "calendarOverrideAdd") == ["ALREADY_SET"]
    empty = await admin.gql(ADD, {"input": {"day": "2026-11-30", "kind": "DAY_OFF", "decree": " "}})
    assert codes(empty, "calendarOverrideAdd") == ["REQUIRED"]
    unknown = await admin.gql(REVOKE, {"id": "not-an-id"})
    assert codes(unknown, "calendarOverrideRevoke") == ["NOT_FOUND"]


@pytest.mark.parametrize("as_role", ["citizen", "queue_officer"], indirect=True)
async def test_citizens_and_queue_officers_cannot_move_days(as_role, admin, anon):
    body = await as_role.gql(ADD, {"input": {"day": "2026-11-23", "kind": "DAY_OFF", "decree": "Decree"}})
    assert codes(body, "calendarOverrideAdd") == ["NOT_ALLOWED"]
    own = await admin.data(ADD, {"input": {"day": "2026-11-23", "kind": "DAY_OFF", "decree": "Decree"}})
    revoke = await as_role.gql(REVOKE, {"id": own["calendarOverrideAdd"]["override"]["id"]})
    assert codes(revoke, "calendarOverrideRevoke") == ["NOT_ALLOWED"]
    # the list is the admin's; others get it empty, told why
    listed = await as_role.gql(LIST, {"year": 2026})
    assert listed["data"]["calendarOverrides"] == []
    assert listed["extensions"]["denied"][0]["code"] == "FORBIDDEN"
    # counting working days is for everyone, and uses the decree day
    assert await working_days(as_role, "2026-11-20", 1) == "2026-11-24"


async def test_anonymous_callers_cannot_move_days(anon):
    body = await anon.gql(ADD, {"input": {"day": "2026-11-23", "kind": "DAY_OFF", "decree": "Decree"}})
    assert codes(body, "calendarOverrideAdd") == ["UNAUTHENTICATED"]
    assert (await anon.gql(LIST, {"year": 2026}))["data"]["calendarOverrides"] == []
    assert await working_days(anon, "2026-11-20", 1) == "2026-11-23"


async def test_working_days_with_a_count_out_of_range(anon):
    body = await anon.gql(COUNT, {"from": "2026-11-20", "count": 1000})
    assert body["errors"][0]["extensions"]["reason"] == "INVALID"
