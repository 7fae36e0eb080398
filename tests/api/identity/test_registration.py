"""Equity-holder registration (seed 000): details + contract → SMS code → password twice → account."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.models.contracts import Contract
from backend.models.history import HistoryEvent
from backend.models.identity import User
from backend.models.messaging import OutboxMessage
from backend.models.notifications import Notification
from tests.helpers import PASSWORD, company_bin, create_user, last_code, person_iin, phone

START = """
mutation Start($input: RegistrationStartInput!) {
  registrationStart(input: $input) {
    registrationId
    delivery { channel sentTo codeLength expiresAt resendAvailableAt }
    errors { field code params }
  }
}
"""
RESEND = """
mutation Resend($input: RegistrationResendInput!) {
  registrationCodeResend(input: $input) { registrationId errors { field code params } }
}
"""
VERIFY = """
mutation Verify($input: RegistrationVerifyInput!) {
  registrationCodeVerify(input: $input) { verified errors { field code params } }
}
"""
COMPLETE = """
mutation Complete($input: RegistrationCompleteInput!) {
  registrationComplete(input: $input) {
    accessToken user { kind iinBin email phone fullName roles hasPassword } errors { field code }
  }
}
"""


@pytest.fixture
async def holder():
    iin = person_iin(700)
    await Contract.create(holder_iin_bin=iin, holder_name="Ерболов Данияр", number="Н-5-12/08-АФ", signed_on=dt.date(2024, 3, 15))
    return {"iinBin": iin, "email": "daniyar@test.shanyraq.kz", "contractNumber": "Н-5-12/08-АФ", "contractDate": "2024-03-15", "phone": "8 705 700 00 01"}


async def _start(client, details) -> str:
    body = await client.data(START, {"input": details})
    assert body["registrationStart"]["errors"] == [], body
    return body["registrationStart"]["registrationId"]


async def test_full_registration_creates_a_signed_in_equity_holder(anon, holder):
    # given
    registration_id = await _start(anon, holder)
    sms = await OutboxMessage.get(recipient="+77057000001")
    assert sms.channel == "sms"
    # when
    verified = await anon.data(VERIFY, {"input": {"registrationId": registration_id, "code": await last_code("+77057000001")}})
    response = await anon.raw(COMPLETE, {"input": {"registrationId": registration_id, "password": PASSWORD, "passwordConfirmation": PASSWORD}})
    # then
    assert verified["registrationCodeVerify"] == {"verified": True, "errors": []}
    payload = response.json()["data"]["registrationComplete"]
    assert payload["errors"] == [] and payload["accessToken"]
    assert payload["user"] == {
        "kind": "PERSON", "iinBin": holder["iinBin"], "email": "daniyar@test.shanyraq.kz", "phone": "+77057000001",
        "fullName": "Ерболов Данияр", "roles": ["CITIZEN"], "hasPassword": True,
    }
    assert "__Host-shanyraq_refresh=" in response.headers["set-cookie"]
    user = await User.get(iin_bin=holder["iinBin"])
    assert await HistoryEvent.filter(entity="user", entity_id=str(user.id), action="registered").exists()
    assert (await Notification.get(user_id=user.id)).kind == "WELCOME"


async def test_a_company_registers_with_its_bin_as_a_legal_entity(anon):
    bin_ = company_bin(710)
    await Contract.create(holder_iin_bin=bin_, holder_name="ТОО «Есіл Инвест»", number="К-2-11/2025", signed_on=dt.date(2025, 5, 5))
    details = {"iinBin": bin_, "email": "esil@test.shanyraq.kz", "contractNumber": "К-2-11/2025", "contractDate": "2025-05-05", "phone": phone(7101)}
    registration_id = await _start(anon, details)
    await anon.data(VERIFY, {"input": {"registrationId": registration_id, "code": await last_code(phone(7101))}})
    body = await anon.data(COMPLETE, {"input": {"registrationId": registration_id, "password": PASSWORD, "passwordConfirmation": PASSWORD}})
    assert body["registrationComplete"]["user"]["kind"] == "COMPANY"
    assert body["registrationComplete"]["user"]["roles"] == ["LEGAL_ENTITY"]


async def test_every_bad_field_is_reported_at_once(anon):
    body = await anon.data(START, {"input": {"iinBin": "123456789012", "email": "not-an-email", "contractNumber": " ", "contractDate": "2024-01-01", "phone": "12345"}})
    errors = {(e["field"], e["code"]) for e in body["registrationStart"]["errors"]}
    assert errors == {("iinBin", "INVALID_IIN_BIN"), ("email", "INVALID_EMAIL"), ("phone", "INVALID_PHONE"), ("contractNumber", "REQUIRED")}
    assert body["registrationStart"]["registrationId"] is None
    assert not await OutboxMessage.exists()


async def test_a_landline_is_not_accepted_for_sms(anon, holder):
    body = await anon.data(START, {"input": {**holder, "phone": "+7 727 250 1234"}})
    assert body["registrationStart"]["errors"] == [{"field": "phone", "code": "NOT_A_MOBILE_PHONE", "params": None}]


async def test_a_future_contract_date_is_refused(anon, holder):
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    body = await anon.data(START, {"input": {**holder, "contractDate": tomorrow}})
    assert ("contractDate", "DATE_IN_FUTURE") in {(e["field"], e["code"]) for e in body["registrationStart"]["errors"]}


@pytest.mark.parametrize(
    "change",
    [{"contractNumber": "Н-5-12/09-АФ"}, {"contractDate": "2024-03-16"}, {"iinBin": "900515300197"}],
    ids=["other-number", "other-date", "other-holder"],
)
async def test_the_contract_must_be_held_by_this_iin_with_this_number_and_date(anon, holder, change):
    body = await anon.data(START, {"input": {**holder, **change}})
    assert body["registrationStart"]["errors"] == [{"field": "contractNumber", "code": "CONTRACT_NOT_FOUND", "params": None}]


async def test_latin_look_alikes_and_spaces_in_the_contract_number_still_match(anon, holder):
    body = await anon.data(START, {"input": {**holder, "contractNumber": " h-5-12/08-aф "}})
    assert body["registrationStart"]["errors"] == []


async def test_a_wrong_code_counts_down_and_the_fifth_voids_the_code(anon, holder):
    registration_id = await _start(anon, holder)
    right = await last_code("+77057000001")
    wrong = "000000" if right != "000000" else "111111"
    for left in (4, 3, 2, 1):
        body = await anon.data(VERIFY, {"input": {"registrationId": registration_id, "code": wrong}})
        assert body["registrationCodeVerify"]["errors"] == [{"field": "code", "code": "OTP_INVALID", "params": {"attemptsLeft": left}}]
    body = await anon.data(VERIFY, {"input": {"registrationId": registration_id, "code": wrong}})
    assert body["registrationCodeVerify"]["errors"][0]["code"] == "OTP_ATTEMPTS_EXCEEDED"
    body = await anon.data(VERIFY, {"input": {"registrationId": registration_id, "code": right}})
    assert body["registrationCodeVerify"]["errors"][0]["code"] == "OTP_ATTEMPTS_EXCEEDED"


async def test_resending_gives_a_new_registration_id_and_keeps_the_attempt_count(anon, holder, settings):
    registration_id = await _start(anon, holder)
    for _ in range(3):
        await anon.data(VERIFY, {"input": {"registrationId": registration_id, "code": "999999"}})
    # the resend interval has passed
    from backend.models.otp import OneTimeCode

    await OneTimeCode.filter(id=registration_id).update(created_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=61))
    body = await anon.data(RESEND, {"input": {"registrationId": registration_id}})
    new_id = body["registrationCodeResend"]["registrationId"]
    assert new_id and new_id != registration_id
    body = await anon.data(VERIFY, {"input": {"registrationId": new_id, "code": "999999"}})
    assert body["registrationCodeVerify"]["errors"][0]["params"] == {"attemptsLeft": 1}
    # the old code no longer works
    body = await anon.data(VERIFY, {"input": {"registrationId": registration_id, "code": "999999"}})
    assert body["registrationCodeVerify"]["errors"][0]["code"] in ("OTP_INVALID", "OTP_ATTEMPTS_EXCEEDED")


async def test_resend_within_sixty_seconds_is_refused_with_the_wait(anon, holder):
    registration_id = await _start(anon, holder)
    body = await anon.data(RESEND, {"input": {"registrationId": registration_id}})
    error = body["registrationCodeResend"]["errors"][0]
    assert error["code"] == "OTP_RESEND_TOO_SOON" and 0 < error["params"]["retryAfterSeconds"] <= 60


async def test_completing_without_a_verified_code_is_refused(anon, holder):
    registration_id = await _start(anon, holder)
    body = await anon.data(COMPLETE, {"input": {"registrationId": registration_id, "password": PASSWORD, "passwordConfirmation": PASSWORD}})
    assert body["registrationComplete"]["errors"] == [{"field": "registrationId", "code": "REGISTRATION_NOT_VERIFIED"}]
    assert not await User.filter(iin_bin=holder["iinBin"]).exists()


async def test_password_rules_are_all_reported_and_nothing_is_lost(anon, holder):
    registration_id = await _start(anon, holder)
    await anon.data(VERIFY, {"input": {"registrationId": registration_id, "code": await last_code("+77057000001")}})
    body = await anon.data(COMPLETE, {"input": {"registrationId": registration_id, "password": "abc", "passwordConfirmation": "abd"}})
    assert {e["code"] for e in body["registrationComplete"]["errors"]} == {
        "PASSWORD_TOO_SHORT", "PASSWORD_NO_UPPERCASE", "PASSWORD_NO_DIGIT", "PASSWORD_NO_SYMBOL", "PASSWORD_MISMATCH"
    }
    # the verified registration is still there: a good password now finishes it
    body = await anon.data(COMPLETE, {"input": {"registrationId": registration_id, "password": PASSWORD, "passwordConfirmation": PASSWORD}})
    assert body["registrationComplete"]["errors"] == []


async def test_a_registration_completes_once(anon, holder):
    registration_id = await _start(anon, holder)
    await anon.data(VERIFY, {"input": {"registrationId": registration_id, "code": await last_code("+77057000001")}})
    variables = {"input": {"registrationId": registration_id, "password": PASSWORD, "passwordConfirmation": PASSWORD}}
    assert (await anon.data(COMPLETE, variables))["registrationComplete"]["errors"] == []
    body = await anon.data(COMPLETE, variables)
    assert body["registrationComplete"]["errors"][0]["code"] == "REGISTRATION_NOT_VERIFIED"
    assert await User.filter(iin_bin=holder["iinBin"]).count() == 1


async def test_an_existing_account_gets_a_notice_not_a_code_and_the_api_answers_the_same(anon, holder):
    # given the holder already has an account
    await create_user("citizen", iin_bin=holder["iinBin"], email="other@test.shanyraq.kz", phone=phone(7999))
    # when someone registers again with the holder's data
    body = await anon.data(START, {"input": holder})
    # then the answer has the same shape as for a new person
    payload = body["registrationStart"]
    assert payload["errors"] == [] and payload["registrationId"] and payload["delivery"]["codeLength"] == 6
    sms = await OutboxMessage.get(recipient="+77057000001")
    assert "already" in sms.body or "бар" in sms.body or "уже" in sms.body
    # and no code can finish it
    for guess in ("000000", "123456"):
        result = await anon.data(VERIFY, {"input": {"registrationId": payload["registrationId"], "code": guess}})
        assert result["registrationCodeVerify"]["verified"] is False


async def test_an_unknown_registration_id_is_not_found(anon):
    body = await anon.data(VERIFY, {"input": {"registrationId": "not-a-uuid", "code": "123456"}})
    assert body["registrationCodeVerify"]["errors"][0]["code"] == "REGISTRATION_NOT_FOUND"
    body = await anon.data(VERIFY, {"input": {"registrationId": "6f1c1b5e-0000-4000-8000-000000000000", "code": "123456"}})
    assert body["registrationCodeVerify"]["errors"][0]["code"] == "REGISTRATION_NOT_FOUND"


async def test_the_sms_is_in_the_language_of_the_request(anon, holder):
    await anon.data(START, {"input": holder}, headers={"x-locale": "ru"})
    sms = await OutboxMessage.get(recipient="+77057000001")
    assert sms.body.startswith("Shanyraq: код регистрации")
