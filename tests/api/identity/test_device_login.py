"""The personal QR code: a signed-in person makes a one-time token, another device exchanges it
for a session of its own; a used, expired or unknown token is refused, and of two racing
exchanges only one gets a session."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib

from backend import clock
from backend.models.identity import DeviceLoginToken, Session
from backend.models.notifications import Notification

CREATE = "mutation { deviceLoginTokenCreate { token url qrSvg expiresAt errors { code } } }"
EXCHANGE = """
mutation($token: String!, $device: String) {
  deviceLoginExchange(input: {token: $token, deviceName: $device}) { accessToken user { id } errors { field code } }
}
"""
ME = "query { me { id } }"


async def _token(client) -> dict:
    body = await client.data(CREATE)
    assert body["deviceLoginTokenCreate"]["errors"] == []
    return body["deviceLoginTokenCreate"]


async def test_a_signed_in_resident_gets_a_two_minute_token_kept_only_as_its_hash(resident):
    # when
    before = clock.now()
    made = await _token(resident)
    # then
    assert len(made["token"]) >= 43 and made["url"].endswith(f"/device-login#{made['token']}")
    assert made["qrSvg"].startswith("<svg") and "path" in made["qrSvg"]
    expires = dt.datetime.fromisoformat(made["expiresAt"])
    assert dt.timedelta(seconds=119) <= expires - before <= dt.timedelta(seconds=121)
    row = await DeviceLoginToken.get(user_id=resident.user.id)
    assert row.token_hash == hashlib.sha256(made["token"].encode()).hexdigest() and made["token"] not in row.token_hash


async def test_anonymous_gets_no_token(anon):
    # when
    body = await anon.data(CREATE)
    # then
    assert body["deviceLoginTokenCreate"]["errors"] == [{"code": "UNAUTHENTICATED"}]
    assert body["deviceLoginTokenCreate"]["token"] is None
    assert await DeviceLoginToken.all().count() == 0


async def test_the_other_device_signs_in_as_the_same_person_in_a_session_of_its_own(resident, anon):
    # given
    made = await _token(resident)
    # when
    body = await anon.data(EXCHANGE, {"token": made["token"], "device": "iPhone Марата"})
    # then
    signed = body["deviceLoginExchange"]
    assert signed["errors"] == [] and signed["user"] == {"id": str(resident.user.id)}
    anon.token = signed["accessToken"]
    assert (await anon.data(ME))["me"]["id"] == str(resident.user.id)
    # and: the device keeps its session with the refresh cookie, as after any sign-in
    refreshed = await anon.data("mutation { sessionRefresh { accessToken errors { code } } }")
    assert refreshed["sessionRefresh"]["errors"] == [] and refreshed["sessionRefresh"]["accessToken"]
    session = await Session.get(user_id=resident.user.id, method="device_qr")
    assert session.user_agent.startswith("iPhone Марата")
    row = await DeviceLoginToken.get(user_id=resident.user.id)
    assert row.used_at is not None and row.session_id == session.id
    # and: the person hears of the new sign-in like of any other
    announced = [n.params for n in await Notification.filter(user_id=resident.user.id, kind="NEW_SIGN_IN")]
    assert [p["method"] for p in announced] == ["device_qr"] and announced[0]["userAgent"].startswith("iPhone Марата")


async def test_a_used_token_is_refused(resident, anon):
    # given: exchanged once
    made = await _token(resident)
    assert (await anon.data(EXCHANGE, {"token": made["token"]}))["deviceLoginExchange"]["errors"] == []
    # when: replayed
    body = await anon.data(EXCHANGE, {"token": made["token"]})
    # then
    assert body["deviceLoginExchange"] == {"accessToken": None, "user": None, "errors": [{"field": "token", "code": "TOKEN_INVALID"}]}
    assert await Session.filter(user_id=resident.user.id, method="device_qr").count() == 1


async def test_an_expired_token_is_refused(resident, anon):
    # given
    made = await _token(resident)
    # when: two minutes and a second later
    with clock.at(clock.now() + dt.timedelta(seconds=121)):
        body = await anon.data(EXCHANGE, {"token": made["token"]})
    # then
    assert body["deviceLoginExchange"]["errors"] == [{"field": "token", "code": "TOKEN_INVALID"}]
    assert not await Session.filter(method="device_qr").exists()


async def test_a_token_just_before_expiry_still_works(resident, anon):
    # given
    made = await _token(resident)
    # when
    with clock.at(clock.now() + dt.timedelta(seconds=110)):
        body = await anon.data(EXCHANGE, {"token": made["token"]})
    # then
    assert body["deviceLoginExchange"]["errors"] == []


async def test_unknown_empty_and_oversized_tokens_are_refused(anon):
    # when
    unknown = await anon.data(EXCHANGE, {"token": "x" * 43})
    empty = await anon.data(EXCHANGE, {"token": "  "})
    huge = await anon.data(EXCHANGE, {"token": "x" * 5000})
    # then
    assert unknown["deviceLoginExchange"]["errors"] == [{"field": "token", "code": "TOKEN_INVALID"}]
    assert empty["deviceLoginExchange"]["errors"] == [{"field": "token", "code": "REQUIRED"}]
    assert huge["deviceLoginExchange"]["errors"] == [{"field": "token", "code": "TOKEN_INVALID"}]


async def test_two_racing_exchanges_get_one_session(resident, anon):
    # given
    made = await _token(resident)
    # when: the same token sent twice at once
    bodies = await asyncio.gather(*(anon.data(EXCHANGE, {"token": made["token"]}) for _ in range(2)))
    # then
    outcomes = sorted(tuple(e["code"] for e in b["deviceLoginExchange"]["errors"]) for b in bodies)
    assert outcomes == [(), ("TOKEN_INVALID",)]
    assert await Session.filter(user_id=resident.user.id, method="device_qr").count() == 1
