"""Sign-in with an electronic signature over GraphQL: challenge, signed CMS, session like password login."""

from __future__ import annotations

import base64
import datetime as dt

import pytest

from backend.models.history import HistoryEvent
from backend.models.identity import AccountKind
from backend.models.signatures import EdsChallenge
from tests.helpers import create_user
from tests.pki import cms_factory as f

CHALLENGE = "mutation { sessionEdsChallenge { challengeId data expiresAt errors { code } } }"
LOGIN = """
mutation Login($input: EdsLoginInput!) {
  sessionEdsLogin(input: $input) {
    accessToken
    user { id iinBin kind roles }
    errors { field code message }
  }
}
"""
ME = "query { me { id iinBin fullName } }"
SESSIONS = "query { mySessions { method current } }"


async def _challenge(client) -> tuple[str, bytes]:
    payload = (await client.data(CHALLENGE))["sessionEdsChallenge"]
    assert payload["errors"] == []
    return payload["challengeId"], base64.b64decode(payload["data"])


async def _login(client, demo_ca, name: str, *, challenge: tuple[str, bytes] | None = None, tamper: bool = False):
    challenge_id, data = challenge or await _challenge(client)
    cms = f.sign(demo_ca, name, data + (b"!" if tamper else b""))
    response = await client.raw(LOGIN, {"input": {"challengeId": challenge_id, "cms": base64.b64encode(cms).decode()}})
    return response, response.json()["data"]["sessionEdsLogin"]


def _codes(payload) -> list[str]:
    return [e["code"] for e in payload["errors"]]


async def test_a_citizen_signs_in_with_the_auth_certificate_and_then_is_me(anon, demo_ca):
    # given
    user = await create_user("citizen", iin_bin="900515300197")
    # when
    response, payload = await _login(anon, demo_ca, "citizen-auth")
    # then
    assert payload["errors"] == [] and payload["user"]["id"] == str(user.id)
    assert response.headers["set-cookie"].startswith("__Host-shanyraq_refresh=")
    anon.token = payload["accessToken"]
    assert (await anon.data(ME))["me"]["iinBin"] == "900515300197"
    assert (await anon.data(SESSIONS))["mySessions"] == [{"method": "eds", "current": True}]
    audit = await HistoryEvent.filter(action="eds_certificate").first()
    assert audit.data["serial"] == demo_ca.certs["citizen-auth"].serial and audit.actor_id == user.id


async def test_the_challenge_is_base64_of_prefixed_random_bytes_that_expire_in_two_minutes(anon):
    body = (await anon.data(CHALLENGE))["sessionEdsChallenge"]
    data = base64.b64decode(body["data"])
    assert data.startswith(b"shanyraq:eds-login:") and len(data) == len(b"shanyraq:eds-login:") + 64
    expires = dt.datetime.fromisoformat(body["expiresAt"])
    assert dt.timedelta(seconds=100) < expires - dt.datetime.now(dt.timezone.utc) <= dt.timedelta(seconds=120)
    other = (await anon.data(CHALLENGE))["sessionEdsChallenge"]
    assert other["data"] != body["data"]


async def test_a_director_certificate_opens_the_company_account(anon, demo_ca):
    company = await create_user("legal_entity", iin_bin="040640406657", kind=AccountKind.COMPANY)
    _, payload = await _login(anon, demo_ca, "bayterek-director-auth")
    assert payload["errors"] == [] and payload["user"]["id"] == str(company.id)
    assert payload["user"]["kind"] == "COMPANY"


async def test_an_employee_certificate_opens_the_person_account_when_the_company_has_none(anon, demo_ca):
    operator = await create_user("kzhk_operator", iin_bin="880321400453")
    _, payload = await _login(anon, demo_ca, "kzhk-operator-auth")
    assert payload["errors"] == [] and payload["user"]["id"] == str(operator.id)
    assert payload["user"]["roles"] == ["KZHK_OPERATOR"]


async def test_a_replayed_challenge_is_refused(anon, demo_ca):
    # given
    await create_user("citizen", iin_bin="900515300197")
    challenge = await _challenge(anon)
    _, first = await _login(anon, demo_ca, "citizen-auth", challenge=challenge)
    assert first["errors"] == []
    # when the same signed challenge comes again
    _, again = await _login(anon, demo_ca, "citizen-auth", challenge=challenge)
    # then
    assert _codes(again) == ["CHALLENGE_USED"] and again["accessToken"] is None


async def test_a_failed_attempt_burns_the_challenge_too(anon, demo_ca):
    await create_user("citizen", iin_bin="900515300197")
    challenge = await _challenge(anon)
    _, bad = await _login(anon, demo_ca, "citizen-auth", challenge=challenge, tamper=True)
    _, good = await _login(anon, demo_ca, "citizen-auth", challenge=challenge)
    assert (_codes(bad), _codes(good)) == (["EDS_LOGIN_FAILED"], ["CHALLENGE_USED"])


async def test_an_expired_challenge_is_refused(anon, demo_ca):
    await create_user("citizen", iin_bin="900515300197")
    challenge_id, data = await _challenge(anon)
    await EdsChallenge.filter(id=challenge_id).update(expires_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1))
    _, payload = await _login(anon, demo_ca, "citizen-auth", challenge=(challenge_id, data))
    assert _codes(payload) == ["CHALLENGE_EXPIRED"]


@pytest.mark.parametrize("challenge_id", ["00000000-0000-0000-0000-000000000000", "not-a-uuid"])
async def test_an_unknown_challenge_is_refused(anon, demo_ca, challenge_id):
    _, payload = await _login(anon, demo_ca, "citizen-auth", challenge=(challenge_id, b"shanyraq:eds-login:00"))
    assert _codes(payload) == ["CHALLENGE_NOT_FOUND"]


async def test_an_unknown_holder_and_a_bad_signature_look_the_same(anon, demo_ca):
    # no account holds the citizen's IIN
    _, unknown = await _login(anon, demo_ca, "citizen-auth")
    _, tampered = await _login(anon, demo_ca, "citizen-auth", tamper=True)
    assert unknown["errors"] == tampered["errors"]
    assert _codes(unknown) == ["EDS_LOGIN_FAILED"] and unknown["errors"][0]["field"] == "cms"


async def test_a_deactivated_account_cannot_sign_in_with_eds(anon, demo_ca):
    await create_user("citizen", iin_bin="900515300197", is_active=False)
    _, payload = await _login(anon, demo_ca, "citizen-auth")
    assert _codes(payload) == ["EDS_LOGIN_FAILED"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("citizen-sign", "KEY_USAGE_INVALID"),  # the signing key does not open sessions
        ("test-expired-sign", "CERT_EXPIRED"),
        ("test-untrusted-sign", "CERT_UNTRUSTED"),
    ],
)
async def test_certificate_problems_keep_their_own_code(anon, demo_ca, name, code):
    await create_user("citizen", iin_bin="900515300197")
    _, payload = await _login(anon, demo_ca, name)
    assert _codes(payload) == [code]


async def test_a_cms_that_is_not_base64_is_malformed(anon):
    challenge_id, _ = await _challenge(anon)
    body = await anon.gql(LOGIN, {"input": {"challengeId": challenge_id, "cms": "%%% not base64"}})
    assert _codes(body["data"]["sessionEdsLogin"]) == ["CMS_MALFORMED"]


async def test_challenges_are_rate_limited_per_address(anon):
    for _ in range(20):
        assert (await anon.data(CHALLENGE))["sessionEdsChallenge"]["errors"] == []
    body = (await anon.data(CHALLENGE))["sessionEdsChallenge"]
    assert [e["code"] for e in body["errors"]] == ["RATE_LIMITED"] and body["challengeId"] is None
