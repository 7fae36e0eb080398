"""The HTTP SMS/voice gateway adapter speaks its wire format and reports failures."""

from __future__ import annotations

import json

import httpx
import pytest

from backend.adapters.messaging import DevOutbox, HttpGateway, MessagingError
from backend.models.messaging import OutboxMessage


async def test_sms_and_calls_are_posted_with_the_bearer_token():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, request.headers["authorization"], json.loads(request.content)))
        return httpx.Response(202, json={"id": "m1"})

    gateway = HttpGateway("https://sms.example.kz/api", "tok", "Shanyraq", transport=httpx.MockTransport(handler))
    await gateway.send_sms("+77011234567", "code 1234")
    await gateway.call("+77011234567", "1, 2, 3, 4")
    await gateway.aclose()
    assert seen == [
        ("/api/sms", "Bearer tok", {"to": "+77011234567", "text": "code 1234", "sender": "Shanyraq"}),
        ("/api/call", "Bearer tok", {"to": "+77011234567", "text": "1, 2, 3, 4"}),
    ]


async def test_a_gateway_refusal_is_an_error_not_a_silent_loss():
    gateway = HttpGateway("https://sms.example.kz", "tok", "S", transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    with pytest.raises(MessagingError):
        await gateway.send_sms("+77011234567", "x")
    await gateway.aclose()


async def test_email_without_smtp_configured_is_an_error():
    gateway = HttpGateway("https://sms.example.kz", "tok", "S", transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    with pytest.raises(MessagingError):
        await gateway.send_email("a@b.kz", "s", "b")
    await gateway.aclose()


async def test_the_dev_outbox_stores_every_channel():
    outbox = DevOutbox()
    await outbox.send_sms("+77011234567", "sms")
    await outbox.call("+77011234567", "call")
    await outbox.send_email("a@b.kz", "subject", "mail")
    assert sorted(await OutboxMessage.all().values_list("channel", flat=True)) == ["call", "email", "sms"]


async def test_a_gateway_failure_leaves_no_code_behind(settings, anon, rt, monkeypatch):
    from backend.models.otp import OneTimeCode

    async def failing(*args, **kwargs):
        raise MessagingError("down")

    monkeypatch.setattr(rt.messenger, "send_sms", failing)
    body = await anon.gql("mutation { sessionPhoneCodeSend(input: {phone: \"+77050000009\", acceptAgreement: true}) { errors { code } } }")
    assert body["data"]["sessionPhoneCodeSend"]["errors"] == [{"code": "MESSAGE_NOT_SENT"}]
    assert not await OneTimeCode.exists()
