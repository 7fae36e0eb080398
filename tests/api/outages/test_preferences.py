"""A resident's SMS choices (seed 004 "Уведомления"): read, saved, refused where no SMS could go."""

from __future__ import annotations

import pytest

from backend.models.history import HistoryEvent
from backend.models.outages import ResidentPreferences

MINE = "{ myResidentPreferences { smsRequests smsOutages smsAvailable } }"
SAVE = """mutation($input: ResidentPreferencesInput!) { residentPreferencesUpdate(input: $input) {
  preferences { smsRequests smsOutages smsAvailable } errors { field code } } }"""


async def test_a_resident_starts_with_no_sms_and_sees_that_sms_could_reach_them(cast):
    # when
    prefs = (await cast.resident.data(MINE))["myResidentPreferences"]
    # then
    assert prefs == {"smsRequests": False, "smsOutages": False, "smsAvailable": True}


async def test_a_resident_saves_their_choices(cast):
    # when
    saved = (await cast.resident.data(SAVE, {"input": {"smsRequests": True, "smsOutages": False}}))["residentPreferencesUpdate"]
    # then
    assert saved == {"preferences": {"smsRequests": True, "smsOutages": False, "smsAvailable": True}, "errors": []}
    assert (await cast.resident.data(MINE))["myResidentPreferences"]["smsRequests"] is True
    row = await ResidentPreferences.get(user_id=cast.resident.user.id)
    assert (row.sms_requests, row.sms_outages) == (True, False)
    event = await HistoryEvent.get(entity="resident_preferences", entity_id=str(cast.resident.user.id))
    assert event.data == {"smsRequests": True, "smsOutages": False}


@pytest.mark.parametrize(("who", "code"), [("staff_x", "FORBIDDEN"), ("admin", "FORBIDDEN"), ("anon", "UNAUTHENTICATED")])
async def test_only_residents_have_sms_choices(cast, who, code):
    # when
    read = await cast.by_name(who).gql(MINE)
    saved = (await cast.by_name(who).data(SAVE, {"input": {"smsRequests": True, "smsOutages": True}}))
    # then
    assert read["data"]["myResidentPreferences"] is None and read["extensions"]["denied"][0]["code"] == code
    assert [e["code"] for e in saved["residentPreferencesUpdate"]["errors"]] == [code]


async def test_switching_sms_on_where_the_company_sends_none_is_refused_but_off_is_fine(cast):
    # given
    await ResidentPreferences.create(user_id=cast.resident.user.id, sms_requests=True)
    cast.world.company_x.sms_enabled = False
    await cast.world.company_x.save()
    # when
    on = (await cast.resident.data(SAVE, {"input": {"smsRequests": True, "smsOutages": True}}))["residentPreferencesUpdate"]
    off = (await cast.resident.data(SAVE, {"input": {"smsRequests": False, "smsOutages": False}}))["residentPreferencesUpdate"]
    # then
    assert on["errors"] == [{"field": "smsOutages", "code": "SMS_NOT_AVAILABLE"}]
    assert off["errors"] == [] and off["preferences"]["smsAvailable"] is False
    assert (await ResidentPreferences.get(user_id=cast.resident.user.id)).sms_requests is False


async def test_a_resident_without_a_confirmed_account_cannot_get_sms(cast, resident):
    # given: a fresh resident with no linked account
    # when
    prefs = (await resident.data(MINE))["myResidentPreferences"]
    saved = (await resident.data(SAVE, {"input": {"smsRequests": True, "smsOutages": False}}))["residentPreferencesUpdate"]
    # then
    assert prefs["smsAvailable"] is False
    assert saved["errors"] == [{"field": "smsRequests", "code": "SMS_NOT_AVAILABLE"}]
