"""Access tokens: only ours, only HS256, only typed as access, only for us, only while valid."""

from __future__ import annotations

import base64
import datetime as dt
import json

import jwt
import pytest

from backend.auth import tokens
from backend.models.identity import RefreshToken, Session
from tests.helpers import ApiClient

ME = "query { me { id } }"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _claims(settings, user_id, session_id, **over):
    now = int(dt.datetime.now(dt.timezone.utc).timestamp())
    claims = {"iss": settings.jwt_issuer, "aud": settings.jwt_audience, "sub": str(user_id), "sid": str(session_id),
              "iat": now, "nbf": now, "exp": now + 600, "jti": "x"}
    claims.update(over)
    return claims


async def _status(client: ApiClient, token: str) -> tuple[int, str | None]:
    client.token = token
    response = await client.raw(ME)
    code = response.json()["errors"][0]["extensions"]["code"] if response.status_code == 401 else None
    return response.status_code, code


async def test_a_valid_token_is_accepted(citizen):
    assert (await citizen.data(ME))["me"]["id"] == str(citizen.user.id)


async def test_alg_none_is_refused(citizen, settings):
    session = await Session.get(user_id=citizen.user.id)
    token = f"{_b64({'alg': 'none', 'typ': 'at+jwt'})}.{_b64(_claims(settings, citizen.user.id, session.id))}."
    assert await _status(citizen, token) == (401, "INVALID_TOKEN")


@pytest.mark.parametrize("alg", ["HS384", "HS512"])
async def test_another_hmac_algorithm_with_our_key_is_refused(citizen, settings, alg):
    session = await Session.get(user_id=citizen.user.id)
    key = tokens._key(settings, "access")
    token = jwt.encode(_claims(settings, citizen.user.id, session.id), key, algorithm=alg, headers={"typ": "at+jwt"})
    assert await _status(citizen, token) == (401, "INVALID_TOKEN")


async def test_a_token_signed_with_another_key_is_refused(citizen, settings):
    session = await Session.get(user_id=citizen.user.id)
    token = jwt.encode(_claims(settings, citizen.user.id, session.id), "not-our-key-" * 4, algorithm="HS256", headers={"typ": "at+jwt"})
    assert await _status(citizen, token) == (401, "INVALID_TOKEN")


@pytest.mark.parametrize("claim,value", [("aud", "someone-else"), ("iss", "evil"), ("sub", "not-a-uuid")])
async def test_wrong_audience_issuer_or_subject_is_refused(citizen, settings, claim, value):
    session = await Session.get(user_id=citizen.user.id)
    key = tokens._key(settings, "access")
    token = jwt.encode(_claims(settings, citizen.user.id, session.id, **{claim: value}), key, algorithm="HS256", headers={"typ": "at+jwt"})
    assert await _status(citizen, token) == (401, "INVALID_TOKEN")


async def test_an_expired_token_says_so(citizen, settings):
    session = await Session.get(user_id=citizen.user.id)
    past = int((dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=20)).timestamp())
    key = tokens._key(settings, "access")
    token = jwt.encode(_claims(settings, citizen.user.id, session.id, iat=past - 900, nbf=past - 900, exp=past), key,
                       algorithm="HS256", headers={"typ": "at+jwt"})
    assert await _status(citizen, token) == (401, "TOKEN_EXPIRED")


async def test_access_tokens_live_at_most_fifteen_minutes(citizen, settings):
    claims = jwt.decode(citizen.token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] <= 15 * 60


async def test_a_refresh_token_used_as_access_is_refused(citizen, settings):
    session = await Session.get(user_id=citizen.user.id)
    row = await RefreshToken.filter(session=session).first()
    refresh = tokens.issue_refresh(settings, citizen.user.id, session.id, row.id, row.expires_at)
    assert await _status(citizen, refresh) == (401, "INVALID_TOKEN")


async def test_missing_typ_header_is_refused(citizen, settings):
    session = await Session.get(user_id=citizen.user.id)
    token = jwt.encode(_claims(settings, citizen.user.id, session.id), tokens._key(settings, "access"), algorithm="HS256")
    assert await _status(citizen, token) == (401, "INVALID_TOKEN")


async def test_a_tampered_payload_is_refused(citizen, legal_entity):
    header, _, signature = citizen.token.split(".")
    other_payload = legal_entity.token.split(".")[1]
    assert await _status(citizen, f"{header}.{other_payload}.{signature}") == (401, "INVALID_TOKEN")


async def test_a_token_of_a_revoked_session_is_refused(citizen):
    await Session.filter(user_id=citizen.user.id).update(revoked_at=dt.datetime.now(dt.timezone.utc))
    assert await _status(citizen, citizen.token) == (401, "SESSION_REVOKED")


async def test_an_empty_bearer_is_refused(citizen):
    citizen.token = None
    response = await citizen.raw(ME, headers={"authorization": "Bearer "})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_no_token_is_simply_anonymous(anon):
    assert (await anon.data(ME))["me"] is None
