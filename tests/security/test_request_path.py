"""The request path keeps what it remembers between requests to what cannot change: a verified
token's signature and a parsed, validated document. Whether the session, the user and the roles
still hold is asked anew on every request."""

from __future__ import annotations

import datetime as dt

import jwt

from backend.auth import tokens
from backend.graphql_app import encode_json
from backend.models.identity import Role, User, UserRole
from tests.helpers import ApiClient

ME = "query { me { id fullName roles } }"


async def _status(client: ApiClient) -> tuple[int, str | None]:
    response = await client.raw(ME)
    code = response.json()["errors"][0]["extensions"]["code"] if response.status_code == 401 else None
    return response.status_code, code


async def test_a_deleted_user_is_refused_on_the_next_request(citizen):
    # given a token that was accepted (so its signature is remembered)
    assert (await citizen.data(ME))["me"]["id"] == str(citizen.user.id)
    # when the account is deleted
    await User.filter(id=citizen.user.id).delete()
    # then the same token is refused
    assert await _status(citizen) == (401, "SESSION_REVOKED")


async def test_a_deactivated_user_is_refused_on_the_next_request(citizen):
    # given
    assert (await citizen.data(ME))["me"] is not None
    # when
    await User.filter(id=citizen.user.id).update(is_active=False)
    # then
    assert await _status(citizen) == (401, "SESSION_REVOKED")


async def test_a_role_change_shows_on_the_next_request(citizen):
    # given
    assert (await citizen.data(ME))["me"]["roles"] == ["CITIZEN"]
    # when
    await UserRole.create(user_id=citizen.user.id, role=Role.RESIDENT)
    # then
    assert sorted((await citizen.data(ME))["me"]["roles"]) == ["CITIZEN", "RESIDENT"]
    await UserRole.filter(user_id=citizen.user.id).delete()
    assert (await citizen.data(ME))["me"]["roles"] == []


async def test_a_remembered_token_is_refused_once_it_expires(citizen, settings, monkeypatch):
    # given a token accepted once
    claims = tokens.verify_access(settings, citizen.token)
    # when the clock passes its expiry
    later = claims.expires_at.timestamp() + 1
    monkeypatch.setattr(tokens.time, "time", lambda: later)
    # then
    try:
        tokens.verify_access(settings, citizen.token)
    except tokens.TokenError as exc:
        assert exc.code == "TOKEN_EXPIRED"
    else:
        raise AssertionError("an expired token was accepted")


async def test_a_token_is_remembered_only_for_the_key_that_signed_it(citizen, settings):
    # given a token accepted under our key
    tokens.verify_access(settings, citizen.token)
    # when the key changes
    other = type(settings)(**{**settings.__dict__, "secret_key": "another-secret-key-that-is-long-enough-0123456789"})
    # then it is checked again, and refused
    try:
        tokens.verify_access(other, citizen.token)
    except tokens.TokenError as exc:
        assert exc.code == "INVALID_TOKEN"
    else:
        raise AssertionError("a token signed with another key was accepted")


async def test_a_forged_token_never_becomes_remembered(citizen, settings):
    # given a token signed with another key, offered twice
    claims = jwt.decode(citizen.token, options={"verify_signature": False})
    forged = jwt.encode(claims, "x" * 64, algorithm="HS256", headers={"typ": tokens.ACCESS_TYP})
    for _ in range(2):
        citizen.token = forged
        # then it is refused both times
        assert await _status(citizen) == (401, "INVALID_TOKEN")


async def test_a_remembered_document_still_checks_each_requests_variables(citizen):
    # given a document that passed once
    query = "query ($id: ID!) { contract(id: $id) { id } }"
    assert (await citizen.gql(query, {"id": "00000000-0000-0000-0000-000000000000"})).get("errors") is None
    # when the same text comes with variables of the wrong type
    body = await citizen.gql(query, {"id": {"not": "an id"}})
    # then they are refused as before
    assert body.get("errors")


async def test_a_document_that_failed_validation_fails_again(citizen):
    for _ in range(2):
        assert (await citizen.gql("query { me { noSuchField } }"))["errors"]


async def test_answers_are_utf8_and_equal_to_the_standard_encoders(citizen):
    # given Kazakh text in the account
    name = "Әлия Ғабитқызы Құрманғазиева"
    await User.filter(id=citizen.user.id).update(full_name=name)
    # when
    response = await citizen.raw(ME)
    # then the letters travel as UTF-8, and the JSON is the same value
    assert name.encode() in response.content
    assert response.json()["data"]["me"]["fullName"] == name


def test_what_orjson_refuses_is_still_encoded():
    import json

    for value in ({"s": "\ud800"}, {"n": 2**70}, {1: "non-string key"}):
        assert json.loads(encode_json(value)) == json.loads(json.dumps(value))


async def test_an_expired_token_is_not_accepted_from_memory_or_otherwise(citizen, settings):
    past = int((dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=20)).timestamp())
    claims = jwt.decode(citizen.token, options={"verify_signature": False})
    expired = jwt.encode(
        {**claims, "iat": past - 60, "nbf": past - 60, "exp": past},
        tokens._key(settings, "access"), algorithm="HS256", headers={"typ": tokens.ACCESS_TYP},
    )
    citizen.token = expired
    assert await _status(citizen) == (401, "TOKEN_EXPIRED")
