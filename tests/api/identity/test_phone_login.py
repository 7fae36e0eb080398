"""Sign-in by phone and a four-digit code sent by SMS or a voice call (seed 004), and the code rules."""

from __future__ import annotations

import datetime as dt

from backend.models.identity import User
from backend.models.messaging import OutboxMessage
from backend.models.otp import OneTimeCode
from tests.helpers import create_user, last_code, phone

SEND = """
mutation Send($input: PhoneCodeSendInput!) {
  sessionPhoneCodeSend(input: $input) {
    delivery { channel sentTo codeLength expiresAt resendAvailableAt }
    errors { field code params }
  }
}
"""
LOGIN = """
mutation Login($input: PhoneLoginInput!) {
  sessionPhoneLogin(input: $input) { accessToken user { id phone roles hasPassword } errors { field code params } }
}
"""


async def _age_codes(target: str, seconds: int = 61) -> None:
    # Moves the target's codes into the past, as if the resend interval had passed.
    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=seconds)
    await OneTimeCode.filter(target=target).update(created_at=past)


async def test_agreement_must_be_accepted(anon):
    body = await anon.data(SEND, {"input": {"phone": phone(1), "acceptAgreement": False}})
    assert body["sessionPhoneCodeSend"]["errors"] == [{"field": "acceptAgreement", "code": "AGREEMENT_REQUIRED", "params": None}]
    assert not await OutboxMessage.exists()


async def test_an_unknown_number_gets_a_new_resident_account(anon):
    # given
    body = await anon.data(SEND, {"input": {"phone": "8 (705) 000-00-01", "channel": "SMS", "acceptAgreement": True}})
    delivery = body["sessionPhoneCodeSend"]["delivery"]
    assert delivery["codeLength"] == 4 and delivery["channel"] == "sms" and delivery["sentTo"].endswith("01")
    code = await last_code("+77050000001")
    assert len(code) == 4
    # when
    body = await anon.data(LOGIN, {"input": {"phone": "+77050000001", "code": code}})
    # then
    payload = body["sessionPhoneLogin"]
    assert payload["errors"] == [] and payload["accessToken"]
    assert payload["user"]["roles"] == ["RESIDENT"] and payload["user"]["hasPassword"] is False
    assert await User.filter(phone="+77050000001").count() == 1


async def test_a_known_number_signs_in_to_its_account_and_gains_the_resident_role(anon):
    user = await create_user("citizen", phone=phone(2))
    await anon.data(SEND, {"input": {"phone": phone(2), "acceptAgreement": True}})
    body = await anon.data(LOGIN, {"input": {"phone": phone(2), "code": await last_code(phone(2))}})
    assert body["sessionPhoneLogin"]["user"]["id"] == str(user.id)
    assert body["sessionPhoneLogin"]["user"]["roles"] == ["CITIZEN", "RESIDENT"]


async def test_the_code_can_come_by_voice_call(anon):
    body = await anon.data(SEND, {"input": {"phone": phone(3), "channel": "CALL", "acceptAgreement": True}})
    assert body["sessionPhoneCodeSend"]["delivery"]["channel"] == "call"
    message = await OutboxMessage.get(recipient=phone(3))
    assert message.channel == "call"
    code = await last_code(phone(3))
    body = await anon.data(LOGIN, {"input": {"phone": phone(3), "code": code}})
    assert body["sessionPhoneLogin"]["errors"] == []


async def test_a_code_works_once(anon):
    await anon.data(SEND, {"input": {"phone": phone(4), "acceptAgreement": True}})
    code = await last_code(phone(4))
    assert (await anon.data(LOGIN, {"input": {"phone": phone(4), "code": code}}))["sessionPhoneLogin"]["errors"] == []
    body = await anon.data(LOGIN, {"input": {"phone": phone(4), "code": code}})
    assert body["sessionPhoneLogin"]["errors"][0]["code"] == "OTP_INVALID"


async def test_a_code_expires_after_five_minutes(anon):
    await anon.data(SEND, {"input": {"phone": phone(5), "acceptAgreement": True}})
    code = await last_code(phone(5))
    row = await OneTimeCode.get(target=phone(5))
    assert abs((row.expires_at - row.created_at) - dt.timedelta(minutes=5)) < dt.timedelta(seconds=1)
    await OneTimeCode.filter(target=phone(5)).update(expires_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1))
    body = await anon.data(LOGIN, {"input": {"phone": phone(5), "code": code}})
    assert body["sessionPhoneLogin"]["errors"][0]["code"] == "OTP_EXPIRED"


async def test_five_wrong_tries_void_the_code(anon):
    await anon.data(SEND, {"input": {"phone": phone(6), "acceptAgreement": True}})
    right = await last_code(phone(6))
    wrong = "0000" if right != "0000" else "1111"
    results = [
        (await anon.data(LOGIN, {"input": {"phone": phone(6), "code": wrong}}))["sessionPhoneLogin"]["errors"][0]["code"]
        for _ in range(5)
    ]
    assert results == ["OTP_INVALID"] * 4 + ["OTP_ATTEMPTS_EXCEEDED"]
    body = await anon.data(LOGIN, {"input": {"phone": phone(6), "code": right}})
    assert body["sessionPhoneLogin"]["errors"][0]["code"] == "OTP_ATTEMPTS_EXCEEDED"


async def test_resending_does_not_reset_the_attempt_count(anon):
    await anon.data(SEND, {"input": {"phone": phone(7), "acceptAgreement": True}})
    for _ in range(3):
        await anon.data(LOGIN, {"input": {"phone": phone(7), "code": "9999"}})
    await _age_codes(phone(7))
    await anon.data(SEND, {"input": {"phone": phone(7), "acceptAgreement": True}})
    body = await anon.data(LOGIN, {"input": {"phone": phone(7), "code": "9999" if await last_code(phone(7)) != "9999" else "8888"}})
    assert body["sessionPhoneLogin"]["errors"][0]["params"] == {"attemptsLeft": 1}


async def test_resend_at_most_once_per_minute(anon):
    await anon.data(SEND, {"input": {"phone": phone(8), "acceptAgreement": True}})
    body = await anon.data(SEND, {"input": {"phone": phone(8), "acceptAgreement": True}})
    error = body["sessionPhoneCodeSend"]["errors"][0]
    assert error["code"] == "OTP_RESEND_TOO_SOON" and 55 <= error["params"]["retryAfterSeconds"] <= 60
    assert await OutboxMessage.filter(recipient=phone(8)).count() == 1


async def test_at_most_five_codes_per_hour_per_phone(anon):
    for _ in range(5):
        await _age_codes(phone(9))
        body = await anon.data(SEND, {"input": {"phone": phone(9), "acceptAgreement": True}}, headers={})
        assert body["sessionPhoneCodeSend"]["errors"] == []
    await _age_codes(phone(9), 120)
    body = await anon.data(SEND, {"input": {"phone": phone(9), "acceptAgreement": True}})
    assert body["sessionPhoneCodeSend"]["errors"][0]["code"] == "OTP_RATE_LIMITED"


async def test_at_most_five_codes_per_hour_per_ip(anon):
    # five different phones from one address, a minute apart
    for n in range(5):
        await OneTimeCode.all().update(created_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=61 * (5 - n)))
        body = await anon.data(SEND, {"input": {"phone": phone(100 + n), "acceptAgreement": True}})
        assert body["sessionPhoneCodeSend"]["errors"] == [], n
    await OneTimeCode.all().update(created_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=120))
    body = await anon.data(SEND, {"input": {"phone": phone(199), "acceptAgreement": True}})
    assert body["sessionPhoneCodeSend"]["errors"][0]["code"] == "OTP_RATE_LIMITED"


async def test_a_second_phone_from_the_same_ip_within_a_minute_waits(anon):
    await anon.data(SEND, {"input": {"phone": phone(201), "acceptAgreement": True}})
    body = await anon.data(SEND, {"input": {"phone": phone(202), "acceptAgreement": True}})
    assert body["sessionPhoneCodeSend"]["errors"][0]["code"] == "OTP_RESEND_TOO_SOON"


async def test_a_code_is_bound_to_its_purpose(anon, citizen):
    # a code sent to confirm a new phone does not sign anyone in with that phone
    await citizen.data(
        "mutation($i: PhoneChangeStartInput!) { profilePhoneChangeStart(input: $i) { errors { code } } }",
        {"i": {"phone": phone(300)}},
    )
    code = await last_code(phone(300))
    body = await anon.data(LOGIN, {"input": {"phone": phone(300), "code": code}})
    assert body["sessionPhoneLogin"]["errors"][0]["code"] == "OTP_INVALID"


async def test_ten_consecutive_wrong_codes_lock_the_phone_login(anon):
    target = phone(400)
    for round_ in range(2):
        await _age_codes(target)
        await anon.data(SEND, {"input": {"phone": target, "acceptAgreement": True}})
        for _ in range(5):
            await anon.data(LOGIN, {"input": {"phone": target, "code": "0000" if await last_code(target) != "0000" else "1111"}})
    await _age_codes(target)
    body = await anon.data(SEND, {"input": {"phone": target, "acceptAgreement": True}})
    assert body["sessionPhoneCodeSend"]["errors"][0]["code"] == "LOGIN_LOCKED"
    body = await anon.data(LOGIN, {"input": {"phone": target, "code": "1234"}})
    assert body["sessionPhoneLogin"]["errors"][0]["code"] == "LOGIN_LOCKED"


async def test_code_guesses_sent_as_aliases_count_one_by_one(anon):
    target = phone(500)
    await anon.data(SEND, {"input": {"phone": target, "acceptAgreement": True}})
    right = await last_code(target)
    guesses = [f"{n:04d}" for n in range(10) if f"{n:04d}" != right][:6]
    aliases = "\n".join(
        f'g{i}: sessionPhoneLogin(input: {{phone: "{target}", code: "{g}"}}) {{ accessToken errors {{ code }} }}'
        for i, g in enumerate(guesses)
    )
    body = await anon.gql(f"mutation {{ {aliases} }}")
    outcomes = [body["data"][f"g{i}"]["errors"][0]["code"] for i in range(6)]
    assert outcomes == ["OTP_INVALID"] * 4 + ["OTP_ATTEMPTS_EXCEEDED"] * 2
    assert (await OneTimeCode.get(target=target)).attempts == 5


async def test_an_invalid_phone_is_refused(anon):
    body = await anon.data(SEND, {"input": {"phone": "+7 000", "acceptAgreement": True}})
    assert body["sessionPhoneCodeSend"]["errors"] == [{"field": "phone", "code": "INVALID_PHONE", "params": None}]
