"""Signing on a second device: the creator's page subscribes, the phone (no sign-in, only the QR token)
signs, the page hears SIGNED; the domain then takes the signature once."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt

import httpx
import pytest

from backend.models.history import HistoryEvent
from backend.models.identity import AccountKind
from backend.models.signatures import SigningSession, SigningStatus
from backend.services import signing_sessions as service
from backend.errors import DomainError
from backend.services.request_info import RequestInfo
from tests.helpers import ApiClient, make_account
from tests.pki import cms_factory as f
from tests.ws import GraphQLWebSocket

PAYLOAD = '{"application":"ҚТК-2026/000042","documents":["sha256:9f86d081"]}'.encode()
BIN = "040640406657"

VIEW = """
query View($id: ID!, $token: String!) {
  signingSession(id: $id, token: $token) {
    id purpose description payload payloadSha256 expectedSigner status expiresAt errorCode
    signer { name iin bin organization certificateSerial algorithm }
  }
}
"""
COMPLETE = """
mutation Complete($input: SigningSessionCompleteInput!) {
  signingSessionComplete(input: $input) {
    session { status errorCode signer { iin bin certificateSerial } }
    errors { field code params }
  }
}
"""
CANCEL = "mutation($input: SigningSessionCancelInput!) { signingSessionCancel(input: $input) { session { status } errors { code } } }"
UPDATED = "subscription($id: ID!) { signingSessionUpdated(id: $id) { id status errorCode signer { iin bin } } }"


@pytest.fixture
async def company(app, rt):
    """ТОО «Байтерек Девелопмент» signed in: the BIN its director's demo certificate carries."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        client = ApiClient(http)
        await make_account(rt, client, "legal_entity", iin_bin=BIN, kind=AccountKind.COMPANY)
        yield client


async def _open(user, expected: str = BIN, **kw) -> tuple[SigningSession, str]:
    return await service.create_session("application", "app-42", PAYLOAD, "Өтінім ҚТК-2026/000042", expected, user, **kw)


def _cms(demo_ca, name: str, payload: bytes = PAYLOAD) -> str:
    return base64.b64encode(f.sign(demo_ca, name, payload)).decode()


async def test_the_second_device_reads_the_session_with_its_token(anon, company):
    # given
    session, token = await _open(company.user)
    # when
    view = (await anon.data(VIEW, {"id": str(session.id), "token": token}))["signingSession"]
    # then
    assert base64.b64decode(view["payload"]) == PAYLOAD
    assert (view["purpose"], view["expectedSigner"], view["status"]) == ("application", BIN, "PENDING")
    assert view["signer"] is None and view["errorCode"] is None
    assert token not in (await SigningSession.get(id=session.id)).token_hash  # only its hash is kept
    assert service.signing_path(session, token) == f"/sign/{session.id}#{token}"


async def test_a_wrong_token_sees_nothing(anon, company):
    session, token = await _open(company.user)
    assert (await anon.data(VIEW, {"id": str(session.id), "token": token[:-1] + "x"}))["signingSession"] is None
    assert (await anon.data(VIEW, {"id": "not-an-id", "token": token}))["signingSession"] is None
    body = await anon.gql(COMPLETE, {"input": {"id": str(session.id), "token": "guess", "cms": "AA=="}})
    assert [e["code"] for e in body["data"]["signingSessionComplete"]["errors"]] == ["SIGNING_SESSION_NOT_FOUND"]


async def test_the_creator_page_hears_signed_when_the_phone_signs(live_server, anon, company, demo_ca):
    # given: the creator's page subscribes
    session, token = await _open(company.user)
    socket = await GraphQLWebSocket.connect(live_server, company.token)
    await socket.subscribe(UPDATED, {"id": str(session.id)})
    first = await socket.next_message()
    assert first["payload"]["data"]["signingSessionUpdated"]["status"] == "PENDING"
    # when: an anonymous second device completes with the token
    body = await anon.data(COMPLETE, {"input": {"id": str(session.id), "token": token,
                                                "cms": _cms(demo_ca, "bayterek-director-sign")}})
    # then
    assert body["signingSessionComplete"]["errors"] == []
    assert body["signingSessionComplete"]["session"]["status"] == "SIGNED"
    message = await socket.next_message()
    update = message["payload"]["data"]["signingSessionUpdated"]
    assert update["status"] == "SIGNED" and update["signer"] == {"iin": "780212300122", "bin": BIN}
    assert (await socket.next_message())["type"] == "complete"  # a final state ends the stream
    await socket.close()


async def test_another_user_cannot_follow_the_session(live_server, rt, company, citizen):
    session, _ = await _open(company.user)
    socket = await GraphQLWebSocket.connect(live_server, citizen.token)
    await socket.subscribe(UPDATED, {"id": str(session.id)})
    assert (await socket.next_message())["type"] == "complete"  # nothing, as if it did not exist
    await socket.close()


async def test_an_anonymous_subscription_is_refused(live_server, company):
    session, _ = await _open(company.user)
    socket = await GraphQLWebSocket.connect(live_server)
    await socket.subscribe(UPDATED, {"id": str(session.id)})
    message = await socket.next_message()
    assert message["type"] == "error" or message["payload"].get("errors")
    await socket.close()


async def test_the_page_hears_expired_when_nobody_signs_in_time(live_server, company):
    session, _ = await _open(company.user, ttl_seconds=1)
    socket = await GraphQLWebSocket.connect(live_server, company.token)
    await socket.subscribe(UPDATED, {"id": str(session.id)})
    assert (await socket.next_message())["payload"]["data"]["signingSessionUpdated"]["status"] == "PENDING"
    assert (await socket.next_message(timeout=5))["payload"]["data"]["signingSessionUpdated"]["status"] == "EXPIRED"
    assert (await SigningSession.get(id=session.id)).status == SigningStatus.EXPIRED
    await socket.close()


async def test_an_expired_session_cannot_be_signed(anon, company, demo_ca):
    session, token = await _open(company.user)
    await SigningSession.filter(id=session.id).update(expires_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1))
    body = await anon.data(COMPLETE, {"input": {"id": str(session.id), "token": token,
                                                "cms": _cms(demo_ca, "bayterek-director-sign")}})
    assert [e["code"] for e in body["signingSessionComplete"]["errors"]] == ["SIGNING_SESSION_EXPIRED"]
    view = (await anon.data(VIEW, {"id": str(session.id), "token": token}))["signingSession"]
    assert view["status"] == "EXPIRED"
    assert await HistoryEvent.exists(entity="signing_session", entity_id=str(session.id), action="expired")


async def test_the_wrong_signer_fails_the_session_with_its_code(anon, company, demo_ca):
    # given: the Alatau director signs what Bayterek must sign
    session, token = await _open(company.user)
    # when
    body = await anon.data(COMPLETE, {"input": {"id": str(session.id), "token": token,
                                                "cms": _cms(demo_ca, "alatau-director-sign")}})
    # then
    assert [e["code"] for e in body["signingSessionComplete"]["errors"]] == ["SIGNER_MISMATCH"]
    view = (await anon.data(VIEW, {"id": str(session.id), "token": token}))["signingSession"]
    assert (view["status"], view["errorCode"], view["signer"]) == ("FAILED", "SIGNER_MISMATCH", None)
    # a failed session is final
    again = await anon.data(COMPLETE, {"input": {"id": str(session.id), "token": token,
                                                 "cms": _cms(demo_ca, "bayterek-director-sign")}})
    assert [e["code"] for e in again["signingSessionComplete"]["errors"]] == ["SIGNING_SESSION_CLOSED"]


@pytest.mark.parametrize(
    ("name", "payload", "code"),
    [
        ("bayterek-director-auth", PAYLOAD, "KEY_USAGE_INVALID"),
        ("bayterek-director-sign", PAYLOAD + b" ", "SIGNATURE_INVALID"),
        ("test-revoked-sign", PAYLOAD, "CERT_REVOKED"),
    ],
)
async def test_a_bad_signature_fails_the_session(anon, company, demo_ca, name, payload, code):
    session, token = await _open(company.user)
    body = await anon.data(COMPLETE, {"input": {"id": str(session.id), "token": token, "cms": _cms(demo_ca, name, payload)}})
    assert [e["code"] for e in body["signingSessionComplete"]["errors"]] == [code]
    assert (await SigningSession.get(id=session.id)).status == SigningStatus.FAILED


async def test_a_person_expected_by_iin_signs_with_their_own_certificate(rt, citizen, demo_ca):
    session, token = await _open(citizen.user, expected="900515300197")
    row = await service.complete(rt, session.id, token, f.sign(demo_ca, "citizen-sign", PAYLOAD), RequestInfo())
    assert row.status == SigningStatus.SIGNED and service.signer_of(row).iin == "900515300197"


async def test_the_domain_takes_the_signature_once(rt, company, demo_ca):
    # given
    session, token = await _open(company.user)
    cms = f.sign(demo_ca, "bayterek-director-sign", PAYLOAD)
    await service.complete(rt, session.id, token, cms, RequestInfo())
    # when
    taken, signer = await service.take_signed(session.id, company.user.id, "application", "app-42", payload=PAYLOAD)
    # then
    assert taken == cms and (signer.iin, signer.bin) == ("780212300122", BIN)
    with pytest.raises(DomainError) as caught:
        await service.take_signed(session.id, company.user.id, "application", "app-42")
    assert caught.value.code == "SIGNING_SESSION_USED"
    actions = await HistoryEvent.filter(entity="signing_session", entity_id=str(session.id)).values_list("action", flat=True)
    assert sorted(actions) == ["created", "signed", "taken"]


@pytest.mark.parametrize(
    ("user_is_creator", "purpose", "subject", "code"),
    [
        (False, "application", "app-42", "SIGNING_SESSION_NOT_FOUND"),
        (True, "supplementary_agreement", "app-42", "SIGNING_SESSION_NOT_FOUND"),
        (True, "application", "app-43", "SIGNING_SESSION_NOT_FOUND"),
    ],
)
async def test_only_the_creator_takes_it_for_the_same_purpose_and_subject(
    rt, company, citizen, demo_ca, user_is_creator, purpose, subject, code
):
    session, token = await _open(company.user)
    await service.complete(rt, session.id, token, f.sign(demo_ca, "bayterek-director-sign", PAYLOAD), RequestInfo())
    user = company.user if user_is_creator else citizen.user
    with pytest.raises(DomainError) as caught:
        await service.take_signed(session.id, user.id, purpose, subject)
    assert caught.value.code == code


async def test_an_unsigned_session_or_changed_payload_cannot_be_taken(rt, company, demo_ca):
    session, token = await _open(company.user)
    with pytest.raises(DomainError) as caught:
        await service.take_signed(session.id, company.user.id, "application", "app-42")
    assert (caught.value.code, caught.value.params["status"]) == ("SIGNING_SESSION_NOT_SIGNED", "pending")
    await service.complete(rt, session.id, token, f.sign(demo_ca, "bayterek-director-sign", PAYLOAD), RequestInfo())
    with pytest.raises(DomainError) as caught:
        await service.take_signed(session.id, company.user.id, "application", "app-42", payload=PAYLOAD + b"v2")
    assert caught.value.code == "SIGNING_PAYLOAD_CHANGED"


async def test_the_creator_or_the_token_holder_can_cancel(anon, company):
    first, _ = await _open(company.user)
    body = await company.data(CANCEL, {"input": {"id": str(first.id)}})
    assert body["signingSessionCancel"]["session"]["status"] == "CANCELLED"
    second, token = await _open(company.user)
    stranger = await anon.data(CANCEL, {"input": {"id": str(second.id)}})
    assert [e["code"] for e in stranger["signingSessionCancel"]["errors"]] == ["SIGNING_SESSION_NOT_FOUND"]
    declined = await anon.data(CANCEL, {"input": {"id": str(second.id), "token": token}})
    assert declined["signingSessionCancel"]["session"]["status"] == "CANCELLED"
    again = await anon.data(CANCEL, {"input": {"id": str(second.id), "token": token}})
    assert [e["code"] for e in again["signingSessionCancel"]["errors"]] == ["SIGNING_SESSION_CLOSED"]


async def test_two_devices_completing_at_once_sign_it_once(rt, company, demo_ca):
    session, token = await _open(company.user)
    cms = f.sign(demo_ca, "bayterek-director-sign", PAYLOAD)
    results = await asyncio.gather(
        *(service.complete(rt, session.id, token, cms, RequestInfo()) for _ in range(3)), return_exceptions=True
    )
    assert sum(not isinstance(r, Exception) for r in results) == 1
    assert {r.code for r in results if isinstance(r, DomainError)} == {"SIGNING_SESSION_CLOSED"}
    signed = await HistoryEvent.filter(entity="signing_session", entity_id=str(session.id), action="signed").count()
    assert signed == 1


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("purpose", "Application!", "INVALID_PURPOSE"),
        ("payload", b"", "INVALID_PAYLOAD"),
        ("payload", b"x" * (64 * 1024 + 1), "INVALID_PAYLOAD"),
        ("expected", "123456789012", "INVALID_IIN_BIN"),
    ],
)
async def test_a_session_needs_a_purpose_a_payload_and_a_valid_signer(company, field, value, code):
    args = {"purpose": "application", "payload": PAYLOAD, "expected": BIN} | {field: value}
    with pytest.raises(DomainError) as caught:
        await service.create_session(args["purpose"], "app-42", args["payload"], "", args["expected"], company.user)
    assert caught.value.code == code
